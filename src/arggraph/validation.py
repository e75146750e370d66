"""The rules a whole graph must keep, beyond the types of its fields.

:func:`all_problems` lists broken references and structure, then (unless told not to)
grounds quotes as :func:`ground_quotes` does: finds every quote in its document and
records the offsets (the finding itself is :mod:`arggraph.grounding`'s). Both return
:class:`~arggraph.errors.Problem` objects whose ``path`` points into the graph
(``("claims", 4, "attributions", 0, "quote")``) so a loader can place them in a file.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterator, Sequence
from functools import cached_property
from itertools import chain, compress, repeat
from operator import attrgetter, eq, is_not
from typing import TYPE_CHECKING, TypeVar

from arggraph.errors import InvalidGraphError, Problem
from arggraph.grounding import ground_attributions

if TYPE_CHECKING:
    from arggraph.model import ArgumentGraph, Attribution

_SECTIONS = ("documents", "speakers", "topics", "claims", "relations")
_SINGULAR = {
    "documents": "document",
    "speakers": "speaker",
    "topics": "topic",
    "claims": "claim",
    "relations": "relation",
}


def check_graph(graph: ArgumentGraph) -> None:
    """Raise :class:`InvalidGraphError` with every problem, or ground quotes and return."""
    problems = all_problems(graph)
    if problems:
        raise InvalidGraphError(problems)


def all_problems(
    graph: ArgumentGraph, *, check_quotes: bool = True, references: bool = True
) -> list[Problem]:
    """Every broken reference and structural rule in ``graph``, in section order, then
    (with ``check_quotes``) :func:`ground_quotes`'s misses; the columns both read (every
    attribution, its document) are read once.

    ``references=False`` leaves out :func:`reference_problems` (a loader that checks ids
    and references on another version of the graph, one with set-aside items patched in).
    """
    ids = _Ids(graph)
    return _graph_problems(graph, ids, references=references) + (
        ground_attributions(graph, ids.attributions, ids.documents) if check_quotes else []
    )


def reference_problems(graph: ArgumentGraph) -> list[Problem]:
    """Only the id rules: duplicate ids and references to ids that are not defined."""
    ids = _Ids(graph)
    return [*_id_problems(graph, ids)]


def _graph_problems(graph: ArgumentGraph, ids: _Ids, *, references: bool) -> list[Problem]:
    return [
        *(_id_problems(graph, ids) if references else ()),
        *_claim_rules(graph),
        *_relation_rules(graph, ids),
    ]


def _id_problems(graph: ArgumentGraph, ids: _Ids) -> Iterator[Problem]:
    yield from _duplicate_ids(graph, ids)
    yield from _shared_claim_relation_ids(ids)
    yield from _duplicate_question_ids(graph)
    yield from _unknown_references(graph, ids)


_UNKNOWN_REFERENCE = re.compile(
    r" names unknown (claim or relation|claim|topic|question|speaker|document) '"
)


def unknown_reference_kind(problem: Problem) -> str | None:
    """The kind of id an unknown-reference problem names (``"claim"``, ``"speaker"`` ...),
    or ``None`` for any other problem; read back from the wording
    :func:`_unknown_references` gives it."""
    if problem.code != "unknown-id":
        return None
    found = _UNKNOWN_REFERENCE.search(problem.message)
    return found.group(1) if found else None


_T = TypeVar("_T")
_ID = attrgetter("id")
_SOURCE = attrgetter("source")
_TARGET = attrgetter("target")
_DOCUMENT = attrgetter("document")


class _Ids:
    """Ids, relation ends and attributions that several rules (and grounding) read,
    gathered from the graph once each, when first asked for.

    Relation ends are kept as two columns (``sources``, ``targets``): set look-ups over a
    list of strings cost half of those over ``(source, target)`` tuples at 100k claims.
    """

    def __init__(self, graph: ArgumentGraph) -> None:
        self.graph = graph

    @cached_property
    def sources(self) -> list[str]:
        return list(map(_SOURCE, self.graph.relations))

    @cached_property
    def targets(self) -> list[str]:
        return list(map(_TARGET, self.graph.relations))

    @cached_property
    def attributions(self) -> list[Attribution]:
        """:func:`_all_attributions`."""
        return _all_attributions(self.graph)

    @cached_property
    def documents(self) -> list[str]:
        """The document of each of :attr:`attributions`."""
        return list(map(_DOCUMENT, self.attributions))

    @cached_property
    def claims(self) -> set[str]:
        return set(map(_ID, self.graph.claims))

    @cached_property
    def relation_list(self) -> list[str]:
        """Ids of the relations that have one, in order."""
        return _not_none(list(map(_ID, self.graph.relations)))

    @cached_property
    def relations(self) -> set[str]:
        """Ids of the relations that have one."""
        return set(self.relation_list)

    @cached_property
    def claims_or_relations(self) -> set[str]:
        """What a relation's target may name: a claim, or a relation with an id."""
        return self.claims | self.relations if self.relations else self.claims

    def all_distinct(self, section: str) -> bool:
        """Whether no two items of ``section`` (of those with an id) have the same id."""
        if section == "claims":
            return len(self.claims) == len(self.graph.claims)
        if section == "relations":
            return len(self.relations) == len(self.relation_list)
        items = list(map(_ID, getattr(self.graph, section)))
        return len(set(items)) == len(items)


