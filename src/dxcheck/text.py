"""Making text from inputs safe to show, and numbers pleasant to read."""

from __future__ import annotations

import unicodedata


def printable(text: str) -> str:
    """Text with control and format characters (terminal escapes, bidi overrides) made
    visible as ``\\xNN``, so a CSV cell cannot drive the terminal."""
    if text.isprintable():
        return text
    out = []
    for ch in text:
        if ch.isprintable() or ch == " ":
            out.append(ch)
        elif unicodedata.category(ch) in {"Cc", "Cf", "Zl", "Zp", "Co", "Cs", "Cn"} or not ch.isprintable():
            out.append(f"\\x{ord(ch):02x}" if ord(ch) < 256 else f"\\u{ord(ch):04x}")
    return "".join(out)


def number(value: float | None) -> str:
    """A value as a person writes it: 80, 87.5, 1,234,567, 0.25."""
    if value is None:
        return "-"
    if value == int(value) and abs(value) < 1e15:
        return f"{int(value):,}"
    if abs(value) >= 1000:
        return f"{value:,.1f}"
    return f"{value:.4g}" if abs(value) < 1 else f"{value:,.2f}".rstrip("0").rstrip(".")


def with_unit(value: float | None, unit: str | None) -> str:
    shown = number(value)
    if value is None or not unit:
        return shown
    if unit == "percent":
        return f"{shown}%"
    return f"{shown} {unit}"


FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def csv_safe(text: str) -> str:
    """A text cell a spreadsheet will not run as a formula (OWASP "CSV injection"):
    a leading =, +, -, @, tab or carriage return gets a single quote in front."""
    return "'" + text if text.startswith(FORMULA_STARTS) else text
