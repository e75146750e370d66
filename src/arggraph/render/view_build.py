"""Building one view from its member claims: context, relations, nodes, layout, details.

:func:`build_view` adds the claims one relation away as faded context (unless the
view is too large), draws every relation among the drawn claims (an undercut through
a junction node on the relation it targets), chooses the layout (physics, layered map,
or positions precomputed in Python), and gathers the claims' details and the filter
menus.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from arggraph.render import style
from arggraph.render.layout import (
    MAP_SHAPES,
    NARROW,
    Layout,
    disk_layout,
    map_trees,
    place_junctions,
    place_map,
)
from arggraph.render.view_context import ViewContext
from arggraph.render.view_data import GraphView, ViewKind

__all__ = ["NO_CONTEXT_NOTE", "build_view"]

NO_CONTEXT_NOTE = " Claims outside the selection are not added as context at this size."

_MAPS = frozenset({"topic", "question"})


def _draw_relations(
    ctx: ViewContext, relations: list[str]
) -> tuple[list[dict[str, Any]], list[dict[str, Any]], dict[str, dict[str, Any]]]:
    """Junction nodes, edges and the relation table for the keys ``relations`` (all drawable).

    Edges carry no tooltip: the page's script writes every relation's tooltip from the
    table (ends, kind, who draws it, note), in one place.
    """
    keys = set(relations)
    junctions: list[dict[str, Any]] = []
    edges: list[dict[str, Any]] = []
    table: dict[str, dict[str, Any]] = {}
    for key in relations:
        rel = ctx.relations[key]
        base, table[key] = ctx.relation_look(key)
        undercut = bool(base["undercut"])
        target = "@" + rel.target if undercut else rel.target
        if key in ctx.undercut_targets and any(k in keys for k in ctx.undercuts_of[key]):
            junction = "@" + key
            junctions.append(
                {
                    "id": junction,
                    "kind": "junction",
                    "relation": key,
                    "label": "",
                    **style.junction_style(base["color"]["color"]),
                }
            )
            # "#" is in no id or key
            edges.append(
                {**base, "id": f"e:{key}#1", "from": rel.source, "to": junction, "arrows": ""}
            )
            edges.append(
                {**base, "id": f"e:{key}#2", "from": junction, "to": target, "arrows": "to"}
            )
        else:
            edges.append(
                {**base, "id": f"e:{key}", "from": rel.source, "to": target, "arrows": "to"}
            )
    return junctions, edges, table


def _drawable(ctx: ViewContext, nodes: set[str]) -> list[str]:
    """Keys of the relations whose claims (source, target, and along a chain of undercuts)
    are all drawn.

    In file order; found through the claims, so a small view of a big graph is cheap.
    """
    by_end, ends = ctx.by_end, ctx.ends
    keys = set().union(*[by_end[c] for c in nodes if c in by_end])
    return sorted([k for k in keys if ends[k] <= nodes], key=ctx.order.__getitem__)


def _layout_note(layout: style.LayoutKind, n_nodes: int, precompute_above: int) -> str:
    """The sentence under the map saying how it is laid out and how to move around it."""
    if layout == "layered":
        return (
            "Each answer heads its column (yes left, no right), what supports and rebuts it "
            "beneath, from either side. "
            "Drag to pan, scroll or pinch to zoom; Fit shows it all."
        )
    if layout == "precomputed":
        return (
            f"Large view ({n_nodes:,} nodes, more than {precompute_above:,}): positions "
            "precomputed, claims grouped by topic in disks."
        )
    return "The most connected claims are labelled; zoom in to read the others."


def build_view(
    ctx: ViewContext,
    *,
    key: str,
    kind: ViewKind,
    item_id: str | None,
    title: str,
    description: str,
    members: list[str],
    precompute_above: int,
    questions: list[str] | None = None,
    context: bool = True,
    members_note: str = "",
) -> GraphView:
    """One view of ``members`` (file order): with context claims unless the view is too
    large, every relation among the drawn claims, nodes laid out, details and menus."""
    member_set = set(members)
    nodes_set = set(member_set)
    # a view already too large for physics gets no context claims: they would triple it
    no_context = kind != "graph" and len(members) > precompute_above
    if kind != "graph" and not no_context:
        for claim_id in members:
            for rel_key in ctx.by_end.get(claim_id, []):
                if context or ctx.ends[rel_key] <= member_set | {claim_id}:
                    nodes_set |= ctx.ends[rel_key]
    relations = _drawable(ctx, nodes_set)
    order = ctx.in_file_order(nodes_set)
    junctions, edges, table = _draw_relations(ctx, relations)
    if len(edges) > style.SOLID_REBUTTALS_ABOVE:
        edges = [style.solid_rebuttal(e) if e["kind"] == "rebuts" else e for e in edges]
    layout: style.LayoutKind = "physics"
    if len(order) + len(junctions) > precompute_above:
        layout = "precomputed"
    elif kind in _MAPS:
        layout = "layered"
    if layout == "layered":
        asked = questions or []
        nodes = [ctx.box_node(c, c not in member_set, asked) for c in order]
    else:
        nodes = [ctx.claim_node(c, c not in member_set) for c in order]
    nodes.extend(junctions)
    regions: list[dict[str, Any]] = []
    alternatives: list[dict[str, Any]] = []
    if layout != "physics":
        placed, alternatives = _place(ctx, layout, nodes, relations)
        regions = placed.regions
        if layout == "precomputed":
            for edge in edges:
                edge["color"] = {**edge["color"], "opacity": 0.35}
    if kind == "graph":
        degree = _degrees(ctx, relations)
        for node in nodes[: len(order)]:
            node["size"] = style.node_size(degree[node["id"]])
        ranked = sorted((c for c in order if degree[c]), key=lambda c: -degree[c])
        for claim_id in ranked[: style.CENTRAL_LABELS]:
            nodes[order.index(claim_id)]["central"] = True
    made = [ctx.details(claim_id) for claim_id in order]
    details = {claim_id: data for claim_id, (data, _) in zip(order, made, strict=True)}
    named: set[str] = set().union(*[names for _, names in made])
    # drawn claims carry their statement in ``claims``
    named.update(ctx.relations[k].target for k in relations)
    texts = ctx.statements
    statements = {c: texts[c] for c in named if c not in details and c in texts}
    return GraphView(
        key=key,
        kind=kind,
        item_id=item_id,
        title=title,
        description=description,
        nodes=nodes,
        edges=edges,
        options=style.options(len(nodes), layout),
        claims=details,
        statements=dict(sorted(statements.items())),
        relations=table,
        facets=_facets(ctx, order),
        regions=regions,
        alternatives=alternatives,
        precomputed=layout == "precomputed",
        layout_note=_layout_note(layout, len(nodes), precompute_above)
        + (NO_CONTEXT_NOTE if no_context else "")
        + (style.SOLID_REBUTTALS_NOTE if len(edges) > style.SOLID_REBUTTALS_ABOVE else ""),
        layout=layout,
        shared=ctx.shared,
        members_note=members_note,
    )


def _facets(ctx: ViewContext, order: list[str]) -> dict[str, list[list[str]]]:
    """The topics, speakers and documents of the drawn claims as ``[id, label]``, by label."""
    found: dict[str, set[str]] = {"topic": set(), "speaker": set(), "document": set()}
    for claim_id in order:
        for kind, item_id in ctx.items_of[claim_id]:
            if kind in found:
                found[kind].add(item_id)
    return {
        f"{kind}s": [[i, ctx.facet_labels[kind][i]] for i in ctx.in_facet_order(kind, ids)]
        for kind, ids in found.items()
    }


def _degrees(ctx: ViewContext, relations: list[str]) -> dict[str, int]:
    """How many drawn relations each claim takes part in (an undercut: its claim ends)."""
    degree: dict[str, int] = defaultdict(int)
    for key in relations:
        degree[ctx.relations[key].source] += 1
        end = ctx.end_claim[key]
        if end is not None:
            degree[end] += 1
    return degree


def _place(
    ctx: ViewContext, layout: style.LayoutKind, nodes: list[dict[str, Any]], relations: list[str]
) -> tuple[Layout, list[dict[str, Any]]]:
    """Compute positions into ``nodes`` (``x``, ``y``); return the layout's regions and,
    for an argument map, the map in its narrower shapes (``box``, ``xy`` in node order,
    ``regions``), from which the page picks the one its screen shows whole."""
    claims = [n for n in nodes if n["kind"] == "claim"]
    alternatives: list[dict[str, Any]] = []
    if layout == "layered":
        links = [
            (ctx.relations[k].source, end)
            for k in relations
            if (end := ctx.end_claim[k]) is not None
        ]
        trees = map_trees(
            [n["id"] for n in claims], {n["id"]: n["answer"] for n in claims if n["answer"]}, links
        )
        heights = {n["id"]: n.pop("height") for n in claims}
        narrow = {n["id"]: n.pop("narrow_height") for n in claims}
        placed = place_map(trees, heights, MAP_SHAPES[0])
        for shape in MAP_SHAPES[1:]:
            other = place_map(trees, narrow if shape is NARROW else heights, shape)
            _place_junctions(ctx, nodes, other)
            xy = [list(other.positions[n["id"]]) for n in nodes]
            alternatives.append({"box": shape.box, "xy": xy, "regions": other.regions})
    else:
        neighbours: dict[str, list[str]] = defaultdict(list)
        for key in relations:
            end = ctx.end_claim[key]
            if end is not None:
                source = ctx.relations[key].source
                neighbours[source].append(end)
                neighbours[end].append(source)
        groups: dict[str, list[str]] = {}
        for node in claims:
            groups.setdefault(node["topics"][0] if node["topics"] else "", []).append(node["id"])
        placed = disk_layout(
            [(ctx.topics[t].label if t else "No topic", m) for t, m in groups.items()],
            neighbours,
        )
    _place_junctions(ctx, nodes, placed)
    for node in nodes:
        node["x"], node["y"] = placed.positions[node["id"]]
    return placed, alternatives


def _place_junctions(ctx: ViewContext, nodes: list[dict[str, Any]], placed: Layout) -> None:
    """Put each junction node of ``nodes`` at the middle of its relation in ``placed``."""
    ends = {}
    for node in nodes:
        if node["kind"] == "junction":
            rel = ctx.relations[node["relation"]]
            target = "@" + rel.target if rel.target in ctx.relations else rel.target
            ends[node["id"]] = (rel.source, target)
    place_junctions(placed.positions, ends)


# ---------------------------------------------------------------- public builders
