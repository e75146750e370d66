"""View data for interactive graph pages: vis-network nodes, edges and options.

A *view* is a set of claims drawn as a graph: the whole graph, one topic, one
question, one speaker or one document. Views of a topic, speaker or document hold that
item's claims (*members*) and, for context, the claims one relation away (*guests*,
drawn faded); a question's view holds the claims that answer it and what supports and
rebuts them, two steps down. Every relation among the drawn claims is drawn. The data
has pyvis's shape (``nodes``, ``edges``, ``options``) but is filled directly, not
through ``Network.add_node`` (which scans its lists on every call; quadratic at scale).

How things look (colours, shapes, options, legends) lives in :mod:`arggraph.render.style`;
computed positions in :mod:`arggraph.render.layout`; docs/views.md has the legend.

- An *undercut* (a relation whose target is another relation) points at a small dot
  on the target relation: that relation is drawn as two segments joined by a
  *junction* node (id ``"@" + relation key``, which no claim id can equal since ids
  cannot contain ``@``), and the undercut's arrow ends at the junction.
- Question and topic views are *argument maps*: boxes with the whole statement and
  its speakers, the answering claims on top (yes left, no right), what supports and
  rebuts them beneath (:func:`arggraph.render.layout.layered_layout`).
- Speaker, document and whole-graph views are networks: forceAtlas2Based physics with
  straight edges and a fixed seed, stopped once stable (the page does this); above
  :data:`PRECOMPUTE_ABOVE` nodes, positions come from
  :func:`arggraph.render.layout.disk_layout` and physics stays off. The whole graph
  opens with its :data:`~arggraph.render.style.CENTRAL_LABELS` most connected claims
  labelled (``central``), the rest labelled on zoom.
- Tooltips are plain text composed by the page's script, in one place, from the
  claims' details and the relation table (statements are not repeated in every node
  and edge); vis-network sets string tooltips with ``innerText``.

Example
-------
>>> from arggraph.synthetic import synthetic_graph
>>> view = whole_view(synthetic_graph(20, seed=1))
>>> view.counts["claims"], view.precomputed
(20, False)
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from html import escape
from typing import Any, Literal

from markupsafe import Markup
from markupsafe import escape as markup_escape

from arggraph.analysis.objections import Statuses, claim_statuses_for_display
from arggraph.analysis.results import shorten
from arggraph.analysis.signed import relation_chain
from arggraph.model import ArgumentGraph, Claim, Relation
from arggraph.render import style
from arggraph.render.html import script_json
from arggraph.render.layout import Layout, disk_layout, layered_layout, place_junctions
from arggraph.render.style import legend, topic_legend

__all__ = [
    "DETAILS_DIR",
    "DETAILS_PER_FILE",
    "PRECOMPUTE_ABOVE",
    "GraphView",
    "ViewKey",
    "all_views",
    "answered_questions",
    "details_file",
    "details_files",
    "document_view",
    "iter_views",
    "legend",
    "question_view",
    "question_views",
    "speaker_view",
    "topic_legend",
    "topic_view",
    "topic_views",
    "view_keys",
    "whole_view",
]

ViewKind = Literal["graph", "topic", "question", "speaker", "document"]

PRECOMPUTE_ABOVE = 500
"""Views with more nodes than this get positions computed in Python, physics off.

At 1,000 claims the browser's physics layout took 2.9 s of a 3 s load (the bare
vis-network page with positions given: 0.55 s), while Python computes the positions
in 0.35 s (benchmarks/results/render.md)."""

NO_CONTEXT_NOTE = " Claims outside the selection are not added as context at this size."

QUESTION_DEPTH = 2
"""A question's view holds the answering claims and what argues about them this many
steps down (supporters and rebutters, then theirs)."""

_MAPS = frozenset({"topic", "question"})


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


DETAILS_DIR = "assets/details/"
"""Where ``arggraph render`` writes the claims' details, relative to the pages."""

DETAILS_PER_FILE = 250
"""Claims per details file: a click loads one file of about this many claims' details."""


def details_file(shard: int) -> str:
    """The name of the details file (inside :data:`DETAILS_DIR`) that holds ``shard``."""
    return f"{shard:04d}.js"


