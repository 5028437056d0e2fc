"""The network over time (issue 21): ended ties, actors' periods, what was known when, timeline and diff.

The small network, worked by hand (today is pinned to 2026-11-30 by conftest):

    a --trains--> b            since 2019, in force
    b --part_of--> c           until 2020-08-18: ended
    a --coordinates_with-- c   since 2027: not yet
    c --accompanies--> d       no dates: in force
"""

from __future__ import annotations

import json

import pytest

from conftest import invoke, ok, write

ACTORS = "id,name,type\na,A,x\nb,B,x\nc,C,y\nd,D,y\n"
RELATIONS = ("source,relation,target,evidence,since,until\n"
             "a,trains,b,s,2019,\nb,part_of,c,s,,2020-08-18\na,coordinates_with,c,s,2027,\nc,accompanies,d,s,,\n")


@pytest.fixture
def t(tmp_path):
    return write(tmp_path / "t", ACTORS, RELATIONS)


def pairs(*args) -> list[tuple[str, str]]:
    rows = json.loads(ok("neighbors", "c", "--depth", "3", "--format", "json", *args).stdout)
    return sorted(r["id"] for r in rows)


def test_default_view_is_today_and_says_what_it_left_out(t):
    result = ok("neighbors", "a", "--format", "json", "--data", t)
    assert [r["id"] for r in json.loads(result.stdout)] == ["b"]  # a-c is not yet in force
    assert ("note: as of 2026-11-30: 1 ended and 1 not-yet ties left out (`--as-of all` for every period)"
            in result.stderr)


@pytest.mark.parametrize("command", ["centrality", "brokers", "communities", "balance", "timeline"])
def test_every_analysis_command_says_what_the_date_left_out(t, command):
    result = ok(command, "--data", t)
    said = "as of 2026-11-30: 1 ended and 1 not-yet ties left out (`--as-of all` for every period)" in result.stderr
    assert said == (command != "timeline")  # timeline steps through every period itself
    assert "as of" not in invoke(command, "--data", t, "--as-of", "all").stderr


def test_as_of_all_gives_every_period_and_status_ended_adds_ended_ties(t):
    assert pairs("--data", t) == ["d"]  # b-c ended, a-c not yet: c only reaches d
    assert pairs("--data", t, "--as-of", "all") == ["a", "b", "d"]
    assert pairs("--data", t, "--status", "ended") == ["a", "b", "d"]  # c-b ended, then b-a in force
    assert "as of" not in invoke("neighbors", "c", "--data", t, "--as-of", "all").stderr


def test_today_comes_from_the_environment_and_output_is_byte_identical(t, monkeypatch):
    first = ok("centrality", "--format", "csv", "--data", t)
    assert first.stdout == ok("centrality", "--format", "csv", "--data", t).stdout
    monkeypatch.setenv("ACTORGRAPH_TODAY", "2020-01-01")  # b-c in force then
    earlier = ok("neighbors", "c", "--format", "json", "--data", t)
    assert sorted(r["id"] for r in json.loads(earlier.stdout)) == ["b", "d"]
    assert "as of 2020-01-01: 1 not-yet tie left out" in earlier.stderr
    monkeypatch.setenv("ACTORGRAPH_TODAY", "someday")
    bad = invoke("centrality", "--data", t)
    assert bad.exit_code == 1 and "$ACTORGRAPH_TODAY 'someday' is not a date" in bad.stderr
    assert "Traceback" not in bad.output


def test_view_today_field_overrides_the_environment(t):
    from graph.analysis.views import View, graph_of
    from graph.data.load import load_dataset

    G = graph_of(load_dataset(t), View(today="2028-01-01"))
    assert sorted(map(sorted, G.to_undirected().edges())) == [["a", "b"], ["a", "c"], ["c", "d"]]
    assert View(as_of="all").date() is None and View(as_of="2019").date() == "2019"


# -- 2. actors have periods --------------------------------------------------------------------------------------
# e is an operation that ran 2019 to 2020 with one tie to d (no dates): the tie is in force today while e is not.

