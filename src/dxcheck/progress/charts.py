"""The second pass for the HTML report's charts: the observations of the few series it
draws. The first pass keeps running sums only (memory grows with series, never rows); a
chart needs the points of the series it draws, and which entities those are is known only
once every row has been evaluated. So the files are read again, keeping the rows of the
wanted series only: memory is bounded by what is drawn. A file the first pass read in two
halves is read in the same two halves again, at once (the cut is known to fall between
rows): the second pass costs about as much as the first."""

from __future__ import annotations

import csv
import gc
from collections.abc import Collection, Iterator, Mapping
from datetime import date
from pathlib import Path

from dxcheck import split
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
    cuts: Mapping[str, int] | None = None,
) -> Points:
    """The observations (date, value) up to ``as_of`` of the series ``wanted`` names (a
    target id -> entity names as the results give them; None: national), from ``sources``
    (which must still exist); ``cuts``: where the first pass cut the files it read in
    halves."""
    keys = {tid: {entities.key_of_name(name): name for name in names} for tid, names in wanted.items()}
    every = set().union(*(names.keys() for names in keys.values()))
    # The spellings already read of the wanted entities: most rows are someone else's,
    # and a dictionary lookup of the cell as written is all it takes to skip them.
    spellings = {raw: key for raw, key in entities.spellings.items() if key in every}
    wanted_rows = _WantedRows(keys, spellings, store, entities, key_of, as_of.toordinal())
    found: dict[tuple[str, str | None], dict[date, float]] = {}
    collecting = gc.isenabled()
    gc.disable()  # millions of short-lived rows and no cycles (as in the first pass)
    try:
        for source in sources:
            cut = (cuts or {}).get(source.display)
            if cut is not None and source.path is not None:
                _in_halves(source.path, source.display, cut, wanted_rows, found)
            else:
                _in_one_piece(source, wanted_rows, found)
    finally:
        if collecting:
            gc.enable()
    return {key: tuple(sorted(points.items())) for key, points in found.items()}


Found = dict[tuple[str, str | None], dict[date, float]]


class _WantedRows:
    """Which rows of a file belong to a wanted series, and their points."""

    def __init__(
        self,
        keys: dict[str, dict[str, str | None]],
        spellings: dict[str, str],
        store: SeriesStore,
        entities: Entities,
        key_of: RowKeys,
        as_of: int,
    ) -> None:
        self.keys, self.spellings, self.store = keys, spellings, store
        self.entities, self.key_of, self.as_of = entities, key_of, as_of

    def read(self, rows: Iterator[list[str]], header: Header, found: Found) -> None:
        """The wanted rows into ``found``; a date seen again keeps its first value. The
        file was read without an error (else there is no report), so the csv module reads
        it whole; if it has changed since, what is read stops at the change."""
        spellings, entities, keys, store = self.spellings, self.entities, self.keys, self.store
        i_target, i_entity = header.index["target"], header.index.get("entity", -1)
        width = max(i_target, i_entity)
        try:
            for row in rows:
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
                point = self.key_of(row, header)
                if point is None or point[0][2] > self.as_of:
                    continue
                series = found.setdefault((slot.target.id, wanted[entity]), {})
                series.setdefault(date.fromordinal(point[0][2]), point[1])  # a repeat: the first
        except (csv.Error, UnicodeDecodeError):
            return


def _in_one_piece(source: InputFile, wanted: _WantedRows, found: Found) -> None:
    with open_text(source, FindingSink()) as text:
        if text is None:
            return
        header = Header.read(text, source.display, FindingSink())
        if header is not None:
            wanted.read(csv.reader(bounded_lines(text), dialect=header.dialect), header, found)


def _in_halves(path: Path, display: str, cut: int, wanted: _WantedRows, found: Found) -> None:
    """The rows before ``cut`` here, those after it in a forked process (``split.Beside``)
    at the same time; the second half's points go after the first's."""
    with open_text(InputFile(display, path), FindingSink()) as text:
        if text is None:
            return
        encoding = getattr(text, "encoding", "utf-8")
        header = Header.read(text, display, FindingSink())
    if header is None:
        return
    size = path.stat().st_size

    def second_half() -> Found:
        later: Found = {}
        with split.open_range(path, cut, size, "utf-8") as rest:
            wanted.read(csv.reader(bounded_lines(rest), dialect=header.dialect), header, later)
        return later

    beside = split.Beside(second_half)
    try:
        with split.open_range(path, 0, cut, encoding) as first:
            Header.read(first, display, FindingSink())
            wanted.read(csv.reader(bounded_lines(first), dialect=header.dialect), header, found)
        later = beside.result()
    finally:
        beside.cancel()
    if later is None:  # the process failed: the second half is read here
        later = second_half()
    for key, points in later.items():
        series = found.setdefault(key, {})
        for day, value in points.items():
            series.setdefault(day, value)
