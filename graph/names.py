"""Names the command line offers before any data is read: cheap to import (no other imports).

The tables that do the work (graph.analysis.metrics, graph.output.page, graph.analysis.questions) take their
names from here, so ``actorgraph --help`` lists them without importing those modules.
"""

MEASURE_MEANINGS = {
    "degree": "share of the other actors it is tied to directly: a hub",
    "in_degree": "share of actors with a relation pointing to it (trained, accompanied, has parts)",
    "out_degree": "share of actors it points to (trains, accompanies, is part of)",
    "betweenness": "share of shortest paths between others that run through it: a broker",
    "closeness": "how near it is to everyone it can reach (inverse mean distance)",
    "eigenvector": "tied to actors that are themselves well tied: influence",
    "pagerank": "importance by the importance of those pointing to it (random walk)",
}
MEASURE_NAMES = tuple(MEASURE_MEANINGS)
SIZE_BY = ("betweenness", "degree", "pagerank", "none")
COLOR_BY = ("type", "community", "camp")
PANEL_MEASURES = ("degree", "betweenness", "closeness", "eigenvector", "pagerank")
FORMATS = ("table", "csv", "json")
COMMUNITY_SEED = 42
BROKER_MEASURES = ("betweenness", "effective_size", "constraint")
EVERY = ("year", "month", "event")  # the steps of a timeline
