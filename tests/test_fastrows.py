"""The row loop's fast path in C (dxcheck._fastrows) changes nothing but the time.

The C reader takes a file's lines in front of the row loop (dxcheck.rowscan), records the
rows that are plain throughout and hands the loop every other line. These tests read the
same files with it and without it (the compiled loop alone) and compare everything a
``ProgressIndex`` tells: findings, every series of every target, the progress callbacks;
on generated data (where most rows go through C, which is checked), every file of the
corpus, rows at the C reader's own edges, and random files (hypothesis). Then: it runs
only where it should (``native.fast_rows``), and the build is the one from the source.

Skipped, with the reason, where the C reader or the compiled loop is not built.
"""

from __future__ import annotations

import importlib
import os
import shutil
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from bench.generate import DataSpec, generate
from hypothesis import event, given, note
from hypothesis import strategies as st

from dxcheck import native
from dxcheck.catalog import Catalog, load_catalog
from dxcheck.cells import DateOrder, DecimalMark
from dxcheck.progress import InputFile, ProgressIndex
from tests.conftest import REPO
from tests.test_corpus import AS_OF, CASES
from tests.test_rowscan import corpus_runs, examples, snapshot

LOOP = native.row_loop(pure=False)
FAST = native.fast_rows(LOOP) if not os.environ.get("DXCHECK_NO_FAST_ROWS") else None
NOT_BUILT = (
    "the C reader is not built in this install (no C compiler at install time, "
    "DXCHECK_NO_COMPILE, a build older than _fastrows.c, or the row loop not compiled)"
)
needs_fast = pytest.mark.skipif(FAST is None, reason=NOT_BUILT)
C_SOURCE = Path(native.__file__).with_name("_fastrows.c")

Snapshot = dict[str, Any]


def read(
    catalog: Catalog,
    files: list[InputFile],
    as_of: date,
    *,
    fast: bool,
    checking_only: bool = False,
    date_order: DateOrder | None = None,
    decimal: DecimalMark | None = None,
) -> tuple[Snapshot, int]:
    """What an index tells after reading ``files``, with the C reader or without it, and
    the number of rows the C reader recorded itself."""
    index = ProgressIndex(
        catalog, as_of, date_order=date_order, decimal=decimal, checking_only=checking_only, loop=LOOP
    )
    made: list[Any] = []

    def counted(*args: Any, **kwargs: Any) -> Any:
        assert FAST is not None
        reader = FAST(*args, **kwargs)
        made.append(reader)
        return reader

    index._fast_rows = counted if fast else None
    read = snapshot(index, catalog, files)
    if not fast:
        assert made == []
    return read, sum(int(reader.fast) for reader in made)


def assert_same(fast: Snapshot, loop: Snapshot) -> None:
    for key in loop:  # one key at a time, so that a failure names what differs
        assert fast[key] == loop[key], key


def both(catalog: Catalog, files: list[InputFile], as_of: date, **options: Any) -> int:
    """Read with and without the C reader, assert the same; the rows read in C."""
    with_c, fast_rows = read(catalog, files, as_of, fast=True, **options)
    without, _ = read(catalog, files, as_of, fast=False, **options)
    assert_same(with_c, without)
    return fast_rows


@pytest.fixture(scope="module")
def corpus_catalog() -> Catalog:
    loaded = load_catalog(REPO / "tests" / "data" / "catalog.yaml")
    assert loaded.catalog is not None, loaded.findings
    return loaded.catalog


# --- 1. the same, end to end ----------------------------------------------------------------------


@needs_fast
@pytest.mark.parametrize("checking_only", [False, True], ids=["status", "validate"])
def test_generated_data_reads_the_same_mostly_in_c(tmp_path: Path, checking_only: bool) -> None:
    # ~80 series x ~37 months; a fifth of the rows with a quoted source or note
    paths = generate(DataSpec(rows=3000), tmp_path)
    copy = tmp_path / "copy.csv"
    copy.write_bytes(paths.csv.read_bytes())  # every row again: a duplicate each
    loaded = load_catalog(paths.catalog)
    assert loaded.catalog is not None, loaded.findings
    files = [InputFile(str(paths.csv), paths.csv)]
    fast_rows = both(loaded.catalog, files, date(2030, 1, 1), checking_only=checking_only)
    # the first row of each series and the milestones' rows go to the loop
    assert fast_rows > 3000 * 0.8
    twice = [*files, InputFile(str(copy), copy)]
    assert both(loaded.catalog, twice, date(2030, 1, 1), checking_only=checking_only) >= fast_rows


