/* fragment: the selected actor and the filters live in the address's #fragment, to share a view. */

(function (ag) {
  "use strict";
  var logic = ag.logic, core = ag.core, DATA = core.DATA, state = core.state;
  var applying = false;

  function write() {
    if (applying) { return; }
    var hash = logic.formatFragment(state);
    if (hash === location.hash || (!hash && !location.hash)) { return; }
    try {
      history.replaceState(null, "", hash || location.pathname + location.search);
    } catch (err) {
      location.hash = hash;
    }
  }

  // Set the filters and the selection from the #fragment, ignoring what the data does not have.
  function apply() {
    var s = logic.parseFragment(location.hash);
    applying = true;
    state.hiddenGroups = new Set(s.hide.filter(function (g) { return core.groupStyle.has(g); }));
    state.hiddenKinds = new Set(s.kinds.filter(function (k) { return core.kinds.has(k); }));
    var known = DATA.statuses.map(function (x) { return x.name; });
    state.shownStatus = new Set(s.status ? s.status.filter(function (x) { return known.indexOf(x) >= 0; }) : ["actual"]);
    state.minGrade = DATA.grades.levels.indexOf(s.minGrade) >= 0 ? s.minGrade : "";
    if (ag.timebar) { ag.timebar.apply(s); }
    ag.legend.render();
    ag.network.refresh();
    if (s.actor && core.actors.has(s.actor)) { ag.network.selectActor(s.actor, false); }
    else if (state.selected) { ag.network.clearSelection(); }
    applying = false;
  }

  window.addEventListener("hashchange", apply);

  ag.fragment = { write: write, apply: apply };
}(actorgraph));
