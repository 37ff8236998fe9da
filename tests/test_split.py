"""A file read in two halves at once (dxcheck.split) gives what reading it in one piece gives.

Files of 32 MiB and more are read that way; here the threshold is lowered to one byte so
that generated data and every file of the hostile CSV corpus go through it. Everything
must be equal, except the last bits of the trend sums: the halves add their rows in a
different order (floating-point addition is not associative), so those compare within
1e-12, and the result of a split read is the same on every run and every machine.
"""

from __future__ import annotations

import dataclasses
import math
import os
import platform
import sys
from datetime import date
from pathlib import Path

import pytest
from bench.generate import DataSpec, Generated, generate
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dxcheck.catalog import Catalog, load_catalog
from dxcheck.evaluate import evaluate
from dxcheck.findings import Finding, FindingSink
from dxcheck.progress import InputFile, ProgressIndex, SeriesSummary, halves
from dxcheck.split import cut_point
from dxcheck.trend import FitSums
from tests.conftest import DATA
from tests.test_fuzz import any_csv_bytes, sheets, write_sheet

CASES = Path(__file__).parent / "cases" / "csv"
CORPUS = sorted(p for p in CASES.rglob("*") if p.is_file() and p.suffix not in (".toml", ".py"))
AS_OF = date(2030, 1, 1)
NO_FIT = FitSums(0, 0, 0.0, 0, 0.0)


@dataclasses.dataclass
class Read:
    index: ProgressIndex
    findings: list[Finding]


def read(catalog: Catalog, paths: list[Path], *, split: bool, checking_only: bool = False) -> Read:
    index = ProgressIndex(catalog, AS_OF, checking_only=checking_only, split_min_bytes=1 if split else None)
    sink = FindingSink()
    sources = [InputFile(str(p), p) for p in paths]
    for source in sources:
        index.read(source, sink)
    index.resolve_duplicates(sources, sink)
    return Read(index, sink.close())


def series_of(catalog: Catalog, index: ProgressIndex) -> dict[str, list[SeriesSummary]]:
    return {t.id: sorted(index.series(t.id), key=lambda s: s.entity or "") for t in catalog.targets}


def assert_same_series(catalog: Catalog, whole: ProgressIndex, halves: ProgressIndex) -> None:
    one, two = series_of(catalog, whole), series_of(catalog, halves)
    assert one.keys() == two.keys()
    for target_id in one:
        assert len(one[target_id]) == len(two[target_id]), target_id
        for a, b in zip(one[target_id], two[target_id], strict=True):
            assert a._replace(fit=NO_FIT) == b._replace(fit=NO_FIT), target_id
            assert b.fit == pytest.approx(a.fit, rel=1e-12, abs=1e-9), (target_id, a.entity)


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> Generated:
    return generate(DataSpec(rows=40_000, seed=7), out_dir=tmp_path_factory.mktemp("bench"))


@pytest.fixture(scope="module")
def bench_catalog(generated: Generated) -> Catalog:
    loaded = load_catalog(generated.catalog)
    assert loaded.catalog is not None, loaded.findings
    return loaded.catalog


@pytest.fixture(scope="module")
def corpus_catalog() -> Catalog:
    loaded = load_catalog(DATA / "catalog.yaml")
    assert loaded.catalog is not None, loaded.findings
    return loaded.catalog


@pytest.mark.parametrize("checking_only", [False, True], ids=["status", "validate"])
def test_generated_data_in_halves_equals_one_piece(
    generated: Generated, bench_catalog: Catalog, checking_only: bool
) -> None:
    whole = read(bench_catalog, [generated.csv], split=False, checking_only=checking_only)
    halves = read(bench_catalog, [generated.csv], split=True, checking_only=checking_only)
    assert halves.index.read_in_halves == [str(generated.csv)]
    assert whole.index.read_in_halves == []
    assert halves.findings == whole.findings
    assert_same_series(bench_catalog, whole.index, halves.index)
    if not checking_only:
        one, _ = evaluate(bench_catalog, whole.index, AS_OF)
        two, _ = evaluate(bench_catalog, halves.index, AS_OF)
        assert [(r.target.id, r.entity, r.status, r.late, r.trend.outlook) for r in two] == [
            (r.target.id, r.entity, r.status, r.late, r.trend.outlook) for r in one
        ]


