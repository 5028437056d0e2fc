"""In Chromium: the page's time bar on a generated network of 500 actors with random periods."""

from __future__ import annotations

import datetime as dt
import random

import pytest

from conftest import benchmark
from graph.analysis.views import View, graph_of
from graph.api import open_dataset, render_html

pytestmark = pytest.mark.browser
SCREEN = {"width": 1366, "height": 768}
DRAWN = "network.body.data.edges.length"  # the ties the map draws now


@pytest.fixture(scope="module")
def timed(tmp_path_factory):
    generate = benchmark("generate")
    folder = tmp_path_factory.mktemp("time") / "g500"
    generate.write(folder, *generate.with_periods(*generate.generate(500, 1500, seed=8), seed=8))
    ds = open_dataset(folder, lock=False)
    path = folder.parent / "time.html"
    path.write_text(render_html(ds), encoding="utf-8")
    return ds, path


def settled(p):
    """Wait until the tables, legend, panel and #fragment have followed the last step of the time bar."""
    p.page.wait_for_function("() => actorgraph.timebar.settled()")


def count_at(ds, day: str) -> int:
    return graph_of(ds, View(as_of=day)).number_of_edges()


def test_ties_shown_at_ten_dates_equal_the_views_and_nothing_moves(open_page, timed):
    ds, path = timed
    p = open_page(path, viewport=SCREEN)
    assert p.js("actorgraph.timebar.window()") == {"on": True, "from": "2026-11-30", "to": "2026-11-30",
                                                   "mode": "valid"}
    assert p.js(DRAWN) == count_at(ds, "2026-11-30")
    before = p.js("network.getPositions()")
    rng = random.Random(21)
    days = [(dt.date(2000, 1, 1) + dt.timedelta(days=rng.randrange(9300))).isoformat() for _ in range(10)]
    for i, day in enumerate(days):
        if i % 2:  # typed, as a user would
            p.page.fill("#ag-time-date", day)
            p.page.press("#ag-time-date", "Enter")
        else:
            p.js("d => actorgraph.timebar.moveTo(d)", day)
        assert p.js("actorgraph.timebar.window().to") == day
        assert p.js(DRAWN) == count_at(ds, day), day
        assert p.js("actorgraph.timebar.shown()") == count_at(ds, day)
        # the footer counts what is drawn, once the date stops moving
        settled(p)
        assert f"{count_at(ds, day)} relations" in p.page.inner_text("#ag-drawn")
    assert p.js("network.getPositions()") == before
    assert len(set(count_at(ds, d) for d in days)) > 3
    assert p.errors == []


def test_keys_move_the_date_by_event_and_the_fragment_keeps_it(open_page, timed):
    ds, path = timed
    p = open_page(path, viewport=SCREEN)
    events = p.js("actorgraph.timebar.events()")
    p.js("d => actorgraph.timebar.moveTo(d)", events[5])
    p.page.focus("#ag-time-handle")
    p.page.keyboard.press("ArrowRight")
    assert p.js("actorgraph.timebar.window().to") == events[6]
    p.page.keyboard.press("ArrowLeft")
    p.page.keyboard.press("ArrowLeft")
    assert p.js("actorgraph.timebar.window().to") == events[4]
    settled(p)
    assert p.js("location.hash") == f"#as-of={events[4]}"
    p.page.click("#ag-time-next")
    assert p.js("actorgraph.timebar.window().to") == events[5]
    assert p.js(DRAWN) == count_at(ds, events[5])
    assert p.errors == []


