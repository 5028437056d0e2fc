"""The page's legend in Chromium (issue 22, item 5): only the rows the view has, counts that follow the
filters, sections that fold, and a selected actor's panel that leaves the legend room, at 1366 x 768 with
15 actor types and 11 relation kinds."""

from __future__ import annotations

import pytest

from conftest import invoke
from graph.data.start import EXAMPLES

pytestmark = pytest.mark.browser

LAPTOP = {"width": 1366, "height": 768}
TYPES, KINDS = 15, 11
STYLES = ("solid", "dashed", "dotted")


def many_types_and_kinds(folder):
    """45 actors of 15 types (type03's label carries markup), 11 kinds, ties graded A2 except kind 10's (D4),
    kind 11's ties all planned, and a hub (a00) with 40 ties: a long panel."""
    folder.mkdir()
    types = ["type,label,color,shape"] + [f"type{i:02d},Label {i:02d}{' <b>bold</b>' if i == 3 else ''},,"
                                          for i in range(1, TYPES + 1)]
    kinds = ["kind,label,inverse,directed,color,style"] + [
        f"k{i:02d},kind {i:02d},,{'yes' if i % 2 else 'no'},,{STYLES[i % 3]}" for i in range(1, KINDS + 1)]
    actors = ["id,name,type"] + [f"a{i:02d},Actor {i:02d},type{i % TYPES + 1:02d}" for i in range(45)]
    sources = ["id,title,author,published,url,reliability", "good,Good source,,,,A", "weak,Weak source,,,,D"]
    ties = [(j % 45, (j * 7 + 3) % 45, j % KINDS + 1) for j in range(66)] + [(0, t, t % 10 + 1) for t in range(1, 41)]
    relations = ["source,relation,target,evidence,status,sources,credibility"]
    for s, t, k in ties:
        t = (t + 1) % 45 if s == t else t
        source, credibility = ("weak", "4") if k == 10 else ("good", "2")
        relations.append(f"a{s:02d},k{k:02d},a{t:02d},doc,{'planned' if k == 11 else 'actual'},{source},{credibility}")
    for name, lines in (("types", types), ("kinds", kinds), ("actors", actors), ("sources", sources),
                        ("relations", relations)):
        (folder / f"{name}.csv").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def legend_pages(tmp_path_factory):
    folder = tmp_path_factory.mktemp("legend")
    data = many_types_and_kinds(folder / "data")
    out = {}
    for name, source in (("many", data), ("conflict", EXAMPLES / "conflict")):
        out[name] = folder / f"{name}.html"
        result = invoke("render", "--data", source, "-o", out[name])
        assert result.exit_code == 0, result.output
    return out


# Each legend row shown: [section, key, text, count, ticked]
ROWS = """() => [...document.querySelectorAll('#ag-legend li:is([data-group], [data-kind], [data-status])')]
    .filter(li => !li.hidden)
    .map(li => [li.dataset.group !== undefined ? 'group' : li.dataset.kind !== undefined ? 'kind' : 'status',
                li.dataset.group ?? li.dataset.kind ?? li.dataset.status,
                li.querySelector('.ag-legend-text').textContent, Number(li.querySelector('.ag-count').textContent),
                li.querySelector('input').checked])"""

# The edges the map draws now, counted by kind and by status.
DRAWN = """() => { const kinds = {}, statuses = {};
    network.body.data.edges.get().forEach(e => { kinds[e.kind] = (kinds[e.kind] || 0) + 1;
                                                 statuses[e.status] = (statuses[e.status] || 0) + 1; });
    return [kinds, statuses]; }"""


def rows(p, section=None):
    return [r for r in p.js(ROWS) if section in (None, r[0])]


def assert_counts_match_the_map(p):
    """A ticked row counts what the map draws; a row left out would draw nothing."""
    kinds, statuses = p.js(DRAWN)
    for section, key, _, count, ticked in rows(p):
        assert count > 0, (section, key)
        if section == "kind" and ticked:
            assert count == kinds.get(key, 0), key
        if section == "status" and ticked:
            assert count == statuses.get(key, 0), key
    shown = {key for section, key, *_ in rows(p, "kind")}
    assert set(kinds) <= shown


def test_legend_has_no_zero_row_and_shows_type_labels_as_text(open_page, legend_pages):
    p = open_page(legend_pages["many"], viewport=LAPTOP)
    groups = rows(p, "group")
    assert len(groups) == TYPES and all(count == 3 for *_, count, _ in groups)
    assert ["group", "type03", "Label 03 <b>bold</b>", 3, True] in groups  # the label, as text
    assert p.js("document.querySelectorAll('#ag-legend b').length") == 0
    assert "type03" in p.page.inner_text("#ag-table tbody tr[data-id='a02']")  # the tables keep the type
    kinds = [key for _, key, *_ in rows(p, "kind")]
    assert kinds == [f"k{i:02d}" for i in range(1, KINDS)]  # k11: planned only, not shown, so not listed
    assert_counts_match_the_map(p)
    p.page.click("#ag-legend-status li[data-status='planned'] input")
    assert ["kind", "k11", "kind 11 \u2192", 6, True] in rows(p, "kind")
    assert_counts_match_the_map(p)
    assert p.errors == []


