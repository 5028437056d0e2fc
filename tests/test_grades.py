"""Graded sources: sources.csv, the sources and credibility columns, --min-grade and --confidence."""

from __future__ import annotations

import json

import pytest

from conftest import invoke, snapshot, write
from graph.analysis.grades import corroborated, grade, grade_levels, meets, parse_grade, source_ids, tie_quality, weak

ACTORS = "id,name,type\n" + "".join(f"{c},{c.upper()},t\n" for c in "abcdefghij")
SOURCES = """id,title,author,published,url,reliability
un,UN report,UN,2019-06,https://example.org/un,A
press,Press article,Reporter,2020,,b
blog,A blog,,,,E
nobody,Rumour,,,,
"""


def graded(tmp_path, relations: str, sources: str | None = SOURCES):
    return write(tmp_path / "d", ACTORS, relations, sources=sources)


def test_grade_is_best_source_reliability_and_credibility():
    sources = {"un": {"reliability": "A"}, "press": {"reliability": "B"}, "x": {"reliability": ""}}
    assert grade({"sources": "press", "credibility": "3"}, sources) == "B3"
    assert grade({"sources": "press; un", "credibility": "2"}, sources) == "A2"  # the best source counts
    assert grade({"sources": "x", "credibility": "1"}, sources) == "F1"  # unjudged source: F
    assert grade({"sources": "press"}, sources) == "B6"  # no credibility: cannot be judged
    assert grade({"credibility": "2"}, sources) == "F2"  # no source
    assert grade({}, sources) == ""  # ungraded


def test_minimum_grade_rules():
    minimum = parse_grade("b3")
    assert minimum == ("B", "3")
    assert [c for c in ("A1", "B3", "A3", "B1", "C1", "B4", "F1", "A6", "") if meets(c, minimum)] == \
        ["A1", "B3", "A3", "B1"]
    for bad in ("F3", "B6", "Z1", "B", "B33", ""):
        with pytest.raises(ValueError):
            parse_grade(bad)
    assert weak("C4") and weak("F1") and weak("A6") and not weak("C3") and not weak("")
    assert grade_levels(["B2", "B3", "F6", "", "C1", "B2"]) == ["C1", "B3", "B2"]


def test_corroboration_counts_distinct_sources():
    assert source_ids(" a ;b; a;;") == ["a", "b"]
    assert corroborated({"sources": "a;b"}) and not corroborated({"sources": "a; a"}) and not corroborated({})
    assert tie_quality({"confidence": "implied", "status": "recommended", "sources": "blog", "credibility": "2"},
                       {"blog": {"reliability": "E"}}) == ["implied", "recommended", "weakly graded E2"]


def test_new_columns_are_validated_all_at_once(tmp_path):
    sources = SOURCES + "un,Duplicate,,,,A\nbad;id,Semicolon,,,,B\nodd,Odd,,someday,javascript:alert(1),G\n"
    relations = ("source,relation,target,sources,credibility\n"
                 "a,trains,b,un,2\n"
                 "a,trains,c,unn,2\n"
                 "a,trains,d,press,7\n"
                 "a,trains,e,un;un,1\n")
    folder = graded(tmp_path, relations, sources)
    result = invoke("validate", "--data", folder)
    assert result.exit_code == 1
    out = result.stdout
    src, rel = f"{folder}/sources.csv", f"{folder}/relations.csv"
    assert f"{src}:6: duplicate source id 'un' (first on line 2)" in out
    assert f"{src}:7: source id 'bad;id' holds ';'" in out
    assert f"{src}:8: bad reliability 'G'" in out
    assert f"{src}:8: malformed or impossible date 'someday' in published" in out
    assert f"{src}:8: url 'javascript:alert(1)' must start with http:// or https://" in out
    assert f"{rel}:3: unknown source 'unn': not an id in {src}; did you mean 'un'?" in out
    assert f"{rel}:4: bad credibility '7'" in out
    assert f"{rel}:5: warning: a source is listed twice" in out
    assert "Traceback" not in out + result.stderr


def test_sources_without_sources_csv_is_an_error(tmp_path):
    folder = graded(tmp_path, "source,relation,target,sources\na,trains,b,un\n", sources=None)
    result = invoke("validate", "--data", folder)
    assert result.exit_code == 1
    assert f"{folder}/relations.csv:2: unknown source 'un': there is no sources.csv" in result.stdout
    # not `init`, which refuses a folder that has files: the header to write
    assert "add one, with the header id,title,author,published,url,reliability" in result.stdout


GRADED = """source,relation,target,sources,credibility,confidence
a,trains,b,un,1,stated
a,trains,c,press,3,stated
a,trains,d,blog,1,stated
a,trains,e,press,4,implied
a,trains,f,nobody,1,stated
a,trains,g,un,6,stated
a,trains,h,,,stated
a,trains,i,blog;press,2,stated
a,trains,j,,2,
"""


def kept(folder, *options) -> set[str]:
    result = invoke("neighbors", "a", "--data", folder, "--format", "json", *options)
    assert result.exit_code == 0, result.output
    return {row["id"] for row in json.loads(result.stdout)}


