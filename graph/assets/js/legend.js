/* legend: actor groups (colour and shape) and relation kinds (line), each a filter; sections that fold.

   Each row counts what it would draw if ticked, under every other filter (grade, status, the hidden
   groups and kinds, and whatever core.relationShown also asks): recount() follows the filters, and a
   row that would draw nothing is left out, so the legend never shows a (0) row. */

(function (ag) {
  "use strict";
  var core = ag.core, DATA = core.DATA, state = core.state, el = core.el;
  var legend = document.getElementById("ag-legend");
  var folded = new Set();  // the sections folded by the reader: kept when the legend is drawn again

  var byKind = new Map(), byStatus = new Map(), byGroup = new Map();
  function index(map, key, item) {
    if (!map.has(key)) { map.set(key, []); }
    map.get(key).push(item);
  }
  DATA.relations.forEach(function (r) { index(byKind, r.kind, r); index(byStatus, r.status, r); });
  core.actors.forEach(function (a, id) { index(byGroup, a.group, id); });

  function legendItem(text, count, checked, marker, onChange) {
    var li = el("li");
    var label = el("label");
    var box = el("input");
    box.type = "checkbox";
    box.checked = checked;
    box.addEventListener("change", function () { onChange(box.checked); });
    label.appendChild(box);
    label.appendChild(marker);
    label.appendChild(el("span", "ag-legend-text", text));
    label.appendChild(el("span", "ag-count", count));
    li.appendChild(label);
    return li;
  }

  // A section: its heading is a button that folds the body (Enter and Space work, as on any button).
  function section(key, title) {
    var head = el("h3", "ag-fold-head");
    var button = el("button", "ag-fold", title);
    button.type = "button";
    var body = el("div", "ag-fold-body");
    body.id = "ag-legend-section-" + key;
    button.setAttribute("aria-controls", body.id);
    button.dataset.section = key;
    function show() {
      var open = !folded.has(key);
      button.setAttribute("aria-expanded", String(open));
      body.hidden = !open;
    }
    button.addEventListener("click", function () {
      if (folded.has(key)) { folded.delete(key); } else { folded.add(key); }
      show();
    });
    show();
    head.appendChild(button);
    legend.appendChild(head);
    legend.appendChild(body);
    return body;
  }

  var GROUP_TITLES = { community: "Communities", camp: "Camps" };

  function renderLegend() {
    legend.textContent = "";
    legend.appendChild(el("h2", "", "Legend"));
    var groups = section("groups", GROUP_TITLES[DATA.groupLabel] || "Actor types");
    var ul = el("ul", "ag-legend-list");
    ul.id = "ag-legend-groups";
    DATA.groups.forEach(function (g) {
      var li = legendItem(g.label || g.key || "(none)", g.count, !state.hiddenGroups.has(g.key),
        core.shapeIcon(g.shape, g.color),
        function (on) {
          if (on) { state.hiddenGroups.delete(g.key); } else { state.hiddenGroups.add(g.key); }
          ag.network.refresh();
        });
      li.dataset.group = g.key;
      ul.appendChild(li);
    });
    groups.appendChild(ul);
    var kinds = section("kinds", "Relations");
    var ul2 = el("ul", "ag-legend-list");
    ul2.id = "ag-legend-kinds";
    DATA.kinds.forEach(function (k) {
      var marker = el("span", "ag-line" + (k.directed ? " ag-arrow" : ""));
      marker.style.borderTopColor = k.color;
      marker.style.borderTopStyle = k.style;
      marker.style.color = k.color;
      var li = legendItem(k.label + (k.directed ? " \u2192" : ""), k.count, !state.hiddenKinds.has(k.name), marker,
        function (on) {
          if (on) { state.hiddenKinds.delete(k.name); } else { state.hiddenKinds.add(k.name); }
          ag.network.refresh();
        });
      li.dataset.kind = k.name;
      ul2.appendChild(li);
    });
    kinds.appendChild(ul2);
    // one status that is drawn needs no filter; one that is not (e.g. only planned ties) does
    var timed = ag.timebar && ag.timebar.window().on;
    if (timed || DATA.statuses.length > 1 || DATA.statuses.some(function (s) { return !state.shownStatus.has(s.name); })) {
      var statuses = section("status", "Status of ties");
      var ul3 = el("ul", "ag-legend-list");
      ul3.id = "ag-legend-status";
      DATA.statuses.forEach(function (s) {
        var marker = el("span", "ag-line ag-status-" + s.name);
        var li = legendItem(s.name, s.count, state.shownStatus.has(s.name), marker, function (on) {
          if (on) { state.shownStatus.add(s.name); } else { state.shownStatus.delete(s.name); }
          ag.network.refresh();
        });
        li.dataset.status = s.name;
        ul3.appendChild(li);
      });
      if (timed) {  // ties not in force at the time bar's date: hidden, or drawn faded
        var out = ag.timebar.outCounts();
        ["ended", "not yet"].forEach(function (kind) {
          var li = legendItem(kind + " at the date, faded", out[kind], ag.timebar.showsOut(kind),
            el("span", "ag-line ag-status-out"), function (on) { ag.timebar.showOut(kind, on); });
          li.dataset.out = kind;
          li.hidden = out[kind] === 0;
          ul3.appendChild(li);
        });
      }
      statuses.appendChild(ul3);
    }
    if (DATA.grades.graded) {
      var grades = section("grades", "Evidence grade");
      var label = el("label", "ag-grade-filter");
      label.appendChild(el("span", "", "Show ties graded "));
      var select = el("select");
      select.id = "ag-min-grade";
      var any = el("option", "", "any grade");
      any.value = "";
      select.appendChild(any);
      DATA.grades.levels.forEach(function (code) {
        var o = el("option", "", code + " or better");
        o.value = code;
        select.appendChild(o);
      });
      select.value = state.minGrade;
      select.addEventListener("change", function () { state.minGrade = select.value; ag.network.refresh(); });
      label.appendChild(select);
      grades.appendChild(label);
      grades.appendChild(el("p", "ag-scale", DATA.grades.scale));
    }
    legend.appendChild(el("p", "ag-size-note", DATA.sizeBy === "none" ? "All dots the same size." :
      "Dot and label size: " + DATA.sizeBy + " (" + (DATA.measureHelp[DATA.sizeBy] || "") + ")."));
    recount();
  }

  // How many of items pass shown(), with key taken out of the set that hides it (or put into the one that
  // shows it) for the count: what the row would draw if it were ticked.
  function countAsTicked(items, shown, set, key, hides) {
    var had = set.has(key);
    if (hides) { set.delete(key); } else { set.add(key); }
    var n = 0;
    try {
      (items || []).forEach(function (item) { if (shown(item)) { n += 1; } });
    } finally {
      if (had) { set.add(key); } else { set.delete(key); }
    }
    return n;
  }

  function setCount(li, n) {
    var count = li.querySelector(".ag-count");
    if (count) { count.textContent = String(n); }
    li.hidden = n === 0;
  }

  // Each row's count from what the filters now show; rows that would show nothing are left out.
  function recount() {
    var actorShown = core.actorShown || function () { return true; };
    Array.prototype.forEach.call(legend.querySelectorAll("li[data-group]"), function (li) {
      var g = li.dataset.group;
      setCount(li, countAsTicked(byGroup.get(g), actorShown, state.hiddenGroups, g, true));
    });
    Array.prototype.forEach.call(legend.querySelectorAll("li[data-kind]"), function (li) {
      var k = li.dataset.kind;
      setCount(li, countAsTicked(byKind.get(k), core.relationShown, state.hiddenKinds, k, true));
    });
    Array.prototype.forEach.call(legend.querySelectorAll("li[data-status]"), function (li) {
      var s = li.dataset.status;
      setCount(li, countAsTicked(byStatus.get(s), core.relationShown, state.shownStatus, s, false));
    });
    if (ag.timebar) {  // ties not in force at the time bar's date, by kind of absence
      var out = ag.timebar.outCounts();
      Array.prototype.forEach.call(legend.querySelectorAll("li[data-out]"), function (li) {
        setCount(li, out[li.dataset.out]);  // no (0) row, as every other entry
      });
    }
    // with hostile kinds (polarity.js): a group of kinds counts its kinds
    Array.prototype.forEach.call(legend.querySelectorAll("li.ag-kind-group"), function (head) {
      var n = 0;
      Array.prototype.forEach.call(head.querySelectorAll("li[data-kind]"), function (li) {
        n += Number(li.querySelector(".ag-count").textContent);
      });
      var count = head.querySelector(":scope > label .ag-count");
      if (count) { count.textContent = String(n); }
      head.hidden = n === 0;
    });
  }

  ag.legend = { render: renderLegend, recount: recount, folded: folded };
}(actorgraph));
