"""Speakers: transcript turns with the seeds' quirks, reported speech, the author."""

from __future__ import annotations

import re

import pytest

from arggraph.extract.sentences import Span, sentence_spans
from arggraph.extract.speakers import byline, reported_speakers, transcript_turns
from tests.conftest import REPO

SEEDS = REPO / "seeds"
PODCAST = (SEEDS / "just-security-podcast-diving-deeper-into-deepseek.txt").read_text("utf-8")


def _speaker_at(text: str, phrase: str) -> str:
    position = text.index(phrase)
    turn = next(t for t in transcript_turns(text) if t.body_start <= position < t.end)
    return turn.name


@pytest.mark.parametrize(
    ("phrase", "speaker"),
    [
        # a full introduction ...
        ("I think if we look back at history", "Keegan McBride"),
        # ... then first names only
        ("So, let's dig deeper into DeepSeek itself", "Brianna Rosen"),
        ("Yeah, so, Lauren was talking about it", "Lennart Heim"),
        # "Keegan." written for "Keegan:"
        ("Look, my perspective on this is, people said the exact same thing", "Keegan McBride"),
        ("I'm definitely an open source maximalist", "Lauren Wagner"),
    ],
)
def test_podcast_turns_resolve_first_names_and_the_period_quirk(phrase: str, speaker: str) -> None:
    assert _speaker_at(PODCAST, phrase) == speaker


def test_podcast_has_exactly_its_four_speakers() -> None:
    names = {t.name for t in transcript_turns(PODCAST)}
    assert names == {"Brianna Rosen", "Keegan McBride", "Lauren Wagner", "Lennart Heim"}


def test_show_notes_are_not_a_turn() -> None:
    turns = transcript_turns(PODCAST)
    assert turns[0].start == PODCAST.index("Brianna Rosen: The tech industry")


def test_turn_body_excludes_the_name() -> None:
    text = "Anna Smith: One.\nBob Jones: Two.\nAnna: Three.\nBob: Four."
    assert [text[t.body_start : t.end].strip() for t in transcript_turns(text)] == [
        "One.",
        "Two.",
        "Three.",
        "Four.",
    ]


def test_prose_with_a_colon_is_not_a_transcript() -> None:
    assert transcript_turns("Note: this is an essay.\nIt argues: things.\n") == []


def _reported(text: str) -> list[tuple[str, str]]:
    paragraphs = [Span(m.start(), m.end()) for m in re.finditer(r"[^\n]+", text)]
    found = reported_speakers(text, sentence_spans(text), paragraphs=paragraphs)
    return [(r.name, r.span.of(text)) for r in found]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ('"Controls leak," said Martin Chorzempa, senior fellow at PIIE.', "Martin Chorzempa"),
        ('"It is quixotic," wrote John Villasenor, a fellow at Brookings.', "John Villasenor"),
        ("A Brookings analysis argues the rules seek central planning.", "Brookings analysis"),
        ('Palantir Technologies CEO Alex Karp told CNBC that "we have to run".', "Alex Karp"),
        ("OpenAI CEO Sam Altman said that the company was wrong.", "Sam Altman"),
        ('Trump also called Deepseek a "wake-up call for our industries."', "Trump"),
    ],
)
def test_reported_speech_patterns(text: str, speaker: str) -> None:
    assert _reported(text) == [(speaker, text)]


def test_surname_and_according_to_resolve_to_the_full_name() -> None:
    text = (
        '"The gap is closing," said Alexandra Mousavizadeh, CEO of Evident.\n'
        "Open models are a driver of innovation, according to Mousavizadeh.\n"
        '"You can\'t really gatekeep," Mousavizadeh said.\n'
    )
    assert [name for name, _ in _reported(text)] == ["Alexandra Mousavizadeh"] * 3


def test_quoted_passage_continues_its_speaker() -> None:
    text = (
        '"They are no silver bullet," wrote Dario Amodei, CEO of Anthropic. '
        '"In the end, we must have better models. But we should not hand them advantages."'
    )
    assert [name for name, _ in _reported(text)] == ["Dario Amodei"] * 3


def test_pronoun_with_a_quote_refers_to_the_last_person() -> None:
    text = '"We will block such efforts," Vance said. "We will safeguard AI," he added.'
    assert [name for name, _ in _reported(text)] == ["Vance", "Vance"]


def test_narration_mentioning_a_lone_name_is_not_reported_speech() -> None:
    text = "The U.S. banned the Nvidia chips DeepSeek says it trained the model on."
    assert _reported(text) == []


def test_unquoted_narration_stays_with_the_author() -> None:
    assert _reported("Export controls did not stop DeepSeek from building its model.") == []


@pytest.mark.parametrize(
    ("seed", "author"),
    [
        ("dunnmon-real-threat-of-chinese-ai.txt", "Jared Dunnmon"),
        ("chilson-deepseek-policymakers-guide.txt", "Neil Chilson"),
        ("news-deepseek-chip-export-controls.txt", None),
    ],
)
def test_byline(seed: str, author: str | None) -> None:
    assert byline((SEEDS / seed).read_text("utf-8")) == author
