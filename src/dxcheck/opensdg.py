"""Open SDG's progress measure, for targets that say ``projection: open-sdg`` (README, "Outlook").

National statistical offices that run Open SDG platforms label progress with the
Statistics Canada method as sdg-build implements it (open-sdg/sdg-build,
``sdg/ProgressMeasure.py``, its method for a target with a value). This is our own
implementation of that method, on dxcheck's series:

- the series is read as one value per calendar year, the last observation of each year;
- the base year is the series' first year (the catalog baseline's year for a national
  series with one), its value the last point of that year; the current year is the latest
  observation's year, with its value; the target year is the due date's year;
- a base value of 0, and a target of 0, count as 0.001 (sdg-build's replacement);
- observed growth ``(current / base) ** (1 / (current year - base year)) - 1`` and required
  growth ``(target / base) ** (1 / (target year - base year)) - 1``, compound annual rates;
- the progress value ``p = s * d * observed / |required|``, where s is -1 when the base
  value is negative (else 1) and d is +1 for ``at_least`` and -1 for ``at_most``;
- ``p >= 0.95`` substantial progress (on_track), ``0.60 <= p < 0.95`` moderate
  (needs_acceleration), ``0 <= p < 0.60`` limited (off_track), ``p < 0`` deterioration
  (regressing).

There is no value (insufficient_data) with fewer than two calendar years, when the base and
current values have opposite signs (sdg-build's rule), and when the base and the target do
(a compound rate from a negative value to a positive one does not exist; sdg-build's
arithmetic gives a complex modulus or NaN there, depending on how its base year was set).
Where the target equals the base, sdg-build divides by zero in numpy: plus or minus
infinity by the sign of the observed growth, which this keeps.
"""

from __future__ import annotations

import math
from datetime import date

from dxcheck.report import Outlook

ZERO = 0.001  # what sdg-build uses for a base value or a target of 0
SUBSTANTIAL = 0.95
MODERATE = 0.60
LIMITED = 0.0

# sdg-build's labels, in dxcheck's outlook words (README, "Outlook").
LABELS: dict[str, Outlook] = {
    "target_achieved": Outlook.MET,
    "substantial_progress": Outlook.ON_TRACK,
    "moderate_progress": Outlook.NEEDS_ACCELERATION,
    "limited_progress": Outlook.OFF_TRACK,
    "deterioration": Outlook.REGRESSING,
    "not_available": Outlook.INSUFFICIENT_DATA,
}


def progress_value(
    base: tuple[date, float], current: tuple[date, float], level: float, due: date, *, at_most: bool
) -> float | None:
    """sdg-build's progress value of a series from its base point (the last of its first
    year) to its current one, toward ``level`` by ``due``; None where it has none."""
    base_year, base_value = base[0].year, base[1]
    current_year, current_value = current[0].year, current[1]
    if current_year - base_year < 1:
        return None
    sign = -1.0 if base_value < 0 else 1.0
    if base_value == 0:
        base_value = ZERO
    target = ZERO if level == 0 else level
    if base_value > 0 > current_value or base_value < 0 < current_value:
        return None  # base and current of opposite signs
    if (base_value > 0) != (target > 0):
        return None  # no compound rate from the base to the target
    # both ratios are >= 0 here, so each power is a float
    observed: float = (current_value / base_value) ** (1 / (current_year - base_year)) - 1
    required: float = abs((target / base_value) ** (1 / (due.year - base_year)) - 1)
    moved = sign * (-1.0 if at_most else 1.0) * observed
    if required == 0:
        # the target is the base: the limit of the formula, as numpy divides by zero
        return math.copysign(math.inf, moved) if moved else None
    return moved / required


def label(value: float | None) -> Outlook:
    """The outlook of a progress value (sdg-build's thresholds); NaN and None have none."""
    if value is None or math.isnan(value):
        return Outlook.INSUFFICIENT_DATA
    if value >= SUBSTANTIAL:
        return Outlook.ON_TRACK
    if value >= MODERATE:
        return Outlook.NEEDS_ACCELERATION
    if value >= LIMITED:
        return Outlook.OFF_TRACK
    return Outlook.REGRESSING


def outlook(
    base: tuple[date, float] | None,
    current: tuple[date, float] | None,
    level: float,
    due: date | None,
    *,
    at_most: bool,
) -> tuple[Outlook, float | None]:
    """The outlook and progress value of a series not yet met and not past due."""
    if base is None or current is None or due is None:
        return Outlook.INSUFFICIENT_DATA, None
    value = progress_value(base, current, level, due, at_most=at_most)
    return label(value), value
