"""Reading and writing graphs in arggraph's own YAML and JSON formats.

``read_graph`` follows ``include:`` lists, merges the files, reads every document's
text and checks the whole graph. Every problem comes back at once, placed at its
file, line and column (see :class:`~arggraph.errors.Problem`). ``dump_*`` build
text, ``write_*`` write it atomically. The format is documented in ``docs/format.md``.

YAML is read with YAML 1.2 scalars, so ``no`` stays a string and dates stay text;
duplicate keys are errors rather than silently overwriting each other.

Example
-------
>>> import arggraph
>>> g = arggraph.load("graphs/deepseek.yaml")            # doctest: +SKIP
>>> print(arggraph.dump_json(g)[:40])                     # doctest: +SKIP
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import yaml
from pydantic import ValidationError
from yaml.composer import Composer, ComposerError
from yaml.events import (
    MappingEndEvent,
    MappingStartEvent,
    SequenceEndEvent,
    SequenceStartEvent,
    StreamEndEvent,
)

from arggraph.errors import InvalidGraphError, PathPart, Problem, sort_problems
from arggraph.io.atomic import write_text_atomic
from arggraph.model import ArgumentGraph, Attribution, GraphFile
from arggraph.validation import graph_problems, ground_attribution, ground_quotes

SECTIONS = ("documents", "speakers", "topics", "claims", "relations")
_METADATA = ("arggraph", "title", "description")

# --- YAML with YAML 1.2 scalars and no duplicate keys --------------------------------

_BaseLoader: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_BOOL = re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$")
_INT = re.compile(r"^[-+]?[0-9]+$")
_FLOAT = re.compile(
    r"^(?:[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?"
    r"|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$"
)
_NULL = re.compile(r"^(?:~|null|Null|NULL|)$")


class _Loader(_BaseLoader):  # type: ignore[misc]
    """Safe YAML loading with YAML 1.2 core-schema scalars and duplicate-key errors."""

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict[Any, Any]:
        seen: dict[Any, yaml.Node] = {}
        for key_node, _ in node.value:
            _check_key(self.construct_object(key_node, deep=deep), key_node, seen)
        return super().construct_mapping(node, deep=deep)  # type: ignore[no-any-return]


def _check_key(key: Any, key_node: yaml.Node, seen: dict[Any, yaml.Node]) -> None:
    """Refuse a mapping key that is not plain text or that repeats an earlier one."""
    if not isinstance(key, str | int | float | bool) and key is not None:
        raise _YamlProblemError("mapping keys must be plain text", key_node.start_mark)
    if key in seen:
        line = seen[key].start_mark.line + 1
        raise _YamlProblemError(
            f"duplicate key '{key}' (first on line {line})",
            key_node.start_mark,
            code="duplicate-key",
            hint="remove one of the two; a second value would silently replace the first",
        )
    seen[key] = key_node


_Loader.yaml_implicit_resolvers = {}
for _tag, _pattern, _first in (
    ("tag:yaml.org,2002:bool", _BOOL, "tTfF"),
    ("tag:yaml.org,2002:int", _INT, "-+0123456789"),
    ("tag:yaml.org,2002:float", _FLOAT, "-+0123456789.n"),
    ("tag:yaml.org,2002:null", _NULL, ["~", "n", "N", ""]),
):
    _Loader.add_implicit_resolver(_tag, _pattern, list(_first))


class _Dumper(getattr(yaml, "CSafeDumper", yaml.SafeDumper)):  # type: ignore[misc]
    """Safe YAML dumping that quotes every string a YAML 1.2 *or* 1.1 reader would not
    read back as a string (``0E0`` is a float in 1.2, ``yes`` a bool in 1.1)."""


for _tag, _pattern, _first in (
    ("tag:yaml.org,2002:bool", _BOOL, "tTfF"),
    ("tag:yaml.org,2002:int", _INT, "-+0123456789"),
    ("tag:yaml.org,2002:float", _FLOAT, "-+0123456789.n"),
    ("tag:yaml.org,2002:null", _NULL, ["~", "n", "N", ""]),
):
    _Dumper.add_implicit_resolver(_tag, _pattern, list(_first))


class _ItemLoader(_Loader, Composer):
    """:class:`_Loader` that composes one node at a time (Python composer on C events)."""

    def __init__(self, stream: str) -> None:
        super().__init__(stream)  # type: ignore[call-arg]  # _Loader's, not Composer's
        self.anchors = {}


def _load_yaml(text: str) -> Any:
    """``yaml.load(text, Loader=_Loader)``, one item of each top-level list at a time.

    PyYAML composes the whole document into nodes (each scalar with two marks) before
    building any data: for a large graph that is twice the memory of the data, and
    slow to collect. Here each item of a top-level list is composed, built and its
    nodes dropped before the next; anchors still reach across items.
    """
    loader: Any = _ItemLoader(text)
    try:
        loader.get_event()  # stream start
        if loader.check_event(StreamEndEvent):
            return None
        document = loader.get_event()
        if _plain(loader.peek_event(), MappingStartEvent):
            data = _load_top_mapping(loader)
        else:
            data = loader.construct_document(loader.compose_node(None, None))
        loader.get_event()  # document end
        if not loader.check_event(StreamEndEvent):
            raise ComposerError(
                "expected a single document in the stream",
                document.start_mark,
                "but found another document",
                loader.get_event().start_mark,
            )
        return data
    finally:
        loader.dispose()


def _plain(event: Any, kind: type[Any]) -> bool:
    return isinstance(event, kind) and event.anchor is None and event.tag is None


def _load_top_mapping(loader: Any) -> dict[Any, Any]:
    """The top-level mapping, with the same key checks as ``_Loader.construct_mapping``."""
    loader.get_event()
    data: dict[Any, Any] = {}
    seen: dict[Any, yaml.Node] = {}
    while not loader.check_event(MappingEndEvent):
        key_node = loader.compose_node(None, None)
        key = loader.construct_document(key_node)
        _check_key(key, key_node, seen)
        if _plain(loader.peek_event(), SequenceStartEvent):
            loader.get_event()
            items = []
            while not loader.check_event(SequenceEndEvent):
                items.append(loader.construct_document(loader.compose_node(None, None)))
            loader.get_event()
            data[key] = items
        else:
            data[key] = loader.construct_document(loader.compose_node(None, None))
    loader.get_event()
    return data


class _YamlProblemError(Exception):
    def __init__(
        self, message: str, mark: Any, *, code: str = "yaml-syntax", hint: str = ""
    ) -> None:
        super().__init__(message)
        self.message, self.mark, self.code, self.hint = message, mark, code, hint


# --- pure parsing --------------------------------------------------------------------


def parse_data(text: str, *, fmt: str, source: str) -> Any:
    """Parse YAML or JSON ``text``; syntax errors become a located :class:`InvalidGraphError`."""
    if fmt == "json":
        return parse_json(text, source=source)
    try:
        try:
            return _load_yaml(text)  # a SafeLoader: builds no objects
        except RecursionError:
            # Nested deeper than the Python composer recurses: libyaml's composer does not
            # recurse and reports nesting beyond 1000 levels as a located error.
            return yaml.load(text, Loader=_Loader)
    except _YamlProblemError as exc:
        problem = _yaml_problem(exc.message, exc.mark, source, exc.code, exc.hint)
        raise InvalidGraphError([problem]) from None
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        message = f"not valid YAML: {exc.problem or exc.context}"
        hint = "check indentation and quoting here; text with ': ' or '#' needs quotes"
        raise InvalidGraphError(
            [_yaml_problem(message, mark, source, "yaml-syntax", hint)]
        ) from None
    except yaml.YAMLError as exc:
        raise InvalidGraphError(
            [Problem(f"not valid YAML: {exc}", code="yaml-syntax", file=source)]
        ) from None


def parse_json(text: str, *, source: str) -> Any:
    """Parse JSON ``text``: every JSON reader's one path (graphs, AIF, node-link).

    Syntax errors, repeated keys and nesting too deep for Python's parser become a
    located :class:`InvalidGraphError` (``json-syntax`` or ``duplicate-key``).
    """
    try:
        return json.loads(text, object_pairs_hook=_unique_keys)
    except RecursionError:
        raise InvalidGraphError([json_nesting_problem(text, source)]) from None
    except _DuplicateJsonKeyError as exc:
        raise InvalidGraphError([_json_duplicate_problem(text, source, exc.key)]) from None
    except json.JSONDecodeError as exc:
        raise InvalidGraphError([json_syntax_problem(exc, source)]) from None


class _DuplicateJsonKeyError(Exception):
    def __init__(self, key: str) -> None:
        super().__init__(key)
        self.key = key


def _unique_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    """A JSON object as a dict; a repeated key raises instead of replacing the first value."""
    data: dict[str, Any] = {}
    for key, value in pairs:
        if key in data:
            raise _DuplicateJsonKeyError(key)
        data[key] = value
    return data


def _json_duplicate_problem(text: str, source: str, key: str) -> Problem:
    """The duplicate-key problem, placed by the YAML reader (JSON is YAML) where it can."""
    problem = Problem(
        f"duplicate key '{key}'",
        code="duplicate-key",
        file=source,
        hint="remove one of the two; a second value would silently replace the first",
    )
    try:
        yaml.load(text, Loader=_Loader)
    except _YamlProblemError as exc:
        if exc.code == "duplicate-key":
            return _yaml_problem(exc.message, exc.mark, source, exc.code, exc.hint)
    except (yaml.YAMLError, RecursionError):
        pass
    return problem


MAX_JSON_NESTING = 1000
_JSON_TOKEN = re.compile(r'"(?:[^"\\]|\\.)*"|[\[\]{}\n]', re.DOTALL)


def json_syntax_problem(exc: json.JSONDecodeError, source: str) -> Problem:
    """A located ``json-syntax`` problem for a JSON parse error (every JSON reader uses it)."""
    return Problem(
        f"not valid JSON: {exc.msg}",
        code="json-syntax",
        file=source,
        line=exc.lineno,
        column=exc.colno,
        hint="check brackets, commas and quotes around this place",
    )


def json_nesting_problem(text: str, source: str, *, limit: int = MAX_JSON_NESTING) -> Problem:
    """A located problem for JSON ``text`` nested too deep for Python's parser.

    Placed at the bracket where the nesting passes ``limit`` (or reaches its deepest).
    """
    depth = deepest = 0
    line, line_start = 1, 0
    where = (1, 1)
    for token in _JSON_TOKEN.finditer(text):
        char = token.group()
        if char == "\n":
            line, line_start = line + 1, token.end()
        elif char in "[{":
            depth += 1
            if depth > deepest and deepest <= limit:
                deepest, where = depth, (line, token.start() - line_start + 1)
        elif char in "]}":
            depth -= 1
    return Problem(
        f"not valid JSON here: nested more than {min(deepest, limit)} levels deep",
        code="json-syntax",
        file=source,
        line=where[0],
        column=where[1],
        hint=f"arggraph reads JSON nested at most {limit} levels; no graph needs more",
    )


def _yaml_problem(message: str, mark: Any, source: str, code: str, hint: str) -> Problem:
    line = mark.line + 1 if mark is not None else None
    column = mark.column + 1 if mark is not None else None
    return Problem(message, code=code, file=source, line=line, column=column, hint=hint or None)


def locate(text: str, path: Sequence[PathPart]) -> tuple[int, int] | None:
    """1-based (line, column) of the value at ``path`` in YAML/JSON ``text``, if found.

    For a key that is absent, the place of the nearest enclosing value is returned.
    """
    return locate_in(compose_tree(text), path)


def compose_tree(text: str) -> Any:
    """The YAML node tree of ``text`` (JSON is YAML), or ``None`` if it does not parse."""
    try:
        return yaml.compose(text, Loader=_Loader)
    except (yaml.YAMLError, RecursionError):
        return None


def locate_in(tree: Any, path: Sequence[PathPart]) -> tuple[int, int] | None:
    """1-based (line, column) of the value at ``path`` in a tree from :func:`compose_tree`."""
    node = tree
    if node is None:
        return None
    for part in path:
        child = _child(node, part)
        if child is None:
            break
        node = child
    return node.start_mark.line + 1, node.start_mark.column + 1


def _child(node: Any, part: PathPart) -> Any:
    if isinstance(node, yaml.SequenceNode) and isinstance(part, int):
        return node.value[part] if 0 <= part < len(node.value) else None
    if isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            if isinstance(key, yaml.ScalarNode) and key.value == str(part):
                return value
    return None


# --- reading files -------------------------------------------------------------------


@dataclass
class SourceFile:
    """One graph file as read: its path for messages, text and parsed data."""

    path: Path
    display: str
    text: str
    data: dict[str, Any]

    _position_cache: dict[tuple[PathPart, ...], tuple[int, int] | None] = field(
        default_factory=dict
    )
    # Composed once, on the first problem: composing per problem made n problems O(n^2).
    _tree: Any = field(default=None, repr=False)
    _composed: bool = False

    def place(self, problem: Problem, path: Sequence[PathPart]) -> Problem:
        """``problem`` located at ``path`` within this file."""
        key = tuple(path)
        if key not in self._position_cache:
            if not self._composed:
                self._tree, self._composed = compose_tree(self.text), True
            self._position_cache[key] = locate_in(self._tree, key)
        where = self._position_cache[key]
        line, column = where if where else (None, None)
        return problem.located(self.display, line, column)


def read_text_file(path: Path, display: str) -> str:
    """Read a UTF-8 text file (a leading BOM is dropped); problems raise a located error."""
    if path.exists() and not path.is_file() and not path.is_dir():
        # A device or pipe (/dev/zero, a FIFO) would never end or block forever.
        raise InvalidGraphError(
            [
                Problem(
                    "not a regular file (a device, pipe or socket)",
                    code="unreadable-file",
                    file=display,
                    hint="name a text file saved on disk",
                )
            ]
        )
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise InvalidGraphError(
            [
                Problem(
                    "file not found",
                    code="unreadable-file",
                    file=display,
                    hint="check the path; relative paths start at the file that names them",
                )
            ]
        ) from None
    except OSError as exc:
        raise InvalidGraphError(
            [
                Problem(
                    f"cannot read file: {exc.strerror}",
                    code="unreadable-file",
                    file=display,
                    hint="check that it is a readable file, not a folder",
                )
            ]
        ) from None
    return decode_utf8(raw, display)


def decode_utf8(raw: bytes, display: str) -> str:
    """``raw`` as text, or an error naming the line and byte of the first non-UTF-8 byte."""
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
        column = exc.start - (raw.rfind(b"\n", 0, exc.start) + 1) + 1
        raise InvalidGraphError(
            [
                Problem(
                    f"not UTF-8 text: byte 0x{raw[exc.start]:02x} at byte offset {exc.start}",
                    code="not-utf8",
                    file=display,
                    line=line,
                    column=column,
                    hint="re-save the file as UTF-8 (e.g. iconv -f latin1 -t utf-8)",
                )
            ]
        ) from None


def _format_of(path: Path) -> str:
    return "json" if path.suffix.lower() == ".json" else "yaml"


def _display(path: Path) -> str:
    try:
        return os.path.relpath(path)
    except ValueError:
        return str(path)


def _read_source(path: Path) -> SourceFile:
    display = _display(path)
    text = read_text_file(path, display)
    if not text.strip():
        raise InvalidGraphError(
            [
                Problem(
                    "the file is empty",
                    code="empty-file",
                    file=display,
                    hint="a graph file needs at least one of documents:, claims:, include: ...",
                )
            ]
        )
    data = parse_data(text, fmt=_format_of(path), source=display)
    source = SourceFile(path, display, text, data if isinstance(data, dict) else {})
    if not isinstance(data, dict):
        raise InvalidGraphError(
            [
                source.place(
                    Problem(
                        f"the top level must be a mapping, not {_type_name(data)}",
                        code="wrong-type",
                        hint="start with keys such as documents:, claims:",
                    ),
                    (),
                )
            ]
        )
    return source


def _type_name(value: Any) -> str:
    return {list: "a list", str: "text", int: "a number", float: "a number"}.get(
        type(value), type(value).__name__
    )


def _read_all(roots: Sequence[Path]) -> tuple[list[SourceFile], list[Problem]]:
    """Read the root files and everything they include, depth first, each file once."""
    files: list[SourceFile] = []
    problems: list[Problem] = []
    seen: set[Path] = set()

    def visit(path: Path, stack: tuple[Path, ...]) -> None:
        resolved = path.resolve()
        if resolved in stack:
            problems.append(
                Problem(
                    f"include cycle: {' -> '.join(_display(p) for p in (*stack, resolved))}",
                    code="include-cycle",
                    file=_display(path),
                    hint="remove one of the includes that close the loop",
                )
            )
            return
        if resolved in seen:
            return
        seen.add(resolved)
        try:
            source = _read_source(path)
        except InvalidGraphError as exc:
            problems.extend(exc.problems)
            return
        files.append(source)
        includes = source.data.get("include", [])
        if not isinstance(includes, list) or not all(isinstance(i, str) for i in includes):
            problems.append(
                source.place(
                    Problem(
                        "include must be a list of file paths",
                        code="wrong-type",
                        hint="include: [part1.yaml, part2.yaml]",
                    ),
                    ("include",),
                )
            )
            return
        for index, name in enumerate(includes):
            target = path.parent / name
            if not target.is_file():
                problems.append(
                    source.place(
                        Problem(
                            f"included file '{name}' not found",
                            code="unreadable-file",
                            hint=f"looked for {_display(target)}; paths are relative to this file",
                        ),
                        ("include", index),
                    )
                )
                continue
            visit(target, (*stack, resolved))

    for root in roots:
        visit(Path(root), ())
    return files, problems


# --- merging and checking ------------------------------------------------------------


@dataclass
class _Origin:
    """Where each merged list item came from: (file, index within that file's list)."""

    items: dict[str, list[tuple[SourceFile, int]]] = field(
        default_factory=lambda: {s: [] for s in SECTIONS}
    )

    def place(self, problem: Problem, files: Sequence[SourceFile]) -> Problem:
        path = problem.path
        if len(path) >= 2 and path[0] in self.items and isinstance(path[1], int):
            entries = self.items[str(path[0])]
            if 0 <= path[1] < len(entries):
                source, local = entries[path[1]]
                return source.place(problem, (path[0], local, *path[2:]))
        return files[0].place(problem, path) if files else problem


def _merge(files: Sequence[SourceFile]) -> tuple[dict[str, Any], _Origin, list[Problem]]:
    merged: dict[str, Any] = {s: [] for s in SECTIONS}
    origin = _Origin()
    problems: list[Problem] = []
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
                            f"'{section}' must be a list, not {_type_name(items)}",
                            code="wrong-type",
                            hint=f"write {section}: followed by '- ' items",
                        ),
                        (section,),
                    )
                )
                continue
            for local, item in enumerate(items):
                merged[section].append(item)
                origin.items[section].append((source, local))
    return merged, origin, problems


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
    problems = []
    for error in exc.errors(include_url=False):
        loc = tuple(error["loc"])
        kind = error["type"]
        code = _CODE_BY_PYDANTIC_TYPE.get(kind)
        if code is None:
            code = "wrong-type" if kind.endswith("_type") else "invalid-value"
        field_name = ".".join(str(p) for p in loc[2:]) or (str(loc[0]) if loc else "graph")
        message = _pydantic_message(error, field_name, code)
        problems.append(Problem(message, code=code, path=loc, hint=_pydantic_hint(error, code)))
    return problems


