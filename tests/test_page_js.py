"""The page's JS: its Node tests (tests/js), and its fold of typed text against Python's fold."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import unicodedata

import pytest

from conftest import ROOT, invoke, write
from graph.data.resolve import ActorIndex
from graph.data.schema import fold
from graph.output import page

LOGIC = ROOT / "graph" / "assets" / "js" / "logic.js"
# What people type: "Straße" must find "STRASSE" and the reverse, as in the CLI.
TYPED = ["Straße", "STRASSE", "strasse", "ẞ", "Forces Armées Maliennes", "FORCES ARMÉES", "Mauritanië",
         "Ñandú", "ÇA", "İstanbul", "Łódź", "Ångström", "ΟΔΟΣ", "ὈΔΥΣΣΕΎΣ", "ﬁnance", "Ⅻ", "Ǆemal",
         "Москва́", "ᏣᎳᎩ", "ꭰꭱ", "O'Brien", "</script>", "a\u0301\u0327", "", "  spaced  "]


def node() -> str:
    found = shutil.which("node")
    if not found:
        if os.environ.get("CI"):
            pytest.fail("no node on PATH (apt-get install nodejs)")
        pytest.skip("no node on PATH")
    return found


def node_fold(strings: list[str]) -> list[str]:
    """The strings folded by the page's fold, with the tables Python ships, run in Node."""
    script = (f"const logic = require({json.dumps(str(LOGIC))});"
              "let input = ''; process.stdin.on('data', d => input += d); process.stdin.on('end', () => {"
              "const job = JSON.parse(input); const fold = logic.makeFold(job.spec);"
              "process.stdout.write(JSON.stringify(job.strings.map(fold))); });")
    job = json.dumps({"spec": page._fold_spec(), "strings": strings})
    done = subprocess.run([node(), "-e", script], input=job, capture_output=True, text=True, encoding="utf-8",
                          check=True)
    return json.loads(done.stdout)


def test_node_tests_pass():
    files = sorted(str(p) for p in (ROOT / "tests" / "js").glob("*.test.js"))
    assert files
    # explicit files: Node 21+ reads a directory argument as a glob that matches no test file
    done = subprocess.run([node(), "--test", *files], capture_output=True, text=True, cwd=ROOT)
    assert done.returncode == 0, done.stdout + done.stderr


def test_typed_text_folds_as_in_python():
    assert node_fold(TYPED) == [fold(t) for t in TYPED]
    assert node_fold(["Straße", "STRASSE"]) == ["strasse", "strasse"]


def test_every_character_folds_as_in_python():
    """Every character Python's Unicode database assigns, in the planes the page's tables cover."""
    chars = [chr(c) for plane in page.FOLD_PLANES for c in plane
             if not 0xD800 <= c < 0xE000 and unicodedata.category(chr(c)) != "Cn"]
    differ = [(f"U+{ord(c):04X}", fold(c), f) for c, f in zip(chars, node_fold(chars)) if f != fold(c)]
    assert differ == []


def test_fold_tables_cover_every_code_point():
    """Outside the planes scanned for the page, no character is combining or folds specially."""
    scanned = {c for plane in page.FOLD_PLANES for c in plane}
    others = (chr(c) for c in range(sys.maxunicode + 1) if c not in scanned and not 0xD800 <= c < 0xE000)
    assert [c for c in others if unicodedata.combining(c) or c.casefold() != c.lower()] == []


ACTORS = """id,name,type,description,aliases
strasse,Straße,force,,
armees,Forces Armées Maliennes,force,,FAMa;ÉCOLE
upper,ISTANBUL GROUP,state,,İstanbul
"""
RELATIONS = """source,relation,target,evidence,note,confidence,since,until,credibility,sources
strasse,trains,armees,doc,,stated,,,2,s1
armees,coordinates_with,upper,doc,,stated,,,4,s2
"""
SOURCES = """id,title,reliability
s1,One,B
s2,Two,D
"""


@pytest.fixture(scope="module")
def rendered(tmp_path_factory):
    folder = write(tmp_path_factory.mktemp("js") / "data", ACTORS, RELATIONS, sources=SOURCES)
    path = folder.parent / "page.html"
    result = invoke("render", "--data", folder, "-o", path)
    assert result.exit_code == 0, result.output
    text = path.read_text(encoding="utf-8")
    raw = text.split('<script type="application/json" id="ag-data">', 1)[1].split("</script>", 1)[0]
    return folder, path, json.loads(raw)


def test_page_ships_what_python_computed(rendered):
    from graph.analysis.grades import meets

    folder, path, data = rendered
    for actor_id, actor in data["actors"].items():
        assert actor["find"][0] == fold(actor["name"])
        assert set(actor["find"]) == {fold(t) for t in [actor["name"], actor_id, *actor["aliases"]]}
    assert data["actors"]["strasse"]["find"] == ["strasse"]
    assert data["grades"]["levels"] == ["B2", "D4"]
    assert data["grades"]["meets"] == {c: [m for m in ("B2", "D4") if meets(c, tuple(m))] for c in ("B2", "D4")}
    assert data["grades"]["meets"] == {"B2": ["B2", "D4"], "D4": ["D4"]}
    assert data["big"] is False
    assert data["fold"] == page._fold_spec()


def test_render_is_byte_identical(rendered, tmp_path):
    folder, path, _ = rendered
    again = tmp_path / "again.html"
    assert invoke("render", "--data", folder, "-o", again).exit_code == 0
    assert again.read_bytes() == path.read_bytes()


def test_page_script_is_one_namespace():
    script = page.page_script()
    assert script.startswith("var actorgraph = {};\n")
    # every file is one module: an IIFE that receives the namespace (logic.js also serves Node)
    for name in page.SCRIPTS:
        text = (ROOT / "graph" / "assets" / "js" / f"{name}.js").read_text(encoding="utf-8")
        assert "\n(function (" in text
        pure = {"logic": "(actorgraph.logic = {})));", "timeline": "(actorgraph.timeline = {})));"}
        assert text.rstrip().endswith(pure.get(name, "(actorgraph));"))


@pytest.mark.browser
def test_page_search_finds_what_the_cli_resolves(open_page, rendered):
    """In Chromium: the typed text folds as Python's fold, and the top hit is the CLI's actor."""
    import csv

    folder, path, _ = rendered
    with open(folder / "actors.csv", encoding="utf-8", newline="") as fh:
        index = ActorIndex(list(csv.DictReader(fh)))
    p = open_page(path)
    assert p.js("texts => texts.map(actorgraph.core.fold)", TYPED) == [fold(t) for t in TYPED]
    for typed in ("STRASSE", "strasse", "Straße", "forces armees maliennes", "FORCES ARMÉES MALIENNES", "école",
                  "fama", "istanbul", "İSTANBUL"):
        assert p.js("t => actorgraph.search.search(t)[0]", typed) == index.resolve(typed), typed
    p.page.fill("#ag-search-input", "STRASSE")
    assert p.js("network.getSelectedNodes()") == ["strasse"]
    empty = path.parent / "empty.html"
    empty.write_text("<!DOCTYPE html><title>empty</title>", encoding="utf-8")
    blank = p.context.new_page()
    blank.goto(empty.as_uri())
    before = set(blank.evaluate("Object.keys(window)"))
    added = set(p.js("Object.keys(window)")) - before
    ours = {"actorgraph", "network", "agData", "agLabelBoxes"}  # network and the two ag* for the console and tests
    assert added - ours == {"vis", "regeneratorRuntime"}  # what vis-network's bundle defines