def test_two_files_in_halves_equal_one_piece(
    generated: Generated, bench_catalog: Catalog, tmp_path: Path
) -> None:
    """The second file's halves merge into series the first file started."""
    lines = generated.csv.read_text(encoding="utf-8").splitlines(keepends=True)
    middle = len(lines) // 2
    first, second = tmp_path / "first.csv", tmp_path / "second.csv"
    first.write_text("".join(lines[:middle]), encoding="utf-8")
    second.write_text(lines[0] + "".join(lines[middle:]), encoding="utf-8")
    whole = read(bench_catalog, [first, second], split=False)
    halves = read(bench_catalog, [first, second], split=True)
    assert halves.index.read_in_halves == [str(first), str(second)]
    assert halves.findings == whole.findings
    assert_same_series(bench_catalog, whole.index, halves.index)


@pytest.mark.parametrize("path", CORPUS, ids=lambda p: str(p.relative_to(CASES)))
def test_corpus_file_in_halves_equals_one_piece(path: Path, corpus_catalog: Catalog) -> None:
    whole = read(corpus_catalog, [path], split=False)
    halves = read(corpus_catalog, [path], split=True)
    assert halves.findings == whole.findings
    assert_same_series(corpus_catalog, whole.index, halves.index)


def test_a_duplicate_across_the_halves_is_found_row_by_row(corpus_catalog: Catalog, tmp_path: Path) -> None:
    rows = [f"online-public-services,Tỉnh {i},2025-06-30,{i % 90}\n" for i in range(400)]
    path = tmp_path / "dup.csv"
    # the first and the last row are the same observation
    path.write_text("target,entity,date,value\n" + "".join(rows) + rows[0], encoding="utf-8")
    whole = read(corpus_catalog, [path], split=True)
    assert whole.index.read_in_halves == []  # the halves overlap: read again in one piece
    serial = read(corpus_catalog, [path], split=False)
    assert [f.code.id for f in whole.findings] == ["DX217"]
    assert whole.findings == serial.findings
    assert whole.findings[0].location.line == 2


def test_a_quoted_cell_over_the_cut_is_read_in_one_piece(corpus_catalog: Catalog, tmp_path: Path) -> None:
    head = "target,entity,date,value,unit,source\n"
    body = "".join(f"online-public-services,Tỉnh {i},2025-06-30,{i % 90},%,\n" for i in range(200))
    # A cell spanning many lines, with a quote count that looks even at every line end.
    spanning = 'online-public-services,Tỉnh X,2025-06-30,50,%,"' + 'a ""b"" c\n' * 200 + '"\n'
    path = tmp_path / "spanning.csv"
    path.write_text(head + body + spanning + body.replace("Tỉnh", "Xã"), encoding="utf-8")
    size = path.stat().st_size
    cut = cut_point(path, size, minimum=1)
    assert cut is not None
    halves = read(corpus_catalog, [path], split=True)
    whole = read(corpus_catalog, [path], split=False)
    assert halves.findings == whole.findings == []
    assert_same_series(corpus_catalog, whole.index, halves.index)


def test_a_cut_inside_a_quoted_cell_goes_on_from_that_row(corpus_catalog: Catalog, tmp_path: Path) -> None:
    """A literal quote in an unquoted cell makes the quote count odd: the cut then falls
    inside the long quoted cell below; the first half ends inside it, and the reading goes
    on in one piece from the row that holds it."""
    head = "target,entity,date,value,unit,source\n"
    odd = 'online-public-services,Tỉnh 5" A,2025-06-30,10,%,\n'
    spanning = 'online-public-services,Tỉnh X,2025-06-30,50,%,"' + "line\n" * 400 + '"\n'
    tail = "".join(f"online-public-services,Xã {i},2025-06-30,{i % 90},%,\n" for i in range(20))
    path = tmp_path / "open-at-cut.csv"
    path.write_text(head + odd + spanning + tail, encoding="utf-8")
    cut = cut_point(path, path.stat().st_size, minimum=1)
    assert cut is not None
    assert 200 < cut < path.stat().st_size - 200  # inside the spanning cell
    halves = read(corpus_catalog, [path], split=True)
    whole = read(corpus_catalog, [path], split=False)
    assert halves.index.read_in_halves == []
    assert halves.findings == whole.findings == []
    assert_same_series(corpus_catalog, whole.index, halves.index)
    (national_x,) = (s for s in halves.index.series("online-public-services") if s.entity == "Tỉnh X")
    assert national_x.latest is not None and national_x.latest.line == 3


