"""Every command's --help: two or three examples, metavars that say what they take, and
lines that fit an 80-column terminal."""

from __future__ import annotations

import pytest
import typer

from dxcheck.cli import app
from tests.conftest import Run

COMMANDS = sorted(typer.main.get_command(app).commands)  # type: ignore[attr-defined]


@pytest.mark.parametrize("command", COMMANDS)
def test_help_has_examples_and_fits_80_columns(run_cli: Run, command: str) -> None:
    run = run_cli(command, "--help", env={"COLUMNS": "80"})
    assert run.exit_code == 0
    lines = run.stdout.splitlines()
    assert [line for line in lines if len(line) > 80] == []
    examples = lines.index("  Examples:")
    shown = [line for line in lines[examples + 1 : examples + 6] if line.startswith("    dxcheck ")]
    assert 2 <= len(shown) <= 3, shown
    assert "<str>" not in run.stdout and "<path>" not in run.stdout  # what an option takes, by name


def test_fail_on_lists_the_words_it_accepts(run_cli: Run) -> None:
    text = " ".join(run_cli("status", "--help", env={"COLUMNS": "200"}).stdout.split())
    assert "--fail-on STATUS,..." in text
    assert "pass, fail, overdue, pending, met, met late, missed, on track, needs acceleration" in text
