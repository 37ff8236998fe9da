"""Property-based tests through the real CLI (in-process): dxcheck never crashes, never hangs,
locates every problem, and reads back exactly what a spreadsheet wrote.

Two profiles: ``ci`` (the default: about 200 examples per property, derandomised so CI is
reproducible) and ``fuzz`` (100,000 examples per property, random; ``DXCHECK_FUZZ_EXAMPLES``
sets another number) for the long run:

    HYPOTHESIS_PROFILE=fuzz .venv/bin/python -m pytest tests/test_fuzz.py -q -p no:cacheprovider

(fuzz/README.md records the long runs.) Bugs already pinned by a strict xfail elsewhere are
recognised by where they raise (``KNOWN_BUGS``) and the example is rejected rather than
failed, so the properties keep hunting for new ones; delete an entry once its bug is fixed.
"""

from __future__ import annotations

import atexit
import codecs
import csv
import io
import json
import os
import re
import shutil
import tempfile
import traceback
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, event, given, note, reject, settings
from hypothesis import strategies as st
from typer.testing import CliRunner, Result

import dxcheck.progress.header
from dxcheck import cells
from dxcheck.cli import app
from dxcheck.findings import FindingSink
from dxcheck.names import entity_key, fold_accents
from tests.conftest import DATA, PINNED_ENV
from tests.test_corpus import Printed, printed_findings

settings.register_profile(
    "ci",
    max_examples=200,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much, HealthCheck.data_too_large],
)
settings.register_profile(
    "fuzz",
    max_examples=int(os.environ.get("DXCHECK_FUZZ_EXAMPLES", "100000")),
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much, HealthCheck.data_too_large],
)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))

CATALOG = str(DATA / "catalog.yaml")
AS_OF = "2026-01-15"
RUNNER = CliRunner()
WORK = Path(tempfile.mkdtemp(prefix="dxcheck-fuzz-"))  # one folder per session, files rewritten
atexit.register(shutil.rmtree, WORK, ignore_errors=True)


# --- running the CLI -----------------------------------------------------------------------------

# Bugs pinned by strict xfails (test_corpus.py): each recognised by the exception and the
# innermost dxcheck frame it escapes from. Remove an entry when its bug is fixed.


def _frames(exc: BaseException, file: str) -> list[traceback.FrameSummary]:
    return [f for f in traceback.extract_tb(exc.__traceback__) if f.filename.endswith(file)]


def _header_csv_error(exc: BaseException) -> bool:
    # The innermost frame is Header.read (ProgressIndex.read only calls the row loop's functions).
    frames = _frames(exc, str(Path("progress", "header.py")))
    return isinstance(exc, csv.Error) and bool(frames) and frames[-1].name == "read"


KNOWN_BUGS: dict[str, Callable[[BaseException], bool]] = {
    # None open. A new one is added with its recogniser, e.g.
    # "csv.Error out of the header row (bad/header-unclosed-quote.csv)": _header_csv_error,
    # (fixed: the header row's csv.Error is now a DX206 finding).
}


def known_bug(exc: BaseException) -> str | None:
    return next((label for label, matches in KNOWN_BUGS.items() if matches(exc)), None)


@dataclass(frozen=True)
class Run:
    exit_code: int
    stdout: str
    stderr: str
    findings: list[Printed] = field(default_factory=list)


def cli(*args: str, input: bytes | None = None, stderr_findings: bool = True) -> Run:
    """The CLI in-process; a crash fails the example (or rejects it, for a known bug).

    Findings are on stderr except for ``validate --format`` other than table (``stderr_findings``
    False), which prints them on stdout in that format."""
    result: Result = RUNNER.invoke(app, list(args), input=input, env=PINNED_ENV, catch_exceptions=True)
    exc = result.exception
    if exc is not None and not isinstance(exc, SystemExit):
        label = known_bug(exc)
        if label is not None:
            event(f"known bug: {label}")
            reject()
        raise exc
    for stream in (result.stdout, result.stderr):
        assert "Traceback" not in stream and "internal error" not in stream
    assert result.exit_code in (0, 1, 2), (result.exit_code, result.stderr)
    findings = printed_findings(result.stderr)
    for f in findings:
        # The message, the offending cell and the hint come from the inputs: escaped. (The
        # location is not checked here: test_escaping pins the catalog key path bug.)
        assert not CONTROL.search(f.text), f
    if not stderr_findings:
        return Run(result.exit_code, result.stdout, result.stderr, findings)
    if result.exit_code == 2:
        assert re.search(r"DX\d{3} error|^dxcheck: error", result.stderr, re.MULTILINE), result.stderr
    else:
        assert not [f for f in findings if f.severity == "error"], result.stderr
    return Run(result.exit_code, result.stdout, result.stderr, findings)


# Characters that drive a terminal or reorder text: C0 (but newline), DEL, C1, bidi controls.
CONTROL = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def write_input(name: str, data: bytes) -> str:
    path = WORK / name
    path.write_bytes(data)
    return str(path)


