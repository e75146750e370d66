"""Parsing YAML and JSON text, and placing problems in it by line and column.

:func:`parse_data` and :func:`parse_json` turn text into data or a located
:class:`~arggraph.errors.InvalidGraphError` (syntax, repeated keys, nesting too deep);
every JSON reader (graphs, AIF, node-link) goes through :func:`parse_json`.
:func:`locate` finds where a value sits in the text, for problems found later.
"""

from __future__ import annotations

import json
import re
import sys
from collections.abc import Sequence
from typing import Any

import yaml

from arggraph.errors import InvalidGraphError, PathPart, Problem
from arggraph.io.yaml_dialect import Loader, YamlProblemError, load_yaml


def parse_data(text: str, *, fmt: str, source: str) -> Any:
    """Parse YAML or JSON ``text``; syntax errors become a located :class:`InvalidGraphError`."""
    if fmt == "json":
        return parse_json(text, source=source)
    try:
        try:
            return load_yaml(text)  # a SafeLoader: builds no objects
        except RecursionError:
            # Nested deeper than the Python composer recurses: libyaml's composer does not
            # recurse and reports nesting beyond 1000 levels as a located error.
            return yaml.load(text, Loader=Loader)
    except YamlProblemError as exc:
        problem = _yaml_problem(exc.message, exc.mark, source, exc.code, exc.hint)
        raise InvalidGraphError([problem]) from None
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        message = f"not valid YAML: {exc.problem or exc.context}"
        raise InvalidGraphError(
            [_yaml_problem(message, mark, source, "yaml-syntax", _syntax_hint(text, mark))]
        ) from None
    except yaml.YAMLError as exc:
        raise InvalidGraphError(
            [Problem(f"not valid YAML: {exc}", code="yaml-syntax", file=source)]
        ) from None
    except ValueError as exc:
        if not _too_many_digits(exc):
            raise
        raise InvalidGraphError([_long_number_problem(text, source, exc, "yaml")]) from None


def parse_json(text: str, *, source: str) -> Any:
    """Parse JSON ``text``: every JSON reader's one path (graphs, AIF, node-link).

    Syntax errors, repeated keys and nesting too deep for Python's parser become a
    located :class:`InvalidGraphError` (``json-syntax`` or ``duplicate-key``). A
    top-level object is parsed section by section, repeats ruled out by counting
    colons (:func:`_sections_without_repeats`); anything else, and any section the
    count cannot clear, is parsed with a check per object.
    """
    try:
        data = _sections_without_repeats(text)
        return data if data is not None else json.loads(text, object_pairs_hook=_unique_keys)
    except RecursionError:
        raise InvalidGraphError([json_nesting_problem(text, source)]) from None
    except _DuplicateJsonKeyError as exc:
        raise InvalidGraphError([_json_duplicate_problem(text, source, exc.key)]) from None
    except json.JSONDecodeError as exc:
        raise InvalidGraphError([json_syntax_problem(exc, source)]) from None
    except ValueError as exc:
        if not _too_many_digits(exc):
            raise
        raise InvalidGraphError([_long_number_problem(text, source, exc, "json")]) from None


_LONG_NUMBER = re.compile(rf"-?\d{{{sys.get_int_max_str_digits() + 1},}}")


def _too_many_digits(exc: ValueError) -> bool:
    """Whether ``exc`` is Python's limit on reading long integers (over 4,300 digits)."""
    return "integer string conversion" in str(exc)


def _long_number_problem(text: str, source: str, exc: ValueError, fmt: str) -> Problem:
    """A located ``json-syntax`` or ``yaml-syntax`` problem for a number Python will not
    read: an integer of more digits than ``sys.get_int_max_str_digits()``."""
    found = _LONG_NUMBER.search(text)
    line = text.count("\n", 0, found.start()) + 1 if found else None
    column = found.start() - text.rfind("\n", 0, found.start()) if found else None
    return Problem(
        f"not valid {fmt.upper()} here: a number too long to read ({exc})",
        code=f"{fmt}-syntax",
        file=source,
        line=line,
        column=column,
        hint="write the value as a string (in quotes), or shorten it",
    )


