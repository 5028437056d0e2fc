"""types.csv and stable type colours: one colour and shape per type in every view and output."""

from __future__ import annotations

import pytest

import json
import re
import shutil
import xml.etree.ElementTree as ET


from conftest import BUNDLED, invoke, snapshot, write
from graph.data.load import load_dataset
from graph.picture.palette import assign, type_styles


def own_copy(tmp_path, types: str | None = None):
    """The bundled actors and relations without the sample's types.csv: every colour is assigned."""
    folder = tmp_path / "own"
    folder.mkdir()
    for name in ("actors.csv", "relations.csv", "sources.csv"):
        shutil.copy(BUNDLED / name, folder / name)
    if types is not None:
        (folder / "types.csv").write_text(types, encoding="utf-8")
    return folder


def page_styles(tmp_path, folder, *view, name="page.html"):
    out = tmp_path / name
    result = invoke("render", "--data", folder, "-o", out, *view)
    assert result.exit_code == 0, result.output
    m = re.search(r'<script type="application/json" id="ag-data">(.*?)</script>', out.read_text("utf-8"), re.S)
    data = json.loads(m.group(1))
    types = {a["id"]: a["type"] for a in load_dataset(folder).actors}
    return {types[n["id"]]: (n["color"]["background"].upper(), n["shape"]) for n in data["nodes"]}


def export_colours(tmp_path, folder, fmt, *view):
    ext = {"gexf": "gexf", "graphml-yed": "graphml", "cyjs": "cyjs", "kumu": "json"}[fmt]
    out = tmp_path / f"out-{fmt}.{ext}"
    result = invoke("export", "--format", fmt, "-o", out, "--data", folder, *view)
    assert result.exit_code == 0, result.output
    types = {a["id"]: a["type"] for a in load_dataset(folder).actors}
    if fmt == "gexf":
        viz = "{http://gexf.net/1.2draft/viz}" if "1.2draft/viz" in out.read_text("utf-8") else None
        root = ET.parse(out).getroot()
        found = {}
        for node in root.iter():
            if node.tag.endswith("}node") and node.get("id") in types:
                c = next(x for x in node if x.tag.endswith("}color"))
                found[node.get("id")] = "#{:02X}{:02X}{:02X}".format(*(int(c.get(k)) for k in "rgb"))
        assert viz is not None or found
    elif fmt == "graphml-yed":
        root = ET.parse(out).getroot()
        found = {n.get("id"): n.find(".//{http://www.yworks.com/xml/graphml}Fill").get("color")
                 for n in root.iter("{http://graphml.graphdrawing.org/xmlns}node")}
    elif fmt == "cyjs":
        doc = json.loads(out.read_text("utf-8"))
        found = {n["data"]["id"]: n["data"]["ag_color"] for n in doc["elements"]["nodes"]}
    else:
        doc = json.loads(out.read_text("utf-8"))
        found = {e["id"]: e["color"] for e in doc["elements"]}
    by_type = {}
    for n, colour in found.items():
        by_type.setdefault(types[n], set()).add(colour.upper())
    return by_type


@pytest.mark.slow  # renders several views and exports of a copy of the sample
def test_type_colours_are_the_same_in_every_view_picture_and_export(tmp_path):
    folder = own_copy(tmp_path)
    full = page_styles(tmp_path, folder)
    assert len(set(full.values())) == len(full)  # every type its own colour and shape
    views = {"as-of": ("--as-of", "2013"), "focus": ("--focus", "minusma"), "without": ("--without", "Barkhane"),
             "relation": ("--relation", "part_of"), "status": ("--status", "all")}
    for name, view in views.items():
        seen = page_styles(tmp_path, folder, *view, name=f"{name}.html")
        assert seen and all(full[t] == style for t, style in seen.items()), name
    assert len(page_styles(tmp_path, folder, "--focus", "minusma", name="f.html")) < len(full)  # a partial view
    svg = tmp_path / "focus.svg"
    assert invoke("render", "--data", folder, "-o", svg, "--focus", "minusma").exit_code == 0
    fills = set(re.findall(r"fill: (#[0-9a-f]{6})", svg.read_text("utf-8")))
    from graph.api import picture
    from graph.picture.scene import scene_for

    p = picture(load_dataset(folder), None, focus="minusma", page=False)  # what the picture draws
    scene = scene_for(p.G, p.values)
    drawn = {t: (c.upper(), s) for t, c, s in zip(scene.group, scene.colour, scene.shape)}
    assert drawn and all(full[t] == style for t, style in drawn.items())
    palette = {c.lower() for c, _ in full.values()}
    assert fills & palette == {c.lower() for c, _ in drawn.values()}
    for fmt in ("gexf", "graphml-yed", "cyjs", "kumu"):
        for view in ((), ("--without", "Barkhane")):
            by_type = export_colours(tmp_path, folder, fmt, *view)
            assert by_type == {t: {full[t][0]} for t in by_type}, (fmt, view)


