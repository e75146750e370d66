"""The loader's fast paths for quotes equal the plain ways they stand for.

Each fast path (ASCII spacing by replaces, word places by ``str.split``, quotes found at
the one word start their key follows, pairs told apart by their hashes) is checked
against the slow computation it replaces, on texts drawn to hit its corner cases.
"""

from __future__ import annotations

from itertools import pairwise

from hypothesis import given, settings
from hypothesis import strategies as st

from arggraph import quotes
from arggraph.quotes import find_quote
from arggraph.validation import _all_distinct_pairs

_ASCII_SPACES = " \t\n\r\x0b\x0c\x1c\x1d\x1e\x1f"
_WORDS = st.sampled_from(["Claim", "1", "holds", "that", "Claim1", "x", "aClaim", "that."])


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet="ab." + _ASCII_SPACES + "\u00e9\u2014", max_size=40))
def test_ascii_spacing_by_replaces_equals_split_and_join(text: str) -> None:
    fast = quotes._ascii_single_spaced(text)
    if fast is not None:
        assert fast == " ".join(text.split())
    if text.isascii() and not any(a.isspace() and b.isspace() for a, b in pairwise(text)):
        assert fast is not None  # single whitespace runs always take the fast path


@settings(max_examples=400, deadline=None)
@given(st.lists(_WORDS, max_size=30), _WORDS)
def test_word_places_by_split_equal_a_find_loop(words: list[str], word: str) -> None:
    normal = " ".join(words)
    probe = word + " "
    expected = [
        p
        for p in range(len(normal))
        if normal.startswith(probe, p) and (p == 0 or normal[p - 1] == " ")
    ]
    assert quotes._starts_of_word(normal, word) == expected


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.sampled_from(["Claim 1 holds that", "Claim 1 holds those", "x y", "\n"]), max_size=20
    ),
    st.lists(
        st.sampled_from(
            [
                "Claim 1 holds that",
                "Claim 1 holds those x y",
                "Claim 1 holds thatx",
                "holds that Claim 1",
                "Claim 1 holds",
                "x y Claim 1 holds that",
                "absent quote of some length",
            ]
        ),
        max_size=12,
    ),
)
def test_quotes_found_in_bulk_equal_one_at_a_time(pieces: list[str], wanted: list[str]) -> None:
    # Keys (16 characters) that follow one word start or several, quotes standing there
    # or not, and quotes that occur only inside a word: bulk must agree with find_quote.
    text = " ".join(pieces)
    assert quotes.find_quotes(text, wanted) == [find_quote(text, q) for q in wanted]


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.sampled_from(["Claim 1 holds that", "x y", "\n\n", "\u2014", "a\u2026b"]), max_size=20
    ),
    st.lists(
        st.sampled_from(["Claim 1 holds that", "Claim 1 holds that x y", "- a...b", "y", "absent"]),
        max_size=12,
    ),
)
def test_quote_offsets_in_columns_equal_one_at_a_time(pieces: list[str], wanted: list[str]) -> None:
    # Plain texts (every position moved alike, the columns made by map) and texts with
    # blank lines, dashes and ellipses (positions mapped one by one), quotes found or not.
    text = " ".join(pieces)
    spans = [find_quote(text, q) for q in wanted]
    starts = [None if s is None else s.start for s in spans]
    assert quotes.quote_offsets(text, wanted) == (
        starts,
        [None if s is None else s.end for s in spans],
    )


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(st.sampled_from("abc"), st.sampled_from("abc")), max_size=12))
def test_distinct_pairs_by_hash_equal_a_set_of_pairs(pairs: list[tuple[str, str]]) -> None:
    sources = [s for s, _ in pairs]
    targets = [t for _, t in pairs]
    assert _all_distinct_pairs(sources, targets) == (len(set(pairs)) == len(pairs))


def test_pairs_whose_hashes_agree_are_still_told_apart() -> None:
    class SameHash(str):
        """A text whose hash is the same as every other's: forces the exact set."""

        def __hash__(self) -> int:
            return 7

    # Tuples hash their items, so equal item hashes make equal pair hashes.
    sources = [SameHash("a"), SameHash("b")]
    targets = [SameHash("c"), SameHash("c")]
    assert _all_distinct_pairs(sources, targets)
    assert not _all_distinct_pairs([*sources, SameHash("a")], [*targets, SameHash("c")])
