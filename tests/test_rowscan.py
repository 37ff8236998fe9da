"""The row loop (dxcheck.rowscan) reads exactly what the csv module reads, compiled or not.

``rowscan`` runs in two builds: the mypyc-compiled extension (hatch_build.py, when a C
compiler was there at install) and the source itself (``dxcheck.native.row_loop``). These
tests hold both to the csv module (the reference for every row), to each other (end to end
on the CSV corpus and a generated file), and check that the compiled build in use is the
one built from the source beside it. The JSON report's fast encoder is checked against
``json.dumps`` here too: it is the other hand-made fast path of the same change.

Tests that need the compiled module are skipped, with the reason, where it is not built.
The properties run a modest number of examples (derandomised, like tests/test_fuzz.py's
``ci`` profile); ``HYPOTHESIS_PROFILE=fuzz`` runs them long and random.
"""

from __future__ import annotations

import csv
import importlib
import io
import json
import os
import shutil
from datetime import date
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
from bench.generate import DataSpec, generate
from hypothesis import HealthCheck, event, given, note, settings
from hypothesis import strategies as st

from dxcheck import native
from dxcheck.catalog import Catalog, load_catalog
from dxcheck.cells import DateOrder
from dxcheck.check import Options, run_status
from dxcheck.findings import FindingSink
from dxcheck.formats.document import report_document
from dxcheck.formats.json_format import report_json
from dxcheck.progress import InputFile, ProgressIndex, bounded_lines
from dxcheck.series import LOW, SHIFT
from dxcheck.trend import EPOCH
from tests.conftest import DATA, REPO, load_module
from tests.test_corpus import AS_OF, CASES, EXPECTATIONS

SOURCE = Path(native.__file__).with_name("rowscan.py")  # what native.row_loop checks the build against

# --- the two builds ------------------------------------------------------------------------------

PURE = native.row_loop(pure=True)
_BEST = native.row_loop(pure=False)
COMPILED: ModuleType | None = _BEST if native.is_compiled(_BEST) else None
NOT_COMPILED = (
    "the row loop is not compiled in this install (no C compiler at install time, "
    "DXCHECK_NO_COMPILE, or a build older than rowscan.py): only the pure module runs"
)
LOOPS = [
    pytest.param(PURE, id="pure"),
    pytest.param(COMPILED, id="compiled", marks=pytest.mark.skipif(COMPILED is None, reason=NOT_COMPILED)),
]


def file_of(module: ModuleType) -> Path:
    assert module.__file__ is not None
    return Path(module.__file__)


def compiled_loop() -> ModuleType:
    if COMPILED is None:
        pytest.skip(NOT_COMPILED)
    return COMPILED


def test_the_two_builds_are_what_they_claim() -> None:
    assert not native.is_compiled(PURE)
    assert file_of(PURE).name == "rowscan.py"
    if COMPILED is not None:
        assert PURE is not COMPILED
        assert PURE.__name__ == native.PURE_NAME
        assert file_of(COMPILED).suffix in (".so", ".pyd")


# --- hypothesis settings -------------------------------------------------------------------------

FUZZING = os.environ.get("HYPOTHESIS_PROFILE") == "fuzz"


def examples(count: int) -> settings:
    """``count`` derandomised examples (CI), or the fuzz profile's number, random."""
    return settings(
        max_examples=int(os.environ.get("DXCHECK_FUZZ_EXAMPLES", "100000")) if FUZZING else count,
        deadline=None,
        derandomize=not FUZZING,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.filter_too_much],
    )


DELIMITERS = (",", ";", "\t")
ENDINGS = ("\n", "\r\n", "\r")


def excel(delimiter: str) -> type[csv.Dialect]:
    """The dialect dxcheck.progress reads with: excel, strict, with the header's delimiter."""

    class Dialect(csv.excel):
        pass

    Dialect.delimiter = delimiter
    Dialect.strict = True
    return Dialect


# Characters that make CSV hard: every delimiter, the quote, spaces, non-ASCII (Vietnamese
# precomposed and a combining mark), NBSP, a BOM, NUL; plus anything else but a line break
# (a line from readline(newline="") never holds \r or \n except at its end).
SPECIAL = ',;\t"" aZ0.àộĐ\u0301\u00a0\ufeff\x00'
CHARS = st.one_of(st.sampled_from(list(SPECIAL)), st.characters(codec="utf-8", exclude_characters="\r\n"))
TEXT = st.one_of(
    st.text(CHARS, max_size=8),
    st.sampled_from(["", "Hà Nội", "Thành phố Hồ Chí Minh", "a, b", 'say "hi"', "x;y\tz"]),
)


def quote(text: str) -> str:
    return '"' + text.replace('"', '""') + '"'


# --- 1. split_quoted agrees with the csv module ---------------------------------------------------