@dataclass
class GraphView:
    """One drawable view: vis-network data and options plus what the page needs.

    ``claims`` holds the details panel's data per drawn claim, ``statements`` the
    statements of claims the details name that are not drawn; ``relations`` each drawn
    relation (source, target, kind, undercut, note, who draws it) for the page's
    filters and tooltips; ``facets`` the topics, speakers and documents in the view,
    sorted by label, for the filter menus; ``regions`` what is drawn behind the graph
    (a band per answer column, or a disk per topic); ``layout`` how positions are made.
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
        details (or, with ``details_href``, its summary) are encoded once (in ``shared``)
        and reused by every view that draws it."""
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
        text = script_json(data)[:-1]
        for name, (table, cache) in parts.items():
            summarise = name == "claims" and self.details_href is not None
            items = []
            for item_id, value in table.items():
                made = cache.get(item_id)
                if made is None or made[0] is not value:
                    encoded = script_json(self._summary(item_id, value) if summarise else value)
                    made = cache[item_id] = (value, f"{script_json(item_id)}:{encoded}")
                items.append(made[1])
            text += f',"{name}":{{{",".join(items)}}}'
        return Markup(text + "}")

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
            "precomputed": self.precomputed,
            "layout": self.layout,
            "counts": self.counts,
        }


def _outline_item(claim: dict[str, Any]) -> str:
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


@dataclass(frozen=True)
class _Question:
    id: str
    topic: str
    label: str
    question: str
    own: bool


class _Context:
    """Look-ups shared by every view of one graph (built once)."""

    def __init__(self, graph: ArgumentGraph, statuses: Statuses) -> None:
        self.graph = graph
        self.statuses = statuses
        self.claims = {c.id: c for c in graph.claims}
        self.statements = {c.id: c.statement for c in graph.claims}
        self.speakers = {s.id: s for s in graph.speakers}
        self.documents = {d.id: d for d in graph.documents}
        self.topics = {t.id: t for t in graph.topics}
        self.questions: dict[str, _Question] = {}
        for topic in graph.topics:
            self.questions[topic.id] = _Question(
                topic.id, topic.id, topic.label, topic.question or topic.label, True
            )
            for sub in topic.questions:
                self.questions[sub.id] = _Question(
                    sub.id, topic.id, sub.label or sub.question, sub.question, False
                )
        self.relations = {r.key: r for r in graph.relations}
        # one pass over the claims: each view takes its members from these, in file order
        self.position = {c.id: i for i, c in enumerate(graph.claims)}
        self.by_item: dict[tuple[str, str], list[str]] = defaultdict(list)
        self.items_of: dict[str, tuple[tuple[str, str], ...]] = {}
        for claim in graph.claims:
            self.items_of[claim.id] = tuple(_item_keys(claim))
            for key in self.items_of[claim.id]:
                self.by_item[key].append(claim.id)
        self._details: dict[str, tuple[dict[str, Any], tuple[str, ...]]] = {}
        self._relation_looks: dict[str, tuple[dict[str, Any], dict[str, Any]]] = {}
        self._nodes: dict[tuple[str, bool], dict[str, Any]] = {}
        self._boxes: dict[tuple[Any, ...], dict[str, Any]] = {}
        self.shared = SharedText(position=self.position)
        self.topic_style = {t.id: style.topic_style(i) for i, t in enumerate(graph.topics)}
        self.into: dict[str, list[Relation]] = defaultdict(list)
        self.out_of: dict[str, list[Relation]] = defaultdict(list)
        for rel in graph.relations:
            self.out_of[rel.source].append(rel)
            self.into[rel.target].append(rel)
        self.undercut_targets = {r.target for r in graph.relations if r.target in self.relations}
        self.undercuts_of: dict[str, list[str]] = defaultdict(list)
        for rel_key, rel in self.relations.items():
            if rel.target in self.relations:
                self.undercuts_of[rel.target].append(rel_key)

        self.order = {r.key: i for i, r in enumerate(graph.relations)}
        self.ends: dict[str, frozenset[str]] = {}
        self.end_claim: dict[str, str | None] = {}
        self.by_end: dict[str, list[str]] = defaultdict(list)
        for rel in graph.relations:
            chain, end = relation_chain(rel, self.relations)
            ends = frozenset({r.source for r in chain} | ({end} if end is not None else set()))
            self.ends[rel.key] = ends
            self.end_claim[rel.key] = end
            for claim_id in ends:
                self.by_end[claim_id].append(rel.key)

    def members(self, kind: str, item_id: str) -> list[str]:
        """Ids of the claims on a topic, held by a speaker, quoted from a document or
        answering a question (``kind``: topic, speaker, document, question), in file order."""
        return self.by_item.get((kind, item_id), [])

    def in_file_order(self, claim_ids: Iterable[str]) -> list[str]:
        """``claim_ids`` sorted as the claims are in the file."""
        return sorted(claim_ids, key=self.position.__getitem__)

    def details(self, claim_id: str) -> tuple[dict[str, Any], tuple[str, ...]]:
        """A claim's details panel data and the ids of the claims it names, made once.

        Every view that draws the claim shares the same data (it is only read).
        """
        if claim_id not in self._details:
            named: dict[str, str] = {}
            data = _claim_details(self, self.claims[claim_id], named)
            self._details[claim_id] = (data, tuple(named))
        return self._details[claim_id]

    def relation_look(self, key: str) -> tuple[dict[str, Any], dict[str, Any]]:
        """A relation's edge look and its row of the relation table, made once (read only)."""
        if key not in self._relation_looks:
            rel = self.relations[key]
            undercut = rel.target in self.relations
            look = style.edge_style(rel.kind, undercut)
            base = {"relation": key, "kind": rel.kind, "undercut": undercut, **look}
            by = None
            if rel.attribution is not None:
                by = {
                    "speaker": self.speakers[rel.attribution.speaker].name,
                    "quote": rel.attribution.quote,
                }
            row = {
                "source": rel.source,
                "target": rel.target,
                "kind": rel.kind,
                "undercut": undercut,
                "note": rel.note,
                "by": by,
            }
            self._relation_looks[key] = (base, row)
        return self._relation_looks[key]

    def claim_node(self, claim_id: str, guest: bool) -> dict[str, Any]:
        """A claim's node in a network view: a fresh copy of one made once per claim."""
        made = self._nodes.get((claim_id, guest))
        if made is None:
            made = self._nodes[(claim_id, guest)] = _claim_node(self, self.claims[claim_id], guest)
        return dict(made)

    def box_node(self, claim_id: str, guest: bool, questions: list[str]) -> dict[str, Any]:
        """A claim's box in an argument map: a fresh copy of one made once per claim and
        the questions of the map it answers."""
        claim = self.claims[claim_id]
        asked = tuple(q for q in questions if q in claim.stances)
        key = (claim_id, guest, asked, len(questions) == 1)
        made = self._boxes.get(key)
        if made is None:
            made = self._boxes[key] = _box_node(self, claim, guest, questions)
        return dict(made)

    def relation_text(self, rel: Relation) -> str:
        target = (
            shorten(self.claims[rel.target].statement, 60)
            if rel.target in self.claims
            else f"the inference {rel.target}"
        )
        source = shorten(self.claims[rel.source].statement, 60)
        return f"\u201c{source}\u201d {rel.kind} \u201c{target}\u201d"


