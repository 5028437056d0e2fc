"""render: one standalone, deterministic, escaped HTML file (browser behaviour: test_browser.py)."""

from __future__ import annotations

import pytest

import json
import re
from html import unescape

from conftest import BUNDLED, FIXTURES, invoke, write

HOSTILE = FIXTURES / "hostile"
PAYLOADS = ["<img src=x onerror=", "<script>window.__pwned", "</script><script>", "<a href=\"javascript:"]


def render(tmp_path, *args, name="out.html"):
    out = tmp_path / name
    result = invoke("render", "-o", out, *args)
    assert result.exit_code == 0, result.output
    assert result.stdout == "" and result.stderr.strip().endswith(f"wrote {out}")
    return out.read_text(encoding="utf-8")


def page_data(html: str) -> dict:
    m = re.search(r'<script type="application/json" id="ag-data">(.*?)</script>', html, re.S)
    return json.loads(m.group(1))


def test_bundled_render_has_every_actor_and_relation(tmp_path):
    data = page_data(render(tmp_path, "--data", BUNDLED, "--as-of", "all"))
    actors = (BUNDLED / "actors.csv").read_text(encoding="utf-8").strip().count("\n")
    relations = (BUNDLED / "relations.csv").read_text(encoding="utf-8").strip().count("\n")
    assert len(data["nodes"]) == actors
    assert len(data["edges"]) == relations
    assert {e["kind"] for e in data["edges"]} == {"trains", "accompanies", "coordinates_with", "part_of"}


def test_same_input_gives_byte_identical_file(tmp_path):
    first = render(tmp_path, "--data", BUNDLED, name="a.html")
    second = render(tmp_path, "--data", BUNDLED, name="b.html")
    assert first == second


def test_standalone_no_remote_resource(tmp_path):
    html = render(tmp_path, "--data", BUNDLED)
    assert not re.search(r"https?://", html, re.I)
    urls = re.findall(r"<(?:script|link|img|iframe|source|object)\b[^>]*?\b(?:src|href)=[\"']?([^\"' >]*)", html, re.I)
    assert all(u.startswith("data:") for u in urls), urls
    assert "bootstrap" not in html.lower()
    assert "Content-Security-Policy" in html and "default-src 'none'" in unescape(html)
    assert "vis.Network" in html  # the library itself is inlined


def test_directed_edges_have_arrows_symmetric_do_not(tmp_path):
    data = page_data(render(tmp_path, "--data", BUNDLED))
    for e in data["edges"]:
        assert e["arrows"] == ("" if e["kind"] == "coordinates_with" else "to")
        if e["status"] == "actual":
            assert e["dashes"] == (e["kind"] == "coordinates_with")
        else:  # planned: broken, recommended: dotted
            assert e["dashes"] == {"planned": [8, 6], "recommended": [2, 6]}[e["status"]]


def test_parallel_relations_are_separate_curved_edges(tmp_path):
    folder = write(tmp_path / "d", "id,name,type\na,A,x\nb,B,x\n",
                   "source,relation,target,evidence\na,trains,b,e\na,accompanies,b,e\nb,coordinates_with,a,e\n")
    data = page_data(render(tmp_path, "--data", folder))
    assert len(data["edges"]) == 3
    shapes = {json.dumps(e["smooth"], sort_keys=True) + e["from"] for e in data["edges"]}
    assert len(shapes) == 3  # no two drawn on the same curve


def test_hostile_strings_are_escaped(tmp_path):
    html = render(tmp_path, "--data", HOSTILE, "--title", "<script>window.__pwned=9</script>")
    for payload in PAYLOADS + ["<script>window.__pwned=9"]:
        assert payload not in html, payload
    # exactly the page's own script blocks: the data block, vis-network, the page script
    assert len(re.findall(r"^<script\b", html, re.M)) == 3
    assert html.count("</script>") == 3
    assert "<title>&lt;script&gt;window.__pwned=9&lt;/script&gt;</title>" in html
    data = page_data(html)
    assert data["actors"]["img"]["name"] == '<img src=x onerror="window.__pwned=1">'
    assert ["website", '<a href="javascript:window.__pwned=4">href</a>'] in data["actors"]["img"]["extra"]


def test_non_ascii_survives(tmp_path):
    html = render(tmp_path, "--data", HOSTILE)
    data = page_data(html)
    assert data["actors"]["quote"]["type"] == "Côte d'Ivoire"
    assert data["actors"]["quote"]["description"] == "Mauritanië — Cadre politique de gestion de la crise"


def test_size_by_and_title(tmp_path):
    # a hub and its leaves, a few actors: each --size-by is a map of its own to lay out
    star = write(tmp_path / "star", "id,name,type\nhub,Hub,x\nl1,L1,x\nl2,L2,x\nl3,L3,y\nl4,L4,y\n",
                 "source,relation,target,evidence\nl1,part_of,hub,e\nl2,part_of,hub,e\nl3,trains,hub,e\n"
                 "l4,trains,l3,e\n")
    data = page_data(render(tmp_path, "--data", star, "--size-by", "degree", "--title", "Sahel"))
    assert data["sizeBy"] == "degree" and data["title"] == "Sahel"
    sizes = {n["id"]: n["size"] for n in data["nodes"]}
    assert sizes["hub"] > sizes["l3"] > sizes["l1"] == sizes["l2"]
    flat = page_data(render(tmp_path, "--data", star, "--size-by", "none", name="flat.html"))
    assert len({n["size"] for n in flat["nodes"]}) == 1


