"""View data for interactive graph pages: vis-network nodes, edges and options.

A *view* is a set of claims drawn as a graph: the whole graph, one topic, one
speaker or one document. Views of a topic, speaker or document hold that item's
claims (*members*) and, for context, the claims one relation away (*guests*, drawn
faded); every relation among the drawn claims is drawn. The data has pyvis's shape
(``nodes``, ``edges``, ``options``) but is filled directly, not through
``Network.add_node`` (which scans its lists on every call; quadratic at scale).

Encodings (docs/views.md has the legend):

- ``supports``: green solid arrow; ``rebuts``: red dashed arrow.
- An *undercut* (a relation whose target is another relation) points at a small dot
  on the target relation: that relation is drawn as two segments joined by a
  *junction* node (id ``"@" + relation key``, which no claim id can equal since ids
  cannot contain ``@``), and the undercut's arrow ends at the junction.
- Node fill: the claim's reader status (unchallenged / objection answered /
  objection unanswered, :func:`arggraph.analysis.statuses.reader_statuses`), darker
  when stronger; the reason shows on hover and in the details panel.
- Node shape and border colour: the claim's first topic.
- Tooltips are plain text, composed by the page's script from the claims' details
  and the relation table (so statements are not repeated in every node and edge);
  vis-network sets string tooltips with ``innerText``.

Layout: forceAtlas2Based physics with straight edges, a fixed random seed and
:data:`STABILISATION_ITERATIONS` iterations, switched off once stable (the page does
this). Above :data:`PRECOMPUTE_ABOVE` nodes positions are computed here instead
(a sunflower disk per topic, disks packed in rows: linear time) and physics stays off.

Example
-------
>>> from arggraph.synthetic import synthetic_graph
>>> view = whole_view(synthetic_graph(20, seed=1))
>>> view.counts["claims"], view.precomputed
(20, False)
"""

from __future__ import annotations

import math
from collections import defaultdict, deque
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any, Literal

from arggraph.analysis.objections import Statuses, claim_statuses_for_display
from arggraph.analysis.signed import relation_chain
from arggraph.model import ArgumentGraph, Claim, Relation

ViewKind = Literal["graph", "topic", "speaker", "document"]

PRECOMPUTE_ABOVE = 1500
"""Views with more nodes than this get positions computed in Python, physics off."""

STABILISATION_ITERATIONS = 150
"""forceAtlas2Based iterations before the first drawing; physics then stops."""

RANDOM_SEED = 7
"""vis-network's ``layout.randomSeed``: the same data gives the same layout."""

SUPPORT_COLOUR = "#2e7d32"
REBUT_COLOUR = "#c62828"
GUEST_OPACITY = 0.45

STATUS_COLOURS: dict[str, str] = {
    "unchallenged": "#5c8fb8",
    "objection answered": "#7fa88a",
    "objection unanswered": "#d9a441",
    "not computed": "#b0bec5",
}
"""Fill colour of each reader status at full strength (mixed with white when weaker).

Muted and no red: a status says whether an objection is answered, not who is right.
"""

TOPIC_SHAPES = ("dot", "square", "diamond", "triangle", "hexagon", "star", "triangleDown")
TOPIC_COLOURS = (
    "#0072b2",
    "#e69f00",
    "#009e73",
    "#cc79a7",
    "#56b4e9",
    "#d55e00",
    "#6a3d9a",
    "#8c564b",
    "#333333",
    "#17becf",
)
"""Okabe-Ito and a few more: border colours for topics, cycled with the shapes."""

NO_TOPIC = ("ellipse", "#777777")