def test_inactive_actors_are_left_out_and_counted(t):
    (t / "actors.csv").write_text("id,name,type,since,until\na,A,x,,\nb,B,x,,\nc,C,y,,\nd,D,y,,\ne,E,op,2019,2020\n")
    (t / "relations.csv").write_text(RELATIONS + "e,accompanies,d,s,,\n")
    result = invoke("impact", "c", "--format", "json", "--data", t)
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    # today: a-b and c-d in force; b is kept by a-b; e is outside its period: left out, not a part of its own
    assert (report["components_before"], report["components_after"]) == (2, 2)  # {a,b}, {c,d}; then {a,b}, {d}
    assert "as of 2026-11-30: 1 inactive actor and 1 relation left out" in result.stderr
    warned = invoke("validate", "--data", t)
    assert ("relations.csv:6: warning: tie e accompanies d is in force (since (open)) while e is not"
            " (its period: 2019 to 2020)") in warned.output
    every = json.loads(ok("impact", "c", "--format", "json", "--data", t, "--as-of", "all").stdout)
    assert every["components_before"] == 1


def test_actor_until_before_since_is_a_file_line_error(t):
    (t / "actors.csv").write_text("id,name,type,since,until\na,A,x,,\nb,B,x,2021,2019\nc,C,y,,\nd,D,y,,\n")
    result = invoke("centrality", "--data", t)
    assert result.exit_code == 1 and "Traceback" not in result.output
    assert "actors.csv:3: since 2021 is after until 2019" in result.stderr


# -- 4. what was known when, worked by hand --------------------------------------------------------------------
# s1 published 2020-06, s2 on 2021-05-10, s3 undated. No tie has dates, so every tie is in force today.
#   a-b (s1): known from 2020-06-01     b-c (s2;s1): from 2020-06-01, the earliest
#   c-d (s2): from 2021-05-10           a-d (s3) and b-d (no source): known since an unknown date, kept

KNOWN_RELATIONS = ("source,relation,target,evidence,sources\na,trains,b,e,s1\nb,part_of,c,e,s2;s1\n"
                   "c,accompanies,d,e,s2\na,coordinates_with,d,e,s3\nb,trains,d,e,\n")
SOURCES = "id,title,published\ns1,One,2020-06\ns2,Two,10/05/2021\ns3,Three,\n"


@pytest.fixture
def k(tmp_path):
    folder = write(tmp_path / "k", ACTORS, KNOWN_RELATIONS)
    (folder / "sources.csv").write_text(SOURCES)
    return folder


@pytest.mark.parametrize("day, left_out, kept", [
    ("2021-04", 1, [("a", "b"), ("a", "d"), ("b", "c"), ("b", "d")]),  # c-d published in May 2021
    ("2020-05", 3, [("a", "d"), ("b", "d")]),                          # only the undated ties
    ("2021-05", 0, [("a", "b"), ("a", "d"), ("b", "c"), ("b", "d"), ("c", "d")]),  # the end of May counts
])
def test_known_on_keeps_ties_published_by_then(k, day, left_out, kept):
    from graph.analysis.views import View, graph_of
    from graph.data.load import load_dataset

    G = graph_of(load_dataset(k), View(known_on=day))
    assert sorted(tuple(sorted(e)) for e in G.edges()) == kept
    result = ok("centrality", "--known-on", day, "--data", k)
    assert (f"note: as known on {day}: {left_out} relation{'s' * (left_out != 1)} first published later left out;"
            " 2 ties with no dated source kept (known since an unknown date)") in result.stderr


def test_known_on_without_dated_sources_and_bad_dates_say_so(k):
    (k / "sources.csv").write_text("id,title,published\ns1,One,\ns2,Two,\ns3,Three,\n")
    result = invoke("centrality", "--known-on", "2021", "--data", k)
    assert result.exit_code == 1 and "Traceback" not in result.output
    assert "no source has a published date in sources.csv" in result.stderr
    bad = invoke("centrality", "--known-on", "2021-13", "--data", k)
    assert bad.exit_code == 2 and "'2021-13' is not a date" in bad.stderr and "--known-on" in bad.stderr


