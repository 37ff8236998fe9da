"""The rules as first written, one call per series with every rule spelled out in order:
the oracles that the per-target rules (``trend.OutlookRules``, ``evaluate._TargetRules``)
must equal value for value (tests/test_trend.py, tests/test_status_rules.py)."""

from __future__ import annotations

import math
from datetime import date

from dxcheck import opensdg
from dxcheck.catalog import Projection, Target, TargetType
from dxcheck.evaluate import progress_of, status_of
from dxcheck.progress.summary import SeriesSummary
from dxcheck.report import Outlook, Result, Status, Trend
from dxcheck.trend import (
    DAYS_PER_MONTH,
    EPOCH,
    ETA_DECIMALS,
    LAST_ETA,
    NEEDS_ACCELERATION,
    ON_TRACK,
    RATIO_DECIMALS,
    FitSums,
    TrendInput,
    days,
)

_LAST_ETA_DAYS = days(LAST_ETA)


def reference_outlook(sums: FitSums, given: TrendInput) -> Trend:
    """The outlook of one series, with its rates; pure arithmetic on the inputs."""
    slope = sums.slope()
    word, method, projected, ratio = _classify(sums, given, slope)
    current = slope * DAYS_PER_MONTH if slope is not None and not given.milestone else None
    required = None
    if given.latest is not None and given.due is not None and not given.milestone and not given.met_now:
        remaining_days = given.due.toordinal() - given.latest[0].toordinal()
        if remaining_days > 0:
            required = (given.level - given.latest[1]) / (remaining_days / DAYS_PER_MONTH)
    return Trend(word, method, projected, ratio, required, current, _eta(sums, given, slope))


def _eta(sums: FitSums, given: TrendInput, slope: float | None) -> date | None:
    """The first day, not before the as-of date, on which the fitted trend (compound when
    the target says so and every value is above 0, else linear: the fit ``projected``
    comes from) meets the level; None when it never does (flat, moving away, after
    LAST_ETA), when the level is met already, for a milestone, or with no fit.

    A fit that is past the level already on the as-of date while the latest value is not
    gives the as-of date: at this pace it is due now, not on a day in the past."""
    if given.milestone or given.met_now:
        return None
    compound = given.compound and not sums.nonpositive
    rate = sums.growth() if compound else slope
    towards = -1.0 if given.at_most else 1.0
    if rate is None or rate * towards <= 0:
        return None  # no fit, flat, or moving away
    if compound:
        if given.level <= 0:
            return None  # growth or decay by a factor never reaches 0
        target, centre = math.log(given.level), sums.sly / sums.n
    else:
        target, centre = given.level, sums.sy / sums.n
    # The fitted line passes through the means: it is at ``target`` this many days on.
    reached = sums.mean_t() + (target - centre) / rate
    if not math.isfinite(reached) or reached > _LAST_ETA_DAYS:
        return None
    day = max(math.ceil(round(reached, ETA_DECIMALS)), days(given.as_of))
    if day > _LAST_ETA_DAYS:
        return None
    return date.fromordinal(EPOCH + day)


def _classify(
    sums: FitSums, given: TrendInput, slope: float | None
) -> tuple[Outlook, str | None, float | None, float | None]:
    if given.due is not None and given.as_of > given.due:
        if given.met_now:
            return (Outlook.MET_LATE if given.late else Outlook.MET), None, None, None
        return Outlook.MISSED, None, None, None
    if given.met_now:
        return Outlook.MET, None, None, None
    if given.milestone:
        return Outlook.INSUFFICIENT_DATA, None, None, None
    if given.yearly:
        word, value = opensdg.outlook(
            given.base_point, given.latest, given.level, given.due, at_most=given.at_most
        )
        return word, "open-sdg", None, value
    if slope is None:
        return Outlook.INSUFFICIENT_DATA, None, None, None
    towards = -1.0 if given.at_most else 1.0
    if slope * towards < 0:
        return Outlook.REGRESSING, "linear", None, None
    if given.due is None:
        # No deadline: there is no date to project to, only a direction of travel.
        return (Outlook.ON_TRACK if slope * towards > 0 else Outlook.OFF_TRACK), "linear", None, None
    t_due = float(days(given.due))
    method = "linear"
    projected = sums.compound_at(t_due) if given.compound else None
    if projected is not None:
        method = "compound"
    else:
        projected = sums.linear_at(t_due)
    assert projected is not None  # slope is not None, so the linear fit exists
    base = given.base if given.base is not None else projected
    gap = given.level - base
    if gap * towards <= 0:
        # The base already met the target (it has since slipped): no distance to divide by.
        ratio = 1.0 if _meets(projected, given) else 0.0
    else:
        ratio = round((projected - base) / gap, RATIO_DECIMALS)
    if ratio >= ON_TRACK:
        word = Outlook.ON_TRACK
    elif ratio >= NEEDS_ACCELERATION:
        word = Outlook.NEEDS_ACCELERATION
    else:
        word = Outlook.OFF_TRACK
    return word, method, projected, ratio


def _meets(value: float, given: TrendInput) -> bool:
    return value <= given.level if given.at_most else value >= given.level


def reference_result(target: Target, series: SeriesSummary | None, as_of: date) -> Result:
    """A result from ``status_of``, ``progress_of`` and ``reference_outlook``."""
    due = target.due
    latest = series.latest if series else None
    first_met = series.first_met if series else None
    status = status_of(target, latest, as_of)
    late = bool(status is Status.PASS and due is not None and first_met is not None and first_met > due)
    base: float | None = None
    national = series is None or series.entity is None
    if target.baseline is not None and national:
        base = target.baseline.value
    elif series is not None and series.earliest is not None:
        base = series.earliest[1]
    trend = reference_outlook(
        series.fit if series else FitSums(0, 0, 0.0, 0, 0.0),
        TrendInput(
            target.level,
            target.direction == "at_most",
            due,
            as_of,
            target.projection is Projection.COMPOUND,
            base,
            (latest.date, latest.value) if latest else None,
            status is Status.PASS,
            late,
            target.type is TargetType.MILESTONE,
            target.projection is Projection.OPEN_SDG,
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
        (due - as_of).days if due is not None else None,
        trend,
    )