def test_grade_status_group_and_kind_filters_recount_the_legend(open_page, legend_pages):
    p = open_page(legend_pages["many"], viewport=LAPTOP)
    before = {key: count for _, key, _, count, _ in rows(p)}
    p.page.select_option("#ag-min-grade", "A2")  # kind 10's ties are D4: its row goes
    after = {key: count for _, key, _, count, _ in rows(p)}
    assert "k10" in before and "k10" not in after
    assert after["actual"] == before["actual"] - before["k10"]
    assert_counts_match_the_map(p)
    p.page.click("#ag-legend li[data-group='type01'] input")  # hides a00, the hub, and its ties
    hidden_group = {key: count for _, key, _, count, _ in rows(p)}
    assert hidden_group["type01"] == 3  # what ticking it again would draw
    assert hidden_group["actual"] < after["actual"] and hidden_group["k01"] < after["k01"]
    assert_counts_match_the_map(p)
    p.page.click("#ag-legend li[data-kind='k01'] input")
    unticked = {key: (count, ticked) for _, key, _, count, ticked in rows(p)}
    assert unticked["k01"] == (hidden_group["k01"], False)  # a kind hidden keeps what it would draw
    assert unticked["actual"][0] == hidden_group["actual"] - hidden_group["k01"]
    assert_counts_match_the_map(p)
    p.page.select_option("#ag-min-grade", "")
    assert "k10" in {key for _, key, *_ in rows(p)}
    p.js("actorgraph.network.selectActor('a00', false)")  # its group is shown again, and counted
    assert {key: count for _, key, _, count, _ in rows(p)}["k02"] == before["k02"]
    assert p.errors == []


def test_legend_sections_fold_with_the_keyboard(open_page, legend_pages):
    p = open_page(legend_pages["many"], viewport=LAPTOP)
    buttons = p.js("""() => [...document.querySelectorAll('#ag-legend button.ag-fold')].map(b =>
        [b.textContent, b.getAttribute('aria-expanded'), document.getElementById(b.getAttribute('aria-controls')).hidden])""")
    assert buttons == [[title, "true", False] for title in ("Actor types", "Relations", "Status of ties",
                                                            "Evidence grade")]
    p.page.focus("#ag-legend button[data-section='kinds']")
    p.page.keyboard.press("Enter")
    fold = "#ag-legend button[data-section='kinds']"
    assert p.page.get_attribute(fold, "aria-expanded") == "false"
    assert p.page.is_hidden("#ag-legend-kinds") and p.page.is_visible("#ag-legend-groups")
    p.page.keyboard.press("Tab")  # the folded rows take no focus: the next section's button does
    assert p.js("document.activeElement.dataset.section") == "status"
    p.js("actorgraph.legend.render()")  # drawn again (e.g. by the #fragment): still folded
    assert p.page.get_attribute(fold, "aria-expanded") == "false" and p.page.is_hidden("#ag-legend-kinds")
    p.page.focus(fold)
    p.page.keyboard.press("Space")
    assert p.page.get_attribute(fold, "aria-expanded") == "true" and p.page.is_visible("#ag-legend-kinds")
    assert p.errors == []


def test_a_selected_actors_panel_leaves_the_legend_room(open_page, legend_pages):
    """The rule: with a panel open, the legend keeps its own height up to 45 % of the side column (at least
    10 rows on a 768 px high window), and the panel scrolls in the rest."""
    p = open_page(legend_pages["many"], viewport=LAPTOP)
    p.js("actorgraph.network.selectActor('a00', false)")  # 40 ties: a panel far taller than the window
    m = p.js("""() => { const side = document.querySelector('.ag-side').getBoundingClientRect();
        const legend = document.getElementById('ag-legend'), panel = document.getElementById('ag-panel');
        const L = legend.getBoundingClientRect(), P = panel.getBoundingClientRect();
        const rows = [...legend.querySelectorAll('li')].filter(li => { const r = li.getBoundingClientRect();
            return r.height > 0 && r.top >= L.top && r.bottom <= L.bottom; }).length;
        return {side: side.height, legend: L.height, rows: rows, panelTop: P.top, panelBottom: P.bottom,
                scroll: [panel.scrollHeight, panel.clientHeight], overflow: getComputedStyle(panel).overflowY,
                inner: innerHeight}; }""")
    assert m["legend"] >= 0.4 * m["side"], m
    assert m["rows"] >= 10, m
    assert m["scroll"][0] > m["scroll"][1] and m["overflow"] == "auto", m  # the panel scrolls
    assert m["panelBottom"] <= m["inner"] + 1 and m["panelBottom"] - m["panelTop"] >= 0.4 * m["side"], m
    assert p.errors == []


def test_hostile_kinds_groups_count_their_kinds(open_page, legend_pages):
    p = open_page(legend_pages["conflict"], viewport=LAPTOP)
    heads = """() => [...document.querySelectorAll('#ag-legend-kinds > li.ag-kind-group')].filter(g => !g.hidden)
        .map(g => [g.dataset.kindGroup, Number(g.querySelector(':scope > label .ag-count').textContent),
                   [...g.querySelectorAll('li[data-kind]')].filter(li => !li.hidden)
                   .reduce((n, li) => n + Number(li.querySelector('.ag-count').textContent), 0)])"""
    first = p.js(heads)
    assert first and all(count == total > 0 for _, count, total in first)
    group = rows(p, "group")[0][1]
    p.page.click(f"#ag-legend li[data-group='{group}'] input")
    second = p.js(heads)
    assert all(count == total > 0 for _, count, total in second)
    assert sum(c for _, c, _ in second) < sum(c for _, c, _ in first)
    assert_counts_match_the_map(p)
    assert p.errors == []
