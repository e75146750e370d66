"""Claims as vis-network nodes: a network's dot with a short label, a map's box.

A network view (whole graph, speaker, document) draws a claim as its topic's shape,
filled by its status, labelled with the start of its statement; an argument map
(topic, question) draws it as a box holding the whole statement, its answer and its
speakers, with a height estimated for the layered layout (at the usual box width, and
at the narrow one a phone gets).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from arggraph.analysis.results import shorten
from arggraph.model import Claim
from arggraph.render import style

if TYPE_CHECKING:
    from arggraph.render.view_context import ViewContext

__all__ = ["ClaimLook", "box_node", "claim_look", "claim_node", "wrapped_lines"]


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


@dataclass(frozen=True)
class ClaimLook:
    """What every node of one claim shares, worked out once per claim: its network
    label, its statement and speakers as a box shows them (with their wrapped line
    counts, for the box's height), its two fills and its lists of items."""

    label: str
    statement: str
    statement_lines: int
    names: str
    names_lines: int
    narrow_lines: int
    fill: str
    box_fill: str
    topics: list[str]
    speakers: list[str]
    documents: list[str]


def claim_look(ctx: ViewContext, claim: Claim) -> ClaimLook:
    """A claim's :class:`ClaimLook` (the views ask for it through ``ctx.look``)."""
    status = ctx.statuses.of(claim.id)
    label = status.status if status else None
    strength = ctx.statuses.strength(claim.id)
    statement = " ".join(claim.statement.split())
    speakers = claim.speakers
    names = "\u2014 " + _names(ctx, speakers) if speakers else ""
    return ClaimLook(
        label=_wrap(claim.statement),
        statement=statement,
        statement_lines=len(wrapped_lines(statement, style.BOX_CHARS)),
        names=names,
        names_lines=len(wrapped_lines(names, style.BOX_CHARS)),
        narrow_lines=len(wrapped_lines(statement, style.NARROW_BOX_CHARS))
        + len(wrapped_lines(names, style.NARROW_BOX_CHARS)),
        fill=style.status_fill(label, strength),
        box_fill=style.status_fill(label, strength, box=True),
        topics=list(claim.topics),
        speakers=speakers,
        documents=claim.documents,
    )


def box_node(ctx: ViewContext, claim: Claim, guest: bool, questions: list[str]) -> dict[str, Any]:
    """A claim as a box: its whole statement wrapped, its answer, its speakers."""
    made = ctx.look(claim.id)
    answer = _answer_of(ctx, claim, questions)
    look = style.box_style(answer, guest=guest)
    # vis-network wraps each part at the box's width; the height is estimated for the layout
    answer_line = _answer_line(ctx, claim, questions)
    parts = [p for p in (answer_line, made.statement, made.names) if p]
    lines = len(wrapped_lines(answer_line, style.BOX_CHARS))
    lines += made.statement_lines + made.names_lines
    narrow = len(wrapped_lines(answer_line, style.NARROW_BOX_CHARS)) + made.narrow_lines
    return {
        "id": claim.id,
        "kind": "claim",
        "label": "\n".join(parts),
        "shape": look["shape"],
        "widthConstraint": look["widthConstraint"],
        "margin": look["margin"],
        "color": style.node_colours(made.box_fill, look["border"], guest=guest),
        "font": look["font"],
        "borderWidth": look["borderWidth"],
        "guest": guest,
        "answer": answer,
        "height": lines * style.LINE_HEIGHT + 22,
        "narrow_height": narrow * style.LINE_HEIGHT + 22,
        "topics": made.topics,
        "speakers": made.speakers,
        "documents": made.documents,
    }


def claim_node(ctx: ViewContext, claim: Claim, guest: bool) -> dict[str, Any]:
    """A claim as a network node: its topic's shape, filled by status, a short label."""
    made = ctx.look(claim.id)
    shape, border = ctx.topic_style[claim.topics[0]] if claim.topics else style.NO_TOPIC
    return {
        "id": claim.id,
        "kind": "claim",
        "label": made.label,
        "shape": shape,
        "color": style.node_colours(made.fill, border, guest=guest),
        "font": {"color": style.GUEST_INK if guest else style.INK},
        "borderWidth": 3 if claim.topics and len(claim.topics) > 1 else 2,
        "guest": guest,
        "topics": made.topics,
        "speakers": made.speakers,
        "documents": made.documents,
    }
