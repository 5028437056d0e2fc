/* search: actors by name, id or alias, ignoring case and accents; says when nothing matches.
   The actors' keys come folded by Python (as the CLI folds the names it is given); only what the
   user types is folded here, by the same rules. */

(function (ag) {
  "use strict";
  var logic = ag.logic, core = ag.core, el = core.el;
  var input = document.getElementById("ag-search-input");
  var results = document.getElementById("ag-search-results");
  var noMatch = document.getElementById("ag-search-none");
  var LIMIT = 12, SELECT_FROM = 2, PAUSE_MS = 250;

  var index = [];
  core.actors.forEach(function (a, id) { index.push({ id: id, keys: a.find }); });

  function search(text) { return logic.search(index, core.fold(text.trim()), LIMIT); }

  function showResults(ids) {
    results.textContent = "";
    ids.forEach(function (id) {
      var li = el("li", "ag-result");
      li.setAttribute("role", "option");
      li.dataset.id = id;
      li.appendChild(el("span", "ag-result-name", core.nameOf(id)));
      li.appendChild(el("span", "ag-result-type", core.actors.get(id).type));
      li.addEventListener("mousedown", function (ev) {
        ev.preventDefault();
        ag.network.selectActor(id, true);
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
    if (ids.length && input.value.trim().length >= SELECT_FROM) {
      if (core.BIG) {  // wait for a pause in typing: each selection redraws a large canvas
        pending = setTimeout(function () { ag.network.selectActor(ids[0], true); }, PAUSE_MS);
      } else {
        ag.network.selectActor(ids[0], true);
      }
    }
  });
  input.addEventListener("keydown", function (ev) {
    if (ev.key === "Enter") {
      clearTimeout(pending);
      var ids = search(input.value);
      if (ids.length) { ag.network.selectActor(ids[0], true); }
      results.hidden = true;
    } else if (ev.key === "Escape") {
      input.value = "";
      results.hidden = true;
      noMatch.hidden = true;
    }
  });
  input.addEventListener("blur", function () { results.hidden = true; noMatch.hidden = true; });

  ag.search = { input: input, search: search };
}(actorgraph));
