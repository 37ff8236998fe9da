"""Streamed reports (``Renderer.chunks``, ``formats.write_report``): the pieces make
exactly what ``render`` makes, for every format that streams, and the CLI writes them to
stdout and to ``--report`` files byte for byte as before."""

from __future__ import annotations

import csv
import io
import json
import math
from dataclasses import replace
from datetime import datetime
from pathlib import Path

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from dxcheck.formats import Format, Style, parts, renderer, write_report
from dxcheck.formats.csv_format import RESULT_COLUMNS, cell, rounded_cell
from dxcheck.formats.document import outcome_fields, report_document, result_document, rounded
from dxcheck.formats.json_text import OutcomeText, _rounded, value
from dxcheck.output import write_atomic
from dxcheck.report import ProblemReport, Report, Result
from tests.conftest import Run, counted_forks
from tests.test_formats import make_reports

STREAMING = [f for f in Format if hasattr(renderer(f), "chunks")]


def test_the_machine_formats_stream() -> None:
    assert {Format.JSON, Format.JSONL, Format.CSV} <= set(STREAMING)


@pytest.fixture
def report(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Report:
    made, _ = make_reports(tmp_path, monkeypatch)
    return made


def _variants(report: Report) -> dict[str, Report]:
    """Several results with warnings; no results; one result; no warnings."""
    assert len(report.results) > 3 and report.findings
    return {
        "full": report,
        "empty": replace(report, results=(), superseded=(), findings=()),
        "empty-with-warnings": replace(report, results=()),
        "one": replace(report, results=report.results[:1]),
        "no-warnings": replace(report, findings=()),
    }


@pytest.mark.parametrize("fmt", STREAMING, ids=[f.value for f in STREAMING])
def test_chunks_join_to_render(report: Report, fmt: Format) -> None:
    made = renderer(fmt, Style(color=False, width=120))
    for name, variant in _variants(report).items():
        pieces = list(made.chunks(variant))  # type: ignore[attr-defined]
        assert all(isinstance(p, str) for p in pieces), name
        assert "".join(pieces) == made.render(variant), name
        if len(variant.results) > 1:
            assert len(pieces) > len(variant.results) // 2, f"{name}: not streamed result by result"
        out = io.StringIO()
        write_report(made, variant, out)
        assert out.getvalue() == made.render(variant), name


@pytest.mark.parametrize("fmt", list(Format), ids=[f.value for f in Format])
def test_write_report_writes_what_render_makes(report: Report, fmt: Format) -> None:
    made = renderer(fmt, Style(color=False, width=120))
    out = io.StringIO()
    write_report(made, report, out)
    assert out.getvalue() == made.render(report)


class _Counted(io.StringIO):
    """A text stream that counts its writes (each a system call when it writes through)."""

    writes = 0

    def write(self, text: str) -> int:
        self.writes += 1
        return super().write(text)


def test_a_report_is_written_in_batches_not_a_write_a_piece(report: Report) -> None:
    """Under PYTHONUNBUFFERED standard output makes a system call of each write: 600
    results (1,200 pieces) are a handful of writes, and the same text."""
    many = replace(report, results=report.results * (600 // len(report.results) + 1))
    made = renderer(Format.JSON, Style())
    out = _Counted()
    write_report(made, many, out)
    assert out.getvalue() == made.render(many)
    assert 1 < out.writes <= 2 * len(many.results) // parts._BATCH + 2


def test_a_problems_report_is_still_rendered_whole(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _, problems = make_reports(tmp_path, monkeypatch)
    assert isinstance(problems, ProblemReport) and problems.findings
    for fmt in STREAMING:
        text = renderer(fmt).render_problems(problems)
        assert text and text.endswith("\n")


def test_a_streamed_file_that_fails_midway_leaves_nothing_behind(tmp_path: Path) -> None:
    (tmp_path / "report.json").write_text("old", encoding="utf-8")

    def broken(out: object) -> None:
        out.write("half")  # type: ignore[attr-defined]
        raise RuntimeError("stopped")

    with pytest.raises(RuntimeError):
        write_atomic(tmp_path / "report.json", broken)
    assert [p.name for p in tmp_path.iterdir()] == ["report.json"]
    assert (tmp_path / "report.json").read_text(encoding="utf-8") == "old"


@pytest.mark.parametrize("fmt", ["json", "jsonl", "csv"])
def test_stdout_and_report_file_are_the_rendered_report(
    run_cli: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, fmt: str
) -> None:
    made, _ = make_reports(tmp_path, monkeypatch)
    expected = renderer(Format(fmt)).render(made)
    result = run_cli(
        "status", "progress.csv", "-t", "targets.yaml", "--as-of", "2026-01-15", "-f", fmt,
        "--report", f"{fmt}:out/report.{fmt}",
    )  # fmt: skip
    assert result.exit_code == 1
    assert result.stdout == expected
    assert (tmp_path / "out" / f"report.{fmt}").read_text(encoding="utf-8") == expected
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == [f"report.{fmt}"]


def test_a_streamed_report_appends_to_the_step_summary(
    run_cli: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    made, _ = make_reports(tmp_path, monkeypatch)
    summary = tmp_path / "summary.md"
    summary.write_text("earlier", encoding="utf-8")
    result = run_cli(
        "status", "progress.csv", "-t", "targets.yaml", "--as-of", "2026-01-15", "-q",
        "--report", f"csv:{summary}", env={"GITHUB_STEP_SUMMARY": str(summary)},
    )  # fmt: skip
    assert result.exit_code == 1
    assert summary.read_text(encoding="utf-8") == "earlier\n\n" + renderer(Format.CSV).render(made)


# --- outcomes written directly (formats.json_text) ----------------------------------------


def _odd_results(report: Report) -> list[Result]:
    """The fixture's results, and copies with the values an encoder treats specially."""
    out = list(report.results)
    with_latest = next(r for r in report.results if r.latest is not None)
    assert with_latest.latest is not None
    for number in (math.nan, math.inf, -math.inf, -0.0, 1e300, 5e-324, 3, 123456789.123456789):
        latest = with_latest.latest._replace(value=number)  # an int slips through too
        trend = with_latest.trend._replace(projected=number, ratio=number, required_rate=number)
        out.append(with_latest._replace(latest=latest, trend=trend, progress=number, days_left=-3))
    # Equal keys of other types after the plain ones (1 == True == 1.0; a datetime is a
    # date): the writers remember texts by value, and must not give these the plain ones'.
    moment = datetime(2024, 5, 6, 7, 8, 9)
    pairs: list[tuple[object, object]] = [(1, 2), (True, 2.0), (1.0, False), (1, 0), (False, 2)]
    for left, count in pairs:
        out.append(with_latest._replace(days_left=left, observations=count))  # type: ignore[arg-type]
    out.append(with_latest._replace(first_met=moment, latest=with_latest.latest._replace(date=moment)))
    out.append(
        with_latest._replace(first_met=moment.date(), latest=with_latest.latest._replace(date=moment.date()))
    )
    for text in ('a "quoted"\\ \n\t\x00\x1f\u2028 Hà Nội 😀', "", "\ud800"):
        latest = with_latest.latest._replace(source=text, file=text)
        out.append(with_latest._replace(entity=text, latest=latest))
    return out


@settings(max_examples=3000)
@given(
    st.one_of(
        st.floats(allow_nan=True, allow_infinity=True),
        st.floats(min_value=-2e11, max_value=2e11),
        st.floats(min_value=-1.0, max_value=1.0),
        # ties and near-ties at the fourth decimal: k/2^n is exact in binary
        st.builds(lambda k, n: k / 2**n, st.integers(-(10**9), 10**9), st.integers(0, 20)),
        st.builds(lambda k: k / 10_000 + 0.00005, st.integers(-(10**12), 10**12)),
    )
)
@example(0.0)
@example(-0.0)
@example(-0.00001)
@example(0.03125)
@example(99_999_999_999.99995)
@example(1e11)
@example(-1e11)
@example(5e-324)
def test_rounded_numbers_are_repr_of_round(number: float) -> None:
    """The printf paths write what the reports wrote before them: JSON ``repr(round(x,
    4))`` (``json_text._rounded``), CSV ``cell(rounded(x))`` (``csv_format.rounded_cell``)."""
    expected = value(round(number, 4))
    assert _rounded(number) == expected
    assert json.loads(expected) == round(number, 4) or math.isnan(number)
    assert rounded_cell(number) == cell(rounded(number))


@pytest.mark.parametrize(("item", "key"), [(", ", ": "), (",", ":")])
def test_outcome_text_is_what_the_encoder_writes(report: Report, item: str, key: str) -> None:
    encode = json.JSONEncoder(ensure_ascii=False, separators=(item, key)).encode
    write = OutcomeText(item, key)
    for result in _odd_results(report):
        assert write(result) == encode(outcome_fields(result))[1:]
        assert value(result.entity) == encode(result.entity)


@pytest.mark.parametrize("fmt", [Format.JSON, Format.JSONL])
def test_odd_values_stream_as_the_encoder_writes_them(report: Report, fmt: Format) -> None:
    odd = replace(report, results=tuple(_odd_results(report)))
    text = renderer(fmt).render(odd)
    if fmt is Format.JSON:
        expected = json.dumps(report_document(odd), ensure_ascii=False) + "\n"
    else:
        as_of = odd.as_of.isoformat()
        expected = "".join(
            json.dumps({"as_of": as_of, **result_document(r)}, ensure_ascii=False, separators=(",", ":"))
            + "\n"
            for r in odd.results
        )
    assert text == expected


def _csv_reference(report: Report) -> str:
    """The CSV report as it was built before it streamed: a row per result from its JSON
    document, ``latest`` flattened."""
    rows = []
    for result in report.results:
        doc = result_document(result)
        latest = doc["latest"]
        row: dict[str, object] = {**doc}
        row["latest_date"] = latest["date"] if latest else None
        row["latest_value"] = latest["value"] if latest else None
        row["latest_file"] = latest["file"] if latest else None
        row["latest_line"] = latest["line"] if latest else None
        rows.append(row)
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(RESULT_COLUMNS)
    for row in rows:
        writer.writerow([cell(row[c]) for c in RESULT_COLUMNS])
    return out.getvalue()


def test_csv_rows_are_the_documents_cells(report: Report) -> None:
    odd = replace(report, results=tuple(_odd_results(report)))
    for variant in (report, odd, replace(report, results=())):
        assert renderer(Format.CSV).render(variant) == _csv_reference(variant)


# --- two processes (formats.parts) ---

PARTED = [f for f in Format if hasattr(renderer(f), "pieces")]


def test_the_large_reports_can_be_written_by_two_processes() -> None:
    """Every format that writes a line or element per result (a pipe or a CI job gets
    every one at commune scale)."""
    expected = {Format.JSON, Format.JSONL, Format.CSV, Format.MARKDOWN, Format.JUNIT, Format.GITHUB}
    assert expected | {Format.TABLE} <= set(PARTED)


@pytest.fixture
def forks(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Two processes from the first result on; the list counts the forks."""
    monkeypatch.setattr(parts, "MIN_RESULTS", 1)
    return counted_forks(monkeypatch)


def _written(made: object, report: Report, path: Path) -> bytes:
    with path.open("w", encoding="utf-8") as out:
        write_report(made, report, out)  # type: ignore[arg-type]
    return path.read_bytes()


@pytest.mark.parametrize("fmt", PARTED, ids=[f.value for f in PARTED])
def test_two_processes_write_the_bytes_one_writes(
    report: Report, fmt: Format, forks: list[int], tmp_path: Path
) -> None:
    made = renderer(fmt, Style(color=False, width=120))
    for name, variant in _variants(report).items():
        for count in {len(variant.results), 2, 3}:  # the cut falls between results
            part = replace(variant, results=variant.results[:count])
            before = len(forks)
            written = _written(made, part, tmp_path / f"{name}.out")
            assert written == made.render(part).encode("utf-8"), (name, count)
            results_written = len(part.failing) if fmt is Format.GITHUB else len(part.results)
            assert len(forks) == before + (results_written >= 1), (name, count)


def test_a_child_that_fails_leaves_its_half_to_this_process(
    report: Report, forks: list[int], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Whatever stops the second process (here an error in it, in real life a full disk),
    the report is whole: this process writes the second half itself."""
    import os

    from dxcheck.formats import json_format

    made = renderer(Format.JSON, Style())
    parent = os.getpid()
    of = json_format._ResultText.of

    def only_here(self: object, result: Result) -> str:
        if os.getpid() != parent:
            raise OSError("no space left on device")
        return of(self, result)  # type: ignore[arg-type]

    monkeypatch.setattr(json_format._ResultText, "of", only_here)
    assert _written(made, report, tmp_path / "r.json") == made.render(report).encode("utf-8")
    assert forks


def test_a_text_stream_without_bytes_is_written_here(report: Report, forks: list[int]) -> None:
    out = io.StringIO()
    write_report(renderer(Format.JSON, Style()), report, out)
    assert out.getvalue() == renderer(Format.JSON, Style()).render(report)
    assert not forks


def test_the_cli_writes_a_report_in_two_processes_byte_for_byte(
    run_cli: Run, forks: list[int], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """stdout and a --report file, with Vietnamese text in both (the child encodes as the
    output does)."""
    args = ("status", "--as-of", "2026-06-30", "--lang", "vi")
    both = run_cli(*args, "-f", "junit", "--report", f"csv:{tmp_path / 'two.csv'}")
    assert forks
    monkeypatch.undo()  # one process again
    one = run_cli(*args, "-f", "junit", "--report", f"csv:{tmp_path / 'one.csv'}")
    assert (both.exit_code, both.stdout_bytes) == (one.exit_code, one.stdout_bytes)
    assert "Hà Nội" in one.stdout
    assert (tmp_path / "two.csv").read_bytes() == (tmp_path / "one.csv").read_bytes()


@pytest.mark.parametrize("child_fails", [False, True])
def test_this_process_writes_only_the_first_half_when_the_child_succeeds(
    report: Report, forks: list[int], tmp_path: Path, monkeypatch: pytest.MonkeyPatch, child_fails: bool
) -> None:
    import os

    from dxcheck.formats import parts

    parent = os.getpid()
    written_here: list[int] = []
    write = parts._write

    def counted(pieces: parts.Pieces, out: object) -> None:
        if os.getpid() == parent:
            written_here.append(sum(1 for item in pieces.items if not isinstance(item, str)))
        elif child_fails:
            raise OSError("no space left on device")
        write(pieces, out)  # type: ignore[arg-type]

    monkeypatch.setattr(parts, "_write", counted)
    made = renderer(Format.JSONL, Style())
    assert _written(made, report, tmp_path / "r.jsonl") == made.render(report).encode("utf-8")
    half = len(report.results) // 2
    assert written_here == ([half, len(report.results) - half] if child_fails else [half])


def test_no_room_for_the_second_half_means_one_process(
    report: Report, forks: list[int], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import tempfile

    def no_room() -> None:
        raise OSError("read-only file system")

    monkeypatch.setattr(tempfile, "TemporaryFile", no_room)
    made = renderer(Format.CSV, Style())
    assert _written(made, report, tmp_path / "r.csv") == made.render(report).encode("utf-8")
    assert not forks


@pytest.mark.parametrize("encoding", ["utf-16", "utf-8-sig", "latin-1"])
def test_an_output_in_another_encoding_is_written_by_one_process(
    report: Report, forks: list[int], tmp_path: Path, encoding: str
) -> None:
    """A byte-order mark or another codec: two parts would not make the bytes of one."""
    made = renderer(Format.JSONL, Style())
    path = tmp_path / "r.jsonl"
    with path.open("w", encoding=encoding, errors="replace") as out:
        write_report(made, report, out)
    assert path.read_bytes() == made.render(report).encode(encoding, errors="replace")
    assert not forks
