"""The HTML report without a browser: its content and order, its words in two languages,
the series its charts draw (and how they are read), and its size at commune scale.

The browser tests (``test_html_browser``) open the same pages in headless Chromium."""

from __future__ import annotations

import json
import re
import time
from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path

import pytest
from bench.generate import DataSpec, generate

from dxcheck.catalog import Catalog, load_catalog
from dxcheck.chart_series import CHART_ENTITIES, chosen, collect, shortfall
from dxcheck.check import Options, run_status
from dxcheck.formats import Format, Style, renderer
from dxcheck.formats.html import ENTITY_ROWS
from dxcheck.formats.html_page import POLICY, SCRIPT, STYLE
from dxcheck.formats.lexicon import Words
from dxcheck.progress import InputFile, ProgressIndex
from dxcheck.report import ChartSeries, Observation, Outlook, Report, Result, Status, Trend
from tests.conftest import REPO, Run
from tests.htmlparse import Element, parse

CATALOG = "tests/data/catalog.yaml"
PROGRESS = "tests/data/progress.csv"
AS_OF = "2026-01-15"


@pytest.fixture(autouse=True)
def _in_repo(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(REPO)


def _page(run_cli: Run, *args: str) -> tuple[Element, str, dict[str, object]]:
    """The HTML page of ``status`` with ``args``, parsed, and the JSON report of the same run."""
    html = run_cli("status", *args, "--as-of", AS_OF, "-f", "html")
    assert html.exit_code in (0, 1), html.stderr
    as_json = run_cli("status", *args, "--as-of", AS_OF, "-f", "json")
    return parse(html.stdout), html.stdout, json.loads(as_json.stdout)


def _sections(page: Element) -> list[Element]:
    return page.find_all("section", "target")


def test_page_holds_everything_in_order(run_cli: Run) -> None:
    page, text, doc = _page(run_cli, PROGRESS, "-t", CATALOG)
    (html,) = page.iter("html")
    assert html.attrs["lang"] == "en"
    # The order the issue asks for: as-of, verdict and counts, category, agency, entity, targets.
    markers = [
        "As of 2026-01-15",
        'id="gate"',
        'id="counts"',
        'id="outlooks"',
        'id="by-category-heading"',
        'id="by-agency-heading"',
        'id="by-entity-heading"',
        'id="targets-heading"',
        'class="target"',
    ]
    positions = [text.index(m) for m in markers]
    assert positions == sorted(positions)
    gate = doc["gate"]
    assert isinstance(gate, dict)
    (verdict,) = [s for s in page.iter("section") if s.attrs.get("id") == "gate"]
    assert verdict.attrs["data-gate"] == ("passed" if gate["passed"] else "failed")
    assert int(verdict.attrs["data-failing"]) == gate["failing"]
    results = doc["results"]
    assert isinstance(results, list)
    targets = list(dict.fromkeys(r["target"] for r in results))
    assert [s.attrs["id"] for s in _sections(page)] == [f"t-{t}" for t in targets]
    for section, tid in zip(_sections(page), targets, strict=True):
        mine = [r for r in results if r["target"] == tid]
        national = mine[0]
        assert section.attrs["data-status"] == national["status"]
        assert section.attrs["data-outlook"] == national["outlook"]
        charts = section.find_all("svg", "chart")
        with_data = any(r["latest"] for r in mine)
        assert len(charts) == (1 if with_data else 0), tid
        if charts:
            lines = charts[0].find_all("polyline")
            assert len(lines) == int(charts[0].attrs["data-series"]) >= 1
            assert all(line.attrs["points"].strip() for line in lines)
            assert charts[0].find_all("title") and charts[0].find_all("desc")  # the text alternative
            assert section.find_all("ul", "legend")
    # The counts by status, as the JSON report has them.
    tiles = page.find_all("ul", "tiles")[0].find_all("li")
    summary = doc["summary"]
    assert isinstance(summary, dict)
    assert [int(li.find_all("b")[0].text.replace(",", "")) for li in tiles] == [summary[s] for s in Status]


def test_source_link_quote_and_due_date(run_cli: Run, tmp_path: Path) -> None:
    catalog = tmp_path / "targets.yaml"
    text = (
        (REPO / CATALOG)
        .read_text(encoding="utf-8")
        .replace(
            '      quote: "80% of public services online by the end of 2025"',
            '      quote: "80% of public services online by the end of 2025"\n'
            "      url: https://example.gov.vn/speech?id=1&lang=en",
        )
    )
    catalog.write_text(text, encoding="utf-8")
    page, _, _ = _page(run_cli, PROGRESS, "-t", str(catalog))
    section = _sections(page)[0]
    (link,) = section.find_all("a")
    assert link.attrs["href"] == "https://example.gov.vn/speech?id=1&lang=en"
    assert "80% of public services online by the end of 2025" in section.find_all("blockquote")[0].text
    assert "end of 2025 → 2025-12-31 · 15 days ago" in section.text


def test_report_file_is_the_page_on_stdout(run_cli: Run, tmp_path: Path) -> None:
    out = tmp_path / "out" / "report.html"
    base = ("status", PROGRESS, "-t", CATALOG, "--as-of", AS_OF)
    written = run_cli(*base, "--report", f"html:{out}", "--lang", "vi", "-q")
    assert written.exit_code == 1, written.stderr
    printed = run_cli(*base, "-f", "html", "--lang", "vi")
    assert out.read_text(encoding="utf-8") == printed.stdout


def test_vietnamese_page(run_cli: Run) -> None:
    page, text, _ = _page(run_cli, PROGRESS, "-t", CATALOG, "--lang", "vi")
    assert page.iter("html")[0].attrs["lang"] == "vi"
    for words in ("Tính đến ngày 15/01/2026", "Kiểm tra: KHÔNG ĐẠT", "Tổng hợp theo lĩnh vực", "toàn quốc"):
        assert words in text, words
    # None of the report's own English words is left (target titles come from the catalog).
    english = Words("en")
    own = [
        english(k) for k in ("by_status", "by_category", "gate_failed", "numbers", "legend_due", "national")
    ]
    visible = re.sub(r"<[^>]+>", " ", text)
    assert not [w for w in own if w in visible]
    assert "80,000" not in text  # Vietnamese numbers: 100.000 (the compound target's level)
    assert "100.000" in text


def test_lang_is_checked(run_cli: Run) -> None:
    bad = run_cli("status", "--lang", "fr", "-f", "html")
    assert bad.exit_code == 2 and "Invalid value for '--lang'" in bad.stderr


def test_problems_page(run_cli: Run, tmp_path: Path) -> None:
    bad = tmp_path / "bad.csv"
    bad.write_text("target,date,value\nonline-servics,2025-01-01,<b>5</b>\n", encoding="utf-8")
    result = run_cli("status", str(bad), "-t", CATALOG, "-f", "html")
    assert result.exit_code == 2
    page = parse(result.stdout)
    (verdict,) = [s for s in page.iter("section") if s.attrs.get("id") == "gate"]
    assert verdict.attrs["data-gate"] == "failed"
    assert "DX210" in page.text and "<b>" not in result.stdout


def test_standard_input_is_read_twice(run_cli: Run) -> None:
    """The chart pass reads the inputs again: standard input's copy is kept until then."""
    text = (REPO / PROGRESS).read_text(encoding="utf-8")
    result = run_cli("status", "-", "-t", CATALOG, "--as-of", AS_OF, "-f", "html", input=text)
    assert result.exit_code == 1, result.stderr
    assert len(parse(result.stdout).find_all("svg", "chart")) == 5


# --- which series a chart draws, and their points --------------------------------------------


def _bench(tmp_path: Path) -> tuple[Catalog, Path]:
    paths = generate(DataSpec(rows=6000, seed=3), tmp_path)
    loaded = load_catalog(paths.catalog)
    assert loaded.catalog is not None
    return loaded.catalog, paths.csv


@pytest.mark.parametrize("halves", ["one-piece", "halves", "halves-child-fails"])
def test_chart_pass_reads_exactly_the_observations(
    tmp_path: Path, halves: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The second pass finds the same points as recording every row in the first, also
    when it reads a file in the two halves the first pass read it in (and when the process
    reading the second half fails: then it is read here)."""
    catalog, csv_path = _bench(tmp_path)
    as_of = date(2024, 6, 30)  # rows after it are left out by both
    ids = frozenset(t.id for t in catalog.targets)
    recording = ProgressIndex(catalog, as_of, record=ids, split_min_bytes=None)
    plain = ProgressIndex(catalog, as_of, split_min_bytes=None if halves == "one-piece" else 1)
    from dxcheck import split
    from dxcheck.findings import FindingSink

    for index in (recording, plain):
        index.read(InputFile(str(csv_path), csv_path), FindingSink())
    assert plain.read_in_halves == ([] if halves == "one-piece" else [str(csv_path)])
    if halves == "halves-child-fails":
        monkeypatch.setattr(split.Beside, "result", lambda self: split.Beside.cancel(self))
    wanted = {tid: list(recording.recorded(tid)) for tid in ids}
    points = plain.chart_points(wanted)
    expected = {
        (tid, entity): tuple((o.date, o.value) for o in observed)
        for tid in ids
        for entity, observed in recording.recorded(tid).items()
    }
    assert points == expected and len(expected) > 100


def _result(target_id: str, entity: str | None, value: float | None, catalog: Catalog) -> Result:
    target = catalog.by_id()[target_id]
    latest = None if value is None else Observation(date(2025, 1, 1), value, "f.csv", 2)
    return Result(target, entity, Status.PENDING, False, latest, None, 1, None, 10, Trend(Outlook.ON_TRACK))


def test_chosen_entities_are_the_worst_by_shortfall(tmp_path: Path) -> None:
    catalog, _ = _bench(tmp_path)
    at_least, at_most = "online-public-services", "late-dossiers"  # >= 80 %, <= 5 %
    results = [
        _result(at_least, None, 50, catalog),
        *(_result(at_least, name, v, catalog) for name, v in zip("ABCDE", (10, 90, 40, 15, 70), strict=True)),
        _result(at_least, "no data", None, catalog),
        _result(at_most, "low", 4, catalog),
        _result(at_most, "high", 30, catalog),
    ]
    plan = chosen(results, 3)
    assert plan == {at_least: [None, "A", "D", "C"], at_most: ["high", "low"]}  # no national result: none
    assert shortfall(results[1]) == pytest.approx(0.875)
    assert shortfall(results[-1]) == pytest.approx(5.0)  # (30 - 5) / 5


def test_collect_draws_the_engines_trend(tmp_path: Path) -> None:
    _, csv_path = _bench(tmp_path)
    outcome = run_status(
        Options(catalog=tmp_path / "catalog.yaml", inputs=(str(csv_path),), as_of=date(2026, 1, 1))
    )
    assert outcome.report is not None and outcome.index is not None
    charts = collect(outcome.index, outcome.report.results)
    assert charts.keys() == {r.target.id for r in outcome.report.results}
    entities = [s for series in charts.values() for s in series if s.entity is not None]
    assert all(len([s for s in series if s.entity]) <= CHART_ENTITIES for series in charts.values())
    assert len(entities) > 20
    for drawn in entities:  # an entity's trend is fitted on exactly its points
        fit = drawn.fit
        assert fit is not None
        assert fit.n == len(drawn.points)
        assert fit.sy == pytest.approx(sum(v for _, v in drawn.points))


# --- commune scale: 40 targets x 3,300 entities ------------------------------------------------


def _commune_report(catalog: Catalog) -> Report:
    """133,400 results and, per target, the nation and six entities with ten years of
    monthly points: what the CLI hands the renderer at commune scale."""
    targets = catalog.targets
    months = [date(2016, 1, 31) + timedelta(days=round(30.44 * k)) for k in range(120)]
    results: list[Result] = []
    charts: dict[str, tuple[ChartSeries, ...]] = {}
    for n, target in enumerate(targets):
        level = target.level
        for e in range(-1, 3334):
            entity = None if e < 0 else f"Xã {e} (Tỉnh {e % 34})"
            value = level * ((e * 7919 + n) % 100) / 100
            status = Status.PASS if value >= level else Status.FAIL
            latest = Observation(months[-1], value, "big.csv", e + 2)
            trend = Trend(Outlook.OFF_TRACK, "linear", value, 0.5, 1.0, 0.1)
            results.append(Result(target, entity, status, False, latest, None, 120, 0.5, -10, trend))
        drawn = [None, *(f"Xã {e} (Tỉnh {e % 34})" for e in range(CHART_ENTITIES))]
        charts[target.id] = tuple(
            ChartSeries(name, tuple((d, level * k / 200) for k, d in enumerate(months)), None)
            for name in drawn
        )
    return Report(date(2026, 1, 15), "catalog.yaml", ("big.csv",), tuple(results), charts=charts)


def test_commune_scale_page_is_small_and_bounded(tmp_path: Path) -> None:
    catalog, _ = _bench(tmp_path)
    report = _commune_report(catalog)
    assert len(report.results) == 133_400
    started = time.perf_counter()
    text = renderer(Format.HTML, Style()).render(report)
    elapsed = time.perf_counter() - started
    size = len(text.encode("utf-8"))
    assert size < 10 * 2**20, size
    assert elapsed < 20, elapsed  # about 1 s here; the bound is for a slow CI machine
    page = parse(text)
    entity_table = next(t for t in page.iter("table") if t.attrs.get("id") == "by-entity")
    assert len(entity_table.find_all("tbody")[0].find_all("tr")) == ENTITY_ROWS
    assert "100 of 3,335 entities shown" in text
    charts = page.find_all("svg", "chart")
    assert len(charts) == 40
    assert all(len(c.find_all("polyline")) == 1 + CHART_ENTITIES for c in charts)


def test_page_resources_are_pinned_by_the_policy() -> None:
    assert "default-src 'none'" in POLICY and "img-src 'none'" in POLICY
    assert "'unsafe-inline'" not in POLICY
    # The policy's hashes are of exactly the style and script the page carries.
    import base64
    import hashlib

    for source in (STYLE, SCRIPT):
        digest = base64.b64encode(hashlib.sha256(source.encode()).digest()).decode()
        assert f"'sha256-{digest}'" in POLICY


def test_words_cover_both_languages() -> None:
    english, vietnamese = Words("en"), Words("vi")
    assert english._labels.keys() == vietnamese._labels.keys()
    assert vietnamese.number(1234567.5) == "1.234.567,5" and english.number(1234567.5) == "1,234,567.5"
    assert vietnamese.day(date(2025, 12, 31)) == "31/12/2025"
    assert english.compact(25_000_000) == "25M" and vietnamese.compact(12_500) == "12,5 N"
    assert {vietnamese.status(s) for s in Status} != {s.value for s in Status}
    with pytest.raises(ValueError, match="unknown language"):
        Words("fr")


def test_report_without_charts_still_renders(tmp_path: Path) -> None:
    """A Report built without the chart pass (an API user): sections, no charts."""
    outcome = run_status(Options(catalog=Path(CATALOG), inputs=(PROGRESS,), as_of=date(2026, 1, 15)))
    assert outcome.report is not None and outcome.report.charts is None
    page = parse(renderer(Format.HTML, Style()).render(replace(outcome.report, charts=None)))
    assert len(_sections(page)) == 5 and not page.find_all("svg", "chart")
    assert not page.find_all("p", "nochart")  # no claim that there is nothing to draw


@pytest.mark.parametrize(
    ("lang", "words"),
    [("en", "At this pace</dt><dd>the fitted trend reaches the goal in 2026-06"), ("vi", "tháng 06/2026")],
)
def test_a_target_section_says_when_the_trend_reaches_the_goal(
    run_cli: Run, tmp_path: Path, lang: str, words: str
) -> None:
    # 40 (baseline, 2024-01-01) to 60 a year later: the line reaches 80 two years after the baseline
    rows = "target,date,value\nonline-public-services,2024-07-01,50\nonline-public-services,2025-01-01,60\n"
    data = tmp_path / "rising.csv"
    data.write_text(rows, encoding="utf-8")
    as_json = json.loads(
        run_cli("status", str(data), "-t", CATALOG, "--as-of", "2025-02-01", "-f", "json").stdout
    )
    (national,) = [r for r in as_json["results"] if r["target"] == "online-public-services"]
    assert national["eta"] is not None and national["eta"].startswith("2026-0")
    page = run_cli("status", str(data), "-t", CATALOG, "--as-of", "2025-02-01", "-f", "html", "--lang", lang)
    month = national["eta"][:7]
    expected = words.replace("2026-06", month).replace("06/2026", f"{month[5:]}/{month[:4]}")
    assert expected in page.stdout
