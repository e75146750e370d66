"""Holding back references that a file which could not be read may define.

When an included file has a syntax error or is missing, every relation naming one of
its claims would be reported as "names unknown claim", dozens of follow-on errors (some
with misleading did-you-mean hints) burying the one that matters. The rule:

- A *part that could not be read* is a file that could not be read or parsed (a root,
  an include, a misspelt include), the includes of a file whose ``include:`` is not a
  list of paths, or a section of a read file that is not a list (``claims: text``).
- A reference to an unknown id is *held back* when such a part may define it: the id
  occurs as a word in the part's text (a YAML or JSON file with a syntax error is still
  text), or the part's text cannot be read at all (a missing file may define anything).
  A section that is not a list may define only its own kind (``claims:`` a claim).
- Held-back references are not listed one by one: each part gets one note, placed at
  the first of them, counting them and naming the part ("41 references to unknown
  claims were not checked one by one: graphs/deepseek/dunnmon.yaml could not be read
  (fix it first)"). The part's own problem is reported as always; once it is fixed,
  the next run checks each reference.

References no unread part can define (a speaker typo in another file) are reported as
usual. Nothing here runs unless some part could not be read.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from arggraph.errors import Problem, sort_problems
from arggraph.io.graph_files import SourceFile, display_path
from arggraph.validation import unknown_reference_kind

_ALL_KINDS = frozenset({"document", "speaker", "topic", "question", "claim", "claim or relation"})
_KINDS_OF_SECTION = {
    "documents": frozenset({"document"}),
    "speakers": frozenset({"speaker"}),
    "topics": frozenset({"topic", "question"}),
    "claims": frozenset({"claim", "claim or relation"}),
    "relations": frozenset({"claim or relation"}),
}
_PLURAL = {
    "document": "documents",
    "speaker": "speakers",
    "topic": "topics",
    "question": "questions",
    "claim": "claims",
}
_WORD = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.:\-]*")


@dataclass(frozen=True)
class UnreadPart:
    """A part of the input that could not be read, and the ids it may define.

    ``words`` are the id-like words of its text; ``None`` when the text is unknown.
    """

    name: str
    kinds: frozenset[str]
    words: frozenset[str] | None

    def may_define(self, kind: str, ref: str | None) -> bool:
        return kind in self.kinds and (self.words is None or ref in self.words)


@dataclass(frozen=True)
class BadSection:
    """A section of a read file that is not a list, so none of its items were read."""

    source: SourceFile
    section: str
    value: Any


def hold_back_references(
    problems: list[Problem],
    files: Sequence[SourceFile],
    read_problems: Sequence[Problem],
    bad_sections: Sequence[BadSection],
) -> list[Problem]:
    """``problems`` with the references unread parts may define summarised, one note each."""
    references = [p for p in problems if unknown_reference_kind(p) is not None]
    if not references:
        return problems
    parts = _unread_parts(files, read_problems, bad_sections)
    if not parts:
        return problems
    held: dict[UnreadPart, list[Problem]] = {}
    for problem in references:
        part = _definer(parts, problem)
        if part is not None:
            held.setdefault(part, []).append(problem)
    if not held:
        return problems
    gone = {id(p) for group in held.values() for p in group}
    return [p for p in problems if id(p) not in gone] + [
        _note(part, group) for part, group in held.items()
    ]


def _definer(parts: Sequence[UnreadPart], problem: Problem) -> UnreadPart | None:
    """The unread part that may define what ``problem`` names; one whose text names it first."""
    kind = unknown_reference_kind(problem) or ""
    candidates = [part for part in parts if part.may_define(kind, problem.id)]
    named = [part for part in candidates if part.words is not None]
    return next(iter(named or candidates), None)


def _note(part: UnreadPart, held: list[Problem]) -> Problem:
    first = sort_problems(held)[0]
    count = len(held)
    was = "was" if count == 1 else "were"
    return replace(
        first,
        message=f"{_references(held)} {was} not checked one by one: "
        f"{part.name} could not be read (fix it first)",
        hint=f"{part.name} may define {'it' if count == 1 else 'them'}; the next run checks "
        f"each one. The first: {first.message}",
        path=(),
    )


def _references(held: Iterable[Problem]) -> str:
    """``"41 references to unknown claims"``, ``"3 references to unknown ids (2 claims,
    1 speaker)"``, ``"1 reference to an unknown topic"``."""
    kinds = Counter(_plain_kind(unknown_reference_kind(p) or "") for p in held)
    total = sum(kinds.values())
    if len(kinds) == 1:
        kind = next(iter(kinds))
        what = f"an unknown {kind}" if total == 1 else f"unknown {_PLURAL.get(kind, kind)}"
    else:
        what = (
            "unknown ids ("
            + ", ".join(
                f"{n} {kind if n == 1 else _PLURAL.get(kind, kind)}"
                for kind, n in sorted(kinds.items(), key=_most_first)
            )
            + ")"
        )
    return f"{total} reference{'' if total == 1 else 's'} to {what}"


def _most_first(item: tuple[str, int]) -> tuple[int, str]:
    return -item[1], item[0]


def _plain_kind(kind: str) -> str:
    return "claim" if kind == "claim or relation" else kind


def _unread_parts(
    files: Sequence[SourceFile],
    read_problems: Sequence[Problem],
    bad_sections: Sequence[BadSection],
) -> list[UnreadPart]:
    parts: dict[str, UnreadPart] = {}
    for part in _unread_files(files, read_problems):
        parts.setdefault(part.name, part)
    for bad in bad_sections:
        name = f"the '{bad.section}' section of {bad.source.display} (not a list)"
        words = frozenset(_words(" ".join(_strings_in(bad.value))))
        parts.setdefault(name, UnreadPart(name, _KINDS_OF_SECTION[bad.section], words))
    return list(parts.values())


def _unread_files(
    files: Sequence[SourceFile], read_problems: Sequence[Problem]
) -> Iterator[UnreadPart]:
    """Files named in a read problem or an ``include:`` that are not among ``files``."""
    read = {f.display for f in files}
    read_paths = {f.path.resolve() for f in files}
    for problem in read_problems:
        if problem.code != "include-cycle" and problem.file and problem.file not in read:
            yield UnreadPart(problem.file, _ALL_KINDS, _words_of_file(Path(problem.file)))
    for source in files:
        includes = source.data.get("include", [])
        if not isinstance(includes, list) or not all(isinstance(i, str) for i in includes):
            yield UnreadPart(f"the files {source.display} includes", _ALL_KINDS, None)
            continue
        for name in includes:
            target = source.path.parent / name
            if target.resolve() not in read_paths:
                yield UnreadPart(display_path(target), _ALL_KINDS, _words_of_file(target))


def _words_of_file(path: Path) -> frozenset[str] | None:
    """The id-like words of a file's text, undecodable bytes skipped; ``None`` if unreadable."""
    try:
        if not path.is_file():
            return None
        return frozenset(_words(path.read_bytes().decode("utf-8", "replace")))
    except OSError:
        return None


def _words(text: str) -> Iterator[str]:
    """Each id-like word, also without a trailing ``:``, ``.`` or ``-`` (a key, a full stop)."""
    for word in _WORD.findall(text):
        yield word
        stripped = word.rstrip(":.-")
        if stripped != word:
            yield stripped


def _strings_in(value: Any) -> Iterator[str]:
    """Every string (keys included) in parsed YAML or JSON data."""
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for key, inner in value.items():
            yield str(key)
            yield from _strings_in(inner)
    elif isinstance(value, list):
        for inner in value:
            yield from _strings_in(inner)