@dataclass
class GraphView:
    """One drawable view: vis-network data and options plus what the page needs.

    ``claims`` holds the details panel's data per drawn claim, ``statements`` the
    statements of claims the details name that are not drawn; ``relations`` each drawn
    relation (source, target, kind, undercut) for the page's filters; ``facets`` the
    topics, speakers and documents in the view, sorted by label, for the filter menus.
    """

    key: str
    kind: ViewKind
    item_id: str | None
    title: str
    description: str
    nodes: list[dict[str, Any]]
    edges: list[dict[str, Any]]
    options: dict[str, Any]
    claims: dict[str, dict[str, Any]]
    relations: dict[str, dict[str, Any]]
    statements: dict[str, str]
    facets: dict[str, list[list[str]]]
    regions: list[dict[str, Any]] = field(default_factory=list)
    precomputed: bool = False
    layout_note: str = ""

    @property
    def counts(self) -> dict[str, int]:
        """Claims, junctions and relations drawn, and vis nodes and edges."""
        claims = sum(1 for n in self.nodes if n["kind"] == "claim")
        return {
            "claims": claims,
            "junctions": len(self.nodes) - claims,
            "relations": len(self.relations),
            "nodes": len(self.nodes),
            "edges": len(self.edges),
        }

    def page_data(self) -> dict[str, Any]:
        """Everything the page's script reads, as plain JSON-ready data."""
        return {
            "key": self.key,
            "kind": self.kind,
            "title": self.title,
            "nodes": self.nodes,
            "edges": self.edges,
            "options": self.options,
            "claims": self.claims,
            "statements": self.statements,
            "relations": self.relations,
            "facets": self.facets,
            "regions": self.regions,
            "precomputed": self.precomputed,
            "counts": self.counts,
        }


class _Context:
    """Look-ups shared by every view of one graph (built once)."""

    def __init__(self, graph: ArgumentGraph, statuses: Statuses) -> None:
        self.graph = graph
        self.statuses = statuses
        self.claims = {c.id: c for c in graph.claims}
        self.speakers = {s.id: s for s in graph.speakers}
        self.documents = {d.id: d for d in graph.documents}
        self.topics = {t.id: t for t in graph.topics}
        self.relations = {r.key: r for r in graph.relations}
        self.topic_style = {
            t.id: (TOPIC_SHAPES[i % len(TOPIC_SHAPES)], TOPIC_COLOURS[i % len(TOPIC_COLOURS)])
            for i, t in enumerate(graph.topics)
        }
        self.into: dict[str, list[Relation]] = defaultdict(list)
        self.out_of: dict[str, list[Relation]] = defaultdict(list)
        for rel in graph.relations:
            self.out_of[rel.source].append(rel)
            self.into[rel.target].append(rel)
        self.undercut_targets = {r.target for r in graph.relations if r.target in self.relations}

        self.order = {r.key: i for i, r in enumerate(graph.relations)}
        self.ends: dict[str, frozenset[str]] = {}
        self.by_end: dict[str, list[str]] = defaultdict(list)
        for rel in graph.relations:
            chain, end = relation_chain(rel, self.relations)
            ends = frozenset({r.source for r in chain} | ({end} if end is not None else set()))
            self.ends[rel.key] = ends
            for claim_id in ends:
                self.by_end[claim_id].append(rel.key)

    def relation_text(self, rel: Relation) -> str:
        target = (
            _short(self.claims[rel.target].statement, 60)
            if rel.target in self.claims
            else f"the inference {rel.target}"
        )
        source = _short(self.claims[rel.source].statement, 60)
        return f"\u201c{source}\u201d {rel.kind} \u201c{target}\u201d"


def _short(text: str, width: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1].rstrip() + "\u2026"


def _wrap(text: str, width: int = 26, lines: int = 2) -> str:
    words = " ".join(text.split()).split(" ")
    out: list[str] = []
    line = ""
    for word in words:
        if line and len(line) + 1 + len(word) > width:
            out.append(line)
            line = word
        else:
            line = f"{line} {word}" if line else word
    out.append(line)
    if len(out) > lines:
        out = out[:lines]
        out[-1] = _short(out[-1] + " \u2026", width)
    return "\n".join(_short(x, width + 6) for x in out)


def _mix(colour: str, amount: float) -> str:
    """``colour`` mixed with white: ``amount`` 1 is the colour, 0 is white."""
    rgb = [int(colour[i : i + 2], 16) for i in (1, 3, 5)]
    mixed = [round(255 - (255 - c) * amount) for c in rgb]
    return "#" + "".join(f"{c:02x}" for c in mixed)


def _fade(colour: str) -> str:
    return _mix(colour, GUEST_OPACITY)


