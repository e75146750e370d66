"""The checked graph of AIF data the importer made itself, without validating it again.

:mod:`arggraph.io.aif` makes every item with all its model's fields, of the right
types, from ids it made safe; pydantic's validation of half a million such items
would only re-check that, at the cost of the rest of the import. So the items are
wrapped in their models as they are (as :func:`arggraph.analysis.results.built` does
for results), and the graph's own rules (:func:`arggraph.validation.check_graph`:
references, duplicates, every quote grounded) run as for any graph. Two model rules
depend on input: ids (pattern, length) and texts that must say something; they are
tested first, in bulk. Should either fail, or the graph's rules find a problem, the
same data goes through :func:`build_imported`, which validates and places every
problem in its file, line and node as it always has.
"""

from __future__ import annotations

import re
from collections import deque
from collections.abc import Iterable
from itertools import chain, islice, repeat
from operator import itemgetter, setitem
from typing import Any, TypeVar

from pydantic import BaseModel

from arggraph.errors import InvalidGraphError
from arggraph.io.formats import ImportedData, build_imported
from arggraph.model import (
    ID_MAX_LENGTH,
    ID_PATTERN,
    ArgumentGraph,
    Attribution,
    Claim,
    Document,
    Relation,
    Speaker,
)
from arggraph.validation import check_graph

_M = TypeVar("_M", bound=BaseModel)
_ID = ID_PATTERN.removeprefix("^").removesuffix("$")
_IDS_LINES = re.compile(f"(?:{_ID}\n)*{_ID}")
"""Valid ids, one a line: all of a graph's tested in one scan."""
_IDS = itemgetter("id")
_ATTRIBUTIONS = itemgetter("attributions")
_ATTRIBUTION = itemgetter("attribution")
_QUOTE = itemgetter("quote")
_new = object.__new__
_set = object.__setattr__
_EVERY_FIELD: dict[type[BaseModel], set[str]] = {}


def graph_of(imported: ImportedData) -> ArgumentGraph:
    """The checked graph of ``imported``; problems raise a located ``FormatError``.

    The items' dicts become the models' fields in place (attributions wrapped inside
    their claims and relations); when a rule fails they are put back as they were. So
    ``imported`` is used up: a second call on it fails.
    """
    sections = imported.sections
    if sections["topics"] or not _fields_valid(sections):
        return build_imported(imported)
    claims, relations = sections["claims"], sections["relations"]
    held = list(map(_ATTRIBUTIONS, claims))
    attributed = [r for r in relations if r["attribution"] is not None]
    drawn = list(map(_ATTRIBUTION, attributed))
    wrapped = _wrapped(Attribution, list(chain.from_iterable(held)))
    _set_each(claims, "attributions", _split_like(wrapped, held))
    _set_each(attributed, "attribution", _wrapped(Attribution, drawn))
    graph = ArgumentGraph.model_construct(
        documents=_wrapped(Document, sections["documents"]),
        speakers=_wrapped(Speaker, sections["speakers"]),
        claims=_wrapped(Claim, claims),
        relations=_wrapped(Relation, relations),
    )
    texts = dict(imported.texts)
    for document in graph.documents:
        if document.text is not None:
            texts.setdefault(document.id, document.text)
    graph._texts = texts
    try:
        check_graph(graph)
    except InvalidGraphError:
        _set_each(claims, "attributions", held)
        _set_each(attributed, "attribution", drawn)
        for attribution in chain(chain.from_iterable(held), drawn):
            attribution["start"] = attribution["end"] = None  # as imported: AIF has no offsets
        return build_imported(imported)  # validates again, and says where each problem is
    graph.attach_sources(imported.texts, imported.sources, inputs=imported.inputs)
    return graph


def _fields_valid(sections: dict[str, list[dict[str, Any]]]) -> bool:
    """True when every id the sections define is a valid id and every text that must say
    something does: what validation would check of the importer's own data."""
    relations = sections["relations"]
    defined = [
        i
        for i in chain(
            map(_IDS, sections["documents"]),
            map(_IDS, sections["speakers"]),
            map(_IDS, sections["claims"]),
            map(_IDS, relations),
        )
        if i is not None  # a relation without an id is known by its ends
    ]
    drawn = filter(None, map(_ATTRIBUTION, relations))
    said = chain(
        map(_QUOTE, chain.from_iterable(map(_ATTRIBUTIONS, sections["claims"]))),
        map(_QUOTE, drawn),
        map(itemgetter("name"), sections["speakers"]),
        map(itemgetter("title"), sections["documents"]),
    )
    return (
        _ids_valid(defined)
        and max(map(len, defined), default=0) <= ID_MAX_LENGTH
        and all(map(str.strip, said))
    )


def _ids_valid(ids: list[str]) -> bool:
    """True when every id matches the model's id pattern (one scan of the ids joined)."""
    lines = "\n".join(ids)
    return not ids or (lines.count("\n") == len(ids) - 1 and bool(_IDS_LINES.fullmatch(lines)))


def _split_like(items: list[_M], lists: list[list[Any]]) -> list[list[_M]]:
    """``items`` cut into lists as long as each of ``lists`` (whose items they replace)."""
    if all(map((1).__eq__, map(len, lists))):  # one attribution a claim: most imports
        return list(map(list, zip(items, strict=True)))
    each = iter(items)
    return [list(islice(each, len(original))) for original in lists]


def _set_each(items: list[dict[str, Any]], key: str, values: Iterable[Any]) -> None:
    deque(map(setitem, items, repeat(key), values), maxlen=0)


def _wrapped(cls: type[_M], each_fields: list[dict[str, Any]]) -> list[_M]:
    """Models holding each ``fields`` (every field, in the model's order) as they are:
    what ``model_construct`` does, without a Python call per item."""
    every = _EVERY_FIELD.get(cls)  # one set shared by every item: never changed in place
    if every is None:
        every = _EVERY_FIELD[cls] = set(cls.model_fields)
    items: list[_M] = list(map(_new, repeat(cls, len(each_fields))))
    deque(map(_set, items, repeat("__dict__"), each_fields), maxlen=0)
    deque(map(_set, items, repeat("__pydantic_fields_set__"), repeat(every)), maxlen=0)
    deque(map(_set, items, repeat("__pydantic_extra__"), repeat(None)), maxlen=0)
    deque(map(_set, items, repeat("__pydantic_private__"), repeat(None)), maxlen=0)
    return items