@st.composite
def one_line(draw: st.DrawFn) -> tuple[str, str]:
    """A line of cells, some quoted (correctly or not), with any line ending or none."""
    delimiter = draw(st.sampled_from(DELIMITERS))
    cells = []
    for _ in range(draw(st.integers(1, 5))):
        text = draw(TEXT)
        kind = draw(
            st.sampled_from(
                ["plain", "quoted", "quoted", "quoted", "empty", "raw", "after-quote", "open-quote"]
            )
        )
        if kind == "plain":
            cell = text.replace('"', "").replace(delimiter, "")
        elif kind == "quoted":
            cell = quote(text)
        elif kind == "empty":
            cell = ""
        elif kind == "raw":  # stray quotes and delimiters as they come
            cell = text
        elif kind == "after-quote":  # a quoted cell with something after its closing quote
            cell = quote(text) + draw(st.sampled_from(["x", " ", '"', "ộ", '"x', "\x00"]))
        else:  # a quote that is never closed
            cell = '"' + text
        cells.append(cell)
    ending = draw(st.sampled_from([*ENDINGS, ""]))
    return delimiter.join(cells) + ending, delimiter


def csv_cells(text: str, delimiter: str) -> list[str] | None:
    """What the csv module reads from one line (excel, strict); None when it refuses it."""
    try:
        return next(csv.reader([text], delimiter=delimiter, strict=True))
    except csv.Error:
        return None


@pytest.mark.parametrize("loop", LOOPS)
@examples(600)
@given(case=one_line())
def test_split_quoted_agrees_with_the_csv_module(loop: ModuleType, case: tuple[str, str]) -> None:
    text, delimiter = case
    got = loop.split_quoted(text, delimiter)
    expected = csv_cells(text, delimiter)
    note(f"split_quoted -> {got!r}; csv -> {expected!r}")
    if got is None:
        # Not simple enough: the loop hands the line to the csv module, which decides.
        event("None: left to the csv module")
        return
    event("quoted line split" if '"' in text else "line without quotes split")
    assert expected is not None, f"split_quoted read {got!r} where the csv module refuses {text!r}"
    if expected == []:
        # A blank line: csv reads no cell, split_quoted one empty cell (as str.split does).
        # The loop never asks split_quoted about a line without a quote, and [''] and [] both
        # go to fix_width (a progress CSV has at least three columns).
        assert '"' not in text and got == [""], (text, got)
        return
    assert got == expected


@pytest.mark.parametrize("loop", LOOPS)
@pytest.mark.parametrize(
    ("text", "delimiter", "expected"),
    [
        pytest.param('"a ""b"" c",d\n', ",", ['a "b" c', "d"], id="doubled-quotes"),
        pytest.param('""""\r\n', ",", ['"'], id="only-a-doubled-quote"),
        pytest.param('"a""",b', ",", ['a"', "b"], id="doubled-quote-at-end-of-cell"),
        pytest.param('"Hà Nội"\t"x, y"\r', "\t", ["Hà Nội", "x, y"], id="non-ascii-tab-cr"),
        pytest.param('"a";"b";\r\n', ";", ["a", "b", ""], id="trailing-empty-cell"),
        pytest.param('"",,""\n', ",", ["", "", ""], id="empty-cells"),
        pytest.param('x,"1,5"', ",", ["x", "1,5"], id="no-line-ending"),
        pytest.param('"x"y,z\n', ",", None, id="quote-then-garbage"),
        pytest.param('"a" ,b\n', ",", None, id="quote-then-space"),
        pytest.param('a,"open\n', ",", None, id="open-quote"),
        pytest.param('"a"""\n', ",", ['a"'], id="closing-after-doubled"),
        pytest.param('"a""\n', ",", None, id="doubled-quote-then-open"),
        pytest.param('a"b,c\n', ",", None, id="stray-quote-in-unquoted-cell"),
    ],
)
def test_split_quoted_examples(
    loop: ModuleType, text: str, delimiter: str, expected: list[str] | None
) -> None:
    got = loop.split_quoted(text, delimiter)
    assert got == expected
    if got is not None:
        assert got == csv_cells(text, delimiter)


# --- 2. the row loop reads rows (and their lines) as csv.reader does ------------------------------


class Recorder:
    """A RowChecks that records every row reaching it: rows of another width go to
    ``fix_width``, the others to ``series_for`` (no series is known, so every such row asks);
    both refuse, so nothing else is ever called."""

    def __init__(self) -> None:
        self.events: list[tuple[str, Any, int]] = []

    def fix_width(self, row: list[str], line: int) -> bool:
        self.events.append(("width", list(row), line))
        return False

    def series_for(self, row: list[str], line: int) -> None:
        self.events.append(("series", list(row), line))

    def malformed(self, line: int, reason: str) -> bool:
        self.events.append(("malformed", reason, line))
        return True  # read on after it

    def binary(self, line: int, column: int) -> None:
        self.events.append(("binary", column, line))

    def day(self, text: str, row: list[str], line: int) -> None:
        raise AssertionError("no row has a series, so no date is read")

    def value(self, text: str, series: object, row: list[str], line: int) -> None:
        raise AssertionError("no row has a series, so no value is read")

    def duplicate(self, series: object, code: int) -> None:
        raise AssertionError("no row has a series")

    def at_baseline(self, series: object, value: float, row: list[str], line: int) -> None:
        raise AssertionError("no row has a series")

    def record(self, series: object, code: int, value: float, row: list[str], line: int) -> None:
        raise AssertionError("no row has a series")


