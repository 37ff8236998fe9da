"""The CSV corpus through the real CLI: hostile and messy inputs, each with its expectation.

Files are in cases/csv/good and cases/csv/bad; what dxcheck must do with each is in
cases/csv/expectations.toml (see its header). Cases that are not a file in the corpus
(a directory, a missing path, a glob, a file given twice, an unreadable file, a 20 MB
line) are built here in a temporary folder.
"""

from __future__ import annotations

import json
import os
import re
import time
import tomllib
import tracemalloc
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import DATA, CliResult, Run, load_module, write

CASES = Path(__file__).parent / "cases" / "csv"
CATALOG = str(DATA / "catalog.yaml")
AS_OF = "2026-01-15"
EXPECTATIONS: dict[str, dict[str, Any]] = tomllib.loads(
    (CASES / "expectations.toml").read_text(encoding="utf-8")
)

# `file:line:col: DX210 error: message` (a catalog's also with ` (key.path)` after the
# location), then indented `cell:` and `hint:` lines.
FINDING = re.compile(
    r"^(?P<file>.+?)(?::(?P<line>\d+))?(?::(?P<col>\d+))?(?: \((?P<key>.*?)\))?: "
    r"(?P<code>DX\d{3}) (?P<sev>error|warning): (?P<msg>.*)$"
)
SPEC = re.compile(r"^(?P<code>DX\d{3})(?: (?P<where>\*|-|\d+(?::\d+)?))?(?: (?P<words>.*))?$")


@dataclass(frozen=True)
class Printed:
    """One finding as printed on stderr."""

    file: str
    line: int | None
    column: int | None
    code: str
    severity: str
    text: str  # message, offending cell and hint

    @property
    def where(self) -> tuple[str, int | None, int | None]:
        return (self.code, self.line, self.column)


def printed_findings(stderr: str) -> list[Printed]:
    """Parse the findings of a run; any other stderr line must be a `dxcheck:` notice."""
    found: list[Printed] = []
    for raw in stderr.split("\n"):  # not splitlines(): that also splits at \x1c..\x1e, \x85, \u2028
        if raw.startswith("    ") and found:
            last = found[-1]
            found[-1] = Printed(
                last.file, last.line, last.column, last.code, last.severity, f"{last.text} {raw.strip()}"
            )
            continue
        m = FINDING.match(raw)
        if m is None:
            assert raw.startswith("dxcheck: ") or not raw.strip(), f"unexpected stderr line: {raw!r}"
            continue
        found.append(
            Printed(
                m["file"],
                int(m["line"]) if m["line"] else None,
                int(m["col"]) if m["col"] else None,
                m["code"],
                m["sev"],
                m["msg"],
            )
        )
    return found


def matches(spec: str, finding: Printed) -> bool:
    m = SPEC.match(spec)
    assert m is not None, f"bad finding spec {spec!r}"
    if finding.code != m["code"]:
        return False
    where = m["where"] or "*"
    if where == "-" and finding.line is not None:
        return False
    if where not in ("*", "-"):
        line, _, col = where.partition(":")
        if finding.line != int(line) or finding.column != (int(col) if col else None):
            return False
    return (m["words"] or "").casefold() in finding.text.casefold()


def check_findings(specs: list[str], found: list[Printed], *, exact: bool) -> None:
    """Each spec matches a different printed finding; with ``exact``, nothing else is printed."""
    left = list(found)
    for spec in specs:
        hit = next((f for f in left if matches(spec, f)), None)
        assert hit is not None, f"expected {spec!r}; printed: {found}"
        left.remove(hit)
    if exact:
        assert not left, f"unexpected findings {left}; expected {specs}"


def no_crash(result: CliResult) -> None:
    for stream in (result.stdout, result.stderr):
        assert "Traceback" not in stream
        assert "internal error" not in stream
    assert result.exit_code in (0, 1, 2)
    if result.exit_code == 2:
        # Exit 2 always says why: an error finding or a usage notice.
        assert re.search(r"DX\d{3} error|^dxcheck: error", result.stderr, re.MULTILINE), result.stderr


def fold(entity: str | None) -> str:
    return " ".join(unicodedata.normalize("NFC", entity or "").casefold().split())


