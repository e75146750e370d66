"""arggraph's YAML dialect: YAML 1.2 scalars, no duplicate keys, one list item at a time.

``no`` stays a string and dates stay text (YAML 1.2 core-schema scalars); a repeated
key is an error with its place (:class:`YamlProblemError`) instead of silently
replacing the first value. :class:`Dumper` quotes every string a YAML 1.1 or 1.2
reader would read as something else. :func:`load_yaml` builds a large graph one item
of each top-level list at a time.
"""

from __future__ import annotations

import re
from typing import Any

import yaml
from yaml.composer import Composer, ComposerError
from yaml.events import (
    MappingEndEvent,
    MappingStartEvent,
    ScalarEvent,
    SequenceEndEvent,
    SequenceStartEvent,
    StreamEndEvent,
)

_BaseLoader: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_BOOL = re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$")
_INT = re.compile(r"^(?:[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+)$")
_FLOAT = re.compile(
    r"^(?:[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?"
    r"|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$"
)
_NULL = re.compile(r"^(?:~|null|Null|NULL|)$")
_INT_TAG = "tag:yaml.org,2002:int"
_RESOLVERS: tuple[tuple[str, re.Pattern[str], str | list[str]], ...] = (
    ("tag:yaml.org,2002:bool", _BOOL, "tTfF"),
    (_INT_TAG, _INT, "-+0123456789"),
    ("tag:yaml.org,2002:float", _FLOAT, "-+0123456789.n"),
    ("tag:yaml.org,2002:null", _NULL, ["~", "n", "N", ""]),
)
"""YAML 1.2 core-schema types of plain scalars: tag, pattern, first characters."""


class Loader(_BaseLoader):  # type: ignore[misc]
    """Safe YAML loading with YAML 1.2 core-schema scalars and duplicate-key errors."""

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict[Any, Any]:
        seen: dict[Any, yaml.Node] = {}
        for key_node, _ in node.value:
            _check_key(self.construct_object(key_node, deep=deep), key_node, seen)
        return super().construct_mapping(node, deep=deep)  # type: ignore[no-any-return]

    def construct_object(self, node: yaml.Node, deep: bool = False) -> Any:
        """PyYAML's, with a scalar its explicit tag cannot read (``!!int abc``) reported
        at its place instead of escaping as a bare ``ValueError`` or ``KeyError``."""
        try:
            return super().construct_object(node, deep=deep)
        except (ValueError, KeyError, AttributeError, TypeError):
            if node.tag == _INT_TAG and _INT.match(node.value):
                raise  # a well-formed integer too long for Python: parsing places it
            raise YamlProblemError(
                f"{node.value!r} cannot be read as {node.tag.rsplit(':', 1)[-1]}",
                node.start_mark,
                hint="remove the tag, or write a value of that type",
            ) from None


def _construct_int(loader: Any, node: yaml.ScalarNode) -> int:
    """A YAML 1.2 core-schema integer: ``012`` is twelve (PyYAML's 1.1 rule made it
    octal ten), ``0o17`` octal and ``0x1F`` hexadecimal.

    >>> load_yaml("[012, -7, 0o17, 0x1F]")
    [12, -7, 15, 31]
    """
    text = loader.construct_scalar(node)
    if text[:2] in ("0o", "0x"):
        return int(text[2:], 8 if text[1] == "o" else 16)
    return int(text, 10)


Loader.add_constructor(_INT_TAG, _construct_int)


def _check_key(key: Any, key_node: yaml.Node, seen: dict[Any, yaml.Node]) -> None:
    """Refuse a mapping key that is not plain text or that repeats an earlier one."""
    if not isinstance(key, str | int | float | bool) and key is not None:
        raise YamlProblemError("mapping keys must be plain text", key_node.start_mark)
    if key in seen:
        line = seen[key].start_mark.line + 1
        raise YamlProblemError(
            f"duplicate key '{key}' (first on line {line})",
            key_node.start_mark,
            code="duplicate-key",
            hint="remove one of the two; a second value would silently replace the first",
        )
    seen[key] = key_node


Loader.yaml_implicit_resolvers = {}
for _tag, _pattern, _first in _RESOLVERS:
    Loader.add_implicit_resolver(_tag, _pattern, list(_first))


class Dumper(getattr(yaml, "CSafeDumper", yaml.SafeDumper)):  # type: ignore[misc]
    """Safe YAML dumping that quotes every string a YAML 1.2 *or* 1.1 reader would not
    read back as a string (``0E0`` is a float in 1.2, ``yes`` a bool in 1.1)."""


for _tag, _pattern, _first in _RESOLVERS:
    Dumper.add_implicit_resolver(_tag, _pattern, list(_first))


