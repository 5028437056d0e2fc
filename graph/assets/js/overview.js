/* overview: a large map opens on one dot per group (community, type or column value), sized by its
   members, with the ties between groups weighted by how many relations they hold. A click opens a
   group in place: its members are drawn inside its circle, at positions Python computed, the same
   every time; a double click, the panel's button or the key "c" closes it again. Only in pages of
   large maps, loaded before network.js, whose views ask drawsNode/drawsEdge what to draw. The pure
   part (tieItems, shownMembers) also serves Node's tests. */

(function (out) {
  "use strict";

  // The ties drawn between what is open and what is not, from the relations shown:
  // between two closed groups, one tie per pair of groups; between a member of an open group and a
  // closed group, one tie per member and group, for the members `linked` says. Relations inside open
  // groups are drawn themselves. groupOf: actor -> group index; isOpen(i): whether group i is open.
  function tieItems(relations, shown, groupOf, isOpen, linked) {
    var counts = new Map();
    relations.forEach(function (r) {
      var a = groupOf.get(r.source), b = groupOf.get(r.target);
      if ((a === b || (isOpen(a) && isOpen(b))) || !shown(r)) { return; }  // inside a group: most relations
      var ends = [];
      [[r.source, a], [r.target, b]].forEach(function (end) {
        if (!isOpen(end[1])) { ends.push("group:" + end[1]); }
        else if (linked(end[0])) { ends.push(end[0]); }
      });
      if (ends.length < 2) { return; }
      ends.sort();
      var key = ends[0] + "\u0000" + ends[1];
      var item = counts.get(key);
      if (item) { item.n += 1; } else { counts.set(key, { from: ends[0], to: ends[1], n: 1 }); }
    });
    return Array.from(counts.values()).sort(function (x, y) {
      return x.from < y.from ? -1 : x.from > y.from ? 1 : x.to < y.to ? -1 : x.to > y.to ? 1 : 0;
    });
  }

  // The members an opened group draws: its first `limit` (they come by importance), and any asked for.
  function shownMembers(members, limit, extra) {
    var shown = new Set(members.slice(0, limit));
    (extra || []).forEach(function (id) { if (members.indexOf(id) >= 0) { shown.add(id); } });
    return shown;
  }

  out.tieItems = tieItems;
  out.shownMembers = shownMembers;
}(typeof module !== "undefined" ? module.exports : (actorgraph.overviewLogic = {})));

