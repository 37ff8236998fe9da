"""Run one command and report its wall time, CPU time and peak RSS, as ``bench/run.py``
measures every process.

Why a process of its own: on Linux a process's peak RSS (``ru_maxrss``) starts from the
peak of the process that forked it, because ``exec`` keeps the old image's high-water
mark. Forked straight from the benchmark, which grows as it runs, a 220 MiB command was
reported at 264 MiB. Forked from this small interpreter, it starts from about 10 MiB, less
than any command measured (the floor is 19).

Usage: ``python bench/spawn.py FD COMMAND...``: the command inherits this process's stdin,
stdout, stderr and working directory; the figures go to file descriptor FD as one JSON
object: ``seconds``, ``cpu`` (user + system), ``max_rss_kib`` and ``returncode``.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time


def main() -> None:
    fd, argv = int(sys.argv[1]), sys.argv[2:]
    started = time.perf_counter()
    proc = subprocess.Popen(argv)
    _, status, usage = os.wait4(proc.pid, 0)
    seconds = time.perf_counter() - started
    figures = {
        "seconds": seconds,
        "cpu": usage.ru_utime + usage.ru_stime,
        "max_rss_kib": usage.ru_maxrss,
        "returncode": os.waitstatus_to_exitcode(status),
    }
    with os.fdopen(fd, "w", encoding="utf-8") as out:
        json.dump(figures, out)


if __name__ == "__main__":
    main()