LINE_BREAK = re.compile(r"\r\n|\r|\n")
NEEDS_LINE = {f"DX20{i}" for i in range(2, 9)} | {f"DX2{i}" for i in range(10, 24)}
NEEDS_COLUMN = {"DX210", "DX211", "DX212", "DX213", "DX214", "DX215", "DX219", "DX220"}


def check_locations(run: Run, path: str, data: bytes) -> None:
    """Every CSV finding names the file; row and cell problems a line (and column) in it."""
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = None
    lines = len(LINE_BREAK.findall(text)) + 1 if text is not None else None
    for f in run.findings:
        if not f.code.startswith("DX2"):
            continue
        assert f.file == path, f
        if f.code in NEEDS_LINE:
            assert f.line is not None and f.line >= 1, f
            if lines is not None:
                assert f.line <= lines, (f, lines)
        if f.code in NEEDS_COLUMN:
            assert f.column is not None and f.column >= 1, f


# --- (a) any bytes as a CSV ---------------------------------------------------------------------

HEADERS = [
    b"target,date,value\n",
    b"target,entity,date,value,unit,source,note\r\n",
    b"target;entity;date;value\n",
    b"target\tdate\tvalue\r",
    codecs.BOM_UTF8 + b"target,entity,date,value\n",
]
CSVISH = "tdv,;\t\r\n\"' 0123456789-./%:eE+_aoxn\x00\x1b\ufeff\u00e0\u0300\u202e"


def _utf16(text: str) -> bytes:
    return codecs.BOM_UTF16_LE + text.encode("utf-16-le", "surrogatepass")


any_csv_bytes = st.one_of(
    st.binary(max_size=3000),
    st.builds(bytes.__add__, st.sampled_from(HEADERS), st.binary(max_size=2000)),
    st.text(max_size=1500).map(lambda t: t.encode("utf-8", "surrogatepass")),
    st.builds(
        lambda head, body: head + body.encode("utf-8", "surrogatepass"),
        st.sampled_from(HEADERS),
        st.text(alphabet=CSVISH, max_size=1500),
    ),
    st.text(alphabet=CSVISH, max_size=1000).map(lambda t: _utf16("target\tdate\tvalue\r\n" + t)),
)


@given(
    data=any_csv_bytes,
    command=st.sampled_from(
        [
            ("status", "table"),
            ("status", "json"),
            ("status", "csv"),
            ("status", "markdown"),
            ("status", "github"),
            ("status", "junit"),
            ("validate", "table"),
            ("validate", "json"),
        ]
    ),
    stdin=st.booleans(),
)
def test_any_bytes_as_a_csv(data: bytes, command: tuple[str, str], stdin: bool) -> None:
    name, fmt = command
    path = write_input("any.csv", data)
    shown = "<stdin>" if stdin else path
    args = (name, "-" if stdin else path, "-t", CATALOG, "--as-of", AS_OF, "--format", fmt)
    if name == "validate" and fmt == "json":
        run = cli(*args, input=data if stdin else None, stderr_findings=False)
        doc = json.loads(run.stdout)
        assert (run.exit_code == 2) == (doc["errors"] > 0), doc
        problems = [
            Printed(p["file"], p["line"], p["column"], p["code"], p["severity"], p["message"])
            for p in doc["problems"]
        ]
        run = Run(run.exit_code, run.stdout, run.stderr, problems)
    else:
        run = cli(*args, input=data if stdin else None)
    if fmt in ("table", "markdown"):
        assert not CONTROL.search(run.stdout), run.stdout
    check_locations(run, shown, data)


# --- (b) any text as a catalog --------------------------------------------------------------------

VALID_CATALOG = (DATA / "catalog.yaml").read_text(encoding="utf-8")
YAMLISH = [
    "  - id: x\n    title: X\n",
    "deadline: end of 2025\n",
    "    deadline: Q4 2025\n",
    "    due: 2025-02-30\n",
    "    target: .nan\n",
    "    target: 1e400\n",
    "&a [*a]\n",
    "<<: *nope\n",
    "? [a, b]\n: c\n",
    "\t- tab\n",
    "!!python/object:os.system x\n",
    "version: 2\n",
    "    type: milestone\n",
    "    supersedes: online-public-services\n",
    "    unit: '%'\n",
    "    baseline: {value: 0, date: 2030-01-01}\n",
    "    projection: compound\n",
    "entities: [{name: Hà Nội, aliases: [Ha Noi]}]\n",
    "\x00",
    "\ufeff",
    '"unclosed\n',
]


@st.composite
def mutated_catalog(draw: st.DrawFn) -> str:
    lines = VALID_CATALOG.splitlines(keepends=True)
    for _ in range(draw(st.integers(1, 4))):
        at = draw(st.integers(0, len(lines)))
        piece = draw(st.one_of(st.sampled_from(YAMLISH), st.text(max_size=40)))
        if draw(st.booleans()) and at < len(lines):
            lines[at] = piece
        else:
            lines.insert(at, piece)
    return "".join(lines)


