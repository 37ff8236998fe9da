"""show, deadlines, diff and status --by, end to end, with goldens per format."""

from __future__ import annotations

import json
import random
from datetime import date
from pathlib import Path

import pytest

from dxcheck.report import Status
from dxcheck.timeline import Change, deadlines, diff, scoreboard, worst
from dxcheck.timeline_words import GroupBy
from tests.conftest import REPO, Run, write
from tests.golden import check_golden

ARGS = ("tests/data/progress.csv", "-t", "tests/data/catalog.yaml")


@pytest.fixture(autouse=True)
def _in_repo(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(REPO)


@pytest.mark.parametrize("fmt", ["table", "json"])
def test_show_golden(run_cli: Run, fmt: str) -> None:
    result = run_cli("show", "online-public-services", *ARGS, "--as-of", "2025-10-01", "-f", fmt)
    assert result.exit_code == 0
    check_golden(f"timeline/show-online-public-services.{fmt}.txt", result.stdout)


def test_show_in_vietnamese_golden(run_cli: Run) -> None:
    """Words, numbers and dates in Vietnamese, the chart's axes too (1.234,5; 31/12/2025)."""
    result = run_cli(
        "show", "online-public-services", *ARGS, "--as-of", "2025-10-01", "--lang", "vi", "--no-color"
    )
    assert result.exit_code == 0
    check_golden("timeline/show-online-public-services.vi.table.txt", result.stdout)
    assert "2024-07-01" not in result.stdout and "01/07/2024" in result.stdout


def test_show_lists_every_observation_with_its_line(run_cli: Run) -> None:
    doc = json.loads(
        run_cli("show", "online-public-services", *ARGS, "--as-of", "2026-01-15", "-f", "json").stdout
    )
    assert [(o["entity"], o["date"], o["line"]) for o in doc["observations"]] == [
        (None, "2024-07-01", 2),
        (None, "2025-06-30", 3),
        ("Hà Nội", "2025-03-31", 4),
        ("Hà Nội", "2025-09-30", 5),
    ]
    assert [r["outlook"] for r in doc["results"]] == ["missed", "missed"]


def test_show_entity_filter_and_version_chain(run_cli: Run) -> None:
    one = json.loads(
        run_cli("show", "online-public-services", *ARGS, "--entity", "HÀ NỘI", "-f", "json").stdout
    )
    assert [r["entity"] for r in one["results"]] == ["Hà Nội"]
    chain = run_cli("show", "e-signature-2024", *ARGS, "--as-of", "2025-07-01")
    assert "versions    e-signature-2024 (this) -> e-signature-2025" in chain.stdout


def test_show_unknown_target(run_cli: Run) -> None:
    result = run_cli("show", "online-services", *ARGS)
    assert result.exit_code == 2
    assert "did you mean 'online-public-services'?" in result.stderr


@pytest.mark.parametrize("fmt", ["table", "json", "ics"])
def test_deadlines_golden(run_cli: Run, fmt: str) -> None:
    result = run_cli("deadlines", *ARGS, "--as-of", "2025-05-01", "-f", fmt)
    assert result.exit_code == 0
    check_golden(f"timeline/deadlines-2025-05-01.{fmt}.txt", result.stdout)


def test_deadlines_within_and_overdue(run_cli: Run) -> None:
    within = json.loads(
        run_cli("deadlines", *ARGS, "--as-of", "2025-05-01", "--within", "90d", "-f", "json").stdout
    )
    assert [d["target"] for d in within["deadlines"]] == ["e-signature-2025"]
    overdue = json.loads(
        run_cli("deadlines", *ARGS, "--as-of", "2026-01-15", "--overdue", "-f", "json").stdout
    )
    assert [(d["target"], d["status"]) for d in overdue["deadlines"]] == [
        ("e-signature-2025", "fail"),
        ("online-public-services", "fail"),
    ]


def _ics(run_cli: Run, *args: str) -> list[dict[str, str]]:
    result = run_cli("deadlines", *args, "-f", "ics")
    assert result.exit_code == 0, result.stderr
    return _parse_ics(result.stdout_bytes.decode("utf-8"))


def _parse_ics(text: str) -> list[dict[str, str]]:
    """Unfold RFC 5545 lines and collect each VEVENT's properties."""
    assert text.endswith("\r\n") and "\n" not in text.replace("\r\n", "")
    lines: list[str] = []
    for raw in text.split("\r\n")[:-1]:
        assert len(raw.encode("utf-8")) <= 75, raw
        if raw.startswith(" "):
            lines[-1] += raw[1:]
        else:
            lines.append(raw)
    assert lines[0] == "BEGIN:VCALENDAR" and lines[-1] == "END:VCALENDAR"
    events: list[dict[str, str]] = []
    for line in lines:
        if line == "BEGIN:VEVENT":
            events.append({})
        elif events and line != "END:VEVENT" and ":" in line:
            key, _, value = line.partition(":")
            events[-1][key] = value
    return events


def test_ics_parses_back_with_stable_uids(run_cli: Run) -> None:
    first = _ics(run_cli, *ARGS, "--as-of", "2025-05-01")
    later = _ics(run_cli, *ARGS, "--as-of", "2026-01-15")
    assert [e["UID"] for e in first] == [
        "e-signature-2025@dxcheck",
        "data-center@dxcheck",
        "online-public-services@dxcheck",
        "cash-payments@dxcheck",
    ]
    assert {e["UID"] for e in later} == {e["UID"] for e in first}  # re-import updates, never duplicates
    by_uid = {e["UID"]: e for e in first}
    assert by_uid["data-center@dxcheck"]["DTSTART;VALUE=DATE"] == "20251231"
    assert by_uid["data-center@dxcheck"]["DTEND;VALUE=DATE"] == "20260101"
    assert (
        "80% of public services online by the end of 2025"
        in by_uid["online-public-services@dxcheck"]["DESCRIPTION"]
    )


def test_ics_escapes_text(tmp_path: Path, run_cli: Run) -> None:
    catalog = write(
        tmp_path / "c.yaml",
        'version: 1\ntargets:\n  - id: x\n    title: "Commas, semicolons; and \\\\ backslashes"\n'
        "    target: 1\n    deadline: 2026\n",
    )
    events = _ics(run_cli, "-t", str(catalog), "--as-of", "2025-01-01")
    assert events[0]["SUMMARY"] == "Commas\\, semicolons\\; and \\\\ backslashes (pending)"


@pytest.mark.parametrize("fmt", ["table", "json", "markdown"])
def test_diff_golden(run_cli: Run, fmt: str) -> None:
    result = run_cli("diff", "--from", "2025-07-01", "--to", "2026-01-15", *ARGS, "-f", fmt)
    assert result.exit_code == 0
    check_golden(f"timeline/diff.{fmt}.txt", result.stdout)


def test_diff_changes() -> None:
    from dxcheck.check import Options, run_status

    base = Options(catalog=REPO / "tests/data/catalog.yaml", inputs=("tests/data/progress.csv",))
    before = run_status(Options(**{**base.__dict__, "as_of": date(2025, 7, 1)}))
    after = run_status(Options(**{**base.__dict__, "as_of": date(2026, 1, 15)}))
    assert before.report is not None and after.report is not None
    changes = {(d.target.id, d.entity): d.changes for d in diff(before.report.results, after.report.results)}
    assert changes[("data-center", None)][0] is Change.NEWLY_PASSED
    assert changes[("online-public-services", "Hà Nội")] == (
        Change.NEWLY_FAILED,
        Change.OUTLOOK_CHANGED,
        Change.REGRESSED,
    )
    assert changes[("cash-payments", None)][-1] is Change.IMPROVED  # at most: lower is better
    assert diff(after.report.results, after.report.results) == []


def test_diff_rejects_reversed_dates(run_cli: Run) -> None:
    result = run_cli("diff", "--from", "2026-01-15", "--to", "2025-07-01", *ARGS)
    assert result.exit_code == 2 and "is before --from" in result.stderr


@pytest.mark.parametrize("fmt", ["table", "json", "csv", "markdown"])
def test_scoreboard_golden(run_cli: Run, fmt: str) -> None:
    result = run_cli("status", *ARGS, "--as-of", "2026-01-15", "--by", "category", "-f", fmt)
    assert result.exit_code == 1  # the gate is the same as without --by
    check_golden(f"timeline/by-category.{fmt}.txt", result.stdout)


def test_worst_status() -> None:
    assert worst([Status.PASS, Status.PENDING]) is Status.PENDING
    assert worst([Status.PASS, Status.FAIL, Status.OVERDUE]) is Status.OVERDUE
    assert worst([]) is Status.PENDING


PROVINCES = [
    "Hà Nội",
    "Thành phố Hồ Chí Minh",
    "Đà Nẵng",
    "Hải Phòng",
    "Cần Thơ",
    "Huế",
    "Quảng Ninh",
    "Lào Cai",
]


def test_generated_multi_province_data(tmp_path: Path, run_cli: Run) -> None:
    """A generated data set: every province reports monthly; the scoreboard, deadlines and
    diff agree with a straightforward count of the same rows."""
    rng = random.Random(7)
    rows = ["target,entity,date,value,unit"]
    latest: dict[str, float] = {}
    for province in PROVINCES:
        value = rng.uniform(30, 60)
        for month in range(1, 13):
            value = min(100.0, value + rng.uniform(-1, 5))
            rows.append(f"online-public-services,{province},2025-{month:02d}-28,{value:.1f},percent")
        latest[province] = round(value, 1)
    data = write(tmp_path / "provinces.csv", "\n".join(rows) + "\n")
    args = (str(data), "-t", "tests/data/catalog.yaml", "--target", "online-public-services")
    doc = json.loads(run_cli("status", *args, "--as-of", "2026-01-15", "-f", "json").stdout)
    national, *provinces = doc["results"]
    # no national row: the nation has no data, whatever the provinces report
    assert national["entity"] is None and national["latest"] is None and national["status"] == "overdue"
    got = {r["entity"]: r["latest"]["value"] for r in provinces}
    assert got == latest
    expected_pass = sum(1 for v in latest.values() if v >= 80)
    assert doc["summary"]["pass"] == expected_pass
    assert doc["summary"]["fail"] == len(PROVINCES) - expected_pass
    assert doc["summary"]["overdue"] == 1
    board = json.loads(
        run_cli("status", *args, "--as-of", "2026-01-15", "--by", "entity", "-f", "json").stdout
    )
    assert {g["name"] for g in board["groups"]} == {"national", *PROVINCES}
    assert all(g["total"] == 1 for g in board["groups"])
    changes = json.loads(
        run_cli("diff", "--from", "2025-06-30", "--to", "2026-01-15", *args, "-f", "json").stdout
    )
    assert {c["entity"] for c in changes["changes"]} == {None, *PROVINCES}  # the nation falls overdue
    assert all(
        "newly_failed" in c["changes"]
        or "newly_overdue" in c["changes"]
        or "newly_passed" in c["changes"]
        or "status_changed" in c["changes"]
        or c["before"]["status"] == c["after"]["status"]
        for c in changes["changes"]
    )


def test_scoreboard_orders_by_failing() -> None:
    from dxcheck.check import Options, run_status

    out = run_status(
        Options(
            catalog=REPO / "tests/data/catalog.yaml",
            inputs=("tests/data/progress.csv",),
            as_of=date(2026, 1, 15),
        )
    )
    assert out.report is not None
    groups = scoreboard(out.report.results, GroupBy.CATEGORY)
    assert groups[0].name == "digital-government"
    assert groups[0].failing == 3
    assert deadlines(out.report.results, date(2026, 1, 15), within=date(2026, 1, 20)) == []