# -- 5. timeline and diff --as-of A --as-of B, worked by hand on the first network -----------------------------
# Events: 2019-01-01 (a-b starts), 2020-08-19 (the day after b-c ends), 2027-01-01 (a-c starts).
#   2019-01-01: a-b, b-c, c-d: a path; degree b = c = 2/3, a = d = 1/3
#   2020-08-19: a-b, c-d: every degree 1/3 (ranks tie at 1, the top 2 by name: A, B)
#   2027-01-01: a-b, a-c, c-d: degree a = c = 2/3

def test_timeline_every_event_worked_by_hand(t):
    found = json.loads(ok("timeline", "--every", "event", "-m", "degree", "--top", "2", "--format", "json",
                          "--data", t).stdout)
    assert [(s["date"], s["actors"], s["ties"], [(r["rank"], r["id"], round(r["value"], 3)) for r in s["top"]])
            for s in found["steps"]] == [
        ("2019-01-01", 4, 3, [(1, "b", 0.667), (1, "c", 0.667)]),
        ("2020-08-19", 4, 2, [(1, "a", 0.333), (1, "b", 0.333)]),
        ("2027-01-01", 4, 3, [(1, "a", 0.667), (1, "c", 0.667)])]
    assert [s["tied"] for s in found["steps"]] == [0, 2, 0]  # 2020-08-19: C and D share rank 1, left out


def test_timeline_says_which_steps_leave_out_actors_tied_with_the_last_shown(t):
    result = ok("timeline", "--every", "event", "-m", "degree", "--top", "1", "--data", t)
    assert ("note: actors tied with the last one shown are left out at 3 of 3 steps: 2019-01-01 (1 at rank 1),"
            " 2020-08-19 (3 at rank 1), 2027-01-01 (1 at rank 1) (--top 4 shows them)") in result.stderr
    assert "note: actors tied" not in ok("timeline", "--every", "event", "-m", "degree", "--top", "4",
                                         "--data", t).stderr


def test_timeline_every_year_and_csv(t):
    out = ok("timeline", "--every", "year", "-m", "degree", "--top", "1", "--format", "csv", "--data", t).stdout
    lines = out.splitlines()
    assert lines[0] == "date,actors,ties,rank,id,name,degree"  # the id beside the rank, as in centrality's CSV
    assert [line.split(",")[0] for line in lines[1:]] == [str(y) for y in range(2019, 2028)]  # 2019 to 2027
    assert lines[2] == "2020,4,3,1,b,B,0.6666666666666666"  # 1 January 2020: b-c still in force
    assert out == ok("timeline", "--every", "year", "-m", "degree", "--top", "1", "--format", "csv",
                     "--data", t).stdout


def test_timeline_without_dates_says_so(tmp_path):
    from conftest import ACTORS as PLAIN

    folder = write(tmp_path / "plain", PLAIN, "source,relation,target,evidence\na,trains,b,s\n")
    result = invoke("timeline", "--data", folder)
    assert result.exit_code == 1 and "no tie or actor has a since or until date" in result.stderr