(function (ag) {
  "use strict";
  if (!ag) { return; }  // under Node: the pure part only
  var core = ag.core, DATA = core.DATA, OV = DATA.overview, state = core.state, el = core.el;
  var logic = ag.overviewLogic;
  var groupOf = new Map();
  OV.groups.forEach(function (g, i) { g.members.forEach(function (id) { groupOf.set(id, i); }); });
  var open = new Map();  // group index -> Set of the member ids drawn
  var tieIds = [];  // the ties between groups in the edges' DataSet now
  var net = null, status = null, hiding = DATA.big;

  // vis-network gets a relation when both its actors are drawn, not every relation at load: 100,000
  // relations at 30,000 actors cost the page's start a second and more. network.js builds its edges from
  // DATA.edges when it loads, so they are out of it until then (attach puts them back).
  var allEdges = DATA.edges, edgesIn = new Set();
  DATA.edges = [];

  function syncEdges() {
    var keep = new Set(), add = [], gone = [];
    allEdges.forEach(function (e) {
      if (drawn(e.from) && drawn(e.to)) {
        keep.add(e.id);
        if (!edgesIn.has(e.id)) { add.push(e); }
      }
    });
    edgesIn.forEach(function (id) { if (!keep.has(id)) { gone.push(id); } });
    edgesIn = keep;
    net.edges.remove(gone);
    net.edges.add(add.map(function (e) {  // the items network.js makes
      return Object.assign({}, e, { title: core.edgeTitle(core.relById.get(e.id)), baseColor: e.color });
    }));
  }

  // an open group's most important actors are tied to the closed groups, one line per group; more
  // would be thousands of lines across the map, slow to draw and impossible to read
  var TIED = 100, rank = new Map();
  OV.groups.forEach(function (g) { g.members.forEach(function (id, k) { rank.set(id, k); }); });

  function isOpen(i) { return open.has(i); }
  function linked(id) { return rank.get(id) < TIED && drawn(id); }
  function drawn(id) { var s = open.get(groupOf.get(id)); return !!s && s.has(id); }

  function drawsNode(n) {
    if (n.overviewGroup !== undefined) { return !open.has(n.overviewGroup); }
    return !state.hiddenGroups.has(n.group) && drawn(n.id);
  }

  function drawsEdge(e) {
    if (e.overviewTie) { return true; }  // only the ties of the moment are in the DataSet
    return drawn(e.from) && drawn(e.to) && core.relationShown(core.relById.get(e.id));
  }

  function rgba(hex, alpha) {
    var v = parseInt(hex.slice(1), 16);
    return "rgba(" + (v >> 16 & 255) + "," + (v >> 8 & 255) + "," + (v & 255) + "," + alpha + ")";
  }

  function groupNode(g, i) {
    var colour = { background: rgba(g.color, 0.28), border: g.color };
    return { id: g.id, overviewGroup: i, x: g.x, y: g.y, size: g.r, shape: "dot",
      title: g.name + "\n" + g.members.length + " actors\nClick to open", borderWidth: 2,
      color: Object.assign({ highlight: colour, hover: colour }, colour),
      baseColor: Object.assign({ highlight: colour, hover: colour }, colour) };
  }

  // Replace the ties between groups by those of the moment (filters, open groups).
  function retie() {
    var items = logic.tieItems(DATA.relations, core.relationShown, groupOf, isOpen, linked);
    var most = items.reduce(function (m, t) { return Math.max(m, t.n); }, 1);
    var edges = net.edges;
    edges.remove(tieIds);
    tieIds = items.map(function (t) { return "tie:" + t.from + "\u0000" + t.to; });
    edges.add(items.map(function (t, k) {
      var groups = t.from.indexOf("group:") === 0 && t.to.indexOf("group:") === 0;  // else an actor's
      var colour = { color: "#8c959f", highlight: "#57606a", hover: "#57606a", opacity: groups ? 0.55 : 0.2 };
      return { id: tieIds[k], from: t.from, to: t.to, overviewTie: true, smooth: false, arrows: "",
        width: 1 + (groups ? 7 : 2) * Math.log(1 + t.n) / Math.log(1 + most), color: colour, baseColor: colour,
        title: t.n + (t.n === 1 ? " relation" : " relations") + " between " + nameOf(t.from) + " and " + nameOf(t.to) };
    }));
  }

  function nameOf(id) {
    return id.indexOf("group:") === 0 ? OV.groups[Number(id.slice(6))].name : core.nameOf(id);
  }

  function redraw() {
    // an open group draws its members' ties, on a software-rendered canvas the slow part: hidden while
    // the view moves, as vis-network does on large maps
    var hide = open.size > 0 || DATA.big;
    if (hide !== hiding) {
      hiding = hide;
      net.network.setOptions({ interaction: { hideEdgesOnDrag: hide, hideEdgesOnZoom: hide } });
    }
    retie();
    net.nodeView.refresh();
    syncEdges();
    net.edgeView.refresh();
    showStatus();
  }

  function openGroup(i, also) {
    var g = OV.groups[i], had = open.get(i);
    var extra = had ? Array.from(had) : [];
    if (also) { extra.push(also); }
    open.set(i, logic.shownMembers(g.members, OV.limit, extra));
    if (!had || (also && !had.has(also))) { redraw(); }
  }

  function closeGroup(i) {
    if (!open.has(i)) { return; }
    if (state.selected && groupOf.get(state.selected) === i) { ag.network.clearSelection(); }
    open.delete(i);
    redraw();
    if (panelGroup === i) { showGroup(i); }
  }

  function closeAll() {
    if (state.selected) { ag.network.clearSelection(); }
    open.clear();
    redraw();
  }

  // ---- group labels: under each closed group's circle, at a fixed screen size, largest groups first;
  // a label that would overlap one already drawn is left out until the view is closer
  function drawGroupLabels(ctx) {
    var scale = net.network.getScale(), font = OV.font / scale, pitch = font * DATA.lineHeight;
    var taken = [];
    ctx.save();
    ctx.font = font + "px " + DATA.fontFamily;
    ctx.textAlign = "center";
    ctx.textBaseline = "top";
    ctx.lineJoin = "round";
    ctx.lineWidth = 3 / scale;
    ctx.strokeStyle = "rgba(255,255,255,0.92)";
    ctx.fillStyle = "#1f2328";
    OV.groups.forEach(function (g, i) {
      if (open.has(i)) { return; }
      var box = groupLabelBox(g, scale);
      if (taken.some(function (b) { return b[0] < box[2] && box[0] < b[2] && b[1] < box[3] && box[1] < b[3]; })) { return; }
      taken.push(box);
      g.label.forEach(function (t, k) {
        ctx.strokeText(t, g.x, box[1] + k * pitch);
        ctx.fillText(t, g.x, box[1] + k * pitch);
      });
    });
    ctx.restore();
  }

  // A group's label box under its circle, in canvas units at a zoom (its text keeps OV.font screen px).
  var measurer = null;
  function groupLabelBox(g, scale) {
    if (!measurer) { measurer = document.createElement("canvas").getContext("2d"); }
    measurer.font = OV.font + "px " + DATA.fontFamily;
    var wide = Math.max.apply(null, g.label.map(function (t) { return measurer.measureText(t).width; })) / scale;
    var y0 = g.y + g.r + 3 / scale;
    return [g.x - wide / 2, y0, g.x + wide / 2, y0 + g.label.length * OV.font * DATA.lineHeight / scale];
  }

  // A closed group's label box (for fitting the view), else null.
  function labelBox(id, scale) {
    var node = net && net.nodes.get(id);
    if (!node || node.overviewGroup === undefined || open.has(node.overviewGroup)) { return null; }
    return groupLabelBox(OV.groups[node.overviewGroup], scale);
  }

  // ---- the status line and the group's panel -----------------------------------------------------
  function showStatus() {
    if (!status) { return; }
    status.textContent = "";
    var what = OV.by === "community" ? "communities" : OV.by === "type" ? "actor types" : OV.by;
    var parts = [OV.groups.length + " groups (" + what + ")"];
    open.forEach(function (shown, i) {
      var g = OV.groups[i];
      parts.push(g.name + ": " + (shown.size < g.members.length ? "showing " + shown.size + " of " + g.members.length
        : g.members.length + " actors"));
    });
    status.appendChild(el("span", "ag-overview-text", parts.join(" \u00b7 ")));
    status.dataset.open = String(open.size);
    if (open.size) {
      var b = el("button", "", "Close all groups");
      b.type = "button";
      b.style.marginLeft = ".5rem";
      b.id = "ag-overview-close-all";
      b.addEventListener("click", closeAll);
      status.appendChild(b);
    }
  }

  var panelGroup = null;
  function showGroup(i) {
    var g = OV.groups[i], panel = document.getElementById("ag-panel");
    ag.network.clearSelection();
    panelGroup = i;
    panel.textContent = "";
    panel.appendChild(el("h2", "ag-panel-name", g.name));
    var kind = OV.by === "community" || OV.by === "type" ? OV.by : OV.by + " column";
    panel.appendChild(el("p", "ag-panel-type", kind + ": " + g.key + " \u00b7 " + g.members.length + " actors"));
    var shown = open.get(i);
    if (shown && shown.size < g.members.length) {
      panel.appendChild(el("p", "ag-overview-limit", "Showing " + shown.size + " of " + g.members.length +
        " (the most important; search draws any other)."));
    }
    var b = el("button", "ag-overview-toggle", shown ? "Close group" : "Open group");
    b.type = "button";
    b.id = "ag-overview-toggle";
    b.addEventListener("click", function () {
      if (open.has(i)) { closeGroup(i); } else { openGroup(i); }
      showGroup(i);
    });
    panel.appendChild(b);
    panel.appendChild(el("h3", "", "Most important actors"));
    var ul = el("ul", "ag-rels");
    g.members.slice(0, 10).forEach(function (id) {
      var li = el("li"), link = el("button", "ag-link", core.nameOf(id));
      link.type = "button";
      link.addEventListener("click", function () { ag.network.selectActor(id, true); });
      li.appendChild(link);
      ul.appendChild(li);
    });
    panel.appendChild(ul);
    panel.hidden = false;
  }

  function focusGroup(i) {
    var g = OV.groups[i], view = document.getElementById("mynetwork");
    var scale = Math.min(view.clientWidth, view.clientHeight) / (2.3 * g.r);
    net.network.moveTo({ position: { x: g.x, y: g.y }, scale: Math.min(scale, 1.5),
      animation: core.BIG ? false : { duration: 250 } });
  }

  // ---- wiring, once network.js has made the map ----------------------------------------------------
  function attach(api) {
    net = api;
    DATA.edges = allEdges;
    api.nodes.add(OV.groups.map(groupNode));
    api.network.on("afterDrawing", drawGroupLabels);
    retie();
    api.edgeView.refresh();
    var plainSelect = api.selectActor, plainRefresh = api.refresh, plainClear = api.clearSelection;
    api.selectActor = function (id, focus) {  // an actor in a closed group: open the group first
      if (groupOf.has(id) && !drawn(id)) {
        openGroup(groupOf.get(id), id);
      }
      panelGroup = null;
      plainSelect(id, focus);
    };
    api.clearSelection = function () { panelGroup = null; plainClear(); };
    api.refresh = function () { retie(); plainRefresh(); };
    if (api.refreshMap) {  // the time bar's step: the lines between groups follow its date too
      var plainMap = api.refreshMap;
      api.refreshMap = function () { retie(); plainMap(); };
    }
    api.network.on("click", function (p) {
      var id = p.nodes.length ? p.nodes[0] : null;
      if (id !== null && String(id).indexOf("group:") === 0) {
        var i = Number(String(id).slice(6));
        openGroup(i);
        focusGroup(i);
        showGroup(i);
      }
    });
    api.network.on("doubleClick", function (p) {
      var id = p.nodes.length ? String(p.nodes[0]) : null;
      if (id !== null && groupOf.has(id)) { closeGroup(groupOf.get(id)); return; }
      if (id !== null) { return; }
      var at = p.pointer.canvas;
      OV.groups.forEach(function (g, i) {
        if (open.has(i) && Math.hypot(at.x - g.x, at.y - g.y) <= g.r) { closeGroup(i); }
      });
    });
    document.addEventListener("keydown", function (ev) {
      var typing = /^(INPUT|SELECT|TEXTAREA)$/.test((document.activeElement || {}).tagName || "");
      if (typing || ev.ctrlKey || ev.metaKey || ev.altKey || (ev.key !== "c" && ev.key !== "C")) { return; }
      if (state.selected && groupOf.has(state.selected)) { closeGroup(groupOf.get(state.selected)); }
      else if (panelGroup !== null) { closeGroup(panelGroup); }
    });
    status = el("div", "ag-overview");
    status.id = "ag-overview";
    status.setAttribute("role", "status");
    document.querySelector(".ag-graph").appendChild(status);
    showStatus();
  }

  ag.overview = {
    drawsNode: drawsNode, drawsEdge: drawsEdge, attach: attach, open: openGroup, close: closeGroup,
    closeAll: closeAll, groupOf: groupOf, isOpen: isOpen, labelBox: labelBox
  };
}(typeof module !== "undefined" ? null : actorgraph));
