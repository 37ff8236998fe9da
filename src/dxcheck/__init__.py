"""dxcheck: check Vietnam's digital-transformation progress against the Prime Minister's targets."""

__version__ = "0.1.0"
