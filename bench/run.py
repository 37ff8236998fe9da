"""The dxcheck benchmark: one command, every number in the same run.

    .venv/bin/python bench/run.py [--sizes 100k,1m,10m] [--rounds 3] [--out bench/README.md]

For each size it generates the data if needed (bench/generate.py, deterministic), then
times, as separate processes started the same way:

- the floor: ``python -c`` running ``csv.reader`` over the same file, nothing converted;
- ``dxcheck status FILE --targets CATALOG --as-of 2030-01-01 --format json`` (stdout to
  a file under bench/out/);
- ``dxcheck validate FILE --targets CATALOG --as-of 2030-01-01``;
- ``frictionless validate --schema schema.json FILE`` as a peer, when it is installed
  (``--install-peers`` puts it in its own venv, /tmp/frictionless-venv).

First, the headline case (issue 12): 1M rows of 132,000 series, the commune-level shape
(``--commune-series``, ``--commune-rows``, ``--commune-rounds``): ``status`` in every output
format to a file, and ``validate``, against the same floor.

Rounds are interleaved (floor, status, validate, floor, ...) and the median is reported;
in the headline case the commands after the floor take turns at coming first, and each
round starts with a probe of the second core (``second_core``): dxcheck reads and writes
a large file in two processes, the floor in one, so their ratio depends on it.
Each process is waited for with ``os.wait4``, which gives that process's own peak RSS.
Start-up: ``python -c pass``, ``dxcheck --version`` and ``dxcheck status`` with no
arguments (bundled catalog and sample), each as new processes, median of ``--startup-runs``.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from importlib.util import find_spec
from pathlib import Path

if __package__ in (None, ""):  # run as a script: make ``bench`` importable
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench import generate

BENCH_DIR = Path(__file__).resolve().parent
REPO = BENCH_DIR.parent
OUT_DIR = BENCH_DIR / "out"
AS_OF = "2030-01-01"
START_MARK = "<!-- bench:start -->"
END_MARK = "<!-- bench:end -->"
PEER_VENV = Path("/tmp/frictionless-venv")
NO_PEER = "not installed (python bench/run.py --install-peers puts it in its own venv)"
LOADS: list[float] = []  # 1-minute load average after each measured run
MEMORY_SERIES = 83_400  # 100k: 1-2 months each, 1m: 12, 10m: 120
# The headline: Vietnam reports at commune level, 40 targets x 3,300 communes (issue 12).
COMMUNE_SERIES = 132_000
COMMUNE_FORMATS = ("json", "jsonl", "csv", "markdown", "junit", "github", "html", "table")

SPAWN = Path(__file__).resolve().parent / "spawn.py"  # runs each measured command (its doc: why)
# About 0.3 s of one core (CPython 3.11 on this runner): the second core's probe.
PROBE_CODE = "for _ in range(10_000_000): pass"
FREE = 0.9  # the probe's ratio from which the second core counts as free

FLOOR_CODE = """import csv, sys
with open(sys.argv[1], newline="", encoding="utf-8") as f:
    for row in csv.reader(f):
        pass
