// The overview's pure part (graph/assets/js/overview.js), run by `node --test tests/js`.
"use strict";
const test = require("node:test");
const assert = require("node:assert/strict");
const overview = require("../../graph/assets/js/overview.js");

const groupOf = new Map([["a", 0], ["b", 0], ["c", 1], ["d", 1], ["e", 2]]);
const rel = (source, target, kind = "trains") => ({ source, target, kind });
const RELATIONS = [rel("a", "c"), rel("b", "d"), rel("d", "a", "funds"), rel("a", "b"), rel("c", "e"), rel("e", "b")];
const all = () => true;

test("tieItems: with every group closed, one tie per pair of groups, counting relations", () => {
  const ties = overview.tieItems(RELATIONS, all, groupOf, () => false, () => false);
  assert.deepEqual(ties, [
    { from: "group:0", to: "group:1", n: 3 },
    { from: "group:0", to: "group:2", n: 1 },
    { from: "group:1", to: "group:2", n: 1 },
  ]);
});

test("tieItems: a hidden relation is not counted", () => {
  const ties = overview.tieItems(RELATIONS, (r) => r.kind !== "funds", groupOf, () => false, () => false);
  assert.equal(ties[0].n, 2);
});

test("tieItems: an open group's linked members tie to closed groups; inside open groups nothing", () => {
  const open = (i) => i === 0;
  const linked = (id) => id === "a";  // b is not among the members tied to other groups
  const ties = overview.tieItems(RELATIONS, all, groupOf, open, linked);
  assert.deepEqual(ties, [
    { from: "a", to: "group:1", n: 2 },
    { from: "group:1", to: "group:2", n: 1 },
  ]);
  const both = overview.tieItems(RELATIONS, all, groupOf, (i) => i < 2, () => true);
  assert.deepEqual(both, [{ from: "b", to: "group:2", n: 1 }, { from: "c", to: "group:2", n: 1 }]);
});

test("shownMembers: the first `limit` members, and those asked for if they are members", () => {
  const shown = overview.shownMembers(["a", "b", "c", "d"], 2, ["d", "zz"]);
  assert.deepEqual(Array.from(shown), ["a", "b", "d"]);
  assert.equal(overview.shownMembers(["a"], 1500).size, 1);
});
