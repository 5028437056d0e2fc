/* network: the vis-network drawing, labels drawn by the page beside each dot, fitting, selection. */

var nodes = new vis.DataSet(DATA.nodes.map(function (n) {
  return Object.assign({}, n, { title: nodeTitle(n.id), baseColor: n.color });
}));
var edges = new vis.DataSet(DATA.edges.map(function (e) {
  return Object.assign({}, e, { title: edgeTitle(relById.get(e.id)), baseColor: e.color });
}));
var nodeView = new vis.DataView(nodes, {
  filter: function (n) { return !state.hiddenGroups.has(n.group); }
});
var edgeView = new vis.DataView(edges, {
  filter: function (e) { return relationShown(relById.get(e.id)); }
});
var container = document.getElementById("mynetwork");
var network = new vis.Network(container, { nodes: nodeView, edges: edgeView }, DATA.options);
window.network = network;
window.agData = DATA;

// ---- labels ------------------------------------------------------------------------------------
// Main labels have a place beside their dot chosen by the layout and a size that zooms with the map.
// Minor labels keep a fixed screen size and show from the zoom at which they collide with nothing.
// agLabelBoxes holds what was drawn, in page coordinates.
var FONT_FACE = DATA.fontFamily;
var LABEL_COLOR = "#1f2328", DIM_LABEL = "#c4c8cc";
var lit = null;  // ids kept bright around a selection, or null
window.agLabelBoxes = new Map();

function placeBox(place, r, w, h, gap) {
  var g = r + gap, d = DATA.labelDiagonal * r + gap;
  switch (place) {
    case "below": return [-w / 2, g, w / 2, g + h];
    case "right": return [g, -h / 2, g + w, h / 2];
    case "above": return [-w / 2, -g - h, w / 2, -g];
    case "left": return [-g - w, -h / 2, -g, h / 2];
    case "below-right": return [d, d, d + w, d + h];
    case "above-right": return [d, -d - h, d + w, -d];
    case "above-left": return [-d - w, -d - h, -d, -d];
    default: return [-d - w, d, -d, d + h];
  }
}

// The label's font (page px) and box (relative to its dot) at a zoom, or null when it does not show.
function labelGeometry(L, node, scale) {
  if (L.major) { return { font: L.font, box: L.box }; }
  if (L.zoom === null || scale < L.zoom * 0.999) { return null; }
  return { font: DATA.minorFont / scale,
    box: placeBox(L.place, node.options.size, L.w / scale, L.h / scale, DATA.labelGap / scale) };
}

function drawLabels(ctx) {
  var scale = network.getScale();
  var drawn = new Map();
  ctx.save();
  ctx.lineJoin = "round";
  ctx.textBaseline = "top";
  nodeView.getIds().forEach(function (id) {
    var L = labels.get(id), node = network.body.nodes[id];
    if (!L || !node) { return; }
    var geo = labelGeometry(L, node, scale);
    if (!geo) { return; }
    var x0 = node.x + geo.box[0], y0 = node.y + geo.box[1], x1 = node.x + geo.box[2];
    var font = geo.font, pitch = font * DATA.lineHeight;
    ctx.font = font + "px " + FONT_FACE;
    ctx.textAlign = L.align;
    var ax = L.align === "left" ? x0 + 2 / scale : L.align === "right" ? x1 - 2 / scale : (x0 + x1) / 2;
    var widest = 0;
    ctx.lineWidth = Math.max(2.5 / scale, font * 0.22);
    ctx.strokeStyle = "rgba(255,255,255,0.92)";
    ctx.fillStyle = lit && !lit.has(id) ? DIM_LABEL : LABEL_COLOR;
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

function labelAt(point) {
  var found = null;
  window.agLabelBoxes.forEach(function (b, id) {
    if (point.x >= b[0] && point.x <= b[2] && point.y >= b[1] && point.y <= b[3]) { found = id; }
  });
  return found;
}

// ---- fitting: dots and the labels beside them ---------------------------------------------------
function viewScale(ids, scale) {
  var lo = [Infinity, Infinity], hi = [-Infinity, -Infinity];
  function take(x0, y0, x1, y1) {
    lo[0] = Math.min(lo[0], x0); lo[1] = Math.min(lo[1], y0);
    hi[0] = Math.max(hi[0], x1); hi[1] = Math.max(hi[1], y1);
  }
  ids.forEach(function (id) {
    var node = network.body.nodes[id], L = labels.get(id), r = node.options.size;
    take(node.x - r, node.y - r, node.x + r, node.y + r);
    var geo = L && scale ? labelGeometry(L, node, scale) : L && L.major ? labelGeometry(L, node, 1) : null;
    if (geo) { take(node.x + geo.box[0], node.y + geo.box[1], node.x + geo.box[2], node.y + geo.box[3]); }
  });
  var w = container.clientWidth, h = container.clientHeight;
  return { centre: { x: (lo[0] + hi[0]) / 2, y: (lo[1] + hi[1]) / 2 },
    scale: Math.min(w / (DATA.fitMargin * Math.max(hi[0] - lo[0], 1)),
      h / (DATA.fitMargin * Math.max(hi[1] - lo[1], 1)), DATA.maxFitScale) };
}

function fitView(animate) {
  var ids = nodeView.getIds();
  if (!ids.length) { return; }
  var view = viewScale(ids, 0);
  for (var i = 0; i < 3; i++) { view = viewScale(ids, view.scale); }  // minor labels that show at that zoom
  network.moveTo({ position: view.centre, scale: view.scale, animation: animate && !BIG ? { duration: 250 } : false });
}

document.getElementById("ag-fit").addEventListener("click", function () { fitView(true); });

// ---- highlight and selection ---------------------------------------------------------------------
var DIM_NODE = "rgba(200,200,200,0.35)";
var DIM_EDGE = "rgba(200,200,200,0.3)";

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
  if (BIG) { return; }
  nodes.update(nodes.get().map(function (n) { return { id: n.id, color: n.baseColor }; }));
  edges.update(edges.get().map(function (e) { return { id: e.id, color: e.baseColor }; }));
}

function selectActor(id, focus) {
  if (!actors.has(id)) { return; }
  if (state.hiddenGroups.has(actors.get(id).group)) {
    state.hiddenGroups.delete(actors.get(id).group);
    renderLegend();
    nodeView.refresh();
    edgeView.refresh();
    renderTables();
  }
  state.selected = id;
  network.selectNodes([id], false);
  highlight(id);
  showActor(id);
  markRow(id);
  if (focus) {
    network.focus(id, { scale: Math.max(network.getScale(), 0.9), animation: BIG ? false : { duration: 300 } });
  }
  writeHash();
}

function clearSelection() {
  var had = state.selected !== null || lit !== null;
  state.selected = null;
  network.unselectAll();
  if (had) { unhighlight(); }
  panel.hidden = true;
  panel.textContent = "";
  markRow(null);
  writeHash();
}

network.on("click", function (p) {
  if (p.nodes.length) { selectActor(p.nodes[0], false); return; }
  var byLabel = labelAt(p.pointer.canvas);
  if (byLabel) { selectActor(byLabel, false); }
  else if (p.edges.length) { showRelation(relById.get(p.edges[0])); }
  else { clearSelection(); }
});

document.addEventListener("keydown", function (ev) {
  if (ev.key === "Escape" && document.activeElement !== input) { clearSelection(); }
});

function refresh() {
  nodeView.refresh();
  edgeView.refresh();
  renderTables();
  if (state.selected && state.hiddenGroups.has(actors.get(state.selected).group)) { clearSelection(); }
  else if (state.selected) { highlight(state.selected); }
  writeHash();
}
