"""Merging parsed graph files into one graph and checking it, every problem at once.

:func:`build_graph` merges the files' sections, sets aside items with type errors so
the rest is still checked, reads document texts, finds every quote (also those of
items set aside) and places each problem at its file, line and column. The ids and
references of set-aside items are checked too (:mod:`arggraph.io.set_aside`), and
references that a file which could not be read may define are summarised instead of
listed (:mod:`arggraph.io.unread_files`). Both run only when there are problems.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from operator import itemgetter
from pathlib import Path
from typing import Any, get_args

from pydantic import BaseModel, ValidationError

from arggraph.errors import InvalidGraphError, PathPart, Problem
from arggraph.grounding import ground_attribution
from arggraph.io.graph_files import SourceFile, display_path, read_text_file, type_name
from arggraph.io.set_aside import set_aside_reference_problems
from arggraph.io.unread_files import BadSection, hold_back_references
from arggraph.model import ID_PATTERN, ArgumentGraph, Attribution, GraphFile
from arggraph.validation import all_problems

SECTIONS = ("documents", "speakers", "topics", "claims", "relations")
_METADATA = ("arggraph", "title", "description")


@dataclass
class _Origin:
    """Where each merged list item came from: its file and index within that file's list.

    Kept per file as the merged index each file's items start at (one entry per file
    and section, not one per item): looked up only when a problem is placed.
    """

    starts: dict[str, list[tuple[int, int, SourceFile]]] = field(
        default_factory=lambda: {s: [] for s in SECTIONS}
    )

    def add(self, section: str, first: int, count: int, source: SourceFile) -> None:
        """``source``'s ``count`` items of ``section`` start at merged index ``first``."""
        self.starts[section].append((first, count, source))

    def item(self, section: str, index: int) -> tuple[SourceFile, int] | None:
        """The file and local index of merged item ``index`` of ``section``, if there is one."""
        runs = self.starts[section]
        k = bisect_right(runs, index, key=itemgetter(0)) - 1
        if k < 0 or index < 0:
            return None
        first, count, source = runs[k]
        return (source, index - first) if index - first < count else None

    def place(self, problem: Problem, files: Sequence[SourceFile]) -> Problem:
        path = problem.path
        if len(path) >= 2 and path[0] in self.starts and isinstance(path[1], int):
            found = self.item(str(path[0]), path[1])
            if found is not None:
                source, local = found
                return source.place(problem, (path[0], local, *path[2:]))
        return files[0].place(problem, path) if files else problem


def _merge(
    files: Sequence[SourceFile],
) -> tuple[dict[str, Any], _Origin, list[Problem], list[BadSection]]:
    merged: dict[str, Any] = {s: [] for s in SECTIONS}
    origin = _Origin()
    problems: list[Problem] = []
    bad_sections: list[BadSection] = []
    allowed = set(GraphFile.model_fields)
    for source in files:
        for key in source.data:
            if key not in allowed:
                problems.append(
                    source.place(
                        Problem(
                            f"unknown top-level field '{key}'",
                            code="unknown-field",
                            hint=_fields_hint(key, allowed),
                        ),
                        (key,),
                    )
                )
        for key in _METADATA:
            if key in source.data and key not in merged:
                merged[key] = source.data[key]
        for section in SECTIONS:
            items = source.data.get(section, [])
            if items is None:
                continue
            if not isinstance(items, list):
                problems.append(
                    source.place(
                        Problem(
                            f"'{section}' must be a list, not {type_name(items)}",
                            code="wrong-type",
                            hint=f"write {section}: followed by '- ' items",
                        ),
                        (section,),
                    )
                )
                bad_sections.append(BadSection(source, section, items))
                continue
            if items:
                origin.add(section, len(merged[section]), len(items), source)
                merged[section] += items
    return merged, origin, problems, bad_sections


def _fields_hint(key: str, allowed: Iterable[str]) -> str:
    import difflib

    names = sorted(allowed)
    close = difflib.get_close_matches(str(key), names, n=1)
    prefix = f"did you mean '{close[0]}'? " if close else ""
    return prefix + "fields allowed here: " + ", ".join(names)


_CODE_BY_PYDANTIC_TYPE = {
    "extra_forbidden": "unknown-field",
    "missing": "missing-field",
}


def _pydantic_problems(exc: ValidationError) -> list[Problem]:
    errors = exc.errors(include_url=False)
    siblings = _field_names_by_parent(errors)
    problems = []
    for error in errors:
        loc = tuple(error["loc"])
        kind = error["type"]
        code = _CODE_BY_PYDANTIC_TYPE.get(kind)
        if code is None:
            code = "wrong-type" if kind.endswith("_type") else "invalid-value"
        field_name = ".".join(str(p) for p in loc[2:]) or (str(loc[0]) if loc else "graph")
        message = _pydantic_message(error, field_name, code)
        hint = _pydantic_hint(error, code, siblings.get(loc[:-1], {}))
        problems.append(Problem(message, code=code, path=loc, hint=hint))
    return problems


