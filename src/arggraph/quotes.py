"""Finding quotes in source texts: typographic normalisation, offsets, nearest misses.

A quote in a graph must be words that really occur in its document. People copy
quotes through editors that curl quotes, turn hyphens into dashes and re-wrap lines,
so matching ignores exactly those differences, and nothing else:

- every run of whitespace (spaces, tabs, line and page breaks, no-break spaces) is one space;
- curly and angled quotation marks are straight ones; all dashes and minus signs are ``-``;
- ``…`` is ``...``; a markdown escape (``\\$``, ``\\*``) is the bare character;
- zero-width characters, soft hyphens and byte-order marks are ignored.

Offsets are positions in the original text (Unicode code points, end exclusive).

Example
-------
>>> text = "He said: \u201cCompute\nstill matters\u201d \u2014 a lot."
>>> m = find_quote(text, '"Compute still matters" - a lot')
>>> (m.start, m.end)
(9, 40)
"""

from __future__ import annotations

import difflib
import re
from array import array
from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

_QUOTE_MARKS = dict.fromkeys("\u2018\u2019\u201a\u201b\u2032\u2035", "'") | dict.fromkeys(
    "\u201c\u201d\u201e\u201f\u2033\u2036\u00ab\u00bb", '"'
)
_DASHES = dict.fromkeys("\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe58\ufe63\uff0d", "-")
_IGNORED = frozenset("\u200b\u200c\u200d\u2060\ufeff\u00ad")
_MARKDOWN_ESCAPABLE = frozenset("\\`*_{}[]()#+-.!$|<>~\"'")
_SIMPLE = _QUOTE_MARKS | _DASHES | {"\u2026": "..."}
_WORD = re.compile(r"\S+")
_SPECIAL = re.compile("[" + re.escape("".join(_SIMPLE) + "".join(_IGNORED)) + "\\\\]")
_NEAR_WORDS = 64  # a miss is aligned on the quote's first words only, to stay fast
_KEY = 16  # characters of a word start used to index long texts


@dataclass(frozen=True)
class NormalisedText:
    """A text in normal form, with the original offset of every normal-form character."""

    text: str
    origin: array[int]
    original_length: int

    def span(self, start: int, end: int) -> tuple[int, int]:
        """Original ``(start, end)`` of the normal-form slice ``[start:end]`` (end > start)."""
        return self.origin[start], self.origin[end - 1] + 1

    def position_of(self, original: int) -> int | None:
        """The normal-form position whose character came from ``original``, if any."""
        index = bisect_left(self.origin, original)
        if index < len(self.origin) and self.origin[index] == original:
            return index
        return None


def normalise_with_offsets(text: str) -> NormalisedText:
    """Normalise ``text`` (see the module docs), remembering where each character came from.

    Works word by word: words without special characters are copied whole, so a
    10 MB text normalises in about a second.
    """
    pieces: list[str] = []
    origin: array[int] = array("q")
    previous_end = -1
    for match in _WORD.finditer(text):
        begin = match.start()
        word = match.group()
        offsets: Sequence[int]
        if _SPECIAL.search(word) is None:
            normal, offsets = word, range(begin, begin + len(word))
        else:
            normal, offsets = _normalise_word(word, begin)
            if not normal:
                continue
        if previous_end >= 0:
            pieces.append(" ")
            origin.append(previous_end)
        pieces.append(normal)
        origin.extend(offsets)
        previous_end = match.end()
    return NormalisedText("".join(pieces), origin, len(text))


def _normalise_word(word: str, begin: int) -> tuple[str, list[int]]:
    """One whitespace-free word in normal form, with the original offset of each character."""
    out: list[str] = []
    offsets: list[int] = []
    i, n = 0, len(word)
    while i < n:
        ch = word[i]
        if ch in _IGNORED:
            i += 1
            continue
        if ch == "\\" and i + 1 < n and word[i + 1] in _MARKDOWN_ESCAPABLE:
            i += 1
            ch = word[i]
        for piece in _SIMPLE.get(ch, ch):
            out.append(piece)
            offsets.append(begin + i)
        i += 1
    return "".join(out), offsets


def normalise(text: str) -> str:
    """The normal form of ``text``; ``normalise("a\\u2014 b\\n c") == "a- b c"``."""
    return normalise_with_offsets(text).text


@lru_cache(maxsize=64)
def _normalised(text: str) -> NormalisedText:
    return normalise_with_offsets(text)


