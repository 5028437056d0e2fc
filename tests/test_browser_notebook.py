"""to_pyvis's page and the notebook iframe in a real headless Chromium, every request blocked (see browsing.py)."""

from __future__ import annotations

import pytest

import test_notebook
from conftest import FIXTURES
from test_notebook import graph_of

bundled = test_notebook.bundled  # the same session fixture: the bundled map is laid out once per run

pytestmark = [pytest.mark.browser, pytest.mark.slow]

TITLE = "Sahel <actors>"


@pytest.fixture(scope="session")
def pages(bundled, tmp_path_factory):
    """The explorer, to_pyvis's page and a host page framing the explorer, for the bundled data."""
    from graph.output.notebook import iframe
    from graph.output.page import render_html

    G, values, scene, net = bundled
    folder = tmp_path_factory.mktemp("notebook")
    explorer = render_html(G, values, title=TITLE)
    out = {"explorer": folder / "explorer.html", "pyvis": folder / "pyvis.html", "host": folder / "host.html"}
    out["explorer"].write_text(explorer, encoding="utf-8")
    net.write_html(str(out["pyvis"]))
    out["host"].write_text('<!DOCTYPE html>\n<html><head><meta charset="utf-8"><title>notebook</title></head>'
                           f'<body data-ready="true">{iframe(explorer, height=700)}</body></html>\n',
                           encoding="utf-8")
    return out


def offline(p, path):
    assert p.requests == [path.as_uri()]  # nothing else was even attempted
    assert p.errors == []


def test_pyvis_page_draws_offline_as_the_explorer_does(open_page, pages, bundled):
    G, _, scene, _ = bundled
    mine = open_page(pages["pyvis"])
    page = open_page(pages["explorer"])
    offline(mine, pages["pyvis"])
    offline(page, pages["explorer"])
    assert mine.js("network.body.data.nodes.length") == G.number_of_nodes()
    assert mine.js("network.body.data.edges.length") == G.number_of_edges()  # planned, recommended too
    assert mine.js("network.physics.physicsEnabled") is False
    positions = mine.js("network.getPositions()")
    theirs = page.js("network.getPositions()")
    assert positions.keys() == theirs.keys() == set(G)
    for v, xy in theirs.items():
        assert positions[v]["x"] == pytest.approx(xy["x"], abs=1e-6)
        assert positions[v]["y"] == pytest.approx(xy["y"], abs=1e-6)
    drawn = "Object.fromEntries(Object.entries(network.body.nodes).map(([id, n]) => [id, [n.x, n.y]]))"
    assert mine.js(drawn) == page.js(drawn)
    for v, x, y in zip(scene.ids, scene.x, scene.y):  # vis-network takes x and y through parseInt
        assert (positions[v]["x"], positions[v]["y"]) == (pytest.approx(x, abs=1), pytest.approx(y, abs=1))
    style = "network.body.data.nodes.get().map(n => [n.id, n.color, n.shape, n.size, n.title])"
    mine_style = {row[0]: row[1:] for row in mine.js(style)}
    their_style = {row[0]: row[1:] for row in page.js(style)}
    assert mine_style == their_style  # colours, shapes, sizes and the tooltip text the explorer writes
    assert len({s[0]["background"] for s in mine_style.values()}) > 1


def test_edge_styles_and_tooltips_match_the_explorer(open_page, pages):
    mine = open_page(pages["pyvis"])
    page = open_page(pages["explorer"])
    for status in ("recommended", "planned"):  # the explorer shows them on demand
        page.page.click(f"#ag-legend-status li[data-status='{status}'] input")
    style = "network.body.data.edges.get().map(e => [e.id, e.from, e.to, e.arrows, e.dashes, e.color, e.smooth, e.title])"
    mine_edges = {row[0]: row[1:] for row in mine.js(style)}
    their_edges = {row[0]: row[1:] for row in page.js(style)}
    from conftest import bundled_relations

    assert len(mine_edges) == len(their_edges) == len(bundled_relations())  # every tie, any status
    assert mine_edges == their_edges
    assert mine.errors == page.errors == []


def test_hostile_names_stay_text_in_the_pyvis_page(open_page, tmp_path):
    from graph.output.notebook import to_pyvis

    G, values = graph_of(FIXTURES / "hostile")
    path = tmp_path / "hostile.html"
    to_pyvis(G, values, title="<img src=x onerror=window.__pwned=9>").write_html(str(path))
    p = open_page(path)
    offline(p, path)
    names = p.js("network.body.data.nodes.get().map(n => n.title.split('\\n')[0])")
    assert sorted(names) == sorted(d["name"] for _, d in G.nodes(data=True))
    assert p.js("document.querySelector('h1').textContent") == "<img src=x onerror=window.__pwned=9>"
    p.page.hover("#mynetwork")
    assert p.js("window.__pwned") is None
    assert p.js("document.querySelectorAll('img, a, iframe').length") == 0


def test_iframe_shows_the_explorer_without_a_request(open_page, pages, bundled):
    G = bundled[0]
    host = open_page(pages["host"])
    frame = host.page.locator("iframe").element_handle().content_frame()
    frame.wait_for_url("about:srcdoc", timeout=20000)  # the host's load can be reported before the frame's URL
    frame.wait_for_function("() => document.body.dataset.ready === 'true'", timeout=20000)
    assert frame.evaluate("network.body.data.nodes.length") == G.number_of_nodes()
    assert frame.evaluate("document.getElementById('ag-title').textContent") == TITLE
    assert frame.evaluate("document.getElementById('mynetwork').clientHeight") > 200
    box = host.page.locator("iframe").bounding_box()
    assert box["height"] == 700 and box["width"] > 1000
    offline(host, pages["host"])
