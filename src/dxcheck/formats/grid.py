"""Fixed-width text tables that fit the terminal: one line per row, ids never broken.

Every text table of dxcheck (``status``, ``targets``, ``deadlines``, ``diff``, ``--by``,
the commune overview) goes through ``fit``: given the columns in order of importance and
each column's natural width, it keeps the most important columns that fit ``width``,
cuts a column that may be cut (a title, a name) with an ellipsis rather than dropping
it when some room is left, and never cuts an id: a cell wider than its column is written
whole, the rest of its row continuing on the next line, aligned.

Lines are made one row at a time, so a table of 132,000 results streams: nothing here
holds more than one row. No rich: ``--format table`` on a million rows must not pay
for a layout engine that measures every cell twice.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import cached_property
from typing import Literal

GAP = "  "
ELLIPSIS = "…"
_ANSI_RESET = "\033[0m"
# Cells padded and kept per column (``Grid.line``): enough for every entity of a country's
# communes, and a bound on a column whose cells never repeat (a latest value and date).
_PADDED_MAX = 8192


# Latin, Vietnamese precomposed letters and common punctuation: one column a character.
# Most names are in it, and a table of 132,000 results measures each cell.
_NARROW = re.compile("[\x20-\x7e\xa0-\u02ff\u1e00-\u1eff\u2010-\u2027\u2030-\u205e]*").fullmatch


def cell_width(text: str) -> int:
    """Columns ``text`` takes in a terminal: combining marks take none, East Asian wide
    and full-width characters two (Vietnamese written decomposed still lines up)."""
    if text.isascii() or _NARROW(text):
        return len(text)
    width = 0
    for ch in text:
        if unicodedata.combining(ch):
            continue
        width += 2 if unicodedata.east_asian_width(ch) in "WF" else 1
    return width


def cut(text: str, room: int) -> str:
    """``text`` in at most ``room`` columns, ending in an ellipsis when shortened."""
    if cell_width(text) <= room:
        return text
    if room <= 0:
        return ""
    out, used = [], 0
    for ch in text:
        step = 0 if unicodedata.combining(ch) else (2 if unicodedata.east_asian_width(ch) in "WF" else 1)
        if used + step > room - 1:
            break
        out.append(ch)
        used += step
    return "".join(out).rstrip() + ELLIPSIS


def pad(text: str, room: int, align: str = "left", width: int | None = None) -> str:
    spaces = " " * max(0, room - (cell_width(text) if width is None else width))
    return spaces + text if align == "right" else text + spaces


@dataclass(frozen=True)
class Column:
    """A column of a table. ``shrink``: the narrowest it may be cut to (with an ellipsis)
    rather than dropped; None: never cut. ``keep``: never dropped (an id, a status)."""

    key: str
    header: str
    align: Literal["left", "right"] = "left"
    shrink: int | None = None
    keep: bool = False


@dataclass(frozen=True)
class Grid:
    """The columns kept, in display order, with their widths."""

    columns: tuple[Column, ...]
    widths: tuple[int, ...]
    width: int  # the terminal's

    @property
    def keys(self) -> tuple[str, ...]:
        return tuple(c.key for c in self.columns)

    def header(self) -> list[str]:
        """The header line and a rule under it, as long as the table's widest line."""
        headers = [c.header for c in self.columns]
        head = _join(self.columns, self.widths, headers, [cell_width(h) for h in headers], None)
        return [head, "-" * min(self.width, max(cell_width(head), self.span))]

    @property
    def span(self) -> int:
        return sum(self.widths) + len(GAP) * (len(self.widths) - 1)

    @cached_property
    def _layout(self) -> tuple[tuple[str, int, bool], ...]:
        """Each column's key, width and right alignment (a line is made per result)."""
        return tuple((c.key, w, c.align == "right") for c, w in zip(self.columns, self.widths, strict=True))

    @cached_property
    def _padded(self) -> tuple[dict[str, str], ...]:
        """Per column, cells already padded to it: most of a table's cells repeat (a
        status, a target's due date, an entity across targets), so each is measured once."""
        return tuple({} for _ in self.columns)

    def line(self, cells: dict[str, str], paint: dict[str, str] | None = None) -> list[str]:
        """The row's line, or two when a never-cut cell is wider than its column: the row
        up to that cell whole on the first, the rest of the row on the next, aligned."""
        if paint is None:
            # Every cell fits its column (most lines): padded and joined, nothing to cut.
            parts = []
            for (key, room, right), padded in zip(self._layout, self._padded, strict=True):
                text = cells.get(key, "")
                done = padded.get(text)
                if done is None:
                    need = cell_width(text)
                    if need > room:
                        break
                    done = " " * (room - need) + text if right else text + " " * (room - need)
                    if len(padded) < _PADDED_MAX:
                        padded[text] = done
                parts.append(done)
            else:
                return [GAP.join(parts).rstrip()]
        texts = [cells.get(key, "") for key, _, _ in self._layout]
        used = [cell_width(text) for text in texts]
        for i, (column, need, room) in enumerate(zip(self.columns, used, self.widths, strict=True)):
            if column.shrink is None and need > room:
                upto = i + 1
                head = _join(self.columns[:upto], (*self.widths[:i], need), texts[:upto], used[:upto], paint)
                blank = [""] * upto
                rest = _join(self.columns, self.widths, blank + texts[upto:], [0] * upto + used[upto:], paint)
                return [head, rest] if rest else [head]
        return [_join(self.columns, self.widths, texts, used, paint)]


