"""Reporting coverage: periods, states, silences, and the ``reported`` column, pinned by
hand-made cases (README, "Reporting coverage")."""

from __future__ import annotations

import random
from datetime import date
from pathlib import Path

import pytest

from dxcheck import native
from dxcheck.catalog import parse_catalog
from dxcheck.check import Options, Outcome
from dxcheck.check_coverage import run_coverage
from dxcheck.coverage import Expected, State, silences
from dxcheck.findings import FindingSink
from dxcheck.progress import InputFile, ProgressIndex
from dxcheck.reporting import Every, Reporting, due_of, index_of, last_due, period
from dxcheck.selection import Selection
from tests.conftest import DATA, Run, write

CATALOG = DATA / "coverage" / "targets.yaml"
PROGRESS = DATA / "coverage" / "progress.csv"
AS_OF = date(2025, 6, 15)


def run(*inputs: Path, as_of: date = AS_OF, catalog: Path = CATALOG, **more: object) -> Outcome:
    options = Options(catalog=catalog, inputs=tuple(str(p) for p in inputs), as_of=as_of, **more)  # type: ignore[arg-type]
    return run_coverage(options)


def table(outcome: Outcome) -> dict[tuple[str, str | None], tuple[str, str, str, int]]:
    """(target, entity) -> (period, due, state, missed in a row)."""
    assert outcome.coverage is not None, (outcome.findings, outcome.usage)
    return {
        (r.target.id, r.entity): (r.label, r.due.isoformat(), r.state.value, r.missed_in_a_row)
        for r in outcome.coverage.reports
    }


# --- periods ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("day", "every", "label", "start", "end"),
    [
        (date(2025, 5, 17), Every.MONTH, "2025-05", date(2025, 5, 1), date(2025, 5, 31)),
        (date(2024, 2, 29), Every.MONTH, "2024-02", date(2024, 2, 1), date(2024, 2, 29)),
        (date(2025, 12, 31), Every.MONTH, "2025-12", date(2025, 12, 1), date(2025, 12, 31)),
        (date(2025, 5, 17), Every.QUARTER, "2025-Q2", date(2025, 4, 1), date(2025, 6, 30)),
        (date(2025, 10, 1), Every.QUARTER, "2025-Q4", date(2025, 10, 1), date(2025, 12, 31)),
        (date(2025, 5, 17), Every.YEAR, "2025", date(2025, 1, 1), date(2025, 12, 31)),
    ],
)
def test_periods(day: date, every: Every, label: str, start: date, end: date) -> None:
    found = period(index_of(day, every), every)
    assert (found.label(every), found.start, found.end) == (label, start, end)
    # consecutive numbers are consecutive periods
    following = period(found.number + 1, every)
    assert following.start == date.fromordinal(end.toordinal() + 1)


@pytest.mark.parametrize(
    ("as_of", "label"),
    [
        (date(2025, 6, 10), "2025-04"),  # May's figure is due on June 10: not yet passed
        (date(2025, 6, 11), "2025-05"),
        (date(2025, 1, 10), "2024-11"),
        (date(2025, 1, 11), "2024-12"),
    ],
)
def test_latest_period_whose_due_date_has_passed(as_of: date, label: str) -> None:
    monthly = Reporting(every=Every.MONTH, due_after=10)
    latest = last_due(as_of, monthly)
    assert period(latest, Every.MONTH).label(Every.MONTH) == label
    assert due_of(latest, monthly) < as_of <= due_of(latest + 1, monthly)


def test_due_after_zero_is_due_on_the_last_day() -> None:
    quarterly = Reporting(every=Every.QUARTER, due_after=0)
    assert due_of(index_of(date(2025, 2, 1), Every.QUARTER), quarterly) == date(2025, 3, 31)
    assert period(last_due(date(2025, 3, 31), quarterly), Every.QUARTER).label(Every.QUARTER) == "2024-Q4"
    assert period(last_due(date(2025, 4, 1), quarterly), Every.QUARTER).label(Every.QUARTER) == "2025-Q1"


# --- the test data, end to end ---------------------------------------------------------------


