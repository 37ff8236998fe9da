"""The rules as first written, one call per series with every rule spelled out in order,
the least-squares fit included: the oracles that the series rules (``dxcheck.rules``,
compiled and as source, through ``trend.outlook`` and ``evaluate.rules_of``) must equal
value for value (tests/test_trend.py, tests/test_status_rules.py). Nothing here calls
``dxcheck.rules``: an oracle that shared its arithmetic could not catch it."""

from __future__ import annotations

import math
from datetime import date

from dxcheck import opensdg
from dxcheck.catalog import Projection, Target, TargetType
from dxcheck.evaluate import progress_of, status_of
from dxcheck.progress.summary import SeriesSummary
from dxcheck.report import Outlook, Result, Status, Trend
from dxcheck.trend import FitSums, TrendInput

# The method's numbers (README, "Outlook"), written out again.
ON_TRACK = 0.95
NEEDS_ACCELERATION = 0.60
FLAT = 1e-10
RATIO_DECIMALS = 9
ETA_DECIMALS = 6
DAYS_PER_MONTH = 365.2425 / 12
EPOCH = date(2000, 1, 1).toordinal()
_LAST_ETA_DAYS = date(2100, 12, 31).toordinal() - EPOCH


def days(day: date) -> int:
    return day.toordinal() - EPOCH


# --- the fit, from the running sums ---------------------------------------------------------


def _spread(sums: FitSums) -> int | None:
    """n*Stt - St^2, exact; None when there is no line to fit (one date only)."""
    denominator = sums.n * sums.stt - sums.st * sums.st
    return denominator if sums.n >= 2 and denominator > 0 else None


def _flat_or(n_sxy: float, sx_sy: float, constant: bool) -> float:
    if constant:
        return 0.0
    numerator = n_sxy - sx_sy
    if abs(numerator) <= FLAT * (abs(n_sxy) + abs(sx_sy)):
        return 0.0
    return numerator


def reference_slope(sums: FitSums) -> float | None:
    denominator = _spread(sums)
    if denominator is None:
        return None
    return _flat_or(sums.n * sums.sty, sums.st * sums.sy, sums.ylo == sums.yhi) / denominator


def reference_linear_at(sums: FitSums, t: float) -> float | None:
    b = reference_slope(sums)
    if b is None:
        return None
    if b == 0.0:
        return sums.sy / sums.n if sums.ylo != sums.yhi else sums.ylo
    a = (sums.sy - b * sums.st) / sums.n
    return a + b * t


def reference_growth(sums: FitSums) -> float | None:
    denominator = _spread(sums)
    if sums.nonpositive or denominator is None:
        return None
    return _flat_or(sums.n * sums.stly, sums.st * sums.sly, sums.ylo == sums.yhi) / denominator


def reference_compound_at(sums: FitSums, t: float) -> float | None:
    if sums.nonpositive:
        return None
    denominator = _spread(sums)
    if denominator is None:
        return None
    if sums.ylo == sums.yhi:
        return sums.ylo
    g = _flat_or(sums.n * sums.stly, sums.st * sums.sly, False) / denominator
    a = (sums.sly - g * sums.st) / sums.n
    exponent = a + g * t
    return math.exp(exponent) if exponent < 700 else math.inf


# --- the outlook ----------------------------------------------------------------------------


def reference_outlook(sums: FitSums, given: TrendInput) -> Trend:
    """The outlook of one series, with its rates; pure arithmetic on the inputs."""
    slope = reference_slope(sums)
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
    rate = reference_growth(sums) if compound else slope
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
    reached = sums.st / sums.n + (target - centre) / rate
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
    projected = reference_compound_at(sums, t_due) if given.compound else None
    if projected is not None:
        method = "compound"
    else:
        projected = reference_linear_at(sums, t_due)
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
