"""Turn analysis results into sorted rows for graph.formats."""

from __future__ import annotations

__all__ = ["centrality_rows", "actor_columns", "rank_key", "summary", "markdown_table", "impact_summary"]


def actor_columns(fmt: str) -> list[str]:
    """Identifying columns: names for reading, ids too where machines read."""
    return ["name", "type"] if fmt == "table" else ["id", "name", "type"]


def rank_key(value, name: str, actor_id: str):
    """Highest value first, missing values last, ties by name then id."""
    missing = value is None or value != value
    return (missing, -(value or 0) if not missing else 0, name.lower(), actor_id)


def centrality_rows(G, values: dict, measures: list[str], sort: str | None, top: int | None, fmt: str):
    """One row per actor with the measures computed (None where undefined), sorted, cut to top."""
    computed = [m for m in measures if m in values]
    if sort is None:
        sort = "betweenness" if "betweenness" in computed else (computed[0] if computed else None)
    rows = []
    for node, attrs in G.nodes(data=True):
        row = {"id": node, "name": attrs.get("name", node), "type": attrs.get("type", "")}
        row.update({m: values[m].get(node) if m in values else None for m in measures})
        rows.append(row)
    if sort:
        rows.sort(key=lambda r: rank_key(r[sort], r["name"], r["id"]))
    else:
        rows.sort(key=lambda r: (r["name"].lower(), r["id"]))
    if top:
        rows = rows[:top]
    return rows, actor_columns(fmt) + list(measures)


def summary(dataset) -> dict:
    """Actors by type and relations by kind and confidence, for `actorgraph info`."""
    from .schema import CONFIDENCE_VALUES, RELATIONS

    types: dict[str, int] = {}
    for a in dataset.actors:
        types[a["type"]] = types.get(a["type"], 0) + 1
    type_rows = [{"type": t, "actors": n} for t, n in sorted(types.items(), key=lambda kv: (-kv[1], kv[0]))]
    kinds = []
    for kind in RELATIONS:
        rows = [r for r in dataset.relations if r["relation"] == kind]
        row = {"relation": kind}
        row.update({c: sum(r["confidence"] == c for r in rows) for c in CONFIDENCE_VALUES})
        row["unspecified"] = sum(not r["confidence"] for r in rows)
        row["total"] = len(rows)
        kinds.append(row)
    return {"types": type_rows, "relations": kinds,
            "actors": len(dataset.actors), "relation_count": len(dataset.relations)}


def markdown_table(rows: list[dict], columns: list[str]) -> str:
    """A GitHub-flavoured Markdown table (text cells escaped for '|')."""
    def cell(v):
        return str(v).replace("|", "\\|")

    lines = ["| " + " | ".join(columns) + " |", "|" + "|".join("---" for _ in columns) + "|"]
    lines += ["| " + " | ".join(cell(r[c]) for c in columns) + " |" for r in rows]
    return "\n".join(lines) + "\n"


def impact_summary(G, result: dict, shown: int = 6, parts: int = 20) -> str:
    """Who was removed, connected parts before and after, and who is cut off from whom."""
    def name(n):
        return G.nodes[n].get("name", n)

    lines = [f"Without: {', '.join(name(n) for n in result['removed'])}",
             f"Connected parts: {result['components_before']} before, {result['components_after']} after"]
    for cut in result["cut_off"][:parts]:
        count, sample = cut["cut_off_from_count"], cut["cut_off_from"][:shown]
        tail = ", ..." if count > len(sample) else ""
        members = ", ".join(name(n) for n in cut["actors"][:shown]) + (", ..." if len(cut["actors"]) > shown else "")
        lines.append(f"Cut off: {members} -- from {count} actor{'s' * (count != 1)}"
                     f" ({', '.join(name(n) for n in sample)}{tail})")
    hidden = result["cut_off"][parts:]
    if hidden:
        n = sum(len(c["actors"]) for c in hidden)
        lines.append(f"Cut off: {len(hidden)} more parts ({n} actors); --format json lists them all")
    if not result["cut_off"]:
        lines.append("Cut off: nobody")
    return "\n".join(lines)