def scan(loop: ModuleType, text: str, delimiter: str, width: int, first_line: int) -> tuple[int, list[Any]]:
    """Feed ``text`` to the row loop as dxcheck.progress does (lines of a newline="" stream)."""
    scanner = loop.RowScanner(
        width=width,
        delimiter=delimiter,
        i_date=0,
        i_value=0,
        i_source=-1,
        kinds={},
        dates={},
        milestones={},
        checking_only=False,
        recording=False,
    )
    checks = Recorder()
    count = scanner.scan(
        bounded_lines(io.StringIO(text, newline="")),
        checks,
        dialect=excel(delimiter),
        file_index=0,
        first_line=first_line,
    )
    return count, checks.events


def reference(text: str, delimiter: str, width: int, first_line: int) -> tuple[int, list[Any]]:
    """What the loop must record, from csv.reader reading one row at a time: each row
    starts on the line after the one the previous row ended on; a row csv.reader refuses is
    recorded at its first line and reading goes on from the line after that one (the rest
    of the file is still checked); a NUL character ends the file (it is binary).

    csv reads a blank line as [] and the loop's fast path as [''] (str.split): the same row,
    written here as the loop writes it. Both have another width than any progress CSV's (at
    least three columns; ``width`` >= 2 here), so both go to fix_width."""
    events: list[tuple[str, Any, int]] = []
    lines = io.StringIO(text, newline="").readlines()
    i = count = 0
    while i < len(lines):
        start = first_line + i
        if "\x00" in lines[i]:
            events.append(("binary", lines[i].index("\x00") + 1, start))
            break
        reader = csv.reader(iter(lines[i:]), dialect=excel(delimiter))
        try:
            row = next(reader)
        except csv.Error as exc:
            events.append(("malformed", str(exc), start))
            i += 1
            continue
        taken = lines[i : i + reader.line_num]
        nul = next((k for k, line in enumerate(taken) if "\x00" in line), None)
        if nul is not None:
            events.append(("binary", taken[nul].index("\x00") + 1, start + nul))
            break
        i += reader.line_num
        count += 1
        cells = row if row else [""]  # a blank line (see above)
        events.append(("series" if len(cells) == width else "width", cells, start))
    return count, events


LINE_BREAKS = st.sampled_from(ENDINGS)


@st.composite
def row_cell(draw: st.DrawFn, delimiter: str) -> str:
    kind = draw(st.sampled_from(["plain", "plain", "quoted", "multiline", "empty", "stray-quote", "long"]))
    text = draw(TEXT)
    if kind == "plain":
        return text.replace('"', "").replace(delimiter, "")
    if kind == "quoted":
        return quote(text)
    if kind == "multiline":  # a quoted cell spanning lines
        return quote(text + draw(LINE_BREAKS) + draw(TEXT) + draw(st.sampled_from(["", *ENDINGS])))
    if kind == "stray-quote":  # a quote inside an unquoted cell: csv keeps it
        return "x" + text.replace(delimiter, "") + '"'
    if kind == "long":  # past FAST_LINE_LIMIT: the csv module reads the line
        return draw(st.sampled_from(["x" * 5000, quote("y, " * 2000)]))
    return ""


@st.composite
def csv_file(draw: st.DrawFn) -> tuple[str, str]:
    """The data lines of a progress CSV: rows of quoted and unquoted cells, quoted cells
    spanning lines, blank lines, sometimes a malformed row; LF, CRLF or CR line endings
    (mixed, as concatenated exports have them); the last line with or without one."""
    delimiter = draw(st.sampled_from(DELIMITERS))
    lines = []
    for _ in range(draw(st.integers(0, 8))):
        kind = draw(st.sampled_from(["row"] * 6 + ["blank", "malformed"]))
        if kind == "row":
            line = delimiter.join(draw(st.lists(row_cell(delimiter), min_size=1, max_size=4)))
        elif kind == "blank":
            line = ""
        else:
            line = draw(
                st.sampled_from(['"a"b', f'x{delimiter}"unclosed', f'"y"{delimiter}"z" ', '"', '""x'])
            )
        lines.append(line + draw(LINE_BREAKS))
    text = "".join(lines)
    if draw(st.booleans()):
        text = text.removesuffix("\n").removesuffix("\r")
    return text, delimiter


@pytest.mark.parametrize("loop", LOOPS)
@examples(400)
@given(case=csv_file(), width=st.integers(2, 4), first_line=st.integers(2, 5))
def test_row_loop_reads_rows_and_lines_as_csv_reader(
    loop: ModuleType, case: tuple[str, str], width: int, first_line: int
) -> None:
    text, delimiter = case
    expected = reference(text, delimiter, width, first_line)
    note(f"expected {expected!r}")
    got = scan(loop, text, delimiter, width, first_line)
    event("malformed" if expected[1] and expected[1][-1][0] == "malformed" else "well formed")
    event(f"rows of the width: {sum(e[0] == 'series' for e in expected[1]) > 0}")
    assert got == expected


