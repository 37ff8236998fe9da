"""Reading progress CSVs: columns, merging, located row errors, duplicates, entities."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from dxcheck.check import Options, Outcome, run_status, run_validate
from dxcheck.report import Result, Status
from tests.conftest import DATA, write

CATALOG = DATA / "catalog.yaml"
AS_OF = date(2026, 1, 15)


def status(tmp_path: Path, *csv_texts: str, as_of: date = AS_OF, encoding: str = "utf-8") -> Outcome:
    files = []
    for i, text in enumerate(csv_texts):
        path = tmp_path / f"p{i}.csv"
        path.write_bytes(text.encode(encoding))
        files.append(str(path))
    return run_status(Options(catalog=CATALOG, inputs=tuple(files), as_of=as_of))


def codes(outcome: Outcome) -> list[tuple[str, int | None, int | None]]:
    return [(f.code.id, f.location.line, f.location.column) for f in outcome.findings]


def result(outcome: Outcome, target: str, entity: str | None = None) -> Result:
    assert outcome.report is not None, outcome.findings
    matches = [r for r in outcome.report.results if r.target.id == target and r.entity == entity]
    assert len(matches) == 1, [(r.target.id, r.entity) for r in outcome.report.results]
    return matches[0]


def test_columns_in_any_order_and_optional_columns_absent(tmp_path: Path) -> None:
    out = status(tmp_path, "value,date,target\n82,2025-06-01,online-public-services\n")
    r = result(out, "online-public-services")
    assert r.status is Status.PASS
    assert r.latest is not None and (r.latest.value, r.latest.line) == (82.0, 2)


def test_latest_observation_wins_regardless_of_row_order(tmp_path: Path) -> None:
    out = status(
        tmp_path,
        "target,date,value\n"
        "online-public-services,2025-06-01,85\n"
        "online-public-services,2025-09-01,75\n"
        "online-public-services,2025-01-01,60\n",
    )
    r = result(out, "online-public-services")
    # A regression after a pass: the latest value decides, and the target was met once.
    assert r.status is Status.FAIL
    assert r.latest is not None and r.latest.date == date(2025, 9, 1)
    assert r.first_met == date(2025, 6, 1)
    assert r.observations == 3


def test_late_pass_is_flagged(tmp_path: Path) -> None:
    out = status(tmp_path, "target,date,value\nonline-public-services,2026-01-10,81\n")
    r = result(out, "online-public-services")
    assert r.status is Status.PASS and r.late


def test_rows_after_as_of_are_ignored_with_one_warning(tmp_path: Path) -> None:
    out = status(
        tmp_path,
        "target,date,value\nonline-public-services,2025-01-01,60\nonline-public-services,2026-02-01,90\n"
        "online-public-services,2026-03-01,95\n",
    )
    r = result(out, "online-public-services")
    assert r.latest is not None and r.latest.value == 60
    assert codes(out) == [("DX218", 3, None)]
    assert "2 row(s)" in out.findings[0].message


def test_files_are_merged(tmp_path: Path) -> None:
    out = status(
        tmp_path,
        "target,entity,date,value\nonline-public-services,Hà Nội,2025-01-01,60\n",
        "target,entity,date,value\nonline-public-services,Hà Nội,2025-02-01,85\n",
    )
    r = result(out, "online-public-services", "Hà Nội")
    assert r.latest is not None and r.latest.file.endswith("p1.csv")
    assert r.observations == 2


def test_entities_match_across_nfc_nfd_case_and_spaces(tmp_path: Path) -> None:
    nfc = "Hà Nội"
    nfd = "Ha\u0300 No\u0323\u0302i"
    assert nfc != nfd
    out = status(
        tmp_path,
        f"target,entity,date,value\nonline-public-services,{nfc},2025-01-01,60\n",
        f"target,entity,date,value\nonline-public-services,  {nfd.upper()} ,2025-02-01,85\n",
    )
    assert out.report is not None
    # the national result (no national row) and one entity
    assert [
        (r.entity, r.observations) for r in out.report.results if r.target.id == "online-public-services"
    ] == [(None, 0), ("Hà Nội", 2)]


@pytest.mark.parametrize(
    ("row", "code", "column", "words"),
    [
        ("onlin-public-services,,2025-01-01,5,", "DX210", 1, "did you mean 'online-public-services'"),
        ("online-public-services,,2025-13-01,5,", "DX211", 25, "no such day"),
        ("online-public-services,,05/06/2025,5,", "DX212", 25, "--date-order"),
        ("online-public-services,,45000,5,", "DX211", 25, "serial"),
        ("online-public-services,,2025-01-01,lots,", "DX213", 36, "not a number"),
        ("online-public-services,,2025-01-01,80000,", "DX220", 36, "0 and 100"),
        ("online-public-services,,2025-01-01,N/A,", "DX213", 36, "leave out"),
        ("online-public-services,,2025-01-01,5 0,", "DX213", 36, "space"),
        ("online-public-services,,2025-01-01,5,enterprises", "DX215", 38, "percent"),
        ("data-center,,2025-01-01,7,", "DX214", 25, "done"),
        ("online-public-services,,2025-01-01", "DX207", None, "header has 5"),
        ("online-public-services,,1999-12-31,5,", "DX211", 25, "outside"),
    ],
)
def test_row_errors_are_located_and_explained(
    tmp_path: Path, row: str, code: str, column: int | None, words: str
) -> None:
    out = status(tmp_path, f"target,entity,date,value,unit\n{row}\n")
    assert out.report is None
    assert out.exit_code == 2
    assert codes(out) == [(code, 2, column)]
    finding = out.findings[0]
    assert words in f"{finding.message} {finding.hint}"


def test_every_row_problem_reported_in_one_run(tmp_path: Path) -> None:
    out = status(
        tmp_path,
        "target,date,value\nnope,2025-01-01,1\nonline-public-services,bad,1\nonline-public-services,2025-01-01,x\n",
    )
    assert [c[:2] for c in codes(out)] == [("DX210", 2), ("DX211", 3), ("DX213", 4)]


def test_conflicting_duplicates_name_both_lines(tmp_path: Path) -> None:
    out = status(
        tmp_path,
        "target,entity,date,value\nonline-public-services,,2025-01-01,60\n",
        "target,entity,date,value\nonline-public-services,,2025-06-01,70\nonline-public-services,,2025-01-01,61\n",
    )
    assert [c[:2] for c in codes(out)] == [("DX216", 3)]
    message = out.findings[0].message
    assert "p0.csv:2" in message and "p1.csv:3" in message and "60" in message and "61" in message


def test_identical_duplicates_are_a_warning(tmp_path: Path) -> None:
    out = status(
        tmp_path,
        "target,date,value\nonline-public-services,2025-01-01,60\nonline-public-services,2025-01-01,60.0\n",
    )
    assert [c[:2] for c in codes(out)] == [("DX217", 2)]
    assert out.report is not None


def test_missing_and_misspelt_columns(tmp_path: Path) -> None:
    out = status(tmp_path, "target,date,valeu,extra\nonline-public-services,2025-01-01,60,x\n")
    found = [(f.code.id, str(f.hint)) for f in out.findings]
    assert found[0] == ("DX203", "did you mean 'value' for column 'valeu'?")
    assert found[1][0] == "DX205"


def test_duplicate_column(tmp_path: Path) -> None:
    out = status(tmp_path, "target,date,value,date\nonline-public-services,2025-01-01,60,2025-01-02\n")
    assert [(f.code.id, f.location.column) for f in out.findings] == [("DX204", 19)]


@pytest.mark.parametrize(
    "text",
    [
        "target;date;value\nonline-public-services;2025-06-01;82\n",
        "target\tdate\tvalue\nonline-public-services\t2025-06-01\t82\n",
        "target,date,value\r\nonline-public-services,2025-06-01,82\r\n",
        "target,date,value\ronline-public-services,2025-06-01,82\r",
        "\ufefftarget,date,value\nonline-public-services,2025-06-01,82\n",
        "\n\ntarget,date,value,,\n\nonline-public-services,2025-06-01,82,,\n\n,,,,\n",
        'target,date,value,note\nonline-public-services,2025-06-01,82,"a note\nover two lines"\n',
        "Target , DATE,Value\n Online-Public-Services ,2025-06-01, 82 \n",
    ],
    ids=[
        "semicolon",
        "tab",
        "crlf",
        "cr",
        "bom",
        "blank-lines-and-trailing-columns",
        "multiline-cell",
        "case",
    ],
)
def test_spreadsheet_layouts_are_read(tmp_path: Path, text: str) -> None:
    out = status(tmp_path, text)
    r = result(out, "online-public-services")
    assert r.latest is not None and r.latest.value == 82.0, out.findings
    assert not out.has_errors


def test_utf16_is_read(tmp_path: Path) -> None:
    out = status(
        tmp_path, "target,entity,date,value\nonline-public-services,Hà Nội,2025-06-01,82\n", encoding="utf-16"
    )
    assert result(out, "online-public-services", "Hà Nội").status is Status.PASS


def test_legacy_encoding_is_refused_with_advice(tmp_path: Path) -> None:
    out = status(
        tmp_path, "target,entity,date,value\nonline-public-services,Hà Nam,2025-06-01,82\n", encoding="cp1258"
    )
    assert [c[:2] for c in codes(out)] == [("DX201", 2)]
    assert "UTF-8" in out.findings[0].message and "CSV UTF-8" in str(out.findings[0].hint)


def test_empty_and_header_only_files(tmp_path: Path) -> None:
    empty = status(tmp_path, "")
    assert [c[0] for c in codes(empty)] == ["DX202"]
    header_only = status(tmp_path, "target,date,value\n")
    assert [c[0] for c in codes(header_only)] == ["DX208"]
    assert header_only.report is not None


def test_numbers_in_spreadsheet_spellings(tmp_path: Path) -> None:
    out = status(
        tmp_path,
        "target,date,value\n"
        'digital-enterprises,2024-01-01,"1,234,567"\n'
        "digital-enterprises,2024-02-01,1.234.567\n"
        'digital-enterprises,2024-03-01,"1.234,5"\n'
        "online-public-services,2024-01-01,87.5%\n"
        'online-public-services,2024-02-01,"87,5"\n',
    )
    assert not out.has_errors, out.findings
    assert out.index is not None


def test_validate_checks_without_evaluating(tmp_path: Path) -> None:
    good = write(tmp_path / "good.csv", "target,date,value\nonline-public-services,2025-06-01,82\n")
    out = run_validate(Options(catalog=CATALOG, inputs=(str(good),), use_sample=False))
    assert out.exit_code == 0 and out.findings == ()
    assert out.files == (str(CATALOG), str(good))


def test_same_file_twice_is_read_once(tmp_path: Path) -> None:
    path = write(tmp_path / "a.csv", "target,date,value\nonline-public-services,2025-06-01,82\n")
    out = run_status(Options(catalog=CATALOG, inputs=(str(path), str(path)), as_of=AS_OF))
    assert [f.code.id for f in out.findings] == ["DX300"]
    assert result(out, "online-public-services").observations == 1


def test_glob_matching_nothing(tmp_path: Path) -> None:
    out = run_status(Options(catalog=CATALOG, inputs=(str(tmp_path / "*.csv"),), as_of=AS_OF))
    assert [f.code.id for f in out.findings] == ["DX303"]
    assert out.exit_code == 2


def test_missing_file_and_directory(tmp_path: Path) -> None:
    out = run_status(Options(catalog=CATALOG, inputs=(str(tmp_path / "no.csv"), str(tmp_path)), as_of=AS_OF))
    assert [(f.code.id, f.message) for f in out.findings] == [
        ("DX200", "cannot read input: no such file"),
        ("DX200", "cannot read input: it is a directory"),
    ]


def test_a_missing_file_names_the_file_beside_it_with_a_close_name(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A typo in the path (``tinhh.csv``): the file beside it, written as the path was
    given; nothing when no name is close."""
    write(tmp_path / "data" / "tinh.csv", "target,date,value\n")
    write(tmp_path / "data" / "notes.txt", "")
    monkeypatch.chdir(tmp_path)
    out = run_status(Options(catalog=CATALOG, inputs=("data/tinhh.csv", "data/budget.csv"), as_of=AS_OF))
    assert [(f.code.id, f.location.file, f.hint_in("en")) for f in out.findings] == [
        ("DX200", "data/tinhh.csv", "did you mean 'data/tinh.csv'?"),
        ("DX200", "data/budget.csv", None),
    ]
    assert out.findings[0].hint_in("vi") == "có phải ý bạn là 'data/tinh.csv'?"