def _item_keys(claim: Claim) -> Iterable[tuple[str, str]]:
    """What a claim belongs to, as (kind, id): its topics, holders, documents, questions."""
    yield from (("topic", t) for t in claim.topics)
    yield from (("speaker", s) for s in claim.speakers)
    yield from (("document", d) for d in claim.documents)
    yield from (("question", q) for q in claim.stances)


def _lines(text: str, width: int) -> list[str]:
    """``text`` wrapped at ``width`` characters (a longer word gets a line of its own)."""
    out: list[str] = []
    line = ""
    for word in text.split():
        if line and len(line) + 1 + len(word) > width:
            out.append(line)
            line = word
        else:
            line = f"{line} {word}" if line else word
    return [*out, line] if line else out


def _wrap(text: str, width: int = 26, lines: int = 2) -> str:
    out = _lines(text, width) or [""]
    if len(out) > lines:
        out = out[:lines]
        out[-1] = shorten(out[-1] + " \u2026", width)
    return "\n".join(shorten(x, width + 6) for x in out)


def _names(ctx: _Context, speakers: list[str], most: int = 3) -> str:
    names = [ctx.speakers[s].name for s in speakers]
    if len(names) > most:
        names = [*names[:most], f"{len(names) - most} more"]
    return ", ".join(names)


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
                "how": "implicit" if a.implicit else "asked" if a.asked else None,
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


def _answer_of(ctx: _Context, claim: Claim, questions: list[str]) -> str | None:
    answers = {claim.stances[q] for q in questions if q in claim.stances}
    if not answers:
        return None
    return answers.pop() if len(answers) == 1 else "both"


