"""End to end on real microtexts (the five in tests/data): draft, evaluate, compare."""

from __future__ import annotations

import arggraph
from arggraph.extract import LexicalEmbedder, extract_texts, read_source
from arggraph.extract.evaluate import Evaluation, evaluate_draft
from arggraph.extract.pipeline import ExtractionMode
from tests.conftest import REPO

DATA = REPO / "tests" / "data" / "microtexts"


def _measure(mode: ExtractionMode) -> Evaluation:
    gold = arggraph.import_graph("microtexts", DATA)
    results = [
        evaluate_draft(
            extract_texts([read_source(path)], embedder=LexicalEmbedder(), mode=mode), gold
        )
        for path in sorted(DATA.glob("micro_*.txt"))
    ]
    total = results[0]
    for result in results[1:]:
        total = total + result
    return total


def test_drafts_find_most_units_and_cues_beat_nearest_neighbours() -> None:
    ours = _measure("cues")
    baseline = _measure("nearest-neighbour")
    assert ours.claims.precision > 0.9
    assert ours.claims.recall > 0.7
    assert ours.claims == baseline.claims  # the baseline shares our claims
    assert ours.relations.f1 > baseline.relations.f1


def test_every_sentence_keeps_whole_sentences() -> None:
    result = _measure("every-sentence")
    ours = _measure("cues")
    assert result.claims.precision > 0.9
    assert result.claims.predicted < ours.claims.predicted  # we also split clauses
