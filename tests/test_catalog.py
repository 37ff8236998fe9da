"""The catalog loader: example files with their expected findings, and the loaded model.

Each file in cases/catalog/bad/ starts with ``# expect: CODE LINE:COL words`` lines (or
``# expect: CODE words`` when there is no position): the loader must report exactly those
codes, at those positions, with those words in the message or hint. Files in
cases/catalog/good/ must load with no finding at all.
"""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest

from dxcheck.catalog import Direction, TargetType, load_catalog, parse_catalog

CASES = Path(__file__).parent / "cases" / "catalog"
EXPECT = re.compile(r"# expect: (DX\d{3})(?: (\d+):(\d+))? ?(.*)")


def expectations(path: Path) -> list[tuple[str, int | None, int | None, str]]:
    out = []
    for line in path.read_bytes().decode("utf-8", "replace").splitlines():
        m = EXPECT.match(line)
        if m:
            out.append((m[1], int(m[2]) if m[2] else None, int(m[3]) if m[3] else None, m[4].strip()))
    assert out, f"{path.name} has no '# expect:' line"
    return out


@pytest.mark.parametrize("path", sorted((CASES / "bad").glob("*.yaml")), ids=lambda p: p.stem)
def test_bad_catalog_reports_located_findings(path: Path) -> None:
    loaded = load_catalog(path)
    assert loaded.catalog is None
    found = [
        (f.code.id, f.location.line, f.location.column, f"{f.message} {f.hint or ''}")
        for f in loaded.findings
    ]
    expected = expectations(path)
    assert len(found) == len(expected), found
    for (code, line, col, words), (f_code, f_line, f_col, f_text) in zip(expected, found, strict=True):
        assert f_code == code, found
        if line is not None:
            assert (f_line, f_col) == (line, col), found
        assert words.lower() in f_text.lower(), found
    assert all(f.location.file == str(path) for f in loaded.findings)


@pytest.mark.parametrize("path", sorted((CASES / "good").glob("*.yaml")), ids=lambda p: p.stem)
def test_good_catalog_loads_cleanly(path: Path) -> None:
    loaded = load_catalog(path)
    assert loaded.findings == []
    assert loaded.catalog is not None


def test_loaded_model_resolves_due_dates_and_defaults() -> None:
    loaded = load_catalog(CASES / "good" / "every-key.yaml")
    assert loaded.catalog is not None
    targets = loaded.catalog.by_id()
    assert targets["full"].due == date(2025, 12, 31)
    assert targets["later"].due == date(2026, 1, 15)
    assert targets["m"].due is None
    assert targets["m"].type is TargetType.MILESTONE
    assert targets["later"].direction is Direction.AT_LEAST
    assert targets["full"].baseline is not None and targets["full"].baseline.value == 40
    # a deadline that names a catalog event: its date; an event with no date yet: none
    assert targets["session"].due == date(2025, 6, 27)
    assert targets["undated"].due is None


def test_all_problems_reported_in_one_run() -> None:
    raw = b"""version: 1
targets:
  - id: a
    titel: A
    target: 1
  - id: b
    title: B
    deadline: someday
    target: 1
  - id: a
    title: C
    target: x
"""
    loaded = parse_catalog(raw, "many.yaml")
    codes = sorted(f.code.id for f in loaded.findings)
    assert codes == ["DX103", "DX105", "DX107"], loaded.findings


def test_missing_file_and_directory(tmp_path: Path) -> None:
    missing = load_catalog(tmp_path / "nope.yaml")
    assert [f.code.id for f in missing.findings] == ["DX100"]
    assert "no such file" in missing.findings[0].message
    directory = load_catalog(tmp_path)
    assert "directory" in directory.findings[0].message


def test_empty_document() -> None:
    loaded = parse_catalog(b"", "empty.yaml")
    assert [f.code.id for f in loaded.findings] == ["DX105"]
    assert "empty document" in loaded.findings[0].message
