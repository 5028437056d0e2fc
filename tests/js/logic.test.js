// The page's pure logic (graph/assets/js/logic.js), run by `node --test tests/js`.
// The fold's real tables come from Python: tests/test_page_js.py checks them against Python's fold.
"use strict";
const test = require("node:test");
const assert = require("node:assert/strict");
const logic = require("../../graph/assets/js/logic.js");

const SPEC = { marks: "\\u{300}-\\u{36f}", case: { "ß": "ss", "ς": "σ" } };

test("fold drops accents and case, and casefolds ß and final sigma", () => {
  const fold = logic.makeFold(SPEC);
  assert.equal(fold("Forces Armées Maliennes"), "forces armees maliennes");
  assert.equal(fold("STRASSE"), "strasse");
  assert.equal(fold("Straße"), "strasse");
  assert.equal(fold("ẞ"), "ss");
  assert.equal(fold("ΟΔΟΣ"), "οδοσ");
  assert.equal(fold("Ⅻ ﬁ"), "xii fi");  // compatibility forms, by NFKD
  assert.equal(fold(42), "42");
});

test("fold with an empty case table leaves letters alone", () => {
  const fold = logic.makeFold({ marks: "\\u{300}-\\u{36f}", case: {} });
  assert.equal(fold("Mauritanië"), "mauritanie");
  assert.equal(fold("ß"), "ß");
});

test("matchScore ranks whole key, start, word start, anywhere", () => {
  assert.equal(logic.matchScore("chad", "chad"), 0);
  assert.equal(logic.matchScore("chadian army", "chad"), 1);
  assert.equal(logic.matchScore("armee (chad)", "chad"), 2);
  assert.equal(logic.matchScore("tchad", "chad"), 3);
  assert.equal(logic.matchScore("mali", "chad"), -1);
});

test("search sorts by score, then folded name, then id, and stops at the limit", () => {
  const index = [
    { id: "b", keys: ["tchad", "b"] },
    { id: "c", keys: ["chad", "c"] },
    { id: "a", keys: ["chadian army", "a", "fac"] },
    { id: "d", keys: ["mali", "d"] },
    { id: "e", keys: ["chadian army", "e"] },
  ];
  assert.deepEqual(logic.search(index, "chad", 12), ["c", "a", "e", "b"]);
  assert.deepEqual(logic.search(index, "chad", 2), ["c", "a"]);
  assert.deepEqual(logic.search(index, "fac", 12), ["a"]);
  assert.deepEqual(logic.search(index, "", 12), []);
  assert.deepEqual(logic.search(index, "zzqx", 12), []);
});

test("meetsGrade follows the table Python ships", () => {
  const meets = { B2: ["C3", "B3", "B2"], C3: ["C3"], F6: [] };
  assert.equal(logic.meetsGrade("B2", "B3", meets), true);
  assert.equal(logic.meetsGrade("C3", "B3", meets), false);
  assert.equal(logic.meetsGrade("F6", "C3", meets), false);
  assert.equal(logic.meetsGrade("", "C3", meets), false);
  assert.equal(logic.meetsGrade("", "", meets), true);
  assert.equal(logic.meetsGrade("constructor", "C3", meets), false);  // no Object.prototype lookups
});

test("labelGeometry: main labels fixed, minor labels keep their screen size from their zoom on", () => {
  const major = { major: true, font: 14, box: [-10, 5, 10, 20] };
  assert.deepEqual(logic.labelGeometry(major, 3, 11), { font: 14, box: [-10, 5, 10, 20] });
  const minor = { major: false, zoom: 2, near: [-4, 4, -4, 4], far: [-20, 3, 20, 15] };
  assert.equal(logic.labelGeometry(minor, 1, 11), null);
  assert.deepEqual(logic.labelGeometry(minor, 2, 11), { font: 5.5, box: [-14, 5.5, 6, 11.5] });
  assert.deepEqual(logic.labelGeometry(minor, 4, 11).box, [-9, 4.75, 1, 7.75]);
  assert.equal(logic.labelGeometry({ major: false, zoom: null, near: [0, 0, 0, 0], far: [0, 0, 0, 0] }, 9, 11), null);
});

