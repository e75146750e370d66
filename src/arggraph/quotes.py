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
>>> text = "He said: \u201cCompute\\nstill matters\u201d \u2014 a lot."
>>> m = find_quote(text, '"Compute still matters" - a lot')
>>> (m.start, m.end)
(9, 40)
"""

from __future__ import annotations

import difflib
import re
from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache
from itertools import accumulate, chain, compress, repeat
from operator import add, and_, contains, getitem, itemgetter, le

_QUOTE_MARKS = dict.fromkeys("\u2018\u2019\u201a\u201b\u2032\u2035", "'") | dict.fromkeys(
    "\u201c\u201d\u201e\u201f\u2033\u2036\u00ab\u00bb", '"'
)
_DASHES = dict.fromkeys("\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe58\ufe63\uff0d", "-")
_IGNORED = frozenset("\u200b\u200c\u200d\u2060\ufeff\u00ad")
_MARKDOWN_ESCAPABLE = frozenset("\\`*_{}[]()#+-.!$|<>~\"'")
_SIMPLE = _QUOTE_MARKS | _DASHES | {"\u2026": "..."}
_WORD = re.compile(r"\S+")
_NON_SPACE = re.compile(r"\S*")
_LONG_SPACE = re.compile(r"\s{2,}")
_SPECIAL = re.compile("[" + re.escape("".join(_SIMPLE) + "".join(_IGNORED)) + "\\\\]")
_NEAR_WORDS = 64  # a miss is aligned on the quote's first words only, to stay fast
_KEY = 16  # characters of a word start used to index long texts
_KEY_SLICE = slice(0, _KEY)
_FEW_FIRST_WORDS = 16  # up to this many distinct first words, find each with str.find


class ShiftMap:
    """A monotone map of positions that moves each run of positions by a constant.

    Positions from ``starts[k]`` up to ``starts[k + 1]`` (the last run: up to ``length``)
    move by ``shifts[k]``. Normalising changes lengths only at a few places (a blank
    line, an ellipsis), so a few numbers stand for what an array of every character's
    offset would say in eight bytes per character.
    """

    __slots__ = ("_targets", "length", "shifts", "starts")

    def __init__(self, starts: list[int], shifts: list[int], length: int) -> None:
        self.starts, self.shifts, self.length = starts, shifts, length
        self._targets = [s + d for s, d in zip(starts, shifts, strict=True)]

    def __call__(self, position: int) -> int:
        """Where ``position`` goes."""
        if len(self.starts) == 1:
            return position + self.shifts[0]
        return position + self.shifts[bisect_right(self.starts, position) - 1]

    def inverse(self, target: int) -> int | None:
        """The first position that goes to ``target``, or ``None`` if none does."""
        k = bisect_left(self._targets, target)  # runs from k on start at or past target
        if k > 0 and target - self._targets[k - 1] < self._run_length(k - 1):
            return target - self.shifts[k - 1]
        if k < len(self._targets) and self._targets[k] == target:
            return self.starts[k]
        return None

    def _run_length(self, k: int) -> int:
        end = self.starts[k + 1] if k + 1 < len(self.starts) else self.length
        return end - self.starts[k]


class _ShiftMapBuilder:
    """Collects the runs of a :class:`ShiftMap`, in increasing position."""

    def __init__(self, shift: int = 0) -> None:
        self.starts, self.shifts = [0], [shift]

    def shift_from(self, position: int, shift: int) -> None:
        """From ``position`` on, positions move by ``shift``."""
        if self.starts[-1] == position:
            self.shifts[-1] = shift
            if len(self.shifts) > 1 and self.shifts[-2] == shift:
                del self.starts[-1], self.shifts[-1]
        elif shift != self.shifts[-1]:
            self.starts.append(position)
            self.shifts.append(shift)

    def build(self, length: int) -> ShiftMap:
        return ShiftMap(self.starts, self.shifts, length)


@dataclass(frozen=True)
class NormalisedText:
    """A text in normal form, able to say where each normal-form character came from.

    Normalising takes two steps, each with its map back: words with special
    characters are rewritten (``words`` maps the rewritten text to the original), then
    runs of whitespace become one space (``spaces`` maps the normal form to the
    rewritten text).
    """

    text: str
    words: ShiftMap
    spaces: ShiftMap
    original_length: int

    def constant_shift(self) -> int | None:
        """How far every character moved, when all moved alike (a text without specials
        or long whitespace runs, after its leading whitespace); else ``None``."""
        if len(self.words.starts) == 1 and len(self.spaces.starts) == 1:
            return self.words.shifts[0] + self.spaces.shifts[0]
        return None

    def origin(self, position: int) -> int:
        """The original offset of the normal-form character at ``position``."""
        return self.words(self.spaces(position))

    def span(self, start: int, end: int) -> tuple[int, int]:
        """Original ``(start, end)`` of the normal-form slice ``[start:end]`` (end > start)."""
        return self.origin(start), self.origin(end - 1) + 1

    def position_of(self, original: int) -> int | None:
        """The normal-form position whose character came from ``original``, if any."""
        rewritten = self.words.inverse(original)
        if rewritten is None:
            return None
        position = self.spaces.inverse(rewritten)
        return position if position is not None and position < len(self.text) else None


def normalise_with_offsets(text: str) -> NormalisedText:
    """Normalise ``text`` (see the module docs), remembering where each character came from.

    Only words with special characters are rewritten one by one, and only whitespace
    runs longer than one character move the characters after them, so a plain text
    normalises at the speed of ``str.split``.
    """
    rewritten, words = _rewrite_special_words(text)
    normal, spaces = _collapse_whitespace(rewritten)
    return NormalisedText(normal, words, spaces, len(text))


def _rewrite_special_words(text: str) -> tuple[str, ShiftMap]:
    """``text`` with every word that has a special character put in normal form.

    A word that normalises to nothing becomes as many spaces: it joins the whitespace
    around it, since the words on either side of it are then neighbours.
    """
    first = _first_special(text)
    if first is None:
        return text, ShiftMap([0], [0], len(text))
    backwards = text[::-1]
    pieces: list[str] = []
    offsets = _ShiftMapBuilder()
    cursor = written = 0
    for special in _SPECIAL.finditer(text, first.start()):
        if special.start() < cursor:
            continue  # in a word already rewritten
        begin = len(text) - _word_end(backwards, len(text) - special.start())
        end = _word_end(text, special.start())
        pieces.append(text[cursor:begin])
        written += begin - cursor
        normal, origins = _normalise_word(text[begin:end], begin)
        if normal:
            for i, origin in enumerate(origins):
                offsets.shift_from(written + i, origin - written - i)
        else:
            normal = " " * (end - begin)
        pieces.append(normal)
        written += len(normal)
        offsets.shift_from(written, end - written)
        cursor = end
    pieces.append(text[cursor:])
    rewritten = "".join(pieces)
    return rewritten, offsets.build(len(rewritten))


def _first_special(text: str) -> re.Match[str] | None:
    """The first special character of ``text`` (one that normalising rewrites), if any.

    ASCII text (a flag Python keeps on every string) without a backslash has none, since
    every other special is beyond ASCII: most texts are answered without the regex.
    """
    if text.isascii() and "\\" not in text:
        return None
    return _SPECIAL.search(text)


_ASCII_SPACES = ("\t", "\n", "\x0b", "\x0c", "\r", "\x1c", "\x1d", "\x1e", "\x1f", "  ")
"""What makes ASCII text not spaced normally: whitespace other than a space, or two spaces."""


def _spaced_normally(text: str) -> bool:
    """Whether ``text`` has no whitespace but single spaces between words (as normal form)."""
    if text.isascii():  # a few scans at memchr speed instead of splitting into words
        return text == text.strip() and not any(map(text.__contains__, _ASCII_SPACES))
    return " ".join(text.split()) == text


def _ascii_single_spaced(text: str) -> str | None:
    """``" ".join(text.split())`` of ASCII text without runs of whitespace, else ``None``.

    A few replaces at memchr speed instead of splitting a document into a million words.
    """
    if not text.isascii():
        return None
    stripped = text.strip()  # strips what split() splits on
    for space in _ASCII_SPACES[:-1]:
        if space in stripped:
            stripped = stripped.replace(space, " ")
    return None if "  " in stripped else stripped


def _word_end(text: str, position: int) -> int:
    """Where the run of non-whitespace characters from ``position`` ends."""
    match = _NON_SPACE.match(text, position)
    return match.end() if match else position


def _collapse_whitespace(text: str) -> tuple[str, ShiftMap]:
    """``text`` without leading and trailing whitespace, and every run of it one space."""
    normal = _ascii_single_spaced(text)
    if normal is None:
        normal = " ".join(text.split())
    leading = len(text) - len(text.lstrip())
    if len(normal) == len(text.strip()):
        # No run of two or more inside (strip, split and the regex's \s agree on what
        # whitespace is): every character moved by the leading run only.
        return normal, ShiftMap([0], [leading], len(normal))
    offsets = _ShiftMapBuilder(leading)
    shift = leading
    for run in _LONG_SPACE.finditer(text, leading):
        if run.end() == len(text):
            break  # trailing whitespace: dropped, nothing after it moves
        space = run.start() - shift
        shift += run.end() - run.start() - 1
        offsets.shift_from(space + 1, shift)
    return normal, offsets.build(len(normal))


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
    if _first_special(text) is None:
        return " ".join(text.split())
    return " ".join(_rewrite_special_words(text)[0].split())


class _DocumentIndex:
    """A text's normal form, and (built on first use) where its word starts are.

    ``first`` maps the ``_KEY`` characters that follow a word start to the first such
    start, ``counts`` says how many starts they follow; the list of every start per
    key is built only when a quote asks for a key that repeats.
    """

    def __init__(self, text: str) -> None:
        self.norm = normalise_with_offsets(text)
        self._first: dict[str, int] | None = None
        self._counts: Counter[str] = Counter()
        self._every: dict[str, list[int]] | None = None

    def _starts_and_keys(self) -> tuple[list[int], list[str]]:
        """Each word start of the normal form and the ``_KEY`` characters from it (C loops)."""
        normal = self.norm.text
        starts = _word_starts(normal)
        ends = map((_KEY).__add__, starts)
        return starts, list(map(normal.__getitem__, map(slice, starts, ends)))

    def word_starts(self, key: str) -> list[int]:
        """Every word start that ``key`` (``_KEY`` characters) follows, in text order."""
        if self._first is None:
            starts, keys = self._starts_and_keys()
            self._counts = Counter(keys)
            self._first = dict(zip(reversed(keys), reversed(starts), strict=True))
        count = self._counts.get(key, 0)
        if count <= 1:
            return [self._first[key]] if count else []
        if self._every is None:
            self._every = {}
            for start, word_key in zip(*self._starts_and_keys(), strict=True):
                if self._counts[word_key] > 1:
                    self._every.setdefault(word_key, []).append(start)
        return self._every[key]


def _word_starts(normal: str) -> list[int]:
    """The position of every word of a normal-form text (words are one space apart)."""
    steps = map((1).__add__, map(len, normal.split(" ")))
    return list(accumulate(steps, initial=0))[:-1]


@lru_cache(maxsize=64)
def _document_index(text: str) -> _DocumentIndex:
    return _DocumentIndex(text)


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
    index = _document_index(text)
    norm = index.norm
    needle = normalise(quote)
    if not needle:
        return None
    if start is not None:
        position = norm.position_of(start)
        if position is None or not norm.text.startswith(needle, position):
            return None
        return _match(norm, position, needle, 1)
    hits = _word_start_hits(index, needle) or _all_hits(norm.text, needle)
    if not hits:
        return None
    return _match(norm, hits[0], needle, len(hits))


def _match(norm: NormalisedText, position: int, needle: str, occurrences: int) -> QuoteMatch:
    begin, end = norm.span(position, position + len(needle))
    return QuoteMatch(begin, end, occurrences)


def _word_start_hits(index: _DocumentIndex, needle: str) -> list[int]:
    normal = index.norm.text
    if len(needle) < _KEY:
        return [p for p in _all_hits(normal, needle) if p == 0 or normal[p - 1] == " "]
    return [p for p in index.word_starts(needle[:_KEY]) if normal.startswith(needle, p)]


def _all_hits(normal: str, needle: str) -> list[int]:
    hits: list[int] = []
    position = normal.find(needle)
    while position >= 0:
        hits.append(position)
        position = normal.find(needle, position + 1)
    return hits


def find_quotes(text: str, quotes: Sequence[str]) -> list[QuoteMatch | None]:
    """``find_quote(text, quote)`` for each of ``quotes``: the same results, faster for many.

    Loaders ground thousands of quotes per document: instead of indexing every word
    start, this looks only at the words that begin some quote (a quote with a space
    can only begin a word of the text that equals its first word).
    """
    return [None if s is None else QuoteMatch(*s) for s in quote_spans(text, quotes)]


def quote_spans(text: str, quotes: Sequence[str]) -> list[tuple[int, int, int] | None]:
    """:func:`find_quotes` as plain ``(start, end, occurrences)`` tuples, for bulk loading."""
    norm, needles, positions, occurrences = _first_positions(text, quotes)
    found = [None if at is None else (at, occurrences.get(k, 1)) for k, at in enumerate(positions)]
    return _original_spans(norm, needles, found)


def quote_offsets(text: str, quotes: Sequence[str]) -> tuple[list[int | None], list[int | None]]:
    """The starts and the ends of :func:`quote_spans`, as two columns (``None`` where a
    quote is absent): what a loader sets, without a tuple per quote."""
    norm, needles, positions, _ = _first_positions(text, quotes)
    shift = norm.constant_shift()
    if shift is not None and None not in positions:  # a plain text, every quote found
        starts: list[int | None] = list(map(add, positions, repeat(shift)))
        return starts, list(map(add, starts, map(len, needles)))
    found = [None if at is None else (at, 1) for at in positions]
    spans = _original_spans(norm, needles, found)
    starts = [None if span is None else span[0] for span in spans]
    return starts, [None if span is None else span[1] for span in spans]


def _first_positions(
    text: str, quotes: Sequence[str]
) -> tuple[NormalisedText, list[str], list[int | None], dict[int, int]]:
    """``text``'s normal form, each quote's, the normal-form position where
    :func:`find_quote` finds each (``None`` if absent), and how many times the quotes
    occur that do not stand at the one word start their key follows (those occur once).

    Most quotes stand there: those are found by ``map`` calls in C; the others one by
    one, as :func:`find_quote` does.
    """
    index = _document_index(text)
    needles = _normal_forms(quotes)
    firsts = _FirstWordStarts(index.norm.text, needles)
    positions = firsts.standing(needles)
    occurrences: dict[int, int] = {}
    for k in [k for k, at in enumerate(positions) if at is None]:
        hit = _first_hit(index, firsts, needles[k])
        if hit is not None:
            positions[k], occurrences[k] = hit
    return index.norm, needles, positions, occurrences


def _first_hit(
    index: _DocumentIndex, firsts: _FirstWordStarts, needle: str
) -> tuple[int, int] | None:
    """Normal-form position of ``needle``'s first occurrence and how many there are, as
    :func:`find_quote` counts them (word starts, else anywhere); ``None`` if it is absent."""
    if not needle:
        return None
    normal = index.norm.text
    if _indexed(needle):
        candidates = firsts.candidates(needle[:_KEY])
        hits = [p for p in candidates if normal.startswith(needle, p)]
    else:
        hits = _word_start_hits(index, needle)
    hits = hits or _all_hits(normal, needle)
    return (hits[0], len(hits)) if hits else None


def _original_spans(
    norm: NormalisedText, needles: Sequence[str], found: Sequence[tuple[int, int] | None]
) -> list[tuple[int, int, int] | None]:
    """``(start, end, occurrences)`` in the original text of each needle found."""
    shift = norm.constant_shift()
    if shift is not None:  # a plain text: every position moved alike
        return [
            None if hit is None else (hit[0] + shift, hit[0] + len(needle) + shift, hit[1])
            for needle, hit in zip(needles, found, strict=True)
        ]
    return [
        None if hit is None else (*norm.span(hit[0], hit[0] + len(needle)), hit[1])
        for needle, hit in zip(needles, found, strict=True)
    ]


def _normal_forms(quotes: Sequence[str]) -> list[str]:
    """``normalise`` of each quote; quotes already in normal form (most) checked in one go.

    Joined by a character no quote has and normalisation keeps, the quotes are all in
    normal form when the joined text is and no quote starts or ends with whitespace.
    """
    joined = "\0".join(quotes)
    if (
        joined.count("\0") == len(quotes) - 1
        and _first_special(joined) is None
        and _spaced_normally(joined)
        and all(map(str.__eq__, quotes, map(str.strip, quotes)))
    ):
        return list(quotes)
    return [normalise(quote) for quote in quotes]


def _indexed(needle: str) -> bool:
    """Whether :func:`_starts_of_first_words` covers ``needle``: long, with a space."""
    return len(needle) >= _KEY and " " in needle


class _FirstWordStarts:
    """Word starts of a normal-form text where some needle's first word stands, by the
    ``_KEY`` characters that follow them.

    ``single`` holds the keys that follow one start only (most); keys that follow
    several keep all their starts in ``several``.
    """

    def __init__(self, normal: str, needles: Sequence[str]) -> None:
        self.normal = normal
        # Which needles _indexed says are covered, with map keeping the calls in C.
        long_enough = map(le, repeat(_KEY), map(len, needles))
        self.indexed = list(map(and_, long_enough, map(contains, needles, repeat(" "))))
        first_words = map(str.partition, compress(needles, self.indexed), repeat(" "))
        starts = _starts_of_first_words(normal, set(map(itemgetter(0), first_words)))
        keys = [normal[start : start + _KEY] for start in starts]
        self.single = dict(zip(keys, starts, strict=True))
        self.several: dict[str, list[int]] = {}
        if len(self.single) < len(keys):
            counts = Counter(keys)
            for key, start in zip(keys, starts, strict=True):
                if counts[key] > 1:
                    self.several.setdefault(key, []).append(start)
            for key in self.several:
                del self.single[key]

    def candidates(self, key: str) -> list[int]:
        """Every word start that ``key`` follows, in text order."""
        return [self.single[key]] if key in self.single else self.several.get(key, [])

    def standing(self, needles: Sequence[str]) -> list[int | None]:
        """The position of each indexed needle that stands at the one start its key
        follows (then it occurs at no other word start); ``None`` for the others.

        ``map`` keeps the per-needle calls in C (a third of a comprehension's time).
        """
        keys: Iterator[str] = map(getitem, needles, repeat(_KEY_SLICE))
        at: list[int] = list(map(self.single.get, keys, repeat(-1)))
        # At -1 startswith looks at the last character only: never a needle of _KEY.
        stands = list(map(and_, self.indexed, map(self.normal.startswith, needles, at)))
        if all(stands):
            return at  # type: ignore[return-value]  # list is invariant; no None in it
        return [p if ok else None for p, ok in zip(at, stands, strict=True)]


def _starts_of_first_words(normal: str, first_words: set[str]) -> list[int]:
    """Word starts of ``normal`` where one of ``first_words`` stands, in text order."""
    if len(first_words) <= _FEW_FIRST_WORDS:
        return sorted(chain.from_iterable(_starts_of_word(normal, word) for word in first_words))
    wanted = map(first_words.__contains__, normal.split(" "))
    return list(compress(_word_starts(normal), wanted))


def _starts_of_word(normal: str, word: str) -> list[int]:
    """Where ``word`` stands as a whole word followed by a space.

    Found by splitting at ``word + " "`` (which cannot overlap itself, as the word has no
    space): the pieces' lengths give the places in C, not a ``str.find`` per place.
    """
    probe = word + " "
    pieces = normal.split(probe)
    steps = map(len(probe).__add__, map(len, pieces[1:-1]))
    places = accumulate(steps, initial=len(pieces[0])) if len(pieces) > 1 else ()
    # A word start: the text's start, or after a space (a piece ending in one, or an
    # empty piece after the previous probe, which ends in a space).
    return [p for p, before in zip(places, pieces, strict=False) if not before or before[-1] == " "]


def nearest_passage(text: str, quote: str) -> NearMiss | None:
    """The passage of ``text`` most like ``quote``, to explain a miss; ``None`` if nothing is alike.

    Anchors the quote's words on the longest run of words it shares with the text, then
    aligns them word by word around it (difflib's opcodes), so a word inserted or changed
    inside the quote neither shifts the passage nor hides the real difference.
    """
    norm = _document_index(text).norm
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
    first, last, ops = _aligned_window(probe, words, block.b - block.a)
    last = min(len(words) - 1, last + len(quote_words) - len(probe))
    window = words[first : last + 1]
    if len(quote_words) <= _NEAR_WORDS:
        similarity = difflib.SequenceMatcher(None, " ".join(quote_words), " ".join(window)).ratio()
    else:  # word by word: a character diff of a huge quote would take hours
        same = sum(q == t for q, t in zip(quote_words, window, strict=False))
        similarity = same / len(quote_words)
    difference = _first_changed(probe, words[first:], ops)
    quote_part, text_part = difference or _first_difference(quote_words, window)
    start, end = norm.span(text_words[first][0], text_words[last][1])
    return NearMiss(start, end, text[start:end], round(similarity, 3), quote_part, text_part)


_Opcode = tuple[str, int, int, int, int]


def _aligned_window(
    probe: list[str], words: list[str], anchor: int
) -> tuple[int, int, list[_Opcode]]:
    """The text words ``probe`` aligns on near ``anchor`` (its first word's rough place).

    Returns the first and last text word of the passage and the word-level opcodes
    from the passage's first word on; text words before or after the quote are not
    part of the passage.
    """
    slack = 8 + len(probe) // 4
    low = max(0, anchor - slack)
    high = min(len(words), anchor + len(probe) + slack)
    matcher = difflib.SequenceMatcher(None, probe, words[low:high], autojunk=False)
    ops: list[_Opcode] = [(str(t), i1, i2, j1, j2) for t, i1, i2, j1, j2 in matcher.get_opcodes()]
    if ops and ops[0][0] == "insert":
        ops = ops[1:]
    if ops and ops[-1][0] == "insert":
        ops = ops[:-1]
    if not ops:
        return anchor, anchor + len(probe) - 1, []
    ops = _trimmed_ends(ops)
    first = low + ops[0][3]
    last = max(first, low + ops[-1][4] - 1)
    shift = ops[0][3]
    return first, last, [(tag, i1, i2, j1 - shift, j2 - shift) for tag, i1, i2, j1, j2 in ops]


def _trimmed_ends(ops: list[_Opcode]) -> list[_Opcode]:
    """Opcodes whose first and last change take no more text words than quote words.

    A quote's last word that differs ("AI" for "AI,") would otherwise take every text
    word up to the end of the aligned region into the passage.
    """
    tag, i1, i2, j1, j2 = ops[0]
    if tag != "equal":
        ops = [(tag, i1, i2, max(j1, j2 - max(i2 - i1, 1)), j2), *ops[1:]]
    tag, i1, i2, j1, j2 = ops[-1]
    if tag != "equal":
        ops = [*ops[:-1], (tag, i1, i2, j1, min(j2, j1 + max(i2 - i1, 1)))]
    return ops


def _first_changed(
    quote_words: list[str], text_words: list[str], ops: list[_Opcode]
) -> tuple[str, str] | None:
    """The first words that differ, one excerpt of each, from aligned opcodes.

    A word added or dropped is shown with the word before it, so neither side is empty.
    """
    for tag, i1, i2, j1, j2 in ops:
        if tag == "equal":
            continue
        before = 1 if (i1 == i2 or j1 == j2) and i1 > 0 and j1 > 0 else 0
        after = 1
        return (
            " ".join(quote_words[i1 - before : min(i2, i1 + 4) + after]),
            " ".join(text_words[j1 - before : min(j2, j1 + 4) + after]),
        )
    return None


def _first_difference(quote_words: list[str], window: list[str]) -> tuple[str, str]:
    """Where quote and window first part, word by word: past the aligned first words."""
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