"""


# --- measuring one process ----------------------------------------------------------------


@dataclass(frozen=True)
class Run:
    seconds: float
    cpu: float  # user + system
    max_rss_kib: int
    returncode: int
    stderr_tail: str


def measure(
    argv: Sequence[str],
    *,
    stdout: Path | None = None,
    cwd: Path | None = None,
    extra_env: dict[str, str] | None = None,
) -> Run:
    """Run ``argv`` once; wall time, CPU and the peak RSS of that process alone (wait4),
    through ``bench/spawn.py``: forked from this process, which grows as the benchmark
    runs, a command's peak RSS would start from this process's (spawn.py says why)."""
    # COLUMNS: tables laid out alike whoever runs this, from a terminal or not (a table
    # follows the terminal a run was started from)
    env = {**os.environ, "NO_COLOR": "1", "COLUMNS": "140", **(extra_env or {})}
    env.pop("FORCE_COLOR", None)
    # As users run it: bytecode caches written once (the warm-up) and used after; a machine
    # with PYTHONDONTWRITEBYTECODE=1 would otherwise recompile dxcheck on every start.
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    with tempfile.TemporaryFile() as err:
        out_handle = stdout.open("wb") if stdout else subprocess.DEVNULL
        report_read, report_write = os.pipe()
        try:
            proc = subprocess.Popen(
                [sys.executable, str(SPAWN), str(report_write), *argv],
                stdin=subprocess.DEVNULL,
                stdout=out_handle,
                stderr=err,
                cwd=cwd,
                env=env,
                pass_fds=(report_write,),
            )
            os.close(report_write)
            with os.fdopen(report_read, encoding="utf-8") as report:
                figures = json.loads(report.read() or "{}")
            proc.wait()
        finally:
            if stdout and not isinstance(out_handle, int):
                out_handle.close()
        err.seek(0)
        tail = err.read()[-2000:].decode("utf-8", "replace").strip()
    LOADS.append(os.getloadavg()[0])
    if not figures:  # the command could not be started: spawn.py failed, and says why
        return Run(0.0, 0.0, 0, proc.returncode or 127, tail)
    return Run(figures["seconds"], figures["cpu"], figures["max_rss_kib"], figures["returncode"], tail)


def second_core() -> float:
    """How much of a second core the runner gives right now: the wall time of one copy of
    a short loop alone, over that of two copies run at once. 1.0 with two free cores,
    0.5 with one (another process holds the other); between, a core shared or slowed.

    The floor is one process and dxcheck, on a large file, two (halves read and written
    at once), so the floor never shows what this does: whether the second core was there."""

    def wall(copies: int) -> float:
        start = time.perf_counter()
        procs = [subprocess.Popen([sys.executable, "-c", PROBE_CODE]) for _ in range(copies)]
        for proc in procs:
            proc.wait()
        return time.perf_counter() - start

    alone = wall(1)
    return alone / wall(2)


# --- what is measured -----------------------------------------------------------------------


@dataclass
class Tool:
    key: str
    label: str
    argv: list[str]
    ok_codes: frozenset[int]
    rounds: int
    stdout: Path | None = None
    runs: list[Run] = field(default_factory=list)
    error: str | None = None
    env: dict[str, str] = field(default_factory=dict)  # added to the environment of each run

    def record(self, run: Run) -> None:
        if run.returncode not in self.ok_codes:
            last = run.stderr_tail.splitlines()[-1] if run.stderr_tail else ""
            if not last and self.stdout and self.stdout.exists():
                last = self.stdout.read_text(encoding="utf-8", errors="replace").strip()[-200:]
            self.error = f"exit {run.returncode}: {last}"[:200]
        self.runs.append(run)

    @property
    def seconds(self) -> float:
        return statistics.median(r.seconds for r in self.runs)

    @property
    def cpu(self) -> float:
        return statistics.median(r.cpu for r in self.runs)

    @property
    def spread(self) -> tuple[float, float]:
        return min(r.seconds for r in self.runs), max(r.seconds for r in self.runs)

    @property
    def rss_mib(self) -> float:
        return max(r.max_rss_kib for r in self.runs) / 1024


@dataclass
class SizeResult:
    label: str
    rows: int
    mib: float
    series: int
    months: str
    tools: list[Tool]
    skipped: list[str] = field(default_factory=list)
    cores: list[float] = field(default_factory=list)  # second_core() before each round


@dataclass
class Startup:
    label: str
    runs: list[Run] = field(default_factory=list)
    error: str | None = None

    @property
    def ms(self) -> float:
        return statistics.median(r.seconds for r in self.runs) * 1000


def find_dxcheck(explicit: str | None) -> str:
    if explicit:
        return explicit
    sibling = Path(sys.executable).parent / "dxcheck"
    if sibling.exists():
        return str(sibling)
    found = shutil.which("dxcheck")
    if not found:
        raise SystemExit("dxcheck not found: run with the project venv's python, or pass --dxcheck")
    return found


def find_frictionless(explicit: str | None) -> list[str] | None:
    """The frictionless command, or None: --frictionless, $FRICTIONLESS, the peer venv, PATH,
    or this interpreter's ``python -m frictionless``."""
    if explicit == "none":
        return None
    for candidate in (explicit, os.environ.get("FRICTIONLESS"), str(PEER_VENV / "bin" / "frictionless")):
        if candidate and Path(candidate).exists():
            return [candidate]
    on_path = shutil.which("frictionless")
    if on_path:
        return [on_path]
    if find_spec("frictionless") is not None:
        return [sys.executable, "-m", "frictionless"]
    return None


