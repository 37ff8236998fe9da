"""What dxcheck writes: never over a file the run reads or depends on (DX302), never over
a filled-in template without --force (DX304), and on bad input still the reports and a
machine-readable stdout that CI asked for."""

from __future__ import annotations

import json
import os
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path

import pytest

from dxcheck import DATA_DIR
from tests.conftest import DATA, REPO, Run, write

CATALOG_TEXT = (DATA / "catalog.yaml").read_text(encoding="utf-8")
PROGRESS_TEXT = (DATA / "progress.csv").read_text(encoding="utf-8")


@pytest.fixture
def workdir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A data folder: a catalog and a CSV, a symlink to the catalog, a hard link to the CSV."""
    write(tmp_path / "cat.yaml", CATALOG_TEXT)
    write(tmp_path / "data" / "p.csv", PROGRESS_TEXT)
    (tmp_path / "link.yaml").symlink_to("cat.yaml")
    os.link(tmp_path / "data" / "p.csv", tmp_path / "hard.csv")
    monkeypatch.chdir(tmp_path)
    return tmp_path


@pytest.fixture
def bundled_untouched() -> Iterator[None]:
    """The bundled data must come out of the test byte for byte; if it does not, it is put
    back (so a regression cannot damage the checkout) and the test fails."""
    before = {p: p.read_bytes() for p in DATA_DIR.iterdir() if p.is_file()}
    yield
    damaged = [p for p, raw in before.items() if p.read_bytes() != raw]
    for path in damaged:
        path.write_bytes(before[path])
    assert not damaged, f"bundled data overwritten: {damaged}"


def _snapshot(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.mark.parametrize(
    ("args", "what"),
    [
        (("status", "data/p.csv", "-t", "cat.yaml", "--report", "json:cat.yaml"), "the catalog"),
        (("status", "data/p.csv", "-t", "link.yaml", "--report", "json:cat.yaml"), "the catalog"),
        (("status", "data/p.csv", "-t", "cat.yaml", "--report", "junit:link.yaml"), "the catalog"),
        (("status", "data/p.csv", "-t", "cat.yaml", "--report", "json:hard.csv"), "an input CSV"),
        (("status", "data/*.csv", "-t", "cat.yaml", "--report", "csv:data/p.csv"), "an input CSV"),
        (("validate", "data/p.csv", "-t", "cat.yaml", "--report", "json:cat.yaml"), "the catalog"),
        (("validate", "data/p.csv", "-t", "cat.yaml", "--report", "markdown:hard.csv"), "an input CSV"),
        (("deadlines", "data/p.csv", "-t", "cat.yaml", "-o", "data/p.csv"), "an input CSV"),
        (("deadlines", "data/p.csv", "-t", "link.yaml", "-o", "cat.yaml"), "the catalog"),
        (("template", "-t", "cat.yaml", "-o", "cat.yaml", "--force"), "the catalog"),
        (("template", "-t", "cat.yaml", "-o", "link.yaml", "--force"), "the catalog"),
    ],
)
def test_no_output_replaces_a_file_the_run_reads(
    run_cli: Run, workdir: Path, args: tuple[str, ...], what: str
) -> None:
    before = _snapshot(workdir)
    result = run_cli(*args, "--as-of", "2025-07-01")
    assert result.exit_code == 2
    assert f"DX302 error: refusing to overwrite {what}\n" in result.stderr
    assert _snapshot(workdir) == before


def test_the_local_catalog_is_protected(run_cli: Run, workdir: Path) -> None:
    """./targets.yaml is the catalog when no --targets is given: no output replaces it."""
    write(workdir / "targets.yaml", CATALOG_TEXT)
    before = _snapshot(workdir)
    for args in (
        ("status", "data/p.csv", "--as-of", "2025-07-01", "--report", "json:targets.yaml"),
        ("schema", "catalog", "-o", "targets.yaml"),
        ("template", "-o", "targets.yaml", "--force"),
        ("deadlines", "data/p.csv", "-o", "./targets.yaml"),
    ):
        result = run_cli(*args)
        assert result.exit_code == 2, args
        assert "DX302 error: refusing to overwrite the catalog" in result.stderr, args
        assert result.stdout == "", args
    assert _snapshot(workdir) == before


@pytest.mark.usefixtures("bundled_untouched")
def test_the_repository_catalog_link_is_protected(run_cli: Run, monkeypatch: pytest.MonkeyPatch) -> None:
    """In the repository, ./targets.yaml is a symlink to the bundled catalog: a report
    named targets.yaml used to be written through it into the package."""
    monkeypatch.chdir(REPO)
    assert (REPO / "targets.yaml").is_symlink()
    result = run_cli("status", "--as-of", "2026-01-15", "--report", "json:targets.yaml")
    assert result.exit_code == 2
    assert "targets.yaml: DX302 error: refusing to overwrite the catalog\n" in result.stderr


@pytest.mark.usefixtures("bundled_untouched")
@pytest.mark.parametrize(
    "args",
    [
        ("schema", "catalog", "-o", str(DATA_DIR / "targets.yaml")),
        ("template", "-o", str(DATA_DIR / "sample-progress.csv"), "--force"),
        ("status", "data/p.csv", "-t", "cat.yaml", "--report", f"csv:{DATA_DIR / 'sample-progress.csv'}"),
        ("validate", "data/p.csv", "-t", "cat.yaml", "--report", f"json:{DATA_DIR / 'targets.yaml'}"),
        ("deadlines", "data/p.csv", "-t", "cat.yaml", "-o", str(DATA_DIR / "targets.yaml")),
    ],
)
def test_the_bundled_data_is_protected(run_cli: Run, workdir: Path, args: tuple[str, ...]) -> None:
    result = run_cli(*args)
    assert result.exit_code == 2
    assert "DX302 error: refusing to overwrite dxcheck's bundled data" in result.stderr


def test_template_never_replaces_a_file_without_force(run_cli: Run, workdir: Path) -> None:
    first = run_cli("template", "-t", "cat.yaml", "-o", "out/template.csv", "--entity", "Hà Nội")
    assert (first.exit_code, first.stderr) == (0, "dxcheck: wrote out/template.csv\n")
    filled = workdir / "out" / "template.csv"
    filled.write_text(filled.read_text(encoding="utf-8").replace(",,,", ",2025-06-30,87,"), encoding="utf-8")
    before = filled.read_bytes()
    again = run_cli("template", "-t", "cat.yaml", "-o", "out/template.csv")
    assert again.exit_code == 2
    assert again.stderr == (
        "out/template.csv: DX304 error: refusing to replace existing file\n    hint: pass --force to replace it\n"
    )
    assert filled.read_bytes() == before
    forced = run_cli("template", "-t", "cat.yaml", "-o", "out/template.csv", "--force")
    assert forced.exit_code == 0
    assert filled.read_bytes() != before and filled.read_text(encoding="utf-8-sig").startswith("target,")


def test_other_outputs_still_replace_their_own_files(run_cli: Run, workdir: Path) -> None:
    """Reports and schemas are regenerated on every run: they replace an old copy."""
    write(workdir / "out" / "report.json", "old")
    write(workdir / "out" / "catalog.schema.json", "old")
    status = run_cli("status", "data/p.csv", "-t", "cat.yaml", "-q", "--report", "json:out/report.json")
    assert status.exit_code == 1
    assert json.loads((workdir / "out" / "report.json").read_text(encoding="utf-8"))["kind"] == "status"
    schema = run_cli("schema", "catalog", "-o", "out/catalog.schema.json")
    assert schema.exit_code == 0
    assert json.loads((workdir / "out" / "catalog.schema.json").read_text(encoding="utf-8"))["$schema"]


# --- bad input still leaves CI something to show ------------------------------------------

BAD_ROW = "target,date,value\nonlin-public-services,2025-01-01,5\n"


def _bad(workdir: Path) -> tuple[str, ...]:
    write(workdir / "bad.csv", BAD_ROW)
    return ("status", "bad.csv", "-t", "cat.yaml", "--as-of", "2025-07-01")


def test_bad_input_json_carries_the_problems(run_cli: Run, workdir: Path) -> None:
    result = run_cli(*_bad(workdir), "-f", "json")
    assert result.exit_code == 2
    doc = json.loads(result.stdout)
    assert (doc["kind"], doc["passed"], doc["errors"]) == ("validation", False, 1)
    assert doc["files"] == ["cat.yaml", "bad.csv"]
    [problem] = doc["problems"]
    assert (problem["code"], problem["file"], problem["line"], problem["column"]) == (
        "DX210",
        "bad.csv",
        2,
        1,
    )
    assert "bad.csv:2:1: DX210 error" in result.stderr  # people still read it on stderr


def test_bad_input_github_annotates_the_line(run_cli: Run, workdir: Path) -> None:
    result = run_cli(*_bad(workdir), "-f", "github")
    assert result.exit_code == 2
    assert result.stdout.startswith(
        "::error file=bad.csv,line=2,col=1,title=DX210::unknown target 'onlin-public-services' "
        "(row 2, column \"target\", A) (did you mean 'online-public-services'?)\n"
    )


@pytest.mark.parametrize("fmt", ["jsonl", "csv", "junit", "markdown"])
def test_bad_input_every_machine_format_carries_the_problems(run_cli: Run, workdir: Path, fmt: str) -> None:
    result = run_cli(*_bad(workdir), "-f", fmt)
    assert result.exit_code == 2
    assert "DX210" in result.stdout and "bad.csv" in result.stdout


def test_bad_input_still_writes_every_report(run_cli: Run, workdir: Path) -> None:
    result = run_cli(
        *_bad(workdir), "--report", "junit:reports/dx.xml", "--report", "markdown:reports/summary.md"
    )
    assert result.exit_code == 2
    assert result.stdout == ""  # the table keeps stdout for a status; the problems are on stderr
    assert result.stderr.endswith("dxcheck: no report: fix the errors above (exit 2)\n")
    root = ET.fromstring((workdir / "reports" / "dx.xml").read_text(encoding="utf-8"))
    failures = root.findall(".//testcase[@name='bad.csv']/failure")
    assert [f.get("type") for f in failures] == ["DX210"]
    assert root.get("failures") == "1"
    summary = (workdir / "reports" / "summary.md").read_text(encoding="utf-8")
    assert "Validation failed" in summary and "| bad.csv:2:1 | DX210 | error |" in summary


def test_a_broken_catalog_still_writes_every_report(run_cli: Run, workdir: Path) -> None:
    write(workdir / "broken.yaml", "version: 1\ntargets:\n  - id: a\n    titel: A\n    target: 1\n")
    result = run_cli(
        "status", "data/p.csv", "-t", "broken.yaml", "-f", "json", "--report", "junit:reports/dx.xml"
    )
    assert result.exit_code == 2
    doc = json.loads(result.stdout)
    assert doc["files"] == ["broken.yaml"]
    assert {(p["code"], p["file"], p["line"]) for p in doc["problems"]} >= {("DX103", "broken.yaml", 4)}
    root = ET.fromstring((workdir / "reports" / "dx.xml").read_text(encoding="utf-8"))
    assert [f.get("type") for f in root.iter("failure")][:1] == ["DX103"]


def test_a_template_file_opens_as_utf8_in_excel_and_reads_back(run_cli: Run, workdir: Path) -> None:
    run = run_cli("template", "-o", "bao-cao.csv", "--entity", "Hà Nội", "--target", "online-public-services")
    assert run.exit_code == 0, run.stderr
    data = (workdir / "bao-cao.csv").read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")  # the BOM Excel needs to read UTF-8
    assert "Hà Nội".encode() in data
    # stdout stays without one (a pipe is no spreadsheet)
    assert not run_cli("template", "--target", "online-public-services").stdout_bytes.startswith(b"\xef")
    # filled in, the file is read as any CSV
    filled = data.decode("utf-8-sig").replace(",Hà Nội,,,percent,", ",Hà Nội,2025-06-30,84,percent,")
    (workdir / "bao-cao.csv").write_text(filled, encoding="utf-8-sig")
    checked = run_cli("validate", "bao-cao.csv")
    assert checked.exit_code == 0, checked.stderr
