"""Outlook, pinned by examples computed by hand (README, "Outlook", has the first one)."""

from __future__ import annotations

import csv
import io
import json
import math
from datetime import date, timedelta
from pathlib import Path
from types import ModuleType

import pytest
from hypothesis import given as hypothesis_given
from hypothesis import settings
from hypothesis import strategies as st

from dxcheck.catalog import load_catalog
from dxcheck.findings import FindingSink
from dxcheck.progress import InputFile, ProgressIndex
from dxcheck.report import Outlook
from dxcheck.trend import DAYS_PER_MONTH, FitSums, TrendInput, outlook
from tests.conftest import Run, builds, write
from tests.reference_rules import (
    reference_compound_at,
    reference_growth,
    reference_linear_at,
    reference_outlook,
    reference_slope,
)

T0 = date(2024, 1, 1)


def day(offset: int) -> date:
    return T0 + timedelta(days=offset)


def given(**overrides: object) -> TrendInput:
    fields: dict[str, object] = {
        "level": 60.0,
        "at_most": False,
        "due": day(400),
        "as_of": day(200),
        "compound": False,
        "base": None,
        "latest": None,
        "met_now": False,
        "late": False,
        "milestone": False,
    }
    fields.update(overrides)
    return TrendInput(**fields)  # type: ignore[arg-type]


def test_worked_example_linear_needs_acceleration() -> None:
    # 10, 20, 30 at days 0, 100, 200: slope 0.1/day; at the due date (day 400) the line
    # reaches 10 + 0.1 * 400 = 50. r = (50 - 10) / (60 - 10) = 0.8: needs acceleration.
    points = [(day(0), 10.0), (day(100), 20.0), (day(200), 30.0)]
    trend = outlook(FitSums.of(points), given(base=10.0, latest=(day(200), 30.0)))
    assert trend.outlook is Outlook.NEEDS_ACCELERATION
    assert trend.method == "linear"
    assert trend.projected == pytest.approx(50.0)
    assert trend.ratio == pytest.approx(0.8)
    # 0.1 a day is 3.04 a month; 30 more in 200 days is 4.57 a month.
    assert trend.current_rate == pytest.approx(0.1 * 30.436875)
    assert trend.required_rate == pytest.approx(30 / (200 / DAYS_PER_MONTH))
    assert trend.required_rate == pytest.approx(4.5655, abs=1e-4)


def test_on_track_and_off_track_thresholds() -> None:
    points = [(day(0), 10.0), (day(100), 20.0), (day(200), 30.0)]
    # Target 52: r = 40 / 42 = 0.952 -> on track. Target 80: r = 40 / 70 = 0.571 -> off track.
    assert outlook(FitSums.of(points), given(level=52.0, base=10.0)).outlook is Outlook.ON_TRACK
    assert outlook(FitSums.of(points), given(level=80.0, base=10.0)).outlook is Outlook.OFF_TRACK
    # Exactly 0.60 is needs acceleration: target 10 + 40 / 0.6 = 76.667.
    exact = outlook(FitSums.of(points), given(level=10 + 40 / 0.6, base=10.0))
    assert exact.ratio == pytest.approx(0.6)


def test_compound_growth_projection() -> None:
    # 100, 200, 400 a year apart: doubling yearly; at day 1095 (three years on) 800.
    # r = (800 - 100) / (1000 - 100) = 0.778: needs acceleration.
    points = [(day(0), 100.0), (day(365), 200.0), (day(730), 400.0)]
    compound = outlook(FitSums.of(points), given(level=1000.0, due=day(1095), base=100.0, compound=True))
    assert compound.method == "compound"
    assert compound.projected == pytest.approx(800.0)
    assert compound.ratio == pytest.approx(700 / 900)
    assert compound.outlook is Outlook.NEEDS_ACCELERATION
    # The same series fitted by a straight line: slope 300/730 a day, mean (365, 233.3):
    # at day 1095, 233.3 + 730 * 300/730 = 533.3; r = 433.3 / 900 = 0.48: off track.
    linear = outlook(FitSums.of(points), given(level=1000.0, due=day(1095), base=100.0))
    assert linear.projected == pytest.approx(533.333, abs=1e-3)
    assert linear.outlook is Outlook.OFF_TRACK


def test_compound_falls_back_to_linear_with_a_zero() -> None:
    points = [(day(0), 0.0), (day(100), 10.0), (day(200), 20.0)]
    trend = outlook(FitSums.of(points), given(level=40.0, compound=True, base=0.0))
    assert trend.method == "linear"
    assert trend.projected == pytest.approx(40.0)
    assert trend.outlook is Outlook.ON_TRACK


