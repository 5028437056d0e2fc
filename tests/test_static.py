"""render -o map.svg / .png / .pdf: the same map as the page, every actor labelled, deterministic."""

from __future__ import annotations

import struct
import xml.etree.ElementTree as ET

import pytest

from conftest import BUNDLED, FIXTURES, invoke
from graph.analysis.build import build_graph
from graph.data.load import load_dataset

SVG = "{http://www.w3.org/2000/svg}"


def picture(tmp_path, name, *args, data=BUNDLED):
    out = tmp_path / name
    result = invoke("render", "--data", data, "-o", out, *args)
    assert result.exit_code == 0, result.output
    return out


def svg_labels(path) -> dict[str, str]:
    """Actor id -> its label text, read from the SVG's <g id="label-ID"> groups."""
    root = ET.parse(path).getroot()
    out = {}
    for g in root.iter(SVG + "g"):
        gid = g.get("id", "")
        if gid.startswith("label-"):
            out[gid[len("label-"):]] = " ".join(t.text for t in g.iter(SVG + "text"))
    return out


def test_svg_labels_every_actor_by_name(tmp_path):
    path = picture(tmp_path, "map.svg", "--as-of", "all")  # every period: no actor inactive
    labels = svg_labels(path)
    G = build_graph(load_dataset(BUNDLED))
    assert set(labels) == set(G)
    for n, d in G.nodes(data=True):
        assert labels[n] == d["name"], n


def test_svg_is_byte_identical_and_has_no_date(tmp_path):
    first = picture(tmp_path, "a.svg").read_bytes()
    second = picture(tmp_path, "b.svg").read_bytes()
    assert first == second
    assert b"<dc:date>" not in first and b"Matplotlib v" not in first


def test_svg_escapes_names(tmp_path):
    path = picture(tmp_path, "h.svg", data=FIXTURES / "hostile")
    labels = svg_labels(path)  # parses: nothing broke out of its element
    G = build_graph(load_dataset(FIXTURES / "hostile"))
    assert labels["img"] == G.nodes["img"]["name"] == '<img src=x onerror="window.__pwned=1">'
    assert b"<img" not in path.read_bytes()


@pytest.mark.slow  # a full layout or thousands of actors: in the full suite, not the fast loop
def test_svg_has_title_legend_and_banner(tmp_path):
    path = picture(tmp_path, "v.svg", "--without", "Barkhane", "--title", "Sahel & co")
    texts = [t.text for t in ET.parse(path).getroot().iter(SVG + "text")]
    assert "Sahel & co" in texts
    assert "Partial view: without Operation Barkhane: 1 actor and 17 relations left out" in texts
    assert "Legend" in texts and "military unit (9)" in texts and "coordinates with (3)" in texts
    assert "Partial view: as of 2026-11-30: 2 ended ties left out" in texts  # no `marks`


def png_size(data: bytes):
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    return struct.unpack(">II", data[16:24])


@pytest.mark.slow  # rasterises four slide-sized PNGs
def test_png_resolution_follows_dpi(tmp_path):
    low = png_size(picture(tmp_path, "low.png", "--dpi", "100").read_bytes())
    high = png_size(picture(tmp_path, "high.png").read_bytes())  # default 200 dpi
    assert high[0] == pytest.approx(2 * low[0], abs=2) and high[1] == pytest.approx(2 * low[1], abs=2)
    assert high[0] >= 2400  # good for a slide
    assert picture(tmp_path, "a.png").read_bytes() == picture(tmp_path, "b.png").read_bytes()


def test_pdf_is_deterministic_and_keeps_text(tmp_path):
    first = picture(tmp_path, "a.pdf").read_bytes()
    assert first.startswith(b"%PDF-") and b"/CreationDate" not in first
    assert first == picture(tmp_path, "b.pdf").read_bytes()


def test_unknown_extension_is_a_usage_error(tmp_path):
    result = invoke("render", "--data", BUNDLED, "-o", tmp_path / "map.jpg")
    assert result.exit_code == 2 and "'.jpg' is not a format actorgraph writes" in result.stderr
    assert not (tmp_path / "map.jpg").exists()