def _answer_line(ctx: _Context, claim: Claim, questions: list[str]) -> str:
    """ "YES" or "NO" (with the sub-question's label in a topic's map), or ""."""
    parts = []
    for q in questions:
        if q in claim.stances:
            answer = claim.stances[q].upper()
            question = ctx.questions[q]
            parts.append(
                answer if len(questions) == 1 or question.own else f"{answer}: {question.label}"
            )
    return "; ".join(parts)


def _box_node(ctx: _Context, claim: Claim, guest: bool, questions: list[str]) -> dict[str, Any]:
    """A claim as a box: its whole statement wrapped, its answer, its speakers."""
    status = ctx.statuses.of(claim.id)
    answer = _answer_of(ctx, claim, questions)
    look = style.box_style(answer, guest=guest)
    # vis-network wraps each part at the box's width; the height is estimated for the layout
    parts = [_answer_line(ctx, claim, questions), " ".join(claim.statement.split())]
    if claim.speakers:
        parts.append("\u2014 " + _names(ctx, claim.speakers))
    parts = [p for p in parts if p]
    lines = sum(len(_lines(p, style.BOX_CHARS)) for p in parts)
    fill = style.status_fill(
        status.status if status else None, ctx.statuses.strength(claim.id), box=True
    )
    return {
        "id": claim.id,
        "kind": "claim",
        "label": "\n".join(parts),
        "shape": look["shape"],
        "widthConstraint": look["widthConstraint"],
        "margin": look["margin"],
        "color": style.node_colours(fill, look["border"], guest=guest),
        "font": look["font"],
        "borderWidth": look["borderWidth"],
        "guest": guest,
        "answer": answer,
        "height": lines * style.LINE_HEIGHT + 22,
        "topics": list(claim.topics),
        "speakers": claim.speakers,
        "documents": claim.documents,
    }


def _claim_node(ctx: _Context, claim: Claim, guest: bool) -> dict[str, Any]:
    status = ctx.statuses.of(claim.id)
    fill = style.status_fill(status.status if status else None, ctx.statuses.strength(claim.id))
    shape, border = ctx.topic_style[claim.topics[0]] if claim.topics else style.NO_TOPIC
    return {
        "id": claim.id,
        "kind": "claim",
        "label": _wrap(claim.statement),
        "shape": shape,
        "color": style.node_colours(fill, border, guest=guest),
        "font": {"color": style.GUEST_INK if guest else style.INK},
        "borderWidth": 3 if claim.topics and len(claim.topics) > 1 else 2,
        "guest": guest,
        "topics": list(claim.topics),
        "speakers": claim.speakers,
        "documents": claim.documents,
    }


def _draw_relations(
    ctx: _Context, relations: list[str]
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


def _drawable(ctx: _Context, nodes: set[str]) -> list[str]:
    """Keys of the relations whose claims (source, target, and along a chain of undercuts)
    are all drawn.

    In file order; found through the claims, so a small view of a big graph is cheap.
    """
    keys = {k for claim_id in nodes for k in ctx.by_end.get(claim_id, [])}
    return sorted((k for k in keys if ctx.ends[k] <= nodes), key=ctx.order.__getitem__)


def _layout_note(layout: style.LayoutKind, n_nodes: int, precompute_above: int) -> str:
    if layout == "layered":
        return (
            "Answers on top (yes left, no right), what supports and rebuts them beneath. "
            "Drag to pan, scroll or pinch to zoom; Fit shows it all."
        )
    if layout == "precomputed":
        return (
            f"Large view ({n_nodes:,} nodes, more than {precompute_above:,}): positions "
            "precomputed, claims grouped by topic in disks."
        )
    return "The most connected claims are labelled; zoom in to read the others."


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
    questions: list[str] | None = None,
    context: bool = True,
) -> GraphView:
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
    if layout != "physics":
        placed = _place(ctx, layout, nodes, relations)
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
    details: dict[str, dict[str, Any]] = {}
    named: set[str] = set()
    for claim_id in order:
        details[claim_id], names = ctx.details(claim_id)
        named.update(names)
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
        precomputed=layout == "precomputed",
        layout_note=_layout_note(layout, len(nodes), precompute_above)
        + (NO_CONTEXT_NOTE if no_context else "")
        + (style.SOLID_REBUTTALS_NOTE if len(edges) > style.SOLID_REBUTTALS_ABOVE else ""),
        layout=layout,
        shared=ctx.shared,
    )


