"""The bundled sample is a set of published figures: every row a figure a public page
states, with the page's address and its publication date (README, "The bundled sample")."""

from __future__ import annotations

import csv
import re
from collections import defaultdict
from datetime import date
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from dxcheck.catalog import TargetType, load_catalog
from dxcheck.check import Options, run_status, run_validate
from dxcheck.progress import COLUMNS
from tests.conftest import REPO, Run

SAMPLE = REPO / "src" / "dxcheck" / "data" / "sample-progress.csv"
README = (REPO / "README.md").read_text(encoding="utf-8")

# The note opens with the publication date: exact, or a lower bound for an undated page
# (the latest date the page itself cites), with its reason in brackets.
PUBLISHED = re.compile(
    r"published (?P<bound>on or after )?(?P<date>\d{4}-\d{2}-\d{2})(?: \([^()]*\))?(?:; |$)"
)
# Sites that only repeat other outlets' articles: cite the page they copy instead.
AGGREGATORS = {"vietnam.vn", "tothethao.com", "primetweets.com", "xe.today"}


def _rows() -> list[dict[str, str]]:
    with SAMPLE.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def _published(row: dict[str, str]) -> date:
    match = PUBLISHED.match(row["note"])
    assert match, f"the note must open with 'published YYYY-MM-DD; ' or 'published on or after ...': {row}"
    return date.fromisoformat(match["date"])


def _key(row: dict[str, str]) -> tuple[str, str, str]:
    return row["target"], " ".join(row["entity"].casefold().split()), row["date"]


def test_the_sample_has_only_known_columns() -> None:
    with SAMPLE.open(encoding="utf-8", newline="") as handle:
        header = next(csv.reader(handle))
    # An unknown column would be a DX205 warning on every run; the publication date is kept
    # in the note, in a fixed form, rather than in a column of its own.
    assert header == ["target", "entity", "date", "value", "unit", "source", "note"]
    assert set(header) <= set(COLUMNS)


def test_every_row_cites_the_page_that_states_it() -> None:
    for row in _rows():
        url = urlsplit(row["source"])
        assert url.scheme in ("http", "https") and url.netloc and " " not in row["source"], row
        host = url.netloc.lower().removeprefix("www.").removeprefix("m.")
        assert host not in AGGREGATORS, f"cite the page an aggregator copies, not {host}: {row}"


def test_every_row_is_dated_on_or_before_its_publication() -> None:
    for row in _rows():
        published = _published(row)
        assert date.fromisoformat(row["date"]) <= published, row
        assert date(2000, 1, 1) <= published <= date.today(), row


def test_every_value_validates_without_a_warning() -> None:
    outcome = run_validate(Options(inputs=(str(SAMPLE),), use_sample=False))
    assert outcome.findings == ()
    assert outcome.exit_code == 0


def test_no_two_rows_contradict_each_other() -> None:
    values: dict[tuple[str, str, str], set[str]] = defaultdict(set)
    for row in _rows():
        values[_key(row)].add(row["value"].strip().lower())
    assert {key: found for key, found in values.items() if len(found) > 1} == {}
    assert len(values) == len(_rows()), "the same observation twice"

    # A milestone does not go back from done to not done unless the later row says why.
    catalog = load_catalog(None).catalog
    assert catalog is not None
    milestones = {t.id for t in catalog.targets if t.type is TargetType.MILESTONE}
    series: dict[tuple[str, str], list[dict[str, str]]] = defaultdict(list)
    for row in _rows():
        if row["target"] in milestones:
            series[_key(row)[:2]].append(row)
    for rows in series.values():
        done = False
        for row in sorted(rows, key=lambda r: r["date"]):
            if row["value"] == "done":
                done = True
            elif done:
                assert "back to not done" in row["note"], row


def test_the_readme_counts_the_sample() -> None:
    rows = _rows()
    targets = {row["target"] for row in rows}
    entities = {row["entity"] for row in rows if row["entity"]}
    assert len(rows) >= 30 and len(targets) >= 14 and len(entities) >= 5
    assert f"{len(rows)} figures on {len(targets)} targets" in README


def test_status_with_no_csv_reads_the_published_figures() -> None:
    outcome = run_status(Options(as_of=date(2026, 1, 15)))
    assert outcome.used_sample and outcome.report is not None
    latest = {(r.target.id, r.entity): r.latest for r in outcome.report.results}
    national = latest[("online-public-services", None)]
    assert national is not None and national.source and national.source.startswith("https://")


def test_show_lists_each_observation_with_its_source(
    run_cli: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)  # no ./targets.yaml: the bundled catalog and its sample
    result = run_cli("show", "online-public-services", "--as-of", "2026-01-15")
    assert "the bundled sample (sources: dxcheck show TARGET)" in result.stderr
    shown = [line for line in result.stdout.splitlines() if "sample-progress.csv:" in line]
    rows = [row for row in _rows() if row["target"] == "online-public-services"]
    assert len(shown) == len(rows)
    for row in rows:
        assert any(row["date"] in line and line.endswith(row["source"]) for line in shown), row
