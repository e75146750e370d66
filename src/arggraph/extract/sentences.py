"""Sentences and clauses of a text, as character spans of the original.

Extraction never rewrites the text it quotes: every unit is a ``(start, end)`` span
of the document (Unicode code points, end exclusive), so a drafted quote is always
``text[start:end]`` and grounds by construction.

Sentence ends are ``.``, ``!``, ``?`` or ``…`` (after any closing quotes or brackets)
followed by space and an upper-case letter, digit or opening quote, and every line
break ends a sentence, except a break inside a sentence split by a page break (the
line does not end a sentence and the next non-empty line starts in lower case).
Abbreviations (``U.S.``, ``Dr.``, initials) do not end a sentence.

Example
-------
>>> text = "Dr. Heim spoke. The U.S. lead is real, but it is narrow."
>>> [text[s.start:s.end] for s in sentence_spans(text)]
['Dr. Heim spoke.', 'The U.S. lead is real, but it is narrow.']
"""

from __future__ import annotations

import re
from dataclasses import dataclass

__all__ = ["Span", "clause_spans", "sentence_spans", "word_set", "words"]


@dataclass(frozen=True, order=True)
class Span:
    """A slice ``[start:end]`` of a document's text."""

    start: int
    end: int

    def of(self, text: str) -> str:
        """The characters of ``text`` this span covers."""
        return text[self.start : self.end]


def word_set(text: str) -> frozenset[str]:
    """The whitespace-separated words of ``text``, as a set (for word lists)."""
    return frozenset(text.split())


_END = re.compile(r"[.!?\u2026]+[\"'\u201d\u2019)\]]*(?=\s+[\"'\u201c\u2018(\[]?[A-Z0-9])")
_ABBREVIATIONS = word_set(
    "mr mrs ms dr prof st sen rep gov gen lt col jr sr inc co corp ltd vs etc "
    "e.g i.e u.s u.k u.n e.u no approx fig al"
)
_WORD = re.compile(r"[A-Za-z0-9\u00c0-\u024f]+(?:['\u2019][A-Za-z]+)?")
_INITIAL = re.compile(r"(?:^|\s)(?:[A-Z]\.)+$")
#: Where a sentence splits into clauses: a discourse connective after a comma, a
#: semicolon, or a dash joining two clauses.
_CLAUSE_BREAK = re.compile(
    r"(?:[,;:]\s+|\s+[-\u2013\u2014]\s+)(?=(?:but|yet|since|because|although|though|"
    r"whereas|while|so that|and yet|however|which means|and therefore|and so|unless|"
    r"for(?! example| instance| one thing| the)|which|and)\b)"
    r"|;\s+(?=\S)"
    r"|\s+[-\u2013\u2014]\s+(?=and\b)",
    re.IGNORECASE,
)
_MIN_CLAUSE_WORDS = 5


def words(text: str) -> list[str]:
    """The words of ``text`` in lower case (letters, digits, inner apostrophes)."""
    return [w.lower().replace("\u2019", "'") for w in _WORD.findall(text)]


def _is_abbreviation(text: str, end: int) -> bool:
    """True when the period ending at ``end`` closes an abbreviation or an initial."""
    before = text[max(0, end - 12) : end]
    token = before.rsplit(None, 1)[-1] if before.strip() else ""
    token = token.lstrip("(\"'\u201c\u2018").rstrip(".").lower()
    return token in _ABBREVIATIONS or bool(_INITIAL.search(before.rstrip(".") + "."))


def _trimmed(text: str, start: int, end: int) -> Span | None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return Span(start, end) if end > start else None


def _lines(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Blocks of ``text[start:end]`` between line breaks, page-break splits rejoined."""
    blocks: list[tuple[int, int]] = []
    position = start
    for match in re.finditer(r"\n", text[start:end]):
        line_end = start + match.start()
        if text[position:line_end].strip():
            blocks.append((position, line_end))
        position = line_end + 1
    if text[position:end].strip():
        blocks.append((position, end))
    joined: list[tuple[int, int]] = []
    for block in blocks:
        if joined and _continues(text, joined[-1], block):
            joined[-1] = (joined[-1][0], block[1])
        else:
            joined.append(block)
    return joined


def _continues(text: str, previous: tuple[int, int], block: tuple[int, int]) -> bool:
    """True when ``block`` carries on a sentence that a page break cut (``a\\n\\ndominant``)."""
    tail = text[previous[0] : previous[1]].rstrip()
    head = text[block[0] : block[1]].lstrip()
    return bool(tail) and bool(head) and tail[-1].isalpha() and head[0].islower()


def sentence_spans(text: str, start: int = 0, end: int | None = None) -> list[Span]:
    """Sentences of ``text[start:end]`` as spans of ``text``, in order, whitespace trimmed."""
    stop = len(text) if end is None else end
    spans: list[Span] = []
    for block_start, block_end in _lines(text, start, stop):
        position = block_start
        for match in _END.finditer(text, block_start, block_end):
            if text[match.start()] == "." and _is_abbreviation(text, match.start() + 1):
                continue
            span = _trimmed(text, position, match.end())
            if span is not None:
                spans.append(span)
            position = match.end()
        span = _trimmed(text, position, block_end)
        if span is not None:
            spans.append(span)
    return spans


def clause_spans(text: str, sentence: Span) -> list[Span]:
    """``sentence`` split at clause-joining connectives (``, but``, ``, since``, ``;``).

    A split is kept only when both sides have at least five words, so short
    qualifications stay with their clause.
    """
    pieces: list[Span] = []
    position = sentence.start
    for match in _CLAUSE_BREAK.finditer(text, sentence.start, sentence.end):
        left = _trimmed(text, position, match.start() + (1 if text[match.start()] in ",;:" else 0))
        right_words = len(words(text[match.end() : sentence.end]))
        if left is None or len(words(left.of(text))) < _MIN_CLAUSE_WORDS:
            continue
        if right_words < _MIN_CLAUSE_WORDS:
            break
        pieces.append(left)
        position = match.end()
    last = _trimmed(text, position, sentence.end)
    if last is not None:
        pieces.append(last)
    return pieces or [sentence]
