"""Streamed reports (``Renderer.chunks``, ``formats.write_report``): the pieces make
exactly what ``render`` makes, for every format that streams, and the CLI writes them to
stdout and to ``--report`` files byte for byte as before."""

from __future__ import annotations

import csv
import io
import json
import math
from dataclasses import replace
from pathlib import Path

import pytest

from dxcheck.formats import Format, Style, renderer, write_report
from dxcheck.formats.csv_format import RESULT_COLUMNS, cell
from dxcheck.formats.document import outcome_fields, report_document, result_document
from dxcheck.formats.json_text import OutcomeText, value
from dxcheck.output import write_atomic
from dxcheck.report import ProblemReport, Report, Result
from tests.conftest import Run
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
        latest = replace(with_latest.latest, value=number)  # an int slips through too
        trend = replace(with_latest.trend, projected=number, ratio=number, required_rate=number)
        out.append(replace(with_latest, latest=latest, trend=trend, progress=number, days_left=-3))
    for text in ('a "quoted"\\ \n\t\x00\x1f\u2028 Hà Nội 😀', "", "\ud800"):
        latest = replace(with_latest.latest, source=text, file=text)
        out.append(replace(with_latest, entity=text, latest=latest))
    return out


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
