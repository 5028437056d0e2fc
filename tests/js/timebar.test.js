// The time bar's pure date logic (graph/assets/js/timeline.js), run by `node --test tests/js`.
// tests/test_timebar.py checks it against Python on generated data (parse_span, ties in force).
"use strict";
const test = require("node:test");
const assert = require("node:assert/strict");
const tl = require("../../graph/assets/js/timeline.js");

test("dates are read as graph.data.dates.parse_span reads them", () => {
  assert.deepEqual(tl.parseSpan("2019"), ["2019-01-01", "2019-12-31"]);
  assert.deepEqual(tl.parseSpan("2020-02"), ["2020-02-01", "2020-02-29"]);
  assert.deepEqual(tl.parseSpan("18/08/2020"), ["2020-08-18", "2020-08-18"]);
  assert.deepEqual(tl.parseSpan("08/2020"), ["2020-08-01", "2020-08-31"]);
  assert.deepEqual(tl.parseSpan(" 2.2020 "), ["2020-02-01", "2020-02-29"]);
  for (const bad of ["2019-13", "31.02.2021", "18/08/20", "banana", "", "1900-02-29", "0000"]) {
    assert.equal(tl.parseSpan(bad), null, bad);
  }
  assert.deepEqual(tl.parseSpan("2000-02-29"), ["2000-02-29", "2000-02-29"]);
});

test("day arithmetic round-trips and keeps months whole", () => {
  for (const day of ["1970-01-01", "2000-02-29", "2024-12-31", "1600-03-01", "0001-01-01"]) {
    assert.equal(tl.fromNumber(tl.dayNumber(day)), day);
  }
  assert.equal(tl.dayNumber("1970-01-02"), 1);
  assert.equal(tl.addDays("2020-02-28", 2), "2020-03-01");
  assert.equal(tl.addMonths("2020-01-31", 1), "2020-02-29");
  assert.equal(tl.addMonths("2020-01-15", -13), "2018-12-15");
});

test("a tie is in force from its first day to its last", () => {
  const t = ["2019-01-01", "2020-03-31", ""];
  assert.equal(tl.state(t, "2018-12-31"), "not yet");
  assert.equal(tl.state(t, "2019-01-01"), "in force");
  assert.equal(tl.state(t, "2020-03-31"), "in force");
  assert.equal(tl.state(t, "2020-04-01"), "ended");
  assert.equal(tl.inForce(["", "", ""], "1000-01-01"), true);
});

test("the mask shows ties in force whose actors are in their own periods, known by the date", () => {
  const ties = [["2019-01-01", "", ""], ["", "2019-06-30", "2021-01-01"], ["", "", ""], ["", "", "2018-05-01"]];
  const ends = [[null, null], [null, null], [["2020-01-01", ""], null], [null, null]];
  const at = (day, mode) => Array.from(tl.mask(ties, ends, { from: day, to: day, mode: mode || "valid" }));
  assert.deepEqual(at("2018-01-01"), [0, 1, 0, 1]);
  assert.deepEqual(at("2019-07-01"), [1, 0, 0, 1]);
  assert.deepEqual(at("2020-01-01"), [1, 0, 1, 1]);
  assert.deepEqual(at("2018-06-01", "known"), [0, 0, 0, 1]);
  // a window shows what was in force at any time in it; cumulative ('' from) what started by the end
  assert.deepEqual(Array.from(tl.mask(ties, ends, { from: "2019-03-01", to: "2020-02-01", mode: "valid" })), [1, 1, 1, 1]);
  assert.deepEqual(Array.from(tl.mask(ties, ends, { from: "", to: "2019-07-01", mode: "valid" })), [1, 1, 0, 1]);
});

test("event dates, previous and next, and the measure step for a day", () => {
  const ties = [["2019-01-01", "2019-06-30", "2019-03-01"], ["2018-05-01", "", ""]];
  const events = tl.eventDates(ties, [["", "2020-12-31"]], "valid");
  assert.deepEqual(events, ["2018-05-01", "2019-01-01", "2019-07-01", "2021-01-01"]);
  assert.deepEqual(tl.eventDates(ties, [], "known"), ["2019-03-01"]);
  assert.equal(tl.previousEvent(events, "2019-01-01"), "2018-05-01");
  assert.equal(tl.previousEvent(events, "2018-05-01"), null);
  assert.equal(tl.nextEvent(events, "2019-01-01"), "2019-07-01");
  assert.equal(tl.nextEvent(events, "2021-01-01"), null);
  const steps = ["2018-04-30", "2019-07-01"];
  assert.deepEqual(tl.measureStep(steps, events, "2019-08-01"), { step: "2019-07-01", exact: true });
  assert.deepEqual(tl.measureStep(steps, events, "2019-02-01"), { step: "2018-04-30", exact: false });
  assert.deepEqual(tl.measureStep(steps, events, "2018-01-01"), { step: null, exact: false });
});

