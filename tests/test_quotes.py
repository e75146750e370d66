"""Finding quotes in documents: normalisation, offsets, several occurrences, near misses."""

from __future__ import annotations

import pytest

from arggraph.quotes import find_quote, line_and_column, nearest_passage, normalise
from tests.conftest import REPO

CHILSON = (REPO / "seeds" / "chilson-deepseek-policymakers-guide.txt").read_text(encoding="utf-8")
DUNNMON = (REPO / "seeds" / "dunnmon-real-threat-of-chinese-ai.txt").read_text(encoding="utf-8")
PODCAST = (REPO / "seeds" / "just-security-podcast-diving-deeper-into-deepseek.txt").read_text(
    encoding="utf-8"
)


@pytest.mark.parametrize(
    ("raw", "normal"),
    [
        ("a  b\n\n c\t d", "a b c d"),
        ("\u201cquoted\u201d and \u2018single\u2019", "\"quoted\" and 'single'"),
        ("en\u2013dash em\u2014dash minus\u2212", "en-dash em-dash minus-"),
        ("costs \\$5.6 million", "costs $5.6 million"),
        ("wait\u2026", "wait..."),
        ("soft\u00adhyphen zero\u200bwidth", "softhyphen zerowidth"),
        ("  leading and trailing  ", "leading and trailing"),
        ("a\u00a0b", "a b"),
    ],
)
def test_normalise(raw: str, normal: str) -> None:
    assert normalise(raw) == normal


def test_offsets_point_at_the_original_characters() -> None:
    text = "He said: \u201cCompute\nstill matters\u201d \u2014 a lot."
    match = find_quote(text, '"Compute still matters" - a lot')
    assert match is not None
    assert text[match.start : match.end] == "\u201cCompute\nstill matters\u201d \u2014 a lot"


def test_escaped_dollar_in_a_seed_matches_a_plain_dollar() -> None:
    match = find_quote(CHILSON, "the equivalent of $5.6 million USD in training costs")
    assert match is not None
    assert CHILSON[match.start : match.end] == (
        "the equivalent of \\$5.6 million USD in training costs"
    )


def test_quote_across_a_page_break_in_a_seed() -> None:
    # The essay splits this sentence over a blank line ("gain a" / "dominant").
    match = find_quote(DUNNMON, "paving the way for China to gain a dominant global position")
    assert match is not None
    assert "\n\n" in DUNNMON[match.start : match.end]


def test_curly_apostrophes_in_the_podcast_match_straight_ones() -> None:
    assert "\u2019" in PODCAST
    match = find_quote(PODCAST, 'AI\'s "Sputnik Moment"')
    assert match is not None
    assert PODCAST[match.start : match.end] == "AI\u2019s \u201cSputnik Moment\u201d"


def test_case_and_words_must_match_exactly() -> None:
    assert find_quote("Compute still matters.", "compute still matters") is None
    assert find_quote("Compute still matters.", "Compute matters") is None


def test_several_occurrences_first_unless_start_given() -> None:
    text = "yes. no. yes."
    first = find_quote(text, "yes")
    assert first is not None
    assert (first.start, first.occurrences) == (0, 2)
    second = find_quote(text, "yes", start=9)
    assert second is not None
    assert second.start == 9
    assert find_quote(text, "yes", start=4) is None


def test_empty_quote_is_never_found() -> None:
    assert find_quote("anything", "   ") is None


def test_nearest_passage_names_the_differing_words() -> None:
    text = "Intro.\nHeim: I think compute still matters a lot for frontier AI.\nEnd."
    near = nearest_passage(text, "compute still matters a great deal for frontier AI")
    assert near is not None
    assert near.passage.startswith("compute still matters a lot")
    assert near.quote_differs.startswith("great deal")
    assert near.text_differs.startswith("lot for")
    assert line_and_column(text, near.start) == (2, 15)


def test_nearest_passage_on_a_seed() -> None:
    near = nearest_passage(DUNNMON, "DeepSeek poses a grave threat to U.S. leadership in AI")
    assert near is not None
    assert "DeepSeek poses a threat to U.S. leadership in AI" in near.passage
    assert near.similarity > 0.8


def test_nearest_passage_none_when_nothing_shared() -> None:
    assert nearest_passage("alpha beta gamma", "delta epsilon") is None


@pytest.mark.parametrize("offset", [0, 5, 17])
def test_line_and_column(offset: int) -> None:
    text = "abc\ndefgh\nij\nklmnopqrs"
    line, column = line_and_column(text, offset)
    assert text.split("\n")[line - 1][column - 1] == text[offset]


def test_an_occurrence_that_begins_a_word_is_preferred() -> None:
    text = "we recompute. compute matters; compute again"
    match = find_quote(text, "compute")
    assert match is not None
    assert (match.start, match.occurrences) == (14, 2)
    long_quote = find_quote(text * 3, "compute matters; compute again")
    assert long_quote is not None
    assert long_quote.start == 14


def test_a_quote_inside_a_word_is_still_found() -> None:
    match = find_quote("we recompute it", "compute it")
    assert match is not None
    assert match.start == 5
