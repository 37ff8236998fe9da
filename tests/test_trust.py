"""Every answer is right or refused: the reading side of the trust issue.

Numbers read one way by float() and another by a person, names spelt two ways, a
province's rows standing in for the nation, a baseline counted twice, answers that depend
on the order rows are read in, a NUL past the first block, a malformed row that hid the
rest of the file. (The corpus in cases/csv and test_fuzz hold more of these cases; the
CLI side, outputs that never replace an input, is in test_cli.)
"""

from __future__ import annotations

import json
import random
import unicodedata
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from dxcheck import cells
from dxcheck.cells import CellError, DecimalMark
from dxcheck.check import Options, Outcome, run_status
from dxcheck.evaluate import evaluate
from dxcheck.names import entity_key, fold_accents
from dxcheck.progress.numbers import FileNumbers
from dxcheck.report import Outlook, Result, Status
from dxcheck.trend import FitSums
from tests.conftest import DATA, Run, write
from tests.test_split import read

CATALOG = DATA / "catalog.yaml"


def status(tmp_path: Path, text: str, *, as_of: date = date(2026, 1, 15), **options: Any) -> Outcome:
    path = write(tmp_path / "p.csv", text)
    return run_status(Options(catalog=CATALOG, inputs=(str(path),), as_of=as_of, **options))


def found(outcome: Outcome) -> list[tuple[str, int | None, int | None]]:
    return [(f.code.id, f.location.line, f.location.column) for f in outcome.findings]


def results(outcome: Outcome, target: str) -> list[Result]:
    assert outcome.report is not None, outcome.findings
    return [r for r in outcome.report.results if r.target.id == target]


# --- numbers: one reading, or refused ----------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "percent", "declared", "settled", "expected"),
    [
        ("12.500", False, None, None, None),  # thousands (Vietnamese) or a decimal point?
        ("80,000", False, None, None, None),
        ("-1.234", False, None, None, None),
        ("12.500", False, DecimalMark.COMMA, None, 12500.0),
        ("12.500", False, DecimalMark.DOT, None, 12.5),
        ("80,000", False, DecimalMark.COMMA, None, 80.0),
        ("80,000", False, DecimalMark.DOT, None, 80000.0),
        ("12.500", False, None, DecimalMark.COMMA, 12500.0),
        ("80,000", False, None, DecimalMark.COMMA, 80.0),
        ("84.125", True, None, None, 84.125),  # no share is 84125%
        ("80,000", True, None, None, 80.0),
        ("0.125", False, None, None, 0.125),  # a group never starts with 0
        ("1234.567", False, None, None, 1234.567),  # a group has at most three digits before it
        ("1.234.567", False, None, None, 1234567.0),
        ("1.234,5", False, None, None, 1234.5),
        ("1,2345", False, None, None, 1.2345),  # four decimals: no thousands group
        ("87,5", False, None, None, 87.5),
    ],
)
def test_numbers_have_one_reading_or_are_refused(
    text: str,
    percent: bool,
    declared: DecimalMark | None,
    settled: DecimalMark | None,
    expected: float | None,
) -> None:
    if expected is None:
        with pytest.raises(CellError) as refused:
            cells.parse_number(text, percent=percent, decimal=declared, settled=settled)
        assert refused.value.ambiguous
        assert "--decimal comma" in str(refused.value.hint)
    else:
        assert cells.parse_number(text, percent=percent, decimal=declared, settled=settled) == expected


def test_the_hint_for_an_ambiguous_comma_no_longer_recommends_an_ambiguous_dot() -> None:
    with pytest.raises(CellError) as refused:
        cells.parse_number("12,500", percent=False)
    hint = str(refused.value.hint)
    assert hint.startswith("write 12500 or 12.5,")
    assert "12.500" not in hint.split(",")[0]


@pytest.mark.parametrize("text", ["12.5", "1,234,567", "12,500.5"])
def test_a_declared_decimal_comma_refuses_a_decimal_point(text: str) -> None:
    with pytest.raises(CellError, match="decimal comma"):
        cells.parse_number(text, percent=False, decimal=DecimalMark.COMMA)


def test_a_declared_decimal_comma_reaches_the_row_loop(tmp_path: Path) -> None:
    # float() reads "12.5": the fast path must not, under --decimal comma.
    out = status(
        tmp_path,
        "target,date,value\ndigital-enterprises,2025-06-01,12.5\ndigital-enterprises,2025-07-01,12.500\n",
        decimal=DecimalMark.COMMA,
    )
    assert found(out) == [("DX213", 2, 32)]


