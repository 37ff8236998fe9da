"""Text from the inputs cannot drive the terminal, inject markup, or run as a formula.

A CSV cell is whatever a province's spreadsheet holds: an ANSI escape, rich markup, a bidi
override. dxcheck shows it escaped, also when colour is forced on. A CSV it writes for
people to fill in (``dxcheck template``) never starts a cell with a formula character.
"""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path

import pytest

from dxcheck.text import FORMULA_STARTS, csv_safe, printable
from tests.conftest import DATA, Run, write

CATALOG = str(DATA / "catalog.yaml")
AS_OF = "2026-01-15"
COLOR = {"FORCE_COLOR": "1", "NO_COLOR": "", "TERM": "xterm-256color"}

# Each fits the table's entity column (18 characters) once escaped, so none is folded.
HOSTILE = {
    "sgr": "\x1b[31mRed",  # colour: looks like what rich writes itself
    "clear": "\x1b[2Jwipe",  # clears the screen
    "title": "\x1b]0;t\x07",  # sets the window title (OSC ... BEL)
    "markup": "[bold red]x[/]",  # rich markup
    "bidi": "abc\u202edef",  # right-to-left override: shows "abcfed"
    "c1": "x\x9by",  # the one-byte CSI of C1 controls
}
SGR = re.compile(r"\x1b\[[0-9;]*m")


def hostile_csv(tmp_path: Path) -> Path:
    rows = "".join(
        f'online-public-services,"{text}",2025-06-0{i + 1},82,"src {text}"\n'
        for i, text in enumerate(HOSTILE.values())
    )
    return write(tmp_path / "hostile.csv", "target,entity,date,value,source\n" + rows)


def assert_neutralised(output: str, *, bidi: bool = True) -> None:
    """No control (or bidi) character from the input; only dxcheck's own colour codes."""
    assert "\x07" not in output and "\x9b" not in output
    assert "\x1b" not in SGR.sub("", output), [line for line in output.splitlines() if "\x1b" in line]
    if bidi:
        assert "\u202e" not in output
    for name, text in HOSTILE.items():
        if name != "markup" and (bidi or name != "bidi"):
            assert text not in output


def test_table_escapes_input_text_with_forced_colour(run_cli: Run, tmp_path: Path) -> None:
    path = hostile_csv(tmp_path)
    result = run_cli("status", str(path), "-t", CATALOG, "--as-of", AS_OF, "--format", "table", env=COLOR)
    assert result.exit_code == 1, result.stderr
    assert SGR.search(result.stdout), "colour was not on: the test would prove nothing"
    assert_neutralised(result.stdout)
    plain = SGR.sub("", result.stdout)
    for text in HOSTILE.values():
        assert printable(text) in plain, (printable(text), plain)
    # Markup is shown as written, not interpreted (and not escaped away either).
    assert "[bold red]x[/]" in plain


@pytest.mark.parametrize("fmt", ["markdown", "github", "junit"])
def test_other_human_formats_escape_control_characters(run_cli: Run, tmp_path: Path, fmt: str) -> None:
    path = hostile_csv(tmp_path)
    result = run_cli("status", str(path), "-t", CATALOG, "--as-of", AS_OF, "--format", fmt, env=COLOR)
    assert result.exit_code == 1, result.stderr
    assert_neutralised(result.stdout, bidi=False)


@pytest.mark.parametrize(
    "fmt",
    ["markdown", "github", "junit"],
)
def test_other_human_formats_escape_bidi_overrides(run_cli: Run, tmp_path: Path, fmt: str) -> None:
    path = hostile_csv(tmp_path)
    result = run_cli("status", str(path), "-t", CATALOG, "--as-of", AS_OF, "--format", fmt)
    assert result.exit_code == 1, result.stderr
    assert "\u202e" not in result.stdout


def test_show_escapes_entity_and_source(run_cli: Run, tmp_path: Path) -> None:
    path = hostile_csv(tmp_path)
    result = run_cli("show", "online-public-services", str(path), "-t", CATALOG, "--as-of", AS_OF, env=COLOR)
    assert result.exit_code == 0, result.stderr
    assert_neutralised(result.stdout)
    assert printable("src \x1b[2Jwipe") in result.stdout