def test_a_malformed_row_in_the_first_half_ends_the_reading(corpus_catalog: Catalog, tmp_path: Path) -> None:
    rows = [f"online-public-services,Tỉnh {i},2025-06-30,{i % 90}\n" for i in range(300)]
    rows[10] = 'online-public-services,"Tỉnh"x,2025-06-30,5\n'
    path = tmp_path / "malformed.csv"
    path.write_text("target,entity,date,value\n" + "".join(rows), encoding="utf-8")
    halves = read(corpus_catalog, [path], split=True)
    whole = read(corpus_catalog, [path], split=False)
    assert [f.code.id for f in halves.findings] == ["DX206"]
    assert halves.findings == whole.findings
    assert_same_series(corpus_catalog, whole.index, halves.index)


def test_a_cut_before_the_header_reads_in_one_piece(corpus_catalog: Catalog, tmp_path: Path) -> None:
    """Blank lines (and rows of empty cells) before the header, more than half the file."""
    path = tmp_path / "late-header.csv"
    path.write_text(",,,\n" * 200 + "target,entity,date,value\nonline-public-services,,2025-06-30,40\n")
    halves = read(corpus_catalog, [path], split=True)
    whole = read(corpus_catalog, [path], split=False)
    assert halves.index.read_in_halves == []
    assert halves.findings == whole.findings == []
    assert_same_series(corpus_catalog, whole.index, halves.index)


def test_without_fork_the_halves_run_one_after_the_other(
    generated: Generated, bench_catalog: Catalog, monkeypatch: pytest.MonkeyPatch
) -> None:
    forked = read(bench_catalog, [generated.csv], split=True)
    monkeypatch.delattr(os, "fork")
    in_turn = read(bench_catalog, [generated.csv], split=True)
    assert in_turn.index.read_in_halves == [str(generated.csv)]
    assert in_turn.findings == forked.findings
    # the same cut, the same merge: exactly the same numbers, last bits included
    assert series_of(bench_catalog, in_turn.index) == series_of(bench_catalog, forked.index)


