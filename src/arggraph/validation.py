"""The rules a whole graph must keep, beyond the types of its fields.

:func:`all_problems` lists broken references and structure, then (unless told not to)
grounds quotes as :func:`ground_quotes` does: finds every quote in its document and
records the offsets. Both return
:class:`~arggraph.errors.Problem` objects whose ``path`` points into the graph
(``("claims", 4, "attributions", 0, "quote")``) so a loader can place them in a file.
"""

from __future__ import annotations

from collections import defaultdict, deque
from collections.abc import Iterable, Iterator, Sequence
from functools import cached_property
from itertools import chain, compress, repeat
from operator import attrgetter, eq, is_not, itemgetter, setitem
from typing import TYPE_CHECKING, Protocol, TypeVar

from arggraph.errors import InvalidGraphError, Problem
from arggraph.model import SEGMENT_JOINER
from arggraph.quotes import (
    QuoteMatch,
    find_quote,
    find_quotes,
    line_and_column,
    nearest_passage,
    quote_offsets,
)

if TYPE_CHECKING:
    from arggraph.model import ArgumentGraph, Attribution, Segment

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


def all_problems(graph: ArgumentGraph, *, check_quotes: bool = True) -> list[Problem]:
    """Every broken reference and structural rule in ``graph``, in section order, then
    (with ``check_quotes``) :func:`ground_quotes`'s misses; the columns both read (every
    attribution, its document) are read once."""
    ids = _Ids(graph)
    return _graph_problems(graph, ids) + (_ground_quotes(graph, ids) if check_quotes else [])


def _graph_problems(graph: ArgumentGraph, ids: _Ids) -> list[Problem]:
    return [
        *_duplicate_ids(graph, ids),
        *_shared_claim_relation_ids(ids),
        *_duplicate_question_ids(graph),
        *_unknown_references(graph, ids),
        *_claim_rules(graph),
        *_relation_rules(graph, ids),
    ]


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
    return _ground_quotes(graph, _Ids(graph))


def _ground_quotes(graph: ArgumentGraph, ids: _Ids) -> list[Problem]:
    # Each attribution is read once, in the order it was made (memory order), into
    # columns; only the columns are visited document by document, whose quotes are
    # looked up together (quote_offsets), one document's index live at a time.
    attributions = ids.attributions
    plain = list(map(_PLAIN.__eq__, map(_FLAGS, attributions)))
    quotes = list(map(_QUOTE, attributions))
    starts: list[int | None] = [None] * len(attributions)
    ends: list[int | None] = [None] * len(attributions)
    left: dict[str, list[int]] = {}
    for document, indices in _by_document(ids.documents).items():
        text = graph.text_of(document)
        if text is not None:
            missed = _ground_plain_quotes(text, quotes, plain, indices, (starts, ends))
            if missed:
                left[document] = missed
    grounded = list(map(is_not, starts, repeat(None)))
    _set_all_offsets(
        list(compress(attributions, grounded)), compress(starts, grounded), compress(ends, grounded)
    )
    if not left:
        return []
    return _explained_misses(graph, attributions, left)


def _all_attributions(graph: ArgumentGraph) -> list[Attribution]:
    """Every attribution: the claims' in order, then the relations' (the order problems keep)."""
    claims = list(chain.from_iterable(map(attrgetter("attributions"), graph.claims)))
    return claims + _not_none(list(map(attrgetter("attribution"), graph.relations)))


def _not_none(items: list[_T | None]) -> list[_T]:
    """``items`` without the ``None`` s, filtered in C (most relations have no attribution)."""
    return list(compress(items, map(is_not, items, repeat(None))))  # type: ignore[arg-type]


def _by_document(documents: Sequence[str]) -> dict[str, list[int]]:
    """The indices of ``documents`` (each attribution's) by document, in order (C loops)."""
    groups: dict[str, list[int]] = {document: [] for document in dict.fromkeys(documents)}
    deque(map(list.append, map(groups.__getitem__, documents), range(len(documents))), maxlen=0)
    return groups


def _attribution_places(graph: ArgumentGraph) -> list[tuple[int, int]]:
    """``(claim index, attribution index)`` of each of :func:`_all_attributions`.

    A relation's attribution has attribution index -1.
    """
    claims = [(i, j) for i, c in enumerate(graph.claims) for j in range(len(c.attributions))]
    relations = [(i, -1) for i, r in enumerate(graph.relations) if r.attribution is not None]
    return claims + relations


def _explained_misses(
    graph: ArgumentGraph, attributions: list[Attribution], left: dict[str, list[int]]
) -> list[Problem]:
    """Ground the attributions a batch did not (offsets, segments, misses); problems in order.

    ``left`` holds, by document, the indices into ``attributions`` still to ground.
    """
    places = _attribution_places(graph)
    found: list[tuple[int, Problem]] = []
    for document, indices in left.items():
        text = graph.text_of(document)
        if text is None:
            continue
        items = [attributions[k] for k in indices]
        find = _finder_for(text, items)
        for k, att in zip(indices, items, strict=True):
            owner, path = _owner_and_path(graph, places[k])
            problem = ground_attribution(att, text, owner, path, find=find)
            if problem is not None:
                found.append((k, problem))
    return [problem for _, problem in sorted(found, key=itemgetter(0))]


