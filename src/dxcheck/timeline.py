"""Views over time, pure: one target's history (``show``), what falls due (``deadlines``),
what changed between two dates (``diff``) and counts per group (``--by``)."""

from __future__ import annotations

import enum
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from dxcheck.catalog import Catalog, Target
from dxcheck.report import Observation, Outlook, Result, Status
from dxcheck.timeline_words import GroupBy

# Worst first: how a target with several entities is summarised in one word.
SEVERITY_ORDER = (Status.OVERDUE, Status.FAIL, Status.PENDING, Status.PASS)


@dataclass(frozen=True)
class TargetHistory:
    """Everything ``dxcheck show`` prints about one target."""

    target: Target
    versions: tuple[Target, ...]
    results: tuple[Result, ...]
    observations: dict[str | None, tuple[Observation, ...]]  # by entity display name


def worst(statuses: Iterable[Status]) -> Status:
    present = set(statuses)
    return next((s for s in SEVERITY_ORDER if s in present), Status.PENDING)


@dataclass(frozen=True)
class Deadline:
    target: Target
    status: Status
    counts: dict[str, int]
    days_left: int


def deadlines(
    results: Iterable[Result], as_of: date, *, within: date | None = None, overdue_only: bool = False
) -> list[Deadline]:
    """Targets with a due date, soonest first, each with its worst status across entities.

    ``within``: only due dates from the as-of date up to that day; ``overdue_only``: only
    targets past due and not passed everywhere.
    """
    by_target: dict[str, list[Result]] = {}
    for result in results:
        if result.target.due is not None:
            by_target.setdefault(result.target.id, []).append(result)
    out: list[Deadline] = []
    for group in by_target.values():
        target = group[0].target
        assert target.due is not None
        status = worst(r.status for r in group)
        days_left = (target.due - as_of).days
        if overdue_only and (days_left >= 0 or status is Status.PASS):
            continue
        if within is not None and not as_of <= target.due <= within:
            continue
        counts = Counter(r.status.value for r in group)
        out.append(Deadline(target, status, {s.value: counts.get(s.value, 0) for s in Status}, days_left))
    return sorted(out, key=lambda d: (d.target.due, d.target.id))


class Change(enum.StrEnum):
    NEWLY_PASSED = "newly_passed"
    NEWLY_FAILED = "newly_failed"
    NEWLY_OVERDUE = "newly_overdue"
    STATUS_CHANGED = "status_changed"
    OUTLOOK_CHANGED = "outlook_changed"
    REGRESSED = "regressed"
    IMPROVED = "improved"
    NEW = "new"
    GONE = "gone"


@dataclass(frozen=True)
class Difference:
    target: Target
    entity: str | None
    changes: tuple[Change, ...]
    before: Result | None
    after: Result | None


def diff(before: Iterable[Result], after: Iterable[Result]) -> list[Difference]:
    """What changed for each target and entity between two evaluations."""
    old = {(r.target.id, r.entity): r for r in before}
    new = {(r.target.id, r.entity): r for r in after}
    out: list[Difference] = []
    for key in sorted(old.keys() | new.keys(), key=lambda k: (k[0], k[1] or "")):
        a, b = old.get(key), new.get(key)
        if a is None and b is not None:
            out.append(Difference(b.target, b.entity, (Change.NEW,), None, b))
            continue
        if b is None and a is not None:
            out.append(Difference(a.target, a.entity, (Change.GONE,), a, None))
            continue
        assert a is not None and b is not None
        changes = _changes(a, b)
        if changes:
            out.append(Difference(b.target, b.entity, changes, a, b))
    return out


def _changes(a: Result, b: Result) -> tuple[Change, ...]:
    changes: list[Change] = []
    if a.status is not b.status:
        changes.append(
            {
                Status.PASS: Change.NEWLY_PASSED,
                Status.FAIL: Change.NEWLY_FAILED,
                Status.OVERDUE: Change.NEWLY_OVERDUE,
            }.get(b.status, Change.STATUS_CHANGED)
        )
    if a.trend.outlook is not b.trend.outlook:
        changes.append(Change.OUTLOOK_CHANGED)
    if a.latest is not None and b.latest is not None and a.latest.value != b.latest.value:
        towards = -1 if b.target.direction.value == "at_most" else 1
        moved = (b.latest.value - a.latest.value) * towards
        changes.append(Change.IMPROVED if moved > 0 else Change.REGRESSED)
    return tuple(changes)


@dataclass(frozen=True)
class Group:
    name: str
    statuses: dict[str, int]
    outlooks: dict[str, int]
    gate_failing: int = 0  # results whose status or outlook is in --fail-on

    @property
    def total(self) -> int:
        return sum(self.statuses.values())

    @property
    def failing(self) -> int:
        return self.statuses[Status.FAIL.value] + self.statuses[Status.OVERDUE.value]


def scoreboard(results: Iterable[Result], by: GroupBy, fail_on: frozenset[str] = frozenset()) -> list[Group]:
    """Counts per status and outlook for each entity, category, agency or target, and how
    many results fail the gate (``fail_on``); the groups with the most failing and overdue
    results first."""
    groups: dict[str, list[Result]] = {}
    for r in results:
        if by is GroupBy.ENTITY:
            name = r.entity or "national"
        elif by is GroupBy.CATEGORY:
            name = r.target.category or "uncategorised"
        elif by is GroupBy.AGENCY:
            name = r.target.agency or "unspecified"
        else:
            name = r.target.id
        groups.setdefault(name, []).append(r)
    out = []
    for name, members in groups.items():
        statuses = Counter(r.status.value for r in members)
        outlooks = Counter(r.trend.outlook.value for r in members)
        out.append(
            Group(
                name,
                {s.value: statuses.get(s.value, 0) for s in Status},
                {o.value: outlooks.get(o.value, 0) for o in Outlook},
                sum(1 for r in members if not fail_on.isdisjoint(r.gate_words)),
            )
        )
    return sorted(out, key=lambda g: (-g.failing, -g.statuses[Status.PENDING.value], g.name.casefold()))


def versions(catalog: Catalog, target: Target) -> tuple[Target, ...]:
    from dxcheck.catalog_view import versions as chain

    return tuple(chain(catalog, target))
