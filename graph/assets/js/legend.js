/* legend: actor groups (colour and shape) and relation kinds (line), each a filter. */

(function (ag) {
  "use strict";
  var core = ag.core, DATA = core.DATA, state = core.state, el = core.el;
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
      var li = legendItem(g.key || "(none)", g.count, !state.hiddenGroups.has(g.key), core.shapeIcon(g.shape, g.color),
        function (on) {
          if (on) { state.hiddenGroups.delete(g.key); } else { state.hiddenGroups.add(g.key); }
          ag.network.refresh();
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
      marker.style.borderTopStyle = k.style;
      marker.style.color = k.color;
      var li = legendItem(k.label + (k.directed ? " \u2192" : ""), k.count, !state.hiddenKinds.has(k.name), marker,
        function (on) {
          if (on) { state.hiddenKinds.delete(k.name); } else { state.hiddenKinds.add(k.name); }
          ag.network.refresh();
        });
      li.dataset.kind = k.name;
      ul2.appendChild(li);
    });
    legend.appendChild(ul2);
    if (DATA.statuses.length > 1) {
      legend.appendChild(el("h3", "", "Status of ties"));
      var ul3 = el("ul", "ag-legend-list");
      ul3.id = "ag-legend-status";
      DATA.statuses.forEach(function (s) {
        var marker = el("span", "ag-line ag-status-" + s.name);
        var li = legendItem(s.name, s.count, state.shownStatus.has(s.name), marker, function (on) {
          if (on) { state.shownStatus.add(s.name); } else { state.shownStatus.delete(s.name); }
          ag.network.refresh();
        });
        li.dataset.status = s.name;
        ul3.appendChild(li);
      });
      legend.appendChild(ul3);
    }
    if (DATA.grades.graded) {
      legend.appendChild(el("h3", "", "Evidence grade"));
      var label = el("label", "ag-grade-filter");
      label.appendChild(el("span", "", "Show ties graded "));
      var select = el("select");
      select.id = "ag-min-grade";
      var any = el("option", "", "any grade");
      any.value = "";
      select.appendChild(any);
      DATA.grades.levels.forEach(function (code) {
        var o = el("option", "", code + " or better");
        o.value = code;
        select.appendChild(o);
      });
      select.value = state.minGrade;
      select.addEventListener("change", function () { state.minGrade = select.value; ag.network.refresh(); });
      label.appendChild(select);
      legend.appendChild(label);
      legend.appendChild(el("p", "ag-scale", DATA.grades.scale));
    }
    legend.appendChild(el("p", "ag-size-note", DATA.sizeBy === "none" ? "All dots the same size." :
      "Dot and label size: " + DATA.sizeBy + " (" + (DATA.measureHelp[DATA.sizeBy] || "") + ")."));
  }

  ag.legend = { render: renderLegend };
}(actorgraph));
