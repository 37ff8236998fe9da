"""``validate --statistics``: one line per finding code with its count, most frequent first.

A renamed target makes every row that names it a DX210: the statistics say so in one
line (``24  DX210  error  unknown target id``) instead of twenty-four.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from dxcheck.codes import EXPLANATIONS
from dxcheck.findings import Code, Finding, Severity


@dataclass(frozen=True)
class CodeCount:
    code: Code
    severity: Severity  # error when any of them is one
    count: int


def statistics(findings: Iterable[Finding]) -> list[CodeCount]:
    counts: Counter[Code] = Counter()
    errors: set[Code] = set()
    for finding in findings:
        counts[finding.code] += 1
        if finding.effective_severity is Severity.ERROR:
            errors.add(finding.code)
    rows = [
        CodeCount(code, Severity.ERROR if code in errors else Severity.WARNING, count)
        for code, count in counts.items()
    ]
    return sorted(rows, key=lambda row: (-row.count, row.code.id))


def statistics_text(findings: Iterable[Finding]) -> str:
    """Aligned lines: count, code, severity, what the code means; nothing for no findings."""
    rows = statistics(findings)
    if not rows:
        return ""
    width = len(str(rows[0].count))
    return "".join(
        f"{row.count:>{width}}  {row.code.id}  {row.severity.value:<7}  "
        f"{EXPLANATIONS[row.code].meaning.replace('`', '')}\n"
        for row in rows
    )
