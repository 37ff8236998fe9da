from __future__ import annotations

from datetime import date

import pytest

from dxcheck.deadlines import EXAMPLES, DeadlinePhraseError, resolve

SPEECH = date(2024, 7, 19)


@pytest.mark.parametrize(
    ("phrase", "due"),
    [
        ("2025-09-30", date(2025, 9, 30)),
        ("2025", date(2025, 12, 31)),
        ("2025-06", date(2025, 6, 30)),
        ("2024-02", date(2024, 2, 29)),  # leap year
        ("2025-02", date(2025, 2, 28)),
        ("June 2025", date(2025, 6, 30)),
        ("jun 2025", date(2025, 6, 30)),
        ("September 2025", date(2025, 9, 30)),
        ("Sept. 2025", date(2025, 9, 30)),
        ("Q1 2026", date(2026, 3, 31)),
        ("q4 2025", date(2025, 12, 31)),
        ("H1 2025", date(2025, 6, 30)),
        ("H2 2025", date(2025, 12, 31)),
        ("first 6 months of 2025", date(2025, 6, 30)),
        ("first 2 months of 2024", date(2024, 2, 29)),
        ("end of 2025", date(2025, 12, 31)),
        ("the end of 2025", date(2025, 12, 31)),
        ("by the end of 2025", date(2025, 12, 31)),
        ("End of Q1 2026", date(2026, 3, 31)),
        ("end of June 2025", date(2025, 6, 30)),
        ("by 2030", date(2030, 12, 31)),
        ("in September 2025", date(2025, 9, 30)),
        ("before 2025-02-15", date(2025, 2, 14)),
        ("before 2025-03-01", date(2025, 2, 28)),
        ("before 2026", date(2025, 12, 31)),
        ("before Q3 2025", date(2025, 6, 30)),
        ("end of this year", date(2024, 12, 31)),
        ("this year", date(2024, 12, 31)),
        ("next year", date(2025, 12, 31)),
        ("by the end of next year", date(2025, 12, 31)),
        ("  End   of  2025 ", date(2025, 12, 31)),
    ],
)
def test_phrase_resolves_to_last_day_of_period(phrase: str, due: date) -> None:
    assert resolve(phrase, SPEECH) == due


@pytest.mark.parametrize("phrase", ["none", "None", "no deadline", "ongoing"])
def test_no_deadline(phrase: str) -> None:
    assert resolve(phrase, SPEECH) is None


@pytest.mark.parametrize(
    "phrase",
    [
        "soon",
        "2025-13",
        "Q5 2025",
        "H3 2025",
        "first 13 months of 2025",
        "first 0 months of 2025",
        "Juneteenth 2025",
        "2025-02-30",
        "before someday",
        "end of",
        "mid-2025",
        "25/12/2025",
        "",
    ],
)
def test_unknown_phrase_is_an_error(phrase: str) -> None:
    with pytest.raises(DeadlinePhraseError):
        resolve(phrase, SPEECH)


def test_relative_phrase_needs_a_speech_date() -> None:
    with pytest.raises(DeadlinePhraseError, match="relative"):
        resolve("end of this year", None)


def test_every_documented_example_resolves() -> None:
    for phrase in EXAMPLES:
        resolve(phrase, SPEECH)
