"""The second pass for duplicates: when two rows share target, entity and date, the
first pass's bitset of dates only says so; the files are read again for just those keys,
to name every line and compare their values."""

from __future__ import annotations

import csv
from collections.abc import Mapping
from datetime import date

from dxcheck import cells
from dxcheck.findings import Code, Finding, FindingSink, Location
from dxcheck.i18n import joined, msg
from dxcheck.names import entity_key
from dxcheck.progress.checks import Candidates, fmt
from dxcheck.progress.entities import Entities
from dxcheck.progress.header import Header
from dxcheck.progress.source import InputFile, open_text
from dxcheck.progress.store import SeriesStore


class RowKeys:
    """(target, entity, ordinal) and value of a row, read strictly with the reading's
    settings (the passes after the first: duplicates, charts)."""

    def __init__(
        self,
        store: SeriesStore,
        date_order: cells.DateOrder | None,
        decimal: cells.DecimalMark | None,
        marks: Mapping[str, cells.DecimalMark | None],
    ) -> None:
        self.store = store
        self.date_order = date_order
        self.decimal = decimal
        self.marks = marks  # the decimal mark each file settled

    def __call__(self, row: list[str], header: Header) -> tuple[tuple[str, str, int], float] | None:
        try:
            t_text = row[header.index["target"]]
            d_text = row[header.index["date"]]
            v_text = row[header.index["value"]]
        except IndexError:
            return None
        slot = self.store.slot_of(t_text)
        if slot is None:
            return None
        try:
            day = cells.parse_date(d_text, self.date_order)
            mark = self.marks.get(header.file)
            value = (
                cells.parse_number(v_text, percent=slot.percent, decimal=self.decimal, settled=mark)
                if slot.numeric
                else cells.parse_milestone(v_text)
            )
        except cells.CellError:
            return None
        i_entity = header.index.get("entity", -1)
        entity = entity_key(row[i_entity]) if 0 <= i_entity < len(row) else ""
        return (slot.target.id, entity, day.toordinal()), value


def name_duplicates(
    candidates: Candidates,
    sources: list[InputFile],
    key_of: RowKeys,
    entities: Entities,
    sink: FindingSink,
) -> None:
    """Read ``sources`` again for the keys seen twice: name every line."""
    found: dict[tuple[str, str, int], list[tuple[float, str, int]]] = {}
    for source in sources:
        with open_text(source, FindingSink()) as text:
            if text is None:
                continue
            # The first pass already reported what is wrong with the file; this one
            # only collects what it can up to the same point.
            try:
                header = Header.read(text, source.display, FindingSink())
                if header is None:
                    continue
                for line, row in header.rows(text):
                    key_value = key_of(row, header)
                    if key_value is not None and key_value[0] in candidates:
                        found.setdefault(key_value[0], []).append((key_value[1], source.display, line))
            except (csv.Error, UnicodeDecodeError):
                continue
    for (tid, entity, ordinal), places in sorted(found.items()):
        if len(places) < 2:
            continue
        first = places[0]
        values = {v for v, _, _ in places}
        where = ", ".join(f"{f}:{ln}" for _, f, ln in places[1:])
        args = {
            "target": tid,
            "entity": entities.names.get(entity, entity) or msg("(national)"),
            "date": date.fromordinal(ordinal).isoformat(),
        }
        if len(values) > 1:
            shown = joined(
                [msg("{value} at {place}", value=fmt(v), place=f"{f}:{ln}") for v, f, ln in places], "; "
            )
            sink.add(
                Finding(
                    Code.CONFLICTING_ROWS,
                    Location(places[1][1], places[1][2], None),
                    {**args, "values": shown},
                    hint=msg("keep one row per target, entity and date"),
                )
            )
        else:
            sink.add(
                Finding(
                    Code.DUPLICATE_ROW,
                    Location(first[1], first[2], None),
                    {**args, "others": where},
                    hint=msg("remove the repeated row"),
                )
            )
