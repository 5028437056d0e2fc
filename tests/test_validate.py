"""Each check: a small bad file, and the exact FILE:LINE: message it gives."""

from __future__ import annotations

import json

import pytest

from conftest import ACTORS, RELATIONS, invoke, write

HEAD = "source,relation,target,evidence,note,confidence,since,until\n"


@pytest.fixture(autouse=True)
def in_tmp(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)


def problems(actors=ACTORS, relations=RELATIONS):
    """validate's problem lines for a data set written to ./d."""
    write_dir = write(__import__("pathlib").Path("d"), actors, relations)
    result = invoke("validate", "--data", write_dir)
    lines = [l for l in result.stdout.splitlines() if l.startswith("d/")
             and ": read as " not in l]
    return result.exit_code, lines


def test_clean_data_passes():
    code, lines = problems()
    assert (code, lines) == (0, [])


def test_reports_detected_format_and_counts():
    write(__import__("pathlib").Path("d"))
    result = invoke("validate", "--data", "d")
    assert result.exit_code == 0, result.output
    assert "d/actors.csv: read as UTF-8, ','-separated, LF line endings" in result.stdout
    assert result.stdout.rstrip().endswith("3 actors, 3 relations: 0 errors, 0 warnings")


def test_missing_file():
    code, lines = problems(relations=None)
    assert code == 1
    assert lines == ["d/relations.csv:0: file not found"]


def test_missing_required_column():
    code, lines = problems(actors="id,name\na,Alpha\nb,Beta\nc,Gamma\n")
    assert code == 1
    assert lines == ["d/actors.csv:1: missing required column 'type' (the header has: id, name)"]


def test_empty_required_field():
    code, lines = problems(actors=ACTORS.replace("b,Beta,force", "b,,force"))
    assert (code, lines) == (1, ["d/actors.csv:3: empty required field 'name'"])


def test_duplicate_actor_id():
    code, lines = problems(actors=ACTORS + "b,Bravo,force,,\n")
    assert (code, lines) == (1, ["d/actors.csv:5: duplicate actor id 'b' (first on line 3)"])


def test_id_not_a_slug():
    actors = ACTORS + "Operation X,Op X,force,,\n"
    relations = RELATIONS + "Operation X,trains,a,doc,,,,\n"
    code, lines = problems(actors, relations)
    assert code == 1
    assert lines == ["d/actors.csv:5: id 'Operation X' is not a valid slug (lowercase letters, digits, '_' and '-');"
                     " try 'operation_x'"]


def test_unknown_actor_with_suggestion():
    code, lines = problems(relations=RELATIONS + "alpah,trains,c,doc,,,,\n")
    assert (code, lines) == (1, ["d/relations.csv:5: unknown actor 'alpah' in source; did you mean 'a'?"])


def test_an_actor_named_by_its_name_is_read_with_a_warning_naming_the_id():
    code, lines = problems(relations=RELATIONS + "a,trains,Gamma,doc,,,,\n")
    assert code == 0
    assert lines == ["d/relations.csv:5: warning: 'Gamma' in target is the name of actor 'c': write its id"
                     " (`actorgraph validate --fix` does)"]


def test_unknown_actor_without_suggestion():
    code, lines = problems(relations=RELATIONS + "a,trains,zzzzzz,doc,,,,\n")
    assert lines == ["d/relations.csv:5: unknown actor 'zzzzzz' in target"]


def test_unknown_relation_lists_allowed():
    code, lines = problems(relations=RELATIONS + "a,supports,c,doc,,,,\n")
    assert (code, lines) == (1, ["d/relations.csv:5: unknown relation 'supports' (allowed: trains, accompanies,"
                                 " coordinates_with, part_of)"])


@pytest.mark.parametrize("spelling", ["Coordinates with", "coordinates-with", "COORDINATES_WITH"])
def test_relation_spelling_variants_are_accepted(spelling):
    relations = RELATIONS.replace("a,coordinates_with,c", f"a,{spelling},c")
    assert problems(relations=relations) == (0, [])