@pytest.mark.parametrize("loop", LOOPS)
@pytest.mark.parametrize(
    ("text", "events"),
    [
        pytest.param(
            'a,b,c\n"open,d\ne,f,g\n',
            [
                ("series", ["a", "b", "c"], 2),
                ("malformed", "unexpected end of data", 3),
                ("series", ["e", "f", "g"], 4),
            ],
            id="unclosed-quote-at-eof-then-read-on",
        ),
        pytest.param(
            'a,b,c\r\n\r\nd,e,f\r\n"x"y,1,2\r\ng,h,i\r\n',
            [
                ("series", ["a", "b", "c"], 2),
                ("width", [""], 3),
                ("series", ["d", "e", "f"], 4),
                ("malformed", "',' expected after '\"'", 5),
                ("series", ["g", "h", "i"], 6),
            ],
            id="garbage-after-quote-then-read-on",
        ),
        pytest.param(
            'a,"b\rc\rd",e\rf,g\r',
            [("series", ["a", "b\rc\rd", "e"], 2), ("width", ["f", "g"], 5)],
            id="quoted-cell-spanning-cr-lines",
        ),
        pytest.param(
            '"Hà Nội","x\r\n""y""\r\n",z\r\n,,\r\nlast,row,"no newline"',
            [
                ("series", ["Hà Nội", 'x\r\n"y"\r\n', "z"], 2),
                ("series", ["", "", ""], 5),
                ("series", ["last", "row", "no newline"], 6),
            ],
            id="crlf-multiline-then-empty-cells",
        ),
    ],
)
def test_row_loop_examples(loop: ModuleType, text: str, events: list[Any]) -> None:
    count, got = scan(loop, text, ",", 3, 2)
    assert got == events
    assert count == sum(e[0] not in ("malformed", "binary") for e in events)
    assert (count, got) == reference(text, ",", 3, 2)


# --- 3. compiled and pure agree end to end ----------------------------------------------------------

Snapshot = dict[str, Any]


def read_with(
    loop: ModuleType,
    catalog: Catalog,
    files: list[InputFile],
    as_of: date,
    *,
    date_order: DateOrder | None = None,
    checking_only: bool = False,
) -> Snapshot:
    """Everything a ProgressIndex built with ``loop`` tells: findings, every series of every
    target, every recorded observation, and the progress callbacks (rows, bytes)."""
    ids = frozenset(t.id for t in catalog.targets)
    index = ProgressIndex(
        catalog,
        as_of,
        date_order=date_order,
        record=frozenset() if checking_only else ids,
        checking_only=checking_only,
        loop=loop,
    )
    return {
        **snapshot(index, catalog, files),
        "recorded": {t.id: index.recorded(t.id) for t in catalog.targets},
    }


def snapshot(index: ProgressIndex, catalog: Catalog, files: list[InputFile]) -> Snapshot:
    """Read ``files`` into ``index``; the findings, every series of every target and the
    progress callbacks (rows, bytes)."""
    sink = FindingSink()
    progress: list[tuple[str, int, int]] = []
    for source in files:

        def on_rows(rows: int, position: int, name: str = source.display) -> None:
            progress.append((name, rows, position))

        index.read(source, sink, on_rows)
    index.resolve_duplicates(files, sink)
    findings = [
        (f.code.id, f.location, f.message, f.hint, f.text, f.effective_severity) for f in sink.close()
    ]
    return {
        "findings": findings,
        "series": {t.id: list(index.series(t.id)) for t in catalog.targets},
        "progress": progress,
    }


def assert_same(pure: Snapshot, compiled: Snapshot) -> None:
    # one key at a time, so that a failure names what differs
    for key in pure:
        assert compiled[key] == pure[key], key


def corpus_runs() -> list[Any]:
    runs = []
    for name, case in sorted(EXPECTATIONS.items()):
        orders: list[DateOrder | None] = [None]
        for variant in case.get("variants", []):
            args = variant["args"]
            if len(args) == 2 and args[0] == "--date-order":
                orders.append(DateOrder(args[1]))
        for order in orders:
            runs.append(pytest.param(name, order, id=name if order is None else f"{name}[{order}]"))
    return runs


@pytest.fixture(scope="module")
def corpus_catalog() -> Catalog:
    loaded = load_catalog(DATA / "catalog.yaml")
    assert loaded.catalog is not None, loaded.findings
    return loaded.catalog


class _Slot:
    """What the row loop reads of a ``progress.store.Slot``: its ``kind``."""

    def __init__(
        self, loop: ModuleType, *, base: float | None = None, cell_ids: dict[str, int] | None = None
    ) -> None:
        self.series: dict[str, Any] = {}
        self.units_ok = {"%"}
        self.kind = loop.SeriesKind(
            self, self.series, self.units_ok, {} if cell_ids is None else cell_ids, numeric=True,
            percent=True, at_most=False, compound=False, yearly=False, level=80.0, base_t=100,
            base_value=base,
        )  # fmt: skip


def memo(kind: Any) -> dict[str, Any]:
    """A kind's part of the row loop's memo: entity cell as written -> its series."""
    slots = kind.slots
    return {
        cell: slots[number]
        for cell, number in kind.cell_ids.items()
        if number < len(slots) and slots[number] is not None
    }


