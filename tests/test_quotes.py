"""Finding quotes in documents: normalisation, offsets, several occurrences, near misses."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from arggraph import quotes
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


# --- the fast paths against the reference (the word-by-word algorithm they replaced) ---

_ALPHABET = "ab \n\t\u00a0\\$.\u2019\u201c\u2014\u2026\u200b\u00ad-"


def _reference_normalised(text: str) -> tuple[str, list[int]]:
    """Normal form and each character's original offset, one word at a time (the old way)."""
    pieces: list[str] = []
    origin: list[int] = []
    previous_end = -1
    for match in re.finditer(r"\S+", text):
        normal, offsets = quotes._normalise_word(match.group(), match.start())
        if not normal:
            continue
        if previous_end >= 0:
            pieces.append(" ")
            origin.append(previous_end)
        pieces.append(normal)
        origin.extend(offsets)
        previous_end = match.end()
    return "".join(pieces), origin


def _reference_find(text: str, quote: str, start: int | None = None) -> tuple[int, int, int] | None:
    """``find_quote`` by brute force over the reference normal form: (start, end, occurrences)."""
    normal, origin = _reference_normalised(text)
    needle = _reference_normalised(quote)[0]
    if not needle:
        return None
    hits = [p for p in range(len(normal)) if normal.startswith(needle, p)]
    if start is not None:
        at = [p for p in hits if origin[p] == start and origin.index(start) == p]
        return (origin[at[0]], origin[at[0] + len(needle) - 1] + 1, 1) if at else None
    word_starts = [p for p in hits if p == 0 or normal[p - 1] == " "]
    chosen = word_starts or hits
    if not chosen:
        return None
    first = chosen[0]
    return origin[first], origin[first + len(needle) - 1] + 1, len(chosen)


def _found(text: str, quote: str, start: int | None = None) -> tuple[int, int, int] | None:
    match = find_quote(text, quote, start=start)
    return None if match is None else (match.start, match.end, match.occurrences)


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet=_ALPHABET, max_size=40))
def test_normal_form_and_offsets_equal_the_reference(text: str) -> None:
    normal, origin = _reference_normalised(text)
    fast = quotes.normalise_with_offsets(text)
    assert fast.text == normal == normalise(text)
    assert [fast.origin(p) for p in range(len(normal))] == origin
    for original in range(len(text) + 1):
        expected = origin.index(original) if original in origin else None
        assert fast.position_of(original) == expected


@settings(max_examples=400, deadline=None)
@given(
    st.text(alphabet=_ALPHABET, max_size=60),
    st.text(alphabet=_ALPHABET, min_size=1, max_size=25),
    st.integers(min_value=0, max_value=60),
)
def test_find_quote_equals_the_reference(text: str, quote: str, start: int) -> None:
    assert _found(text, quote) == _reference_find(text, quote)
    assert _found(text, quote, start) == _reference_find(text, quote, start)


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.sampled_from(["Claim 1 holds that", "Claim 1 holds those", "x", "\n\n"]), max_size=30
    )
)
def test_repeated_long_prefixes_find_every_word_start(words: list[str]) -> None:
    # Quotes longer than the index key, whose first characters follow several word starts.
    text = " ".join(words)
    for quote in ("Claim 1 holds that", "Claim 1 holds those x", "holds that Claim 1 holds"):
        assert _found(text, quote) == _reference_find(text, quote)


@settings(max_examples=300, deadline=None)
@given(
    st.text(alphabet=_ALPHABET + "Claim1", max_size=80),
    st.lists(st.text(alphabet=_ALPHABET + "Claim1", min_size=1, max_size=30), max_size=8),
)
def test_find_quotes_in_a_batch_equals_one_at_a_time(text: str, quotes_: list[str]) -> None:
    # Quotes drawn from the text too, so that long quotes with spaces take the indexed path.
    drawn = [text[i : i + 20] for i in range(0, len(text), 7)]
    wanted = [*quotes_, *drawn]
    assert quotes.find_quotes(text, wanted) == [find_quote(text, q) for q in wanted]


def test_find_quotes_with_many_first_words_equals_one_at_a_time() -> None:
    # More distinct first words than are looked up one by one: the word index is used.
    words = [f"w{i % 23}x{i % 5}" for i in range(200)]
    text = "\n".join(" ".join(words[i : i + 7]) for i in range(0, 200, 7))
    wanted = [" ".join(words[i : i + 4]) for i in range(0, 196, 3)] + ["w1x1 w2x2", "absent words"]
    assert len({q.split(" ")[0] for q in wanted}) > 16
    assert quotes.find_quotes(text, wanted) == [find_quote(text, q) for q in wanted]