test("boxAt finds the last box drawn under a point", () => {
  const boxes = new Map([["a", [0, 0, 10, 10]], ["b", [5, 5, 20, 20]]]);
  assert.equal(logic.boxAt(boxes, { x: 2, y: 2 }), "a");
  assert.equal(logic.boxAt(boxes, { x: 7, y: 7 }), "b");
  assert.equal(logic.boxAt(boxes, { x: 30, y: 2 }), null);
});

test("fitBounds centres and caps the zoom", () => {
  assert.deepEqual(logic.fitBounds([0, 0, 100, 50], 400, 400, 2, 1.5), { centre: { x: 50, y: 25 }, scale: 1.5 });
  assert.deepEqual(logic.fitBounds([-500, 0, 500, 100], 400, 400, 2, 1.5), { centre: { x: 0, y: 50 }, scale: 0.2 });
  assert.equal(logic.fitBounds([3, 3, 3, 3], 100, 100, 1, 200).scale, 100);  // one point: a 1 px extent
});

test("parseFragment reads what formatFragment writes", () => {
  const view = { selected: "a&b=c", hiddenGroups: new Set(["state", "armed group"]), hiddenKinds: new Set(["funds"]),
    shownStatus: new Set(["planned", "actual"]), minGrade: "B3" };
  const hash = logic.formatFragment(view);
  assert.equal(hash, "#actor=a%26b%3Dc&hide=armed%20group,state&hide-relations=funds&status=actual,planned&min-grade=B3");
  assert.deepEqual(logic.parseFragment(hash),
    { actor: "a&b=c", hide: ["armed group", "state"], kinds: ["funds"], status: ["actual", "planned"], minGrade: "B3" });
});

test("formatFragment is empty for the default view; status= for none shown", () => {
  const view = { selected: null, hiddenGroups: new Set(), hiddenKinds: new Set(), shownStatus: new Set(["actual"]), minGrade: "" };
  assert.equal(logic.formatFragment(view), "");
  assert.equal(logic.formatFragment(Object.assign({}, view, { shownStatus: new Set() })), "#status=");
});

test("parseFragment ignores junk and keeps undecodable values", () => {
  assert.deepEqual(logic.parseFragment(""), { actor: null, hide: [], kinds: [], status: null, minGrade: "" });
  assert.deepEqual(logic.parseFragment("#junk&actor=%E0%A4%A&hide=,,x"),
    { actor: "%E0%A4%A", hide: ["x"], kinds: [], status: null, minGrade: "" });
  assert.equal(logic.parseFragment("actor=Mali%C3%AB").actor, "Mali\u00eb");
});

test("dates, formatValue, compareCells", () => {
  assert.equal(logic.dates({ since: "2013", until: "2014" }), "2013 to 2014");
  assert.equal(logic.dates({ since: "2013", until: "" }), "since 2013");
  assert.equal(logic.dates({ since: "", until: "2022-08" }), "until 2022-08");
  assert.equal(logic.dates({}), "");
  assert.equal(logic.formatValue(null), "n/a");
  assert.equal(logic.formatValue(0.12345), "0.123");
  assert.ok(logic.compareCells(1, 2, false) < 0);
  assert.ok(logic.compareCells(1, 2, true) > 0);
  assert.equal(logic.compareCells("", 2, true), 1);  // blanks last, both ways
  assert.equal(logic.compareCells(null, 2, false), 1);
  assert.equal(logic.compareCells(2, undefined, false), -1);
  assert.equal(logic.compareCells("", null, false), 0);
  assert.ok(logic.compareCells("abc", "abd", false) < 0);
});

test("shapePoints: polygons for vis-network shapes, null for circles", () => {
  assert.equal(logic.shapePoints("diamond", 2), "0.00,-2.00 2.00,0.00 0.00,2.00 -2.00,0.00");
  assert.equal(logic.shapePoints("star", 6.5).split(" ").length, 10);
  assert.equal(logic.shapePoints("hexagon", 6.5).split(" ").length, 6);
  assert.equal(logic.shapePoints("dot", 6.5), null);
});
