// The legend's polarity groups (graph/assets/js/polarity.js, its pure part), run by `node --test tests/js`.
"use strict";
const test = require("node:test");
const assert = require("node:assert/strict");
const polarity = require("../../graph/assets/js/polarity.js");

const GROUPS = [{ key: "cooperation" }, { key: "hostility" }, { key: "other" }];
const KINDS = [{ name: "funds", group: "cooperation" }, { name: "fights", group: "hostility" },
  { name: "trains", group: "cooperation" }, { name: "attacks", group: "hostility" }];

test("kindGroups keeps the groups' order and the kinds' order, and leaves empty groups out", () => {
  const found = polarity.kindGroups(GROUPS, KINDS);
  assert.deepEqual(found.map(g => [g.key, g.kinds.map(k => k.name)]),
    [["cooperation", ["funds", "trains"]], ["hostility", ["fights", "attacks"]]]);
});

test("groupState says all, some or none of a group's kinds are shown", () => {
  const hostile = KINDS.filter(k => k.group === "hostility");
  assert.equal(polarity.groupState(hostile, new Set()), "all");
  assert.equal(polarity.groupState(hostile, new Set(["fights"])), "some");
  assert.equal(polarity.groupState(hostile, new Set(["fights", "attacks", "funds"])), "none");
});

test("toggleGroup hides a wholly shown group, and shows every kind of one partly or wholly hidden", () => {
  const hostile = KINDS.filter(k => k.group === "hostility");
  const hidden = new Set(["funds"]);
  assert.equal(polarity.toggleGroup(hostile, hidden), false);
  assert.deepEqual([...hidden].sort(), ["attacks", "fights", "funds"]);
  hidden.delete("fights");
  assert.equal(polarity.toggleGroup(hostile, hidden), true);
  assert.deepEqual([...hidden], ["funds"]);
});