@pytest.mark.parametrize("loop", LOOPS)
def test_known_spellings_make_a_series_in_the_loop_and_are_remembered(loop: ModuleType) -> None:
    """``known_series`` makes the series of a row whose target, entity and unit cells are
    all known, once per entity whatever the spelling, and remembers it by the target and
    entity cells as written; anything else is left to ``RowChecks.series_for`` (None), with
    nothing made or remembered."""
    slot = _Slot(loop, base=40.0)
    kinds: dict[str, Any] = {}
    scanner = loop.RowScanner(
        width=5, delimiter=",", i_date=2, i_value=3, i_source=-1, kinds=kinds, dates={},
        milestones={}, checking_only=False, recording=False,
        targets={"dv-cong": slot, "bad": None}, spellings={"": "", "Hà Nội": "ha noi", "Ha Noi": "ha noi"},
        i_target=0, i_entity=1, i_unit=4,
    )  # fmt: skip
    made = scanner.known_series(["dv-cong", "Hà Nội", "", "", "%"])
    assert made is not None and made.name == "ha noi" and made.owner is slot
    assert kinds == {"dv-cong": slot.kind} and memo(slot.kind) == {"Hà Nội": made}
    assert slot.series == {"ha noi": made}
    assert (made.low, made.high, made.sign, made.n) == (0.0, 100.0, 1.0, 0)  # an entity: no baseline
    again = scanner.known_series(["dv-cong", "Ha Noi", "", "", ""])  # another spelling, no unit
    assert again is made and memo(slot.kind) == {"Hà Nội": made, "Ha Noi": made}
    nation = scanner.known_series(["dv-cong", "", "", "", "%"])
    assert nation is not None and nation.name == "" and (nation.base_t, nation.n, nation.sy) == (100, 1, 40.0)
    for row in (
        ["moi", "Hà Nội", "", "", "%"],  # an unknown target
        ["bad", "Hà Nội", "", "", "%"],  # a target cell already found wrong
        ["dv-cong", "Hue", "", "", "%"],  # an unknown entity
        ["dv-cong", "Hà Nội", "", "", "người"],  # a unit not accepted yet
    ):
        assert scanner.known_series(row) is None
    assert set(kinds) == {"dv-cong"} and set(memo(slot.kind)) == {"Hà Nội", "Ha Noi", ""}
    assert len(slot.series) == 2


@pytest.mark.parametrize("loop", LOOPS)
def test_targets_share_the_entity_cells_numbers_but_not_their_series(loop: ModuleType) -> None:
    """Every target numbers an entity cell alike (one shared dictionary); an entity
    remembered for one target is not found for another until it is remembered there, and
    the row loop then sends that row to ``known_series`` (and finds it after)."""
    cell_ids: dict[str, int] = {}
    first, second = _Slot(loop, cell_ids=cell_ids), _Slot(loop, cell_ids=cell_ids)
    kinds: dict[str, Any] = {}
    scanner = loop.RowScanner(
        width=5, delimiter=",", i_date=2, i_value=3, i_source=-1, kinds=kinds, dates={},
        milestones={}, checking_only=False, recording=False, targets={"a": first, "b": second},
        spellings={"Huế": "hue", "Hà Nội": "ha noi"}, i_target=0, i_entity=1, i_unit=4,
    )  # fmt: skip
    hue_a = scanner.known_series(["a", "Huế", "", "", ""])
    hanoi_a = scanner.known_series(["a", "Hà Nội", "", "", ""])
    hanoi_b = scanner.known_series(["b", "Hà Nội", "", "", ""])
    assert cell_ids == {"Huế": 0, "Hà Nội": 1}
    assert memo(first.kind) == {"Huế": hue_a, "Hà Nội": hanoi_a}
    assert memo(second.kind) == {"Hà Nội": hanoi_b} and second.kind.slots == [None, hanoi_b]
    assert hanoi_a is not hanoi_b
    second.kind.forget()
    assert memo(second.kind) == {} and memo(first.kind) == {"Huế": hue_a, "Hà Nội": hanoi_a}


class _ReadsDates(Recorder):
    """A ``Recorder`` asked about dates (and duplicates): it records each question and
    reads day/month/year, as ``RowChecks.day`` does a spelling the loop does not know."""

    def day(self, text: str, row: list[str], line: int) -> tuple[int, int, int]:  # type: ignore[override]
        self.events.append(("day", text, line))
        d, m, y = (int(part) for part in text.split("/"))
        code = date(y, m, d).toordinal() << SHIFT | m
        return code, 1 << (code & LOW), (code >> SHIFT) - EPOCH

    def duplicate(self, series: object, code: int) -> None:
        self.events.append(("duplicate", code >> SHIFT, 0))


