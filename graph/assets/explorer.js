/* actorgraph explorer: legend filters, search, actor panel, actor table and a shareable #fragment.
   Every string from the data reaches the page through textContent or vis-network's innerText
   tooltips, never as HTML. */
(function () {
  "use strict";

  var DATA = JSON.parse(document.getElementById("ag-data").textContent);
  var actors = DATA.actors;
  var kinds = {};
  DATA.kinds.forEach(function (k) { kinds[k.name] = k; });
  var groupColor = {};
  DATA.groups.forEach(function (g) { groupColor[g.key] = g.color; });
  var relationsOf = {};
  Object.keys(actors).forEach(function (id) { relationsOf[id] = []; });
  DATA.relations.forEach(function (r) {
    relationsOf[r.source].push(r);
    relationsOf[r.target].push(r);
  });

  var hiddenGroups = new Set();
  var hiddenKinds = new Set();
  var selected = null;
  var DIM_NODE = "rgba(190,190,190,0.35)";
  var DIM_EDGE = "rgba(190,190,190,0.25)";
  var DIM_FONT = "#bbbbbb";
  var FONT = DATA.options.nodes.font.color;
  // Recolouring every item costs a redraw per change in software-rendered canvases: on large
  // graphs the selection is shown by vis-network's own highlight, without dimming or animation.
  var BIG = DATA.nodes.length > 2000;

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) { node.className = className; }
    if (text !== undefined && text !== null) { node.textContent = String(text); }
    return node;
  }

  function nameOf(id) { return actors[id] ? actors[id].name : id; }

  function fmt(v) { return v === null || v === undefined ? "n/a" : Number(v).toFixed(3); }

  function dates(r) {
    if (r.since && r.until) { return r.since + " to " + r.until; }
    if (r.since) { return "since " + r.since; }
    if (r.until) { return "until " + r.until; }
    return "";
  }

  function relationHeadline(r) {
    var k = kinds[r.kind];
    var mid = k.directed ? " \u2014" + k.label + "\u2192 " : " \u2014 " + k.label + " \u2014 ";
    return nameOf(r.source) + mid + nameOf(r.target);
  }

  function nodeTitle(id) {
    var a = actors[id];
    var lines = [a.name, a.type];
    if (a.description) { lines.push(a.description); }
    if (a.aliases.length) { lines.push("Also known as: " + a.aliases.join(", ")); }
    a.extra.forEach(function (kv) { lines.push(kv[0] + ": " + kv[1]); });
    return lines.join("\n");
  }

  function edgeTitle(r) {
    var lines = [relationHeadline(r)];
    if (r.evidence) { lines.push("Evidence: " + r.evidence); }
    if (r.note) { lines.push("Note: " + r.note); }
    if (r.confidence) { lines.push("Confidence: " + r.confidence); }
    var d = dates(r);
    if (d) { lines.push("Valid: " + d); }
    r.extra.forEach(function (kv) { lines.push(kv[0] + ": " + kv[1]); });
    return lines.join("\n");
  }

  // ---- the network -------------------------------------------------------------------------
  var relById = {};
  DATA.relations.forEach(function (r) { relById[r.id] = r; });
  var nodes = new vis.DataSet(DATA.nodes.map(function (n) {
    return Object.assign({}, n, { title: nodeTitle(n.id), baseColor: n.color });
  }));
  var edges = new vis.DataSet(DATA.edges.map(function (e) {
    return Object.assign({}, e, { title: edgeTitle(relById[e.id]), baseColor: e.color });
  }));
  var nodeView = new vis.DataView(nodes, {
    filter: function (n) { return !hiddenGroups.has(n.group); }
  });
  var edgeView = new vis.DataView(edges, {
    filter: function (e) {
      return !hiddenKinds.has(e.kind) && !hiddenGroups.has(actors[e.from].group) &&
        !hiddenGroups.has(actors[e.to].group);
    }
  });
  var container = document.getElementById("mynetwork");
  var network = new vis.Network(container, { nodes: nodeView, edges: edgeView }, DATA.options);
  window.network = network;
  window.agData = DATA;

  function refresh() {
    nodeView.refresh();
    edgeView.refresh();
    renderTable();
    if (selected && hiddenGroups.has(actors[selected].group)) { clearSelection(); }
    else if (selected) { highlight(selected); }
    writeHash();
  }

  // ---- highlight and selection ---------------------------------------------------------------
  function highlight(id) {
    if (BIG) { return; }
    var keep = new Set([id]);
    var incident = new Set();
    edgeView.get().forEach(function (e) {
      if (e.from === id || e.to === id) {
        keep.add(e.from);
        keep.add(e.to);
        incident.add(e.id);
      }
    });
    nodes.update(nodes.get().map(function (n) {
      var on = keep.has(n.id);
      return { id: n.id, color: on ? n.baseColor : DIM_NODE, font: { color: on ? FONT : DIM_FONT } };
    }));
    edges.update(edges.get().map(function (e) {
      return { id: e.id, color: incident.has(e.id) ? e.baseColor : DIM_EDGE };
    }));
  }

  function unhighlight() {
    if (BIG) { return; }
    nodes.update(nodes.get().map(function (n) {
      return { id: n.id, color: n.baseColor, font: { color: FONT } };
    }));
    edges.update(edges.get().map(function (e) { return { id: e.id, color: e.baseColor }; }));
  }

  function selectActor(id, focus) {
    if (!actors[id]) { return; }
    if (hiddenGroups.has(actors[id].group)) {
      hiddenGroups.delete(actors[id].group);
      renderLegend();
      nodeView.refresh();
      edgeView.refresh();
      renderTable();
    }
    selected = id;
    network.selectNodes([id], false);
    highlight(id);
    showActor(id);
    markRow(id);
    if (focus) {
      network.focus(id, { scale: Math.max(network.getScale(), 1.0), animation: BIG ? false : { duration: 300 } });
    }
    writeHash();
  }

  function clearSelection() {
    var had = selected !== null;
    selected = null;
    network.unselectAll();
    if (had) { unhighlight(); }
    panel.hidden = true;
    panel.textContent = "";
    markRow(null);
    writeHash();
  }

  network.on("click", function (p) {
    if (p.nodes.length) { selectActor(p.nodes[0], false); }
    else if (p.edges.length) { showRelation(relById[p.edges[0]]); }
    else { clearSelection(); }
  });

  // ---- side panel ------------------------------------------------------------------------------
  var panel = document.getElementById("ag-panel");

  function actorButton(id) {
    var b = el("button", "ag-link", nameOf(id));
    b.type = "button";
    b.addEventListener("click", function () { selectActor(id, true); });
    return b;
  }

  function closeButton() {
    var b = el("button", "ag-close", "\u00d7");
    b.type = "button";
    b.setAttribute("aria-label", "Close");
    b.addEventListener("click", clearSelection);
    return b;
  }

  function relationMeta(r, into) {
    var bits = [r.evidence, r.confidence, dates(r)].filter(Boolean);
    if (bits.length) { into.appendChild(el("div", "ag-meta", bits.join(" \u00b7 "))); }
    if (r.note) { into.appendChild(el("div", "ag-note", r.note)); }
    r.extra.forEach(function (kv) { into.appendChild(el("div", "ag-meta", kv[0] + ": " + kv[1])); });
  }

  function showActor(id) {
    var a = actors[id];
    panel.textContent = "";
    panel.appendChild(closeButton());
    panel.appendChild(el("h2", "ag-panel-name", a.name));
    var type = el("p", "ag-panel-type");
    var sw = el("span", "ag-swatch");
    sw.style.background = groupColor[a.group] || "#999";
    type.appendChild(sw);
    type.appendChild(document.createTextNode(a.type + (a.group !== a.type ? " \u00b7 " + a.group : "")));
    panel.appendChild(type);
    panel.appendChild(el("p", "ag-panel-id", "id: " + id));
    if (a.description) { panel.appendChild(el("p", "ag-panel-desc", a.description)); }
    if (a.aliases.length) { panel.appendChild(el("p", "ag-panel-aliases", "Also known as: " + a.aliases.join(", "))); }
    if (a.extra.length) {
      var dl = el("dl", "ag-extra");
      a.extra.forEach(function (kv) { dl.appendChild(el("dt", "", kv[0])); dl.appendChild(el("dd", "", kv[1])); });
      panel.appendChild(dl);
    }
    if (DATA.measures.length) {
      panel.appendChild(el("h3", "", "Centrality"));
      var t = el("table", "ag-values");
      DATA.measures.forEach(function (m) {
        var tr = el("tr");
        tr.appendChild(el("th", "", m));
        tr.appendChild(el("td", "", fmt(a.values[m])));
        t.appendChild(tr);
      });
      panel.appendChild(t);
    }
    var rels = relationsOf[id];
    panel.appendChild(el("h3", "", "Relations (" + rels.length + ")"));
    var groups = [];
    DATA.kinds.forEach(function (k) {
      var ways = k.directed ? [["out", k.label], ["in", k.inverse]] : [["both", k.label]];
      ways.forEach(function (w) {
        var list = rels.filter(function (r) {
          return r.kind === k.name && (w[0] === "both" || (w[0] === "out") === (r.source === id));
        });
        if (list.length) { groups.push({ kind: k, label: w[1], list: list }); }
      });
    });
    groups.forEach(function (g) {
      var h = el("h4", "ag-rel-head", g.label + " (" + g.list.length + ")");
      h.style.borderLeftColor = g.kind.color;
      panel.appendChild(h);
      var ul = el("ul", "ag-rels");
      g.list.forEach(function (r) {
        var li = el("li");
        li.appendChild(actorButton(r.source === id ? r.target : r.source));
        relationMeta(r, li);
        ul.appendChild(li);
      });
      panel.appendChild(ul);
    });
    panel.hidden = false;
  }

  function showRelation(r) {
    if (!r) { return; }
    clearSelection();
    panel.textContent = "";
    panel.appendChild(closeButton());
    panel.appendChild(el("h2", "ag-panel-name", relationHeadline(r)));
    var p = el("p", "ag-panel-type");
    p.appendChild(actorButton(r.source));
    p.appendChild(document.createTextNode(" " + kinds[r.kind].label + " "));
    p.appendChild(actorButton(r.target));
    panel.appendChild(p);
    relationMeta(r, panel);
    panel.hidden = false;
  }

  // ---- legend and filters ------------------------------------------------------------------------
  var legend = document.getElementById("ag-legend");

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

  function renderLegend() {
    legend.textContent = "";
    legend.appendChild(el("h2", "", "Legend"));
    legend.appendChild(el("h3", "", DATA.groupLabel === "community" ? "Communities" : "Actor types"));
    var ul = el("ul", "ag-legend-list");
    ul.id = "ag-legend-groups";
    DATA.groups.forEach(function (g) {
      var sw = el("span", "ag-swatch");
      sw.style.background = g.color;
      var li = legendItem(g.key || "(none)", g.count, !hiddenGroups.has(g.key), sw, function (on) {
        if (on) { hiddenGroups.delete(g.key); } else { hiddenGroups.add(g.key); }
        refresh();
      });
      li.dataset.group = g.key;
      ul.appendChild(li);
    });
    legend.appendChild(ul);
    legend.appendChild(el("h3", "", "Relations"));
    var ul2 = el("ul", "ag-legend-list");
    ul2.id = "ag-legend-kinds";
    DATA.kinds.forEach(function (k) {
      var marker = el("span", "ag-line" + (k.directed ? " ag-arrow" : ""));
      marker.style.borderTopColor = k.color;
      marker.style.borderTopStyle = k.dashes ? "dashed" : "solid";
      marker.style.color = k.color;
      var li = legendItem(k.label + (k.directed ? " \u2192" : ""), k.count, !hiddenKinds.has(k.name), marker,
        function (on) {
          if (on) { hiddenKinds.delete(k.name); } else { hiddenKinds.add(k.name); }
          refresh();
        });
      li.dataset.kind = k.name;
      ul2.appendChild(li);
    });
    legend.appendChild(ul2);
    legend.appendChild(el("p", "ag-size-note",
      DATA.sizeBy === "none" ? "All dots the same size." : "Dot size: " + DATA.sizeBy + " centrality."));
  }

  // ---- search --------------------------------------------------------------------------------------
  var input = document.getElementById("ag-search-input");
  var results = document.getElementById("ag-search-results");
  var index = Object.keys(actors).map(function (id) {
    var a = actors[id];
    return { id: id, keys: [a.name.toLowerCase(), id.toLowerCase()].concat(
      a.aliases.map(function (s) { return s.toLowerCase(); })) };
  });

  function search(q) {
    q = q.trim().toLowerCase();
    if (!q) { return []; }
    var hits = [];
    index.forEach(function (item) {
      var best = 9;
      item.keys.forEach(function (k) {
        var at = k.indexOf(q);
        if (at < 0) { return; }
        var score = k === q ? 0 : at === 0 ? 1 : /[\s\-_(]/.test(k.charAt(at - 1)) ? 2 : 3;
        if (score < best) { best = score; }
      });
      if (best < 9) { hits.push([best, actors[item.id].name.toLowerCase(), item.id]); }
    });
    hits.sort(function (a, b) { return a[0] - b[0] || (a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0); });
    return hits.slice(0, 12).map(function (h) { return h[2]; });
  }

  function showResults(ids) {
    results.textContent = "";
    ids.forEach(function (id) {
      var li = el("li", "ag-result");
      li.setAttribute("role", "option");
      li.dataset.id = id;
      li.appendChild(el("span", "ag-result-name", nameOf(id)));
      li.appendChild(el("span", "ag-result-type", actors[id].type));
      li.addEventListener("mousedown", function (ev) {
        ev.preventDefault();
        selectActor(id, true);
        results.hidden = true;
      });
      results.appendChild(li);
    });
    results.hidden = ids.length === 0;
  }

  var pending = null;
  input.addEventListener("input", function () {
    var ids = search(input.value);
    showResults(ids);
    clearTimeout(pending);
    if (ids.length && input.value.trim().length >= 2) {
      if (BIG) {  // wait for a pause in typing: each selection redraws a large canvas
        pending = setTimeout(function () { selectActor(ids[0], true); }, 250);
      } else {
        selectActor(ids[0], true);
      }
    }
  });
  input.addEventListener("keydown", function (ev) {
    if (ev.key === "Enter") {
      clearTimeout(pending);
      var ids = search(input.value);
      if (ids.length) { selectActor(ids[0], true); }
      results.hidden = true;
    } else if (ev.key === "Escape") {
      input.value = "";
      results.hidden = true;
    }
  });
  input.addEventListener("blur", function () { results.hidden = true; });

  // ---- table -----------------------------------------------------------------------------------
  var table = document.getElementById("ag-table");
  var more = document.getElementById("ag-table-more");
  var LIMIT = 300;
  var showAll = false;
  var columns = [["name", "Name"], ["type", DATA.groupLabel === "community" ? "Community" : "Type"],
    ["relations", "Relations"]].concat(DATA.measures.map(function (m) { return [m, m]; }));
  var sortBy = DATA.measures.indexOf(DATA.sizeBy) >= 0 ? DATA.sizeBy : "name";
  var sortDesc = sortBy !== "name";

  function cellValue(id, key) {
    var a = actors[id];
    if (key === "name") { return a.name; }
    if (key === "type") { return DATA.groupLabel === "community" ? a.group : a.type; }
    if (key === "relations") { return a.relations; }
    return a.values[key];
  }

  function compare(x, y) {
    var a = cellValue(x, sortBy), b = cellValue(y, sortBy);
    if (a === null || a === undefined) { return 1; }
    if (b === null || b === undefined) { return -1; }
    var c = typeof a === "string" ? a.localeCompare(b) : a - b;
    if (sortDesc) { c = -c; }
    return c || actors[x].name.localeCompare(actors[y].name) || (x < y ? -1 : 1);
  }

  function renderTable() {
    table.textContent = "";
    var thead = el("thead");
    var hr = el("tr");
    columns.forEach(function (c) {
      var th = el("th");
      th.setAttribute("scope", "col");
      var b = el("button", "ag-sort", c[1]);
      b.type = "button";
      if (c[0] === sortBy) { th.setAttribute("aria-sort", sortDesc ? "descending" : "ascending"); }
      b.addEventListener("click", function () {
        if (sortBy === c[0]) { sortDesc = !sortDesc; } else { sortBy = c[0]; sortDesc = c[0] !== "name" && c[0] !== "type"; }
        renderTable();
      });
      th.appendChild(b);
      hr.appendChild(th);
    });
    thead.appendChild(hr);
    table.appendChild(thead);
    var ids = Object.keys(actors).filter(function (id) { return !hiddenGroups.has(actors[id].group); });
    ids.sort(compare);
    var shown = showAll ? ids : ids.slice(0, LIMIT);
    var tbody = el("tbody");
    shown.forEach(function (id) {
      var tr = el("tr");
      tr.dataset.id = id;
      tr.tabIndex = 0;
      columns.forEach(function (c, i) {
        var v = cellValue(id, c[0]);
        var td = el(i === 0 ? "th" : "td", typeof v === "number" || v === null ? "ag-num" : "",
          c[0] === "relations" ? v : (typeof v === "number" || v === null ? fmt(v) : v));
        if (i === 0) { td.setAttribute("scope", "row"); }
        tr.appendChild(td);
      });
      tr.addEventListener("click", function () { selectActor(id, true); });
      tr.addEventListener("keydown", function (ev) { if (ev.key === "Enter") { selectActor(id, true); } });
      tbody.appendChild(tr);
    });
    table.appendChild(tbody);
    more.hidden = shown.length === ids.length;
    more.textContent = "Show all " + ids.length + " actors";
    markRow(selected);
  }

  more.addEventListener("click", function () { showAll = true; renderTable(); });

  function markRow(id) {
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

  // ---- shareable view in the #fragment -------------------------------------------------------
  var applying = false;

  function writeHash() {
    if (applying) { return; }
    var parts = [];
    if (selected) { parts.push("actor=" + encodeURIComponent(selected)); }
    if (hiddenGroups.size) {
      parts.push("hide=" + Array.from(hiddenGroups).sort().map(encodeURIComponent).join(","));
    }
    if (hiddenKinds.size) {
      parts.push("hide-relations=" + Array.from(hiddenKinds).sort().map(encodeURIComponent).join(","));
    }
    var hash = parts.length ? "#" + parts.join("&") : "";
    if (hash === location.hash || (!hash && !location.hash)) { return; }
    try {
      history.replaceState(null, "", hash || location.pathname + location.search);
    } catch (err) {
      location.hash = hash;
    }
  }

  function readHash() {
    var state = { actor: null, hide: [], kinds: [] };
    location.hash.replace(/^#/, "").split("&").forEach(function (part) {
      var eq = part.indexOf("=");
      if (eq < 0) { return; }
      var key = part.slice(0, eq);
      var values = part.slice(eq + 1).split(",").filter(Boolean).map(function (v) {
        try { return decodeURIComponent(v); } catch (err) { return v; }
      });
      if (key === "actor") { state.actor = values[0] || null; }
      if (key === "hide") { state.hide = values; }
      if (key === "hide-relations") { state.kinds = values; }
    });
    return state;
  }

  function applyHash() {
    var s = readHash();
    applying = true;
    hiddenGroups = new Set(s.hide.filter(function (g) { return groupColor.hasOwnProperty(g); }));
    hiddenKinds = new Set(s.kinds.filter(function (k) { return kinds.hasOwnProperty(k); }));
    renderLegend();
    refresh();
    if (s.actor && actors.hasOwnProperty(s.actor)) { selectActor(s.actor, true); }
    else if (selected) { clearSelection(); }
    applying = false;
  }

  window.addEventListener("hashchange", applyHash);

  renderLegend();
  renderTable();
  applyHash();
  network.once("afterDrawing", function () { document.body.dataset.ready = "true"; });
})();
