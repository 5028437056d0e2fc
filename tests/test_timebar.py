"""The page's time bar data (graph/output/timebar.py), and its JS date logic (timeline.js) against Python."""

from __future__ import annotations

import datetime as dt
import json
import random
import subprocess

import pytest

from conftest import BUNDLED, ROOT, benchmark, invoke
from graph.analysis.timeline import event_dates
from graph.analysis.views import View, graph_of
from graph.api import open_dataset, picture
from graph.data.dates import parse_span
from graph.output import timebar
from test_page_js import node

TIMELINE = ROOT / "graph" / "assets" / "js" / "timeline.js"


def run_node(script: str, job) -> object:
    """Run ``script`` in Node with timeline.js as ``tl`` and the JSON ``job`` as ``job``; its printed JSON."""
    code = (f"const tl = require({json.dumps(str(TIMELINE))});"
            "let input = ''; process.stdin.on('data', d => input += d); process.stdin.on('end', () => {"
            "const job = JSON.parse(input);" + script + "});")
    done = subprocess.run([node(), "-e", code], input=json.dumps(job), capture_output=True, text=True,
                          encoding="utf-8", check=True)
    return json.loads(done.stdout)


@pytest.fixture(scope="module")
def periods_data(tmp_path_factory):
    """A generated network of 120 actors with random periods (benchmarks/generate.py --periods)."""
    generate = benchmark("generate")
    folder = tmp_path_factory.mktemp("periods") / "g120"
    generate.write(folder, *generate.with_periods(*generate.generate(120, 360, seed=4), seed=4))
    return open_dataset(folder, lock=False)


@pytest.mark.slow  # runs Node
def test_dates_read_as_python_reads_them():
    rng = random.Random(3)
    texts = ["2019", "2020-02", "2021-02-29", "2024-02-29", "18/08/2020", "8.8.2020", "08/2020", "2.2020",
             "13/2020", "2019-13", "31.02.2021", "18/08/20", "banana", "", " 2020 ", "2020-8", "0999",
             "29-02-1900", "29-02-2000", "1/1/2000", "01-2000"]
    texts += [f"{rng.randint(1, 31)}{rng.choice('/.-')}{rng.randint(1, 13)}{rng.choice('/.-')}{rng.randint(1899, 2030)}"
              for _ in range(200)]
    spans = [parse_span(t) for t in texts]
    expected = [[a.isoformat(), b.isoformat()] if s else None for s in spans for a, b in [s or (None, None)]]
    assert run_node("process.stdout.write(JSON.stringify(job.map(tl.parseSpan)));", texts) == expected
    assert None in expected and any(expected)


@pytest.mark.slow  # renders, or runs Node on a generated network
def test_ties_in_force_agree_with_python_at_ten_dates(periods_data):
    """For 10 random dates, the ties timeline.js shows equal those of the view at that date."""
    G = graph_of(periods_data, View(as_of="all"), all_statuses=True, all_ties=True)
    ties, actors = timebar.periods(G)
    rels = [(u, v) for u, v in G.edges()]
    ends = [[actors.get(u), actors.get(v)] for u, v in rels]
    rng = random.Random(11)
    days = sorted(dt.date(2000, 1, 1) + dt.timedelta(days=rng.randrange(9500)) for _ in range(10))
    expected = [graph_of(periods_data, View(as_of=d.isoformat())).number_of_edges() for d in days]
    counts = run_node("process.stdout.write(JSON.stringify(job.days.map(d => "
                      "tl.mask(job.ties, job.ends, {from: d, to: d, mode: 'valid'}).reduce((s, x) => s + x, 0))));",
                      {"ties": ties, "ends": ends, "days": [d.isoformat() for d in days]})
    assert counts == expected
    assert len(set(expected)) > 3  # the dates differ in what they show


@pytest.mark.slow  # runs Node
def test_event_dates_agree_with_the_timeline(periods_data):
    G = graph_of(periods_data, View(as_of="all"), all_statuses=True, all_ties=True)
    ties, actors = timebar.periods(G)
    found = run_node("process.stdout.write(JSON.stringify(tl.eventDates(job.ties, Object.values(job.actors),"
                     " 'valid')));", {"ties": ties, "actors": actors})
    assert found == [d.isoformat() for d in event_dates(periods_data)] == timebar.event_days(G)


