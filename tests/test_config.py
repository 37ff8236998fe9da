"""Options configured once (dxcheck.config): found here or in a parent, command line wins,
located errors with a "did you mean", and ``dxcheck config`` says what is in effect."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from dxcheck.config import Config, Setting, default_map, find, load
from tests.conftest import DATA, Run, write

CATALOG = DATA / "catalog.yaml"
# 05/06/2025 needs --date-order; 12.500 needs --decimal
ROWS = "target,entity,date,value\ndigital-enterprises,,05/06/2025,12.500\n"


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A data repository with its configuration, run from a folder below it."""
    write(tmp_path / "catalog" / "targets.yaml", CATALOG.read_text(encoding="utf-8"))
    write(tmp_path / "data" / "p.csv", ROWS)
    write(
        tmp_path / "dxcheck.toml",
        'targets = "catalog/targets.yaml"\ndate-order = "dmy"\ndecimal = "comma"\nformat = "json"\n',
    )
    monkeypatch.chdir(tmp_path / "data")
    monkeypatch.delenv("DXCHECK_LANG", raising=False)
    return tmp_path


def latest_value(stdout: str) -> float:
    doc = json.loads(stdout)
    (result,) = [r for r in doc["results"] if r["target"] == "digital-enterprises"]
    return float(result["latest"]["value"])


def test_the_configuration_in_a_parent_folder_sets_the_defaults(run_cli: Run, project: Path) -> None:
    run = run_cli("status", "p.csv", "--as-of", "2025-07-01")
    assert run.exit_code in (0, 1), run.stderr
    assert latest_value(run.stdout) == 12500.0  # decimal comma, day-first, json, its catalog
    assert json.loads(run.stdout)["catalog"].endswith("targets.yaml")


def test_the_command_line_wins(run_cli: Run, project: Path) -> None:
    run = run_cli("status", "p.csv", "--as-of", "2025-07-01", "--decimal", "dot")
    assert latest_value(run.stdout) == 12.5
    table = run_cli("status", "p.csv", "--as-of", "2025-07-01", "-f", "table")
    assert not table.stdout.startswith("{")


def test_no_config_ignores_it(run_cli: Run, project: Path) -> None:
    run = run_cli("--no-config", "status", "p.csv", "--as-of", "2025-07-01", "-t", str(CATALOG))
    assert run.exit_code == 2
    assert "DX212" in run.stderr  # the date is read first: without the file, day-first is not known


def test_a_config_named_on_the_command_line(run_cli: Run, project: Path) -> None:
    other = write(project / "ci" / "strict.toml", 'decimal = "dot"\ndate-order = "mdy"\nformat = "json"\n')
    run = run_cli("--config", str(other), "status", "p.csv", "--as-of", "2025-07-01", "-t", str(CATALOG))
    doc = json.loads(run.stdout)
    (result,) = [r for r in doc["results"] if r["target"] == "digital-enterprises"]
    assert (result["latest"]["date"], result["latest"]["value"]) == ("2025-05-06", 12.5)
    missing = run_cli("--config", "nowhere.toml", "status")
    assert missing.exit_code == 2 and "--config: no such file 'nowhere.toml'" in missing.stderr


