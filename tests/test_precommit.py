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


CATALOG = (REPO / "tests" / "data" / "catalog.yaml").read_text(encoding="utf-8")
ROWS = "target,date,value\nonline-public-services,2025-06-30,80\n"


def _upstream(tmp_path: Path, env: dict[str, str]) -> tuple[Path, str]:
    """What ``https://github.com/OWNER/dxcheck`` is to a user: this working tree, committed."""
    upstream = tmp_path / "dxcheck"
    listed = _run(["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"], REPO, env)
    for name in filter(None, listed.stdout.split("\0")):
        source = REPO / name
        if source.is_symlink() or source.is_file():
            (upstream / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, upstream / name, follow_symlinks=False)
    for args in (["init", "-q"], ["add", "-A"], ["commit", "-q", "-m", "dxcheck"]):
        assert _run(["git", *args], upstream, env).returncode == 0
    return upstream, _run(["git", "rev-parse", "HEAD"], upstream, env).stdout.strip()


@pytest.mark.slow
def test_readme_configuration_after_autoupdate(tmp_path: Path) -> None:
    """The README's .pre-commit-config.yaml as a user writes it: OWNER filled in, then
    ``pre-commit autoupdate`` pins ``rev`` to a commit that exists, and both hooks work,
    the catalog hook with several catalogs staged and the data checked against them."""
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
    upstream, commit = _upstream(tmp_path, env)
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    section = readme.split("pre-commit (`.pre-commit-config.yaml` in the data repository):")[1]
    config = section.split("```yaml\n")[1].split("```")[0]
    assert "rev: COMMIT" in config
    repo = tmp_path / "data-repo"
    repo.mkdir()
    _run(["git", "init", "-q"], repo, env)
    (repo / ".pre-commit-config.yaml").write_text(
        config.replace("https://github.com/OWNER/dxcheck", str(upstream)), encoding="utf-8"
    )
    updated = _run([str(precommit), "autoupdate"], repo, env)
    assert updated.returncode == 0, updated.stdout + updated.stderr
    assert f"rev: {commit}" in (repo / ".pre-commit-config.yaml").read_text(encoding="utf-8")

    (repo / "targets.yaml").write_text(CATALOG, encoding="utf-8")
    (repo / "province").mkdir()
    (repo / "province" / "targets.yaml").write_text(CATALOG, encoding="utf-8")
    (repo / "data").mkdir()
    (repo / "data" / "national.csv").write_text(ROWS, encoding="utf-8")
    _run(["git", "add", "-A"], repo, env)
    staged = ["targets.yaml", "province/targets.yaml", "data/national.csv"]
    good = _run([str(precommit), "run", "--files", *staged], repo, env)
    assert good.returncode == 0, good.stdout + good.stderr
    assert good.stdout.count("Passed") == 2

    # Renaming a target breaks the CSVs that name it: the catalog hook says so.
    renamed = CATALOG.replace("id: online-public-services", "id: online-services")
    (repo / "targets.yaml").write_text(renamed, encoding="utf-8")
    _run(["git", "add", "targets.yaml"], repo, env)
    bad = _run(
        [str(precommit), "run", "dxcheck-catalog", "--files", "targets.yaml", "province/targets.yaml"],
        repo,
        env,
    )
    assert bad.returncode == 1, bad.stdout
    assert "data/national.csv:2:1: DX210 error: unknown target 'online-public-services'" in bad.stdout
    assert "province/targets.yaml: validation passed" in bad.stdout  # each catalog alone, never as a CSV
    assert "DX20" not in bad.stdout