slug = st.from_regex(r"[a-z0-9]{1,6}(-[a-z0-9]{1,4}){0,2}", fullmatch=True)
# Mostly years a catalog would have; sometimes any (0 and 9999 hit the deadline bug).
years = st.one_of(st.integers(2000, 2100), st.integers(2000, 2100), st.integers(0, 99999))
deadline_phrase = st.one_of(
    st.sampled_from(["none", "end of this year", "next year", "2025", "H1 2025", "ongoing", "by 2030"]),
    st.builds("end of {}".format, years),
    st.builds("Q{} {}".format, st.integers(0, 5), years),
    st.builds("H{} {}".format, st.integers(0, 3), years),
    st.builds("first {} months of {}".format, st.integers(0, 13), years),
    st.builds("before {}".format, st.dates(date(1990, 1, 1), date(2110, 1, 1))),
    st.builds("{} {}".format, st.sampled_from(["June", "sept", "Tháng 6"]), years),
    st.dates(date(1990, 1, 1), date(2110, 1, 1)).map(date.isoformat),
    years,
    st.text(max_size=20),
)
nonblank = st.text(min_size=1, max_size=30).filter(str.strip)
junk = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.floats(),
    st.text(max_size=12),
    st.dates(),
    st.lists(st.integers(), max_size=2),
    st.dictionaries(st.text(max_size=3), st.integers(), max_size=2),
)
KEYS = [
    "id", "title", "agency", "category", "deadline", "due", "type", "target", "direction",
    "unit", "baseline", "projection", "source", "supersedes", "note", "titel",
]  # fmt: skip


def one_in(draw: st.DrawFn, n: int) -> bool:
    """True about once in ``n`` draws (and False for the simplest examples, made of zeros)."""
    return draw(st.sampled_from(range(n))) == n - 1


@st.composite
def catalog_target(draw: st.DrawFn, index: int, earlier: list[str]) -> dict[str, Any]:
    """A target that is valid more often than not, as a catalog author would write it."""
    t: dict[str, Any] = {"id": f"t{index}-{draw(slug)}", "title": draw(nonblank)}
    if one_in(draw, 4):
        t["type"] = "milestone"
    else:
        unit = draw(st.sampled_from([None, "percent", "%", "enterprises", "VND", "Phần trăm"]))
        percent = unit in ("percent", "%", "Phần trăm")
        if unit is not None:
            t["unit"] = unit
        level = st.floats(0, 100) if percent else st.one_of(st.integers(0, 10**9), st.floats(0, 1e12))
        t["target"] = draw(level)
        if draw(st.booleans()):
            t["direction"] = draw(st.sampled_from(["at_least", "at_most"]))
        if draw(st.booleans()):
            t["projection"] = draw(st.sampled_from(["linear", "compound"]))
        if draw(st.booleans()):
            value = draw(level if draw(st.booleans()) else st.floats(-1e6, 1e12))
            t["baseline"] = {"value": value, "date": draw(st.dates(date(1990, 1, 1), date(2030, 12, 31)))}
    if not one_in(draw, 5):
        t["deadline"] = draw(deadline_phrase)
    if draw(st.booleans()):
        t["source"] = {"date": draw(st.dates(date(1990, 1, 1), date(2030, 12, 31))), "quote": draw(nonblank)}
        if draw(st.booleans()):
            t["source"]["occasion"] = draw(st.text(max_size=15))
    if draw(st.booleans()):
        t["category"] = draw(slug)
    if draw(st.booleans()):
        t["agency"] = draw(st.text(max_size=20))
    if earlier and one_in(draw, 4):
        t["supersedes"] = draw(st.sampled_from(earlier))
    if one_in(draw, 10):
        t["due"] = draw(st.dates(date(1990, 1, 1), date(2110, 1, 1)))
    if one_in(draw, 4):
        t[draw(st.sampled_from(KEYS))] = draw(junk)  # one mistake
    return t


@st.composite
def catalog_document(draw: st.DrawFn) -> str:
    targets: list[dict[str, Any]] = []
    for index in range(draw(st.integers(1, 6))):
        targets.append(draw(catalog_target(index, [str(t.get("id")) for t in targets])))
    doc: dict[str, Any] = {"version": draw(junk) if one_in(draw, 10) else 1, "targets": targets}
    if draw(st.booleans()):
        doc["entities"] = [
            {"name": name, "aliases": [fold(name)]}
            for name in draw(st.lists(st.sampled_from(ENTITIES), max_size=3))
        ]
    return yaml.safe_dump(doc, allow_unicode=True, sort_keys=False)