def _options(n_nodes: int, precomputed: bool) -> dict[str, Any]:
    options: dict[str, Any] = {
        "autoResize": True,
        "nodes": {
            "borderWidth": 2,
            "size": 14,
            "font": {"size": 14, "face": "system-ui, sans-serif", "color": "#1a1a1a"},
            # labels stay readable at the zoom that fits a few dozen claims (scale ~0.3)
            "scaling": {"label": {"drawThreshold": 4}},
        },
        "edges": {
            "smooth": False,
            "width": 1.6,
            "arrows": {"to": {"enabled": True, "scaleFactor": 0.7}},
            "selectionWidth": 1.5,
        },
        "layout": {"randomSeed": RANDOM_SEED, "improvedLayout": n_nodes <= 150},
        "interaction": {
            "hover": True,
            "tooltipDelay": 150,
            "hideEdgesOnDrag": precomputed,
            "hideEdgesOnZoom": precomputed,
            "multiselect": False,
        },
    }
    if precomputed:
        options["physics"] = {"enabled": False}
    else:
        options["physics"] = {
            "enabled": True,
            "solver": "forceAtlas2Based",
            "forceAtlas2Based": {
                "gravitationalConstant": -140,
                "centralGravity": 0.008,
                "springLength": 150,
                "springConstant": 0.05,
                "damping": 0.5,
                "avoidOverlap": 0.8,
            },
            "stabilization": {
                "enabled": True,
                "iterations": STABILISATION_ITERATIONS,
                "updateInterval": 50,
                "fit": True,
            },
            "minVelocity": 1,
        }
    return options


def _claim_details(ctx: _Context, claim: Claim, statements: dict[str, str]) -> dict[str, Any]:
    """The details panel's data for one claim; the claims it names go into ``statements``.

    Related claims are given by id (with the relation's key), their statements once per
    view in ``statements``: a claim's neighbours are listed by many claims.
    """

    def ref(claim_id: str, relation: str, kind: str | None = None) -> dict[str, Any]:
        statements[claim_id] = ctx.claims[claim_id].statement
        item: dict[str, Any] = {"id": claim_id, "relation": relation}
        if kind is not None:
            item["kind"] = kind
        return item

    status = ctx.statuses.of(claim.id)
    supporters: list[dict[str, Any]] = []
    rebutters: list[dict[str, Any]] = []
    undercutters: list[dict[str, Any]] = []
    outgoing: list[dict[str, Any]] = []
    for rel in ctx.into.get(claim.id, []):
        (supporters if rel.kind == "supports" else rebutters).append(ref(rel.source, rel.key))
    for out in ctx.out_of.get(claim.id, []):
        for rel in ctx.into.get(out.key, []):
            item = ref(rel.source, rel.key, rel.kind)
            item["of"] = ctx.relation_text(out)
            undercutters.append(item)
        if out.target in ctx.claims:
            outgoing.append(ref(out.target, out.key, out.kind))
        else:
            inference = ctx.relations[out.target]
            outgoing.append(
                {
                    "id": None,
                    "relation": out.key,
                    "kind": out.kind,
                    "of": ctx.relation_text(inference),
                }
            )
    return {
        "statement": claim.statement,
        "topics": [ctx.topics[t].label for t in claim.topics],
        "holders": [_speaker_name(ctx, s) for s in claim.speakers],
        "quotes": [
            {
                "speaker": ctx.speakers[a.speaker].name,
                "document": ctx.documents[a.document].title,
                "quote": a.quote,
            }
            for a in claim.attributions
        ],
        "supporters": supporters,
        "rebutters": rebutters,
        "undercutters": undercutters,
        "outgoing": outgoing,
        "status": status.status if status else "not computed",
        "reason": status.reason if status else None,
        "strength": ctx.statuses.strength(claim.id),
        "note": claim.note,
    }


def _speaker_name(ctx: _Context, speaker_id: str) -> str:
    speaker = ctx.speakers[speaker_id]
    return f"{speaker.name} ({speaker.role})" if speaker.role else speaker.name


