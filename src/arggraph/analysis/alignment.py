"""Who agrees with whom: speaker alignment and the camps it implies.

Two speakers *agree* when a claim of one supports a claim of the other, when they
hold the same claim, or when their claims relate the same way to a third claim
(both support it, or both rebut it); they *disagree* when a claim of one rebuts a
claim of the other, or when one supports and the other rebuts the same claim.
:func:`speaker_alignment` counts this evidence for every pair of speakers, with the
relations and claims behind each count, and scores it in ``[-1, 1]``;
:func:`speaker_camps` splits the signed speaker graph into camps by structural
balance (Cartwright & Harary 1956). docs/analysis.md gives the definitions.

The results and their compact evidence are :mod:`arggraph.analysis.alignment_evidence`,
the split into camps :mod:`arggraph.analysis.camps`; their public names are imported
from here.

Example
-------
>>> import arggraph                                                    # doctest: +SKIP
>>> camps = speaker_camps(arggraph.load("graphs/deepseek.yaml"))       # doctest: +SKIP
>>> [[s.name for s in camp.speakers] for camp in camps.camps][:2]      # doctest: +SKIP

References
----------
D. Cartwright and F. Harary, "Structural balance: a generalization of Heider's theory",
Psychological Review 63 (1956).
N. Bansal, A. Blum and S. Chawla, "Correlation clustering", Machine Learning 56 (2004).
"""

from __future__ import annotations

from collections import defaultdict
from itertools import combinations

from arggraph.analysis.alignment_evidence import (
    OPPOSITE,
    REBUTS,
    SAME,
    SHARED,
    SUPPORTS,
    AlignmentPair,
    Evidence,
    SpeakerAlignment,
)
from arggraph.analysis.balance import DEFAULT_EXACT_LIMIT
from arggraph.analysis.camps import Camp, CampAnswer, CampLink, SpeakerCamps, camps_of
from arggraph.analysis.lazy_results import LazyResults
from arggraph.analysis.positions import PositionsReport, positions
from arggraph.analysis.results import SpeakerRef
from arggraph.analysis.signed import signed_links
from arggraph.collector import collector_paused
from arggraph.model import ArgumentGraph

__all__ = [
    "DEFAULT_MAX_PAIRS",
    "INDIRECT_WEIGHT",
    "PAIRS_PER_ITEM",
    "AlignmentPair",
    "Camp",
    "CampAnswer",
    "CampLink",
    "SpeakerAlignment",
    "SpeakerCamps",
    "speaker_alignment",
    "speaker_camps",
]

INDIRECT_WEIGHT = 0.5
"""Weight of agreeing or disagreeing about a third claim, against 1 for direct evidence."""

DEFAULT_MAX_PAIRS = 2_000_000
"""Evidence items :func:`speaker_alignment` counts on any graph before it refuses."""

PAIRS_PER_ITEM = 10
"""More evidence items allowed per claim and per relation of the graph.

Evidence grows with the graph while few speakers hold each claim; it grows with the
square of their number when thousands hold or answer one claim. The default budget,
``DEFAULT_MAX_PAIRS + PAIRS_PER_ITEM * (claims + relations)``, lets the first through
at any size and stops the second (AnalysisError) before it fills memory.
"""


