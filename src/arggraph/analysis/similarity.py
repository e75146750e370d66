"""How alike two claim statements are, and a one-to-one matching of two lists of claims.

``diff`` uses it to recognise a reworded claim whose id changed, and ``merge`` to
propose duplicates between two analysts' graphs. The measure is deliberately plain so
that a reader can check a score by hand: the Dice coefficient of the statements'
*content words* (lowercased, a final plural ``s`` dropped, common function words
left out)::

    similarity(a, b) = 2 |words(a) & words(b)| / (|words(a)| + |words(b)|)

1.0 means the same content words; 0.5 that about half are shared. It sees words, not
meaning: "compute matters" and "compute matters less" score 0.8.

Example
-------
>>> statement_similarity("Export controls have failed.", "The export controls failed")
1.0
>>> statement_similarity("Compute still matters.", "Open models matter.")
0.4
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence

from arggraph.analysis.results import round_score

DEFAULT_THRESHOLD = 0.5
"""Two statements at or above this similarity are proposed as the same claim."""

_WORD = re.compile(r"[a-z0-9]+(?:[.,][0-9]+)*")
_POSSESSIVE = re.compile(r"'s\b")
# Negations stay: "compute matters" and "compute does not matter" must not score 1.0.
_STOP_WORDS = frozenset(
    """a an and are as at be been but by can could did do does for from had has have he
    her his i if in into is it its itself just may might more most much must of on
    or our own she should so some such than that the their them then there these
    they this those to too very was we were what when where which while who will
    with would you your now still also""".split()  # noqa: SIM905
)


def statement_words(text: str) -> frozenset[str]:
    """The content words of a statement, as :func:`statement_similarity` compares them.

    >>> sorted(statement_words("The US's chips are restricted"))
    ['chip', 'restricted', 'us']
    """
    words = set()
    text = _POSSESSIVE.sub("", text.lower().replace("\u2019", "'"))
    for word in _WORD.findall(text):
        if word in _STOP_WORDS:
            continue
        if len(word) > 3 and word.endswith("s") and not word.endswith("ss"):
            word = word[:-1]
        words.add(word)
    return frozenset(words)


def statement_similarity(a: str, b: str) -> float:
    """The Dice coefficient of two statements' content words (see the module docs)."""
    return _dice(statement_words(a), statement_words(b))


def _dice(a: frozenset[str], b: frozenset[str]) -> float:
    if not a and not b:
        return 1.0
    return round_score(2 * len(a & b) / (len(a) + len(b)))


def match_statements(
    left: Sequence[tuple[str, str]],
    right: Sequence[tuple[str, str]],
    *,
    threshold: float = DEFAULT_THRESHOLD,
) -> list[tuple[str, str, float]]:
    """Pair items of ``left`` with items of ``right`` by statement, one to one.

    Parameters
    ----------
    left, right : sequence of (id, statement)
    threshold : float
        The lowest similarity that makes a pair.

    Returns
    -------
    list of (left id, right id, similarity)
        Best pairs first: every pair at or above ``threshold`` is ranked by similarity
        (ties by ids) and taken greedily, each item at most once. Candidates are found
        through shared words, so items with no word in common are never compared.

    Example
    -------
    >>> match_statements([("a", "Controls failed"), ("b", "Compute matters")],
    ...                  [("x", "Compute still matters"), ("y", "Open models win")])
    [('b', 'x', 1.0)]
    """
    right_words = [statement_words(statement) for _, statement in right]
    postings: dict[str, list[int]] = defaultdict(list)
    for j, words in enumerate(right_words):
        for word in words:
            postings[word].append(j)
    pairs: list[tuple[float, str, str]] = []
    for left_id, statement in left:
        words = statement_words(statement)
        shared: dict[int, int] = defaultdict(int)
        for word in words:
            for j in postings.get(word, ()):
                shared[j] += 1
        for j, count in shared.items():
            score = round_score(2 * count / (len(words) + len(right_words[j])))
            if score >= threshold:
                pairs.append((score, left_id, right[j][0]))
    pairs.sort(key=lambda p: (-p[0], p[1], p[2]))
    used_left: set[str] = set()
    used_right: set[str] = set()
    matched = []
    for score, left_id, right_id in pairs:
        if left_id in used_left or right_id in used_right:
            continue
        used_left.add(left_id)
        used_right.add(right_id)
        matched.append((left_id, right_id, score))
    return matched


__all__ = [
    "DEFAULT_THRESHOLD",
    "match_statements",
    "statement_similarity",
    "statement_words",
]
