/* timeline: the time bar's pure date logic, no DOM. Inlined in the page as actorgraph.timeline;
   loaded by Node's test runner (tests/js) as a CommonJS module.
   Dates are ISO days ("2020-03-01"), compared as strings. A tie's period comes from Python as
   [first day, last day, known from] ('' for none): graph/output/timebar.py. What is "in force"
   is decided as graph.analysis.build.valid_on decides it; dates are read as
   graph.data.dates.parse_span reads them. */

(function (tl) {
  "use strict";

  var ISO = /^([0-9]{4})(?:-([0-9]{2})(?:-([0-9]{2}))?)?$/;
  var DAY_FIRST = /^([0-9]{1,2})([/.-])([0-9]{1,2})\2([0-9]{4})$/;
  var MONTH_FIRST = /^([0-9]{1,2})[/.-]([0-9]{4})$/;
  var FORMS = "YYYY, YYYY-MM, YYYY-MM-DD, day first DD/MM/YYYY or a month MM/YYYY";

  function pad(n, width) { var s = String(n); while (s.length < width) { s = "0" + s; } return s; }
  function iso(y, m, d) { return pad(y, 4) + "-" + pad(m, 2) + "-" + pad(d, 2); }
  function leap(y) { return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0; }
  function monthDays(y, m) { return [31, leap(y) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1]; }

  // The first and last day (ISO) a date string covers, or null: graph.data.dates.parse_span.
  function parseSpan(text) {
    var t = String(text === null || text === undefined ? "" : text).trim(), m, y, mo = null, d = null;
    if ((m = ISO.exec(t))) { y = +m[1]; mo = m[2] ? +m[2] : null; d = m[3] ? +m[3] : null; }
    else if ((m = DAY_FIRST.exec(t))) { d = +m[1]; mo = +m[3]; y = +m[4]; }
    else if ((m = MONTH_FIRST.exec(t))) { mo = +m[1]; y = +m[2]; }
    else { return null; }
    if (y < 1) { return null; }
    if (mo === null) { return [iso(y, 1, 1), iso(y, 12, 31)]; }
    if (mo < 1 || mo > 12) { return null; }
    if (d === null) { return [iso(y, mo, 1), iso(y, mo, monthDays(y, mo))]; }
    if (d < 1 || d > monthDays(y, mo)) { return null; }
    return [iso(y, mo, d), iso(y, mo, d)];
  }

  // Days since 1970-01-01 of an ISO day, and back (proleptic Gregorian, any year).
  function dayNumber(day) {
    var y = +day.slice(0, 4), m = +day.slice(5, 7), d = +day.slice(8, 10);
    y -= m <= 2 ? 1 : 0;
    var era = Math.floor(y / 400), yoe = y - era * 400;
    var doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
    var doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
    return era * 146097 + doe - 719468;
  }

  function fromNumber(n) {
    var z = n + 719468, era = Math.floor(z / 146097), doe = z - era * 146097;
    var yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
    var doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100)), mp = Math.floor((5 * doy + 2) / 153);
    var d = doy - Math.floor((153 * mp + 2) / 5) + 1, m = mp + (mp < 10 ? 3 : -9);
    return iso(yoe + era * 400 + (m <= 2 ? 1 : 0), m, d);
  }

  function addDays(day, n) { return fromNumber(dayNumber(day) + n); }

  // The same day n months later (or earlier), kept within the month.
  function addMonths(day, n) {
    var y = +day.slice(0, 4), m = +day.slice(5, 7) - 1 + n, d = +day.slice(8, 10);
    y += Math.floor(m / 12);
    m = ((m % 12) + 12) % 12 + 1;
    return iso(y, m, Math.min(d, monthDays(y, m)));
  }

  // 'in force', 'ended' or 'not yet' on a day (graph.analysis.build.time_state); p: [first, last].
  function state(p, day) {
    if (p[1] && p[1] < day) { return "ended"; }
    if (p[0] && p[0] > day) { return "not yet"; }
    return "in force";
  }

  function inForce(p, day) { return !p || state(p, day) === "in force"; }

  // Whether a period [first, last] overlaps the window [from, to] ('' from: since the beginning).
  function overlaps(p, from, to) { return !p || ((!p[0] || p[0] <= to) && (!p[1] || p[1] >= from)); }

  // Which ties show for a window: spec {from, to, mode: 'valid'|'known'}; from === to is one date,
  // from '' everything started by `to` (cumulative). A tie shows when its period and both its actors'
  // periods overlap the window (one date: in force, as `actorgraph info --as-of DATE` counts); in
  // 'known' mode also when its sources had published it by `to` (no dated source: known, as --known-on).
  // ties: [[first, last, known]]; ends: [[source period or null, target period or null]]. A Uint8Array.
  function mask(ties, ends, spec) {
    var out = new Uint8Array(ties.length), from = spec.from, to = spec.to, known = spec.mode === "known";
    for (var i = 0; i < ties.length; i++) {
      var t = ties[i], e = ends[i];
      out[i] = overlaps(t, from, to) && overlaps(e[0], from, to) && overlaps(e[1], from, to) &&
        (!known || !t[2] || t[2] <= to) ? 1 : 0;
    }
    return out;
  }

  // The days the network changes (sorted ISO days): 'valid' a since's first day and the day after an
  // until's last day, of ties and actors (graph.analysis.timeline.event_dates); 'known' the known-from days.
  function eventDates(ties, actorPeriods, mode) {
    var days = new Set();
    function add(p) {
      if (p[0]) { days.add(p[0]); }
      if (p[1]) { days.add(addDays(p[1], 1)); }
    }
    if (mode === "known") {
      ties.forEach(function (t) { if (t[2]) { days.add(t[2]); } });
    } else {
      ties.forEach(add);
      actorPeriods.forEach(add);
    }
    return Array.from(days).sort();
  }

  // The index of the last item of a sorted array <= x, or -1.
  function lastAtOrBefore(sorted, x) {
    var lo = 0, hi = sorted.length;
    while (lo < hi) { var mid = (lo + hi) >> 1; if (sorted[mid] <= x) { lo = mid + 1; } else { hi = mid; } }
    return lo - 1;
  }

  function previousEvent(events, day) {
    var i = lastAtOrBefore(events, day);
    if (i >= 0 && events[i] === day) { i -= 1; }
    return i >= 0 ? events[i] : null;
  }

  function nextEvent(events, day) {
    var i = lastAtOrBefore(events, day) + 1;
    return i < events.length ? events[i] : null;
  }

  // The precomputed measure step for a day: {step, exact}; step null before the first one. exact: no
  // event between the step and the day, so the measures are those at the day.
  function measureStep(steps, events, day) {
    var i = lastAtOrBefore(steps, day);
    if (i < 0) { return { step: null, exact: false }; }
    var e = lastAtOrBefore(events, day);
    return { step: steps[i], exact: e < 0 || events[e] <= steps[i] };
  }

  // Counts per bin of the days in [lo, hi] split in n bins, by kind: {starts: [{kind: n}], ends: [...]}.
  // 'valid': a tie starts on its first day and ends the day after its last; 'known': starts when known.
  function histogram(ties, kinds, lo, hi, n, mode) {
    var a = dayNumber(lo), width = (dayNumber(hi) - a + 1) / n;
    var starts = [], ends = [];
    for (var b = 0; b < n; b++) { starts.push({}); ends.push({}); }
    function put(into, day, kind) {
      var k = Math.floor((dayNumber(day) - a) / width);
      if (k >= 0 && k < n) { into[k][kind] = (into[k][kind] || 0) + 1; }
    }
    ties.forEach(function (t, i) {
      if (mode === "known") { if (t[2]) { put(starts, t[2], kinds[i]); } return; }
      if (t[0]) { put(starts, t[0], kinds[i]); }
      if (t[1]) { put(ends, addDays(t[1], 1), kinds[i]); }
    });
    return { starts: starts, ends: ends };
  }

  // How many of the given ties are in force at the middle day of each of n bins of [lo, hi].
  function line(ties, lo, hi, n) {
    var a = dayNumber(lo), width = (dayNumber(hi) - a + 1) / n, out = [];
    for (var b = 0; b < n; b++) {
      var day = fromNumber(Math.floor(a + (b + 0.5) * width));
      out.push(ties.filter(function (t) { return inForce(t, day); }).length);
    }
    return out;
  }

  // The indices that came in and went out from one mask to the next (a null `before`: nothing changed).
  function changes(before, after) {
    var started = [], ended = [];
    if (!before) { return { started: started, ended: ended }; }
    for (var i = 0; i < after.length; i++) {
      if (after[i] && !before[i]) { started.push(i); } else if (before[i] && !after[i]) { ended.push(i); }
    }
    return { started: started, ended: ended };
  }

  // Actors whose own period began or ended between two days: {began: [id], ended: [id]}, ids sorted.
  function actorChanges(periods, before, after) {
    var began = [], ended = [];
    if (!before || before === after) { return { began: began, ended: ended }; }
    Object.keys(periods).sort().forEach(function (id) {
      var was = inForce(periods[id], before), is = inForce(periods[id], after);
      if (is && !was) { began.push(id); } else if (was && !is) { ended.push(id); }
    });
    return { began: began, ended: ended };
  }

  function count(n, word) { return n + " " + word + (n === 1 ? "" : "s"); }

  // "+2 relations, \u22121 relation, Takuba ended": what changed, in words; "" for nothing.
  function summary(started, ended, began, endedActors) {
    var parts = [];
    if (started) { parts.push("+" + count(started, "relation")); }
    if (ended) { parts.push("\u2212" + count(ended, "relation")); }
    function names(list, verb) {
      if (!list.length) { return; }
      var shown = list.slice(0, 3).join(", ") + (list.length > 3 ? " and " + (list.length - 3) + " others" : "");
      parts.push(shown + " " + verb);
    }
    names(began, "began");
    names(endedActors, "ended");
    return parts.join(", ");
  }

  // The #fragment's as-of value for a window: 'all' (time filter off), a day, 'FROM..TO', or '..TO'
  // (cumulative); and back: {on, from, to} or null when it cannot be read.
  function formatAsOf(w) {
    if (!w.on) { return "all"; }
    return w.from === w.to ? w.to : w.from + ".." + w.to;
  }

  function parseAsOf(text) {
    var t = String(text).trim();
    if (t.toLowerCase() === "all") { return { on: false, from: null, to: null }; }
    var parts = t.split("..");
    if (parts.length > 2) { return null; }
    if (parts.length === 1) {
      var one = parseSpan(t);
      return one ? { on: true, from: one[0], to: one[0] } : null;
    }
    var b = parseSpan(parts[1]), a = parts[0] ? parseSpan(parts[0]) : [""];
    if (!a || !b || (a[0] && a[0] > b[0])) { return null; }
    return { on: true, from: a[0], to: b[0] };
  }

  tl.FORMS = FORMS;
  tl.parseSpan = parseSpan;
  tl.dayNumber = dayNumber;
  tl.fromNumber = fromNumber;
  tl.addDays = addDays;
  tl.addMonths = addMonths;
  tl.state = state;
  tl.inForce = inForce;
  tl.overlaps = overlaps;
  tl.mask = mask;
  tl.eventDates = eventDates;
  tl.lastAtOrBefore = lastAtOrBefore;
  tl.previousEvent = previousEvent;
  tl.nextEvent = nextEvent;
  tl.measureStep = measureStep;
  tl.histogram = histogram;
  tl.line = line;
  tl.changes = changes;
  tl.actorChanges = actorChanges;
  tl.summary = summary;
  tl.formatAsOf = formatAsOf;
  tl.parseAsOf = parseAsOf;
}(typeof module !== "undefined" ? module.exports : (actorgraph.timeline = {})));