@collector_paused()
def speaker_alignment(
    graph: ArgumentGraph,
    *,
    topic: str | None = None,
    groups: bool = False,
    max_pairs: int | None = None,
) -> SpeakerAlignment:
    """How often each pair of speakers agrees or disagrees, directly and through claims.

    For speakers X and Y (X is not Y), counting each relation or claim once per pair:

    - ``supports`` / ``rebuts``: relations from a claim X holds to a claim Y holds
      (either direction); an undercut of a relation counts as a rebuttal of that
      relation's source claim (see :func:`~arggraph.analysis.signed.signed_relations`);
    - ``shared_claims``: claims both hold;
    - ``same_side_of`` / ``opposite_sides_of``: third claims that X's and Y's claims
      both support or both rebut, or one supports and the other rebuts (a speaker who
      both supports and rebuts a claim takes neither side of it).

    A relation between two claims that share a holder (a speaker qualifying their own
    claim, or a claim merged from several holders) is no disagreement between anyone:
    co-holders of a claim agree. Group speakers (``kind: group``: reported views) are
    left out unless ``groups`` is true.

    ``agreement = supports + shared_claims + 0.5 * same_side_of``,
    ``disagreement = rebuts + 0.5 * opposite_sides_of``, and
    ``score = (agreement - disagreement) / (agreement + disagreement)``.

    Parameters
    ----------
    graph : ArgumentGraph
    topic : str, optional
        Count only claims of this topic, and relations whose target is one of them:
        alignment on one subject rather than pooled over all.
    groups : bool
        Keep group speakers (reported views) as speakers.
    max_pairs : int, optional
        Refuse with :class:`~arggraph.errors.AnalysisError` rather than count more
        evidence items than this (many distinct speakers relating to one claim make
        them grow with the square of their number). By default
        ``DEFAULT_MAX_PAIRS + PAIRS_PER_ITEM * (claims + relations)``.

    Returns
    -------
    SpeakerAlignment

    Example
    -------
    >>> import arggraph                                                    # doctest: +SKIP
    >>> a = speaker_alignment(arggraph.load("graphs/deepseek.yaml"))       # doctest: +SKIP
    >>> a.pair("heim", "chilson").score                                    # doctest: +SKIP
    -1.0
    """
    speakers = sorted(
        (s for s in graph.speakers if groups or s.kind != "group"), key=lambda s: (s.name, s.id)
    )
    links = signed_links(graph)
    claim_ids = [c.id for c in graph.claims]
    evidence = Evidence(
        _budget(graph, max_pairs),
        [s.id for s in speakers],
        claim_ids,
        [rel.relation for rel in links],
    )
    order = {s.id: i for i, s in enumerate(speakers)}
    number = {claim_id: k for k, claim_id in enumerate(claim_ids)}
    holders: dict[str, list[int]] = {}  # claim -> counted holders, as positions in `speakers`
    all_holders: dict[str, set[str]] = {}
    for claim in graph.claims:
        ids = claim.speakers  # a property that rebuilds its list: read once per claim
        holders[claim.id] = sorted(order[s] for s in ids if s in order)
        all_holders[claim.id] = set(ids)
    in_topic = {c.id for c in graph.claims if topic is None or topic in c.topics}
    for k, claim_id in enumerate(claim_ids):
        if claim_id in in_topic:
            for x, y in combinations(holders[claim_id], 2):
                evidence.add(x, y, SHARED, k)
    sides: dict[str, dict[int, int]] = defaultdict(dict)  # target -> speaker -> sign bits
    for k, rel in enumerate(links):
        if rel.target not in in_topic or all_holders[rel.source] & all_holders[rel.target]:
            continue  # another subject, or a claim's own holder qualifying it
        kind, bit = (SUPPORTS, _SUPPORTING) if rel.sign > 0 else (REBUTS, _REBUTTING)
        by_speaker = sides[rel.target]
        for x in holders[rel.source]:
            by_speaker[x] = by_speaker.get(x, 0) | bit
            for y in holders[rel.target]:
                evidence.add(x, y, kind, k)
    for target, by_speaker in sides.items():
        # a speaker who both supports and rebuts a claim takes neither side of it
        sided = sorted((x, bits) for x, bits in by_speaker.items() if bits != _BOTH)
        for (x, bx), (y, by) in combinations(sided, 2):
            evidence.add(x, y, SAME if bx == by else OPPOSITE, number[target])
    return SpeakerAlignment(
        speakers=[SpeakerRef(id=s.id, name=s.name, role=s.role) for s in speakers],
        pairs=LazyResults(evidence.pairs()),
    )


@collector_paused()
def speaker_camps(
    graph: ArgumentGraph,
    *,
    topic: str | None = None,
    exact_limit: int = DEFAULT_EXACT_LIMIT,
    max_pairs: int | None = None,
    alignment: SpeakerAlignment | None = None,
    stands: PositionsReport | None = None,
) -> SpeakerCamps:
    """Group speakers into camps by a structural-balance split of the signed speaker graph.

    Two speakers are linked when their alignment's agreement and disagreement differ
    (see :func:`speaker_alignment`): allies (+) when agreement is larger, opponents
    (-) when disagreement is, with weight the difference. Each connected part of this
    graph is split in two by :func:`~arggraph.analysis.balance.balanced_split`,
    minimising the weight of frustrated links (allies split apart, opponents kept
    together); each side of a split is a camp, and the two camps of one split oppose
    each other. Parts are never merged (nothing links them), so a graph yields as many
    camps as its parts need; a part without opponents is one camp. Speakers with no
    link are *unaligned*, not forced into a camp. Each camp is named by the answers
    (from :func:`~arggraph.analysis.positions.positions`) that at least half of its
    members give in their own claims and none of them contradicts.

    Parameters
    ----------
    graph : ArgumentGraph
    topic : str, optional
        Camps on one topic only (see :func:`speaker_alignment`).
    exact_limit : int
        Largest unbalanced part split exactly (see ``balanced_split``).
    max_pairs : int, optional
        Passed to :func:`speaker_alignment`.
    alignment, stands : optional
        ``speaker_alignment(graph, topic=topic)`` and ``positions(graph)`` when the
        caller has them already.

    Returns
    -------
    SpeakerCamps
        Camps largest first (ties: by their first speaker's name), speakers by name.

    Example
    -------
    >>> import arggraph                                                  # doctest: +SKIP
    >>> speaker_camps(arggraph.load("graphs/deepseek.yaml")).frustration  # doctest: +SKIP
    0.0

    References
    ----------
    Cartwright & Harary (1956); Bansal, Blum & Chawla (2004).
    """
    if alignment is None:
        alignment = speaker_alignment(graph, topic=topic, max_pairs=max_pairs)
    if stands is None:
        stands = positions(graph)
    return camps_of(alignment, stands, topic=topic, exact_limit=exact_limit)


def _budget(graph: ArgumentGraph, max_pairs: int | None) -> int:
    """``max_pairs``, or by default a budget that grows with the graph (see the docs)."""
    if max_pairs is not None:
        return max_pairs
    return DEFAULT_MAX_PAIRS + PAIRS_PER_ITEM * (len(graph.claims) + len(graph.relations))


_SUPPORTING, _REBUTTING = 1, 2
"""The sides a speaker's claims take of a third claim, as bits."""
_BOTH = _SUPPORTING | _REBUTTING
