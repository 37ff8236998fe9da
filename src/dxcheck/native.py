"""Which build of a compiled module runs (the row loop, ``rowscan``, and the series
rules, ``rules``): the mypyc-compiled one when it was built from the source beside it,
else the source itself.

``DXCHECK_PURE_PYTHON=1`` forces the sources (to compare the two, or to rule the compiled
ones out when chasing a bug).
"""

from __future__ import annotations

import importlib
import os
import sys
import zlib
from pathlib import Path
from types import ModuleType

COMPILED = ("rowscan", "rules")  # what hatch_build.py compiles


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
    stamp: str = built.COMPILED_FROM
    if not stamp:
        return built  # the source: nothing was compiled
    source = Path(__file__).with_name(f"{module}.py")
    try:
        current = source_checksum(source.read_bytes())
    except OSError:
        current = stamp  # an install without sources: the compiled module is all there is
    if not pure and current == stamp:
        return built
    return _load_source(source, pure_name(module))


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