@pytest.mark.parametrize("loop", LOOPS)
def test_each_row_reaches_its_own_series_whatever_the_row_before(loop: ModuleType) -> None:
    """The loop reuses the previous row's target and date when a row repeats their cells,
    and finds entities by numbers all targets share: rows that switch target, entity and
    date (and back) each land in their own series, with their own date; a date the loop
    does not know is checked on every row that has it, even right after another."""
    cell_ids: dict[str, int] = {}
    a, b = _Slot(loop, cell_ids=cell_ids), _Slot(loop, cell_ids=cell_ids)
    codes = {f"2024-0{m}-01": date(2024, m, 1).toordinal() << SHIFT | m for m in (1, 2)}
    dates = {text: (code, 1 << (code & LOW), (code >> SHIFT) - EPOCH) for text, code in codes.items()}
    scanner = loop.RowScanner(
        width=5, delimiter=",", i_date=2, i_value=3, i_source=-1, kinds={}, dates=dates,
        milestones={}, checking_only=False, recording=False, targets={"a": a, "b": b},
        spellings={"Huế": "hue", "Hà Nội": "ha noi"}, i_target=0, i_entity=1, i_unit=4,
    )  # fmt: skip
    text = (
        "a,Huế,2024-01-01,10,%\n"
        "b,Huế,2024-01-01,20,%\n"  # another target, the same entity and date
        "b,Hà Nội,2024-01-01,30,%\n"
        "a,Hà Nội,2024-02-01,40,%\n"  # back to the first target, a new date
        "a,Huế,2024-02-01,50,%\n"
        "a,Huế,01/03/2024,60,%\n"  # a date spelling the loop does not know: checked
        "a,Huế,01/03/2024,70,%\n"  # and checked again (then a duplicate)
        "b,Huế,2024-02-01,80,%\n"
    )
    checks = _ReadsDates()
    count = scanner.scan(
        bounded_lines(io.StringIO(text, newline="")), checks, dialect=excel(","), file_index=0, first_line=2
    )
    assert count == 8
    march = date(2024, 3, 1).toordinal()
    assert checks.events == [("day", "01/03/2024", 7), ("day", "01/03/2024", 8), ("duplicate", march, 0)]
    got = {
        (name, key): (s.count, s.value, s.latest >> SHIFT)
        for name, slot in (("a", a), ("b", b))
        for key, s in slot.series.items()
    }
    jan, feb = (date(2024, m, 1).toordinal() for m in (1, 2))
    assert got == {
        ("a", "hue"): (3, 60.0, march),
        ("a", "ha noi"): (1, 40.0, feb),
        ("b", "hue"): (2, 80.0, feb),
        ("b", "ha noi"): (1, 30.0, jan),
    }


@pytest.mark.parametrize("loop", LOOPS)
def test_a_remembered_series_still_has_its_unit_checked_on_every_row(loop: ModuleType) -> None:
    """The memo finds a series by its target and entity cells; the unit cell is checked
    on each row, so a row in a wrong unit goes to ``series_for`` (to be reported) even
    after rows of the same series in an accepted unit, and an accepted unit cell keeps
    the row in the loop."""
    slot = _Slot(loop)
    codes = {f"2024-0{m}-01": date(2024, m, 1).toordinal() << SHIFT | m for m in range(1, 5)}
    dates = {text: (code, 1 << (code & LOW), (code >> SHIFT) - EPOCH) for text, code in codes.items()}
    kinds: dict[str, Any] = {}
    scanner = loop.RowScanner(
        width=5, delimiter=",", i_date=2, i_value=3, i_source=-1, kinds=kinds, dates=dates,
        milestones={}, checking_only=False, recording=False,
        targets={"dv-cong": slot}, spellings={"Hà Nội": "ha noi"}, i_target=0, i_entity=1, i_unit=4,
    )  # fmt: skip
    text = (
        "dv-cong,Hà Nội,2024-01-01,10,%\n"
        "dv-cong,Hà Nội,2024-02-01,20,km\n"  # remembered series, wrong unit
        "dv-cong,Hà Nội,2024-03-01,30,\n"  # no unit: accepted
        "dv-cong,Hà Nội,2024-04-01,40,km\n"
    )
    checks = Recorder()  # a row of a known series and date reaches none of its other checks
    count = scanner.scan(
        bounded_lines(io.StringIO(text, newline="")), checks, dialect=excel(","), file_index=0, first_line=2
    )
    assert count == 4
    assert [(event, line) for event, _, line in checks.events] == [("series", 3), ("series", 5)]
    (series,) = slot.series.values()
    assert series.count == 2 and series.value == 30.0


@pytest.mark.parametrize("loop", LOOPS)
def test_a_half_does_not_add_the_baseline_again(loop: ModuleType) -> None:
    slot = _Slot(loop, base=40.0)
    slot.kind.adds_base = False
    nation = slot.kind.new("")
    assert (nation.base_t, nation.n) == (100, 0) and slot.series == {"": nation}


@pytest.mark.parametrize(("name", "date_order"), corpus_runs())
def test_compiled_and_pure_agree_on_the_corpus(
    corpus_catalog: Catalog, name: str, date_order: DateOrder | None
) -> None:
    compiled = compiled_loop()
    files = [InputFile(str(CASES / name), CASES / name)]
    as_of = date.fromisoformat(AS_OF)
    for checking_only in (False, True):
        pure_run = read_with(
            PURE, corpus_catalog, files, as_of, date_order=date_order, checking_only=checking_only
        )
        compiled_run = read_with(
            compiled, corpus_catalog, files, as_of, date_order=date_order, checking_only=checking_only
        )
        assert_same(pure_run, compiled_run)


def test_corpus_runs_cover_every_file() -> None:
    files = {p.relative_to(CASES).as_posix() for p in CASES.glob("*/*") if p.is_file()}
    assert {p.values[0] for p in corpus_runs()} == files


