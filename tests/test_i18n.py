"""Every finding in Vietnamese (``--lang vi``): each code's message and each text dxcheck
writes into a finding (its hints, its reasons) has a translation with the same fields,
and a new one without a translation fails here. English output is untouched (the
goldens of the other tests)."""

from __future__ import annotations

import ast
import json
import string
import unicodedata
from pathlib import Path

import pytest

from dxcheck import messages_vi
from dxcheck.findings import Code, Finding, FindingSink, Location
from dxcheck.formats import Lang as FormatsLang
from dxcheck.formats import Style
from dxcheck.formats.diagnostics import format_finding, render_findings
from dxcheck.i18n import Lang, Msg, msg
from tests.conftest import DATA, REPO, Run, write
from tests.golden import check_golden

SRC = REPO / "src" / "dxcheck"


def fields(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name is not None}


def msg_calls() -> list[tuple[Path, int, ast.expr]]:
    """Every ``msg(...)`` call in dxcheck's source: (file, line, its template argument)."""
    calls = []
    for path in sorted(SRC.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "msg":
                assert node.args, f"{path}:{node.lineno}: msg() without a template"
                calls.append((path, node.lineno, node.args[0]))
    return calls


def templates() -> dict[str, str]:
    """English template -> where it is first written."""
    found: dict[str, str] = {}
    for path, line, arg in msg_calls():
        template = arg.value if isinstance(arg, ast.Constant) and isinstance(arg.value, str) else ""
        found.setdefault(template, f"{path.name}:{line}")
    return found


# --- every text has its translation --------------------------------------------------


@pytest.mark.parametrize("code", list(Code), ids=[c.id for c in Code])
def test_every_code_has_a_vietnamese_template_with_the_same_fields(code: Code) -> None:
    vi = messages_vi.CODES[code.id]
    assert fields(vi) == fields(code.template), code.id
    assert vi != code.template or fields(vi) == {"reason"}, f"{code.id} is not translated"


def test_no_translation_for_a_code_that_does_not_exist() -> None:
    assert set(messages_vi.CODES) == {c.id for c in Code}


def test_every_msg_template_is_a_literal() -> None:
    """A template built at run time could not be checked here, nor found in TEXTS."""
    for path, line, arg in msg_calls():
        assert isinstance(arg, ast.Constant) and isinstance(arg.value, str), (
            f"{path.relative_to(REPO)}:{line}: msg() takes its template as a literal string"
        )


def test_every_msg_template_has_a_translation_with_the_same_fields() -> None:
    missing = [
        f"{where}: {template!r}"
        for template, where in templates().items()
        if template not in messages_vi.TEXTS
    ]
    assert not missing, "add these to dxcheck/messages_vi.py TEXTS:\n" + "\n".join(missing)
    for template in templates():
        assert fields(messages_vi.TEXTS[template]) == fields(template), template


def test_no_translation_is_left_over() -> None:
    """A text no longer written is no longer translated (an English key that changed)."""
    stale = set(messages_vi.TEXTS) - set(templates())
    assert not stale, stale


def test_msg_is_made_only_through_msg() -> None:
    """``Msg(...)`` with a template is made only in i18n.py (``joined``: placeholders and
    a separator, no words); elsewhere ``msg("...")``, whose templates are checked here."""
    for path in sorted(SRC.rglob("*.py")):
        if path.name == "i18n.py":
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        made = [
            n.lineno for n in ast.walk(tree) if isinstance(n, ast.Call) and getattr(n.func, "id", "") == "Msg"
        ]
        assert not made, f"{path.relative_to(REPO)}:{made}: use msg() (its template is checked)"


def test_no_hint_is_plain_text() -> None:
    """A hint given as a string (or an f-string) could not be translated: mypy refuses it
    for Finding.hint; this also catches a ``hint=`` anywhere else."""
    for path in sorted(SRC.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.keyword) and node.arg == "hint":
                value = node.value
                plain = isinstance(value, ast.JoinedStr) or (
                    isinstance(value, ast.Constant) and isinstance(value.value, str)
                )
                assert not plain, f"{path.relative_to(REPO)}:{value.lineno}: write the hint with msg()"


def test_vietnamese_is_nfc_and_keeps_its_diacritics() -> None:
    texts = [*messages_vi.CODES.values(), *messages_vi.TEXTS.values(), *messages_vi.LABELS.values()]
    for text in texts:
        assert unicodedata.normalize("NFC", text) == text, text
    assert "ngày và tháng có thể đảo chỗ cho nhau" in messages_vi.CODES["DX212"]


# --- Msg -----------------------------------------------------------------------------------


def test_msg_is_english_as_a_string_and_renders_nested_texts() -> None:
    hint = msg("did you mean '{match}'?", match="Hà Nội")
    assert str(hint) == f"{hint}" == "did you mean 'Hà Nội'?"
    assert hint.text(Lang.VI) == "có phải ý bạn là 'Hà Nội'?"
    either = msg("{either} or {other}", either="'A'", other="'B'")
    outer = msg("did you mean {names}? (if they are different places, ignore this warning)", names=either)
    assert str(outer) == "did you mean 'A' or 'B'? (if they are different places, ignore this warning)"
    assert outer.text("vi").startswith("có phải ý bạn là 'A' hoặc 'B'?")


def test_a_text_without_translation_is_shown_in_english() -> None:
    assert Msg("fix; then]").text(Lang.VI) == "fix; then]"


def test_lang_moved_to_i18n_and_is_still_in_formats() -> None:
    assert FormatsLang is Lang
    assert Style().lang == Lang.EN


# --- findings in Vietnamese ---------------------------------------------------------------

BAD = (
    "target,entity,date,value,unit,colour\n"
    "onlin-public-services,Hà Nội,2025-06-30,80,percent,x\n"
    'online-public-services,"Đà\nNẵng",05/06/2025,80,percent,x\n'
    "online-public-services,Huế,2025-06-30,12.500,percent,x\n"
    "online-public-services,Huế,2025-05-30,80,km,x\n"
    "digital-enterprises,Huế,2025-05-30,12.500,,x\n"
    "data-center,,2025-05-30,maybe,,x\n"
    "online-public-services,Huế,2025-13-01,80,percent,x\n"
)


def read_bad(tmp_path: Path) -> list[Finding]:
    from datetime import date

    from dxcheck.catalog import load_catalog
    from dxcheck.progress import InputFile, ProgressIndex

    loaded = load_catalog(DATA / "catalog.yaml")
    assert loaded.catalog is not None
    path = write(tmp_path / "bad.csv", BAD)
    index = ProgressIndex(loaded.catalog, date(2026, 1, 1))
    sink = FindingSink()
    index.read(InputFile("bad.csv", path), sink)
    return sink.close()


def test_findings_in_vietnamese_golden(tmp_path: Path) -> None:
    found = read_bad(tmp_path)
    more = [
        Finding(Code.OUTPUT_EXISTS, Location("out.html"), hint=msg("pass --force to replace it")),
        Finding(Code.NO_ROWS, Location("empty.csv", 1)),
    ]
    check_golden("i18n/findings.vi.txt", render_findings([*found, *more], lang=Lang.VI))


def test_the_english_is_what_it_was(tmp_path: Path) -> None:
    """The same findings in English: what dxcheck wrote before it could write Vietnamese."""
    check_golden("i18n/findings.en.txt", render_findings(read_bad(tmp_path)))


def test_a_vietnamese_line() -> None:
    where = Location("data/bad.csv", 3, 31, field=2, header="date", row=3)
    found = Finding(
        Code.AMBIGUOUS_DATE,
        where,
        {"text": "03/04/2025"},
        hint=msg(
            "write it as YYYY-MM-DD ({iso} if day first), "
            "or pass --date-order dmy (Vietnamese day/month/year) or --date-order mdy",
            iso="2025-04-03",
        ),
        text="03/04/2025",
    )
    assert format_finding(found, lang=Lang.VI).splitlines() == [
        "data/bad.csv:3:31: DX212 lỗi: ngày '03/04/2025' không rõ: ngày và tháng có thể đảo chỗ cho nhau"
        ' (hàng 3, cột "date", C)',
        "    gợi ý: ghi ngày theo dạng 2025-04-03 (nếu ngày đứng trước), hoặc dùng --date-order dmy"
        " (ngày/tháng/năm như ở Việt Nam) hay --date-order mdy",
    ]
    warning = Finding(Code.NO_ROWS, Location("a.csv", 1))
    assert (
        format_finding(warning, lang="vi")
        == "a.csv:1: DX208 cảnh báo: tệp có hàng tiêu đề nhưng không có hàng dữ liệu nào"
    )


@pytest.mark.parametrize(
    "fmt",
    ["github", "gitlab", "azure", "sarif", "junit", "markdown", "json", "jsonl", "csv", "html", "table"],
)
def test_machine_formats_write_messages_in_the_style_language(tmp_path: Path, fmt: str) -> None:
    from dxcheck.formats import Format, renderer
    from dxcheck.report import ProblemReport

    problems = ProblemReport(("bad.csv",), tuple(read_bad(tmp_path)))
    english = renderer(Format(fmt), Style(lang="en")).render_problems(problems)
    vietnamese = renderer(Format(fmt), Style(lang="vi")).render_problems(problems)
    if fmt == "sarif":  # the rules' help is the English documentation: the results only
        english, vietnamese = (
            json.dumps(json.loads(text)["runs"][0]["results"]) for text in (english, vietnamese)
        )
    assert "did you mean" in english
    assert "có phải ý bạn là" in vietnamese or "c\\u00f3 ph\\u1ea3i" in vietnamese
    assert "did you mean" not in vietnamese
    if fmt in ("json", "jsonl"):
        assert (
            '"severity": "error"' in vietnamese or '"severity":"error"' in vietnamese
        )  # keys and values stay


def test_status_lang_vi_shows_findings_in_vietnamese(run_cli: Run, tmp_path: Path) -> None:
    bad = write(tmp_path / "bad.csv", "target,date,value\nonline-public-services,05/06/2025,80\n")
    result = run_cli(
        "status", "-t", str(DATA / "catalog.yaml"), str(bad), "--lang", "vi", "--as-of", "2026-01-01"
    )
    assert result.exit_code == 2
    assert result.stderr.startswith(
        f"{bad}:2:24: DX212 lỗi: ngày '05/06/2025' không rõ: ngày và tháng có thể đảo chỗ cho nhau"
        ' (hàng 2, cột "date", B)\n'
        "    gợi ý: ghi ngày theo dạng 2025-06-05 (nếu ngày đứng trước), hoặc dùng --date-order dmy"
    ), result.stderr
    english = run_cli("status", "-t", str(DATA / "catalog.yaml"), str(bad), "--as-of", "2026-01-01")
    assert f"{bad}:2:24: DX212 error: ambiguous date '05/06/2025'" in english.stderr


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        (
            "en",
            "dxcheck: internal error: RuntimeError: boom\ndxcheck: this is a bug in dxcheck; set DXCHECK_DEBUG=1",
        ),
        (
            "vi",
            "dxcheck: lỗi nội bộ: RuntimeError: boom\ndxcheck: đây là lỗi của dxcheck; đặt DXCHECK_DEBUG=1",
        ),
    ],
)
def test_a_bug_is_said_in_the_commands_language_without_a_traceback(
    lang: str, expected: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import sys

    from dxcheck import check, cli

    def boom(*args: object, **kwargs: object) -> None:
        raise RuntimeError("boom")

    monkeypatch.delenv("DXCHECK_DEBUG", raising=False)
    monkeypatch.setattr(check, "run_status", boom)
    monkeypatch.setattr(sys, "argv", ["dxcheck", "status", "--lang", lang])
    with pytest.raises(SystemExit) as stopped:
        cli.main()
    assert stopped.value.code == 2
    err = capsys.readouterr().err
    assert err.startswith(expected) and "Traceback" not in err


def test_template_says_what_it_wrote_in_vietnamese(run_cli: Run, tmp_path: Path) -> None:
    out = tmp_path / "mau.csv"
    result = run_cli("template", "--lang", "vi", "-o", str(out), "--entity", "Hà Nội")
    assert (result.exit_code, result.stderr) == (0, f"dxcheck: đã ghi {out}\n")
    assert out.read_text(encoding="utf-8-sig").startswith("target,")