class _ItemLoader(Loader, Composer):
    """:class:`Loader` that composes one node at a time (Python composer on C events)."""

    def __init__(self, stream: str) -> None:
        super().__init__(stream)  # type: ignore[call-arg]  # Loader's, not Composer's
        self.anchors = {}


def load_yaml(text: str) -> Any:
    """``yaml.load(text, Loader=Loader)``: built straight from libyaml's events when the
    text is plain data, else (anchors, tags, any problem) one top-level item at a time.

    The two give the same data; problems always come from the second, with its marks.
    """
    try:
        return _load_plain(text)
    except _NotPlainError:
        return load_yaml_items(text)


class _NotPlainError(Exception):
    """The text needs the general loader: an anchor, alias or tag, or a problem to place."""


_STR_TAG = "tag:yaml.org,2002:str"
_RESOLVED_FIRST = frozenset(k for k in Loader.yaml_implicit_resolvers if k is not None)
"""First characters of the plain scalars that an implicit resolver may turn into non-text."""
_WILDCARD = None in Loader.yaml_implicit_resolvers or bool(Loader.yaml_path_resolvers)


def _load_plain(text: str) -> Any:
    """Data built from the parser's events without composing nodes (a third of the time).

    Gives up (:class:`_NotPlainError`) on anything the general loader treats specially
    or reports: anchors, aliases, explicit tags, keys that are not scalars, repeated
    keys, several documents, syntax errors.
    """
    loader: Any = Loader(text)
    try:
        return _build_from_events(loader)
    except _NotPlainError:
        raise
    except Exception:  # the general loader reports it, with its place
        raise _NotPlainError from None
    finally:
        loader.dispose()


def _build_from_events(loader: Any) -> Any:
    get_event, resolve = loader.get_event, loader.resolve
    get_event()  # stream start
    event = get_event()
    if isinstance(event, StreamEndEvent):
        return None
    # Each open container: [the list or dict, the key waiting for its value, the keys seen].
    stack: list[list[Any]] = []
    root: Any = None
    while True:
        event = get_event()
        kind = event.__class__
        if kind is ScalarEvent:
            if event.anchor is not None or event.tag is not None:
                raise _NotPlainError
            value: Any = event.value
            # resolve() finds another tag than str only for a plain scalar whose first
            # character has implicit resolvers: ask it only then (most keys and ids skip it).
            if event.implicit[0] and (_WILDCARD or value[:1] in _RESOLVED_FIRST):
                tag = resolve(yaml.ScalarNode, value, event.implicit)
                if tag != _STR_TAG:
                    value = _scalar(loader, tag, event)
        elif kind is MappingStartEvent or kind is SequenceStartEvent:
            if event.anchor is not None or event.tag is not None:
                raise _NotPlainError
            stack.append([{} if kind is MappingStartEvent else [], _NO_KEY])
            continue
        elif kind is MappingEndEvent or kind is SequenceEndEvent:
            value = stack.pop()[0]
        else:
            raise _NotPlainError  # an alias, or something unexpected
        if not stack:
            root = value
            break
        top = stack[-1]  # _place, inline: once per event
        if top[0].__class__ is list:
            top[0].append(value)
        elif top[1] is _NO_KEY:
            _check_plain_key(top[0], value, kind is ScalarEvent)
            top[1] = value
        else:
            top[0][top[1]] = value
            top[1] = _NO_KEY
    get_event()  # document end
    if not isinstance(get_event(), StreamEndEvent):
        raise _NotPlainError  # another document: the general loader says so
    return root


_NO_KEY = object()


def _check_plain_key(container: dict[Any, Any], key: Any, scalar: bool) -> None:
    """Give up unless ``key`` is a scalar not yet in ``container``."""
    plain_key = scalar and (key is None or isinstance(key, str | int | float | bool))
    if not plain_key or key in container:
        raise _NotPlainError  # the general loader reports the key with its place


def _scalar(loader: Any, tag: str, event: Any) -> Any:
    """A non-string scalar, built by the loader's own constructor for its tag."""
    node = yaml.ScalarNode(tag, event.value, event.start_mark, event.end_mark, event.style)
    return loader.yaml_constructors[tag](loader, node)


def load_yaml_items(text: str) -> Any:
    """``yaml.load(text, Loader=Loader)``, one item of each top-level list at a time.

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
    """The top-level mapping, with the same key checks as ``Loader.construct_mapping``."""
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


class YamlProblemError(Exception):
    """A problem the loader found (a repeated key), with the mark where it sits."""

    def __init__(
        self, message: str, mark: Any, *, code: str = "yaml-syntax", hint: str = ""
    ) -> None:
        super().__init__(message)
        self.message, self.mark, self.code, self.hint = message, mark, code, hint
