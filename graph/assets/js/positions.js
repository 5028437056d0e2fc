/* positions: drag actors, then "Save positions" downloads a positions.csv of where they stand
   (page coordinates, as the data set's positions.csv holds them; `actorgraph layout --from FILE`
   merges it). A file:// page cannot write files: the download is a Blob, nothing is sent. */

(function (ag) {
  "use strict";
  var net = ag.network.network;

  function cell(text) {  // ids are slugs; quote anything else as CSV does
    text = String(text);
    return /[",\r\n]/.test(text) ? '"' + text.replace(/"/g, '""') + '"' : text;
  }

  function number(v) {  // to 0.1 px, as actorgraph writes positions.csv
    var t = (Math.round(v * 10) / 10).toFixed(1);
    if (t.slice(-2) === ".0") { t = t.slice(0, -2); }
    return t === "-0" ? "0" : t;
  }

  // Every actor of the page, in the page's order, where it now stands (hidden ones too).
  function csv() {
    var ids = ag.core.DATA.nodes.map(function (n) { return n.id; });
    var where = net.getPositions(ids);
    var lines = ["id,x,y"];
    ids.forEach(function (id) {
      var p = where[id];
      if (p) { lines.push(cell(id) + "," + number(p.x) + "," + number(p.y)); }
    });
    return lines.join("\n") + "\n";
  }

  function save() {
    var blob = new Blob([csv()], { type: "text/csv;charset=utf-8" });
    var a = document.createElement("a");
    a.href = URL.createObjectURL(blob);
    a.download = "positions.csv";
    document.body.appendChild(a);
    a.click();
    document.body.removeChild(a);
    setTimeout(function () { URL.revokeObjectURL(a.href); }, 0);
  }

  var button = document.getElementById("ag-save-positions");
  if (button) { button.addEventListener("click", save); }
  ag.positions = { csv: csv, save: save };
}(actorgraph));