def test_pyproject_tool_table(run_cli: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    write(tmp_path / "pyproject.toml", '[project]\nname = "data"\n\n[tool.dxcheck]\ndecimal = "comma"\n')
    write(tmp_path / "p.csv", "target,date,value\ndigital-enterprises,2025-06-05,12.500\n")
    monkeypatch.chdir(tmp_path)
    run = run_cli("status", "p.csv", "-t", str(CATALOG), "--as-of", "2025-07-01", "-f", "json")
    assert latest_value(run.stdout) == 12500.0
    shown = run_cli("config")
    assert "configuration: pyproject.toml" in shown.stdout
    assert "decimal     comma  (pyproject.toml:5)" in shown.stdout


def test_errors_are_located_with_a_did_you_mean(
    run_cli: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    write(
        tmp_path / "dxcheck.toml", '# defaults\nfail_onn = ["fail"]\n  lang = "fr"\nfail-on = ["off-trak"]\n'
    )
    monkeypatch.chdir(tmp_path)
    run = run_cli("status")
    assert run.exit_code == 2
    assert run.stdout == ""
    lines = [line for line in run.stderr.splitlines() if " DX3" in line]
    assert lines == [
        "dxcheck.toml:2:1: DX305 error: unknown key 'fail_onn' in the configuration",
        "dxcheck.toml:3:3: DX306 error: configuration 'lang': takes one of en, vi, not 'fr' (one of en, vi)",
        "dxcheck.toml:4:1: DX306 error: configuration 'fail-on': unknown status or outlook 'off-trak' "
        "(did you mean 'off_track'?)",
    ]
    assert "did you mean 'fail-on'?" in run.stderr
    broken = write(tmp_path / "dxcheck.toml", 'decimal = "comma\n')
    assert broken.exists()
    bad_toml = run_cli("config")
    assert bad_toml.exit_code == 2
    assert bad_toml.stderr.splitlines()[0] == (
        "dxcheck.toml:1:17: DX306 error: configuration 'dxcheck.toml': not a TOML file: Illegal character '\\n'"
    )


def test_a_broken_file_still_lets_help_be_shown(
    run_cli: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The file's problems are said, and ``--help`` shows how to write the command (without
    the file's defaults); anything else stops with exit 2, as before."""
    write(tmp_path / "dxcheck.toml", "[status\nformat = \n")
    monkeypatch.chdir(tmp_path)
    problem = (
        "dxcheck.toml:1:8: DX306 error: configuration 'dxcheck.toml': not a TOML file: "
        "Expected ']' at the end of a table declaration"
    )
    for words in (["status", "--help"], ["validate", "-h"]):
        shown = run_cli(*words)
        assert shown.exit_code == 0, words
        assert shown.stdout.startswith(f"Usage: dxcheck {words[0]} [OPTIONS]")
        assert shown.stderr.splitlines() == [problem]
    stopped = run_cli("status")
    assert (stopped.exit_code, stopped.stdout, stopped.stderr.splitlines()) == (2, "", [problem])


def test_the_environment_sets_lang_over_the_file(tmp_path: Path) -> None:
    path = write(tmp_path / "dxcheck.toml", 'lang = "en"\n')
    loaded = load(path, environ={"DXCHECK_LANG": "vi"})
    assert loaded.value("lang") == "vi"
    assert [s.origin for s in loaded.settings] == ["DXCHECK_LANG"]
    assert load(path, environ={"DXCHECK_LANG": "klingon"}).findings


def test_found_here_or_in_a_parent_and_dxcheck_toml_first(tmp_path: Path) -> None:
    deep = tmp_path / "a" / "b"
    deep.mkdir(parents=True)
    assert find(deep) is None or not str(find(deep)).startswith(str(tmp_path))
    write(tmp_path / "pyproject.toml", "[tool.dxcheck]\n")
    assert find(deep) == tmp_path / "pyproject.toml"
    write(tmp_path / "a" / "pyproject.toml", "[project]\nname = 'x'\n")  # no [tool.dxcheck]: skipped
    assert find(deep) == tmp_path / "pyproject.toml"
    write(tmp_path / "a" / "dxcheck.toml", "")
    assert find(deep) == tmp_path / "a" / "dxcheck.toml"


def test_format_applies_only_where_the_command_has_it() -> None:
    config = Config(None, (Setting("format", "ics", "f"), Setting("entity", ["Huế"], "f")))
    commands: dict[str, list[tuple[str, list[str], list[str] | None]]] = {
        "status": [("fmt", ["--format", "-f"], ["table", "json"]), ("entity", ["--entity"], None)],
        "deadlines": [("fmt", ["--format", "-f"], ["table", "json", "ics"])],
    }
    assert default_map(config, commands) == {"status": {"entity": ["Huế"]}, "deadlines": {"fmt": "ics"}}


def test_dxcheck_config_shows_where_each_setting_came_from(run_cli: Run, project: Path) -> None:
    run = run_cli("config")
    assert run.exit_code == 0
    lines = run.stdout.splitlines()
    assert lines[0] == f"configuration: {project / 'dxcheck.toml'}"  # outside the working folder: in full
    assert f"targets     {project / 'catalog' / 'targets.yaml'}  ({project / 'dxcheck.toml'}:1)" in lines
    assert "entity      -  (not set)" in lines
