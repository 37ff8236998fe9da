"""Every status rule and its boundaries (README, "Status rules")."""

from __future__ import annotations

from datetime import date

import pytest

from dxcheck.catalog import Target
from dxcheck.evaluate import progress_of, status_of
from dxcheck.report import Observation, Status

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
