/* logic: the page's pure functions, no DOM and no vis-network. Inlined in the page as
   actorgraph.logic; loaded by Node's test runner (tests/js) as a CommonJS module.
   What Python already knows (folded search keys, grade comparisons, label geometry, the fold's
   tables) comes precomputed in the page's data: these functions only apply it. */

(function (logic) {
  "use strict";

  // The fold of what the user types, as Python's graph.data.schema.fold: NFKD, drop the marks
  // Python calls combining, then casefold. `spec` comes from Python: `marks` is the body of a
  // regex class ("\\u{300}-\\u{36f}...") of the combining characters; `case` maps each
  // lower-case letter whose casefold differs from it ("ß": "ss").
  function makeFold(spec) {
    var marks = new RegExp("[" + spec.marks + "]", "gu");
    var table = spec.case;
    var special = new RegExp("[" + Object.keys(table).map(function (c) {
      return "\\u{" + c.codePointAt(0).toString(16) + "}";
    }).join("") + "]", "gu");
    return function fold(text) {
      return String(text).normalize("NFKD").replace(marks, "").toLowerCase()
        .replace(special, function (c) { return table[c]; });
    };
  }

  // A string from the data set, put among other words of a line: wrapped in a first-strong isolate
  // (U+2068 ... U+2069) when it holds a bidirectional control or right-to-left letters, so that an
  // override (U+202E) or an Arabic name turns only itself round, never the rest of the line
  // ("NAME -trains-> OTHER"). Other strings stay as they are.
  var BIDI = /[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/;
  function isolate(text) {
    text = String(text);
    return BIDI.test(text) ? "\u2068" + text + "\u2069" : text;
  }

  // How well a folded query matches one folded key: 0 the whole key, 1 its start, 2 a word's
  // start, 3 anywhere; -1 not at all.
  function matchScore(key, q) {
    var at = key.indexOf(q);
    if (at < 0) { return -1; }
    return key === q ? 0 : at === 0 ? 1 : /[\s\-_(']/.test(key.charAt(at - 1)) ? 2 : 3;
  }

  // The ids of the best matches of a folded query among [{id, keys}] (keys[0]: the folded name),
  // best score first, then by folded name, then id.
  function search(index, q, limit) {
    if (!q) { return []; }
    var hits = [];
    index.forEach(function (item) {
      var best = 9;
      item.keys.forEach(function (k) {
        var s = matchScore(k, q);
        if (s >= 0 && s < best) { best = s; }
      });
      if (best < 9) { hits.push([best, item.keys[0], item.id]); }
    });
    hits.sort(function (a, b) { return a[0] - b[0] || compareText(a[1], b[1]) || compareText(a[2], b[2]); });
    return hits.slice(0, limit).map(function (h) { return h[2]; });
  }

  function compareText(a, b) { return a < b ? -1 : a > b ? 1 : 0; }

  // Whether a grade code meets a minimum: `meets` maps each code of the data to the minimums it
  // meets, as Python's graph.analysis.grades.meets decided. No minimum: everything meets it.
  function meetsGrade(code, minimum, meets) {
    if (!minimum) { return true; }
    var met = Object.prototype.hasOwnProperty.call(meets, code) ? meets[code] : [];
    return met.indexOf(minimum) >= 0;
  }

  // A label's font and box (relative to its dot, page px) at a zoom, or null when it does not show.
  // Main labels: fixed. Minor labels keep their screen size: box = near + far / scale.
  function labelGeometry(label, scale, minorFont) {
    if (label.major) { return { font: label.font, box: label.box }; }
    if (label.zoom === null || scale < label.zoom * 0.999) { return null; }
    return { font: minorFont / scale, box: label.near.map(function (v, i) { return v + label.far[i] / scale; }) };
  }

  // The id whose box [x0, y0, x1, y1] holds the point (the last one drawn wins), or null.
  function boxAt(boxes, point) {
    var found = null;
    boxes.forEach(function (b, id) {
      if (point.x >= b[0] && point.x <= b[2] && point.y >= b[1] && point.y <= b[3]) { found = id; }
    });
    return found;
  }

  // The centre and zoom that show the bounds [x0, y0, x1, y1] in a w x h view, with a margin.
  function fitBounds(bounds, w, h, margin, maxScale) {
    return { centre: { x: (bounds[0] + bounds[2]) / 2, y: (bounds[1] + bounds[3]) / 2 },
      scale: Math.min(w / (margin * Math.max(bounds[2] - bounds[0], 1)),
        h / (margin * Math.max(bounds[3] - bounds[1], 1)), maxScale) };
  }

  // fitBounds for boxes [x0, y0, x1, y1], keeping them clear of rectangles [x0, y0, x1, y1] over the
  // view, in its px (the map's buttons and notes): the smallest shift that clears them, else a little
  // less zoom (down to 0.8 of the fit), else the fewest boxes under them. `pad`: px kept from the view's
  // edges and round the rectangles.
  function fitClear(boxes, w, h, margin, maxScale, covers, pad) {
    var b = [Infinity, Infinity, -Infinity, -Infinity];
    boxes.forEach(function (x) {
      b = [Math.min(b[0], x[0]), Math.min(b[1], x[1]), Math.max(b[2], x[2]), Math.max(b[3], x[3])];
    });
    var view = fitBounds(b, w, h, margin, maxScale);
    covers = (covers || []).filter(function (c) { return c[2] > c[0] && c[3] > c[1]; });
    if (!covers.length || !boxes.length) { return view; }
    function under(cx, cy, s) {
      var count = 0;
      boxes.forEach(function (x) {
        var x0 = (x[0] - cx) * s + w / 2, y0 = (x[1] - cy) * s + h / 2;
        var x1 = (x[2] - cx) * s + w / 2, y1 = (x[3] - cy) * s + h / 2;
        if (covers.some(function (c) { return x1 > c[0] - pad && x0 < c[2] + pad && y1 > c[1] - pad && y0 < c[3] + pad; })) {
          count++;
        }
      });
      return count;
    }
    var best = { centre: view.centre, scale: view.scale, under: under(view.centre.x, view.centre.y, view.scale) };
    for (var k = 0; k <= 8 && best.under; k++) {
      var s = view.scale * (1 - 0.025 * k);
      // the centres that keep every box in view (the fit's own if none does)
      var x0 = Math.min(view.centre.x, b[2] - (w / 2 - pad) / s), x1 = Math.max(view.centre.x, b[0] + (w / 2 - pad) / s);
      var y0 = Math.min(view.centre.y, b[3] - (h / 2 - pad) / s), y1 = Math.max(view.centre.y, b[1] + (h / 2 - pad) / s);
      var tries = [];
      for (var i = 0; i <= 12; i++) {
        for (var j = 0; j <= 12; j++) {
          var cx = x0 + (x1 - x0) * i / 12, cy = y0 + (y1 - y0) * j / 12;
          tries.push([cx, cy, Math.hypot(cx - view.centre.x, cy - view.centre.y)]);
        }
      }
      tries.push([view.centre.x, view.centre.y, -1]);
      tries.sort(function (p, q) { return p[2] - q[2]; });
      for (var t = 0; t < tries.length; t++) {
        var n = under(tries[t][0], tries[t][1], s);
        if (n < best.under) { best = { centre: { x: tries[t][0], y: tries[t][1] }, scale: s, under: n }; }
        if (!n) { break; }
      }
    }
    return { centre: best.centre, scale: best.scale };
  }

  // The view in the address's #fragment: actor, hidden groups and kinds, statuses, minimum grade; the
  // time bar's date (as-of, see timeline.parseAsOf) and flags (time=known).
  function parseFragment(hash) {
    var found = { actor: null, hide: [], kinds: [], status: null, minGrade: "" };  // asOf and time when given
    String(hash).replace(/^#/, "").split("&").forEach(function (part) {
      var eq = part.indexOf("=");
      if (eq < 0) { return; }
      var key = part.slice(0, eq);
      var values = part.slice(eq + 1).split(",").filter(Boolean).map(function (v) {
        try { return decodeURIComponent(v); } catch (err) { return v; }
      });
      if (key === "actor") { found.actor = values[0] || null; }
      if (key === "hide") { found.hide = values; }
      if (key === "hide-relations") { found.kinds = values; }
      if (key === "status") { found.status = values; }
      if (key === "min-grade") { found.minGrade = values[0] || ""; }
      if (key === "as-of") { found.asOf = values[0] || null; }
      if (key === "time") { found.time = values; }
    });
    return found;
  }

  // The #fragment for a view ({selected, hiddenGroups, hiddenKinds, shownStatus, minGrade, asOf,
  // timeFlags}: Sets, strings and a list); "" for the default view. parseFragment reads it back.
  function formatFragment(view) {
    var parts = [];
    var list = function (set) { return Array.from(set).sort().map(encodeURIComponent).join(","); };
    if (view.selected) { parts.push("actor=" + encodeURIComponent(view.selected)); }
    if (view.hiddenGroups.size) { parts.push("hide=" + list(view.hiddenGroups)); }
    if (view.hiddenKinds.size) { parts.push("hide-relations=" + list(view.hiddenKinds)); }
    var status = Array.from(view.shownStatus);
    if (status.length !== 1 || status[0] !== "actual") { parts.push("status=" + list(view.shownStatus)); }
    if (view.minGrade) { parts.push("min-grade=" + encodeURIComponent(view.minGrade)); }
    if (view.asOf) { parts.push("as-of=" + encodeURIComponent(view.asOf)); }  // the time bar's date
    if (view.timeFlags && view.timeFlags.length) { parts.push("time=" + view.timeFlags.join(",")); }
    return parts.length ? "#" + parts.join("&") : "";
  }

  // A relation's dates in words.
  function dates(r) {
    if (r.since && r.until) { return r.since + " to " + r.until; }
    if (r.since) { return "since " + r.since; }
    if (r.until) { return "until " + r.until; }
    return "";
  }

  function formatValue(v) { return v === null || v === undefined ? "n/a" : Number(v).toFixed(3); }

  // Table cells: blanks last whichever the direction, text by locale, numbers by value.
  function compareCells(a, b, desc) {
    var blank = function (v) { return v === null || v === undefined || v === ""; };
    if (blank(a)) { return blank(b) ? 0 : 1; }
    if (blank(b)) { return -1; }
    var c = typeof a === "string" ? a.localeCompare(b) : a - b;
    return desc ? -c : c;
  }

  // The polygon of a vis-network shape in a 16 x 16 icon ("x,y x,y ..."), or null for a circle.
  function shapePoints(shape, s) {
    var ring = function (count, radius) {
      return Array.from({ length: count }, function (_, i) {
        var a = -Math.PI / 2 + 2 * Math.PI / count * i;
        return [radius(i) * Math.cos(a), radius(i) * Math.sin(a)];
      });
    };
    var poly = {
      square: [[-s * 0.85, -s * 0.85], [s * 0.85, -s * 0.85], [s * 0.85, s * 0.85], [-s * 0.85, s * 0.85]],
      diamond: [[0, -s], [s, 0], [0, s], [-s, 0]],
      triangle: [[0, -s], [s, s * 0.75], [-s, s * 0.75]],
      triangleDown: [[0, s], [s, -s * 0.75], [-s, -s * 0.75]],
      hexagon: [0, 1, 2, 3, 4, 5].map(function (i) { var a = Math.PI / 3 * i; return [s * Math.cos(a), s * Math.sin(a)]; }),
      star: ring(10, function (i) { return i % 2 ? s * 0.45 : s; })
    }[shape];
    return poly ? poly.map(function (p) { return p[0].toFixed(2) + "," + p[1].toFixed(2); }).join(" ") : null;
  }

  logic.makeFold = makeFold;
  logic.isolate = isolate;
  logic.matchScore = matchScore;
  logic.search = search;
  logic.meetsGrade = meetsGrade;
  logic.labelGeometry = labelGeometry;
  logic.boxAt = boxAt;
  logic.fitBounds = fitBounds;
  logic.fitClear = fitClear;
  logic.parseFragment = parseFragment;
  logic.formatFragment = formatFragment;
  logic.dates = dates;
  logic.formatValue = formatValue;
  logic.compareCells = compareCells;
  logic.shapePoints = shapePoints;
}(typeof module !== "undefined" ? module.exports : (actorgraph.logic = {})));