def _pydantic_message(error: Any, field_name: str, code: str) -> str:
    if code == "unknown-field":
        return f"unknown field '{error['loc'][-1]}'"
    if code == "missing-field":
        return f"missing required field '{error['loc'][-1]}'"
    got = _type_name(error.get("input"))
    detail = error["msg"]
    if code == "wrong-type":
        return f"'{field_name}': {detail.lower()}, got {got}"
    return f"'{field_name}': {detail}"


def _pydantic_hint(error: Any, code: str) -> str | None:
    if code == "unknown-field":
        return "remove it or fix its spelling; docs/format.md lists the fields"
    if code == "missing-field":
        return f"add '{error['loc'][-1]}:'"
    if error["type"] == "string_pattern_mismatch":
        return "ids use ASCII letters, digits and _ . : - and start with a letter or digit"
    if error["type"] == "string_type" and isinstance(error.get("input"), int | float | bool):
        return "put the value in quotes to make it text"
    return None


def _items_with_errors(problems: Iterable[Problem]) -> dict[str, set[int]]:
    bad: dict[str, set[int]] = {s: set() for s in SECTIONS}
    for problem in problems:
        path = problem.path
        if len(path) >= 2 and path[0] in bad and isinstance(path[1], int):
            bad[str(path[0])].add(path[1])
    return bad