def _catalog_csv(text: str) -> bytes:
    """A progress CSV with a row for each target id the catalog text seems to have."""
    ids = re.findall(r"^\s*-?\s*id: ([a-z0-9-]+)\s*$", text, re.MULTILINE)
    rows = "".join(f"{i},2025-06-01,50\n{i},2025-09-01,1\n" for i in ids[:5])
    return ("target,date,value\n" + rows).encode()


@given(
    text=st.one_of(st.text(max_size=2000), mutated_catalog(), catalog_document(), catalog_document()),
    command=st.sampled_from(["targets", "validate", "status", "template", "deadlines"]),
)
def test_any_text_as_a_catalog(text: str, command: str) -> None:
    catalog = write_input("targets.yaml", text.encode("utf-8", "surrogatepass"))
    progress = write_input("progress.csv", _catalog_csv(text))
    args = {
        "targets": ["targets", "-t", catalog, "--as-of", AS_OF],
        "validate": ["validate", progress, "-t", catalog, "--as-of", AS_OF],
        "status": ["status", progress, "-t", catalog, "--as-of", AS_OF, "--format", "json"],
        "template": ["template", "-t", catalog, "--as-of", AS_OF],
        "deadlines": ["deadlines", progress, "-t", catalog, "--as-of", AS_OF],
    }[command]
    run = cli(*args)
    event(f"{command}: exit {run.exit_code}")
    for f in run.findings:
        if f.code.startswith("DX1"):
            assert f.file == catalog, f
    if command == "status" and run.exit_code != 2:
        json.loads(run.stdout)


# --- (c) structured rows: valid and invalid cells, with the finding each must give -------------------

PERCENT = ["online-public-services", "cash-payments", "e-signature-2025", "e-signature-2024"]
COUNT = "digital-enterprises"
MILESTONE = "data-center"
ENTITIES = [
    "Hà Nội",
    "Hồ Chí Minh",
    "Đà Nẵng",
    "Hải Phòng",
    "Cần Thơ",
    "Thừa Thiên Huế",
    "Bà Rịa - Vũng Tàu",
    "Đắk Lắk",
    "Bộ Thông tin và Truyền thông",
]
FREE_TEXT = st.text(st.characters(exclude_categories=["Cs"], exclude_characters="\x00"), max_size=25)


@st.composite
def entity_cell(draw: st.DrawFn) -> str:
    name = draw(st.sampled_from(["", *ENTITIES]))
    form = draw(st.sampled_from(["as-is", "nfd", "upper", "spaces", "free"]))
    if form == "nfd":
        return unicodedata.normalize("NFD", name)
    if form == "upper":
        return name.upper()
    if form == "spaces":
        return f"  {name.replace(' ', '   ')} "
    if form == "free":
        return draw(FREE_TEXT)
    return name


def target_cell(draw: st.DrawFn, target: str) -> str:
    return draw(st.sampled_from([target, target.upper(), f" {target}  ", target.title()]))


def date_cell(draw: st.DrawFn, day: date) -> str:
    """A valid spelling of ``day``."""
    forms = ["iso", "loose", "datetime"]
    if day.day > 12 or day.day == day.month:
        forms += ["dmy", "mdy", "dotted"]
    form = draw(st.sampled_from(forms))
    if form == "loose":
        return f"{day.year}-{day.month}-{day.day}"
    if form == "datetime":
        hour, minute = draw(st.integers(0, 23)), draw(st.integers(0, 59))
        return f"{day.isoformat()}{draw(st.sampled_from(['T', ' ']))}{hour:02d}:{minute:02d}"
    if form == "dmy":
        return f"{day.day}/{day.month:02d}/{day.year}"
    if form == "mdy":
        return f"{day.month}/{day.day}/{day.year}"
    if form == "dotted":
        return f"{day.day:02d}.{day.month:02d}.{day.year}"
    return day.isoformat()


def percent_cell(draw: st.DrawFn, hundredths: int) -> str:
    whole, frac = divmod(hundredths, 100)
    plain = f"{whole}.{frac:02d}" if frac else str(whole)
    form = draw(st.sampled_from(["plain", "comma", "percent", "spaces"]))
    if form == "comma" and frac:
        return f"{whole},{frac:02d}"
    if form == "percent":
        return plain + "%"
    if form == "spaces":
        return f" {plain} "
    return plain


def count_cell(draw: st.DrawFn, value: int) -> str:
    forms = ["plain", "decimal"]
    if value >= 1_000_000:
        forms += ["comma", "dot"]
    if value >= 1000:
        forms.append("space")
    form = draw(st.sampled_from(forms))
    if form == "comma":
        return f"{value:,}"
    if form == "dot":
        return f"{value:,}".replace(",", ".")
    if form == "space":
        return f"{value:,}".replace(",", " ")
    if form == "decimal":
        return f"{value}.0"
    return str(value)


