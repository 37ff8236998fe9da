"""Option choices for the time-based commands; light (no pydantic) so that the CLI can
declare its options without importing the core."""

from __future__ import annotations

import enum


class GroupBy(enum.StrEnum):
    ENTITY = "entity"
    CATEGORY = "category"
    AGENCY = "agency"
    TARGET = "target"


class DeadlineFormat(enum.StrEnum):
    TABLE = "table"
    JSON = "json"
    ICS = "ics"


class DiffFormat(enum.StrEnum):
    TABLE = "table"
    JSON = "json"
    MARKDOWN = "markdown"
