"""What the code-scanning formats (sarif, gitlab, azure) share: a status report's failing
results and a run's findings as one list of located issues, each with a rule, a message
and a fingerprint.

- A finding's rule is its code (DX210); a result that fails the gate breaks the rule of
  the gate word it fails on: ``status/<status>``, else ``outlook/<outlook>`` (codes.GATE_RULES).
- A result points at the CSV line of its latest observation; one with no observation at
  the catalog file (its path as the report names it).
- Fingerprints are stable across runs and unique within one: a hash of what the issue
  is (the code, the file, the key path and the message; for a result the target and the
  entity), not of its line, so that adding a row above a problem does not make it a new
  problem, plus how many equal issues came before it in the same run.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from dxcheck.findings import Finding, Severity
from dxcheck.formats.github import result_message
from dxcheck.formats.lexicon import Words
from dxcheck.i18n import Lang
from dxcheck.report import Report, Result


@dataclass(frozen=True)
class Issue:
    rule: str
    error: bool  # else a warning
    message: str
    file: str | None
    line: int | None = None
    column: int | None = None
    key_path: str | None = None
    fingerprint: str = ""


def gate_rule(report: Report, result: Result) -> str:
    """The rule a failing result breaks: its status if the gate fails on it, else its outlook."""
    if result.status in report.fail_on:
        return f"status/{result.status.value}"
    return f"outlook/{result.trend.outlook.value}"


def finding_message(finding: Finding, lang: Lang | str = Lang.EN) -> str:
    # The located message: a region's column counts characters, not spreadsheet columns.
    hint = finding.hint_in(lang)
    return finding.located_message_in(lang) + (f" ({hint})" if hint else "")


def _fingerprint(key: tuple[str, ...], occurrence: int) -> str:
    text = "\x1f".join((*key, str(occurrence)))
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()[:32]


def _numbered(pairs: Iterable[tuple[tuple[str, ...], Issue]]) -> list[Issue]:
    seen: Counter[tuple[str, ...]] = Counter()
    out: list[Issue] = []
    for key, issue in pairs:
        out.append(
            Issue(
                issue.rule,
                issue.error,
                issue.message,
                issue.file,
                issue.line,
                issue.column,
                issue.key_path,
                _fingerprint(key, seen[key]),
            )
        )
        seen[key] += 1
    return out


def _finding_pair(finding: Finding, lang: Lang | str = Lang.EN) -> tuple[tuple[str, ...], Issue]:
    loc = finding.location
    issue = Issue(
        finding.code.id,
        finding.effective_severity is Severity.ERROR,
        finding_message(finding, lang),
        loc.file,
        loc.line,
        loc.column,
        loc.key_path,
    )
    return ("finding", finding.code.id, loc.file, loc.key_path or "", finding.message), issue


def finding_issues(findings: Iterable[Finding], lang: Lang | str = Lang.EN) -> list[Issue]:
    """Findings as issues, their messages in ``lang`` (the fingerprint is of the English
    message, so it does not change with the language)."""
    return _numbered(_finding_pair(f, lang) for f in findings)


def report_issues(report: Report, lang: Lang | str = Lang.EN) -> list[Issue]:
    """An error per result that fails the gate, then the report's warnings."""
    pairs: list[tuple[tuple[str, ...], Issue]] = []
    words = Words(str(lang))
    for result in report.failing:
        latest = result.latest
        issue = Issue(
            gate_rule(report, result),
            True,
            f"{result.target.id} [{result.entity or 'national'}]: {result_message(result, words=words)}",
            latest.file if latest else report.catalog,
            latest.line if latest else None,
        )
        pairs.append((("result", result.target.id, result.entity or ""), issue))
    pairs += [_finding_pair(f, lang) for f in report.findings]
    return _numbered(pairs)
