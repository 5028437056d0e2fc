"""positions.csv: validated, honoured by the layout, kept in every view, written by `layout`, renamed with actors."""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET

import numpy as np
import pytest

from conftest import invoke, snapshot, write
from graph.data.load import load_dataset
from graph.data.problems import DataError

ACTORS = """id,name,type,description,aliases
a,Alpha,force,,
b,Beta,force,,
c,Gamma,state,,
d,Delta,state,,
e,Epsilon,group,,
f,Phi,group,,
g,Gimel,group,,
"""
RELATIONS = """source,relation,target,evidence,since,until
a,trains,b,doc 1,2019,
b,part_of,c,doc 2,,
a,coordinates_with,c,doc 3,,
c,coordinates_with,d,doc 4,2021,
d,trains,e,doc 5,,2020-06-30
e,coordinates_with,f,doc 6,,
f,trains,g,doc 7,,
g,coordinates_with,a,doc 8,2022,
"""


@pytest.fixture
def seven(tmp_path):
    return write(tmp_path / "seven", ACTORS, RELATIONS)


def problems_of(folder):
    try:
        return [(p.line, p.code) for p in load_dataset(folder).problems]
    except DataError as exc:
        return [(p.line, p.code) for p in exc.problems]


def page_positions(path):
    m = re.search(r'<script type="application/json" id="ag-data">(.*?)</script>', path.read_text("utf-8"), re.S)
    return {n["id"]: (n["x"], n["y"]) for n in json.loads(m.group(1))["nodes"]}


# ---- validation ---------------------------------------------------------------------------------

def test_bad_positions_are_file_line_errors(seven):
    (seven / "positions.csv").write_text("id,x,y\na,10,20\nbeta,1,2\nc,abc,3\nd,4,nan\na,5,6\nbb,7,8\n"
                                         "gone,9,9\nf,,1\n", encoding="utf-8")
    found = problems_of(seven)
    assert (3, "unknown-position") in found  # 'beta' is b's name
    assert (4, "bad-position") in found and (5, "bad-position") in found  # abc, nan
    assert (6, "duplicate-position") in found
    assert (7, "unknown-position") in found  # 'bb': a typo of an actor without a position
    assert (8, "removed-actor-position") in found  # no actor like it: removed, a warning
    assert (9, "empty-field") in found
    result = invoke("validate", "--data", seven)
    assert result.exit_code == 1
    assert "positions.csv:7: no actor has the id 'bb'; did you mean 'b'?" in result.output
    assert "positions.csv:8: warning:" in result.output


def test_positions_beyond_a_million_px_are_errors(seven):
    (seven / "positions.csv").write_text("id,x,y\na,1e308,0\nb,0,-1000000.5\nc,1000000,-1000000\n",
                                         encoding="utf-8")
    assert problems_of(seven) == [(2, "bad-position"), (3, "bad-position")]  # c, at the edge, is allowed
    (seven / "positions.csv").write_text("id,x,y\na,1_000,0\nb,\u0661\u0662,1\nc,\uff11\uff12,2\nd,-.5,+1e2\n",
                                         encoding="utf-8")
    assert problems_of(seven) == [(2, "bad-position"), (3, "bad-position"), (4, "bad-position")]  # plain digits only


@pytest.mark.slow
def test_far_apart_pins_still_draw_a_bounded_picture(seven, tmp_path):
    (seven / "positions.csv").write_text("id,x,y\na,0,-1000000\nc,10,1000000\n", encoding="utf-8")
    from PIL import Image

    for fmt in ("png", "svg", "pdf"):  # a map 2,000,000 px tall and 10 wide: narrowed, at most 24 in high
        out = tmp_path / f"tall.{fmt}"
        result = invoke("render", "--data", seven, "-o", out, "--dpi", "100")
        assert result.exit_code == 0, result.output
    width, height = Image.open(tmp_path / "tall.png").size
    assert height <= 24 * 100 + 200 and width < 10 * 100


def test_a_removed_actor_only_warns_and_the_rest_applies(seven):
    (seven / "positions.csv").write_text("id,x,y\na,10,-20.5\nzzz_removed,1,2\n", encoding="utf-8")
    ds = load_dataset(seven)
    assert ds.positions == {"a": (10.0, -20.5)}
    assert [(p.line, p.code, p.severity) for p in ds.problems] == [(3, "removed-actor-position", "warning")]