MILESTONE_WORDS = {
    "done": 1.0,
    "Done": 1.0,
    "yes": 1.0,
    "1": 1.0,
    "Hoàn thành": 1.0,
    "not done": 0.0,
    "0": 0.0,
    "chưa": 0.0,
}
BAD_DATES = {
    "05/06/2025": "DX212",
    "2025-02-30": "DX211",
    "45828": "DX211",
    "1999-12-31": "DX211",
    "soon": "DX211",
    "2025-06-01T25:00": "DX211",
    "": "DX219",
}
BAD_PERCENT = {
    "150": "DX220",
    "-5": "DX220",
    "N/A": "DX213",
    "lots": "DX213",
    "8.0.0": "DX213",
    "": "DX209",
    "8 2": "DX213",
}
BAD_COUNT = {
    "12,345": "DX213",
    "12.500": "DX213",
    "5%": "DX213",
    "1e400": "DX213",
    "-": "DX213",
    "": "DX209",
}
# Thousands or a fraction? Refused, unless a decimal comma elsewhere in the file settles it.
AMBIGUOUS = {"12,345", "12.500"}
BASELINE_DAY = date(2024, 1, 1)  # the test catalog's baseline (DX224 has tests of its own)
BAD_MILESTONE = {"7": "DX214", "maybe": "DX214", "": "DX209"}
UNITS_OK = {
    "percent": ["", "%", "percent", "Phần trăm"],
    "count": ["", "enterprises", " Enterprises "],
    "milestone": [""],
}
UNITS_BAD = {"percent": "enterprises", "count": "%", "milestone": "%"}


@dataclass
class Row:
    cells: dict[str, str]
    error: tuple[str, str] | None  # (code, column name) of the first problem, if any


@dataclass
class Sheet:
    columns: list[str]  # canonical names, in file order ("extra" for an unknown column)
    header: list[str]  # as written
    rows: list[Row]
    delimiter: str
    newline: str
    encoding: str
    blank_before: int
    trailing_empty: bool
    blank_after_row: list[int]  # 0: none, 1: an empty line, 2: a line of delimiters


@st.composite
def row_of(draw: st.DrawFn, day: date, optional: list[str]) -> Row:
    kind = draw(st.sampled_from(["percent", "percent", "count", "milestone"]))
    target = draw(st.sampled_from(PERCENT)) if kind == "percent" else COUNT if kind == "count" else MILESTONE
    bad = draw(st.sampled_from([None, None, None, "target", "date", "value", "unit"]))
    if bad == "unit" and "unit" not in optional:
        bad = None
    cells_: dict[str, str] = {}
    error: tuple[str, str] | None = None
    if bad == "target":
        cells_["target"], code = draw(
            st.sampled_from([("nope", "DX210"), ("onlin-public-services", "DX210"), ("", "DX219")])
        )
        error = (code, "target")
    else:
        cells_["target"] = target_cell(draw, target)
    if bad == "date":
        cells_["date"] = draw(st.sampled_from(sorted(BAD_DATES)))
        if cells_["target"] == "" and cells_["date"] == "":
            cells_["date"] = "soon"
        error = error or (BAD_DATES[cells_["date"]], "date")
    else:
        cells_["date"] = date_cell(draw, day)
    table = {"percent": BAD_PERCENT, "count": BAD_COUNT, "milestone": BAD_MILESTONE}[kind]
    if bad == "value":
        cells_["value"] = draw(st.sampled_from(sorted(table)))
        error = error or (table[cells_["value"]], "value")
    elif kind == "percent":
        cells_["value"] = percent_cell(draw, draw(st.integers(0, 10_000)))
    elif kind == "count":
        cells_["value"] = count_cell(draw, draw(st.integers(0, 10**8)))
    else:
        cells_["value"] = draw(st.sampled_from(sorted(MILESTONE_WORDS)))
    if "unit" in optional:
        if bad == "unit":
            cells_["unit"] = UNITS_BAD[kind]
            error = error or ("DX215", "unit")
        else:
            cells_["unit"] = draw(st.sampled_from(UNITS_OK[kind]))
    if "entity" in optional:
        cells_["entity"] = draw(entity_cell())
    for name in ("source", "note", "extra"):
        if name in optional:
            cells_[name] = draw(FREE_TEXT)
    return Row(cells_, error)


HEADER_SPELLINGS = {
    "target": ["target", "Target", " TARGET ", "target_id", "indicator"],
    "date": ["date", "Date", "DATE "],
    "value": ["value", "Value", " value"],
    "entity": ["entity", "Entity"],
    "unit": ["unit", "UNIT"],
    "source": ["source"],
    "note": ["note", "Note"],
    "extra": ["comment", "province_code"],
}


