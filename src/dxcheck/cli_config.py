"""``dxcheck config``: the settings in effect and where each came from.

The configuration itself (``dxcheck.toml`` or ``[tool.dxcheck]``) is read at every start by
the root callback in ``cli``, which turns it into the commands' defaults.
"""

from __future__ import annotations

import sys

import typer

from dxcheck.config import KEYS, Config, shown


def config(ctx: typer.Context) -> None:
    """The settings in effect (dxcheck.toml or [tool.dxcheck] in pyproject.toml, and
    DXCHECK_LANG) and where each came from; a command-line option always wins over them.

    Examples:

    \b
      dxcheck config
      dxcheck --config ci/dxcheck.toml config
      dxcheck --no-config status data/*.csv
    """
    loaded: Config = ctx.find_root().obj or Config(None)
    lines = [
        f"configuration: {shown(loaded.path) if loaded.path else 'none found (dxcheck.toml or [tool.dxcheck])'}"
    ]
    width = max(len(k) for k in KEYS)
    for key in KEYS:
        value = loaded.value(key)
        if value is None:
            lines.append(f"{key:<{width}}  -  (not set)")
            continue
        origin = next(s.origin for s in loaded.settings if s.key == key)
        text = ", ".join(value) if isinstance(value, list) else value
        lines.append(f"{key:<{width}}  {text}  ({origin})")
    sys.stdout.write("\n".join(lines) + "\n")
    raise typer.Exit(0)
