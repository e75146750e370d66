"""Formal claim statuses: Dung's semantics over the graph read as a framework.

:func:`claim_statuses` gives Dung's formal statuses (accepted, rejected or undecided
under grounded or preferred semantics) and each claim's DF-QuAD strength. A formal
"rejected" is not a verdict on the claim: it often only means that some rebuttal of
it is not rebutted in the graph, so the pages show the plain-word statuses of
:mod:`arggraph.analysis.objections` instead.

Both read the graph the same way (:func:`to_argumentation_framework`): every claim is
an argument, every ``rebuts`` relation an attack and every ``supports`` relation a
support. A rebuttal whose target is a relation (an *undercut*: it denies that the
relation's source bears on its target) attacks the relation's **source claim**, as
docs/analysis.md reads undercuts for contested topics; an undercut of an undercut
attacks the source of the undercut it targets, and so on.

Example
-------
>>> import arggraph
>>> report = claim_statuses(arggraph.load("graphs/deepseek.yaml"))
>>> report.bipolar, report.derived_attacks
(False, 0)
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Literal

from pydantic import Field

from arggraph.analysis.framework import ArgumentationFramework, bipolar_to_dung
from arggraph.analysis.gradual import DEFAULT_BASE, df_quad
from arggraph.analysis.results import Result, counted
from arggraph.analysis.semantics import (
    DEFAULT_MAX_STEPS,
    DEFAULT_MAX_UNDECIDED,
    acceptance,
    grounded_labelling,
)
from arggraph.model import ArgumentGraph

Status = Literal["accepted", "rejected", "undecided"]
StatusSemantics = Literal["grounded", "preferred-sceptical", "preferred-credulous"]
DEFAULT_MAX_DERIVED_ATTACKS = 2_000_000
"""Derived attacks ``claim_statuses`` adds before refusing (about 200 MB of lists)."""
_STATUS_ORDER: dict[str, int] = {"accepted": 0, "undecided": 1, "rejected": 2}


def to_argumentation_framework(
    graph: ArgumentGraph, *, bipolar: bool = True
) -> ArgumentationFramework:
    """The graph as an abstract argumentation framework: claims attacking and supporting.

    Parameters
    ----------
    graph : ArgumentGraph
    bipolar : bool
        Keep ``supports`` relations as supports (a bipolar framework); when false they
        are dropped and only the attacks remain (a Dung framework).

    Returns
    -------
    ArgumentationFramework
        Arguments are the claim ids in graph order; ``rebuts`` between claims are
        attacks, a ``rebuts`` of a relation attacks that relation's source claim.

    Example
    -------
    >>> import arggraph                                                  # doctest: +SKIP
    >>> to_argumentation_framework(arggraph.load("graphs/deepseek.yaml"))  # doctest: +SKIP
    <bipolar ArgumentationFramework: ... arguments, ... attacks, ... supports>
    """
    relations = {r.id: r for r in graph.relations if r.id is not None}
    claim_ids = [c.id for c in graph.claims]
    is_claim = set(claim_ids)  # a local set: graph.is_undercut costs a private-attribute lookup
    attacks: list[tuple[str, str]] = []
    supports: list[tuple[str, str]] = []
    for rel in graph.relations:
        if rel.target not in is_claim:
            attacks.append((rel.source, relations[rel.target].source))
        elif rel.kind == "rebuts":
            attacks.append((rel.source, rel.target))
        elif bipolar:
            supports.append((rel.source, rel.target))
    return ArgumentationFramework(claim_ids, attacks, supports)


class ClaimStatus(Result):
    """One claim's status under the chosen semantics, and its gradual strength."""

    claim: str = Field(description="the claim id")
    statement: str
    status: Status
    label: Literal["in", "out", "undec"] | None = Field(
        description="the grounded label (grounded semantics only)"
    )
    credulous: bool | None = Field(
        description="in some preferred extension (preferred semantics only)"
    )
    sceptical: bool | None = Field(
        description="in every preferred extension (preferred semantics only)"
    )
    strength: float = Field(description="DF-QuAD strength in [0, 1], 4 decimals")
    base_score: float
    attackers: list[str] = Field(
        description="claims that attack it in the framework used, derived attacks included"
    )
    supporters: list[str] = Field(description="claims that support it directly")