def test_at_most_target() -> None:
    # Cash share 30 -> 24 in a year, cap 10 in three years: at day 1095 the line is 12.
    # r = (12 - 30) / (10 - 30) = 0.9: needs acceleration.
    points = [(day(0), 30.0), (day(365), 24.0)]
    trend = outlook(FitSums.of(points), given(level=10.0, at_most=True, due=day(1095), base=30.0))
    assert trend.projected == pytest.approx(12.0)
    assert trend.ratio == pytest.approx(0.9)
    assert trend.outlook is Outlook.NEEDS_ACCELERATION
    rising = outlook(
        FitSums.of([(day(0), 24.0), (day(365), 30.0)]), given(level=10.0, at_most=True, base=24.0)
    )
    assert rising.outlook is Outlook.REGRESSING


def test_baseline_above_target() -> None:
    # Met at the baseline (90 >= 80), since slipped: no distance to divide by.
    up = [(day(0), 70.0), (day(100), 75.0)]
    recovering = outlook(FitSums.of(up), given(level=80.0, base=90.0, due=day(400)))
    assert recovering.ratio == 1.0 and recovering.outlook is Outlook.ON_TRACK
    slow = [(day(0), 70.0), (day(100), 70.5)]
    assert outlook(FitSums.of(slow), given(level=80.0, base=90.0, due=day(400))).outlook is Outlook.OFF_TRACK
    down = [(day(0), 75.0), (day(100), 70.0)]
    assert outlook(FitSums.of(down), given(level=80.0, base=90.0)).outlook is Outlook.REGRESSING


def test_one_point_and_flat_series() -> None:
    one = outlook(FitSums.of([(day(0), 10.0)]), given(base=10.0, latest=(day(0), 10.0)))
    assert one.outlook is Outlook.INSUFFICIENT_DATA
    assert one.current_rate is None
    assert one.required_rate == pytest.approx(50 / (400 / DAYS_PER_MONTH))
    same_day = outlook(FitSums.of([(day(5), 10.0), (day(5), 12.0)]), given(base=10.0))
    assert same_day.outlook is Outlook.INSUFFICIENT_DATA
    flat = outlook(FitSums.of([(day(0), 10.0), (day(100), 10.0)]), given(base=10.0))
    assert flat.outlook is Outlook.OFF_TRACK
    assert flat.ratio == pytest.approx(0.0)
    assert flat.current_rate == pytest.approx(0.0)


def test_regressing_series() -> None:
    trend = outlook(FitSums.of([(day(0), 30.0), (day(100), 20.0)]), given(base=30.0))
    assert trend.outlook is Outlook.REGRESSING
    assert trend.current_rate is not None and trend.current_rate < 0


def test_after_the_due_date_the_outlook_is_the_final_result() -> None:
    sums = FitSums.of([(day(0), 10.0), (day(100), 70.0)])
    after = {"as_of": day(401)}
    assert outlook(sums, given(met_now=True, **after)).outlook is Outlook.MET
    assert outlook(sums, given(met_now=True, late=True, **after)).outlook is Outlook.MET_LATE
    assert outlook(sums, given(**after)).outlook is Outlook.MISSED
    # Due date equal to the as-of date is not yet past.
    assert outlook(sums, given(as_of=day(400), base=10.0)).outlook is Outlook.ON_TRACK


def test_no_deadline_direction_of_travel() -> None:
    sums = FitSums.of([(day(0), 10.0), (day(100), 20.0)])
    assert outlook(sums, given(due=None)).outlook is Outlook.ON_TRACK
    falling = FitSums.of([(day(0), 20.0), (day(100), 10.0)])
    assert outlook(falling, given(due=None)).outlook is Outlook.REGRESSING
    assert outlook(sums, given(due=None)).required_rate is None


def test_milestones_have_no_trend() -> None:
    sums = FitSums.of([(day(0), 0.0), (day(100), 0.0)])
    assert outlook(sums, given(level=1.0, milestone=True)).outlook is Outlook.INSUFFICIENT_DATA
    assert outlook(sums, given(level=1.0, milestone=True, met_now=True)).outlook is Outlook.MET


def test_row_loop_sums_match_explicit_sums(tmp_path: Path) -> None:
    """The streaming reader's running sums equal the sums of the points it read,
    with the baseline as the first point and rows before it left out."""
    catalog = write(
        tmp_path / "c.yaml",
        "version: 1\ntargets:\n  - id: g\n    title: G\n    target: 1000\n    deadline: 2027\n"
        "    projection: compound\n    baseline: {value: 100, date: 2024-01-01}\n",
    )
    csv = write(
        tmp_path / "p.csv",
        "target,date,value\ng,2023-06-01,5\ng,2024-12-31,200\ng,2025-12-31,400\n",
    )
    loaded = load_catalog(catalog)
    assert loaded.catalog is not None
    index = ProgressIndex(loaded.catalog, date(2026, 1, 1))
    index.read(InputFile(str(csv), csv), FindingSink())
    (series,) = list(index.series("g"))
    expected = FitSums.of(
        [(date(2024, 1, 1), 100.0), (date(2024, 12, 31), 200.0), (date(2025, 12, 31), 400.0)]
    )
    got = series.fit
    for name in ("n", "st", "sy", "stt", "sty", "sly", "stly", "nonpositive"):
        assert math.isclose(getattr(got, name), getattr(expected, name), rel_tol=1e-12), name
    assert series.observations == 3


