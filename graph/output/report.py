"""A briefing report: one standalone file (HTML or Markdown) with the findings and how far they hold.

The content is a list of blocks (heading, paragraph, list, table, map) built once and
written out as HTML or Markdown; every string from the data is escaped on the way out.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from graph.output.words import left_out

__all__ = ["briefing", "Block", "to_html", "to_markdown", "strip_svg"]

TOP = 5  # actors listed per measure
HUBS = 3  # what-if for this many top hubs


@dataclass
class Block:
    kind: str  # heading, para, list, table, map
    text: str = ""
    level: int = 2
    items: list = field(default_factory=list)
    columns: list = field(default_factory=list)  # (key, title, numeric)
    rows: list = field(default_factory=list)
    svg: bytes = b""


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


def briefing(dataset, G, G_all, *, title: str, files: list[tuple[str, int, str]], svg: bytes,
             map_note: str, version: str, measured: tuple[dict, list]) -> list[Block]:
    """The report's blocks. G: the analysed view (actual ties unless --status); G_all: the view with every status;
    measured: ``graph.analysis.metrics.centrality(G, MEASURE_NAMES)``, as the map was drawn from it."""
    from graph.analysis.questions import BROKER_GUIDE, brokers, communities
    from graph.analysis.grades import CREDIBILITY, RELIABILITY, SCALE, source_ids
    from graph.names import MEASURE_MEANINGS
    from graph.analysis.ranking import rank_key
    from graph.analysis.robustness import evidence_shares, robustness
    from graph.analysis.whatif import impact

    out = [Block("heading", title, 1)]
    n, m = G.number_of_nodes(), G.number_of_edges()
    out.append(Block("para", f"{n} actors and {m} relations in this view; the data set has"
                             f" {len(dataset.actors)} actors and {len(dataset.relations)} relations."))
    out.append(Block("para", "View: " + view_text(G)))

    # data and sources
    out.append(Block("heading", "Data and sources"))
    out.append(Block("table", columns=[("file", "File", False), ("rows", "Rows", True), ("what", "Holds", False)],
                     rows=[{"file": f, "rows": c, "what": w} for f, c, w in files]))
    cites: dict[str, int] = {}
    for _, _, d in G_all.edges(data=True):
        for s in source_ids(d.get("sources", "")):
            cites[s] = cites.get(s, 0) + 1
    if dataset.sources:
        rows = []
        for sid, src in sorted(dataset.sources.items()):
            letter = src.get("reliability") or "F"
            rows.append({"id": sid, "title": src.get("title", ""), "author": src.get("author", ""),
                         "published": src.get("published", ""), "url": src.get("url", ""),
                         "reliability": f"{letter}: {RELIABILITY.get(letter, '')}", "ties": cites.get(sid, 0)})
        out.append(Block("table", columns=[("id", "Source", False), ("title", "Title", False),
                                           ("author", "Author", False), ("published", "Published", False),
                                           ("url", "Where (not a link)", False),
                                           ("reliability", "Reliability", False), ("ties", "Ties citing it", True)],
                         rows=rows))
        out.append(Block("para", SCALE + " Credibility: " + "; ".join(f"{k} {v}" for k, v in CREDIBILITY.items())
                         + "."))
    else:
        out.append(Block("para", "The data set has no sources.csv: its relations carry no grades."))

    # map
    out.append(Block("heading", "Map"))
    out.append(Block("map", svg=svg, text=map_note))

    # key actors
    values, notes = measured
    out.append(Block("heading", "Key actors"))
    rows = []
    for measure, meaning in MEASURE_MEANINGS.items():
        got = values.get(measure)
        if not got:
            rows.append({"measure": measure, "meaning": meaning, "top": "undefined on this view"})
            continue
        best = sorted(got, key=lambda a: rank_key(got[a], _name(G, a), a))[:TOP]
        rows.append({"measure": measure, "meaning": meaning,
                     "top": "; ".join(f"{_name(G, a)} {_num(got[a])}" for a in best if got[a] is not None)})
    out.append(Block("table", columns=[("measure", "Measure", False), ("meaning", "What it shows", False),
                                       ("top", f"Top {TOP}", False)], rows=rows))
    if notes:
        out.append(Block("list", items=list(notes)))

    # brokers
    out.append(Block("heading", "Brokers"))
    b = brokers(G)
    order = sorted(G, key=lambda a: rank_key(b["betweenness"].get(a), _name(G, a), a))[:TOP]
    out.append(Block("table", columns=[("name", "Actor", False), ("betweenness", "Betweenness", True),
                                       ("effective_size", "Effective size", True),
                                       ("constraint", "Constraint", True)],
                     rows=[{"name": _name(G, a), **{k: b[k].get(a) for k in b}} for a in order]))
    out.append(Block("para", BROKER_GUIDE[0].upper() + BROKER_GUIDE[1:] + "."))

    # communities
    out.append(Block("heading", "Communities"))
    found = communities(G)
    out.append(Block("table", columns=[("community", "Community", True), ("size", "Actors", True),
                                       ("actors", "Who", False)],
                     rows=[{"community": i, "size": len(c), "actors": ", ".join(_name(G, a) for a in c)}
                           for i, c in enumerate(found, 1)]))
    out.append(Block("para", "Louvain method (networkx, seed 42) on the undirected view: actors more tied to each"
                             " other than to the rest."))

    # what-if
    hubs = sorted(G, key=lambda a: rank_key(values.get("betweenness", {}).get(a), _name(G, a), a))[:HUBS]
    out.append(Block("heading", f"What if the top {len(hubs)} brokers left?"))
    for hub in hubs if G.number_of_nodes() > 1 else []:
        result = impact(G, [hub])
        items = [f"Connected parts: {result['components_before']} before, {result['components_after']} after."]
        for cut in result["cut_off"][:5]:
            who = ", ".join(_name(G, a) for a in cut["actors"][:6]) + (", ..." if len(cut["actors"]) > 6 else "")
            weak = " This rests on weak ties only: " + "; ".join(
                f"{t['tie']} ({', '.join(t['weak'])})" for t in cut["ties"]) + "." if cut["rests_on_weak_ties"] else ""
            items.append(f"Cut off: {who}, from {cut['cut_off_from_count']} actors.{weak}")
        if not result["cut_off"]:
            items.append("Nobody is cut off.")
        for held in result["held_by_weak_ties"][:3]:
            items.append(f"{' and '.join(_name(G, a) for a in held['between'])} then stay linked only through a weak"
                         " tie: " + "; ".join(f"{t['tie']} ({', '.join(t['weak'])})" for t in held["ties"]) + ".")
        risers = [r for r in result["rows"] if r["rank_change"]]
        risers.sort(key=lambda r: (-r["rank_change"], r["rank_after"] or 0, r["name"]))
        if risers:
            items.append("Rising most in betweenness: " + "; ".join(
                f"{r['name']} {r['rank_before']} to {r['rank_after']}" for r in risers[:3]) + ".")
        out.append(Block("heading", f"Without {_name(G, hub)}", 3))
        out.append(Block("list", items=items))

    # robustness
    out.append(Block("heading", "Robustness of the findings"))
    rob = robustness(G, "betweenness", 10)
    evidence = [v for v in rob["views"] if v["kind"] == "evidence"]
    ties = [v for v in rob["views"] if v["kind"] == "tie"]
    k = rob["top"]
    out.append(Block("para", f"The betweenness ranking of the top {k}, recomputed on stricter views of the evidence."
                             " Kendall's tau-b compares the full and the strict ranking over every actor (1: same"
                             " order)."))
    if evidence:
        out.append(Block("table", columns=[("view", "Stricter view", False), ("left_out", "Ties left out", True),
                                           ("kendall_tau", "Kendall tau", True), ("kept", f"Top {k} keeping rank", True)],
                         rows=evidence))
    moving = sum(v["kept"] < k for v in ties)
    out.append(Block("para", f"Leaving out one single-source tie at a time: {len(ties)} tested, {moving} change the"
                             f" rank of at least one of the top {k}."))
    names = [v["view"] for v in evidence]
    rows = []
    for a in rob["actors"]:
        verdict = "keeps its rank" if not a["moved_by"] else (
            f"stays in the top {k}" if a["stays_in_top"] else f"may leave the top {k}")
        rows.append({"rank": a["rank"], "name": a["name"], **{v: a["ranks"][v] for v in names},
                     "worst": a["worst_rank"], "verdict": verdict,
                     "weak": "yes" if a["leaves_top_without_weak"] else "no"})
    out.append(Block("table", columns=[("rank", "Rank", True), ("name", "Actor", False)]
                     + [(v, v.capitalize(), True) for v in names]
                     + [("worst", "Worst rank", True), ("verdict", "Verdict", False),
                        ("weak", "Rests on weak evidence", False)], rows=rows))
    out.append(Block("para", "Rests on weak evidence: leaving out implied or weakly graded ties can push the actor"
                             f" out of the top {k}."))
    if rob["notes"]:
        out.append(Block("list", items=rob["notes"]))

    # evidence quality
    out.append(Block("heading", "Quality of the evidence"))
    shares = evidence_shares(G_all)
    total = shares["ties"]
    out.append(Block("table", columns=[("what", "Ties that are", False), ("count", "Ties", True),
                                       ("share", "Share", False)],
                     rows=[{"what": w, "count": c, "share": f"{100 * c / total:.0f} %" if total else "n/a"}
                           for w, c in shares["counts"].items()]))
    out.append(Block("para", f"Over all {total} ties of this view, planned and recommended ones included. Weakly"
                             " graded: below C3 (source fairly reliable, possibly true)."))
    out.append(Block("para", f"Made with actorgraph {version}."))
    return out


def view_text(G) -> str:
    """What the view leaves out, in words, as on the page's banner."""
    notes = left_out(G)
    return "; ".join(notes) + "." if notes else "every tie, all grades."


