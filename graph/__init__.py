"""actorgraph: explore actor-relationship graphs kept in CSV files.

>>> import graph
>>> ds = graph.open_dataset("data")
>>> sorted(graph.centrality(ds, measures=["degree"]).columns)
['degree', 'name', 'rank', 'ties', 'type']

The public API is listed in ``__all__`` and documented in docs/api.md. Names are
loaded on first use, so ``import graph`` (and ``actorgraph --help``) stays cheap.
"""

from __future__ import annotations

import importlib

__version__ = "0.1.0"

_API = {
    "open_dataset": "graph.api", "View": "graph.analysis.views", "Dataset": "graph.data.load",
    "centrality": "graph.api", "brokers": "graph.api", "communities": "graph.api", "paths": "graph.api",
    "impact": "graph.api", "robustness": "graph.api", "render_html": "graph.api", "static_map": "graph.api",
    "export": "graph.api", "report": "graph.api", "report_files": "graph.api", "to_pyvis": "graph.api",
    "Paths": "graph.api", "PathStep": "graph.api", "Link": "graph.api", "Impact": "graph.api", "Robustness": "graph.api",
    "timeline_chart": "graph.api", "frames": "graph.api", "timeline": "graph.api", "diff": "graph.api",
    "Diff": "graph.api", "BadArgument": "graph.errors",
    "ActorgraphError": "graph.errors", "UnknownKind": "graph.errors", "InvalidDate": "graph.errors",
    "EditRefused": "graph.errors", "GradeError": "graph.errors", "UndefinedMeasure": "graph.errors",
    "NoPath": "graph.errors", "TooLarge": "graph.errors", "NothingDated": "graph.analysis.timeline",
    "ActorNotFound": "graph.data.resolve", "DataError": "graph.data.problems", "layout": "graph.api",
    "Layout": "graph.api",
}
__all__ = sorted(_API)


def __getattr__(name: str):
    if name in _API:
        value = getattr(importlib.import_module(_API[name]), name)
        globals()[name] = value
        return value
    raise AttributeError(f"module 'graph' has no attribute '{name}'")


def __dir__():
    return sorted(set(globals()) | set(_API))
