"""Reporting coverage: who has sent each period's figure. Pure: no files, no terminal.

For every target in force with ``reporting`` and every entity expected to report it, the
latest period whose due date has passed on the as-of date is

- ``reported`` when a row is dated inside it (sent on time, or with no ``reported`` date),
- ``late`` when every such row was sent after the due date (the ``reported`` column),
- ``missing`` when there is none (a row sent after the as-of date was not there yet);

and ``missed_in_a_row`` counts the periods missed up to it, back to the first period any
entity reported the target (or ``reporting.start``). A target's last period is the one
containing its due date. The gate fails on ``missing``.
"""

from __future__ import annotations

import enum
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date
from functools import cached_property
from typing import TYPE_CHECKING

from dxcheck.names import entity_key
from dxcheck.reporting import (
    Every,
    Period,
    Reporting,
    due_of,
    entity_names,
    expected_entities,
    index_of,
    last_due,
    period,
)

if TYPE_CHECKING:
    from dxcheck.catalog import Catalog, Target
    from dxcheck.findings import Finding
    from dxcheck.progress import Arrivals
    from dxcheck.selection import Selection


class State(enum.StrEnum):
    REPORTED = "reported"
    LATE = "late"
    MISSING = "missing"


FAIL_ON: frozenset[str] = frozenset({State.MISSING.value})


@dataclass(frozen=True, slots=True)
class Expected:
    """One expected report: the latest period due for a target and an entity."""

    target: Target
    entity: str | None  # None: the nation
    every: Every
    period: Period
    due: date
    state: State
    missed_in_a_row: int  # this period and those before it, missed without a break
    first: Period  # the first period counted (the target's first report, or its start)

    @property
    def label(self) -> str:
        return self.period.label(self.every)

    @property
    def missing_since(self) -> Period | None:
        """The first period of the silence that ends with this one."""
        if not self.missed_in_a_row:
            return None
        return period(self.period.number - self.missed_in_a_row + 1, self.every)


@dataclass(frozen=True)
class CoverageReport:
    as_of: date
    catalog: str
    inputs: tuple[str, ...]
    reports: tuple[Expected, ...]
    findings: tuple[Finding, ...] = field(default=())

    @cached_property
    def summary(self) -> dict[str, int]:
        counts = Counter(r.state for r in self.reports)
        return {s.value: counts.get(s, 0) for s in State}

    @cached_property
    def failing(self) -> tuple[Expected, ...]:
        return tuple(r for r in self.reports if r.state is State.MISSING)

    @property
    def gate_passed(self) -> bool:
        return not self.failing


@dataclass(frozen=True)
class Coverage:
    """What ``expected_reports`` found: the reports due, and how many target x entity
    pairs the selection kept (a pair whose first period is not due yet has no report)."""

    reports: tuple[Expected, ...]
    pairs: int


def expected_reports(
    catalog: Catalog,
    targets: Iterable[Target],
    arrivals: Callable[[str], Iterable[Arrivals]],
    as_of: date,
    selection: Selection,
) -> Coverage:
    """The latest report due for every selected target (in force) and expected entity;
    targets without ``reporting`` are passed over.

    ``arrivals``: a target id -> its series' row dates (``ProgressIndex.arrivals``);
    ``selection``: already resolved to the catalog's names (``with_aliases``)."""
    out: list[Expected] = []
    pairs = 0
    names = entity_names(catalog)
    keys: dict[str | None, str] = {None: ""}  # an expected entity -> its series key
    for target in targets:
        reporting = catalog.reporting_of(target)
        if reporting is None:
            continue
        if not selection.matches_target(target):
            continue
        entities = [e for e in expected_entities(catalog, target, names) if selection.matches_entity(e)]
        if not entities:
            continue
        pairs += len(entities)
        for entity in entities:
            if entity not in keys:
                keys[entity] = entity_key(entity or "")
        out += _target_reports(
            target, reporting, [(e, keys[e]) for e in entities], arrivals(target.id), as_of
        )
    return Coverage(tuple(out), pairs)


def _target_reports(
    target: Target,
    reporting: Reporting,
    entities: list[tuple[str | None, str]],
    arrivals: Iterable[Arrivals],
    as_of: date,
) -> list[Expected]:
    series = {s.key: s for s in arrivals}
    every = reporting.every
    last = last_due(as_of, reporting)
    if target.due is not None:
        last = min(last, index_of(target.due, every))
    if reporting.start is not None:
        first = index_of(reporting.start, every)
    else:
        # A row sent after the as-of date was not there on that day.
        sent = [d for s in series.values() for d in s.dates - s.after]
        first = index_of(date.fromordinal(min(sent)), every) if sent else last
    if first > last:
        return []  # nothing is due yet
    numbers: dict[int, int] = {}  # a date's ordinal -> its period's number

    def number(ordinal: int) -> int:
        found = numbers.get(ordinal)
        if found is None:
            found = numbers[ordinal] = index_of(date.fromordinal(ordinal), every)
        return found

    # one object each for the whole target: at commune scale there are thousands of entities
    latest, counted, due = period(last, every), period(first, every), due_of(last, reporting)
    out = []
    for entity, key in entities:
        arrived = series.get(key)
        on_time: set[int] = set()
        late: set[int] = set()
        if arrived is not None:
            on_time = {number(d) for d in arrived.dates - arrived.late - arrived.after}
            late = {number(d) for d in arrived.late - arrived.after}
        # the silence: back from ``last`` to the latest period with a report, or ``first``
        heard = max((p for p in on_time | late if p <= last), default=first - 1)
        missed = last - max(heard, first - 1)
        state = State.REPORTED if last in on_time else State.LATE if last in late else State.MISSING
        out.append(
            Expected(
                target=target,
                entity=entity,
                every=every,
                period=latest,
                due=due,
                state=state,
                missed_in_a_row=missed,
                first=counted,
            )
        )
    return out


def silences(reports: Iterable[Expected]) -> list[tuple[str | None, list[Expected]]]:
    """The reports grouped by entity, the longest silences first (then the most missing,
    then by name); within an entity, the longest silence first, then by target."""
    groups: dict[str | None, list[Expected]] = {}
    for report in reports:
        groups.setdefault(report.entity, []).append(report)
    for members in groups.values():
        members.sort(key=lambda r: (-r.missed_in_a_row, r.target.id))

    def rank(item: tuple[str | None, list[Expected]]) -> tuple[int, int, int, str]:
        entity, members = item
        missing = sum(1 for r in members if r.state is State.MISSING)
        national = 0 if entity is None else 1
        return (-members[0].missed_in_a_row, -missing, national, (entity or "").casefold())

    return sorted(groups.items(), key=rank)