def test_page_holds_every_period_and_opens_at_the_views_date():
    p = picture(open_dataset(BUNDLED, lock=False))
    every = graph_of(open_dataset(BUNDLED, lock=False), View(as_of="all"), all_statuses=True, all_ties=True)
    assert p.G.number_of_edges() == every.number_of_edges()
    assert p.time["date"] == "2026-11-30" and p.time["mode"] == "valid"
    assert len(p.time["ties"]) == p.G.number_of_edges()
    # the banner at the page's date says what the command line says, without its flag hint
    assert p.time["notes"] == ["as of 2026-11-30: 2 ended ties left out",
                               "as of 2026-11-30: 2 inactive actors left out (outside their period or with no tie"
                               " in force)"]
    # measures at every step (the bundled data is under the cap), those at the page's date as render's
    assert p.time["steps"][0] < timebar.event_days(p.G)[0] and p.time["steps"][1:] == timebar.event_days(p.G)
    at = max(s for s in p.time["steps"] if s <= "2026-11-30")
    index = p.time["measures"].index("betweenness")
    assert {n: row[index] for n, row in p.time["values"][at].items()} == pytest.approx(
        {n: v for n, v in p.values["betweenness"].items() if v is not None}, abs=1e-6)


@pytest.mark.slow  # renders, or runs Node on a generated network
def test_as_of_all_opens_with_the_time_filter_off_and_no_dates_no_time_bar(tmp_path):
    p = picture(open_dataset(BUNDLED, lock=False), View(as_of="all"))
    assert p.time["date"] is None and not p.time["notes"]
    from conftest import write

    folder = tmp_path / "undated"
    write(folder, relations="source,relation,target,evidence\na,trains,b,doc\n")
    assert picture(open_dataset(folder, lock=False)).time is None
    out = tmp_path / "undated.html"
    assert invoke("render", "--data", folder, "-o", out).exit_code == 0
    html = out.read_text(encoding="utf-8")
    assert 'id="ag-timebar"' not in html and '"time":' not in html


@pytest.mark.slow  # renders, or runs Node on a generated network
def test_known_on_opens_in_known_mode_and_agrees_with_python(tmp_path):
    from conftest import write
    from test_time import ACTORS, SOURCES

    # test_time's sources (s1 published 2020-06, s2 10/05/2021, s3 undated); a-b in force from 2019
    folder = write(tmp_path / "k", ACTORS, "source,relation,target,evidence,sources,since\na,trains,b,e,s1,2019\n"
                   "b,part_of,c,e,s2;s1,\nc,accompanies,d,e,s2,\na,coordinates_with,d,e,s3,\nb,trains,d,e,,\n",
                   sources=SOURCES)
    ds = open_dataset(folder, lock=False)
    p = picture(ds, View(known_on="2021-04"))
    assert p.time["mode"] == "known" and p.time["date"] == "2021-04-01"
    days = ["2018-06-01", "2020-05-31", "2020-06-01", "2021-05-09", "2021-05-10", "2026-11-30"]
    expected = [graph_of(ds, View(as_of=d, known_on=d)).number_of_edges() for d in days]
    ends = [[None, None]] * len(p.time["ties"])
    counts = run_node("process.stdout.write(JSON.stringify(job.days.map(d => "
                      "tl.mask(job.ties, job.ends, {from: d, to: d, mode: 'known'}).reduce((s, x) => s + x, 0))));",
                      {"ties": p.time["ties"], "ends": ends, "days": days})
    assert counts == expected == [2, 2, 4, 4, 5, 5]


def test_steps_thin_to_the_cap_and_keep_the_pages_step():
    days = [(dt.date(2000, 1, 1) + dt.timedelta(days=30 * i)).isoformat() for i in range(300)]
    steps = timebar._steps(days, 500, "2010-06-15")
    assert len(steps) == timebar.MAX_ACTOR_STEPS // 500
    assert max(d for d in days if d <= "2010-06-15") in steps
    assert timebar._steps(days, 50, None) == sorted(timebar._steps(days, 50, None))
    assert len(timebar._steps(days, 50, None)) == timebar.MAX_STEPS
    assert timebar._steps(days, 10_000, "2010-06-15") == []
