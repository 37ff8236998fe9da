"""The core of every command: load the catalog, read the inputs, evaluate. No terminal here.

Each function returns an ``Outcome``; the CLI renders it and turns it into an exit code
in one place (``Outcome.exit_code``).
"""

from __future__ import annotations

import glob
import os
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from dxcheck import cells
from dxcheck.catalog import Catalog, CatalogLoad, load_catalog
from dxcheck.evaluate import evaluate
from dxcheck.exit_codes import EXIT_BAD_INPUT, EXIT_GATE_FAILED, EXIT_OK
from dxcheck.findings import Code, Finding, FindingSink, Location, Severity
from dxcheck.progress import InputFile, ProgressIndex, bundled_sample, spool_stdin
from dxcheck.report import DEFAULT_FAIL_ON, Report
from dxcheck.selection import Selection

if TYPE_CHECKING:
    from dxcheck.timeline import TargetHistory

STDIN = "-"
STDIN_DISPLAY = "<stdin>"


@dataclass(frozen=True)
class Options:
    """What every command that reads progress data needs."""

    catalog: Path | None = None
    inputs: tuple[str, ...] = ()
    as_of: date = field(default_factory=date.today)
    fail_on: frozenset[str] = DEFAULT_FAIL_ON
    date_order: cells.DateOrder | None = None
    strict: bool = False
    use_sample: bool = True  # with no inputs, read the bundled sample
    selection: Selection = field(default_factory=Selection)
    record: frozenset[str] = frozenset()  # targets whose every observation is kept (show)
    checking_only: bool = False  # validate: check every row, evaluate nothing


@dataclass(frozen=True)
class Outcome:
    report: Report | None
    findings: tuple[Finding, ...]
    catalog: Catalog | None = None
    files: tuple[str, ...] = ()
    used_sample: bool = False
    index: ProgressIndex | None = None

    @property
    def has_errors(self) -> bool:
        return any(f.effective_severity is Severity.ERROR for f in self.findings)

    @property
    def exit_code(self) -> int:
        """0 gate passed, 1 gate failed, 2 bad input: decided here and nowhere else."""
        if self.has_errors or (self.report is None and self.catalog is None):
            return EXIT_BAD_INPUT
        if self.report is not None and not self.report.gate_passed:
            return EXIT_GATE_FAILED
        return EXIT_OK


def discover_catalog(explicit: Path | None, cwd: Path | None = None) -> Path | None:
    """``--targets``, else ./targets.yaml if present, else None (the bundled catalog)."""
    if explicit is not None:
        return explicit
    local = Path("targets.yaml") if cwd is None else cwd / "targets.yaml"
    return local if local.is_file() else None


def load(options: Options) -> CatalogLoad:
    return load_catalog(discover_catalog(options.catalog))


@contextmanager
def resolved_inputs(raw: Sequence[str], sink: FindingSink) -> Iterator[list[InputFile]]:
    """Files to read, in order, each once; globs the shell did not expand are expanded;
    standard input is copied to a temporary file so it can be read twice."""
    out: list[InputFile] = []
    seen: dict[str, str] = {}
    temporary: list[Path] = []
    try:
        for arg in raw:
            if arg == STDIN:
                if STDIN_DISPLAY in seen:
                    sink.add(Finding(Code.SAME_INPUT_TWICE, Location(STDIN_DISPLAY)))
                    continue
                path = spool_stdin()
                temporary.append(path)
                seen[STDIN_DISPLAY] = STDIN_DISPLAY
                out.append(InputFile(STDIN_DISPLAY, path))
                continue
            candidates = [arg]
            if glob.has_magic(arg) and not Path(arg).exists():
                candidates = sorted(glob.glob(arg, recursive=True))
                if not candidates:
                    sink.add(
                        Finding(
                            Code.NO_MATCH,
                            Location(arg),
                            {"pattern": arg},
                            "check the pattern and folder",
                        )
                    )
                    continue
            for name in candidates:
                key = os.path.realpath(name)
                if key in seen:
                    sink.add(Finding(Code.SAME_INPUT_TWICE, Location(name)))
                    continue
                seen[key] = name
                out.append(InputFile(name, Path(name)))
        yield out
    finally:
        for path in temporary:
            path.unlink(missing_ok=True)


