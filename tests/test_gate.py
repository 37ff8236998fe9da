"""The gate never passes by mistake: a selection word that names nothing is a usage error
with a "did you mean", a selection that matches no result is exit 2, and every command
that reads progress takes the same reading options. ``status --by`` states the gate."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from dxcheck import cells
from dxcheck.check import Options, run_status
from dxcheck.selection import Selection
from tests.conftest import REPO, Run, write

CATALOG = "tests/data/catalog.yaml"
PROGRESS = "tests/data/progress.csv"
STATUS = ("status", PROGRESS, "-t", CATALOG, "--as-of", "2026-01-15")


@pytest.fixture(autouse=True)
def _in_repo(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(REPO)


def _usage(run_cli: Run, *args: str) -> str:
    """Run a command that must be refused: exit 2, nothing on stdout; the last stderr line."""
    result = run_cli(*args)
    assert result.exit_code == 2, result.stderr
    assert result.stdout == ""
    return result.stderr.splitlines()[-1]


@pytest.mark.parametrize(
    ("args", "line"),
    [
        (
            ("--entity", "Ha Noi"),
            "dxcheck: error: --entity: no entity matches 'Ha Noi' (did you mean 'Hà Nội'?)",
        ),
        (
            ("--entity", "Ha Noii"),
            "dxcheck: error: --entity: no entity matches 'Ha Noii' (did you mean 'Hà Nội'?)",
        ),
        (
            ("--entity", "nationl"),
            "dxcheck: error: --entity: no entity matches 'nationl' (did you mean 'national'?)",
        ),
        (
            ("--category", "digital-goverment"),
            "dxcheck: error: --category: no category matches 'digital-goverment' "
            "(did you mean 'digital-government'?)",
        ),
        (
            ("--category", "health"),
            "dxcheck: error: --category: no category matches 'health' "
            "(one of digital-economy, digital-government, infrastructure)",
        ),
        (
            ("--agency", "Ministry of Public Securty"),
            "dxcheck: error: --agency: no agency matches 'Ministry of Public Securty' "
            "(did you mean 'Ministry of Public Security'?)",
        ),
        (
            ("--target", "onlin-services"),
            "dxcheck: error: --target: no target matches 'onlin-services' "
            "(did you mean 'online-public-services'?)",
        ),
        (
            ("--status", "failed"),
            "dxcheck: error: --status: unknown status or outlook 'failed' (did you mean 'fail'?)",
        ),
        (
            ("--fail-on", "of-track"),
            "dxcheck: error: --fail-on: unknown status or outlook 'of-track' (did you mean 'off_track'?)",
        ),
    ],
)
def test_a_word_that_names_nothing_is_a_usage_error(run_cli: Run, args: tuple[str, ...], line: str) -> None:
    assert _usage(run_cli, *STATUS, *args) == line
    # ... whatever the format, with the gate off, with a scoreboard: never an empty pass
    assert _usage(run_cli, *STATUS, *args, "-f", "json", "--fail-on", "none") == line
    assert _usage(run_cli, *STATUS, *args, "--by", "entity") == line


@pytest.mark.parametrize(
    ("words", "canonical"),
    [
        (("off track",), ["off_track"]),
        (("off-track",), ["off_track"]),
        (("OFF_TRACK",), ["off_track"]),
        (("needs acceleration", "insufficient data"), ["insufficient_data", "needs_acceleration"]),
        (("met late, missed",), ["met_late", "missed"]),
    ],
)
def test_gate_words_as_the_table_prints_them(
    run_cli: Run, words: tuple[str, ...], canonical: list[str]
) -> None:
    gate = run_cli(*STATUS, "-f", "json", *(a for w in words for a in ("--fail-on", w)))
    assert gate.exit_code in (0, 1), gate.stderr
    assert json.loads(gate.stdout)["gate"]["fail_on"] == canonical
    shown = run_cli(*STATUS, "-f", "json", *(a for w in words for a in ("--status", w)))
    assert shown.exit_code in (0, 1), shown.stderr
    results = json.loads(shown.stdout)["results"]
    assert all({r["status"], r["outlook"]} & set(canonical) for r in results)


def test_a_selection_that_matches_no_result_fails(run_cli: Run) -> None:
    """Hà Nội exists, and so does data-center, but Hà Nội has no data-center row."""
    line = _usage(run_cli, *STATUS, "--entity", "Hà Nội", "--target", "data-center", "--fail-on", "none")
    assert line == (
        "dxcheck: error: the selection matches no result: --target 'data-center' --entity 'Hà Nội' "
        "(an empty selection cannot pass the gate)"
    )
    # a target restated before the as-of date is not in force: nothing to gate on either
    assert "the selection matches no result: --target 'e-signature-2024'" in _usage(
        run_cli, *STATUS, "--target", "e-signature-2024"
    )
    due = _usage(run_cli, *STATUS, "--due-before", "2020-01-01", "-f", "json")
    assert due.startswith("dxcheck: error: the selection matches no result: due on or before 2020-01-01")


def test_a_status_filter_may_narrow_to_nothing(run_cli: Run) -> None:
    """--status picks among existing results: none with that status is a true answer."""
    result = run_cli(*STATUS, "--category", "digital-economy", "--status", "fail", "-f", "json")
    assert result.exit_code == 0
    assert json.loads(result.stdout)["results"] == []
    assert (
        "dxcheck: --status: none of the 2 selected result(s) has status or outlook 'fail'\n" in result.stderr
    )


def test_entities_from_the_catalog_list_and_aliases(run_cli: Run, tmp_path: Path) -> None:
    catalog = tmp_path / "catalog.yaml"
    catalog.write_text(
        (REPO / CATALOG).read_text(encoding="utf-8")
        + "entities:\n"
        + "  - name: Hà Nội\n    aliases: [TP. Hà Nội]\n"
        + "  - name: Đà Nẵng\n",
        encoding="utf-8",
    )
    base = ("status", PROGRESS, "-t", str(catalog), "--as-of", "2026-01-15", "-f", "json")
    alias = run_cli(*base, "--entity", "tp. hà nội")
    assert alias.exit_code == 1, alias.stderr
    assert {r["entity"] for r in json.loads(alias.stdout)["results"]} == {"Hà Nội"}
    assert _usage(run_cli, *base, "--entity", "Da Nang") == (
        "dxcheck: error: --entity: no entity matches 'Da Nang' (did you mean 'Đà Nẵng'?)"
    )
    # a listed entity with no row is no typo, but it selects nothing
    assert "the selection matches no result: --entity 'Đà Nẵng'" in _usage(
        run_cli, *base, "--entity", "Đà Nẵng"
    )


@pytest.mark.parametrize(
    ("args", "needle"),
    [
        (
            ("show", "online-public-services", PROGRESS, "-t", CATALOG, "--entity", "Ha Noi"),
            "did you mean 'Hà Nội'?",
        ),
        (
            ("show", "data-center", PROGRESS, "-t", CATALOG, "--entity", "Hà Nội"),
            "the selection matches no result: --entity 'Hà Nội' (nothing to show)",
        ),
        (
            ("deadlines", PROGRESS, "-t", CATALOG, "--category", "infrastructur"),
            "did you mean 'infrastructure'?",
        ),
        (("deadlines", PROGRESS, "-t", CATALOG, "--agency", "Ministry of Securty"), "no agency matches"),
        (
            (
                "diff",
                "--from",
                "2025-07-01",
                "--to",
                "2026-01-15",
                PROGRESS,
                "-t",
                CATALOG,
                "--entity",
                "Ha Noi",
            ),
            "did you mean 'Hà Nội'?",
        ),
        (
            ("diff", "--from", "2025-07-01", PROGRESS, "-t", CATALOG, "--category", "digital-goverment"),
            "did you mean 'digital-government'?",
        ),
        (
            ("template", "-t", CATALOG, "--category", "digital-goverment"),
            "did you mean 'digital-government'?",
        ),
        (("template", "-t", CATALOG, "--agency", "Ministry of Public Securty"), "did you mean"),
        (
            ("template", "-t", CATALOG, "--target", "e-signature-2024", "--as-of", "2026-01-15"),
            "the selection matches no target in force on 2026-01-15: --target 'e-signature-2024'",
        ),
        (("targets", "-t", CATALOG, "--category", "digital-goverment"), "did you mean 'digital-government'?"),
    ],
)
def test_every_command_checks_its_selection(run_cli: Run, args: tuple[str, ...], needle: str) -> None:
    assert needle in _usage(run_cli, *args)


def test_diff_and_show_select_an_entity(run_cli: Run) -> None:
    diff = ("diff", "--from", "2025-01-01", "--to", "2026-01-15", PROGRESS, "-t", CATALOG, "-f", "json")
    result = run_cli(*diff, "--entity", "HÀ NỘI")
    assert result.exit_code == 0, result.stderr
    assert {c["entity"] for c in json.loads(result.stdout)["changes"]} == {"Hà Nội"}
    show = run_cli(
        "show", "online-public-services", PROGRESS, "-t", CATALOG, "--entity", "national", "-f", "json"
    )
    assert show.exit_code == 0, show.stderr
    assert [r["entity"] for r in json.loads(show.stdout)["results"]] == [None]


# --- status --by states the gate ---------------------------------------------------------


def test_scoreboard_states_the_gate(run_cli: Run) -> None:
    board = ("status", PROGRESS, "-t", CATALOG, "--as-of", "2026-01-15", "--by", "category")
    failed = run_cli(*board, "-f", "json")
    doc = json.loads(failed.stdout)
    assert failed.exit_code == 1
    assert doc["gate"] == {"fail_on": ["fail", "overdue"], "passed": False, "failing": 3}
    assert sum(g["gate_failing"] for g in doc["groups"]) == 3
    passed = run_cli(*board, "-f", "json", "--fail-on", "off_track")
    assert passed.exit_code == 0
    assert json.loads(passed.stdout)["gate"] == {"fail_on": ["off_track"], "passed": True, "failing": 0}
    early = run_cli(*board, "-f", "csv", "--fail-on", "on_track")
    assert early.exit_code == 1
    rows = [line.split(",") for line in early.stdout.splitlines()]
    assert rows[0][-1] == "gate_failing"
    assert {r[0]: r[-1] for r in rows[1:]} == {
        "digital-government": "0",
        "digital-economy": "2",
        "infrastructure": "0",
    }
    table = run_cli(*board, "--fail-on", "none")
    assert table.exit_code == 0
    assert table.stdout.endswith(
        "3 group(s) by category as of 2026-01-15.\nGate (fail on nothing): passed.\n"
    )
    markdown = run_cli(*board, "-f", "markdown")
    assert markdown.stdout.startswith("❌ **Gate failed** as of 2026-01-15: 3 of 6 result(s) fail the gate")


def test_a_catalog_word_is_checked_before_reading(run_cli: Run) -> None:
    result = run_cli("status", "no-such.csv", "-t", CATALOG, "--category", "digital-goverment")
    assert result.exit_code == 2
    assert result.stderr == (
        "dxcheck: error: --category: no category matches 'digital-goverment' "
        "(did you mean 'digital-government'?)\n"
    )


def test_scoreboard_format_is_checked_before_reading(run_cli: Run) -> None:
    line = _usage(run_cli, "status", "no-such.csv", "--by", "entity", "-f", "junit")
    assert line == "dxcheck: error: --by supports --format table, json, csv or markdown"


# --- the reading options on every command that reads progress -----------------------------

READERS = [
    ("status", PROGRESS, "-t", CATALOG),
    ("validate", PROGRESS, "-t", CATALOG),
    ("show", "online-public-services", PROGRESS, "-t", CATALOG),
    ("deadlines", PROGRESS, "-t", CATALOG),
    ("diff", "--from", "2025-07-01", PROGRESS, "-t", CATALOG),
]


@pytest.mark.parametrize("args", READERS, ids=lambda a: a[0])
def test_reading_options_reach_the_reader(
    run_cli: Run, monkeypatch: pytest.MonkeyPatch, args: tuple[str, ...]
) -> None:
    from dxcheck import check

    seen: list[check.Options] = []
    read = check.read_progress

    def spy(catalog: Any, options: check.Options, *rest: Any, **named: Any) -> Any:
        seen.append(options)
        return read(catalog, options, *rest, **named)

    monkeypatch.setattr(check, "read_progress", spy)
    result = run_cli(*args, "--decimal", "comma", "--date-order", "dmy", "--strict")
    assert result.exit_code in (0, 1), result.stderr
    assert seen, "the inputs were not read"
    assert all((o.decimal, o.date_order) == (cells.DecimalMark.COMMA, cells.DateOrder.DMY) for o in seen)
    assert seen[-1].strict  # diff's earlier run is lenient by design: it ignores later rows
    bad = run_cli(*args, "--decimal", "point")
    assert bad.exit_code == 2 and "Invalid value for '--decimal'" in bad.stderr


@pytest.mark.parametrize(
    "command",
    [
        ("deadlines",),
        ("diff", "--from", "2025-01-01"),
        ("show", "online-public-services"),
    ],
    ids=lambda c: c[0],
)
def test_date_order_and_strict_on_deadlines_diff_and_show(
    run_cli: Run, tmp_path: Path, command: tuple[str, ...]
) -> None:
    """DX212 tells people to pass --date-order: every command that reads must take it."""
    data = write(tmp_path / "dmy.csv", "target,date,value\nonline-public-services,05/06/2025,70\n")
    on = ("--to", "2026-01-15") if command[0] == "diff" else ("--as-of", "2026-01-15")
    base = (*command, str(data), "-t", CATALOG, *on)
    ambiguous = run_cli(*base)
    assert ambiguous.exit_code == 2 and "DX212 error" in ambiguous.stderr
    assert "--date-order dmy" in ambiguous.stderr
    settled = run_cli(*base, "--date-order", "dmy")
    assert settled.exit_code == 0, settled.stderr
    # Evaluated before the row's date (5 June 2025): a DX218 warning, an error with --strict.
    early = ("--to", "2025-06-01") if command[0] == "diff" else ("--as-of", "2025-06-01")
    late = run_cli(*command, str(data), "-t", CATALOG, *early, "--date-order", "dmy")
    assert late.exit_code == 0 and "DX218 warning" in late.stderr
    strict = run_cli(*command, str(data), "-t", CATALOG, *early, "--date-order", "dmy", "--strict")
    assert strict.exit_code == 2 and "DX218 error" in strict.stderr


@pytest.mark.parametrize(
    "chosen",
    [
        Selection(),
        Selection(targets=("online-*",)),
        Selection(categories=("digital-economy",), entities=("national",)),
        Selection(entities=("ha noi", "Đà Nẵng")),
        Selection(agencies=("health",), statuses=frozenset({"fail", "overdue", "pass"})),
        Selection(statuses=frozenset({"pending"}), due_before=date(2027, 12, 31)),
        Selection(targets=("no-such-*",)),
    ],
    ids=lambda s: s.describe() or "empty",
)
def test_apply_keeps_exactly_the_results_that_match(chosen: Selection) -> None:
    """``apply`` judges each target once (commune scale): the same results as ``matches``
    on every one, in the same order."""
    outcome = run_status(Options(as_of=date(2026, 1, 15)))  # the bundled catalog and sample
    assert outcome.report is not None
    everything = list(outcome.report.results)
    assert len(everything) > 50
    picked = chosen.apply(everything)
    assert picked == [r for r in everything if chosen.matches(r)]
    assert 0 < len(picked) < len(everything) or chosen.is_empty or chosen.targets == ("no-such-*",)
    if chosen.is_empty:
        assert picked == everything
