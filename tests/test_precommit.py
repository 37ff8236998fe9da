"""The pre-commit hooks, run by the real pre-commit against a temporary git repository.

``pre-commit try-repo`` installs this working tree into its own environment (from the
package registry, like a user's machine would), so this test needs pre-commit, git and
the registry; it is skipped, saying why, when one is missing.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import REPO

GOOD = "target,entity,date,value,unit,source\nadults-with-bank-accounts,,2024-07-19,87,percent,speech\n"
BAD = "target,entity,date,value\nadults-with-bank-acounts,,2024-07-19,many\n"


def _run(args: list[str], cwd: Path, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(args, cwd=cwd, env=env, capture_output=True, text=True, check=False, timeout=600)


@pytest.mark.slow
def test_precommit_hook_validates_staged_csvs(tmp_path: Path) -> None:
    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    precommit = Path(sys.executable).parent / "pre-commit"
    if not precommit.exists():
        pytest.skip("pre-commit is not installed (pip install -e '.[test]')")
    env = {
        **os.environ,
        "PRE_COMMIT_HOME": str(tmp_path / "cache"),
        "GIT_AUTHOR_NAME": "t",
        "GIT_AUTHOR_EMAIL": "t@example.invalid",
        "GIT_COMMITTER_NAME": "t",
        "GIT_COMMITTER_EMAIL": "t@example.invalid",
        "NO_COLOR": "1",
    }
    repo = tmp_path / "data-repo"
    repo.mkdir()
    _run(["git", "init", "-q"], repo, env)
    (repo / "good.csv").write_text(GOOD, encoding="utf-8")
    (repo / "bad.csv").write_text(BAD, encoding="utf-8")
    _run(["git", "add", "good.csv", "bad.csv"], repo, env)

    def hook(*files: str) -> subprocess.CompletedProcess[str]:
        return _run([str(precommit), "try-repo", str(REPO), "dxcheck-validate", "--files", *files], repo, env)

    good = hook("good.csv")
    assert good.returncode == 0, good.stdout + good.stderr
    assert "Passed" in good.stdout
    bad = hook("good.csv", "bad.csv")
    assert bad.returncode == 1, bad.stdout
    assert "Failed" in bad.stdout
    assert "bad.csv:2:1: DX210 error: unknown target 'adults-with-bank-acounts'" in bad.stdout
    assert "did you mean 'adults-with-bank-accounts'?" in bad.stdout
