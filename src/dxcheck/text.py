"""Making text from inputs safe to show, and numbers pleasant to read."""

from __future__ import annotations


def printable(text: str, *, keep: str = "") -> str:
    """Text with control and format characters (terminal escapes, C1 controls, bidi
    overrides) made visible as ``\\xNN``/``\\uNNNN``, so an input cell cannot drive the
    terminal or reorder what is shown; characters in ``keep`` (e.g. newlines) stay."""
    if text.isprintable():
        return text
    if keep:
        # Multi-line text (a JUnit failure's details) is printable but for the kept
        # characters: checked at C speed, not a character at a time.
        bare = text
        for ch in keep:
            bare = bare.replace(ch, "")
        if bare.isprintable():
            return text
    return "".join(
        ch
        if ch.isprintable() or ch in keep
        else (f"\\x{ord(ch):02x}" if ord(ch) < 256 else f"\\u{ord(ch):04x}")
        for ch in text
    )


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