class ClaimStatusReport(Result):
    """Every claim's status: accepted, rejected or undecided, and its strength."""

    semantics: StatusSemantics
    bipolar: bool = Field(description="supports added their implied attacks")
    arguments: int
    attacks: int = Field(description="attacks in the framework used, derived ones included")
    derived_attacks: int = Field(description="attacks added from supports")
    derived_attacks_dropped: int = Field(
        description="attacks supports imply that were left out: onto a claim the attacker "
        "also supports, or that a holder of the attacker also holds"
    )
    supports: int
    accepted: int
    rejected: int
    undecided: int
    strength_converged: bool
    strength_iterations: int
    claims: list[ClaimStatus] = Field(
        description="accepted first, then undecided, then rejected; by statement, then id"
    )

    def _summary(self) -> str:
        return (
            f"{self.semantics}, {counted(len(self.claims), 'claim')}: {self.accepted} accepted, "
            f"{self.rejected} rejected, {self.undecided} undecided"
        )


def claim_statuses(
    graph: ArgumentGraph,
    *,
    semantics: StatusSemantics = "grounded",
    bipolar: bool = False,
    base_scores: Mapping[str, float] | None = None,
    default_base: float = DEFAULT_BASE,
    max_undecided: int | None = DEFAULT_MAX_UNDECIDED,
    max_steps: int | None = DEFAULT_MAX_STEPS,
    timeout: float | None = None,
    max_derived_attacks: int | None = DEFAULT_MAX_DERIVED_ATTACKS,
) -> ClaimStatusReport:
    """Which claims stand, fall or stay open, by formal argumentation semantics.

    - ``"grounded"`` (default; linear time): accepted = ``in``, rejected = ``out``,
      undecided = ``undec`` in the grounded labelling, the sceptical core that every
      reasonable position accepts (Dung 1995).
    - ``"preferred-sceptical"``: accepted = in every preferred extension.
    - ``"preferred-credulous"``: accepted = in at least one preferred extension.

    Under both preferred options a claim is rejected when it is ``out`` in every
    preferred labelling, and undecided otherwise. Preferred semantics search an
    exponential space; past the budget (``max_undecided``, ``max_steps``,
    ``timeout``) they raise :class:`~arggraph.analysis.semantics.SemanticsBudgetExceeded`.

    By default the statuses come from the rebuttals and undercuts alone. With
    ``bipolar`` they are computed on ``bipolar_to_dung(to_argumentation_framework(graph))``,
    where supports add the attacks they imply: backing an attacker is attacking
    (supported attacks) and attacking a premise attacks what it supports (secondary
    attacks). Two kinds of derived attack are left out, as no reader would draw them
    (``derived_attacks_dropped`` counts them): an attack onto a claim that a holder of
    the attacking claim also holds (nobody argues against themselves through a chain
    of supports), and an attack onto a claim that the attacking claim directly
    supports. Rebuttals the graph states are always kept. The DF-QuAD strength is
    always computed on the bipolar framework, from ``base_scores`` (per claim; others
    get ``default_base``).

    Parameters
    ----------
    graph : ArgumentGraph
    semantics : {"grounded", "preferred-sceptical", "preferred-credulous"}
    bipolar : bool
        Add the attacks supports imply (off by default; see above).
    base_scores : mapping of claim id to float in [0, 1], optional
    default_base : float
    max_undecided, max_steps, timeout
        The budget of the preferred search.
    max_derived_attacks : int, optional
        The budget of the attacks supports imply (:func:`bipolar_to_dung`); past it an
        :class:`~arggraph.errors.AnalysisError` says to compute without them.

    Returns
    -------
    ClaimStatusReport

    Example
    -------
    >>> import arggraph                                                     # doctest: +SKIP
    >>> claim_statuses(arggraph.load("graphs/deepseek.yaml")).undecided     # doctest: +SKIP
    0

    References
    ----------
    P. M. Dung, "On the acceptability of arguments and its fundamental role in
    nonmonotonic reasoning, logic programming and n-person games", Artificial
    Intelligence 77 (1995) 321-357.
    """
    if semantics not in ("grounded", "preferred-sceptical", "preferred-credulous"):
        raise ValueError(
            f"unknown semantics {semantics!r}; use grounded, preferred-sceptical or "
            "preferred-credulous"
        )
    bipolar_af = to_argumentation_framework(graph, bipolar=True)
    dropped = 0
    if bipolar:
        derived = bipolar_to_dung(bipolar_af, max_derived=max_derived_attacks)
        af, dropped = _without_implausible_attacks(graph, bipolar_af, derived)
    else:
        af = bipolar_af.without_supports()
    strengths = df_quad(bipolar_af, base_scores=base_scores, default_base=default_base)
    bases = {c.id: default_base for c in graph.claims} | dict(base_scores or {})

    labels: dict[str, Literal["in", "out", "undec"]] = {}
    credulous: frozenset[str] = frozenset()
    sceptical: frozenset[str] = frozenset()
    if semantics == "grounded":
        labels = grounded_labelling(af).as_dict()
        status: dict[str, Status] = {
            c: "accepted" if lab == "in" else "rejected" if lab == "out" else "undecided"
            for c, lab in labels.items()
        }
    else:
        credulous, sceptical, rejected = acceptance(
            af,
            semantics="preferred",
            max_undecided=max_undecided,
            max_steps=max_steps,
            timeout=timeout,
        )
        accepted = sceptical if semantics == "preferred-sceptical" else credulous
        status = {
            c: "accepted" if c in accepted else "rejected" if c in rejected else "undecided"
            for c in af.arguments
        }
    preferred = semantics != "grounded"
    claims = [
        ClaimStatus(
            claim=claim.id,
            statement=claim.statement,
            status=status[claim.id],
            label=labels.get(claim.id),
            credulous=claim.id in credulous if preferred else None,
            sceptical=claim.id in sceptical if preferred else None,
            strength=strengths.strengths[claim.id],
            base_score=round(bases[claim.id], 4),
            attackers=sorted(af.attackers_of(claim.id)),
            supporters=sorted(bipolar_af.supporters_of(claim.id)),
        )
        for claim in graph.claims
    ]
    claims.sort(key=lambda c: (_STATUS_ORDER[c.status], c.statement, c.claim))
    counts = {name: sum(c.status == name for c in claims) for name in _STATUS_ORDER}
    return ClaimStatusReport(
        semantics=semantics,
        bipolar=bipolar,
        arguments=len(af),
        attacks=af.attack_count,
        derived_attacks=af.attack_count - bipolar_af.attack_count if bipolar else 0,
        derived_attacks_dropped=dropped,
        supports=bipolar_af.support_count,
        accepted=counts["accepted"],
        rejected=counts["rejected"],
        undecided=counts["undecided"],
        strength_converged=strengths.converged,
        strength_iterations=strengths.iterations,
        claims=claims,
    )


def _without_implausible_attacks(
    graph: ArgumentGraph, bipolar_af: ArgumentationFramework, derived: ArgumentationFramework
) -> tuple[ArgumentationFramework, int]:
    """``derived`` without the derived attacks no reader would draw, and how many went.

    A derived attack ``a -> c`` goes when a speaker holds both ``a`` and ``c``, or when
    ``a`` directly supports ``c``; the graph's own attacks all stay. Arguments are the
    claims in graph order in both frameworks.
    """
    holders = [frozenset(c.speakers) for c in graph.claims]
    attacked: list[list[int]] = []
    dropped = 0
    for a, row in enumerate(derived.attacked):
        stated = set(bipolar_af.attacked[a])
        supported = set(bipolar_af.supported[a])
        kept = [
            c for c in row if c in stated or (c not in supported and not holders[a] & holders[c])
        ]
        dropped += len(row) - len(kept)
        attacked.append(kept)
    return ArgumentationFramework.from_indices(derived.arguments, attacked), dropped