def test_part_of_spelling_variant():
    assert problems(relations=RELATIONS.replace("b,part_of,c", "b,PART OF,c")) == (0, [])


def test_actor_related_to_itself():
    code, lines = problems(relations=RELATIONS + "a,trains,a,doc,,,,\n")
    assert (code, lines) == (1, ["d/relations.csv:5: actor 'a' is related to itself"])


def test_duplicate_relation():
    code, lines = problems(relations=RELATIONS + "a,trains,b,other doc,,,,\n")
    assert (code, lines) == (1, ["d/relations.csv:5: duplicate relation a trains b (first on line 2); their periods"
                                 " overlap (rows of one tie need since/until that do not)"])


def test_symmetric_relation_reversed_is_a_duplicate():
    code, lines = problems(relations=RELATIONS + "c,coordinates_with,a,doc,,,,\n")
    assert lines == ["d/relations.csv:5: duplicate relation c coordinates_with a (first on line 4)"]


def test_directed_relation_reversed_is_not_a_duplicate():
    assert problems(relations=RELATIONS + "b,trains,a,doc,,,,\n") == (0, [])


def test_part_of_cycle_is_printed():
    relations = RELATIONS + "c,part_of,a,doc,,,,\na,part_of,b,doc,,,,\n"
    code, lines = problems(relations=relations)
    assert (code, lines) == (1, ["d/relations.csv:6: part_of cycle: b -> c -> a -> b"])


def test_malformed_date():
    code, lines = problems(relations=RELATIONS.replace("stated,2019,", "stated,2019-13,"))
    assert (code, lines) == (1, ["d/relations.csv:2: malformed or impossible date '2019-13' in since; use YYYY,"
                                 " YYYY-MM, YYYY-MM-DD, day first DD/MM/YYYY or a month MM/YYYY"])


def test_month_year_dates_are_read_and_two_digit_years_refused_with_a_proposal():
    # issue 25 item 3: months as Belgians write them; a two-digit year proposes four digits
    for month in ("06/2019", "06-2019", "6.2019"):
        assert problems(relations=RELATIONS.replace("stated,2019,", f"stated,{month},")) == (0, []), month
    code, lines = problems(relations=RELATIONS.replace("stated,2019,", "stated,18/08/20,"))
    assert (code, lines) == (1, ["d/relations.csv:2: malformed or impossible date '18/08/20' in since;"
                                 " write the year in four digits: '18/08/2020'"])


def test_a_spreadsheets_day_number_or_a_year_first_with_slashes_gets_its_date_proposed():
    code, lines = problems(relations=RELATIONS.replace("stated,2019,", "stated,43831,"))
    assert (code, lines) == (1, ["d/relations.csv:2: malformed or impossible date '43831' in since; a spreadsheet's"
                                 " day number (2020-01-01 in Excel and LibreOffice)? format the column as text and"
                                 " write '2020-01-01'"])
    code, lines = problems(relations=RELATIONS.replace("stated,2019,", "stated,2019/8/18,"))
    assert (code, lines) == (1, ["d/relations.csv:2: malformed or impossible date '2019/8/18' in since; write it"
                                 " with dashes: '2019-08-18'"])


def test_a_line_break_in_a_name_or_type_warns_and_one_in_a_description_does_not(tmp_path):
    from conftest import invoke, write

    d = write(tmp_path / "d", 'id,name,type,description\na,"Al\npha","sta\r\nte","two\nlines"\nb,B,t,\n',
              "source,relation,target,evidence\na,trains,b,x\n")
    result = invoke("validate", "--data", d)
    found = [line for line in result.stdout.splitlines() if "line break" in line]
    assert result.exit_code == 0 and found == [
        "d/actors.csv:2: warning: name holds a line break; it is shown on one line (a map label, a legend"
        " entry): write it on one line",
        "d/actors.csv:2: warning: type holds a line break; it is shown on one line (a map label, a legend"
        " entry): write it on one line"]