def _duplicate_ids(graph: ArgumentGraph, ids: _Ids) -> Iterator[Problem]:
    for section in _SECTIONS:
        if ids.all_distinct(section):
            continue  # no repeats: the common case, checked at C speed
        first_index: dict[str, int] = {}
        for index, item in enumerate(getattr(graph, section)):
            item_id = item.id
            if item_id is None:  # relations without an id: the pair rules cover repeats
                continue
            if item_id in first_index:
                kind = _SINGULAR[section]
                yield Problem(
                    f"{kind} id '{item_id}' is defined twice "
                    f"(first as {section}[{first_index[item_id]}])",
                    code="duplicate-id",
                    id=item_id,
                    path=(section, index, "id"),
                    hint=f"rename one of them, or merge the two {section}",
                )
            else:
                first_index[item_id] = index


def _shared_claim_relation_ids(ids: _Ids) -> Iterator[Problem]:
    """Claims and relations share one namespace, since a relation may target either."""
    claim_ids = ids.claims
    if claim_ids.isdisjoint(ids.relations):
        return
    for index, rel in enumerate(ids.graph.relations):
        if rel.id is not None and rel.id in claim_ids:
            yield Problem(
                f"relation id '{rel.id}' is also a claim id",
                code="duplicate-id",
                id=rel.id,
                path=("relations", index, "id"),
                hint="a relation's target may name a claim or a relation: give them distinct ids",
            )


def _duplicate_question_ids(graph: ArgumentGraph) -> Iterator[Problem]:
    """Topics and their sub-questions share one namespace: stances name either."""
    first: dict[str, str] = {t.id: f"topic '{t.id}'" for t in graph.topics}
    for i, topic in enumerate(graph.topics):
        for j, sub in enumerate(topic.questions):
            if sub.id in first:
                yield Problem(
                    f"question id '{sub.id}' of topic '{topic.id}' is already used by "
                    f"{first[sub.id]}",
                    code="duplicate-id",
                    id=sub.id,
                    path=("topics", i, "questions", j, "id"),
                    hint="give each question an id no topic or other question has",
                )
            else:
                first[sub.id] = f"a question of topic '{topic.id}'"


_SUGGEST_BUDGET = 1_000_000  # id comparisons for "did you mean" hints, a few seconds at most


