"""The state of one target x entity series as the row loop fills it (``Series``), how a
series is made (``SeriesKind``) and how it takes the same series read in a later half of a
file (``Series.merge``). What crosses between halves and to evaluation as values is
``dxcheck.series_values``.

Compiled with mypyc beside the row loop (``dxcheck.rowscan``, which uses these classes'
attributes directly and re-exports them) and run as plain Python otherwise, like it: so it
imports only the standard library and keeps to typed attributes on native classes, ints
and floats. ``dxcheck.native`` uses the builds only together.
"""

from __future__ import annotations

import sys
from datetime import date
from math import log
from typing import Any, Final

# Empty here; the compiled copy says which source it was built from (hatch_build.py),
# so that an edited source is never shadowed by a stale build (dxcheck.native).
COMPILED_FROM: Final = ""

# A date is carried as one int: its ordinal in the high bits, a small per-run index in the
# low 16 (its bit in a series' seen-dates mask). Comparing codes compares dates.
SHIFT: Final = 16
LOW: Final = (1 << SHIFT) - 1
NEVER: Final = 1 << 60  # later than any date code; below mypyc's boxed-int threshold
ALWAYS: Final = -(1 << 30)
# t counts days from 2000-01-01, whose ordinal this is (as in dxcheck.trend and dxcheck.progress).
DAY0: Final = 730120


