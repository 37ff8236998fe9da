"""Shared test helpers: run the real CLI in-process with a pinned terminal."""

from __future__ import annotations

import importlib.util
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType
from typing import Any

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


def load_module(name: str, path: Path) -> ModuleType:
    """A Python file that is not an importable module (a build hook, a generator script)."""
    spec = importlib.util.spec_from_file_location(name, path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def builds(module: str) -> list[Any]:
    """A compiled module's two builds (``dxcheck.native``), as test parameters: its source,
    and the compiled one, skipped where it was not built (no C compiler at install time,
    DXCHECK_NO_COMPILE, or a build older than the source)."""
    from dxcheck import native

    best = native.compiled(module, pure=False)
    return [
        pytest.param(native.compiled(module, pure=True), id="pure"),
        pytest.param(
            best,
            id="compiled",
            marks=pytest.mark.skipif(
                not native.is_compiled(best), reason=f"dxcheck.{module} is not compiled in this install"
            ),
        ),
    ]


def counted_forks(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Count the processes ``split.Beside`` forks from now on (one item a fork)."""
    from dxcheck import split

    made: list[int] = []
    beside = split.Beside

    class Counted(beside):  # type: ignore[misc, valid-type]
        def __init__(self, work: object) -> None:
            made.append(1)
            super().__init__(work)

    monkeypatch.setattr(split, "Beside", Counted)
    return made
