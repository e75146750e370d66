"""Grounding in bulk (``validation.ground_quotes``) equals grounding each quote on its own.

``ground_quotes`` reads every attribution once into columns, finds a document's plain
quotes in one batch and sets offsets in bulk; the reference grounds attribution by
attribution with ``ground_attribution`` and ``find_quote``. Graphs are drawn to mix plain
quotes (found, missing, repeated), given offsets (right and wrong), segments, implicit
attributions, relations' attributions and documents without a known text.
"""

from __future__ import annotations

from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from arggraph.errors import Problem
from arggraph.grounding import ground_attribution
from arggraph.model import ArgumentGraph, Attribution
from arggraph.validation import ground_quotes

_TEXTS = {
    "d0": "Claim 1 holds that x y.\nClaim 2 holds\u2014that   x y z. Claim 1 holds that x y.",
    "d1": "\u201cQuoted\u201d words \u2026 and more words here, twice: more words here.",
    "d3": " Claim 1 holds that x y. Claim 3 says more words here.",  # every position moved alike
}
_QUOTES = [
    "Claim 1 holds that x y.",
    "Claim 2 holds-that x y z.",
    "holds that",
    "more words here",
    '"Quoted" words ... and',
    "not in any text at all",
    "x",
]


@st.composite
def _attribution(draw: st.DrawFn) -> dict[str, Any]:
    data: dict[str, Any] = {
        "speaker": "s",
        "document": draw(st.sampled_from(["d0", "d1", "d2", "d3"])),  # d2 has no text
    }
    shape = draw(st.sampled_from(["plain", "plain", "plain", "start", "segments", "implicit"]))
    if shape == "segments":
        data["segments"] = [
            {"quote": draw(st.sampled_from(_QUOTES))} for _ in range(draw(st.integers(1, 2)))
        ]
        return data
    data["quote"] = draw(st.sampled_from(_QUOTES))
    if shape == "start":
        data["start"] = draw(st.integers(0, 30))
    elif shape == "implicit":
        data["implicit"] = True
    return data


@st.composite
def _graph_data(draw: st.DrawFn) -> dict[str, Any]:
    claims = [
        {
            "id": f"c{i}",
            "statement": "s",
            "attributions": draw(st.lists(_attribution(), max_size=3)),
        }
        for i in range(draw(st.integers(1, 6)))
    ]
    relations = []
    if len(claims) > 1:
        for k in range(draw(st.integers(0, 3))):
            relation: dict[str, Any] = {"source": "c0", "target": f"c{k % (len(claims) - 1) + 1}"}
            relation["kind"] = "supports"
            if draw(st.booleans()):
                relation["attribution"] = draw(_attribution())
            relations.append(relation)
    return {
        "documents": [
            {"id": "d0", "title": "t", "text": _TEXTS["d0"]},
            {"id": "d1", "title": "t", "text": _TEXTS["d1"]},
            {"id": "d2", "title": "t", "path": "absent.txt"},
            {"id": "d3", "title": "t", "text": _TEXTS["d3"]},
        ],
        "speakers": [{"id": "s", "name": "S"}],
        "claims": claims,
        "relations": relations,
    }


def _one_by_one(graph: ArgumentGraph) -> list[Problem]:
    """The reference: each attribution grounded on its own, in the order problems keep."""
    places: list[tuple[Attribution, str, tuple[str | int, ...]]] = [
        (att, claim.id, ("claims", i, "attributions", j, "quote"))
        for i, claim in enumerate(graph.claims)
        for j, att in enumerate(claim.attributions)
    ]
    places += [
        (rel.attribution, rel.key, ("relations", i, "attribution", "quote"))
        for i, rel in enumerate(graph.relations)
        if rel.attribution is not None
    ]
    problems = []
    for att, owner, path in places:
        text = graph.text_of(att.document)
        if text is not None:
            problem = ground_attribution(att, text, owner, path)
            if problem is not None:
                problems.append(problem)
    return problems


def _grounding(graph: ArgumentGraph) -> list[tuple[Any, ...]]:
    """Every attribution's offsets, segments' offsets and fields set."""
    atts = [a for c in graph.claims for a in c.attributions]
    atts += [r.attribution for r in graph.relations if r.attribution is not None]
    return [
        (a.start, a.end, [(s.start, s.end) for s in a.segments], sorted(a.model_fields_set))
        for a in atts
    ]


@settings(max_examples=300, deadline=None)
@given(_graph_data())
def test_bulk_grounding_equals_one_quote_at_a_time(data: dict[str, Any]) -> None:
    bulk = ArgumentGraph.model_validate(data, context={"unchecked": True})
    single = ArgumentGraph.model_validate(data, context={"unchecked": True})
    assert ground_quotes(bulk) == _one_by_one(single)
    assert _grounding(bulk) == _grounding(single)
    assert bulk.model_dump_json() == single.model_dump_json()