def test_focus_renders_the_neighbourhood(tmp_path):
    data = page_data(render(tmp_path, "--data", BUNDLED, "--focus", "Takuba", "--depth", "1"))
    ids = {n["id"] for n in data["nodes"]}
    assert ids == {"takuba", "barkhane", "takuba_european_sf", "mali_forces", "niger_forces",
                   "burkina_faso_forces", "mauritania_forces", "chad_forces"}
    drawn = sum(1 for e in data["edges"] if e["status"] == "actual")
    assert data["shown"] == {"actors": 8, "relations": drawn, "hidden": len(data["edges"]) - drawn}


def test_footer_names_sources_and_counts(tmp_path, monkeypatch):
    monkeypatch.chdir(BUNDLED.parent)
    html = render(tmp_path, "--data", "data")
    assert re.search(r"data/actors\.csv \(\d+ actors\) &middot; data/relations\.csv \(\d+ relations\)", html)


def test_unwritable_output_is_a_clean_error(tmp_path):
    result = invoke("render", "--data", BUNDLED, "-o", tmp_path / "missing" / "x.html")
    assert result.exit_code == 1
    assert "cannot write" in result.stderr
    assert "Traceback" not in result.output


def test_banner_says_what_the_view_leaves_out(tmp_path):
    assert 'id="ag-banner"' not in render(tmp_path, "--data", BUNDLED, "--as-of", "all", name="whole.html")
    today = page_data(render(tmp_path, "--data", BUNDLED, name="today.html"))["view"]
    assert today == ["as of 2026-11-30: 2 ended ties left out",  # until 2020-08-18
                     "as of 2026-11-30: 2 inactive actors left out (outside their period or with no tie in force)"]
    html = render(tmp_path, "--data", BUNDLED, "--without", "Barkhane", "--as-of", "2020-10", "--relation", "part_of",
                  "--relation", "trains", "--focus", "Mali", "--depth", "2")
    view = page_data(html)["view"]
    from conftest import bundled_count

    n = bundled_count(actor="barkhane")
    assert view[0] == f"without Operation Barkhane: 1 actor and {n} relations left out"  # the page has every status
    assert view[1].startswith("only part_of, trains relations: ") and view[1].endswith("others left out")
    assert view[2].startswith("as of 2020-10: ") and "not valid on that date left out" in view[2]
    assert view[3] == "as of 2020-10: 2 inactive actors left out (outside their period or with no tie in force)"
    assert view[4].startswith("around Mali, 2 steps out: ")
    banner = re.search(r'<div id="ag-banner".*?</div>', html, re.S).group(0)
    assert all(unescape_note in unescape(banner) for unescape_note in view)


def test_default_title_names_the_data_folder(tmp_path, monkeypatch):
    monkeypatch.chdir(BUNDLED.parent)
    assert page_data(render(tmp_path, "--data", "data"))["title"] == "Actor map: data"


def test_color_by_community(tmp_path):
    # two tight groups joined by one tie, a few actors: colouring by community is a map of its own to lay out
    folder = write(tmp_path / "two", "id,name,type\n" + "".join(f"{a},{a.upper()},x\n" for a in "abcdefgh"),
                   "source,relation,target,evidence\n" + "".join(
                       f"{u},coordinates_with,{v},e\n" for u, v in
                       ("ab", "ac", "ad", "bc", "bd", "cd", "ef", "eg", "eh", "fg", "fh", "gh", "de")))
    data = page_data(render(tmp_path, "--data", folder, "--color-by", "community"))
    assert data["groupLabel"] == "community"
    groups = {n["group"] for n in data["nodes"]}
    assert groups == {g["key"] for g in data["groups"]} and all(g.startswith("community ") for g in groups)
    assert sum(g["count"] for g in data["groups"]) == len(data["nodes"])
    assert len(data["groups"]) == 2
    found = json.loads(invoke("communities", "--data", folder, "--format", "json").stdout)
    first = {a["id"] for a in found[0]["actors"]}
    assert {n["id"] for n in data["nodes"] if n["group"] == "community 1"} == first


@pytest.mark.slow  # a full layout or several renders: in the full suite, not the fast loop
def test_without_and_as_of_in_render(tmp_path):
    data = page_data(render(tmp_path, "--data", BUNDLED, "--without", "Barkhane", "--as-of", "2020-10"))
    ids = {n["id"] for n in data["nodes"]}
    assert "barkhane" not in ids
    # the page holds every period (its time bar moves the date), and opens at the view's date, where the
    # government's ties, ended with the coup, are not in force
    assert data["time"]["date"] == "2020-10-01"
    ended = [data["time"]["ties"][i] for i, r in enumerate(data["relations"]) if r["source"] == "mali_government"]
    assert ended and all(t[1] and t[1] < "2020-10-01" for t in ended)