def test_play_visits_every_event_date_and_stops(open_page, timed):
    ds, path = timed
    p = open_page(path, viewport=SCREEN)
    events = p.js("actorgraph.timebar.events()")
    assert len(events) > 200
    # from the 200th last event on (each step redraws the map: all 800 would take a minute)
    p.js("d => { actorgraph.timebar.delay = 1; actorgraph.timebar.moveTo(d); actorgraph.timebar.log.length = 0; }",
         events[-201])
    p.page.click("#ag-time-play")
    assert p.js("document.getElementById('ag-time-play').getAttribute('aria-pressed')") == "true"
    p.page.wait_for_function("() => document.getElementById('ag-time-play').getAttribute('aria-pressed') === 'false'",
                             timeout=120000)
    assert p.js("actorgraph.timebar.log") == events[-200:]
    assert p.js("actorgraph.timebar.window().to") == events[-1]
    assert p.js(DRAWN) == count_at(ds, events[-1])
    assert p.errors == []


def test_as_of_in_the_fragment_restores_the_date(open_page, timed):
    ds, path = timed
    p = open_page(path, "#as-of=2015-03", viewport=SCREEN)
    assert p.js("actorgraph.timebar.window().to") == "2015-03-01"
    assert p.page.input_value("#ag-time-date") == "2015-03-01"
    assert p.js(DRAWN) == count_at(ds, "2015-03-01")
    # a window, and every period
    p2 = open_page(path, "#as-of=2010..2012", viewport=SCREEN)
    assert p2.js("actorgraph.timebar.window()") == {"on": True, "from": "2010-01-01", "to": "2012-01-01",
                                                    "mode": "valid"}
    p3 = open_page(path, "#as-of=all", viewport=SCREEN)
    assert p3.js("actorgraph.timebar.window().on") is False
    assert p3.js(DRAWN) == graph_of(ds, View(as_of="all")).number_of_edges()
    assert p.errors == p2.errors == p3.errors == []


def test_bad_dates_give_a_notice_and_the_page_stays_usable(open_page, timed):
    ds, path = timed
    p = open_page(path, "#as-of=banana", viewport=SCREEN)
    assert p.page.is_visible("#ag-time-notice")
    assert "banana" in p.page.inner_text("#ag-time-notice")
    assert p.js("actorgraph.timebar.window().to") == "2026-11-30"
    assert p.js(DRAWN) == count_at(ds, "2026-11-30")
    p.page.fill("#ag-time-date", "31/02/2020")
    p.page.press("#ag-time-date", "Enter")
    assert "31/02/2020" in p.page.inner_text("#ag-time-notice")
    assert p.js("document.getElementById('ag-time-date').getAttribute('aria-invalid')") == "true"
    p.page.fill("#ag-time-date", "03/2012")
    p.page.press("#ag-time-date", "Enter")
    assert p.page.is_hidden("#ag-time-notice")
    assert p.js(DRAWN) == count_at(ds, "2012-03-01")
    assert p.errors == []


def test_steps_emphasise_new_ties_ghost_ended_ones_and_say_what_changed(open_page, timed):
    ds, path = timed
    p = open_page(path, viewport=SCREEN)
    p.js("actorgraph.timebar.moveTo('2012-01-01')")
    p.js("actorgraph.timebar.moveTo('2016-01-01')")
    A, B = (graph_of(ds, View(as_of=d)) for d in ("2012-01-01", "2016-01-01"))
    started = len(set(B.edges(keys=True)) - set(A.edges(keys=True)))
    ended = len(set(A.edges(keys=True)) - set(B.edges(keys=True)))
    line = p.page.inner_text("#ag-time-change")
    assert line.startswith(f"+{started} relations, \u2212{ended} relation")
    assert len(p.js("actorgraph.timebar.ghosts()")) == ended
    assert len(p.js("actorgraph.timebar.emphasised()")) == started
    # the ghosts are not among the ties drawn; the new ones are
    assert not set(p.js("actorgraph.timebar.ghosts()")) & set(p.js("network.body.data.edges.getIds()"))
    assert set(p.js("actorgraph.timebar.emphasised()")) <= set(p.js("network.body.data.edges.getIds()"))
    # a selected actor's panel says for which date its measures are
    busiest = max(B, key=B.degree)
    p.js("id => actorgraph.network.selectActor(id, false)", busiest)
    assert "2016-01-01" in p.page.inner_text("#ag-panel") or "Measures as of" in p.page.inner_text("#ag-panel")
    assert p.errors == []


