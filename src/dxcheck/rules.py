"""The status rules, progress and outlook of a target's series: the one place every series
passes in evaluation, as the row loop (``rowscan``) is for every row.

Like the row loop, this module is compiled with mypyc when dxcheck is installed on a
machine with a C compiler (``hatch_build.py``) and runs as plain Python otherwise; both
give the same results, and the tests run both against the rules as first written
(``tests/reference_rules.py``), every field and every float. So it imports only the
standard library and keeps to what mypyc compiles well: a native class whose attributes
are numbers, and arithmetic on ints and floats. What it makes (statuses, outlooks,
``Trend``, ``Result``) it is given by ``dxcheck.evaluate``, which says what the rules
are in words; ``dxcheck.trend`` documents the outlook method.

At commune scale (132,000 series) evaluation takes 0.43-0.49 s of CPU with this module
compiled and 0.79 s with it as Python (bench/README.md, fourth round): fast enough for one
process, where sending the results of a second one back cost what it saved.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable, Sequence
from datetime import date
from typing import Any, Final

# Empty here; the compiled copy says which source it was built from (hatch_build.py),
# so that an edited source is never shadowed by a stale build (dxcheck.native).
COMPILED_FROM: Final = ""

# The order of the words a TargetRules is given (``Words``): Outlook's and Status's values.
OUTLOOKS: Final = (
    "met",
    "met_late",
    "missed",
    "on_track",
    "needs_acceleration",
    "off_track",
    "regressing",
    "insufficient_data",
)
STATUSES: Final = ("pass", "fail", "overdue", "pending")
_MET: Final = 0
_MET_LATE: Final = 1
_MISSED: Final = 2
_ON_TRACK: Final = 3
_NEEDS_ACCELERATION: Final = 4
_OFF_TRACK: Final = 5
_REGRESSING: Final = 6
_INSUFFICIENT_DATA: Final = 7
_PASS: Final = 0
_FAIL: Final = 1
_OVERDUE: Final = 2
_PENDING: Final = 3

# The constants of the outlook method (dxcheck.trend names them, README "Outlook" explains them).
ON_TRACK: Final = 0.95
NEEDS_ACCELERATION: Final = 0.60
FLAT: Final = 1e-10
RATIO_DECIMALS: Final = 9
ETA_DECIMALS: Final = 6
DAYS_PER_MONTH: Final = 365.2425 / 12
EPOCH: Final = 730120  # date(2000, 1, 1).toordinal(): t counts days from it
LAST_ETA: Final = 767009  # date(2100, 12, 31).toordinal(): a later eta is no forecast
_NO_DAY: Final = -(1 << 40)  # no due date

# A series as reading gives it (progress.summary.SeriesSummary, a tuple): entity, latest
# observation, first day met, observations, earliest (day, value), the fit's running
# sums (trend.FitSums: n, St, Sy, Stt, Sty, S ln y, S t ln y, values <= 0, lowest and
# highest y), the open-sdg base point.
Fit = tuple[int, int, float, int, float, float, float, int, float, float]


class Words:
    """What the rules make, given by the caller: the outlook and status words in the
    orders of ``OUTLOOKS`` and ``STATUSES``, and the ``Trend`` and ``Result`` types.
    Those are NamedTuples, made here by ``tuple.__new__``: one C call, where a
    NamedTuple's own constructor is a Python function (a third of evaluating, compiled,
    at 132,000 series)."""

    def __init__(
        self,
        outlooks: Sequence[Any],
        statuses: Sequence[Any],
        trend: type[tuple[Any, ...]],
        result: type[tuple[Any, ...]],
    ) -> None:
        self.outlooks: list[Any] = list(outlooks)
        self.statuses: list[Any] = list(statuses)
        self.trend = trend
        self.result = result


class TargetRules:
    """The rules of one target on one as-of date, worked out once for all its series:
    ``result`` is the target's result for one series (None: the nation, with no rows).

    ``progress(value, national)`` is the progress of a value where it is not simply the
    share of the level (a baseline, a milestone, ``at_most``); ``yearly(base_point,
    latest)`` is Open SDG's (outlook, value) for ``projection: open-sdg``."""

    def __init__(
        self,
        words: Words,
        target: object,
        *,
        level: float,
        at_most: bool,
        due: int | None,
        as_of: int,
        compound: bool,
        milestone: bool,
        baseline: float | None,
        progress: Callable[[float, bool], float | None],
        yearly: Callable[[Any, Any], tuple[Any, float | None]] | None = None,
    ) -> None:
        self.words = words
        self.target = target
        self.level = level
        self.at_most = at_most
        self.has_due = due is not None
        self.due: int = due if due is not None else _NO_DAY
        self.due_t: int = self.due - EPOCH
        self.as_of_t: int = as_of - EPOCH
        self.before_due = due is None or as_of <= due
        self.past_due = due is not None and as_of > due
        self.days_left: int | None = None if due is None else due - as_of
        self.compound = compound
        self.milestone = milestone
        self.has_baseline = baseline is not None
        self.baseline: float = baseline if baseline is not None else 0.0
        self.progress = progress
        self.yearly = yearly
        self.towards = -1.0 if at_most else 1.0
        self.has_log_level = level > 0
        self.log_level = math.log(level) if level > 0 else 0.0
        # the progress of an entity (or of the nation without a baseline): a share of the level
        self.from_zero = not milestone and not at_most and level > 0

    def results(self, series: Iterable[Any]) -> list[Any]:
        return [self.result(s) for s in series]

    def result(self, series: Any) -> Any:
        """The ``Result`` of one series (a ``SeriesSummary``): status, late, progress and
        outlook. (Typed ``Any``, not as a tuple: a typed tuple is unpacked to C values,
        and one that may be None made into a tuple again, at each call.)"""
        words = self.words
        entity: Any = None
        latest: Any = None
        first_met: Any = None
        earliest: Any = None
        first_year: Any = None
        observations = 0
        fit: Fit = (0, 0, 0.0, 0, 0.0, 0.0, 0.0, 0, 0.0, 0.0)
        if series is not None:
            entity, latest, first_met, observations, earliest, fit, first_year = series
        level = self.level
        has_value = latest is not None
        value = 0.0
        point: Any = None
        if has_value:
            value = latest.value
            point = (latest.date, value)
        met = has_value and (value <= level if self.at_most else value >= level)
        if met:
            status = _PASS
        elif self.before_due:
            status = _PENDING
        elif not has_value or self.milestone:
            status = _OVERDUE
        else:
            status = _FAIL
        late = bool(met and self.has_due and first_met is not None and first_met.toordinal() > self.due)
        national = entity is None
        has_base = True
        base = 0.0
        if self.has_baseline and national:
            base = self.baseline
        elif earliest is not None:
            base = earliest[1]
        else:
            has_base = False
        progress: float | None = None
        if has_value:
            if self.from_zero and (not national or not self.has_baseline):
                progress = value / level
            else:
                progress = self.progress(value, national)
        trend = self.outlook(fit, has_base, base, point, met, late, first_year)
        return tuple.__new__(
            words.result,
            (
                self.target,
                entity,
                words.statuses[status],
                late,
                latest,
                first_met,
                observations,
                progress,
                self.days_left,
                trend,
            ),
        )

    def outlook(
        self, fit: Fit, has_base: bool, base: float, latest: Any, met: bool, late: bool, first_year: Any
    ) -> Any:
        """The ``Trend`` of one series: ``base`` (when ``has_base``) is the baseline value,
        else the earliest observation; ``latest`` the latest (day, value) or None;
        ``first_year`` (open-sdg) the last point of the series' first calendar year."""
        nonpositive = fit[7]
        words = self.words
        spread = spread_of(fit)
        has_slope = spread > 0
        slope = slope_of(fit, spread) if has_slope else 0.0
        milestone = self.milestone
        towards = self.towards
        level = self.level
        # the outlook word, and the projection behind it
        word: Any = None
        method: str | None = None
        projected: float | None = None
        ratio: float | None = None
        if self.past_due:
            word = words.outlooks[(_MET_LATE if late else _MET) if met else _MISSED]
        elif met:
            word = words.outlooks[_MET]
        elif milestone:
            word = words.outlooks[_INSUFFICIENT_DATA]
        elif self.yearly is not None:
            word, ratio = self.yearly(first_year, latest)
            method = "open-sdg"
        elif not has_slope:
            word = words.outlooks[_INSUFFICIENT_DATA]
        elif slope * towards < 0:
            word = words.outlooks[_REGRESSING]
            method = "linear"
        elif not self.has_due:
            # No deadline: there is no date to project to, only a direction of travel.
            word = words.outlooks[_ON_TRACK if slope * towards > 0 else _OFF_TRACK]
            method = "linear"
        else:
            t_due = float(self.due_t)
            if self.compound and not nonpositive:
                method = "compound"
                at_due = compound_at(fit, spread, t_due)
            else:
                method = "linear"
                at_due = linear_at(fit, slope, t_due)
            projected = at_due
            start = base if has_base else at_due
            gap = level - start
            if gap * towards <= 0:
                # The base already met the target (it has since slipped): no distance to divide by.
                share = 1.0 if (at_due <= level if self.at_most else at_due >= level) else 0.0
            else:
                share = round((at_due - start) / gap, RATIO_DECIMALS)
            ratio = share
            if share >= ON_TRACK:
                word = words.outlooks[_ON_TRACK]
            elif share >= NEEDS_ACCELERATION:
                word = words.outlooks[_NEEDS_ACCELERATION]
            else:
                word = words.outlooks[_OFF_TRACK]
        current: float | None = slope * DAYS_PER_MONTH if has_slope and not milestone else None
        required: float | None = None
        if latest is not None and self.has_due and not milestone and not met:
            remaining_days = self.due_t - (latest[0].toordinal() - EPOCH)
            if remaining_days > 0:
                required = (level - latest[1]) / (remaining_days / DAYS_PER_MONTH)
        eta: Any = None
        if not milestone and not met and has_slope:
            eta = self._eta(fit, slope, spread)
        return tuple.__new__(words.trend, (word, method, projected, ratio, required, current, eta))

    def _eta(self, fit: Fit, slope: float, spread: int) -> Any:
        """The first day, not before the as-of date, on which the fitted trend (compound
        when the target says so and every value is above 0, else linear: the fit
        ``projected`` comes from) meets the level; None when it never does (flat, moving
        away, after LAST_ETA). A fit past the level already on the as-of date (while the
        latest value is not) gives the as-of date: at this pace it is due now."""
        n, st, sy, sly = fit[0], fit[1], fit[2], fit[5]
        compound = self.compound and not fit[7]
        rate = growth_of(fit, spread) if compound else slope
        if rate * self.towards <= 0:
            return None  # flat, or moving away
        if compound:
            if not self.has_log_level:
                return None  # never reaches a level of 0 or below
            level, centre = self.log_level, sly / n
        else:
            level, centre = self.level, sy / n
        # The fitted line passes through the means: it is at ``level`` this many days on.
        reached = st / n + (level - centre) / rate
        if not math.isfinite(reached) or reached > LAST_ETA - EPOCH:
            return None
        day = max(math.ceil(round(reached, ETA_DECIMALS)), self.as_of_t)
        return None if day > LAST_ETA - EPOCH else date.fromordinal(EPOCH + day)