def test_focus_on_an_actor_left_out_is_a_clean_error(tmp_path):
    result = invoke("render", "--data", BUNDLED, "-o", tmp_path / "x.html", "--focus", "takuba", "--without", "Takuba")
    assert result.exit_code == 1
    assert "'takuba' is left out of this view (--without)" in result.stderr
    assert not (tmp_path / "x.html").exists()


# -- the legend (issue 22, item 5) -----------------------------------------------------------------------------------

LEGEND_ACTORS = "id,name,type\na,Alpha,force\nb,Beta,force\nc,Gamma,state\nd,Delta,observer\n"
LEGEND_RELATIONS = ("source,relation,target,evidence,status\na,trains,b,doc,actual\nb,part_of,c,doc,actual\n"
                    "a,coordinates_with,c,doc,planned\nd,part_of,c,doc,actual\n")


def legend_data(tmp_path):
    folder = write(tmp_path / "legend", LEGEND_ACTORS, LEGEND_RELATIONS)
    (folder / "types.csv").write_text("type,label,color,shape\nforce,Armed <i>forces</i>,,\nstate,,,\n",
                                      encoding="utf-8")
    return folder


def legend_texts(svg: str) -> list[str]:
    """The legend's lines of an SVG picture (text drawn beside a marker: 'name (count)')."""
    from html import unescape as text

    return [text(t) for t in re.findall(r"<text[^>]*>([^<]*\(\d+\))</text>", svg)]


def view_legend(folder, group_label="type", **view):
    """The page's legend data for a view of the data set, without laying the map out (fast)."""
    from graph.analysis.views import View, graph_of
    from graph.data.load import load_dataset
    from graph.output.page import legend_data

    G = graph_of(load_dataset(folder), View(**view), all_statuses=True, all_ties=True)  # what a page holds
    types = [t for _, t in G.nodes(data="type")]
    groups = [{"key": t, "count": types.count(t)} for t in sorted(set(types))]  # as the scene has them
    return G, legend_data(G, groups, group_label)


def test_legend_lists_only_the_kinds_and_statuses_of_the_view(tmp_path):
    folder = legend_data(tmp_path)
    _, whole = view_legend(folder)
    assert [(k["name"], k["count"]) for k in whole["kinds"]] == [("trains", 1), ("coordinates_with", 1),
                                                                 ("part_of", 2)]
    _, part = view_legend(folder, relations=["part_of"])
    assert [(k["name"], k["count"]) for k in part["kinds"]] == [("part_of", 2)]  # no trains (0) row
    assert [(s["name"], s["count"]) for s in part["statuses"]] == [("actual", 2)]  # no planned (0) row
    _, planned = view_legend(folder, statuses=["planned"], relations=["coordinates_with"])
    assert [(s["name"], s["count"], s["shown"]) for s in planned["statuses"]] == [("planned", 1, False)]
    _, graded = view_legend(folder, min_grade="A1")  # no tie is graded: nothing left
    assert graded["kinds"] == [] and graded["statuses"] == []


def test_legend_shows_the_types_label_and_the_tables_keep_the_type(tmp_path):
    G, legend = view_legend(legend_data(tmp_path))
    assert [(g["key"], g["label"]) for g in legend["groups"]] == [
        ("force", "Armed <i>forces</i>"), ("observer", "observer"), ("state", "state")]  # a blank label: the type
    assert G.nodes["a"]["type"] == "force"  # what the tables and the panel show
    _, community = view_legend(legend_data(tmp_path), group_label="community")
    assert [g["label"] for g in community["groups"]] == ["force", "observer", "state"]  # only types have labels


def test_picture_legend_has_labels_and_no_empty_kind(tmp_path):
    from graph.output.static import group_labels, legend_kinds

    G, _ = view_legend(legend_data(tmp_path), relations=["part_of"])
    assert [k["label"] for k in legend_kinds(G)] == ["part of"]
    assert group_labels(G, ["force", "state"]) == {"force": "Armed <i>forces</i>", "state": "state"}
    assert group_labels(G, ["force"], by_type=False) == {"force": "force"}


@pytest.mark.slow  # two renders and a picture of a small data set
def test_rendered_legend_has_only_the_views_rows_with_labels(tmp_path):
    folder = legend_data(tmp_path)
    focus = page_data(render(tmp_path, "--data", folder, "--focus", "Alpha", name="focus.html"))
    assert [(g["key"], g["label"]) for g in focus["groups"]] == [("force", "Armed <i>forces</i>"),
                                                                 ("state", "state")]  # Delta's observer: not there
    assert all(k["count"] > 0 for k in focus["kinds"]) and {k["name"] for k in focus["kinds"]} == {
        "trains", "part_of", "coordinates_with"}
    assert focus["actors"]["a"]["type"] == "force"
    out = tmp_path / "part.svg"
    result = invoke("render", "--data", folder, "-o", out, "--relation", "part_of")
    assert result.exit_code == 0, result.output
    assert legend_texts(out.read_text(encoding="utf-8")) == ["Armed <i>forces</i> (2)", "observer (1)", "state (1)",
                                                            "part of → (2)"]