def check_result(stdout: str, expected: dict[str, Any]) -> None:
    report = json.loads(stdout)
    chosen = [
        r
        for r in report["results"]
        if r["target"] == expected["target"] and fold(r["entity"]) == fold(expected.get("entity"))
    ]
    assert len(chosen) == 1, [(r["target"], r["entity"]) for r in report["results"]]
    result = chosen[0]
    latest = result["latest"]
    if "observations" in expected:
        assert result["observations"] == expected["observations"]
    checked = {k: expected[k] for k in ("date", "value", "line", "source") if k in expected}
    if checked:
        assert latest is not None, result
        assert {k: latest[k] for k in checked} == checked


def status_args(path: str, *extra: str) -> list[str]:
    return ["status", path, "-t", CATALOG, "--as-of", AS_OF, *extra]


def validate_args(path: str, *extra: str) -> list[str]:
    return ["validate", path, "-t", CATALOG, "--as-of", AS_OF, *extra]


def run_case(run_cli: Run, path: str, case: dict[str, Any], extra: tuple[str, ...] = ()) -> None:
    exact = case.get("mode", "exact") == "exact"
    status = run_cli(*status_args(path, *extra))
    no_crash(status)
    assert status.exit_code == case["exit"], status.stderr
    found = printed_findings(status.stderr)
    assert all(f.file == path for f in found), found
    check_findings(case["findings"], found, exact=exact)

    validate = run_cli(*validate_args(path, *extra))
    no_crash(validate)
    assert validate.exit_code == (2 if case["exit"] == 2 else 0), validate.stderr
    assert sorted(f.where for f in printed_findings(validate.stderr)) == sorted(f.where for f in found)

    if "result" in case:
        as_json = run_cli(*status_args(path, *extra, "--format", "json"))
        no_crash(as_json)
        assert as_json.exit_code == case["exit"]
        check_result(as_json.stdout, case["result"])


def corpus_params() -> list[Any]:
    params = []
    for name, case in sorted(EXPECTATIONS.items()):
        runs: list[tuple[str, dict[str, Any], tuple[str, ...]]] = [(name, case, ())]
        for variant in case.get("variants", []):
            args = tuple(variant["args"])
            runs.append((f"{name}[{' '.join(args)}]", {**case, "xfail": None, **variant}, args))
        for label, spec, args in runs:
            marks = []
            if spec.get("xfail"):
                marks.append(pytest.mark.xfail(strict=True, reason=spec["xfail"]))
            params.append(pytest.param(name, spec, args, id=label, marks=marks))
    return params


@pytest.mark.parametrize(("name", "case", "extra"), corpus_params())
def test_corpus_file(run_cli: Run, name: str, case: dict[str, Any], extra: tuple[str, ...]) -> None:
    run_case(run_cli, str(CASES / name), case, extra)


def test_every_corpus_file_has_an_expectation() -> None:
    files = {p.relative_to(CASES).as_posix() for p in CASES.glob("*/*") if p.is_file()}
    assert files == set(EXPECTATIONS)
    for name, case in EXPECTATIONS.items():
        assert name.startswith(("good/", "bad/"))
        if name.startswith("good/"):
            assert case["exit"] in (0, 1) and "result" in case, name
        else:
            assert case["exit"] == 2 or case.get("variants"), name


def _generator() -> Any:
    return load_module("make_binary_cases", CASES / "make_binary_cases.py")


def test_generated_cases_are_up_to_date() -> None:
    generated: dict[str, bytes] = _generator().cases()
    assert generated
    for name, data in generated.items():
        assert (CASES / name).read_bytes() == data, f"run tests/cases/csv/make_binary_cases.py ({name})"


def test_corpus_findings_parser() -> None:
    printed = printed_findings(
        "a.csv:2:24: DX211 error: invalid date 'x': not a date\n"
        "    cell: 'x'\n"
        "    hint: write dates as YYYY-MM-DD\n"
        "a.csv:4: DX206 error: malformed CSV: unexpected end of data\n"
        "a.csv: DX300 warning: input given more than once; read once\n"
        "t.yaml:3:5 (targets[0].id): DX105 error: targets[0].id: bad (got 'x')\n"
        "dxcheck: no report: fix the errors above (exit 2)\n"
    )
    assert [f.where for f in printed] == [
        ("DX211", 2, 24),
        ("DX206", 4, None),
        ("DX300", None, None),
        ("DX105", 3, 5),
    ]
    assert printed[3].file == "t.yaml"
    assert matches("DX211 2:24 YYYY-MM-DD", printed[0])
    assert matches("DX206 4 end of data", printed[1]) and not matches("DX206 4:1", printed[1])
    assert matches("DX300 - once", printed[2]) and matches("DX300 *", printed[2])


