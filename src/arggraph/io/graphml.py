"""GraphML export, for Gephi, Cytoscape, yEd and networkx users.

GraphML carries only scalar attributes, so lists are joined with ``"; "`` and nested
records (attributions) are JSON text; see :func:`arggraph.convert.to_flat_networkx`.
"""

from __future__ import annotations

import os
from pathlib import Path

import networkx as nx

from arggraph.convert import to_flat_networkx
from arggraph.io.atomic import write_text_atomic
from arggraph.model import ArgumentGraph


def dump_graphml(graph: ArgumentGraph) -> str:
    """The graph as GraphML text (claims as nodes, relations as edges with their ids)."""
    lines = nx.generate_graphml(to_flat_networkx(graph), encoding="utf-8", prettyprint=True)
    return "\n".join(lines) + "\n"


def write_graphml(graph: ArgumentGraph, path: str | os.PathLike[str]) -> Path:
    """Write :func:`dump_graphml` output to ``path`` atomically."""
    return write_text_atomic(Path(path), dump_graphml(graph), inputs=graph.input_paths)
