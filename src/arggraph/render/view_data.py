"""The data one view page reads: :class:`GraphView` and how it becomes the page's JSON.

A :class:`GraphView` holds vis-network's nodes, edges and options and what the page's
script needs beside them (each drawn claim's details, the relation table, the filter
menus, the regions drawn behind the map). :class:`SharedText` keeps the text made once
per claim and reused by every view of one graph (its JSON, its outline item, the filter
menus' options), so that a folder of 700 pages encodes each claim once.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from html import escape
from typing import Any, Literal

from markupsafe import Markup
from markupsafe import escape as markup_escape

from arggraph.render import style
from arggraph.render.details import DETAILS_PER_FILE, details_file
from arggraph.render.html import script_json
from arggraph.render.json_reuse import ItemJson

__all__ = ["OUTLINE_LIMIT", "GraphView", "SharedText", "ViewKind"]

ViewKind = Literal["graph", "topic", "question", "speaker", "document"]

OUTLINE_LIMIT = 2000
"""A view's text outline lists at most this many claims (the map draws them all)."""


@dataclass
class SharedText:
    """Text made once per claim and shared by every view of one graph: each claim's
    details, statement and relation row as JSON (kept with the value they encode, and
    used only for that same object), and its item in the text outline."""

    claim_json: dict[str, tuple[Any, str]] = field(default_factory=dict)
    relation_json: dict[str, tuple[Any, str]] = field(default_factory=dict)
    statement_json: dict[str, tuple[Any, str]] = field(default_factory=dict)
    outline_items: dict[str, str] = field(default_factory=dict)
    summary_json: dict[str, tuple[Any, str]] = field(default_factory=dict)
    option_html: dict[tuple[str, str, str], str] = field(default_factory=dict)
    position: dict[str, int] = field(default_factory=dict)
    items: ItemJson = field(default_factory=ItemJson)


