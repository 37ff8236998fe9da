"""``dxcheck targets``: the catalog as a table or JSON, and one target in full."""

from __future__ import annotations

import json
from typing import Any

from dxcheck.catalog import Catalog, Target
from dxcheck.formats import Format, Style
from dxcheck.formats.lexicon import Words
from dxcheck.text import printable, with_unit


def goal_text(target: Target) -> str:
    if target.type.value == "milestone":
        return "milestone"
    sign = "<=" if target.direction.value == "at_most" else ">="
    return f"{sign} {with_unit(target.target, target.unit)}"


def versions(catalog: Catalog, target: Target) -> list[Target]:
    """The supersedes chain through ``target``, oldest first."""
    by_id = catalog.by_id()
    newer = {t.supersedes: t for t in catalog.targets if t.supersedes}
    chain = [target]
    seen = {target.id}
    while chain[0].supersedes and chain[0].supersedes in by_id and chain[0].supersedes not in seen:
        chain.insert(0, by_id[chain[0].supersedes])
        seen.add(chain[0].id)
    while chain[-1].id in newer and newer[chain[-1].id].id not in seen:
        chain.append(newer[chain[-1].id])
        seen.add(chain[-1].id)
    return chain


def target_document(catalog: Catalog, target: Target) -> dict[str, Any]:
    doc = target.model_dump(mode="json", exclude_none=True)
    doc["due"] = target.due.isoformat() if target.due else None
    doc["versions"] = [t.id for t in versions(catalog, target)]
    return doc


def render_list(catalog: Catalog, targets: list[Target], fmt: Format, style: Style, path: str) -> str:
    if fmt is Format.JSON:
        doc = {
            "catalog": path,
            "count": len(targets),
            "targets": [target_document(catalog, t) for t in targets],
        }
        return json.dumps(doc, ensure_ascii=False, indent=2) + "\n"
    from dxcheck.formats.grid import Column, table

    w = Words(style.lang)
    columns = [  # in order of importance: what a narrow terminal keeps
        Column("id", w("h_target"), keep=True),
        Column("due", w("h_due")),
        Column("goal", w("h_goal")),
        Column("category", w("h_category")),
        Column("title", w("h_title"), shrink=16),
        Column("deadline", w("h_deadline"), shrink=12),
        Column("agency", w("h_agency"), shrink=12),
    ]
    rows = [
        {
            "id": t.id,
            "category": _category(t, w) or "-",
            "due": w.day(t.due) if t.due else w("no_deadline_short"),
            # What a target restates is in ``dxcheck targets ID`` (an id here would be cut).
            "deadline": printable(t.deadline or "none"),
            "goal": w("milestone") if t.type.value == "milestone" else goal_text(t),
            "agency": printable(t.agency or "-"),
            "title": printable(t.title_in(style.lang)),
        }
        for t in sorted(
            targets, key=lambda t: (t.category or "~", t.due.isoformat() if t.due else "9999", t.id)
        )
    ]
    order = ("id", "category", "due", "goal", "title", "deadline", "agency")
    lines = table(columns, rows, style.width, order=order)
    lines.append(w("targets_footer", count=len(targets), path=printable(path)))
    return "".join(line + "\n" for line in lines)


def render_one(catalog: Catalog, target: Target, fmt: Format, style: Style) -> str:
    if fmt is Format.JSON:
        return json.dumps(target_document(catalog, target), ensure_ascii=False, indent=2) + "\n"
    w = Words(style.lang)
    lines = [f"{target.id}: {printable(target.title_in(style.lang))}"]

    def field(key: str, value: object) -> None:
        if value is not None and value != "":
            lines.append(f"  {w(key):<12}{printable(str(value))}")

    field("s_agency", target.agency)
    field("t_category", _category(target, w))
    due = f"{target.deadline} -> {w.day(target.due)}" if target.due else w("no_deadline")
    field("t_deadline", due if target.deadline or target.due else w("no_deadline"))
    field("s_goal", w("milestone") if target.type.value == "milestone" else goal_text(target))
    if target.baseline:
        baseline = target.baseline
        field("t_baseline", w("t_on", value=w.value(baseline.value, target.unit), date=w.day(baseline.date)))
    field("t_projection", target.projection.value if target.projection else None)
    chain = versions(catalog, target)
    if len(chain) > 1:
        this = w("s_this")
        field("s_versions", " -> ".join(t.id + (f" ({this})" if t.id == target.id else "") for t in chain))
    if target.source:
        source = target.source
        field("s_source", f"{w.day(source.date)}, {source.occasion or w('s_speech')}")
        field("t_file", source.file)
        field("t_url", source.url)
        lines.append("  " + w("s_quote"))
        lines.extend(f"    {printable(part)}" for part in _wrap(source.quote, style.width - 6))
    field("t_note", target.note)
    return "\n".join(lines) + "\n"


def _category(target: Target, w: Words) -> str | None:
    """The category as ``--category`` takes it (its slug); in Vietnamese, its name."""
    if target.category is None:
        return None
    return w.category(target.category) if w.lang == "vi" else target.category


def _wrap(text: str, width: int) -> list[str]:
    import textwrap

    return textwrap.wrap(f"\u201c{text}\u201d", width=max(40, width)) or [""]
