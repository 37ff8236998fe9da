"""What reading gives evaluation and coverage: plain values, one per target x entity pair."""

from __future__ import annotations

from datetime import date
from typing import NamedTuple

from dxcheck.report import Observation
from dxcheck.trend import FitSums


class SeriesSummary(NamedTuple):
    """Everything evaluation needs about one target x entity pair (a tuple: one is built
    per pair, and at national scale that is 100,000s)."""

    entity: str | None
    latest: Observation | None
    first_met: date | None
    observations: int
    earliest: tuple[date, float] | None
    fit: FitSums  # the running sums of the trend fit
    # projection: open-sdg: the last point of the fit's first calendar year (the base value)
    first_year: tuple[date, float] | None = None


class Arrivals(NamedTuple):
    """The rows of one target x entity pair as ``dxcheck coverage`` sees them: the dates
    (ordinals) it has rows for, and those whose ``reported`` cell is after the period's due
    date (late) or after the as-of date (not yet sent on that day)."""

    entity: str | None
    key: str  # names.entity_key of the entity ("" for the nation)
    dates: frozenset[int]
    late: frozenset[int]
    after: frozenset[int]
