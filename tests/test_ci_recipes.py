"""The "Use in CI" recipes in the README are run for real, so they cannot rot.

Each YAML block is parsed. Every ``run:`` / ``script:`` command that calls dxcheck runs in
bash in a scratch data repository (``pip install`` steps are skipped: dxcheck is installed
already), with the variables the CI systems provide; a GitHub job's steps run in order,
the dxcheck action's with its ``with:`` through tests/actions.py (which installs dxcheck
from this checkout, as the action does).
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import yaml

from tests.actions import Runner, run_action, session_runner
from tests.conftest import REPO
from tests.test_ci_formats import GITLAB_REPORT, SARIF_SCHEMA

README = (REPO / "README.md").read_text(encoding="utf-8")
SECTION = README.split("## Use in CI")[1].split("\n## ")[0]
BLOCKS = [yaml.safe_load(b) for b in re.findall(r"```yaml\n(.+?)\n```", SECTION, flags=re.S)]
GITHUB, GITLAB, AZURE, PRECOMMIT = BLOCKS
ACTION = "OWNER/dxcheck@COMMIT"


@pytest.fixture(scope="session")
def runner(tmp_path_factory: pytest.TempPathFactory) -> Runner:
    return session_runner(tmp_path_factory)  # shared with test_action: one install


def _commands(node: object) -> list[str]:
    """Every shell command under a run: or script: key, in order."""
    out: list[str] = []
    if isinstance(node, dict):
        for key, value in node.items():
            if key in ("run", "script") and isinstance(value, str):
                out.append(value)
            elif key == "script" and isinstance(value, list):
                out += [v for v in value if isinstance(v, str)]
            else:
                out += _commands(value)
    elif isinstance(node, list):
        for item in node:
            out += _commands(item)
    return out


def _dxcheck_commands() -> list[str]:
    return [c for block in (GITLAB, AZURE) for c in _commands(block) if c.startswith("dxcheck ")]


def test_recipes_are_valid_yaml_with_commands() -> None:
    assert len(BLOCKS) == 4
    assert set(GITHUB["jobs"]) == {"submission", "progress", "code-scanning"}
    assert GITLAB["dxcheck-progress"]["artifacts"]["reports"]["junit"] == "reports/dxcheck.xml"
    assert (
        GITLAB["dxcheck-submission"]["artifacts"]["reports"]["codequality"] == "gl-code-quality-report.json"
    )
    hooks = {h["id"] for h in PRECOMMIT["repos"][0]["hooks"]}
    declared = {
        h["id"] for h in yaml.safe_load((REPO / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    }
    assert hooks == declared
    assert len(_dxcheck_commands()) == 3
    # No recipe installs a release that does not exist.
    installs = [c for block in BLOCKS for c in _commands(block) if c.startswith("pip install")]
    assert installs and all(
        c == 'pip install "git+https://github.com/OWNER/dxcheck@COMMIT"' for c in installs
    )
    assert PRECOMMIT["repos"][0]["rev"] == "COMMIT"


def _env(tmp_path: Path) -> dict[str, str]:
    bindir = Path(sys.executable).parent
    assert (bindir / "dxcheck").exists() or shutil.which("dxcheck"), "dxcheck is not installed"
    summary = tmp_path / "summary.md"
    summary.touch()
    return {
        **os.environ,
        "PATH": f"{bindir}{os.pathsep}{os.environ.get('PATH', '')}",
        "GITHUB_STEP_SUMMARY": str(summary),
        "NO_COLOR": "1",
        "GITHUB_ACTIONS": "",
    }


def _repository(tmp_path: Path, *, bad: bool) -> Path:
    repo = tmp_path / "data-repo"
    shutil.rmtree(repo, ignore_errors=True)
    (repo / "data").mkdir(parents=True)
    sample = REPO / "src" / "dxcheck" / "data" / "sample-progress.csv"
    shutil.copy(sample, repo / "data" / "national.csv")
    if bad:
        (repo / "data" / "province.csv").write_text(
            "target,entity,date,value\nno-such-target,Hà Nội,2025-13-01,x\n", encoding="utf-8"
        )
    return repo


def _bash(command: str, cwd: Path, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        ["bash", "-c", command], cwd=cwd, env=env, capture_output=True, text=True, check=False
    )


@pytest.mark.parametrize("command", _dxcheck_commands(), ids=lambda c: c.split()[1])
def test_recipe_runs(command: str, tmp_path: Path) -> None:
    env = _env(tmp_path)
    repo = _repository(tmp_path, bad=False)
    good = _bash(command, repo, env)
    assert "Traceback" not in good.stderr
    if command.startswith("dxcheck validate"):
        assert good.returncode == 0, good.stdout + good.stderr
    else:
        assert good.returncode in (0, 1), good.stdout + good.stderr
        report = ET.parse(repo / "reports" / "dxcheck.xml").getroot()
        assert report.tag == "testsuites" and int(report[0].get("tests", "0")) > 0
    repo = _repository(tmp_path, bad=True)
    bad = _bash(command, repo, env)
    assert bad.returncode == 2, bad.stdout + bad.stderr
    assert "Traceback" not in bad.stderr
    if "--format azure" in command:
        assert "##vso[task.logissue type=error;sourcepath=data/province.csv;linenumber=2;" in bad.stdout
    if "gitlab:" in command:
        issues = json.loads((repo / "gl-code-quality-report.json").read_text(encoding="utf-8"))
        jsonschema.validate(issues, GITLAB_REPORT)
        assert {"path": "data/province.csv", "lines": {"begin": 2}} in [i["location"] for i in issues]


def _job(steps: list[dict[str, Any]], repo: Path, runner: Runner) -> list[int]:
    """A GitHub job's steps in order: the codes of the dxcheck action's steps."""
    codes: list[int] = []
    for step in steps:
        uses = step.get("uses", "")
        if uses == "actions/checkout@v4":
            continue  # the data repository is there already
        if uses == ACTION:
            done = run_action(step.get("with", {}), repo, runner, env={"NO_COLOR": "1"})
            assert done[0].returncode == 0, done[0].stderr  # the install
            codes.append(done[-1].returncode)
        elif uses == "github/codeql-action/upload-sarif@v3":
            sarif = json.loads((repo / step["with"]["sarif_file"]).read_text(encoding="utf-8"))
            schema = json.loads(SARIF_SCHEMA.read_text(encoding="utf-8"))
            jsonschema.Draft4Validator(schema).validate(sarif)
        else:
            raise AssertionError(f"a step this test cannot run: {step}")
    return codes


@pytest.mark.slow
@pytest.mark.parametrize("job", ["submission", "progress", "code-scanning"])
def test_github_recipe_runs(job: str, runner: Runner, tmp_path: Path) -> None:
    steps = GITHUB["jobs"][job]["steps"]
    good = _job(steps, _repository(tmp_path, bad=False), runner)
    repo = _repository(tmp_path, bad=True)
    bad = _job(steps, repo, runner)
    if job == "submission":
        assert (good, bad) == ([0], [2])
    elif job == "progress":
        assert good[0] in (0, 1) and bad == [2]
        assert (repo / "reports" / "dxcheck.xml").exists()  # written with the problems
    else:
        assert (good, bad) == ([0], [0])  # --exit-zero: the upload step runs
        sarif = json.loads((repo / "dxcheck.sarif").read_text(encoding="utf-8"))
        assert {r["ruleId"] for r in sarif["runs"][0]["results"]} == {"DX210"}