def _field_names_by_parent(
    errors: Iterable[Any],
) -> dict[tuple[PathPart, ...], dict[str, set[str]]]:
    """Per item, the names of its unknown and of its missing fields (to pair a misspelling
    with the field it was meant to be: ``statment`` and ``statement``)."""
    names: dict[tuple[PathPart, ...], dict[str, set[str]]] = {}
    for error in errors:
        if error["type"] in _CODE_BY_PYDANTIC_TYPE and error["loc"]:
            loc = tuple(error["loc"])
            by_type = names.setdefault(loc[:-1], {"extra_forbidden": set(), "missing": set()})
            by_type[error["type"]].add(str(loc[-1]))
    return names


def _pydantic_message(error: Any, field_name: str, code: str) -> str:
    if code == "unknown-field":
        return f"unknown field '{error['loc'][-1]}'"
    if code == "missing-field":
        return f"missing required field '{error['loc'][-1]}'"
    got = type_name(error.get("input"))
    detail = error["msg"]
    if code == "wrong-type":
        return f"'{field_name}': {detail.lower()}, got {got}"
    if error["type"] == "literal_error" and isinstance(error.get("input"), str):
        return f"'{field_name}': {detail}, not '{error['input']}'"
    return f"'{field_name}': {detail}"


def _pydantic_hint(error: Any, code: str, siblings: dict[str, set[str]]) -> str | None:
    name = str(error["loc"][-1]) if error["loc"] else ""
    if code == "unknown-field":
        return _unknown_field_hint(tuple(error["loc"]), siblings.get("missing", set()))
    if code == "missing-field":
        meant = _closest(name, siblings.get("extra_forbidden", set()))
        if meant:
            return f"add '{name}:'; is '{meant}' (an unknown field here) a misspelling of it?"
        return f"add '{name}:'"
    if error["type"] == "literal_error":
        return _choice_hint(error)
    if error["type"] == "string_pattern_mismatch":
        if error.get("ctx", {}).get("pattern") == ID_PATTERN:
            return "ids use ASCII letters, digits and _ . : - and start with a letter or digit"
        if error["loc"] and error["loc"][-1] == "date":
            return "write the date as 2025, 2025-02 or 2025-02-11"
        return None
    if error["type"] == "string_type" and isinstance(error.get("input"), int | float | bool):
        return "put the value in quotes to make it text"
    return None


def _unknown_field_hint(loc: tuple[PathPart, ...], missing: set[str]) -> str:
    """Did-you-mean for an unknown field: a missing field of the same item first, then
    any field the item may have."""
    name = str(loc[-1])
    meant = _closest(name, missing)
    if meant:
        return f"did you mean '{meant}'? It is missing here: rename '{name}' to '{meant}'"
    model = _model_at(loc)
    if model is None:
        return "remove it or fix its spelling; docs/format.md lists the fields"
    return _fields_hint(name, model.model_fields)


def _choice_hint(error: Any) -> str:
    """For a value outside a fixed set (``kind: supprts``): the closest allowed value."""
    allowed = re.findall(r"'([^']*)'", str(error.get("ctx", {}).get("expected", "")))
    given = error.get("input")
    meant = _closest(str(given), set(allowed)) if isinstance(given, str) else None
    choice = "write one of: " + ", ".join(allowed)
    if len(error["loc"]) >= 2 and error["loc"][-2] == "stances":
        choice += " (pro and con are read as yes and no); leave the question out if the claim "
        choice += "does not answer it"
    return f"did you mean '{meant}'? Otherwise {choice}" if meant else choice


def _closest(name: str, candidates: Iterable[str]) -> str | None:
    import difflib

    close = difflib.get_close_matches(name, sorted(candidates), n=1, cutoff=0.6)
    return close[0] if close else None


def _model_at(loc: Sequence[PathPart]) -> type[BaseModel] | None:
    """The model whose field ``loc`` names (``Attribution`` for a claim's attribution)."""
    model: type[BaseModel] = ArgumentGraph
    for part in loc[:-1]:
        if isinstance(part, int):
            continue
        field_info = model.model_fields.get(str(part))
        inner = _model_in(field_info.annotation) if field_info else None
        if inner is None:
            return None
        model = inner
    return model