def _facets(ctx: _Context, order: list[str]) -> dict[str, list[list[str]]]:
    def sort(pairs: Iterable[list[str]]) -> list[list[str]]:
        return sorted(pairs, key=lambda x: (x[1].casefold(), x[0]))

    found: dict[str, set[str]] = {"topic": set(), "speaker": set(), "document": set()}
    for claim_id in order:
        for kind, item_id in ctx.items_of[claim_id]:
            if kind in found:
                found[kind].add(item_id)
    return {
        "topics": sort([t, ctx.topics[t].label] for t in found["topic"]),
        "speakers": sort([s, ctx.speakers[s].name] for s in found["speaker"]),
        "documents": sort([d, ctx.documents[d].title] for d in found["document"]),
    }


def _degrees(ctx: _Context, relations: list[str]) -> dict[str, int]:
    """How many drawn relations each claim takes part in (an undercut: its claim ends)."""
    degree: dict[str, int] = defaultdict(int)
    for key in relations:
        degree[ctx.relations[key].source] += 1
        end = ctx.end_claim[key]
        if end is not None:
            degree[end] += 1
    return degree


def _place(
    ctx: _Context, layout: style.LayoutKind, nodes: list[dict[str, Any]], relations: list[str]
) -> Layout:
    """Compute positions into ``nodes`` (``x``, ``y``); return the layout's regions."""
    claims = [n for n in nodes if n["kind"] == "claim"]
    if layout == "layered":
        links = [
            (ctx.relations[k].source, end)
            for k in relations
            if (end := ctx.end_claim[k]) is not None
        ]
        placed = layered_layout(
            [n["id"] for n in claims],
            {n["id"]: n["answer"] for n in claims if n["answer"]},
            links,
            {n["id"]: n.pop("height") for n in claims},
        )
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
    ends = {}
    for node in nodes:
        if node["kind"] == "junction":
            rel = ctx.relations[node["relation"]]
            target = "@" + rel.target if rel.target in ctx.relations else rel.target
            ends[node["id"]] = (rel.source, target)
    place_junctions(placed.positions, ends)
    for node in nodes:
        node["x"], node["y"] = placed.positions[node["id"]]
    return placed


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
        description="Every claim and relation.",
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
    """One topic's argument map, with the claims one relation away as faded context."""
    ctx = _Context(graph, statuses or claim_statuses_for_display(graph))
    return _topic(ctx, topic_id, precompute_above)


def _topic(ctx: _Context, topic_id: str, precompute_above: int) -> GraphView:
    topic = ctx.topics[topic_id]
    members = ctx.members("topic", topic_id)
    return _view(
        ctx,
        key=f"topic:{topic_id}",
        kind="topic",
        item_id=topic_id,
        title=f"Topic: {topic.label}",
        description=topic.question or f"Claims on the topic {topic.label}.",
        members=members,
        precompute_above=precompute_above,
        questions=[topic_id, *(q.id for q in topic.questions)],
    )


def answered_questions(graph: ArgumentGraph) -> list[str]:
    """Ids of the questions some claim answers: each topic's own, then its sub-questions."""
    answered = {q for c in graph.claims for q in c.stances}
    ids = [i for t in graph.topics for i in (t.id, *(q.id for q in t.questions))]
    return [i for i in ids if i in answered]


def question_view(
    graph: ArgumentGraph,
    question_id: str,
    *,
    statuses: Statuses | None = None,
    precompute_above: int = PRECOMPUTE_ABOVE,
) -> GraphView:
    """One question's argument map: the claims that answer it, and what argues about them.

    Example
    -------
    >>> import arggraph
    >>> view = question_view(arggraph.load("graphs/deepseek.yaml"), "compute")
    >>> view.layout, view.key
    ('layered', 'question:compute')
    """
    ctx = _Context(graph, statuses or claim_statuses_for_display(graph))
    return _question(ctx, question_id, precompute_above)