def test_compiled_and_pure_agree_on_generated_data(tmp_path: Path) -> None:
    compiled = compiled_loop()
    # ~80 series x ~37 months; a fifth of the rows with a quoted source or note (bench/generate.py)
    paths = generate(DataSpec(rows=3000), tmp_path)
    # the same rows twice, as two files: every row a duplicate, named in the second pass
    copy = tmp_path / "copy.csv"
    copy.write_bytes(paths.csv.read_bytes())
    loaded = load_catalog(paths.catalog)
    assert loaded.catalog is not None, loaded.findings
    files = [InputFile(str(paths.csv), paths.csv)]
    as_of = date(2030, 1, 1)
    pure_run = read_with(PURE, loaded.catalog, files, as_of)
    assert pure_run["progress"][-1][1] == 3000  # the last callback: every row read
    assert sum(len(series) for series in pure_run["series"].values()) > 50
    assert pure_run["findings"] == []
    assert_same(pure_run, read_with(compiled, loaded.catalog, files, as_of))
    twice = [*files, InputFile(str(copy), copy)]
    pure_twice = read_with(PURE, loaded.catalog, twice, as_of, checking_only=True)
    assert pure_twice["findings"]
    assert_same(pure_twice, read_with(compiled, loaded.catalog, twice, as_of, checking_only=True))


# Rows at the loop's edges: on the baseline date (the first point of the national trend), at
# the level exactly (at least and at most), a duplicate date, the cells float() takes and
# dxcheck does not (1_0, nan, inf, past 100 %), a non-positive value in a compound fit,
# milestones out of order, a row after --as-of, a lenient date, a quoted source.
EDGE_ROWS = """\
target,entity,date,value,unit,source
online-public-services,,2024-01-01,40,percent,baseline day
online-public-services,,2024-06-30,80,%,"met exactly, quoted"
online-public-services,,2024-06-30,81,percent,the same date again
online-public-services,Hà Nội,2025-01-31,1e1,percent,
online-public-services,Hà Nội,2025-02-28,1_0,percent,
online-public-services,Hà Nội,2025-03-31,nan,percent,
online-public-services,Hà Nội,2025-04-30,100.0000001,percent,
online-public-services,Hà Nội,2025-05-31, 79.5 ,percent,
cash-payments,,2025-01-01,10,percent,at most: met at the level
cash-payments,,2024-06-01,12.5,percent,
digital-enterprises,,2024-01-01,0,enterprises,non-positive in a compound fit
digital-enterprises,,2025-01-01,50000,enterprises,
digital-enterprises,,2025-03-01,inf,enterprises,
digital-enterprises,,2026-02-01,60000,enterprises,after --as-of
data-center,,2025-03-01,done,,
data-center,,2025-02-01,not done,,
e-signature-2025,,2024/12/31,95,percent,
"""


def test_compiled_and_pure_agree_on_edge_rows(corpus_catalog: Catalog, tmp_path: Path) -> None:
    compiled = compiled_loop()
    path = tmp_path / "edges.csv"
    path.write_text(EDGE_ROWS, encoding="utf-8")
    files = [InputFile(str(path), path)]
    for checking_only in (False, True):
        pure_run = read_with(PURE, corpus_catalog, files, date(2026, 1, 15), checking_only=checking_only)
        assert pure_run["findings"]
        assert_same(
            pure_run,
            read_with(compiled, corpus_catalog, files, date(2026, 1, 15), checking_only=checking_only),
        )


# --- 4. the compiled build is current ------------------------------------------------------------


def load_hatch_build() -> ModuleType:
    return load_module("hatch_build", REPO / "hatch_build.py")


def _source(module: str) -> Path:
    return Path(native.__file__).with_name(f"{module}.py")


def test_build_hook_and_runtime_compute_the_same_checksum() -> None:
    hatch_build = load_hatch_build()
    for data in (b"", b"x", 'COMPILED_FROM: Final = ""\nHà Nội\n'.encode(), SOURCE.read_bytes()):
        assert hatch_build.source_checksum(data) == native.source_checksum(data)
    assert native.source_checksum(b"a") != native.source_checksum(b"b")
    # the hook compiles what the runtime looks for, and the marker it stamps is in each
    # source exactly once
    assert tuple(m.stem for m in hatch_build.MODULES) == native.COMPILED
    for module in native.COMPILED:
        assert _source(module).read_text(encoding="utf-8").count(hatch_build.MARKER) == 1


@pytest.mark.parametrize("module", native.COMPILED)
def test_compiled_module_is_built_from_this_source(module: str) -> None:
    built = native.compiled(module, pure=False)
    if not native.is_compiled(built):
        pytest.skip(f"dxcheck.{module} is not compiled in this install")
    assert native.source_checksum(_source(module).read_bytes()) == built.COMPILED_FROM


@pytest.mark.parametrize("module", native.COMPILED)
def test_installed_modules_are_compiled(module: str, monkeypatch: pytest.MonkeyPatch) -> None:
    if os.environ.get("DXCHECK_NO_COMPILE"):
        pytest.skip("DXCHECK_NO_COMPILE is set: the install keeps the compiled modules pure Python")
    if not (shutil.which("cc") or shutil.which("gcc")):
        pytest.skip("no C compiler (cc or gcc): the install keeps the compiled modules pure Python")
    monkeypatch.delenv("DXCHECK_PURE_PYTHON", raising=False)
    installed = importlib.import_module(f"dxcheck.{module}")
    chosen = native.compiled(module)
    current = native.source_checksum(_source(module).read_bytes())
    assert installed.COMPILED_FROM, (
        f"dxcheck.{module} is not compiled although a C compiler is here: "
        "reinstall with `pip install -e .` to rebuild it (see hatch_build.py)"
    )
    assert current == installed.COMPILED_FROM, (
        f"the compiled dxcheck.{module} was built from another {module}.py ({installed.COMPILED_FROM}, "
        f"the source is {current}), so the pure source runs: reinstall with `pip install -e .` to rebuild"
    )
    assert native.is_compiled(chosen) and chosen is installed