def read_progress(
    catalog: Catalog,
    options: Options,
    sink: FindingSink,
    *,
    sample_fits: bool = True,
    as_of: date | None = None,
    on_file: Callable[[InputFile], Callable[[int, int], None] | None] | None = None,
) -> tuple[ProgressIndex, tuple[str, ...], bool]:
    """Read every input (or the bundled sample) into a ProgressIndex."""
    index = ProgressIndex(
        catalog,
        as_of or options.as_of,
        date_order=options.date_order,
        record=options.record,
        checking_only=options.checking_only,
    )
    # The sample fits the bundled catalog only; with another catalog and no CSV there
    # are simply no observations.
    used_sample = not options.inputs and options.use_sample and sample_fits
    with resolved_inputs(options.inputs, sink) as files:
        if used_sample:
            files = [bundled_sample()]
        for source in files:
            index.read(source, sink, on_file(source) if on_file else None)
        index.resolve_duplicates(files, sink)
        names = tuple(f.display for f in files)
    return index, names, used_sample


def _finish(findings: list[Finding], strict: bool) -> tuple[Finding, ...]:
    if strict:
        findings = [f.as_error() for f in findings]
    return tuple(findings)


def run_status(
    options: Options,
    *,
    on_file: Callable[[InputFile], Callable[[int, int], None] | None] | None = None,
) -> Outcome:
    loaded = load(options)
    if loaded.catalog is None:
        return Outcome(None, _finish(loaded.findings, options.strict))
    sink = FindingSink()
    index, files, used_sample = read_progress(
        loaded.catalog, options, sink, sample_fits=loaded.is_bundled, on_file=on_file
    )
    findings = _finish(sink.close(), options.strict)
    if any(f.effective_severity is Severity.ERROR for f in findings):
        return Outcome(None, findings, loaded.catalog, files, used_sample, index)
    results, superseded = evaluate(loaded.catalog, index, options.as_of)
    selected = options.selection.apply(results)
    report = Report(
        as_of=options.as_of,
        catalog=loaded.display_path,
        inputs=files,
        results=tuple(selected),
        fail_on=options.fail_on,
        superseded=tuple(s for s in superseded if options.selection.matches_target(s.target)),
        findings=findings,
    )
    return Outcome(report, findings, loaded.catalog, files, used_sample, index)


def run_history(options: Options, target_id: str) -> tuple[Outcome, TargetHistory | None]:
    """``dxcheck show``: one target (in force or not) with every observation."""
    from dxcheck.evaluate import evaluate_target
    from dxcheck.timeline import TargetHistory, versions

    loaded = load(options)
    if loaded.catalog is None:
        return Outcome(None, _finish(loaded.findings, options.strict)), None
    target = loaded.catalog.by_id().get(target_id.strip().lower())
    if target is None:
        return Outcome(None, (), loaded.catalog), None
    sink = FindingSink()
    recording = replace(options, record=frozenset({target.id}))
    index, files, used_sample = read_progress(loaded.catalog, recording, sink, sample_fits=loaded.is_bundled)
    findings = _finish(sink.close(), options.strict)
    outcome = Outcome(None, findings, loaded.catalog, files, used_sample, index)
    if outcome.has_errors:
        return outcome, None
    results = [r for r in evaluate_target(target, index, options.as_of) if options.selection.matches(r)]
    history = TargetHistory(
        target=target,
        versions=versions(loaded.catalog, target),
        results=tuple(results),
        observations={
            k: v for k, v in index.recorded(target.id).items() if any(r.entity == k for r in results)
        },
    )
    return outcome, history


def run_validate(options: Options) -> Outcome:
    """The submission gate: the catalog and every input, checked; nothing evaluated."""
    loaded = load(options)
    if loaded.catalog is None:
        return Outcome(None, _finish(loaded.findings, options.strict), files=(loaded.display_path,))
    sink = FindingSink()
    checking = replace(options, checking_only=True)
    _, files, used_sample = read_progress(loaded.catalog, checking, sink, sample_fits=loaded.is_bundled)
    return Outcome(
        None,
        _finish(sink.close(), options.strict),
        loaded.catalog,
        (loaded.display_path, *files),
        used_sample,
    )