def build_graph(
    files: Sequence[SourceFile], *, check_quotes: bool = True
) -> tuple[ArgumentGraph | None, list[Problem]]:
    """Merge parsed files into one graph and check it; return the graph and all problems.

    Items with type errors are set aside so that the rest can still be checked, and
    references to them are not reported a second time.
    """
    merged, origin, problems = _merge(files)
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
    found = graph_problems(graph) + (ground_quotes(graph) if check_quotes else [])
    dropped = _dropped_ids(merged, bad)
    found = [p for p in found if not (p.code == "unknown-id" and p.id in dropped)]
    problems += [origin.place(_remap(p, kept), files) for p in found]
    if check_quotes:
        problems += [origin.place(p, files) for p in _ground_set_aside(merged, bad, texts)]
    return graph, problems


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
            source, _ = origin.items["documents"][index]
            full = source.path.parent / doc["path"]
            try:
                texts[doc["id"]] = read_text_file(full, _display(full))
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
    """Translate a path into the filtered graph back into the merged lists."""
    path = problem.path
    if kept is None or len(path) < 2 or path[0] not in kept or not isinstance(path[1], int):
        return problem
    return replace(problem, path=(path[0], kept[str(path[0])][path[1]], *path[2:]))


def _dropped_ids(merged: dict[str, Any], bad: dict[str, set[int]]) -> set[str]:
    ids = set()
    for section, indices in bad.items():
        for i in indices:
            item = merged[section][i]
            if isinstance(item, dict) and isinstance(item.get("id"), str):
                ids.add(item["id"])
    return ids


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
        source, _ = origin.items["documents"][merged_index]
        location = Path(doc.path)
        full = location if location.is_absolute() else source.path.parent / location
        sources[doc.id] = full.resolve()
        try:
            texts[doc.id] = read_text_file(full, _display(full))
        except InvalidGraphError as exc:
            for inner in exc.problems:
                code = "missing-document" if inner.code == "unreadable-file" else inner.code
                where = f"{inner.location()}: " if inner.code == "not-utf8" else ""
                problems.append(
                    origin.place(
                        Problem(
                            f"document '{doc.id}': {where}{inner.message} ({_display(full)})",
                            code=code,
                            id=doc.id,
                            hint=inner.hint,
                            path=("documents", merged_index, "path"),
                        ),
                        files,
                    )
                )
    return texts, problems, sources


