"""AIF dialogue corpora: questions are asked not held, one person is one speaker, undercuts.

``tests/data/aif/dialogue-a.json`` and ``dialogue-b.json`` are hand-made nodesets in
AIFdb's shape (see the README there).
"""

from __future__ import annotations

import pytest

from arggraph.analysis.positions import positions
from arggraph.io.aif import dump_aif, parse_aif, read_aif
from arggraph.io.formats import ImportLog, build_imported
from arggraph.model import ArgumentGraph
from tests.conftest import REPO

DATA = REPO / "tests" / "data" / "aif"
BOTH = [DATA / "dialogue-a.json", DATA / "dialogue-b.json"]


def _attributions(graph: ArgumentGraph, claim_id: str) -> list[tuple[str, bool]]:
    return [(a.speaker, a.asked) for a in graph.claim(claim_id).attributions]


@pytest.mark.parametrize(
    ("claim", "quote"),
    [
        ("dialogue-a.1", "Should tuition fees be abolished?"),  # Pure Questioning
        ("dialogue-b.1", "Are student loans fair?"),  # Assertive Questioning
    ],
)
def test_a_question_is_kept_as_asked_not_held(claim: str, quote: str) -> None:
    graph = read_aif(BOTH)
    (attribution,) = graph.claim(claim).attributions
    assert attribution.asked
    assert attribution.quote == quote
    assert attribution.start is not None  # quoted and grounded like any other
    assert graph.claim(claim).speakers == []


def test_an_assertion_is_held() -> None:
    graph = read_aif(BOTH)
    assert _attributions(graph, "dialogue-a.2") == [("person-102", False)]


def _positions_of(graph: ArgumentGraph, *, asked: bool) -> set[str]:
    """Who takes a position on 'Abolish fees?' when the moderator's question answers yes."""
    data = graph.model_dump()
    data["topics"] = [{"id": "fees", "label": "Fees", "question": "Abolish fees?"}]
    for claim in data["claims"]:
        claim["topics"] = ["fees"]
        if claim["id"] == "dialogue-a.1":
            claim["stances"] = {"fees": "yes"}
            claim["attributions"][0]["asked"] = asked
    texts = {d.id: graph.text_of(d.id) or "" for d in graph.documents}
    report = positions(ArgumentGraph.model_validate(data, context={"texts": texts}))
    return {p.speaker for q in report.questions for p in q.positions}


def test_an_asker_is_no_position_or_voice() -> None:
    graph = read_aif(BOTH)
    assert "person-101" in _positions_of(graph, asked=False)  # as if she held it
    assert "person-101" not in _positions_of(graph, asked=True)


def test_the_same_person_across_nodesets_is_one_speaker() -> None:
    log = ImportLog()
    graph = read_aif(BOTH, log=log)
    assert [s.id for s in graph.speakers if s.name == "Fiona Bruce"] == ["person-101"]
    assert "FIONA  BRUCE" not in {s.name for s in graph.speakers}
    assert _attributions(graph, "dialogue-b.1") == [("person-101", True)]
    assert log.notes == ["speakers person-7 merged into person-101 ('Fiona Bruce'): same name"]


def test_different_people_stay_apart() -> None:
    graph = read_aif(BOTH)
    assert {s.name for s in graph.speakers} >= {"Ann Lee", "Bo Park", "Cy Dee"}


@pytest.mark.parametrize(
    ("relation", "source", "target"),
    [
        ("5", "4", "3"),  # CA on an RA
        ("7", "6", "5"),  # CA on a CA: an undercut of an undercut
        ("18", "17", "16"),  # CA on an MA (a rephrase)
    ],
)
def test_a_ca_on_a_scheme_node_is_an_undercut(relation: str, source: str, target: str) -> None:
    graph = read_aif(DATA / "dialogue-a.json")
    undercut = next(r for r in graph.relations if r.key == relation)
    assert (undercut.source, undercut.kind, undercut.target) == (source, "rebuts", target)
    assert graph.is_undercut(undercut)


def test_an_ma_on_a_scheme_node_is_noted_not_kept() -> None:
    graph = read_aif(DATA / "dialogue-a.json")
    assert "9" not in {r.key for r in graph.relations}
    assert "AIF MA node 9 points at a RA node (3)" in (graph.claim("8").note or "")


def test_asked_survives_an_aif_round_trip() -> None:
    graph = read_aif(DATA / "dialogue-a.json")
    back = build_imported(parse_aif(dump_aif(graph), source="back.json"))
    assert _attributions(back, "1") == [("person-101", True)]
    assert _attributions(back, "2") == [("person-102", False)]