# --- eta: when the fitted trend reaches the level ("at this pace", README "Outlook") --------


def test_worked_example_eta_is_day_500() -> None:
    # The line 10 + 0.1 t reaches 60 on day 500, 100 days after the due date.
    points = [(day(0), 10.0), (day(100), 20.0), (day(200), 30.0)]
    assert outlook(FitSums.of(points), given(base=10.0, latest=(day(200), 30.0))).eta == day(500)
    # the same day whatever order the points are added in (the sums' last bits differ)
    for order in ([2, 0, 1], [1, 2, 0], [2, 1, 0]):
        shuffled = [points[i] for i in order]
        assert outlook(FitSums.of(shuffled), given(base=10.0)).eta == day(500)


def test_eta_of_a_compound_projection() -> None:
    # Doubling every 365 days from 100: 1,000 after 365 * log2(10) = 1212.5 days, so on day 1213.
    points = [(day(0), 100.0), (day(365), 200.0), (day(730), 400.0)]
    trend = outlook(FitSums.of(points), given(level=1000.0, due=day(1095), base=100.0, compound=True))
    assert trend.eta == day(1213)
    assert 365 * math.log2(10) == pytest.approx(1212.5, abs=0.1)
    # a zero among the values: the linear fit, as for projected (0, 10, 20 reach 40 on day 400)
    with_zero = [(day(0), 0.0), (day(100), 10.0), (day(200), 20.0)]
    assert outlook(FitSums.of(with_zero), given(level=40.0, compound=True)).eta == day(400)


def test_eta_of_an_at_most_target() -> None:
    # 30 -> 24 in a year: 10 is reached after 20 / (6 / 365) = 1216.67 days, so on day 1217.
    points = [(day(0), 30.0), (day(365), 24.0)]
    trend = outlook(FitSums.of(points), given(level=10.0, at_most=True, due=day(1095), as_of=day(365)))
    assert trend.eta == day(1217)


def test_eta_with_no_deadline() -> None:
    sums = FitSums.of([(day(0), 10.0), (day(100), 20.0)])
    assert outlook(sums, given(due=None, as_of=day(100))).eta == day(500)


@pytest.mark.parametrize(
    ("points", "overrides"),
    [
        ([(day(0), 10.0), (day(100), 10.0)], {}),  # flat
        ([(day(0), 30.0), (day(100), 20.0)], {}),  # moving away
        ([(day(0), 10.0), (day(100), 10.0001)], {}),  # gets there, but in 137,000 years
        ([(day(0), 10.0)], {}),  # one point
        ([(day(5), 10.0), (day(5), 12.0)], {}),  # one date
        ([(day(0), 10.0), (day(100), 70.0)], {"met_now": True}),  # met already
        ([(day(0), 0.0), (day(100), 0.0)], {"level": 1.0, "milestone": True}),
        ([], {}),  # no data at all
        ([(day(0), 100.0), (day(365), 50.0)], {"level": 0.0, "at_most": True, "compound": True}),
    ],
    ids=[
        "flat",
        "away",
        "after-2100",
        "one-point",
        "one-date",
        "met",
        "milestone",
        "no-data",
        "halving-to-0",
    ],
)
def test_eta_is_null(points: list[tuple[date, float]], overrides: dict[str, object]) -> None:
    assert outlook(FitSums.of(points), given(**overrides)).eta is None


def test_eta_is_never_before_the_as_of_date() -> None:
    # 10 then 90: the line passed 60 on day 63, but the as-of date is day 300 and the latest
    # value (50 on day 200) is short of it: at this pace it is reached now.
    points = [(day(0), 10.0), (day(100), 90.0), (day(200), 50.0)]
    trend = outlook(FitSums.of(points), given(as_of=day(300), latest=(day(200), 50.0)))
    assert trend.eta == day(300)