def test_findings_are_capped_per_file(tmp_path: Path) -> None:
    rows = "".join(f"nope-{i},2025-01-01,1\n" for i in range(250))
    out = status(tmp_path, "target,date,value\n" + rows)
    assert len(out.findings) == 101
    assert out.findings[-1].code.id == "DX230" and "150 more" in out.findings[-1].message


def test_superseded_target_is_replaced_on_the_restatement_date(tmp_path: Path) -> None:
    before = status(tmp_path, "target,date,value\n", as_of=date(2025, 2, 5))
    after = status(tmp_path, "target,date,value\n", as_of=date(2025, 2, 6))
    assert before.report is not None and after.report is not None
    ids_before = {r.target.id for r in before.report.results}
    ids_after = {r.target.id for r in after.report.results}
    assert "e-signature-2024" in ids_before and "e-signature-2025" not in ids_before
    assert "e-signature-2025" in ids_after and "e-signature-2024" not in ids_after
    assert [(s.target.id, s.by) for s in after.report.superseded] == [
        ("e-signature-2024", "e-signature-2025")
    ]


def test_rows_left_blank_are_not_reported_yet_one_warning_a_file(tmp_path: Path) -> None:
    """A template's rows not filled in: skipped, counted in one warning, never an error; a
    row with a value but no date is still an error."""
    out = status(
        tmp_path,
        "target,entity,date,value,unit\n"
        "online-public-services,Huế,,,percent\n"
        "online-public-services,Huế,2025-06-30,81,percent\n"
        "data-center,,2025-06-30,,\n"
        "cash-payments,,,,percent\n",
    )
    assert codes(out) == [("DX209", 2, None)]
    assert out.findings[0].message == "3 row(s) with no value are skipped as not reported yet (first: line 2)"
    assert out.exit_code == 1  # the gate, not bad input
    (hue,) = [r for r in result_list(out) if r.entity == "Huế"]
    assert hue.observations == 1
    dated = status(tmp_path, "target,date,value\nonline-public-services,,81\n")
    assert codes(dated) == [("DX219", 2, 24)]


