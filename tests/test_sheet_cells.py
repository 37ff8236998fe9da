"""A finding about a CSV cell names it as a person finds it in a spreadsheet: the row, the
column's header and its letter (issue 13). The spreadsheet row is the line, less the
extra lines of earlier rows whose quoted cells span lines, however the file is read:
compiled loop or not, in one piece or in halves, or a row read again at the end."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from types import ModuleType

import pytest

from dxcheck.catalog import Catalog, load_catalog
from dxcheck.findings import Code, Finding, FindingSink, Location, column_letter
from dxcheck.formats.diagnostics import format_finding
from dxcheck.progress import InputFile, ProgressIndex
from tests.conftest import DATA
from tests.test_rowscan import LOOPS

HEAD = "target,entity,date,value,unit,source\n"
# A row over three lines (two quoted cells with a line break each): one spreadsheet row.
SPANNING = 'online-public-services,"Đà\nNẵng",2025-01-01,40,percent,"report\nB"\n'


@pytest.fixture(scope="module")
def catalog() -> Catalog:
    loaded = load_catalog(DATA / "catalog.yaml")
    assert loaded.catalog is not None, loaded.findings
    return loaded.catalog


def read(
    catalog: Catalog, path: Path, *, loop: ModuleType | None = None, split: bool = False
) -> list[Finding]:
    index = ProgressIndex(catalog, date(2030, 1, 1), loop=loop, split_min_bytes=1 if split else None)
    sink = FindingSink()
    index.read(InputFile(str(path), path), sink)
    return sink.close()


@pytest.mark.parametrize(
    ("number", "letters"),
    [
        (1, "A"),
        (2, "B"),
        (26, "Z"),
        (27, "AA"),
        (52, "AZ"),
        (53, "BA"),
        (702, "ZZ"),
        (703, "AAA"),
        (16384, "XFD"),
    ],
)
def test_column_letters_count_like_a_spreadsheet(number: int, letters: str) -> None:
    assert column_letter(number) == letters


def test_there_is_no_column_zero() -> None:
    with pytest.raises(ValueError):
        column_letter(0)


def test_the_issue_example_line() -> None:
    where = Location("data/bad.csv", 3, 31, field=2, header="date", row=3)
    found = Finding(Code.AMBIGUOUS_DATE, where, {"text": "03/04/2025"}, text="03/04/2025")
    assert format_finding(found).splitlines()[0] == (
        "data/bad.csv:3:31: DX212 error: ambiguous date '03/04/2025': day and month could be either way"
        ' (row 3, column "date", C)'
    )


def test_a_finding_not_about_a_cell_is_unchanged() -> None:
    found = Finding(Code.FIELD_COUNT, Location("a.csv", 4), {"found": 3, "expected": 4})
    assert found.located_message == found.message
    assert Location("a.csv", 4).cell is None


@pytest.mark.parametrize("loop", LOOPS)
def test_rows_spanning_lines_are_one_spreadsheet_row(
    catalog: Catalog, tmp_path: Path, loop: ModuleType
) -> None:
    path = tmp_path / "bad.csv"
    path.write_text(
        HEAD
        + "online-public-services,Hà Nội,2025-01-01,50,percent,a\n"  # line 2, row 2
        + SPANNING  # lines 3-5, row 3
        + SPANNING.replace("Đà", "Huế").replace("40", "abc")  # lines 6-8, row 4: a bad value on line 7
        + "online-public-services,Huế,05/06/2025,40,percent,b\n",  # line 9, row 5
        encoding="utf-8",
    )
    cells = [(f.code.id, f.location.line, f.location.cell) for f in read(catalog, path, loop=loop)]
    assert cells == [
        ("DX213", 7, 'row 4, column "value", D'),
        ("DX212", 9, 'row 5, column "date", C'),
    ]


@pytest.mark.parametrize("loop", LOOPS)
def test_a_cell_on_a_later_line_of_its_row(catalog: Catalog, tmp_path: Path, loop: ModuleType) -> None:
    """The location points at the cell's own line; the row is the row's."""
    path = tmp_path / "bad.csv"
    path.write_text(
        HEAD + SPANNING + 'online-public-services,"Hà\nNội",2025-01-01,40,km,"x"\n', encoding="utf-8"
    )
    (found,) = read(catalog, path, loop=loop)
    assert (found.code, found.location.line, found.location.cell) == (
        Code.UNIT_MISMATCH,
        6,
        'row 3, column "unit", E',
    )


def test_a_number_read_again_at_the_end_keeps_its_row(catalog: Catalog, tmp_path: Path) -> None:
    """ "12.500" waits for the file's decimal mark and is read again after the last row."""
    path = tmp_path / "bad.csv"
    path.write_text(HEAD + SPANNING + "digital-enterprises,Huế,2025-01-01,12.500,,b\n", encoding="utf-8")
    (found,) = read(catalog, path)
    assert (found.code, found.location.line, found.location.cell) == (
        Code.INVALID_NUMBER,
        5,
        'row 3, column "value", D',
    )


def test_header_cells_are_named_too(catalog: Catalog, tmp_path: Path) -> None:
    path = tmp_path / "bad.csv"
    path.write_text("\ufefftarget,entity,date,value,colour\n", encoding="utf-8")
    found = [f for f in read(catalog, path) if f.code is Code.UNKNOWN_COLUMN]
    assert [f.location.cell for f in found] == ['row 1, column "colour", E']


def test_halves_count_rows_from_the_start_of_the_file(catalog: Catalog, tmp_path: Path) -> None:
    rows = [f"online-public-services,Tỉnh {i},2025-06-30,{i % 90},percent,\n" for i in range(300)]
    spanning = [SPANNING.replace("Đà", f"Xã {i}") for i in range(100)]
    bad = "online-public-services,Huế,2025-06-31,40,percent,b\n"
    path = tmp_path / "big.csv"
    path.write_text(HEAD + "".join(spanning) + "".join(rows) + bad + "".join(rows).replace("Tỉnh", "Xã"))
    whole = read(catalog, path)
    halves = ProgressIndex(catalog, date(2030, 1, 1), split_min_bytes=1)
    sink = FindingSink()
    halves.read(InputFile(str(path), path), sink)
    assert halves.read_in_halves == [str(path)]
    assert sink.close() == whole
    (found,) = whole
    assert found.location.line == 1 + 300 + 300 + 1
    assert found.location.cell == f'row {1 + 100 + 300 + 1}, column "date", C'