def _claim_node(ctx: _Context, claim: Claim, guest: bool) -> dict[str, Any]:
    status = ctx.statuses.of(claim.id)
    known = ctx.statuses.strength(claim.id)
    strength = 0.6 if known is None else max(0.0, min(1.0, known))
    colour = STATUS_COLOURS[status.status] if status else STATUS_COLOURS["not computed"]
    fill = _mix(colour, 0.25 + 0.75 * strength)
    shape, border = ctx.topic_style[claim.topics[0]] if claim.topics else NO_TOPIC
    if guest:
        fill, border = _fade(fill), _fade(border)
    font_colour = "#8a8a8a" if guest else "#1a1a1a"
    return {
        "id": claim.id,
        "kind": "claim",
        "label": _wrap(claim.statement),
        "shape": shape,
        "color": {
            "background": fill,
            "border": border,
            "highlight": {"background": fill, "border": "#000000"},
            "hover": {"background": fill, "border": "#000000"},
        },
        "font": {"color": font_colour},
        "borderWidth": 3 if claim.topics and len(claim.topics) > 1 else 2,
        "guest": guest,
        "topics": list(claim.topics),
        "speakers": claim.speakers,
        "documents": claim.documents,
    }


def _edge_style(kind: str, undercut: bool) -> dict[str, Any]:
    colour = SUPPORT_COLOUR if kind == "supports" else REBUT_COLOUR
    return {
        "color": {"color": colour, "highlight": colour, "hover": colour, "inherit": False},
        "dashes": kind == "rebuts",
        "width": 2.4 if undercut else 1.6,
    }


def _draw_relations(
    ctx: _Context, relations: list[Relation]
) -> tuple[list[dict[str, Any]], list[dict[str, Any]], dict[str, dict[str, Any]]]:
    """Junction nodes, edges and the relation table for ``relations`` (all drawable)."""
    keys = {r.key for r in relations}
    junctions: list[dict[str, Any]] = []
    edges: list[dict[str, Any]] = []
    table: dict[str, dict[str, Any]] = {}
    for rel in relations:
        undercut = rel.target in ctx.relations
        target = "@" + rel.target if undercut else rel.target
        style = _edge_style(rel.kind, undercut)
        base = {
            "relation": rel.key,
            "kind": rel.kind,
            "undercut": undercut,
            "title": _relation_title(rel, undercut),
        }
        table[rel.key] = {
            "source": rel.source,
            "target": rel.target,
            "kind": rel.kind,
            "undercut": undercut,
            "note": rel.note,
        }
        if rel.key in ctx.undercut_targets and any(
            r.target == rel.key for r in ctx.into[rel.key] if r.key in keys
        ):
            junction = "@" + rel.key
            junctions.append(
                {
                    "id": junction,
                    "kind": "junction",
                    "relation": rel.key,
                    "label": "",
                    "shape": "dot",
                    "size": 5,
                    "color": {
                        "background": style["color"]["color"],
                        "border": style["color"]["color"],
                        "highlight": {"background": "#000000", "border": "#000000"},
                    },
                    "borderWidth": 1,
                }
            )
            edges.append(
                {
                    **base,
                    **style,
                    "id": f"e:{rel.key}#1",  # "#" is in no id or key
                    "from": rel.source,
                    "to": junction,
                    "arrows": "",
                }
            )
            edges.append(
                {
                    **base,
                    **style,
                    "id": f"e:{rel.key}#2",
                    "from": junction,
                    "to": target,
                    "arrows": "to",
                }
            )
        else:
            edges.append(
                {
                    **base,
                    **style,
                    "id": f"e:{rel.key}",
                    "from": rel.source,
                    "to": target,
                    "arrows": "to",
                }
            )
    return junctions, edges, table


def _relation_title(rel: Relation, undercut: bool) -> str:
    """The edge's tooltip, plain text (vis-network sets it as text): kind, ends, note.

    A drafted relation (``arggraph extract``) carries its confidence in its note, so a
    reviewer sees it on hover.
    """
    verb = "undercuts" if undercut else rel.kind
    lines = [f"{rel.source} {verb} {rel.target}"]
    if rel.attribution is not None:
        lines.append(f'{rel.attribution.speaker}: "{rel.attribution.quote}"')
    if rel.note:
        lines.append(rel.note)
    return "\n".join(lines)


