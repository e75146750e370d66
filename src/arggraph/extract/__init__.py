"""Draft argument graphs from new documents: the extraction assistant.

``extract_graph(paths)`` reads text files (transcripts, articles, essays) and drafts
a graph to review: claim candidates quoted exactly from the text and attributed to
who says them (transcript turns, reported speech, the author by default), the same
proposition held by several speakers merged into one claim, topics as clusters of
claims, and candidate ``supports`` / ``rebuts`` relations from a model trained on
annotated corpora (:mod:`arggraph.extract.learned`; discourse-cue rules on
request). Every claim and relation carries a ``note`` starting ``Draft:`` with its
confidence. :mod:`arggraph.extract.evaluate` measures drafts against human graphs.
See ``docs/extraction.md``.

Example
-------
>>> from arggraph.extract import extract_graph                  # doctest: +SKIP
>>> draft = extract_graph(["seeds/news-deepseek-chip-export-controls.txt"])  # doctest: +SKIP
>>> draft.claims[0].note                                         # doctest: +SKIP
"Draft: claim (confidence 0.62; ...)"
"""

from arggraph.extract.llm import ChatClaimProposer, ClaimProposer, LLMError, ProposedClaim
from arggraph.extract.pipeline import (
    ExtractionMode,
    SourceText,
    extract_graph,
    extract_texts,
    read_source,
    read_sources,
)
from arggraph.extract.topics import Embedder, LexicalEmbedder, SentenceEmbedder, default_embedder

__all__ = [
    "ChatClaimProposer",
    "ClaimProposer",
    "Embedder",
    "ExtractionMode",
    "LLMError",
    "LexicalEmbedder",
    "ProposedClaim",
    "SentenceEmbedder",
    "SourceText",
    "default_embedder",
    "extract_graph",
    "extract_texts",
    "read_source",
    "read_sources",
]