# ---- the layout -----------------------------------------------------------------------------------

@pytest.mark.slow  # a layout with refinement and polish
def test_layout_keeps_fixed_actors_exactly_and_places_the_others_near_their_ties():
    import networkx as nx

    from graph.picture.layout import layout

    G = nx.MultiDiGraph()
    G.add_edges_from([(0, 1), (1, 2), (2, 3), (3, 0), (0, 4), (4, 5)], relation="trains")
    n = len(G)
    R, W, H = np.full(n, 8.0), np.full(n, 60.0), np.full(n, 18.0)
    fixed = np.full((n, 2), np.nan)
    fixed[:4] = [[0.3, 0.1], [400.7, 0.0], [400.0, 300.25], [0.0, 300.0]]
    P, _ = layout(G, R, W, H, fixed=fixed)
    assert np.array_equal(P[:4], fixed[:4])
    near = np.hypot(*(P[4] - P[0]))
    assert near < np.hypot(*(P[4] - P[2]))  # pulled towards its tie (0), not across the map
    whole, _ = layout(G, R, W, H, fixed=np.tile([[5.0, 6.0]], (n, 1)) + np.arange(n)[:, None] * 100)
    assert np.array_equal(whole, np.tile([[5.0, 6.0]], (n, 1)) + np.arange(n)[:, None] * 100)


# ---- one map, many views --------------------------------------------------------------------------

@pytest.mark.slow  # five renders and an SVG of a small data set
def test_every_view_and_the_svg_draw_actors_at_the_whole_maps_positions(seven, tmp_path):
    (seven / "positions.csv").write_text("id,x,y\nc,-123.4,56.7\n", encoding="utf-8")
    views = {"default": (), "as-of": ("--as-of", "2020"), "focus": ("--focus", "c"), "without": ("--without", "e"),
             "relation": ("--relation", "trains"), "status": ("--status", "all"), "all": ("--as-of", "all")}
    seen = {}
    for name, options in views.items():
        out = tmp_path / f"{name}.html"
        result = invoke("render", "--data", seven, "-o", out, *options)
        assert result.exit_code == 0, result.output
        seen[name] = page_positions(out)
    whole = seen["all"]
    assert whole["c"] == (-123.4, 56.7)  # pinned
    for name, where in seen.items():
        assert where and all(where[v] == whole[v] for v in where), name
    assert len(seen["focus"]) < len(whole) and len(seen["without"]) < len(whole)
    alone = tmp_path / "alone.html"
    # (a page holds every period for its time bar, so its view alone is what the other options leave)
    assert invoke("render", "--data", seven, "-o", alone, "--without", "e", "--relayout").exit_code == 0
    relaid = page_positions(alone)
    assert relaid["c"] == (-123.4, 56.7)  # pins hold in a layout of the view alone too
    assert any(relaid[v] != whole[v] for v in relaid)
    # the picture: the same positions, up to the picture's scale and offset
    svg = tmp_path / "map.svg"
    assert invoke("render", "--data", seven, "-o", svg, "--as-of", "2020").exit_code == 0
    centres = svg_centres(svg)
    ids = sorted(centres)
    assert len(ids) == len(seen["as-of"])
    A = np.array([[whole[v][0], whole[v][1], 1.0] for v in ids])
    B = np.array([centres[v] for v in ids])
    fit, *_ = np.linalg.lstsq(A, B, rcond=None)
    assert np.abs(A @ fit - B).max() < 1.0  # pt: one affine map takes the page's positions to the picture's


def svg_centres(path) -> dict:
    """Each actor's dot centre in an SVG of render (its <g id="actor-ID">), from its path's bounds."""
    out = {}
    for g in ET.parse(path).getroot().iter("{http://www.w3.org/2000/svg}g"):
        gid = g.get("id") or ""
        if gid.startswith("actor-"):
            p = next(g.iter("{http://www.w3.org/2000/svg}path"))
            numbers = [float(x) for x in re.findall(r"-?\d+(?:\.\d+)?", p.get("d"))]
            xs, ys = numbers[0::2], numbers[1::2]
            out[gid[len("actor-"):]] = ((min(xs) + max(xs)) / 2, (min(ys) + max(ys)) / 2)
    return out


# ---- the layout command ---------------------------------------------------------------------------

def read_positions_file(folder):
    lines = (folder / "positions.csv").read_text("utf-8").splitlines()
    assert lines[0] == "id,x,y"
    return {i: (float(x), float(y)) for i, x, y in (line.split(",") for line in lines[1:])}