def install_peers() -> None:
    """Frictionless in its own venv, so the project venv stays clean."""
    if (PEER_VENV / "bin" / "frictionless").exists():
        return
    print(f"installing frictionless into {PEER_VENV} ...", file=sys.stderr)
    try:
        subprocess.run([sys.executable, "-m", "venv", str(PEER_VENV)], check=True)
        subprocess.run(
            [str(PEER_VENV / "bin" / "pip"), "install", "-q", "frictionless"],
            check=True,
            stdout=subprocess.DEVNULL,
        )
    except (OSError, subprocess.CalledProcessError) as exc:
        print(f"could not install frictionless: {exc}", file=sys.stderr)


def tool_version(argv: list[str]) -> str:
    try:
        done = subprocess.run([*argv, "--version"], capture_output=True, text=True, timeout=60)
    except (OSError, subprocess.TimeoutExpired):
        return "?"
    return (done.stdout.strip() or done.stderr.strip()).splitlines()[-1] if done.returncode == 0 else "?"


# --- the machine -------------------------------------------------------------------------------


def cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text(encoding="utf-8", errors="replace").splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown CPU"


def memory_gib() -> str:
    try:
        for line in Path("/proc/meminfo").read_text(encoding="utf-8").splitlines():
            if line.startswith("MemTotal:"):
                return f"{int(line.split()[1]) / 2**20:.0f} GiB RAM"
    except (OSError, ValueError):
        pass
    return "RAM unknown"


def machine_line() -> str:
    return (
        f"{platform.platform()}, {os.cpu_count()} CPUs ({cpu_model()}), {memory_gib()}, "
        f"Python {platform.python_version()} ({platform.python_implementation()})"
    )


def code_version(dxcheck: str) -> str:
    version = tool_version([dxcheck])
    try:
        commit = subprocess.run(
            ["git", "-C", str(REPO), "rev-parse", "--short", "HEAD"], capture_output=True, text=True
        ).stdout.strip()
        dirty = subprocess.run(
            ["git", "-C", str(REPO), "status", "--porcelain", "--", "src"], capture_output=True, text=True
        ).stdout.strip()
    except OSError:
        return version
    if not commit:
        return version + row_loop_kind(dxcheck)
    return (
        f"{version}, commit {commit}"
        + (" + uncommitted changes in src/" if dirty else "")
        + row_loop_kind(dxcheck)
    )


def row_loop_kind(dxcheck: str) -> str:
    """Whether that install runs the mypyc-compiled row loop and its C reader (a stale or
    failed build silently runs the source: the table must say which was measured)."""
    python = Path(dxcheck).with_name("python")
    code = (
        "from dxcheck.native import fast_rows, row_loop, is_compiled; "
        "loop = row_loop(); print(is_compiled(loop), fast_rows(loop) is not None)"
    )
    try:
        done = subprocess.run([str(python), "-c", code], capture_output=True, text=True, timeout=60)
    except OSError:
        return ""
    answer = done.stdout.strip()
    if answer == "True True":
        return "; row loop compiled with mypyc, with its C reader"
    if answer == "True False":
        return "; row loop compiled with mypyc, WITHOUT its C reader"
    if answer.startswith("False"):
        return "; row loop NOT compiled (pure Python)"
    return ""


# --- running ----------------------------------------------------------------------------------------


def parse_sizes(text: str) -> list[int]:
    return [generate.parse_rows(part) for part in text.split(",") if part.strip()]


