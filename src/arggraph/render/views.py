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

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass

from arggraph.analysis.objections import Statuses, claim_statuses_for_display
from arggraph.model import ArgumentGraph
from arggraph.render.details import DETAILS_DIR, DETAILS_PER_FILE, details_file, details_files
from arggraph.render.style import legend, topic_legend
from arggraph.render.view_build import build_view
from arggraph.render.view_context import ViewContext
from arggraph.render.view_data import GraphView, ViewKind

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

PRECOMPUTE_ABOVE = 500
"""Views with more nodes than this get positions computed in Python, physics off.

At 1,000 claims the browser's physics layout took 2.9 s of a 3 s load (the bare
vis-network page with positions given: 0.55 s), while Python computes the positions
in 0.35 s (benchmarks/results/render.md)."""

QUESTION_DEPTH = 2
"""A question's view holds the answering claims and what argues about them this many
steps down (supporters and rebutters, then theirs)."""


def whole_view(
    graph: ArgumentGraph,
    *,
    statuses: Statuses | None = None,
    precompute_above: int = PRECOMPUTE_ABOVE,
) -> GraphView:
    """The whole graph as one view."""
    ctx = ViewContext(graph, statuses or claim_statuses_for_display(graph))
    return _whole(ctx, precompute_above)


def _whole(ctx: ViewContext, precompute_above: int) -> GraphView:
    """:func:`whole_view` from look-ups shared with the graph's other views."""
    graph = ctx.graph
    return build_view(
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
    ctx = ViewContext(graph, statuses or claim_statuses_for_display(graph))
    return _topic(ctx, topic_id, precompute_above)


def _topic(ctx: ViewContext, topic_id: str, precompute_above: int) -> GraphView:
    """:func:`topic_view` from look-ups shared with the graph's other views."""
    topic = ctx.topics[topic_id]
    members = ctx.members("topic", topic_id)
    return build_view(
        ctx,
        key=f"topic:{topic_id}",
        kind="topic",
        item_id=topic_id,
        title=f"Topic: {topic.label}",
        description=topic.question or f"Claims on the topic {topic.label}.",
        members=members,
        precompute_above=precompute_above,
        questions=[topic_id, *(q.id for q in topic.questions)],
        members_note=_claims(len(members), "on the topic"),
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
    ctx = ViewContext(graph, statuses or claim_statuses_for_display(graph))
    return _question(ctx, question_id, precompute_above)


def _question(ctx: ViewContext, question_id: str, precompute_above: int) -> GraphView:
    """:func:`question_view` from look-ups shared with the graph's other views."""
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
    return build_view(
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
        members_note=_claims(len(answering), "answer it", "answers it"),
    )


def speaker_view(
    graph: ArgumentGraph,
    speaker_id: str,
    *,
    statuses: Statuses | None = None,
    precompute_above: int = PRECOMPUTE_ABOVE,
) -> GraphView:
    """The claims one speaker holds, with the claims one relation away as faded context."""
    ctx = ViewContext(graph, statuses or claim_statuses_for_display(graph))
    return _speaker(ctx, speaker_id, precompute_above)


def _speaker(ctx: ViewContext, speaker_id: str, precompute_above: int) -> GraphView:
    """:func:`speaker_view` from look-ups shared with the graph's other views."""
    speaker = ctx.speakers[speaker_id]
    members = ctx.members("speaker", speaker_id)
    return build_view(
        ctx,
        key=f"speaker:{speaker_id}",
        kind="speaker",
        item_id=speaker_id,
        title=f"Speaker: {speaker.name}",
        description=(f"{speaker.role}. " if speaker.role else "")
        + f"{len(members)} claims held by {speaker.name}.",
        members=members,
        precompute_above=precompute_above,
        members_note=_claims(len(members), "held"),
    )


def document_view(
    graph: ArgumentGraph,
    document_id: str,
    *,
    statuses: Statuses | None = None,
    precompute_above: int = PRECOMPUTE_ABOVE,
) -> GraphView:
    """The claims quoted from one document, with the claims one relation away as context."""
    ctx = ViewContext(graph, statuses or claim_statuses_for_display(graph))
    return _document(ctx, document_id, precompute_above)


def _document(ctx: ViewContext, document_id: str, precompute_above: int) -> GraphView:
    """:func:`document_view` from look-ups shared with the graph's other views."""
    document = ctx.documents[document_id]
    members = ctx.members("document", document_id)
    return build_view(
        ctx,
        key=f"document:{document_id}",
        kind="document",
        item_id=document_id,
        title=f"Document: {document.title}",
        description=f"{len(members)} claims quoted from {document.title}.",
        members=members,
        precompute_above=precompute_above,
        members_note=_claims(len(members), "quoted"),
    )


def _claims(count: int, plural: str, singular: str | None = None) -> str:
    """``"4 claims held"``, ``"1 claim held"``: what a view's own claims are, counted."""
    if count == 1:
        return f"1 claim {singular or plural}"
    return f"{count:,} claims {plural}"


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


def iter_views(
    graph: ArgumentGraph,
    keys: Iterable[ViewKey] | None = None,
    *,
    statuses: Statuses | None = None,
    precompute_above: int = PRECOMPUTE_ABOVE,
    context: ViewContext | None = None,
) -> Iterator[GraphView]:
    """The views of ``keys`` (default :func:`view_keys`), built one at a time on demand.

    They share one set of look-ups (``context``, made here unless given), so each
    claim's details are made once however many views draw it; a caller that writes
    each view and drops it holds one at a time.
    """
    ctx = context or ViewContext(graph, statuses or claim_statuses_for_display(graph))
    build: dict[str, Callable[[ViewContext, str, int], GraphView]] = {
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
    ctx = ViewContext(graph, statuses or claim_statuses_for_display(graph))
    return {t: _topic(ctx, t, precompute_above) for t in topic_ids}


def question_views(
    graph: ArgumentGraph,
    question_ids: Iterable[str],
    *,
    statuses: Statuses | None = None,
    precompute_above: int = PRECOMPUTE_ABOVE,
) -> dict[str, GraphView]:
    """The argument map of each of ``question_ids``, sharing one set of look-ups (for reports)."""
    ctx = ViewContext(graph, statuses or claim_statuses_for_display(graph))
    return {q: _question(ctx, q, precompute_above) for q in question_ids}
