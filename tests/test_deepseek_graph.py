"""The shipped DeepSeek graph: valid, grounded, and what the design card asks of it."""

from __future__ import annotations

import json
import subprocess
import sys
from collections import Counter

import pytest

import arggraph
from arggraph import ArgumentGraph
from arggraph.analysis.position_models import PositionsReport
from arggraph.analysis.positions import positions
from tests.conftest import DEEPSEEK

pytestmark = pytest.mark.skipif(not DEEPSEEK.exists(), reason="graph not written yet")

# Everyone the seeds' MANIFEST lists as taking a position.
MANIFEST_PEOPLE = [
    "Keegan McBride",
    "Lauren Wagner",
    "Lennart Heim",
    "Neil Chilson",
    "Liang Wenfeng",
    "Martin Chorzempa",
    "John Villasenor",
    "Alexandra Mousavizadeh",
    "Dario Amodei",
    "Alex Karp",
    "JD Vance",
    "Donald Trump",
    "Jared Dunnmon",
]


@pytest.fixture(scope="module")
def graph() -> ArgumentGraph:
    return arggraph.load(DEEPSEEK)


def test_size_and_shape(graph: ArgumentGraph) -> None:
    assert len(graph.documents) == 4
    assert len(graph.claims) >= 60
    assert len(graph.topics) >= 10
    kinds = Counter(r.kind for r in graph.relations)
    assert kinds["supports"] >= 10
    assert kinds["rebuts"] >= 10


def test_every_quote_is_grounded_with_offsets(graph: ArgumentGraph) -> None:
    for claim, att in graph.iter_attributions():
        text = graph.text_of(att.document)
        assert text is not None
        assert att.start is not None
        assert att.end is not None
        assert att.end > att.start, claim.id


def test_every_manifest_person_is_a_speaker_with_a_claim(graph: ArgumentGraph) -> None:
    holders = {a.speaker for _, a in graph.iter_attributions()}
    by_name = {s.name: s.id for s in graph.speakers}
    for person in MANIFEST_PEOPLE:
        matches = [sid for name, sid in by_name.items() if person in name]
        assert matches, f"{person} is not a speaker"
        assert set(matches) & holders, f"{person} holds no claim"


def test_every_document_has_claims(graph: ArgumentGraph) -> None:
    used = {a.document for _, a in graph.iter_attributions()}
    assert used == {d.id for d in graph.documents}


def test_design_card_example_compute_matters_less_rebutted_by_heim_and_mcbride(
    graph: ArgumentGraph,
) -> None:
    target = graph.claim("compute-matters-less")
    assert "compute" in target.statement.lower()
    names = {s.id: s.name for s in graph.speakers}
    rebutters = {
        names[speaker]
        for rel in graph.relations
        if rel.target == target.id and rel.kind == "rebuts"
        for speaker in graph.claim(rel.source).speakers
    }
    assert any("Heim" in n for n in rebutters), rebutters
    assert any("McBride" in n for n in rebutters), rebutters


def test_relations_cross_documents(graph: ArgumentGraph) -> None:
    crossing = [
        r
        for r in graph.relations
        if not graph.is_undercut(r)
        and not set(graph.claim(r.source).documents) & set(graph.claim(r.target).documents)
    ]
    assert len(crossing) >= 10


def test_no_orphan_claim_without_explanation(graph: ArgumentGraph) -> None:
    related = {r.source for r in graph.relations} | {r.target for r in graph.relations}
    orphans = [
        c.id
        for c in graph.claims
        if c.id not in related and not (c.note or "").startswith("Unrelated:")
    ]
    assert orphans == []


def test_every_claim_has_a_topic_and_every_topic_claims(graph: ArgumentGraph) -> None:
    assert all(c.topics for c in graph.claims)
    used = {t for c in graph.claims for t in c.topics}
    assert used == {t.id for t in graph.topics}


def test_shared_propositions_are_one_claim_with_several_holders(graph: ArgumentGraph) -> None:
    assert any(len(c.speakers) >= 2 for c in graph.claims)


# --- Readings a careful reader of the seeds checks (reader audit, 2026-12-01) ---------


@pytest.fixture(scope="module")
def placed(graph: ArgumentGraph) -> PositionsReport:
    return positions(graph)


def lean_of(placed: PositionsReport, question: str, name: str) -> str | None:
    """The named speaker's lean on a question, or None when they are not placed."""
    found = [p.lean for p in placed.question(question).positions if name in p.name]
    return found[0] if found else None


def quotes_of(graph: ArgumentGraph, claim_id: str, speaker: str) -> list[str]:
    return [a.quote for a in graph.claim(claim_id).attributions if a.speaker == speaker]


def test_chorzempa_warns_against_ratcheting_up_controls(
    graph: ArgumentGraph, placed: PositionsReport
) -> None:
    """news: his only forward-looking words are 'I worry that we will have a knee-jerk
    response to ratchet up controls heavily'; his yes describes the 2023 fix."""
    assert graph.claim("avoid-knee-jerk-tightening-of-controls").stances == {
        "tighten-controls": "no"
    }
    assert lean_of(placed, "tighten-controls", "Chorzempa") == "mixed"


