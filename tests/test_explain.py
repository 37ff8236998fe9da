"""``dxcheck explain`` and its sources, codes.EXPLANATIONS and (``--lang vi``) explain_vi:
every code is explained in both languages, and every example, run for real in an empty
folder, says exactly what it claims in each."""

from __future__ import annotations

import shlex
import unicodedata
from pathlib import Path

import pytest

from dxcheck import explain_vi
from dxcheck.codes import EXPLANATIONS
from dxcheck.explain import (
    PAGE_EN,
    example_command,
    example_files,
    explanation,
    find,
    listing,
    markdown_table,
    severity_text,
    texts,
)
from dxcheck.findings import Code
from tests.conftest import Run


def test_every_code_is_explained() -> None:
    assert list(EXPLANATIONS) == list(Code)  # all of them, in the codes' order
    for code, known in EXPLANATIONS.items():
        assert known.meaning and known.fix and known.details, code
        assert f" {code.id} " in known.example.says, code
        assert known.severity in (None, "warning/error")


@pytest.mark.parametrize("lang", ["en", "vi"])
@pytest.mark.parametrize("code", list(Code), ids=[c.id for c in Code])
def test_the_example_says_what_it_claims(
    code: Code, lang: str, run_cli: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The example run as the page shows it in ``lang`` (vi: with ``--lang vi``, or
    DXCHECK_LANG=vi for ``dxcheck config``) prints the page's ``says`` first."""
    example = EXPLANATIONS[code].example
    monkeypatch.chdir(tmp_path)
    for name, content in example_files(example):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_bytes(content)
    env = {"GITHUB_ACTIONS": ""}
    words = shlex.split(example_command(example, lang))
    while "=" in words[0]:  # the variables the shell would set for the command
        variable, _, value = words.pop(0).partition("=")
        env[variable] = value
    program, *args = words
    assert program == "dxcheck"
    result = run_cli(*args, env=env)
    said = [line for line in (result.stderr + result.stdout).splitlines() if f" {code.id} " in line]
    assert said, result.stdout + result.stderr
    assert said[0] == texts(code, lang).says
    severity = said[0].split(f" {code.id} ")[1].split(":")[0]
    assert severity in severity_text(code, lang).split("/")


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


# --- in Vietnamese (--lang vi) --------------------------------------------------------------


@pytest.mark.parametrize("code", list(Code), ids=[c.id for c in Code])
def test_every_code_is_explained_in_vietnamese(code: Code) -> None:
    assert list(explain_vi.EXPLANATIONS) == list(Code)
    english, vi = texts(code), explain_vi.EXPLANATIONS[code]
    for field in ("meaning", "details", "fix", "says"):
        text = getattr(vi, field)
        assert text and text == text.strip(), (code.id, field)
        assert unicodedata.normalize("NFC", text) == text, (code.id, field)
        assert text != getattr(english, field), (code.id, field)
    assert f" {code.id} {severity_text(code, 'vi').split('/')[-1]}: " in vi.says
    # What a table cell holds and what the page ends with a full stop.
    assert "|" not in vi.meaning + vi.fix and not vi.fix.endswith(".")


def test_the_page_has_its_words_in_vietnamese() -> None:
    assert explain_vi.PAGE.keys() == PAGE_EN.keys()
    for key, text in explain_vi.PAGE.items():
        assert text != PAGE_EN[key] and unicodedata.normalize("NFC", text) == text, key
    assert severity_text(Code.INVALID_NUMBER, "vi") == "lỗi"
    assert severity_text(Code.TOO_MANY, "vi") == "cảnh báo/lỗi"


def test_explain_one_code_in_vietnamese(run_cli: Run) -> None:
    result = run_cli("explain", "DX213", "--lang", "vi")
    assert result.exit_code == 0 and result.stderr == ""
    assert result.stdout == explanation(Code.INVALID_NUMBER, lang="vi")
    text = result.stdout
    assert text.startswith("DX213 (lỗi): không phải số, dấu phân cách hàng nghìn gây nhầm lẫn")
    assert "\nVí dụ:\n" in text
    assert "essential-public-services-online,2025-06-30,12.500" in text  # the file is as written
    assert "  $ dxcheck validate data.csv --lang vi\n" in text
    assert explain_vi.EXPLANATIONS[Code.INVALID_NUMBER].says in text
    assert "Cách xử lý: ghi số thuần; bỏ các hàng chưa có giá trị.\n" in text
    assert "What to do" not in text and "Example" not in text
    assert run_cli("explain", "213", env={"DXCHECK_LANG": "vi"}).stdout == text


def test_explain_page_words_in_vietnamese(run_cli: Run) -> None:
    cp1258 = run_cli("explain", "DX201", "--lang", "vi").stdout
    assert "  data.csv (lưu với bảng mã cp1258):\n" in cp1258
    assert "    (tệp trống)\n" in run_cli("explain", "DX202", "--lang", "vi").stdout
    assert "    ... dòng cuối lặp lại thêm 100 lần\n" in run_cli("explain", "DX230", "--lang", "vi").stdout
    # dxcheck config takes no --lang: the page shows how to have its findings in Vietnamese.
    assert "  $ DXCHECK_LANG=vi dxcheck config\n" in run_cli("explain", "DX305", "--lang", "vi").stdout


def test_explain_lists_every_code_in_vietnamese(run_cli: Run) -> None:
    result = run_cli("explain", "--lang", "vi")
    assert result.exit_code == 0 and result.stdout == listing("vi")
    lines = result.stdout.splitlines()
    assert [line.split()[0] for line in lines[:-1]] == [c.id for c in Code]
    assert "DX230  cảnh báo/lỗi  tệp còn nhiều vấn đề hơn số được hiển thị" in lines
    assert "DX205  cảnh báo      cột không xác định bị bỏ qua" in lines
    assert lines[-1] == "Xem giải thích đầy đủ về một mã: dxcheck explain CODE"


def test_the_markdown_table_in_vietnamese(run_cli: Run) -> None:
    table = run_cli("explain", "--markdown", "--lang", "vi").stdout
    assert table == markdown_table("vi") != markdown_table()
    assert table.startswith("| mã | mức độ | ý nghĩa | cách xử lý |\n|---|---|---|---|\n| DX100 | lỗi | ")
    assert len(table.splitlines()) == len(markdown_table().splitlines())


def test_explain_unknown_code_in_vietnamese(run_cli: Run) -> None:
    result = run_cli("explain", "DY213", "--lang", "vi")
    assert result.exit_code == 2 and result.stdout == ""
    assert result.stderr == "dxcheck: lỗi: không có mã 'DY213' (có phải ý bạn là DX213?)\n"
    nothing_close = run_cli("explain", "nonsense", "--lang", "vi")
    assert nothing_close.exit_code == 2
    assert nothing_close.stderr == (
        "dxcheck: lỗi: không có mã 'nonsense' (chạy 'dxcheck explain' để xem danh sách mã)\n"
    )
    with_code = run_cli("explain", "DX213", "--markdown", "--lang", "vi")
    assert with_code.exit_code == 2
    assert with_code.stderr == "dxcheck: lỗi: --markdown in bảng mọi mã: đừng nêu CODE\n"


def test_english_is_the_default_and_unchanged(run_cli: Run) -> None:
    assert run_cli("explain", "DX213", "--lang", "en").stdout == run_cli("explain", "DX213").stdout
    assert run_cli("explain", "--lang", "en").stdout == run_cli("explain").stdout == listing()
    assert run_cli("explain", "--markdown").stdout == markdown_table()
    assert example_command(EXPLANATIONS[Code.INVALID_NUMBER].example) == "dxcheck validate data.csv"
    unknown = run_cli("explain", "nonsense")
    assert (
        unknown.stderr == "dxcheck: error: no finding code 'nonsense' (run 'dxcheck explain' for the list)\n"
    )
