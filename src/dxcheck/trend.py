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

from collections.abc import Callable
from datetime import date
from functools import cache
from types import ModuleType
from typing import Any, NamedTuple

from dxcheck import opensdg
from dxcheck.native import series_rules
from dxcheck.report import Outlook, Result, Status, Trend

# The method's constants: the rules (dxcheck.rules, compiled) hold them, this names them.
_rules = series_rules()
ON_TRACK: float = _rules.ON_TRACK
NEEDS_ACCELERATION: float = _rules.NEEDS_ACCELERATION
# Relative size below which a fitted slope is rounding noise (README, "Outlook").
FLAT: float = _rules.FLAT
# A ratio is compared with the thresholds after rounding to this many decimals, so that
# rounding noise in the sums cannot move it across one.
RATIO_DECIMALS: int = _rules.RATIO_DECIMALS
DAYS_PER_MONTH: float = _rules.DAYS_PER_MONTH
EPOCH: int = _rules.EPOCH  # date(2000, 1, 1).toordinal()
# An eta later than this is no forecast: None ("never", README, "Outlook").
LAST_ETA = date.fromordinal(_rules.LAST_ETA)  # 2100-12-31
# The day a fit reaches the level is rounded to this many decimals before it is rounded up
# to a whole day, so that rounding noise in the value sums cannot move it by a day.
ETA_DECIMALS: int = _rules.ETA_DECIMALS


def days(day: date) -> int:
    return day.toordinal() - EPOCH


class FitSums(NamedTuple):
    """Running sums of a series: n, St, Sy, Stt, Sty, and for compound S(ln y), S(t ln y),
    with the lowest and highest y. (Immutable tuples, not frozen dataclasses: built once
    per series, and a tuple is several times cheaper to build at national scale.)

    The day sums are integers (exact whatever order the rows come in); the value sums are
    floats, whose last bits depend on the order of addition. So that an answer never
    depends on that order, a slope is exactly zero when every y is the same, and counts as
    zero when its numerator is within FLAT (relative) of rounding noise. The arithmetic
    is the series rules' (``dxcheck.rules``), which evaluation uses.
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
        import math

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

    def slope(self) -> float | None:
        """Least-squares slope per day, or None when all points share one date."""
        spread: int = _rules.spread_of(self)
        slope: float | None = _rules.slope_of(self, spread) if spread else None
        return slope

    def linear_at(self, t: float) -> float | None:
        slope = self.slope()
        value: float | None = None if slope is None else _rules.linear_at(self, slope, t)
        return value

    def mean_t(self) -> float:
        return self.st / self.n

    def growth(self) -> float | None:
        """The compound fit's rate g (ln y per day), or None without one (a value <= 0, or
        all points on one date); exactly 0.0 for a series that never changes."""
        spread: int = _rules.spread_of(self)
        growth: float | None = None if self.nonpositive or not spread else _rules.growth_of(self, spread)
        return growth

    def compound_at(self, t: float) -> float | None:
        spread: int = _rules.spread_of(self)
        value: float | None = None if self.nonpositive or not spread else _rules.compound_at(self, spread, t)
        return value


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


def outlook(sums: FitSums, given: TrendInput, *, kernel: ModuleType | None = None) -> Trend:
    """The outlook of one series, with its rates; pure arithmetic on the inputs (by the
    series rules, ``kernel``: the built ones unless given)."""
    rules = target_rules(
        None,
        level=given.level,
        at_most=given.at_most,
        due=given.due,
        as_of=given.as_of,
        compound=given.compound,
        milestone=given.milestone,
        yearly=given.yearly,
        baseline=None,
        progress=_no_progress,
        kernel=kernel,
    )
    base = given.base
    trend: Trend = rules.outlook(
        sums,
        base is not None,
        0.0 if base is None else base,
        given.latest,
        given.met_now,
        given.late,
        given.base_point,
    )
    return trend


def target_rules(
    target: object,
    *,
    level: float,
    at_most: bool,
    due: date | None,
    as_of: date,
    compound: bool,
    milestone: bool,
    yearly: bool,
    baseline: float | None,
    progress: Callable[[float, bool], float | None],
    kernel: ModuleType | None = None,
) -> Any:
    """The rules of one target on one as-of date (``dxcheck.rules.TargetRules``), worked
    out once for all its series; ``kernel`` is the rules module (the built one)."""
    kernel = kernel or _rules

    def open_sdg(base_point: Any, latest: Any) -> tuple[Outlook, float | None]:
        return opensdg.outlook(base_point, latest, level, due, at_most=at_most)

    return kernel.TargetRules(
        rule_words(kernel),
        target,
        level=level,
        at_most=at_most,
        due=None if due is None else due.toordinal(),
        as_of=as_of.toordinal(),
        compound=compound,
        milestone=milestone,
        baseline=baseline,
        progress=progress,
        yearly=open_sdg if yearly else None,
    )


@cache
def rule_words(kernel: ModuleType) -> Any:
    """What the rules make: the outlooks and statuses, ``Trend`` and ``Result``."""
    return kernel.Words(
        [Outlook(word) for word in kernel.OUTLOOKS], [Status(word) for word in kernel.STATUSES], Trend, Result
    )


def _no_progress(value: float, national: bool) -> float | None:
    return None  # an outlook alone: no result, no progress
