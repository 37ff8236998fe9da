"""The conventions CI users expect from ruff and conftest, on the real CLI: --exit-zero,
validate --statistics, the new formats behind --format and --report, annotations under
GitHub Actions, the job summary appended to, and validate-catalog."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest

from dxcheck.check import Outcome
from dxcheck.findings import Code, Finding, Location, Severity
from dxcheck.i18n import msg
from tests.conftest import REPO, Run, write

CATALOG = str(REPO / "tests" / "data" / "catalog.yaml")
PROGRESS = str(REPO / "tests" / "data" / "progress.csv")
GATE = ("status", PROGRESS, "-t", CATALOG, "--as-of", "2025-07-01")  # exit 1: one target fails
BAD = (
    "target,date,value\n"
    + "onlin-public-services,2025-01-01,5\n" * 24
    + "online-public-services,2025-13-01,5\n"
)
GHA = {"GITHUB_ACTIONS": "true"}


@pytest.fixture
def bad(tmp_path: Path) -> str:
    return str(write(tmp_path / "bad.csv", BAD))


# --- --exit-zero ---------------------------------------------------------------------------------


def test_exit_zero_on_a_failed_gate(run_cli: Run) -> None:
    failed = run_cli(*GATE)
    assert failed.exit_code == 1
    zero = run_cli(*GATE, "--exit-zero")
    assert zero.exit_code == 0
    assert zero.stdout == failed.stdout  # everything still reported, the verdict too
    assert "FAILED (1)" in zero.stdout


def test_exit_zero_on_bad_input(run_cli: Run, bad: str) -> None:
    assert run_cli("validate", bad, "-t", CATALOG).exit_code == 2
    checked = run_cli("validate", bad, "-t", CATALOG, "--exit-zero")
    assert checked.exit_code == 0
    assert checked.stderr.count("DX210 error") == 24 and "validation failed" in checked.stdout
    status = run_cli("status", bad, "-t", CATALOG, "--exit-zero", "-f", "json")
    assert status.exit_code == 0
    assert json.loads(status.stdout)["kind"] == "validation"
    broken = write(Path(bad).with_name("targets.yaml"), "version: 1\ntargets: []\n")
    assert run_cli("validate", "-t", str(broken), "--exit-zero").exit_code == 0


def test_exit_zero_keeps_2_for_usage_and_invocation_errors(run_cli: Run, tmp_path: Path) -> None:
    typo = run_cli(*GATE, "--exit-zero", "--target", "onlin-services")
    assert typo.exit_code == 2 and "did you mean" in typo.stderr
    assert run_cli(*GATE, "--exit-zero", "--as-of", "soon").exit_code == 2
    nothing = run_cli("validate", str(tmp_path / "none" / "*.csv"), "-t", CATALOG, "--exit-zero")
    assert nothing.exit_code == 2 and "DX303" in nothing.stderr
    refused = run_cli(*GATE, "--exit-zero", "--report", f"json:{PROGRESS}")
    assert refused.exit_code == 2 and "DX302" in refused.stderr


def test_exit_code_is_decided_by_the_outcome() -> None:
    data = Finding(Code.UNKNOWN_TARGET, Location("a.csv", 2, 1), {"text": "x"})
    glob = Finding(Code.NO_MATCH, Location("*.csv"), {"pattern": "*.csv"})
    warning = Finding(Code.SAME_INPUT_TWICE, Location("a.csv"))
    assert Outcome(None, (data,)).exit_code == 2
    assert Outcome(None, (data,), exit_zero=True).exit_code == 0
    assert Outcome(None, (data, warning), exit_zero=True).exit_code == 0
    assert Outcome(None, (data, glob), exit_zero=True).exit_code == 2
    assert Outcome(None, (glob.as_error(),), exit_zero=True, usage=()).exit_code == 2
    assert (
        Outcome(None, (), exit_zero=True, usage=(msg("no entity matches '{word}'", word="x"),)).exit_code == 2
    )
    assert warning.effective_severity is Severity.WARNING and not Outcome(None, (warning,)).invocation_errors


# --- validate --statistics ---------------------------------------------------------------------


def test_statistics_one_line_per_code(run_cli: Run, bad: str) -> None:
    result = run_cli("validate", bad, "-t", CATALOG, "--statistics")
    assert result.exit_code == 2
    assert result.stdout.splitlines() == [
        "24  DX210  error    unknown target id",
        " 1  DX211  error    not a date, an impossible date, a serial number, a year outside 2000\u20132100",
        "validation failed: 2 file(s) checked, 25 error(s), 0 warning(s)",
    ]
    assert "DX210" not in result.stderr  # the overview replaces the 25 lines


def test_statistics_with_warnings_and_strict(run_cli: Run, tmp_path: Path) -> None:
    data = write(tmp_path / "w.csv", "target,date,value,colour\nonline-public-services,2025-01-01,5,red\n")
    lenient = run_cli("validate", str(data), "-t", CATALOG, "--statistics")
    assert lenient.exit_code == 0 and lenient.stdout.startswith("1  DX205  warning  an unknown column")
    strict = run_cli("validate", str(data), "-t", CATALOG, "--statistics", "--strict")
    assert strict.exit_code == 2 and strict.stdout.startswith("1  DX205  error    an unknown column")
    clean = run_cli("validate", PROGRESS, "-t", CATALOG, "--statistics", "--as-of", "2030-01-01")
    assert clean.stdout == "validation passed: 2 file(s) checked, no problems\n"


def test_statistics_is_a_table(run_cli: Run, bad: str, tmp_path: Path) -> None:
    mixed = run_cli("validate", bad, "-t", CATALOG, "--statistics", "-f", "json")
    assert mixed.exit_code == 2 and "--statistics prints a table" in mixed.stderr
    report = tmp_path / "all.json"
    result = run_cli("validate", bad, "-t", CATALOG, "--statistics", "--report", f"json:{report}")
    assert result.exit_code == 2
    assert len(json.loads(report.read_text(encoding="utf-8"))["problems"]) == 25  # every problem


# --- the new formats on the command line -------------------------------------------------------


@pytest.mark.parametrize("fmt", ["sarif", "gitlab", "azure"])
def test_new_formats_on_stdout_and_in_reports(run_cli: Run, fmt: str, bad: str, tmp_path: Path) -> None:
    out = tmp_path / "reports" / f"dx.{fmt}"
    checked = run_cli("validate", bad, "-t", CATALOG, "-f", fmt, "--report", f"{fmt}:{out}")
    assert checked.exit_code == 2
    assert out.read_text(encoding="utf-8") == checked.stdout
    assert checked.stdout.count("DX210") >= 24
    status = run_cli(*GATE, "-f", fmt, "--report", f"{fmt}:{out}")
    assert status.exit_code == 1
    assert out.read_text(encoding="utf-8") == status.stdout
    assert "status/fail" in status.stdout
    refused = run_cli(*GATE, "--report", f"{fmt}:{CATALOG}")
    assert refused.exit_code == 2 and "DX302" in refused.stderr


# --- GitHub Actions ------------------------------------------------------------------------------


def test_validate_annotates_under_github_actions(run_cli: Run, bad: str) -> None:
    result = run_cli("validate", bad, "-t", CATALOG, env=GHA)
    assert result.exit_code == 2
    lines = result.stdout.splitlines()
    assert len(lines) == 25 and all(line.startswith("::error file=") for line in lines)
    assert lines[0].startswith(f"::error file={bad},line=2,col=1,title=DX210::unknown target")
    assert result.stderr == "validation failed: 2 file(s) checked, 25 error(s), 0 warning(s)\n"
    table = run_cli("validate", bad, "-t", CATALOG, "-f", "table", env=GHA)  # --format wins
    assert table.stdout == run_cli("validate", bad, "-t", CATALOG).stdout
    assert "::error" not in table.stdout + table.stderr


def test_status_keeps_its_table_and_annotates_under_github_actions(run_cli: Run) -> None:
    plain = run_cli(*GATE)
    annotated = run_cli(*GATE, env=GHA)
    assert annotated.exit_code == plain.exit_code == 1
    assert annotated.stdout == plain.stdout
    errors = [line for line in annotated.stderr.splitlines() if line.startswith("::error ")]
    assert len(errors) == 1 and ",title=e-signature-2025 [national]::fail" in errors[0]
    assert "::warning file=" in annotated.stderr and "title=DX218" in annotated.stderr
    assert "DX218 warning" not in annotated.stderr  # the warning as an annotation, not twice
    as_json = run_cli(*GATE, "-f", "json", env=GHA)  # --format wins: no annotations
    assert "::" not in as_json.stderr and json.loads(as_json.stdout)["gate"]["failing"] == 1


def test_status_annotates_bad_input_under_github_actions(run_cli: Run, bad: str) -> None:
    result = run_cli("status", bad, "-t", CATALOG, env=GHA)
    assert result.exit_code == 2 and result.stdout == ""
    assert result.stderr.count("::error file=") == 25


# --- $GITHUB_STEP_SUMMARY ------------------------------------------------------------------------


def test_a_report_to_the_step_summary_appends(run_cli: Run, tmp_path: Path) -> None:
    summary = write(tmp_path / "summary.md", "## Build\n\nearlier step, no newline at the end")
    env = {"GITHUB_STEP_SUMMARY": str(summary)}
    assert run_cli(*GATE, "--report", f"markdown:{summary}", env=env).exit_code == 1
    assert (
        run_cli("validate", PROGRESS, "-t", CATALOG, "--report", f"markdown:{summary}", env=env).exit_code
        == 0
    )
    text = summary.read_text(encoding="utf-8")
    assert text.startswith("## Build\n\nearlier step, no newline at the end\n\n## dxcheck status\n")
    assert "\n\n## dxcheck validate\n" in text and text.endswith("\n")
    # Anywhere else the report replaces the file, atomically, as before.
    other = write(tmp_path / "other.md", "old")
    run_cli(*GATE, "--report", f"markdown:{other}", env=env)
    assert other.read_text(encoding="utf-8").startswith("## dxcheck status")


def test_the_step_summary_never_names_an_input(run_cli: Run, tmp_path: Path) -> None:
    data = write(tmp_path / "p.csv", Path(PROGRESS).read_text(encoding="utf-8"))
    before = data.read_bytes()
    result = run_cli(
        "status",
        str(data),
        "-t",
        CATALOG,
        "--report",
        f"markdown:{data}",
        env={"GITHUB_STEP_SUMMARY": str(data)},
    )
    assert result.exit_code == 2 and "DX302" in result.stderr
    assert data.read_bytes() == before


# --- validate-catalog (the catalog hook) ------------------------------------------------------------

TARGETS = Path(CATALOG).read_text(encoding="utf-8")
ROWS = "target,date,value\nonline-public-services,2025-06-30,80\n"
HANOI = "target,entity,date,value\nonline-public-services,Hà Nội,2025-06-30,80\n"


def _git(repo: Path, *args: str) -> None:
    subprocess.run(["git", *args], cwd=repo, check=True, capture_output=True)


@pytest.fixture
def data_repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    repo = tmp_path / "data-repo"
    write(repo / "targets.yaml", TARGETS)
    write(repo / "data" / "national.csv", ROWS)
    write(repo / "province" / "targets.yaml", TARGETS)
    write(repo / "province" / "hanoi.csv", HANOI)
    write(repo / "untracked.csv", "not,a,dxcheck,file\n")
    monkeypatch.chdir(repo)
    _git(repo, "init", "-q")
    _git(repo, "add", "targets.yaml", "data", "province")
    return repo


def test_validate_catalog_checks_each_catalog_alone(run_cli: Run, data_repo: Path) -> None:
    result = run_cli("validate-catalog", "targets.yaml", "province/targets.yaml")
    assert result.exit_code == 0, result.stderr
    assert result.stdout.splitlines() == [
        "targets.yaml: validation passed: 3 file(s) checked, no problems",  # git's CSVs, untracked.csv not
        "province/targets.yaml: validation passed: 2 file(s) checked, no problems",
    ]


def test_validate_catalog_rechecks_the_data(run_cli: Run, data_repo: Path) -> None:
    write(data_repo / "targets.yaml", TARGETS.replace("id: online-public-services", "id: online-services"))
    result = run_cli("validate-catalog", "targets.yaml", "province/targets.yaml")
    assert result.exit_code == 2
    assert "data/national.csv:2:1: DX210 error: unknown target 'online-public-services'" in result.stderr
    assert "province/hanoi.csv:2:1: DX210" in result.stderr  # every CSV of the repository
    assert (
        result.stdout.splitlines()[1]
        == "province/targets.yaml: validation passed: 2 file(s) checked, no problems"
    )
    only = run_cli("validate-catalog", "targets.yaml", "--data", "province/*.csv")
    assert only.exit_code == 2 and "data/national.csv" not in only.stderr


def test_validate_catalog_outside_git(run_cli: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = tmp_path / "plain"
    write(folder / "targets.yaml", TARGETS)
    write(folder / "a" / "b.csv", ROWS.replace("80", "eighty"))
    write(folder / ".hidden" / "c.csv", "junk\n")
    monkeypatch.chdir(folder)
    result = run_cli("validate-catalog", "targets.yaml")
    assert result.exit_code == 2
    assert "a/b.csv:2:" in result.stderr and ".hidden" not in result.stderr
    broken = write(folder / "broken.yaml", "version: 1\ntargets:\n  - id: x\n")
    both = run_cli("validate-catalog", str(broken), "targets.yaml", "--data", "none.csv")
    assert both.exit_code == 2 and "DX104" in both.stderr and "DX200" in both.stderr
