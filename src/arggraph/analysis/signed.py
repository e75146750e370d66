"""The one reading of relations as signed links between claims, undercuts included.

Every analysis that asks "who argues against whom" (positions, contestedness,
alignment, claim statuses, the views) reads relations through :func:`signed_relations`
or :func:`undercut_chain_end`, so they cannot disagree about what an undercut attacks.

References
----------
J. L. Pollock, "Defeasible reasoning", Cognitive Science 11 (1987) (undercutters).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Literal, NamedTuple

from pydantic import Field

from arggraph.analysis.results import Result, built
from arggraph.model import ArgumentGraph, Relation


class SignedRelation(Result):
    """A relation as a signed link between two claims, undercuts resolved.

    An undercut (a rebuttal whose target is relation ``r``) attacks the argument that
    ``r``'s source claim makes, so it counts as a rebuttal of that claim; it belongs to
    the debate of the claim at the end of ``r``'s chain of targets.
    """

    relation: str = Field(description="the relation's id, or 'source->target'")
    source: str = Field(description="claim id")
    target: str = Field(description="claim id; for an undercut, the undercut relation's source")
    sign: Literal[1, -1] = Field(description="+1 supports, -1 rebuts")
    undercut_of: str | None = Field(None, description="for an undercut, the relation it attacks")
    topic_claim: str = Field(description="the claim whose topics this relation is debated in")


def signed_relations(graph: ArgumentGraph) -> list[SignedRelation]:
    """Every relation as a signed link between two claims, in file order.

    A support is ``+1`` and a rebuttal ``-1`` from its source to its target claim, and
    is debated in the topics of its target. An undercut of relation ``r`` (source
    ``x``, target ``y``) is a rebuttal of ``x`` (it denies that ``x`` bears on ``y``,
    so it sides with whoever ``x`` argues against) and is debated in the topics of
    ``y``, following ``r``'s own target if ``r`` is an undercut too; a loop of
    undercuts that never reaches a claim is debated in the topics of ``x``.

    Parameters
    ----------
    graph : ArgumentGraph

    Returns
    -------
    list of SignedRelation

    Example
    -------
    >>> import arggraph                                                 # doctest: +SKIP
    >>> signed_relations(arggraph.load("graphs/deepseek.yaml"))[0].sign  # doctest: +SKIP
    -1
    """
    return [built(SignedRelation, **link._asdict()) for link in signed_links(graph)]


class SignedLink(NamedTuple):
    """A :class:`SignedRelation` as a plain tuple, for analyses that read every relation
    and return none of them (building 300k result models cost more than the reading)."""

    relation: str
    source: str
    target: str
    sign: Literal[1, -1]
    undercut_of: str | None
    topic_claim: str


Signed = SignedRelation | SignedLink
"""Either reading of a relation as a signed link: the result model or the plain tuple."""


def signed_links(graph: ArgumentGraph) -> list[SignedLink]:
    """:func:`signed_relations` as plain tuples, in file order."""
    # graph.is_undercut reads a private attribute through pydantic's __getattr__: a set
    # of claim ids answers the same question several times faster
    claims = {c.id for c in graph.claims}
    make = tuple.__new__  # SignedLink(...) runs a Python __new__: twice the time
    result: list[SignedLink] = []
    undercuts: list[tuple[int, Relation]] = []
    for rel in graph.relations:
        source, target = rel.source, rel.target
        if target in claims:
            key = rel.id or f"{source}->{target}"  # Relation.key, without a property call
            sign = 1 if rel.kind == "supports" else -1
            result.append(make(SignedLink, (key, source, target, sign, None, target)))
        else:
            undercuts.append((len(result), rel))
            result.append(make(SignedLink, ()))  # a place kept for the undercut
    if undercuts:
        by_id = {r.id: r for r in graph.relations if r.id is not None}
        for position, rel in undercuts:
            result[position] = _undercut_link(rel, by_id)
    return result


def _undercut_link(rel: Relation, by_id: Mapping[str, Relation]) -> SignedLink:
    """An undercut as a rebuttal of the undercut relation's source claim."""
    attacked = by_id[rel.target]
    _, reached = relation_chain(attacked, by_id)  # undercuts of undercuts, to a claim
    end = attacked.source if reached is None else reached  # a loop never reaches one
    return SignedLink(rel.key, rel.source, attacked.source, -1, attacked.key, end)


def relation_chain(
    relation: Relation, relations: Mapping[str, Relation]
) -> tuple[list[Relation], str | None]:
    """The relations from ``relation`` along its targets, and the claim the chain ends at.

    An undercut targets a relation, which may itself be an undercut; the chain follows
    targets until one is not a relation id (a claim). ``None`` when it loops.

    >>> from arggraph.model import Relation
    >>> r1 = Relation(id="r1", source="a", target="b", kind="supports")
    >>> r2 = Relation(id="r2", source="c", target="r1", kind="rebuts")
    >>> chain, end = relation_chain(r2, {"r1": r1, "r2": r2})
    >>> [r.key for r in chain], end
    (['r2', 'r1'], 'b')
    """
    found: list[Relation] = []
    seen: set[str] = set()
    while relation.key not in seen:
        seen.add(relation.key)
        found.append(relation)
        if relation.target not in relations:
            return found, relation.target
        relation = relations[relation.target]
    return found, None
