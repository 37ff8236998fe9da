"""dxcheck: check Vietnam's digital-transformation progress against the Prime Minister's targets."""

from pathlib import Path

__version__ = "0.1.0"

# The bundled catalog and sample. A path next to this file, not importlib.resources: the
# package is always installed as files, and that import costs a few ms of every start.
DATA_DIR = Path(__file__).parent / "data"
