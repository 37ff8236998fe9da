"""The core of ``dxcheck coverage``: load the catalog, read the inputs, list the reports
due and who has sent them. Returns an ``Outcome`` like every command (its exit code is
decided in ``Outcome.exit_code``: a missing report fails the gate)."""

from __future__ import annotations

from dataclasses import replace

from dxcheck.check import Options, Outcome, load, read_progress
from dxcheck.coverage import CoverageReport, expected_reports
from dxcheck.evaluate import in_force
from dxcheck.findings import Finding, FindingSink, Severity
from dxcheck.i18n import Msg, msg
from dxcheck.reporting import entity_names, expected_entities


def run_coverage(options: Options) -> Outcome:
    loaded = load(options)
    if loaded.catalog is None:
        findings = _strict(loaded.findings, options.strict)
        return Outcome(None, findings, catalog_display=loaded.display_path, exit_zero=options.exit_zero)
    catalog = loaded.catalog
    shown = loaded.display_path
    targets, _ = in_force(catalog, options.as_of)
    declaring = [t for t in targets if catalog.reporting_of(t) is not None]
    # What the catalog alone can refute is said before the inputs are read (millions of
    # rows, perhaps): a selection word that names nothing, a catalog that expects nothing.
    usage = options.selection.review(catalog).errors
    if not usage and not declaring:
        usage = (
            msg(
                "no target in force on {as_of} declares 'reporting': nothing to check "
                "(add e.g. 'reporting: {{every: month, due_after: 10}}' to the catalog or a target)",
                as_of=options.as_of.isoformat(),
            ),
        )
    if usage:
        return Outcome(None, (), catalog, catalog_display=shown, usage=usage)
    sink = FindingSink()
    index, files, used_sample = read_progress(catalog, options, sink, sample_fits=loaded.is_bundled)
    findings = _strict(sink.close(), options.strict)
    outcome = Outcome(None, findings, catalog, files, used_sample, index, shown, exit_zero=options.exit_zero)
    if outcome.has_errors:
        return outcome
    # An entity with rows, or one the catalog expects, is no typo: it may simply be
    # expected to report nothing the selection keeps (said next).
    names = entity_names(catalog)
    known = [
        *index.entity_names(),
        *(e for t in declaring for e in expected_entities(catalog, t, names) if e),
    ]
    usage = options.selection.review_names(catalog, known).errors
    if usage:
        return replace(outcome, usage=usage)
    selection = options.selection.with_aliases(catalog)
    found = expected_reports(catalog, declaring, index.arrivals, options.as_of, selection)
    if not found.pairs:
        return replace(outcome, usage=(options.selection.matches_nothing("expected report"),))
    notices: tuple[Msg, ...] = ()
    if not found.reports:
        notices = (
            msg(
                "no report is due yet on {as_of}: the first periods end later",
                as_of=options.as_of.isoformat(),
            ),
        )
    report = CoverageReport(options.as_of, shown, files, found.reports, findings)
    return replace(outcome, coverage=report, notices=notices)


def _strict(findings: list[Finding], strict: bool) -> tuple[Finding, ...]:
    """With ``--strict`` every warning is an error (as check._finish does for status)."""
    return tuple(f.as_error() if strict and f.effective_severity is Severity.WARNING else f for f in findings)
