"""Every status rule and its boundaries (README, "Status rules")."""

from __future__ import annotations

from datetime import date, timedelta
from types import ModuleType

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from dxcheck.catalog import Target
from dxcheck.evaluate import progress_of, rules_of, status_of
from dxcheck.progress.summary import SeriesSummary
from dxcheck.report import Observation, Status
from dxcheck.trend import FitSums
from tests.conftest import builds
from tests.reference_rules import reference_result

DUE = date(2025, 12, 31)


def numeric(**extra: object) -> Target:
    fields: dict[str, object] = {"id": "t", "title": "T", "target": 80, "due": DUE, "deadline": "end of 2025"}
    fields.update(extra)
    return Target.model_validate(fields)


def milestone() -> Target:
    return Target.model_validate(
        {"id": "m", "title": "M", "type": "milestone", "due": DUE, "deadline": "2025"}
    )


def obs(value: float, day: date = date(2025, 6, 1)) -> Observation:
    return Observation(day, value, "f.csv", 2)


@pytest.mark.parametrize(
    ("value", "as_of", "expected"),
    [
        (80, date(2025, 6, 1), Status.PASS),  # exactly the target counts as met
        (79.99, date(2025, 6, 1), Status.PENDING),
        (79.99, DUE, Status.PENDING),  # the due date itself is still in time
        (79.99, date(2026, 1, 1), Status.FAIL),  # the day after: numeric data that misses
        (81, date(2026, 1, 1), Status.PASS),
    ],
)
def test_numeric_at_least(value: float, as_of: date, expected: Status) -> None:
    assert status_of(numeric(), obs(value), as_of) is expected


@pytest.mark.parametrize(
    ("value", "as_of", "expected"),
    [
        (10, date(2025, 6, 1), Status.PASS),
        (10.5, date(2025, 6, 1), Status.PENDING),
        (10.5, date(2026, 1, 1), Status.FAIL),
        (3, date(2026, 1, 1), Status.PASS),
    ],
)
def test_numeric_at_most(value: float, as_of: date, expected: Status) -> None:
    assert status_of(numeric(direction="at_most", target=10), obs(value), as_of) is expected


def test_no_observation_is_pending_until_due_then_overdue() -> None:
    assert status_of(numeric(), None, DUE) is Status.PENDING
    assert status_of(numeric(), None, date(2026, 1, 1)) is Status.OVERDUE


def test_milestone_not_done_after_due_is_overdue_not_fail() -> None:
    assert status_of(milestone(), obs(0.0), DUE) is Status.PENDING
    assert status_of(milestone(), obs(0.0), date(2026, 1, 1)) is Status.OVERDUE
    assert status_of(milestone(), obs(1.0), date(2026, 1, 1)) is Status.PASS


def test_no_deadline_never_overdue() -> None:
    target = Target.model_validate({"id": "n", "title": "N", "target": 5})
    assert status_of(target, None, date(2099, 1, 1)) is Status.PENDING
    assert status_of(target, obs(1), date(2099, 1, 1)) is Status.PENDING


def test_progress_from_zero_and_from_baseline() -> None:
    assert progress_of(numeric(), 40) == pytest.approx(0.5)
    with_base = numeric(baseline={"value": 40, "date": date(2024, 1, 1)})
    assert progress_of(with_base, 60) == pytest.approx(0.5)
    assert progress_of(with_base, 30) == pytest.approx(-0.25)
    at_most = numeric(direction="at_most", target=10, baseline={"value": 30, "date": date(2024, 1, 1)})
    assert progress_of(at_most, 20) == pytest.approx(0.5)
    assert progress_of(numeric(direction="at_most", target=10), 20) is None
    assert progress_of(milestone(), 1.0) == 1.0
    assert progress_of(numeric(), None) is None


_DAYS = st.integers(-800, 1600).map(lambda n: DUE + timedelta(days=n))
_VALUES = st.one_of(
    st.sampled_from([0.0, -5.0, 1.0, 50.0, 80.0, 100.0]),
    st.floats(min_value=-1e4, max_value=1e4, allow_nan=False, allow_infinity=False),
)


@st.composite
def _targets(draw: st.DrawFn) -> Target:
    fields: dict[str, object] = {"id": "t", "title": "T", "due": draw(st.none() | _DAYS)}
    if draw(st.booleans()):
        fields["type"] = "milestone"
    else:
        fields["target"] = draw(_VALUES)
        fields["direction"] = draw(st.sampled_from(["at_least", "at_most"]))
        if draw(st.booleans()):
            fields["baseline"] = {"value": draw(_VALUES), "date": draw(_DAYS)}
        fields["projection"] = draw(st.sampled_from([None, "linear", "compound", "open-sdg"]))
    return Target.model_validate(fields)


def _summary(
    points: list[tuple[date, float]], as_of: date, entity: str | None, first_met: date | None
) -> SeriesSummary:
    """A series as the reader gives it: its points up to the as-of date, the latest and the
    earliest, and the last point of its first calendar year (open-sdg's base)."""
    points = [(d, y) for d, y in points if d <= as_of]
    latest = max(points, default=None)
    first_year = min((d.year for d, _ in points), default=None)
    return SeriesSummary(
        entity,
        None if latest is None else Observation(latest[0], latest[1], "f.csv", 9),
        first_met,
        len(points),
        min(points, default=None),
        FitSums.of(points),
        max((p for p in points if p[0].year == first_year), default=None),
    )


@pytest.mark.parametrize("kernel", builds("rules"))
@settings(max_examples=500, deadline=None)
@given(
    target=_targets(),
    points=st.none() | st.lists(st.tuples(_DAYS, _VALUES), max_size=6),
    as_of=_DAYS,
    entity=st.sampled_from([None, "Hà Nội"]),
    first_met=st.none() | _DAYS,
)
def test_the_per_target_rules_equal_the_rules_one_by_one(
    kernel: ModuleType,
    target: Target,
    points: list[tuple[date, float]] | None,
    as_of: date,
    entity: str | None,
    first_met: date | None,
) -> None:
    """Evaluation works the rules out once per target (``dxcheck.rules``, compiled and as
    source); each result is still exactly what ``status_of``, ``progress_of`` and the
    outlook give, one by one (``points`` None: the national result of a target with no
    national rows)."""
    series = None if points is None else _summary(points, as_of, entity, first_met)
    made = rules_of(target, as_of, kernel).result(series)
    assert repr(made) == repr(reference_result(target, series, as_of))


_NAMES = st.sampled_from(
    ["Hà Nội", "hà nội", "HÀ NỘI", "Huế", "Đà Nẵng", "đà nẵng", "An Giang", "Xã A", "xã a", "Zeta"]
)


@settings(max_examples=300)
@given(st.lists(st.lists(st.one_of(st.none(), _NAMES), max_size=12, unique=True), min_size=1, max_size=5))
def test_results_are_listed_nation_first_then_by_case_folded_name(targets: list[list[str | None]]) -> None:
    """One order for every target of a run (its names ranked once, again when a target
    brings new ones): the nation, then the names case-folded, names that fold alike in the
    order they were read in: what a stable sort on the case-folded name gives."""
    from dxcheck.evaluate import _EntityOrder

    order = _EntityOrder()
    for names in targets:
        listed = [names[i] for i in order.positions(names)]
        named = [n for n in names if n is not None]
        expected = [None] * (len(names) - len(named)) + sorted(named, key=str.casefold)
        assert listed == expected
