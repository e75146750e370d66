"""JSON text reused across the views of one graph: each node or edge encoded once.

A claim drawn in ten views has the same node there (a copy of one made per claim),
apart from where it is placed; a relation has the same edge. Encoding them once
rather than once per view was a fifth of ``arggraph render``'s time at 10k claims.
Whatever is reused is checked against the item first (its values, by identity for
what the views share), so an item changed after it was made is encoded afresh.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Any

from arggraph.render.html import script_json

__all__ = ["PLACED_KEYS", "ItemJson"]

PLACED_KEYS = ("x", "y", "size", "central")
"""A node's keys that differ from view to view (set after the node is copied, last)."""


@dataclass
class ItemJson:
    """Encoded nodes and edges by id, each with the item it encodes (a few variants per
    id: a claim is a box in one map, a guest in another, a dot in a network)."""

    nodes: dict[str, list[tuple[dict[str, Any], str]]] = field(default_factory=dict)
    edges: dict[str, list[tuple[dict[str, Any], str]]] = field(default_factory=dict)

    def node(self, node: dict[str, Any]) -> str:
        """``script_json(node)``, from the text of the same node unplaced when made before.

        The placed keys are those of :data:`PLACED_KEYS` at the node's end (a junction's
        ``size`` is part of its look, not of where it is placed).
        """
        variants = self.nodes.get(node.get("id"))  # type: ignore[arg-type]
        if variants:
            size = len(node)
            for base, text in variants:
                if len(base) == size:
                    if base == node:
                        return text
                elif len(base) < size and base.items() <= node.items():
                    placed = [k for k in PLACED_KEYS if k in node and k not in base]
                    if len(base) + len(placed) == size:
                        return _with_placed(text, node, placed)
        keys = list(node)
        end = len(keys)
        while end and keys[end - 1] in PLACED_KEYS:
            end -= 1
        base = {k: node[k] for k in keys[:end]}
        text = script_json(base)
        self.nodes.setdefault(node.get("id"), []).append((base, text))  # type: ignore[arg-type]
        return _with_placed(text, node, keys[end:])

    def edge(self, edge: dict[str, Any]) -> str:
        """``script_json(edge)``, from the text of an equal edge when made before."""
        variants = self.edges.setdefault(edge.get("id"), [])  # type: ignore[arg-type]
        for made, text in variants:
            if made == edge:
                return text
        text = script_json(edge)
        variants.append((dict(edge), text))
        return text


def _with_placed(text: str, node: dict[str, Any], placed: list[str]) -> str:
    """The JSON ``text`` of a node's own keys with its ``placed`` keys added at the end."""
    if not placed:
        return text
    more = ",".join(f'"{k}":{_scalar_json(node[k])}' for k in placed)
    return f"{text[:-1]}{',' if len(text) > 2 else ''}{more}}}"


def _scalar_json(value: Any) -> str:
    """A position, size or flag as JSON (as ``json.dumps`` writes it), anything else
    through :func:`script_json`."""
    if value is True or value is False:
        return "true" if value else "false"
    if type(value) in (int, float) and math.isfinite(value):
        return repr(value)
    return script_json(value)