def test_findings_escape_the_offending_cell(run_cli: Run, tmp_path: Path) -> None:
    rows = "".join(f'"{text}",2025-06-01,82\n' for text in HOSTILE.values())
    path = write(tmp_path / "bad.csv", "target,date,value\n" + rows)
    result = run_cli("validate", str(path), "-t", CATALOG, "--as-of", AS_OF, env=COLOR)
    assert result.exit_code == 2
    assert result.stderr.count("DX210") == len(HOSTILE)
    assert SGR.search(result.stderr), "colour was not on"
    assert_neutralised(result.stderr)


def test_github_annotations_escape_the_offending_cell(run_cli: Run, tmp_path: Path) -> None:
    rows = "".join(f'"{text}",2025-06-01,82\n' for text in HOSTILE.values())
    path = write(tmp_path / "bad.csv", "target,date,value\n" + rows)
    result = run_cli("validate", str(path), "-t", CATALOG, "--as-of", AS_OF, "--format", "github")
    assert result.exit_code == 2
    assert result.stdout.count("::error ") == len(HOSTILE)
    assert_neutralised(result.stdout)


def test_catalog_key_in_a_finding_location_is_escaped(run_cli: Run, tmp_path: Path) -> None:
    catalog = write(
        tmp_path / "targets.yaml",
        'version: 1\ntargets:\n  - id: a\n    title: A\n    target: 1\n    "\\e[2Jx\\u202e": 1\n',
    )
    result = run_cli("targets", "-t", str(catalog), env=COLOR)
    assert result.exit_code == 2
    assert "DX103" in result.stderr
    assert_neutralised(result.stderr)


# --- spreadsheet formulas in the template ------------------------------------------------------

FORMULAS = ["=1+1", "+1", "-1", "@SUM(A1)", '=HYPERLINK("http://x","y")', "\t=1+1", "-2+3"]


def template_rows(output: str) -> list[list[str]]:
    rows = list(csv.reader(io.StringIO(output, newline="")))
    assert rows[0] == ["target", "entity", "date", "value", "unit", "source", "note"]
    assert all(len(row) == 7 for row in rows), rows
    return rows


def assert_no_formula(rows: list[list[str]]) -> None:
    for row in rows:
        for cell in row:
            assert not cell.startswith(FORMULA_STARTS), (cell, row)


def test_template_entities_never_start_a_formula(run_cli: Run) -> None:
    args = [f"--entity={text}" for text in FORMULAS]
    result = run_cli("template", "-t", CATALOG, "--as-of", AS_OF, "--date", "2025-12-31", *args)
    assert result.exit_code == 0, result.stderr
    rows = template_rows(result.stdout)
    assert_no_formula(rows)
    entities = {row[1] for row in rows[1:]}
    # An entity is one line: whitespace (the tab) is folded, then made safe.
    assert entities == {csv_safe(" ".join(text.split())) for text in FORMULAS}


FORMULA_CATALOG = """version: 1
targets:
  - id: a
    title: "=cmd|' /C calc'!A0"
    deadline: 2030
    target: 5
    unit: '=HYPERLINK("http://x")'
  - id: b
    title: B
    deadline: 2030
    target: 5
    unit: "-1"
"""


def test_template_unit_from_the_catalog_never_starts_a_formula(run_cli: Run, tmp_path: Path) -> None:
    catalog = write(tmp_path / "targets.yaml", FORMULA_CATALOG)
    result = run_cli("template", "-t", str(catalog), "--as-of", AS_OF)
    assert result.exit_code == 0, result.stderr
    assert_no_formula(template_rows(result.stdout))


def test_template_with_a_carriage_return_in_an_entity_is_still_valid_csv(run_cli: Run) -> None:
    # csv.writer with lineterminator="\\n" does not quote a bare CR: it would end the row.
    result = run_cli("template", "-t", CATALOG, "--as-of", AS_OF, "--entity", "a\rb", "--entity", "c\nd\te")
    assert result.exit_code == 0, result.stderr
    rows = template_rows(result.stdout)
    assert {row[1] for row in rows[1:]} == {"a b", "c d e"}


@pytest.mark.parametrize("text", [*FORMULAS, "\r=1", "plain", "", "'=already quoted", " =1"])
def test_csv_safe(text: str) -> None:
    safe = csv_safe(text)
    assert not safe.startswith(FORMULA_STARTS)
    assert safe.removeprefix("'") == text or safe == text