@st.composite
def sheets(draw: st.DrawFn) -> Sheet:
    optional = draw(st.lists(st.sampled_from(["entity", "unit", "source", "note", "extra"]), unique=True))
    columns = draw(st.permutations(["target", "date", "value", *optional]))
    header = [draw(st.sampled_from(HEADER_SPELLINGS[c])) for c in columns]
    n = draw(st.integers(1, 25))
    days = draw(
        st.lists(
            st.dates(date(2016, 1, 1), date(2025, 12, 31)).filter(lambda d: d != BASELINE_DAY),
            min_size=n,
            max_size=n,
            unique=True,
        )
    )
    rows = [draw(row_of(day, optional)) for day in days]
    if any(r.error is None and cells.shows_decimal_comma(r.cells["value"]) for r in rows):
        # The file settles its decimal mark: "12,345" would be read (as 12.345).
        for r in rows:
            if r.error == ("DX213", "value") and r.cells["value"] in AMBIGUOUS:
                r.cells["value"] = "1e400"
    return Sheet(
        columns=columns,
        header=header,
        rows=rows,
        delimiter=draw(st.sampled_from([",", ";", "\t"])),
        newline=draw(st.sampled_from(["\n", "\r\n", "\r"])),
        encoding=draw(st.sampled_from(["utf-8", "utf-8-sig", "utf-16"])),
        blank_before=draw(st.integers(0, 2)),
        trailing_empty=draw(st.booleans()),
        blank_after_row=draw(st.lists(st.integers(0, 2), min_size=n, max_size=n)),
    )


def quote(cell: str, delimiter: str) -> str:
    if any(ch in cell for ch in (delimiter, '"', "\r", "\n")):
        return '"' + cell.replace('"', '""') + '"'
    return cell


@dataclass
class Written:
    data: bytes
    expected: list[tuple[str, int, int | None]]  # (code, line, column or None = any)


def cell_place(
    written: list[str], columns: list[str], name: str, delimiter: str, start: int
) -> tuple[int, int]:
    """(line, column) of the character where a cell starts, on the physical line it starts
    on (earlier cells may be quoted and span lines)."""
    prefix = "".join(w + delimiter for w in written[: columns.index(name)])
    return start + len(LINE_BREAK.findall(prefix)), len(LINE_BREAK.split(prefix)[-1]) + 1


def write_sheet(sheet: Sheet) -> Written:
    d, nl = sheet.delimiter, sheet.newline
    out = io.StringIO()
    line = 1
    expected: list[tuple[str, int, int | None]] = []

    def emit(text: str) -> None:
        nonlocal line
        out.write(text)
        line += len(LINE_BREAK.findall(text))

    emit(nl * sheet.blank_before)
    header = list(sheet.header) + (["", ""] if sheet.trailing_empty else [])
    column = 1
    for name, written in zip(sheet.columns, sheet.header, strict=True):
        if name == "extra":
            expected.append(("DX205", line, column))
        column += len(written) + 1
    emit(d.join(header) + nl)
    entity_places: dict[str, tuple[int, int]] = {}  # entity key -> where first written
    blank_rows: list[int] = []
    for row, blank in zip(sheet.rows, sheet.blank_after_row, strict=True):
        start = line
        written_cells = [quote(row.cells[c], d) for c in sheet.columns]
        if sheet.trailing_empty:
            written_cells += ["", ""]

        if row.error is not None and row.error[0] == "DX209":
            # a row with no value: not reported yet, one warning a file at the first such row
            blank_rows.append(start)
        elif row.error is not None:
            code, name = row.error
            expected.append((code, *cell_place(written_cells, sheet.columns, name, d, start)))
        # the entity is read after the target and unit, before the date and value
        if "entity" in sheet.columns and (row.error is None or row.error[1] in ("date", "value")):
            key = entity_key(row.cells["entity"])
            if key and key not in entity_places:
                entity_places[key] = cell_place(written_cells, sheet.columns, "entity", d, start)
        emit(d.join(written_cells) + nl)
        if blank:
            emit((d * (len(sheet.columns) - 1) if blank == 2 else "") + nl)
    if blank_rows:
        expected.append(("DX209", blank_rows[0], None))
    # a name written without accents beside the same name with them (DX225)
    accented = {fold_accents(k) for k in entity_places if fold_accents(k) != k}
    expected.extend(("DX225", *place) for k, place in entity_places.items() if k in accented)
    text = out.getvalue()
    if sheet.encoding == "utf-16":
        data = text.encode("utf-16")  # with a BOM
    else:
        data = text.encode(sheet.encoding)
    return Written(data, expected)


@given(sheet=sheets())
def test_structured_rows_give_exactly_the_expected_findings(sheet: Sheet) -> None:
    written = write_sheet(sheet)
    path = write_input("rows.csv", written.data)
    note(written.data.decode("utf-16" if sheet.encoding == "utf-16" else "utf-8-sig"))
    run = cli("validate", path, "-t", CATALOG, "--as-of", AS_OF)
    got = sorted((f.code, f.line or 0, f.column) for f in run.findings)
    assert all(f.file == path for f in run.findings), run.findings
    want = written.expected
    assert len(got) == len(want), (got, want)
    remaining = list(got)
    for code, line, col in want:
        hit = next(
            (g for g in remaining if g[0] == code and g[1] == line and (col is None or g[2] == col)), None
        )
        assert hit is not None, ((code, line, col), got)
        remaining.remove(hit)
    assert run.exit_code == (2 if any(r.error and r.error[0] != "DX209" for r in sheet.rows) else 0)


