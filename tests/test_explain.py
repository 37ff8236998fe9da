"""``dxcheck explain`` and its one source, codes.EXPLANATIONS: every code is explained,
and every example, run for real in an empty folder, says exactly what it claims."""

from __future__ import annotations

import shlex
from pathlib import Path

import pytest

from dxcheck.codes import EXPLANATIONS
from dxcheck.explain import example_files, explanation, find, markdown_table
from dxcheck.findings import Code
from tests.conftest import Run


def test_every_code_is_explained() -> None:
    assert list(EXPLANATIONS) == list(Code)  # all of them, in the codes' order
    for code, known in EXPLANATIONS.items():
        assert known.meaning and known.fix and known.details, code
        assert f" {code.id} " in known.example.says, code
        assert known.severity in (None, "warning/error")


@pytest.mark.parametrize("code", list(Code), ids=[c.id for c in Code])
def test_the_example_says_what_it_claims(
    code: Code, run_cli: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    example = EXPLANATIONS[code].example
    monkeypatch.chdir(tmp_path)
    for name, content in example_files(example):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_bytes(content)
    program, *args = shlex.split(example.command)
    assert program == "dxcheck"
    result = run_cli(*args, env={"GITHUB_ACTIONS": ""})
    said = [line for line in (result.stderr + result.stdout).splitlines() if f" {code.id} " in line]
    assert said, result.stdout + result.stderr
    assert said[0] == example.says
    severity = said[0].split(f" {code.id} ")[1].split(":")[0]
    assert severity in (EXPLANATIONS[code].severity or code.severity.value).split("/")


def test_explain_one_code(run_cli: Run) -> None:
    result = run_cli("explain", "DX213")
    assert result.exit_code == 0 and result.stderr == ""
    assert result.stdout == explanation(Code.INVALID_NUMBER)
    text = result.stdout
    assert text.startswith("DX213 (error): not a number")
    assert "essential-public-services-online,2025-06-30,12.500" in text  # the bad cell
    assert "$ dxcheck validate data.csv" in text and EXPLANATIONS[Code.INVALID_NUMBER].example.says in text
    assert "What to do: a plain number" in text
    assert run_cli("explain", "dx213").stdout == run_cli("explain", "213").stdout == text


def test_explain_lists_every_code(run_cli: Run) -> None:
    result = run_cli("explain")
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert [line.split()[0] for line in lines[:-1]] == [c.id for c in Code]
    assert "DX230  warning/error  more problems in the file than shown" in lines
    assert run_cli("explain", "--markdown").stdout == markdown_table()


def test_explain_unknown_code_is_a_usage_error(run_cli: Run) -> None:
    result = run_cli("explain", "DY213")
    assert result.exit_code == 2
    assert result.stderr == "dxcheck: error: no finding code 'DY213' (did you mean DX213?)\n"
    assert run_cli("explain", "DX213", "--markdown").exit_code == 2
    assert find("nonsense") is None and find(" dx101 ") is Code.YAML_SYNTAX