@lru_cache(maxsize=64)
def _word_start_index(text: str) -> dict[str, list[int]]:
    """Normal-form positions of every word start, keyed by the next few characters."""
    norm = _normalised(text).text
    index: dict[str, list[int]] = {}
    for match in _WORD.finditer(norm):
        index.setdefault(norm[match.start() : match.start() + _KEY], []).append(match.start())
    return index


@dataclass(frozen=True)
class QuoteMatch:
    """Where a quote occurs: original offsets, and how many times it occurs in all."""

    start: int
    end: int
    occurrences: int


@dataclass(frozen=True)
class NearMiss:
    """The passage of a text most like a quote that was not found."""

    start: int
    end: int
    passage: str
    similarity: float
    quote_differs: str
    text_differs: str


def find_quote(text: str, quote: str, *, start: int | None = None) -> QuoteMatch | None:
    """Locate ``quote`` in ``text`` after normalisation; ``None`` when it does not occur.

    Returns the first occurrence that begins a word, or, if the quote never begins a
    word, the first occurrence anywhere; ``occurrences`` counts the same kind.
    ``start`` (an original offset) picks one particular occurrence instead, and
    ``None`` is returned when the quote does not occur there.
    """
    norm = _normalised(text)
    needle = normalise(quote)
    if not needle:
        return None
    if start is not None:
        position = norm.position_of(start)
        if position is None or not norm.text.startswith(needle, position):
            return None
        return _match(norm, position, needle, 1)
    hits = _word_start_hits(text, norm.text, needle) or _all_hits(norm.text, needle)
    if not hits:
        return None
    return _match(norm, hits[0], needle, len(hits))


def _match(norm: NormalisedText, position: int, needle: str, occurrences: int) -> QuoteMatch:
    begin, end = norm.span(position, position + len(needle))
    return QuoteMatch(begin, end, occurrences)


def _word_start_hits(text: str, normal: str, needle: str) -> list[int]:
    if len(needle) < _KEY:
        return [p for p in _all_hits(normal, needle) if p == 0 or normal[p - 1] == " "]
    candidates = _word_start_index(text).get(needle[:_KEY], [])
    return [p for p in candidates if normal.startswith(needle, p)]


def _all_hits(normal: str, needle: str) -> list[int]:
    hits: list[int] = []
    position = normal.find(needle)
    while position >= 0:
        hits.append(position)
        position = normal.find(needle, position + 1)
    return hits


def nearest_passage(text: str, quote: str) -> NearMiss | None:
    """The passage of ``text`` most like ``quote``, to explain a miss; ``None`` if nothing is alike.

    Aligns the words of the quote on the longest run of words it shares with the text,
    then reports that window and the first words where quote and text part.
    """
    norm = _normalised(text)
    text_words = [(m.start(), m.end()) for m in _WORD.finditer(norm.text)]
    quote_words = normalise(quote).split(" ")
    if not text_words or not quote_words or quote_words == [""]:
        return None
    words = [norm.text[a:b] for a, b in text_words]
    probe = quote_words[:_NEAR_WORDS]
    matcher = difflib.SequenceMatcher(None, probe, words, autojunk=False)
    block = matcher.find_longest_match(0, len(probe), 0, len(words))
    if block.size == 0:
        return None
    first = max(0, block.b - block.a)
    last = min(len(words), first + len(quote_words)) - 1
    window = words[first : last + 1]
    if len(quote_words) <= _NEAR_WORDS:
        similarity = difflib.SequenceMatcher(None, " ".join(quote_words), " ".join(window)).ratio()
    else:  # word by word: a character diff of a huge quote would take hours
        same = sum(q == t for q, t in zip(quote_words, window, strict=False))
        similarity = same / len(quote_words)
    quote_part, text_part = _first_difference(quote_words, window)
    start, end = norm.span(text_words[first][0], text_words[last][1])
    return NearMiss(start, end, text[start:end], round(similarity, 3), quote_part, text_part)


def _first_difference(quote_words: list[str], window: list[str]) -> tuple[str, str]:
    """A few words from where quote and window first part, one excerpt of each."""
    for i, (q, t) in enumerate(zip(quote_words, window, strict=False)):
        if q != t:
            return " ".join(quote_words[i : i + 4]), " ".join(window[i : i + 4])
    shorter = min(len(quote_words), len(window))
    return " ".join(quote_words[shorter : shorter + 4]), " ".join(window[shorter : shorter + 4])


def line_and_column(text: str, offset: int) -> tuple[int, int]:
    """1-based line and column of a character offset in ``text``."""
    line = text.count("\n", 0, offset) + 1
    column = offset - (text.rfind("\n", 0, offset) + 1) + 1
    return line, column
