"""Turn analysis results into sorted rows for graph.output.tables."""

from __future__ import annotations

from graph.analysis.ranking import competition_ranks, rank_key, ties
from graph.data.files import printable
from graph.data.schema import CONFIDENCE_VALUES, status_of, STATUS_VALUES

__all__ = ["centrality_rows", "broker_rows", "cut_at", "actor_columns", "summary", "markdown_table",
           "impact_summary", "robustness_rows", "robustness_long"]


def actor_columns(fmt: str) -> list[str]:
    """Identifying columns: names for reading, ids too where machines read."""
    return ["name", "type"] if fmt == "table" else ["id", "name", "type"]


def centrality_rows(G, values: dict, measures: list[str], sort: str | None, top: int | None, fmt: str):
    """One row per actor with its rank, number of ties and the measures computed, sorted, cut to top."""
    computed = [m for m in measures if m in values]
    if sort is None:
        sort = "betweenness" if "betweenness" in computed else (computed[0] if computed else None)
    rows = []
    for node, attrs in G.nodes(data=True):
        row = {"id": node, "name": attrs.get("name", node), "type": attrs.get("type", ""), "ties": ties(G, node)}
        row.update({m: values[m].get(node) if m in values else None for m in measures})
        rows.append(row)
    if sort:
        rows.sort(key=lambda r: rank_key(r[sort], r["name"], r["id"]))
        competition_ranks(rows, sort)
    else:
        rows.sort(key=lambda r: (r["name"].lower(), r["id"]))
        for r in rows:
            r["rank"] = None
    return cut_at(rows, top)[0], ["rank"] + actor_columns(fmt) + ["ties"] + list(measures)


def cut_at(rows: list[dict], top: int | None) -> tuple[list[dict], int]:
    """The first ``top`` ranked rows, and how many rows after them share the last one's rank."""
    if not top or len(rows) <= top:
        return rows, 0
    last = rows[top - 1].get("rank")
    tied = 0
    while last is not None and top + tied < len(rows) and rows[top + tied].get("rank") == last:
        tied += 1
    return rows[:top], tied


COMMUNITY_COLUMNS = ["id", "community", "name", "type"]


def community_rows(G, found) -> list[dict]:
    """One row per actor of each community in ``found`` (lists of ids, the largest first), numbered from 1."""
    return [{"id": n, "community": i, "name": G.nodes[n].get("name", n), "type": G.nodes[n].get("type", "")}
            for i, members in enumerate(found, 1) for n in members]


def broker_rows(G, values: dict, sort: str, top: int | None, fmt: str):
    """Rows for `brokers`: rank by the sort measure (constraint lowest first), ties and the three measures."""
    measures = ["betweenness", "effective_size", "constraint"]
    rows = [{"id": n, "name": d.get("name", n), "type": d.get("type", ""), "ties": ties(G, n),
             **{m: values[m].get(n) for m in measures}} for n, d in G.nodes(data=True)]
    sign = -1 if sort == "constraint" else 1
    for r in rows:
        r["_key"] = None if r[sort] is None else sign * r[sort]
    rows.sort(key=lambda r: rank_key(r["_key"], r["name"], r["id"]))
    competition_ranks(rows, "_key")
    return cut_at(rows, top)[0], ["rank"] + actor_columns(fmt) + ["ties"] + measures


def summary(dataset) -> dict:
    """Actors by type and relations by kind, confidence and status, for `actorgraph info`."""

    types: dict[str, int] = {}
    for a in dataset.actors:
        types[a["type"]] = types.get(a["type"], 0) + 1
    type_rows = [{"type": t, "actors": n} for t, n in sorted(types.items(), key=lambda kv: (-kv[1], kv[0]))]
    kinds = []
    for kind in dataset.kinds:
        rows = [r for r in dataset.relations if r["relation"] == kind]
        row = {"relation": kind}
        row.update({c: sum(r["confidence"] == c for r in rows) for c in CONFIDENCE_VALUES})
        row["unspecified"] = sum(not r["confidence"] for r in rows)
        row.update({s: sum(status_of(r) == s for r in rows) for s in STATUS_VALUES})
        row["total"] = len(rows)
        kinds.append(row)
    return {"types": type_rows, "relations": kinds,
            "actors": len(dataset.actors), "relation_count": len(dataset.relations)}


def markdown_table(rows: list[dict], columns: list[str]) -> str:
    """A GitHub-flavoured Markdown table, its cells escaped as the report's (no link, emphasis or raw HTML)."""
    from graph.output.report import md_escape

    def cell(v):
        return md_escape(v)

    lines = ["| " + " | ".join(columns) + " |", "|" + "|".join("---" for _ in columns) + "|"]
    lines += ["| " + " | ".join(cell(r[c]) for c in columns) + " |" for r in rows]
    return "\n".join(lines) + "\n"


