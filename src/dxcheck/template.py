"""``dxcheck template``: a CSV for an office to fill in, one row per target and entity."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable
from datetime import date

from dxcheck.catalog import Target, TargetType
from dxcheck.progress import COLUMNS
from dxcheck.text import csv_safe


def template_csv(targets: Iterable[Target], entities: Iterable[str], day: date | None) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(COLUMNS)
    # An entity name is one line of text: no tabs, CRs or newlines in a cell.
    names = [" ".join(e.split()) for e in entities] or [""]
    for target in targets:
        unit = "" if target.type is TargetType.MILESTONE else csv_safe(target.unit or "")
        note = "done or not done" if target.type is TargetType.MILESTONE else ""
        for entity in names:
            row = {
                "target": target.id,
                "entity": csv_safe(entity),
                "date": day.isoformat() if day else "",
                "value": "",
                "unit": unit,
                "source": "",
                "note": note,
            }
            writer.writerow([row[c] for c in COLUMNS])
    return buffer.getvalue()
