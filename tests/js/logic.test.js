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

test("fitClear keeps boxes out of the buttons' corner, shifting before it zooms out", () => {
  const corner = [[340, 360, 400, 400]];
  const clear = (view, boxes) => boxes.every(([x0, y0, x1, y1]) => {
    const dom = (x, y) => [(x - view.centre.x) * view.scale + 200, (y - view.centre.y) * view.scale + 200];
    const [a, b] = dom(x0, y0), [c, d] = dom(x1, y1);
    return a >= 0 && b >= 0 && c <= 400 && d <= 400 && (c <= 340 - 5 || d <= 360 - 5);
  });
  // a map as tall as the view with a box at its bottom right, and room beside it: a shift left, same zoom
  const tall = [[0, 0, 10, 10], [290, 390, 300, 400]];
  const plain = logic.fitClear(tall, 400, 400, 1, 10, [], 0);
  assert.deepEqual(plain, logic.fitBounds([0, 0, 300, 400], 400, 400, 1, 10));
  assert.ok(!clear(plain, tall));
  const left = logic.fitClear(tall, 400, 400, 1, 10, corner, 5);
  assert.ok(clear(left, tall));
  assert.equal(left.scale, plain.scale);
  assert.equal(left.centre.y, plain.centre.y);
  assert.ok(left.centre.x > plain.centre.x);
  // a map filling the view both ways: a little less zoom, never below 0.8 of the fit
  const full = [[0, 0, 10, 10], [390, 390, 400, 400]];
  const fitted = logic.fitClear(full, 400, 400, 1, 10, null, 0);
  const out = logic.fitClear(full, 400, 400, 1, 10, corner, 5);
  assert.ok(clear(out, full));
  assert.ok(out.scale < fitted.scale && out.scale >= 0.8 * fitted.scale);
  // two notes, bottom left and bottom right, and a box near each: no shift clears both, less zoom does
  const both = [[0, 0, 10, 10], [0, 390, 10, 400], [290, 390, 300, 400]];
  const notes = [[0, 370, 80, 400], [340, 360, 400, 400]];
  const two = logic.fitClear(both, 400, 400, 1, 10, notes, 5);
  const dom = (x, y) => [(x - two.centre.x) * two.scale + 200, (y - two.centre.y) * two.scale + 200];
  both.forEach(([x0, y0, x1, y1]) => {
    const [a, b] = dom(x0, y0), [c, d] = dom(x1, y1);
    notes.forEach(n => assert.ok(!(c > n[0] - 5 && a < n[2] + 5 && d > n[1] - 5 && b < n[3] + 5), `${x0},${y0} under ${n}`));
  });
  assert.ok(two.scale < 1);
  // nothing in the corner: the plain fit
  assert.deepEqual(logic.fitClear([[0, 0, 10, 10], [100, 10, 110, 20]], 400, 400, 2, 1.5, corner, 5),
    logic.fitBounds([0, 0, 110, 20], 400, 400, 2, 1.5));
  // no way to clear it within 0.8 of the zoom: the fewest boxes under the buttons, still a view
  const crowd = [];
  for (let x = 0; x <= 400; x += 20) { for (let y = 0; y <= 400; y += 20) { crowd.push([x, y, x + 1, y + 1]); } }
  const best = logic.fitClear(crowd, 400, 400, 1, 10, corner, 5);
  assert.ok(best.scale >= 0.8 * logic.fitClear(crowd, 400, 400, 1, 10, null, 0).scale);
});

test("isolate wraps only strings with bidirectional controls or right-to-left letters", () => {
  assert.equal(logic.isolate("Mali"), "Mali");
  assert.equal(logic.isolate("Forces Armées"), "Forces Armées");
  assert.equal(logic.isolate("a\u202eb"), "\u2068a\u202eb\u2069");  // an override turns only itself round
  assert.equal(logic.isolate("جماعة نصرة الإسلام"), "\u2068جماعة نصرة الإسلام\u2069");
  assert.equal(logic.isolate(42), "42");
});
