"""The whole CLI on golden inputs: exit code, stdout and stderr, for each format."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from dxcheck import __version__, cli_terminal
from tests.conftest import REPO, Run, write
from tests.golden import check_golden

CATALOG = "tests/data/catalog.yaml"
PROGRESS = "tests/data/progress.csv"


@pytest.fixture(autouse=True)
def _in_repo(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(REPO)


@pytest.mark.parametrize("as_of", ["2025-07-01", "2026-01-15"])
@pytest.mark.parametrize("fmt", ["table", "json"])
def test_status_golden(run_cli: Run, fmt: str, as_of: str) -> None:
    result = run_cli("status", PROGRESS, "--targets", CATALOG, "--as-of", as_of, "--format", fmt)
    assert result.exit_code == 1  # both dates have a failing target
    check_golden(f"cli/status-{as_of}.{fmt}.txt", result.stdout)
    check_golden(f"cli/status-{as_of}.{fmt}.stderr.txt", result.stderr)


def test_status_json_is_the_only_thing_on_stdout(run_cli: Run) -> None:
    result = run_cli("status", PROGRESS, "-t", CATALOG, "--as-of", "2025-07-01", "-f", "json")
    doc = json.loads(result.stdout)
    assert doc["schema_version"] == 1
    assert doc["gate"] == {"fail_on": ["fail", "overdue"], "passed": False, "failing": 1}
    assert doc["summary"] == {"pass": 1, "fail": 1, "overdue": 0, "pending": 4}
    assert "DX218" in result.stderr


def test_fail_on_changes_the_gate(run_cli: Run) -> None:
    base = ("status", PROGRESS, "-t", CATALOG, "--as-of", "2025-07-01", "-f", "json")
    assert run_cli(*base, "--fail-on", "none").exit_code == 0
    assert run_cli(*base, "--fail-on", "overdue").exit_code == 0
    assert run_cli(*base, "--fail-on", "pending").exit_code == 1
    assert run_cli(*base, "--fail-on", "off_track,regressing").exit_code == 0
    bad = run_cli(*base, "--fail-on", "failed")
    assert bad.exit_code == 2 and "unknown status or outlook 'failed'" in bad.stderr


def test_selection_narrows_the_gate(run_cli: Run) -> None:
    base = ("status", PROGRESS, "-t", CATALOG, "--as-of", "2025-07-01", "-f", "json")
    economy = run_cli(*base, "--category", "digital-economy")
    assert economy.exit_code == 0
    assert {r["target"] for r in json.loads(economy.stdout)["results"]} == {
        "cash-payments",
        "digital-enterprises",
    }
    hanoi = json.loads(run_cli(*base, "--entity", "hà nội", "--entity", "HÀ NỘI").stdout)
    assert [(r["target"], r["entity"]) for r in hanoi["results"]] == [("online-public-services", "Hà Nội")]
    globbed = json.loads(run_cli(*base, "--target", "e-sig*").stdout)
    assert [r["target"] for r in globbed["results"]] == ["e-signature-2025"]
    typo = run_cli(*base, "--target", "onlin-services")
    assert typo.exit_code == 2 and "no target matches 'onlin-services'" in typo.stderr
    assert "(did you mean 'online-public-services'?)" in typo.stderr


def test_stdin_is_read_with_dash(run_cli: Run) -> None:
    text = Path(PROGRESS).read_text(encoding="utf-8")
    result = run_cli("status", "-", "-t", CATALOG, "--as-of", "2025-07-01", "-f", "json", input=text)
    doc = json.loads(result.stdout)
    assert doc["inputs"] == ["<stdin>"]
    assert {r["latest"]["file"] for r in doc["results"] if r["latest"]} == {"<stdin>"}


def test_bad_csv_gets_located_errors_and_exit_2(run_cli: Run, tmp_path: Path) -> None:
    bad = write(tmp_path / "bad.csv", "target,date,value\nonlin-public-services,2025-01-01,5\n")
    result = run_cli("status", str(bad), "-t", CATALOG, "--as-of", "2025-07-01")
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr.startswith(
        f"{bad}:2:1: DX210 error: unknown target 'onlin-public-services' (row 2, column \"target\", A)\n"
    )
    assert "did you mean 'online-public-services'?" in result.stderr


def test_bad_catalog_gets_located_errors_and_exit_2(run_cli: Run, tmp_path: Path) -> None:
    bad = write(tmp_path / "targets.yaml", "version: 1\ntargets:\n  - id: a\n    titel: A\n    target: 1\n")
    result = run_cli("status", "-t", str(bad))
    assert result.exit_code == 2
    assert f"{bad}:4:5 (targets[0].titel): DX103 error: unknown key 'titel'" in result.stderr
    assert "Traceback" not in result.stderr


def test_validate_golden(run_cli: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    write(tmp_path / "targets.yaml", Path(REPO / CATALOG).read_text(encoding="utf-8"))
    write(
        tmp_path / "submission.csv",
        "target,entity,date,value,unit\n"
        "online-public-services,Đà Nẵng,2025-06-01,87.5,percent\n"
        "online-public-services,Đà Nẵng,2025-13-01,80,percent\n"
        "data-center,,2025-06-01,maybe,\n"
        "cash-payments,,2025-06-01,12,enterprises\n",
    )
    write(tmp_path / "ok.csv", "target,date,value\ndata-center,2025-06-01,done\n")
    bad = run_cli("validate", "submission.csv", "ok.csv")
    assert bad.exit_code == 2
    check_golden("cli/validate-bad.stdout.txt", bad.stdout)
    check_golden("cli/validate-bad.stderr.txt", bad.stderr)
    as_json = run_cli("validate", "submission.csv", "ok.csv", "--format", "json")
    assert as_json.exit_code == 2
    check_golden("cli/validate-bad.json.txt", as_json.stdout)
    good = run_cli("validate", "ok.csv")
    assert (good.exit_code, good.stdout, good.stderr) == (
        0,
        "validation passed: 2 file(s) checked, no problems\n",
        "",
    )


def test_targets_list_and_one(run_cli: Run) -> None:
    listing = run_cli("targets", "-t", CATALOG)
    assert listing.exit_code == 0
    check_golden("cli/targets.table.txt", listing.stdout)
    one = run_cli("targets", "-t", CATALOG, "e-signature-2025")
    assert one.exit_code == 0
    check_golden("cli/targets-one.txt", one.stdout)
    as_json = json.loads(run_cli("targets", "-t", CATALOG, "--format", "json").stdout)
    assert as_json["count"] == 6
    assert as_json["targets"][2]["due"] == "2024-12-31"
    missing = run_cli("targets", "-t", CATALOG, "e-signature-2026")
    assert missing.exit_code == 2 and "did you mean 'e-signature-2025'?" in missing.stderr


def test_version(run_cli: Run) -> None:
    result = run_cli("--version")
    assert (result.exit_code, result.stdout, result.stderr) == (0, f"dxcheck {__version__}\n", "")


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (("status", "--as-of", "01/07/2025"), "--as-of takes a date as YYYY-MM-DD"),
        (("status", "--format", "yaml"), "Invalid value for '--format'"),
        (("status", "--report", "junit"), "--report takes FORMAT:PATH"),
        (("status", "--report", "pdf:out.pdf"), "unknown format 'pdf'"),
        (("status", "--due-within", "soon"), "not a duration"),
        (("frobnicate",), "No such command"),
    ],
)
def test_usage_errors_exit_2(run_cli: Run, args: tuple[str, ...], words: str) -> None:
    result = run_cli(*args)
    assert result.exit_code == 2
    assert words in result.stderr
    assert "Traceback" not in result.stderr


def test_report_files_are_written(run_cli: Run, tmp_path: Path) -> None:
    out = tmp_path / "deep" / "dir" / "report.json"
    result = run_cli(
        "status", PROGRESS, "-t", CATALOG, "--as-of", "2025-07-01", "--report", f"json:{out}", "-q"
    )
    assert result.exit_code == 1
    assert json.loads(out.read_text(encoding="utf-8"))["as_of"] == "2025-07-01"
    assert result.stdout.startswith("6 results as of 2025-07-01")
    assert not list(out.parent.glob(".*.tmp"))


def test_report_never_overwrites_an_input(run_cli: Run, tmp_path: Path) -> None:
    data = write(tmp_path / "p.csv", Path(PROGRESS).read_text(encoding="utf-8"))
    before = data.read_bytes()
    result = run_cli("status", str(data), "-t", CATALOG, "--report", f"json:{data}")
    assert result.exit_code == 2
    assert "DX302" in result.stderr
    assert data.read_bytes() == before


def test_strict_turns_warnings_into_errors(run_cli: Run) -> None:
    base = ("status", PROGRESS, "-t", CATALOG, "--as-of", "2025-07-01", "-f", "json")
    lenient = run_cli(*base)
    assert lenient.exit_code == 1 and "DX218 warning" in lenient.stderr
    strict = run_cli(*base, "--strict")
    assert strict.exit_code == 2 and "DX218 error" in strict.stderr
    # No status, but a machine format still carries the problems (never an empty stdout).
    problems = json.loads(strict.stdout)
    assert (problems["kind"], problems["passed"]) == ("validation", False)
    assert [(p["code"], p["severity"]) for p in problems["problems"]] == [("DX218", "error")]


def test_quiet_shows_only_the_summary_and_errors(run_cli: Run) -> None:
    result = run_cli("status", PROGRESS, "-t", CATALOG, "--as-of", "2025-07-01", "-q")
    assert result.stdout.count("\n") == 1 and result.stdout.startswith("6 results as of 2025-07-01")
    assert "DX218" not in result.stderr


def test_colour_only_when_forced_or_on_a_terminal(run_cli: Run) -> None:
    base = ("status", PROGRESS, "-t", CATALOG, "--as-of", "2025-07-01")
    plain = run_cli(*base)
    assert "\x1b[" not in plain.stdout and "\x1b[" not in plain.stderr
    forced = run_cli(*base, env={"NO_COLOR": "", "FORCE_COLOR": "1", "TERM": "xterm"})
    assert "\x1b[" in forced.stdout
    no_color_wins = run_cli(*base, env={"NO_COLOR": "1", "FORCE_COLOR": "1", "TERM": "xterm"})
    assert "\x1b[" not in no_color_wins.stdout
    flag_wins = run_cli(*base, "--no-color", env={"NO_COLOR": "", "FORCE_COLOR": "1", "TERM": "xterm"})
    assert "\x1b[" not in flag_wins.stdout


def test_table_width_follows_columns(run_cli: Run) -> None:
    narrow = run_cli("status", PROGRESS, "-t", CATALOG, "--as-of", "2025-07-01", env={"COLUMNS": "80"})
    assert max(len(line) for line in narrow.stdout.splitlines()) <= 80
    assert "#" not in narrow.stdout  # no room for bars: percentages only
    wide = run_cli("status", PROGRESS, "-t", CATALOG, "--as-of", "2025-07-01", env={"COLUMNS": "160"})
    assert "######.. 75%" in wide.stdout


def test_a_table_piped_with_its_stderr_is_as_wide_as_the_terminal_it_was_started_from(
    run_cli: Run, monkeypatch: pytest.MonkeyPatch
) -> None:
    """``dxcheck status 2>&1 | less``: neither stream is a terminal, but the run was started
    from one (``/dev/tty``), and a person reads it there; without one (CI, cron) 140."""
    base = ("status", PROGRESS, "-t", CATALOG, "--as-of", "2025-07-01")
    monkeypatch.setattr(cli_terminal, "controlling_terminal_width", lambda: 90)
    at_a_terminal = run_cli(*base, env={"COLUMNS": ""})  # no COLUMNS: the width is looked for
    assert max(len(line) for line in at_a_terminal.stdout.splitlines()) <= 90
    monkeypatch.setattr(cli_terminal, "controlling_terminal_width", lambda: None)
    nowhere = run_cli(*base, env={"COLUMNS": ""})
    assert 90 < max(len(line) for line in nowhere.stdout.splitlines()) <= 140
    assert at_a_terminal.stdout != nowhere.stdout


@pytest.mark.skipif(not hasattr(os, "openpty"), reason="no pseudo-terminals (Windows)")
def test_the_terminal_a_run_was_started_from_is_found_with_both_streams_piped() -> None:
    """A process whose controlling terminal is 77 columns wide, its stdout and stderr
    pipes, finds 77 (``/dev/tty``); one started in a session of its own, no terminal."""
    import fcntl
    import struct
    import termios

    code = "from dxcheck.cli_options import controlling_terminal_width as w; print(w())"
    primary, secondary = os.openpty()
    try:
        fcntl.ioctl(secondary, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 77, 0, 0))
        at_a_terminal = subprocess.run(
            [sys.executable, "-c", code],
            stdin=secondary,
            capture_output=True,
            text=True,
            start_new_session=True,  # then the terminal on stdin becomes the session's
            preexec_fn=lambda: fcntl.ioctl(0, termios.TIOCSCTTY, 0),
            check=True,
        )
    finally:
        os.close(primary)
        os.close(secondary)
    assert at_a_terminal.stdout == "77\n"
    detached = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, start_new_session=True, check=True
    )
    assert detached.stdout == "None\n"


def test_superseded_versions_are_mentioned_only_when_the_selection_shows_their_successor(
    run_cli: Run,
) -> None:
    base = ("status", PROGRESS, "-t", CATALOG, "--as-of", "2026-01-15")
    everything = run_cli(*base)
    assert (
        "superseded by a restatement: e-signature-2024 (dxcheck targets ID shows each version)\n"
        in everything.stdout
    )
    assert everything.stdout.count("superseded") == 1
    economy = run_cli(*base, "--category", "digital-economy")
    assert "superseded" not in economy.stdout


def _command(*args: str, stdout: object = subprocess.PIPE) -> subprocess.CompletedProcess[bytes]:
    env = {**os.environ, "NO_COLOR": "1", "COLUMNS": "120"}
    return subprocess.run(  # type: ignore[call-overload, no-any-return]
        [sys.executable, "-m", "dxcheck", *args], stdout=stdout, stderr=subprocess.PIPE, env=env, cwd=REPO
    )


def test_the_command_leaves_once_its_output_is_flushed(run_cli: Run, tmp_path: Path) -> None:
    """``main`` exits with ``os._exit`` once stdout and stderr are flushed (cli._leave):
    every byte is written, to a pipe and to a file, and every exit code is kept."""
    args = ("status", "--as-of", "2026-01-15", "--format", "json")
    piped = _command(*args)
    assert piped.returncode == 1
    assert piped.stdout.decode("utf-8") == run_cli(*args).stdout
    with (tmp_path / "out.json").open("wb") as out:
        to_file = _command(*args, stdout=out)
    assert to_file.returncode == 1
    assert (tmp_path / "out.json").read_bytes() == piped.stdout
    assert _command("--version").returncode == 0
    refused = _command("status", "--no-such-option")
    assert refused.returncode == 2
    assert b"No such option" in refused.stderr


def test_a_reader_that_leaves_early_gets_no_traceback(tmp_path: Path) -> None:
    """Far more than a pipe holds (64 KiB): the writes after the reader left fail."""
    rows = "".join(f"online-public-services,Xã {i},2025-06-30,{i % 100}\n" for i in range(2_000))
    data = write(tmp_path / "xa.csv", "target,entity,date,value\n" + rows)
    env = {**os.environ, "NO_COLOR": "1"}
    command = [sys.executable, "-m", "dxcheck", "status", str(data), "--as-of", "2026-01-15", "-f", "jsonl"]
    with subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env, cwd=REPO) as run:
        assert run.stdout is not None and run.stderr is not None
        assert run.stdout.readline().startswith(b"{")
        run.stdout.close()  # as `| head -1` does
        error = run.stderr.read()
        code = run.wait()
    assert code in (0, 1)
    assert b"Traceback" not in error and b"Exception ignored" not in error