def _drawable(ctx: _Context, nodes: set[str]) -> list[Relation]:
    """Relations whose claims (source, target, and along a chain of undercuts) are all drawn.

    In file order; found through the claims, so a small view of a big graph is cheap.
    """
    keys = {k for claim_id in nodes for k in ctx.by_end.get(claim_id, [])}
    chosen = sorted((k for k in keys if ctx.ends[k] <= nodes), key=ctx.order.__getitem__)
    return [ctx.relations[k] for k in chosen]


def _view(
    ctx: _Context,
    *,
    key: str,
    kind: ViewKind,
    item_id: str | None,
    title: str,
    description: str,
    members: list[str],
    precompute_above: int,
) -> GraphView:
    member_set = set(members)
    nodes_set = set(member_set)
    if kind != "graph":
        for claim_id in members:
            for rel_key in ctx.by_end.get(claim_id, []):
                nodes_set |= ctx.ends[rel_key]
    relations = _drawable(ctx, nodes_set)
    order = [c.id for c in ctx.graph.claims if c.id in nodes_set]
    nodes = [_claim_node(ctx, ctx.claims[c], c not in member_set) for c in order]
    junctions, edges, table = _draw_relations(ctx, relations)
    nodes.extend(junctions)
    precomputed = len(nodes) > precompute_above
    regions: list[dict[str, Any]] = []
    note = (
        f"Layout: forceAtlas2 physics ({STABILISATION_ITERATIONS} iterations, seed "
        f"{RANDOM_SEED}), stopped once stable; drag nodes to rearrange."
    )
    if precomputed:
        regions = _precompute_layout(ctx, nodes, edges)
        for edge in edges:
            edge["color"] = {**edge["color"], "opacity": 0.35}
        note = (
            f"Large view ({len(nodes):,} nodes, more than {precompute_above:,}): positions "
            "are precomputed, one disk per topic; physics is off and edges hide while "
            "dragging or zooming."
        )
    statements: dict[str, str] = {}
    details = {c: _claim_details(ctx, ctx.claims[c], statements) for c in order}
    for claim_id in order:
        statements.pop(claim_id, None)  # drawn claims carry their statement in ``claims``
    for rel in relations:
        for claim_id in (rel.source, rel.target):
            if claim_id in ctx.claims and claim_id not in details:
                statements[claim_id] = ctx.claims[claim_id].statement
    facets = {
        "topics": sorted(
            ([t, ctx.topics[t].label] for t in {t for c in order for t in ctx.claims[c].topics}),
            key=lambda x: (x[1].casefold(), x[0]),
        ),
        "speakers": sorted(
            ([s, ctx.speakers[s].name] for s in {s for c in order for s in ctx.claims[c].speakers}),
            key=lambda x: (x[1].casefold(), x[0]),
        ),
        "documents": sorted(
            (
                [d, ctx.documents[d].title]
                for d in {d for c in order for d in ctx.claims[c].documents}
            ),
            key=lambda x: (x[1].casefold(), x[0]),
        ),
    }
    return GraphView(
        key=key,
        kind=kind,
        item_id=item_id,
        title=title,
        description=description,
        nodes=nodes,
        edges=edges,
        options=_options(len(nodes), precomputed),
        claims=details,
        statements=dict(sorted(statements.items())),
        relations=table,
        facets=facets,
        regions=regions,
        precomputed=precomputed,
        layout_note=note,
    )