@needs_fast
@pytest.mark.parametrize(("name", "date_order"), corpus_runs())
def test_every_corpus_file_reads_the_same(
    corpus_catalog: Catalog, name: str, date_order: DateOrder | None
) -> None:
    files = [InputFile(str(CASES / name), CASES / name)]
    for checking_only in (False, True):
        both(
            corpus_catalog,
            files,
            date.fromisoformat(AS_OF),
            date_order=date_order,
            checking_only=checking_only,
        )


# Lines at the C reader's edges. The rows before them make the C reader know Hà Nội's and
# the nation's series and the dates 2025-02-28 and 2024-01-01 (from Đà Nẵng's rows), so
# that each edge line itself decides: the value forms it takes and those it leaves to the
# loop, quoted key cells, a doubled quote, a unit it has not seen, a duplicate date, the
# baseline's date, line ends, a NUL, cells too few or too many, a spelling or date form
# it does not know.
PLAIN = "online-public-services,Hà Nội,2025-01-31,50,percent,Sở TT&TT\n"
BEFORE = (
    "target,entity,date,value,unit,source\n"
    + PLAIN
    + "online-public-services,,2025-01-31,50,percent,\n"
    + "online-public-services,Đà Nẵng,2025-02-28,50,percent,\n"
    + "online-public-services,Đà Nẵng,2024-01-01,50,percent,\n"
    + "digital-enterprises,Hà Nội,2025-01-31,50000,enterprises,\n"
)
AFTER = "online-public-services,Hà Nội,2023-11-30,49,percent,\n"
EDGE = "online-public-services,Hà Nội,2025-02-28,{},percent,{}\n"
EDGES = [
    *(
        EDGE.format(value, "")
        for value in (
            "51",
            "+51",
            "-0",
            ".5",
            "5.",
            "12.500",
            "12.5",
            "1.2.3",
            "1e1",
            "\uff11\uff12",
            " 12",
            "100.5",
            "007",
            "1_0",
            "nan",
            "inf",
            "12,5",
            "",
            "9" * 70,
        )
    ),
    '"online-public-services","Hà Nội",2025-02-28,52,"percent","Sở ""TT"""\n',
    '"online-public-services","Hà Nội",2025-02-28,52,"percent","Sở TT"\n',
    'online-public-services,"Hà Nội",2025-02-28,53,%,"a, b"\n',
    'online-public-services,"Hà ""Nội""",2025-02-28,53,%,\n',
    "online-public-services,Hà Nội,2025-02-28,54,phần trăm,\n",
    "online-public-services,Hà Nội,2025-02-28,54,,\n",
    "online-public-services,Hà Nội,2025-01-31,55,percent,the same date again\n",
    "online-public-services,,2024-01-01,50,percent,the baseline's date\n",
    "online-public-services,,2025-02-28,41,percent,the nation\n",
    "online-public-services,Hà Nội,2025-02-28,56,percent,\r\n",
    "online-public-services,Hà Nội,2025-02-28,57,percent,\r",
    "online-public-services,Hà Nội,2025-02-28,57,percent,",
    "online-public-services,Hà Nội,2025-02-28,58,percent\n",
    "online-public-services,Hà Nội,2025-02-28,59,percent,,\n",
    "online-public-services;Hà Nội;2025-02-28;59;percent;\n",
    "online-public-services,Ha Noi,2025-02-28,60,percent,\n",
    "online-public-services,Hà Nội,28/02/2025,61,percent,\n",
    "online-public-services,Hà Nội,2025-02-28,6\x002,percent,\n",
    "online-public-services,Hà Nội,2025-02-28,62,percent," + "x" * 5000 + "\n",
    'online-public-services,Hà Nội,2025-02-28,63,percent,"two\nlines"\n',
    "cash-payments,Hà Nội,2025-02-28,64,percent,\n",
    "data-center,,2025-02-28,done,,\n",
    *(
        f"digital-enterprises,Hà Nội,2025-02-28,{value},enterprises,\n"
        for value in ("12.500", "12.5", "12500", "-1")
    ),
]