def test_diff_between_two_dates_worked_by_hand(t):
    found = json.loads(ok("diff", "--as-of", "2019", "--as-of", "2027", "-m", "degree", "--format", "json",
                          "--data", t).stdout)
    assert [(x["source"], x["relation"], x["target"]) for x in found["started"]] == [("a", "coordinates_with", "c")]
    assert [(x["source"], x["relation"], x["target"]) for x in found["ended"]] == [("b", "part_of", "c")]
    assert found["appeared"] == [] and found["inactive"] == []
    assert found["changes"] == [  # the rows of a two-folder diff's JSON, under the same key
        {"change": "started", "what": "relation", "item": "a coordinates_with c", "details": "since 2027", "line": None},
        {"change": "ended", "what": "relation", "item": "b part_of c", "details": "until 2020-08-18", "line": None}]
    assert [(r["id"], r["rank_before"], r["rank_after"], r["rank_change"]) for r in found["ranks"]] == [
        ("c", 1, 1, 0), ("a", 3, 1, 2), ("b", 1, 3, -2), ("d", 3, 3, 0)]  # by rank after, then before
    table = ok("diff", "--as-of", "2019", "--as-of", "2027", "--data", t).stdout
    assert ["started", "relation", "a coordinates_with c (since 2027)"] in [line.split(None, 2) for line in table.splitlines()]
    once = invoke("diff", "--as-of", "2019", "--data", t)
    assert once.exit_code == 2 and "give --as-of twice" in once.stderr
    ranks = ok("diff", "--as-of", "2019", "--as-of", "2027", "-m", "degree", "--format", "csv", "--table", "ranks",
               "--data", t).stdout.splitlines()
    assert ranks[0] == "id,name,rank_before,before,rank_after,after,rank_change"
    assert [(line.split(",")[0], line.split(",")[-1]) for line in ranks[1:]] == [
        ("c", "0"), ("a", "2"), ("b", "-2"), ("d", "0")]
    only = ok("diff", "--as-of", "2019", "--as-of", "2027", "--table", "ranks", "--data", t).stdout
    assert only.startswith("name ") and "started" not in only
    rows = ok("diff", "--as-of", "2019", "--as-of", "2027", "--format", "csv", "--data", t).stdout.splitlines()
    assert rows == ["change,what,item,details,line", "started,relation,a coordinates_with c,since 2027,",
                    "ended,relation,b part_of c,until 2020-08-18,"]  # the columns of a two-folder diff, ids


# -- 8. a view dated after its sources ------------------------------------------------------------------------
# The newest source the ties of k cite is s2, published 10/05/2021 (s3 has no date).

@pytest.mark.parametrize("args, said", [
    ((), "as of 2026-11-30"),      # the default: today, after the sources
    (("--as-of", "2021-06"), "as of 2021-06"),
    (("--as-of", "2021-05"), None),  # 1 May 2021 is not after 10 May 2021
])
def test_view_after_the_newest_source_says_so(k, args, said):
    result = ok("centrality", "--data", k, *args)
    note = (f"note: {said}: after the newest published date of the sources these ties rest on (10/05/2021):"
            " the data cannot say what changed since")
    assert (note in result.stderr) if said else ("newest published date" not in result.stderr)


def test_timeline_estimates_betweenness_only_on_large_networks():
    from graph.analysis.timeline import TIMELINE_WORK, sample_for

    assert sample_for(20, 35, 60) is None  # the bundled size: exact
    assert sample_for(20, 10_000, 30_000, "degree") is None  # other measures: always exact
    k = sample_for(20, 10_000, 30_000)
    assert k is not None and 100 <= k < 10_000 and 20 * k * 40_000 <= max(TIMELINE_WORK, 20 * 100 * 40_000)


def test_timeline_says_when_it_estimates(t, monkeypatch):
    from graph.analysis import timeline as tl

    monkeypatch.setattr(tl, "TIMELINE_WORK", 1)
    monkeypatch.setattr(tl, "MIN_SAMPLE", 2)
    result = invoke("timeline", "--every", "event", "--format", "json", "--data", t)
    assert result.exit_code == 0, result.output
    assert all(s["estimated_from"] == 2 for s in json.loads(result.stdout)["steps"])
    assert "betweenness estimated, not exact, at 3 of 3 steps" in result.stderr


def test_export_says_each_thing_it_left_out_once(t, tmp_path):
    result = ok("export", "--format", "json", "-o", tmp_path / "e.json", "--data", t)
    lines = [line for line in result.stderr.splitlines() if line.startswith("note: as of")]
    assert lines and len(lines) == len(set(lines))


# ---- dates at the ends of the calendar, and steps with nobody -------------------------------------