@pytest.mark.slow  # lays out a small data set four times
def test_layout_writes_keeps_merges_and_starts_fresh(seven, tmp_path):
    result = invoke("layout", "--data", seven)
    assert result.exit_code == 0, result.output
    first = read_positions_file(seven)
    assert list(first) == ["a", "b", "c", "d", "e", "f", "g"]
    assert "placed 7 actors" in result.output
    # moved by hand, one removed: kept, and only the missing one is placed
    text = (seven / "positions.csv").read_text("utf-8").replace("c,", "c,999,-999\nold,").splitlines(True)
    text = [line for line in text if not line.startswith(("e,", "old,"))]
    (seven / "positions.csv").write_text("".join(text), encoding="utf-8")
    result = invoke("layout", "--data", seven)
    assert result.exit_code == 0, result.output
    again = read_positions_file(seven)
    assert again["c"] == (999.0, -999.0)
    assert all(again[v] == first[v] for v in first if v not in ("c", "e"))
    assert "placed 1 actor" in result.output and set(again) == set(first)
    # a download from the page merges in; a bad one changes nothing
    download = tmp_path / "positions (1).csv"
    download.write_text("id,x,y\na,1.5,2.5\n", encoding="utf-8")
    assert invoke("layout", "--data", seven, "--from", download).exit_code == 0
    merged = read_positions_file(seven)
    assert merged["a"] == (1.5, 2.5) and merged["c"] == (999.0, -999.0)
    before = snapshot(seven)
    download.write_text("id,x,y\na,1.5,2.5\nb,oops,1\na,3,4\n", encoding="utf-8")
    result = invoke("layout", "--data", seven, "--from", download)
    assert result.exit_code == 1
    assert "positions (1).csv:3: x must be a number of px from -1,000,000 to 1,000,000" in result.output
    assert "positions (1).csv:4: actor 'a' has a position already" in result.output
    assert snapshot(seven) == before
    # --fresh lays everything out again: the hand-made positions go
    assert invoke("layout", "--data", seven, "--fresh").exit_code == 0
    assert read_positions_file(seven) == first


def test_layout_refuses_bad_data_and_the_sample(seven):
    (seven / "positions.csv").write_text("id,x,y\na,inf,1\n", encoding="utf-8")
    before = snapshot(seven)
    result = invoke("layout", "--data", seven)
    assert result.exit_code == 1
    assert "positions.csv:2: x must be a number of px from -1,000,000 to 1,000,000" in result.output
    assert snapshot(seven) == before
    assert "read-only" in invoke("layout").output


def test_layout_keeps_the_files_format(seven):
    from graph.data.edit import edit_folder

    (seven / "positions.csv").write_bytes(b"sep=;\r\nID;X;Y;note\r\na;10.0;20;mine\r\nb;1;2;\r\n")
    edit_folder(seven, lambda e: e.set_positions({"a": (10.0, 21.0), "b": (1.0, 2.0), "c": (3.25, -4.0)}))
    assert (seven / "positions.csv").read_bytes() == b"sep=;\r\nID;X;Y;note\r\na;10.0;21;mine\r\nb;1;2;\r\nc;3.2;-4;\r\n"


def test_layout_fresh_rewrites_a_broken_positions_file_in_its_format(seven):
    """--fresh ignores the saved positions: a file with errors, or an empty one, is laid out again."""
    (seven / "positions.csv").write_bytes(b"id;x;y\r\na;abc;1\r\na;3;4\r\n")
    before = snapshot(seven)
    result = invoke("layout", "--data", seven)
    assert result.exit_code == 1 and "positions.csv:2: x must be a number" in result.output
    assert "or lay every actor out again with --fresh" in result.output and snapshot(seven) == before
    result = invoke("layout", "--data", seven, "--fresh")
    assert result.exit_code == 0, result.output
    text = (seven / "positions.csv").read_bytes()
    assert text.startswith(b"id;x;y\r\na;") and text.count(b"\r\n") == 8 and b"abc" not in text
    (seven / "positions.csv").write_bytes(b"")
    assert invoke("layout", "--data", seven, "--fresh").exit_code == 0
    assert set(load_dataset(seven).positions) == set("abcdefg")