def _unknown_references(graph: ArgumentGraph, ids: _Ids) -> Iterator[Problem]:
    known = {
        "document": {d.id for d in graph.documents},
        "speaker": {s.id for s in graph.speakers},
        "topic": {t.id for t in graph.topics},
        "question": {t.id for t in graph.topics}
        | {q.id for t in graph.topics for q in t.questions},
        "claim": ids.claims,
        "claim or relation": ids.claims_or_relations,
    }

    # Fuzzy suggestions compare a ref with every known id: memoised, and within a budget
    # of comparisons, so that thousands of dangling references stay fast.
    hints: dict[tuple[str, str], str] = {}
    budget = [_SUGGEST_BUDGET]

    def hint_for(kind: str, ref: str) -> str:
        if (kind, ref) not in hints:
            fallback = f"define {kind} '{ref}' under {_section(kind)}:"
            if budget[0] >= len(known[kind]):
                budget[0] -= len(known[kind])
                fallback = _suggest(ref, known[kind], fallback)
            hints[(kind, ref)] = fallback
        return hints[(kind, ref)]

    def unknown(kind: str, ref: str, owner: str, path: tuple[str | int, ...]) -> Iterator[Problem]:
        if ref not in known[kind]:
            yield Problem(
                f"{owner} names unknown {kind} '{ref}'",
                code="unknown-id",
                id=ref,
                path=path,
                hint=hint_for(kind, ref),
            )

    if _references_plainly_known(graph, ids, known):
        return
    speakers, documents = known["speaker"], known["document"]

    def all_known(att: Attribution | None) -> bool:
        return att is None or (att.speaker in speakers and att.document in documents)

    for i, claim in enumerate(graph.claims):
        if (
            not claim.stances
            and known["topic"].issuperset(claim.topics)
            and all(map(all_known, claim.attributions))
        ):
            continue  # the common case, without building owner names and paths
        owner = f"claim '{claim.id}'"
        for j, topic in enumerate(claim.topics):
            yield from unknown("topic", topic, owner, ("claims", i, "topics", j))
        for question in claim.stances:
            path = ("claims", i, "stances", question)
            asked_in = graph.topic_of_question(question)
            if asked_in is None:
                yield from unknown("question", question, owner, path)
            elif asked_in not in claim.topics:
                about = "topic" if asked_in == question else f"a question of topic '{asked_in}':"
                yield Problem(
                    f"{owner} answers {about} '{question}' but is not in topic '{asked_in}'",
                    code="unknown-id",
                    id=question,
                    path=path,
                    hint=f"add '{asked_in}' to the claim's topics, or remove the stance",
                )
        for j, att in enumerate(claim.attributions):
            base: tuple[str | int, ...] = ("claims", i, "attributions", j)
            yield from unknown("speaker", att.speaker, owner, (*base, "speaker"))
            yield from unknown("document", att.document, owner, (*base, "document"))
    claims, targets = known["claim"], known["claim or relation"]
    for i, rel in enumerate(graph.relations):
        if rel.source in claims and rel.target in targets and all_known(rel.attribution):
            continue
        owner = f"relation '{rel.key}'"
        yield from unknown("claim", rel.source, owner, ("relations", i, "source"))
        yield from unknown("claim or relation", rel.target, owner, ("relations", i, "target"))
        if rel.attribution is not None:
            base = ("relations", i, "attribution")
            yield from unknown("speaker", rel.attribution.speaker, owner, (*base, "speaker"))
            yield from unknown("document", rel.attribution.document, owner, (*base, "document"))


def _references_plainly_known(graph: ArgumentGraph, ids: _Ids, known: dict[str, set[str]]) -> bool:
    """True when every id a claim or relation names is known and no claim has stances.

    Set operations over whole sections: the common case costs no loop per item.
    """
    claims = graph.claims
    return (
        not any(map(attrgetter("stances"), claims))
        and known["topic"].issuperset(chain.from_iterable(map(attrgetter("topics"), claims)))
        and known["speaker"].issuperset(map(attrgetter("speaker"), ids.attributions))
        and known["document"].issuperset(ids.documents)
        and known["claim"].issuperset(ids.sources)
        and known["claim or relation"].issuperset(ids.targets)
    )


def _section(kind: str) -> str:
    if kind == "question":
        return "a topic's questions: (or use a topic id)"
    return "claims: or relations: (with an id)" if kind == "claim or relation" else kind + "s"


def _claim_rules(graph: ArgumentGraph) -> Iterator[Problem]:
    claims = graph.claims
    if all(map(str.strip, map(attrgetter("statement"), claims))) and all(
        map(attrgetter("attributions"), claims)
    ):
        return  # every statement says something and every claim is held: checked in C
    for i, claim in enumerate(claims):
        if not claim.statement.strip():
            yield Problem(
                f"claim '{claim.id}' has an empty statement",
                code="empty-statement",
                id=claim.id,
                path=("claims", i, "statement"),
                hint="state the proposition in one short sentence",
            )
        if not claim.attributions:
            yield Problem(
                f"claim '{claim.id}' has no attribution: nobody holds it",
                code="no-attribution",
                id=claim.id,
                path=("claims", i, "id"),
                hint="add attributions: [{speaker: ..., document: ..., quote: ...}]",
            )