def log(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def bench_size(
    spec: generate.DataSpec,
    dxcheck: str,
    frictionless: list[str] | None,
    rounds: int,
    peer_rounds: int,
    peer_max_rows: int | None,
    *,
    peers: bool = True,
) -> SizeResult:
    rows = spec.rows
    paths = generate.paths_for(spec)
    if generate.is_current(spec):
        log(f"{paths.csv.name}: up to date")
    else:
        log(f"generating {paths.csv.name} ...")
        # In a process of its own: generating holds ~140 MB of series, and a process this
        # runner starts later would report that as part of its own peak RSS.
        argv = [
            sys.executable,
            str(REPO / "bench" / "generate.py"),
            "--rows",
            str(spec.rows),
            "--seed",
            str(spec.seed),
        ]
        if spec.series:
            argv += ["--series", str(spec.series)]
        if spec.minimal:
            argv.append("--minimal")
        subprocess.run(argv, check=True)
    meta = json.loads(paths.meta.read_text(encoding="utf-8"))
    label = spec.label
    csv_path = str(paths.csv)
    catalog = str(paths.catalog)
    OUT_DIR.mkdir(exist_ok=True)
    tools = [
        Tool(
            "floor", "csv.reader floor", [sys.executable, "-c", FLOOR_CODE, csv_path], frozenset({0}), rounds
        ),
        Tool(
            "status",
            "dxcheck status --format json",
            [dxcheck, "status", csv_path, "--targets", catalog, "--as-of", AS_OF, "--format", "json"],
            frozenset({0, 1}),  # 1: the gate failed, as it does on this data
            rounds,
            stdout=OUT_DIR / f"status-{label}.json",
        ),
        _validate(dxcheck, csv_path, catalog, rounds),
    ]
    low, high = meta["months_per_series"]
    months = f"{low}" if low == high else f"{low}-{high}"
    result = SizeResult(label, rows, paths.csv.stat().st_size / 2**20, int(meta["series"]), months, tools)
    if not peers:
        pass
    elif frictionless is None:
        result.skipped.append(f"frictionless validate: {NO_PEER}")
    elif peer_max_rows is not None and rows > peer_max_rows:
        result.skipped.append(
            f"frictionless validate: skipped above {peer_max_rows:,} rows (--peer-max-rows)"
        )
    else:
        tools.append(
            Tool(
                "frictionless",
                "frictionless validate (peer)",
                [*frictionless, "validate", "--trusted", "--schema", str(paths.schema), csv_path],
                frozenset({0}),
                peer_rounds,
                stdout=OUT_DIR / f"frictionless-{label}.txt",
            )
        )
    measure(tools[0].argv)  # warm the page cache; not counted
    for round_no in range(max(t.rounds for t in tools)):
        for tool in tools:
            if round_no >= tool.rounds or tool.error:
                continue
            run = measure(tool.argv, stdout=tool.stdout)
            tool.record(run)
            log(
                f"  {label} {tool.key:<12} round {round_no + 1}/{tool.rounds}: {run.seconds:8.2f} s "
                f"{run.max_rss_kib / 1024:8.1f} MiB" + (f"  ERROR {tool.error}" if tool.error else "")
            )
    status = tools[1]
    if status.stdout and status.stdout.exists() and not status.error:
        with status.stdout.open("rb") as handle:
            head = handle.read(1)
            handle.seek(-2, os.SEEK_END)
            tail = handle.read()
        if head != b"{" or not tail.rstrip().endswith(b"}"):
            status.error = "output is not a JSON document"
    return result


def _validate(dxcheck: str, csv_path: str, catalog: str, rounds: int) -> Tool:
    """``dxcheck validate`` on a file: read and check only (exit 0 expected)."""
    argv = [dxcheck, "validate", csv_path, "--targets", catalog, "--as-of", AS_OF]
    return Tool("validate", "dxcheck validate", argv, frozenset({0}), rounds)


def bench_commune(spec: generate.DataSpec, dxcheck: str, rounds: int) -> SizeResult:
    """Commune scale: ``status`` in every output format (stdout to a file, as a pipe or
    a CI job gets it: every result, no terminal overview) and ``validate``, on one file of
    ``spec.series`` series; the floor the same way."""
    base = bench_size(spec, dxcheck, None, 0, 0, None, peers=False)  # generates the data if needed
    paths = generate.paths_for(spec)
    csv_path, catalog = str(paths.csv), str(paths.catalog)
    tools = [base.tools[0]]
    tools[0].rounds = rounds
    for fmt in COMMUNE_FORMATS:
        argv = [dxcheck, "status", csv_path, "--targets", catalog, "--as-of", AS_OF, "--format", fmt]
        out = OUT_DIR / f"status-{spec.label}.{fmt}"
        tools.append(Tool(f"status-{fmt}", f"dxcheck status -f {fmt}", argv, frozenset({0, 1}), rounds, out))
        if fmt == "json":
            # the baseline for the C reader in front of the row loop, in the same rounds
            without = Tool(
                "status-json-noc",
                "dxcheck status -f json, without the C reader (DXCHECK_NO_FAST_ROWS=1)",
                argv,
                frozenset({0, 1}),
                rounds,
                OUT_DIR / f"status-{spec.label}-noc.json",
                env={"DXCHECK_NO_FAST_ROWS": "1"},
            )
            tools.append(without)
    tools.append(_validate(dxcheck, csv_path, catalog, rounds))
    measure(tools[0].argv)  # warm the page cache; not counted
    floor, commands = tools[0], tools[1:]
    cores: list[float] = []
    for round_no in range(rounds):
        cores.append(second_core())
        log(f"  {spec.label} second core, round {round_no + 1}/{rounds}: {cores[-1]:.2f}")
        # The floor first, then the commands in an order turned by one each round: here
        # the command right after the floor ran up to 0.6 s slower than the same work
        # later in the round (bench/README.md, eighth round), so no format takes that
        # place every round.
        turn = round_no % len(commands)
        for tool in [floor, *commands[turn:], *commands[:turn]]:
            if tool.error:
                continue
            run = measure(tool.argv, stdout=tool.stdout, extra_env=tool.env)
            tool.record(run)
            log(
                f"  {spec.label} {tool.key:<16} round {round_no + 1}/{rounds}: {run.seconds:8.2f} s "
                f"{run.max_rss_kib / 1024:8.1f} MiB" + (f"  ERROR {tool.error}" if tool.error else "")
            )
    _same_output(tools, "status-json", "status-json-noc")
    return SizeResult(spec.label, spec.rows, base.mib, base.series, base.months, tools, cores=cores)


def _same_output(tools: list[Tool], key: str, baseline_key: str) -> None:
    """Mark the baseline in error when its output is not byte for byte the command's: the
    two differ only in how fast they are, or the comparison means nothing."""
    by_key = {tool.key: tool for tool in tools}
    tool, baseline = by_key.get(key), by_key.get(baseline_key)
    if tool is None or baseline is None or tool.error or baseline.error:
        return
    if tool.stdout is None or baseline.stdout is None:
        return
    if tool.stdout.read_bytes() != baseline.stdout.read_bytes():
        baseline.error = f"its output differs from {tool.label}'s"


def bench_startup(dxcheck: str, runs: int) -> list[Startup]:
    """New processes each time, interleaved; one unmeasured warm-up of each first."""
    cases = [
        (Startup("python -c pass"), [sys.executable, "-c", "pass"], {0}),
        (Startup("dxcheck --version"), [dxcheck, "--version"], {0}),
        (Startup("dxcheck status (bundled catalog and sample)"), [dxcheck, "status"], {0, 1}),
    ]
    with tempfile.TemporaryDirectory() as empty:  # no ./targets.yaml: the bundled catalog
        cwd = Path(empty)
        for _, argv, _ in cases:
            measure(argv, cwd=cwd)
        for _ in range(runs):
            for startup, argv, ok in cases:
                if startup.error:
                    continue
                run = measure(argv, cwd=cwd)
                if run.returncode not in ok:
                    # once more with dxcheck's traceback, for the cause
                    again = measure(argv, cwd=cwd, extra_env={"DXCHECK_DEBUG": "1"})
                    lines = (again.stderr_tail or run.stderr_tail).splitlines() or [""]
                    startup.error = f"fails, exit {run.returncode}: {lines[-1]}"[:240]
                    continue
                startup.runs.append(run)
    return [s for s, _, _ in cases]


# --- the report -----------------------------------------------------------------------------


def _rate(rows: int, seconds: float) -> str:
    rate = rows / seconds
    return f"{rate / 1e6:.2f} M" if rate >= 1e6 else f"{rate / 1e3:.0f} k"


@dataclass(frozen=True)
class RunInfo:
    command: str
    rounds: int
    peer_rounds: int
    startup_runs: int
    machine: str
    version: str
    peer_version: str | None
    total_seconds: float


def render_speed(sizes: list[SizeResult], rounds: int) -> list[str]:
    lines = [
        "| rows | file | series x months | tool | seconds (median) | min - max | rows/s | x floor "
        "| CPU s | x floor (CPU) | peak RSS MiB |",
        "| --- | ---: | ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for size in sizes:
        floor = size.tools[0]
        head = f"| {size.label} | {size.mib:,.0f} MiB | {size.series:,} x {size.months} |"
        for tool in size.tools:
            if not tool.runs:
                lines.append(f"{head} {tool.label} | {tool.error or 'not run'} | | | | | | |")
                continue
            low, high = tool.spread
            ratio = tool.seconds / floor.seconds if floor.runs else float("nan")
            cpu_ratio = tool.cpu / floor.cpu if floor.runs else float("nan")
            name = tool.label + (" (1 round)" if len(tool.runs) == 1 and rounds > 1 else "")
            if tool.error:
                name += f" **{tool.error}**"
            lines.append(
                f"{head} {name} | {tool.seconds:.2f} | {low:.2f} - {high:.2f} | {_rate(size.rows, tool.seconds)} | "
                f"{ratio:.2f} | {tool.cpu:.2f} | {cpu_ratio:.2f} | {tool.rss_mib:,.0f} |"
            )
        lines.extend(f"{head} {note} | | | | | | | |" for note in size.skipped)
    return lines


def render_commune(size: SizeResult) -> list[str]:
    floor = size.tools[0]
    lines = [
        f"**Commune scale (the headline):** {size.rows:,} rows, {size.series:,} series"
        + (
            " (40 targets x 3,300 communes, the provinces and the nation)"
            if size.series >= COMMUNE_SERIES
            else ""
        )
        + f", {size.months} months each, {size.mib:,.0f} MiB; every output to a file, as a pipe or a "
        "CI job gets it (no terminal overview). Each round runs the floor, then the commands, "
        "which take turns at coming right after it.",
        "",
        "| command | seconds | x floor | CPU s | x floor (CPU) | peak RSS MiB | output MiB |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for tool in size.tools:
        if not tool.runs:
            lines.append(f"| {tool.label} | {tool.error or 'not run'} | | | | | |")
            continue
        ratio = tool.seconds / floor.seconds if floor.runs else float("nan")
        cpu_ratio = tool.cpu / floor.cpu if floor.runs else float("nan")
        size_mib = tool.stdout.stat().st_size / 2**20 if tool.stdout and tool.stdout.exists() else None
        out = f"{size_mib:,.1f}" if size_mib is not None else ""
        name = tool.label + (f" **{tool.error}**" if tool.error else "")
        lines.append(
            f"| {name} | {tool.seconds:.2f} | {ratio:.2f} | {tool.cpu:.2f} | {cpu_ratio:.2f} | "
            f"{tool.rss_mib:,.0f} | {out} |"
        )
    return lines + render_rounds(size)


def render_rounds(size: SizeResult) -> list[str]:
    """Each round's probe of the second core beside that round's floor and ``-f json``."""
    floor = size.tools[0]
    json_tool = next((t for t in size.tools if t.key == "status-json"), None)
    if not size.cores or json_tool is None or not (len(size.cores) == len(floor.runs) == len(json_tool.runs)):
        return []
    free = sum(core >= FREE for core in size.cores)
    lines = [
        "",
        f"Round by round: the second core (one copy of a short loop alone, over two at once: 1.00 "
        f"with two free cores, 0.50 with one), probed before the round, was free (at least {FREE}) in "
        f"{free} of {len(size.cores)} rounds.",
        "",
        "| round | second core | floor s | -f json s | x floor |",
        "| ---: | ---: | ---: | ---: | ---: |",
    ]
    for number, (core, base, run) in enumerate(zip(size.cores, floor.runs, json_tool.runs, strict=True), 1):
        lines.append(
            f"| {number} | {core:.2f} | {base.seconds:.2f} | {run.seconds:.2f} | {run.seconds / base.seconds:.2f} |"
        )
    return lines


def render_memory(sizes: list[SizeResult]) -> list[str]:
    lines = [
        "| rows | series x months | floor s | status s | x floor | status peak RSS MiB "
        "| validate s | x floor | validate peak RSS MiB |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for size in sizes:
        by_key = {t.key: t for t in size.tools}
        floor = by_key["floor"]
        cells = [f"{size.label.split('-')[0]}", f"{size.series:,} x {size.months}", f"{floor.seconds:.2f}"]
        for key in ("status", "validate"):
            tool = by_key[key]
            if not tool.runs or tool.error:
                cells += [tool.error or "not run", "", ""]
                continue
            cells += [f"{tool.seconds:.2f}", f"{tool.seconds / floor.seconds:.2f}", f"{tool.rss_mib:,.0f}"]
        lines.append("| " + " | ".join(cells) + " |")
    return lines


def render_startup(startup: list[Startup], runs: int) -> list[str]:
    base = next((s for s in startup if s.runs and s.label.startswith("python")), None)
    lines = [
        f"Start-up (a new process each run, median of {runs}, file cache warm):",
        "",
        "| command | ms (median) | over `python -c pass` | peak RSS MiB |",
        "| --- | ---: | ---: | ---: |",
    ]
    for s in startup:
        if not s.runs:
            lines.append(f"| `{s.label}` | {s.error or 'not run'} | | |")
            continue
        over = f"+{s.ms - base.ms:.0f} ms" if base is not None and s is not base else ""
        rss = max(r.max_rss_kib for r in s.runs) / 1024
        lines.append(f"| `{s.label}` | {s.ms:.0f} | {over} | {rss:.0f} |")
    return lines


def load_line() -> str:
    if not LOADS:
        return ""
    low, high = min(LOADS), max(LOADS)
    text = (
        f"Load: the 1-minute load average after each run was {low:.1f} - {high:.1f} on {os.cpu_count()} CPUs"
        " (dxcheck's own two processes count in it)"
    )
    if high > 1.5:
        return (
            text + ": **other processes competed for the CPUs during the run, "
            "so wall times are inflated; CPU seconds are the steadier figure.**"
        )
    return text + "."


def render(
    sizes: list[SizeResult],
    memory: list[SizeResult],
    startup: list[Startup],
    info: RunInfo,
    commune: SizeResult | None = None,
) -> str:
    lines = [
        f"Machine: {info.machine}.  ",
        f"dxcheck: {info.version}. Peer: {info.peer_version or 'frictionless not installed'}.  ",
        f"Run: `{info.command}` on {time.strftime('%Y-%m-%d')}, {info.total_seconds / 60:.1f} min in all.",
        "",
    ]
    if commune is not None:
        lines += [*render_commune(commune), ""]
    lines += [
        *render_speed(sizes, info.rounds),
        "",
        f"Rounds: {info.rounds} for the floor and dxcheck, {info.peer_rounds} for the peer, interleaved; "
        "seconds are the median wall time of one process from spawn to exit (start-up included, "
        "the floor's too); x floor = seconds / floor seconds on the same file; peak RSS is that "
        "process's own ru_maxrss (os.wait4 in bench/spawn.py), the largest over the rounds; CPU s = its user + system "
        "time (median), and x floor (CPU) the same ratio on CPU time, which other processes disturb less.",
        "",
        load_line(),
    ]
    if memory:
        lines += [
            "",
            f"Memory against rows at a constant {memory[0].series:,} series (files `progress-*-s*.csv`, "
            "one round each):",
            "",
            *render_memory(memory),
        ]
    lines += ["", *render_startup(startup, info.startup_runs)]
    return "\n".join(lines) + "\n"


def write_section(readme: Path, body: str) -> None:
    """Replace what lies between the marker lines (each alone on its line), or append them."""
    text = readme.read_text(encoding="utf-8") if readme.exists() else ""
    section = f"{START_MARK}\n{body}{END_MARK}\n"
    found = re.search(rf"^{re.escape(START_MARK)}\n.*?^{re.escape(END_MARK)}\n?", text, re.M | re.S)
    if found:
        text = text[: found.start()] + section + text[found.end() :]
    else:
        text = text.rstrip("\n") + ("\n\n" if text else "") + section
    readme.write_text(text, encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("--sizes", default="100k,1m,10m", help="comma-separated row counts (%(default)s)")
    parser.add_argument("--rounds", type=int, default=3, help="rounds per tool and size; the median is shown")
    parser.add_argument("--peer-rounds", type=int, default=1, help="rounds for the peer (slow); default 1")
    parser.add_argument("--peer-max-rows", type=generate.parse_rows, default=None, help="skip the peer above")
    parser.add_argument(
        "--memory-series",
        type=int,
        default=MEMORY_SERIES,
        help="also run status and validate once per size on files with this many series, "
        "to see memory against rows alone (0: skip; default %(default)s)",
    )
    parser.add_argument(
        "--commune-series",
        type=int,
        default=COMMUNE_SERIES,
        help="the headline case: status in every format and validate on --commune-rows rows of "
        "this many series (0: skip; default %(default)s)",
    )
    parser.add_argument("--commune-rows", type=generate.parse_rows, default=1_000_000)
    parser.add_argument("--commune-rounds", type=int, default=1, help="rounds for the headline case")
    parser.add_argument("--startup-runs", type=int, default=10)
    parser.add_argument("--out", type=Path, help="rewrite the marked results section of this README")
    parser.add_argument("--dxcheck", help="the dxcheck executable (default: next to this python)")
    parser.add_argument("--frictionless", help="the frictionless executable, or 'none'")
    parser.add_argument(
        "--install-peers", action="store_true", help=f"pip install frictionless in {PEER_VENV}"
    )
    args = parser.parse_args(argv)
    started = time.perf_counter()
    if args.install_peers:
        install_peers()
    dxcheck = find_dxcheck(args.dxcheck)
    frictionless = find_frictionless(args.frictionless)
    global NO_PEER
    if args.frictionless == "none":
        NO_PEER = "not run (--frictionless none)"
    peer_version = f"frictionless {tool_version(frictionless)}" if frictionless else None
    machine = machine_line()
    version = code_version(dxcheck)
    log(f"{machine}\n{version}; peer: {peer_version or 'not installed'}")
    log("start-up ...")
    startup = bench_startup(dxcheck, args.startup_runs)
    commune = None
    if args.commune_series:
        spec = generate.DataSpec(args.commune_rows, args.commune_series)
        commune = bench_commune(spec, dxcheck, args.commune_rounds)
    sizes = parse_sizes(args.sizes)
    results = [
        bench_size(
            generate.DataSpec(rows), dxcheck, frictionless, args.rounds, args.peer_rounds, args.peer_max_rows
        )
        for rows in sizes
    ]
    memory = [
        bench_size(generate.DataSpec(rows, args.memory_series), dxcheck, None, 1, 0, None, peers=False)
        for rows in sizes
        if args.memory_series
    ]
    command = "python bench/run.py " + " ".join(argv if argv is not None else sys.argv[1:])
    info = RunInfo(
        command=command.strip(),
        rounds=args.rounds,
        peer_rounds=args.peer_rounds,
        startup_runs=args.startup_runs,
        machine=machine,
        version=version,
        peer_version=peer_version,
        total_seconds=time.perf_counter() - started,
    )
    body = render(results, memory, startup, info, commune)
    print(body)
    if args.out:
        write_section(args.out, body)
        log(f"wrote the results section of {args.out}")
    measured = results + memory + ([commune] if commune else [])
    failed = [t for r in measured for t in r.tools if t.error and t.key != "frictionless"]
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