def _precompute_layout(
    ctx: _Context, nodes: list[dict[str, Any]], edges: list[dict[str, Any]]
) -> list[dict[str, Any]]:
    """Place claims in a sunflower disk per first topic, disks in rows, junctions at midpoints.

    Linear in the size of the view (a force layout in Python takes a minute at 5k
    nodes). Within a disk claims go outwards in breadth-first order from the best
    connected one, so related claims sit near each other. Returns the disks, drawn
    behind the graph with their topic's label.
    """
    spacing = 70.0
    golden = math.pi * (3 - math.sqrt(5))
    neighbours: dict[str, list[str]] = defaultdict(list)
    for edge in edges:
        neighbours[edge["from"]].append(edge["to"])
        neighbours[edge["to"]].append(edge["from"])
    groups: dict[str, list[str]] = {}
    for node in nodes:
        if node["kind"] == "claim":
            topics = node["topics"]
            groups.setdefault(topics[0] if topics else "", []).append(node["id"])
    by_id = {n["id"]: n for n in nodes}
    disks = []
    for topic, members in groups.items():
        member_set = set(members)
        degree = {m: len(neighbours[m]) for m in members}
        ordered: list[str] = []
        seen: set[str] = set()
        for start in sorted(members, key=lambda m: -degree[m]):
            if start in seen:
                continue
            seen.add(start)
            queue = deque([start])
            while queue:
                current = queue.popleft()
                ordered.append(current)
                for nxt in neighbours[current]:
                    if nxt in member_set and nxt not in seen:
                        seen.add(nxt)
                        queue.append(nxt)
        radius = spacing * math.sqrt(len(ordered) + 1)
        disks.append((topic, ordered, radius))
    disks.sort(key=lambda d: (-len(d[1]), d[0]))
    total_area = sum((2 * r) ** 2 for _, _, r in disks)
    row_width = max(math.sqrt(total_area) * 1.2, 2 * disks[0][2] if disks else 0.0)
    x = y = row_height = 0.0
    regions = []
    for topic, ordered, radius in disks:
        if x > 0 and x + 2 * radius > row_width:
            x, y, row_height = 0.0, y + row_height + spacing, 0.0
        cx, cy = x + radius, y + radius
        for i, claim_id in enumerate(ordered):
            r = spacing * math.sqrt(i + 0.5)
            by_id[claim_id]["x"] = round(cx + r * math.cos(i * golden), 1)
            by_id[claim_id]["y"] = round(cy + r * math.sin(i * golden), 1)
        label = ctx.topics[topic].label if topic else "No topic"
        regions.append(
            {"label": label, "x": round(cx, 1), "y": round(cy, 1), "r": round(radius, 1)}
        )
        x += 2 * radius + spacing
        row_height = max(row_height, 2 * radius)
    _place_junctions(ctx, by_id)
    return regions


def _place_junctions(ctx: _Context, by_id: dict[str, dict[str, Any]]) -> None:
    def position(node_id: str, depth: int = 0) -> tuple[float, float]:
        node = by_id[node_id]
        if "x" in node:
            return node["x"], node["y"]
        if depth > len(by_id):
            return 0.0, 0.0
        rel = ctx.relations[node["relation"]]
        target = "@" + rel.target if rel.target in ctx.relations else rel.target
        (x1, y1), (x2, y2) = position(rel.source, depth + 1), position(target, depth + 1)
        node["x"], node["y"] = round((x1 + x2) / 2, 1), round((y1 + y2) / 2, 1)
        return node["x"], node["y"]

    for node_id, node in by_id.items():
        if node["kind"] == "junction":
            position(node_id)


# ---------------------------------------------------------------- public builders


def whole_view(
    graph: ArgumentGraph,
    *,
    statuses: Statuses | None = None,
    precompute_above: int = PRECOMPUTE_ABOVE,
) -> GraphView:
    """The whole graph as one view."""
    ctx = _Context(graph, statuses or claim_statuses_for_display(graph))
    return _whole(ctx, precompute_above)


def _whole(ctx: _Context, precompute_above: int) -> GraphView:
    graph = ctx.graph
    return _view(
        ctx,
        key="graph",
        kind="graph",
        item_id=None,
        title=graph.title or "Argument graph",
        description=f"All {len(graph.claims)} claims and {len(graph.relations)} relations.",
        members=[c.id for c in graph.claims],
        precompute_above=precompute_above,
    )


def topic_view(
    graph: ArgumentGraph,
    topic_id: str,
    *,
    statuses: Statuses | None = None,
    precompute_above: int = PRECOMPUTE_ABOVE,
) -> GraphView:
    """One topic's claims, with the claims one relation away as faded context."""
    ctx = _Context(graph, statuses or claim_statuses_for_display(graph))
    return _topic(ctx, topic_id, precompute_above)


