"""Sentences, clauses and claim candidates: what is a claim, and where it is."""

from __future__ import annotations

import pytest

from arggraph.extract.claims import claim_units, document_units
from arggraph.extract.cues import cues_in, first_cue
from arggraph.extract.sentences import clause_spans, sentence_spans
from tests.conftest import REPO


def _sentences(text: str) -> list[str]:
    return [s.of(text) for s in sentence_spans(text)]


def test_abbreviations_and_initials_do_not_end_sentences() -> None:
    text = "Dr. Heim met the U.S. team. Konstantin F. Pilz wrote too. It works."
    assert _sentences(text) == [
        "Dr. Heim met the U.S. team.",
        "Konstantin F. Pilz wrote too.",
        "It works.",
    ]


def test_a_page_break_inside_a_sentence_is_rejoined() -> None:
    text = "DeepSeek paves the way for China to gain a\n\ndominant global position. Next."
    assert _sentences(text) == [
        "DeepSeek paves the way for China to gain a\n\ndominant global position.",
        "Next.",
    ]


def test_every_line_break_between_sentences_ends_one() -> None:
    assert _sentences("Heading without stop\nA sentence here.") == [
        "Heading without stop",
        "A sentence here.",
    ]


@pytest.mark.parametrize(
    ("sentence", "clauses"),
    [
        (
            "Of course, they need to be caught in the act by officers, but once they pay "
            "their laziness will vanish!",
            [
                "Of course, they need to be caught in the act by officers,",
                "but once they pay their laziness will vanish!",
            ],
        ),
        (
            "Treatments should be subsidized like conventional ones, since both methods "
            "can cure an illness.",
            [
                "Treatments should be subsidized like conventional ones,",
                "since both methods can cure an illness.",
            ],
        ),
        # too short to stand alone: stays one clause
        ("It is cheap, but slow.", ["It is cheap, but slow."]),
    ],
)
def test_clauses_split_at_connectives(sentence: str, clauses: list[str]) -> None:
    (span,) = sentence_spans(sentence)
    assert [c.of(sentence) for c in clause_spans(sentence, span)] == clauses


def test_cue_families() -> None:
    found = cues_in("But I don't think export controls should be dropped.")
    assert {"contrast", "disagree", "recommend", "stance", "negation"} <= found.keys()
    assert first_cue("Granted, those concern the British services", "concede") == "granted"
    assert first_cue("The services, granted, concern us", "concede", within=1) is None


@pytest.mark.parametrize(
    ("text", "is_claim"),
    [
        ("Keegan: I think export controls are leaky and should be tightened.", True),
        ("Keegan: The US should lead in open-source AI.", True),
        ("Keegan: What does it really mean to lead in AI?", False),  # a question
        ("Keegan: Thanks for having me, this was great.", False),  # thanks
        ("Keegan: Yes.", False),  # too short
        ("Keegan: The company released its model in January of this year.", False),  # narration
    ],
)
def test_claim_candidates(text: str, is_claim: bool) -> None:
    turns = "Anna: Hello there.\nKeegan: Hi.\nAnna: Welcome.\n" + text + "\n"
    units = document_units(turns, default_speaker="author")
    last = units[-1]
    assert last.speaker == "Keegan"
    assert (last in claim_units(units)) is is_claim


def test_a_compact_argument_keeps_its_premises() -> None:
    text = (
        "We should keep separating our waste. Three bins stand in the kitchen all day. "
        "Germany produces too much rubbish."
    )
    units = claim_units(document_units(text))
    assert [u.text for u in units] == [
        "We should keep separating our waste.",
        "Three bins stand in the kitchen all day.",
        "Germany produces too much rubbish.",
    ]


def test_units_are_exact_slices_of_the_seed() -> None:
    path = REPO / "seeds" / "dunnmon-real-threat-of-chinese-ai.txt"
    text = path.read_text("utf-8")
    units = document_units(text, document="dunnmon")
    assert units
    assert all(text[u.span.start : u.span.end] == u.text for u in units)
