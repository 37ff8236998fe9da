"""Text from the inputs cannot drive the terminal, inject markup, or run as a formula.

A CSV cell is whatever a province's spreadsheet holds: an ANSI escape, rich markup, a bidi
override. dxcheck shows it escaped, also when colour is forced on. A CSV it writes for
people to fill in (``dxcheck template``) never starts a cell with a formula character.
"""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

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


# --- the HTML report ---------------------------------------------------------------------------

# Text a catalog or a CSV may hold that means something to a browser: every one must show
# as the text it is. ``window.pwned`` is what the browser test looks for after loading.
MARKUP = (
    "<script>window.pwned=1</script>",
    '<img src=x onerror="window.pwned=1">',
    '"><svg onload="window.pwned=1">',
    "</title></desc></svg><script>window.pwned=1</script>",
    "</style><style>body{display:none}</style>",
    "<!-- x --> ]]> &lt;b&gt; &amp;",
    "javascript:window.pwned=1",
    "abc\u202edef",  # a bidi override, made visible
)
URL = 'https://example.org/"><script>window.pwned=1</script>'  # the catalog allows any non-space

HOSTILE_CATALOG = f"""version: 1
targets:
  - id: online-public-services
    title: {json.dumps(MARKUP[0] + " " + MARKUP[3])}
    agency: {json.dumps(MARKUP[1])}
    category: digital-government
    deadline: end of 2025
    target: 80
    unit: percent
    baseline: {{value: 40, date: 2024-01-01}}
    source:
      date: 2024-07-19
      occasion: {json.dumps(MARKUP[4])}
      file: {json.dumps(MARKUP[2])}
      url: {json.dumps(URL)}
      quote: {json.dumps(" ".join(MARKUP))}
  - id: records
    title: {json.dumps(MARKUP[5])}
    deadline: 2026
    target: 10
    unit: {json.dumps(MARKUP[6])}
"""


def hostile_html(tmp_path: Path, run_cli: Run, *extra: str) -> str:
    """The HTML report of a catalog and a CSV full of markup."""
    catalog = write(tmp_path / "hostile.yaml", HOSTILE_CATALOG)
    rows = "".join(
        f'online-public-services,"{text.replace(chr(34), chr(34) * 2)}",2025-0{i % 9 + 1}-01,{50 + i},"{text.replace(chr(34), chr(34) * 2)}"\n'
        for i, text in enumerate(MARKUP)
    )
    rows += "online-public-services,,2025-06-30,60,\nrecords,,2025-06-30,4,\n"
    data = write(tmp_path / "hostile.csv", "target,entity,date,value,source\n" + rows)
    result = run_cli("status", str(data), "-t", str(catalog), "--as-of", AS_OF, "-f", "html", *extra)
    assert result.exit_code == 1, result.stderr
    return result.stdout


ALLOWED_TAGS = {
    "html", "head", "meta", "title", "style", "body", "main", "header", "footer", "section", "div", "p",
    "h1", "h2", "h3", "span", "strong", "b", "code", "a", "ul", "li", "dl", "dt", "dd", "blockquote",
    "table", "thead", "tbody", "tr", "th", "td", "details", "summary", "label", "input", "select",
    "option", "figure", "figcaption", "script", "svg", "defs", "marker", "circle", "rect", "path",
    "line", "polyline", "text", "desc",
}  # fmt: skip


@pytest.mark.parametrize("lang", ["en", "vi"])
def test_html_shows_markup_from_inputs_as_text(run_cli: Run, tmp_path: Path, lang: str) -> None:
    from dxcheck.formats.html_page import SCRIPT
    from tests.htmlparse import parse

    text = hostile_html(tmp_path, run_cli, "--lang", lang)
    page = parse(text)
    elements = page.iter()[1:]
    assert {e.tag for e in elements} <= ALLOWED_TAGS, {e.tag for e in elements} - ALLOWED_TAGS
    (script,) = page.iter("script")
    assert script.text == SCRIPT and not script.attrs  # the page's own, nothing else
    assert len(page.iter("style")) == 1 and len(page.iter("title")) == 1 + len(page.find_all("svg", "chart"))
    for element in elements:
        assert not [a for a in element.attrs if a.startswith("on") or a in ("style", "srcdoc")], element
        href = element.attrs.get("href")
        assert href is None or href.startswith("#") or href == URL, href
        for value in element.attrs.values():
            assert not value.lower().startswith("javascript:"), (element.tag, value)
    assert [a.attrs["href"] for a in page.iter("a") if not a.attrs["href"].startswith("#")] == [URL]
    shown = page.text
    for markup in MARKUP:
        assert printable(markup) in shown, markup
    assert "\u202e" not in text


@given(st.text(min_size=1))  # a failure always has details: never an empty element
def test_junit_cases_escape_as_elementtree_does(text: str) -> None:
    """The JUnit report writes its test cases by hand (one at a time, at commune scale):
    attributes and text must read exactly as ElementTree writes them."""
    import xml.etree.ElementTree as ET

    from dxcheck.formats.junit import _attribute, _cdata, xml_text

    element = ET.Element("a", {"v": xml_text(text)})
    element.text = xml_text(text)
    assert ET.tostring(element, encoding="unicode") == f'<a v="{_attribute(text)}">{_cdata(text)}</a>'


@given(st.text(alphabet=st.characters(), max_size=60))
def test_printable_keeps_only_what_it_is_told(text: str) -> None:
    """The fast path for multi-line text gives what the character-by-character rule gives."""
    keep = "\t\n\r"
    expected = "".join(
        ch
        if ch.isprintable() or ch in keep
        else (f"\\x{ord(ch):02x}" if ord(ch) < 256 else f"\\u{ord(ch):04x}")
        for ch in text
    )
    assert printable(text, keep=keep) == expected


@given(
    st.text(alphabet=st.characters(), max_size=40)
    | st.text(alphabet="ab -.%()\\`*_[]|~!#&<>\r\n\t\u202eĐđ", max_size=20)
)
def test_markdown_cells_take_the_fast_path_only_when_nothing_changes(text: str) -> None:
    """A plain cell is returned as it is (trimmed); it must be what escaping line by line gives."""
    from dxcheck.formats.markdown import _escaped_cell, cell

    assert cell(text) == _escaped_cell(text)