def _topic(ctx: _Context, topic_id: str, precompute_above: int) -> GraphView:
    topic = ctx.topics[topic_id]
    members = [c.id for c in ctx.graph.claims if topic_id in c.topics]
    return _view(
        ctx,
        key=f"topic:{topic_id}",
        kind="topic",
        item_id=topic_id,
        title=f"Topic: {topic.label}",
        description=topic.question or f"Claims on the topic {topic.label}.",
        members=members,
        precompute_above=precompute_above,
    )


def speaker_view(
    graph: ArgumentGraph,
    speaker_id: str,
    *,
    statuses: Statuses | None = None,
    precompute_above: int = PRECOMPUTE_ABOVE,
) -> GraphView:
    """The claims one speaker holds, with the claims one relation away as faded context."""
    ctx = _Context(graph, statuses or claim_statuses_for_display(graph))
    return _speaker(ctx, speaker_id, precompute_above)


def _speaker(ctx: _Context, speaker_id: str, precompute_above: int) -> GraphView:
    speaker = ctx.speakers[speaker_id]
    members = [c.id for c in ctx.graph.claims if speaker_id in c.speakers]
    return _view(
        ctx,
        key=f"speaker:{speaker_id}",
        kind="speaker",
        item_id=speaker_id,
        title=f"Speaker: {speaker.name}",
        description=(f"{speaker.role}. " if speaker.role else "")
        + f"{len(members)} claims held by {speaker.name}.",
        members=members,
        precompute_above=precompute_above,
    )


def document_view(
    graph: ArgumentGraph,
    document_id: str,
    *,
    statuses: Statuses | None = None,
    precompute_above: int = PRECOMPUTE_ABOVE,
) -> GraphView:
    """The claims quoted from one document, with the claims one relation away as context."""
    ctx = _Context(graph, statuses or claim_statuses_for_display(graph))
    return _document(ctx, document_id, precompute_above)


def _document(ctx: _Context, document_id: str, precompute_above: int) -> GraphView:
    document = ctx.documents[document_id]
    members = [c.id for c in ctx.graph.claims if document_id in c.documents]
    return _view(
        ctx,
        key=f"document:{document_id}",
        kind="document",
        item_id=document_id,
        title=f"Document: {document.title}",
        description=f"{len(members)} claims quoted from {document.title}.",
        members=members,
        precompute_above=precompute_above,
    )


def all_views(
    graph: ArgumentGraph,
    *,
    statuses: Statuses | None = None,
    precompute_above: int = PRECOMPUTE_ABOVE,
) -> list[GraphView]:
    """The whole graph, then every topic, speaker and document (file order), as views."""
    ctx = _Context(graph, statuses or claim_statuses_for_display(graph))
    views = [_whole(ctx, precompute_above)]
    views += [_topic(ctx, t.id, precompute_above) for t in graph.topics]
    views += [_speaker(ctx, s.id, precompute_above) for s in graph.speakers]
    views += [_document(ctx, d.id, precompute_above) for d in graph.documents]
    return views


def topic_views(
    graph: ArgumentGraph,
    topic_ids: Iterable[str],
    *,
    statuses: Statuses | None = None,
    precompute_above: int = PRECOMPUTE_ABOVE,
) -> dict[str, GraphView]:
    """A view of each of ``topic_ids``, sharing one set of look-ups (for the report)."""
    ctx = _Context(graph, statuses or claim_statuses_for_display(graph))
    return {t: _topic(ctx, t, precompute_above) for t in topic_ids}


def legend() -> dict[str, Any]:
    """What the colours and shapes mean, for the pages' legends."""
    return {
        "statuses": [{"name": k, "colour": v} for k, v in STATUS_COLOURS.items()],
        "supports": SUPPORT_COLOUR,
        "rebuts": REBUT_COLOUR,
    }


def topic_legend(graph: ArgumentGraph) -> list[dict[str, str]]:
    """Shape and border colour of each topic, in file order."""
    return [
        {
            "label": t.label,
            "shape": TOPIC_SHAPES[i % len(TOPIC_SHAPES)],
            "colour": TOPIC_COLOURS[i % len(TOPIC_COLOURS)],
        }
        for i, t in enumerate(graph.topics)
    ]
