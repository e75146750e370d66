"""networkx node-link JSON (the d3 shape): export, and import of what we export.

The data is ``networkx.node_link_data`` of :func:`arggraph.convert.to_networkx`:
claims are ``nodes``, relations are ``edges`` keyed by relation id, undercuts are in
``graph.undercuts``, and documents, speakers and topics are graph attributes.
Inline document texts are kept (``graph.documents.<id>.text``), so reading the file
back gives the same graph; a document read from a file keeps its path (made
relative to the JSON file when written).

Example
-------
>>> import networkx as nx                                   # doctest: +SKIP
>>> G = nx.node_link_graph(json.load(open("g.json")), edges="edges")   # doctest: +SKIP
"""

from __future__ import annotations

import json
import os
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import networkx as nx

from arggraph.convert import to_networkx
from arggraph.errors import FormatError, InvalidGraphError, Problem
from arggraph.io.atomic import write_text_atomic
from arggraph.io.formats import ImportLog, Progress, expand_paths, read_import_text
from arggraph.io.graph_files import display_path
from arggraph.io.parsing import parse_json
from arggraph.io.yaml_json import parse_graph
from arggraph.model import ArgumentGraph

_CLAIM_FIELDS = ("statement", "topics", "stances", "attributions", "note")
_RELATION_FIELDS = ("kind", "attribution", "note")
"""Edge attributes that are relation fields; ``has_id`` and ``order`` restore the rest."""


def nodelink_data(graph: ArgumentGraph, *, base_dir: str | os.PathLike[str] | None = None) -> Any:
    """The graph as node-link data (``nodes``, ``edges``, ``graph``), JSON-ready.

    With ``base_dir``, document paths are made relative to it.
    """
    G = to_networkx(graph)
    sources = graph.source_paths
    for doc in graph.documents:
        entry = G.graph["documents"][doc.id]
        if doc.text is not None:
            entry["text"] = doc.text
        if base_dir is not None and doc.id in sources:
            entry["path"] = Path(
                os.path.relpath(sources[doc.id], Path(base_dir).resolve())
            ).as_posix()
    for claim in graph.claims:
        G.nodes[claim.id]["stances"] = dict(claim.stances)
    for order, rel in enumerate(graph.relations):
        if graph.is_undercut(rel):
            G.graph["undercuts"][rel.key]["order"] = order
        else:
            edge = G.edges[rel.source, rel.target, rel.key]
            edge.update(has_id=rel.id is not None, order=order)
    data = nx.node_link_data(G, edges="edges")
    return _without_none(data)


def _without_none(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _without_none(v) for k, v in value.items() if v is not None}
    if isinstance(value, list):
        return [_without_none(v) for v in value]
    return value


def dump_nodelink(graph: ArgumentGraph, *, base_dir: str | os.PathLike[str] | None = None) -> str:
    """The graph as node-link JSON text (two-space indent, UTF-8, final newline)."""
    data = nodelink_data(graph, base_dir=base_dir)
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def write_nodelink(graph: ArgumentGraph, path: str | os.PathLike[str]) -> Path:
    """Write :func:`dump_nodelink` output to ``path`` atomically."""
    target = Path(path)
    text = dump_nodelink(graph, base_dir=target.resolve().parent)
    return write_text_atomic(target, text, inputs=graph.input_paths)


def graph_data_from_nodelink(data: Any, *, source: str = "<node-link>") -> dict[str, Any]:
    """arggraph's file data (``documents``, ``claims`` ...) from node-link data.

    Raises :class:`FormatError` when ``data`` does not have the shape
    :func:`nodelink_data` writes.
    """
    try:
        return _graph_data(data)
    except (KeyError, TypeError, AttributeError) as exc:
        raise FormatError(
            [
                Problem(
                    f"not arggraph node-link data: missing or wrong {exc}",
                    code="malformed-input",
                    file=source,
                    hint="read only files written by 'arggraph export --format nodelink'",
                )
            ]
        ) from None


def _graph_data(data: Any) -> dict[str, Any]:
    meta = data["graph"]
    result: dict[str, Any] = {
        k: meta[k] for k in ("title", "description") if meta.get(k) is not None
    }
    for section in ("documents", "speakers", "topics"):
        result[section] = [{"id": key, **fields} for key, fields in meta[section].items()]
    result["claims"] = [
        {"id": node["id"], **{k: node[k] for k in _CLAIM_FIELDS if k in node}}
        for node in data["nodes"]
    ]
    for claim in result["claims"]:
        for attribution in claim.get("attributions", []):
            attribution.pop("start", None)
            attribution.pop("end", None)
    relations: list[tuple[int, dict[str, Any]]] = []
    for edge in data["edges"]:
        relation = {"source": edge["source"], "target": edge["target"]}
        if edge.get("has_id", True):
            relation["id"] = edge["key"]
        relation.update({k: edge[k] for k in _RELATION_FIELDS if k in edge})
        relations.append((edge.get("order", len(relations)), relation))
    for key, fields in meta.get("undercuts", {}).items():
        undercut = dict(fields)
        order = undercut.pop("order", len(relations))
        if key != f"{undercut['source']}->{undercut['target']}":
            undercut["id"] = key
        relations.append((order, undercut))
    result["relations"] = [relation for _, relation in sorted(relations, key=lambda r: r[0])]
    return result


def read_nodelink(path: str | os.PathLike[str]) -> ArgumentGraph:
    """Read a node-link JSON file written by :func:`write_nodelink` back into a graph.

    Networkx's older ``links`` key is read as ``edges``. Problems raise a located
    :class:`FormatError`, as every importer's do.
    """
    file = Path(path)
    text, display = read_import_text(file)
    try:
        data = parse_json(text, source=display)
    except InvalidGraphError as exc:
        raise FormatError(exc.problems) from None
    if isinstance(data, dict) and "edges" not in data and "links" in data:
        data = {**data, "edges": data["links"]}
    graph_data = graph_data_from_nodelink(data, source=display)
    try:
        return parse_graph(
            json.dumps(graph_data), fmt="json", base_dir=file.resolve().parent, source=file.name
        )
    except InvalidGraphError as exc:
        raise FormatError(exc.problems) from None


def read_nodelink_files(
    paths: str | os.PathLike[str] | Sequence[str | os.PathLike[str]],
    *,
    progress: Progress | None = None,
    log: ImportLog | None = None,
) -> ArgumentGraph:
    """:func:`read_nodelink` as an importer: one node-link file (each is a whole graph)."""
    files = expand_paths(paths, (".json",))
    if len(files) != 1:
        raise FormatError(
            [
                Problem(
                    f"node-link import reads one file, not {len(files)}",
                    code="unreadable-file",
                    file=display_path(files[0]),
                    hint="import each node-link file on its own; 'arggraph merge' joins graphs",
                )
            ]
        )
    graph = read_nodelink(files[0])
    if progress is not None:
        progress(1, 1, str(files[0]))
    return graph
