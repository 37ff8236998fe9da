"""Where the series live while files are read: a slot per target (its constants and its
series by entity), the cells the row loop finds a series by, and the dates met so far."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from types import ModuleType
from typing import Any

from dxcheck.catalog import Catalog, Target, TargetType
from dxcheck.report import Observation
from dxcheck.reporting import Reporting
from dxcheck.series import ALWAYS, LOW, SHIFT, Series
from dxcheck.trend import EPOCH
from dxcheck.units import canonical_unit


@dataclass
class Slot:
    """Per-target constants and series for the row loop."""

    target: Target
    numeric: bool
    level: float
    at_most: bool
    percent: bool
    unit: str | None
    base_t: int
    base_value: float | None
    compound: bool
    yearly: bool = False  # projection: open-sdg (the base year's point is kept per series)
    series: dict[str, Series] = field(default_factory=dict)
    units_ok: set[str] = field(default_factory=set)
    record: list[tuple[str, Observation]] | None = None
    reporting: Reporting | None = None  # how often it is reported (a ``reported`` cell's due date)
    dues: dict[int, int] = field(default_factory=dict)  # a row's date -> its period's due date
    # how its series are made (series.SeriesKind, set by SeriesStore): shares ``series``
    # and ``units_ok``, so that the row loop finds and makes series without a Python call
    kind: Any = None


class SeriesStore:
    """The series of every target of a catalog, and the cells the row loop finds them by
    (``kinds``: a target cell as written -> its ``SeriesKind``; ``cell_ids``: an entity
    cell as written -> its number, the place of its series in each kind's ``slots``)."""

    def __init__(self, catalog: Catalog, *, record: frozenset[str], loop: ModuleType) -> None:
        # the row loop: compiled when it was built, else rowscan's source (dxcheck.native)
        self.loop = loop
        self.cell_ids: dict[str, int] = {}  # shared by every SeriesKind
        self.slots: dict[str, Slot] = {}
        for target in catalog.targets:
            unit = canonical_unit(target.unit) if target.unit else None
            base = target.baseline
            slot = self.slots[target.id] = Slot(
                target=target,
                numeric=target.type is TargetType.NUMERIC,
                level=target.level,
                at_most=target.direction.value == "at_most",
                percent=unit == "percent",
                unit=unit,
                base_t=(base.date.toordinal() - EPOCH) if base else ALWAYS,
                base_value=base.value if base else None,
                compound=target.projection is not None and target.projection.value == "compound",
                yearly=target.projection is not None and target.projection.value == "open-sdg",
                record=[] if target.id in record else None,
                reporting=catalog.reporting_of(target),
            )
            slot.kind = loop.SeriesKind(
                slot,
                slot.series,
                slot.units_ok,
                self.cell_ids,
                numeric=slot.numeric,
                percent=slot.percent,
                at_most=slot.at_most,
                compound=slot.compound,
                yearly=slot.yearly,
                level=slot.level,
                base_t=slot.base_t,
                base_value=slot.base_value,
            )
        self.target_ids = tuple(self.slots)
        self.target_lookup: dict[str, Slot | None] = dict(self.slots)  # a target cell as written
        self.kinds: dict[str, Any] = {}  # series.SeriesKind of the loop as built

    def forget_cells(self) -> None:
        """Empty the row loop's memo (``kinds``, ``cell_ids`` and each kind's ``slots``)."""
        self.kinds.clear()
        self.cell_ids.clear()
        for slot in self.slots.values():
            slot.kind.forget()

    def slot_of(self, text: str) -> Slot | None:
        """The slot of a target cell, as the duplicate and chart passes look it up."""
        return self.target_lookup.get(text) or self.slots.get(text.strip().lower())

    def share_sources(self) -> None:
        """One string a distinct ``source`` cell: the row loop cuts a new one from each
        row, and at commune scale most series name one of a few sources. Done between
        reading and merging, it lowers the peak."""
        shared: dict[str, str] = {}
        for slot in self.slots.values():
            for state in slot.series.values():
                source = state.source
                if source:
                    state.source = shared.setdefault(source, source)

    def as_half(self) -> None:
        """This store reads a half of a file: its series are added to the whole's, which
        has the catalog baseline already, so a national series here does not add it."""
        for slot in self.slots.values():
            slot.kind.adds_base = False


class DateCodes:
    """The dates met so far. A date's code is its ordinal shifted left, with the index of
    its bit in a series' bitset of dates seen in the low bits (series.SHIFT, LOW)."""

    def __init__(self, as_of: date) -> None:
        self.as_of = as_of.toordinal()
        self.as_of_code = (self.as_of << SHIFT) | LOW
        self.codes: dict[str, int] = {}  # a strict ISO spelling -> its code
        self.index: dict[int, int] = {}  # ordinal -> bit index
        self.info: dict[str, tuple[int, int, int]] = {}  # the row loop's cache: code, bit, days
        self.reported_days: dict[str, int] = {}  # a ``reported`` cell -> its date's ordinal

    def inherit(self, whole: DateCodes) -> None:
        """Start from a copy of the dates ``whole`` has met (a half of a file)."""
        self.codes = dict(whole.codes)
        self.index = dict(whole.index)
        self.info = dict(whole.info)

    def bit_of(self, ordinal: int) -> int:
        """The bit index of a date, a new one for a date not met before."""
        index = self.index.get(ordinal)
        if index is None:
            index = self.index[ordinal] = len(self.index)
        return index
