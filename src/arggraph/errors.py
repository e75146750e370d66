"""One exception family for everything arggraph reports to a user.

Every problem in a user's input is a :class:`Problem`: what is wrong, where (file,
line, column, the id of the object), and how to fix it. Errors that carry problems
report all of them at once, never only the first.

Example
-------
>>> p = Problem("claim 'c1' names unknown topic 'tech'", code="unknown-id",
...             file="g.yaml", line=12, column=7, id="c1", hint="define it under topics:")
>>> print(p)
g.yaml:12:7: error[unknown-id] claim 'c1' names unknown topic 'tech' (hint: define it under topics:)
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace

PathPart = str | int

#: Problem codes and what they mean; the README documents the same table.
PROBLEM_CODES: dict[str, str] = {
    "yaml-syntax": "the file is not valid YAML",
    "json-syntax": "the file is not valid JSON",
    "duplicate-key": "a mapping repeats a key",
    "not-utf8": "a file is not UTF-8 text",
    "unreadable-file": "a file is missing or cannot be read",
    "empty-file": "a graph file holds nothing",
    "include-cycle": "files include each other in a loop",
    "unknown-field": "a field the format does not define",
    "missing-field": "a required field is absent",
    "wrong-type": "a value has the wrong type",
    "invalid-value": "a value breaks a rule of its field (pattern, range, choice)",
    "duplicate-id": "two objects of the same kind share an id",
    "unknown-id": "a reference to an id that is not defined",
    "self-relation": "a relation from a claim to itself",
    "duplicate-relation": "the same pair of claims related twice with the same kind",
    "contradictory-relation": "a pair of claims that both supports and rebuts",
    "no-attribution": "a claim nobody holds",
    "empty-statement": "a claim with an empty statement",
    "missing-document": "a document whose text file is missing",
    "quote-not-found": "a quote that does not occur in its document",
    "quote-offset-mismatch": "a quote's given start offset does not match the text",
    "unsupported-format": "a format or file kind arggraph does not read",
    "malformed-input": "an imported file breaks the rules of its format",
    "wrong-format": "an imported file looks like another format than the one named",
    "unknown-format": "an imported file's format cannot be told from its content",
    "mixed-formats": "files to import without a named format are in several formats",
    "unsafe-output": "an output path that would overwrite an input or is not writable",
}


@dataclass(frozen=True)
class Problem:
    """One thing wrong with a user's input, located as precisely as known.

    ``path`` is the location inside the data (``("claims", 3, "quote")``); loaders
    turn it into ``file``/``line``/``column``.
    """

    message: str
    code: str = "invalid-value"
    file: str | None = None
    line: int | None = None
    column: int | None = None
    id: str | None = None
    hint: str | None = None
    path: tuple[PathPart, ...] = field(default=(), compare=False)

    def located(self, file: str | None, line: int | None, column: int | None) -> Problem:
        """Return a copy placed at ``file:line:column``."""
        return replace(self, file=file, line=line, column=column)

    def location(self) -> str:
        """``file:line:column`` as far as known, or ``"<graph>"``."""
        parts = [self.file or "<graph>"]
        if self.line is not None:
            parts.append(str(self.line))
            if self.column is not None:
                parts.append(str(self.column))
        return ":".join(parts)

    def __str__(self) -> str:
        text = f"{self.location()}: error[{self.code}] {self.message}"
        if self.hint:
            text += f" (hint: {self.hint})"
        return text


class ArgGraphError(Exception):
    """Base of every error arggraph raises on purpose; the CLI prints these, no traceback."""


class InvalidGraphError(ArgGraphError):
    """A graph (file or in-memory) breaks the format's rules; carries every problem found."""

    def __init__(self, problems: Iterable[Problem], *, summary: str | None = None) -> None:
        self.problems: tuple[Problem, ...] = tuple(problems)
        self.summary = summary or _count(len(self.problems), "problem") + " found"
        super().__init__(self.report())

    def report(self) -> str:
        """All problems, one per line, then the count."""
        lines = [str(p) for p in self.problems]
        lines.append(self.summary)
        return "\n".join(lines)


class FormatError(InvalidGraphError):
    """An imported file (AIF, microtexts, Argdown, Kialo, ICCMA ...) breaks its format."""


class UnknownIdError(ArgGraphError, KeyError):
    """A lookup by an id the graph does not have; still a ``KeyError``, with a did-you-mean.

    >>> raise UnknownIdError("claim", "compte", ["compute", "cost"])
    Traceback (most recent call last):
    arggraph.errors.UnknownIdError: no claim 'compte' in the graph; did you mean 'compute'?
    """

    def __init__(self, kind: str, wanted: str, known: Iterable[str]) -> None:
        import difflib

        close = difflib.get_close_matches(wanted, sorted(known), n=1, cutoff=0.6)
        self.kind, self.id = kind, wanted
        self.message = f"no {kind} '{wanted}' in the graph" + (
            f"; did you mean '{close[0]}'?" if close else ""
        )
        super().__init__(self.message)

    def __str__(self) -> str:
        return self.message


class AnalysisError(ArgGraphError):
    """An analysis cannot run on this input (e.g. too large for an exponential method)."""


class OutputError(ArgGraphError):
    """An output cannot be written safely (it would overwrite an input, or the disk refused)."""


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}" + ("" if n == 1 else "s")


def sort_problems(problems: Sequence[Problem]) -> list[Problem]:
    """Problems in reading order: by file, line, column, then message."""
    return sorted(
        problems,
        key=lambda p: (p.file or "", p.line or 0, p.column or 0, p.code, p.message),
    )