# --- public reading API --------------------------------------------------------------


def read_graph(
    paths: str | os.PathLike[str] | Sequence[str | os.PathLike[str]], *, check_quotes: bool = True
) -> ArgumentGraph:
    """Load, merge and check graph files (YAML or JSON); raise with every problem found.

    Parameters
    ----------
    paths
        One graph file, or several to merge. ``include:`` lists inside them are followed.
    check_quotes
        Find every quote in its document (default). Off only for speed on trusted data.

    Returns
    -------
    ArgumentGraph
        The checked graph, with quote offsets filled in and document texts attached.

    Raises
    ------
    InvalidGraphError
        With every problem, each placed at file, line and column.
    """
    roots = [Path(paths)] if isinstance(paths, str | os.PathLike) else [Path(p) for p in paths]
    files, problems = _read_all(roots)
    graph, more = build_graph(files, check_quotes=check_quotes)
    problems += more
    if problems or graph is None:
        raise InvalidGraphError(sort_problems(problems))
    return graph


def parse_graph(
    text: str,
    *,
    fmt: str = "yaml",
    base_dir: str | os.PathLike[str] = ".",
    source: str = "<string>",
) -> ArgumentGraph:
    """Parse one graph from ``text``; document paths are relative to ``base_dir``."""
    data = parse_data(text, fmt=fmt, source=source)
    file = SourceFile(Path(base_dir) / source, source, text, data if isinstance(data, dict) else {})
    if not isinstance(data, dict):
        raise InvalidGraphError(
            [Problem("the top level must be a mapping", code="wrong-type", file=source)]
        )
    if data.get("include"):
        raise InvalidGraphError(
            [
                file.place(
                    Problem("include: needs files; use read_graph", code="invalid-value"),
                    ("include",),
                )
            ]
        )
    graph, problems = build_graph([file])
    if problems or graph is None:
        raise InvalidGraphError(sort_problems(problems))
    return graph