def _join(
    columns: Sequence[Column],
    widths: Sequence[int],
    texts: Sequence[str],
    used: Sequence[int],
    paint: dict[str, str] | None,
) -> str:
    parts = []
    for column, shown, room, need in zip(columns, texts, widths, used, strict=True):
        if column.shrink is not None and need > room:
            shown = cut(shown, room)
            need = cell_width(shown)
        padded = pad(shown, room, column.align, need)
        colour = paint.get(column.key) if paint and shown else None
        # The padding stays outside the colour: a coloured cell never paints blanks.
        parts.append(padded.replace(shown, f"{colour}{shown}{_ANSI_RESET}", 1) if colour else padded)
    return GAP.join(parts).rstrip()


def fit(columns: Sequence[Column], natural: dict[str, int], width: int, *, order: Sequence[str]) -> Grid:
    """The columns to show at ``width``.

    ``columns`` come in order of importance, ``natural`` is each column's widest cell
    (the header is measured here; a column missing from it is not shown), ``order`` is
    the display order. Most important first, a column takes its natural width if it
    fits; if not, a column that may be cut takes the room left (at least ``shrink``),
    a kept column is taken anyway (an id too wide overflows: ``Grid.line``), and any
    other is dropped."""
    chosen: dict[str, int] = {}
    left = width
    shown = [c for c in columns if c.key in natural]
    for i, column in enumerate(shown):
        need = max(natural[column.key], cell_width(column.header))
        gap = len(GAP) if chosen else 0
        # Room for the kept columns still to come, at their narrowest.
        room = left - gap - sum(_least(c, natural) + len(GAP) for c in shown[i + 1 :] if c.keep)
        if need <= room:
            chosen[column.key] = need
        elif column.shrink is not None and room >= max(column.shrink, cell_width(column.header)):
            chosen[column.key] = room
        elif column.keep:
            chosen[column.key] = min(need, max(_least(column, natural), room))
        else:
            continue
        left -= chosen[column.key] + gap
    by_key = {c.key: c for c in columns}
    keys = [k for k in order if k in chosen]
    return Grid(tuple(by_key[k] for k in keys), tuple(chosen[k] for k in keys), width)


def _least(column: Column, natural: dict[str, int]) -> int:
    """The narrowest a column can be: cut to ``shrink``, else whole; never under its header."""
    need = max(natural[column.key], cell_width(column.header))
    return min(need, max(column.shrink, cell_width(column.header))) if column.shrink is not None else need


def measure(rows: Iterable[dict[str, str]], keys: Iterable[str]) -> dict[str, int]:
    """Each column's widest cell over ``rows``."""
    widest = dict.fromkeys(keys, 0)
    for row in rows:
        for key in widest:
            text = row.get(key)
            if text:
                w = cell_width(text)
                if w > widest[key]:
                    widest[key] = w
    return widest


def lines(grid: Grid, rows: Iterable[dict[str, str]]) -> Iterator[str]:
    for row in rows:
        yield from grid.line(row)


def table(
    columns: Sequence[Column],
    rows: Sequence[dict[str, str]],
    width: int,
    *,
    order: Sequence[str] | None = None,
) -> list[str]:
    """A whole small table (a catalog, a list of deadlines): header, rule and rows."""
    keys = [c.key for c in columns]
    grid = fit(columns, measure(rows, keys), width, order=order or keys)
    return [*grid.header(), *lines(grid, rows)]
