"""The README stays true: its first two commands, CI's command, and the code table."""

from __future__ import annotations

import os
import re

from dxcheck.findings import Code
from tests.conftest import REPO, Run

README = (REPO / "README.md").read_text(encoding="utf-8")


def _first_commands() -> list[str]:
    return re.findall(r"```sh\n(.+?)\n```", README, flags=re.S)[:2]


def test_readme_starts_with_the_two_commands() -> None:
    install_and_run, install_and_test = _first_commands()
    assert README.index(install_and_run) < README.index("## ")
    assert install_and_run.startswith("python3 -m venv .venv") and install_and_run.endswith("dxcheck status")
    assert install_and_test.startswith("python3 -m venv .venv") and "pytest" in install_and_test


def test_ci_runs_the_readme_test_command() -> None:
    ci = (REPO / ".ci" / "run").read_text(encoding="utf-8")
    assert _first_commands()[1] in ci


def test_every_code_is_documented() -> None:
    table = README.split("<!-- codes:start -->")[1].split("<!-- codes:end -->")[0]
    documented = re.findall(r"^\| (DX\d{3}) \|", table, flags=re.M)
    assert documented == sorted(c.id for c in Code)
    for code in Code:
        row = re.search(rf"^\| {code.id} \| ([a-z/]+) \|", table, flags=re.M)
        assert row is not None and code.severity.value in row[1], code


def test_every_deadline_example_is_in_the_readme() -> None:
    from dxcheck.deadlines import EXAMPLES

    for phrase in EXAMPLES:
        assert f"`{phrase}" in README or phrase in README, phrase


def test_the_code_table_is_generated_from_the_explanations() -> None:
    from dxcheck.explain import markdown_table

    table = README.split("<!-- codes:start -->\n")[1].split("<!-- codes:end -->")[0]
    assert table == markdown_table(), "README's code table is stale: paste `dxcheck explain --markdown`"


def _name(requirement: str) -> str:
    return re.split(r"[<>=!~\[; ]", requirement, maxsplit=1)[0].lower().replace("_", "-")


def test_ci_pins_every_test_tool() -> None:
    import tomllib

    project = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    constraints = REPO / ".ci" / "constraints.txt"
    pins = {
        _name(line): line.split("==", 1)[1]
        for line in constraints.read_text(encoding="utf-8").splitlines()
        if line and not line.startswith("#")
    }
    assert all(re.fullmatch(r"[\w.+!-]+", version) for version in pins.values()), pins
    for requirement in project["optional-dependencies"]["test"] + project["dependencies"]:
        assert _name(requirement) in pins, f"{requirement} is not pinned in {constraints.name}"
    assert "-c .ci/constraints.txt" in _first_commands()[1]


def test_the_status_example_is_real_output_at_80_columns(run_cli: Run) -> None:
    """README's first example is what a person sees in an 80-column terminal (stderr, then
    stdout); DXCHECK_UPDATE_GOLDEN=1 rewrites it."""
    start, end = "<!-- status80:start -->\n", "<!-- status80:end -->"
    shown = README.split(start)[1].split(end)[0]
    run = run_cli("status", "--as-of", "2026-01-15", env={"COLUMNS": "80"})
    actual = f"```console\n$ dxcheck status --as-of 2026-01-15\n{run.stderr}{run.stdout}```\n"
    if os.environ.get("DXCHECK_UPDATE_GOLDEN") == "1":
        text = README.replace(start + shown + end, start + actual + end)
        (REPO / "README.md").write_text(text, encoding="utf-8")
        return
    assert shown == actual, "README's status example is stale: DXCHECK_UPDATE_GOLDEN=1 rewrites it"
    assert all(len(line) <= 80 for line in run.stdout.splitlines())
