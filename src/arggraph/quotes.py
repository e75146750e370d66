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


@dataclass(frozen=True)
class NormalisedText:
    """A text in normal form, with the original offset of every normal-form character."""

    text: str
    origin: tuple[int, ...]
    original_length: int

    def span(self, start: int, end: int) -> tuple[int, int]:
        """Original ``(start, end)`` of the normal-form slice ``[start:end]`` (end > start)."""
        return self.origin[start], self.origin[end - 1] + 1


def normalise_with_offsets(text: str) -> NormalisedText:
    """Normalise ``text`` (see the module docs), remembering where each character came from."""
    out: list[str] = []
    origin: list[int] = []
    pending_space = -1
    i, n = 0, len(text)
    while i < n:
        ch = text[i]
        if ch.isspace():
            if pending_space < 0:
                pending_space = i
            i += 1
            continue
        if ch in _IGNORED:
            i += 1
            continue
        if pending_space >= 0:
            if out:
                out.append(" ")
                origin.append(pending_space)
            pending_space = -1
        if ch == "\\" and i + 1 < n and text[i + 1] in _MARKDOWN_ESCAPABLE:
            i += 1
            ch = text[i]
        for piece in _SIMPLE.get(ch, ch):
            out.append(piece)
            origin.append(i)
        i += 1
    return NormalisedText("".join(out), tuple(origin), n)


def normalise(text: str) -> str:
    """The normal form of ``text``; ``normalise("a\\u2014 b\\n c") == "a- b c"``."""
    return normalise_with_offsets(text).text


@lru_cache(maxsize=64)
def _normalised(text: str) -> NormalisedText:
    return normalise_with_offsets(text)


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

    With several occurrences the first is returned, unless ``start`` names the original
    offset of another one. Returns ``None`` also when ``start`` matches no occurrence.
    """
    norm = _normalised(text)
    needle = normalise(quote)
    if not needle:
        return None
    hits: list[int] = []
    pos = norm.text.find(needle)
    while pos >= 0:
        hits.append(pos)
        pos = norm.text.find(needle, pos + 1)
    if not hits:
        return None
    chosen = hits[0]
    if start is not None:
        matching = [h for h in hits if norm.origin[h] == start]
        if not matching:
            return None
        chosen = matching[0]
    begin, end = norm.span(chosen, chosen + len(needle))
    return QuoteMatch(begin, end, len(hits))


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
    matcher = difflib.SequenceMatcher(None, quote_words, words, autojunk=False)
    block = matcher.find_longest_match(0, len(quote_words), 0, len(words))
    if block.size == 0:
        return None
    first = max(0, block.b - block.a)
    last = min(len(words), first + len(quote_words)) - 1
    window = words[first : last + 1]
    similarity = difflib.SequenceMatcher(None, " ".join(quote_words), " ".join(window)).ratio()
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
