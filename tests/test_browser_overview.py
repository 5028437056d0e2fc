"""A large map's overview in a real headless Chromium: groups first, opened and closed in place (see browsing.py)."""

from __future__ import annotations

import pytest

from browsing import STILL
from conftest import benchmark, invoke

pytestmark = [pytest.mark.browser, pytest.mark.slow]


@pytest.fixture(scope="module")
def overview_page(tmp_path_factory):
    folder = tmp_path_factory.mktemp("overview")
    generate = benchmark("generate")
    generate.write(folder / "net", *generate.generate(800, 2400, seed=4))
    path = folder / "overview.html"
    result = invoke("render", "--data", folder / "net", "-o", path, "--as-of", "all")
    assert result.exit_code == 0, result.output
    return path


DRAWN = "network.body.data.nodes.getIds()"
GROUPS = "agData.overview.groups"


def drawn_ids(p):
    return sorted(p.js(DRAWN))


def test_opens_on_one_node_per_group_offline(open_page, overview_page):
    p = open_page(overview_page)
    groups = p.js(GROUPS)
    assert 2 < len(groups) <= 120
    assert drawn_ids(p) == sorted(g["id"] for g in groups)
    assert sum(len(g["members"]) for g in groups) == 800
    # sized by members: a circle's area in proportion to them
    sizes = [len(g["members"]) for g in groups]
    assert sizes[:-1] == sorted(sizes[:-1], reverse=True) and all(g["r"] > 0 for g in groups)
    assert [g["r"] for g in groups[:-1]] == sorted((g["r"] for g in groups[:-1]), reverse=True)
    ties = p.js("network.body.data.edges.get().filter(e => e.overviewTie).map(e => [e.from, e.to])")
    assert ties and all(a.startswith("group:") and b.startswith("group:") for a, b in ties)
    assert p.counts()[1] == len(ties) == len(p.js("agData.overview.ties"))  # the same ties Python counted
    assert "groups (communities)" in p.page.inner_text("#ag-overview")
    assert p.requests == [overview_page.as_uri()]
    assert p.errors == []


def test_a_group_opens_in_place_at_the_same_positions_every_time(open_page, overview_page):
    p = open_page(overview_page)
    g = p.js(GROUPS)[1]
    p.click_node(g["id"])
    p.page.wait_for_function(STILL)
    members = sorted(g["members"])
    shown = drawn_ids(p)
    assert [i for i in shown if not i.startswith("group:")] == members
    assert g["id"] not in shown
    first = p.js("ids => network.getPositions(ids)", members)
    data = p.js("ids => agData.nodes.filter(n => ids.includes(n.id)).map(n => [n.id, n.x, n.y])", members)
    assert len(data) == len(first)
    for i, x, y in data:  # where Python put them (vis-network's getPositions rounds to whole px)
        assert abs(first[i]["x"] - x) <= 1 and abs(first[i]["y"] - y) <= 1
    for x, y in ([q["x"], q["y"]] for q in first.values()):  # inside the group's circle
        assert (x - g["x"]) ** 2 + (y - g["y"]) ** 2 <= g["r"] ** 2 + 1
    inside = p.js("""ids => { const s = new Set(ids);
        return agData.relations.filter(r => s.has(r.source) && s.has(r.target) && r.status === 'actual').length; }""",
                  members)
    assert inside > 0 and p.js("network.body.data.edges.get().filter(e => !e.overviewTie).length") == inside
    assert g["name"] in p.page.inner_text("#ag-panel")
    p.page.click("#ag-overview-toggle")  # the panel's "Close group"
    assert drawn_ids(p) == sorted(x["id"] for x in p.js(GROUPS))
    p.page.click("#ag-overview-toggle")  # "Open group" again
    assert p.js("ids => network.getPositions(ids)", members) == first
    p.page.keyboard.press("c")  # the key closes it
    assert g["id"] in p.js(DRAWN)
    p.click_node(g["id"])
    p.page.wait_for_function(STILL)
    assert p.js("ids => network.getPositions(ids)", members) == first
    p.page.dblclick("#mynetwork", position=p.js("""id => { const d = network.canvasToDOM(network.getPositions([id])[id]);
        return {x: d.x, y: d.y}; }""", g["members"][0]))  # a double click on a member closes its group
    p.page.wait_for_function(f"{DRAWN}.every(id => id.startsWith('group:'))")  # the page may still be busy
    assert drawn_ids(p) == sorted(x["id"] for x in p.js(GROUPS))
    assert p.errors == []


