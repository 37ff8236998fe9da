"""Published schemas: generated from the code's own types, and what dxcheck emits and
reads validates against them."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import yaml

from dxcheck.schemas import SchemaName, dumps, schema
from tests.conftest import DATA, REPO, Run


@pytest.mark.parametrize("name", list(SchemaName))
def test_committed_schema_is_the_generated_one(name: SchemaName) -> None:
    committed = REPO / "schemas" / f"{name.value}.schema.json"
    assert committed.read_text(encoding="utf-8") == dumps(name), (
        f"schemas/{name.value}.schema.json is stale: run dxcheck schema {name.value} -o {committed.relative_to(REPO)}"
    )
    jsonschema.Draft202012Validator.check_schema(schema(name))


def _validator(name: SchemaName) -> jsonschema.Draft202012Validator:
    return jsonschema.Draft202012Validator(schema(name), format_checker=jsonschema.FormatChecker())


def _jsonable(data: Any) -> Any:
    return json.loads(json.dumps(data, default=lambda v: v.isoformat() if isinstance(v, date) else str(v)))


@pytest.mark.parametrize("path", [REPO / "targets.yaml", DATA / "catalog.yaml"], ids=["bundled", "test-data"])
def test_catalogs_validate_against_catalog_schema(path: Path) -> None:
    data = _jsonable(yaml.safe_load(path.read_text(encoding="utf-8")))
    _validator(SchemaName.CATALOG).validate(data)


def test_catalog_schema_rejects_unknown_keys() -> None:
    bad = {"version": 1, "targets": [{"id": "a", "title": "A", "target": 1, "titel": "x"}]}
    assert not _validator(SchemaName.CATALOG).is_valid(bad)


@pytest.mark.parametrize("as_of", ["2024-06-01", "2025-07-01", "2026-01-15"])
def test_status_json_validates_against_report_schema(
    run_cli: Run, as_of: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(REPO)
    result = run_cli(
        "status", "tests/data/progress.csv", "-t", "tests/data/catalog.yaml", "--as-of", as_of, "-f", "json"
    )
    _validator(SchemaName.REPORT).validate(json.loads(result.stdout))


def test_bundled_status_json_validates(run_cli: Run) -> None:
    result = run_cli("status", "--as-of", "2026-01-15", "-f", "json")
    _validator(SchemaName.REPORT).validate(json.loads(result.stdout))


def test_validate_json_validates_against_problems_schema(run_cli: Run, tmp_path: Path) -> None:
    bad = tmp_path / "bad.csv"
    bad.write_text("target,date,value\nnope,2025-13-01,x\n", encoding="utf-8")
    result = run_cli("validate", str(bad), "-t", str(DATA / "catalog.yaml"), "-f", "json")
    assert result.exit_code == 2
    _validator(SchemaName.PROBLEMS).validate(json.loads(result.stdout))


def test_progress_rows_validate_against_progress_schema() -> None:
    import csv

    with (DATA / "progress.csv").open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            _validator(SchemaName.PROGRESS).validate({k: v for k, v in row.items() if v != ""})
