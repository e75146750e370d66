"""The learned relation model: shipped small, scored without scikit-learn, decoded into forests."""

from __future__ import annotations

import json
import subprocess
import sys
from importlib import resources
from pathlib import Path

import pytest

import arggraph
from arggraph.extract import LexicalEmbedder, SourceText, extract_texts
from arggraph.extract.learned import (
    MODEL_FILE,
    PairScore,
    cross_document_relations,
    decode_forest,
    default_model,
    learned_relations,
)
from arggraph.extract.pairs import PairContext
from arggraph.extract.relations import RelationNode
from arggraph.extract.training import labelled_texts
from tests.conftest import REPO

MICROTEXTS = REPO.parent / "shared" / "data" / "microtexts"


def _nodes(*texts: str, document: str = "d") -> list[RelationNode]:
    return [RelationNode(i, document, 0, i, "author", t) for i, t in enumerate(texts)]


def test_the_shipped_model_is_small_and_says_what_it_was_trained_on() -> None:
    file = resources.files("arggraph.extract").joinpath(MODEL_FILE)
    raw = file.read_text(encoding="utf-8")
    data = json.loads(raw)
    assert len(raw.encode()) < 1_000_000
    assert data["classes"] == ["none", "supports", "rebuts"]
    assert set(data["trained_on"]) == {"microtexts", "qt30", "us2016", "araucaria"}
    model = default_model()
    assert 0 < model.within.threshold < 1
    assert model.within.weights
    assert model.across.weights


def test_drafting_never_imports_scikit_learn() -> None:
    code = (
        "import sys; sys.modules['sklearn'] = None; sys.modules['numpy'] = None\n"
        "from arggraph.extract.learned import learned_relations\n"
        "from arggraph.extract.relations import RelationNode\n"
        "nodes = [RelationNode(0, 'd', 0, 0, 'a', 'We should keep the export controls.'),\n"
        "         RelationNode(1, 'd', 0, 1, 'a', 'Because they slow down the rivals a lot.')]\n"
        "print(len(learned_relations(nodes)))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "1"


def test_a_reason_supports_the_claim_it_follows() -> None:
    nodes = _nodes(
        "We should keep the export controls on advanced chips.",
        "Because they slow down the rivals' training runs a lot.",
    )
    [relation] = learned_relations(nodes)
    assert (relation.source, relation.target, relation.kind) == (1, 0, "supports")
    assert 0 < relation.confidence < 1
    assert relation.reason.startswith("learned model")


def _score(source: int, target: int, confidence: float) -> PairScore:
    return PairScore(source, target, "supports", confidence, 1.0, confidence)


@pytest.mark.parametrize(
    ("scores", "expected"),
    [
        # each source keeps its best target only
        ([_score(1, 0, 0.6), _score(1, 2, 0.4)], [(1, 0)]),
        # a two-cycle keeps its stronger edge
        ([_score(0, 1, 0.5), _score(1, 0, 0.7)], [(1, 0)]),
        # under the threshold: nothing
        ([_score(0, 1, 0.1)], []),
        # a chain stays a chain
        ([_score(2, 1, 0.5), _score(1, 0, 0.5)], [(1, 0), (2, 1)]),
    ],
)
def test_decoding_gives_each_claim_at_most_one_target_and_no_cycle(
    scores: list[PairScore], expected: list[tuple[int, int]]
) -> None:
    assert [(s.source, s.target) for s in decode_forest(scores, 0.2)] == expected


def test_within_a_document_relations_form_a_forest() -> None:
    nodes = _nodes(
        "Germany should introduce a tax on sugary drinks.",
        "Obesity costs the health system billions every year.",
        "Admittedly, a tax hits poorer households harder.",
        "But the revenue can fund free school meals for them.",
        "Besides, similar taxes reduced consumption in Mexico.",
    )
    relations = learned_relations(nodes, threshold=0.0)
    sources = [r.source for r in relations]
    assert len(sources) == len(set(sources))
    assert len(relations) <= len(nodes) - 1


def test_cross_document_proposals_pair_documents_on_the_same_topic_ranked() -> None:
    nodes = [
        RelationNode(0, "a", 0, 0, "ann", "Export controls on chips slowed China's AI labs.", 0),
        RelationNode(1, "a", 1, 1, "ann", "Open models should be published freely.", 1),
        RelationNode(2, "b", 0, 2, "bob", "Chip export controls did not slow China down.", 0),
        RelationNode(3, "b", 1, 3, "bob", "Open models help rivals catch up.", 1),
        RelationNode(4, "b", 2, 4, "bob", "Chip controls leak through smuggling.", 0),
    ]
    proposals = cross_document_relations(nodes, budget=1)
    assert proposals
    for relation in proposals:
        source, target = nodes[relation.source], nodes[relation.target]
        assert source.document != target.document
        assert source.topic == target.topic
    assert len({r.source for r in proposals}) == len(proposals)  # budget 1 per claim
    confidences = [r.confidence for r in proposals]
    assert confidences == sorted(confidences, reverse=True)


def test_pair_features_say_distance_and_openers() -> None:
    context = PairContext(
        _nodes("We should keep the controls.", "Because they slow China down a lot.")
    )
    features = context.features(1, 0)
    assert features["dist:-1"] == 1.0
    assert features["s_open:cause"] == 1.0
    assert "dist:-1" not in context.features(1, 0, positional=False)


def test_the_extractor_drafts_learned_relations_by_default() -> None:
    text = (
        "We should keep the export controls on advanced chips. Because they slow down "
        "the rivals' training runs a lot. Admittedly, some chips are smuggled anyway."
    )
    graph = extract_texts([SourceText("essay", "Essay", text)], embedder=LexicalEmbedder())
    assert graph.relations
    for relation in graph.relations:
        assert relation.note is not None
        assert relation.note.startswith(f"Draft: {relation.kind} (confidence 0.")
        assert "learned model" in relation.note


@pytest.mark.skipif(not MICROTEXTS.is_dir(), reason="needs ../shared/data/microtexts")
def test_microtexts_become_labelled_texts_without_their_roles() -> None:
    gold = arggraph.import_graph("microtexts", MICROTEXTS / "micro_b001.xml")
    [text] = labelled_texts(gold, corpus="microtexts", speakers=False)
    assert text.id == "micro_b001"
    assert {n.speaker for n in text.nodes} == {"author"}
    assert [n.order for n in text.nodes] == list(range(len(text.nodes)))
    assert (0, len(text.nodes) - 1) in text.gold  # the opening concession rebuts the thesis
    assert text.gold[(0, len(text.nodes) - 1)] == "rebuts"
    assert text.excluded  # the undercut's ends are left out


@pytest.mark.slow
@pytest.mark.parametrize(("option", "reason"), [("learned", "learned model"), ("cues", "")])
def test_the_extract_command_drafts_relations_by_the_method_asked(
    tmp_path: Path, option: str, reason: str
) -> None:
    essay = tmp_path / "essay.txt"
    essay.write_text(
        "We should keep the export controls on advanced chips. Because they slow down "
        "the rivals' training runs a lot. But some chips are smuggled anyway, so the "
        "controls must be enforced better.\n",
        encoding="utf-8",
    )
    out = tmp_path / "draft.yaml"
    command = [sys.executable, "-m", "arggraph", "extract", str(essay), "-o", str(out)]
    result = subprocess.run(
        [*command, "--embedder", "lexical", "--relations", option],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    notes = [r.note or "" for r in arggraph.load(out).relations]
    assert notes
    assert all(("learned model" in n) == bool(reason) for n in notes)