@pytest.mark.slow
def test_a_step_with_no_actor_and_dates_at_the_calendars_ends(tmp_path):
    ended = write(tmp_path / "ended", "id,name,type\na,A,t\nb,B,t\n",
                  "source,relation,target,evidence,until\na,part_of,b,x,2020\n")
    for args in ([], ["--format", "csv"]):  # every tie has ended: the last step has nobody
        result = invoke("timeline", "--data", ended, *args)
        assert result.exit_code == 0, result.output
    assert "2021" in invoke("timeline", "--data", ended).output
    result = invoke("centrality", "--data", ended)  # today's view is empty: say why, and what shows them
    assert result.exit_code == 1 and "Traceback" not in result.output
    assert "leaves out all 2 of the data set" in result.output and "--as-of all" in result.output
    assert invoke("centrality", "--data", ended, "--as-of", "all").exit_code == 0  # the hint works
    forever = write(tmp_path / "forever", "id,name,type\na,A,t\nb,B,t\n",
                    "source,relation,target,evidence,since,until\na,part_of,b,x,0001,9999\n")
    for args in (["timeline"], ["timeline", "--every", "event"], ["render", "-o", tmp_path / "f.html"]):
        result = invoke(*args, "--data", forever)
        assert result.exit_code == 0, result.output
    early = write(tmp_path / "early", "id,name,type\na,A,t\nb,B,t\nc,C,t\n",
                  "source,relation,target,evidence,since\na,part_of,b,x,0950\nb,part_of,c,x,1100\n")
    lines = invoke("timeline", "--data", early, "--format", "csv").output.splitlines()
    assert lines[1].startswith("0950,") and lines[-1].startswith("1100,")  # years of four digits, as --as-of reads
    result = invoke("timeline", "--data", early, "--every", "month")  # 0950-01 to 1100-01: 1,801 months
    assert result.exit_code == 1 and "Traceback" not in result.output
    assert "more than 1,200; check the dates, or use --every year" in result.output
    assert invoke("timeline", "--data", early, "--every", "year").exit_code == 0  # the hint works
    busy = write(tmp_path / "busy", "id,name,type\na,A,t\nb,B,t\n", "source,relation,target,evidence,since,until\n"
                 + "".join(f"a,coordinates_with,b,x,{2000 + i // 12:04d}-{i % 12 + 1:02d},{2000 + i // 12:04d}-"
                           f"{i % 12 + 1:02d}-15\n" for i in range(700)))  # 1,400 event dates over 59 years
    result = invoke("timeline", "--every", "event", "--data", busy)
    assert result.exit_code == 1 and "1,400 event dates from 2000-01-01 to 2058-04-16 are more steps than" \
        " 1,200; use --every month or --every year" in result.stderr
    assert invoke("timeline", "--every", "month", "--data", busy).exit_code == 0  # the hint works


def test_a_timeline_and_a_diff_between_dates_say_the_hostile_ties_they_leave_out(tmp_path):
    """As centrality says it: each step is measured on the cooperation network (the CLI names --ties all, the
    API ties='all')."""
    import graph

    d = write(tmp_path / "s", "id,name,type\na,A,t\nb,B,t\nc,C,t\n",
              "source,relation,target,evidence,since\na,trains,b,x,2019\nb,fights,c,x,2020\n")
    (d / "kinds.csv").write_text("kind,label,inverse,directed,polarity\ntrains,trains,,yes,cooperative\n"
                                 "fights,fights,,no,hostile\n", encoding="utf-8")
    said = "measured on the cooperation network only: 1 hostile tie left out"
    for args in (["timeline"], ["diff", "--as-of", "2019", "--as-of", "2021"]):
        result = ok(*args, "--data", d)
        assert f"note: {said} (--ties all to include them)" in result.stderr, (args, result.stderr)
        assert "hostile" not in ok(*args, "--ties", "all", "--data", d).stderr  # the hint works (diff had no --ties)
    assert "b fights c" in ok("diff", "--as-of", "2019", "--as-of", "2021", "--ties", "all", "--data", d).stdout
    assert f"{said} (ties='all' to include them)" in graph.timeline(d).attrs["notes"]
    assert f"{said} (ties='all' to include them)" in graph.diff(d, as_of=("2019", "2021")).notes
