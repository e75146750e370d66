"""Reading graph files: text (UTF-8, located errors), parsed data, and ``include:`` lists.

:class:`SourceFile` is one file as read, able to place a problem at a path inside it;
:func:`read_with_includes` reads root files and everything they include, once each,
with cycles and missing files reported.
"""

from __future__ import annotations

import difflib
import os
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from arggraph.errors import InvalidGraphError, PathPart, Problem
from arggraph.io.parsing import compose_tree, locate_in, parse_data


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
                    hint=_missing_file_hint(path),
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
                    hint=_not_utf8_hint(raw),
                )
            ]
        ) from None


def _missing_file_hint(path: Path) -> str:
    """Check the path, with a did-you-mean for a file of a like name in the same folder.

    The path may come from the command line (relative to the working folder) or from a
    graph file (relative to that file), so the hint names both.
    """
    hint = (
        "check the path: one on the command line starts at the working folder, one in a "
        "graph file at that file's folder"
    )
    try:
        names = [p.name for p in path.parent.iterdir() if p.is_file()]
    except OSError:
        return hint
    close = difflib.get_close_matches(path.name, names, n=1, cutoff=0.75)
    if close:
        return f"did you mean {display_path(path.parent / close[0])!r}? or " + hint
    return hint


def _not_utf8_hint(raw: bytes) -> str:
    """How to fix a file that is not UTF-8: re-save a text, or name the text, not a binary."""
    if b"\0" in raw[:8192]:
        return "this looks like a binary file (it has NUL bytes), not text; name a text file"
    return "re-save the file as UTF-8 (e.g. iconv -f latin1 -t utf-8)"


def graph_format_of(path: Path) -> str:
    """``"json"`` for a ``.json`` graph file, ``"yaml"`` for any other."""
    return "json" if path.suffix.lower() == ".json" else "yaml"


def display_path(path: Path) -> str:
    """``path`` relative to the working folder where possible, for messages."""
    try:
        return os.path.relpath(path)
    except ValueError:
        return str(path)


def _read_source(path: Path) -> SourceFile:
    display = display_path(path)
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
    data = parse_data(text, fmt=graph_format_of(path), source=display)
    source = SourceFile(path, display, text, data if isinstance(data, dict) else {})
    if not isinstance(data, dict):
        raise InvalidGraphError(
            [
                source.place(
                    Problem(
                        f"the top level must be a mapping, not {type_name(data)}",
                        code="wrong-type",
                        hint="start with keys such as documents:, claims:",
                    ),
                    (),
                )
            ]
        )
    return source


def type_name(value: Any) -> str:
    """What a parsed value is, in words for messages: ``"a list"``, ``"text"`` ..."""
    return {list: "a list", str: "text", int: "a number", float: "a number"}.get(
        type(value), type(value).__name__
    )


def read_with_includes(roots: Sequence[Path]) -> tuple[list[SourceFile], list[Problem]]:
    """Read the root files and everything they include, depth first, each file once."""
    files: list[SourceFile] = []
    problems: list[Problem] = []
    seen: set[Path] = set()

    def visit(path: Path, stack: tuple[Path, ...]) -> None:
        resolved = path.resolve()
        if resolved in stack:
            problems.append(
                Problem(
                    f"include cycle: {' -> '.join(display_path(p) for p in (*stack, resolved))}",
                    code="include-cycle",
                    file=display_path(path),
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
                            hint=f"looked for {display_path(target)}; "
                            "paths are relative to this file",
                        ),
                        ("include", index),
                    )
                )
                continue
            visit(target, (*stack, resolved))

    for root in roots:
        visit(Path(root), ())
    return files, problems