def test_min_grade_keeps_only_ties_graded_that_well(tmp_path):
    folder = graded(tmp_path, GRADED)
    assert kept(folder) == set("bcdefghij")
    # A1, B3 and (E or B)2 -> B2 pass B3; E1 fails on reliability, B4 on credibility,
    # F1 and A6 cannot be judged, h and j are ungraded or have no source
    assert kept(folder, "--min-grade", "B3") == {"b", "c", "i"}
    assert kept(folder, "--min-grade", "A1") == {"b"}
    assert kept(folder, "--min-grade", "E5") == {"b", "c", "d", "e", "i"}


@pytest.mark.parametrize("code", ["F1", "A6", "G2", "B", "b 3 x"])
def test_min_grade_refuses_what_cannot_be_a_minimum(tmp_path, code):
    folder = graded(tmp_path, GRADED)
    result = run_catching("neighbors", "a", "--data", folder, "--min-grade", code)
    assert result.exit_code == 2
    assert "--min-grade" in result.output and "Traceback" not in result.output


def run_catching(*args):
    """The CLI with click's own handling of usage errors (exit code 2)."""
    from click.testing import CliRunner

    from cli import main

    return CliRunner().invoke(main, [str(a) for a in args])


def test_confidence_stated_and_the_banner_says_what_was_left_out(tmp_path):
    folder = graded(tmp_path, GRADED)
    assert kept(folder, "--confidence", "stated") == set("bcdfghi")
    assert kept(folder, "--confidence", "implied") == set("bcdefghi")  # not j, whose confidence is blank
    out = tmp_path / "p.html"
    assert invoke("render", "--data", folder, "-o", out, "--min-grade", "B3", "--confidence", "stated").exit_code == 0
    html = out.read_text(encoding="utf-8")
    assert "only ties graded B3 or better: 4 relations graded lower or not at all left out" in html
    assert "only stated ties: 2 relations implied or with no confidence given left out" in html


def test_every_view_command_has_the_grade_options(tmp_path):
    from cli import main

    checked = []
    for name in main.list_commands(None):
        command = main.get_command(None, name)
        params = {p.name for p in command.params}
        if "--relation" in {o for p in command.params for o in p.opts}:
            assert {"min_grade", "confidence_"} <= params, name
            checked.append(name)
    assert {"centrality", "render", "path", "impact", "robustness", "report", "export", "brokers"} <= set(checked)


def test_page_shows_grades_sources_and_scale(tmp_path):
    folder = graded(tmp_path, GRADED)
    out = tmp_path / "p.html"
    assert invoke("render", "--data", folder, "-o", out).exit_code == 0
    html = out.read_text(encoding="utf-8")
    data = json.loads(html.split('id="ag-data">')[1].split("</script>")[0])
    by_target = {r["target"]: r for r in data["relations"]}
    assert by_target["i"]["grade"] == "B2" and by_target["i"]["sources"] == ["blog", "press"]
    assert by_target["h"]["grade"] == ""
    assert data["grades"]["levels"] == ["A1", "B2", "B3", "B4", "E1"]  # F and 6 cannot be minimums
    assert data["grades"]["sources"]["un"]["title"] == "UN report"
    assert "://" not in html  # the source's url is data, escaped as :\/\/, never a resource
    assert "reliability A-E" in data["grades"]["scale"]


def test_init_writes_the_sources_header(tmp_path):
    assert invoke("init", tmp_path / "new").exit_code == 0
    assert (tmp_path / "new" / "sources.csv").read_text() == "id,title,author,published,url,reliability\n"


def test_add_relation_with_sources_and_credibility_validates_them(tmp_path):
    folder = graded(tmp_path, "source,relation,target\na,trains,b\n")
    before = snapshot(folder)
    bad = invoke("add-relation", "a", "trains", "c", "--source", "nope", "--data", folder)
    assert bad.exit_code == 1 and "unknown source 'nope'" in bad.stderr
    assert snapshot(folder) == before
    ok = invoke("add-relation", "a", "trains", "c", "--source", "un", "--source", "press", "--credibility", "2",
                "--data", folder)
    assert ok.exit_code == 0, ok.output
    assert (folder / "relations.csv").read_text().splitlines() == [
        "source,relation,target,sources,credibility", "a,trains,b,,", "a,trains,c,un;press,2"]
    assert invoke("set-relation", "a", "trains", "c", "--credibility", "1", "--data", folder).exit_code == 0
    assert (folder / "relations.csv").read_text().splitlines()[-1] == "a,trains,c,un;press,1"


def test_bundled_data_grades_every_relation_by_its_confidence():
    from conftest import BUNDLED
    from graph.data.load import load_dataset

    ds = load_dataset(BUNDLED)
    assert set(ds.sources) == {"ballegeer"} and ds.sources["ballegeer"]["reliability"] == "B"
    sixes = []
    for r in ds.relations:
        assert r["sources"] == "ballegeer"
        if r["credibility"] == "6":  # cannot be judged from this source, and the note says so
            assert "cannot be judged" in r["note"], r.line
            sixes.append((r["source"], r["relation"], r["target"]))
        else:
            assert r["credibility"] == {"stated": "2", "implied": "3"}[r["confidence"]], r.line
    assert sixes == []  # no tie rests on an actor's name only (EUTM, named only in a list, is left out)
