/* tables: actors and relations, sortable, the relations filterable; a row selects in the map. */

(function (ag) {
  "use strict";
  var logic = ag.logic, core = ag.core, DATA = core.DATA, state = core.state, el = core.el, nameOf = core.nameOf;
  var LIMIT = 300;  // rows shown before "Show all"
  var graphPane = document.querySelector(".ag-graph");

  function Table(element, moreButton, spec) {
    this.element = element;
    this.more = moreButton;
    this.spec = spec;
    this.sortBy = spec.sortBy;
    this.desc = spec.desc;
    this.showAll = false;
    var self = this;
    moreButton.addEventListener("click", function () { self.showAll = true; self.render(); });
  }

  Table.prototype.compare = function (x, y) {
    var col = this.spec.columns.find(function (c) { return c.key === this.sortBy; }, this);
    return logic.compareCells(col.value(x), col.value(y), this.desc);
  };

  Table.prototype.render = function () {
    var self = this, spec = this.spec;
    var table = this.element;
    table.textContent = "";
    var thead = el("thead"), hr = el("tr");
    spec.columns.forEach(function (c) {
      var th = el("th");
      th.setAttribute("scope", "col");
      if (c.help) { th.title = c.help; }
      var b = el("button", "ag-sort", c.title);
      b.type = "button";
      if (c.key === self.sortBy) { th.setAttribute("aria-sort", self.desc ? "descending" : "ascending"); }
      b.addEventListener("click", function () {
        if (self.sortBy === c.key) { self.desc = !self.desc; } else { self.sortBy = c.key; self.desc = !!c.numeric; }
        self.render();
      });
      th.appendChild(b);
      hr.appendChild(th);
    });
    thead.appendChild(hr);
    table.appendChild(thead);
    var items = spec.items().slice();
    items.sort(function (x, y) { return self.compare(x, y) || spec.tieBreak(x, y); });
    var shown = this.showAll ? items : items.slice(0, LIMIT);
    var tbody = el("tbody");
    shown.forEach(function (item) {
      var tr = el("tr");
      tr.dataset.id = spec.id(item);
      tr.tabIndex = 0;
      spec.columns.forEach(function (c, i) {
        var v = c.value(item);
        var text = c.numeric ? (c.integer ? v : logic.formatValue(v)) : v;
        var td = el(i === 0 ? "th" : "td", c.numeric ? "ag-num" : "", text);
        if (i === 0) { td.setAttribute("scope", "row"); }
        tr.appendChild(td);
      });
      tr.addEventListener("click", function () { spec.open(item); });
      tr.addEventListener("keydown", function (ev) { if (ev.key === "Enter") { spec.open(item); } });
      tbody.appendChild(tr);
    });
    table.appendChild(tbody);
    this.more.hidden = shown.length === items.length;
    this.more.textContent = "Show all " + items.length + " " + spec.noun;
  };

  function byName(x, y) { return nameOf(x).localeCompare(nameOf(y)) || (x < y ? -1 : x > y ? 1 : 0); }

  var actorTable = new Table(document.getElementById("ag-table"), document.getElementById("ag-table-more"), {
    noun: "actors",
    sortBy: DATA.measures.indexOf(DATA.sizeBy) >= 0 ? DATA.sizeBy : "name",
    desc: DATA.measures.indexOf(DATA.sizeBy) >= 0,
    columns: [
      { key: "name", title: "Name", value: function (id) { return core.actors.get(id).name; } },
      { key: "type", title: DATA.groupLabel === "community" ? "Community" : "Type",
        value: function (id) { var a = core.actors.get(id); return DATA.groupLabel === "community" ? a.group : a.type; } },
      { key: "relations", title: "Relations", numeric: true, integer: true,
        help: "relations: rows this actor takes part in, every status (two rows of one tie count twice)",
        value: function (id) { return core.actors.get(id).relations; } },
      { key: "ties", title: "Ties", numeric: true, integer: true,
        help: "ties: other actors it is tied to by the ties measured, as `actorgraph centrality` counts them",
        value: function (id) { return core.actors.get(id).ties; } }
    ].concat(DATA.measures.map(function (m) {
      return { key: m, title: m, numeric: true, help: DATA.measureHelp[m],
        value: function (id) { return core.actors.get(id).values[m]; } };
    })),
    items: function () {
      return Array.from(core.actors.keys()).filter(function (id) { return !state.hiddenGroups.has(core.actors.get(id).group); });
    },
    tieBreak: byName,
    id: function (id) { return id; },
    open: function (id) { ag.network.selectActor(id, true); graphPane.scrollIntoView({ block: "start" }); }
  });

  var relationFilter = document.getElementById("ag-relations-filter");
  var folded = new Map();  // relation id -> its cells, folded once, one per line

  function relationText(r) {
    if (!folded.has(r.id)) {
      folded.set(r.id, [nameOf(r.source), nameOf(r.target), core.kinds.get(r.kind).label, r.kind, r.evidence, r.note,
        r.confidence, r.status, r.grade, logic.dates(r)].concat(core.sourceNames(r)).filter(Boolean).map(core.fold).join("\n"));
    }
    return folded.get(r.id);
  }
  var relationTable = new Table(document.getElementById("ag-relations"), document.getElementById("ag-relations-more"), {
    noun: "relations",
    sortBy: "source",
    desc: false,
    columns: [
      { key: "source", title: "Source", value: function (r) { return nameOf(r.source); } },
      { key: "kind", title: "Relation", value: function (r) { return core.kinds.get(r.kind).label; } },
      { key: "target", title: "Target", value: function (r) { return nameOf(r.target); } },
      { key: "evidence", title: "Evidence", value: function (r) { return r.evidence; } },
      { key: "confidence", title: "Confidence", value: function (r) { return r.confidence; } }
    ].concat(DATA.grades.graded ? [
      { key: "grade", title: "Grade", help: DATA.grades.scale, value: function (r) { return r.grade; } }
    ] : []).concat([
      { key: "status", title: "Status", value: function (r) { return r.status; } },
      { key: "dates", title: "Dates", value: function (r) { return logic.dates(r); } }
    ]),
    items: function () {
      var q = core.fold(relationFilter.value.trim());
      return DATA.relations.filter(function (r) {
        return core.relationShown(r) && (!q || relationText(r).indexOf(q) >= 0);
      });
    },
    tieBreak: function (x, y) { return x.id < y.id ? -1 : x.id > y.id ? 1 : 0; },
    id: function (r) { return r.id; },
    open: function (r) { ag.panel.showRelation(r); graphPane.scrollIntoView({ block: "start" }); }
  });
  relationFilter.addEventListener("input", function () { relationTable.render(); });

  function renderTables() {
    actorTable.render();
    relationTable.render();
    markRow(state.selected);
    drawnCount();
  }

  // The footer counts what the map draws now, as the legend's filters leave it.
  function drawnCount() {
    var footer = document.getElementById("ag-drawn");
    if (!footer) { return; }
    var shownActors = Array.from(core.actors.keys()).filter(function (id) {
      return !state.hiddenGroups.has(core.actors.get(id).group);
    }).length;
    var drawn = DATA.relations.filter(core.relationShown).length;
    var hidden = DATA.relations.length - drawn;
    footer.textContent = "Drawn: " + shownActors + " actors, " + drawn + " relations" +
      (hidden ? " (" + hidden + " hidden by the legend)" : "") + ".";
  }

  function markRow(id) {
    var table = actorTable.element;
    table.querySelectorAll("tr.ag-selected").forEach(function (tr) {
      tr.classList.remove("ag-selected");
      tr.removeAttribute("aria-selected");
    });
    if (id === null) { return; }
    table.querySelectorAll("tbody tr").forEach(function (tr) {
      if (tr.dataset.id === id) {
        tr.classList.add("ag-selected");
        tr.setAttribute("aria-selected", "true");
      }
    });
  }

  function showTab(which) {
    ["actors", "relations"].forEach(function (name) {
      document.getElementById("ag-tab-" + name).setAttribute("aria-selected", String(name === which));
      document.getElementById("ag-" + name + "-section").hidden = name !== which;
    });
  }
  document.getElementById("ag-tab-actors").addEventListener("click", function () { showTab("actors"); });
  document.getElementById("ag-tab-relations").addEventListener("click", function () { showTab("relations"); });

  ag.tables = { render: renderTables, markRow: markRow };
}(actorgraph));