_PLAIN: tuple[bool, list[Segment], None, None] = (False, [], None, None)
"""``_FLAGS`` of a plain attribution: not implicit, no segments, no offsets given."""
_FLAGS = attrgetter("implicit", "segments", "start", "end")
_OFFSET_FIELDS = ("start", "end")
_OFFSETS = frozenset(_OFFSET_FIELDS)
_FIELDS_SET = attrgetter("__pydantic_fields_set__")
_SET_ATTRIBUTE = object.__setattr__
_QUOTE = attrgetter("quote")


def _ground_plain_quotes(
    text: str,
    quotes: list[str],
    plain: list[bool],
    indices: list[int],
    offsets: tuple[list[int | None], list[int | None]],
) -> list[int]:
    """Find the plain quotes (no offsets given, no segments) of ``text`` in a batch.

    ``indices`` are the attributions quoting ``text``; ``quotes`` and ``plain`` hold
    every attribution's quote and whether it is plain. The start and end of each
    quote found go to ``offsets`` (starts, ends) at its attribution's index. Returns
    the indices left for :func:`ground_attribution`: the others, and any plain quote
    not found (it explains the miss). Bulk operations (``map``, ``compress``) keep the
    per-quote work in C.
    """
    is_plain = list(map(plain.__getitem__, indices))
    mine = list(compress(indices, is_plain))
    found = quote_offsets(text, list(map(quotes.__getitem__, mine)))
    for column, values in zip(offsets, found, strict=True):
        deque(map(setitem, repeat(column), mine, values), maxlen=0)
    if all(is_plain) and None not in found[0]:
        return []
    starts = offsets[0]
    return [k for k in indices if starts[k] is None]


def _set_all_offsets(
    atts: list[Attribution], starts: Iterable[int | None], ends: Iterable[int | None]
) -> None:
    """:func:`_set_offsets` for each attribution and its start and end."""
    dicts = list(map(attrgetter("__dict__"), atts))
    deque(map(setitem, dicts, repeat("start"), starts), maxlen=0)
    deque(map(setitem, dicts, repeat("end"), ends), maxlen=0)
    # A new set, the old one's fields and the offsets: grown in place, a set of five
    # fields would rehash into a table twice as large (half a kilobyte more each).
    fields_set = map(set.union, map(_FIELDS_SET, atts), repeat(_OFFSETS))
    deque(map(_SET_ATTRIBUTE, atts, repeat("__pydantic_fields_set__"), fields_set), maxlen=0)


def _owner_and_path(
    graph: ArgumentGraph, place: tuple[int, int]
) -> tuple[str, tuple[str | int, ...]]:
    """Who an attribution belongs to (claim id or relation key) and its quote's path."""
    i, j = place
    if j < 0:
        return graph.relations[i].key, ("relations", i, "attribution", "quote")
    return graph.claims[i].id, ("claims", i, "attributions", j, "quote")


class QuoteFinder(Protocol):
    """What grounding looks quotes up with: :func:`~arggraph.quotes.find_quote`'s signature."""

    def __call__(self, text: str, quote: str, *, start: int | None = None) -> QuoteMatch | None:
        """Where ``quote`` occurs in ``text`` (at ``start``, if given)."""


def _finder_for(text: str, attributions: Sequence[Attribution]) -> QuoteFinder:
    """``find_quote`` on ``text``, with the quotes of ``attributions`` looked up in one batch."""
    quotes: list[str] = []
    for att in attributions:
        if not att.implicit:
            pieces: Sequence[Attribution | Segment] = att.segments or [att]
            quotes += [piece.quote for piece in pieces if piece.start is None]
    known = dict(zip(quotes, find_quotes(text, quotes), strict=True))

    def find(text: str, quote: str, *, start: int | None = None) -> QuoteMatch | None:
        if start is None and quote in known:
            return known[quote]
        return find_quote(text, quote, start=start)

    return find


def ground_attribution(
    att: Attribution,
    text: str,
    owner: str,
    path: tuple[str | int, ...],
    *,
    find: QuoteFinder = find_quote,
) -> Problem | None:
    """Set ``att.start``/``att.end`` from the text, or explain why the quote is not there.

    ``owner`` (a claim id or relation key) and ``path`` (into the graph) place the problem.
    Loaders also call it for items set aside by other problems, so that every changed
    quote is reported in the same run.

    An implicit attribution is not looked up: the text does not say it. A segmented one
    grounds each segment and spans from the first to the last. ``find`` looks quotes up
    (:func:`ground_quotes` passes one that has a document's quotes found in a batch).
    """
    if att.implicit:
        return _implicit_rules(att, owner, path)
    if att.segments:
        return _ground_segments(att, text, owner, path, find)
    return _ground_span(att, att, text, owner, path, find)