def test_since_after_until():
    code, lines = problems(relations=RELATIONS.replace("implied,,2020-08-18", "implied,2021,2020-08-18"))
    assert (code, lines) == (1, ["d/relations.csv:3: since 2021 is after until 2020-08-18"])


def test_same_year_since_and_until_is_fine():
    assert problems(relations=RELATIONS.replace("implied,,2020-08-18", "implied,2020,2020"))[0] == 0


def test_bad_confidence():
    code, lines = problems(relations=RELATIONS.replace("implied", "sure"))
    assert (code, lines) == (1, ["d/relations.csv:3: bad confidence 'sure'; allowed: stated, implied"])


def test_confidence_letter_case_is_accepted():
    assert problems(relations=RELATIONS.replace("implied", "Implied"))[0] == 0


def test_relation_without_evidence_is_a_warning():
    code, lines = problems(relations=RELATIONS.replace("doc §3", ""))
    assert (code, lines) == (0, ["d/relations.csv:4: warning: relation without evidence"])


def test_actor_without_relation_is_a_warning():
    code, lines = problems(actors=ACTORS + "d,Delta,state,,\n")
    assert (code, lines) == (0, ["d/actors.csv:5: warning: actor 'd' has no relation"])


def test_all_problems_at_once_errors_before_warnings():
    actors = ACTORS + "d,Delta,state,,\nb,Bis,state,,\n"
    relations = RELATIONS.replace("doc §3", "") + "a,likes,b,doc,,,,\nx,trains,b,doc,,,,\n"
    code, lines = problems(actors, relations)
    assert code == 1
    assert lines == [
        "d/actors.csv:6: duplicate actor id 'b' (first on line 3)",
        "d/relations.csv:5: unknown relation 'likes' (allowed: trains, accompanies, coordinates_with, part_of)",
        "d/relations.csv:6: unknown actor 'x' in source",
        "d/actors.csv:5: warning: actor 'd' has no relation",
        "d/relations.csv:4: warning: relation without evidence",
    ]


def test_json_output_has_stable_codes():
    write(__import__("pathlib").Path("d"), relations=RELATIONS + "a,trains,zz,doc,,,,\n")
    result = invoke("validate", "--data", "d", "--format", "json")
    report = json.loads(result.stdout)
    assert result.exit_code == 1
    assert [(p["line"], p["code"]) for p in report["problems"]] == [(5, "unknown-actor")]


def test_other_commands_refuse_bad_data_without_traceback():
    write(__import__("pathlib").Path("d"), relations=RELATIONS + "a,trains,zz,doc,,,,\n")
    result = invoke("centrality", "--data", "d")
    assert result.exit_code == 1
    assert "d/relations.csv:5: unknown actor 'zz' in target" in result.stderr
    assert "Traceback" not in result.output
    assert result.stdout == ""


def test_hints_stop_after_a_budget_of_comparisons(tmp_path, monkeypatch):
    """Thousands of unknown references cannot make validation quadratic: hints for the first ones only."""
    import graph.data.hints as hints

    actors = "id,name,type\n" + "".join(f"actor_{i},Actor {i},t\n" for i in range(50))
    relations = "source,relation,target,evidence\n" + "".join(f"actr_{i}x,trains,actor_0,x\n" for i in range(1, 40))
    folder = write(tmp_path / "unknown", actors, relations)
    monkeypatch.setattr(hints, "HINT_BUDGET", 10 * 100)  # ten look-ups among the 50 ids and 50 names
    result = invoke("validate", "--data", folder)
    assert result.exit_code == 1
    lines = [line for line in result.output.splitlines() if "unknown actor" in line or "unknown source" in line]
    assert len(lines) == 39  # every unknown reference is still reported
    assert sum("did you mean" in line for line in lines) == 10
    assert "did you mean 'actor_1'" in lines[0]
    # the data set's own index (names typed one at a time, in a notebook for hours) has no budget to run out
    from graph.data.resolve import ActorIndex

    index = ActorIndex([{"id": f"actor_{i}", "name": f"Actor {i}", "aliases": ""} for i in range(50)])
    assert all(index.closest(f"actr_{i}x") for i in range(1, 40))


