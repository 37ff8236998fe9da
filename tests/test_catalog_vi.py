"""The bundled catalog in Vietnamese: a title_vi for every target, and Vietnam's 34
provincial-level units (Resolution 202/2025/QH15) with the former provinces merged into
them, which are known names but never aliases (DX226 for a row after the merger)."""

from __future__ import annotations

import unicodedata
from datetime import date
from pathlib import Path

from dxcheck.catalog import Catalog, Entity, Target, load_catalog
from dxcheck.check import Options, run_status, run_validate
from dxcheck.names import entity_key
from tests.conftest import REPO, Run

BUNDLED = REPO / "src" / "dxcheck" / "data"


def _catalog() -> Catalog:
    loaded = load_catalog(None)
    assert loaded.findings == [], loaded.findings
    assert loaded.catalog is not None
    return loaded.catalog


def _units() -> list[Entity]:
    return [e for e in _catalog().entities or () if e.kind in ("city", "province")]


# --- title_vi ---------------------------------------------------------------------------


def test_every_bundled_target_has_a_vietnamese_title() -> None:
    targets = _catalog().targets
    assert len(targets) == 53
    titles = [t.title_vi for t in targets]
    for target in targets:
        vi = target.title_vi
        assert vi is not None, target.id
        assert vi == unicodedata.normalize("NFC", vi), target.id
        assert 1 <= len(vi) <= 200, target.id
        assert vi != target.title, target.id
        assert vi == vi.strip() and "  " not in vi, target.id
    assert len(set(titles)) == len(titles), "two targets share a Vietnamese title"


def test_title_in_falls_back_to_the_english_title() -> None:
    both = Target.model_validate({"id": "x", "title": "Online", "title_vi": "Trực tuyến"})
    english = Target.model_validate({"id": "x", "title": "Online"})
    assert both.title_in("vi") == "Trực tuyến"
    assert both.title_in("en") == "Online"
    assert english.title_in("vi") == "Online"


def test_title_vi_has_the_title_limits(tmp_path: Path) -> None:
    path = tmp_path / "targets.yaml"
    path.write_text(
        "version: 1\ntargets:\n  - id: x\n    title: X\n    title_vi: ''\n    type: milestone\n",
        encoding="utf-8",
    )
    loaded = load_catalog(path)
    assert loaded.catalog is None
    assert [(f.code.id, f.location.key_path) for f in loaded.findings] == [("DX105", "targets[0].title_vi")]


# --- the 34 provincial-level units ----------------------------------------------------


def test_the_34_units_six_of_them_cities() -> None:
    units = _units()
    assert len(units) == 34
    cities = sorted(e.name for e in units if e.kind == "city")
    assert cities == sorted(["Hà Nội", "Hải Phòng", "Huế", "Đà Nẵng", "Thành phố Hồ Chí Minh", "Cần Thơ"])
    for unit in units:
        assert unit.name == unicodedata.normalize("NFC", unit.name)
        assert (unit.since is None) == (not unit.former), unit.name
        if unit.since is not None:
            assert unit.since == date(2025, 7, 1)


def test_the_63_former_units_merge_into_the_34() -> None:
    units = _units()
    merged = [old for e in units for old in e.former]
    assert len(merged) == len(set(merged)) == 29  # 52 merged units - the 23 names kept
    assert sum(1 for e in units if e.former) == 23
    assert len(units) + len(merged) == 63
    successor = {old: e.name for e in units for old in e.former}
    assert successor["Hà Giang"] == "Tuyên Quang"
    assert successor["Quảng Nam"] == "Đà Nẵng"
    assert successor["Hà Nam"] == successor["Nam Định"] == "Ninh Bình"
    assert successor["Bình Dương"] == successor["Bà Rịa - Vũng Tàu"] == "Thành phố Hồ Chí Minh"


