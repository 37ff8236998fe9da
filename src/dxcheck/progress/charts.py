"""The second pass for the HTML report's charts: the observations of the few series it
draws. The first pass keeps running sums only (memory grows with series, never rows); a
chart needs the points of the series it draws, and which entities those are is known only
once every row has been evaluated. So the files are read again, keeping the rows of the
wanted series only: memory is bounded by what is drawn."""

from __future__ import annotations

import csv
import gc
from collections.abc import Collection, Mapping
from datetime import date

from dxcheck.findings import FindingSink
from dxcheck.progress.duplicates import RowKeys
from dxcheck.progress.entities import Entities
from dxcheck.progress.header import Header
from dxcheck.progress.source import InputFile, bounded_lines, open_text
from dxcheck.progress.store import SeriesStore

Points = dict[tuple[str, str | None], tuple[tuple[date, float], ...]]


def chart_points(
    wanted: Mapping[str, Collection[str | None]],
    sources: list[InputFile],
    *,
    store: SeriesStore,
    entities: Entities,
    key_of: RowKeys,
    as_of: date,
) -> Points:
    """The observations (date, value) up to ``as_of`` of the series ``wanted`` names (a
    target id -> entity names as the results give them; None: national), from ``sources``
    (which must still exist)."""
    keys = {tid: {entities.key_of_name(name): name for name in names} for tid, names in wanted.items()}
    every = set().union(*(names.keys() for names in keys.values()))
    # The spellings already read of the wanted entities: most rows are someone else's,
    # and a dictionary lookup of the cell as written is all it takes to skip them.
    spellings = {raw: key for raw, key in entities.spellings.items() if key in every}
    found: dict[tuple[str, str | None], dict[date, float]] = {}
    collecting = gc.isenabled()
    gc.disable()  # millions of short-lived rows and no cycles (as in the first pass)
    try:
        for source in sources:
            _chart_rows(source, keys, spellings, found, store, entities, key_of, as_of.toordinal())
    finally:
        if collecting:
            gc.enable()
    return {key: tuple(sorted(points.items())) for key, points in found.items()}


def _chart_rows(
    source: InputFile,
    keys: dict[str, dict[str, str | None]],
    spellings: dict[str, str],
    found: dict[tuple[str, str | None], dict[date, float]],
    store: SeriesStore,
    entities: Entities,
    key_of: RowKeys,
    as_of: int,
) -> None:
    """The wanted rows of one file into ``found``. The file was read without an error
    (else there is no report), so the csv module reads it whole."""
    with open_text(source, FindingSink()) as text:
        if text is None:
            return
        header = Header.read(text, source.display, FindingSink())
        if header is None:
            return
        i_target, i_entity = header.index["target"], header.index.get("entity", -1)
        width = max(i_target, i_entity)
        try:
            for row in csv.reader(bounded_lines(text), dialect=header.dialect):
                if len(row) <= width:
                    continue
                raw = row[i_entity] if i_entity >= 0 else ""
                entity = spellings.get(raw)
                if entity is None:
                    if raw in entities.spellings:
                        continue  # an entity not drawn
                    entities.learn(raw)  # a spelling first read here: not expected
                    entity = entities.spellings[raw]
                slot = store.target_lookup.get(row[i_target])
                if slot is None or (wanted := keys.get(slot.target.id)) is None or entity not in wanted:
                    continue
                point = key_of(row, header)
                if point is None or point[0][2] > as_of:
                    continue
                series = found.setdefault((slot.target.id, wanted[entity]), {})
                series.setdefault(date.fromordinal(point[0][2]), point[1])  # a repeat: the first
        except (csv.Error, UnicodeDecodeError):
            return
