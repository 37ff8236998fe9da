"""Every command's --help: two or three examples, metavars that say what they take, and
lines that fit an 80-column terminal; in Vietnamese too (``--lang vi``, DXCHECK_LANG,
``lang = "vi"``), with every text translated and what people type left as it is."""

from __future__ import annotations

import json
import subprocess
import sys
import unicodedata
from collections.abc import Iterator
from pathlib import Path

import pytest
import typer

from dxcheck import cli_options
from dxcheck.cli import app
from dxcheck.cli_help import help_lang, is_prose, key, vietnamese_usage_message, with_notes
from dxcheck.help_vi import CLICK, HELP
from tests.conftest import Run, write
from tests.golden import check_golden

COMMANDS = sorted(typer.main.get_command(app).commands)  # type: ignore[attr-defined]
EXAMPLES = {"en": "  Examples:", "vi": "  Ví dụ:"}


@pytest.fixture
def no_config(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A folder with no configuration above it, and no DXCHECK_LANG: English by default."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("DXCHECK_LANG", raising=False)
    return tmp_path


@pytest.mark.parametrize("lang", ["en", "vi"])
@pytest.mark.parametrize("command", COMMANDS)
def test_help_has_examples_and_fits_80_columns(run_cli: Run, command: str, lang: str) -> None:
    run = run_cli(command, "--help", env={"COLUMNS": "80", "DXCHECK_LANG": lang})
    assert run.exit_code == 0
    lines = run.stdout.splitlines()
    assert [line for line in lines if len(line) > 80] == []
    examples = lines.index(EXAMPLES[lang])
    shown = [line for line in lines[examples + 1 : examples + 6] if line.startswith("    dxcheck ")]
    assert 2 <= len(shown) <= 3, shown
    assert "<str>" not in run.stdout and "<path>" not in run.stdout  # what an option takes, by name


def test_fail_on_lists_the_words_it_accepts(run_cli: Run) -> None:
    text = " ".join(run_cli("status", "--help", env={"COLUMNS": "200"}).stdout.split())
    assert "--fail-on STATUS,..." in text
    assert "pass, fail, overdue, pending, met, met late, missed, on track, needs acceleration" in text


# --- the English stays what it was, and so does the Vietnamese -----------------------------


@pytest.mark.parametrize("lang", ["en", "vi"])
@pytest.mark.parametrize("command", ["", *COMMANDS])
def test_help_golden(run_cli: Run, no_config: Path, command: str, lang: str) -> None:
    words = [command, "--help"] if command else ["--help"]
    run = run_cli(*words, env={"COLUMNS": "80", "DXCHECK_LANG": lang})
    assert run.exit_code == 0 and run.stderr == ""
    check_golden(f"help/{command or 'dxcheck'}.{lang}.txt", run.stdout)


def test_no_words_is_the_root_help_in_the_runs_language(run_cli: Run, no_config: Path) -> None:
    run = run_cli(env={"COLUMNS": "80", "DXCHECK_LANG": "vi"})
    assert run.exit_code == 2  # click's no_args_is_help: a usage error, on stderr
    assert run.stderr.startswith("Cách dùng: dxcheck [OPTIONS] COMMAND [ARGS]...")


def test_english_after_vietnamese_in_one_process_is_unchanged(run_cli: Run, no_config: Path) -> None:
    # typer builds the command tree anew for each run: a translation never outlives its run.
    english = run_cli("status", "--help").stdout
    assert "Cách dùng" in run_cli("status", "--help", "--lang", "vi").stdout
    assert run_cli("status", "--help").stdout == english
    assert run_cli("--help").stdout.startswith("Usage: dxcheck")


# --- which language --------------------------------------------------------------------------


def test_status_help_lang_vi_keeps_what_people_type(run_cli: Run, no_config: Path) -> None:
    vi = run_cli("status", "--help", "--lang", "vi", env={"COLUMNS": "200"})
    en = run_cli("status", "--help", env={"COLUMNS": "200"})
    assert vi.exit_code == 0
    assert vi.stdout.startswith("Cách dùng: dxcheck status [OPTIONS] [CSV]...")
    assert "Tuỳ chọn:" in vi.stdout and "Đối số:" in vi.stdout
    assert "Hiện hướng dẫn này rồi thoát." in vi.stdout and "[mặc định: en]" in vi.stdout
    # option names, metavars and choices: the first column is the English one, row for row
    assert _terms(vi.stdout) == _terms(en.stdout)
    assert "--by <entity|category|agency|target>" in vi.stdout
    assert "dxcheck status data/*.csv --entity Huế --fail-on fail,overdue,off_track" in vi.stdout


def _terms(text: str) -> list[str]:
    return [line.split("  ")[1] for line in text.splitlines() if line.startswith("  -")]


def test_a_usage_error_beside_help_speaks_the_help_language(run_cli: Run, no_config: Path) -> None:
    run = run_cli("config", "--help", "--lang", "vi")  # config has no --lang
    assert run.exit_code == 2 and run.stdout == ""
    assert run.stderr.splitlines() == [
        "Cách dùng: dxcheck config [OPTIONS]",
        "Xem 'dxcheck config -h' để biết cách dùng.",
        "",
        "Lỗi: không có tuỳ chọn --lang",
    ]


def test_dxcheck_lang_sets_the_help_of_validate(run_cli: Run, no_config: Path) -> None:
    run = run_cli("validate", "--help", env={"DXCHECK_LANG": "vi"})
    assert run.exit_code == 0
    assert "Kiểm tra trước khi nộp: kiểm tra danh mục chỉ tiêu và các tệp CSV" in run.stdout
    assert "Usage" not in run.stdout and "Options" not in run.stdout


def test_the_configured_lang_sets_the_help(run_cli: Run, no_config: Path) -> None:
    write(no_config / "dxcheck.toml", 'lang = "vi"\n')
    assert run_cli("status", "--help").stdout.startswith("Cách dùng:")
    assert run_cli("--help").stdout.startswith("Cách dùng:")
    assert run_cli("--no-config", "status", "--help").stdout.startswith("Usage:")
    assert run_cli("status", "--help", "--lang", "en").stdout.startswith("Usage:")  # the command line wins


def test_help_lang_reads_the_words_then_the_configuration(
    no_config: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert help_lang(["status", "--help"]) == "en"
    assert help_lang(["status", "--lang", "vi", "-h"]) == "vi"
    assert help_lang(["status", "--lang=vi", "-h"]) == "vi"
    assert help_lang(["status", "--lang", "vi", "--lang", "en", "-h"]) == "en"  # the last, as click takes it
    monkeypatch.setenv("DXCHECK_LANG", "vi")
    assert help_lang(["status", "-h"]) == "vi"
    assert help_lang(["--no-config", "status", "-h"]) == "en"
    assert help_lang(["status", "--no-config", "-h"]) == "vi"  # not the root's option there
    monkeypatch.delenv("DXCHECK_LANG")
    config = write(no_config / "ci" / "vi.toml", 'lang = "vi"\n')
    assert help_lang(["--config", str(config), "status", "-h"]) == "vi"
    assert help_lang([f"--config={config}", "-h"]) == "vi"
    assert help_lang(["--config", str(no_config / "missing.toml"), "-h"]) == "en"


def test_only_a_run_that_asks_for_help_in_vietnamese_loads_it(no_config: Path) -> None:
    def loaded(*words: str) -> bool:
        code = (
            "import json, sys\nfrom dxcheck.cli import app\n"
            f"try:\n    app({list(words)!r})\nexcept SystemExit:\n    pass\n"
            "print(json.dumps('dxcheck.help_vi' in sys.modules))"
        )
        env = {"PATH": "/usr/bin:/bin", "COLUMNS": "80"}
        run = subprocess.run(
            [sys.executable, "-c", code], capture_output=True, text=True, env=env, cwd=no_config, check=True
        )
        return bool(json.loads(run.stdout.splitlines()[-1]))

    assert not loaded("--version")
    assert not loaded("status", "--help")
    assert loaded("status", "--help", "--lang", "vi")


# --- the translations --------------------------------------------------------------------------


def _texts() -> Iterator[str]:
    """Every paragraph people read in every help text of every command and option."""
    group = typer.main.get_command(app)
    for command in (group, *group.commands.values()):  # type: ignore[attr-defined]
        params = [getattr(p, "help", None) for p in command.params]
        for text in (command.help, command.short_help, *params):
            yield from (key(part) for part in (text or "").split("\n\n") if part and is_prose(part))


def test_every_help_text_has_a_vietnamese_translation() -> None:
    missing = sorted({text for text in _texts() if text not in HELP})
    assert missing == [], "add them to src/dxcheck/help_vi.py"


def test_no_translation_is_left_over() -> None:
    assert sorted(set(HELP) - set(_texts())) == []


def test_vietnamese_help_is_nfc_and_translated() -> None:
    for english, vietnamese in (*HELP.items(), *CLICK.items()):
        assert unicodedata.normalize("NFC", vietnamese) == vietnamese, vietnamese
        assert vietnamese != english and "\n" not in vietnamese, vietnamese


def test_clicks_notes_after_an_option_are_translated_and_the_rest_left() -> None:
    assert with_notes("Which schema.  [required]") == "Which schema.  [bắt buộc]"
    assert with_notes("[default: table; required]") == "[mặc định: table; bắt buộc]"
    assert with_notes("Show this message and exit.") == "Hiện hướng dẫn này rồi thoát."
    assert with_notes("Read [tool.dxcheck] first.") == "Read [tool.dxcheck] first."
    assert with_notes("Kept.  [deprecated]") == "Kept.  [deprecated]"  # a note it does not know


# --- click's usage errors, in the run's language ---------------------------------------------


USAGE = ("Cách dùng: dxcheck status [OPTIONS] [CSV]...", "Xem 'dxcheck status -h' để biết cách dùng.", "")


@pytest.mark.parametrize(
    ("words", "env", "said"),
    [
        (
            ["status", "--as-off", "2030-01-01", "--lang", "vi"],
            {},
            [*USAGE, "Lỗi: không có tuỳ chọn --as-off (có phải ý bạn là --as-of?)"],
        ),
        (
            ["status", "-f", "jsn"],
            {"DXCHECK_LANG": "vi"},
            [
                *USAGE,
                "Lỗi: giá trị không hợp lệ cho '--format' / '-f': 'jsn' không phải một trong 'table', 'json', "
                "'jsonl', 'csv', 'markdown', 'junit', 'github', 'sarif', 'gitlab', 'azure', 'html' "
                "(có phải ý bạn là 'json'?).",
            ],
        ),
        (
            ["statu"],
            {"DXCHECK_LANG": "vi"},
            [
                "Cách dùng: dxcheck [OPTIONS] COMMAND [ARGS]...",
                "Xem 'dxcheck -h' để biết cách dùng.",
                "",
                "Lỗi: không có lệnh 'statu'. Có phải ý bạn là 'status'?",
            ],
        ),
        # click says this one without the usage around it, in English too
        (["status", "--as-of"], {"DXCHECK_LANG": "vi"}, ["Lỗi: tuỳ chọn '--as-of' cần một giá trị."]),
    ],
)
def test_a_usage_error_speaks_the_run_language(
    run_cli: Run, no_config: Path, words: list[str], env: dict[str, str], said: list[str]
) -> None:
    run = run_cli(*words, env=env)
    assert (run.exit_code, run.stdout) == (2, "")
    assert run.stderr.splitlines() == said


def test_a_usage_error_stays_english_in_english(run_cli: Run, no_config: Path) -> None:
    run = run_cli("status", "--as-off", "2030-01-01")
    assert (run.exit_code, run.stdout) == (2, "")
    assert run.stderr.splitlines() == [
        "Usage: dxcheck status [OPTIONS] [CSV]...",
        "Try 'dxcheck status -h' for help.",
        "",
        "Error: No such option: --as-off (Possible options: --as-of)",
    ]
    choice = run_cli("status", "--format", "markdwon")
    assert choice.exit_code == 2
    assert choice.stderr.splitlines()[-1].endswith("'html'. (did you mean 'markdown'?)")
    assert run_cli("status", "--format", "xyzzy").stderr.splitlines()[-1].endswith("'html'.")  # nothing close


@pytest.mark.parametrize("lang", ["en", "vi"])
def test_a_usage_error_wraps_between_words_on_a_terminal(
    run_cli: Run, no_config: Path, monkeypatch: pytest.MonkeyPatch, lang: str
) -> None:
    """Click writes its error as one line, which an 80-column terminal cuts mid-word (the
    choices of --format run to 130 characters); on a terminal it wraps as dxcheck's own
    errors do, the rest four spaces in; in a log it stays one line."""
    one_line = run_cli("status", "-f", "jsn", "--lang", lang).stderr.splitlines()
    monkeypatch.setattr(cli_options, "stderr_width", lambda: 80)
    run = run_cli("status", "-f", "jsn", "--lang", lang)
    assert run.exit_code == 2
    lines = run.stderr.splitlines()
    assert lines[:3] == one_line[:3]  # the usage and the hint, as they were
    error = lines[3:]
    assert len(error) == 3 and all(len(line) <= 80 for line in error)
    assert all(line.startswith("    ") and not line.startswith("     ") for line in error[1:])
    assert " ".join(line.strip() for line in error) == one_line[3]  # cut at spaces only
    assert one_line[3].startswith("Error: " if lang == "en" else "Lỗi: ")
    assert ("(did you mean 'json'?)" if lang == "en" else "(có phải ý bạn là 'json'?)") in one_line[3]


@pytest.mark.parametrize(
    ("english", "vietnamese"),
    [
        ("No such option: --x", "không có tuỳ chọn --x"),
        ("No such command 'x'.", "không có lệnh 'x'."),
        ("Missing command.", "thiếu lệnh."),
        (
            "Invalid value for '--top': 'x' is not a valid integer.",
            "giá trị không hợp lệ cho '--top': 'x' không phải một số.",
        ),
        (
            "Invalid value for 'CSV': Path 'x' does not exist.",
            "giá trị không hợp lệ cho 'CSV': Path 'x' does not exist.",
        ),
        ("Missing argument 'NAME'.", "thiếu đối số 'NAME'."),
        ("Missing option '--targets'.", "thiếu tuỳ chọn '--targets'."),
        ("Option '--x' requires 2 arguments.", "tuỳ chọn '--x' cần 2 giá trị."),
        ("Option '--all' does not take a value.", "tuỳ chọn '--all' không nhận giá trị."),
        ("Got unexpected extra argument(s) (a b)", "thừa đối số (a b)"),
        ("Something click may say one day.", "Something click may say one day."),
    ],
)
def test_each_of_clicks_usage_messages_has_its_vietnamese(english: str, vietnamese: str) -> None:
    assert vietnamese_usage_message(english) == vietnamese