def test_no_spelling_names_two_entities() -> None:
    seen: dict[str, str] = {}
    for entity in _catalog().entities or ():
        for spelling in (entity.name, *entity.aliases, *entity.former):
            key = entity_key(spelling)
            assert key not in seen, f"{spelling!r} ({entity.name}) collides with {seen[key]!r}"
            seen[key] = entity.name


def test_the_sample_entities_are_all_listed() -> None:
    known = {entity_key(s) for e in _catalog().entities or () for s in (e.name, *e.aliases, *e.former)}
    rows = (BUNDLED / "sample-progress.csv").read_text(encoding="utf-8").splitlines()[1:]
    import csv

    named = {row[1] for row in csv.reader(rows) if row[1]}
    assert {n for n in named if entity_key(n) not in known} == set()


def test_the_bundled_run_is_clean() -> None:
    checked = run_validate(Options(inputs=(str(BUNDLED / "sample-progress.csv"),), use_sample=False))
    assert list(checked.findings) == []
    status = run_status(Options(as_of=date(2026, 12, 1)))
    assert list(status.findings) == []
    assert status.report is not None
    entities = {r.entity for r in status.report.results}
    # each former province keeps its own series beside its successor's
    assert {"Quảng Nam", "Đà Nẵng", "Hà Giang", "Hà Nam", "Nam Định"} <= entities


# --- DX226: a row for a former unit after the merger ------------------------------------


def test_a_row_after_the_merger_names_the_successor(tmp_path: Path) -> None:
    data = tmp_path / "data.csv"
    data.write_text(
        "target,entity,date,value\n"
        "online-public-services,Quảng Nam,2024-12-31,50\n"  # before the merger: history
        "online-public-services,Quảng Nam,2025-09-30,60\n"
        "online-public-services,Quang Nam,2025-09-30,60\n"  # DX223, not DX226
        "online-public-services,Hà Giang,2025-06-30,70\n"  # the day before: fine
        "online-public-services,Đà Nẵng,2025-09-30,80\n",
        encoding="utf-8",
    )
    for outcome in (
        run_validate(Options(inputs=(str(data),))),
        run_status(Options(inputs=(str(data),), as_of=date(2026, 1, 15))),
    ):
        found = [f for f in outcome.findings if f.code.id == "DX226"]
        assert len(found) == 1, outcome.findings
        finding = found[0]
        assert str(finding.location) == f"{data}:2:24"
        assert finding.message == (
            "former entity 'Quảng Nam' has 1 row(s) dated on or after its merger (latest: 2025-09-30)"
        )
        assert (
            str(finding.hint) == "'Quảng Nam' was merged into 'Đà Nẵng' on 2025-07-01: report it as 'Đà Nẵng'"
        )
        assert [f.code.id for f in outcome.findings if f.code.id != "DX226"] == ["DX223"]


# --- the command line -------------------------------------------------------------------


def test_entity_did_you_mean_suggests_from_the_34(run_cli: Run) -> None:
    result = run_cli("status", "--entity", "Tuyen Quang")
    assert result.exit_code == 2
    assert "--entity: no entity matches 'Tuyen Quang' (did you mean 'Tuyên Quang'?)" in result.stderr
    result = run_cli("status", "--entity", "Ha Noi")
    assert "(did you mean 'Hà Nội'?)" in result.stderr


def test_a_former_unit_and_a_vietnamese_alias_select(run_cli: Run) -> None:
    former = run_cli("status", "--entity", "Quảng Nam", "--as-of", "2026-12-01", "--format", "json")
    assert former.exit_code in (0, 1), former.stderr
    assert '"entity": "Quảng Nam"' in former.stdout
    ministry = run_cli("status", "--entity", "Bộ Tài chính", "--as-of", "2026-12-01", "--format", "json")
    assert '"entity": "Ministry of Finance"' in ministry.stdout


def test_coverage_expects_nothing_of_the_listed_entities(run_cli: Run) -> None:
    # The bundled catalog has no 'reporting': listing 39 entities makes no one expected.
    result = run_cli("coverage")
    assert result.exit_code == 2
    assert "declares 'reporting'" in result.stderr
