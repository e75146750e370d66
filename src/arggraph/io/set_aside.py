"""Checking the ids and references of items set aside for a type error.

A claim with ``stances: {compute: maybe}`` cannot be part of the graph, but its id,
topics and speakers are sound: a user should hear about a duplicate id or an unknown
speaker in the same run, not after fixing ``maybe``. :func:`set_aside_reference_problems`
patches each set-aside item into shape (every invalid value replaced by a placeholder,
every unknown field dropped), checks ids and references of the whole patched graph
with :func:`~arggraph.validation.reference_problems`, and keeps only what the sound
parts say: a problem about a placeholder is dropped, and an owner shown by placeholder
is named by the value the file gave (``claim 'c 2'``, or ``'?'`` when there was none).
Messages and paths are the ones the same item gets when it has no type error.

Only ids and references are checked this way; the other rules (empty statement,
self-relation, ...) see set-aside items once their type errors are fixed.
"""

from __future__ import annotations

import copy
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from pydantic import BaseModel, ValidationError

from arggraph.errors import PathPart, Problem
from arggraph.model import ArgumentGraph, Claim, Document, Relation, Speaker, Topic
from arggraph.validation import reference_problems

_MODELS: dict[str, type[BaseModel]] = {
    "documents": Document,
    "speakers": Speaker,
    "topics": Topic,
    "claims": Claim,
    "relations": Relation,
}
_REFERENCE_FIELDS = frozenset({"id", "source", "target", "speaker", "document"})
_PATCH_ROUNDS = 6  # each round fixes one level of nesting; items are at most 4 deep
_TAG = "x7q"
_PLACEHOLDER = re.compile(rf"0-set-aside-\d+-{_TAG}")


@dataclass
class _Placeholders:
    """Ids made up for invalid or missing values, and what each stands for in messages."""

    shown: dict[str, str] = field(default_factory=dict)

    def new(self, instead_of: Any) -> str:
        token = f"0-set-aside-{len(self.shown)}-{_TAG}"
        self.shown[token] = instead_of if isinstance(instead_of, str) and instead_of else "?"
        return token

    def owns(self, value: Any) -> bool:
        return isinstance(value, str) and value in self.shown

    def show(self, text: str) -> str:
        """``text`` with each placeholder replaced by the value it stands for."""
        return _PLACEHOLDER.sub(lambda m: self.shown.get(m.group(0), "?"), text)


def set_aside_reference_problems(
    merged: dict[str, Any],
    bad: dict[str, set[int]],
    graph: ArgumentGraph,
    kept: dict[str, list[int]],
) -> list[Problem] | None:
    """Id and reference problems of the whole graph, set-aside items included.

    ``merged`` holds every item as read, ``bad`` the indices of those with type
    errors, ``graph`` the graph without them and ``kept`` the merged index of each of
    its items. Paths point into ``merged``. ``None`` when the items cannot be patched
    (the caller then checks the graph without them).
    """
    placeholders = _Placeholders()
    unusable_ids: set[str] = set()
    sections: dict[str, list[Any]] = {}
    for section, model in _MODELS.items():
        items: list[Any] = list(getattr(graph, section))
        if bad[section]:
            items = _merged_order(items, kept[section], len(merged[section]))
            for index in bad[section]:
                raw = merged[section][index]
                patched = _patched_item(model, raw, placeholders)
                if patched is None:
                    return None
                items[index] = patched
                if _id_replaced(raw, patched, placeholders):
                    unusable_ids.add(raw["id"])
        sections[section] = items
    # The kept items are validated already: only the patched ones were validated here.
    whole = ArgumentGraph.model_construct(
        documents=sections["documents"],
        speakers=sections["speakers"],
        topics=sections["topics"],
        claims=sections["claims"],
        relations=sections["relations"],
    )
    return [
        _shown(problem, placeholders)
        for problem in reference_problems(whole)
        if not placeholders.owns(problem.id)
        and not (problem.code == "unknown-id" and problem.id in unusable_ids)
    ]


def _merged_order(items: Sequence[Any], positions: Sequence[int], size: int) -> list[Any]:
    """``items`` placed at their merged ``positions`` in a list of ``size`` (gaps ``None``)."""
    placed: list[Any] = [None] * size
    for position, item in zip(positions, items, strict=True):
        placed[position] = item
    return placed


def _id_replaced(raw: Any, patched: BaseModel, placeholders: _Placeholders) -> bool:
    """Whether ``raw``'s id (text, but not a valid id) had to be replaced by a placeholder."""
    return (
        isinstance(raw, dict)
        and isinstance(raw.get("id"), str)
        and placeholders.owns(getattr(patched, "id", None))
    )


def _shown(problem: Problem, placeholders: _Placeholders) -> Problem:
    if not placeholders.shown or "-set-aside-" not in problem.message:
        return problem
    return Problem(
        placeholders.show(problem.message),
        code=problem.code,
        id=problem.id,
        hint=placeholders.show(problem.hint) if problem.hint else None,
        path=problem.path,
    )


def _patched_item(
    model: type[BaseModel], raw: Any, placeholders: _Placeholders
) -> BaseModel | None:
    """``raw`` with every invalid part replaced, or a bare item keeping only its id."""
    patched = _patch_until_valid(model, raw, placeholders)
    if patched is None:
        bare = {"id": raw["id"]} if isinstance(raw, dict) and "id" in raw else {}
        patched = _patch_until_valid(model, bare, placeholders)
    return patched


def _patch_until_valid(
    model: type[BaseModel], raw: Any, placeholders: _Placeholders
) -> BaseModel | None:
    if not isinstance(raw, dict):
        return None
    item = copy.deepcopy(raw)
    for _ in range(_PATCH_ROUNDS):
        try:
            return model.model_validate(item)
        except ValidationError as exc:
            errors = exc.errors(include_url=False)
        patched = [_patch(item, tuple(e["loc"]), e["type"], placeholders) for e in errors]
        if not all(patched):
            return None
    return None


def _patch(
    item: dict[str, Any], loc: tuple[PathPart, ...], kind: str, placeholders: _Placeholders
) -> bool:
    """Make the value at ``loc`` valid (or drop it); ``False`` when that is not possible."""
    try:
        if not loc:
            return _patch_whole(item)
        if loc[-1] == "[key]":  # an invalid key of a mapping, e.g. a stance on 'bad key'
            del _walk(item, loc[:-2])[loc[-2]]
            return True
        parent, key = _walk(item, loc[:-1]), loc[-1]
        if kind == "extra_forbidden":
            del parent[key]
        elif kind == "missing":
            parent[key] = "supports" if key == "kind" else placeholders.new(None)
        elif isinstance(parent, list) and isinstance(key, int):
            old = parent[key]
            parent[key] = {} if placeholders.owns(old) else placeholders.new(old)
        elif len(loc) >= 2 and loc[-2] == "stances":
            parent[key] = "yes"  # the question is sound; only the answer is not
        elif key in _REFERENCE_FIELDS:
            parent[key] = placeholders.new(parent[key])
        else:
            del parent[key]  # optional: gone; required: filled in the next round
    except (KeyError, IndexError, TypeError):
        return False
    return True


def _patch_whole(item: dict[str, Any]) -> bool:
    """A rule of the whole item failed: a document gives both or neither of path and text."""
    if "path" in item and "text" in item:
        del item["path"]
    else:
        item["text"] = ""
    return True


def _walk(item: Any, path: Sequence[PathPart]) -> Any:
    node = item
    for part in path:
        node = node[part]
    return node
