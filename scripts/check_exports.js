// Read actorgraph's exports with the parsers the tools themselves use, and print what they see as JSON:
// Gephi Lite's GEXF parser (graphology-gexf) and Cytoscape.js (headless, with the file's style).
// Usage: NODE_PATH=<node_modules> node scripts/check_exports.js gexf|cyjs FILE
"use strict";
const fs = require("fs");
const [, , kind, file] = process.argv;
const text = fs.readFileSync(file, "utf8");
let out;
if (kind === "gexf") {
  const Graph = require("graphology");
  const gexf = require("graphology-gexf");
  const g = gexf.parse(Graph, text, { allowUndirectedEdges: true });
  const edges = [];
  g.forEachEdge((e, attrs, s, t, sa, ta, undirected) => { edges.push({ source: s, target: t, undirected, attrs }); });
  const nodes = {};
  g.forEachNode((n, attrs) => { nodes[n] = attrs; });
  out = { type: g.type, multi: g.multi, nodes, edges };
} else if (kind === "cyjs") {
  const cytoscape = require("cytoscape");
  const doc = JSON.parse(text);
  const cy = cytoscape({ headless: true, styleEnabled: true, elements: doc.elements, style: doc.style,
    layout: { name: "preset" } });
  const nodes = {};
  cy.nodes().forEach((n) => {
    nodes[n.id()] = { position: n.position(), color: String(n.style("background-color")),
      shape: String(n.style("shape")), label: String(n.style("label")) };
  });
  const edges = cy.edges().map((e) => ({ relation: e.data("relation"), line: String(e.style("line-style")),
    arrow: String(e.style("target-arrow-shape")), color: String(e.style("line-color")) }));
  out = { nodes, edges };
}
process.stdout.write(JSON.stringify(out));
process.exit(0); // Cytoscape.js keeps timers alive
