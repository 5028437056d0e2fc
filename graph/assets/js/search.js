/* search: actors by name, id or alias, ignoring case and accents; says when nothing matches. */

var input = document.getElementById("ag-search-input");
var results = document.getElementById("ag-search-results");
var noMatch = document.getElementById("ag-search-none");

function fold(text) {
  return String(text).normalize("NFKD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
}

var searchIndex = [];
actors.forEach(function (a, id) {
  searchIndex.push({ id: id, keys: [fold(a.name), fold(id)].concat(a.aliases.map(fold)) });
});

function search(q) {
  q = fold(q.trim());
  if (!q) { return []; }
  var hits = [];
  searchIndex.forEach(function (item) {
    var best = 9;
    item.keys.forEach(function (k) {
      var at = k.indexOf(q);
      if (at < 0) { return; }
      var score = k === q ? 0 : at === 0 ? 1 : /[\s\-_(']/.test(k.charAt(at - 1)) ? 2 : 3;
      if (score < best) { best = score; }
    });
    if (best < 9) { hits.push([best, fold(nameOf(item.id)), item.id]); }
  });
  hits.sort(function (a, b) { return a[0] - b[0] || (a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0); });
  return hits.slice(0, 12).map(function (h) { return h[2]; });
}

function showResults(ids) {
  results.textContent = "";
  ids.forEach(function (id) {
    var li = el("li", "ag-result");
    li.setAttribute("role", "option");
    li.dataset.id = id;
    li.appendChild(el("span", "ag-result-name", nameOf(id)));
    li.appendChild(el("span", "ag-result-type", actors.get(id).type));
    li.addEventListener("mousedown", function (ev) {
      ev.preventDefault();
      selectActor(id, true);
      results.hidden = true;
    });
    results.appendChild(li);
  });
  results.hidden = ids.length === 0;
  noMatch.hidden = ids.length > 0 || !input.value.trim();
}

var pending = null;
input.addEventListener("input", function () {
  var ids = search(input.value);
  showResults(ids);
  clearTimeout(pending);
  if (ids.length && input.value.trim().length >= 2) {
    if (BIG) {  // wait for a pause in typing: each selection redraws a large canvas
      pending = setTimeout(function () { selectActor(ids[0], true); }, 250);
    } else {
      selectActor(ids[0], true);
    }
  }
});
input.addEventListener("keydown", function (ev) {
  if (ev.key === "Enter") {
    clearTimeout(pending);
    var ids = search(input.value);
    if (ids.length) { selectActor(ids[0], true); }
    results.hidden = true;
  } else if (ev.key === "Escape") {
    input.value = "";
    results.hidden = true;
    noMatch.hidden = true;
  }
});
input.addEventListener("blur", function () { results.hidden = true; noMatch.hidden = true; });
