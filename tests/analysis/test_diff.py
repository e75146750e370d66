"""diff(old, new): claims, relations, positions and ranks, on small graphs with known answers."""

from __future__ import annotations

import pytest

from arggraph.analysis.diff import diff
from arggraph.analysis.similarity import match_statements, statement_similarity
from tests.analysis.graphs import claim, graph_of

A = claim("a", "heim", statement="Compute still decides who leads.", stance="yes")
B = claim("b", "mcbride", statement="Compute matters less now.", stance="no")
C = claim("c", "chilson", statement="Export controls failed badly.")
OLD = graph_of([A, B, C], ["b rebuts a", "c supports b"])


def test_the_same_graph_gives_an_empty_diff() -> None:
    d = diff(OLD, OLD)
    assert d.empty
    assert d.unchanged_claims == 3


def test_claims_are_matched_by_id_then_by_statement_with_scores() -> None:
    b2 = claim("b", "mcbride", statement="Compute matters less after DeepSeek.", stance="no")
    c2 = claim("c2", "chilson", statement="Export controls failed badly in China.")
    d_ = claim("d", "wagner", statement="Open models spread fast.")
    d = diff(OLD, graph_of([A, b2, c2, d_], ["b rebuts a", "c2 supports b"]))
    assert [(m.old, m.new, m.matched_by, m.score) for m in d.claims_reworded] == [
        ("b", "b", "id", 0.75),
        ("c", "c2", "statement", 0.8889),
    ]
    assert [c.id for c in d.claims_added] == ["d"]
    assert d.claims_removed == []
    assert d.unchanged_claims == 1
    # c -> c2 is one claim renamed: its support of b is neither removed nor added
    assert d.relations_added == d.relations_removed == []


def test_a_claim_below_the_threshold_is_removed_and_added() -> None:
    c2 = claim("c2", "chilson", statement="Tariffs will backfire.")
    d = diff(OLD, graph_of([A, B, c2], ["b rebuts a", "c2 supports b"]))
    assert [c.id for c in d.claims_removed] == ["c"]
    assert [c.id for c in d.claims_added] == ["c2"]
    assert [(r.source, r.kind, r.target) for r in d.relations_removed] == [("c", "supports", "b")]
    assert [(r.source, r.kind, r.target) for r in d.relations_added] == [("c2", "supports", "b")]


def test_a_relation_that_changes_kind_is_flipped() -> None:
    d = diff(OLD, graph_of([A, B, C], ["b rebuts a", "c rebuts b"]))
    assert [(r.source, r.was, r.kind) for r in d.relations_flipped] == [("c", "supports", "rebuts")]
    assert d.relations_added == d.relations_removed == []


def test_a_new_voice_and_a_new_clash_move_the_question_and_say_why() -> None:
    w = claim("w", "wagner", statement="Chips still decide the race.", stance="yes")
    d = diff(OLD, graph_of([A, B, C, w], ["b rebuts a", "c supports b", "b rebuts w"]))
    [change] = d.positions_changed
    assert (change.name, change.before, change.after, change.change) == (
        "Lauren Wagner",
        None,
        "yes",
        "new voice",
    )
    assert [q.quote for q in change.quotes_after] == ["Chips still decide the race."]
    [moved] = d.ranks_changed
    assert (moved.question, moved.rank_before, moved.rank_after) == ("compute", 1, 1)
    assert moved.score_after > moved.score_before
    assert [v.name for v in moved.voices_joined] == ["Lauren Wagner"]
    assert [(c.by, c.against) for c in moved.cruxes_added] == [
        (["Keegan McBride"], ["Lauren Wagner"])
    ]
    assert "Lauren Wagner joined the yes side" in moved.why
    assert "1 new clash" in moved.why


def test_a_lean_change_carries_the_quotes_before_and_after() -> None:
    b2 = claim("b2", "mcbride", statement="Compute still decides much.", stance="yes")
    d = diff(OLD, graph_of([A, b2, C], []))
    [change] = [p for p in d.positions_changed if p.speaker == "mcbride"]
    assert (change.before, change.after, change.change) == ("no", "yes", "lean changed")
    assert [q.quote for q in change.quotes_before] == ["Compute matters less now."]
    assert [q.quote for q in change.quotes_after] == ["Compute still decides much."]
    assert change.reasons_before == ["no: Compute matters less now."]
    [moved] = d.ranks_changed
    assert (moved.rank_before, moved.rank_after) == (1, 0)
    assert [v.name for v in moved.voices_switched] == ["Keegan McBride"]


@pytest.mark.parametrize(
    ("a", "b", "score"),
    [
        ("Export controls have failed.", "The export controls failed", 1.0),
        ("Compute matters.", "Compute does not matter.", 0.8),
        ("Compute matters.", "Open models win.", 0.0),
        ("The US's chips", "US chips", 1.0),
    ],
)
def test_statement_similarity(a: str, b: str, score: float) -> None:
    assert statement_similarity(a, b) == score


def test_matching_is_one_to_one_best_first() -> None:
    left = [("x", "Compute matters a lot"), ("y", "Compute matters")]
    right = [("p", "Compute matters")]
    assert match_statements(left, right) == [("y", "p", 1.0)]
