"""Strict tooling is part of the test suite: ruff and mypy --strict must be clean."""

from __future__ import annotations

import shutil
import subprocess
import sys

import pytest

from tests.conftest import REPO

PATHS = ["src", "tests", "bench"]


def _tool(name: str) -> list[str]:
    found = shutil.which(name, path=str(REPO / ".venv" / "bin")) or shutil.which(name)
    if found:
        return [found]
    return [sys.executable, "-m", name]


@pytest.mark.parametrize(
    "command",
    [["ruff", "check", *PATHS], ["ruff", "format", "--check", *PATHS], ["mypy"]],
    ids=["ruff-check", "ruff-format", "mypy-strict"],
)
def test_tool_is_clean(command: list[str]) -> None:
    existing = [part for part in command[1:] if part not in PATHS or (REPO / part).exists()]
    result = subprocess.run(
        [*_tool(command[0]), *existing], cwd=REPO, capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stdout + result.stderr
