"""Deadlines that name a dated event of the catalog (README, "The catalog", deadline phrases)."""

from __future__ import annotations

from datetime import date

import pytest

from dxcheck.catalog import parse_catalog
from dxcheck.events import Event, hint, key, lookup

SESSION = Event(name="9th session of the 15th National Assembly", date=date(2025, 6, 27))


@pytest.mark.parametrize(
    "phrase",
    [
        "at the 9th session of the 15th National Assembly",
        "At The 9th  Session of the 15th national assembly",
        "by the 9th session of the 15th National Assembly",
        "in the 9th session, of the 15th National Assembly",
        "9th session of the 15th National Assembly",
        "the 9th session of the 15th National Assembly",
    ],
)
def test_a_phrase_names_an_event_whatever_its_case_and_spacing(phrase: str) -> None:
    assert lookup(phrase, [SESSION]) is SESSION


def test_an_event_name_with_the_matches_phrases_without_it() -> None:
    event = Event(name="The Digital Economy Forum 2026", date=date(2026, 12, 20))
    assert key(event.name) == key("at the digital economy forum 2026") == "digital economy forum 2026"
    assert lookup("by Digital Economy Forum 2026", [event]) is event


def test_other_phrases_name_no_event() -> None:
    assert lookup("at the 10th session of the 15th National Assembly", [SESSION]) is None
    assert lookup("end of 2025", [SESSION]) is None
    assert hint("soonish", [SESSION]) is None
    assert str(hint("at the 9th sesion of the 15th National Assembly", [SESSION])) == (
        "did you mean 'at the 9th session of the 15th National Assembly'?"
    )


def _catalog(deadline: str, events: str) -> bytes:
    return (
        f"version: 1\ntargets:\n  - id: a\n    title: A\n    type: milestone\n    deadline: {deadline}\n"
        f"events:\n{events}"
    ).encode()


def test_a_deadline_at_an_event_falls_due_on_its_date() -> None:
    loaded = parse_catalog(
        _catalog("at the 9th session", "  - {name: 9th session, date: 2025-06-27}\n"), "c.yaml"
    )
    assert loaded.catalog is not None
    assert loaded.catalog.targets[0].due == date(2025, 6, 27)


def test_the_grammar_comes_first() -> None:
    # an event named like a period is never reached: "2025" is the end of 2025
    loaded = parse_catalog(_catalog("2025", "  - {name: '2025', date: 2025-03-01}\n"), "c.yaml")
    assert loaded.catalog is not None
    assert loaded.catalog.targets[0].due == date(2025, 12, 31)


def test_an_event_without_a_date_gives_no_due_date() -> None:
    loaded = parse_catalog(_catalog("at the next session", "  - name: next session\n"), "c.yaml")
    assert loaded.catalog is not None and loaded.findings == []
    assert loaded.catalog.targets[0].due is None


def test_an_event_source_url_must_be_an_address() -> None:
    loaded = parse_catalog(
        _catalog(
            "at the 9th session", "  - {name: 9th session, date: 2025-06-27, source: {url: somewhere}}\n"
        ),
        "c.yaml",
    )
    assert [f.code.id for f in loaded.findings] == ["DX105"]
    assert loaded.findings[0].location.key_path == "events[0].source.url"