class Series:
    """One target x entity pair: its latest and earliest observation, the date it was
    first met, running sums for the trend fit, and a bitset of the dates it has seen; for
    ``projection: open-sdg``, the last point of the fit's first calendar year (sdg-build's
    base value). Memory per pair is constant, whatever the number of rows."""

    def __init__(
        self,
        name: str,
        owner: object,
        numeric: bool,
        low: float,
        high: float,
        sign: float,
        compound: bool,
        level: float,
    ) -> None:
        self.name = name  # the entity key ("" for the nation)
        self.owner = owner  # what the caller keeps per target
        # checks: a numeric value must lie within [low, high]; met when value * sign >= level
        self.numeric = numeric
        self.low = low
        self.high = high
        self.sign = sign
        self.signed_level = sign * level
        self.compound = compound
        self.count = 0
        self.seen = 0  # bitset of date indices
        # of those, the rows whose ``reported`` cell is after their period's due date, and
        # after the as-of date (dxcheck coverage; zero without that column)
        self.reported_late = 0
        self.reported_after = 0
        self.latest = -1
        self.value = 0.0
        self.file = 0
        self.line = 0
        self.source = ""
        self.earliest = NEVER
        self.earliest_value = 0.0
        self.first_met = NEVER
        # trend sums over t (days since 2000) and y; ly = ln y for compound projections.
        # The day sums are integers, so exact in any order; the lowest and highest y let
        # a series that never changes have a slope of exactly zero (trend.FitSums).
        self.base_t = ALWAYS
        self.n = 0
        self.st = 0
        self.sy = 0.0
        self.stt = 0
        self.sty = 0.0
        self.sly = 0.0
        self.stly = 0.0
        self.nonpositive = 0
        self.ylo = 0.0
        self.yhi = 0.0
        # ``projection: open-sdg`` (set by the caller): the first calendar year of the fit's
        # points (its first and last day, as t) and the latest point in it, whatever order
        # the rows come in. ``shaped`` says the fit keeps more than the linear sums, so that
        # a linear series pays one test a point, as before.
        self.shaped = compound
        self.yearly = False
        self.year_start = NEVER
        self.year_end = ALWAYS
        self.year_t = ALWAYS
        self.year_y = 0.0

    def observe(self, code: int, t: int, x: float, file: int, line: int) -> bool:
        """One row's value, read and checked, of a date not seen before (the caller has
        marked it seen and counted it); True when it is the series' latest, whose
        ``source`` the caller then sets."""
        latest = code > self.latest
        if latest:
            self.latest = code
            self.value = x
            self.file = file
            self.line = line
        if code < self.earliest:
            self.earliest = code
            self.earliest_value = x
        if code < self.first_met and x * self.sign >= self.signed_level:
            self.first_met = code
        if t > self.base_t:
            self.add_point(t, x)
        return latest

    def take(
        self,
        code: int,
        bit: int,
        t: int,
        x: float,
        file: int,
        line: int,
        source: str,
        checking_only: bool,
    ) -> bool:
        """A row the reader in C (dxcheck._fastrows) found plain throughout, with its
        date, value and ``source`` cell. False, with nothing changed, when it needs the
        row loop after all: a date the series has seen (a duplicate, reported there) or
        the catalog baseline's date."""
        seen = self.seen
        if seen & bit or t == self.base_t:
            return False
        self.seen = seen | bit
        self.count += 1
        if not checking_only and self.observe(code, t, x, file, line):
            self.source = source
        return True

    def add_point(self, t: int, y: float) -> None:
        """One point of the trend fit (rows and the catalog baseline)."""
        if self.n == 0:
            self.ylo = y
            self.yhi = y
        elif y < self.ylo:
            self.ylo = y
        elif y > self.yhi:
            self.yhi = y
        self.n += 1
        self.st += t
        self.sy += y
        self.stt += t * t
        self.sty += t * y
        if self.shaped:
            if self.yearly:
                if t < self.year_start:
                    self.first_year(t, y)
                elif self.year_t < t <= self.year_end:
                    self.year_t = t
                    self.year_y = y
            elif y > 0:
                ly = log(y)
                self.sly += ly
                self.stly += t * ly
            else:
                self.nonpositive += 1

    def first_year(self, t: int, y: float) -> None:
        """A point in a year before every point so far: that year is now the first, and the
        point the latest in it (rare: once per series when rows come in date order, at most
        once per year of data in any order)."""
        year = date.fromordinal(DAY0 + t).year
        self.year_start = date(year, 1, 1).toordinal() - DAY0
        self.year_end = date(year, 12, 31).toordinal() - DAY0
        self.year_t = t
        self.year_y = y

    def merge(
        self, columns: list[list[Any]], i: int, bits: int, code_map: dict[int, int], offset: int
    ) -> None:
        """Add the same series as read in a later half of the file: entry ``i`` of that
        half's ``state_columns``, its dates renumbered by ``code_map`` (``bits``: its
        bitset of dates seen, renumbered already), its lines shifted by ``offset``."""
        self.seen |= bits
        count: int = columns[0][i]
        self.count += count
        if len(columns) == 2:  # from ``validate``: the count and the dates seen
            return
        late: int = columns[2][i]
        after: int = columns[3][i]
        if late:
            self.reported_late |= remap_bits(late, code_map)
        if after:
            self.reported_after |= remap_bits(after, code_map)
        latest: int = columns[4][i]
        if latest >= 0:
            code = recode(latest, code_map)
            if code > self.latest:
                self.latest = code
                value: float = columns[5][i]
                file: int = columns[6][i]
                line: int = columns[7][i]
                source: str = columns[8][i]
                self.value = value
                self.file = file
                self.line = line + offset
                self.source = source
        earliest: int = columns[9][i]
        if earliest != NEVER:
            code = recode(earliest, code_map)
            if code < self.earliest:
                self.earliest = code
                earliest_value: float = columns[10][i]
                self.earliest_value = earliest_value
        first_met: int = columns[11][i]
        if first_met != NEVER:
            code = recode(first_met, code_map)
            if code < self.first_met:  # min(), as it picks between equals
                self.first_met = code
        n: int = columns[12][i]
        st: int = columns[13][i]
        sy: float = columns[14][i]
        stt: int = columns[15][i]
        sty: float = columns[16][i]
        sly: float = columns[17][i]
        stly: float = columns[18][i]
        nonpositive: int = columns[19][i]
        ylo: float = columns[20][i]
        yhi: float = columns[21][i]
        year_start: int = columns[22][i]
        year_end: int = columns[23][i]
        year_t: int = columns[24][i]
        year_y: float = columns[25][i]
        if year_start < self.year_start or (year_start == self.year_start and year_t > self.year_t):
            # the half's first year is earlier, or the same with a later point in it
            self.year_start = year_start
            self.year_end = year_end
            self.year_t = year_t
            self.year_y = year_y
        if n:
            if self.n == 0:
                self.ylo = ylo
                self.yhi = yhi
            else:
                # min() and max(), as they pick between equals (0.0 and -0.0)
                if ylo < self.ylo:
                    self.ylo = ylo
                if yhi > self.yhi:
                    self.yhi = yhi
        self.n += n
        self.st += st
        self.sy += sy
        self.stt += stt
        self.sty += sty
        self.sly += sly
        self.stly += stly
        self.nonpositive += nonpositive


