"""JSON Schemas, generated from the very types the code reads and writes.

- ``catalog``: the pydantic ``Catalog`` model that validates targets.yaml;
- ``progress``: the ``ProgressRow`` TypedDict that names the CSV columns;
- ``report`` / ``problems``: the TypedDicts that ``--format json`` builds;
- ``coverage``: the TypedDicts that ``dxcheck coverage --format json`` builds.

Never edited by hand; ``schemas/`` in the repository holds copies that a test keeps equal.
"""

from __future__ import annotations

import enum
import json
from typing import Any

SCHEMA_DIALECT = "https://json-schema.org/draft/2020-12/schema"


class SchemaName(enum.StrEnum):
    CATALOG = "catalog"
    PROGRESS = "progress"
    REPORT = "report"
    PROBLEMS = "problems"
    COVERAGE = "coverage"


def schema(name: SchemaName) -> dict[str, Any]:
    from pydantic import TypeAdapter

    from dxcheck.catalog import Catalog
    from dxcheck.formats.document import SCHEMA_VERSION, ProblemsDoc, ReportDoc
    from dxcheck.progress import ProgressRow

    if name is SchemaName.CATALOG:
        body = Catalog.model_json_schema()
        title = "dxcheck target catalog (targets.yaml)"
    elif name is SchemaName.PROGRESS:
        body = TypeAdapter(ProgressRow).json_schema()
        title = "dxcheck progress CSV row (one object per row, cells as text)"
    elif name is SchemaName.COVERAGE:
        from dxcheck.coverage_view import CoverageDoc

        body = TypeAdapter(CoverageDoc).json_schema()
        title = f"dxcheck coverage --format json (schema_version {SCHEMA_VERSION})"
    elif name is SchemaName.REPORT:
        body = TypeAdapter(ReportDoc).json_schema()
        title = f"dxcheck status --format json (schema_version {SCHEMA_VERSION})"
    else:
        body = TypeAdapter(ProblemsDoc).json_schema()
        title = f"dxcheck validate --format json (schema_version {SCHEMA_VERSION})"
    body.pop("title", None)
    return {"$schema": SCHEMA_DIALECT, "$id": f"dxcheck:{name.value}", "title": title, **body}


def dumps(name: SchemaName) -> str:
    return json.dumps(schema(name), indent=2, ensure_ascii=False, sort_keys=False) + "\n"
