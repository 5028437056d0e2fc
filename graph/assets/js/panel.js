/* panel: the selected actor or relation, with links to the actors around it. */

(function (ag) {
  "use strict";
  var logic = ag.logic, core = ag.core, DATA = core.DATA;
  var el = core.el, nameOf = core.nameOf;
  var panel = document.getElementById("ag-panel");

  function actorButton(id) {
    var b = el("button", "ag-link", nameOf(id));
    b.type = "button";
    b.addEventListener("click", function () { ag.network.selectActor(id, true); });
    return b;
  }

  function closeButton() {
    var b = el("button", "ag-close", "\u00d7");
    b.type = "button";
    b.setAttribute("aria-label", "Close");
    b.addEventListener("click", function () { ag.network.clearSelection(); });
    return b;
  }

  function relationMeta(r, into) {
    var bits = [r.status !== "actual" ? r.status : "", r.evidence, r.confidence, r.grade ? "grade " + r.grade : "",
      logic.dates(r)].filter(Boolean);
    if (bits.length) { into.appendChild(el("div", "ag-meta", bits.map(logic.isolate).join(" \u00b7 "))); }
    if (r.note) { into.appendChild(el("div", "ag-note", r.note)); }
    r.extra.forEach(function (kv) { into.appendChild(el("div", "ag-meta", kv[0] + ": " + kv[1])); });
  }

  function showActor(id) {
    var a = core.actors.get(id);
    var style = core.groupStyle.get(a.group);
    panel.textContent = "";
    panel.appendChild(closeButton());
    panel.appendChild(el("h2", "ag-panel-name", a.name));
    var type = el("p", "ag-panel-type");
    if (style) { type.appendChild(core.shapeIcon(style.shape, style.color)); }
    type.appendChild(document.createTextNode(a.type + (a.group !== a.type ? " \u00b7 " + a.group : "")));
    panel.appendChild(type);
    panel.appendChild(el("p", "ag-panel-id", "id: " + id));
    if (a.description) { panel.appendChild(el("p", "ag-panel-desc", a.description)); }
    if (a.aliases.length) { panel.appendChild(el("p", "ag-panel-aliases", "Also known as: " + a.aliases.map(logic.isolate).join(", "))); }
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
        var th = el("th", "", m);
        th.title = DATA.measureHelp[m] || "";
        tr.appendChild(th);
        tr.appendChild(el("td", "", logic.formatValue(a.values[m])));
        t.appendChild(tr);
      });
      panel.appendChild(t);
    }
    var rels = core.relationsOf.get(id);
    panel.appendChild(el("h3", "", "Relations (" + rels.length + ")"));
    DATA.kinds.forEach(function (k) {
      var ways = k.directed ? [["out", k.label], ["in", k.inverse]] : [["both", k.label]];
      ways.forEach(function (w) {
        var list = rels.filter(function (r) {
          return r.kind === k.name && (w[0] === "both" || (w[0] === "out") === (r.source === id));
        });
        if (!list.length) { return; }
        var h = el("h4", "ag-rel-head", w[1] + " (" + list.length + ")");
        h.style.borderLeftColor = k.color;
        panel.appendChild(h);
        var ul = el("ul", "ag-rels");
        list.forEach(function (r) {
          var li = el("li");
          li.appendChild(actorButton(r.source === id ? r.target : r.source));
          relationMeta(r, li);
          ul.appendChild(li);
        });
        panel.appendChild(ul);
      });
    });
    panel.hidden = false;
    panel.scrollTop = 0;
  }

  function showRelation(r) {
    if (!r) { return; }
    ag.network.clearSelection();
    panel.textContent = "";
    panel.appendChild(closeButton());
    panel.appendChild(el("h2", "ag-panel-name", core.relationHeadline(r)));
    var p = el("p", "ag-panel-type");
    p.appendChild(actorButton(r.source));
    p.appendChild(document.createTextNode(" " + core.kinds.get(r.kind).label + " "));
    p.appendChild(actorButton(r.target));
    panel.appendChild(p);
    if (r.status !== "actual") { panel.appendChild(el("p", "ag-status", "Status: " + core.STATUS_WORDS[r.status])); }
    if (r.grade) { panel.appendChild(el("p", "ag-grade", "Grade: " + core.gradeWords(r.grade))); }
    if (r.sources.length) {
      panel.appendChild(el("p", "ag-sources", (r.sources.length > 1 ? "Sources (corroborated): " : "Source: ") +
        core.sourceNames(r).map(logic.isolate).join("; ")));
    }
    relationMeta(r, panel);
    panel.hidden = false;
  }

  function hide() {
    panel.hidden = true;
    panel.textContent = "";
  }

  ag.panel = { showActor: showActor, showRelation: showRelation, hide: hide };
}(actorgraph));