def test_eta_end_to_end(tmp_path: Path, run_cli: Run) -> None:
    """The worked example through the CLI: json, jsonl, csv and the table."""
    catalog = write(
        tmp_path / "c.yaml",
        "version: 1\ntargets:\n  - id: x\n    title: X\n    target: 60\n    deadline: 2025-02-04\n",
    )
    data = write(tmp_path / "p.csv", "target,date,value\nx,2024-01-01,10\nx,2024-04-10,20\nx,2024-07-19,30\n")
    base = ("status", str(data), "-t", str(catalog), "--as-of", "2024-08-01")
    assert day(500).isoformat() == "2025-05-15"
    (result,) = json.loads(run_cli(*base, "-f", "json").stdout)["results"]
    assert (result["outlook"], result["eta"]) == ("needs_acceleration", "2025-05-15")
    assert json.loads(run_cli(*base, "-f", "jsonl").stdout)["eta"] == "2025-05-15"
    rows = list(csv.DictReader(io.StringIO(run_cli(*base, "-f", "csv").stdout)))
    assert rows[0]["eta"] == "2025-05-15"
    table = run_cli(*base, env={"COLUMNS": "200"}).stdout.splitlines()
    at = table.index(next(line for line in table if line.startswith("status")))
    column = table[at].index("at this pace")  # the eta column, in a wide table
    assert table[at + 3].startswith("pending  x ")
    assert table[at + 3][column:].startswith("2025-05 ")
    shown = run_cli("show", "x", str(data), "-t", str(catalog), "--as-of", "2024-08-01").stdout
    assert "  at this pace: 2025-05 (the fitted trend reaches the goal on 2025-05-15)\n" in shown


_VALUES = st.one_of(
    st.sampled_from([0.0, -1.0, 1.0, 50.0, 60.0, 100.0]),
    st.floats(min_value=-1e4, max_value=1e4, allow_nan=False, allow_infinity=False),
)
_POINTS = st.lists(st.tuples(st.integers(-400, 1500).map(day), _VALUES), max_size=8)
_DAYS = st.integers(-400, 2500).map(day)


@pytest.mark.parametrize("kernel", builds("rules"))
@settings(max_examples=400, deadline=None)
@hypothesis_given(
    points=_POINTS,
    level=_VALUES,
    at_most=st.booleans(),
    due=st.none() | _DAYS,
    as_of=_DAYS,
    compound=st.booleans(),
    base=st.none() | _VALUES,
    met_now=st.booleans(),
    late=st.booleans(),
    milestone=st.booleans(),
    yearly=st.booleans(),
    with_base_point=st.booleans(),
    constant=st.booleans(),
)
def test_the_per_target_rules_equal_the_reference_outlook(
    kernel: ModuleType,
    points: list[tuple[date, float]],
    level: float,
    at_most: bool,
    due: date | None,
    as_of: date,
    compound: bool,
    base: float | None,
    met_now: bool,
    late: bool,
    milestone: bool,
    yearly: bool,
    with_base_point: bool,
    constant: bool,
) -> None:
    """``outlook`` (the series rules, ``dxcheck.rules``, compiled and as source) gives
    exactly what the rules spelled out one by one give (tests/reference_rules.py), rates
    and eta included."""
    # What the reader gives: points up to the as-of date, the latest of them, and for
    # open-sdg the last point of their first calendar year.
    points = [(d, y) for d, y in points if d <= as_of]
    if constant:
        points = [(d, points[0][1]) for d, _ in points] if points else points
    sums = FitSums.of(points)
    latest = max(points) if points else None
    first_year = min((d.year for d, _ in points), default=None)
    base_point = (
        max((p for p in points if p[0].year == first_year), default=None) if with_base_point else None
    )
    inputs = TrendInput(
        level, at_most, due, as_of, compound, base, latest, met_now, late, milestone, yearly, base_point
    )
    assert repr(outlook(sums, inputs, kernel=kernel)) == repr(reference_outlook(sums, inputs))


@pytest.mark.parametrize("kernel", builds("rules"))
@settings(max_examples=300, deadline=None)
@hypothesis_given(points=_POINTS, constant=st.booleans(), t=st.integers(-400, 4000))
def test_the_fit_is_the_reference_fit(
    kernel: ModuleType, points: list[tuple[date, float]], constant: bool, t: int
) -> None:
    """``FitSums``' slope, growth and values at a day (the chart draws them) are the series
    rules' arithmetic, and that is the fit as first written."""
    from dxcheck import trend

    if constant:
        points = [(d, points[0][1]) for d, _ in points] if points else points
    sums = FitSums.of(points)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(trend, "_rules", kernel)
        assert repr(sums.slope()) == repr(reference_slope(sums))
        assert repr(sums.growth()) == repr(reference_growth(sums))
        assert repr(sums.linear_at(float(t))) == repr(reference_linear_at(sums, float(t)))
        assert repr(sums.compound_at(float(t))) == repr(reference_compound_at(sums, float(t)))
