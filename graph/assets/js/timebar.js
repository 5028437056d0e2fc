/* timebar: the map at a date. A histogram of ties starting and ending (stacked by kind, the selected
   actor's ties as a line), a handle for the date (drag, keys, typed), previous/next event, Play, a
   window (between) and a cumulative mode, valid-at or known-on. Ties not in force are hidden, actors
   with none faded; what started since the last step gets a halo, what ended stays one step as a
   dashed ghost. The layout holds every period: nothing moves. Pure date logic: timeline.js. */

(function (ag) {
  "use strict";
  var tl = ag.timeline, core = ag.core, DATA = core.DATA, state = core.state, el = core.el;
  var T = DATA.time;
  if (!T) { return; }  // no dated tie or actor: no time bar, the page as it was

  var rels = DATA.relations;
  var index = new Map(rels.map(function (r, i) { return [r.id, i]; }));
  var ends = rels.map(function (r) { return [T.actors[r.source] || null, T.actors[r.target] || null]; });
  var kindsOf = rels.map(function (r) { return r.kind; });
  var periods = Object.keys(T.actors).map(function (id) { return T.actors[id]; });
  var events = { valid: tl.eventDates(T.ties, periods, "valid"), known: tl.eventDates(T.ties, periods, "known") };
  var baseEdge = new Map(DATA.edges.map(function (e) { return [e.id, e]; }));  // colours of halos and ghosts
  var steps = T.steps, stepValues = T.values;
  var measureIndex = new Map(T.measures.map(function (m, i) { return [m, i]; }));
  var openingNotes = Array.from(document.querySelectorAll("#ag-banner .ag-time-note")).map(function (n) {
    return n.textContent;
  });
  var openValues = new Map();  // the measures Python computed at the page's date
  core.actors.forEach(function (a, id) { openValues.set(id, a.values); });

  var bar = document.getElementById("ag-timebar");
  var track = document.getElementById("ag-time-track");
  var canvas = document.getElementById("ag-time-canvas");
  var handle = document.getElementById("ag-time-handle");
  var fromHandle = document.getElementById("ag-time-from");
  var windowBox = document.getElementById("ag-time-window");
  var input = document.getElementById("ag-time-date");
  var notice = document.getElementById("ag-time-notice");
  var changeLine = document.getElementById("ag-time-change");
  var modeSelect = document.getElementById("ag-time-mode");
  var onBox = document.getElementById("ag-time-on");
  var betweenBox = document.getElementById("ag-time-between");
  var cumulativeBox = document.getElementById("ag-time-cumulative");
  var playButton = document.getElementById("ag-time-play");

  // The scale: from the first event (or the page's date) to the last, with a margin.
  var all = events.valid.concat(events.known, T.date ? [T.date] : []).sort();
  var lo = tl.addMonths(all[0], -6), hi = tl.addMonths(all[all.length - 1], 6);
  var loN = tl.dayNumber(lo), spanN = Math.max(tl.dayNumber(hi) - loN, 1);
  var opening = T.date || tl.addDays(all[all.length - 1], 0);

  var time = { on: T.date !== null, mode: T.mode, from: opening, to: opening, between: false, cumulative: false };
  var bannerWatched = false, width = 0;
  var shownMask = null, fadedActors = new Set(), lastDay = null;
  var log = [];  // the windows stepped through, for the console and the browser tests

  function spec() {
    return { from: time.cumulative ? "" : time.from, to: time.to, mode: time.mode };
  }

  state.timeTest = function (r) { return !time.on || shownMask[index.get(r.id)] === 1; };

  // ---- drawing the map at the date --------------------------------------------------------------
  // Faded actors, wider new ties and dashed ghosts of ended ones are drawn over and under the map by the page,
  // not by changing vis-network's items: an update of its data sets costs seconds on large maps.
  function fadeActors() {
    var faded = new Set();
    if (time.on) {
      var s = spec(), live = new Set();
      rels.forEach(function (r, i) { if (shownMask[i]) { live.add(r.source); live.add(r.target); } });
      core.actors.forEach(function (_, id) {
        var own = T.actors[id];
        if ((own && !tl.overlaps(own, s.from, s.to)) || (core.relationsOf.get(id).length && !live.has(id))) {
          faded.add(id);
        }
      });
    }
    fadedActors = state.faded = faded;
  }

  var ghosts = [], emphasised = [];
  var net = ag.network.network;

  // Ties not in force at the date, drawn faded on demand: the legend's "ended" and "not yet" entries.
  var outShown = new Set(), faint = [], outCounts = { ended: 0, "not yet": 0 };
  function faintTies() {
    faint = [];
    outCounts = { ended: 0, "not yet": 0 };
    if (!time.on) { return; }
    var from = time.cumulative ? "" : time.from;
    rels.forEach(function (r, i) {
      if (shownMask[i] || !core.relationFiltered(r)) { return; }
      var kind = T.ties[i][1] && T.ties[i][1] < from ? "ended" : "not yet";  // as the banner counts them
      outCounts[kind] += 1;
      if (outShown.has(kind)) { faint.push(r.id); }
    });
  }

  function path(ctx, id) {  // an edge's drawn curve, as vis-network placed it
    var e = net.body.edges[id];
    if (!e || !e.from || !e.to || !e.edgeType) { return false; }
    for (var k = 0; k <= 16; k++) {
      var pt = e.edgeType.getPoint(k / 16);
      if (k) { ctx.lineTo(pt.x, pt.y); } else { ctx.moveTo(pt.x, pt.y); }
    }
    return true;
  }

  // A straight line between a tie's two actors, in its colour: ghosts of ended ties, faint ties not in force.
  function straight(ctx, id, alpha, width) {
    var r = core.relById.get(id), a = net.body.nodes[r.source], b = net.body.nodes[r.target];
    if (!a || !b) { return; }
    ctx.beginPath();
    ctx.moveTo(a.x, a.y);
    ctx.lineTo(b.x, b.y);
    ctx.strokeStyle = baseEdge.get(id).color.color;
    ctx.globalAlpha = alpha;
    ctx.lineWidth = width;
    ctx.stroke();
  }

  net.on("beforeDrawing", function (ctx) {
    if (!ghosts.length && !emphasised.length && !faint.length) { return; }
    var scale = net.getScale();
    ctx.save();
    ctx.lineCap = "round";
    ctx.setLineDash([2 / scale, 4 / scale]);
    faint.forEach(function (id) { straight(ctx, id, 0.3, 1 / scale); });  // not in force, when the legend asks
    ctx.setLineDash([]);
    emphasised.forEach(function (id) {  // a halo under each tie that started since the last step
      ctx.beginPath();
      if (!path(ctx, id)) { return; }
      ctx.strokeStyle = baseEdge.get(id).color.color;
      ctx.globalAlpha = 0.3;
      ctx.lineWidth = 9 / scale;
      ctx.stroke();
    });
    ctx.setLineDash([5 / scale, 5 / scale]);
    ghosts.forEach(function (id) { straight(ctx, id, 0.55, 1.5 / scale); });  // ended at the last step
    ctx.restore();
  });

  net.on("afterDrawing", function (ctx) {
    if (!fadedActors.size) { return; }
    ctx.save();
    ctx.fillStyle = "rgba(255,255,255,0.72)";
    fadedActors.forEach(function (id) {  // a veil over the dot of each inactive actor
      var n = net.body.nodes[id];
      if (!n || !n.options) { return; }
      ctx.beginPath();
      ctx.arc(n.x, n.y, n.options.size * 1.25 + 1, 0, 2 * Math.PI);
      ctx.fill();
    });
    ctx.restore();
  });

  function measuresAt() {
    var at = tl.measureStep(steps, events.valid, time.to);
    if (time.to === T.date) { at = { step: null, exact: true }; }  // the page's date: Python's own measures
    var values = at.step !== null ? stepValues[at.step] : null;
    core.actors.forEach(function (a, id) {
      if (!time.on) { a.values = openValues.get(id); return; }
      var row = values && Object.prototype.hasOwnProperty.call(values, id) ? values[id] : null;
      var out = {};
      DATA.measures.forEach(function (m) { out[m] = row ? row[measureIndex.get(m)] : null; });
      a.values = values ? out : openValues.get(id);
    });
    time.measures = at;
  }

  function bannerNotes(hiddenEnded, hiddenNotYet, unknown) {
    var banner = document.getElementById("ag-banner");
    if (!banner && !(time.on && asOfValue() !== null)) { return; }
    if (!banner) {  // a page opened on every period has none until the time filter leaves something out
      banner = el("div", "ag-banner");
      banner.id = "ag-banner";
      banner.setAttribute("role", "note");
      banner.hidden = true;
      banner.appendChild(el("strong", "", "Partial view."));
      document.querySelector(".ag-heading").appendChild(banner);
    }
    banner.querySelectorAll(".ag-time-note").forEach(function (n) { n.remove(); });
    var notes = [];
    if (asOfValue() === null) {
      notes = openingNotes;  // the page's own date: the command line's words
    } else if (time.on) {
      var what = time.cumulative ? "up to " + time.to : time.from !== time.to ? "between " + time.from + " and " + time.to
        : (time.mode === "known" ? "as known on " : "as of ") + time.to;
      var parts = [];
      if (hiddenEnded) { parts.push(hiddenEnded + " ended"); }
      if (hiddenNotYet) { parts.push(hiddenNotYet + (time.mode === "known" ? " not yet in force or known" : " not-yet")); }
      if (unknown) { parts.push(unknown + " known since an unknown date kept"); }
      if (parts.length) { notes.push(what + ": " + parts.join(", ") + " ties hidden (the time bar)"); }
      if (fadedActors.size) { notes.push(what + ": " + fadedActors.size + " inactive actor" + (fadedActors.size === 1 ? "" : "s") +
        " faded (outside their period or with no tie in force)"); }
    }
    notes.forEach(function (text) { banner.appendChild(el("span", "ag-banner-item ag-time-note", text)); });
    banner.hidden = !banner.querySelector(".ag-banner-item");
    if (!bannerWatched && window.ResizeObserver) {  // main.js sizes the map below the header on resize
      bannerWatched = true;
      new ResizeObserver(function () { window.dispatchEvent(new Event("resize")); }).observe(banner);
    }
  }

  // Show the map for the current window; `quiet`: no refresh (the #fragment's apply refreshes).
  function update(quiet) {
    var before = shownMask;
    shownMask = tl.mask(T.ties, ends, spec());
    var c = tl.changes(before, shownMask);
    var filtered = rels.map(core.relationFiltered);  // the legend's filters
    var started = c.started.filter(function (i) { return filtered[i]; });
    var ended = c.ended.filter(function (i) { return filtered[i]; });
    var id = function (i) { return rels[i].id; };
    ghosts = time.on ? ended.map(id) : [];
    emphasised = time.on ? started.map(id) : [];
    faintTies();
    fadeActors();
    measuresAt();
    var a = time.on && !time.cumulative ? tl.actorChanges(T.actors, lastDay, time.to) : { began: [], ended: [] };
    changeLine.textContent = before && time.on ? tl.summary(started.length, ended.length,
      a.began.map(core.nameOf), a.ended.map(core.nameOf)) || "no change" : "";
    changeLine.title = changeLine.textContent;
    lastDay = time.on ? time.to : null;
    var hiddenEnded = 0, hiddenNotYet = 0, unknown = 0;
    if (time.on) {
      rels.forEach(function (r, i) {
        if (shownMask[i] || !filtered[i]) { return; }
        if (T.ties[i][1] && T.ties[i][1] < (time.cumulative ? "" : time.from)) { hiddenEnded += 1; } else { hiddenNotYet += 1; }
      });
      if (time.mode === "known") { unknown = T.ties.filter(function (t, i) { return shownMask[i] && !t[2]; }).length; }
    }
    bannerNotes(hiddenEnded, hiddenNotYet, unknown);
    state.asOf = asOfValue();
    state.timeFlags = time.mode === "known" ? ["known"] : [];
    place();
    log.push(tl.formatAsOf({ on: time.on, from: spec().from, to: time.to }));
    if (log.length > 10000) { log.splice(0, 5000); }
    if (!quiet) {
      oneRedraw(ag.network.refreshMap);
      net.body.emitter.emit("_requestRedraw");  // veils, halos and ghosts, when no tie came or went too
      settle();
    }
  }

  // Run f with vis-network's immediate redraws turned into one on the next frame: its data view removes the
  // ties that ended, then adds those that started, and vis-network redraws the whole canvas after each.
  function oneRedraw(f) {
    var emitter = net.body.emitter, own = Object.prototype.hasOwnProperty.call(emitter, "emit"), emit = emitter.emit;
    emitter.emit = function (name) {
      if (name === "_redraw") { return emit.call(emitter, "_requestRedraw"); }
      return emit.apply(emitter, arguments);
    };
    try { f(); } finally { if (own) { emitter.emit = emit; } else { delete emitter.emit; } }
  }

  // Tables, legend counts, panel and #fragment follow once the date stops moving: a step redraws the map
  // only (Play and dragging step many times a second; browsers throttle address changes).
  var settling = null;
  function settle() {
    clearTimeout(settling);
    settling = setTimeout(function () {
      settling = null;
      ag.tables.render();
      if (ag.legend && ag.legend.recount) { ag.legend.recount(); }
      if (state.selected) { ag.panel.showActor(state.selected); }
      ag.fragment.write();
    }, api.settle);
  }

  // The #fragment's as-of: null when the window is the page's opening one.
  function asOfValue() {
    var v = tl.formatAsOf({ on: time.on, from: spec().from, to: time.to });
    var opened = T.date === null ? "all" : T.date;
    return v === opened && time.mode === T.mode ? null : v;
  }

  // ---- the histogram ------------------------------------------------------------------------------
  function draw() {
    var w = width = track.clientWidth, h = track.clientHeight, ratio = window.devicePixelRatio || 1;
    if (!w || !h) { return; }
    canvas.width = Math.round(w * ratio);
    canvas.height = Math.round(h * ratio);
    var ctx = canvas.getContext("2d");
    ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
    ctx.clearRect(0, 0, w, h);
    var n = Math.max(10, Math.min(200, Math.floor(w / 6)));
    var hist = tl.histogram(T.ties, kindsOf, lo, hi, n, time.mode);
    var top = 0;
    hist.starts.concat(hist.ends).forEach(function (b) {
      top = Math.max(top, Object.keys(b).reduce(function (s, k) { return s + b[k]; }, 0));
    });
    var axis = time.mode === "known" ? h - 14 : Math.round((h - 14) * 0.62), bw = w / n;
    var up = axis - 2, down = h - 14 - axis - 2;
    ctx.fillStyle = "#dee2e6";
    ctx.fillRect(0, axis, w, 1);
    [[hist.starts, -1, up], [hist.ends, 1, down]].forEach(function (part) {
      part[0].forEach(function (b, i) {
        var y = axis;
        DATA.kinds.forEach(function (k) {
          var v = b[k.name];
          if (!v || !top) { return; }
          var len = Math.max(1, v / top * part[2]);
          ctx.fillStyle = k.color;
          ctx.globalAlpha = part[1] < 0 ? 0.85 : 0.45;  // ends below the axis, paler
          ctx.fillRect(i * bw + 0.5, part[1] < 0 ? y - len : y + 1, Math.max(bw - 1, 1), len);
          y += part[1] * len;
        });
      });
    });
    ctx.globalAlpha = 1;
    if (state.selected) {  // the selected actor's ties in force, as a line
      var own = core.relationsOf.get(state.selected).map(function (r) { return T.ties[index.get(r.id)]; });
      var counts = tl.line(own, lo, hi, n), most = Math.max.apply(null, counts.concat([1]));
      ctx.strokeStyle = "#111";
      ctx.lineWidth = 1.5;
      ctx.beginPath();
      counts.forEach(function (v, i) {
        var x = (i + 0.5) * bw, y = axis - 2 - v / most * (up - 4);
        if (i) { ctx.lineTo(x, y); } else { ctx.moveTo(x, y); }
      });
      ctx.stroke();
    }
    ctx.fillStyle = "#6c757d";
    ctx.font = "11px " + DATA.fontFamily;
    ctx.textBaseline = "bottom";
    var first = +lo.slice(0, 4), last = +hi.slice(0, 4), every = Math.max(1, Math.ceil((last - first + 1) / (w / 48)));
    for (var y = first + 1; y <= last; y++) {
      if ((y - first - 1) % every) { continue; }
      var x = xOf(String(y) + "-01-01");
      ctx.fillRect(x, h - 14, 1, 3);
      ctx.textAlign = "center";
      ctx.fillText(String(y), Math.min(Math.max(x, 14), w - 14), h);
    }
  }

  function xOf(day) { return (tl.dayNumber(day) - loN) / spanN * width; }
  function dayAt(x) {
    var f = Math.min(Math.max(x / Math.max(width, 1), 0), 1);
    return tl.fromNumber(loN + Math.round(f * spanN));
  }

  // Put the handles, the window, the typed date and the switches where the state says.
  function place() {
    bar.classList.toggle("ag-time-off", !time.on);
    var two = time.between && !time.cumulative;
    handle.style.left = xOf(time.to) + "px";
    fromHandle.hidden = !two;
    windowBox.hidden = !two;
    if (two) {
      fromHandle.style.left = xOf(time.from) + "px";
      windowBox.style.left = xOf(time.from) + "px";
      windowBox.style.width = Math.max(xOf(time.to) - xOf(time.from), 2) + "px";
    }
    [[handle, time.to], [fromHandle, time.from]].forEach(function (h) {
      h[0].setAttribute("aria-valuetext", h[1]);
      h[0].setAttribute("aria-valuenow", String(tl.dayNumber(h[1] || lo)));
      h[0].setAttribute("aria-valuemin", String(loN));
      h[0].setAttribute("aria-valuemax", String(loN + spanN));
    });
    handle.setAttribute("aria-label", two ? "Window end" : time.mode === "known" ? "Known on" : "Valid at");
    windowBox.setAttribute("aria-valuetext", time.from + " to " + time.to);
    if (document.activeElement !== input) { input.value = two ? time.from + ".." + time.to : time.to; }
    modeSelect.value = time.mode;
    onBox.checked = time.on;
    betweenBox.checked = time.between;
    cumulativeBox.checked = time.cumulative;
  }

  // ---- moving the date -------------------------------------------------------------------------
  function setWindow(from, to) {
    if (from > to) { var t = from; from = to; to = t; }
    time.from = time.between ? from : to;
    time.to = to;
    time.on = true;
    clearNotice();
    update(false);
  }

  function moveTo(day) {  // the date, or with a window the whole window
    if (time.between && !time.cumulative) {
      var shift = tl.dayNumber(day) - tl.dayNumber(time.to);
      setWindow(tl.addDays(time.from, shift), day);
    } else {
      setWindow(day, day);
    }
  }

  function step(direction) {
    var list = events[time.mode];
    var day = direction < 0 ? tl.previousEvent(list, time.to) : tl.nextEvent(list, time.to);
    if (day) { moveTo(day); }
    return day;
  }

  function showNotice(text) {
    notice.textContent = text;
    notice.hidden = false;
  }

  function clearNotice() {
    notice.hidden = true;
    input.removeAttribute("aria-invalid");
  }

  document.getElementById("ag-time-prev").addEventListener("click", function () { step(-1); });
  document.getElementById("ag-time-next").addEventListener("click", function () { step(1); });

  function typed() {
    var text = input.value.trim();
    var w = tl.parseAsOf(text);
    if (!w) {
      input.setAttribute("aria-invalid", "true");
      showNotice("'" + text + "' is not a date; use " + tl.FORMS + " (or FROM..TO)");
      return;
    }
    var now = api.window();
    if (w.on === now.on && (!w.on || (w.from === now.from && w.to === now.to))) { clearNotice(); return; }  // Enter, then change
    if (!w.on) { time.on = false; clearNotice(); update(false); return; }
    time.between = w.from !== w.to && w.from !== "";
    time.cumulative = w.from === "";
    setWindow(w.from || w.to, w.to);
  }
  input.addEventListener("keydown", function (ev) { if (ev.key === "Enter") { typed(); } });
  input.addEventListener("change", typed);

  function keys(ev, which) {
    var day = which === "from" ? time.from : time.to, next = null;
    if (ev.key === "ArrowLeft" || ev.key === "ArrowRight") {  // the previous or next event date
      ev.preventDefault();
      step(ev.key === "ArrowLeft" ? -1 : 1);
      return;
    }
    var months = { ArrowUp: 1, ArrowDown: -1, PageUp: 12, PageDown: -12 }[ev.key];
    if (months && which === "window") {  // the window moves as one, by calendar months
      ev.preventDefault();
      setWindow(tl.addMonths(time.from, months), tl.addMonths(time.to, months));
      return;
    }
    if (months) { next = tl.addMonths(day, months); }
    if (ev.key === "Home") { next = events[time.mode][0] || lo; }
    if (ev.key === "End") { next = events[time.mode][events[time.mode].length - 1] || hi; }
    if (next === null) { return; }
    ev.preventDefault();
    if (which === "from") { setWindow(next, time.to); } else if (which === "to" && time.between) { setWindow(time.from, next); }
    else { moveTo(next); }
  }
  handle.addEventListener("keydown", function (ev) { keys(ev, "to"); });
  fromHandle.addEventListener("keydown", function (ev) { keys(ev, "from"); });
  windowBox.addEventListener("keydown", function (ev) { keys(ev, "window"); });

  // Dragging: a handle moves its date; the window moves both; a click on the track moves the date there.
  var drag = null, pending = null;
  function pointerX(ev) { return ev.clientX - track.getBoundingClientRect().left; }
  track.addEventListener("pointerdown", function (ev) {
    var what = ev.target === fromHandle ? "from" : ev.target === windowBox ? "window" : "to";
    drag = { what: what, x: pointerX(ev), from: time.from, to: time.to };
    track.setPointerCapture(ev.pointerId);
    (what === "from" ? fromHandle : what === "window" ? windowBox : handle).focus();
    if (ev.target === track || ev.target === canvas) { moveTo(dayAt(drag.x)); }
    ev.preventDefault();
  });
  track.addEventListener("pointermove", function (ev) {
    if (!drag) { return; }
    var x = pointerX(ev);
    if (pending) { pending.x = x; return; }
    pending = { x: x };
    requestAnimationFrame(function () {  // at most one step per frame
      var p = pending;
      pending = null;
      if (!drag) { return; }
      if (drag.what === "from") { setWindow(dayAt(p.x), time.to); }
      else if (drag.what === "window") {
        var shift = Math.round((p.x - drag.x) / Math.max(width, 1) * spanN);
        setWindow(tl.addDays(drag.from, shift), tl.addDays(drag.to, shift));
      } else if (time.between && !time.cumulative) { setWindow(time.from, dayAt(p.x)); }
      else { moveTo(dayAt(p.x)); }
    });
  });
  function endDrag() { drag = null; }
  track.addEventListener("pointerup", endDrag);
  track.addEventListener("pointercancel", endDrag);

  // ---- switches ----------------------------------------------------------------------------------
  modeSelect.addEventListener("change", function () { time.mode = modeSelect.value; draw(); update(false); });
  onBox.addEventListener("change", function () { time.on = onBox.checked; update(false); });
  betweenBox.addEventListener("change", function () {
    time.between = betweenBox.checked;
    if (time.between) { time.cumulative = false; }
    var from = time.between ? tl.addMonths(time.to, -12) : time.to;
    setWindow(from < lo ? lo : from, time.to);
  });
  cumulativeBox.addEventListener("change", function () {
    time.cumulative = cumulativeBox.checked;
    if (time.cumulative) { time.between = false; }
    setWindow(time.to, time.to);
  });

  // ---- Play: every event date after the current one, then stop ----------------------------------
  var playing = null;
  function stop() {
    clearTimeout(playing);
    playing = null;
    playButton.setAttribute("aria-pressed", "false");
    playButton.textContent = "Play";
  }
  function tick() {
    if (!step(1)) { stop(); return; }
    if (!tl.nextEvent(events[time.mode], time.to)) { stop(); return; }
    playing = setTimeout(tick, api.delay);
  }
  playButton.addEventListener("click", function () {
    if (playing !== null) { stop(); return; }
    var list = events[time.mode];
    if (!list.length) { return; }
    playButton.setAttribute("aria-pressed", "true");
    playButton.textContent = "Pause";
    if (!time.on || !tl.nextEvent(list, time.to)) { moveTo(list[0]); }  // at the end: from the start
    playing = setTimeout(tick, api.delay);
  });

  // ---- the #fragment, the panel, resizing ---------------------------------------------------------
  function apply(s) {
    clearNotice();
    var mode = (s.time || []).indexOf("known") >= 0 ? "known" : T.mode;
    var w = !s.asOf ? { on: T.date !== null, from: opening, to: opening } : tl.parseAsOf(s.asOf);
    if (!w) {
      showNotice("#as-of=" + s.asOf + " is not a date; showing " + (T.date || "every period") + ". Use " + tl.FORMS + ".");
      w = { on: T.date !== null, from: opening, to: opening };
    }
    time.mode = mode;
    time.on = w.on;
    if (w.on) {
      time.cumulative = w.from === "";
      time.between = !time.cumulative && w.from !== w.to;
      time.from = w.from || w.to;
      time.to = w.to;
    }
    lastDay = null;
    shownMask = null;
    draw();
    update(true);
  }

  var showActor = ag.panel.showActor;
  ag.panel.showActor = function (id) {  // the panel says for which date its measures are
    showActor(id);
    draw();
    var head = document.querySelector("#ag-panel h3");
    if (!head || !time.on) { return; }
    var at = time.measures || { step: null, exact: false };
    var text = at.exact ? "At " + time.to + (time.mode === "known" ? " (measures: ties valid then)" : "")
      : at.step ? "Measures as of " + at.step + ", the nearest step computed before " + time.to +
        " (precomputed for " + steps.length + " dates)" : "Measures as of " + (T.date || "every period") +
        ", the page's date (not computed for " + time.to + ")";
    head.parentNode.insertBefore(el("p", "ag-panel-when", text), head.nextSibling);
  };
  var hidePanel = ag.panel.hide;
  ag.panel.hide = function () { hidePanel(); draw(); };

  window.addEventListener("resize", function () { draw(); place(); });

  shownMask = tl.mask(T.ties, ends, spec());
  fadeActors();
  measuresAt();
  state.asOf = asOfValue();

  var api = ag.timebar = {
    apply: apply,
    draw: draw,
    events: function () { return events[time.mode].slice(); },
    shown: function () { return rels.filter(core.relationShown).length; },
    ghosts: function () { return ghosts.slice(); },
    faint: function () { return faint.slice(); },
    outCounts: function () { return outCounts; },
    showOut: function (kind, on) {  // "ended" or "not yet": draw those ties faded, or not
      if (on) { outShown.add(kind); } else { outShown.delete(kind); }
      faintTies();
      net.body.emitter.emit("_requestRedraw");
    },
    showsOut: function (kind) { return outShown.has(kind); },
    emphasised: function () { return emphasised.slice(); },
    window: function () { return { on: time.on, from: spec().from, to: time.to, mode: time.mode }; },
    moveTo: moveTo,
    step: step,
    log: log,
    delay: 600,  // ms between Play's steps
    settle: 150,  // ms without a step before the tables, legend, panel and #fragment follow
    settled: function () { return settling === null; },
    lo: lo,
    hi: hi
  };
  requestAnimationFrame(function () { draw(); place(); });
}(actorgraph));