# --- (d) round trip: what the csv module writes, dxcheck reads back ------------------------------------


@dataclass(frozen=True)
class Observation:
    target: str
    entity: str
    day: date
    text: str  # the value as written
    value: float
    source: str


def fold(entity: str | None) -> str:
    return " ".join(unicodedata.normalize("NFC", entity or "").casefold().split())


@st.composite
def observations(draw: st.DrawFn) -> list[Observation]:
    out: dict[tuple[str, str, date], Observation] = {}
    by_letters: dict[str, str] = {}  # a name without its accents -> the first entity drawn so
    for _ in range(draw(st.integers(1, 20))):
        kind = draw(st.sampled_from(["percent", "count", "milestone"]))
        target = (
            draw(st.sampled_from(PERCENT[:3]))
            if kind == "percent"
            else COUNT
            if kind == "count"
            else MILESTONE
        )
        entity = draw(entity_cell())
        first = by_letters.setdefault(fold_accents(fold(entity)), entity)
        if fold(first) != fold(entity):
            # Another name but for its accents ('I' and 'Ì'): a likely typo, which DX225
            # warns of; not this property's business. Spellings of one name are kept.
            entity = first
        day = draw(st.dates(date(2016, 1, 1), date(2025, 12, 31)))
        if kind == "percent":
            hundredths = draw(st.integers(0, 10_000))
            text, value = percent_cell(draw, hundredths), hundredths / 100
        elif kind == "count":
            n = draw(st.integers(0, 10**8))
            text, value = count_cell(draw, n), float(n)
        else:
            text = draw(st.sampled_from(sorted(MILESTONE_WORDS)))
            value = MILESTONE_WORDS[text]
        source = draw(st.one_of(FREE_TEXT, st.sampled_from(['Báo cáo "số 1", trang 2', "a\nb", "x,y;z\tw"])))
        out.setdefault((target, fold(entity), day), Observation(target, entity, day, text, value, source))
    return list(out.values())


def reference(obs: list[Observation]) -> dict[tuple[str, str], tuple[str, float, str | None, int]]:
    """(target, entity key) -> (latest date, value, source, count): the README's rules, plainly."""
    latest: dict[tuple[str, str], Observation] = {}
    count: dict[tuple[str, str], int] = {}
    for o in obs:
        key = (o.target, fold(o.entity))
        count[key] = count.get(key, 0) + 1
        if key not in latest or o.day > latest[key].day:
            latest[key] = o
    return {k: (o.day.isoformat(), o.value, o.source or None, count[k]) for k, o in latest.items()}


@given(
    obs=observations(),
    delimiter=st.sampled_from([",", ";", "\t"]),
    lineterminator=st.sampled_from(["\r\n", "\n"]),
    quoting=st.sampled_from([csv.QUOTE_MINIMAL, csv.QUOTE_ALL, csv.QUOTE_NONNUMERIC]),
    encoding=st.sampled_from(["utf-8", "utf-8-sig", "utf-16"]),
    shuffle=st.randoms(use_true_random=False),
)
def test_round_trip_latest_values(
    obs: list[Observation], delimiter: str, lineterminator: str, quoting: Any, encoding: str, shuffle: Any
) -> None:
    if lineterminator == "\n":
        # csv.writer quotes only the characters of its own line terminator: a bare CR in an
        # unquoted cell would end the row for any reader.
        obs = [
            Observation(
                o.target, o.entity.replace("\r", ""), o.day, o.text, o.value, o.source.replace("\r", "")
            )
            for o in obs
        ]
    shuffle.shuffle(obs)
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, delimiter=delimiter, lineterminator=lineterminator, quoting=quoting)
    writer.writerow(["target", "entity", "date", "value", "source"])
    for o in obs:
        writer.writerow([o.target, o.entity, o.day.isoformat(), o.text, o.source])
    path = write_input("round.csv", buffer.getvalue().encode(encoding))
    run = cli("status", path, "-t", CATALOG, "--as-of", AS_OF, "--format", "json")
    assert run.exit_code in (0, 1), run.stderr
    assert run.findings == []
    want = reference(obs)
    got = {}
    for r in json.loads(run.stdout)["results"]:
        if r["latest"] is not None:
            latest = r["latest"]
            got[(r["target"], fold(r["entity"]))] = (
                latest["date"],
                latest["value"],
                latest["source"],
                r["observations"],
            )
    assert got == want


# --- (e) the row loop's fast path agrees with cells.parse_number ------------------------------------


