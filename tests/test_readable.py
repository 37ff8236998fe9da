"""What a person reads, at 80 and 200 columns, in English and Vietnamese (issue 13).

Every human table (status, the commune overview, targets, deadlines, diff, --by) on the
bundled catalog and sample: a golden file per command, width and language; every line
fits the width; no target id is ever broken; the failing results come first, worst
first, and the last lines say what to do next.
"""

from __future__ import annotations

import json
import re
from importlib.resources import files
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from dxcheck.catalog import load_catalog
from dxcheck.formats.grid import Column, cell_width, cut, fit
from tests.conftest import Run
from tests.golden import check_golden

AS_OF = "2026-12-01"
COMMANDS = {
    "status": ("status", "--as-of", AS_OF),
    "targets": ("targets",),
    "deadlines": ("deadlines", "--as-of", AS_OF),
    "diff": ("diff", "--from", "2025-06-30", "--to", "2026-06-30"),
    "by-entity": ("status", "--as-of", AS_OF, "--by", "entity"),
}
WIDTHS = (80, 200)
LANGS = ("en", "vi")


def _ids() -> set[str]:
    loaded = load_catalog(Path(str(files("dxcheck") / "data" / "targets.yaml")))
    assert loaded.catalog is not None
    return {t.id for t in loaded.catalog.targets}


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("command", sorted(COMMANDS))
def test_human_tables(run_cli: Run, command: str, width: int, lang: str) -> None:
    run = run_cli(*COMMANDS[command], "--lang", lang, env={"COLUMNS": str(width)})
    assert run.exit_code in (0, 1), run.stderr
    check_golden(f"readable/{command}.{lang}.{width}.txt", run.stdout)
    lines = run.stdout.splitlines()
    assert all(cell_width(line) <= width for line in lines), [
        line for line in lines if cell_width(line) > width
    ]
    # An id is never cut short (a cut cell ends in "…") nor folded onto the next line.
    ids = _ids()
    cut_ids = {w for line in lines for w in re.findall(r"([a-z0-9][a-z0-9-]*)…", line) if w not in ids}
    assert not {w for w in cut_ids if "-" in w and any(i.startswith(w) for i in ids)}
    assert not [line for line in lines if re.match(r"\s+[a-z0-9]+-[a-z0-9-]+\s*$", line)]
    if command == "status":
        shown = {
            w for line in lines for w in re.findall(r"(?<![\w-])[a-z0-9]+(?:-[a-z0-9]+)+(?![\w-])", line)
        }
        status = run_cli("status", "--as-of", AS_OF, "-f", "json").stdout
        assert {r["target"] for r in json.loads(status)["results"]} <= shown


@pytest.mark.parametrize("lang", LANGS)
def test_markdown_follows_the_language(run_cli: Run, lang: str) -> None:
    run = run_cli("status", "--as-of", AS_OF, "-f", "markdown", "--lang", lang)
    check_golden(f"readable/status-markdown.{lang}.md", run.stdout)
    assert ("Kiểm tra: KHÔNG ĐẠT" in run.stdout) is (lang == "vi")


def test_status_leads_with_the_verdict_and_the_worst(run_cli: Run) -> None:
    run = run_cli("status", "--as-of", AS_OF, env={"COLUMNS": "80"})
    lines = run.stdout.splitlines()
    assert lines[0].startswith("67 results as of 2026-12-01:")
    assert lines[1].startswith("Gate (fail on fail,overdue): FAILED (")
    assert lines[3].startswith("Failing the gate, worst first: ")
    first = lines[6].split()
    assert first[0] == "overdue"
    assert lines[-2] == f"Next, the worst result: dxcheck show {first[1]}"
    assert lines[-1] == "The entity failing most: dxcheck status --entity 'Cần Thơ'"


def test_vietnamese_status_words(run_cli: Run) -> None:
    run = run_cli("status", "--as-of", AS_OF, "--lang", "vi", env={"COLUMNS": "80"})
    assert run.stdout.startswith("67 kết quả tính đến ngày 01/12/2026:")
    assert "Kiểm tra (không đạt khi có fail,overdue): KHÔNG ĐẠT (" in run.stdout
    assert "quá hạn" in run.stdout and "toàn quốc" in run.stdout
    assert "overdue " not in run.stdout  # the status words, not the gate's option words


def test_lang_from_the_environment_and_the_command_line(run_cli: Run) -> None:
    env = {"COLUMNS": "80", "DXCHECK_LANG": "vi"}
    assert "chỉ tiêu trong targets.yaml" in run_cli("targets", env=env).stdout
    assert run_cli("deadlines", "--as-of", AS_OF, "--lang", "en", env=env).stdout.startswith("due ")


def test_a_column_is_dropped_before_an_id_is_cut() -> None:
    columns = [Column("id", "id", keep=True), Column("note", "note", shrink=6), Column("extra", "extra")]
    grid = fit(columns, {"id": 30, "note": 40, "extra": 5}, 40, order=("id", "note", "extra"))
    assert grid.keys == ("id", "note") and grid.widths == (30, 8)
    (line,) = grid.line({"id": "x" * 30, "note": "a long note that is cut", "extra": "e"})
    assert line == "x" * 30 + "  a long…" and cell_width(line) <= 40


