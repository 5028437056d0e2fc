/* fragment: the selected actor and the filters live in the address's #fragment, to share a view. */

var applying = false;

function writeHash() {
  if (applying) { return; }
  var parts = [];
  if (state.selected) { parts.push("actor=" + encodeURIComponent(state.selected)); }
  if (state.hiddenGroups.size) {
    parts.push("hide=" + Array.from(state.hiddenGroups).sort().map(encodeURIComponent).join(","));
  }
  if (state.hiddenKinds.size) {
    parts.push("hide-relations=" + Array.from(state.hiddenKinds).sort().map(encodeURIComponent).join(","));
  }
  var extra = Array.from(state.shownStatus).filter(function (s) { return s !== "actual"; }).sort();
  if (extra.length || !state.shownStatus.has("actual")) { parts.push("status=" + Array.from(state.shownStatus).sort().join(",")); }
  if (state.minGrade) { parts.push("min-grade=" + state.minGrade); }
  var hash = parts.length ? "#" + parts.join("&") : "";
  if (hash === location.hash || (!hash && !location.hash)) { return; }
  try {
    history.replaceState(null, "", hash || location.pathname + location.search);
  } catch (err) {
    location.hash = hash;
  }
}

function readHash() {
  var found = { actor: null, hide: [], kinds: [], status: null, minGrade: "" };
  location.hash.replace(/^#/, "").split("&").forEach(function (part) {
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
  });
  return found;
}

function applyHash() {
  var s = readHash();
  applying = true;
  state.hiddenGroups = new Set(s.hide.filter(function (g) { return groupStyle.has(g); }));
  state.hiddenKinds = new Set(s.kinds.filter(function (k) { return kinds.has(k); }));
  var known = DATA.statuses.map(function (x) { return x.name; });
  state.shownStatus = new Set(s.status ? s.status.filter(function (x) { return known.indexOf(x) >= 0; }) : ["actual"]);
  state.minGrade = DATA.grades.levels.indexOf(s.minGrade) >= 0 ? s.minGrade : "";
  renderLegend();
  refresh();
  if (s.actor && actors.has(s.actor)) { selectActor(s.actor, false); }
  else if (state.selected) { clearSelection(); }
  applying = false;
}

window.addEventListener("hashchange", applyHash);
