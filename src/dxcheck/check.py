"""The core of every command: load the catalog, read the inputs, evaluate. No terminal here.

Each function returns an ``Outcome``; the CLI renders it and turns it into an exit code
in one place (``Outcome.exit_code``).
"""

from __future__ import annotations

import glob
import os
from collections.abc import Callable, Iterator, Sequence
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

import dxcheck
from dxcheck import cells
from dxcheck.catalog import Catalog, CatalogLoad, load_catalog
from dxcheck.evaluate import evaluate
from dxcheck.exit_codes import EXIT_BAD_INPUT, EXIT_GATE_FAILED, EXIT_OK
from dxcheck.findings import Code, Finding, FindingSink, Location, Severity
from dxcheck.i18n import Msg, msg
from dxcheck.output import BUNDLED, CATALOG, INPUT, Protected
from dxcheck.progress import InputFile, ProgressIndex, bundled_sample, spool_stdin
from dxcheck.report import DEFAULT_FAIL_ON, ProblemReport, Report, Result
from dxcheck.selection import Selection

if TYPE_CHECKING:
    from dxcheck.coverage import CoverageReport
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
    decimal: cells.DecimalMark | None = None  # None: each file settles it, or is refused
    strict: bool = False
    use_sample: bool = True  # with no inputs, read the bundled sample
    selection: Selection = field(default_factory=Selection)
    record: frozenset[str] = frozenset()  # targets whose every observation is kept (show)
    checking_only: bool = False  # validate: check every row, evaluate nothing
    exit_zero: bool = False  # --exit-zero: report everything, exit 0 (Outcome.exit_code)
    # The HTML report: read the chart series of the national result and of at most this
    # many entities a target (Report.charts); None: no charts, no second pass.
    charts: int | None = None


@dataclass(frozen=True)
class Outcome:
    report: Report | None
    findings: tuple[Finding, ...]
    catalog: Catalog | None = None
    files: tuple[str, ...] = ()
    used_sample: bool = False
    index: ProgressIndex | None = None
    catalog_display: str | None = None  # the catalog's name in messages (None: not loaded)
    usage: tuple[Msg, ...] = ()  # usage errors: a selection that names nothing (exit 2)
    notices: tuple[Msg, ...] = ()  # worth saying on stderr, changes nothing
    exit_zero: bool = False  # --exit-zero (Options.exit_zero)
    coverage: CoverageReport | None = None  # dxcheck coverage (check_coverage.run_coverage)

    @property
    def has_errors(self) -> bool:
        return any(f.effective_severity is Severity.ERROR for f in self.findings)

    @property
    def invocation_errors(self) -> bool:
        """Errors in how dxcheck was run (DX3xx: a glob that names nothing, an output that
        cannot be written), not in the catalog or the data."""
        return any(f.effective_severity is Severity.ERROR and f.code.invocation for f in self.findings)

    @property
    def problems(self) -> ProblemReport:
        """The findings as ``validate`` reports them: what a run with bad input still
        writes, so that CI has a report to show (the catalog, then the inputs)."""
        files = self.files
        if self.catalog_display is not None and self.catalog_display not in files:
            files = (self.catalog_display, *files)
        return ProblemReport(files, self.findings)

    @property
    def exit_code(self) -> int:
        """0 gate passed, 1 gate failed, 2 bad input: decided here and nowhere else.

        With ``exit_zero`` (``--exit-zero``, as ruff has it) everything is still reported,
        and the exit is 0 for a failed gate and for errors in the catalog or the data; 2
        stays for usage errors and for errors in the invocation itself (DX3xx)."""
        if self.usage or (self.exit_zero and self.invocation_errors):
            return EXIT_BAD_INPUT
        if self.exit_zero:
            return EXIT_OK
        if self.has_errors or (self.report is None and self.catalog is None):
            return EXIT_BAD_INPUT
        if self.report is not None and not self.report.gate_passed:
            return EXIT_GATE_FAILED
        if self.coverage is not None and not self.coverage.gate_passed:
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