@pytest.mark.slow  # renders several views and exports of a copy of the sample
def test_a_new_type_or_actor_changes_no_other_types_colour_or_shape(tmp_path):
    folder = own_copy(tmp_path)
    before = page_styles(tmp_path, folder)
    assert invoke("--data", folder, "add-actor", "wagner", "--name", "Wagner Group",
                  "--type", "private military company").exit_code == 0
    assert invoke("--data", folder, "add-relation", "wagner", "accompanies", "mali_forces",
                  "--evidence", "x").exit_code == 0
    assert invoke("--data", folder, "add-actor", "fr2", "--name", "Another state", "--type", "state").exit_code == 0
    after = page_styles(tmp_path, folder, name="after.html")
    assert {t: after[t] for t in before} == before
    assert after["private military company"] not in before.values()
    # the rule itself: a type's pair depends only on the types before it
    order = [f"type {i}" for i in range(20)]
    for k in range(1, 20):
        assert {t: type_styles(order)[t] for t in order[:k]} == type_styles(order[:k])


def test_sample_keeps_the_colours_it_always_had(tmp_path):
    """data/types.csv holds the colours the sample had when they followed group size."""
    styles = page_styles(tmp_path, BUNDLED)
    from collections import Counter

    counts = Counter(a["type"] for a in load_dataset(BUNDLED).actors)
    by_size = sorted(counts, key=lambda t: (-counts[t], t))
    assert styles == {t: (c.upper(), s) for t, (c, s) in zip(by_size, assign(len(by_size)))}
    out = tmp_path / "copy"
    assert invoke("init", out, "--example").exit_code == 0
    assert (out / "types.csv").read_bytes() == (BUNDLED / "types.csv").read_bytes()
    fresh = tmp_path / "fresh"
    assert invoke("init", fresh).exit_code == 0
    assert (fresh / "types.csv").read_text() == "type,label,color,shape\n"


@pytest.mark.slow  # renders several views and exports of a copy of the sample
def test_types_csv_colours_and_shapes_are_used(tmp_path):
    folder = own_copy(tmp_path, "type,label,color,shape\nstate,State,crimson,star\nmilitary unit,,#0a0,\n")
    styles = page_styles(tmp_path, folder)
    assert styles["state"] == ("#DC143C", "star")
    assert styles["military unit"][0] == "#00AA00"


def test_bad_types_csv_gets_file_line_errors_and_changes_nothing(tmp_path):
    folder = write(tmp_path / "d")
    (folder / "types.csv").write_text("type,label,color,shape\nstate,State,bleu,circle\nstate,,#fff,dot\n"
                                      "force,,#12345,hexagone\n", encoding="utf-8")
    result = invoke("--data", folder, "validate")
    assert result.exit_code == 1
    shown = str(folder / "types.csv")
    lines = [l for l in result.output.splitlines() if "types.csv:" in l and ": read as " not in l]
    assert [l.split(": ", 1)[0].rsplit(":", 1)[1] for l in lines] == ["2", "2", "3", "4", "4"]
    assert all(l.startswith(shown) or "types.csv:" in l for l in lines)
    assert "did you mean 'blue'?" in result.output and "did you mean 'hexagon'?" in result.output
    assert "duplicate type 'state' (first on line 2)" in result.output
    before = snapshot(folder)
    for args in (("add-actor", "x", "--name", "X", "--type", "state"), ("rename-type", "state", "country")):
        result = invoke("--data", folder, *args)
        assert result.exit_code == 1, result.output
        assert "types.csv:2:" in result.output
        assert snapshot(folder) == before


def test_close_colours_on_one_shape_warn(tmp_path):
    folder = write(tmp_path / "d", kinds="kind,label,inverse,directed,color,style\n"
                                         "trains,trains,trained by,yes,#d9480f,solid\n"
                                         "accompanies,accompanies,accompanied by,yes,#d9490f,solid\n"
                                         "coordinates_with,coordinates with,,no,#2b8a3e,dashed\n"
                                         "part_of,part of,has part,yes,#495057,solid\n")
    (folder / "types.csv").write_text("type,label,color,shape\nstate,,#0072B2,dot\nforce,,#0074B4,dot\n"
                                      "other,,#0074B4,square\n", encoding="utf-8")
    result = invoke("--data", folder, "validate")
    assert result.exit_code == 0, result.output
    warned = [l for l in result.output.splitlines() if "confuse" in l]
    assert len(warned) == 2
    assert "types.csv:3:" in result.output and "'force' and 'state'" in result.output
    assert "kinds.csv:3:" in result.output and "'accompanies' and 'trains'" in result.output


