/* network: the vis-network drawing, labels drawn by the page beside each dot, fitting, selection. */

(function (ag) {
  "use strict";
  var logic = ag.logic, core = ag.core, DATA = core.DATA, state = core.state, actors = core.actors;

  var nodes = new vis.DataSet(DATA.nodes.map(function (n) {
    return Object.assign({}, n, { title: core.nodeTitle(n.id), baseColor: n.color });
  }));
  var edges = new vis.DataSet(DATA.edges.map(function (e) {
    return Object.assign({}, e, { title: core.edgeTitle(core.relById.get(e.id)), baseColor: e.color });
  }));
  var overview = ag.overview;  // a large map's groups (overview.js), which decide what is drawn; else undefined
  var nodeView = new vis.DataView(nodes, {
    filter: overview ? overview.drawsNode : function (n) { return !state.hiddenGroups.has(n.group); }
  });
  var edgeView = new vis.DataView(edges, {
    filter: overview ? overview.drawsEdge : function (e) { return core.relationShown(core.relById.get(e.id)); }
  });
  var container = document.getElementById("mynetwork");
  var CLEAR_LIMIT = 4000;  // boxes (dots and labels) up to which a fit looks for a place clear of the buttons
  var network = new vis.Network(container, { nodes: nodeView, edges: edgeView }, DATA.options);
  window.network = network;  // as pyvis pages do: the console and the browser tests use it

  // ---- labels ----------------------------------------------------------------------------------
  // Main labels have a place beside their dot chosen by the layout and a size that zooms with the map.
  // Minor labels keep a fixed screen size and show from the zoom at which they collide with nothing.
  // window.agLabelBoxes holds what was drawn, in page coordinates.
  var LABEL_COLOR = "#1f2328", DIM_LABEL = "#c4c8cc";
  var lit = null;  // ids kept bright around a selection, or null
  window.agLabelBoxes = new Map();

  function drawLabels(ctx) {
    var scale = network.getScale();
    var drawn = new Map();
    ctx.save();
    ctx.lineJoin = "round";
    ctx.textBaseline = "top";
    nodeView.getIds().forEach(function (id) {
      var L = core.labels.get(id), node = network.body.nodes[id];
      if (!L || !node) { return; }
      var geo = logic.labelGeometry(L, scale, DATA.minorFont);
      if (!geo) { return; }
      var x0 = node.x + geo.box[0], y0 = node.y + geo.box[1], x1 = node.x + geo.box[2];
      var font = geo.font, pitch = font * DATA.lineHeight;
      ctx.font = font + "px " + DATA.fontFamily;
      ctx.textAlign = L.align;
      var ax = L.align === "left" ? x0 + 2 / scale : L.align === "right" ? x1 - 2 / scale : (x0 + x1) / 2;
      var widest = 0;
      ctx.lineWidth = Math.max(2.5 / scale, font * 0.22);
      ctx.strokeStyle = "rgba(255,255,255,0.92)";
      ctx.fillStyle = (lit && !lit.has(id)) || state.faded.has(id) ? DIM_LABEL : LABEL_COLOR;
      L.lines.forEach(function (line, i) {
        var y = y0 + i * pitch + (pitch - font) / 2;
        ctx.strokeText(line, ax, y);
        ctx.fillText(line, ax, y);
        widest = Math.max(widest, ctx.measureText(line).width);
      });
      var left = L.align === "left" ? ax : L.align === "right" ? ax - widest : ax - widest / 2;
      drawn.set(id, [left, y0, left + widest, y0 + L.lines.length * pitch, font]);
    });
    ctx.restore();
    window.agLabelBoxes = drawn;
  }

  network.on("afterDrawing", drawLabels);

  // ---- fitting: dots and the labels beside them -------------------------------------------------
  // The boxes of the dots and of the labels that show at a zoom (0: the main labels only).
  function boxes(ids, scale) {
    var found = [];
    ids.forEach(function (id) {
      var node = network.body.nodes[id], L = core.labels.get(id), r = node.options.size;
      found.push([node.x - r, node.y - r, node.x + r, node.y + r]);
      var geo = L && (scale || L.major) ? logic.labelGeometry(L, scale || 1, DATA.minorFont) : null;
      if (geo) { found.push([node.x + geo.box[0], node.y + geo.box[1], node.x + geo.box[2], node.y + geo.box[3]]); }
      var group = overview && !L ? overview.labelBox(id, scale || 1) : null;  // a closed group's label
      if (group) { found.push(group); }
    });
    return found;
  }

  // What lies over the map: its buttons (Fit, Save positions) and notes, as rectangles in its px.
  function covers() {
    var c = container.getBoundingClientRect();
    return Array.prototype.map.call(document.querySelectorAll(".ag-controls, .ag-overview"), function (e) {
      var r = e.getBoundingClientRect();
      return [r.left - c.left, r.top - c.top, r.right - c.left, r.bottom - c.top];
    });
  }

  function fitView(animate) {
    var ids = nodeView.getIds();
    if (!ids.length) { return; }
    var w = container.clientWidth, h = container.clientHeight;
    var view = logic.fitClear(boxes(ids, 0), w, h, DATA.fitMargin, DATA.maxFitScale, null, 0);
    for (var i = 0; i < 3; i++) {  // minor labels that show at that zoom
      view = logic.fitClear(boxes(ids, view.scale), w, h, DATA.fitMargin, DATA.maxFitScale, null, 0);
    }
    var drawn = boxes(ids, view.scale);
    if (drawn.length <= CLEAR_LIMIT) {  // nothing under the buttons and notes, if a shift or a little less zoom can
      view = logic.fitClear(drawn, w, h, DATA.fitMargin, DATA.maxFitScale, covers(), 6);
    }
    network.moveTo({ position: view.centre, scale: view.scale,
      animation: animate && !core.BIG ? { duration: 250 } : false });
  }

  document.getElementById("ag-fit").addEventListener("click", function () { fitView(true); });

  // ---- highlight and selection -------------------------------------------------------------------
  var DIM_NODE = "rgba(200,200,200,0.35)";
  var DIM_EDGE = "rgba(200,200,200,0.3)";

  function highlight(id) {
    if (core.BIG) { return; }
    var keep = new Set([id]);
    var incident = new Set();
    edgeView.get().forEach(function (e) {
      if (e.from === id || e.to === id) {
        keep.add(e.from);
        keep.add(e.to);
        incident.add(e.id);
      }
    });
    lit = keep;
    nodes.update(nodes.get().map(function (n) {
      return { id: n.id, color: keep.has(n.id) ? n.baseColor : { background: DIM_NODE, border: DIM_NODE } };
    }));
    edges.update(edges.get().map(function (e) {
      return { id: e.id, color: incident.has(e.id) ? e.baseColor : DIM_EDGE };
    }));
  }

  function unhighlight() {
    lit = null;
    if (core.BIG) { return; }
    nodes.update(nodes.get().map(function (n) { return { id: n.id, color: n.baseColor }; }));
    edges.update(edges.get().map(function (e) { return { id: e.id, color: e.baseColor }; }));
  }

  function selectActor(id, focus) {
    if (!actors.has(id)) { return; }
    if (state.hiddenGroups.has(actors.get(id).group)) {
      state.hiddenGroups.delete(actors.get(id).group);
      ag.legend.render();
      nodeView.refresh();
      edgeView.refresh();
      ag.tables.render();
    }
    state.selected = id;
    network.selectNodes([id], false);
    highlight(id);
    ag.panel.showActor(id);
    ag.tables.markRow(id);
    if (focus) {
      network.focus(id, { scale: Math.max(network.getScale(), 0.9), animation: core.BIG ? false : { duration: 300 } });
    }
    ag.fragment.write();
  }

  function clearSelection() {
    var had = state.selected !== null || lit !== null;
    state.selected = null;
    network.unselectAll();
    if (had) { unhighlight(); }
    ag.panel.hide();
    ag.tables.markRow(null);
    ag.fragment.write();
  }

  network.on("click", function (p) {
    if (p.nodes.length) { selectActor(p.nodes[0], false); return; }
    var byLabel = logic.boxAt(window.agLabelBoxes, p.pointer.canvas);
    if (byLabel) { selectActor(byLabel, false); }
    else if (p.edges.length) { ag.panel.showRelation(core.relById.get(p.edges[0])); }
    else { clearSelection(); }
  });

  document.addEventListener("keydown", function (ev) {
    if (ev.key === "Escape" && document.activeElement !== ag.search.input) { clearSelection(); }
  });

  // Apply the filters in state to the map and the tables.
  function refresh() {
    nodeView.refresh();
    edgeView.refresh();
    ag.tables.render();
    if (ag.legend && ag.legend.recount) { ag.legend.recount(); }
    if (state.selected && state.hiddenGroups.has(actors.get(state.selected).group)) { clearSelection(); }
    else if (state.selected) { highlight(state.selected); }
    ag.fragment.write();
  }

  // The map only (the time bar's steps: it renders the tables and writes the #fragment once it stops).
  function refreshMap() {
    nodeView.refresh();
    edgeView.refresh();
    if (state.selected) { highlight(state.selected); }
  }

  ag.network = {
    network: network,
    nodes: nodes,
    edges: edges,
    fitView: fitView,
    selectActor: selectActor,
    clearSelection: clearSelection,
    refresh: refresh,
    nodeView: nodeView,
    edgeView: edgeView,
    refreshMap: refreshMap
  };
  if (overview) { overview.attach(ag.network); }
}(actorgraph));
