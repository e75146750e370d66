"""The evaluation on tiny hand-made gold/draft pairs whose scores are known."""

from __future__ import annotations

from typing import Any

import pytest

from arggraph.extract.evaluate import (
    Score,
    evaluate_draft,
    evaluation_table,
    match_claims,
)
from arggraph.model import ArgumentGraph

TEXT = "Compute matters. Controls leak. Open models win. Prices fall."


def _graph(
    claims: list[tuple[str, str, str]],
    relations: list[tuple[str, str, str]],
    speakers: list[dict[str, Any]],
) -> ArgumentGraph:
    return ArgumentGraph.model_validate(
        {
            "documents": [{"id": "doc", "title": "Doc", "text": TEXT}],
            "speakers": speakers,
            "claims": [
                {
                    "id": cid,
                    "statement": quote,
                    "attributions": [{"speaker": who, "document": "doc", "quote": quote}],
                }
                for cid, quote, who in claims
            ],
            "relations": [{"source": s, "target": t, "kind": k} for s, t, k in relations],
        }
    )


GOLD = _graph(
    [
        ("g1", "Compute matters", "heim"),
        ("g2", "Controls leak", "wagner"),
        ("g3", "Open models win", "heim"),
    ],
    [("g2", "g1", "supports"), ("g3", "g1", "rebuts")],
    [
        {"id": "heim", "name": "Lennart Heim"},
        {"id": "wagner", "name": "Lauren Wagner"},
    ],
)

DRAFT = _graph(
    [
        ("d1", "Compute matters.", "lennart-heim"),
        ("d2", "Controls leak.", "author-doc"),
        ("d4", "Prices fall.", "lennart-heim"),
    ],
    [("d2", "d1", "supports"), ("d4", "d1", "rebuts")],
    [
        {"id": "lennart-heim", "name": "Lennart Heim"},
        {"id": "author-doc", "name": "Author of doc", "role": "author of doc (no byline)"},
    ],
)


def test_claims_speakers_and_relations_have_the_known_scores() -> None:
    result = evaluate_draft(DRAFT, GOLD)
    assert result.pairs == {"d1": "g1", "d2": "g2"}
    assert result.claims == Score(correct=2, predicted=3, gold=3)
    assert result.claims.precision == pytest.approx(2 / 3)
    assert result.claims.recall == pytest.approx(2 / 3)
    assert result.claims.f1 == pytest.approx(2 / 3)
    assert (result.speakers.correct, result.speakers.total) == (1, 2)  # d2: author != Wagner
    assert result.relations == Score(correct=1, predicted=2, gold=2)
    assert result.relations.f1 == pytest.approx(0.5)


def test_a_relation_of_the_wrong_kind_does_not_count() -> None:
    draft = _graph(
        [("d1", "Compute matters.", "x"), ("d3", "Open models win.", "x")],
        [("d3", "d1", "supports")],  # gold says rebuts
        [{"id": "x", "name": "Lennart Heim"}],
    )
    result = evaluate_draft(draft, GOLD)
    assert result.relations == Score(correct=0, predicted=1, gold=2)
    assert result.claims == Score(correct=2, predicted=2, gold=3)
    assert result.claims.precision == 1.0
    assert result.claims.f1 == pytest.approx(0.8)


def test_one_drafted_claim_finds_one_gold_claim_only() -> None:
    draft = _graph(
        [("d", "Compute matters. Controls leak.", "x")],
        [],
        [{"id": "x", "name": "Somebody"}],
    )
    assert match_claims(draft, GOLD) == {"d": "g1"}  # the longer overlap wins


def test_the_stand_in_author_matches_the_gold_reporter() -> None:
    gold = _graph(
        [("g", "Prices fall", "reporter")],
        [],
        [{"id": "reporter", "name": "The reporter", "role": "Author of the news article"}],
    )
    result = evaluate_draft(DRAFT, gold)
    assert result.pairs == {"d4": "g"}
    assert result.speakers.correct == 0  # d4 is held by Lennart Heim in the draft
    draft = _graph(
        [("d", "Prices fall.", "author-doc")],
        [],
        [{"id": "author-doc", "name": "Author of doc", "role": "author of doc (no byline)"}],
    )
    assert evaluate_draft(draft, gold).speakers.correct == 1


def test_empty_draft_scores_zero_without_dividing_by_zero() -> None:
    empty = ArgumentGraph.model_validate(
        {"documents": [{"id": "doc", "title": "Doc", "text": TEXT}]}
    )
    result = evaluate_draft(empty, GOLD)
    assert (result.claims.precision, result.claims.recall, result.claims.f1) == (0, 0, 0)


def test_scores_add_up_and_render_as_a_table() -> None:
    total = evaluate_draft(DRAFT, GOLD) + evaluate_draft(DRAFT, GOLD)
    assert total.claims == Score(4, 6, 6)
    table = evaluation_table([("tiny", "ours", total)])
    assert "| tiny | ours | 0.667 | 0.667 | **0.667** | 0.500 |" in table