@pytest.mark.slow  # the bundled map drawn twice as PNG
def test_many_ties_drawn_as_collections_look_the_same(monkeypatch):
    """Above MANY_TIES the lines, heads and bars are three collections: the same picture, pixel for pixel
    but for the anti-aliasing of a few crossings."""
    import io

    import numpy as np
    from PIL import Image

    from graph.analysis.metrics import centrality
    from graph.analysis.views import View, graph_of
    from graph.output import static

    G = graph_of(load_dataset(BUNDLED), View(as_of="all", statuses="all"), all_statuses=True, all_ties=True)
    values, _ = centrality(G, ["degree", "betweenness"])
    assert any(d.get("status") == "planned" for *_, d in G.edges(data=True))  # dashes drawn both ways
    drawn = {}
    for many in (10 ** 9, 0):
        monkeypatch.setattr(static, "MANY_TIES", many)
        drawn[many] = static.static_map(G, values, "png", title="t", dpi=100)
        if many == 0:
            svg = static.static_map(G, values, "svg", title="t").decode()
            assert 'id="PathCollection_1"' in svg and 'id="PatchCollection_1"' in svg
    one, many = (np.asarray(Image.open(io.BytesIO(drawn[k])).convert("RGB")).astype(int) for k in (10 ** 9, 0))
    assert one.shape == many.shape
    differ = np.abs(one - many).sum(axis=2)
    assert (differ > 0).mean() < 0.001 and (differ > 120).sum() < 20  # 95 of 4 million at 200 dpi, none > 60


def test_a_legend_too_long_for_a_page_is_cut_and_says_how_many_more():
    from types import SimpleNamespace

    from graph.output.static import _below_cells

    scene = SimpleNamespace(groups=[{"key": f"t{i}"} for i in range(10)])
    kinds = [{"label": f"k{i}"} for i in range(30)]
    cells, used = _below_cells(scene, kinds, 4)
    assert used == 40 and len(cells) == 40
    cells, used = _below_cells(scene, kinds, 4, rows=5)
    assert used == 20 and [c[0] for c in cells] == list(range(20))
    assert cells[-1] == (19, "more", {"count": 21})  # 19 entries shown, 21 left out
    assert _below_cells(scene, kinds, 4, rows=10) == _below_cells(scene, kinds, 4)  # they fit: all shown


@pytest.mark.slow
def test_the_a4_map_page_keeps_a_map_under_a_hundred_kinds(tmp_path):
    """The report's landscape A4 map page: a legend that would fill the page is cut and the map keeps 3 in (it
    failed: a negative map height)."""
    import matplotlib
    from matplotlib import pyplot as plt

    from graph.analysis.metrics import centrality
    from graph.analysis.views import View, graph_of
    from graph.output.printout import A4_LANDSCAPE
    from graph.output.static import PAGE_MAP_IN, RC, map_figure, map_parts

    from conftest import ACTORS, RELATIONS, write

    G = graph_of(load_dataset(write(tmp_path / "small", ACTORS, RELATIONS)), View(as_of="all"))
    parts = map_parts(G, centrality(G, ["betweenness"])[0], title="Map")
    parts["kinds"] = [{"label": f"kind {i}", "color": "#495057", "style": "solid", "directed": True, "count": 1}
                      for i in range(100)]
    with matplotlib.rc_context(RC):
        fig = map_figure(**parts, legend="below", page=A4_LANDSCAPE)
        try:
            heights = sorted(ax.get_position().height * A4_LANDSCAPE[1] for ax in fig.axes)
            texts = [t.get_text() for ax in fig.axes for t in ax.texts]
        finally:
            plt.close(fig)
    assert heights[-1] >= PAGE_MAP_IN - 0.01 or heights[0] >= PAGE_MAP_IN - 0.01  # the map's axes
    assert any(t.startswith("\u2026 and ") and t.endswith(" more") for t in texts)
