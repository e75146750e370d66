"""The whole extraction: the four seeds draft a graph that validates and grounds."""

from __future__ import annotations

from pathlib import Path

import pytest

import arggraph
from arggraph.errors import FormatError
from arggraph.extract import (
    LexicalEmbedder,
    SourceText,
    default_embedder,
    extract_graph,
    extract_texts,
)
from arggraph.model import ArgumentGraph
from arggraph.quotes import find_quote
from tests.conftest import REPO

SEEDS = sorted((REPO / "seeds").glob("*.txt"))


@pytest.fixture(scope="module")
def draft() -> ArgumentGraph:
    return extract_graph(SEEDS, embedder=LexicalEmbedder())


def test_the_seeds_draft_claims_topics_and_relations(draft: ArgumentGraph) -> None:
    assert len(draft.documents) == 4
    assert len(draft.claims) > 100
    assert draft.topics
    assert draft.relations
    assert {d.kind for d in draft.documents} == {"transcript", "text"}


def test_every_drafted_quote_grounds_at_its_offsets(draft: ArgumentGraph) -> None:
    for _, attribution in draft.iter_attributions():
        text = draft.text_of(attribution.document)
        assert text is not None
        assert attribution.start is not None
        assert text[attribution.start : attribution.end] == attribution.quote
        assert find_quote(text, attribution.quote, start=attribution.start) is not None


def test_the_written_draft_validates(draft: ArgumentGraph, tmp_path: Path) -> None:
    path = arggraph.write_graph(draft, tmp_path / "draft.yaml")
    loaded = arggraph.load(path)
    assert loaded == draft


def test_drafts_are_marked_with_their_confidence(draft: ArgumentGraph) -> None:
    for item in [*draft.claims, *draft.relations]:
        assert item.note is not None
        assert item.note.startswith("Draft: ")
        assert "confidence 0." in item.note


def test_seed_speakers_are_found(draft: ArgumentGraph) -> None:
    names = {s.name for s in draft.speakers}
    assert {"Keegan McBride", "Lennart Heim", "Lauren Wagner", "Brianna Rosen"} <= names
    assert {"Martin Chorzempa", "John Villasenor", "Dario Amodei", "Neil Chilson"} <= names
    assert {"Jared Dunnmon", "Liang Wenfeng"} <= names


def test_the_same_proposition_from_two_speakers_is_one_claim() -> None:
    sources = [
        SourceText("a", "A", "Export controls on advanced chips must be tightened now."),
        SourceText("b", "B", "Export controls on advanced chips must be tightened now!"),
    ]
    graph = extract_texts(sources, embedder=LexicalEmbedder())
    (claim,) = graph.claims
    assert [a.document for a in claim.attributions] == ["a", "b"]
    assert len(claim.speakers) == 2


def test_progress_is_reported_per_document_and_at_the_end() -> None:
    calls: list[tuple[int, int]] = []
    extract_graph(
        SEEDS[:2], embedder=LexicalEmbedder(), progress=lambda d, t, _: calls.append((d, t))
    )
    assert calls == [(1, 3), (2, 3), (3, 3)]


@pytest.mark.parametrize("mode", ["every-sentence", "nearest-neighbour"])
def test_baselines_draft_valid_graphs(mode: str) -> None:
    graph = extract_texts(
        [SourceText("t", "T", "We should act. It is urgent and important. Costs are high.")],
        embedder=LexicalEmbedder(),
        mode=mode,  # type: ignore[arg-type]
    )
    assert graph.claims
    assert all(r.kind == "supports" for r in graph.relations)


@pytest.mark.slow
def test_the_seeds_extract_with_the_default_embedder() -> None:
    # The time it takes is measured by benchmarks/bench_extract.py, not asserted here.
    graph = extract_graph(SEEDS, embedder=default_embedder())
    assert graph.claims


def test_unreadable_files_are_reported_together(tmp_path: Path) -> None:
    bad = tmp_path / "latin1.txt"
    bad.write_bytes("caf\xe9 au lait".encode("latin-1"))
    with pytest.raises(FormatError) as caught:
        extract_graph([tmp_path / "missing.txt", bad], embedder=LexicalEmbedder())
    codes = sorted(p.code for p in caught.value.problems)
    assert codes == ["not-utf8", "unreadable-file"]


def test_public_surface() -> None:
    import arggraph.extract as extract

    assert sorted(extract.__all__) == [
        "ChatClaimProposer",
        "ClaimProposer",
        "Embedder",
        "ExtractionMode",
        "LLMError",
        "LexicalEmbedder",
        "ProposedClaim",
        "SentenceEmbedder",
        "SourceText",
        "default_embedder",
        "extract_graph",
        "extract_texts",
        "read_source",
        "read_sources",
    ]
