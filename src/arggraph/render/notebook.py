"""Jupyter display: graphs and results as compact tables, one view in a sandboxed frame.

- :func:`show` draws one view (the whole graph, a topic, a question, a speaker or a
  document) as a :class:`Frame`: an ``<iframe srcdoc>`` sandboxed to scripts only, so
  the page's styles, ids and scripts stay apart from the notebook's.
- :func:`result_html` and :func:`graph_card_html` are the HTML a notebook shows for an
  analysis result and for a graph: escaped text in tables with inline styles, no
  ``<style>`` or ``<script>``, so nothing restyles the notebook.
- :func:`register` tells IPython to use them; ``import arggraph`` calls it when it runs
  inside IPython, so the model and the analyses carry no HTML.

Example
-------
>>> import arggraph                                                   # doctest: +SKIP
>>> graph = arggraph.load("graphs/deepseek.yaml")                     # doctest: +SKIP
>>> arggraph.show(graph, topic="compute")                             # doctest: +SKIP
<Frame 'Topic: Compute': 21 claims, 30 relations>
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from html import escape
from typing import Any

from pydantic import BaseModel

from arggraph.analysis.alignment import AlignmentPair, Camp, CampLink
from arggraph.analysis.contested import ClaimContest
from arggraph.analysis.contestedness import QuestionContest, TopicContest
from arggraph.analysis.lazy_results import LazyResults
from arggraph.analysis.objections import ReaderStatus, claim_statuses_for_display
from arggraph.analysis.positions import Crux, Position, QuestionPositions
from arggraph.analysis.results import Result, SpeakerRef, counted, join_names, shorten
from arggraph.analysis.statuses import ClaimStatus
from arggraph.model import ArgumentGraph
from arggraph.render.pages import view_page
from arggraph.render.views import (
    GraphView,
    document_view,
    speaker_view,
    topic_view,
    whole_view,
)

MAX_ROWS = 20
"""A table shows at most this many rows, then says how many more there are."""

_TEXT = 120
_WRAP = "font: 12px/1.4 system-ui, sans-serif; max-width: 100%; overflow-x: auto;"
_TABLE = "border-collapse: collapse; margin: 2px 0 10px;"
_CAPTION = "text-align: left; font-weight: 600; padding: 2px 0;"
_CELL = "padding: 2px 8px; text-align: left; vertical-align: top; border-bottom: 1px solid #d5dbe0;"
_HEAD = _CELL + " font-weight: 600;"


@dataclass(frozen=True)
class Frame:
    """One view's page, shown in a notebook as a sandboxed ``<iframe srcdoc>``.

    ``page`` is the standalone HTML page (vis-network inlined, no network needed);
    ``_repr_html_`` wraps it, escaped, in an iframe that may run scripts but cannot
    reach the notebook.
    """

    title: str
    page: str
    claims: int
    relations: int
    height: int = 720

    def _repr_html_(self) -> str:
        return (
            f'<iframe srcdoc="{escape(self.page, quote=True)}" sandbox="allow-scripts" '
            f'style="width: 100%; height: {int(self.height)}px; border: 1px solid #d5dbe0;" '
            f'title="{escape(self.title, quote=True)}"></iframe>'
        )

    def __repr__(self) -> str:
        return (
            f"<Frame {shorten(self.title, 80)!r}: {counted(self.claims, 'claim')}, "
            f"{counted(self.relations, 'relation')}>"
        )


def show(
    graph: ArgumentGraph,
    *,
    topic: str | None = None,
    question: str | None = None,
    speaker: str | None = None,
    document: str | None = None,
    height: int = 720,
) -> Frame:
    """One view of ``graph`` for a notebook: the whole graph, or one topic, question, ...

    Parameters
    ----------
    graph : ArgumentGraph
    topic, question, speaker, document : str, optional
        The id of what to draw; give at most one. None of them: the whole graph. A
        question is drawn with its topic's claims, titled with the question.
    height : int
        The frame's height in pixels.

    Returns
    -------
    Frame
        Shown when it is a cell's value; ``IPython.display.display(frame)`` shows it
        from inside a loop.

    Example
    -------
    >>> from arggraph.synthetic import synthetic_graph
    >>> show(synthetic_graph(10, seed=1), topic="t0")
    <Frame 'Topic: Topic 0': 10 claims, 30 relations>
    """
    chosen = [
        name
        for name, value in [
            ("topic", topic),
            ("question", question),
            ("speaker", speaker),
            ("document", document),
        ]
        if value is not None
    ]
    if len(chosen) > 1:
        raise ValueError(f"show one view at a time: give one of {', '.join(chosen)}, not all")
    statuses = claim_statuses_for_display(graph)
    view: GraphView
    if topic is not None:
        _check(topic, [t.id for t in graph.topics], "topic")
        view = topic_view(graph, topic, statuses=statuses)
    elif question is not None:
        view = _question_view(graph, question, statuses)
    elif speaker is not None:
        _check(speaker, [s.id for s in graph.speakers], "speaker")
        view = speaker_view(graph, speaker, statuses=statuses)
    elif document is not None:
        _check(document, [d.id for d in graph.documents], "document")
        view = document_view(graph, document, statuses=statuses)
    else:
        view = whole_view(graph, statuses=statuses)
    page = view_page(graph, view, statuses=statuses, index_href=None, whole_href=None)
    counts = view.counts
    return Frame(view.title, page, counts["claims"], counts["relations"], height)


def _question_view(graph: ArgumentGraph, question: str, statuses: Any) -> GraphView:
    topic_id = graph.topic_of_question(question)
    if topic_id is None:
        known = [t.id for t in graph.topics] + [q.id for t in graph.topics for q in t.questions]
        _check(question, known, "question")
        raise AssertionError  # _check raised: the question is unknown
    view = topic_view(graph, topic_id, statuses=statuses)
    if question == topic_id:
        return view
    sub = next(q for t in graph.topics for q in t.questions if q.id == question)
    return dataclasses.replace(
        view,
        title=f"Question: {sub.label or sub.question}",
        description=f"{sub.question} Drawn with the claims of its topic.",
    )


def _check(item_id: str, known: list[str], what: str) -> None:
    if item_id not in known:
        listed = ", ".join(known[:12]) + (f" and {len(known) - 12} more" if len(known) > 12 else "")
        raise KeyError(f"no {what} {item_id!r} in the graph ({what}s: {listed or 'none'})")


# ---------------------------------------------------------------- tables

_Column = tuple[str, Callable[[Any], object]]


def _names(refs: Iterable[Any]) -> str:
    return join_names([r.name for r in refs], limit=6)


def _field(name: str) -> _Column:
    return name, lambda item: getattr(item, name)


_COLUMNS: dict[type[BaseModel], list[_Column]] = {
    QuestionContest: [
        *map(_field, ["rank", "label", "score", "yes", "no", "mixed", "cruxes", "reason"])
    ],
    TopicContest: [
        *map(_field, ["rank", "label", "score"]),
        ("questions", lambda t: ", ".join(q.label for q in t.questions)),
        _field("reason"),
    ],
    QuestionPositions: [
        _field("id"),
        _field("label"),
        *[(lean, lambda q, lean=lean: _names(q.voices(lean))) for lean in ("yes", "no", "mixed")],
        ("cruxes", lambda q: len(q.cruxes)),
    ],
    Position: [*map(_field, ["name", "lean", "basis", "yes", "no"])],
    Crux: [
        _field("kind"),
        ("claim", lambda c: c.source.statement),
        ("by", lambda c: _names(c.by)),
        ("against", lambda c: c.target.statement),
        ("holders", lambda c: _names(c.against)),
        _field("answered"),
    ],
    ReaderStatus: [*map(_field, ["claim", "statement", "status", "reason"])],
    ClaimStatus: [*map(_field, ["claim", "statement", "status", "strength"])],
    ClaimContest: [
        _field("rank"),
        ("claim", lambda c: c.claim.statement),
        _field("score"),
        ("rebuttals", lambda c: len(c.rebuttals)),
        ("supports", lambda c: len(c.supports)),
    ],
    AlignmentPair: [*map(_field, ["first", "second", "score", "agreement", "disagreement"])],
    Camp: [*map(_field, ["id", "name", "speakers", "opposes"])],
    CampLink: [*map(_field, ["first", "second", "sign", "weight"])],
}


def result_html(result: BaseModel) -> str:
    """A result as compact HTML: its summary, its plain fields, then one table per list.

    Text is escaped and cut to a line; tables show the first :data:`MAX_ROWS` rows.
    Styles are inline, so the notebook around it keeps its own.

    Example
    -------
    >>> from arggraph.analysis.results import SpeakerRef
    >>> result_html(SpeakerRef(id="h", name="<b>Heim</b>"))[:60]
    '<div style="font: 12px/1.4 system-ui, sans-serif; max-width:'
    """
    summary = repr(result).removeprefix("<").removesuffix(">")
    parts = [f'<div style="{_WRAP}">', f'<div style="{_CAPTION}">{escape(summary)}</div>']
    columns = _COLUMNS.get(type(result)) or [
        _field(name) for name, value in result if not _is_table(value) and not _is_dict(value)
    ]
    if columns:
        parts.append(_table(None, columns, [result], 1))
    for name, value in result:
        if isinstance(value, dict) and value:
            rows = [_Pair(k, v) for k, v in value.items()]
            parts.append(_table(name, [_field("key"), _field("value")], rows, len(rows)))
        elif _is_table(value):
            items = list(value)
            parts.append(_table(name, _columns(items[0]), items, len(items)))
    parts.append("</div>")
    return "".join(parts)


def graph_card_html(graph: ArgumentGraph) -> str:
    """A graph as compact HTML: title, counts, its topics, and how to draw it."""
    summary = repr(graph).removeprefix("<").removesuffix(">")
    members: dict[str, int] = {t.id: 0 for t in graph.topics}
    for claim in graph.claims:
        for t in claim.topics:
            members[t] = members.get(t, 0) + 1
    rows = [_Topic(t.id, t.label, t.question or "", members[t.id]) for t in graph.topics]
    columns = [*map(_field, ["id", "label", "question", "claims"])]
    hint = (
        "Draw it with arggraph.show(graph), or one part with topic=, question=, speaker= "
        "or document= (an id)."
    )
    parts = [
        f'<div style="{_WRAP}">',
        f'<div style="{_CAPTION}">{escape(summary)}</div>',
    ]
    if graph.description:
        parts.append(f"<div>{escape(shorten(graph.description, 300))}</div>")
    if rows:
        parts.append(_table("topics", columns, rows, len(rows)))
    parts.append(f'<div style="color: #55606a;">{escape(hint)}</div></div>')
    return "".join(parts)


@dataclass(frozen=True)
class _Pair:
    key: str
    value: object


@dataclass(frozen=True)
class _Topic:
    id: str
    label: str
    question: str
    claims: int


def _is_table(value: object) -> bool:
    """A list of results other than speakers (those read as a list of names)."""
    return (
        isinstance(value, list | LazyResults)
        and bool(value)
        and isinstance(value[0], BaseModel)
        and not isinstance(value[0], SpeakerRef)
    )


def _is_dict(value: object) -> bool:
    return isinstance(value, dict) and bool(value)


def _columns(item: object) -> list[_Column]:
    if isinstance(item, BaseModel):
        known = _COLUMNS.get(type(item))
        if known is not None:
            return known
        return [_field(name) for name, _ in item][:8]
    return [_field("value")]


def _table(caption: str | None, columns: list[_Column], rows: list[Any], total: int) -> str:
    out = [f'<table style="{_TABLE}">']
    if caption is not None:
        out.append(f'<caption style="{_CAPTION}">{escape(caption)} ({total})</caption>')
    out.append("<tr>")
    out.extend(f'<th style="{_HEAD}">{escape(name)}</th>' for name, _ in columns)
    out.append("</tr>")
    for row in rows[:MAX_ROWS]:
        out.append("<tr>")
        out.extend(f'<td style="{_CELL}">{escape(_cell(get(row)))}</td>' for _, get in columns)
        out.append("</tr>")
    if total > MAX_ROWS:
        more = f"… and {total - MAX_ROWS} more"
        out.append(f'<tr><td style="{_CELL}" colspan="{len(columns)}">{escape(more)}</td></tr>')
    out.append("</table>")
    return "".join(out)


def _cell(value: object) -> str:
    """A value as one short line of text (escaped by the caller)."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, float):
        return f"{value:.2f}"
    if isinstance(value, str):
        return shorten(value, _TEXT)
    if isinstance(value, list):
        if value and all(isinstance(v, SpeakerRef) for v in value):
            return _names(value)
        if all(isinstance(v, str) for v in value):
            return shorten(", ".join(value), _TEXT)
        return str(len(value))
    if isinstance(value, dict):
        return str(len(value))
    if isinstance(value, Result):
        return shorten(repr(value).removeprefix("<").removesuffix(">"), _TEXT)
    return shorten(str(value), _TEXT)


# ---------------------------------------------------------------- IPython


def register(shell: Any) -> None:
    """Show graphs and results as HTML tables in this IPython shell (a no-op without one)."""
    formatters = getattr(getattr(shell, "display_formatter", None), "formatters", {})
    html = formatters.get("text/html")
    if html is None:
        return
    html.for_type(ArgumentGraph, graph_card_html)
    html.for_type(Result, result_html)