@needs_fast
@pytest.mark.parametrize("edge", EDGES, ids=range(len(EDGES)))
def test_rows_at_the_c_readers_edges_read_the_same(
    corpus_catalog: Catalog, tmp_path: Path, edge: str
) -> None:
    path = tmp_path / "edge.csv"
    text = BEFORE + edge + AFTER
    path.write_text(text, encoding="utf-8", newline="")
    files = [InputFile(str(path), path)]
    for checking_only in (False, True):
        for decimal in (None, DecimalMark.COMMA):
            both(corpus_catalog, files, date(2026, 1, 15), checking_only=checking_only, decimal=decimal)
    # with a decimal comma elsewhere in the file, "12.500" is twelve thousand five hundred
    comma = 'digital-enterprises,Hà Nội,2023-10-31,"49,5",enterprises,\n'
    path.write_text(text + comma, encoding="utf-8", newline="")
    both(corpus_catalog, files, date(2026, 1, 15))


@needs_fast
def test_the_plain_edge_rows_go_through_c(corpus_catalog: Catalog, tmp_path: Path) -> None:
    """The control for the edges: a plain value after the rows before them is read in C
    (so that the edges above do reach the C reader's own checks)."""
    path = tmp_path / "edge.csv"
    path.write_text(BEFORE + AFTER, encoding="utf-8", newline="")
    files = [InputFile(str(path), path)]
    _, without_edge = read(corpus_catalog, files, date(2026, 1, 15), fast=True)
    path.write_text(BEFORE + EDGE.format("51", "") + AFTER, encoding="utf-8", newline="")
    _, with_edge = read(corpus_catalog, files, date(2026, 1, 15), fast=True)
    assert with_edge == without_edge + 1


@needs_fast
def test_a_plain_row_goes_through_c_once_its_series_and_date_are_known(
    corpus_catalog: Catalog, tmp_path: Path
) -> None:
    path = tmp_path / "plain.csv"
    rows = [PLAIN.replace("2025-01-31", f"2025-{month:02d}-01") for month in range(1, 13)]
    path.write_text("target,entity,date,value,unit,source\n" + "".join(rows * 2), encoding="utf-8")
    files = [InputFile(str(path), path)]
    # the first twelve: a new date each (the first also a new series); the second twelve
    # in C, each a duplicate that the C reader gives back to the loop to report
    with_c, fast_rows = read(corpus_catalog, files, date(2026, 1, 15), fast=True)
    assert fast_rows == 0
    assert [f[0] for f in with_c["findings"]] == ["DX217"] * 12
    single = tmp_path / "single.csv"
    single.write_text("target,entity,date,value,unit,source\n" + PLAIN + "".join(rows[1:]), encoding="utf-8")
    both(corpus_catalog, [InputFile(str(single), single)], date(2026, 1, 15))


# --- 2. random files --------------------------------------------------------------------------------

TARGET_CELLS = [
    "online-public-services",
    "cash-payments",
    "data-center",
    '"cash-payments"',
    "Online-Public-Services",
    "nope",
]
ENTITY_CELLS = ["", "Hà Nội", '"Hà Nội"', "Ha Noi", "Đà Nẵng", "Tỉnh X", '"Tỉnh ""X"""']
DATE_CELLS = [
    "2024-01-01",
    "2024-06-30",
    "2025-01-31",
    "2025-02-28",
    "31/01/2025",
    "2026-02-01",
    "2025-13-01",
]
VALUE_CELLS = [
    "40",
    "80",
    "80.5",
    "12,5",
    "12.500",
    "1_0",
    "nan",
    "done",
    "not done",
    "-3",
    "+7.25",
    "",
    "1e2",
    "0.0001",
]
UNIT_CELLS = ["", "percent", "%", "phần trăm", "enterprises"]
SOURCE_CELLS = ["", "Sở TT&TT", '"a, b"', '"x ""y"""', '"two\nlines"']
ENDINGS = ["\n", "\r\n", "\r"]


@st.composite
def progress_file(draw: st.DrawFn) -> str:
    rows = draw(
        st.lists(
            st.tuples(
                st.sampled_from(TARGET_CELLS),
                st.sampled_from(ENTITY_CELLS),
                st.sampled_from(DATE_CELLS),
                st.sampled_from(VALUE_CELLS),
                st.sampled_from(UNIT_CELLS),
                st.sampled_from(SOURCE_CELLS),
                st.sampled_from(ENDINGS),
                st.sampled_from(["", "", "", ",extra", "\x00"]),
            ),
            min_size=1,
            max_size=40,
        )
    )
    lines = ["target,entity,date,value,unit,source\n"]
    for target, entity, day, value, unit, source, ending, odd in rows:
        lines.append(",".join((target, entity, day, value, unit, source)) + odd + ending)
    return "".join(lines)