def _question(ctx: _Context, question_id: str, precompute_above: int) -> GraphView:
    if question_id not in ctx.questions:
        known = ", ".join(ctx.questions) or "none"
        raise KeyError(f"no question {question_id!r} in the graph (questions: {known})")
    question = ctx.questions[question_id]
    answering = ctx.members("question", question_id)
    members, frontier = set(answering), set(answering)
    for _ in range(QUESTION_DEPTH):
        # what supports or rebuts a member, or undercuts a relation into one
        found = {
            ctx.relations[k].source
            for claim_id in frontier
            for k in ctx.by_end.get(claim_id, [])
            if ctx.end_claim[k] == claim_id and ctx.relations[k].source != claim_id
        }
        frontier = found - members
        members |= frontier
    topic = ctx.topics[question.topic]
    return _view(
        ctx,
        key=f"question:{question_id}",
        kind="question",
        item_id=question_id,
        title=f"Question: {question.question}",
        description=f"{len(answering)} claims answer it (topic {topic.label}).",
        members=ctx.in_file_order(members),
        precompute_above=precompute_above,
        questions=[question_id],
        context=False,
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
    members = ctx.members("speaker", speaker_id)
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
    members = ctx.members("document", document_id)
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


@dataclass(frozen=True)
class ViewKey:
    """Which view a page shows, known before the view is built (for file names)."""

    key: str
    kind: ViewKind
    item_id: str | None


def view_keys(graph: ArgumentGraph) -> list[ViewKey]:
    """The whole graph, then every topic, answered question, speaker and document."""
    keys = [ViewKey("graph", "graph", None)]
    keys += [ViewKey(f"topic:{t.id}", "topic", t.id) for t in graph.topics]
    keys += [ViewKey(f"question:{q}", "question", q) for q in answered_questions(graph)]
    keys += [ViewKey(f"speaker:{s.id}", "speaker", s.id) for s in graph.speakers]
    keys += [ViewKey(f"document:{d.id}", "document", d.id) for d in graph.documents]
    return keys


def details_files(whole: GraphView) -> Iterator[tuple[str, str]]:
    """Every claim's details as script files (name, text), :data:`DETAILS_PER_FILE`
    claims each, from the whole graph's view (which draws every claim).

    Each file calls ``arggraph.addDetails`` with the claims' details and the statements
    of the claims they name; a page loads one with a ``<script>`` tag, which works from
    ``file://`` where fetch does not.
    """
    files: dict[str, list[str]] = defaultdict(list)
    for claim_id in whole.claims:
        files[details_file(whole.shared.position[claim_id] // DETAILS_PER_FILE)].append(claim_id)
    for name, claim_ids in sorted(files.items()):
        named = {
            ref["id"]
            for claim_id in claim_ids
            for field_name in ("supporters", "rebutters", "undercutters", "outgoing")
            for ref in whole.claims[claim_id][field_name]
            if ref["id"] is not None
        }
        data = {
            "claims": {c: whole.claims[c] for c in claim_ids},
            "statements": {c: whole.claims[c]["statement"] for c in sorted(named)},
        }
        yield name, f"arggraph.addDetails({script_json(data)});\n"


def iter_views(
    graph: ArgumentGraph,
    keys: Iterable[ViewKey] | None = None,
    *,
    statuses: Statuses | None = None,
    precompute_above: int = PRECOMPUTE_ABOVE,
) -> Iterator[GraphView]:
    """The views of ``keys`` (default :func:`view_keys`), built one at a time on demand.

    They share one set of look-ups, so each claim's details are made once however many
    views draw it; a caller that writes each view and drops it holds one at a time.
    """
    ctx = _Context(graph, statuses or claim_statuses_for_display(graph))
    build: dict[str, Callable[[_Context, str, int], GraphView]] = {
        "graph": lambda c, _, above: _whole(c, above),
        "topic": _topic,
        "question": _question,
        "speaker": _speaker,
        "document": _document,
    }
    for key in view_keys(graph) if keys is None else keys:
        yield build[key.kind](ctx, key.item_id or "", precompute_above)


def all_views(
    graph: ArgumentGraph,
    *,
    statuses: Statuses | None = None,
    precompute_above: int = PRECOMPUTE_ABOVE,
) -> list[GraphView]:
    """The whole graph, then every topic, answered question, speaker and document, as views."""
    return list(iter_views(graph, statuses=statuses, precompute_above=precompute_above))


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


def question_views(
    graph: ArgumentGraph,
    question_ids: Iterable[str],
    *,
    statuses: Statuses | None = None,
    precompute_above: int = PRECOMPUTE_ABOVE,
) -> dict[str, GraphView]:
    """The argument map of each of ``question_ids``, sharing one set of look-ups (for reports)."""
    ctx = _Context(graph, statuses or claim_statuses_for_display(graph))
    return {q: _question(ctx, q, precompute_above) for q in question_ids}
