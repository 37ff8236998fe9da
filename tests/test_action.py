"""The composite action (action.yml): its shell steps run here as the runner runs them
(tests/actions.py), installing dxcheck from this checkout into a virtual environment."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from tests.actions import ACTION, Runner, run_action, session_runner
from tests.conftest import REPO, write

GOOD = (REPO / "src" / "dxcheck" / "data" / "sample-progress.csv").read_text(encoding="utf-8")
BAD = "target,entity,date,value\nno-such-target,Hà Nội,2025-13-01,x\n"


@pytest.fixture(scope="session")
def runner(tmp_path_factory: pytest.TempPathFactory) -> Runner:
    return session_runner(tmp_path_factory)  # shared with test_ci_recipes: one install


def _repository(tmp_path: Path, *files: tuple[str, str]) -> Path:
    repo = tmp_path / "data-repo"
    for name, text in files:
        write(repo / name, text)
    return repo


def test_scripts_interpolate_no_expression() -> None:
    """Inputs reach the scripts through env only: ``${{ }}`` inside ``run:`` would let a
    file name run as shell code (GitHub's "script injection")."""
    steps = ACTION["runs"]["steps"]
    assert ACTION["runs"]["using"] == "composite" and steps
    for step in steps:
        assert "${{" not in step["run"], step["name"]
        assert step["shell"] == "bash"
    assert set(ACTION["inputs"]) == {"command", "files", "format", "args", "summary"}


@pytest.mark.slow
def test_validate_good_and_bad(runner: Runner, tmp_path: Path) -> None:
    repo = _repository(tmp_path, ("data/national.csv", GOOD))
    steps = run_action({"files": "data/*.csv"}, repo, runner)
    assert [s.returncode for s in steps] == [0, 0], steps[-1].stdout + steps[-1].stderr
    assert "validation passed" in steps[-1].stderr  # under GitHub Actions: verdict on stderr
    assert runner.summary.read_text(encoding="utf-8").rstrip().endswith("no problems.")
    write(repo / "data" / "province.csv", BAD)
    before = runner.summary.read_text(encoding="utf-8")
    failed = run_action({"files": "data/*.csv"}, repo, runner)[-1]
    assert failed.returncode == 2
    assert failed.stdout.startswith("::error file=data/province.csv,line=2,col=1,title=DX210::")
    summary = runner.summary.read_text(encoding="utf-8")
    assert summary.startswith(before) and "**Validation failed**" in summary[len(before) :]


@pytest.mark.slow
def test_status_with_arguments_and_a_format(runner: Runner, tmp_path: Path) -> None:
    repo = _repository(tmp_path, ("data/my file.csv", GOOD))
    given = {
        "command": "status",
        "files": '"data/my file.csv"',
        "args": "--as-of 2026-01-15 --fail-on 'off track' --report junit:reports/dx.xml",
        "format": "json",
        "summary": False,
    }
    before = runner.summary.read_text(encoding="utf-8") if runner.summary.exists() else ""
    *_, last = run_action(given, repo, runner)
    assert last.returncode in (0, 1), last.stderr
    assert last.stdout.startswith('{"schema_version": 1, "kind": "status"')
    assert '"fail_on": ["off_track"]' in last.stdout
    assert (repo / "reports" / "dx.xml").read_text(encoding="utf-8").startswith("<?xml")
    assert runner.summary.read_text(encoding="utf-8") == before  # summary: false


@pytest.mark.slow
def test_inputs_are_never_run_as_shell_code(runner: Runner, tmp_path: Path) -> None:
    repo = _repository(tmp_path, ("data/a.csv", GOOD))
    marker = tmp_path / "pwned"
    *_, last = run_action(
        {"files": f"data/a.csv $(touch {marker})", "args": f"; touch {marker}"}, repo, runner
    )
    assert not marker.exists()
    assert last.returncode == 2  # the words are file names and arguments dxcheck refuses


@pytest.mark.slow
def test_the_install_is_a_virtual_environment(runner: Runner, tmp_path: Path) -> None:
    repo = _repository(tmp_path, ("data/a.csv", GOOD))
    run_action({"files": "data/a.csv"}, repo, runner)
    (bindir,) = set(runner.path_file.read_text(encoding="utf-8").split())
    version = subprocess.run([f"{bindir}/dxcheck", "--version"], capture_output=True, text=True, check=True)
    assert version.stdout.startswith("dxcheck ")
    assert Path(bindir).parent.parent == runner.temp  # in RUNNER_TEMP, not the runner's Python
