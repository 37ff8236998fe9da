"""The benchmark's measure of one process (``bench/run.py``, ``bench/spawn.py``)."""

from __future__ import annotations

import sys
from pathlib import Path

from bench import run as bench_run


def test_a_command_is_measured_alone_whatever_the_runner_holds() -> None:
    """Forked from a process holding 200 MiB, a small command's peak RSS is its own: the
    figures come from ``spawn.py``, a small process of its own (its doc says why)."""
    held = bytearray(200 * 1024 * 1024)
    held[::4096] = b"\x01" * len(range(0, len(held), 4096))  # resident, not just reserved
    run = bench_run.measure([sys.executable, "-c", "import sys; sys.exit(3)"])
    assert run.returncode == 3
    assert 0 < run.max_rss_kib < 100 * 1024 and run.cpu > 0 and 0 < run.seconds < 30
    assert len(held) == 200 * 1024 * 1024


def test_a_command_that_cannot_start_says_why() -> None:
    run = bench_run.measure(["/nonexistent/dxcheck-tool"])
    assert run.returncode != 0 and run.max_rss_kib == 0
    assert "No such file" in run.stderr_tail


def test_the_second_core_probe_gives_a_share_of_a_core() -> None:
    """Two copies at once against one alone: about 1 with two free cores, 0.5 with one;
    never 0, and never far above 1 (two copies cannot finish sooner than one)."""
    share = bench_run.second_core()
    assert 0.2 < share < 1.5


def test_each_round_shows_its_probe_beside_its_floor_and_json() -> None:
    def run(seconds: float) -> bench_run.Run:
        return bench_run.Run(seconds, seconds, 1024, 0, "")

    floor = bench_run.Tool("floor", "csv.reader floor", [], frozenset({0}), 2, runs=[run(1.0), run(1.2)])
    json_tool = bench_run.Tool(
        "status-json", "dxcheck status -f json", [], frozenset({0, 1}), 2, runs=[run(2.5), run(3.6)]
    )
    size = bench_run.SizeResult(
        "1m-s132k", 1_000_000, 96.0, 132_000, "7-8", [floor, json_tool], cores=[0.97, 0.55]
    )
    lines = bench_run.render_rounds(size)
    assert "was free (at least 0.9) in 1 of 2 rounds." in lines[1]
    assert lines[-2:] == ["| 1 | 0.97 | 1.00 | 2.50 | 2.50 |", "| 2 | 0.55 | 1.20 | 3.60 | 3.00 |"]
    # Without a probe in every round (an older run), no table rather than a wrong one.
    assert (
        bench_run.render_rounds(bench_run.SizeResult("x", 1, 1.0, 1, "1", [floor, json_tool], cores=[0.9]))
        == []
    )


def test_a_baseline_whose_output_differs_is_marked(tmp_path: Path) -> None:
    def tool(key: str, text: str) -> bench_run.Tool:
        out = tmp_path / f"{key}.json"
        out.write_text(text, encoding="utf-8")
        return bench_run.Tool(key, key, [], frozenset({0, 1}), 1, out)

    same = [tool("status-json", "{}"), tool("status-json-noc", "{}")]
    bench_run._same_output(same, "status-json", "status-json-noc")
    assert [t.error for t in same] == [None, None]
    differ = [tool("status-json", "{}"), tool("status-json-noc", "[]")]
    bench_run._same_output(differ, "status-json", "status-json-noc")
    assert differ[1].error == "its output differs from status-json's"
