"""Conversion of an :class:`~arggraph.model.ArgumentGraph` to networkx.

Claims are nodes (keyed by claim id), relations are edges keyed by relation id, and
documents, speakers, topics and metadata are graph attributes, so nothing of the
model is lost. Presentation never enters here.

Example
-------
>>> import arggraph                                              # doctest: +SKIP
>>> G = arggraph.load("graphs/deepseek.yaml").to_networkx()      # doctest: +SKIP
>>> G.nodes["compute-matters-less"]["speakers"]                  # doctest: +SKIP
['chilson', ...]
"""

from __future__ import annotations

import json
from typing import Any

import networkx as nx

from arggraph.model import ArgumentGraph


def to_networkx(graph: ArgumentGraph) -> nx.MultiDiGraph[str]:
    """Claims as nodes, relations as keyed edges, every field as an attribute.

    Undercuts (relations that target a relation) cannot be edges between nodes: each
    is listed under the target edge's ``undercut_by`` attribute (relation ids) and in
    ``G.graph["undercuts"]`` (relation id -> its fields).

    Node attributes: ``statement``, ``topics``, ``attributions`` (list of dicts with
    ``speaker``, ``document``, ``quote``, ``start``, ``end``), ``note``, and the
    derived ``speakers`` and ``documents``. Edge attributes: ``kind``
    (``"supports"``/``"rebuts"``), ``attribution``, ``note``; the edge key is the
    relation id. Graph attributes: ``title``, ``description``, ``documents``,
    ``speakers``, ``topics`` (dicts keyed by id).
    """
    G: nx.MultiDiGraph[str] = nx.MultiDiGraph()
    G.graph.update(
        title=graph.title,
        description=graph.description,
        documents={d.id: d.model_dump(exclude={"id", "text"}) for d in graph.documents},
        speakers={s.id: s.model_dump(exclude={"id"}) for s in graph.speakers},
        topics={t.id: t.model_dump(exclude={"id"}) for t in graph.topics},
        undercuts={},
    )
    for claim in graph.claims:
        G.add_node(
            claim.id,
            statement=claim.statement,
            topics=list(claim.topics),
            attributions=[a.model_dump() for a in claim.attributions],
            note=claim.note,
            speakers=claim.speakers,
            documents=claim.documents,
        )
    edge_of: dict[str, tuple[str, str, str]] = {}
    undercuts = [r for r in graph.relations if graph.is_undercut(r)]
    for rel in graph.relations:
        if graph.is_undercut(rel):
            continue
        edge_of[rel.key] = (rel.source, rel.target, rel.key)
        G.add_edge(
            rel.source,
            rel.target,
            key=rel.key,
            kind=rel.kind,
            attribution=rel.attribution.model_dump() if rel.attribution else None,
            note=rel.note,
            undercut_by=[],
        )
    for rel in undercuts:
        G.graph["undercuts"][rel.key] = rel.model_dump(exclude={"id"})
        if rel.target in edge_of:
            G.edges[edge_of[rel.target]]["undercut_by"].append(rel.key)
    return G


def to_flat_networkx(graph: ArgumentGraph) -> nx.MultiDiGraph[str]:
    """Like :func:`to_networkx`, with every attribute a string, number or boolean.

    GraphML and GEXF readers (Gephi, Cytoscape) accept only scalars: lists become
    ``"; "``-joined text, nested records become JSON text, ``None`` is left out.
    """
    G = to_networkx(graph)
    flat: nx.MultiDiGraph[str] = nx.MultiDiGraph()
    flat.graph.update(
        {k: _scalar(v) for k, v in G.graph.items() if v is not None and not isinstance(v, dict)}
    )
    for node, data in G.nodes(data=True):
        flat.add_node(node, **{k: _scalar(v) for k, v in data.items() if v is not None})
    for u, v, key, data in G.edges(keys=True, data=True):
        attrs = {k: _scalar(x) for k, x in data.items() if x is not None}
        flat.add_edge(u, v, key=key, id=key, **attrs)
    return flat


def _scalar(value: Any) -> str | int | float | bool:
    if isinstance(value, str | int | float | bool):
        return value
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        return "; ".join(value)
    return json.dumps(value, ensure_ascii=False, sort_keys=True)