def _model_in(annotation: Any) -> type[BaseModel] | None:
    """The model inside a field's type (``list[Claim]``, ``Attribution | None``)."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for argument in get_args(annotation):
        found = _model_in(argument)
        if found is not None:
            return found
    return None


def _items_with_errors(problems: Iterable[Problem]) -> dict[str, set[int]]:
    bad: dict[str, set[int]] = {s: set() for s in SECTIONS}
    for problem in problems:
        path = problem.path
        if len(path) >= 2 and path[0] in bad and isinstance(path[1], int):
            bad[str(path[0])].add(path[1])
    return bad


def build_graph(
    files: Sequence[SourceFile],
    *,
    check_quotes: bool = True,
    read_problems: Sequence[Problem] = (),
) -> tuple[ArgumentGraph | None, list[Problem]]:
    """Merge parsed files into one graph and check it; return the graph and all problems.

    Items with type errors are set aside so that the rest can still be checked; their
    sound ids and references are checked all the same (a duplicate id, an unknown
    speaker), so one run reports all of an item's problems. ``read_problems`` are the
    problems met reading ``files`` and their includes: references that a file which
    could not be read may define are summarised in one note per file (the rule is
    :mod:`arggraph.io.unread_files`'s), not listed one by one.
    """
    merged, origin, problems, bad_sections = _merge(files)
    structural: list[Problem] = []
    kept: dict[str, list[int]] | None = None
    try:
        graph: ArgumentGraph | None = ArgumentGraph.model_validate(
            merged, context={"unchecked": True}
        )
    except ValidationError as exc:
        structural = _pydantic_problems(exc)
        graph, kept = _validate_without(merged, _items_with_errors(structural))
    problems += [origin.place(p, files) for p in structural]
    if graph is None:
        return None, problems
    bad = _items_with_errors(structural)
    texts, text_problems, sources = _read_document_texts(graph, origin, files, kept)
    more_texts, more_sources = _read_set_aside_texts(merged, bad, origin)
    problems += text_problems
    texts = {**more_texts, **texts}
    graph.attach_sources(texts, {**more_sources, **sources}, inputs=[f.path for f in files])
    if structural:
        found = _problems_with_set_aside(graph, merged, bad, kept, check_quotes=check_quotes)
    else:
        found = all_problems(graph, check_quotes=check_quotes)
    problems += [origin.place(p, files) for p in found]
    if check_quotes:
        problems += [origin.place(p, files) for p in _ground_set_aside(merged, bad, texts)]
    if read_problems or bad_sections:
        problems = hold_back_references(problems, files, read_problems, bad_sections)
    return graph, problems


def _problems_with_set_aside(
    graph: ArgumentGraph,
    merged: dict[str, Any],
    bad: dict[str, set[int]],
    kept: dict[str, list[int]] | None,
    *,
    check_quotes: bool,
) -> list[Problem]:
    """The rules for ``graph`` (items with type errors left out), and the id and
    reference rules for every item, set-aside ones included; paths into ``merged``."""
    references = set_aside_reference_problems(merged, bad, graph, kept) if kept else None
    found = all_problems(graph, check_quotes=check_quotes, references=references is None)
    if references is None:  # the set-aside items could not be patched: skip them
        dropped = _dropped_ids(merged, bad)
        found = [p for p in found if not (p.code == "unknown-id" and p.id in dropped)]
    return [_remap(p, kept) for p in found] + (references or [])


def _read_set_aside_texts(
    merged: dict[str, Any], bad: dict[str, set[int]], origin: _Origin
) -> tuple[dict[str, str], dict[str, Path]]:
    """Texts of documents set aside for another problem, so their quotes are still checked."""
    texts: dict[str, str] = {}
    sources: dict[str, Path] = {}
    for index in sorted(bad["documents"]):
        doc = merged["documents"][index]
        if not isinstance(doc, dict) or not isinstance(doc.get("id"), str):
            continue
        if ("text" in doc) == ("path" in doc):
            continue  # which text the quotes are in is itself the problem
        if isinstance(doc.get("text"), str):
            texts[doc["id"]] = doc["text"]
        elif isinstance(doc.get("path"), str) and doc["path"]:
            source = _document_file(origin, index)
            full = source.path.parent / doc["path"]
            try:
                texts[doc["id"]] = read_text_file(full, display_path(full))
                sources[doc["id"]] = full.resolve()
            except InvalidGraphError:
                continue  # the document is reported already; its file is a second problem
    return texts, sources


def _ground_set_aside(
    merged: dict[str, Any], bad: dict[str, set[int]], texts: dict[str, str]
) -> list[Problem]:
    """Quote problems of claims and relations set aside for another problem.

    A claim with a wrong field is left out of the graph, but its quotes can still be
    looked up wherever the attribution itself is sound and its document's text is known.
    """
    problems: list[Problem] = []
    for section in ("claims", "relations"):
        for index in sorted(bad[section]):
            item = merged[section][index]
            if not isinstance(item, dict):
                continue
            owner = str(item.get("id") or f"{item.get('source')}->{item.get('target')}")
            for where, raw in _raw_attributions(section, index, item):
                attribution = _attribution_or_none(raw)
                if attribution is None or attribution.document not in texts:
                    continue
                problem = ground_attribution(attribution, texts[attribution.document], owner, where)
                if problem is not None:
                    problems.append(problem)
    return problems


def _raw_attributions(
    section: str, index: int, item: dict[str, Any]
) -> list[tuple[tuple[PathPart, ...], Any]]:
    if section == "relations":
        return [((section, index, "attribution", "quote"), item.get("attribution"))]
    attributions = item.get("attributions")
    if not isinstance(attributions, list):
        return []
    return [
        ((section, index, "attributions", j, "quote"), raw) for j, raw in enumerate(attributions)
    ]


def _attribution_or_none(raw: Any) -> Attribution | None:
    """``raw`` as an attribution, unknown fields left out (they are reported already)."""
    if not isinstance(raw, dict):
        return None
    try:
        return Attribution.model_validate(
            {k: v for k, v in raw.items() if k in Attribution.model_fields}
        )
    except ValidationError:
        return None


def _validate_without(
    merged: dict[str, Any], bad: dict[str, set[int]]
) -> tuple[ArgumentGraph | None, dict[str, list[int]]]:
    """The graph without the items that failed validation, and the merged index of each kept one."""
    kept_index = {s: [i for i in range(len(merged[s])) if i not in bad[s]] for s in SECTIONS}
    kept = {k: v for k, v in merged.items() if k not in SECTIONS}
    for section in SECTIONS:
        kept[section] = [merged[section][i] for i in kept_index[section]]
    try:
        graph = ArgumentGraph.model_validate(kept, context={"unchecked": True})
    except ValidationError:
        return None, kept_index
    return graph, kept_index


def _remap(problem: Problem, kept: dict[str, list[int]] | None) -> Problem:
    """Translate a path into the filtered graph back into the merged lists, and the
    items a message names by index (``first as claims[1]``) too."""
    path = problem.path
    if kept is None:
        return problem
    message = problem.message
    if problem.code in _CODES_NAMING_ITEMS:
        message = _INDEX_IN_MESSAGE.sub(lambda m: _merged_index(m, kept), message)
    if len(path) < 2 or path[0] not in kept or not isinstance(path[1], int):
        return replace(problem, message=message)
    return replace(problem, message=message, path=(path[0], kept[str(path[0])][path[1]], *path[2:]))


_CODES_NAMING_ITEMS = frozenset({"duplicate-id", "duplicate-relation", "contradictory-relation"})
_INDEX_IN_MESSAGE = re.compile(r"\b(" + "|".join(SECTIONS) + r")\[(\d+)\]")


def _merged_index(found: re.Match[str], kept: dict[str, list[int]]) -> str:
    section, index = found.group(1), int(found.group(2))
    indices = kept[section]
    return f"{section}[{indices[index]}]" if index < len(indices) else found.group(0)


def _dropped_ids(merged: dict[str, Any], bad: dict[str, set[int]]) -> set[str]:
    ids = set()
    for section, indices in bad.items():
        for i in indices:
            item = merged[section][i]
            if isinstance(item, dict) and isinstance(item.get("id"), str):
                ids.add(item["id"])
    return ids


def _document_file(origin: _Origin, index: int) -> SourceFile:
    """The file that merged document ``index`` came from."""
    found = origin.item("documents", index)
    if found is None:
        raise IndexError(index)
    return found[0]


def _read_document_texts(
    graph: ArgumentGraph,
    origin: _Origin,
    files: Sequence[SourceFile],
    kept: dict[str, list[int]] | None,
) -> tuple[dict[str, str], list[Problem], dict[str, Path]]:
    texts: dict[str, str] = {}
    problems: list[Problem] = []
    sources: dict[str, Path] = {}
    for index, doc in enumerate(graph.documents):
        if doc.path is None:
            continue
        merged_index = kept["documents"][index] if kept else index
        source = _document_file(origin, merged_index)
        location = Path(doc.path)
        full = location if location.is_absolute() else source.path.parent / location
        sources[doc.id] = full.resolve()
        try:
            texts[doc.id] = read_text_file(full, display_path(full))
        except InvalidGraphError as exc:
            for inner in exc.problems:
                code = "missing-document" if inner.code == "unreadable-file" else inner.code
                where = f"{inner.location()}: " if inner.code == "not-utf8" else ""
                problems.append(
                    origin.place(
                        Problem(
                            f"document '{doc.id}': {where}{inner.message} ({display_path(full)})",
                            code=code,
                            id=doc.id,
                            hint=inner.hint,
                            path=("documents", merged_index, "path"),
                        ),
                        files,
                    )
                )
    return texts, problems, sources