def result_list(outcome: Outcome) -> list[Result]:
    assert outcome.report is not None
    return list(outcome.report.results)


@pytest.mark.parametrize("ending", ["\n", "\r\n", "\r"])
def test_the_last_column_whatever_it_is_and_the_line_ends(tmp_path: Path, ending: str) -> None:
    """A row's last cell loses its line end when the reader reads it (here the source, or
    the value) and may keep it when it does not (a note): the results are the same."""
    rows = [
        ("online-public-services", "", "2025-06-01", "70", "Báo cáo 6/2025", "ghi chú"),
        ("online-public-services", "", "2025-09-01", "75", "Báo cáo 9/2025", ""),
        ("online-public-services", "Hà Nội", "2025-09-01", "81", "Sở TT&TT", "cuối"),
    ]

    def read(columns: tuple[int, ...]) -> list[tuple[object, ...]]:
        names = ("target", "entity", "date", "value", "source", "note")
        text = ending.join(",".join(row[i] for i in columns) for row in [names, *rows]) + ending
        out = status(tmp_path, text)
        assert out.report is not None and not out.findings, out.findings
        return [
            (r.entity, r.status, r.latest.value if r.latest else None, r.latest.source if r.latest else None)
            for r in out.report.results
            if r.target.id == "online-public-services"
        ]

    note_last = read((0, 1, 2, 3, 4, 5))
    assert [row[3] for row in note_last] == ["Báo cáo 9/2025", "Sở TT&TT"]
    assert read((0, 1, 2, 3, 5, 4)) == note_last  # the source last
    assert read((0, 1, 2, 5, 4, 3)) == note_last  # the value last
    assert read((0, 1, 2, 3, 4)) == note_last  # no note