number_text = st.one_of(
    st.text(alphabet="0123456789.,-+ %eE_\u00a0", max_size=12),
    st.floats(allow_nan=True, allow_infinity=True).map(repr),
    st.integers(-1000, 10**7).map(str),
    st.text(max_size=6),
)


@given(text=number_text, target=st.sampled_from(["online-public-services", COUNT]))
def test_value_cells_mean_what_cells_parse_number_says(text: str, target: str) -> None:
    percent = target != COUNT
    try:
        expected: float | None = cells.parse_number(text, percent=percent)
    except cells.CellError:
        expected = None
    if expected is not None and percent and not 0 <= expected <= 100:
        expected = None
    buffer = io.StringIO(newline="")
    csv.writer(buffer).writerows([["target", "date", "value"], [target, "2025-06-01", text]])
    path = write_input("value.csv", buffer.getvalue().encode())
    run = cli("status", path, "-t", CATALOG, "--as-of", AS_OF, "--format", "json")
    if not text.strip():  # a row left blank: not reported yet, one warning (DX209)
        assert run.exit_code in (0, 1) and "DX209" in run.stderr, run.stderr
        assert [r for r in json.loads(run.stdout)["results"] if r["latest"]] == []
        return
    if expected is None:
        assert run.exit_code == 2, (text, run.stdout[:200])
        return
    assert run.exit_code in (0, 1), run.stderr
    values = [r["latest"]["value"] for r in json.loads(run.stdout)["results"] if r["latest"]]
    assert values == [expected]


# --- the helpers themselves ------------------------------------------------------------------------------


def test_known_bug_classifier_recognises_only_its_entries() -> None:
    def raised(function: Callable[[], object]) -> BaseException | None:
        try:
            function()
        except Exception as exc:
            return exc
        return None

    other = raised(lambda: int("x"))
    assert other is not None and known_bug(other) is None
    elsewhere = raised(lambda: next(csv.reader(['"a'], strict=True)))
    assert elsewhere is not None and known_bug(elsewhere) is None
    # The header bug is fixed: an open quote in the header is a finding, not an exception.
    header = raised(lambda: dxcheck.progress.header.Header.read(io.StringIO('"a\n'), "x.csv", FindingSink()))
    assert header is None
    assert not _header_csv_error(RuntimeError())


def test_structured_sheet_writer_locates_cells() -> None:
    row = Row({"target": "nope", "date": "2025-06-01", "value": "1", "entity": 'a,"b"'}, ("DX210", "target"))
    bad_value = Row({"target": "x", "date": "d", "value": "v", "entity": 'a,"b"'}, ("DX213", "value"))
    sheet = Sheet(
        columns=["entity", "target", "date", "value"],
        header=["entity", "target", "date", "value"],
        rows=[row, bad_value],
        delimiter=",",
        newline="\r\n",
        encoding="utf-8",
        blank_before=1,
        trailing_empty=False,
        blank_after_row=[1, 0],
    )
    written = write_sheet(sheet)
    assert written.data.startswith(b'\r\nentity,target,date,value\r\n"a,""b""",nope,')
    assert written.expected == [("DX210", 3, 11), ("DX213", 5, 15)]


# --- regressions: catalogs the fuzzing broke dxcheck with ---------------------------------------------


def _catalog_findings(text: str) -> Run:
    path = write_input("found.yaml", text.encode())
    return cli("targets", "-t", path, "--as-of", AS_OF)


@pytest.mark.parametrize(
    "text",
    ["[" * 5000 + "]" * 5000, "{a: " * 3000 + "1" + "}" * 3000, "a: " + "[" * 900 + "]" * 900],
    ids=["sequences", "mappings", "under-the-recursion-limit"],
)
def test_deeply_nested_catalog_is_a_safety_limit(text: str) -> None:
    run = _catalog_findings(text)
    assert run.exit_code == 2
    assert [f.code for f in run.findings] == ["DX110"], run.stderr
    assert "nested deeper than" in run.findings[0].text


def test_a_key_that_looks_like_an_impossible_date_is_located() -> None:
    run = _catalog_findings("version: 1\n2025-02-30: x\ntargets: []\n")
    assert run.exit_code == 2
    assert ("DX105", 2, 1) in [f.where for f in run.findings], run.stderr


@pytest.mark.parametrize("phrase", ["end of 9999", "Q4 9999", "0000", "before 0001-01-01"])
def test_catalog_deadline_year_out_of_range(phrase: str) -> None:
    # deadlines.resolve once let date's ValueError/OverflowError escape (a traceback).
    text = f"version: 1\ntargets:\n  - id: a\n    title: A\n    deadline: '{phrase}'\n    target: 1\n"
    path = write_input("deadline.yaml", text.encode())
    result = RUNNER.invoke(app, ["targets", "-t", path], env=PINNED_ENV, catch_exceptions=False)
    assert result.exit_code == 2
    assert [(f.code, f.line) for f in printed_findings(result.stderr)] == [("DX107", 5)]