def test_layout_refuses_to_merge_the_data_sets_own_positions_file(seven):
    assert invoke("layout", "--data", seven).exit_code == 0
    before = snapshot(seven)
    result = invoke("layout", "--data", seven, "--from", seven / "positions.csv")
    assert result.exit_code == 1 and "the data set's own positions.csv" in result.output
    assert snapshot(seven) == before


def test_a_failed_layout_blames_the_file_at_fault(seven, tmp_path):
    (seven / "types.csv").write_text("type,label,color,shape\nforce,Forces,#E69F0,dot\n", encoding="utf-8")
    download = tmp_path / "positions.csv"
    download.write_text("id,x,y\na,1,2\n", encoding="utf-8")
    result = invoke("layout", "--data", seven, "--from", download)
    assert result.exit_code == 1 and "types.csv:2:" in result.output
    assert "fix the errors above first" in result.output and "merge it again" not in result.output


def test_decimal_commas_are_read_and_kept(seven):
    """Excel in a Dutch, Belgian or French locale saves ';'-separated files with decimal commas."""
    (seven / "positions.csv").write_bytes(b"id;x;y\r\na;1,5;-2,25\r\n")
    assert load_dataset(seven).positions == {"a": (1.5, -2.25)}
    assert invoke("layout", "--data", seven).exit_code == 0
    rows = (seven / "positions.csv").read_bytes().split(b"\r\n")
    assert rows[1] == b"a;1,5;-2,25"  # unchanged, byte for byte
    assert all(b"." not in row and row.count(b";") == 2 for row in rows[2:] if row)
    assert set(load_dataset(seven).positions) == set("abcdefg")


def test_rename_and_remove_actor_edit_positions_too(seven):
    (seven / "positions.csv").write_text("id,x,y\nb,1,2\nc,3,4\n", encoding="utf-8")
    assert invoke("rename-actor", "--data", seven, "c", "gamma").exit_code == 0
    assert (seven / "positions.csv").read_text("utf-8") == "id,x,y\nb,1,2\ngamma,3,4\n"
    assert load_dataset(seven).positions == {"b": (1.0, 2.0), "gamma": (3.0, 4.0)}
    assert invoke("remove-actor", "--data", seven, "b", "--cascade").exit_code == 0
    assert (seven / "positions.csv").read_text("utf-8") == "id,x,y\ngamma,3,4\n"


# ---- the round trip in Chromium: drag, Save, layout --from, render ----------------------------------------

@pytest.mark.browser
def test_drag_save_merge_and_render_keeps_the_actor_where_it_was_dropped(seven, tmp_path, open_page):
    from graph import api
    from graph.analysis.views import View
    from graph.picture.scene import scene_for

    first = tmp_path / "first.html"
    assert invoke("render", "--data", seven, "-o", first).exit_code == 0
    page = open_page(first, viewport={"width": 1366, "height": 768})
    page.js("document.getElementById('mynetwork').scrollIntoView()")
    start = page.js("""id => { const p = network.getPositions([id])[id]; const d = network.canvasToDOM(p);
                        const r = document.getElementById('mynetwork').getBoundingClientRect();
                        return [r.left + d.x, r.top + d.y]; }""", "c")
    mouse = page.page.mouse
    mouse.move(*start)
    mouse.down()
    mouse.move(start[0] + 60, start[1] + 35, steps=12)
    mouse.up()
    page.frames(3)
    dropped = page.js("network.getPositions(['c']).c")
    with page.page.expect_download() as info:
        page.page.click("#ag-save-positions")
    download = tmp_path / "positions (download).csv"
    info.value.save_as(download)
    text = download.read_text("utf-8")
    assert text.splitlines()[0] == "id,x,y" and len(text.splitlines()) == 8
    assert not [u for u in page.requests if not u.startswith(("file:", "blob:", "data:"))]  # nothing sent
    result = invoke("layout", "--data", seven, "--from", download)
    assert result.exit_code == 0, result.output
    again = tmp_path / "again.html"
    assert invoke("render", "--data", seven, "-o", again).exit_code == 0
    page2 = open_page(again, viewport={"width": 1366, "height": 768})
    now = page2.js("network.getPositions(['c']).c")
    assert abs(now["x"] - dropped["x"]) <= 1 and abs(now["y"] - dropped["y"]) <= 1
    moved = math_dist((dropped["x"], dropped["y"]), page_positions(first)["c"])
    assert moved > 20  # the drag did move it
    # the PNG draws the scene the static pictures draw: the actor is there too
    ds = load_dataset(seven)
    p = api.picture(ds, View(), page=False)
    scene = scene_for(p.G, p.values, "betweenness", p.groups)
    x, y = dict(zip(scene.ids, zip(scene.x, scene.y)))["c"]
    assert abs(x - dropped["x"]) <= 1 and abs(y - dropped["y"]) <= 1
    svg = tmp_path / "map.svg"  # drawn by the same figure as the PNG
    assert invoke("render", "--data", seven, "-o", svg).exit_code == 0
    centres = svg_centres(svg)
    ids = [v for v in sorted(centres) if v != "c"]
    A = np.array([[scene.x[scene.ids.index(v)], scene.y[scene.ids.index(v)], 1.0] for v in ids])
    fit, *_ = np.linalg.lstsq(A, np.array([centres[v] for v in ids]), rcond=None)
    assert np.abs(np.array([dropped["x"], dropped["y"], 1.0]) @ fit - centres["c"]).max() < 1.0
    png = tmp_path / "map.png"
    assert invoke("render", "--data", seven, "-o", png).exit_code == 0
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def math_dist(a, b):
    import math

    return math.dist(a, b)


