"""The "Use in CI" recipes in the README are run for real, so they cannot rot.

Each YAML block is parsed; every ``run:`` / ``script:`` command that calls dxcheck runs in
bash in a scratch data repository (``pip install`` steps are skipped: dxcheck is installed
already), with the variables the CI systems provide.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
import yaml

from tests.conftest import REPO

README = (REPO / "README.md").read_text(encoding="utf-8")
SECTION = README.split("## Use in CI")[1].split("\n## ")[0]
BLOCKS = [yaml.safe_load(b) for b in re.findall(r"```yaml\n(.+?)\n```", SECTION, flags=re.S)]


def _commands(node: object) -> list[str]:
    """Every shell command under a run: or script: key, in order."""
    out: list[str] = []
    if isinstance(node, dict):
        for key, value in node.items():
            if key == "run" and isinstance(value, str):
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
    return [c for block in BLOCKS for c in _commands(block) if c.startswith("dxcheck ")]


def test_recipes_are_valid_yaml_with_commands() -> None:
    assert len(BLOCKS) == 3
    github, gitlab, precommit = BLOCKS
    assert set(github["jobs"]) == {"submission", "progress"}
    assert gitlab["dxcheck-progress"]["artifacts"]["reports"]["junit"] == "reports/dxcheck.xml"
    hooks = {h["id"] for h in precommit["repos"][0]["hooks"]}
    declared = {
        h["id"] for h in yaml.safe_load((REPO / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    }
    assert hooks == declared
    assert len(_dxcheck_commands()) == 3


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
    }


def _repository(tmp_path: Path, *, bad: bool) -> Path:
    repo = tmp_path / "data-repo"
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
    good = _bash(command, _repository(tmp_path, bad=False), env)
    assert "Traceback" not in good.stderr
    if command.startswith("dxcheck validate"):
        assert good.returncode == 0, good.stdout + good.stderr
    else:
        assert good.returncode in (0, 1), good.stdout + good.stderr
        report = ET.parse(tmp_path / "data-repo" / "reports" / "dxcheck.xml").getroot()
        assert report.tag == "testsuites" and int(report[0].get("tests", "0")) > 0
    if "GITHUB_STEP_SUMMARY" in command:
        assert Path(env["GITHUB_STEP_SUMMARY"]).read_text(encoding="utf-8").startswith("#")
    shutil.rmtree(tmp_path / "data-repo")
    bad = _bash(command, _repository(tmp_path, bad=True), env)
    assert bad.returncode == 2, bad.stdout + bad.stderr
    assert "Traceback" not in bad.stderr
    if "--format github" in command:
        assert "::error file=data/province.csv,line=2" in bad.stdout