# --- the least-squares fit of a series' running sums (dxcheck.trend.FitSums) ---------------
# The day sums are integers (exact whatever order the rows come in), the value sums are
# floats; a slope is exactly zero when every y is the same, and counts as zero when its
# numerator is within FLAT (relative) of rounding noise.


def spread_of(fit: Fit) -> int:
    """n*Stt - St^2, exact; 0 when there is no line to fit (one date only)."""
    n, st, stt = fit[0], fit[1], fit[3]
    spread = n * stt - st * st
    return spread if n >= 2 and spread > 0 else 0


def slope_of(fit: Fit, spread: int) -> float:
    """The linear fit's slope per day (``spread``: ``spread_of(fit)``, not 0)."""
    n, st, sy, sty, ylo, yhi = fit[0], fit[1], fit[2], fit[4], fit[8], fit[9]
    return _flat_or(n * sty, st * sy, ylo == yhi) / spread


def growth_of(fit: Fit, spread: int) -> float:
    """The compound fit's rate g (ln y per day) of a series with every y above 0;
    exactly 0.0 for a series that never changes."""
    n, st, sly, stly, ylo, yhi = fit[0], fit[1], fit[5], fit[6], fit[8], fit[9]
    return _flat_or(n * stly, st * sly, ylo == yhi) / spread


