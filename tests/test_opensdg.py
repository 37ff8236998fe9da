"""``projection: open-sdg`` gives the label sdg-build's own code gives (README, "Outlook").

tests/data/open-sdg/sdg-build-labels.json holds 464 generated series with the label that
sdg-build's ``sdg/ProgressMeasure.py`` (commit 139fede) gave each one, run outside this
repository (its README says how). Every series is read here as a progress CSV against a
catalog of one ``projection: open-sdg`` target per series, and dxcheck's outlook and
progress value must be sdg-build's, but for the two documented differences.
"""

from __future__ import annotations

import csv
import io
import json
import math
import random
from collections import Counter
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from dxcheck import native, opensdg
from dxcheck.catalog import Catalog, load_catalog, parse_catalog
from dxcheck.evaluate import evaluate
from dxcheck.findings import FindingSink
from dxcheck.progress import InputFile, ProgressIndex
from dxcheck.report import Outlook, Result
from tests.conftest import DATA, Run, write

FIXTURE = json.loads((DATA / "open-sdg" / "sdg-build-labels.json").read_text(encoding="utf-8"))
CASES: list[dict[str, Any]] = FIXTURE["cases"]
AS_OF = date.fromisoformat(FIXTURE["as_of"])


def _catalog(cases: list[dict[str, Any]], projection: str = "open-sdg") -> Catalog:
    lines = ["version: 1", "targets:"]
    for case in cases:
        lines += [
            f"  - id: {case['id']}",
            f"    title: generated series {case['id']}",
            f"    deadline: {case['due']}",
            f"    target: {case['target']!r}",
            f"    direction: {case['direction']}",
            f"    projection: {projection}",
        ]
        if case["baseline"]:
            base = case["baseline"]
            lines.append(f"    baseline: {{value: {base['value']!r}, date: {base['date']}}}")
    loaded = parse_catalog("\n".join(lines).encode(), "generated.yaml")
    assert loaded.catalog is not None, loaded.findings[:3]
    return loaded.catalog


def _rows(cases: list[dict[str, Any]]) -> list[list[str]]:
    return [
        [case["id"], case["entity"] or "", day, repr(value)]
        for case in cases
        for day, value in case["observations"]
    ]


def _write_csv(path: Path, rows: list[list[str]]) -> Path:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["target", "entity", "date", "value"])
    writer.writerows(rows)
    return write(path, out.getvalue())


def _results(catalog: Catalog, csv_path: Path, **index: Any) -> dict[str, Result]:
    progress = ProgressIndex(catalog, AS_OF, **index)
    sink = FindingSink()
    progress.read(InputFile(str(csv_path), csv_path), sink)
    assert sink.close() == []
    results, _ = evaluate(catalog, progress, AS_OF)
    by_case = {case["id"]: case for case in CASES}
    return {r.target.id: r for r in results if r.entity == by_case[r.target.id]["entity"]}


@pytest.fixture(scope="module")
def results(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Result]:
    path = _write_csv(tmp_path_factory.mktemp("opensdg") / "series.csv", _rows(CASES))
    return _results(_catalog(CASES), path)


def _number(value: float | str | None) -> float | None:
    return float(value) if value is not None else None  # "inf", "-inf", "nan" too


def _difference(case: dict[str, Any]) -> str | None:
    """Why dxcheck does not give sdg-build's label here (README, "Outlook"), or None."""
    years = case["sdg_build"]["years"]
    base, current = years[0][1] or opensdg.ZERO, years[-1][1]
    target = case["target"] or opensdg.ZERO
    if case["target"] == 0:
        achieved_by_them = current <= target if case["direction"] == "at_most" else current >= target
        met_here = current <= 0 if case["direction"] == "at_most" else current >= 0
        if achieved_by_them != met_here:
            return "a target of 0: sdg-build compares with 0.001, dxcheck's status with 0"
    if (base > 0) != (target > 0) and case["sdg_build"]["status"] not in ("not_available", "target_achieved"):
        return "base and target of opposite signs: no compound rate (sdg-build: a complex modulus)"
    return None


def test_the_fixture_covers_every_label_and_rule() -> None:
    labels = Counter(case["sdg_build"]["status"] for case in CASES)
    assert set(labels) == set(opensdg.LABELS), labels
    assert min(labels.values()) >= 25, labels
    kinds = Counter(case["kind"] for case in CASES)
    for kind in ("zero-base", "zero-target", "negative", "opposite-current", "target-is-base", "limit"):
        assert kinds[kind] >= 1, kind
    assert any(case["baseline"] for case in CASES) and any(case["entity"] for case in CASES)
    assert len(CASES) == 464


