"""The network over time in pictures and files (issue 21, items 5 and 7): the bump chart of `timeline -o`,
the small multiples of `render --as-of A --as-of B -o frames.svg`, and periods in every export.

The small network (as tests/test_time.py's, with an operation e that ran 2019 to 2020):

    a --trains--> b            since 2019
    b --part_of--> c           until 2020-08-18
    a --coordinates_with-- c   since 2027
    c --accompanies--> d       no dates
    e --accompanies--> d       no dates; e itself 2019 to 2020
"""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET

import pytest

from conftest import invoke, ok, write
from graph.data.load import load_dataset

SVG = "{http://www.w3.org/2000/svg}"
ACTORS = "id,name,type,since,until\na,Alpha,x,,\nb,Beta,x,,\nc,Gamma,y,,\nd,Delta,y,,\ne,Echo,op,2019,2020\n"
RELATIONS = ("source,relation,target,evidence,since,until\n"
             "a,trains,b,s,2019,\nb,part_of,c,s,,2020-08-18\na,coordinates_with,c,s,2027,\nc,accompanies,d,s,,\n"
             "e,accompanies,d,s,,\n")


@pytest.fixture
def t(tmp_path):
    return write(tmp_path / "t", ACTORS, RELATIONS)


def groups(path) -> dict[str, ET.Element]:
    """The SVG's <g> elements by id."""
    return {g.get("id"): g for g in ET.parse(path).getroot().iter(SVG + "g") if g.get("id")}


def points(d: str) -> list[tuple[float, float]]:
    numbers = [float(x) for x in re.findall(r"-?\d+(?:\.\d+)?", d)]
    return list(zip(numbers[::2], numbers[1::2]))


def style(element) -> dict[str, str]:
    path = element.find(SVG + "path")
    return dict(p.strip().split(": ", 1) for p in path.get("style").split(";") if ": " in p)


# -- timeline -o ranks.svg: a bump chart ------------------------------------------------------------------------

def test_bump_chart_draws_the_ranks_timeline_gives(t, tmp_path):
    args = ("timeline", "--data", t, "--every", "event", "--measure", "degree", "--top", "3")
    steps = json.loads(ok(*args, "--format", "json").stdout)["steps"]
    out = tmp_path / "ranks.svg"
    assert "wrote" in ok(*args, "-o", out).stderr
    g = groups(out)
    texts = [x.text for x in ET.parse(out).getroot().iter(SVG + "text")]
    assert [s["date"] for s in steps] == [x for x in texts if x in {s["date"] for s in steps}]  # one tick a step
    ranked = {r["id"]: r["name"] for s in steps for r in s["top"]}
    assert len(ranked) >= 4
    for actor, name in ranked.items():
        assert g[f"name-{actor}"].find(SVG + "text").text == name
    # each step's x: its tick; at each step, the lines' heights follow the ranks
    ticks = {}
    for x in ET.parse(out).getroot().iter(SVG + "text"):
        if x.text in {s["date"] for s in steps}:
            ticks[x.text] = float(x.get("x"))
    for s in steps:
        at = {}
        for r in s["top"]:
            lines = [el for gid, el in g.items() if gid == f"rank-{r['id']}" or gid.startswith(f"rank-{r['id']}-")]
            ys = [y for el in lines for x, y in points(el.find(SVG + "path").get("d")) if abs(x - ticks[s["date"]]) < 0.5]
            assert len(ys) == 1, (s["date"], r["id"])
            at[r["id"]] = (ys[0], r["rank"])
        by_height = sorted(at.values())
        assert [rank for _, rank in by_height] == sorted(rank for _, rank in by_height), s["date"]


@pytest.mark.parametrize("fmt", ["svg", pytest.param("png", marks=pytest.mark.slow),
                                 pytest.param("pdf", marks=pytest.mark.slow)])
def test_bump_chart_is_the_same_bytes_twice(t, tmp_path, fmt):
    a, b = tmp_path / f"a.{fmt}", tmp_path / f"b.{fmt}"
    ok("timeline", "--data", t, "-o", a)
    ok("timeline", "--data", t, "-o", b)
    assert a.read_bytes() == b.read_bytes() and len(a.read_bytes()) > 1000


def test_bump_chart_refuses_other_formats(t, tmp_path):
    bad = invoke("timeline", "--data", t, "-o", tmp_path / "ranks.html")
    assert bad.exit_code == 2 and "'.html' is not a picture format; use .svg, .png or .pdf" in bad.stderr


# -- render --as-of A --as-of B -o frames.svg: small multiples --------------------------------------------------

FRAMES = ("--as-of", "2019-06", "--as-of", "2021", "--as-of", "2028")


def centre(element) -> tuple[float, float]:
    xy = points(element.find(SVG + "path").get("d"))
    return sum(x for x, _ in xy) / len(xy), sum(y for _, y in xy) / len(xy)


