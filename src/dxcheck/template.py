"""``dxcheck template``: a CSV for an office to fill in, one row per target and entity."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable
from datetime import date

from dxcheck.catalog import Target, TargetType
from dxcheck.progress import COLUMNS
from dxcheck.text import csv_safe

# Every column but ``reported`` (the day a row was sent, read by dxcheck coverage): it is
# optional, and the template keeps to the cells every office fills in.
TEMPLATE_COLUMNS = tuple(c for c in COLUMNS if c != "reported")


def template_csv(targets: Iterable[Target], entities: Iterable[str], day: date | None) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(TEMPLATE_COLUMNS)
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
            writer.writerow([row[c] for c in TEMPLATE_COLUMNS])
    return buffer.getvalue()
