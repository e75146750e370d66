"""Small hand-made graphs for the analysis tests: claims whose statements are their quotes."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from arggraph.model import ArgumentGraph

NAMES = {
    "heim": ("Lennart Heim", "RAND"),
    "mcbride": ("Keegan McBride", "Oxford"),
    "chilson": ("Neil Chilson", "Abundance Institute"),
    "wagner": ("Lauren Wagner", None),
}

GROUPS = {"commentators"}
"""Speaker ids made ``kind: group`` (reported views) by :func:`graph_of`."""


def claim(
    claim_id: str,
    by: str,
    *,
    statement: str | None = None,
    doc: str = "talk",
    topics: str = "compute",
    stance: str | None = None,
    stances: dict[str, str] | None = None,
) -> dict[str, Any]:
    """A claim in file-format data; its statement is also its quote.

    ``stance`` answers the first topic's own question; ``stances`` names questions.
    """
    topic_ids = topics.split(",") if topics else []
    return {
        "id": claim_id,
        "statement": statement or f"Claim {claim_id} holds.",
        "topics": topic_ids,
        "stances": (stances or {}) | ({topic_ids[0]: stance} if stance else {}),
        "attributions": [
            {"speaker": s, "document": doc, "quote": statement or f"Claim {claim_id} holds."}
            for s in by.split(",")
        ],
    }


def relation(text: str) -> dict[str, Any]:
    """``"a rebuts b"``, ``"a supports b"``, or with an id: ``"r1: a supports b"``."""
    rel_id, _, rest = text.rpartition(": ")
    source, kind, target = rest.split()
    return {"source": source, "target": target, "kind": kind} | ({"id": rel_id} if rel_id else {})


def graph_of(
    claims: list[dict[str, Any]],
    relations: Sequence[str] = (),
    *,
    check: bool = True,
    questions: dict[str, list[str]] | None = None,
) -> ArgumentGraph:
    """A graph whose documents are the claims' statements, one per line.

    ``questions`` gives sub-question ids per topic id.
    """
    texts: dict[str, list[str]] = {}
    for c in claims:
        for att in c["attributions"]:
            texts.setdefault(att["document"], []).append(att["quote"])
    speakers = sorted({a["speaker"] for c in claims for a in c["attributions"]})
    topics = sorted({t for c in claims for t in c["topics"]} | set(questions or {}))
    data = {
        "documents": [
            {"id": d, "title": d.title(), "text": "\n".join(lines)} for d, lines in texts.items()
        ],
        "speakers": [
            {
                "id": s,
                "name": NAMES.get(s, (s.title(), None))[0],
                "role": NAMES.get(s, ("", None))[1],
                "kind": "group" if s in GROUPS else "person",
            }
            for s in speakers
        ],
        "topics": [
            {
                "id": t,
                "label": t.title(),
                "question": f"{t.title()}?",
                "questions": [
                    {"id": q, "question": f"{q.title()}?"} for q in (questions or {}).get(t, [])
                ],
            }
            for t in topics
        ],
        "claims": claims,
        "relations": [relation(r) for r in relations],
    }
    return ArgumentGraph.model_validate(data, context={"unchecked": not check})