@dataclass
class GraphView:
    """One drawable view: vis-network data and options plus what the page needs.

    ``claims`` holds the details panel's data per drawn claim, ``statements`` the
    statements of claims the details name that are not drawn; ``relations`` each drawn
    relation (source, target, kind, undercut, note, who draws it) for the page's
    filters and tooltips; ``facets`` the topics, speakers and documents in the view,
    sorted by label, for the filter menus; ``regions`` what is drawn behind the graph
    (a region per answer and per what is beneath it, or a disk per topic); ``layout``
    how positions are made.
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
    alternatives: list[dict[str, Any]] = field(default_factory=list)
    """An argument map in its narrower shapes (box width, positions in node order,
    regions): the page opens the widest that its canvas shows whole, readable."""
    precomputed: bool = False
    layout_note: str = ""
    members_note: str = ""
    """What the view's own claims are, counted ("4 claims held"); the index says it
    beside the claims drawn, which add the context claims."""
    layout: style.LayoutKind = "physics"
    shared: SharedText = field(default_factory=lambda: SharedText(), repr=False, compare=False)
    details_href: str | None = None
    """Set (to :data:`DETAILS_DIR`) when the claims' details are in shared files: the
    page then carries a short summary per claim and loads the details on first use."""

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

    def outline(self, limit: int = OUTLINE_LIMIT) -> dict[str, Any]:
        """The map as a tree a screen reader and a printout can follow (like a Kialo tree).

        Claims grouped by the answer they give (question views: yes, then no, then the
        rest), each with who holds it and, beneath, what supports, rebuts or undercuts
        it. At most ``limit`` claims; ``omitted`` counts the rest.
        """
        groups: dict[str, list[dict[str, Any]]] = {}
        order = self._outline_order()
        for heading, claim_id in order[:limit]:
            groups.setdefault(heading, []).append(self._outline_claim(claim_id))
        return {
            "groups": [{"heading": h, "claims": c} for h, c in groups.items()],
            "omitted": max(0, len(order) - limit),
        }

    def _outline_order(self) -> list[tuple[str, str]]:
        """(heading, claim id) in outline order: yes, then no, then the rest."""
        answers = {n["id"]: n.get("answer") for n in self.nodes if n["kind"] == "claim"}
        order = [("Answers yes", c) for c in answers if answers[c] == "yes"]
        order += [("Answers no", c) for c in answers if answers[c] == "no"]
        order += [("Claims", c) for c in answers if answers[c] not in ("yes", "no")]
        return order

    def _outline_claim(self, claim_id: str) -> dict[str, Any]:
        """A claim of the outline: its statement, holders, and what argues about it."""

        def statement(other: str) -> str:
            if other in self.claims:
                return str(self.claims[other]["statement"])
            return self.statements.get(other, other)

        details = self.claims[claim_id]
        children = [
            {"kind": kind, "id": item["id"], "statement": statement(item["id"])}
            for kind, field_name in (
                ("supports", "supporters"),
                ("rebuts", "rebutters"),
                ("undercuts", "undercutters"),
            )
            for item in details.get(field_name, [])
        ]
        return {
            "id": claim_id,
            "statement": details["statement"],
            "holders": ", ".join(h.split(" (")[0] for h in details.get("holders", [])),
            "children": children,
        }

    def outline_html(self, limit: int = OUTLINE_LIMIT) -> Markup:
        """:meth:`outline` as escaped HTML: headings and nested lists.

        Each claim's item is the same in every view that lists it, so it is written once
        (in ``shared``) and reused.
        """
        order = self._outline_order()
        parts: list[str] = []
        heading = None
        items = self.shared.outline_items
        for group, claim_id in order[:limit]:
            if group != heading:
                parts.append(("</ul>\n" if heading else "") + f"<h3>{escape(group)}</h3>")
                parts.append('<ul class="ag-tree">')
                heading = group
            if claim_id not in items:
                items[claim_id] = _outline_item(self._outline_claim(claim_id))
            parts.append(items[claim_id])
        if heading:
            parts.append("</ul>")
        if len(order) > limit:
            parts.append(f'<p class="ag-note">{len(order) - limit} more claims are on the map.</p>')
        return Markup("\n".join(parts))

    def facet_options(self, facet: str) -> Markup:
        """The ``<option>`` elements of a filter menu (topics, speakers, documents), each
        escaped once per graph (a 10k-claim folder lists the same speakers ~700 times)."""
        made = self.shared.option_html
        parts = []
        for item_id, label in self.facets[facet]:
            key = (facet, item_id, label)
            text = made.get(key)
            if text is None:
                text = made[key] = (
                    f'<option value="{markup_escape(item_id)}">{markup_escape(label)}</option>'
                )
            parts.append(text)
        return Markup("".join(parts))

    def page_json(self) -> Markup:
        """:meth:`page_data` as JSON safe inside ``<script>`` (``script_json``); each claim's
        details (or, with ``details_href``, its summary), node and edge are encoded once
        (in ``shared``) and reused by every view that draws it."""
        data = self.page_data()
        claims = data.pop("claims")
        statements = data.pop("statements")
        parts: dict[str, tuple[dict[str, Any], dict[str, tuple[Any, str]]]] = {
            "relations": (data.pop("relations"), self.shared.relation_json)
        }
        if self.details_href is None:
            parts["statements"] = (statements, self.shared.statement_json)
            parts["claims"] = (claims, self.shared.claim_json)
        else:
            data["details"] = self.details_href
            parts["claims"] = (claims, self.shared.summary_json)
        fields = []
        for name, value in data.items():
            if name == "nodes":
                encoded = "[" + ",".join(map(self.shared.items.node, value)) + "]"
            elif name == "edges":
                encoded = "[" + ",".join(map(self.shared.items.edge, value)) + "]"
            else:
                encoded = script_json(value)
            fields.append(f'"{name}":{encoded}')  # the names need no escaping
        text = "{" + ",".join(fields)
        for name, (table, cache) in parts.items():
            summarise = name == "claims" and self.details_href is not None
            made = cache.get
            items = [
                entry[1]
                if (entry := made(item_id)) is not None and entry[0] is value
                else self._encode_entry(cache, item_id, value, summarise)
                for item_id, value in table.items()
            ]
            text += f',"{name}":{{{",".join(items)}}}'
        return Markup(text + "}")

    def _encode_entry(
        self, cache: dict[str, tuple[Any, str]], item_id: str, value: Any, summarise: bool
    ) -> str:
        """``"id":value`` as JSON, kept in ``cache`` with the value it encodes."""
        encoded = script_json(self._summary(item_id, value) if summarise else value)
        text = f"{script_json(item_id)}:{encoded}"
        cache[item_id] = (value, text)
        return text

    def _summary(self, claim_id: str, details: dict[str, Any]) -> dict[str, Any]:
        """What a page needs of a claim before it is clicked: its statement (search, the
        tooltip, the links), its status, and which details file holds the rest."""
        return {
            "statement": details["statement"],
            "status": details["status"],
            "strength": details["strength"],
            "file": details_file(self.shared.position[claim_id] // DETAILS_PER_FILE),
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
            **({"alternatives": self.alternatives} if self.alternatives else {}),
            "precomputed": self.precomputed,
            "layout": self.layout,
            "counts": self.counts,
        }


def _outline_item(claim: dict[str, Any]) -> str:
    """One claim of the outline as an escaped ``<li>``, its children in a nested list."""
    holders = (
        f' <span class="ag-note">\u2014 {escape(claim["holders"])}</span>'
        if claim["holders"]
        else ""
    )
    children = "".join(
        f"<li><em>{escape(k['kind'])}:</em> {escape(k['statement'])}</li>"
        for k in claim["children"]
    )
    return f"<li>{escape(claim['statement'])}{holders}" + (
        f"<ul>{children}</ul></li>" if children else "</li>"
    )