def test_frames_keep_every_actor_in_place_and_mark_new_and_ended_ties(t, tmp_path):
    out = tmp_path / "frames.svg"
    ok("render", "--data", t, *FRAMES, "-o", out)
    g = groups(out)
    # the same place in every frame: each frame is shifted as a whole, so the actors' offsets agree
    for k in (2, 3):
        for actor in "bcde":
            (ax1, ay1), (x1, y1) = centre(g["f1-actor-a"]), centre(g[f"f1-actor-{actor}"])
            (axk, ayk), (xk, yk) = centre(g[f"f{k}-actor-a"]), centre(g[f"f{k}-actor-{actor}"])
            assert (xk - axk, yk - ayk) == pytest.approx((x1 - ax1, y1 - ay1), abs=0.01)
        for actor in "abcde":  # and the same colour
            assert style(g[f"f{k}-actor-{actor}"])["fill"] == style(g[f"f1-actor-{actor}"])["fill"]
    ties = {gid for gid in g if re.match(r"f\d-(new|kept|ended)-", gid)}
    assert ties == {"f1-kept-a-b-trains", "f1-kept-b-c-part_of", "f1-kept-c-d-accompanies", "f1-kept-e-d-accompanies",
                    "f2-kept-a-b-trains", "f2-ended-b-c-part_of", "f2-kept-c-d-accompanies",
                    "f2-ended-e-d-accompanies",
                    "f3-kept-a-b-trains", "f3-new-a-c-coordinates_with", "f3-kept-c-d-accompanies"}
    kept, new, ended = (style(g[i]) for i in ("f3-kept-a-b-trains", "f3-new-a-c-coordinates_with",
                                              "f2-ended-b-c-part_of"))
    assert float(new["stroke-width"]) > 2 * float(kept["stroke-width"])  # emphasised
    assert ended["stroke"] == "#868e96" and "stroke-dasharray" in ended and float(ended["opacity"]) < 1  # a ghost
    assert "stroke-dasharray" not in kept and "opacity" not in kept
    # e is inactive from 2021: pale and unlabelled there, labelled where it is active
    assert float(style(g["f2-actor-e"])["opacity"]) < 0.5 and "opacity" not in style(g["f1-actor-e"])
    assert "f1-label-e" in g and "f2-label-e" not in g and "f3-label-a" in g
    texts = [x.text for x in ET.parse(out).getroot().iter(SVG + "text")]
    assert "2028: 3 ties, 4 actors (+1 new, \u22120 ended)" in texts
    assert "2021: 2 ties, 4 actors (+0 new, \u22122 ended)" in texts
    assert {"Since the previous frame", "new tie", "ended tie"} <= set(texts)  # the legend says so


@pytest.mark.parametrize("fmt", ["svg", pytest.param("pdf", marks=pytest.mark.slow)])
def test_frames_are_the_same_bytes_twice(t, tmp_path, fmt):
    a, b = tmp_path / f"a.{fmt}", tmp_path / f"b.{fmt}"
    ok("render", "--data", t, *FRAMES, "-o", a)
    ok("render", "--data", t, *FRAMES[4:], *FRAMES[:4], "-o", b)  # in date order, whatever order given
    assert a.read_bytes() == b.read_bytes() and len(a.read_bytes()) > 1000


@pytest.mark.parametrize("args, message", [
    (("-o", "page.html"), "several --as-of draw small multiples, a picture: give -o frames.svg, .png or .pdf"),
    (("--as-of", "all", "-o", "f.svg"), "--as-of all is every period, not the date of a frame"),
    (("--focus", "a", "-o", "f.svg"), "--focus draws one map: give --as-of once"),
    (("--as-of", "banana", "-o", "f.svg"), "Invalid value for --as-of: 'banana' is not a date"),
])
def test_several_dates_need_a_picture_and_real_dates(t, tmp_path, args, message):
    result = invoke("render", "--data", t, "--as-of", "2019", "--as-of", "2021",
                    *[tmp_path / a if a.endswith((".html", ".svg")) else a for a in args])
    assert result.exit_code == 2 and message in result.stderr
    assert "Traceback" not in result.output and not list(tmp_path.glob("*.svg")) + list(tmp_path.glob("*.html"))


def test_frames_with_no_actor_at_any_date_are_an_error(tmp_path):
    data = write(tmp_path / "d", "id,name,type\na,A,x\nb,B,x\n", "source,relation,target,since\na,trains,b,2019\n")
    result = invoke("render", "--data", data, "--as-of", "1900", "--as-of", "1901", "-o", tmp_path / "f.svg")
    assert result.exit_code == 1 and "no actors to draw: none is active at 1900, 1901" in result.stderr
    assert not (tmp_path / "f.svg").exists()


@pytest.mark.slow
def test_one_date_is_still_one_map(t, tmp_path):
    out = tmp_path / "map.svg"
    ok("render", "--data", t, "--as-of", "2021", "-o", out)
    g = groups(out)
    assert "actor-a" in g and not any(gid.startswith("f1-") for gid in g)


# -- periods in exports, and back -------------------------------------------------------------------------------

PERIOD_ACTORS = ("id,name,type,since,until\na,Alpha,x,2018,\nb,Beta,x,,2021-06\nc,Gamma,y,03/2019,2024-02-15\n"
                 "d,Delta,y,,\n")
