"""Who says what: transcript turns, reported speech, and the author by default.

Three sources of a speaker, tried in this order for every sentence:

1. **Reported speech** (articles and essays, and people a transcript speaker
   quotes): ``"...," said Chorzempa``, ``wrote John Villasenor``, ``Karp told``,
   ``according to Mousavizadeh``, ``A Brookings analysis argues``; ``he said`` names
   the last person named. Quoted sentences of a paragraph whose quote is attributed
   belong to the same person. A surname alone resolves to the full name given earlier.
2. **Transcript turns**: a line starting ``Name:`` (``Brianna Rosen:``, later
   ``Brianna:``); a first name resolves to the full name it was introduced with, and
   ``Keegan.`` counts as ``Keegan:`` once ``Keegan`` is known as a speaker. A name
   counts as a speaker when it opens at least two turns (``Show Notes:`` does not).
3. **The author**: a byline (``By Jane Doe``, or a line that is only a name, near the
   top or the end), otherwise a stand-in speaker for the document's author.

Example
-------
>>> text = "Anna Smith: Hi.\\nBob Jones: Yes.\\nAnna: It matters.\\nBob: No.\\nBob. Not at all."
>>> [t.name for t in transcript_turns(text)]
['Anna Smith', 'Bob Jones', 'Anna Smith', 'Bob Jones', 'Bob Jones']
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from arggraph.extract.sentences import Span, word_set

__all__ = [
    "ReportedSpeech",
    "Turn",
    "byline",
    "reported_speakers",
    "transcript_turns",
]

_NAME_TOKEN = r"[A-Z][A-Za-z\u00c0-\u024f'\u2019\-]+"
_TURN = re.compile(
    rf"^[ \t]*(?P<name>{_NAME_TOKEN}(?:[ \t]+{_NAME_TOKEN}){{0,2}})(?P<mark>[:.])[ \t]+(?=\S)",
    re.MULTILINE,
)
_NOT_NAMES = word_set(
    "show notes note music source update editor transcript summary yes yeah no so well "
    "look okay ok right thanks thank sure and but the this that it i we you"
)
_MIN_TURNS = 3


@dataclass(frozen=True)
class Turn:
    """One speaker turn of a transcript: ``[start:end]`` with the text from ``body_start``."""

    name: str
    start: int
    body_start: int
    end: int


def transcript_turns(text: str) -> list[Turn]:
    """Speaker turns of a transcript; ``[]`` when ``text`` is not one.

    A text is a transcript when at least three lines open with a speaker's name and a
    colon. Names given once in full (``Brianna Rosen``) resolve later first names.
    """
    colon_hits = [m for m in _TURN.finditer(text) if m.group("mark") == ":"]
    names = [m.group("name") for m in colon_hits if _plausible_name(m.group("name"))]
    firsts = Counter(name.split()[0] for name in names)
    full: dict[str, str] = {}
    for name in names:
        if len(name.split()) > 1:
            full.setdefault(name.split()[0], name)
    speakers = {first for first, count in firsts.items() if count >= 2}
    turns: list[Turn] = []
    for match in _TURN.finditer(text):
        name = match.group("name")
        first = name.split()[0]
        if first not in speakers or not _plausible_name(name):
            continue
        if match.group("mark") == "." and len(name.split()) > 1:
            continue  # "Keegan." opens a turn, "Thank You." does not
        turns.append(Turn(full.get(first, name), match.start(), match.end(), len(text)))
    if len(turns) < _MIN_TURNS:
        return []
    return [
        Turn(t.name, t.start, t.body_start, turns[i + 1].start if i + 1 < len(turns) else len(text))
        for i, t in enumerate(turns)
    ]


def _plausible_name(name: str) -> bool:
    parts = name.split()
    return all(p.lower() not in _NOT_NAMES and not p.isupper() for p in parts)


# --- reported speech -------------------------------------------------------------------

_VERBS = (
    r"said|says|say|wrote|writes|told|tells|added|adds|argued|argues|explained|explains|"
    r"noted|notes|warned|warns|predicted|predicts|emphasized|emphasised|stressed|"
    r"claimed|claims|believes|believed|thinks|called|described|insisted|insists|"
    r"acknowledged|acknowledges|contended|contends|cautioned|maintained|maintains|"
    r"observed|stated|states|suggested|suggests|asserted|asserts|concluded|concludes|"
    r"worried|worries|admitted|admits|conceded|concedes|recalled"
)
_NAME = rf"{_NAME_TOKEN}(?:\s+{_NAME_TOKEN}){{0,3}}"
_ADVERB = r"(?:\s+(?:also|has|had|have|recently|then|later|once|further|publicly|previously))*"
#: ``Chorzempa said``, ``OpenAI CEO Sam Altman said that``, ``A Brookings analysis argues``.
_NAME_VERB = re.compile(rf"(?P<name>{_NAME}){_ADVERB}\s+(?P<verb>{_VERBS})\b")
#: ``said Martin Chorzempa,``, ``wrote John Villasenor``.
_VERB_NAME = re.compile(
    rf"(?P<verb>\b(?:{_VERBS}))\s+(?P<name>{_NAME_TOKEN}(?:\s+{_NAME_TOKEN}){{0,2}})"
)
#: ``A Brookings analysis argues``: a body's publication speaks for it.
_GROUP_VERB = re.compile(
    rf"(?P<name>{_NAME_TOKEN}(?:\s+{_NAME_TOKEN}){{0,2}}\s+(?:analysis|report|study|survey|paper))"
    rf"\s+(?P<verb>{_VERBS})\b"
)
_ACCORDING = re.compile(rf"\b[Aa]ccording to (?:the )?(?P<name>{_NAME})")
_PRONOUN = re.compile(rf"\b(?P<pronoun>[Hh]e|[Ss]he){_ADVERB}\s+(?:{_VERBS})\b")
_TITLES = word_set(
    "ceo cfo cto president vice senator sen rep representative governor gov dr prof "
    "professor secretary minister chairman chair director founder former mr mrs ms "
    "chief head spokesperson analyst researcher"
)
_GROUP_WORDS = word_set("analysis report study survey paper article")
_STOP_NAMES = word_set(
    "the a an it this that these those there here he she they we i you in on at as "
    "but and or if when while so then now some many most all what why how who which "
    "where one"
)
_QUOTE_OPEN = '"\u201c'
_QUOTE_CLOSE = '"\u201d'


@dataclass(frozen=True)
class ReportedSpeech:
    """A sentence attributed to someone the text reports, and the cue that says so."""

    span: Span
    name: str
    cue: str


def _clean_name(raw: str) -> str | None:
    """The person (or body) in a capitalised run: titles and employers dropped.

    ``"Palantir Technologies CEO Alex Karp"`` -> ``"Alex Karp"``;
    ``"A Brookings analysis"`` -> ``"Brookings analysis"``.
    """
    tokens = raw.split()
    while tokens and tokens[0].lower() in _STOP_NAMES:
        tokens = tokens[1:]
    if not tokens:
        return None
    lowered = [t.lower().strip("'\u2019") for t in tokens]
    for i in range(len(tokens) - 1, -1, -1):
        if lowered[i] in _TITLES:
            tokens = tokens[i + 1 :]
            break
    if not tokens:
        return None
    tokens = tokens[-2:]
    name = re.sub(r"['\u2019]s?$", "", " ".join(tokens)).strip()
    if name.lower() in _STOP_NAMES or len(name) < 2:
        return None
    return name


def _inside_quote(text: str, start: int, paragraph_start: int) -> bool:
    """True when position ``start`` lies inside an open quotation in its paragraph."""
    segment = text[paragraph_start:start]
    straight = segment.count('"') % 2 == 1
    curly = segment.count("\u201c") > segment.count("\u201d")
    return straight or curly


def reported_speakers(
    text: str,
    sentences: list[Span],
    *,
    paragraphs: list[Span],
    exclude: frozenset[str] = frozenset(),
) -> list[ReportedSpeech]:
    """Sentences whose speaker the text reports, with the name and the cue.

    Parameters
    ----------
    text
        The document text.
    sentences
        Sentence spans of ``text`` (see :func:`~arggraph.extract.sentences.sentence_spans`).
    paragraphs
        Paragraph spans; a quoted sentence takes the speaker of its paragraph's quote.
    exclude
        Names not to report (a transcript's own speakers, by first name or surname).

    Returns
    -------
    list[ReportedSpeech]
        One entry per attributed sentence, in text order; surnames resolved to the
        fullest name used before.
    """
    known: dict[str, str] = {}  # surname or first name -> full name
    last_person: str | None = None
    found: dict[Span, ReportedSpeech] = {}

    def resolve(name: str) -> str:
        parts = name.split()
        if len(parts) == 1 and parts[0] in known:
            return known[parts[0]]
        if len(parts) > 1 and not any(p.lower() in _GROUP_WORDS for p in parts):
            known.setdefault(parts[-1], name)
            known.setdefault(parts[0], name)
        return name

    for paragraph in paragraphs:
        inside = [s for s in sentences if paragraph.start <= s.start < paragraph.end]
        paragraph_speaker: str | None = None
        pending: list[Span] = []
        for sentence in inside:
            body = sentence.of(text)
            name, cue = _cue_in(body, known)
            if name is None and _PRONOUN.search(body) and last_person and _has_quote(body):
                name, cue = last_person, "pronoun"
            if name is not None:
                if any(part in exclude for part in name.split()):
                    continue
                name = resolve(name)
                if not any(p.lower() in _GROUP_WORDS for p in name.split()):
                    last_person = name
                found[sentence] = ReportedSpeech(sentence, name, cue or "")
                paragraph_speaker = name
                for earlier in pending:  # quotes before their attribution
                    found[earlier] = ReportedSpeech(earlier, name, "quoted passage")
                pending = []
            elif _starts_quoted(text, sentence, paragraph.start):
                if paragraph_speaker is not None:
                    found[sentence] = ReportedSpeech(sentence, paragraph_speaker, "quoted passage")
                else:
                    pending.append(sentence)
    return [found[s] for s in sorted(found)]


def _has_quote(body: str) -> bool:
    return any(q in body for q in _QUOTE_OPEN + _QUOTE_CLOSE)


def _starts_quoted(text: str, sentence: Span, paragraph_start: int) -> bool:
    """True when the sentence opens with a quotation mark or inside an open quotation."""
    first = text[sentence.start]
    return first in _QUOTE_OPEN or _inside_quote(text, sentence.start, paragraph_start)


def _cue_in(body: str, known: dict[str, str]) -> tuple[str | None, str | None]:
    """The reported speaker named in one sentence, and the words that name them."""
    for pattern in (_GROUP_VERB, _ACCORDING, _VERB_NAME, _NAME_VERB):
        for match in pattern.finditer(body):
            if pattern is _VERB_NAME and not _follows_quote(body, match.start()):
                continue
            name = _clean_name(match.group("name"))
            lone = name is not None and name not in known and " " not in name
            if pattern is _NAME_VERB and lone:
                # "DeepSeek says it trained": a lone name needs a quotation or "that"
                rest = body[match.end() : match.end() + 6]
                if not _has_quote(body) and not rest.lstrip().startswith("that"):
                    continue
            if name is not None:
                return name, match.group(0)
    return None, None


def _follows_quote(body: str, position: int) -> bool:
    """``said X`` attributes only right after a quotation: ``"...," said X``."""
    before = body[:position].rstrip()
    return before.endswith(('"', "\u201d", ",\u201d", ',"')) or before.endswith(",")


# --- the author ------------------------------------------------------------------------

_BYLINE = re.compile(
    r"^[ \t]*(?:[Bb]y[ \t]+)?(?P<name>[A-Z][a-z]+(?:[ \t]+[A-Z]\.)?[ \t]+[A-Z][A-Za-z'\-]+)[ \t]*$",
    re.MULTILINE,
)
_BYLINE_LINES = 15


def byline(text: str) -> str | None:
    """The author's name when a line near the top or the end is only a name (or ``By Name``)."""
    lines = text.splitlines()
    head = "\n".join(lines[:_BYLINE_LINES])
    tail = "\n".join(lines[-_BYLINE_LINES:])
    for part in (head, tail):
        for match in _BYLINE.finditer(part):
            name = match.group("name")
            if not any(p.lower() in _NOT_NAMES or p.lower() in _TITLES for p in name.split()):
                return name
    return None