# --- one entity, two normal forms --------------------------------------------------------------


def test_nfc_and_nfd_files_are_one_entity(run_cli: Run) -> None:
    files = [str(CASES / "good" / "entity-nfc.csv"), str(CASES / "good" / "entity-nfd.csv")]
    assert (CASES / "good" / "entity-nfc.csv").read_bytes() != (
        CASES / "good" / "entity-nfd.csv"
    ).read_bytes()
    result = run_cli("status", *files, "-t", CATALOG, "--as-of", AS_OF, "--format", "json")
    no_crash(result)
    assert result.exit_code == 1 and result.stderr == ""
    check_result(
        result.stdout,
        {"target": "online-public-services", "entity": "Hà Nội", "value": 85.0, "observations": 2},
    )
    entities = [r["entity"] for r in json.loads(result.stdout)["results"] if r["latest"]]
    assert entities == ["Hà Nội"]


def test_utf16_from_standard_input(run_cli: Run) -> None:
    data = (CASES / "good" / "utf16le-bom-tab.csv").read_bytes()
    result = run_cli("status", "-", "-t", CATALOG, "--as-of", AS_OF, "--format", "json", input=data)
    no_crash(result)
    assert result.exit_code == 1, result.stderr
    check_result(result.stdout, {"target": "online-public-services", "entity": "Đà Nẵng", "value": 81.0})


# --- invocation: paths that are not one readable file ------------------------------------------

GOOD = "target,date,value\nonline-public-services,2025-06-01,82\n"


def test_directory(run_cli: Run, tmp_path: Path) -> None:
    result = run_cli(*status_args(str(tmp_path)))
    no_crash(result)
    assert result.exit_code == 2
    check_findings(["DX200 - it is a directory"], printed_findings(result.stderr), exact=True)


def test_nonexistent_path(run_cli: Run, tmp_path: Path) -> None:
    result = run_cli(*status_args(str(tmp_path / "nope.csv")))
    no_crash(result)
    assert result.exit_code == 2
    check_findings(["DX200 - no such file"], printed_findings(result.stderr), exact=True)


def test_glob_matching_nothing(run_cli: Run, tmp_path: Path) -> None:
    write(tmp_path / "data.txt", GOOD)
    pattern = str(tmp_path / "*.csv")
    for args in (status_args(pattern), validate_args(pattern)):
        result = run_cli(*args)
        no_crash(result)
        assert result.exit_code == 2
        check_findings([f"DX303 - no file matches '{pattern}'"], printed_findings(result.stderr), exact=True)


def test_same_file_given_twice(run_cli: Run, tmp_path: Path) -> None:
    path = write(tmp_path / "a.csv", GOOD)
    other_spelling = str(tmp_path / "." / "a.csv")
    result = run_cli("status", str(path), other_spelling, "-t", CATALOG, "--as-of", AS_OF, "--format", "json")
    no_crash(result)
    assert result.exit_code == 1
    check_findings(["DX300 - more than once"], printed_findings(result.stderr), exact=True)
    check_result(result.stdout, {"target": "online-public-services", "value": 82.0, "observations": 1})
    validate = run_cli("validate", str(path), str(path), "-t", CATALOG, "--as-of", AS_OF)
    no_crash(validate)
    assert validate.exit_code == 0


@pytest.mark.skipif(
    not hasattr(os, "geteuid") or os.geteuid() == 0,
    reason="root (and Windows) read a file whatever its permission bits say",
)
def test_file_without_read_permission(run_cli: Run, tmp_path: Path) -> None:
    path = write(tmp_path / "secret.csv", GOOD)
    path.chmod(0)
    try:
        result = run_cli(*status_args(str(path)))
    finally:
        path.chmod(0o644)
    no_crash(result)
    assert result.exit_code == 2
    check_findings(["DX200 - permission denied"], printed_findings(result.stderr), exact=True)


