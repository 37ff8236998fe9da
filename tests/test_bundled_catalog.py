"""The bundled catalog is the speeches' targets, quoted verbatim (the sample data, published
figures with their sources, are checked in test_published_figures.py). The speeches live in
../shared/speeches (beside the repository, as in CI); the tests that read them are skipped,
saying so, without it."""

from __future__ import annotations

import csv
import re
from datetime import date
from pathlib import Path

import pytest

from dxcheck.catalog import Catalog, TargetType, load_catalog
from dxcheck.check import Options, run_status, run_validate
from dxcheck.deadlines import NO_DEADLINE, normalise
from dxcheck.report import Status
from tests.conftest import REPO

BUNDLED = REPO / "src" / "dxcheck" / "data"
SPEECHES = REPO.parent / "shared" / "speeches"


def _catalog() -> Catalog:
    loaded = load_catalog(None)
    assert loaded.findings == [], loaded.findings
    assert loaded.catalog is not None
    return loaded.catalog


def _squash(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def test_root_targets_yaml_is_the_bundled_one() -> None:
    root = REPO / "targets.yaml"
    assert root.read_bytes() == (BUNDLED / "targets.yaml").read_bytes()


def test_bundled_catalog_is_complete_and_sourced() -> None:
    catalog = _catalog()
    assert len(catalog.targets) > 20
    for target in catalog.targets:
        assert target.source is not None, target.id
        assert target.source.quote, target.id
        assert target.source.file, target.id
        assert target.category, target.id
        assert target.agency, target.id
        # Every deadline phrase resolved to a date, except the explicit "none".
        if target.deadline is not None and normalise(target.deadline) not in NO_DEADLINE:
            assert target.due is not None, target.id
    assert any(t.type is TargetType.MILESTONE for t in catalog.targets)
    assert any(t.supersedes for t in catalog.targets), "restated targets are linked"


def test_every_quote_is_verbatim_in_its_speech() -> None:
    if not SPEECHES.is_dir():
        pytest.skip(f"the speeches are not beside the repository ({SPEECHES})")
    catalog = _catalog()
    for target in catalog.targets:
        assert target.source is not None and target.source.file is not None
        speech = SPEECHES / target.source.file
        assert speech.is_file(), f"{target.id}: no speech file {target.source.file}"
        assert _squash(target.source.quote) in _squash(speech.read_text(encoding="utf-8")), target.id
        assert target.source.file.startswith(target.source.date.isoformat()), target.id


def test_relative_deadlines_resolve_against_the_speech_date() -> None:
    for target in _catalog().targets:
        if target.deadline and "this year" in target.deadline.lower():
            assert target.source is not None and target.due == date(target.source.date.year, 12, 31)


def test_sample_progress_is_valid_and_sourced() -> None:
    outcome = run_validate(Options(inputs=(str(BUNDLED / "sample-progress.csv"),), use_sample=False))
    assert outcome.findings == ()
    with (BUNDLED / "sample-progress.csv").open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert len(rows) >= 5
    for row in rows:
        assert row["source"].startswith(("https://", "http://")), row


def test_status_on_the_bundled_data_runs_and_gates(tmp_path: Path) -> None:
    outcome = run_status(Options(as_of=date(2026, 1, 15)))
    assert outcome.used_sample
    assert outcome.report is not None
    statuses = {r.status for r in outcome.report.results}
    assert Status.PENDING in statuses or Status.OVERDUE in statuses
    assert outcome.exit_code in (0, 1)


def test_issue_16_corrections() -> None:
    """The review of the catalog against the speeches (issue 16, "The catalog, completed")."""
    catalog = _catalog()
    targets = catalog.by_id()
    # the double-digit growth of 2026-2030, recorded like the 8% of 2025
    growth, earlier = targets["gdp-growth-2026-2030"], targets["gdp-growth-2025"]
    assert (growth.target, growth.unit, growth.direction, growth.category) == (
        10,
        earlier.unit,
        earlier.direction,
        earlier.category,
    )
    assert growth.due == date(2030, 12, 31)
    assert growth.source is not None and "double-digit growth in the coming period" in growth.source.quote
    # "at the 9th session": an event of the catalog, dated by the page it cites
    law = targets["law-personal-data-protection"]
    assert law.deadline is not None and "9th session" in law.deadline and law.due == date(2025, 6, 27)
    (session,) = catalog.events or []
    assert session.date == law.due and session.source is not None
    assert (
        session.source.url.startswith("https://")
        and session.source.quote
        and "June 27" in session.source.quote
    )
    # the 2025-12-20 call to finalise the programme restates the 2025-02-06 one
    assert (
        targets["digital-economy-society-program-finalised"].supersedes
        == "digital-economy-society-program-2026-2030"
    )
    # a target the report cites as set earlier says so, and the header claims no more
    note = targets["adults-with-bank-accounts"].note or ""
    assert note.startswith("Not a target the Prime Minister set")
    header = (BUNDLED / "targets.yaml").read_text(encoding="utf-8").split("version:")[0]
    assert "Every target is one Prime Minister" not in header and "adults-with-bank-accounts" in header
