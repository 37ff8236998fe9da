"""Shared test helpers: run the real CLI in-process with a pinned terminal."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest
from typer.testing import CliRunner

from dxcheck.cli import app

DATA = Path(__file__).parent / "data"
GOLDEN = Path(__file__).parent / "golden"
REPO = Path(__file__).parent.parent

# A terminal-free, colour-free, fixed-width environment: output is the same everywhere.
PINNED_ENV = {"COLUMNS": "120", "NO_COLOR": "1", "FORCE_COLOR": "", "TERM": "dumb"}


@dataclass(frozen=True)
class CliResult:
    exit_code: int
    stdout: str
    stderr: str
    stdout_bytes: bytes = b""


Run = Callable[..., CliResult]


@pytest.fixture
def run_cli() -> Run:
    def run(*args: str, input: str | bytes | None = None, env: dict[str, str] | None = None) -> CliResult:
        runner = CliRunner()
        result = runner.invoke(
            app, list(args), input=input, env={**PINNED_ENV, **(env or {})}, catch_exceptions=False
        )
        return CliResult(result.exit_code, result.stdout, result.stderr, result.stdout_bytes)

    return run


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path
