"""The rendered page in a real headless Chromium, with every network request blocked (see browsing.py)."""

from __future__ import annotations

import csv

import pytest

from browsing import STILL
from conftest import BUNDLED, FIXTURES, benchmark, invoke

pytestmark = pytest.mark.browser


@pytest.fixture(scope="session")
def pages(tmp_path_factory):
    """Rendered files, once per session."""
    folder = tmp_path_factory.mktemp("html")
    out = {}
    generate = benchmark("generate")
    large = folder / "large"
    generate.write(large, *generate.generate(2500, 6000, seed=3))
    for name, data in (("bundled", BUNDLED), ("hostile", FIXTURES / "hostile"), ("large", large)):
        path = folder / f"{name}.html"
        result = invoke("render", "--data", data, "-o", path, "--title", "<img src=x onerror=window.__pwned=7>",
                        "--as-of", "all",  # every period: the page's rows are the CSV's
                        *(["--no-overview"] if name == "large" else []))  # every actor drawn at once
        assert result.exit_code == 0, result.output
        out[name] = path
    return out


def csv_rows(name, folder=BUNDLED):
    with open(folder / name, encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def test_draws_every_actor_and_relation_offline(open_page, pages):
    p = open_page(pages["bundled"])
    relations = csv_rows("relations.csv")
    actual = [r for r in relations if r["status"] in ("", "actual")]
    assert p.counts() == [len(csv_rows("actors.csv")), len(actual)]  # planned, recommended: on demand
    assert p.js("agData.edges.length") == len(relations)
    p.page.click("#ag-legend-status li[data-status='recommended'] input")
    p.page.click("#ag-legend-status li[data-status='planned'] input")
    assert p.counts()[1] == len(relations)
    assert "status=actual,planned,recommended" in p.js("location.hash")
    assert [u for u in p.requests if not u.startswith("file:")] == []
    assert p.requests == [pages["bundled"].as_uri()]
    assert p.errors == []


def test_page_is_still_after_load(open_page, pages):
    p = open_page(pages["bundled"])
    assert p.js("network.physics.physicsEnabled") is False
    p.page.wait_for_function(STILL)
    before = p.js("[network.getPositions(), network.getScale(), network.getViewPosition()]")
    assert p.frames(20) is True
    assert p.js("[network.getPositions(), network.getScale(), network.getViewPosition()]") == before


def test_unticking_a_relation_kind_hides_exactly_its_edges(open_page, pages):
    p = open_page(pages["bundled"])
    relations = [r for r in csv_rows("relations.csv") if r["status"] in ("", "actual")]
    for kind in ("part_of", "trains"):
        p.page.click(f"#ag-legend-kinds li[data-kind='{kind}'] input")
        left = p.js("network.body.data.edges.get().map(e => e.kind)")
        assert kind not in left
    assert len(left) == sum(r["relation"] not in ("part_of", "trains") for r in relations)
    assert "hide-relations=part_of,trains" in p.js("location.hash")
    p.page.click("#ag-legend-kinds li[data-kind='part_of'] input")
    assert p.counts()[1] == sum(r["relation"] != "trains" for r in relations)


def test_unticking_an_actor_type_hides_its_actors_and_their_relations(open_page, pages):
    p = open_page(pages["bundled"])
    actors = {a["id"]: a["type"] for a in csv_rows("actors.csv")}
    p.page.click("#ag-legend-groups li[data-group='state'] input")
    shown = set(p.js("network.body.data.nodes.getIds()"))
    assert shown == {a for a, t in actors.items() if t != "state"}
    ends = p.js("network.body.data.edges.get().flatMap(e => [e.from, e.to])")
    assert set(ends) <= shown


def test_search_by_alias_selects_and_focuses(open_page, pages):
    p = open_page(pages["bundled"])
    p.page.fill("#ag-search-input", "fama")
    assert p.js("network.getSelectedNodes()") == ["mali_forces"]
    assert p.page.inner_text("#ag-panel .ag-panel-name") == "Malian armed and security forces"
    p.page.fill("#ag-search-input", "Tsjaad")
    assert p.js("network.getSelectedNodes()") == ["chad"]


def test_clicking_an_actor_shows_its_panel_and_dims_the_rest(open_page, pages):
    p = open_page(pages["bundled"])
    p.click_node("takuba")
    assert p.js("network.getSelectedNodes()") == ["takuba"]
    panel = p.page.inner_text("#ag-panel")
    assert "Task Force Takuba" in panel
    assert "part of (1)" in panel and "Operation Barkhane" in panel
    assert "accompanies (5)" in panel and "has part (1)" in panel
    colors = p.js("Object.fromEntries(network.body.data.nodes.get().map(n => [n.id, n.color]))")
    base = p.js("Object.fromEntries(agData.nodes.map(n => [n.id, n.color]))")
    assert colors["barkhane"] == base["barkhane"]  # a neighbour
    assert colors["minusma"] != base["minusma"]  # not a neighbour: dimmed
    assert "actor=takuba" in p.js("location.hash")
    p.page.mouse.click(*p.js("""(() => { const r = document.getElementById('mynetwork').getBoundingClientRect();
                                return [r.left + 5, r.bottom - 5]; })()"""))
    assert p.js("network.getSelectedNodes()") == []
    assert p.page.is_hidden("#ag-panel")


def test_fragment_opens_on_an_actor_with_filters(open_page, pages):
    p = open_page(pages["bundled"], "#actor=takuba&hide-relations=coordinates_with")
    assert p.js("network.getSelectedNodes()") == ["takuba"]
    assert "Task Force Takuba" in p.page.inner_text("#ag-panel")
    assert "coordinates_with" not in p.js("network.body.data.edges.get().map(e => e.kind)")
    assert p.page.is_checked("#ag-legend-kinds li[data-kind='coordinates_with'] input") is False


def test_table_and_graph_select_each_other(open_page, pages):
    p = open_page(pages["bundled"])
    rows = p.js("document.querySelectorAll('#ag-table tbody tr').length")
    assert rows == len(csv_rows("actors.csv"))
    p.page.click("#ag-table tbody tr[data-id='un_member_states']")
    assert p.js("network.getSelectedNodes()") == ["un_member_states"]
    p.click_node("minusma")
    assert p.js("document.querySelector('#ag-table tr.ag-selected').dataset.id") == "minusma"
    p.page.click("#ag-table thead th:first-child button")
    first = p.js("document.querySelector('#ag-table tbody tr').dataset.id")
    with open(BUNDLED / "actors.csv", encoding="utf-8", newline="") as f:
        by_name = sorted(csv.DictReader(f), key=lambda a: (a["name"].lower(), a["id"]))
    assert first == by_name[0]["id"]  # sorted by name, A first


def test_parallel_relations_are_drawn_apart(open_page, pages):
    p = open_page(pages["bundled"])
    mids = p.js("""network.body.data.edges.get()
        .filter(e => e.from === 'barkhane' && e.to === 'mali_forces')
        .map(e => { const pt = network.body.edges[e.id].edgeType.getPoint(0.5); return [pt.x, pt.y]; })""")
    assert len(mids) == 3  # coordinates with, trains, accompanies
    for i, a in enumerate(mids):
        for b in mids[i + 1:]:
            assert abs(a[0] - b[0]) + abs(a[1] - b[1]) > 10


def test_hostile_data_executes_nothing_and_shows_as_text(open_page, pages):
    p = open_page(pages["hostile"], "#actor=img")
    assert p.js("window.__pwned") is None
    assert p.js("document.querySelectorAll('img, a[href], #ag-panel script, #ag-panel b, #ag-panel i').length") == 0
    panel = p.page.inner_text("#ag-panel")
    assert '<img src=x onerror="window.__pwned=1">' in panel
    assert "<script>window.__pwned=2</script>" in panel
    assert '<a href="javascript:window.__pwned=4">href</a>' in panel
    legend = p.page.inner_text("#ag-legend")
    assert "<b>type</b>" in legend
    assert p.page.title() == "<img src=x onerror=window.__pwned=7>"
    p.page.fill("#ag-search-input", "O'Brien")
    assert "O'Brien \"the\" \\ backslash \\u003c" in p.page.inner_text("#ag-search-results")
    p.page.fill("#ag-search-input", "</script>")
    assert p.js("network.getSelectedNodes()") in (["close"], ["img"])
    p.page.hover("#mynetwork")
    assert p.js("window.__pwned") is None
    assert p.errors == []
    assert [u for u in p.requests if not u.startswith("file:")] == []


def test_a_bidi_override_or_an_arabic_name_turns_only_itself_round(open_page, tmp_path):
    """A right-to-left override (U+202E) in a name, or an Arabic name, is isolated where it stands among
    other words (a relation's headline, aliases, sources), so it cannot turn the rest of the line round."""
    from conftest import write

    folder = write(tmp_path / "bidi", "id,name,type,aliases\nev,Evil\u202e,t,x\u202ey;plain\n"
                   "jn,جماعة نصرة الإسلام,t,\nml,Mali,t,\n",
                   "source,relation,target,evidence\nev,trains,ml,doc\njn,coordinates_with,ml,doc\n")
    assert invoke("render", "--data", folder, "-o", tmp_path / "b.html").exit_code == 0
    p = open_page(tmp_path / "b.html", "#actor=ev")
    lines = p.js("Array.from(actorgraph.core.relById.values()).map(r => actorgraph.core.relationHeadline(r))")
    assert lines == ["\u2068Evil\u202e\u2069 \u2014trains\u2192 Mali",
                     "\u2068جماعة نصرة الإسلام\u2069 \u2014 coordinates with \u2014 Mali"]
    assert "Also known as: \u2068x\u202ey\u2069, plain" in p.page.inner_text("#ag-panel")
    assert p.errors == []


def test_non_ascii_shows_correctly(open_page, pages):
    p = open_page(pages["hostile"], "#actor=quote")
    panel = p.page.inner_text("#ag-panel")
    assert "Côte d'Ivoire" in panel
    assert "Mauritanië — Cadre politique de gestion de la crise" in panel


def test_large_graph_draws_and_searches(open_page, pages):
    p = open_page(pages["large"])
    assert p.counts() == [2500, 6000]
    assert p.js("document.querySelectorAll('#ag-table tbody tr').length") == 300
    assert p.page.inner_text("#ag-table-more") == "Show all 2500 actors"
    p.page.fill("#ag-search-input", "a1234")
    p.page.wait_for_function("() => network.getSelectedNodes().length > 0")  # selection waits for a typing pause
    assert p.js("network.getSelectedNodes()") == ["a1234"]
    assert "a1234" in p.page.inner_text("#ag-panel")
    p.page.click("#ag-table-more")
    assert p.js("document.querySelectorAll('#ag-table tbody tr').length") == 2500
    assert p.errors == []


def test_search_ignores_accents_and_says_when_nothing_matches(open_page, pages):
    p = open_page(pages["bundled"])
    p.page.fill("#ag-search-input", "forces armees maliennes")
    assert p.js("network.getSelectedNodes()") == ["mali_forces"]
    assert p.page.is_hidden("#ag-search-none")
    p.page.fill("#ag-search-input", "Mauritanie")  # the alias is written Mauritanië
    assert p.js("network.getSelectedNodes()") == ["mauritania"]
    p.page.fill("#ag-search-input", "zzqx")
    assert p.page.is_visible("#ag-search-none")
    assert p.page.inner_text("#ag-search-none") == "No actor matches."


def test_grade_filter_hides_lower_graded_ties_and_the_panel_shows_the_grade(open_page, pages):
    p = open_page(pages["bundled"])
    actual = [r for r in csv_rows("relations.csv") if r["status"] in ("", "actual")]
    assert p.js("Array.from(document.querySelectorAll('#ag-min-grade option')).map(o => o.value)") == \
        ["", "B2", "B3"]
    assert "reliability A-E" in p.page.inner_text("#ag-legend")
    p.page.select_option("#ag-min-grade", "B2")
    assert p.counts()[1] == sum(r["credibility"] == "2" for r in actual)  # stated ties: B2; implied: B3
    assert "min-grade=B2" in p.js("location.hash")
    p.page.click("#ag-tab-relations")
    grades = p.js("Array.from(document.querySelectorAll('#ag-relations tbody tr')).map(tr => tr.children[5].textContent)")
    assert grades and set(grades) == {"B2"}
    p.page.click("#ag-relations tbody tr")
    panel = p.page.inner_text("#ag-panel")
    assert "Grade: B2 (source usually reliable; probably true)" in panel
    assert "Source: De MINUSMA-vredesoperatie: Peacekeeping 2.0, Ruben Ballegeer" in panel
    q = open_page(pages["bundled"], "#min-grade=B2")
    assert q.counts()[1] == sum(r["credibility"] == "2" for r in actual)
    assert p.errors == [] and q.errors == []
