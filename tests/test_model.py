"""The model: strict fields, checks on construction, grounding, networkx conversion."""

from __future__ import annotations

from typing import Any

import pydantic
import pytest

import arggraph
from arggraph import ArgumentGraph, Attribution, Claim, Document, Relation, Speaker, Topic
from arggraph.errors import InvalidGraphError

TEXT = "Heim: Compute still matters. Wagner: Compute matters less now."


def make(**overrides: Any) -> ArgumentGraph:
    parts: dict[str, Any] = {
        "documents": [Document(id="d", title="Talk", kind="transcript", text=TEXT)],
        "speakers": [Speaker(id="heim", name="Lennart Heim"), Speaker(id="w", name="Wagner")],
        "topics": [Topic(id="compute", label="Compute")],
        "claims": [
            Claim(
                id="a",
                statement="Compute still matters.",
                topics=["compute"],
                attributions=[
                    Attribution(speaker="heim", document="d", quote="Compute still matters")
                ],
            ),
            Claim(
                id="b",
                statement="Compute matters less.",
                topics=["compute"],
                attributions=[
                    Attribution(speaker="w", document="d", quote="Compute matters less now")
                ],
            ),
        ],
        "relations": [Relation(source="a", target="b", kind="rebuts")],
    }
    parts.update(overrides)
    return ArgumentGraph(**parts)


def test_construction_grounds_quotes_with_offsets() -> None:
    graph = make()
    a, b = (graph.claim(i).attributions[0] for i in ("a", "b"))
    assert TEXT[a.start : a.end] == "Compute still matters"  # type: ignore[index]
    assert TEXT[b.start : b.end] == "Compute matters less now"  # type: ignore[index]


def test_construction_does_not_change_the_callers_objects() -> None:
    att = Attribution(speaker="heim", document="d", quote="Compute still matters")
    claim = Claim(id="a", statement="S.", attributions=[att])
    make(claims=[claim], relations=[])
    assert att.start is None


def test_construction_reports_every_integrity_problem() -> None:
    with pytest.raises(InvalidGraphError) as caught:
        make(
            relations=[
                Relation(source="a", target="a", kind="rebuts"),
                Relation(source="a", target="zz", kind="supports"),
            ]
        )
    assert sorted(p.code for p in caught.value.problems) == ["self-relation", "unknown-id"]


def test_unknown_fields_are_errors() -> None:
    with pytest.raises(pydantic.ValidationError, match="extra"):
        Speaker(id="x", name="X", colour="red")  # type: ignore[call-arg]


def test_strict_types_no_coercion() -> None:
    with pytest.raises(pydantic.ValidationError):
        Topic(id=5, label="Five")  # type: ignore[arg-type]


@pytest.mark.parametrize("bad_id", ["", "-lead", "has space", "caf\u00e9", "\u0430pple", "x" * 201])
def test_ids_are_plain_ascii(bad_id: str) -> None:
    with pytest.raises(pydantic.ValidationError):
        Topic(id=bad_id, label="L")


def test_document_needs_exactly_one_source() -> None:
    with pytest.raises(pydantic.ValidationError, match="exactly one"):
        Document(id="d", title="T")
    with pytest.raises(pydantic.ValidationError, match="exactly one"):
        Document(id="d", title="T", path="a.txt", text="x")


def test_relation_key_defaults_to_source_arrow_target() -> None:
    assert Relation(source="a", target="b", kind="rebuts").key == "a->b"
    assert Relation(id="r1", source="a", target="b", kind="rebuts").key == "r1"


def test_claim_speakers_and_documents_are_unique_in_order() -> None:
    claim = Claim(
        id="c",
        statement="S.",
        attributions=[
            Attribution(speaker="x", document="d1", quote="q"),
            Attribution(speaker="y", document="d1", quote="q"),
            Attribution(speaker="x", document="d2", quote="q"),
        ],
    )
    assert claim.speakers == ["x", "y"]
    assert claim.documents == ["d1", "d2"]


def test_to_networkx_keeps_every_field() -> None:
    graph = make()
    G = graph.to_networkx()
    assert sorted(G.nodes) == ["a", "b"]
    assert G.nodes["a"]["statement"] == "Compute still matters."
    assert G.nodes["a"]["speakers"] == ["heim"]
    assert G.nodes["a"]["attributions"][0]["start"] == 6
    (edge,) = G.edges(keys=True, data=True)
    assert edge[:3] == ("a", "b", "a->b")
    assert edge[3]["kind"] == "rebuts"
    assert G.graph["speakers"]["heim"]["name"] == "Lennart Heim"
    assert G.graph["topics"]["compute"]["label"] == "Compute"


def test_to_networkx_is_a_fresh_graph_each_time() -> None:
    graph = make()
    G = arggraph.to_networkx(graph)
    G.nodes["a"]["statement"] = "changed"
    assert graph.claim("a").statement == "Compute still matters."


def test_undercut_targets_a_relation_and_survives_networkx() -> None:
    third = Claim(
        id="c",
        statement="Matters less is a non sequitur.",
        attributions=[Attribution(speaker="w", document="d", quote="Wagner")],
    )
    graph = make(
        claims=[*make().claims, third],
        relations=[
            Relation(id="r1", source="a", target="b", kind="rebuts"),
            Relation(id="u1", source="c", target="r1", kind="rebuts"),
        ],
    )
    assert graph.is_undercut(graph.relations[1])
    assert not graph.is_undercut(graph.relations[0])
    G = graph.to_networkx()
    assert G.number_of_edges() == 1
    assert G.edges["a", "b", "r1"]["undercut_by"] == ["u1"]
    assert G.graph["undercuts"]["u1"]["source"] == "c"


def test_only_rebuts_may_target_a_relation() -> None:
    with pytest.raises(InvalidGraphError) as caught:
        make(
            relations=[
                Relation(id="r1", source="a", target="b", kind="rebuts"),
                Relation(id="s1", source="b", target="r1", kind="supports"),
            ]
        )
    assert [p.code for p in caught.value.problems] == ["invalid-value"]


def test_claim_and_relation_ids_share_one_namespace() -> None:
    with pytest.raises(InvalidGraphError) as caught:
        make(relations=[Relation(id="a", source="a", target="b", kind="rebuts")])
    assert [p.code for p in caught.value.problems] == ["duplicate-id"]


def test_stance_must_be_on_one_of_the_claims_topics() -> None:
    claim = Claim(
        id="a",
        statement="S.",
        topics=["compute"],
        stances={"other": "pro"},
        attributions=[Attribution(speaker="heim", document="d", quote="Compute still matters")],
    )
    with pytest.raises(InvalidGraphError) as caught:
        make(claims=[claim], relations=[])
    assert [(p.code, p.id) for p in caught.value.problems] == [("unknown-id", "other")]


def test_an_unknown_claim_id_is_a_key_error_with_a_did_you_mean() -> None:
    from arggraph.errors import ArgGraphError, UnknownIdError

    graph = ArgumentGraph(
        documents=[Document(id="d", title="T", text="Compute matters.")],
        speakers=[Speaker(id="s", name="S")],
        claims=[
            Claim(
                id="compute",
                statement="Compute matters.",
                attributions=[Attribution(speaker="s", document="d", quote="Compute matters")],
            )
        ],
    )
    with pytest.raises(KeyError) as caught:
        graph.claim("compte")
    assert isinstance(caught.value, UnknownIdError)
    assert isinstance(caught.value, ArgGraphError)
    assert str(caught.value) == "no claim 'compte' in the graph; did you mean 'compute'?"
