"""Any view as a ``pyvis.network.Network``, for those who customise graphs with pyvis.

:func:`to_pyvis` copies a :class:`~arggraph.render.views.GraphView`'s nodes, edges and
vis-network options into a Network by filling its lists directly: pyvis's
``add_node`` checks every id against a list (quadratic) and ``add_edge`` scans every
edge of an undirected network, while a view's ids are unique already.

Tooltips are plain text, as on our pages: vis-network 9 shows a string ``title`` with
``innerText``. pyvis's own template switches node tooltips to ``innerHTML`` when any
node's title contains ``href``; then every title is HTML-escaped instead, so the text
shows, never runs.

Example
-------
>>> from arggraph.render.views import whole_view
>>> from arggraph.synthetic import synthetic_graph
>>> net = to_pyvis(whole_view(synthetic_graph(10, seed=1)))
>>> net.num_nodes(), net.num_edges(), net.cdn_resources
(10, 30, 'in_line')
"""

from __future__ import annotations

from html import escape
from typing import TYPE_CHECKING, Any, Literal

from arggraph.analysis.results import shorten
from arggraph.render.views import GraphView

if TYPE_CHECKING:
    from pyvis.network import Network  # type: ignore[import-untyped]

CdnResources = Literal["in_line", "remote", "local"]


def to_pyvis(
    view: GraphView,
    *,
    height: str = "720px",
    width: str = "100%",
    cdn_resources: CdnResources = "in_line",
) -> Network:
    """A ``pyvis.network.Network`` with the view's nodes, edges and options.

    Parameters
    ----------
    view : GraphView
        Any view: :func:`~arggraph.render.views.whole_view`, ``topic_view``, ...
    height, width : str
        The canvas size, as CSS lengths.
    cdn_resources : {"in_line", "remote", "local"}
        Passed to pyvis. ``"in_line"`` (the default here) puts vis-network into the
        page that ``write_html`` writes; pyvis's own default ``"local"`` loads it
        from cdnjs.cloudflare.com and copies a ``lib/`` folder into the working
        directory. Every mode also links Bootstrap from cdn.jsdelivr.net (the graph
        draws without it). See docs/views.md.

    Returns
    -------
    pyvis.network.Network
        Directed; ``options`` is a plain dict (as after pyvis's ``set_options``):
        change it by key. The nodes and edges are copies: changing them leaves the
        view alone.
    """
    from pyvis.network import Network  # pyvis imports IPython: only when asked

    nodes, edges, options = _copy([view.nodes, view.edges, view.options])
    texts = _RelationTexts(view)
    for node in nodes:
        node.setdefault("title", _node_title(view, node, texts))
    if any("href" in str(node["title"]) for node in nodes):  # pyvis's test in generate_html
        for node in nodes:
            node["title"] = escape(str(node["title"]), quote=False).replace("\n", "<br>")
    for edge in edges:
        edge["title"] = _edge_title(view, edge, texts)
    net = Network(height=height, width=width, directed=True, cdn_resources=cdn_resources)
    net.nodes = nodes
    net.node_ids = [node["id"] for node in nodes]
    net.node_map = {node["id"]: node for node in nodes}
    net.edges = edges
    net.options = options
    return net


def _copy(data: Any) -> Any:
    """A deep copy of JSON-like data: dicts and lists copied, values shared (immutable).

    Several times faster than ``copy.deepcopy``, which tracks every object it copies.
    """
    if isinstance(data, dict):
        return {key: _copy(value) for key, value in data.items()}
    if isinstance(data, list):
        return [_copy(value) for value in data]
    return data


class _RelationTexts:
    """'"source" supports "target"' per relation key, as the pages' tooltips say it."""

    def __init__(self, view: GraphView) -> None:
        self.view = view
        self.known: dict[tuple[str, int], str] = {}

    def statement(self, claim_id: str) -> str:
        claim = self.view.claims.get(claim_id)
        text = str(claim["statement"]) if claim else self.view.statements.get(claim_id, claim_id)
        return f"\u201c{shorten(text, 60)}\u201d"

    def __call__(self, key: str, depth: int = 0) -> str:
        if (key, depth) not in self.known:
            self.known[key, depth] = self._text(key, depth)
        return self.known[key, depth]

    def _text(self, key: str, depth: int) -> str:
        rel = self.view.relations.get(key)
        if rel is None:
            return key
        source = self.statement(rel["source"])
        if rel.get("undercut"):  # its target is the relation whose inference it attacks
            inner = rel["target"]
            if depth < 2 and inner in self.view.relations:
                inner = self(inner, depth + 1)
            return f"{source} {rel['kind']} the inference ({inner})"
        return f"{source} {rel['kind']} {self.statement(rel['target'])}"


def _node_title(view: GraphView, node: dict[str, Any], texts: _RelationTexts) -> str:
    if node.get("kind") != "claim":
        return "Inference: " + texts(str(node.get("relation", "")))
    claim = view.claims.get(node["id"], {})
    strength = claim.get("strength")
    lines = [
        shorten(str(claim.get("statement", node["id"])), 240),
        "Topics: " + (", ".join(claim.get("topics", [])) or "none"),
        "Held by: " + ", ".join(claim.get("holders", [])),
        f"Status: {claim.get('status', 'not computed')}"
        + ("" if strength is None else f", strength {strength:.2f}"),
    ]
    if claim.get("reason"):
        lines.append(shorten(str(claim["reason"]), 300))
    if node.get("guest"):
        lines.append("(context: outside this view's selection)")
    return "\n".join(lines)


def _edge_title(view: GraphView, edge: dict[str, Any], texts: _RelationTexts) -> str:
    key = str(edge.get("relation", ""))
    text = texts(key)
    if edge.get("undercut"):
        text += " (undercut: attacks the inference)"
    note = (view.relations.get(key) or {}).get("note")
    return f"{text}\n{note}" if note else text