class SeriesKind:
    """What the series of one target share: the settings a new one starts from, and the
    target's series by entity (its ``Slot.series``). ``new`` is the one place a series is
    made, by the row loop on a new key and by ``progress.store`` otherwise."""

    def __init__(
        self,
        owner: object,
        series: dict[str, Series],
        units_ok: set[str],
        cell_ids: dict[str, int],
        *,
        numeric: bool,
        percent: bool,
        at_most: bool,
        compound: bool,
        yearly: bool,
        level: float,
        base_t: int,
        base_value: float | None,
    ) -> None:
        self.owner = owner  # the caller's per-target object (a Slot)
        self.series = series
        self.units_ok = units_ok  # unit cells already accepted for the target
        # The row loop's memo, once a row's cells are known to be valid: an entity cell as
        # written (any spelling, "" without an entity column) -> its number in ``cell_ids``,
        # one dictionary all the targets share; ``slots[number]``, this target's series
        # for it (None: not yet remembered). One small shared dictionary stays in the CPU's
        # caches, where one per target (132,000 entries at commune scale) did not: a row's
        # lookup took a quarter of reading.
        self.cell_ids = cell_ids
        self.slots: list[Series | None] = []
        self.numeric = numeric
        self.low = 0.0 if percent else -sys.float_info.max
        self.high = 100.0 if percent else sys.float_info.max
        self.sign = -1.0 if at_most else 1.0
        self.compound = compound
        self.yearly = yearly
        self.level = level
        self.base_t = base_t
        self.has_base = base_value is not None
        self.base_value = base_value if base_value is not None else 0.0
        # False in a half of a file: its series are added to the whole's, which has the
        # catalog baseline's point already
        self.adds_base = True

    def remember(self, kinds: dict[str, SeriesKind], t_cell: str, e_cell: str, state: Series) -> None:
        """The row loop's memo, once a row's cells are found valid: its target cell as
        written finds this kind in ``kinds``, its entity cell the series in ``slots``."""
        kinds[t_cell] = self
        cell_ids = self.cell_ids
        number = cell_ids.get(e_cell)
        if number is None:
            number = cell_ids[e_cell] = len(cell_ids)
        slots = self.slots
        while len(slots) <= number:
            slots.append(None)
        slots[number] = state

    def forget(self) -> None:
        """Empty this kind's part of the memo (the caller empties ``cell_ids``)."""
        self.slots.clear()

    def new(self, entity: str) -> Series:
        state = Series(
            entity, self.owner, self.numeric, self.low, self.high, self.sign, self.compound, self.level
        )
        if self.yearly:
            state.yearly = True
            state.shaped = True
        if self.has_base and not entity:
            # The catalog's baseline is the national one: the first point of the national
            # trend (SDG method), which then counts only observations from its date on.
            # An entity's trend starts from its own first observation.
            state.base_t = self.base_t
            if self.adds_base:
                state.add_point(self.base_t, self.base_value)
        self.series[entity] = state
        return state


def remap_bits(mask: int, code_map: dict[int, int]) -> int:
    """A bitset of date indices of a half, renumbered to the whole's (``code_map``)."""
    out = 0
    while mask:
        low = mask & -mask
        out |= 1 << code_map[low.bit_length() - 1]
        mask ^= low
    return out


def recode(code: int, code_map: dict[int, int]) -> int:
    """A date code of a half, with the whole's index of that date."""
    return (code & ~LOW) | code_map[code & LOW]