def test_report_path_in_an_unreadable_folder(
    run_cli: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # As a user, stat() on a path under a folder without search permission raises
    # PermissionError, which Path.is_dir() and Path.exists() do not swallow. (Simulated:
    # root could read the folder anyway.)
    data = write(tmp_path / "a.csv", GOOD)
    locked = tmp_path / "locked"
    real_stat = Path.stat

    def stat(self: Path, *args: Any, **kwargs: Any) -> os.stat_result:
        if str(self).startswith(str(locked)):
            raise PermissionError(13, "Permission denied", str(self))
        return real_stat(self, *args, **kwargs)

    monkeypatch.setattr(Path, "stat", stat)
    result = run_cli(*status_args(str(data), "--report", f"json:{locked / 'out.json'}"))
    no_crash(result)
    assert result.exit_code == 2
    check_findings(["DX301 - permission denied"], printed_findings(result.stderr), exact=True)


# --- size: a 20 MB line --------------------------------------------------------------------------

HUGE = 20 * 1024 * 1024


def huge_file(tmp_path: Path, *, header: bool) -> str:
    path = tmp_path / "huge.csv"
    with path.open("wb") as handle:
        if header:
            handle.write(b"target,entity,date,value\n")
        chunk = b"x" * (1 << 20)
        for _ in range(HUGE // len(chunk)):
            handle.write(chunk)
    return str(path)


def test_huge_line_after_the_header_is_malformed_csv_quickly(run_cli: Run, tmp_path: Path) -> None:
    path = huge_file(tmp_path, header=True)
    start = time.perf_counter()
    result = run_cli(*status_args(path))
    elapsed = time.perf_counter() - start
    no_crash(result)
    assert result.exit_code == 2
    check_findings(["DX206 * longer than"], printed_findings(result.stderr), exact=False)
    assert elapsed < 10, f"{elapsed:.1f} s for a one-line file"


def test_huge_line_is_read_in_bounded_memory(run_cli: Run, tmp_path: Path) -> None:
    path = huge_file(tmp_path, header=True)
    tracemalloc.start()
    try:
        result = run_cli(*status_args(path))
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    no_crash(result)
    assert result.exit_code == 2
    assert peak < HUGE // 4, f"peak {peak / 1e6:.0f} MB for a {HUGE / 1e6:.0f} MB line"


def test_huge_line_without_a_newline(run_cli: Run, tmp_path: Path) -> None:
    path = huge_file(tmp_path, header=False)
    start = time.perf_counter()
    result = run_cli(*status_args(path))
    no_crash(result)
    assert time.perf_counter() - start < 10
    assert result.exit_code == 2
    check_findings(["DX206 1"], printed_findings(result.stderr), exact=True)


def test_wide_header_is_checked_in_linear_time(run_cli: Run, tmp_path: Path) -> None:
    columns = ",".join(f"c{i}" for i in range(4000))
    row = GOOD.splitlines()[1] + "," * 4000
    path = write(tmp_path / "wide.csv", f"target,date,value,{columns}\n{row}\n")
    start = time.process_time()
    result = run_cli(*status_args(str(path)))
    cpu = time.process_time() - start
    no_crash(result)
    assert result.exit_code == 1
    assert {f.code for f in printed_findings(result.stderr)} == {"DX205", "DX230"}  # capped at 100
    # Each unknown column's position was once counted from the row start: O(n^2), minutes
    # for 20,000 columns.
    assert cpu < 1.0, f"{cpu:.1f} s of CPU for a 4,000-column header"


# --- a malformed tail after more duplicates than one read chunk ------------------------------------


@pytest.mark.parametrize(
    ("tail", "spec"),
    [
        pytest.param(
            b"online-public-services,2025-06-02,\xe0\n",
            "DX201 5002:35 CSV UTF-8",
            id="invalid-utf8",
        ),
        pytest.param(b'online-public-services,2025-06-02,"82\n', "DX206 5002 quote", id="unclosed-quote"),
    ],
)
def test_duplicates_then_a_malformed_tail(run_cli: Run, tmp_path: Path, tail: bytes, spec: str) -> None:
    # More duplicate rows than one read chunk: the second pass that names the duplicate lines
    # once re-read the file and crashed on the error the first pass had reported.
    path = tmp_path / "dup.csv"
    path.write_bytes(b"target,date,value\n" + b"online-public-services,2025-06-01,82\n" * 5000 + tail)
    result = run_cli(*status_args(str(path)))
    no_crash(result)
    assert result.exit_code == 2
    check_findings([spec, "DX217 2 appears again"], printed_findings(result.stderr), exact=True)