def test_a_decimal_comma_later_in_the_file_settles_an_earlier_group(tmp_path: Path) -> None:
    out = status(
        tmp_path,
        'target,date,value\ndigital-enterprises,2025-06-01,12.500\nonline-public-services,2025-06-01,"85,5"\n',
    )
    assert found(out) == []
    (enterprises,) = results(out, "digital-enterprises")
    assert enterprises.latest is not None and enterprises.latest.value == 12500.0
    assert enterprises.latest.line == 2


def test_a_settled_file_never_reads_a_percentage_the_other_way(tmp_path: Path) -> None:
    """'1.250' in a file that writes '82,5' is 1250 by the file's own convention: no
    percentage. Reading it as 1.25 would guess against the file; it is refused."""
    out = status(
        tmp_path,
        'target,date,value\nonline-public-services,2025-06-01,"82,5"\nonline-public-services,2025-07-01,1.250\n',
    )
    assert found(out) == [("DX213", 3, 35)]
    (finding,) = out.findings
    assert "is 1250 with the decimal mark this file uses elsewhere (',')" in finding.message
    assert str(finding.hint) == "write 1,25 if 1.25% is meant"


def test_rows_that_wait_are_bounded_and_refused_past_the_bound(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(FileNumbers, "MAX_WAITING", 1)
    out = status(
        tmp_path,
        "target,date,value\n"
        "digital-enterprises,2025-05-01,12.500\n"
        "digital-enterprises,2025-06-01,13.500\n"
        'online-public-services,2025-06-01,"85,5"\n',
    )
    # the first waited and was settled; the second could not wait: refused, never guessed
    assert found(out) == [("DX213", 3, 32)]


def test_ambiguous_numbers_are_read_the_same_in_halves(tmp_path: Path) -> None:
    from dxcheck.catalog import load_catalog

    catalog = load_catalog(CATALOG).catalog
    assert catalog is not None
    rows = [f"digital-enterprises,E{i},2025-06-01,{i + 1}.500" for i in range(300)]
    settled = write(
        tmp_path / "settled.csv",
        "target,entity,date,value\n" + "\n".join(rows) + '\nonline-public-services,,2025-06-01,"85,5"\n',
    )
    whole, halves = read(catalog, [settled], split=False), read(catalog, [settled], split=True)
    assert whole.findings == halves.findings == []
    values = {s.entity: s.latest.value for s in whole.index.series("digital-enterprises") if s.latest}
    assert values == {f"E{i}": (i + 1) * 1000 + 500 for i in range(300)}
    assert {s.entity: s.latest for s in halves.index.series("digital-enterprises")} == {
        s.entity: s.latest for s in whole.index.series("digital-enterprises")
    }


# --- names: one entity however the tone mark is placed -----------------------------------------


@pytest.mark.parametrize(
    ("new_style", "old_style"),
    [
        ("Khánh Hòa", "Khánh Hoà"),
        ("Thanh Hóa", "Thanh Hoá"),
        ("Thủy", "Thuỷ"),
        ("Hòa Bình", "Hoà Bình"),
        ("Thừa Thiên Huế", "Thừa Thiên Huế"),
        ("xã Hòa Khánh", "XÃ  HOÀ KHÁNH"),
    ],
)
def test_tone_mark_placement_is_one_key(new_style: str, old_style: str) -> None:
    assert entity_key(new_style) == entity_key(old_style)


@pytest.mark.parametrize(("one", "other"), [("Hà Nội", "Ha Noi"), ("Hòa", "Hóa"), ("Thủy", "Thúy")])
def test_other_accents_stay_different_entities(one: str, other: str) -> None:
    assert entity_key(one) != entity_key(other)


@settings(max_examples=300, deadline=None)
@given(
    st.text(alphabet=st.characters(codec="utf-8"), max_size=40)
    | st.sampled_from(["Hà Nội", "Đắk Lắk", "Thừa Thiên Huế"])
)
def test_folding_the_accents_is_dropping_every_combining_mark(text: str) -> None:
    """``fold_accents`` keeps a table of the marks it drops: the same text as testing
    each character of the decomposed name."""
    decomposed = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    expected = "".join(ch for ch in decomposed if not unicodedata.combining(ch)).casefold()
    assert fold_accents(text) == expected


def test_an_unaccented_spelling_gets_a_did_you_mean_once(tmp_path: Path) -> None:
    out = status(
        tmp_path,
        "target,entity,date,value\n"
        "online-public-services,Ha Noi,2025-05-01,70\n"
        "online-public-services,Hà Nội,2025-06-01,71\n"
        "online-public-services,Ha Noi,2025-07-01,72\n",
    )
    assert found(out) == [("DX225", 2, 24)]
    (finding,) = out.findings
    assert finding.hint is not None and "did you mean 'Hà Nội'" in str(finding.hint)


def test_names_that_differ_in_their_accents_are_different_places(tmp_path: Path) -> None:
    # Communes: "Thắng Thành" and "Thắng Thạnh" are two places, not a typo of each other.
    out = status(
        tmp_path,
        "target,entity,date,value\n"
        "online-public-services,Xã Thắng Thành,2025-05-01,70\n"
        "online-public-services,Xã Thắng Thạnh,2025-05-01,71\n"
        "online-public-services,Xa Thang Thanh,2025-05-01,72\n",
    )
    assert found(out) == [("DX225", 4, 24)]
    (finding,) = out.findings
    assert "'Xã Thắng Thành' or 'Xã Thắng Thạnh'" in finding.message
    assert len(results(out, "online-public-services")) == 4  # the nation and three communes


# --- the nation is the nation's rows -----------------------------------------------------------


def test_provincial_rows_never_stand_in_for_the_nation(tmp_path: Path) -> None:
    out = status(tmp_path, "target,entity,date,value\nonline-public-services,Đà Nẵng,2025-11-30,95\n")
    national, danang = results(out, "online-public-services")
    assert (national.entity, national.status, national.latest) == (None, Status.OVERDUE, None)
    assert (danang.entity, danang.status) == ("Đà Nẵng", Status.PASS)
    assert out.report is not None and not out.report.gate_passed
    # A province's repository gates its own rows.
    from dxcheck.selection import Selection

    path = str(tmp_path / "p.csv")
    own = run_status(
        Options(
            catalog=CATALOG,
            inputs=(path,),
            as_of=date(2026, 1, 15),
            selection=Selection(targets=("online-public-services",), entities=("Đà Nẵng",)),
        )
    )
    assert own.report is not None and own.report.gate_passed


# --- the catalog baseline is one point -----------------------------------------------------------


def test_a_row_on_the_baseline_date_is_not_a_second_point(tmp_path: Path) -> None:
    # test catalog: online-public-services >= 80 by 2025-12-31, baseline 40 on 2024-01-01
    rows = [(date(2024, 1, 1), 40.0), (date(2024, 7, 1), 50.0), (date(2025, 1, 1), 70.0)]
    text = "target,date,value\n" + "".join(f"online-public-services,{d},{v}\n" for d, v in rows)
    out = status(tmp_path, text, as_of=date(2025, 2, 1))
    assert found(out) == []
    (national,) = results(out, "online-public-services")
    expected = FitSums.of(rows).linear_at(float((date(2025, 12, 31) - date(2000, 1, 1)).days))
    assert national.trend.projected == pytest.approx(expected, rel=1e-12)
    contradicting = status(tmp_path, text.replace(",40.0", ",41"), as_of=date(2025, 2, 1))
    assert found(contradicting) == [("DX224", 2, 35)]
    (warning,) = contradicting.findings
    assert "41" in warning.message and "40 on that date" in warning.message
    (again,) = results(contradicting, "online-public-services")
    assert again.trend.projected == pytest.approx(expected, rel=1e-12)  # the baseline stays the point


# --- the same data gives the same answer -------------------------------------------------------


def test_a_constant_series_has_a_slope_of_exactly_zero() -> None:
    start = date(2025, 1, 1)
    for value in (50.0, 0.1, 87.3, 1e9):
        points = [(start + timedelta(days=7 * i), value) for i in range(500)]
        fit = FitSums.of(points)
        assert fit.slope() == 0.0
        assert fit.linear_at(20_000.0) == value
        assert fit.compound_at(20_000.0) == value
        reversed_fit = FitSums.of(points[::-1])
        assert reversed_fit.slope() == 0.0


def test_a_symmetric_series_is_flat() -> None:
    start = date(2025, 1, 1)
    rng = random.Random(3)
    half = [round(rng.uniform(10, 90), 1) for _ in range(40)]
    values = [*half, 55.5, *half[::-1]]  # the same read forwards and backwards: no trend
    points = [(start + timedelta(days=30 * i), v) for i, v in enumerate(values)]
    assert FitSums.of(points).slope() == 0.0 == FitSums.of(points[::-1]).slope()


def _progress_rows(rng: random.Random) -> list[str]:
    rows = []
    start = date(2024, 6, 3)
    entities = ["", "Hà Nội", "Đà Nẵng", "Cần Thơ", "Khánh Hòa"]
    for target, shape in [
        ("online-public-services", "constant"),
        ("cash-payments", "symmetric"),
        ("digital-enterprises", "walk"),
        ("e-signature-2025", "constant"),
    ]:
        for entity in entities:
            value = rng.uniform(20, 60) if target != "digital-enterprises" else rng.uniform(1000, 5000)
            for week in range(40):
                if shape == "symmetric":
                    y = value + (5.3 if week % 2 else 0.0)
                elif shape == "walk":
                    y = value + rng.uniform(-50, 200) * week
                else:
                    y = value
                rows.append(f"{target},{entity},{start + timedelta(weeks=week)},{round(y, 1)}")
    return rows


def _without_lines(doc: Any) -> Any:
    if isinstance(doc, dict):
        return {k: _without_lines(v) for k, v in doc.items() if k != "line"}
    if isinstance(doc, list):
        return [_without_lines(v) for v in doc]
    return doc


def test_reversing_or_shuffling_rows_gives_the_same_json(
    tmp_path: Path, run_cli: Run, monkeypatch: pytest.MonkeyPatch
) -> None:
    rng = random.Random(11)
    rows = _progress_rows(rng)
    shuffled = rows[:]
    rng.shuffle(shuffled)
    docs = []
    for name, ordered in [("natural", rows), ("reversed", rows[::-1]), ("shuffled", shuffled)]:
        folder = tmp_path / name
        write(folder / "progress.csv", "target,entity,date,value\n" + "\n".join(ordered) + "\n")
        monkeypatch.chdir(folder)
        run = run_cli("status", "progress.csv", "-t", str(CATALOG), "--as-of", "2025-04-01", "-f", "json")
        assert run.exit_code in (0, 1), run.stderr
        docs.append(_without_lines(json.loads(run.stdout)))
    assert docs[0] == docs[1] == docs[2]
    outlooks = {(r["target"], r["entity"]): r["outlook"] for r in docs[0]["results"]}
    # a province's constant series is flat: off track, never "regressing" by a rounding error
    # (the national series starts from the catalog's baseline, so it is not constant)
    constant = [
        o for (t, e), o in outlooks.items() if e and t in ("online-public-services", "e-signature-2025")
    ]
    assert constant and set(constant) == {Outlook.OFF_TRACK.value}


def test_halves_and_one_piece_give_the_same_outlooks(tmp_path: Path) -> None:
    from dxcheck.catalog import load_catalog

    catalog = load_catalog(CATALOG).catalog
    assert catalog is not None
    path = write(
        tmp_path / "national.csv",
        "target,entity,date,value\n" + "\n".join(_progress_rows(random.Random(5))) + "\n",
    )
    whole, halves = read(catalog, [path], split=False), read(catalog, [path], split=True)
    assert halves.index.read_in_halves == [str(path)]
    as_of = date(2025, 4, 1)

    def outlooks(index: Any) -> list[tuple[str, str | None, Outlook, float | None]]:
        return [
            (r.target.id, r.entity, r.trend.outlook, r.trend.ratio)
            for r in evaluate(catalog, index, as_of)[0]
        ]

    assert outlooks(whole.index) == outlooks(halves.index)


# --- every problem in one run ------------------------------------------------------------------


def test_a_duplicate_after_a_malformed_row_is_still_named(tmp_path: Path) -> None:
    out = status(
        tmp_path,
        "target,date,value\n"
        'online-public-services,2025-05-01,"8"2"\n'
        "online-public-services,2025-06-01,82\n"
        "online-public-services,2025-06-01,83\n",
    )
    assert sorted(found(out)) == [("DX206", 2, None), ("DX216", 4, None)]
    conflict = next(f for f in out.findings if f.code.id == "DX216")
    assert "p.csv:3" in conflict.message and "p.csv:4" in conflict.message