@needs_fast
@examples(150)
@given(text=progress_file(), checking_only=st.booleans(), comma=st.booleans())
def test_random_files_read_the_same(
    corpus_catalog: Catalog,
    tmp_path_factory: pytest.TempPathFactory,
    text: str,
    checking_only: bool,
    comma: bool,
) -> None:
    path = tmp_path_factory.mktemp("random") / "random.csv"
    path.write_text(text, encoding="utf-8", newline="")
    note(repr(text))
    fast_rows = both(
        corpus_catalog,
        [InputFile(str(path), path)],
        date(2026, 1, 15),
        checking_only=checking_only,
        decimal=DecimalMark.COMMA if comma else None,
    )
    event("some rows in C" if fast_rows else "no row in C")


# --- 3. where it runs ------------------------------------------------------------------------------


def test_it_runs_only_beside_the_compiled_loop(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("DXCHECK_PURE_PYTHON", raising=False)
    monkeypatch.delenv("DXCHECK_NO_FAST_ROWS", raising=False)
    assert native.fast_rows(native.row_loop(pure=True)) is None  # the reference stays pure
    if FAST is None:
        pytest.skip(NOT_BUILT)
    assert native.fast_rows(LOOP) is FAST
    monkeypatch.setenv("DXCHECK_NO_FAST_ROWS", "1")
    assert native.fast_rows(LOOP) is None
    monkeypatch.delenv("DXCHECK_NO_FAST_ROWS")
    monkeypatch.setenv("DXCHECK_PURE_PYTHON", "1")
    assert native.fast_rows(LOOP) is None


@needs_fast
def test_a_build_older_than_its_source_is_not_used(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("DXCHECK_PURE_PYTHON", raising=False)
    monkeypatch.delenv("DXCHECK_NO_FAST_ROWS", raising=False)
    fastrows = importlib.import_module("dxcheck._fastrows")
    monkeypatch.setattr(fastrows, "COMPILED_FROM", "00000000-0")
    assert native.fast_rows(LOOP) is None


def test_the_build_is_from_this_source() -> None:
    hatch_build = importlib.import_module("tests.test_rowscan").load_hatch_build()
    assert REPO / hatch_build.FAST_ROWS == C_SOURCE
    try:
        fastrows = importlib.import_module("dxcheck._fastrows")
    except ImportError:
        pytest.skip(NOT_BUILT)
    assert native.source_checksum(C_SOURCE.read_bytes()) == fastrows.COMPILED_FROM


def test_installed_with_a_compiler_it_is_built() -> None:
    if os.environ.get("DXCHECK_NO_COMPILE"):
        pytest.skip("DXCHECK_NO_COMPILE is set: nothing is compiled")
    if not (shutil.which("cc") or shutil.which("gcc")):
        pytest.skip("no C compiler (cc or gcc): nothing is compiled")
    fastrows = importlib.import_module("dxcheck._fastrows")  # ImportError: not built
    assert native.source_checksum(C_SOURCE.read_bytes()) == fastrows.COMPILED_FROM, (
        "the C reader was built from another _fastrows.c: reinstall with `pip install -e .`"
    )


# --- 4. in halves --------------------------------------------------------------------------------


@needs_fast
@pytest.mark.parametrize("checking_only", [False, True], ids=["status", "validate"])
def test_a_file_read_in_halves_reads_the_same_with_and_without_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, checking_only: bool
) -> None:
    """The forked half makes its own reader (from the environment, as the whole does):
    both halves with it, and both without it, give the same series, exactly."""
    paths = generate(DataSpec(rows=6_000, seed=11), tmp_path)
    loaded = load_catalog(paths.catalog)
    assert loaded.catalog is not None, loaded.findings
    catalog = loaded.catalog
    runs = []
    for without in (False, True):
        if without:
            monkeypatch.setenv("DXCHECK_NO_FAST_ROWS", "1")
        else:
            monkeypatch.delenv("DXCHECK_NO_FAST_ROWS", raising=False)
        monkeypatch.delenv("DXCHECK_PURE_PYTHON", raising=False)
        index = ProgressIndex(
            catalog, date(2030, 1, 1), checking_only=checking_only, loop=LOOP, split_min_bytes=1
        )
        assert (index._fast_rows is None) is without
        sources = [InputFile(str(paths.csv), paths.csv)]
        read = snapshot(index, catalog, sources)
        assert index.read_in_halves == [str(paths.csv)]
        runs.append(read)
    assert_same(*runs)
