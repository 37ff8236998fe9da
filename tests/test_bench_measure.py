"""The benchmark's measure of one process (``bench/run.py``, ``bench/spawn.py``)."""

from __future__ import annotations

import sys

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