test("histogram bins starts and ends by kind; the line counts ties in force", () => {
  const ties = [["2019-01-01", "2019-12-31", ""], ["2019-02-01", "", ""], ["2020-05-01", "", "2020-06-01"]];
  const h = tl.histogram(ties, ["a", "b", "a"], "2019-01-01", "2020-12-31", 2, "valid");
  assert.deepEqual(h.starts, [{ a: 1, b: 1 }, { a: 1 }]);
  assert.deepEqual(h.ends, [{ a: 1 }, {}]);  // 2020-01-01 is day 365 of 731: the first half
  assert.deepEqual(tl.histogram(ties, ["a", "b", "a"], "2019-01-01", "2020-12-31", 2, "known").starts, [{}, { a: 1 }]);
  assert.deepEqual(tl.line(ties, "2019-01-01", "2020-12-31", 2), [2, 2]);
});

test("changes between steps, in words", () => {
  const c = tl.changes(Uint8Array.from([1, 0, 1, 0]), Uint8Array.from([1, 1, 0, 1]));
  assert.deepEqual(c, { started: [1, 3], ended: [2] });
  assert.deepEqual(tl.changes(null, Uint8Array.from([1])), { started: [], ended: [] });
  const a = tl.actorChanges({ tk: ["2020-03-27", "2022-06-30"], x: ["2021-01-01", ""] }, "2022-01-01", "2022-07-01");
  assert.deepEqual(a, { began: [], ended: ["tk"] });
  assert.equal(tl.summary(2, 1, [], ["Takuba"]), "+2 relations, \u22121 relation, Takuba ended");
  assert.equal(tl.summary(0, 0, [], []), "");
  assert.equal(tl.summary(1, 0, ["A", "B", "C", "D", "E"], []), "+1 relation, A, B, C and 2 others began");
});

test("the #fragment's as-of value reads back", () => {
  assert.deepEqual(tl.parseAsOf("2020-03"), { on: true, from: "2020-03-01", to: "2020-03-01" });
  assert.deepEqual(tl.parseAsOf("all"), { on: false, from: null, to: null });
  assert.deepEqual(tl.parseAsOf("2019..2020-06"), { on: true, from: "2019-01-01", to: "2020-06-01" });
  assert.deepEqual(tl.parseAsOf("..2020"), { on: true, from: "", to: "2020-01-01" });
  for (const bad of ["banana", "2021..2020", "2019..x", "1..2..3"]) { assert.equal(tl.parseAsOf(bad), null, bad); }
  for (const w of [{ on: true, from: "2020-03-01", to: "2020-03-01" }, { on: true, from: "", to: "2020-01-01" },
    { on: true, from: "2019-01-01", to: "2020-06-01" }]) {
    assert.deepEqual(tl.parseAsOf(tl.formatAsOf(w)), w);
  }
  assert.equal(tl.formatAsOf({ on: false }), "all");
});

test("the #fragment carries the time bar's date and mode", () => {
  const logic = require("../../graph/assets/js/logic.js");
  const view = { selected: null, hiddenGroups: new Set(), hiddenKinds: new Set(), shownStatus: new Set(["actual"]),
    minGrade: "", asOf: "2019-01-01..2020-06-01", timeFlags: ["known"] };
  const hash = logic.formatFragment(view);
  assert.equal(hash, "#as-of=2019-01-01..2020-06-01&time=known");
  const back = logic.parseFragment(hash);
  assert.equal(back.asOf, "2019-01-01..2020-06-01");
  assert.deepEqual(back.time, ["known"]);
  assert.equal(logic.parseFragment("#as-of=banana").asOf, "banana");
  assert.equal(logic.parseFragment("#actor=x").asOf, undefined);
});