def test_a_long_vocabulary_is_named_in_part():
    from graph.data.schema import RelationKind, Vocabulary

    many = Vocabulary([RelationKind(f"kind_{i}", f"kind {i}", f"kind {i} of", True, "#000000") for i in range(40)])
    assert many.listing() == ", ".join(f"kind_{i}" for i in range(12)) + " and 28 more"
    assert many.suggest("kind_3x")[0] == "kind_3"


def test_overlapping_rows_of_one_tie_name_the_first_row_they_overlap(tmp_path):
    """Rows of one tie are checked by bisection over the kept periods; the message names the earliest line."""
    from conftest import invoke, write

    rows = "".join(f"a,coordinates_with,b,e,{2000 + 2 * i},{2000 + 2 * i}\n" for i in range(500))  # lines 2-501
    rows += "b,coordinates_with,a,e,2003,2006\n"  # line 502: overlaps 2004 (line 4) and 2006 (line 5)
    rows += "a,coordinates_with,b,e,2001,2001\n"  # line 503: between 2000 and 2002, overlaps nothing
    rows += "a,coordinates_with,b,e,,\n"  # line 504: open both ends, overlaps every row: the first, line 2
    folder = write(tmp_path / "d", actors="id,name,type\na,A,t\nb,B,t\n",
                   relations="source,relation,target,evidence,since,until\n" + rows)
    result = invoke("--data", folder, "validate")
    errors = [line for line in result.stdout.splitlines() + result.stderr.splitlines() if "duplicate relation" in line]
    assert [e.split(":")[1] for e in errors] == ["502", "504"]
    assert "(first on line 4)" in errors[0] and "(first on line 2)" in errors[1]


def test_the_warnings_note_names_a_validate_that_checks_the_same_folder():
    from pathlib import Path

    folder = write(Path("my copy"), ACTORS + "lone,Lone actor,state,,\n", RELATIONS)
    result = invoke("centrality", "--data", folder, "--top", "1")
    assert result.exit_code == 0
    assert "note: 1 warning in the data (see `actorgraph validate --data 'my copy'`)" in result.stderr
    checked = invoke("validate", "--data", "my copy")  # the hint, pasted
    assert "warning: actor 'lone' has no relation" in checked.stdout


def test_validate_names_the_files_it_read_also_when_they_have_errors():
    from pathlib import Path

    folder = write(Path("bad"), ACTORS, RELATIONS + "a,trainz,b,doc,,,,\n")
    result = invoke("validate", "--data", folder)
    assert result.exit_code == 1
    assert "bad/relations.csv: read as UTF-8, ','-separated, LF line endings" in result.stdout
    said = json.loads(invoke("validate", "--data", folder, "--format", "json").stdout)
    assert said["errors"] == 1 and len(said["files"]) == 2


def test_files_pandas_wrote_get_a_hint_about_pandas():
    from pathlib import Path

    import pandas as pd

    folder = Path("pd")
    folder.mkdir()
    pd.DataFrame({"id": ["a", "b"], "name": ["A", "B"], "type": ["state", "state"]}).to_csv(folder / "actors.csv")
    pd.DataFrame({"source": ["a", "b"], "relation": ["trains", "trains"], "target": ["b", "a"],
                  "evidence": ["x", "y"], "credibility": [2, None]}).to_csv(folder / "relations.csv", index=False)
    out = invoke("validate", "--data", folder).stdout
    assert ("pd/actors.csv:2: a value stands in a column with no header name (pandas writes its row numbers there:"
            " save with to_csv(path, index=False))") in out
    assert ("pd/relations.csv:2: bad credibility '2.0'; write 2, a whole number (pandas writes 2.0 for a column"
            " with empty cells)") in out