def _relation_rules(graph: ArgumentGraph, ids: _Ids) -> Iterator[Problem]:
    relation_ids = ids.relations
    if _relations_plainly_fine(graph, ids):
        return
    kinds_by_pair: dict[tuple[str, str], dict[str, int]] = defaultdict(dict)
    for i, rel in enumerate(graph.relations):
        if rel.source == rel.target:
            yield Problem(
                f"relation '{rel.key}' relates '{rel.source}' to itself",
                code="self-relation",
                id=rel.key,
                path=("relations", i, "target"),
                hint="a claim cannot support or rebut itself; point target at another claim",
            )
            continue
        if rel.id is not None and rel.target == rel.id:
            yield Problem(
                f"relation '{rel.key}' undercuts itself",
                code="self-relation",
                id=rel.key,
                path=("relations", i, "target"),
                hint="an undercut attacks another relation; point target at that relation's id",
            )
            continue
        if rel.target in relation_ids and rel.kind != "rebuts":
            yield Problem(
                f"relation '{rel.key}' supports relation '{rel.target}'; only 'rebuts' "
                "may target a relation (an undercut)",
                code="invalid-value",
                id=rel.key,
                path=("relations", i, "kind"),
                hint="use kind: rebuts to attack the inference, or target a claim",
            )
        seen = kinds_by_pair[(rel.source, rel.target)]
        if rel.kind in seen:
            yield Problem(
                f"claims '{rel.source}' -> '{rel.target}' are related twice as '{rel.kind}' "
                f"(also relations[{seen[rel.kind]}])",
                code="duplicate-relation",
                id=rel.key,
                path=("relations", i, "source"),
                hint="keep one relation; several holders belong in the claims' attributions",
            )
        elif seen:
            other_kind, other_index = next(iter(seen.items()))
            yield Problem(
                f"'{rel.source}' both {other_kind} (relations[{other_index}]) "
                f"and {rel.kind} '{rel.target}'",
                code="contradictory-relation",
                id=rel.key,
                path=("relations", i, "kind"),
                hint="decide which one holds; if views differ, split the source claim in two",
            )
        seen.setdefault(rel.kind, i)


def _relations_plainly_fine(graph: ArgumentGraph, ids: _Ids) -> bool:
    """True when no rule of :func:`_relation_rules` can fire, checked with sets.

    Pairs all distinct (so none repeats or contradicts), none from a claim to itself,
    none that names itself, and only rebuttals target relations.
    """
    relation_ids = ids.relations
    sources, targets = ids.sources, ids.targets
    if not _all_distinct_pairs(sources, targets) or any(map(eq, sources, targets)):
        return False
    return not relation_ids or not any(
        r.target == r.id or (r.target in relation_ids and r.kind != "rebuts")
        for r in graph.relations
        if r.id is not None or r.target in relation_ids
    )


def _all_distinct_pairs(sources: Sequence[str], targets: Sequence[str]) -> bool:
    """Whether no ``(source, target)`` pair repeats.

    Pairs with distinct hashes are distinct: a set of 300k hashes (ints) costs two
    thirds of a set of the pairs, which is built only when two hashes agree.
    """
    pairs = zip(sources, targets, strict=True)
    if len(set(map(hash, pairs))) == len(sources):
        return True
    return len(set(zip(sources, targets, strict=True))) == len(sources)


def ground_quotes(graph: ArgumentGraph) -> list[Problem]:
    """Find every quote whose document text is known; record offsets; list the misses."""
    ids = _Ids(graph)
    return ground_attributions(graph, ids.attributions, ids.documents)


def _all_attributions(graph: ArgumentGraph) -> list[Attribution]:
    """Every attribution: the claims' in order, then the relations' (the order problems keep)."""
    claims = list(chain.from_iterable(map(attrgetter("attributions"), graph.claims)))
    return claims + _not_none(list(map(attrgetter("attribution"), graph.relations)))


def _not_none(items: list[_T | None]) -> list[_T]:
    """``items`` without the ``None`` s, filtered in C (most relations have no attribution)."""
    return list(compress(items, map(is_not, items, repeat(None))))  # type: ignore[arg-type]


def _suggest(ref: str, known: set[str], fallback: str) -> str:
    import difflib

    close = difflib.get_close_matches(ref, sorted(known), n=1, cutoff=0.6)
    if close:
        return f"did you mean '{close[0]}'? Otherwise {fallback}"
    return fallback