def impact_summary(G, result: dict, shown: int = 6, parts: int = 20, width: int | None = None) -> str:
    """Who was removed, connected parts before and after, and who is cut off from whom (lines wrapped to width)."""
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
        if cut.get("rests_on_weak_ties"):
            lines.append("  this rests on weak ties only: " + "; ".join(
                f"{t['tie']} ({', '.join(t['weak'])})" for t in cut["ties"]))
    hidden = result["cut_off"][parts:]
    if hidden:
        n = sum(len(c["actors"]) for c in hidden)
        lines.append(f"Cut off: {len(hidden)} more parts ({n} actors); --format json lists them all")
    if not result["cut_off"]:
        lines.append("Cut off: nobody")
    for held in result.get("held_by_weak_ties", [])[:parts]:
        lines.append(f"Held by a weak tie only: {' and '.join(name(n) for n in held['between'])} stay linked through "
                     + "; ".join(f"{t['tie']} ({', '.join(t['weak'])})" for t in held["ties"]))
    lines = [printable(line) for line in lines]  # names come from the data: never a raw ESC to the terminal
    if width:
        import textwrap

        lines = [wrapped for line in lines for wrapped in textwrap.wrap(line, width, subsequent_indent="  ")]
    return "\n".join(lines)


def robustness_rows(result: dict, worst: int = 8) -> tuple[list[dict], list[dict], list[dict]]:
    """Three tables for reading: evidence views, the single-tie removals that move the top most, the top actors."""
    n = result["top"]
    evidence = [{"view": v["view"], "ties_left_out": v["left_out"], "kendall_tau": v["kendall_tau"],
                 "top_keeping_rank": f"{v['kept']} of {n}"} for v in result["views"] if v["kind"] == "evidence"]
    single = [v for v in result["views"] if v["kind"] == "tie"]
    moving = sorted((v for v in single if v["kept"] < n),
                    key=lambda v: (v["kept"], v["kendall_tau"] if v["kendall_tau"] is not None else 2, v["view"]))
    ties_rows = [{"view": v["view"], "basis": ", ".join(v["tie"]["quality"]) or "stated",
                  "kendall_tau": v["kendall_tau"], "top_keeping_rank": f"{v['kept']} of {n}"}
                 for v in moving[:worst]]
    names = [v["view"] for v in result["views"] if v["kind"] == "evidence"]
    actors = []
    for a in result["actors"]:
        row = {"rank": a["rank"], "name": a["name"], "id": a["id"], "value": a["value"]}
        for view in names:
            row[view] = a["ranks"][view]
        moved = [v for v in a["moved_by"] if v not in names]
        row["moved_by_single_ties"] = f"{len(moved)} of {len(single)}"
        row["worst_rank"] = a["worst_rank"]
        row["verdict"] = "keeps rank" if not a["moved_by"] else (
            f"stays in top {n}" if a["stays_in_top"] else f"may leave top {n}")
        row["weak_basis"] = "yes" if a["leaves_top_without_weak"] else "no"
        actors.append(row)
    return evidence, ties_rows, actors


def robustness_long(result: dict) -> list[dict]:
    """One row per view and top actor, for CSV: the full rank and the rank in that view."""
    rows = []
    full = {a["id"]: a for a in result["actors"]}
    for v in [{"view": "all ties", "kind": "full", "left_out": 0, "kendall_tau": 1.0,
               "ranks": {i: a["rank"] for i, a in full.items()}}, *result["views"]]:
        for actor_id, rank in v["ranks"].items():
            a = full[actor_id]
            rows.append({"view": v["view"], "kind": v["kind"], "ties_left_out": v["left_out"],
                         "kendall_tau": v["kendall_tau"], "id": actor_id, "name": a["name"], "rank": a["rank"],
                         "rank_in_view": rank, "keeps_rank": rank == a["rank"]})
    return rows


CHANGE_COLUMNS = ["change", "what", "item", "details", "line"]  # diff's changed rows (line: in the new file,
# or the old one for a removed row; none between two dates)
RANK_MOVE_COLUMNS = ["id", "name", "rank_before", "before", "rank_after", "after", "rank_change"]


def between_rows(found: dict) -> list[dict]:
    """The changes of graph.analysis.timeline.between as diff's rows of two versions (CHANGE_COLUMNS): ties as
    'source relation target' with their period in details, actors by id with their name in details."""
    ties = [{"change": change, "what": "relation", "item": f"{t['source']} {t['relation']} {t['target']}",
             "details": tie_period(t), "line": None} for change in ("started", "ended") for t in found[change]]
    return ties + [{"change": change, "what": "actor", "item": a["id"], "details": a["name"], "line": None}
                   for change in ("appeared", "inactive") for a in found[change]]


def tie_period(tie: dict) -> str:
    """A tie's period in words: '2019 to 2020-08-18', 'since 2020-09', 'until 2020-08-18' or ''.

    >>> tie_period({"since": "2020-09", "until": ""}), tie_period({"since": "", "until": ""})
    ('since 2020-09', '')
    """
    since, until = tie.get("since") or "", tie.get("until") or ""
    return f"{since} to {until}" if since and until else f"since {since}" if since else f"until {until}" if until else ""