def test_layout_from_says_which_downloaded_rows_it_ignored(seven, tmp_path):
    download = tmp_path / "download.csv"
    download.write_text("id,x,y\nbogus,1,2\nc,3,4\n", encoding="utf-8")
    result = invoke("layout", "--data", seven, "--from", download)
    assert result.exit_code == 0, result.output
    assert "download.csv:2: warning: no actor has the id 'bogus'" in result.stderr
    assert "other warning" not in result.stderr  # the data set itself has none (validate would show none)


def test_hints_about_positions_and_ids_lead_somewhere(seven):
    """A name whose actor has its own row is a row to remove; a suggested id is one no actor has; a leftover
    row of a removed actor does not block a rename to its id."""
    (seven / "positions.csv").write_text("id,x,y\na,1,1\nAlpha,2,2\n", encoding="utf-8")
    problems = {(p.line, p.code): p.message for p in problems_in(seven)}
    assert "which has its own row (line 2): remove one of the rows" in problems[(3, "unknown-position")]
    result = invoke("rename-actor", "--data", seven, "b", "A")
    assert result.exit_code == 1 and "try 'a_2'" in result.output
    (seven / "positions.csv").write_text("id,x,y\nb,1,1\ngone,5,5\n", encoding="utf-8")
    result = invoke("rename-actor", "--data", seven, "b", "gone")
    assert result.exit_code == 0, result.output
    assert (seven / "positions.csv").read_text("utf-8") == "id,x,y\ngone,1,1\n"


def problems_in(folder):
    try:
        return load_dataset(folder).problems
    except DataError as exc:
        return exc.problems


def test_a_new_positions_file_is_written_as_the_folders_actors_csv(tmp_path):
    """A Belgian Excel's folder (windows-1252, ';', CRLF, and Excel's sep= line in one case): layout's new
    positions.csv is in the same form, with decimal commas, and reads back."""
    actors = "id;name;type\r\na;Côte d'Ivoire;state\r\nb;Bêta;state\r\n"
    relations = "source;relation;target;evidence\r\na;trains;b;doc\r\n"
    for sep_line in ("", "sep=;\r\n"):
        folder = tmp_path / f"xl{len(sep_line)}"
        folder.mkdir()
        (folder / "actors.csv").write_bytes((sep_line + actors).encode("windows-1252"))
        (folder / "relations.csv").write_bytes((sep_line + relations).encode("windows-1252"))
        assert invoke("layout", "--data", folder).exit_code == 0
        data = (folder / "positions.csv").read_bytes()
        assert data.startswith((sep_line + "id;x;y\r\na;").encode("windows-1252")), data
        assert re.fullmatch(rb"(sep=;\r\n)?id;x;y\r\na;-?\d+(,\d)?;-?\d+(,\d)?\r\nb;-?\d+(,\d)?;-?\d+(,\d)?\r\n", data)
        assert b"," in data  # decimal commas: the two actors are not both on whole pixels
        said = invoke("validate", "--data", folder).stdout
        assert "positions.csv: read as UTF-8, ';'-separated, CRLF line endings" in said  # ids are ASCII
        ds = load_dataset(folder)
        assert set(ds.positions) == {"a", "b"}
