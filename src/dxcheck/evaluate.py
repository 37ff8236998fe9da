"""Status rules: from series to results. Pure: no files, no terminal.

For each target in force: one national result from the national rows (those with a blank
entity), and one result per entity with observations; take the latest observation on or
before the as-of date:

- ``pass``    it meets the target; ``late`` when first met after the due date;
- ``pending`` not met, and the as-of date is on or before the due date (or no deadline);
- ``fail``    not met, past the due date, and there is numeric data that misses it;
- ``overdue`` past the due date with no observation, or a milestone not done.
"""

from __future__ import annotations

import gc
from collections.abc import Iterable
from datetime import date
from typing import Protocol

from dxcheck.catalog import Catalog, Direction, Projection, Target, TargetType
from dxcheck.progress.summary import SeriesSummary
from dxcheck.report import Observation, Result, Status, Superseded
from dxcheck.trend import FitSums, TrendInput, outlook


class SeriesSource(Protocol):
    """What evaluation reads: the series of a target, as values (a ``ProgressIndex``)."""

    def series(self, target_id: str) -> Iterable[SeriesSummary]: ...


def status_of(target: Target, latest: Observation | None, as_of: date, *, met: bool | None = None) -> Status:
    due = target.due
    before_due = due is None or as_of <= due
    if met is None:
        met = latest is not None and target.is_met(latest.value)
    if latest is not None and met:
        return Status.PASS
    if before_due:
        return Status.PENDING
    if latest is None or target.type is TargetType.MILESTONE:
        return Status.OVERDUE
    return Status.FAIL


def progress_of(target: Target, value: float | None, *, national: bool = True) -> float | None:
    """Share of the way from the baseline (or zero) to the target; 1.0 when met.

    The catalog's baseline is national: an entity's progress is counted from zero."""
    if value is None:
        return None
    if target.type is TargetType.MILESTONE:
        return value
    level = target.level
    if target.baseline is not None and national:
        base = target.baseline.value
        if base == level:
            return 1.0 if target.is_met(value) else 0.0
        return (value - base) / (level - base)
    if target.direction is Direction.AT_LEAST:
        return value / level if level > 0 else (1.0 if target.is_met(value) else None)
    return 1.0 if target.is_met(value) else None


def in_force(catalog: Catalog, as_of: date) -> tuple[list[Target], list[Superseded]]:
    """The targets to evaluate at ``as_of``: of each supersedes chain, the newest version
    already stated on that date (or the oldest, if none was yet)."""
    successor: dict[str, Target] = {}
    for target in catalog.targets:
        if target.supersedes is not None:
            successor[target.supersedes] = target
    active: list[Target] = []
    superseded: list[Superseded] = []
    for target in catalog.targets:
        newer = successor.get(target.id)
        chosen_newer: Target | None = None
        while newer is not None:
            if newer.source is None or newer.source.date <= as_of:
                chosen_newer = newer
            newer = successor.get(newer.id)
        stated = target.supersedes is None or target.source is None or target.source.date <= as_of
        if chosen_newer is not None:
            since = chosen_newer.source.date if chosen_newer.source else as_of
            superseded.append(Superseded(target, chosen_newer.id, since))
        elif stated:
            active.append(target)
    return active, superseded


def evaluate(catalog: Catalog, index: SeriesSource, as_of: date) -> tuple[list[Result], list[Superseded]]:
    targets, superseded = in_force(catalog, as_of)
    results: list[Result] = []
    # Evaluation makes several objects per series and no cycles; with the collector on,
    # its full collections walk every series and result again and again (a third of the
    # evaluation at 100,000s of series).
    collecting = gc.isenabled()
    gc.disable()
    try:
        for target in targets:
            results.extend(evaluate_target(target, index, as_of))
    finally:
        if collecting:
            gc.enable()
    return results, superseded


def evaluate_target(target: Target, index: SeriesSource, as_of: date) -> list[Result]:
    """The national result, from national rows only, then one result per entity with
    observations. A province's rows never stand in for the nation: with no national row
    the national result has no data (``overdue`` once past due)."""
    series = sorted(
        index.series(target.id), key=lambda s: (s.entity is not None, (s.entity or "").casefold())
    )
    rules = _TargetRules(target, as_of)
    results = [rules.result(s) for s in series]
    if not series or series[0].entity is not None:
        results.insert(0, rules.result(None))
    return results


class _TargetRules:
    """What the status rules and the outlook need of a target, worked out once for all
    its series (a commune-scale target has thousands)."""

    def __init__(self, target: Target, as_of: date) -> None:
        self.target = target
        self.as_of = as_of
        self.due = target.due
        self.level = target.level
        self.at_most = target.direction is Direction.AT_MOST
        self.milestone = target.type is TargetType.MILESTONE
        self.compound = target.projection is Projection.COMPOUND
        self.yearly = target.projection is Projection.OPEN_SDG
        self.baseline = target.baseline.value if target.baseline is not None else None
        self.days_left = (self.due - as_of).days if self.due is not None else None

    def result(self, series: SeriesSummary | None) -> Result:
        target, due = self.target, self.due
        latest = series.latest if series else None
        first_met = series.first_met if series else None
        status = status_of(target, latest, self.as_of)
        late = bool(status is Status.PASS and due is not None and first_met is not None and first_met > due)
        base: float | None = None
        national = series is None or series.entity is None
        if self.baseline is not None and national:
            base = self.baseline
        elif series is not None and series.earliest is not None:
            base = series.earliest[1]
        fit = series.fit if series else _NO_FIT
        trend = outlook(
            fit,
            TrendInput(
                self.level,
                self.at_most,
                due,
                self.as_of,
                self.compound,
                base,
                (latest.date, latest.value) if latest else None,
                status is Status.PASS,
                late,
                self.milestone,
                self.yearly,
                series.first_year if series else None,
            ),
        )
        return Result(
            target,
            series.entity if series else None,
            status,
            late,
            latest,
            first_met,
            series.observations if series else 0,
            progress_of(target, latest.value if latest else None, national=national),
            self.days_left,
            trend,
        )


_NO_FIT = FitSums(0, 0, 0.0, 0, 0.0)  # a series with no rows


def count_by_status(results: Iterable[Result]) -> dict[Status, int]:
    out = dict.fromkeys(Status, 0)
    for r in results:
        out[r.status] += 1
    return out
