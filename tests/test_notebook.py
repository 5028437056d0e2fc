"""to_pyvis and iframe: the explorer's picture as a pyvis Network that renders offline (browser: test_browser_notebook.py)."""

from __future__ import annotations

import json
import re
from copy import deepcopy
from html.parser import HTMLParser

import pytest

from conftest import BUNDLED, write

HOSTILE = "</script><img src=x onerror=alert(1)>"
ACTORS = f"""id,name,type,description,aliases
a,Alpha,force,First actor,A1;Alef
b,"{HOSTILE}",force,"Says ""hi"" & <b>bye</b>",
c,Gamma,state,Third actor,G
"""


def graph_of(folder):
    """G and values as `actorgraph render` makes them: every status drawn, measures on actual ties."""
    from graph.analysis.build import build_graph, select
    from graph.analysis.metrics import centrality
    from graph.data.load import load_dataset
    from graph.names import PANEL_MEASURES

    G = build_graph(load_dataset(folder))
    values, _ = centrality(select(G, statuses={"actual"}), PANEL_MEASURES)
    return G, values


@pytest.fixture(scope="module")
def small(tmp_path_factory):
    """A three-actor graph (one with a hostile name) and its pyvis network: quick to lay out."""
    from graph.output.notebook import to_pyvis

    G, values = graph_of(write(tmp_path_factory.mktemp("small") / "data", actors=ACTORS))
    return G, values, to_pyvis(G, values, title=HOSTILE)


@pytest.fixture(scope="session")
def bundled():
    """The bundled data, its scene, and to_pyvis's network, laid out once per run.

    Layouts take seconds, so scene_for is memoised for this fixture's calls (keyed by every
    argument): to_pyvis still gets the scene of exactly the arguments it passes.
    """
    from graph.output import notebook
    from graph.picture.scene import scene_for

    G, values = graph_of(BUNDLED)
    memo = {}

    def memoised(G_, values_, size_by="betweenness", groups=None, seed=7):
        key = (id(G_), id(values_), size_by, tuple(sorted((groups or {}).items())), seed)
        if key not in memo:
            memo[key] = scene_for(G_, values_, size_by, groups, seed)
        return memo[key]

    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(notebook, "scene_for", memoised)
        scene = scene_for(G, values, "betweenness", {n: d.get("type", "") for n, d in G.nodes(data=True)}, 7)
        net = notebook.to_pyvis(G, values)
    return G, values, scene, net


class Parsed(HTMLParser):
    """Start tags, attributes and script texts of a page, as a browser's tokenizer sees them."""

    def __init__(self, text):
        super().__init__(convert_charrefs=True)
        self.tags, self.scripts, self._in_script = [], [], False
        self.feed(text)

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))
        self._in_script = tag == "script"

    def handle_data(self, data):
        if self._in_script:
            self.scripts.append(data)

    def handle_endtag(self, tag):
        self._in_script = False


def page_data(html: str) -> dict:
    m = re.search(r'<script type="application/json" id="ag-data">(.*?)</script>', html, re.S)
    return json.loads(m.group(1))


def test_same_nodes_and_edges_as_the_graph(small):
    G, _, net = small
    assert [n["id"] for n in net.nodes] == list(G)
    assert len(net.edges) == G.number_of_edges() == 3
    assert [(e["from"], e["to"]) for e in net.edges] == [(u, v) for u, v in G.edges()]
    assert net.num_nodes() == 3 and net.num_edges() == 3  # pyvis's own bookkeeping is filled too
    nodes, edges, heading, _h, _w, options = net.get_network_data()
    assert nodes is net.nodes and edges is net.edges and heading == HOSTILE
    assert json.loads(options)["physics"] == {"enabled": False}


def test_edges_have_arrows_per_kind_and_dashes_per_style(small):
    G, _, net = small
    from graph.data.schema import kinds_of

    kinds = kinds_of(G)
    by_kind = {e["kind"]: e for e in net.edges}
    assert by_kind.keys() == {"trains", "part_of", "coordinates_with"}
    for kind, edge in by_kind.items():
        assert edge["arrows"] == ("to" if kinds[kind].directed else "")
        assert edge["color"]["color"] == kinds[kind].color
    assert by_kind["coordinates_with"]["arrows"] == "" and by_kind["coordinates_with"]["dashes"] is True
    assert by_kind["trains"]["dashes"] is False


@pytest.mark.slow
def test_bundled_colours_shapes_sizes_positions_are_the_scenes(bundled):
    G, _, scene, net = bundled
    assert len(net.nodes) == G.number_of_nodes() == len(scene.ids)
    assert len(net.edges) == G.number_of_edges() == len(scene.edges)
    got = {n["id"]: n for n in net.nodes}
    for i, v in enumerate(scene.ids):
        n = got[v]
        assert (n["x"], n["y"]) == (scene.x[i], scene.y[i])
        assert n["shape"] == scene.shape[i] and n["size"] == scene.radius[i]
        assert n["color"]["background"] == scene.colour[i]
    assert len({n["shape"] for n in net.nodes}) > 1 and len({n["color"]["background"] for n in net.nodes}) > 1
    for e, s in zip(net.edges, scene.edges):
        assert (e["id"], e["from"], e["to"]) == (s["id"], s["from"], s["to"])
        assert e["arrows"] == ("to" if s["arrow"] else "")
        assert e["smooth"] == (False if not s["bend"] else
                               {"enabled": True, "type": "curvedCW" if s["bend"] > 0 else "curvedCCW",
                                "roundness": abs(s["bend"])})
    statuses = {e["status"]: e["dashes"] for e in net.edges}
    assert statuses["planned"] == [8, 6] and statuses["recommended"] == [2, 6]  # drawn, broken
    assert json.loads(net.get_network_data()[-1])["physics"]["enabled"] is False


