"""The HTML report at commune scale: how big the page is and how long it takes.

    .venv/bin/python bench/html_scale.py                 # 1.6M rows, 133,400 series
    .venv/bin/python bench/html_scale.py --months 36     # longer series (4.8M rows)

Generates (once; ``bench/generate.py``, deterministic) every (target, entity) series of
the benchmark catalog (40 targets x 3,335 entities: the nation, 34 provinces and 3,300
communes), each reporting ``--months`` months, then times ``dxcheck status --format
html`` against ``--format json`` on it, each a fresh process (wall time and peak RSS
from ``os.wait4``), and prints the page's size. Not part of CI (a minute or so).
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from bench.generate import DATA_DIR, DataSpec, generate, is_current, paths_for  # noqa: E402

SERIES = 133_400
AS_OF = "2026-01-15"


def timed(command: list[str], out: Path) -> tuple[float, float]:
    """Wall seconds and peak RSS (MiB) of one process writing its stdout to ``out``."""
    with out.open("wb") as sink:
        started = time.perf_counter()
        process = subprocess.Popen(command, stdout=sink, stderr=subprocess.DEVNULL)
        _, status, usage = os.wait4(process.pid, 0)
        elapsed = time.perf_counter() - started
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode not in (0, 1):
        raise SystemExit(f"{command}: exit {process.returncode}")
    return elapsed, usage.ru_maxrss / 1024


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("--months", type=int, default=12, help="months each series reports (12)")
    parser.add_argument("--rounds", type=int, default=3, help="runs of each command; the median is shown")
    args = parser.parse_args(argv)
    spec = DataSpec(rows=SERIES * args.months, series=SERIES)
    if not is_current(spec):
        generate(spec, verbose=True)
    paths = paths_for(spec)
    dxcheck = str(Path(sys.executable).with_name("dxcheck"))
    base = [dxcheck, "status", str(paths.csv), "-t", str(paths.catalog), "--as-of", AS_OF]
    out = REPO / "bench" / "out"
    out.mkdir(parents=True, exist_ok=True)
    rows: list[tuple[str, float, float, int]] = []
    for fmt in ("html", "json"):
        target = out / f"commune-status.{fmt}"
        runs = sorted(timed([*base, "--format", fmt], target) for _ in range(args.rounds))
        seconds, rss = runs[len(runs) // 2]
        rows.append((fmt, seconds, rss, target.stat().st_size))
    size_mib = paths.csv.stat().st_size / 2**20
    print(f"{spec.rows:,} rows, {SERIES:,} series ({size_mib:,.0f} MiB CSV), as of {AS_OF}; {DATA_DIR}")
    print(f"{'format':<8}{'seconds':>9}{'peak RSS MiB':>14}{'output':>14}")
    for fmt, seconds, rss, size in rows:
        print(f"{fmt:<8}{seconds:>9.1f}{rss:>14,.0f}{size / 2**20:>11,.2f} MiB")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
