"""Evaluation in two processes (dxcheck.evaluate_halves) gives exactly the results of one.

At 20,000 series and more the targets are cut in two and a forked process evaluates the
second part; here the threshold is lowered so that generated data and the bundled sample
go through it. Results compare by ``repr``: every field, every float's last digit.
"""

from __future__ import annotations

import os
from datetime import date

import pytest
from bench.generate import DataSpec, Generated, generate
from hypothesis import given, settings
from hypothesis import strategies as st

from dxcheck import evaluate_halves
from dxcheck.catalog import Catalog, load_catalog
from dxcheck.check import Options, run_status
from dxcheck.evaluate import evaluate
from dxcheck.evaluate_halves import cut_targets, decode, encode
from dxcheck.report import Observation, Outlook, Result, Status, Trend
from tests.conftest import counted_forks
from tests.test_split import read

AS_OF = date(2030, 1, 1)


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> Generated:
    return generate(DataSpec(rows=30_000, seed=11, series=2_400), out_dir=tmp_path_factory.mktemp("bench"))


@pytest.fixture(scope="module")
def bench_catalog(generated: Generated) -> Catalog:
    loaded = load_catalog(generated.catalog)
    assert loaded.catalog is not None, loaded.findings
    return loaded.catalog


@pytest.fixture
def forks(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Two processes from the first series on, their results sent back in batches of 97
    (several batches, the last one short); the list counts the forks."""
    monkeypatch.setattr(evaluate_halves, "MIN_SERIES", 1)
    monkeypatch.setattr(evaluate_halves, "_BATCH", 97)
    return counted_forks(monkeypatch)


def _texts(results: list[Result]) -> list[str]:
    return [repr(r) for r in results]


@pytest.mark.parametrize("as_of", [date(2024, 6, 30), date(2025, 12, 31), AS_OF])
def test_two_processes_evaluate_what_one_does(
    generated: Generated,
    bench_catalog: Catalog,
    forks: list[int],
    as_of: date,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    index = read(bench_catalog, [generated.csv], split=False).index
    monkeypatch.setattr(evaluate_halves, "MIN_SERIES", 10**9)
    one, _ = evaluate(bench_catalog, index, as_of)
    assert not forks
    monkeypatch.setattr(evaluate_halves, "MIN_SERIES", 1)
    two, _ = evaluate(bench_catalog, index, as_of)
    assert forks == [1]
    assert len(one) > 2_000
    assert _texts(two) == _texts(one)
    assert all(a.target is b.target for a, b in zip(one, two, strict=True))  # the catalog's own


def test_the_bundled_sample_in_two_processes(forks: list[int], monkeypatch: pytest.MonkeyPatch) -> None:
    one = run_status(Options(as_of=date(2026, 1, 15)))
    assert forks
    assert one.report is not None
    assert len(one.report.results) > 50
    monkeypatch.setattr(evaluate_halves, "MIN_SERIES", 10**9)
    again = run_status(Options(as_of=date(2026, 1, 15)))
    assert again.report is not None
    assert _texts(list(one.report.results)) == _texts(list(again.report.results))


def test_a_part_that_fails_is_evaluated_here(
    generated: Generated, bench_catalog: Catalog, forks: list[int], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Whatever stops the other process (here an error in it), every result is made."""
    index = read(bench_catalog, [generated.csv], split=False).index
    parent = os.getpid()
    real = evaluate_halves.encode

    def fails_there(results: list[Result], targets: object) -> object:
        if os.getpid() != parent:
            raise MemoryError
        return real(results, targets)  # type: ignore[arg-type]

    two, _ = evaluate(bench_catalog, index, AS_OF)
    monkeypatch.setattr(evaluate_halves, "encode", fails_there)
    again, _ = evaluate(bench_catalog, index, AS_OF)
    assert forks == [1, 1]
    assert _texts(again) == _texts(two)


def test_the_cut_follows_the_series() -> None:
    assert cut_targets([10, 10, 10, 10], 0.5) == 2
    assert cut_targets([1, 1, 100, 1], 0.5) == 3
    assert cut_targets([100, 1, 1], 0.57) == 1
    assert cut_targets([0, 0], 0.5) == 1
    assert cut_targets([], 0.5) == 0


def test_small_runs_stay_in_one_process(generated: Generated, bench_catalog: Catalog) -> None:
    assert evaluate_halves.MIN_SERIES == 20_000
    index = read(bench_catalog, [generated.csv], split=False).index
    before = os.getpid()
    evaluate(bench_catalog, index, AS_OF)
    assert os.getpid() == before


_FLOATS = st.none() | st.floats(allow_nan=True, allow_infinity=True) | st.sampled_from([-0.0, 0.0, 1e-310])
_DAYS = st.none() | st.dates(date(1, 1, 1), date(9999, 12, 31))


@settings(max_examples=300, deadline=None)
@given(
    entity=st.none() | st.text(max_size=8),
    status=st.sampled_from(list(Status)),
    late=st.booleans(),
    latest=st.none()
    | st.tuples(
        st.dates(),
        st.floats(allow_nan=False),
        st.text(max_size=5),
        st.integers(1, 2**70),
        st.none() | st.text(max_size=5),
    ),
    first_met=_DAYS,
    observations=st.integers(0, 2**70),
    progress=_FLOATS,
    days_left=st.none() | st.integers(-(2**40), 2**40),
    outlook=st.sampled_from(list(Outlook)),
    method=st.sampled_from([None, "linear", "compound", "open-sdg"]),
    numbers=st.tuples(_FLOATS, _FLOATS, _FLOATS, _FLOATS),
    eta=_DAYS,
)
def test_a_result_crosses_the_pipe_unchanged(
    entity: str | None,
    status: Status,
    late: bool,
    latest: tuple[date, float, str, int, str | None] | None,
    first_met: date | None,
    observations: int,
    progress: float | None,
    days_left: int | None,
    outlook: Outlook,
    method: str | None,
    numbers: tuple[float | None, float | None, float | None, float | None],
    eta: date | None,
) -> None:
    import pickle

    from dxcheck.catalog import Target

    targets = [Target.model_validate({"id": f"t{i}", "title": "T", "target": 1}) for i in range(3)]
    seen = None if latest is None else Observation(*latest)
    result = Result(
        targets[2], entity, status, late, seen, first_met, observations, progress, days_left,
        Trend(outlook, method, *numbers, eta),
    )  # fmt: skip
    sent = pickle.loads(pickle.dumps(encode([result], targets), protocol=pickle.HIGHEST_PROTOCOL))
    [back] = decode(sent, targets)
    assert repr(back) == repr(result)
    assert back.target is targets[2]
    assert [type(getattr(back, f)) for f in Result.__slots__] == [
        type(getattr(result, f)) for f in Result.__slots__
    ]
