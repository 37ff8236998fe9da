"""``dxcheck coverage`` end to end: every format (goldens), exit codes, stderr, reports,
the catalog's ``reporting`` checks, and the README's scheduled-CI recipe run for real."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from dataclasses import replace
from datetime import date
from pathlib import Path

import jsonschema
import pytest
import yaml

from dxcheck.schemas import SchemaName, schema
from tests.conftest import REPO, Run, write
from tests.golden import check_golden

ARGS = ("tests/data/coverage/progress.csv", "-t", "tests/data/coverage/targets.yaml", "--as-of", "2025-06-15")


@pytest.fixture(autouse=True)
def _in_repo(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(REPO)


@pytest.mark.parametrize("fmt", ["table", "json", "csv", "markdown"])
def test_coverage_golden(run_cli: Run, fmt: str) -> None:
    result = run_cli("coverage", *ARGS, "-f", fmt)
    assert (result.exit_code, result.stderr) == (1, "")  # three reports are missing
    check_golden(f"coverage/coverage.{fmt}.txt", result.stdout)


def test_the_table_says_who_has_not_reported(run_cli: Run) -> None:
    lines = run_cli("coverage", *ARGS).stdout.splitlines()
    assert lines[-4:] == [
        "Đà Nẵng has not reported online-public-services for 2025-05 (due 2025-06-10); "
        "3 periods in a row, since 2025-03",
        "The nation has not reported digital-enterprises for 2024 (due 2025-03-31); 2 periods in a row, since 2023",
        "Hà Nội has not reported cash-payments for 2025-Q1 (due 2025-04-30)",
        "6 expected report(s) as of 2025-06-15: 2 reported, 1 late, 3 missing. Gate (fail on missing): FAILED (3).",
    ]


def test_json_follows_its_schema_and_says_everything(run_cli: Run) -> None:
    doc = json.loads(run_cli("coverage", *ARGS, "-f", "json").stdout)
    jsonschema.Draft202012Validator(schema(SchemaName.COVERAGE)).validate(doc)
    assert (doc["kind"], doc["schema_version"]) == ("coverage", 1)
    assert doc["gate"] == {"fail_on": ["missing"], "passed": False, "failing": 3}
    assert doc["summary"] == {"reported": 2, "late": 1, "missing": 3}
    first = doc["reports"][0]
    assert first == {
        "target": "online-public-services",
        "title": "80% of public services provided online",
        "entity": "Đà Nẵng",
        "every": "month",
        "period": "2025-05",
        "period_start": "2025-05-01",
        "period_end": "2025-05-31",
        "due": "2025-06-10",
        "state": "missing",
        "missed_in_a_row": 3,
        "missing_since": "2025-03-01",
        "counted_from": "2025-01-01",
        "message": "Đà Nẵng has not reported online-public-services for 2025-05 (due 2025-06-10); "
        "3 periods in a row, since 2025-03",
    }
    late = [r for r in doc["reports"] if r["state"] == "late"]
    assert [r["message"] for r in late] == [
        "Huế reported online-public-services for 2025-05 late (due 2025-06-10)"
    ]


def test_a_province_gates_its_own_reports(run_cli: Run) -> None:
    silent = run_cli("coverage", *ARGS, "--entity", "Đà Nẵng")
    assert silent.exit_code == 1
    assert "Đà Nẵng has not reported online-public-services for 2025-05 (due 2025-06-10)" in silent.stdout
    punctual = run_cli("coverage", *ARGS, "--entity", "Huế")  # late is not missing
    assert punctual.exit_code == 0
    assert punctual.stdout.endswith("0 missing. Gate (fail on missing): passed.\n")
    assert run_cli("coverage", *ARGS, "--entity", "Đà Nẵng", "--exit-zero").exit_code == 0


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("--entity", "Da Nang"), "--entity: no entity matches 'Da Nang' (did you mean 'Đà Nẵng'?)"),
        (("--category", "economy"), "--category: no category matches 'economy'"),
        (
            ("--entity", "Huế", "--target", "cash-payments"),
            "the selection matches no expected report: --target 'cash-payments' --entity 'Huế'",
        ),
        (("--report", "junit:x.xml"), "--report: unknown format 'junit' for coverage"),
        (("--format", "junit"), "Invalid value for '--format'"),
    ],
)
def test_usage_errors_exit_2(run_cli: Run, args: tuple[str, ...], message: str) -> None:
    result = run_cli("coverage", *ARGS, *args)
    assert result.exit_code == 2
    assert result.stdout == ""
    assert message in result.stderr
    # --exit-zero never hides a usage error
    assert run_cli("coverage", *ARGS, *args, "--exit-zero").exit_code == 2


def test_a_catalog_without_reporting_is_a_usage_error(run_cli: Run) -> None:
    result = run_cli("coverage", "--as-of", "2026-01-15")  # the bundled catalog
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr == (
        "dxcheck: error: no target in force on 2026-01-15 declares 'reporting': nothing to check "
        "(add e.g. 'reporting: {every: month, due_after: 10}' to the catalog or a target)\n"
    )


def test_bad_input_exits_2_with_the_problems(run_cli: Run, tmp_path: Path) -> None:
    bad = write(tmp_path / "p.csv", "target,date,value,reported\ncash-payments,2025-03-31,30,soon\n")
    base = ("coverage", str(bad), "-t", "tests/data/coverage/targets.yaml", "--as-of", "2025-06-15")
    table = run_cli(*base)
    assert (table.exit_code, table.stdout) == (2, "")
    assert table.stderr.startswith(f"{bad}:2:29: DX211 error: invalid date 'soon'")
    assert table.stderr.endswith("dxcheck: no report: fix the errors above (exit 2)\n")
    as_json = run_cli(*base, "-f", "json")
    assert as_json.exit_code == 2
    problems = json.loads(as_json.stdout)
    assert (problems["kind"], [p["code"] for p in problems["problems"]]) == ("validation", ["DX211"])
    assert run_cli(*base, "--exit-zero").exit_code == 0  # as status and validate have it


def test_reports_are_written_and_never_over_an_input(run_cli: Run, tmp_path: Path) -> None:
    out = tmp_path / "out" / "coverage.json"
    summary = write(tmp_path / "summary.md", "# Earlier step\n")
    result = run_cli(
        "coverage",
        *ARGS,
        "--report",
        f"json:{out}",
        "--report",
        f"markdown:{summary}",
        env={"GITHUB_STEP_SUMMARY": str(summary)},
    )
    assert result.exit_code == 1
    assert json.loads(out.read_text(encoding="utf-8"))["gate"]["failing"] == 3
    # the job summary is appended to, not replaced
    text = summary.read_text(encoding="utf-8")
    assert text.startswith("# Earlier step\n\n## dxcheck coverage\n")
    check_golden("coverage/coverage.markdown.txt", text.split("\n\n", 1)[1])
    data = write(tmp_path / "p.csv", Path(ARGS[0]).read_text(encoding="utf-8"))
    before = data.read_bytes()
    refused = run_cli("coverage", str(data), *ARGS[1:], "--report", f"csv:{data}")
    assert refused.exit_code == 2 and "DX302 error: refusing to overwrite an input CSV" in refused.stderr
    assert data.read_bytes() == before


# --- the catalog ------------------------------------------------------------------------------


CATALOG_HEAD = "version: 1\nentities:\n  - name: Đà Nẵng\n  - name: Hà Nội\ntargets:\n"
TARGET = "  - id: t\n    title: T\n    target: 1\n"


@pytest.mark.parametrize(
    ("extra", "expected"),
    [
        (
            "    reporting: {evry: month, due_after: 10}\n",
            "c.yaml:9:17 (targets[0].reporting.evry): DX103 error: unknown key 'evry'\n"
            "    hint: did you mean 'every'?\n",
        ),
        (
            "    reporting: {every: weekly, due_after: 10}\n",
            "c.yaml:9:24 (targets[0].reporting.every): DX105 error: targets[0].reporting.every: "
            "Input should be 'month', 'quarter' or 'year' (got 'weekly')\n",
        ),
        (
            "    reporting: {every: month}\n",
            "c.yaml:9:16 (targets[0].reporting.due_after): DX104 error: missing required key 'due_after'\n",
        ),
        (
            "    reporting: {every: month, due_after: -1}\n",
            "c.yaml:9:42 (targets[0].reporting.due_after): DX105 error: targets[0].reporting.due_after: "
            "Input should be greater than or equal to 0 (got -1)\n",
        ),
        (
            "    entities: [Da Nang, national]\n",
            "c.yaml:9:16 (targets[0].entities[0]): DX113 error: target 't': entity 'Da Nang' is not in "
            "the catalog's entities\n    hint: did you mean 'Đà Nẵng'?\n",
        ),
        (
            "    entities: []\n",
            "c.yaml:9:15 (targets[0].entities): DX105 error: targets[0].entities: List should have at "
            "least 1 item after validation, not 0 (got list)\n",
        ),
    ],
)
def test_reporting_in_the_catalog_is_checked(
    run_cli: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, extra: str, expected: str
) -> None:
    monkeypatch.chdir(tmp_path)
    write(tmp_path / "c.yaml", CATALOG_HEAD + TARGET + extra)
    result = run_cli("validate", "-t", "c.yaml")
    assert result.exit_code == 2
    assert result.stderr == expected


def test_reporting_none_and_the_catalog_default(run_cli: Run, tmp_path: Path) -> None:
    catalog = write(
        tmp_path / "c.yaml",
        "version: 1\nreporting: {every: year, due_after: 0}\ntargets:\n"
        + TARGET
        + "  - id: u\n    title: U\n    target: 1\n    reporting: none\n",
    )
    doc = json.loads(run_cli("coverage", "-t", str(catalog), "--as-of", "2026-01-02", "-f", "json").stdout)
    assert [(r["target"], r["entity"], r["period"], r["due"]) for r in doc["reports"]] == [
        ("t", None, "2025", "2025-12-31")
    ]


# --- the README -------------------------------------------------------------------------------

README = (REPO / "README.md").read_text(encoding="utf-8")
SECTION = README.split("## Reporting coverage")[1].split("\n## ")[0]


def test_readme_shows_real_output(run_cli: Run) -> None:
    """The console block of the README's coverage section is what dxcheck prints."""
    block = re.search(r"```console\n\$ (dxcheck coverage [^\n]+)\n(.+?)```", SECTION, flags=re.S)
    assert block is not None
    command, shown = block[1], block[2]
    result = run_cli(*command.split()[1:])
    assert result.stdout == shown