# --- writing -------------------------------------------------------------------------


def graph_to_data(
    graph: ArgumentGraph, *, base_dir: str | os.PathLike[str] | None = None
) -> dict[str, Any]:
    """The graph as plain data in the file format's key order; ``None`` fields left out.

    With ``base_dir``, document paths are rewritten relative to it, so a file written
    there still finds the texts.
    """
    data: dict[str, Any] = graph.model_dump(mode="json", exclude_none=True)
    for claim in data["claims"]:
        for attribution in claim["attributions"]:
            _compact_attribution(attribution)
    for relation in data["relations"]:
        if "attribution" in relation:
            _compact_attribution(relation["attribution"])
    sources = graph.source_paths
    if base_dir is not None:
        for doc in data["documents"]:
            if doc["id"] in sources:
                doc["path"] = Path(
                    os.path.relpath(sources[doc["id"]], Path(base_dir).resolve())
                ).as_posix()
    return data


def _compact_attribution(attribution: dict[str, Any]) -> None:
    """Leave out defaults a reader fills in: flags that are false, no segments, a joined quote."""
    for flag in ("implicit", "asked"):
        if not attribution.get(flag):
            attribution.pop(flag, None)
    if attribution.get("segments"):
        attribution.pop("quote", None)
    else:
        attribution.pop("segments", None)


def dump_json(graph: ArgumentGraph, *, base_dir: str | os.PathLike[str] | None = None) -> str:
    """The graph as JSON text: fixed key order, two-space indent, UTF-8, final newline."""
    return json.dumps(graph_to_data(graph, base_dir=base_dir), ensure_ascii=False, indent=2) + "\n"


def dump_yaml(graph: ArgumentGraph, *, base_dir: str | os.PathLike[str] | None = None) -> str:
    """The graph as YAML text in the same key order as the JSON."""
    return yaml.dump(
        graph_to_data(graph, base_dir=base_dir),
        Dumper=_Dumper,
        sort_keys=False,
        allow_unicode=True,
        width=100,
    )


def write_graph(graph: ArgumentGraph, path: str | os.PathLike[str]) -> Path:
    """Write ``graph`` as JSON (``.json``) or YAML (other suffixes), atomically.

    Document paths are rewritten relative to the new file. Refuses to overwrite any
    file the graph was read from.
    """
    target = Path(path)
    base = target.resolve().parent
    text = (
        dump_json(graph, base_dir=base)
        if _format_of(target) == "json"
        else dump_yaml(graph, base_dir=base)
    )
    return write_text_atomic(target, text, inputs=graph.input_paths)
