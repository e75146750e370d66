"""Claims as vis-network nodes: a network's dot with a short label, a map's box.

A network view (whole graph, speaker, document) draws a claim as its topic's shape,
filled by its status, labelled with the start of its statement; an argument map
(topic, question) draws it as a box holding the whole statement, its answer and its
speakers, with a height estimated for the layered layout.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from arggraph.analysis.results import shorten
from arggraph.model import Claim
from arggraph.render import style

if TYPE_CHECKING:
    from arggraph.render.view_context import ViewContext

__all__ = ["box_node", "claim_node", "wrapped_lines"]


def wrapped_lines(text: str, width: int) -> list[str]:
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
    """A network label: ``text`` wrapped, at most ``lines`` lines, cut with an ellipsis."""
    out = wrapped_lines(text, width) or [""]
    if len(out) > lines:
        out = out[:lines]
        out[-1] = shorten(out[-1] + " \u2026", width)
    return "\n".join(shorten(x, width + 6) for x in out)


def _names(ctx: ViewContext, speakers: list[str], most: int = 3) -> str:
    """The speakers' names, the first ``most`` and then how many more."""
    names = [ctx.speakers[s].name for s in speakers]
    if len(names) > most:
        names = [*names[:most], f"{len(names) - most} more"]
    return ", ".join(names)


def _answer_of(ctx: ViewContext, claim: Claim, questions: list[str]) -> str | None:
    """The claim's answer to the map's questions: yes, no, both, or None if it answers none."""
    answers = {claim.stances[q] for q in questions if q in claim.stances}
    if not answers:
        return None
    return answers.pop() if len(answers) == 1 else "both"


def _answer_line(ctx: ViewContext, claim: Claim, questions: list[str]) -> str:
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


def box_node(ctx: ViewContext, claim: Claim, guest: bool, questions: list[str]) -> dict[str, Any]:
    """A claim as a box: its whole statement wrapped, its answer, its speakers."""
    status = ctx.statuses.of(claim.id)
    answer = _answer_of(ctx, claim, questions)
    look = style.box_style(answer, guest=guest)
    # vis-network wraps each part at the box's width; the height is estimated for the layout
    parts = [_answer_line(ctx, claim, questions), " ".join(claim.statement.split())]
    if claim.speakers:
        parts.append("\u2014 " + _names(ctx, claim.speakers))
    parts = [p for p in parts if p]
    lines = sum(len(wrapped_lines(p, style.BOX_CHARS)) for p in parts)
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


def claim_node(ctx: ViewContext, claim: Claim, guest: bool) -> dict[str, Any]:
    """A claim as a network node: its topic's shape, filled by status, a short label."""
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
