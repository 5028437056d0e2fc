"""A briefing report: one standalone file (HTML or Markdown) with the findings and how far they hold.

The content is a list of blocks (heading, paragraph, list, table, map) built once and
written out as HTML or Markdown; every string from the data is escaped on the way out.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from graph.data.schema import kinds_of
from graph.analysis.views import View
from graph.output.words import count, findings, left_out, names
from urllib.parse import quote
import base64
from graph.analysis.balance import balance, EXACT_LIMIT
from graph.analysis.grades import CREDIBILITY, RELIABILITY, SCALE, source_ids
from graph.analysis.metrics import centrality, UndefinedMeasure
from graph.analysis.questions import communities
from graph.analysis.ranking import rank_key, ranks, ties
from graph.analysis.robustness import evidence_shares, robustness
from graph.analysis.signs import hostile_counts
from graph.analysis.whatif import AfterEstimate, impact
from graph.data.files import printable
from graph.data.load import folder_name
from graph.names import MEASURE_MEANINGS
from graph.output.signed import METHOD

__all__ = ["briefing", "facts", "conflict_facts", "conflict_blocks", "Block", "to_html", "to_markdown", "strip_svg", "TOP", "MEASURE"]

TOP = 10  # the top actors by default, as `actorgraph robustness --top`
MEASURE = "betweenness"  # the measure by default, as `robustness` and `centrality --sort`
HUBS = 3  # what-if for this many top actors
SHOWN_PX = 960  # the map's width in the HTML's text column (60rem): its text is at least 12 px there


@dataclass
class Block:
    kind: str  # heading, para, list, table, map
    text: str = ""
    level: int = 2
    items: list = field(default_factory=list)
    columns: list = field(default_factory=list)  # (key, title, numeric); at most 6
    rows: list = field(default_factory=list)
    svg: bytes = b""
    draw: object = None  # map: the keyword arguments of graph.output.static.map_figure, for the PDF


def _num(v) -> str:
    if v is None or (isinstance(v, float) and v != v):
        return "n/a"
    if isinstance(v, bool):
        return "yes" if v else "no"
    if isinstance(v, float):
        return f"{v:.3f}"
    return str(v)


def _name(G, n) -> str:
    return G.nodes[n].get("name", n)


def _cooperation_only(G) -> bool:
    """Whether G holds no hostile or neutral tie (the measures' default network)."""
    kinds = kinds_of(G)
    return all(kinds[k].polarity == "cooperative" for _, _, k in G.edges(data="relation"))


def _table(columns, rows) -> Block:
    assert len(columns) <= 6, "a briefing table has at most 6 columns"
    return Block("table", columns=columns, rows=rows)


def facts(G, measure: str = MEASURE, top: int = TOP, signed=None, measured: dict | None = None) -> dict:
    """The measured facts the briefing states: robustness of the top by ``measure``, what-if for the
    top HUBS, the evidence shares and the communities (each with its most central actor first).

    ``signed``: the view with every tie (G is the cooperation network); when its kinds include
    hostile ones, ``conflict`` holds the balance, camps, most-opposed actors and enemy-of-my-enemy
    pairs (see :func:`conflict_facts`), else None. ``measured``: G's values by measure ({measure: {actor:
    value}}, as graph.analysis.metrics.centrality gives them), when already measured.
    """

    try:  # measured once: robustness, the what-ifs and the communities' order all start from it
        if measured is not None:
            measured, undefined = {k: v for k, v in measured.items() if k == measure}, False
        else:
            measured, undefined = centrality(G, [measure])[0], False
    except UndefinedMeasure:
        measured, undefined = {}, True
    rob = robustness(G, measure, top, full=measured.get(measure, {}))
    values = {a["id"]: a["value"] for a in rob["actors"]}
    last = rob["actors"][-1]["rank"] if rob["actors"] else None  # actors sharing the last one's rank, left out
    tied = sum(1 for a, r in ranks(measured.get(measure, {}), G).items() if r == last and a not in values) \
        if last is not None else 0
    hubs = [a["id"] for a in rob["actors"][:HUBS]] if G.number_of_nodes() > 1 else []
    impacts = []
    # above WHATIF_WORK, betweenness after each removal is estimated, from one sample shared by the what-ifs
    estimate = AfterEstimate.if_needed(G, measure, False, len(hubs), measured.get(measure))
    for hub in hubs:
        result = impact(G, [hub], measure, measured=measured[measure] if measure in measured else None,
                        estimate=estimate or False)
        for cut in result["cut_off"]:
            cut["names"] = [_name(G, a) for a in cut["actors"]]
        impacts.append((hub, result))
    every = values if undefined else measured.get(measure, {})
    groups = communities(G) if G.number_of_nodes() else []
    found = [[_name(G, a) for a in sorted(c, key=lambda a: rank_key(every.get(a), _name(G, a), a))] for c in groups]
    return {"measure": measure, "robustness": rob, "tied": tied, "impacts": impacts,
            "impact": impacts[0][1] if impacts else None, "shares": evidence_shares(G),
            "graded": bool(G.graph.get("sources")), "communities": found,
            "community_of": {a: i for i, c in enumerate(groups, 1) for a in c},
            "conflict": conflict_facts(signed, top) if signed is not None and kinds_of(signed).signed else None}


def conflict_facts(S, top: int = TOP) -> dict:
    """The signed network's facts for the briefing: balance (graph.analysis.balance), the camps with
    their actors' names, and the ``top`` most-opposed actors (most actors hostile to them, then most
    they are hostile to), each with its counts and camp."""

    b = balance(S)
    counts = hostile_counts(S)
    into, out = counts["in_hostile"], counts["hostile_degree"]
    camp_of = b.camp_of()
    opposed = sorted((n for n in S if into[n] or out[n]), key=lambda n: (-into[n], -out[n], _name(S, n), n))[:top]
    return {"balance": b, "camps": [[_name(S, a) for a in members] for members in b.camps],
            "opposed": [{"id": n, "name": _name(S, n), "type": S.nodes[n].get("type", ""), "in_hostile": into[n],
                         "hostile_degree": out[n], "camp": camp_of.get(n)} for n in opposed],
            "pairs": [(_name(S, a), _name(S, c), [_name(S, n) for n in common]) for a, c, common in b.enemy_pairs]}


def conflict_blocks(f: dict, top: int = TOP) -> list[Block]:
    """The briefing's Conflict section: balance in two sentences, then camps, most opposed, enemy-of-my-enemy."""

    b = f["balance"]
    out = [Block("heading", "Conflict")]
    if not b.actors:
        return out + [Block("para", "No actor of this view has a cooperative or hostile tie.")]
    ratio = f"{b.balanced_triangles} of {count(b.triangles, 'triangle')} balanced ({b.ratio:.0%})" if b.triangles \
        else "no triangle of three tied actors"
    bound = "" if b.frustration_exact else "at most "
    out.append(Block("para", f"The signed network: {count(len(b.actors), 'actor')}, {count(b.positive, 'cooperative tie')}"
                             f" and {count(b.negative, 'hostile tie')} (neutral ties left out); {ratio}; frustration"
                             f" index {bound}{b.frustration}: the fewest ties to change sign or remove for the network"
                             " to split into two hostile camps."))
    out.append(Block("heading", "Camps", 3))
    out.append(_table([("camp", "Camp", True), ("size", "Actors", True), ("members", "Members", False)],
                      [{"camp": i, "size": len(c), "members": names(c, 8)} for i, c in enumerate(f["camps"], 1)]))
    out.append(Block("para", f"Cooperative inside and hostile across, with {count(b.camp_errors, 'tie')} breaking the"
                             " pattern (`actorgraph balance` lists them)."))
    out.append(Block("heading", "Most opposed", 3))
    out.append(_table([("rank", "Rank", True), ("name", "Actor", False), ("type", "Type", False),
                       ("in_hostile", "Actors hostile to it", True), ("hostile_degree", "It is hostile to", True),
                       ("camp", "Camp", True)],
                      [dict(a, rank=i) for i, a in enumerate(f["opposed"], 1)]))
    out.append(Block("para", f"The top {min(top, len(f['opposed']))} by the number of other actors hostile to it"
                             " (in_hostile), then by the number it is hostile to (hostile_degree), as"
                             " `centrality` counts them."))
    out.append(Block("heading", "The enemy of my enemy", 3))
    if f["pairs"]:
        out.append(_table([("a", "Actor", False), ("b", "And actor", False), ("n", "Common adversaries", True),
                           ("who", "Adversaries", False)],
                          [{"a": a, "b": c, "n": len(common), "who": names(common, 4)}
                           for a, c, common in f["pairs"][:top]]))
        out.append(Block("para", "Pairs with no tie between them and an adversary in common, most common adversaries"
                                 f" first (the first {top} of {len(f['pairs'])})." if len(f["pairs"]) > top else
                                 "Pairs with no tie between them and an adversary in common, most common"
                                 " adversaries first."))
    else:
        out.append(Block("para", "No two actors without a tie share an adversary."))
    out.append(Block("para", "Method: " + METHOD.format(limit=EXACT_LIMIT)))
    return out


def view_line(dataset, view, G) -> str:
    """The view in one line: data set, date, statuses, grade, then what it leaves out."""

    kept = view.kept_statuses() if view is not None else frozenset({"actual"})
    statuses = "every status" if kept is None else (
        "actual ties only" if kept == {"actual"} else "statuses " + ", ".join(sorted(kept)))
    grade = f"ties graded {view.min_grade.upper()} or better" if view is not None and view.min_grade else "any grade"
    day = (view if view is not None else View()).date()
    date = f"as of {day}" if day else "all dates"
    said = f"data set {folder_name(dataset.folder)}; {date}; {statuses}; {grade}."
    notes = left_out(G, plain=True)  # a briefing is read, not typed into: no flag in its hints, as on the page
    return said + (" Left out: " + "; ".join(notes) + "." if notes else "")


def briefing(dataset, G, *, title: str, files: list[tuple[str, int, str]], svg: bytes, map_note: str,
             version: str, view=None, measure: str = MEASURE, top: int = TOP, notes=(), draw=None,
             signed=None, measured: dict | None = None) -> list[Block]:
    """The report's blocks, bottom line up front: view, findings, map, key actors, what-if,
    robustness, evidence, then the sources and data files as an annex.

    G: the analysed view; measure and top: as ``actorgraph robustness --measure --top``; svg: the map, or a
    function that returns it once the facts are measured (it may be drawn meanwhile);
    notes: the measures' notes (e.g. undefined values); draw: the map for the PDF (or a function that returns
    it, as svg); signed: the view with
    every tie, for the Conflict section (only when its kinds include hostile ones); measured: G's values by
    measure, when already measured (see :func:`facts`).
    """

    f = facts(G, measure, top, signed, measured)
    svg = svg() if callable(svg) else svg  # drawn meanwhile (see graph.api)
    draw = draw() if callable(draw) else draw
    rob = f["robustness"]
    n, m = G.number_of_nodes(), G.number_of_edges()
    out = [Block("heading", title, 1), Block("para", "View: " + view_line(dataset, view, G)),
           Block("para", f"{count(n, 'actor')} and {count(m, 'relation')} in this view (a relation is one row of"
                         f" relations.csv); the data set has {count(len(dataset.actors), 'actor')} and"
                         f" {count(len(dataset.relations), 'relation')}.")]

    out += [Block("heading", "Findings"), Block("list", items=findings(f))]

    out += [Block("heading", "Map"), Block("map", svg=svg, text=map_note, draw=draw)]

    k = rob["top"]
    meaning = MEASURE_MEANINGS.get(measure, "")
    out.append(Block("heading", "Key actors"))
    out.append(_table([("rank", "Rank", True), ("name", "Actor", False), ("type", "Type", False),
                       ("value", measure.capitalize(), True), ("ties", "Actors tied", True),
                       ("community", "Community", True)],
                      [{"rank": a["rank"], "name": a["name"], "type": G.nodes[a["id"]].get("type", ""),
                        "value": a["value"], "ties": ties(G, a["id"]), "community": f["community_of"].get(a["id"])}
                       for a in rob["actors"]]))
    tied = f.get("tied", 0)
    shared = (f" {count(tied, 'more actor')} {'is' if tied == 1 else 'are'} level with the last one listed"
              f" (rank {rob['actors'][-1]['rank']}) and not listed." if tied else "")
    out.append(Block("para", f"The top {k} by {measure}: {meaning}.{shared} Actors tied: the other actors it has a"
                             " relation with, either way (the ties `centrality` counts). Community: Louvain, seed 42."
                             + (" Measured on the cooperation network: hostile and neutral ties left out."
                                if f["conflict"] is not None and _cooperation_only(G) else "")))
    if notes:
        out.append(Block("list", items=list(notes)))
    if f["conflict"] is not None:
        out += conflict_blocks(f["conflict"], top)

    out.append(Block("heading", f"What if the top {len(f['impacts'])} left?"))
    rows = []
    for hub, result in f["impacts"]:
        lost = [a for c in result["cut_off"] for a in c["names"]]
        risers = sorted((r for r in result["rows"] if r["rank_change"]), key=lambda r: (-r["rank_change"], r["name"]))
        rows.append({"without": _name(G, hub),
                     "parts": f"{result['components_before']} \u2192 {result['components_after']}",
                     "cut": names(lost, 4) if lost else "nobody",
                     "weak": "yes" if result["cut_off"] and all(c["rests_on_weak_ties"] for c in result["cut_off"])
                     else "no",
                     "riser": f"{risers[0]['name']}: {risers[0]['rank_before']} \u2192 {risers[0]['rank_after']}"
                     if risers else "nobody"})
    if rows:
        out.append(_table([("without", "Without", False), ("parts", "Connected parts", False),
                           ("cut", "Cut off", False), ("weak", "Cut off only weak ties", False),
                           ("riser", f"Rising most by {measure} (rank)", False)], rows))
    out.append(Block("para", "Each actor removed on its own. Cut off only weak ties: every relation that joined the"
                             " cut-off actors to it was implied, not actual or weakly graded."))
    estimated = list(dict.fromkeys(note for _, result in f["impacts"] for note in result["notes"]
                                   if "estimated" in note))
    if estimated:  # the ranks after the removal are estimated: say how, and how far they hold
        out.append(Block("list", items=estimated[-1:]))

    out.append(Block("heading", "Robustness of the findings"))
    evidence = [v for v in rob["views"] if v["kind"] == "evidence"]
    single = [v for v in rob["views"] if v["kind"] == "tie"]
    out.append(Block("para", f"The {measure} ranking of the top {k} on the {count(m, 'relation')} of this view,"
                             " recomputed on stricter views of the evidence. Kendall's tau-b compares the full and"
                             " the strict ranking over every actor (1: same order)."))
    if evidence:
        out.append(_table([("view", "Stricter view", False), ("left_out", "Relations left out", True),
                           ("kendall_tau", "Kendall tau", True), ("kept", f"Top {k} keeping rank", True)], evidence))
    out.append(Block("para", f"Leaving out one single-source relation at a time: {len(single)} tested,"
                             f" {sum(v['kept'] < k for v in single)} change the rank of at least one of the top {k}."))
    rows = [{"rank": a["rank"], "name": a["name"], "worst": a["worst_rank"], "where": a["worst_view"] or "",
             "verdict": "keeps its rank" if not a["moved_by"] else (
                 f"stays in the top {k}" if a["stays_in_top"] else f"may leave the top {k}"),
             "weak": "yes" if a["leaves_top_without_weak"] else "no"} for a in rob["actors"]]
    out.append(_table([("rank", "Rank", True), ("name", "Actor", False), ("worst", "Worst rank", True),
                       ("where", "Worst on", False), ("verdict", "Verdict", False),
                       ("weak", "Rests on weak evidence", False)], rows))
    out.append(Block("para", "Rests on weak evidence: leaving out implied or weakly graded relations can push the"
                             f" actor out of the top {k}."))
    if rob["notes"]:
        out.append(Block("list", items=rob["notes"]))

    out.append(Block("heading", "Quality of the evidence"))
    shares = f["shares"]
    total = shares["ties"]
    out.append(_table([("what", "Relations that are", False), ("count", "Relations", True), ("share", "Share", False)],
                      [{"what": w, "count": c, "share": f"{100 * c / total:.0f} %" if total else "n/a"}
                       for w, c in shares["counts"].items()]))
    out.append(Block("para", f"Over the {count(total, 'relation')} of this view. Weakly graded: below C3 (source"
                             " fairly reliable, possibly true)."))

    out.append(Block("heading", "Annex: sources and data files"))
    out.append(Block("heading", "Data files", 3))
    out.append(_table([("file", "File", False), ("rows", "Rows", True), ("what", "Holds", False)],
                      [{"file": fl, "rows": c, "what": w} for fl, c, w in files]))
    out.append(Block("heading", "Sources", 3))
    cites: dict[str, int] = {}
    for _, _, d in G.edges(data=True):
        for sid in source_ids(d.get("sources", "")):
            cites[sid] = cites.get(sid, 0) + 1
    if dataset.sources:
        rows = []
        for sid, src in sorted(dataset.sources.items()):
            letter = (src.get("reliability") or "F").upper()
            author = src.get("author", "")
            rows.append({"id": sid, "title": src.get("title", "") + (f" ({author})" if author else ""),
                         "published": src.get("published", ""), "url": src.get("url", ""),
                         "reliability": f"{letter}: {RELIABILITY.get(letter, '')}", "cites": cites.get(sid, 0)})
        out.append(_table([("id", "Source", False), ("title", "Title (author)", False),
                           ("published", "Published", False), ("url", "Where (not a link)", False),
                           ("reliability", "Reliability", False), ("cites", "Relations citing it", True)], rows))
        out.append(Block("para", SCALE + " Credibility: " + "; ".join(f"{k} {v}" for k, v in CREDIBILITY.items())
                         + "."))
    else:
        out.append(Block("para", "The data set has no sources.csv: its relations carry no grades."))
    out.append(Block("para", f"Made with actorgraph {version}."))
    return out


def strip_svg(svg: bytes) -> str:
    """An SVG file as markup to inline in HTML: no XML prolog, doctype, metadata or namespace URLs; fluid width."""
    text = svg.decode("utf-8")
    text = re.sub(r"<\?xml[^>]*\?>\s*", "", text)
    text = re.sub(r"<!DOCTYPE[^>]*>\s*", "", text)
    text = re.sub(r"<metadata>.*?</metadata>\s*", "", text, flags=re.S)
    text = re.sub(r'\s+xmlns(:\w+)?="[^"]*"', "", text)
    text = re.sub(r'<svg([^>]*?)\swidth="[^"]*"\s+height="[^"]*"', r'<svg\1 role="img" class="map"', text, count=1)
    return _no_scheme(text.strip())  # a label's 'https://' is no link either, as in the rest of the report


# ---- HTML --------------------------------------------------------------------------------------

CSS = """
body { font: 15px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "DejaVu Sans", sans-serif; color: #1f2328;
       max-width: 60rem; margin: 1.5rem auto; padding: 0 1rem; }
h1 { font-size: 1.6rem; margin: 0 0 .5rem; } h2 { font-size: 1.25rem; margin: 1.6rem 0 .5rem;
border-bottom: 1px solid #d0d7de; padding-bottom: .2rem; } h3 { font-size: 1.05rem; margin: 1rem 0 .3rem; }
table { border-collapse: collapse; margin: .5rem 0; font-size: .9rem; width: 100%; }
th, td { border: 1px solid #d0d7de; padding: .25rem .5rem; text-align: left; vertical-align: top; }
th { background: #f6f8fa; } td.num { text-align: right; font-variant-numeric: tabular-nums; }
td { overflow-wrap: anywhere; } li { margin: .25rem 0; }
figure { margin: .5rem 0; } svg.map { width: 100%; height: auto; border: 1px solid #d0d7de; }
figcaption { font-size: .85rem; color: #495057; }
@media print {
  body { max-width: none; margin: 0; font-size: 10.5pt; }
  h2 { break-after: avoid; } table, figure, li { break-inside: avoid; }
  svg.map { border: none; max-height: 24cm; }
  @page { margin: 1.5cm; }
}
"""


def to_html(blocks: list[Block], lang: str = "en") -> str:
    """A standalone HTML document: no script, no external resource, every data string escaped."""
    from markupsafe import escape as html_escape

    def escape(text) -> str:
        return _no_scheme(str(html_escape(text)))

    title = next((b.text for b in blocks if b.kind == "heading" and b.level == 1), "Briefing")
    out = ["<!DOCTYPE html>", f'<html lang="{lang}">', "<head>", '<meta charset="utf-8">',
           '<meta http-equiv="Content-Security-Policy" content="default-src \'none\'; style-src \'unsafe-inline\';'
           ' img-src data:; base-uri \'none\'; form-action \'none\'">',
           '<meta name="viewport" content="width=device-width, initial-scale=1">',
           '<meta name="generator" content="actorgraph">', f"<title>{escape(title)}</title>",
           f"<style>{CSS}</style>", "</head>", "<body>"]
    for b in blocks:
        if b.kind == "heading":
            out.append(f"<h{b.level}>{escape(b.text)}</h{b.level}>")
        elif b.kind == "para":
            out.append(f"<p>{escape(b.text)}</p>")
        elif b.kind == "list":
            out.append("<ul>" + "".join(f"<li>{escape(i)}</li>" for i in b.items) + "</ul>")
        elif b.kind == "table":
            head = "".join(f'<th scope="col">{escape(t)}</th>' for _, t, _ in b.columns)
            body = "".join("<tr>" + "".join(
                f'<td class="num">{escape(_num(r.get(k)))}</td>' if numeric else f"<td>{escape(_num(r.get(k)))}</td>"
                for k, _, numeric in b.columns) + "</tr>" for r in b.rows)
            out.append(f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>")
        elif b.kind == "map":
            out.append(f"<figure>{strip_svg(b.svg)}<figcaption>{escape(b.text)}</figcaption></figure>")
    out += ["</body>", "</html>", ""]
    return "\n".join(out)


# ---- Markdown ----------------------------------------------------------------------------------

_MD_INLINE = re.compile(r"([\\`*_{}\[\]|~@])")
# a dot between a name and a letter, as in a domain (example.com, www.x.org): escaped, no renderer
# that links bare domains (GitHub's www., linkify) finds one; numbers (0.52) keep their dot
_MD_DOMAIN_DOT = re.compile(r"(?<=[\w-])\.(?=[^\W\d_])")
# a line start that Markdown reads as a heading, list marker or rule only when a space, the end or more
# of the marker follows ("1. x", "- x", "#", "---", "=="); a number such as 0.52 or -0.5 keeps its sign and dot
_MD_START = re.compile(r"^(\d*)([#+=.)-])(?=\s|$|[-=#])")


def md_escape(text: str) -> str:
    """Text that Markdown shows as typed, on one line: no emphasis, links, tables cells or raw HTML."""

    text = printable(" ".join(str(text).split()))  # a control character (ESC) shown as \x1b, never raw
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    text = _MD_DOMAIN_DOT.sub(r"\\.", _MD_INLINE.sub(r"\\\1", text))  # '@': no e-mail link either
    return _no_scheme(_MD_START.sub(lambda m: m.group(1) + "\\" + m.group(2), text))


def _no_scheme(text: str) -> str:
    """'https://x' written as 'https:&#47;&#47;x': reads and copies the same, but is no link and no resource."""
    return text.replace("://", ":&#47;&#47;")


def to_markdown(blocks: list[Block], map_file: str | None = None) -> str:
    """The report as Markdown; the map is the image file ``map_file`` beside it, or else a data: URI image."""

    out = []
    for b in blocks:
        if b.kind == "heading":
            out.append("#" * b.level + " " + md_escape(b.text))
        elif b.kind == "para":
            out.append(md_escape(b.text))
        elif b.kind == "list":
            out.append("\n".join(f"- {md_escape(i)}" for i in b.items))
        elif b.kind == "table":
            lines = ["| " + " | ".join(md_escape(t) for _, t, _ in b.columns) + " |",
                     "|" + "|".join("---:" if numeric else "---" for _, _, numeric in b.columns) + "|"]
            lines += ["| " + " | ".join(md_escape(_num(r.get(k))) for k, _, _ in b.columns) + " |" for r in b.rows]
            out.append("\n".join(lines))
        elif b.kind == "map":
            if map_file is not None:  # GitHub and most renderers drop data: images, but show a file beside
                source = quote(map_file)
            else:
                source = "data:image/svg+xml;base64," + base64.b64encode(b.svg).decode("ascii")
            out.append(f"![Map of the actors]({source})\n\n{md_escape(b.text)}")
    return "\n\n".join(out) + "\n"
