"""Which build of a compiled module runs (the row loop, ``rowscan``, with the series state
it fills, ``series``, and the series as values, ``series_values``; and the series rules,
``rules``): the mypyc-compiled one when it was built from the source beside it, else the
source itself. And whether the row loop's C reader runs (``fast_rows``).

The row loop uses the series state's compiled classes directly, so they go together:
when any is older than its source, all run as their sources, the loop's with the series
state's source (never a stale build beside a fresh one, nor a pure module beside a
compiled one).

``DXCHECK_PURE_PYTHON=1`` forces the sources (to compare the two, or to rule the compiled
ones out when chasing a bug).
"""

from __future__ import annotations

import functools
import importlib
import os
import sys
import zlib
from pathlib import Path
from types import ModuleType
from typing import Any

COMPILED = ("series", "series_values", "rowtext", "rowscan", "rules")  # what hatch_build.py compiles
# The compiled modules a compiled module imports, which must be of the same build (each
# after those it imports).
_WITH: dict[str, tuple[str, ...]] = {
    "series_values": ("series",),
    "rowscan": ("series", "series_values", "rowtext"),
}


def pure_name(module: str) -> str:
    """The name a module's source is loaded under when it runs as such."""
    return f"dxcheck._{module}_source"


PURE_NAME = pure_name("rowscan")  # the row loop's source, when it runs as such


def source_checksum(source: bytes) -> str:
    """Kept in step with hatch_build.source_checksum (a test checks both)."""
    return f"{zlib.crc32(source):08x}-{len(source)}"


def row_loop(*, pure: bool | None = None) -> ModuleType:
    """The row-loop module to use; ``pure`` None means: decide from the environment."""
    return compiled("rowscan", pure=pure)


def series_rules(*, pure: bool | None = None) -> ModuleType:
    """The series-rules module to use (``dxcheck.rules``), as ``row_loop``."""
    return compiled("rules", pure=pure)


def compiled(module: str, *, pure: bool | None = None) -> ModuleType:
    """``dxcheck.<module>`` as built, or its source when the build is older than the
    source or ``pure`` (None: ``DXCHECK_PURE_PYTHON``) asks for it."""
    if module not in COMPILED:
        raise ValueError(f"dxcheck.{module} is not compiled")
    built = importlib.import_module(f"dxcheck.{module}")
    if pure is None:
        pure = bool(os.environ.get("DXCHECK_PURE_PYTHON"))
    if not is_compiled(built):
        return built  # the source: nothing was compiled
    together = (*_WITH.get(module, ()), module)
    if not pure and all(_current(name) for name in together):
        return built
    return _load_sources(together)


def _current(module: str) -> bool:
    """Whether ``dxcheck.<module>`` as built was built from the source beside it (or there
    is none: an install without sources has only the compiled module)."""
    stamp: str = importlib.import_module(f"dxcheck.{module}").COMPILED_FROM
    try:
        return source_checksum(_source(module).read_bytes()) == stamp
    except OSError:
        return True


def _source(module: str) -> Path:
    return Path(__file__).with_name(f"{module}.py")


def _load_sources(modules: tuple[str, ...]) -> ModuleType:
    """The sources of ``modules`` (each after those it imports), the last one's returned:
    while one is loaded, those before it stand in for their compiled builds."""
    loaded: list[tuple[str, ModuleType]] = []
    replaced: dict[str, ModuleType | None] = {}
    try:
        for module in modules:
            for name, source in loaded:
                replaced.setdefault(name, sys.modules.get(name))
                sys.modules[name] = source
            loaded.append((f"dxcheck.{module}", _load_source(_source(module), pure_name(module))))
    finally:
        for name, before in replaced.items():
            if before is None:
                sys.modules.pop(name, None)
            else:
                sys.modules[name] = before
    return loaded[-1][1]


def fast_rows(loop: ModuleType) -> Any:
    """The row loop's fast path in C (``dxcheck._fastrows.FastRows``) for ``loop``, or
    None: it records rows through the compiled ``Series.take``, so it runs only beside the
    compiled loop, when it was built from the source beside it, and not under
    ``DXCHECK_PURE_PYTHON`` or ``DXCHECK_NO_FAST_ROWS`` (to compare, or to rule it out)."""
    if (
        not is_compiled(loop)
        or os.environ.get("DXCHECK_PURE_PYTHON")
        or os.environ.get("DXCHECK_NO_FAST_ROWS")
    ):
        return None
    try:
        from dxcheck import _fastrows  # type: ignore[attr-defined]
    except ImportError:
        return None
    stamp = _c_source_checksum()
    current = stamp is None or stamp == _fastrows.COMPILED_FROM  # None: installed without the source
    return _fastrows.FastRows if current else None


@functools.cache
def _c_source_checksum() -> str | None:
    """The checksum of the C reader's source beside this module, read once a process (each
    index asks, a half's too); None when there is no source."""
    try:
        return source_checksum(Path(__file__).with_name("_fastrows.c").read_bytes())
    except OSError:
        return None


def is_compiled(module: ModuleType) -> bool:
    return bool(getattr(module, "COMPILED_FROM", ""))


def _load_source(path: Path, name: str) -> ModuleType:
    import importlib.util  # only for a stale build or DXCHECK_PURE_PYTHON

    loaded = sys.modules.get(name)
    if loaded is not None:
        return loaded
    spec = importlib.util.spec_from_file_location(name, path)
    if spec is None or spec.loader is None:  # pragma: no cover - a file that exists always has one
        raise ImportError(f"cannot load {path}")
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module
