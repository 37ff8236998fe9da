"""Outlook: where a series is heading. A least-squares projection, judged against thresholds
in the spirit of the SDG progress methods (0.95 and 0.60 of the way); a target that says
``projection: open-sdg`` gets Open SDG's own measure instead (dxcheck.opensdg).

From the running sums of a series (t in days since 2000-01-01):

- fit ``y = a + b*t`` by least squares (linear), or ``ln y = a + g*t`` (compound growth,
  for quantities that grow geometrically; needs every value > 0, else linear is used);
- ``projected`` = the fit's value at the due date;
- ``ratio r = (projected - base) / (target - base)``, where base is the catalog's baseline
  value or else the earliest observation;
- ``on_track`` when r >= 0.95, ``needs_acceleration`` when 0.60 <= r < 0.95, ``off_track``
  below, ``regressing`` when the fitted trend moves away from the target;
- ``current_rate`` = the linear slope per month, ``required_rate`` = what is left from the
  latest observation to the target, per month until the due date;
- ``eta`` = the day the same fit reaches the target level ("at this pace"), or None.

The README ("Outlook") has a worked example that the tests reproduce.
"""

from __future__ import annotations

import math
from datetime import date
from typing import NamedTuple

from dxcheck import opensdg
from dxcheck.report import Outlook, Trend

ON_TRACK = 0.95
NEEDS_ACCELERATION = 0.60
# Relative size below which a fitted slope is rounding noise (README, "Outlook").
FLAT = 1e-10
# A ratio is compared with the thresholds after rounding to this many decimals, so that
# rounding noise in the sums cannot move it across one.
RATIO_DECIMALS = 9
DAYS_PER_MONTH = 365.2425 / 12
EPOCH = date(2000, 1, 1).toordinal()
# An eta later than this is no forecast: None ("never", README, "Outlook").
LAST_ETA = date(2100, 12, 31)
# The day a fit reaches the level is rounded to this many decimals before it is rounded up
# to a whole day, so that rounding noise in the value sums cannot move it by a day.
ETA_DECIMALS = 6


def days(day: date) -> int:
    return day.toordinal() - EPOCH


_LAST_ETA_DAYS = days(LAST_ETA)  # asked once or twice per series


class FitSums(NamedTuple):
    """Running sums of a series: n, St, Sy, Stt, Sty, and for compound S(ln y), S(t ln y),
    with the lowest and highest y. (Immutable tuples, not frozen dataclasses: built once
    per series, and a tuple is several times cheaper to build at national scale.)

    The day sums are integers (exact whatever order the rows come in); the value sums are
    floats, whose last bits depend on the order of addition. So that an answer never
    depends on that order, a slope is exactly zero when every y is the same, and counts as
    zero when its numerator is within FLAT (relative) of rounding noise.
    """

    n: int
    st: int
    sy: float
    stt: int
    sty: float
    sly: float = 0.0
    stly: float = 0.0
    nonpositive: int = 0
    ylo: float = 0.0
    yhi: float = 0.0

    @classmethod
    def of(cls, points: list[tuple[date, float]]) -> FitSums:
        """Sums of explicit points (tests and ``show`` use this; the row loop sums as it goes)."""
        ts = [days(d) for d, _ in points]
        ys = [y for _, y in points]
        return cls(
            n=len(points),
            st=sum(ts),
            sy=sum(ys),
            stt=sum(t * t for t in ts),
            sty=sum(t * y for t, y in zip(ts, ys, strict=True)),
            sly=sum(math.log(y) for y in ys if y > 0),
            stly=sum(t * math.log(y) for t, y in zip(ts, ys, strict=True) if y > 0),
            nonpositive=sum(1 for y in ys if y <= 0),
            ylo=min(ys, default=0.0),
            yhi=max(ys, default=0.0),
        )

    def _spread(self) -> int | None:
        """n*Stt - St^2, exact; None when there is no line to fit (one date only)."""
        denominator = self.n * self.stt - self.st * self.st
        return denominator if self.n >= 2 and denominator > 0 else None

    def slope(self) -> float | None:
        """Least-squares slope per day, or None when all points share one date."""
        denominator = self._spread()
        if denominator is None:
            return None
        return _flat_or(self.n * self.sty, self.st * self.sy, self.ylo == self.yhi) / denominator

    def linear_at(self, t: float) -> float | None:
        b = self.slope()
        if b is None:
            return None
        if b == 0.0:
            return self.sy / self.n if self.ylo != self.yhi else self.ylo
        a = (self.sy - b * self.st) / self.n
        return a + b * t

    def mean_t(self) -> float:
        return self.st / self.n

    def growth(self) -> float | None:
        """The compound fit's rate g (ln y per day), or None without one (a value <= 0, or
        all points on one date); exactly 0.0 for a series that never changes."""
        denominator = self._spread()
        if self.nonpositive or denominator is None:
            return None
        return _flat_or(self.n * self.stly, self.st * self.sly, self.ylo == self.yhi) / denominator

    def compound_at(self, t: float) -> float | None:
        if self.nonpositive:
            return None
        denominator = self._spread()
        if denominator is None:
            return None
        if self.ylo == self.yhi:
            return self.ylo
        g = _flat_or(self.n * self.stly, self.st * self.sly, False) / denominator
        a = (self.sly - g * self.st) / self.n
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


class TrendInput(NamedTuple):
    """What ``outlook`` needs to know about a target and a series besides the sums."""

    level: float
    at_most: bool
    due: date | None
    as_of: date
    compound: bool
    base: float | None  # baseline value, else the earliest observation
    latest: tuple[date, float] | None
    met_now: bool
    late: bool
    milestone: bool
    # projection: open-sdg, with the last point of the series' first calendar year
    yearly: bool = False
    base_point: tuple[date, float] | None = None