# --- 5. a stale build is not used ----------------------------------------------------------------


@pytest.mark.parametrize("module", native.COMPILED)
def test_stale_compiled_build_falls_back_to_the_source(module: str, monkeypatch: pytest.MonkeyPatch) -> None:
    compiled = native.compiled(module, pure=False)
    if not native.is_compiled(compiled):
        pytest.skip(f"dxcheck.{module} is not compiled in this install")
    monkeypatch.delenv("DXCHECK_PURE_PYTHON", raising=False)
    assert native.compiled(module) is compiled  # the control: current build, no override
    # the source edited since the build: its checksum no longer matches COMPILED_FROM
    monkeypatch.setattr(native, "source_checksum", lambda source: "00000000-0")
    chosen = native.compiled(module)
    assert chosen.__name__ == native.pure_name(module)
    assert not native.is_compiled(chosen)
    assert file_of(chosen) == _source(module)
    assert native.compiled(module, pure=False) is chosen


def test_the_row_loop_and_its_series_state_fall_back_together(monkeypatch: pytest.MonkeyPatch) -> None:
    """The compiled loop uses the compiled series' fields directly: an edited series.py
    alone makes both run as their sources, the loop's source with the series' source."""
    compiled = native.compiled("rowscan", pure=False)
    if not native.is_compiled(compiled):
        pytest.skip("dxcheck.rowscan is not compiled in this install")
    monkeypatch.delenv("DXCHECK_PURE_PYTHON", raising=False)
    edited = _source("series").read_bytes()
    checksum = native.source_checksum
    monkeypatch.setattr(native, "source_checksum", lambda data: "0-0" if data == edited else checksum(data))
    chosen = native.compiled("rowscan")
    assert chosen.__name__ == native.pure_name("rowscan") and not native.is_compiled(chosen)
    assert chosen.Series.__module__ == native.pure_name("series")
    assert chosen.SeriesKind is native.compiled("series").SeriesKind
    # the compiled series module is what ``import dxcheck.series`` gives again
    assert native.is_compiled(importlib.import_module("dxcheck.series"))
    assert native.compiled("rules") is native.compiled("rules", pure=False)  # no part of it


@pytest.mark.parametrize("module", native.COMPILED)
def test_pure_python_environment_variable(module: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DXCHECK_PURE_PYTHON", "1")
    chosen = native.compiled(module)
    assert not native.is_compiled(chosen)
    assert file_of(chosen) == _source(module)
    assert chosen is native.compiled(module, pure=True)
    assert native.row_loop() is native.compiled("rowscan")
    assert native.series_rules() is native.compiled("rules")


# --- 6. the JSON report's fast encoder equals json.dumps -------------------------------------------


def test_report_json_equals_json_dumps_on_the_bundled_sample(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)  # no ./targets.yaml: the bundled catalog and its sample
    outcome = run_status(Options(as_of=date(2026, 1, 15)))
    assert outcome.used_sample
    assert outcome.report is not None and outcome.report.results
    assert report_json(outcome.report) == json.dumps(report_document(outcome.report), ensure_ascii=False)


ENTITIES = ("Hà Nội", 'Xã "Tân Phú" (Đồng Nai)', "Phường 1\\2, Huế")


def test_report_json_equals_json_dumps_with_several_entities_per_target(tmp_path: Path) -> None:
    rows = ["target,entity,date,value,unit,source"]
    for i, entity in enumerate(ENTITIES):
        cell = quote(entity)
        rows.append(f'online-public-services,{cell},2025-0{i + 1}-15,{70 + i},percent,"báo cáo ""{i}"""')
        rows.append(f"digital-enterprises,{cell},2025-0{i + 1}-15,{40000 + 1000 * i},enterprises,")
        rows.append(f"digital-enterprises,{cell},2024-0{i + 1}-15,{30000 + 1000 * i},enterprises,")
    rows.append("e-signature-2024,,2024-06-30,90,percent,")  # superseded by e-signature-2025
    rows.append("online-public-services,,2027-01-01,99,percent,")  # after --as-of: a warning
    path = tmp_path / "progress.csv"
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    outcome = run_status(Options(catalog=DATA / "catalog.yaml", inputs=(str(path),), as_of=date(2026, 1, 15)))
    report = outcome.report
    assert report is not None, outcome.findings
    by_target: dict[str, set[str | None]] = {}
    for result in report.results:
        by_target.setdefault(result.target.id, set()).add(result.entity)
    for target in ("online-public-services", "digital-enterprises"):
        assert set(ENTITIES) <= by_target[target], by_target
    document = report_document(report)
    assert document["warnings"] and document["superseded"]
    encoded = report_json(report)
    assert encoded == json.dumps(document, ensure_ascii=False)
    assert encoded.encode("utf-8") == json.dumps(document, ensure_ascii=False).encode("utf-8")
    assert '"Xã \\"Tân Phú\\" (Đồng Nai)"' in encoded  # escaped once, not ASCII-escaped
    assert json.loads(encoded) == json.loads(json.dumps(document))