def _implicit_rules(att: Attribution, owner: str, path: tuple[str | int, ...]) -> Problem | None:
    """An implicit attribution quotes nothing, so it has neither offsets nor segments."""
    if att.segments or att.start is not None or att.end is not None:
        given = "segments" if att.segments else "start/end"
        return Problem(
            f"implicit attribution by '{att.speaker}' has {given}: an implicit claim is not "
            f"quoted from document '{att.document}'",
            code="invalid-value",
            id=owner,
            path=(*path[:-1], "segments" if att.segments else "start"),
            hint=f"remove {given}, or remove implicit: true if the document says it",
        )
    return None


def _ground_segments(
    att: Attribution, text: str, owner: str, path: tuple[str | int, ...], find: QuoteFinder
) -> Problem | None:
    joined = SEGMENT_JOINER.join(s.quote for s in att.segments)
    if att.quote != joined:
        return Problem(
            f"quote by '{att.speaker}' is not its segments joined by '{SEGMENT_JOINER}'",
            code="invalid-value",
            id=owner,
            path=path,
            hint=f'leave quote out (it is then "{_excerpt(joined, 60)}"), or make it so',
        )
    base = path[:-1]
    for k, segment in enumerate(att.segments):
        problem = _ground_span(segment, att, text, owner, (*base, "segments", k, "quote"), find)
        if problem is not None:
            return problem
    starts = [s.start for s in att.segments if s.start is not None]
    ends = [s.end for s in att.segments if s.end is not None]
    _set_offsets(att, min(starts), max(ends))
    return None


def _ground_span(
    att: Attribution | Segment,
    holder: Attribution,
    text: str,
    owner: str,
    path: tuple[str | int, ...],
    find: QuoteFinder,
) -> Problem | None:
    """Ground one exact quote: ``holder``'s own, or one of its segments."""
    match = find(text, att.quote, start=att.start)
    if match is None:
        elsewhere = find(text, att.quote) if att.start is not None else None
        if elsewhere is None:
            return _quote_miss(att, holder, text, owner, path)
        return Problem(
            f"quote by '{holder.speaker}' does not start at offset {att.start} "
            f"of document '{holder.document}'",
            code="quote-offset-mismatch",
            id=owner,
            path=(*path[:-1], "start"),
            hint=f"it occurs at offset {elsewhere.start}; fix start, or remove it to use the first",
        )
    if att.end is not None and att.end != match.end:
        return Problem(
            f"quote by '{holder.speaker}' ends at offset {match.end} of document "
            f"'{holder.document}', not {att.end}",
            code="quote-offset-mismatch",
            id=owner,
            path=(*path[:-1], "end"),
            hint="fix end, or remove start and end and let arggraph compute them",
        )
    _set_offsets(att, match.start, match.end)
    return None


def _set_offsets(att: Attribution | Segment, start: int, end: int) -> None:
    """``att.start, att.end = start, end`` as pydantic does it, without its per-call overhead.

    The models have no assignment validation, so pydantic's ``__setattr__`` only stores
    the value and marks the field set; for 100k quotes its overhead was a tenth of a load.
    """
    att.__dict__["start"], att.__dict__["end"] = start, end
    att.__pydantic_fields_set__.update(("start", "end"))


def _quote_miss(
    att: Attribution | Segment,
    holder: Attribution,
    text: str,
    owner: str,
    path: tuple[str | int, ...],
) -> Problem:
    near = nearest_passage(text, att.quote)
    if near is None or near.similarity < 0.3:
        hint = (
            "copy the words exactly from the document; nothing similar was found "
            "(if the document only implies the claim, mark the attribution implicit: true)"
        )
    else:
        line, column = line_and_column(text, near.start)
        hint = (
            f"nearest passage ({near.similarity:.0%} alike) at line {line}, column {column}, "
            f'offsets {near.start}-{near.end}: "{_excerpt(near.passage, 90)}"; '
            f'quote has "{near.quote_differs}" where the text has "{near.text_differs}"'
        )
    return Problem(
        f"quote by '{holder.speaker}' not found in document '{holder.document}': "
        f'"{_excerpt(att.quote, 60)}"',
        code="quote-not-found",
        id=owner,
        path=path,
        hint=hint,
    )


def _excerpt(text: str, width: int) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= width else flat[: width - 1] + "…"


def _suggest(ref: str, known: set[str], fallback: str) -> str:
    import difflib

    close = difflib.get_close_matches(ref, sorted(known), n=1, cutoff=0.6)
    if close:
        return f"did you mean '{close[0]}'? Otherwise {fallback}"
    return fallback
