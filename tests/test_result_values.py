"""Results, trends and observations are immutable values: tuples with names (a
``NamedTuple`` is built by one C call, ``tuple.__new__``, which is how the compiled rules
and the row loop make 132,000 of each at commune scale)."""

from __future__ import annotations

import pickle
from datetime import date

import pytest

from dxcheck.report import Observation, Outlook, Result, Status, Trend

SEEN = Observation(date(2025, 6, 30), 81.5, "tinh.csv", 12)
TREND = Trend(Outlook.MET, eta=None)


def _result(entity: str = "Hà Nội") -> Result:
    return Result(None, entity, Status.PASS, False, SEEN, date(2025, 6, 30), 3, 1.0, 10, TREND)  # type: ignore[arg-type]


def test_fields_and_defaults() -> None:
    assert SEEN.source is None and TREND.method is None and TREND.projected is None
    result = _result()
    assert result.latest is SEEN and result.trend is TREND and result.entity == "Hà Nội"
    assert result.gate_words == ("pass", "met")
    assert Result._fields == (
        "target", "entity", "status", "late", "latest", "first_met",
        "observations", "progress", "days_left", "trend",
    )  # fmt: skip


def test_frozen_equal_hashable_picklable() -> None:
    result = _result()
    with pytest.raises(AttributeError):
        result.entity = "Huế"  # type: ignore[misc]
    assert _result() == result and hash(_result()) == hash(result)
    assert _result("Huế") != result
    assert result._replace(entity="Huế").entity == "Huế"
    for value in (SEEN, TREND, result):
        assert pickle.loads(pickle.dumps(value)) == value
    assert repr(Trend(Outlook.MISSED)) == (
        "Trend(outlook=<Outlook.MISSED: 'missed'>, method=None, projected=None, ratio=None, "
        "required_rate=None, current_rate=None, eta=None)"
    )


def test_wrong_arity_is_refused() -> None:
    with pytest.raises(TypeError):
        Trend()  # type: ignore[call-arg]
    with pytest.raises(TypeError):
        Observation(date(2025, 1, 1), 1.0, "f", 1, None, "one too many")  # type: ignore[call-arg]