def test_an_id_wider_than_the_terminal_is_whole_with_the_row_below() -> None:
    columns = [Column("status", "status", keep=True), Column("id", "id", keep=True), Column("n", "n")]
    grid = fit(columns, {"status": 4, "id": 70, "n": 3}, 40, order=("status", "id", "n"))
    lines = grid.line({"status": "pass", "id": "i" * 70, "n": "12%"})
    assert lines[0] == "pass    " + "i" * 70  # whole, never cut (status: as wide as its header)
    assert all(len(line) <= 40 for line in lines[1:])


def test_widths_count_terminal_columns() -> None:
    assert cell_width("Hà Nội") == 6  # precomposed
    assert cell_width("Ha\u0300 No\u0323\u0302i") == 6  # decomposed: the marks take no column
    assert cell_width("東京") == 4
    assert cut("Thành phố Hồ Chí Minh", 10) == "Thành phố…"


def test_findings_wrap_between_words_on_a_terminal() -> None:
    from dxcheck.findings import Code, Finding, Location
    from dxcheck.formats.diagnostics import format_finding
    from dxcheck.i18n import msg

    finding = Finding(
        Code.UNKNOWN_ENTITY,
        Location("data/tỉnh-thành-phố/báo-cáo-tháng-6.csv", 3, 24, field=1, header="Địa phương", row=3),
        {"text": "Thanh pho Ho Chi Minh"},
        hint=msg("did you mean '{name}'? (or add the spelling to its aliases)", name="Thành phố Hồ Chí Minh"),
    )
    for lang in ("en", "vi"):
        one_line = format_finding(finding, lang=lang)
        wrapped = format_finding(finding, lang=lang, width=80)
        lines = wrapped.splitlines()
        assert all(cell_width(line) <= 80 for line in lines), lines
        assert lines[0].startswith("data/tỉnh-thành-phố/báo-cáo-tháng-6.csv:3:24: DX223 ")
        assert all(line.startswith("    ") for line in lines[1:])
        assert " ".join(wrapped.split()) == " ".join(one_line.split())  # no word cut or lost
        assert len(one_line.splitlines()) == 2  # a log or a pipe keeps one line each


def test_validate_says_its_verdict_in_the_language(run_cli: Run, tmp_path: Path) -> None:
    data = tmp_path / "data.csv"
    data.write_text("target,date,value\nonline-public-services,2025-06-30,abc\n", encoding="utf-8")
    run = run_cli("validate", str(data), "--lang", "vi")
    assert run.exit_code == 2
    assert run.stdout == "kiểm tra dữ liệu KHÔNG ĐẠT: đã kiểm tra 2 tệp, 1 lỗi, 0 cảnh báo\n"
    assert " DX213 lỗi: " in run.stderr and "gợi ý: " in run.stderr


@pytest.mark.parametrize("lang", LANGS)
def test_coverage_in_the_language_at_80_columns(run_cli: Run, lang: str) -> None:
    coverage = ("coverage", "tests/data/coverage/progress.csv", "-t", "tests/data/coverage/targets.yaml")
    run = run_cli(*coverage, "--as-of", "2025-06-15", "--lang", lang, env={"COLUMNS": "80"})
    check_golden(f"readable/coverage.{lang}.80.txt", run.stdout)
    assert all(cell_width(line) <= 80 for line in run.stdout.splitlines())


def test_machine_formats_keep_english_keys_and_translate_free_text(run_cli: Run) -> None:
    english = json.loads(run_cli("status", "--as-of", "2026-01-15", "-f", "json").stdout)
    vietnamese = json.loads(run_cli("status", "--as-of", "2026-01-15", "-f", "json", "--lang", "vi").stdout)
    assert english["results"] == vietnamese["results"]  # keys, enum values, titles: the same
    assert english["summary"] == vietnamese["summary"]
    (warning,) = vietnamese["warnings"]
    assert warning["code"] == "DX218" and warning["severity"] == "warning"
    assert warning["message"].startswith("bỏ qua 1 hàng có ngày sau ngày chốt số liệu")


def test_usage_errors_speak_the_language(run_cli: Run) -> None:
    run = run_cli("status", "--as-of", AS_OF, "--entity", "Ha Noi ", "--lang", "vi")
    assert run.exit_code == 2
    assert "dxcheck: lỗi: --entity: không có địa phương, đơn vị nào khớp với 'Ha Noi '" in run.stderr
    assert "có phải ý bạn là 'Hà Nội'?" in run.stderr
    run = run_cli("deadlines", "--as-of", "31/12/2025", "--lang", "vi")
    assert run.stderr == "dxcheck: lỗi: --as-of cần một ngày dạng YYYY-MM-DD, không phải '31/12/2025'\n"
    english = run_cli("deadlines", "--as-of", "31/12/2025")  # the next run speaks English again
    assert english.stderr == "dxcheck: error: --as-of takes a date as YYYY-MM-DD, not '31/12/2025'\n"


