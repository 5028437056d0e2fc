/* core: the page's data as Maps (names from the data never touch Object.prototype), shared state, helpers.
   Every string from the data reaches the page through textContent, canvas text or vis-network's
   innerText tooltips, never as HTML. */

(function (ag) {
  "use strict";
  var logic = ag.logic;
  var DATA = JSON.parse(document.getElementById("ag-data").textContent);

  function toMap(object) {
    return new Map(Object.keys(object).map(function (k) { return [k, object[k]]; }));
  }

  var actors = toMap(DATA.actors);
  var relationsOf = new Map();
  actors.forEach(function (_, id) { relationsOf.set(id, []); });
  DATA.relations.forEach(function (r) {
    relationsOf.get(r.source).push(r);
    relationsOf.get(r.target).push(r);
  });

  var state = { hiddenGroups: new Set(), hiddenKinds: new Set(), selected: null, minGrade: "", timeTest: null,
    faded: new Set(), asOf: null, timeFlags: [],
    shownStatus: new Set(DATA.statuses.filter(function (s) { return s.shown; }).map(function (s) { return s.name; })) };
  var STATUS_WORDS = { planned: "planned (not yet there)", recommended: "recommended by the source (not there)" };

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) { node.className = className; }
    if (text !== undefined && text !== null) { node.textContent = String(text); }
    return node;
  }

  function nameOf(id) { return actors.has(id) ? actors.get(id).name : id; }

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

  // Shown by the legend's filters and, with a time bar, in force at its date (state.timeTest, timebar.js).
  function relationShown(r) {
    return relationFiltered(r) && (!state.timeTest || state.timeTest(r));
  }

  function relationFiltered(r) {
    return !state.hiddenKinds.has(r.kind) && state.shownStatus.has(r.status) &&
      logic.meetsGrade(r.grade, state.minGrade, DATA.grades.meets) &&
      !state.hiddenGroups.has(actors.get(r.source).group) && !state.hiddenGroups.has(actors.get(r.target).group);
  }

  function relationHeadline(r) {
    var k = core.kinds.get(r.kind);
    var mid = k.directed ? " \u2014" + k.label + "\u2192 " : " \u2014 " + k.label + " \u2014 ";
    return logic.isolate(nameOf(r.source)) + mid + logic.isolate(nameOf(r.target));
  }

  function nodeTitle(id) {
    var a = actors.get(id);
    var lines = [a.name, a.type];
    if (a.description) { lines.push(a.description); }
    if (a.aliases.length) { lines.push("Also known as: " + a.aliases.map(logic.isolate).join(", ")); }
    a.extra.forEach(function (kv) { lines.push(logic.isolate(kv[0]) + ": " + logic.isolate(kv[1])); });
    return lines.join("\n");
  }

  function edgeTitle(r) {
    var lines = [relationHeadline(r)];
    if (r.evidence) { lines.push("Evidence: " + r.evidence); }
    if (r.note) { lines.push("Note: " + r.note); }
    if (r.confidence) { lines.push("Confidence: " + r.confidence); }
    if (r.grade) { lines.push("Grade: " + gradeWords(r.grade)); }
    if (r.sources.length) { lines.push("Sources: " + sourceNames(r).map(logic.isolate).join("; ")); }
    if (r.status !== "actual") { lines.push("Status: " + STATUS_WORDS[r.status]); }
    var d = logic.dates(r);
    if (d) { lines.push("Valid: " + d); }
    r.extra.forEach(function (kv) { lines.push(logic.isolate(kv[0]) + ": " + logic.isolate(kv[1])); });
    return lines.join("\n");
  }

  // A small inline SVG of a node shape, for the legend and the panel.
  var SVG = "http:\/\/www.w3.org/2000/svg";

  function shapeIcon(shape, color) {
    var svg = document.createElementNS(SVG, "svg");
    svg.setAttribute("viewBox", "-8 -8 16 16");
    svg.setAttribute("class", "ag-shape");
    svg.setAttribute("aria-hidden", "true");
    var points = logic.shapePoints(shape, 6.5), item;
    if (points) {
      item = document.createElementNS(SVG, "polygon");
      item.setAttribute("points", points);
    } else {
      item = document.createElementNS(SVG, "circle");
      item.setAttribute("r", String(6.5 * 0.9));
    }
    item.setAttribute("fill", color);
    item.setAttribute("stroke", "rgba(0,0,0,0.45)");
    item.setAttribute("stroke-width", "1");
    svg.appendChild(item);
    return svg;
  }

  var core = ag.core = {
    DATA: DATA,
    actors: actors,
    labels: toMap(DATA.labels),
    kinds: new Map(DATA.kinds.map(function (k) { return [k.name, k]; })),
    groupStyle: new Map(DATA.groups.map(function (g) { return [g.key, g]; })),
    relById: new Map(DATA.relations.map(function (r) { return [r.id, r]; })),
    relationsOf: relationsOf,
    state: state,
    STATUS_WORDS: STATUS_WORDS,
    // Recolouring every item costs a redraw per change in software-rendered canvases: on large or
    // dense graphs (Python decides which) the selection is shown by vis-network's own highlight.
    BIG: DATA.big,
    fold: logic.makeFold(DATA.fold),
    el: el,
    nameOf: nameOf,
    gradeWords: gradeWords,
    sourceNames: sourceNames,
    relationShown: relationShown,
    relationFiltered: relationFiltered,
    relationHeadline: relationHeadline,
    nodeTitle: nodeTitle,
    edgeTitle: edgeTitle,
    shapeIcon: shapeIcon
  };
  window.agData = DATA;  // for the console and the browser tests, as window.network
}(actorgraph));