def test_a_failing_second_half_falls_back_to_one_piece(
    generated: Generated, bench_catalog: Catalog, monkeypatch: pytest.MonkeyPatch
) -> None:
    original = halves.read_half

    def failing(half: ProgressIndex, path: Path, start: int, *args: object, **kwargs: object) -> object:
        if start > 0:
            raise RuntimeError("the second half fails")
        return original(half, path, start, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(halves, "read_half", failing)
    fallen = read(bench_catalog, [generated.csv], split=True)
    assert fallen.index.read_in_halves == []  # the second half was read here instead
    whole = read(bench_catalog, [generated.csv], split=False)
    assert fallen.findings == whole.findings
    assert_same_series(bench_catalog, whole.index, fallen.index)


def test_a_duplicate_of_an_earlier_file_in_the_first_half(corpus_catalog: Catalog, tmp_path: Path) -> None:
    head = "target,entity,date,value\n"
    rows = [f"online-public-services,Tỉnh {i},2025-06-30,{i % 90}\n" for i in range(300)]
    first, second = tmp_path / "a.csv", tmp_path / "b.csv"
    first.write_text(head + rows[0] + rows[1], encoding="utf-8")
    second.write_text(head + "".join(rows[1:]), encoding="utf-8")  # rows[1] again, at the top
    halves = read(corpus_catalog, [first, second], split=True)
    whole = read(corpus_catalog, [first, second], split=False)
    assert [f.code.id for f in halves.findings] == ["DX217"]
    assert halves.findings == whole.findings
    assert_same_series(corpus_catalog, whole.index, halves.index)


def test_the_cut_leads_half_way_by_a_25th_of_the_file_at_most_4_mib(tmp_path: Path) -> None:
    """The first half is the longer: the second half's process still has its series to
    send back once read."""
    lines = tmp_path / "lines.csv"
    lines.write_bytes((b"x" * 99 + b"\n") * 100)
    assert cut_point(lines, 10_000, minimum=1) == 5_500  # past 5,000 + 400, at the next line end
    mib = 1 << 20
    sparse = tmp_path / "sparse.csv"  # 200 MiB, nearly all holes: line ends past and before the lead
    with sparse.open("wb") as handle:
        handle.truncate(200 * mib)
        for at in (100 * mib + 10, 104 * mib + 10):
            handle.seek(at)
            handle.write(b"\n")
    assert cut_point(sparse, 200 * mib, minimum=1) == 104 * mib + 11


def test_the_cut_is_outside_quotes_and_after_a_line_end(tmp_path: Path) -> None:
    path = tmp_path / "q.csv"
    path.write_bytes(b'a,b\n1,"x\n' + b"y\n" * 50 + b'"\n' + b"2,z\n" * 50)
    size = path.stat().st_size
    cut = cut_point(path, size, minimum=1)
    assert cut is not None
    data = path.read_bytes()
    assert data[cut - 1 : cut] == b"\n"
    assert data[:cut].count(b'"') % 2 == 0
    assert cut_point(path, size, minimum=size + 1) is None
    cr_only = tmp_path / "cr.csv"
    cr_only.write_bytes(b"a,b\r" + b"1,2\r" * 100)
    assert cut_point(cr_only, cr_only.stat().st_size, minimum=1) is None


# --- any input: the fuzzers' generators, read both ways ------------------------------------------


@settings(suppress_health_check=[HealthCheck.function_scoped_fixture])  # examples: the ci/fuzz profile
@given(data=st.one_of(any_csv_bytes, sheets().map(lambda sheet: write_sheet(sheet).data)))
def test_any_input_in_halves_equals_one_piece(data: bytes, corpus_catalog: Catalog, tmp_path: Path) -> None:
    path = tmp_path / "any.csv"
    path.write_bytes(data)
    whole = read(corpus_catalog, [path], split=False)
    halves = read(corpus_catalog, [path], split=True)
    assert halves.findings == whole.findings
    assert_same_series(corpus_catalog, whole.index, halves.index)


def test_sources_are_shared_before_the_halves_merge() -> None:
    """One string a distinct source cell (memory at commune scale), the values unchanged."""
    loaded = load_catalog(DATA / "catalog.yaml")
    assert loaded.catalog is not None
    from dxcheck.native import row_loop
    from dxcheck.progress.store import SeriesStore

    store = SeriesStore(loaded.catalog, record=frozenset(), loop=row_loop())
    slot = store.slots["online-public-services"]
    cut_from = "Sở Thông tin và Truyền thông Hà Nội, báo cáo quý"
    first, second, third = (slot.kind.new(name) for name in ("A", "B", "C"))
    first.source, second.source = cut_from[:41], "".join(cut_from[:41])  # equal, not one object
    third.source = ""
    assert first.source is not second.source
    store.share_sources()
    assert first.source is second.source and first.source == cut_from[:41] and third.source == ""


@pytest.mark.parametrize("pure", [False, True], ids=["compiled", "source"])
def test_a_half_sends_its_numbers_as_arrays_and_merges_them_exactly(pure: bool) -> None:
    """A half's numeric columns travel as typed arrays (the peak memory at commune scale);
    merged, they give exactly the state the lists gave, floats to the bit, and a sum too
    large for 64 bits keeps its column a list instead of failing or wrapping around."""
    from array import array

    from dxcheck.native import row_loop
    from dxcheck.progress.store import SeriesStore

    loaded = load_catalog(DATA / "catalog.yaml")
    assert loaded.catalog is not None
    loop = row_loop(pure=pure)
    store = SeriesStore(loaded.catalog, record=frozenset(), loop=loop)
    slot = store.slots["online-public-services"]
    sent = slot.kind.new("A")
    sent.count, sent.seen, sent.latest, sent.value, sent.line, sent.source = 2, 0b11, 5 << 16, -0.0, 7, "x"
    sent.n, sent.st, sent.sy, sent.stt, sent.sty = 2, 11, 0.1 + 0.2, 1 << 70, 1e308
    sent.ylo, sent.yhi = -0.0, 0.30000000000000004
    columns = loop.state_columns([sent], True)
    assert isinstance(columns[5], array) and isinstance(columns[14], array)  # value, sy
    assert isinstance(columns[15], list)  # stt: beyond 64 bits
    loop.merge_all(slot.kind, ["B"], columns, [0b11], {0: 0, 1: 1}, 100)  # a new series
    got = slot.series["B"]
    assert (got.count, got.latest, got.line, got.source, got.n, got.st, got.stt) == (
        2,
        5 << 16,
        107,
        "x",
        2,
        11,
        1 << 70,
    )
    assert [math.copysign(1, v) for v in (got.value, got.ylo)] == [-1, -1]  # -0.0 kept
    assert (got.sy, got.sty, got.yhi) == (0.1 + 0.2, 1e308, 0.30000000000000004)


class _BreaksWhilePickled:
    """Pickles as a call that raises: the child fails after sending part of its result."""

    def __reduce__(self) -> tuple[object, tuple[object, ...]]:
        raise OSError("no space left on device")


@pytest.mark.skipif(not hasattr(os, "fork"), reason="a second process needs fork")
def test_a_result_cut_off_in_the_pipe_is_no_result() -> None:
    """The child pickles its result into the pipe as it goes (``split.Beside``): when it
    fails partway, after megabytes have gone through, the caller gets None (and does
    the work itself), never a truncated value."""
    from dxcheck.split import Beside

    big = [f"{i:0100d}" for i in range(200_000)]  # some 20 MB of frames before the failure
    assert Beside(lambda: [big, _BreaksWhilePickled()]).result() is None
    assert Beside(lambda: [big, 1]).result() == [big, 1]


def _resident_bytes() -> int:
    resident_pages = int(Path("/proc/self/statm").read_text(encoding="ascii").split()[1])
    return resident_pages * os.sysconf("SC_PAGE_SIZE")


@pytest.mark.skipif(
    not sys.platform.startswith("linux") or platform.libc_ver()[0] != "glibc", reason="glibc's malloc_trim"
)
def test_trim_heap_gives_memory_freed_below_the_top_back() -> None:
    """What a merged half leaves: some 60 MiB of freed columns that glibc keeps, because
    something still in use lies above them in its heap; ``trim_heap`` returns them."""
    from dxcheck.split import trim_heap

    before = _resident_bytes()
    columns = [bytearray(27_000) for _ in range(2_400)]  # malloc'd, like an array column
    for column in columns:
        column[::4096] = b"x" * len(column[::4096])  # touched: resident
    above = bytearray(27_000)  # still in use, above them
    del columns
    held = _resident_bytes() - before
    if held < 40 * 2**20:
        pytest.skip("this malloc gave the memory back by itself")
    assert trim_heap() is True
    assert _resident_bytes() - before < held - 40 * 2**20
    assert len(above) == 27_000


def test_a_half_is_let_go_and_its_memory_given_back_on_either_path(
    corpus_catalog: Catalog, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """After the merge, and before the rest is read here when the merge is refused (the
    half's columns are of no use then, and were held while the rest was read)."""
    from dxcheck import split

    trimmed: list[bool] = []

    def trim_heap() -> bool:
        trimmed.append(True)
        return True

    monkeypatch.setattr(split, "trim_heap", trim_heap)
    rows = [f"online-public-services,Tỉnh {i},2025-06-30,{i % 90}\n" for i in range(400)]
    merged = tmp_path / "merged.csv"
    merged.write_text("target,entity,date,value\n" + "".join(rows), encoding="utf-8")
    assert read(corpus_catalog, [merged], split=True).index.read_in_halves == [str(merged)]
    assert trimmed == [True]
    refused = tmp_path / "refused.csv"
    refused.write_text("target,entity,date,value\n" + "".join(rows) + rows[0], encoding="utf-8")
    assert read(corpus_catalog, [refused], split=True).index.read_in_halves == []
    assert trimmed == [True, True]
