# %% [markdown]
# # actorgraph in a notebook
# Open this file in VS Code or Jupyter (Jupytext) to run it cell by cell, or run it as a
# script: `python docs/example.py [OUTPUT_FOLDER]`. CI runs it (tests/test_api.py).

# %%
import sys
import tempfile
from pathlib import Path

import graph

out = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(tempfile.mkdtemp())
ds = graph.open_dataset()  # $ACTORGRAPH_DATA, ./data, ... or the bundled Mali/Sahel sample
print(ds)

# %% Who brokers? Betweenness, Burt's effective size and constraint, as a DataFrame.
brokers = graph.brokers(ds, top=5)
print(brokers[["name", "betweenness", "effective_size", "constraint"]].round(3).to_string())

# %% What if Operation Barkhane left?
gone = graph.impact(ds, "Barkhane")
print(f"parts before: {gone.components_before}, after: {gone.components_after}")
print(gone.to_frame()[["name", "rank_before", "rank_after"]].head(5).to_string())

# %% The network the article argues for: planned and recommended ties too.
argued = graph.View(statuses="all")
print(graph.centrality(ds, argued, measures=["betweenness"], top=3)[["name", "betweenness"]].round(3).to_string())

# %% The map: the offline explorer, and the same map as a pyvis Network.
page = out / "sahel.html"
page.write_text(graph.render_html(ds, argued, title="Sahel security actors"), encoding="utf-8")
net = graph.to_pyvis(ds, argued)
net.write_html(str(out / "sahel-pyvis.html"))
print(f"wrote {page.name} and sahel-pyvis.html ({len(net.nodes)} actors)")

# %% In a notebook, the last expression of a cell shows the explorer itself:
ds.view(statuses="all")
