"""The HTML report in a real browser: headless Chromium (Debian's ``chromium`` package,
which ``.ci/run`` installs), driven over the DevTools protocol (``bench/chromium.py``).

Each page (the bundled data in English and Vietnamese, a generated multi-province data
set, a page of hostile inputs) is opened at desktop and phone width, with and without
scripts, and as printed on A4. Checked: no console error, no request but the page itself,
every target section, one chart with data for each target that has data, the gate verdict
of the JSON report, no horizontal overflow, working sorting and filters, and the page's
text against a golden file. Screenshots (desktop and phone) go to ``build/screenshots/``
for a person to look at.

Without Chromium the tests are skipped with a message saying how to install it, unless
``DXCHECK_REQUIRE_CHROMIUM=1`` (set by ``.ci/run`` once it is installed): then a missing
or broken browser fails.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from bench.chromium import A4_WIDTH_PX, Browser, Page, chromium, find_chromium
from bench.generate import DataSpec, generate

from dxcheck import __version__
from tests.conftest import REPO, Run
from tests.golden import check_golden
from tests.test_escaping import hostile_html

SCREENSHOTS = REPO / "build" / "screenshots"
AS_OF = "2026-01-15"
DESKTOP, PHONE = (1280, 900), (390, 844)


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    if find_chromium() is None:
        message = "no Chromium: apt-get install chromium (.ci/run does), or set DXCHECK_CHROMIUM"
        if os.environ.get("DXCHECK_REQUIRE_CHROMIUM") == "1":
            pytest.fail(message)
        pytest.skip(message)
    with chromium() as running:
        yield running


@dataclass(frozen=True)
class Report:
    """A page written by ``status -f html`` and the JSON report of the same run."""

    name: str
    html: Path
    doc: dict[str, object]


def _write(run_cli: Run, tmp: Path, name: str, *args: str) -> Report:
    page = run_cli("status", *args, "--as-of", AS_OF, "-f", "html")
    assert page.exit_code in (0, 1), page.stderr
    as_json = run_cli("status", *args, "--as-of", AS_OF, "-f", "json")
    path = tmp / f"{name}.html"
    path.write_text(page.stdout, encoding="utf-8")
    return Report(name, path, json.loads(as_json.stdout))


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    paths = generate(DataSpec(rows=20_000, seed=14), tmp_path_factory.mktemp("provinces"))
    return paths.catalog, paths.csv


def _provinces(tmp: Path, generated: tuple[Path, Path]) -> tuple[str, ...]:
    """The generated data under short relative names: the page names its files."""
    for source, name in zip(generated, ("catalog.yaml", "provinces.csv"), strict=True):
        (tmp / name).write_bytes(source.read_bytes())
    return ("provinces.csv", "-t", "catalog.yaml")


@pytest.fixture(params=["bundled.en", "bundled.vi", "provinces.en"])
def report(
    request: pytest.FixtureRequest,
    run_cli: Run,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    generated: tuple[Path, Path],
) -> Report:
    monkeypatch.chdir(tmp_path)  # no ./targets.yaml: the bundled catalog, named the same everywhere
    name = request.param
    if name.startswith("bundled"):
        return _write(run_cli, tmp_path, name, "--lang", name.split(".")[1])
    return _write(run_cli, tmp_path, name, *_provinces(tmp_path, generated))


def _visit(page: Page, report: Report, *, scripts: bool = True) -> None:
    visit = page.open(report.html.as_uri(), scripts=scripts)
    assert visit.errors == [], visit.errors
    assert visit.requests == [report.html.as_uri()], visit.requests  # the page itself, nothing else
    assert visit.dialogs == []


STRUCTURE = """(() => {
  const sections = [...document.querySelectorAll('section.target')];
  const gate = document.getElementById('gate');
  return {
    lang: document.documentElement.lang,
    gate: gate.dataset.gate, failing: Number(gate.dataset.failing),
    sections: sections.map(s => ({
      id: s.id, visible: s.offsetHeight > 0,
      charts: [...s.querySelectorAll('svg.chart')].map(c => ({
        series: c.querySelectorAll('polyline').length,
        drawn: c.getBoundingClientRect().height > 100,
        points: [...c.querySelectorAll('polyline')].every(p => p.points.numberOfItems > 0),
        labelled: Boolean(c.querySelector('title') && c.querySelector('desc') && c.getAttribute('aria-labelledby')),
      })),
    })),
    controls: [...document.querySelectorAll('.controls')].filter(c => c.offsetHeight > 0).length,
  };
})()"""

OVERFLOW = "document.documentElement.scrollWidth - document.documentElement.clientWidth"


def _check_structure(page: Page, report: Report, *, scripts: bool) -> None:
    seen = page.evaluate(STRUCTURE)
    assert seen["lang"] == report.name.split(".")[1]
    gate = report.doc["gate"]
    assert isinstance(gate, dict)
    assert (seen["gate"], seen["failing"]) == ("passed" if gate["passed"] else "failed", gate["failing"])
    results = report.doc["results"]
    assert isinstance(results, list)
    targets = list(dict.fromkeys(r["target"] for r in results))
    assert [s["id"] for s in seen["sections"]] == [f"t-{t}" for t in targets]
    assert all(s["visible"] for s in seen["sections"])
    for section, tid in zip(seen["sections"], targets, strict=True):
        with_data = any(r["latest"] for r in results if r["target"] == tid)
        assert len(section["charts"]) == (1 if with_data else 0), tid
        for chart in section["charts"]:
            assert chart["series"] >= 1 and chart["drawn"] and chart["points"] and chart["labelled"], tid
    assert seen["controls"] == (2 if scripts else 0)  # the filter box and the status filter


def test_page_in_chromium(browser: Browser, report: Report) -> None:
    page = Page(browser, *DESKTOP)
    _visit(page, report)
    _check_structure(page, report, scripts=True)
    assert page.evaluate(OVERFLOW) <= 0
    text = page.evaluate("document.body.innerText").replace(f"dxcheck {__version__}", "dxcheck <version>")
    check_golden(f"html/{report.name}.txt", text)
    page.screenshot(SCREENSHOTS / f"{report.name}-desktop.png")
    page.resize(*PHONE, mobile=True)
    _visit(page, report)
    assert page.evaluate(OVERFLOW) <= 0, "wider than a phone"
    page.screenshot(SCREENSHOTS / f"{report.name}-phone.png")


def test_page_reads_the_same_without_scripts(browser: Browser, report: Report) -> None:
    page = Page(browser, *DESKTOP)
    _visit(page, report, scripts=False)
    _check_structure(page, report, scripts=False)


def test_page_prints_on_a4(browser: Browser, report: Report) -> None:
    page = Page(browser, A4_WIDTH_PX, 1000)
    _visit(page, report)
    page.print_media(True)
    assert page.evaluate(OVERFLOW) <= 0, "wider than an A4 page"
    hidden = "[...document.querySelectorAll('.controls, details.numbers')].every(e => e.offsetHeight === 0)"
    assert page.evaluate(hidden)
    pdf = page.pdf()
    assert pdf.startswith(b"%PDF") and len(pdf) > 10_000


def test_sorting_and_filters_work(
    browser: Browser,
    run_cli: Run,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    generated: tuple[Path, Path],
) -> None:
    monkeypatch.chdir(tmp_path)
    report = _write(run_cli, tmp_path, "provinces.en", *_provinces(tmp_path, generated))
    page = Page(browser, *DESKTOP)
    _visit(page, report)
    rows = "[...document.querySelectorAll('#by-entity tbody tr')].filter(r => !r.hidden)"
    names = f"{rows}.map(r => r.cells[0].textContent)"
    before = page.evaluate(names)
    click = "document.querySelector('#by-entity thead th button').click()"
    page.evaluate(click)
    ascending = page.evaluate(names)
    assert sorted(ascending) == sorted(before) and ascending != before
    page.evaluate(click)
    assert page.evaluate(names) == ascending[::-1]
    page.evaluate(
        "(() => { const box = document.querySelector('input[data-rows]'); box.value = 'Hà Nội';"
        " box.dispatchEvent(new Event('input')); })()"
    )
    kept = page.evaluate(names)
    assert kept and all("Hà Nội" in n for n in kept) and len(kept) < len(before)
    page.evaluate(
        "(() => { const s = document.querySelector('select[data-sections]'); s.value = 'pass';"
        " s.dispatchEvent(new Event('change')); })()"
    )
    shown = page.evaluate(
        "[...document.querySelectorAll('section.target')].filter(s => !s.hidden).map(s => s.dataset.status)"
    )
    assert set(shown) <= {"pass"}


def test_hostile_inputs_run_nothing(browser: Browser, run_cli: Run, tmp_path: Path) -> None:
    path = tmp_path / "hostile.html"
    path.write_text(hostile_html(tmp_path, run_cli), encoding="utf-8")
    page = Page(browser, *DESKTOP)
    visit = page.open(path.as_uri())
    assert visit.dialogs == [] and visit.errors == [] and visit.requests == [path.as_uri()]
    assert page.evaluate("typeof window.pwned") == "undefined"
    assert page.evaluate("document.scripts.length") == 1
    assert "<script>window.pwned=1</script>" in page.evaluate("document.body.innerText")
