/* core: the page's data as Maps (names from the data never touch Object.prototype), shared state, helpers.
   Every string from the data reaches the page through textContent, canvas text or vis-network's
   innerText tooltips, never as HTML. */

var DATA = JSON.parse(document.getElementById("ag-data").textContent);

function toMap(object) {
  return new Map(Object.keys(object).map(function (k) { return [k, object[k]]; }));
}

var actors = toMap(DATA.actors);
var labels = toMap(DATA.labels);
var kinds = new Map(DATA.kinds.map(function (k) { return [k.name, k]; }));
var groupStyle = new Map(DATA.groups.map(function (g) { return [g.key, g]; }));
var relById = new Map(DATA.relations.map(function (r) { return [r.id, r]; }));
var relationsOf = new Map();
actors.forEach(function (_, id) { relationsOf.set(id, []); });
DATA.relations.forEach(function (r) {
  relationsOf.get(r.source).push(r);
  relationsOf.get(r.target).push(r);
});

var state = { hiddenGroups: new Set(), hiddenKinds: new Set(), selected: null, minGrade: "",
  shownStatus: new Set(DATA.statuses.filter(function (s) { return s.shown; }).map(function (s) { return s.name; })) };
var STATUS_WORDS = { planned: "planned (not yet there)", recommended: "recommended by the source (not there)" };
// Recolouring every item costs a redraw per change in software-rendered canvases: on large or
// dense graphs the selection is shown by vis-network's own highlight, without dimming or animation.
var BIG = DATA.nodes.length > 2000 || DATA.edges.length > 4000;

function el(tag, className, text) {
  var node = document.createElement(tag);
  if (className) { node.className = className; }
  if (text !== undefined && text !== null) { node.textContent = String(text); }
  return node;
}

function nameOf(id) { return actors.has(id) ? actors.get(id).name : id; }

function fmt(v) { return v === null || v === undefined ? "n/a" : Number(v).toFixed(3); }

function dates(r) {
  if (r.since && r.until) { return r.since + " to " + r.until; }
  if (r.since) { return "since " + r.since; }
  if (r.until) { return "until " + r.until; }
  return "";
}

// Admiralty grade: reliability A-F then credibility 1-6; F, 6 and no grade fail any minimum.
function meetsGrade(code, minimum) {
  if (!minimum) { return true; }
  if (!code || code.length !== 2 || code[0] === "F" || code[1] === "6") { return false; }
  return code[0] <= minimum[0] && code[1] <= minimum[1];
}

function gradeWords(code) {
  if (!code) { return ""; }
  return code + " (source " + DATA.grades.reliability[code[0]] + "; " + DATA.grades.credibility[code[1]] + ")";
}

function sourceNames(r) {
  return r.sources.map(function (s) {
    var src = DATA.grades.sources[s];
    return src && src.title ? src.title + (src.author ? ", " + src.author : "") : s;
  });
}

function relationShown(r) {
  return !state.hiddenKinds.has(r.kind) && state.shownStatus.has(r.status) && meetsGrade(r.grade, state.minGrade) &&
    !state.hiddenGroups.has(actors.get(r.source).group) && !state.hiddenGroups.has(actors.get(r.target).group);
}

function relationHeadline(r) {
  var k = kinds.get(r.kind);
  var mid = k.directed ? " \u2014" + k.label + "\u2192 " : " \u2014 " + k.label + " \u2014 ";
  return nameOf(r.source) + mid + nameOf(r.target);
}

function nodeTitle(id) {
  var a = actors.get(id);
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
  if (r.grade) { lines.push("Grade: " + gradeWords(r.grade)); }
  if (r.sources.length) { lines.push("Sources: " + sourceNames(r).join("; ")); }
  if (r.status !== "actual") { lines.push("Status: " + STATUS_WORDS[r.status]); }
  var d = dates(r);
  if (d) { lines.push("Valid: " + d); }
  r.extra.forEach(function (kv) { lines.push(kv[0] + ": " + kv[1]); });
  return lines.join("\n");
}

// A small inline SVG of a node shape, for the legend and the panel.
var SVG = "http:\/\/www.w3.org/2000/svg";

function shapeIcon(shape, color) {
  var svg = document.createElementNS(SVG, "svg");
  svg.setAttribute("viewBox", "-8 -8 16 16");
  svg.setAttribute("class", "ag-shape");
  svg.setAttribute("aria-hidden", "true");
  var s = 6.5, item;
  var poly = {
    square: [[-s * 0.85, -s * 0.85], [s * 0.85, -s * 0.85], [s * 0.85, s * 0.85], [-s * 0.85, s * 0.85]],
    diamond: [[0, -s], [s, 0], [0, s], [-s, 0]],
    triangle: [[0, -s], [s, s * 0.75], [-s, s * 0.75]],
    triangleDown: [[0, s], [s, -s * 0.75], [-s, -s * 0.75]],
    hexagon: [0, 1, 2, 3, 4, 5].map(function (i) { var a = Math.PI / 3 * i; return [s * Math.cos(a), s * Math.sin(a)]; }),
    star: [0, 1, 2, 3, 4, 5, 6, 7, 8, 9].map(function (i) {
      var a = -Math.PI / 2 + Math.PI / 5 * i, r = i % 2 ? s * 0.45 : s;
      return [r * Math.cos(a), r * Math.sin(a)];
    })
  }[shape];
  if (poly) {
    item = document.createElementNS(SVG, "polygon");
    item.setAttribute("points", poly.map(function (p) { return p[0].toFixed(2) + "," + p[1].toFixed(2); }).join(" "));
  } else {
    item = document.createElementNS(SVG, "circle");
    item.setAttribute("r", String(s * 0.9));
  }
  item.setAttribute("fill", color);
  item.setAttribute("stroke", "rgba(0,0,0,0.45)");
  item.setAttribute("stroke-width", "1");
  svg.appendChild(item);
  return svg;
}