PERIOD_RELATIONS = ("source,relation,target,evidence,since,until\na,trains,b,s,2019,2021-05\nb,part_of,c,s,,2020-08-18\n"
                    "a,coordinates_with,c,s,2020,\nc,accompanies,d,s,,\n")
EXT = {"gexf": "gexf", "graphml": "graphml", "graphml-yed": "yed.graphml", "cyjs": "cyjs", "kumu": "kumu.json",
       "json": "json", "csv": "csv"}


def periods(folder) -> tuple[list, list]:
    ds = load_dataset(folder)
    return (sorted((a["id"], a.get("since", ""), a.get("until", "")) for a in ds.actors),
            sorted((r["source"], r["relation"], r["target"], r.get("since", ""), r.get("until", ""))
                   for r in ds.relations))


@pytest.mark.parametrize("fmt", list(EXT))
def test_export_then_import_gives_the_same_periods(tmp_path, fmt):
    data = write(tmp_path / "d", PERIOD_ACTORS, PERIOD_RELATIONS)
    out = tmp_path / f"out.{EXT[fmt]}"
    ok("export", "--format", fmt, "-o", out, "--data", data, "--as-of", "all")
    ok("import", tmp_path / "out-edges.csv" if fmt == "csv" else out, "-o", tmp_path / "back")
    assert periods(tmp_path / "back") == periods(data)
    assert ("c", "03/2019", "2024-02-15") in periods(data)[0]  # the test has something to lose


def test_gexf_gives_actors_spells_as_their_periods(tmp_path):
    data = write(tmp_path / "d", PERIOD_ACTORS, PERIOD_RELATIONS)
    out = tmp_path / "out.gexf"
    ok("export", "--format", "gexf", "-o", out, "--data", data, "--as-of", "all")
    gx = "{http://www.gexf.net/1.2draft}"
    graph = ET.parse(out).getroot().find(f"{gx}graph")
    assert graph.get("mode") == "dynamic" and graph.get("timeformat") == "date"
    spells = {n.get("id"): [(s.get("start"), s.get("end")) for s in n.iter(f"{gx}spell")]
              for n in graph.iter(f"{gx}node")}
    assert spells == {"a": [("2018-01-01", None)], "b": [(None, "2021-06-30")], "c": [("2019-03-01", "2024-02-15")],
                      "d": []}


def test_gexf_with_only_actors_tied_undated_is_dynamic_for_its_actors(tmp_path):
    data = write(tmp_path / "d", "id,name,type,since\na,A,x,2019\nb,B,x,\n", "source,relation,target\na,trains,b\n")
    out = tmp_path / "out.gexf"
    ok("export", "--format", "gexf", "-o", out, "--data", data, "--as-of", "all")
    assert b'mode="dynamic"' in out.read_bytes() and b'<spell start="2019-01-01"' in out.read_bytes()


GEPHI_DYNAMIC = """<?xml version="1.0" encoding="UTF-8"?>
<gexf xmlns="http://gexf.net/1.3" version="1.3">
  <graph defaultedgetype="directed" mode="dynamic" timeformat="date">
    <nodes>
      <node id="0" label="Front A"><spells><spell start="2012-01-17" end="2013-01-11"/></spells></node>
      <node id="1" label="Group B" start="2014-05-01"/>
      <node id="2" label="Group C"/>
    </nodes>
    <edges>
      <edge id="0" source="0" target="1" start="2012-02-01" end="2012-12-31"/>
      <edge id="1" source="1" target="2"/>
    </edges>
  </graph>
</gexf>
"""


def test_import_reads_actor_spells_and_start_attributes_of_gephi(tmp_path):
    src = tmp_path / "gephi.gexf"
    src.write_text(GEPHI_DYNAMIC, encoding="utf-8")
    ok("import", src, "-o", tmp_path / "back")
    actors, relations = periods(tmp_path / "back")
    assert actors == [("front_a", "2012-01-17", "2013-01-11"), ("group_b", "2014-05-01", ""), ("group_c", "", "")]
    assert ("front_a", "related_to", "group_b", "2012-02-01", "2012-12-31") in relations


def test_import_reads_start_and_end_date_fields_and_keeps_unreadable_dates(tmp_path):
    blueprint = {"elements": [{"label": "Front A", "type": "group", "Start Date": "2012-01-17T00:00:00"},
                              {"label": "Group B", "type": "group", "since": "sometime"}],
                 "connections": [{"from": "Front A", "to": "Group B", "type": "trains", "end date": "2013"}]}
    src = tmp_path / "map.json"
    src.write_text(json.dumps(blueprint), encoding="utf-8")
    result = ok("import", src, "--format", "kumu", "-o", tmp_path / "back")
    actors, relations = periods(tmp_path / "back")
    assert actors == [("front_a", "2012-01-17", ""), ("group_b", "", "")]
    assert relations == [("front_a", "trains", "group_b", "", "2013")]
    assert load_dataset(tmp_path / "back").actors[1]["original_since"] == "sometime"
    assert "'start_date' read as since" in result.stderr
    assert "since values actorgraph cannot read are kept in a column original_since" in result.stderr
