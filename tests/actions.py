"""Run the composite action (action.yml) the way the GitHub runner does, in bash, here.

Each step's ``${{ inputs.NAME }}`` is replaced by the input's value (the workflow's
``with:``, else the action's default); the step runs as ``bash --noprofile --norc -eo
pipefail`` with the variables the runner sets (GITHUB_ACTIONS, GITHUB_ACTION_PATH,
RUNNER_TEMP, GITHUB_PATH, GITHUB_STEP_SUMMARY); what a step appends to GITHUB_PATH is on
PATH for the steps after it. The install step runs for real: pip installs dxcheck from
this checkout (the package registry is needed for its build requirements).
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

import pytest
import yaml

from tests.conftest import REPO

ACTION = yaml.safe_load((REPO / "action.yml").read_text(encoding="utf-8"))
_INPUT = re.compile(r"\$\{\{\s*inputs\.([A-Za-z0-9_-]+)\s*\}\}")


@dataclass(frozen=True)
class Runner:
    """The folders the runner gives a job: RUNNER_TEMP and the summary and path files."""

    temp: Path

    @property
    def summary(self) -> Path:
        return self.temp / "step_summary.md"

    @property
    def path_file(self) -> Path:
        return self.temp / "github_path"


def session_runner(factory: pytest.TempPathFactory) -> Runner:
    """One runner folder for the whole session: the action installs dxcheck once, then
    reuses it (as it does when a job uses it twice)."""
    if shutil.which("bash") is None:
        pytest.skip("bash is not installed")
    return Runner(factory.getbasetemp() / "runner")


def inputs(given: dict[str, object]) -> dict[str, str]:
    declared = ACTION["inputs"]
    unknown = set(given) - set(declared)
    assert not unknown, f"the action has no input {unknown}"
    values = {name: str(spec.get("default", "")) for name, spec in declared.items()}
    values.update({k: str(v).lower() if isinstance(v, bool) else str(v) for k, v in given.items()})
    return values


def _expand(text: str, values: dict[str, str]) -> str:
    return _INPUT.sub(lambda m: values[m[1]], text)


def run_action(
    given: dict[str, object], cwd: Path, runner: Runner, env: dict[str, str] | None = None
) -> list[subprocess.CompletedProcess[str]]:
    """Every step, in order, until one fails; the completed processes."""
    values = inputs(given)
    runner.temp.mkdir(parents=True, exist_ok=True)
    runner.summary.touch()
    runner.path_file.touch()
    base = {
        **os.environ,
        **(env or {}),
        "GITHUB_ACTIONS": "true",
        "GITHUB_ACTION_PATH": str(REPO),
        "GITHUB_WORKSPACE": str(cwd),
        "RUNNER_TEMP": str(runner.temp),
        "GITHUB_PATH": str(runner.path_file),
        "GITHUB_STEP_SUMMARY": str(runner.summary),
    }
    done: list[subprocess.CompletedProcess[str]] = []
    for step in ACTION["runs"]["steps"]:
        assert step.get("shell") == "bash" and "run" in step, step  # nothing but bash steps
        added = [line for line in runner.path_file.read_text(encoding="utf-8").splitlines() if line]
        step_env = {**base, **{k: _expand(str(v), values) for k, v in (step.get("env") or {}).items()}}
        step_env["PATH"] = os.pathsep.join([*reversed(added), base.get("PATH", "")])
        script = runner.temp / "step.sh"
        script.write_text(step["run"], encoding="utf-8")
        completed = subprocess.run(
            ["bash", "--noprofile", "--norc", "-eo", "pipefail", str(script)],
            cwd=cwd,
            env=step_env,
            capture_output=True,
            text=True,
            check=False,
            timeout=900,
        )
        done.append(completed)
        if completed.returncode != 0:
            break
    return done
