"""Friends and foes (issue 24): the polarity of kinds, the cooperation network, balance, camps."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from conftest import BUNDLED, FIXTURES, invoke, write
from graph.data.load import load_dataset
from graph.data.start import EXAMPLES

CONFLICT = EXAMPLES / "conflict"
GOLDEN = FIXTURES / "unsigned_golden"

KINDS = """kind,label,inverse,directed,color,style,polarity
trains,trains,trained by,yes,#d9480f,solid,
fights,fights,,no,#c92a2a,solid,hostile
monitors,monitors,monitored by,yes,#868e96,dotted,neutral
"""


def ok(*args):
    result = invoke(*args)
    assert result.exit_code == 0, result.output
    return result


# -- 1. the polarity column ------------------------------------------------------------------------------------------

def test_polarity_is_read_with_cooperative_as_default(tmp_path):
    folder = write(tmp_path / "d")
    (folder / "kinds.csv").write_text(KINDS)
    (folder / "relations.csv").write_text("source,relation,target,evidence\na,trains,b,x\nb,fights,c,x\na,monitors,c,x\n")
    kinds = load_dataset(folder).kinds
    assert {n: k.polarity for n, k in kinds.items()} == {"trains": "cooperative", "fights": "hostile",
                                                          "monitors": "neutral"}
    assert kinds.signed and kinds.of_polarity("hostile") == {"fights"}


def test_a_kinds_file_without_polarity_is_all_cooperative(tmp_path):
    folder = write(tmp_path / "d")
    (folder / "kinds.csv").write_text("kind,label\ntrains,trains\npart_of,part of\ncoordinates_with,coordinates with\n")
    kinds = load_dataset(folder).kinds
    assert {k.polarity for k in kinds.values()} == {"cooperative"} and not kinds.signed


def test_unknown_polarity_is_a_file_line_error_with_a_suggestion(tmp_path):
    folder = write(tmp_path / "d")
    (folder / "kinds.csv").write_text("kind,polarity\ntrains,hostil\npart_of,negative\ncoordinates_with,banana\n")
    result = invoke("--data", folder, "validate")
    assert result.exit_code == 1 and "Traceback" not in result.output
    assert "kinds.csv:2: polarity must be one of cooperative, hostile, neutral, not 'hostil'; did you mean" \
           " 'hostile'?" in result.output
    assert "kinds.csv:3: polarity must be one of cooperative, hostile, neutral, not 'negative'; did you mean" \
           " 'hostile'?" in result.output
    assert "kinds.csv:4: polarity must be one of cooperative, hostile, neutral, not 'banana'" in result.output
    codes = [p["code"] for p in json.loads(invoke("--data", folder, "validate", "--format", "json").output)["problems"]]
    assert codes.count("bad-polarity") == 3


def test_init_writes_the_polarity_column(tmp_path):
    ok("init", tmp_path / "m")
    head, *rows = (tmp_path / "m" / "kinds.csv").read_text().splitlines()
    assert head.endswith(",polarity") and all(r.endswith(",cooperative") for r in rows)


def test_import_marks_hostile_wording_hostile_with_a_note(tmp_path):
    src = tmp_path / "ties.csv"
    src.write_text("from,to,type\nA,B,fights\nB,C,funds\nC,D,Enemy of\nD,A,clashes with\n")
    result = invoke("import", src, "-o", tmp_path / "e")
    assert result.exit_code == 0, result.output
    kinds = load_dataset(tmp_path / "e").kinds
    assert {n: k.polarity for n, k in kinds.items()} == {"fights": "hostile", "funds": "cooperative",
                                                          "enemy_of": "hostile", "clashes_with": "hostile"}
    assert "marked polarity 'hostile' in kinds.csv (fights, enemy_of, clashes_with)" in result.stderr


def test_init_example_conflict_is_fictional_and_signed(tmp_path):
    ok("init", tmp_path / "c", "--example", "conflict")
    ds = load_dataset(tmp_path / "c")
    assert not ds.problems and ds.kinds.signed
    assert {k.polarity for k in ds.kinds.values()} == {"cooperative", "hostile", "neutral"}
    assert all("(fictional)" in a["name"] for a in ds.actors)
    assert "FICTIONAL" in (tmp_path / "c" / "sources.csv").read_text()


def test_init_example_still_means_the_sahel_sample(tmp_path):
    ok("init", tmp_path / "s", "--example")
    assert (tmp_path / "s" / "actors.csv").read_bytes() == (BUNDLED / "actors.csv").read_bytes()


# -- a data set without polarity is measured exactly as before (outputs kept from before issue 24) ------------------

def _page_data(html: str) -> dict:
    import re

    data = json.loads(re.search(r'<script type="application/json" id="ag-data">(.*?)</script>', html, re.S).group(1))
    return {k: v for k, v in data.items() if k not in ("sources", "title")}


@pytest.mark.parametrize("command", ["centrality", "brokers", "communities"])
def test_bundled_measures_are_unchanged(command):
    result = ok("--data", BUNDLED, command, "--format", "csv")
    assert result.stdout == (GOLDEN / f"{command}.csv").read_text()


def test_bundled_path_is_unchanged():
    result = ok("--data", BUNDLED, "path", "EUTM", "Barkhane", "--all", "--format", "json")
    assert json.loads(result.stdout) == json.loads((GOLDEN / "path.json").read_text())


def test_bundled_page_data_is_unchanged(tmp_path):
    ok("--data", BUNDLED, "render", "-o", tmp_path / "p.html")
    golden = json.loads((GOLDEN / "page_data.json").read_text())
    golden = {k: v for k, v in golden.items() if k not in ("sources", "title")}
    assert _page_data((tmp_path / "p.html").read_text()) == golden
