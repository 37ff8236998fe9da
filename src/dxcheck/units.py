"""Unit names: a few spellings of the same unit compare equal.

A CSV row may state its unit; it must agree with the target's. Anything outside the
alias table compares by its case-folded, space-normalised spelling.
"""

from __future__ import annotations

ALIASES = {
    "%": "percent",
    "pct": "percent",
    "per cent": "percent",
    "percentage": "percent",
    "percent": "percent",
    "phần trăm": "percent",
}


def canonical_unit(unit: str) -> str:
    text = " ".join(unit.strip().casefold().split())
    return ALIASES.get(text, text)