def test_every_expected_report_of_the_test_data() -> None:
    outcome = run(PROGRESS)
    assert outcome.exit_code == 1
    assert table(outcome) == {
        # Hà Nội sent May's figure on June 9 (due June 10); its April figure was late,
        # which does not matter for May.
        ("online-public-services", "Hà Nội"): ("2025-05", "2025-06-10", "reported", 0),
        # Đà Nẵng last reported February: March, April and May are missing.
        ("online-public-services", "Đà Nẵng"): ("2025-05", "2025-06-10", "missing", 3),
        # Huế sent May's figure on June 12, after it was due.
        ("online-public-services", "Huế"): ("2025-05", "2025-06-10", "late", 0),
        # quarterly, for the nation and Hà Nội only (the target's entities); the nation's
        # Q1 figure came on April 20, within its 30 days
        ("cash-payments", None): ("2025-Q1", "2025-04-30", "reported", 0),
        ("cash-payments", "Hà Nội"): ("2025-Q1", "2025-04-30", "missing", 1),
        # yearly from reporting.start (2023): nothing since the 2022 figure
        ("digital-enterprises", None): ("2024", "2025-03-31", "missing", 2),
    }  # data-center says 'reporting: none'
    assert outcome.coverage is not None
    assert outcome.coverage.summary == {"reported": 2, "late": 1, "missing": 3}


def test_the_nation_alone_without_a_list_of_entities(tmp_path: Path) -> None:
    catalog = write(
        tmp_path / "c.yaml",
        "version: 1\nreporting: {every: month, due_after: 5}\ntargets:\n"
        "  - id: a\n    title: A\n    target: 1\n    deadline: 2030\n",
    )
    data = write(tmp_path / "p.csv", "target,entity,date,value\na,,2025-04-30,1\na,Huế,2025-05-31,1\n")
    outcome = run(data, catalog=catalog)
    # a province's rows do not stand in for the nation, and nobody expects them
    assert table(outcome) == {("a", None): ("2025-05", "2025-06-05", "missing", 1)}


def test_the_silence_is_counted_from_the_first_period_anyone_reported(tmp_path: Path) -> None:
    catalog = write(
        tmp_path / "c.yaml",
        "version: 1\nreporting: {every: month, due_after: 10}\nentities: [{name: A}, {name: B}]\n"
        "targets:\n  - id: t\n    title: T\n    target: 1\n    deadline: 2030\n",
    )
    data = write(tmp_path / "p.csv", "target,entity,date,value\nt,A,2025-02-14,1\nt,A,2025-05-02,1\n")
    # B never reported; A's first report was for February: B has missed four periods.
    assert table(run(data, catalog=catalog)) == {
        ("t", "A"): ("2025-05", "2025-06-10", "reported", 0),
        ("t", "B"): ("2025-05", "2025-06-10", "missing", 4),
    }
    # Nobody has reported yet: only the latest period is expected.
    empty = write(tmp_path / "e.csv", "target,entity,date,value\n")
    assert {k: v[3] for k, v in table(run(empty, catalog=catalog)).items()} == {("t", "A"): 1, ("t", "B"): 1}


def test_a_target_is_reported_up_to_the_period_of_its_due_date(tmp_path: Path) -> None:
    catalog = write(
        tmp_path / "c.yaml",
        "version: 1\ntargets:\n  - id: t\n    title: T\n    target: 1\n    deadline: end of 2025\n"
        "    reporting: {every: quarter, due_after: 20, start: 2025-01-01}\n",
    )
    data = write(tmp_path / "p.csv", "target,date,value\nt,2025-11-30,1\n")
    later = table(run(data, catalog=catalog, as_of=date(2026, 9, 1)))
    assert later == {("t", None): ("2025-Q4", "2026-01-20", "reported", 0)}


def test_nothing_is_due_before_the_start(tmp_path: Path) -> None:
    catalog = write(
        tmp_path / "c.yaml",
        "version: 1\ntargets:\n  - id: t\n    title: T\n    target: 1\n"
        "    reporting: {every: month, due_after: 10, start: 2025-06-01}\n",
    )
    outcome = run(catalog=catalog, as_of=date(2025, 7, 10))
    assert outcome.coverage is not None and outcome.coverage.reports == ()
    assert [str(n) for n in outcome.notices] == [
        "no report is due yet on 2025-07-10: the first periods end later"
    ]
    assert outcome.exit_code == 0
    assert table(run(catalog=catalog, as_of=date(2025, 7, 11))) == {
        ("t", None): ("2025-06", "2025-07-10", "missing", 1)
    }


