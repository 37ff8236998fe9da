"""``quick_init``: the results' faster constructor changes nothing but its speed."""

from __future__ import annotations

import dataclasses
import inspect
import pickle
from datetime import date

import pytest

from dxcheck.report import Observation, Outlook, Result, Status, Trend
from dxcheck.slotted import quick_init


def _parameters(function: object) -> list[tuple[str, object]]:
    return [(p.name, p.default) for p in inspect.signature(function).parameters.values()]  # type: ignore[arg-type]


@pytest.mark.parametrize("cls", [Observation, Trend, Result])
def test_the_constructor_takes_the_dataclass_parameters(cls: type) -> None:
    """The same names, order and defaults as the ``__init__`` the dataclass writes."""
    expected = [("self", inspect.Parameter.empty)] + [
        (f.name, inspect.Parameter.empty if f.default is dataclasses.MISSING else f.default)
        for f in dataclasses.fields(cls)
    ]
    assert _parameters(vars(cls)["__init__"]) == expected


def test_results_are_still_frozen_equal_hashable_and_picklable() -> None:
    seen = Observation(date(2025, 6, 30), 81.5, "tinh.csv", 12)
    trend = Trend(Outlook.MET, eta=None)
    result = Result(None, "Hà Nội", Status.PASS, False, seen, date(2025, 6, 30), 3, 1.0, 10, trend)  # type: ignore[arg-type]
    assert seen.source is None and trend.method is None  # defaults
    assert result.latest is seen and result.trend is trend and result.entity == "Hà Nội"
    with pytest.raises(dataclasses.FrozenInstanceError):
        result.entity = "Huế"  # type: ignore[misc]
    same = Result(None, "Hà Nội", Status.PASS, False, seen, date(2025, 6, 30), 3, 1.0, 10, trend)  # type: ignore[arg-type]
    assert same == result and hash(same) == hash(result)
    assert dataclasses.replace(result, entity="Huế").entity == "Huế"
    assert pickle.loads(pickle.dumps(trend)) == trend
    assert repr(Trend(Outlook.MISSED)) == (
        "Trend(outlook=<Outlook.MISSED: 'missed'>, method=None, projected=None, ratio=None, "
        "required_rate=None, current_rate=None, eta=None)"
    )
    with pytest.raises(TypeError):
        Trend()  # type: ignore[call-arg]
    with pytest.raises(TypeError):
        Observation(date(2025, 1, 1), 1.0, "f", 1, None, "one too many")  # type: ignore[call-arg]


def test_only_plain_frozen_slotted_dataclasses_are_taken() -> None:
    @dataclasses.dataclass(frozen=True)
    class NoSlots:
        a: int

    @dataclasses.dataclass(frozen=True, slots=True)
    class Factory:
        a: list[int] = dataclasses.field(default_factory=list)

    for cls in (NoSlots, Factory, int):
        with pytest.raises(TypeError):
            quick_init(cls)