class _DuplicateJsonKeyError(Exception):
    def __init__(self, key: str) -> None:
        super().__init__(key)
        self.key = key


_SPACE = re.compile(r"[ \t\n\r]*")


def _sections_without_repeats(text: str) -> dict[str, Any] | None:
    """``json.loads(text)`` of a top-level object, each of whose values is proven to
    repeat no key; ``None`` for any other text (the caller then parses it with the
    per-object check, which reports every problem as before).

    A hook per object costs half a parse. Instead each top-level value is parsed
    plainly while counting the keys kept: every key in the text has a ``:`` of its own,
    so when a value's text has no more colons than keys were kept, no repeat dropped a
    key (:func:`_no_more_colons_than_keys`). A value the count cannot clear is parsed
    again with the check, alone.
    """
    kept = 0

    def count_keys(obj: dict[str, Any]) -> dict[str, Any]:
        nonlocal kept
        kept += len(obj)
        return obj

    scan = json.JSONDecoder(object_hook=count_keys).raw_decode

    def skip_space(position: int) -> int:
        return _SPACE.match(text, position).end()  # type: ignore[union-attr]  # * matches

    data: dict[str, Any] = {}
    position = skip_space(0)
    if not text.startswith("{", position):
        return None
    position = skip_space(position + 1)
    try:
        while not (position < len(text) and text[position] == "}" and not data):
            if not text.startswith('"', position):
                return None
            key, position = scan(text, position)
            position = skip_space(position)
            if key in data or not text.startswith(":", position):
                return None
            start = skip_space(position + 1)
            before = kept
            data[key], position = scan(text, start)
            if not _no_more_colons_than_keys(text, start, position, kept - before):
                data[key] = json.loads(text[start:position], object_pairs_hook=_unique_keys)
            position = skip_space(position)
            if not text.startswith(",", position):
                break
            position = skip_space(position + 1)
    except (ValueError, RecursionError):  # JSONDecodeError is a ValueError
        return None
    if not text.startswith("}", position) or skip_space(position + 1) != len(text):
        return None
    return data


_SPACED_COLON = re.compile(r'"[ \t\n\r]+:')


def _no_more_colons_than_keys(text: str, start: int, end: int, keys: int) -> bool:
    """Whether ``text[start:end]`` has no more key colons than the ``keys`` kept from it.

    Every colon counts first (fastest). Prose often holds colons, so if that count is
    over, only the colons right after a ``"`` count: each key's colon is one (a key ends
    with ``"``), and inside a string a ``"`` is escaped, so few others are. Either count
    is at least the keys in the text, so equality proves none repeated.
    """
    if text.count(":", start, end) == keys:
        return True
    return _SPACED_COLON.search(text, start, end) is None and text.count('":', start, end) == keys


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
        yaml.load(text, Loader=Loader)
    except YamlProblemError as exc:
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


def _syntax_hint(text: str, mark: Any) -> str:
    """The fix for a YAML syntax error: a tab where indentation belongs, or quoting.

    PyYAML says "cannot start any token" or "a tab character that violates
    indentation" when a line is indented with a tab; neither says YAML needs spaces.
    """
    if mark is not None and _char_at(text, mark.line, mark.column) == "\t":
        return "a tab is used for indentation here; YAML needs spaces, so replace each tab"
    return "check indentation and quoting here; text with ': ' or '#' needs quotes"


def _char_at(text: str, line: int, column: int) -> str:
    """The character at 0-based ``line`` and ``column`` of ``text``, or '' past its end."""
    lines = text.split("\n", line + 1)
    return lines[line][column : column + 1] if line < len(lines) else ""


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
        return yaml.compose(text, Loader=Loader)
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
