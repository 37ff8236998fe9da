"""A large file read in two halves at once: the first here, straight into the index, the
second in a forked process (dxcheck.split) into an index of its own, sent back as plain
values and merged as if its rows had been read here. When the halves share an observation
(a duplicate to be found row by row), a quoted cell spans the cut, or the process fails,
the rest of the file is read here in one piece: the results never depend on the path."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from dxcheck import split
from dxcheck.findings import Code, Finding, FindingSink, Location
from dxcheck.progress.columns import LINE_LIMIT
from dxcheck.progress.header import Header
from dxcheck.progress.source import InputFile

if TYPE_CHECKING:
    from dxcheck.progress.index import ProgressIndex

# A half sends its series back as columns of plain values (it crosses a pipe), made and
# merged by the row loop's module (compiled: series.state_columns, Series.merge).
_SEEN = 1  # the column of the dates seen


@dataclass
class Half:
    """What reading one half of a file gives, to be merged into the whole."""

    failed: bool
    count: int = 0
    malformed: bool = False
    end_line: int = 0
    # per target: the entities, and a column of values per field (series.state_columns)
    states: list[tuple[str, list[str], list[Sequence[Any]]]] = field(default_factory=list)
    ordinals: dict[int, int] = field(default_factory=dict)  # date index -> ordinal
    entities: list[str] = field(default_factory=list)  # spellings learnt, in order
    candidates: set[tuple[str, str, int]] = field(default_factory=set)
    entity_places: dict[str, Location] = field(default_factory=dict)
    future: list[Any] | None = None
    not_reported: list[Any] | None = None
    findings: list[Finding] = field(default_factory=list)
    dropped: tuple[int, bool] = (0, False)
    decimal_comma: bool = False  # a number written with a decimal comma beyond doubt


def read_in_halves(
    index: ProgressIndex,
    source: InputFile,
    encoding: str,
    header: Header,
    file_index: int,
    sink: FindingSink,
    on_rows: Callable[[int, int], None] | None,
    cut: int,
    size: int,
) -> tuple[int, bool] | None:
    """(rows, malformed) when the file was read in two halves, cut at ``cut``; None when
    it is to be read in one piece after all (the cut is not past the header)."""
    assert source.path is not None
    path = source.path

    def second_half() -> Half:
        return read_half(new_half(index), path, cut, size, "utf-8", header, file_index)

    beside = split.Beside(second_half)
    try:
        # The first half is read here, straight into this index: exactly as in one
        # piece, only stopping at the cut.
        with split.open_range(path, 0, cut, encoding) as text:
            again = Header.read(text, header.file, FindingSink())  # reported already
            if again is None or again.line != header.line:
                beside.cancel()  # the cut is not past the header (blank lines before it)
                return None
            first = index._scan(text, header, file_index, sink, on_rows, scale=size / cut, ends_at_cut=True)
        if first.binary:
            beside.cancel()  # a NUL: the file is binary, the rest is not read
            return first.rows, first.malformed
        if first.open_at_cut is not None:
            # A quoted cell open at the cut: the cut was not between rows after all.
            beside.cancel()
            return _read_on_from(
                index, path, encoding, header, file_index, sink, first.open_at_cut, first.rows, first.spanned
            )
    except BaseException:
        beside.cancel()
        raise
    index._store.share_sources()  # before the second half's state arrives beside it
    second = beside.result()
    if second is not None and second.decimal_comma:
        index._numbers.comma_seen = True
    merged = False
    if (
        second is not None
        and not second.failed
        and merge_half(index, second, source.display, sink, first.end_line - 1, first.spanned)
    ):
        merged = True
        count, malformed = first.rows + second.count, first.malformed or second.malformed
        index.read_in_halves.append(source.display)
        index.cuts[source.display] = cut
    # The half's columns are merged or of no use: let them go (not held while the rest is
    # read here) and give their memory back (split.trim_heap says why).
    second = None
    split.trim_heap()
    if not merged:
        # The second half shares an observation with the first (or with an earlier
        # file), or its process failed: read it here, row by row, after the first.
        with split.open_range(path, cut, size, "utf-8") as text:
            rest = index._scan(
                text, header, file_index, sink, None, first_line=first.end_line, spanned_before=first.spanned
            )
        count, malformed = first.rows + rest.rows, first.malformed or rest.malformed
    if on_rows is not None:
        on_rows(count, size)
    return count, malformed


def _read_on_from(
    index: ProgressIndex,
    path: Path,
    encoding: str,
    header: Header,
    file_index: int,
    sink: FindingSink,
    line: int,
    counted: int,
    spanned: int,
) -> tuple[int, bool]:
    """Read the file in one piece from ``line`` on (the rows before it are read)."""
    with split.open_range(path, 0, path.stat().st_size, encoding) as text:
        Header.read(text, header.file, FindingSink())
        for _ in range(line - header.line - 1):
            text.readline(LINE_LIMIT)  # the lines the row loop has read (as it counts them)
        rest = index._scan(text, header, file_index, sink, None, first_line=line, spanned_before=spanned)
    return counted + rest.rows, rest.malformed


def new_half(index: ProgressIndex) -> ProgressIndex:
    """An empty index with the settings and caches of ``index``: what it reads is merged
    back (``merge_half``), so it must not repeat the catalog baseline."""
    from dxcheck.progress.index import ProgressIndex

    half = ProgressIndex(
        index._catalog,
        index.as_of,
        date_order=index.date_order,
        decimal=index.decimal,
        checking_only=index._checking_only,
        loop=index._loop,
        split_min_bytes=None,
    )
    half._store.as_half()
    half.files = list(index.files)
    half._entities.inherit(index._entities)
    half._dates.inherit(index._dates)
    return half


def read_half(
    half: ProgressIndex,
    path: Path,
    start: int,
    end: int,
    encoding: str,
    header: Header,
    file_index: int,
) -> Half:
    """The second half of a file (from the cut), read into ``half`` (``new_half``), as
    plain values to be merged into the whole."""
    sink = FindingSink()
    try:
        with split.open_range(path, start, end, encoding) as text:
            # lines counted from 1 here; shifted when merged (``merge_half``)
            scanned = half._scan(text, header, file_index, sink, None, first_line=1)
    except (UnicodeDecodeError, OSError):
        return Half(failed=True)
    if half._numbers.waiting:
        # Numbers that wait for the whole file's decimal mark: the half is read again
        # in the parent, which sees the whole file.
        return Half(failed=True, decimal_comma=half._numbers.comma_seen)
    # Column by column, per target: a tuple per series would cost more than the
    # series themselves while the whole index holds both.
    full = not half._checking_only
    half._store.share_sources()  # pickled once each, unpickled as one string each
    slots = half._store.slots
    states = [
        (target_id, list(slot.series), half._loop.state_columns(list(slot.series.values()), full))
        for target_id, slot in slots.items()
        if slot.series
    ]
    # A series and its slot refer to each other, and the collector is off: let go of
    # this half's series now, not never.
    for slot in slots.values():
        slot.series.clear()
    half._store.forget_cells()
    return Half(
        failed=False,
        count=scanned.rows,
        malformed=scanned.malformed,
        end_line=scanned.end_line,
        states=states,
        ordinals={i: ordinal for ordinal, i in half._dates.index.items()},
        entities=half._entities.learnt(),
        candidates=half._candidates,
        entity_places=half._entities.places,
        future=half._future.get(header.file),
        not_reported=half._not_reported.get(header.file),
        findings=sink.findings,
        dropped=sink.dropped(),
        decimal_comma=half._numbers.comma_seen,
    )


def merge_half(
    index: ProgressIndex, half: Half, display: str, sink: FindingSink, offset: int, spanned: int = 0
) -> bool:
    """Add a half to ``index`` as if its rows had been read there, its lines shifted by
    ``offset`` (and its spreadsheet rows by ``offset - spanned``: ``spanned`` extra lines
    of rows spanning lines come before the cut); False, with nothing changed, when a series has a date both there and in
    the half: that duplicate must be found row by row."""
    store, entities, loop = index._store, index._entities, index._loop
    code_map = {i: index._dates.bit_of(ordinal) for i, ordinal in sorted(half.ordinals.items())}
    remapped: dict[int, int] = {}
    bits: list[list[int]] = []  # per target, each series' dates renumbered
    for target_id, keys, columns in half.states:
        bits.append([])
        if not loop.clash_free(
            store.slots[target_id].kind, keys, columns[_SEEN], code_map, remapped, bits[-1]
        ):
            return False
    for finding in half.findings:
        if finding.code is Code.UNKNOWN_ENTITY and finding.text in entities.spellings:
            continue  # reported once per spelling, as when read in one piece
        sink.add(_shifted(finding, display, offset, offset - spanned))
    sink.add_dropped(display, *half.dropped)
    for (target_id, keys, columns), renumbered in zip(half.states, bits, strict=True):
        loop.merge_all(store.slots[target_id].kind, keys, columns, renumbered, code_map, offset)
    for spelling in half.entities:
        if spelling not in entities.spellings:
            entities.learn(spelling)
    index._candidates |= half.candidates
    for key, place in half.entity_places.items():
        if key not in entities.places:
            entities.places[key] = _moved(place, display, offset, offset - spanned)
    for rows, counted in ((index._future, half.future), (index._not_reported, half.not_reported)):
        if counted:
            entry = rows.setdefault(display, [0, counted[1] + offset])
            entry[0] += counted[0]
    return True


def _shifted(finding: Finding, display: str, offset: int, rows: int) -> Finding:
    moved = _moved(finding.location, display, offset, rows)
    return finding if moved is finding.location else replace(finding, location=moved)


def _moved(location: Location, display: str, offset: int, rows: int) -> Location:
    """A location in a half, in the whole file (its lines counted from the cut, its
    spreadsheet rows from the cut's row)."""
    if not offset or location.file != display or location.line is None:
        return location
    row = None if location.row is None else location.row + rows
    return replace(location, line=location.line + offset, row=row)