def test_a_row_sent_after_the_as_of_date_was_not_there_yet(tmp_path: Path) -> None:
    # Huế's May figure was sent on June 12: on June 11 it was missing (and so had been
    # every month since January, when Hà Nội first reported), later it is late.
    assert table(run(PROGRESS, as_of=date(2025, 6, 11)))[("online-public-services", "Huế")] == (
        "2025-05",
        "2025-06-10",
        "missing",
        5,
    )
    assert table(run(PROGRESS, as_of=date(2025, 6, 12)))[("online-public-services", "Huế")][2] == "late"


def test_without_a_reported_column_a_row_is_reported(tmp_path: Path) -> None:
    text = PROGRESS.read_text(encoding="utf-8")
    plain = write(tmp_path / "p.csv", "\n".join(line.rpartition(",")[0] for line in text.splitlines()) + "\n")
    states = {k: v[2] for k, v in table(run(plain)).items()}
    assert states[("online-public-services", "Huế")] == "reported"
    assert "late" not in states.values()


def test_a_period_with_one_row_on_time_is_reported(tmp_path: Path) -> None:
    data = write(
        tmp_path / "p.csv",
        "target,entity,date,value,reported\n"
        "online-public-services,Huế,2025-05-10,40,2025-06-30\n"  # weekly figures: one late,
        "online-public-services,Huế,2025-05-31,41,2025-06-02\n",  # the month's last on time
    )
    assert table(run(data, as_of=date(2025, 7, 1)))[("online-public-services", "Huế")][2] == "reported"


def test_the_answer_does_not_depend_on_the_order_of_rows_or_files(tmp_path: Path) -> None:
    header, *rows = PROGRESS.read_text(encoding="utf-8").splitlines()
    expected = table(run(PROGRESS))
    rng = random.Random(17)
    for attempt in range(5):
        rng.shuffle(rows)
        cut = rng.randrange(len(rows))
        first = write(tmp_path / f"a{attempt}.csv", "\n".join([header, *rows[:cut]]) + "\n")
        second = write(tmp_path / f"b{attempt}.csv", "\n".join([header, *rows[cut:]]) + "\n")
        assert table(run(second, first)) == expected


def test_late_bits_survive_a_file_read_in_two_halves(tmp_path: Path) -> None:
    """A large file is read in two halves and merged (split.py): the bits of rows sent
    late or after the as-of date must come through the merge."""
    loaded = parse_catalog(CATALOG.read_bytes(), str(CATALOG))
    assert loaded.catalog is not None
    header, *rows = PROGRESS.read_text(encoding="utf-8").splitlines()
    padding = [f"data-center,,2024-{m:02d}-{d:02d},not done,," for m in range(1, 13) for d in range(1, 29)]
    data = write(tmp_path / "big.csv", "\n".join([header, *padding, *rows]) + "\n")

    def arrivals(split_min_bytes: int | None) -> dict[tuple[str, str | None], tuple[object, ...]]:
        index = ProgressIndex(loaded.catalog, AS_OF, split_min_bytes=split_min_bytes)  # type: ignore[arg-type]
        index.read(InputFile(str(data), data), FindingSink())
        if split_min_bytes is not None:
            assert index.read_in_halves == [str(data)]
        return {
            (tid, a.entity): (a.dates, a.late, a.after)
            for tid in ("online-public-services", "cash-payments")
            for a in index.arrivals(tid)
        }

    whole = arrivals(None)
    assert arrivals(1024) == whole
    huế = whole[("online-public-services", "Huế")]
    assert huế[1] == {date(2025, 5, 31).toordinal()}  # late


def test_silences_order_entities_by_the_longest() -> None:
    outcome = run(PROGRESS)
    assert outcome.coverage is not None
    groups = silences(outcome.coverage.reports)
    assert [(entity, [r.missed_in_a_row for r in members]) for entity, members in groups] == [
        ("Đà Nẵng", [3]),
        (None, [2, 0]),
        ("Hà Nội", [1, 0]),
        ("Huế", [0]),
    ]


def test_missing_since() -> None:
    outcome = run(PROGRESS)
    assert outcome.coverage is not None
    by_key: dict[tuple[str, str | None], Expected] = {
        (r.target.id, r.entity): r for r in outcome.coverage.reports
    }
    silent = by_key[("online-public-services", "Đà Nẵng")]
    assert silent.missing_since is not None and silent.missing_since.label(Every.MONTH) == "2025-03"
    assert silent.first.start == date(2025, 1, 1)
    assert by_key[("online-public-services", "Hà Nội")].missing_since is None
    assert by_key[("online-public-services", "Huế")].state is State.LATE