def test_every_label_sdg_build_gave_is_reproduced(results: dict[str, Result]) -> None:
    matched = 0
    different: dict[str, str] = {}
    for case in CASES:
        result = results[case["id"]]
        wanted = opensdg.LABELS[case["sdg_build"]["status"]]
        reason = _difference(case)
        if reason is None:
            assert result.trend.outlook is wanted, (case["id"], case["sdg_build"], result.trend)
            matched += 1
        else:
            assert result.trend.outlook is not wanted, case["id"]
            different[case["id"]] = reason
    assert (matched, len(different)) == (459, 5), different
    # the differences, one by one: a target of 0 ...
    assert results["f012"].trend.outlook is Outlook.ON_TRACK  # 0.0005 is not 0: not met here
    assert results["f013"].trend.outlook is Outlook.ON_TRACK  # nor is 0.001
    assert results["f014"].trend.outlook is Outlook.MET  # 0 >= 0: met here, not >= 0.001 there
    # ... and a base and a target of opposite signs: sdg-build's own answer depends on how
    # its base year was set (in the data: a complex modulus; moved to the next year: NaN)
    opposite = [case for case in CASES if case["kind"] == "opposite-target"]
    assert {case["sdg_build"]["status"] for case in opposite} == {"substantial_progress", "not_available"}
    assert {results[case["id"]].trend.outlook for case in opposite} == {Outlook.INSUFFICIENT_DATA}


def test_the_progress_value_is_sdg_builds(results: dict[str, Result]) -> None:
    """Not only the label: the number, to the last bit (the same arithmetic in the same order)."""
    compared = 0
    for case in CASES:
        theirs = _number(case["sdg_build"]["progress_value"])
        if (
            theirs is None
            or math.isnan(theirs)
            or _difference(case)
            or case["sdg_build"]["status"] == "target_achieved"
        ):
            continue
        trend = results[case["id"]].trend
        assert trend.method == "open-sdg"
        assert trend.ratio == theirs, (case["id"], trend.ratio, theirs)
        compared += 1
    assert compared >= 250


def test_the_same_answers_in_any_row_order_and_read_in_halves(tmp_path: Path) -> None:
    """The base year's point is running state, like the fit's sums: shuffled rows, and a
    file read as two halves and merged, give every series the same outlook and value."""
    rows = _rows(CASES)
    random.Random(7).shuffle(rows)
    path = _write_csv(tmp_path / "shuffled.csv", rows)
    catalog = _catalog(CASES)
    index = ProgressIndex(catalog, AS_OF, split_min_bytes=1)
    index.read(InputFile(str(path), path), FindingSink())
    assert index.read_in_halves == [str(path)]
    in_order = _results(catalog, _write_csv(tmp_path / "in-order.csv", _rows(CASES)))
    for name, got in (
        ("shuffled", _results(catalog, path)),
        ("halves", _results(catalog, path, split_min_bytes=1)),
    ):
        for case_id, result in in_order.items():
            assert (got[case_id].trend.outlook, got[case_id].trend.ratio) == (
                result.trend.outlook,
                result.trend.ratio,
            ), (name, case_id)


@pytest.mark.skipif(
    not native.is_compiled(native.row_loop(pure=False)), reason="the row loop is not compiled"
)
def test_compiled_and_pure_row_loops_agree(tmp_path: Path) -> None:
    path = _write_csv(tmp_path / "series.csv", _rows(CASES))
    catalog = _catalog(CASES)
    pure = _results(catalog, path, loop=native.row_loop(pure=True))
    compiled = _results(catalog, path, loop=native.row_loop(pure=False))
    assert {k: (r.trend.outlook, r.trend.ratio) for k, r in pure.items()} == {
        k: (r.trend.outlook, r.trend.ratio) for k, r in compiled.items()
    }


# --- worked cases --------------------------------------------------------------------------------


def _one(tmp_path: Path, target: str, rows: str, as_of: str = "2025-12-31") -> Result:
    catalog = write(tmp_path / "targets.yaml", "version: 1\ntargets:\n" + target)
    data = write(tmp_path / "progress.csv", "target,date,value\n" + rows)
    loaded = load_catalog(catalog)
    assert loaded.catalog is not None, loaded.findings
    index = ProgressIndex(loaded.catalog, date.fromisoformat(as_of))
    sink = FindingSink()
    index.read(InputFile(str(data), data), sink)
    assert sink.close() == []
    results, _ = evaluate(loaded.catalog, index, date.fromisoformat(as_of))
    return results[0]


def test_readme_worked_example(tmp_path: Path) -> None:
    # Base year 2020, whose last observation is 58 (not 50); current: 80 in 2025; target
    # 150 by 2030. Observed growth (80/58)^(1/5) - 1 = 6.64% a year; required
    # (150/58)^(1/10) - 1 = 9.97% a year; p = 0.666: moderate progress, needs acceleration.
    # sdg-build's code, given the years 2020: 58, 2023: 70, 2025: 80 (base year 2020, target
    # year 2030, positive), says moderate_progress with the value 0.6664336897566491.
    result = _one(
        tmp_path,
        "  - id: x\n    title: X\n    target: 150\n    deadline: end of 2030\n    projection: open-sdg\n",
        "x,2020-06-30,50\nx,2020-12-31,58\nx,2023-03-31,70\nx,2025-09-30,80\n",
    )
    assert result.trend.outlook is Outlook.NEEDS_ACCELERATION
    assert result.trend.method == "open-sdg"
    assert result.trend.ratio == 0.6664336897566491
    observed, required = (80 / 58) ** (1 / 5) - 1, (150 / 58) ** (1 / 10) - 1
    assert (observed, required) == (pytest.approx(0.0664, abs=1e-4), pytest.approx(0.0997, abs=1e-4))
    assert result.trend.projected is None  # sdg-build projects no value