def protected_paths(catalog: Path | None, inputs: Sequence[str] = ()) -> tuple[Protected, ...]:
    """Files no output of this run may replace (DX302): the catalog it reads (``--targets``,
    else ./targets.yaml; symlinks are followed when compared), every CSV input (globs
    expanded as the reader expands them) and every file of the bundled data, which the
    repository's top-level targets.yaml links to."""
    out: list[Protected] = []
    found = discover_catalog(catalog)
    if found is not None:
        out.append(Protected(found, CATALOG))
    for arg in inputs:
        if arg != STDIN:  # read from a temporary copy: nothing on disk to protect
            out += [Protected(Path(name), INPUT) for name in _expand(arg) or [arg]]
    try:
        bundled = sorted(p for p in dxcheck.DATA_DIR.iterdir() if p.is_file())
    except OSError:
        bundled = []
    out += [Protected(p, BUNDLED) for p in bundled]
    return tuple(out)


def _expand(arg: str) -> list[str] | None:
    """The files a glob the shell left unexpanded names; None for a plain path."""
    if glob.has_magic(arg) and not Path(arg).exists():
        return sorted(glob.glob(arg, recursive=True))
    return None


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
            expanded = _expand(arg)
            candidates = [arg] if expanded is None else expanded
            if not candidates:  # a glob that matches nothing
                sink.add(
                    Finding(
                        Code.NO_MATCH,
                        Location(arg),
                        {"pattern": arg},
                        msg("check the pattern and folder"),
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
    keep: ExitStack | None = None,
) -> tuple[ProgressIndex, tuple[str, ...], bool]:
    """Read every input (or the bundled sample) into a ProgressIndex. With ``keep``, the
    copy of standard input is deleted when that stack closes, not on return: the caller
    reads the inputs again (``ProgressIndex.chart_points``)."""
    index = ProgressIndex(
        catalog,
        as_of or options.as_of,
        date_order=options.date_order,
        decimal=options.decimal,
        record=options.record,
        checking_only=options.checking_only,
    )
    # The sample fits the bundled catalog only; with another catalog and no CSV there
    # are simply no observations.
    used_sample = not options.inputs and options.use_sample and sample_fits
    with ExitStack() as own:
        files = (own if keep is None else keep).enter_context(resolved_inputs(options.inputs, sink))
        if used_sample:
            files = [bundled_sample()]
        for source in files:
            index.read(source, sink, on_file(source) if on_file else None)
        index.resolve_duplicates(files, sink)
        index.check_spellings(sink)
        index.check_former(sink)
        names = tuple(f.display for f in files)
    return index, names, used_sample


def _finish(findings: list[Finding], strict: bool) -> tuple[Finding, ...]:
    if strict:
        findings = [f.as_error() for f in findings]
    return tuple(findings)


OnFile = Callable[[InputFile], Callable[[int, int], None] | None]


def run_status(options: Options, *, on_file: OnFile | None = None) -> Outcome:
    outcome, everything = _status(options, on_file)
    return replace(_reviewed(outcome, options.selection, everything), exit_zero=options.exit_zero)


def run_diff(options: Options, first: date, second: date) -> tuple[Outcome, Outcome]:
    """``dxcheck diff``: the same inputs evaluated on two dates. The selection is checked
    once, against both: an entity that first reports between the dates is no typo.

    The earlier run ignores the rows dated after ``first`` by design: its DX218 warning is
    no problem of the inputs, so ``--strict`` applies to the later run only."""
    before, earlier = _status(replace(options, as_of=first, strict=False), None)
    after, later = _status(replace(options, as_of=second), None)
    everything = None if earlier is None or later is None else [*earlier, *later]
    return before, _reviewed(after, options.selection, everything)


def _reviewed(
    outcome: Outcome,
    selection: Selection,
    everything: list[Result] | None,
    *,
    gate: bool = True,
    entities: Sequence[str] = (),
) -> Outcome:
    if outcome.catalog is None:
        return outcome
    review = selection.review(outcome.catalog, everything, gate=gate, entities=entities)
    return replace(outcome, usage=review.errors, notices=review.notices)


def _status(options: Options, on_file: OnFile | None) -> tuple[Outcome, list[Result] | None]:
    """The status run, and every result before the selection (None if not evaluated)."""
    with ExitStack() as inputs:  # standard input's copy lives until the charts are read
        return _evaluated(options, on_file, inputs)


def _evaluated(
    options: Options, on_file: OnFile | None, inputs: ExitStack
) -> tuple[Outcome, list[Result] | None]:
    loaded = load(options)
    if loaded.catalog is None:
        return Outcome(
            None, _finish(loaded.findings, options.strict), catalog_display=loaded.display_path
        ), None
    if options.selection.review(loaded.catalog).errors:
        # A word of the selection names nothing in the catalog: say so before reading the
        # inputs, which may be millions of rows (run_status reports the errors).
        return Outcome(None, (), loaded.catalog, catalog_display=loaded.display_path), None
    sink = FindingSink()
    index, files, used_sample = read_progress(
        loaded.catalog, options, sink, sample_fits=loaded.is_bundled, on_file=on_file, keep=inputs
    )
    findings = _finish(sink.close(), options.strict)
    found = Outcome(None, findings, loaded.catalog, files, used_sample, index, loaded.display_path)
    if any(f.effective_severity is Severity.ERROR for f in findings):
        return found, None
    results, superseded = evaluate(loaded.catalog, index, options.as_of)
    selection = options.selection.with_aliases(loaded.catalog)
    report = Report(
        as_of=options.as_of,
        catalog=loaded.display_path,
        inputs=files,
        results=tuple(selection.apply(results)),
        fail_on=options.fail_on,
        superseded=tuple(s for s in superseded if selection.matches_target(s.target)),
        findings=findings,
    )
    if options.charts is not None:
        from dxcheck.chart_series import collect

        report = replace(report, charts=collect(index, report.results, options.charts))
    return replace(found, report=report), results


def run_history(options: Options, target_id: str) -> tuple[Outcome, TargetHistory | None]:
    """``dxcheck show``: one target (in force or not) with every observation."""
    from dxcheck.evaluate import evaluate_target
    from dxcheck.timeline import TargetHistory, versions

    loaded = load(options)
    if loaded.catalog is None:
        return Outcome(
            None, _finish(loaded.findings, options.strict), catalog_display=loaded.display_path
        ), None
    target = loaded.catalog.by_id().get(target_id.strip().lower())
    if target is None:
        return Outcome(None, (), loaded.catalog, catalog_display=loaded.display_path), None
    sink = FindingSink()
    recording = replace(options, record=frozenset({target.id}))
    index, files, used_sample = read_progress(loaded.catalog, recording, sink, sample_fits=loaded.is_bundled)
    findings = _finish(sink.close(), options.strict)
    outcome = Outcome(None, findings, loaded.catalog, files, used_sample, index, loaded.display_path)
    if outcome.has_errors:
        return outcome, None
    everything = list(evaluate_target(target, index, options.as_of))
    known: list[str] = []
    if options.selection.entities:
        # An entity that reports other targets is no typo: it has no result for this one.
        known = [r.entity for r in evaluate(loaded.catalog, index, options.as_of)[0] if r.entity]
    outcome = _reviewed(outcome, options.selection, everything, gate=False, entities=known)
    if outcome.usage:
        return outcome, None
    selection = options.selection.with_aliases(loaded.catalog)
    results = [r for r in everything if selection.matches(r)]
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
        findings = _finish(loaded.findings, options.strict)
        return Outcome(
            None,
            findings,
            files=(loaded.display_path,),
            catalog_display=loaded.display_path,
            exit_zero=options.exit_zero,
        )
    sink = FindingSink()
    checking = replace(options, checking_only=True)
    _, files, used_sample = read_progress(loaded.catalog, checking, sink, sample_fits=loaded.is_bundled)
    return Outcome(
        None,
        _finish(sink.close(), options.strict),
        loaded.catalog,
        (loaded.display_path, *files),
        used_sample,
        catalog_display=loaded.display_path,
        exit_zero=options.exit_zero,
    )