# --- selection -----------------------------------------------------------------------------


def test_selection_narrows_the_expected_reports() -> None:
    province = run(PROGRESS, selection=Selection(entities=("đà nẵng",)))
    assert set(table(province)) == {("online-public-services", "Đà Nẵng")}
    alias = run(PROGRESS, selection=Selection(entities=("TP. Hà Nội",), targets=("cash-*",)))
    assert table(alias) == {("cash-payments", "Hà Nội"): ("2025-Q1", "2025-04-30", "missing", 1)}
    assert alias.exit_code == 1
    economy = run(PROGRESS, selection=Selection(categories=("digital-economy",), entities=("national",)))
    assert set(table(economy)) == {("cash-payments", None), ("digital-enterprises", None)}


@pytest.mark.parametrize(
    ("selection", "error"),
    [
        (Selection(entities=("Da Nang",)), "--entity: no entity matches 'Da Nang' (did you mean 'Đà Nẵng'?)"),
        (Selection(targets=("online-services",)), "--target: no target matches 'online-services'"),
        # Huế is expected to report online-public-services only
        (
            Selection(entities=("Huế",), targets=("cash-payments",)),
            "the selection matches no expected report: --target 'cash-payments' --entity 'Huế' "
            "(an empty selection cannot pass the gate)",
        ),
        # data-center is reported by nobody: 'reporting: none'
        (Selection(targets=("data-center",)), "the selection matches no expected report"),
    ],
)
def test_a_selection_that_names_nothing_is_a_usage_error(selection: Selection, error: str) -> None:
    outcome = run(PROGRESS, selection=selection)
    assert outcome.exit_code == 2
    assert outcome.coverage is None
    assert len(outcome.usage) == 1 and str(outcome.usage[0]).startswith(error)


def test_a_catalog_that_expects_nothing_is_a_usage_error() -> None:
    outcome = run(PROGRESS, catalog=DATA / "catalog.yaml")
    assert outcome.exit_code == 2
    assert [str(u) for u in outcome.usage] == [
        "no target in force on 2025-06-15 declares 'reporting': nothing to check "
        "(add e.g. 'reporting: {every: month, due_after: 10}' to the catalog or a target)",
    ]
    assert outcome.index is None  # said before reading the inputs


# --- the reported column ---------------------------------------------------------------------


def test_a_bad_reported_date_is_a_located_error(run_cli: Run, tmp_path: Path) -> None:
    data = write(
        tmp_path / "p.csv",
        "target,entity,date,value,reported\n"
        "online-public-services,Huế,2025-05-31,40,2025-06-31\n"
        "online-public-services,Huế,2025-04-30,40,05/06/2025\n"
        "online-public-services,Huế,2025-03-31,40,  \n",  # blank: not known, not wrong
    )
    for command in ("validate", "status", "coverage"):
        result = run_cli(command, str(data), "-t", str(CATALOG), "--as-of", "2025-06-15")
        assert result.exit_code == 2, command
        assert result.stderr.startswith(
            f"{data}:2:42: DX211 error: invalid date '2025-06-31': no such day (day is out of range for month)"
            ' (row 2, column "reported", E)\n'
        ), result.stderr
        assert f"{data}:3:42: DX212 error: ambiguous date '05/06/2025'" in result.stderr
        assert result.stderr.count(" error: ") == 2


@pytest.mark.parametrize("pure", [True, False], ids=["pure", "compiled"])
def test_compiled_and_pure_row_loops_agree_on_arrivals(pure: bool) -> None:
    loaded = parse_catalog(CATALOG.read_bytes(), str(CATALOG))
    assert loaded.catalog is not None
    index = ProgressIndex(loaded.catalog, AS_OF, loop=native.row_loop(pure=pure))
    index.read(InputFile(str(PROGRESS), PROGRESS), FindingSink())
    found = {
        (a.entity, len(a.dates), len(a.late), len(a.after)) for a in index.arrivals("online-public-services")
    }
    assert found == {("Hà Nội", 5, 1, 0), ("Đà Nẵng", 2, 0, 0), ("Huế", 1, 1, 0)}
    assert native.is_compiled(index._loop) is (not pure and native.is_compiled(native.row_loop()))