def test_readme_recipe_runs_on_a_schedule(tmp_path: Path) -> None:
    """The scheduled workflow of the README, its dxcheck step run in bash in a scratch
    province repository (pip steps skipped: dxcheck is installed)."""
    blocks = [yaml.safe_load(b) for b in re.findall(r"```yaml\n(.+?)\n```", SECTION, flags=re.S)]
    (recipe,) = [b for b in blocks if "jobs" in b]
    catalog_example = blocks[0]  # the catalog snippet is valid YAML too
    assert catalog_example["reporting"] == {"every": "month", "due_after": 10, "start": date(2025, 1, 1)}
    assert recipe[True]["schedule"][0]["cron"]  # YAML reads the key 'on' as True
    steps = recipe["jobs"]["coverage"]["steps"]
    commands = [s["run"] for s in steps if "run" in s and s["run"].startswith("dxcheck ")]
    assert len(commands) == 1
    repo = tmp_path / "province"
    shutil.copy(REPO / "tests/data/coverage/targets.yaml", write(repo / "targets.yaml", ""))
    shutil.copy(REPO / "tests/data/coverage/progress.csv", write(repo / "data" / "2025.csv", ""))
    summary = write(tmp_path / "summary.md", "")
    bindir = Path(sys.executable).parent
    env = {
        **os.environ,
        "PATH": f"{bindir}{os.pathsep}{os.environ.get('PATH', '')}",
        "GITHUB_STEP_SUMMARY": str(summary),
        "NO_COLOR": "1",
    }
    command = commands[0].replace("dxcheck coverage", "dxcheck coverage --as-of 2025-06-15", 1)
    env.pop("COLUMNS", None)
    done = subprocess.run(
        ["bash", "-c", command],
        cwd=repo,
        env=env,
        capture_output=True,
        text=True,
        check=False,
        start_new_session=True,  # as in CI: no terminal, whichever this test runs from
    )
    assert done.returncode == 1, done.stdout + done.stderr
    assert done.stdout.splitlines()[-2:] == [
        "Đà Nẵng has not reported online-public-services for 2025-05 (due 2025-06-10); "
        "3 periods in a row, since 2025-03",
        "1 expected report(s) as of 2025-06-15: 0 reported, 0 late, 1 missing. Gate (fail on missing): FAILED (1).",
    ]
    assert "- Đà Nẵng has not reported online-public-services for 2025-05" in summary.read_text(
        encoding="utf-8"
    )


def test_json_is_encoded_report_by_report_as_json_dumps_would(run_cli: Run) -> None:
    from dxcheck.check import Options
    from dxcheck.check_coverage import run_coverage
    from dxcheck.coverage_view import coverage_document, coverage_json

    outcome = run_coverage(
        Options(
            catalog=Path("tests/data/coverage/targets.yaml"),
            inputs=("tests/data/coverage/progress.csv",),
            as_of=date(2025, 6, 15),
        )
    )
    assert outcome.coverage is not None
    expected = json.dumps(coverage_document(outcome.coverage), ensure_ascii=False)
    assert coverage_json(outcome.coverage) == expected
    empty = replace(outcome.coverage, reports=())
    assert coverage_json(empty) == json.dumps(coverage_document(empty), ensure_ascii=False)