# Three headline series of sdg-build's own test assets, re-expressed here as numbers (not the
# files): each is run as dxcheck reads it, and the label is the one sdg-build's code gave
# the same yearly values with the same configuration (sdg-build's default base year 2015 and
# target year 2030).
REAL_SERIES = [
    pytest.param(
        # tests/assets/progress-calculation/data/temp/indicator_1-2-1.csv (headline rows) with
        # indicator-config/temp/1-2-1.yml: direction negative, target 7.25
        "at_most",
        7.25,
        None,
        [(2015, 14.5), (2016, 12.8), (2017, 11.7), (2018, 11.0), (2019, 10.1)],
        Outlook.ON_TRACK,  # substantial_progress, 1.9140922217549072
        1.9140922217549072,
        id="1-2-1",
    ),
    pytest.param(
        # tests/assets/progress-calculation/data/indicator_3-3-3.csv (headline rows) with
        # indicator-config/3-3-3.yml: direction negative, target 0 (so 0.001). Base year
        # 2015 is sdg-build's default: here the catalog baseline, so 2010-2014 play no part.
        "at_most",
        0,
        1.55,
        [
            *[(2010, 1.51), (2011, 1.51), (2012, 1.38), (2013, 1.4), (2014, 1.27)],
            *[(2015, 1.55), (2016, 1.69), (2017, 1.65), (2018, 1.62), (2019, 1.82)],
        ],
        Outlook.REGRESSING,  # deterioration, -0.1057876713820222
        -0.1057876713820222,
        id="3-3-3",
    ),
    pytest.param(
        # tests/assets/progress-calculation/data/temp/indicator_3-1-1.csv with
        # indicator-config/temp/3-1-1.yml: direction negative, target 70
        "at_most",
        70,
        None,
        [
            *[(2015, 7.060817171907362), (2016, 6.264650145392089), (2017, 6.625886543619536)],
            *[(2018, 8.555028886589724), (2019, 7.526112923948628)],
        ],
        Outlook.MET,  # target_achieved
        None,
        id="3-1-1",
    ),
]


@pytest.mark.parametrize(("direction", "target", "baseline", "years", "label", "value"), REAL_SERIES)
def test_series_from_sdg_builds_tests(
    tmp_path: Path,
    direction: str,
    target: float,
    baseline: float | None,
    years: list[tuple[int, float]],
    label: Outlook,
    value: float | None,
) -> None:
    base = f"    baseline: {{value: {baseline}, date: 2015-12-31}}\n" if baseline is not None else ""
    result = _one(
        tmp_path,
        f"  - id: x\n    title: X\n    target: {target}\n    direction: {direction}\n"
        f"    deadline: 2030\n    projection: open-sdg\n{base}",
        "".join(f"x,{year}-12-31,{v!r}\n" for year, v in years),
        as_of="2020-01-15",
    )
    assert result.trend.outlook is label
    assert result.trend.ratio == value


def test_open_sdg_needs_a_deadline(tmp_path: Path) -> None:
    catalog = write(
        tmp_path / "targets.yaml",
        "version: 1\ntargets:\n  - id: x\n    title: X\n    target: 5\n    deadline: none\n"
        "    projection: open-sdg\n",
    )
    (finding,) = load_catalog(catalog).findings
    assert finding.code.id == "DX111" and (finding.location.line, finding.location.column) == (7, 17)
    assert "target year" in finding.message


def test_status_table_and_json_name_the_method(tmp_path: Path, run_cli: Run) -> None:
    catalog = write(
        tmp_path / "targets.yaml",
        "version: 1\ntargets:\n  - id: x\n    title: X\n    target: 150\n    deadline: end of 2030\n"
        "    projection: open-sdg\n",
    )
    data = write(tmp_path / "p.csv", "target,date,value\nx,2020-12-31,58\nx,2025-09-30,80\n")
    out = run_cli("status", str(data), "-t", str(catalog), "--as-of", "2025-12-31", "-f", "json")
    (result,) = json.loads(out.stdout)["results"]
    assert (result["outlook"], result["projection"], result["projected"]) == (
        "needs_acceleration",
        "open-sdg",
        None,
    )
    assert result["ratio"] == 0.6664  # rounded, as every ratio in the JSON
    # the HTML report draws the least-squares line it has, and says so
    page = run_cli("status", str(data), "-t", str(catalog), "--as-of", "2025-12-31", "-f", "html")
    assert page.exit_code == 0 and "(linear)" in page.stdout
    shown = run_cli("show", "x", str(data), "-t", str(catalog), "--as-of", "2025-12-31").stdout
    assert "  open-sdg progress 0.67 (observed annual growth over the growth required; 0.95 on track" in shown


def test_the_row_loop_counts_days_from_the_same_day() -> None:
    from dxcheck import series, trend

    assert series.DAY0 == trend.EPOCH == date(2000, 1, 1).toordinal()