def test_between_and_cumulative_and_known_on(open_page, timed):
    ds, path = timed
    p = open_page(path, viewport=SCREEN)
    p.js("actorgraph.timebar.moveTo('2012-06-01')")
    p.page.check("#ag-time-between")
    assert p.js("actorgraph.timebar.window()")["from"] == "2011-06-01"
    assert p.page.is_visible("#ag-time-window") and p.page.is_visible("#ag-time-from")
    # in force at any time in the window: at least what is in force at either end
    shown = p.js(DRAWN)
    assert shown >= max(count_at(ds, "2011-06-01"), count_at(ds, "2012-06-01"))
    p.page.focus("#ag-time-window")
    p.page.keyboard.press("PageUp")  # the window moves as one, a year on
    assert p.js("actorgraph.timebar.window()") == {"on": True, "from": "2012-06-01", "to": "2013-06-01",
                                                   "mode": "valid"}
    settled(p)
    assert p.js("location.hash") == "#as-of=2012-06-01..2013-06-01"
    p.page.check("#ag-time-cumulative")
    assert p.page.is_hidden("#ag-time-window")
    started = sum(1 for r in ds.relations if not r.get("since") or r["since"] and _first(r["since"]) <= "2013-06-01")
    assert p.js("actorgraph.timebar.shown()") <= started  # every tie started by then whose actors had begun
    assert p.js("actorgraph.timebar.shown()") >= count_at(ds, "2013-06-01")
    p.page.select_option("#ag-time-mode", "known")  # no source is dated: known on = valid at, every tie kept
    p.page.uncheck("#ag-time-cumulative")
    assert p.js("actorgraph.timebar.window().mode") == "known"
    assert p.js(DRAWN) == count_at(ds, "2013-06-01")
    settled(p)
    assert p.js("location.hash") == "#as-of=2013-06-01&time=known"
    p.page.uncheck("#ag-time-on")
    assert p.js(DRAWN) == graph_of(ds, View(as_of="all")).number_of_edges()
    assert p.js("actorgraph.core.state.faded.size") == 0
    assert p.errors == []


def _first(text):
    from graph.data.dates import parse_span

    return parse_span(text)[0].isoformat()


def test_the_legend_shows_ended_and_not_yet_ties_faded_on_demand(open_page, timed):
    ds, path = timed
    p = open_page(path, viewport=SCREEN)
    p.js("actorgraph.timebar.moveTo('2016-01-01')")
    settled(p)
    now = graph_of(ds, View(as_of="2016-01-01"))
    every = graph_of(ds, View(as_of="all"))
    out = every.number_of_edges() - now.number_of_edges()
    counts = p.js("actorgraph.timebar.outCounts()")
    assert counts["ended"] + counts["not yet"] == out and counts["ended"] > 0 and counts["not yet"] > 0
    shown = {li: p.page.inner_text(f'#ag-legend li[data-out="{li}"] .ag-count') for li in ("ended", "not yet")}
    assert shown == {"ended": str(counts["ended"]), "not yet": str(counts["not yet"])}
    assert p.js("actorgraph.timebar.faint()") == []
    p.js("actorgraph.timebar.moveTo(actorgraph.timebar.events()[0])")  # nothing has ended yet
    settled(p)
    assert p.js("actorgraph.timebar.outCounts()")["ended"] == 0
    assert p.page.is_hidden('#ag-legend li[data-out="ended"]')  # no (0) row
    p.js("actorgraph.timebar.moveTo('2016-01-01')")
    settled(p)
    p.page.check('#ag-legend li[data-out="ended"] input')
    faint = p.js("actorgraph.timebar.faint()")
    assert len(faint) == counts["ended"]
    assert not set(faint) & set(p.js("network.body.data.edges.getIds()"))  # faded, not drawn as live ties
    p.page.uncheck('#ag-legend li[data-out="ended"] input')
    assert p.js("actorgraph.timebar.faint()") == []
    assert p.errors == []