@pytest.mark.slow
def test_bundled_page_is_offline_and_deterministic(bundled, tmp_path):
    G, values, _, net = bundled
    html = net.generate_html()
    assert not re.search(r"https?://", html, re.I)
    assert [t for t, _ in Parsed(html).tags if t in ("link", "img", "iframe", "object")] == ["link"]  # the icon
    assert all(not a.get("src") for t, a in Parsed(html).tags)
    assert next(a for t, a in Parsed(html).tags if t == "meta" and "http-equiv" in a)["content"].startswith(
        "default-src 'none'")
    assert len(page_data(html)["nodes"]) == G.number_of_nodes()
    assert net.generate_html() == html


def test_page_has_no_remote_resource(small):
    html = small[2].generate_html()
    assert "http://" not in html and "https://" not in html
    parsed = Parsed(html)
    links = [a for t, a in parsed.tags if t == "link"]
    assert links == [{"rel": "icon", "href": "data:,"}]
    scripts = [a for t, a in parsed.tags if t == "script"]
    assert scripts == [{"type": "application/json", "id": "ag-data"}, {}, {}]  # inline only, no src
    csp = next(a["content"] for t, a in parsed.tags if t == "meta" and a.get("http-equiv"))
    assert csp.startswith("default-src 'none'; script-src 'sha256-")


def test_hostile_name_stays_text(small):
    G, _, net = small
    html = net.generate_html()
    assert HOSTILE not in html and "<img" not in html.lower() and "<b>bye" not in html
    parsed = Parsed(html)
    assert [t for t, _ in parsed.tags].count("script") == 3
    assert "img" not in [t for t, _ in parsed.tags]
    data = json.loads(parsed.scripts[0])  # what JSON.parse(textContent) gives the page
    node = next(n for n in data["nodes"] if n["id"] == "b")
    assert node["label"].replace("\n", " ") == HOSTILE  # wrapped into lines as the explorer wraps it
    assert node["title"] == f'{HOSTILE}\nforce\nSays "hi" & <b>bye</b>'
    assert f"<h1>{HOSTILE}" not in html and "<h1>&lt;/script&gt;&lt;img src=x onerror=alert(1)&gt;</h1>" in html


def test_tooltips_are_plain_text_lines(small):
    _, _, net = small
    nodes = {n["id"]: n for n in net.nodes}
    assert nodes["a"]["title"] == "Alpha\nforce\nFirst actor\nAlso known as: A1, Alef"
    edges = {(e["from"], e["to"]): e for e in net.edges}
    assert edges["a", "b"]["title"] == (f"Alpha \u2014trains\u2192 {HOSTILE}\nEvidence: doc \u00a71\n"
                                        "Note: a trains b\nConfidence: stated\nValid: since 2019")
    assert edges["b", "c"]["title"].endswith("Confidence: implied\nValid: until 2020-08-18")
    assert edges["a", "c"]["title"].startswith("Alpha \u2014 coordinates with \u2014 Gamma\n")


def test_same_input_gives_the_same_bytes(small, tmp_path):
    from graph.output.notebook import to_pyvis

    G, values, net = small
    again = to_pyvis(G, values, title=HOSTILE)
    assert again is not net and again.generate_html() == net.generate_html()


def test_write_html_writes_utf8_and_nothing_else(small, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    net = small[2]
    net.write_html("graph.html")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["graph.html"]  # pyvis would add lib/
    text = (tmp_path / "graph.html").read_bytes().decode("utf-8")
    assert text == net.generate_html() == net.html
    assert not text.isascii()  # the inlined vis-network has non-ASCII: written as UTF-8 whatever the locale


def test_still_a_pyvis_network(small):
    from pyvis.network import Network

    from graph.output import notebook

    _, _, net = small
    assert isinstance(net, Network) and isinstance(net, notebook.OfflineNetwork)
    copy = deepcopy(net)
    copy.add_node("d", label="Delta")
    copy.add_edge("a", "d")
    copy.toggle_physics(True)
    data = page_data(copy.generate_html())
    assert data["nodes"][-1]["id"] == "d" and data["edges"][-1]["from"] == "a"
    assert data["options"]["physics"]["enabled"] is True
    assert copy.num_nodes() == 4 and len(net.nodes) == 3  # the first network is untouched


def test_values_json_cannot_carry_are_refused(small):
    net = deepcopy(small[2])
    net.nodes[0]["value"] = float("nan")
    with pytest.raises(ValueError, match="NaN or infinity"):
        net.generate_html()


def test_iframe_srcdoc_round_trips_through_an_html_parser(small):
    from graph.output.notebook import iframe

    for page in ('<p title="a &amp; &quot;b&quot;">x & y "z" \'q\'</p><script>if (a < b && c > "d") {}</script>',
                 small[2].generate_html()):
        cell = iframe(page, height=480)
        tags = Parsed(cell).tags
        assert [t for t, _ in tags] == ["iframe"]
        attrs = tags[0][1]
        assert attrs["srcdoc"] == page
        assert attrs["sandbox"] == "allow-scripts"  # no allow-same-origin: the page cannot reach the notebook
        assert "src" not in attrs and "height: 480px" in attrs["style"]
    assert 'srcdoc="&lt;p title=&quot;a &amp;amp; &amp;quot;b' in iframe(
        '<p title="a &amp; &quot;b&quot;">')


def test_network_shows_itself_in_a_notebook(small):
    cell = small[2]._repr_html_()
    attrs = Parsed(cell).tags[0][1]
    assert attrs["srcdoc"] == small[2].generate_html()
    assert "height: 620px" in attrs["style"]  # pyvis's 600px canvas, plus the page's margin
