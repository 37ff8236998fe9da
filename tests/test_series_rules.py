"""The series rules (``dxcheck.rules``): compiled and as source, evaluation gives the same
results, every field and every float's last digit (compared by ``repr``).

Rule by rule, both builds are held to the rules as first written in tests/test_trend.py
and tests/test_status_rules.py (``tests/reference_rules.py``); here they meet whole runs:
generated commune-shaped data (linear and compound targets, milestones) at three as-of
dates, and the bundled sample. Whether the build is current is checked with the row
loop's (tests/test_rowscan.py, section 4).
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from types import ModuleType

import pytest
from bench.generate import DataSpec, Generated, generate

from dxcheck import native
from dxcheck.catalog import Catalog, load_catalog
from dxcheck.check import Options, run_status
from dxcheck.evaluate import evaluate
from dxcheck.report import Observation, Outlook, Result, Status, Trend
from tests.test_split import read

PURE = native.series_rules(pure=True)
_BEST = native.series_rules(pure=False)
COMPILED: ModuleType | None = _BEST if native.is_compiled(_BEST) else None
NOT_COMPILED = "dxcheck.rules is not compiled in this install: only its source runs"


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> Generated:
    return generate(DataSpec(rows=30_000, seed=11, series=2_400), out_dir=tmp_path_factory.mktemp("bench"))


@pytest.fixture(scope="module")
def bench_catalog(generated: Generated) -> Catalog:
    loaded = load_catalog(generated.catalog)
    assert loaded.catalog is not None, loaded.findings
    return loaded.catalog


def _texts(results: list[Result]) -> list[str]:
    return [repr(r) for r in results]


def test_the_two_builds_are_what_they_claim() -> None:
    assert not native.is_compiled(PURE)
    assert PURE.__file__ is not None and Path(PURE.__file__).name == "rules.py"
    if COMPILED is not None:
        assert PURE is not COMPILED
        assert PURE.__name__ == native.pure_name("rules")
        assert COMPILED.__file__ is not None and Path(COMPILED.__file__).suffix in (".so", ".pyd")


def test_the_words_and_days_are_the_reports() -> None:
    """The rules name outlooks, statuses and days as numbers; they are the report's."""
    assert sorted(PURE.OUTLOOKS) == sorted(o.value for o in Outlook)
    assert sorted(PURE.STATUSES) == sorted(s.value for s in Status)
    assert date.fromordinal(PURE.EPOCH) == date(2000, 1, 1)
    assert date.fromordinal(PURE.LAST_ETA) == date(2100, 12, 31)
    for name in ("OUTLOOKS", "STATUSES", "EPOCH", "LAST_ETA", "ON_TRACK", "FLAT", "DAYS_PER_MONTH"):
        assert getattr(_BEST, name) == getattr(PURE, name)


def test_only_the_compiled_modules_have_two_builds() -> None:
    with pytest.raises(ValueError, match="not compiled"):
        native.compiled("evaluate")
    assert native.pure_name("rowscan") == native.PURE_NAME


@pytest.mark.parametrize("as_of", [date(2024, 6, 30), date(2025, 12, 31), date(2030, 1, 1)])
def test_compiled_and_source_rules_evaluate_alike(
    generated: Generated, bench_catalog: Catalog, as_of: date, monkeypatch: pytest.MonkeyPatch
) -> None:
    if COMPILED is None:
        pytest.skip(NOT_COMPILED)
    index = read(bench_catalog, [generated.csv], split=False).index
    monkeypatch.setenv("DXCHECK_PURE_PYTHON", "1")
    pure, _ = evaluate(bench_catalog, index, as_of)
    monkeypatch.delenv("DXCHECK_PURE_PYTHON")
    compiled, _ = evaluate(bench_catalog, index, as_of)
    assert len(pure) > 2_000
    assert {r.trend.method for r in pure} >= {"linear", "compound", None}
    assert _texts(compiled) == _texts(pure)
    assert all(a.target is b.target for a, b in zip(pure, compiled, strict=True))  # the catalog's own
    for results in (pure, compiled):  # built by tuple.__new__ as the named types, not bare tuples
        assert {type(r) for r in results} == {Result}
        assert {type(r.trend) for r in results} == {Trend}
        assert {type(r.latest) for r in results} == {Observation, type(None)}


def test_the_bundled_sample_alike(monkeypatch: pytest.MonkeyPatch) -> None:
    if COMPILED is None:
        pytest.skip(NOT_COMPILED)
    monkeypatch.setenv("DXCHECK_PURE_PYTHON", "1")
    pure = run_status(Options(as_of=date(2026, 1, 15)))
    monkeypatch.delenv("DXCHECK_PURE_PYTHON")
    compiled = run_status(Options(as_of=date(2026, 1, 15)))
    assert pure.report is not None and compiled.report is not None
    assert len(pure.report.results) > 50
    assert _texts(list(compiled.report.results)) == _texts(list(pure.report.results))


@pytest.mark.slow
def test_the_wheel_carries_both_compiled_modules(tmp_path: Path) -> None:
    """``pip install .`` (the README's first command) builds a wheel: each compiled module
    goes in beside its source, with its own shared library, none at the top of
    site-packages (where a shared one named by a hash would go)."""
    import os
    import shutil
    import subprocess
    import sys
    import zipfile

    from tests.conftest import REPO

    if os.environ.get("DXCHECK_NO_COMPILE"):
        pytest.skip("DXCHECK_NO_COMPILE is set: the wheel is pure Python")
    if not (shutil.which("cc") or shutil.which("gcc")):
        pytest.skip("no C compiler (cc or gcc): the wheel is pure Python")
    built = subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            str(REPO),
            "--no-deps",
            "--no-build-isolation",
            "-q",
            "-w",
            str(tmp_path),
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    assert built.returncode == 0, built.stderr
    [wheel] = tmp_path.glob("dxcheck-*.whl")
    names = zipfile.ZipFile(wheel).namelist()
    libraries = sorted(n for n in names if n.endswith((".so", ".pyd")))
    for module in native.COMPILED:
        assert f"dxcheck/{module}.py" in names
        assert [n for n in libraries if n.startswith(f"dxcheck/{module}.")], libraries
        assert [n for n in libraries if n.startswith(f"dxcheck/{module}__mypyc.")], libraries
    assert all(n.startswith("dxcheck/") for n in libraries), libraries
    assert "-py3-none-any" not in wheel.name  # a platform wheel: it holds compiled code