def test_notices_wrap_between_words_on_a_terminal(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from dxcheck import cli_options

    text = "error: --entity: no entity matches 'Quang Nam' (did you mean 'Quảng Nam'?)"
    monkeypatch.setattr(cli_options, "stderr_width", lambda: 40)
    cli_options.notice(text)
    lines = capsys.readouterr().err.splitlines()
    assert all(len(line) <= 40 for line in lines) and len(lines) > 1
    assert " ".join(" ".join(lines).split()) == f"dxcheck: {text}"
    monkeypatch.setattr(cli_options, "stderr_width", lambda: None)  # a log: one line
    cli_options.notice(text)
    assert capsys.readouterr().err == f"dxcheck: {text}\n"


def test_ci_formats_say_a_result_in_the_language(run_cli: Run) -> None:
    base = ("status", "--as-of", AS_OF, "--target", "online-public-services", "--entity", "national")
    github = run_cli(*base, "-f", "github", "--lang", "vi").stdout
    assert (
        "::không đạt, xu hướng không hoàn thành: mới nhất 39,98%25 (26/10/2025), mục tiêu >= 80%25, "
        in github
    )
    assert github.endswith("Kiểm tra (không đạt khi có fail,overdue): KHÔNG ĐẠT (1).\n")
    junit = run_cli(*base, "-f", "junit", "--lang", "vi").stdout
    assert 'message="không đạt, xu hướng không hoàn thành: mới nhất 39,98% (26/10/2025)' in junit
    assert 'classname="digital-government"' in junit  # structure stays as it is
    english = run_cli(*base, "-f", "github").stdout
    assert (
        "::fail, outlook missed: latest 39.98%25 (2025-10-26), goal >= 80%25, due 2025-12-31 (335 days ago)"
        in english
    )


def test_a_refused_report_path_is_said_in_the_language(run_cli: Run, tmp_path: Path) -> None:
    data = tmp_path / "data.csv"
    data.write_text("target,date,value\nonline-public-services,2025-06-30,50\n", encoding="utf-8")
    before = data.read_bytes()
    run = run_cli("status", str(data), "--as-of", AS_OF, "--report", f"json:{data}", "--lang", "vi")
    assert run.exit_code == 2
    assert f"{data}: DX302 lỗi: không ghi đè lên một tệp CSV đầu vào" in run.stderr
    assert data.read_bytes() == before


_CELL = st.text(alphabet=st.sampled_from("ab Hà\u0300東\x1b…-%"), max_size=14)


@given(st.lists(st.fixed_dictionaries({"id": _CELL, "note": _CELL, "n": _CELL}), min_size=1, max_size=8))
def test_a_grid_line_is_the_same_from_cells_padded_before(rows: list[dict[str, str]]) -> None:
    """A grid keeps the cells it padded (most repeat); each line is the one the general
    path makes of the same cells (``paint={}``: nothing painted, never the fast path), a
    cell too wide for its column included."""
    columns = [
        Column("id", "id", keep=True),
        Column("note", "note", shrink=6),
        Column("n", "n", align="right"),
    ]
    natural = {"id": 6, "note": 9, "n": 4}
    kept = fit(columns, natural, 30, order=("id", "note", "n"))
    for cells in rows + rows:
        assert kept.line(cells) == fit(columns, natural, 30, order=("id", "note", "n")).line(cells, {})


def test_the_latest_column_is_as_wide_as_its_widest_cell() -> None:
    """Measured a reading and a date at a time: the width of the widest whole cell, with
    wide characters, combining marks and control characters in the unit too."""
    from datetime import date

    from dxcheck.check import Options, run_status
    from dxcheck.formats import Style
    from dxcheck.formats.table import ResultLines

    report = run_status(Options(as_of=date(2026, 1, 15))).report
    assert report is not None
    results = list(report.results)
    with_latest = [r for r in results if r.latest is not None]
    for unit in ("東京\x1b[1m", "người\u0300", "%"):
        odd = with_latest[0]
        assert odd.latest is not None
        target = odd.target.model_copy(update={"unit": unit})
        results.append(odd._replace(target=target, latest=odd.latest._replace(value=123456.789)))
    lines = ResultLines(results, Style())
    assert lines._latest_width(results) == max(cell_width(lines.latest(r)) for r in results) > 10


@pytest.mark.parametrize(("width", "lang"), [(80, "en"), (120, "vi"), (200, "en")])
def test_a_share_far_past_the_target_stays_on_its_line(width: int, lang: str) -> None:
    """A progress of 1,032% or -50% (a level far passed, a value under the baseline) is
    given room: no row of the table goes on to a second line."""
    from datetime import date

    from dxcheck.check import Options, run_status
    from dxcheck.formats import Style
    from dxcheck.formats.table import ResultLines

    report = run_status(Options(as_of=date(2026, 1, 15))).report
    assert report is not None
    results = list(report.results)
    results += [results[0]._replace(progress=10.32), results[1]._replace(progress=-0.5)]
    lines = ResultLines(results, Style(width=width, lang=lang))
    assert all(len(lines.lines(r)) == 1 for r in results)
    assert any(("1,032%" if lang == "en" else "1.032%") in lines.lines(r)[0] for r in results)