def test_search_opens_the_group_of_an_actor_and_selects_it(open_page, overview_page):
    p = open_page(overview_page)
    g = p.js(GROUPS)[2]
    actor = g["members"][-1]
    name = p.js("id => agData.actors[id].name", actor)
    p.page.fill("#ag-search-input", name)
    p.page.keyboard.press("Enter")
    assert p.js("network.getSelectedNodes()") == [actor]
    assert actor in p.js(DRAWN) and g["id"] not in p.js(DRAWN)
    assert name in p.page.inner_text("#ag-panel")
    assert "a" + actor[1:] in p.js("location.hash")
    # the tables and the legend go on working on the members
    p.page.click("#ag-legend-kinds li[data-kind='part_of'] input")
    assert p.js("network.body.data.edges.get().every(e => e.overviewTie || agData.relations.find(r => r.id === e.id).kind !== 'part_of')")
    assert p.js("document.querySelectorAll('#ag-table tbody tr').length") == 300
    other = p.js(GROUPS)[0]["members"][0]
    p.page.click(f"#ag-table tbody tr[data-id='{other}']") if p.js(
        "id => !!document.querySelector(`#ag-table tbody tr[data-id='${id}']`)", other) else p.js(
        "id => actorgraph.network.selectActor(id, true)", other)
    assert p.js("network.getSelectedNodes()") == [other]
    assert "showing" not in p.page.inner_text("#ag-overview")  # 800 actors: every member is drawn
    assert p.errors == []


def test_the_fragment_opens_the_group_of_its_actor(open_page, overview_page):
    p0 = open_page(overview_page)
    actor = p0.js(GROUPS)[3]["members"][0]
    p = open_page(overview_page, f"#actor={actor}")
    assert p.js("network.getSelectedNodes()") == [actor]
    assert p.js("actorgraph.overview.isOpen(3)") is True
    assert p.errors == []


def test_the_time_bar_moves_the_lines_between_groups(open_page, overview_page):
    p = open_page(overview_page)
    if not p.js("!!actorgraph.timebar"):
        pytest.skip("no time bar in this page")
    widths = "network.body.data.edges.get().filter(e => e.overviewTie).map(e => e.title).sort().join('|')"
    before = p.js(widths)
    p.js("actorgraph.timebar.moveTo(actorgraph.timebar.events()[1])")  # near the start: few ties in force
    after = p.js(widths)
    assert after != before
    shown = p.js("agData.relations.filter(actorgraph.core.relationShown)")
    counted = p.js("network.body.data.edges.get().filter(e => e.overviewTie).reduce((n, e) => n + +e.title.split(' ')[0], 0)")
    group_of = {m: g["id"] for g in p.js(GROUPS) for m in g["members"]}
    assert counted == sum(1 for r in shown if group_of[r["source"]] != group_of[r["target"]])
    assert p.errors == []


def test_group_labels_and_the_status_line_stay_in_view_at_a_laptops_size(open_page, overview_page):
    p = open_page(overview_page, viewport={"width": 1366, "height": 768})
    found = p.js("""() => {
      const c = document.getElementById('mynetwork').getBoundingClientRect();
      const over = Array.from(document.querySelectorAll('.ag-controls, .ag-overview')).map(e => e.getBoundingClientRect());
      const bar = document.getElementById('ag-timebar').getBoundingClientRect();
      const scale = network.getScale(), out = [], under = [];
      for (const g of agData.overview.groups) {
        const b = actorgraph.overview.labelBox(g.id, scale);
        const p0 = network.canvasToDOM({x: b[0], y: b[1]}), p1 = network.canvasToDOM({x: b[2], y: b[3]});
        const [x0, y0, x1, y1] = [p0.x + c.left, p0.y + c.top, p1.x + c.left, p1.y + c.top];
        if (x0 < c.left || y0 < c.top || x1 > c.right || y1 > c.bottom) { out.push(g.id); }
        if (over.some(r => x1 > r.left && x0 < r.right && y1 > r.top && y0 < r.bottom)) { under.push(g.id); }
      }
      const status = document.getElementById('ag-overview').getBoundingClientRect();
      return {out: out, under: under, statusAboveBar: status.bottom <= bar.top,
              statusInMap: status.top >= c.top && status.bottom <= c.bottom && status.left < c.left + 50};
    }""")
    assert found == {"out": [], "under": [], "statusAboveBar": True, "statusInMap": True}
    assert p.errors == []
