/* polarity: with hostile kinds, the legend's relations grouped under cooperation, hostility and other, each
   group hidden or shown at once by its own check box; actors coloured by camp, the legend says "Camps".
   Only in pages of data sets with hostile kinds or coloured by camp; the pure part (kindGroups,
   groupState, toggleGroup) also serves Node's tests. */

(function (out) {
  "use strict";

  // The legend's groups in order, each with its kinds (in the data's order); empty groups left out.
  function kindGroups(groups, kinds) {
    return groups.map(function (g) {
      return { key: g.key, kinds: kinds.filter(function (k) { return k.group === g.key; }) };
    }).filter(function (g) { return g.kinds.length > 0; });
  }

  // "all" when every kind of the group is shown, "none" when every one is hidden, else "some".
  function groupState(kinds, hidden) {
    var off = kinds.filter(function (k) { return hidden.has(k.name); }).length;
    return off === 0 ? "all" : off === kinds.length ? "none" : "some";
  }

  // What a click on a group's box does: show every kind of a group not wholly shown, else hide them all.
  function toggleGroup(kinds, hidden) {
    var show = groupState(kinds, hidden) !== "all";
    kinds.forEach(function (k) { if (show) { hidden.delete(k.name); } else { hidden.add(k.name); } });
    return show;
  }

  out.kindGroups = kindGroups;
  out.groupState = groupState;
  out.toggleGroup = toggleGroup;
}(typeof module !== "undefined" ? module.exports : (actorgraph.polarity = {})));

(function (ag) {
  "use strict";
  if (!ag) { return; }  // under Node: the pure part only
  var core = ag.core, DATA = core.DATA, state = core.state, el = core.el, polarity = ag.polarity;
  var SVG = "http:" + "//www.w3.org/2000/svg";
  var DASHES = { solid: "", dashed: "5 3", dotted: "1.5 3", dashdot: "7 3 1.5 3" };
  var GROUP_TITLES = { cooperation: "Cooperation", hostility: "Hostility", other: "Other" };
  var plainRender = ag.legend.render;

  // A legend line as the map draws it: colour, pattern, and an arrowhead or a bar at its end.
  function lineIcon(k) {
    var svg = document.createElementNS(SVG, "svg");
    svg.setAttribute("width", "30");
    svg.setAttribute("height", "12");
    svg.setAttribute("class", "ag-kind-line");
    svg.style.flex = "0 0 auto";
    var line = document.createElementNS(SVG, "line");
    [["x1", "1"], ["y1", "6"], ["x2", k.head ? "24" : "29"], ["y2", "6"], ["stroke", k.color], ["stroke-width", "2.5"],
      ["stroke-dasharray", DASHES[k.style] || ""]].forEach(function (a) { line.setAttribute(a[0], a[1]); });
    svg.appendChild(line);
    if (k.head) {
      var head = document.createElementNS(SVG, k.head === "bar" ? "line" : "polygon");
      var attrs = k.head === "bar" ? [["x1", "26"], ["y1", "1"], ["x2", "26"], ["y2", "11"], ["stroke", k.color],
        ["stroke-width", "3"]] : [["points", "23,1.5 29.5,6 23,10.5"], ["fill", k.color]];
      attrs.forEach(function (a) { head.setAttribute(a[0], a[1]); });
      svg.appendChild(head);
    }
    return svg;
  }

  function render() {
    plainRender();
    if (DATA.groupLabel === "camp") {
      var groupsList = document.getElementById("ag-legend-groups");
      if (groupsList && groupsList.previousSibling) { groupsList.previousSibling.textContent = "Camps"; }
    }
    if (!DATA.kindGroups) { return; }
    var list = document.getElementById("ag-legend-kinds");
    var items = new Map();
    Array.prototype.forEach.call(list.querySelectorAll("li"), function (li) { items.set(li.dataset.kind, li); });
    list.textContent = "";
    polarity.kindGroups(DATA.kindGroups, DATA.kinds).forEach(function (g) {
      var head = el("li", "ag-kind-group");
      head.dataset.kindGroup = g.key;
      var label = el("label");
      var box = el("input");
      box.type = "checkbox";
      function mark() {  // the group's box: checked when all are shown, half when some are
        var now = polarity.groupState(g.kinds, state.hiddenKinds);
        box.checked = now !== "none";
        box.indeterminate = now === "some";
      }
      mark();
      box.setAttribute("aria-label", "Show or hide every " + g.key + " tie");
      box.addEventListener("change", function () {
        polarity.toggleGroup(g.kinds, state.hiddenKinds);
        render();
        ag.network.refresh();
      });
      label.appendChild(box);
      var title = el("strong", "ag-legend-text", GROUP_TITLES[g.key] || g.key);
      label.appendChild(title);
      label.appendChild(el("span", "ag-count", g.kinds.reduce(function (n, k) { return n + k.count; }, 0)));
      head.appendChild(label);
      var sub = el("ul", "ag-legend-list");
      sub.style.paddingLeft = "1.1rem";
      g.kinds.forEach(function (k) {
        var li = items.get(k.name);
        if (!li) { return; }
        var old = li.querySelector(".ag-line");
        if (old) { old.replaceWith(lineIcon(k)); }
        li.querySelector(".ag-legend-text").textContent = k.label + k.mark;
        li.querySelector("input").addEventListener("change", mark);  // after the legend's own handler
        sub.appendChild(li);
      });
      head.appendChild(sub);
      list.appendChild(head);
    });
    ag.legend.recount();  // the groups' counts as the filters now are
  }

  ag.legend.render = render;
}(typeof module !== "undefined" ? null : actorgraph));