def test_karp_is_not_a_yes_on_controls_by_the_reporters_paraphrase(
    graph: ArgumentGraph, placed: PositionsReport
) -> None:
    """news 9787-9866 'He expects a "huge policy discussion" ...' is the reporter's
    sentence; Karp's own words prescribe running faster, not export controls."""
    karp_quotes = [a.quote for _, a in graph.iter_attributions() if a.speaker == "karp"]
    assert not [q for q in karp_quotes if q.startswith("He expects")]
    assert lean_of(placed, "export-controls", "Karp") is None


def test_export_controls_question_asks_keep_not_main_tool(placed: PositionsReport) -> None:
    """Amodei (news 8170-8255, 'no silver bullet'), Dunnmon, McBride and Heim keep controls
    as one tool beside out-innovating China: a 'main tool' question misplaced them."""
    question = placed.question("export-controls").question or ""
    assert "keep" in question
    assert "main tool" not in question
    assert lean_of(placed, "export-controls", "Amodei") == "yes"


def test_dunnmon_does_not_say_compute_matters_less(placed: PositionsReport) -> None:
    """dunnmon 12252-12303 calls chips 'the West's most important technological advantage
    in AI'; his facts about running models on lesser chips answer no leadership question."""
    assert lean_of(placed, "compute", "Dunnmon") is None


def test_dunnmon_does_not_answer_training_cost(
    graph: ArgumentGraph, placed: PositionsReport
) -> None:
    """dunnmon 724-888 and 1037-1148 ('a tiny fraction of the cost', 'five percent of the
    price') are about the price to users (889: 'at minimal expense'), not training cost."""
    assert "dunnmon" not in graph.claim("deepseek-rivals-us-cheaply").speakers
    assert lean_of(placed, "training-cost", "Dunnmon") is None


def test_oxford_ethicist_is_a_reported_view_not_a_voice(
    graph: ArgumentGraph, placed: PositionsReport
) -> None:
    """podcast 57520-57826: an unnamed ethicist's post, in the host's paraphrase."""
    kinds = {s.id: s.kind for s in graph.speakers}
    assert kinds["oxford-ethicist"] == "group"
    assert placed.question("energy").voices("yes") == []


def test_security_quotes_keep_the_speakers_qualifications(graph: ArgumentGraph) -> None:
    """podcast 50444-50733: Rosen's 'the app will collect personal information ... but
    there's a lot of workarounds'; 52725-52865: Wagner's 'I'm not sure what the risk would
    be ... but I'm sure there are other downstream consequences'."""
    rosen = " ".join(quotes_of(graph, "deepseek-app-collects-data", "rosen"))
    assert "but there's a lot of workarounds" in rosen
    wagner = " ".join(quotes_of(graph, "users-aware-of-censorship", "wagner"))
    assert "other downstream consequences" in wagner


def test_hosts_closing_summary_is_not_counted_as_rosens_own_answer(
    placed: PositionsReport,
) -> None:
    """podcast 72397-72629: 'But as you've all underscored, it's hardly the AI apocalypse,
    and as we've discussed, the U.S. maintains a leading position' sums up the guests."""
    assert lean_of(placed, "sputnik", "Rosen") is None
    assert lean_of(placed, "china-gap", "Rosen") is None


def test_a_threat_to_us_leadership_is_not_a_closed_gap(graph: ArgumentGraph) -> None:
    """dunnmon 1162-1356 'DeepSeek poses a threat to U.S. leadership in AI' presupposes the
    lead McBride affirms ('still comfortably in the lead'): no stance, no rebuttal."""
    assert "china-gap" not in graph.claim("deepseek-threatens-us-ai-leadership").stances
    pairs = {(r.source, r.target) for r in graph.relations}
    assert ("us-comfortably-in-lead", "deepseek-threatens-us-ai-leadership") not in pairs


def test_knock_out_strawman_stays_unanswered_by_the_status_command() -> None:
    """podcast 26482-26653: Heim states 'out of the game, we got it' only to reject it
    ('Unfortunately, this is not true'); Dunnmon's point that trained models run on lesser
    chips attacks where controls bite, not that rejection, so it answers nothing."""
    result = subprocess.run(
        [sys.executable, "-m", "arggraph", "status", "--json", str(DEEPSEEK)],
        capture_output=True,
        text=True,
        check=True,
    )
    status = {c["claim"]: c["status"] for c in json.loads(result.stdout)["claims"]}
    assert status["controls-will-knock-china-out"] == "objection unanswered"


def test_liangs_gap_answer_shows_it_predates_v3_and_r1(graph: ArgumentGraph) -> None:
    """chilson 2008-2173 is quoted from 'an interview in July', before V3 and R1: the
    statement must say so, or it reads as DeepSeek's CEO denying parity after R1."""
    claim = graph.claim("liang-gap-is-originality-not-imitation")
    assert "July" in claim.statement
    assert "before" in claim.statement
