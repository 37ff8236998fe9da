"""A terminal with more results than a person reads gets an overview (dxcheck.overview);
a pipe, a file or an explicit --format gets every result."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from types import SimpleNamespace
from typing import TYPE_CHECKING, cast

import pytest
from hypothesis import given
from hypothesis import strategies as st

from dxcheck.formats import TERMINAL_LIMIT
from dxcheck.report import Outlook, Result, Status, Trend, worst_first
from tests.conftest import DATA, Run, write

if TYPE_CHECKING:
    from dxcheck.catalog import Target

CATALOG = str(DATA / "catalog.yaml")
PROVINCES = [f"Xã Số {i} (Tỉnh {i % 7})" for i in range(60)]


@pytest.fixture
def many(tmp_path: Path) -> str:
    """60 communes x 4 targets, plus the nation: more results than TERMINAL_LIMIT."""
    rows = ["target,entity,date,value"]
    for i, commune in enumerate(PROVINCES):
        rows.append(f"online-public-services,{commune},2025-06-30,{40 + i % 50}")
        rows.append(f"cash-payments,{commune},2025-06-30,{20 + i % 30}")
        rows.append(f"e-signature-2025,{commune},2025-05-31,{50 + i % 45}")
        rows.append(f"digital-enterprises,{commune},2025-06-30,{100 + i}")
    return str(write(tmp_path / "communes.csv", "\n".join(rows) + "\n"))


def on_a_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("dxcheck.cli._stdout_is_terminal", lambda: True)


def test_a_terminal_gets_an_overview(run_cli: Run, many: str, monkeypatch: pytest.MonkeyPatch) -> None:
    on_a_terminal(monkeypatch)
    run = run_cli("status", many, "-t", CATALOG, "--as-of", "2026-01-15", env={"COLUMNS": "80"})
    assert run.exit_code == 1
    lines = run.stdout.splitlines()
    assert len(lines) < 80  # not one (or two) lines for each of the 245 results
    assert all(len(line) <= 80 for line in lines), [line for line in lines if len(line) > 80]
    assert lines[0].startswith("245 results as of 2026-01-15:")
    assert "category" in lines[lines.index("") + 1]
    assert "... and 46 more entities (dxcheck status --by entity)" in lines
    failing_at = next(i for i, line in enumerate(lines) if line.startswith("The 20 results that fail"))
    shown = lines[failing_at + 3 : failing_at + 23]
    # worst first: overdue (the nation: no national row) before failed, the least progress
    # first among those
    assert [line.split()[0] for line in shown[:3]] == ["overdue"] * 3
    assert all(" national " in line for line in shown[:3])
    failed = [line.split() for line in shown[3:]]
    assert {words[0] for words in failed} == {"fail"}
    shares = [int(words[-2].rstrip("%")) for words in failed]  # progress, then the outlook
    assert shares == sorted(shares)
    assert any(line.startswith("Next, the worst result: dxcheck show ") for line in lines)
    assert lines[-2].startswith("245 results in all: --all lists every one here")


@pytest.mark.parametrize(
    "extra",
    [("--all",), ("--format", "table"), ("--format", "json")],
    ids=["all", "explicit-table", "json"],
)
def test_all_or_a_format_gives_every_result(
    run_cli: Run, many: str, monkeypatch: pytest.MonkeyPatch, extra: tuple[str, ...]
) -> None:
    on_a_terminal(monkeypatch)
    run = run_cli("status", many, "-t", CATALOG, "--as-of", "2026-01-15", *extra)
    assert run.exit_code == 1
    assert "results in all: --all" not in run.stdout
    assert run.stdout.count("Xã Số 59 (Tỉnh 3)") >= 4  # every target of the last commune


def test_a_pipe_gives_every_result(run_cli: Run, many: str) -> None:
    run = run_cli("status", many, "-t", CATALOG, "--as-of", "2026-01-15")
    assert "results in all: --all" not in run.stdout
    assert run.stdout.count("Xã Số 59 (Tỉnh 3)") >= 4


def test_few_results_on_a_terminal_are_all_shown(run_cli: Run, monkeypatch: pytest.MonkeyPatch) -> None:
    on_a_terminal(monkeypatch)
    run = run_cli("status", "tests/data/progress.csv", "-t", CATALOG, "--as-of", "2026-01-15")
    assert "results in all" not in run.stdout
    assert len(run.stdout.splitlines()) < TERMINAL_LIMIT


@pytest.mark.parametrize("lang", ["en", "vi"])
@pytest.mark.parametrize("width", [80, 200])
def test_overview_golden(
    run_cli: Run, many: str, monkeypatch: pytest.MonkeyPatch, width: int, lang: str
) -> None:
    from dxcheck.formats.grid import cell_width
    from tests.golden import check_golden

    on_a_terminal(monkeypatch)
    run = run_cli(
        "status", many, "-t", CATALOG, "--as-of", "2026-01-15", "--lang", lang, env={"COLUMNS": str(width)}
    )
    assert run.exit_code == 1
    check_golden(f"readable/overview.{lang}.{width}.txt", run.stdout.replace(many, "communes.csv"))
    assert all(cell_width(line) <= width for line in run.stdout.splitlines())


# --- the order of the failing results ---------------------------------------------------


def _tuple_key_order(results: list[Result]) -> list[Result]:
    """``worst_first`` as first written: one sort on a tuple per result."""
    rank = {Status.OVERDUE: 0, Status.FAIL: 1, Status.PENDING: 2, Status.PASS: 3}
    return sorted(
        results,
        key=lambda r: (
            rank[r.status],
            r.progress if r.progress is not None else -1.0,
            r.target.id,
            r.entity or "",
        ),
    )


_TARGETS = [SimpleNamespace(id=name) for name in ("b-target", "a-target", "c", "a-target2")]
_RESULT = st.builds(
    lambda target, entity, status, progress, observations: Result(
        cast("Target", target),
        entity,
        status,
        False,
        None,
        None,
        observations,
        progress,
        None,
        Trend(Outlook.MISSED),
    ),
    st.sampled_from(_TARGETS),
    st.sampled_from([None, "", "Huế", "huế", "Hà Nội", "Xã A", "Xã a"]),
    st.sampled_from(list(Status)),
    st.one_of(st.none(), st.sampled_from([-0.5, 0.0, 0.25, 1.0, 2.5]), st.floats(-10, 10)),
    st.integers(0, 3),  # tells equal results apart: ties keep their order
)


@given(st.lists(_RESULT, max_size=60))
def test_worst_first_is_the_order_of_one_sort_on_the_whole_key(results: list[Result]) -> None:
    """Sorted a key at a time, the results come out as one sort on (status, progress,
    id, entity) puts them, ties in the order they came (the same objects, not equal ones)."""
    got = worst_first(results)
    expected = _tuple_key_order(results)
    assert [id(r) for r in got] == [id(r) for r in expected]


@pytest.mark.parametrize(
    ("names", "expected"),
    [
        ([], False),
        ([None], False),
        (["Huế", "Huế", "Huế"], False),  # one entity: no "failing most" line to give
        ([None, "Huế"], True),
        (["Huế", "Huế", "Hà Nội"], True),
    ],
)
def test_two_entities_or_more(names: list[str | None], expected: bool) -> None:
    from dxcheck.formats.table import _two_or_more

    assert _two_or_more(names) is expected


def test_two_entities_are_read_only_as_far_as_the_second() -> None:
    from dxcheck.formats.table import _two_or_more

    def names() -> Iterator[str]:
        yield "Huế"
        yield "Hà Nội"
        raise AssertionError("read past the second name")

    assert _two_or_more(names())