def outlook(sums: FitSums, given: TrendInput) -> Trend:
    """The outlook of one series, with its rates; pure arithmetic on the inputs."""
    rules = OutlookRules(
        given.level, given.at_most, given.due, given.as_of, given.compound, given.milestone, given.yearly
    )
    return rules.outlook(sums, given.base, given.latest, given.met_now, given.late, given.base_point)


class OutlookRules:
    """The outlook rules of one target on one as-of date, worked out once for all its
    series: a commune-scale target has thousands, and this is most of evaluating one."""

    def __init__(
        self,
        level: float,
        at_most: bool,
        due: date | None,
        as_of: date,
        compound: bool,
        milestone: bool,
        yearly: bool = False,
    ) -> None:
        self.level = level
        self.at_most = at_most
        self.due = due
        self.as_of = as_of
        self.compound = compound
        self.milestone = milestone
        self.yearly = yearly
        self._past_due = due is not None and as_of > due
        self._due_t = None if due is None else days(due)
        self._as_of_t = days(as_of)
        self._towards = -1.0 if at_most else 1.0
        self._log_level = math.log(level) if level > 0 else None

    def outlook(
        self,
        sums: FitSums,
        base: float | None,
        latest: tuple[date, float] | None,
        met_now: bool,
        late: bool,
        base_point: tuple[date, float] | None = None,
    ) -> Trend:
        """The outlook of one series: ``base`` is the baseline value, else the earliest
        observation; ``latest`` the latest point; ``base_point`` (open-sdg) the last point
        of the series' first calendar year."""
        slope = sums.slope()
        milestone = self.milestone
        word, method, projected, ratio = self._classify(sums, slope, base, latest, met_now, late, base_point)
        current = slope * DAYS_PER_MONTH if slope is not None and not milestone else None
        required = None
        due_t = self._due_t
        if latest is not None and due_t is not None and not milestone and not met_now:
            remaining_days = due_t - days(latest[0])
            if remaining_days > 0:
                required = (self.level - latest[1]) / (remaining_days / DAYS_PER_MONTH)
        if milestone or met_now:
            return Trend(word, method, projected, ratio, required, current, None)
        # eta: the first day, not before the as-of date, on which the fitted trend (compound
        # when the target says so and every value is above 0, else linear: the fit
        # ``projected`` comes from) meets the level; None when it never does (flat, moving
        # away, after LAST_ETA), for a milestone, when met already, or with no fit. A fit
        # past the level already on the as-of date (while the latest value is not) gives
        # the as-of date: at this pace it is due now, not on a day in the past.
        compound = self.compound and not sums.nonpositive
        rate = sums.growth() if compound else slope
        if rate is None or rate * self._towards <= 0:
            return Trend(word, method, projected, ratio, required, current, None)  # no fit, flat, away
        if compound:
            if self._log_level is None:
                return Trend(word, method, projected, ratio, required, current, None)  # never reaches 0
            level, centre = self._log_level, sums.sly / sums.n
        else:
            level, centre = self.level, sums.sy / sums.n
        # The fitted line passes through the means: it is at ``level`` this many days on.
        reached = sums.mean_t() + (level - centre) / rate
        if not math.isfinite(reached) or reached > _LAST_ETA_DAYS:
            return Trend(word, method, projected, ratio, required, current, None)
        day = max(math.ceil(round(reached, ETA_DECIMALS)), self._as_of_t)
        eta = None if day > _LAST_ETA_DAYS else date.fromordinal(EPOCH + day)
        return Trend(word, method, projected, ratio, required, current, eta)

    def _classify(
        self,
        sums: FitSums,
        slope: float | None,
        base: float | None,
        latest: tuple[date, float] | None,
        met_now: bool,
        late: bool,
        base_point: tuple[date, float] | None,
    ) -> tuple[Outlook, str | None, float | None, float | None]:
        if self._past_due:
            if met_now:
                return (Outlook.MET_LATE if late else Outlook.MET), None, None, None
            return Outlook.MISSED, None, None, None
        if met_now:
            return Outlook.MET, None, None, None
        if self.milestone:
            return Outlook.INSUFFICIENT_DATA, None, None, None
        if self.yearly:
            word, value = opensdg.outlook(base_point, latest, self.level, self.due, at_most=self.at_most)
            return word, "open-sdg", None, value
        if slope is None:
            return Outlook.INSUFFICIENT_DATA, None, None, None
        towards = self._towards
        if slope * towards < 0:
            return Outlook.REGRESSING, "linear", None, None
        if self._due_t is None:
            # No deadline: there is no date to project to, only a direction of travel.
            return (Outlook.ON_TRACK if slope * towards > 0 else Outlook.OFF_TRACK), "linear", None, None
        t_due = float(self._due_t)
        method = "linear"
        projected = sums.compound_at(t_due) if self.compound else None
        if projected is not None:
            method = "compound"
        else:
            projected = sums.linear_at(t_due)
        assert projected is not None  # slope is not None, so the linear fit exists
        level = self.level
        if base is None:
            base = projected
        gap = level - base
        if gap * towards <= 0:
            # The base already met the target (it has since slipped): no distance to divide by.
            ratio = 1.0 if (projected <= level if self.at_most else projected >= level) else 0.0
        else:
            ratio = round((projected - base) / gap, RATIO_DECIMALS)
        if ratio >= ON_TRACK:
            word = Outlook.ON_TRACK
        elif ratio >= NEEDS_ACCELERATION:
            word = Outlook.NEEDS_ACCELERATION
        else:
            word = Outlook.OFF_TRACK
        return word, method, projected, ratio