def linear_at(fit: Fit, slope: float, t: float) -> float:
    """The linear fit's value on day ``t`` (``slope``: ``slope_of(fit, ...)``)."""
    n, st, sy, ylo, yhi = fit[0], fit[1], fit[2], fit[8], fit[9]
    if slope == 0.0:
        return sy / n if ylo != yhi else ylo
    a = (sy - slope * st) / n
    return a + slope * t


def compound_at(fit: Fit, spread: int, t: float) -> float:
    """The compound fit's value on day ``t``, of a series with every y above 0."""
    n, st, sly, stly, ylo, yhi = fit[0], fit[1], fit[5], fit[6], fit[8], fit[9]
    if ylo == yhi:
        return ylo
    g = _flat_or(n * stly, st * sly, False) / spread
    a = (sly - g * st) / n
    exponent = a + g * t
    return math.exp(exponent) if exponent < 700 else math.inf


def _flat_or(n_sxy: float, sx_sy: float, constant: bool) -> float:
    """The least-squares numerator n*Sxy - Sx*Sy, or exactly 0.0 for a constant series or
    a difference within FLAT of its terms (rounding noise, not a trend)."""
    if constant:
        return 0.0
    numerator = n_sxy - sx_sy
    if abs(numerator) <= FLAT * (abs(n_sxy) + abs(sx_sy)):
        return 0.0
    return numerator