def test_rename_type_changes_both_files_in_one_edit(tmp_path):
    folder = write(tmp_path / "d")
    (folder / "types.csv").write_text("type,label,color,shape\nforce,Forces,#0072B2,dot\n", encoding="utf-8")
    result = invoke("--data", folder, "rename-type", "force", "armed force")
    assert result.exit_code == 0, result.output
    ds = load_dataset(folder)
    assert [a["type"] for a in ds.actors] == ["armed force", "armed force", "state"]
    assert list(ds.types) == ["armed force"] and ds.types["armed force"].label == "Forces"
    before = snapshot(folder)
    for args, text in ((("rename-type", "armed forse", "x"), "did you mean 'armed force'?"),
                       (("rename-type", "armed force", "state"), "exists already")):
        result = invoke("--data", folder, *args)
        assert result.exit_code == 1 and text in result.output, result.output
        assert snapshot(folder) == before


def test_rename_type_renames_a_label_that_only_repeated_the_type(tmp_path):
    """init --example writes each label equal to its type: the legend must not keep the old name."""
    folder = write(tmp_path / "d")
    (folder / "types.csv").write_text("type,label,color,shape\nforce,force,#0072B2,dot\nstate,States,#E69F00,dot\n",
                                      encoding="utf-8")
    assert invoke("--data", folder, "rename-type", "force", "armed force").exit_code == 0
    assert invoke("--data", folder, "rename-type", "state", "country").exit_code == 0
    types = load_dataset(folder).types
    assert types["armed force"].label == "armed force" and types["country"].label == "States"


def test_a_misspelt_column_a_near_miss_type_and_a_formula_are_warned(tmp_path):
    folder = write(tmp_path / "d")
    (folder / "types.csv").write_text("type,label,colour,shape\nForce,=1+1,#ff0000,star\n", encoding="utf-8")
    found = {(p.line, p.code): p.message for p in load_dataset(folder).problems}
    assert "did you mean 'color'?" in found[(1, "unread-column")]
    assert "the actors have 'force'" in found[(2, "unmatched-type")]
    assert (2, "formula-like") in found
    assert all(p.severity == "warning" for p in load_dataset(folder).problems)


def test_a_hex_colour_without_its_hash_or_with_five_digits_gets_a_suggestion(tmp_path):
    folder = write(tmp_path / "d")
    (folder / "types.csv").write_text("type,label,color,shape\nforce,F,0072B2,dot\nstate,S,#E69F0,dot\n",
                                      encoding="utf-8")
    result = invoke("--data", folder, "validate")
    assert result.exit_code == 1
    assert "types.csv:2: color must be" in result.output and "did you mean '#0072B2'?" in result.output
    assert "types.csv:3: color must be" in result.output and "5 hex digits after '#'" in result.output


def test_close_colours_warn_once_per_entry_not_per_pair():
    """3,000 types in one colour on one shape: 2,999 warnings (each names the first), not 4.5 million pairs."""
    from graph.data.types import close_colours

    pairs = [(f"t{i}", "#ff0000", "dot") for i in range(3000)]
    problems = close_colours(pairs, "types.csv", "type")
    assert len(problems) == 2999
    assert "type 't1' and 't0' are both drawn as dot" in problems[0].message
    assert "'t2' and 't0' (and 1 more)" in problems[1].message
    assert close_colours([("a", "#ff0000", "dot"), ("b", "#ff0000", "square")], "types.csv", "type") == []


def test_close_colours_stop_comparing_past_their_budget(monkeypatch):
    """Hundreds of thousands of types (a types.csv of 400,000 rows took 105 s): comparisons stop at
    CLOSE_WORK, and entries past it are not compared (warned about) at all."""
    import graph.data.types as types

    monkeypatch.setattr(types, "CLOSE_WORK", 250)
    pairs = [(f"t{i}", "#ff0000", "dot") for i in range(3000)]
    problems = types.close_colours(pairs, "types.csv", "type")
    # t1..t21 compare with 1..21 earlier entries (231), t22 with the 19 the budget has left; then none
    assert len(problems) == 22 and problems[-1].message.startswith("type 't22' and 't0' (and 18 more)")