def strip_svg(svg: bytes) -> str:
    """An SVG file as markup to inline in HTML: no XML prolog, doctype, metadata or namespace URLs; fluid width."""
    text = svg.decode("utf-8")
    text = re.sub(r"<\?xml[^>]*\?>\s*", "", text)
    text = re.sub(r"<!DOCTYPE[^>]*>\s*", "", text)
    text = re.sub(r"<metadata>.*?</metadata>\s*", "", text, flags=re.S)
    text = re.sub(r'\s+xmlns(:\w+)?="[^"]*"', "", text)
    text = re.sub(r'<svg([^>]*?)\swidth="[^"]*"\s+height="[^"]*"', r'<svg\1 role="img" class="map"', text, count=1)
    return text.strip()


# ---- HTML --------------------------------------------------------------------------------------

CSS = """
body { font: 15px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "DejaVu Sans", sans-serif; color: #1f2328;
       max-width: 60rem; margin: 1.5rem auto; padding: 0 1rem; }
h1 { font-size: 1.6rem; margin: 0 0 .5rem; } h2 { font-size: 1.25rem; margin: 1.6rem 0 .5rem;
border-bottom: 1px solid #d0d7de; padding-bottom: .2rem; } h3 { font-size: 1.05rem; margin: 1rem 0 .3rem; }
table { border-collapse: collapse; margin: .5rem 0; font-size: .9rem; width: 100%; }
th, td { border: 1px solid #d0d7de; padding: .25rem .5rem; text-align: left; vertical-align: top; }
th { background: #f6f8fa; } td.num { text-align: right; font-variant-numeric: tabular-nums; }
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
_MD_START = re.compile(r"^(\d*)([#+=.)-])")


def md_escape(text: str) -> str:
    """Text that Markdown shows as typed, on one line: no emphasis, links, tables cells or raw HTML."""
    from graph.data.files import printable

    text = printable(" ".join(str(text).split()))  # a control character (ESC) shown as \x1b, never raw
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    text = _MD_DOMAIN_DOT.sub(r"\\.", _MD_INLINE.sub(r"\\\1", text))  # '@': no e-mail link either
    return _no_scheme(_MD_START.sub(lambda m: m.group(1) + "\\" + m.group(2), text))


def _no_scheme(text: str) -> str:
    """'https://x' written as 'https:&#47;&#47;x': reads and copies the same, but is no link and no resource."""
    return text.replace("://", ":&#47;&#47;")


def to_markdown(blocks: list[Block], map_file: str | None = None) -> str:
    """The report as Markdown; the map is the image file ``map_file`` beside it, or else a data: URI image."""
    import base64
    from urllib.parse import quote

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
