"""ICCMA formats of abstract argumentation frameworks: APX, TGF, i23, and query files.

The International Competition on Computational Models of Argumentation (ICCMA)
exchanges frameworks in three plain-text formats:

- **APX** (ASPARTIX): ``arg(a).`` declares an argument, ``att(a,b).`` says ``a``
  attacks ``b``; one statement per line. Lines starting with ``%`` are comments.
- **TGF** (trivial graph format): one argument per line, a line ``#``, then one
  attack ``a b`` per line.
- **i23** (ICCMA 2023): a header ``p af <n>`` names arguments ``1`` to ``n``, then one
  attack ``i j`` per line; lines starting with ``#`` are comments.

A *query file* (``.arg``, and ``.i23.arg`` for i23) holds the one argument that a
decision task (``DC-*``, ``DS-*``) asks about. Problems are collected for the whole
file and raised together as :class:`~arggraph.errors.FormatError`, each with its file
and line.

Example
-------
>>> af = parse_apx("arg(a).\\narg(b).\\natt(a,b).\\n")
>>> af.attacks
frozenset({('a', 'b')})
>>> parse_tgf("1\\n2\\n#\\n2 1\\n").attackers_of("1")
('2',)

References
----------
ICCMA 2023 input formats: https://iccma2023.github.io/rules.html ; APX and TGF: the
ICCMA 2015-2021 rules, e.g. https://iccma2019.dmi.unipg.it/SubmissionFormats.pdf
"""

from __future__ import annotations

import os
import re
from pathlib import Path

from arggraph.analysis.framework import ArgumentationFramework
from arggraph.errors import FormatError, Problem, sort_problems
from arggraph.io.graph_files import read_text_file

ICCMA_FORMATS = ("apx", "tgf", "i23")
MAX_PROBLEMS = 50
"""A broken file reports at most this many problems (the count says if there were more)."""

_NAME = r"[^\s(),.%#]+(?:\.[^\s(),.%#]+)*"
_APX_ARG = re.compile(rf"arg\(\s*({_NAME})\s*\)\s*\.")
_APX_ATT = re.compile(rf"att\(\s*({_NAME})\s*,\s*({_NAME})\s*\)\s*\.")


class _Problems:
    """Problems of one file, capped at MAX_PROBLEMS."""

    def __init__(self, source: str, fmt: str) -> None:
        self.source = source
        self.fmt = fmt
        self.items: list[Problem] = []
        self.count = 0

    def add(self, line: int | None, message: str, hint: str, code: str = "malformed-input") -> None:
        self.count += 1
        if len(self.items) < MAX_PROBLEMS:
            self.items.append(Problem(message, code=code, file=self.source, line=line, hint=hint))

    def raise_any(self) -> None:
        if self.count:
            more = self.count - len(self.items)
            summary = (
                f"{self.count} problem{'s' if self.count != 1 else ''} in this {self.fmt} file"
            )
            if more:
                summary += f" ({more} not shown)"
            raise FormatError(sort_problems(self.items), summary=summary)


def _check_attacks(
    names: dict[str, int], attacks: list[tuple[str, str, int]], problems: _Problems, how: str
) -> None:
    for source, target, line in attacks:
        for name in (source, target):
            if name not in names:
                problems.add(
                    line,
                    f"attack ({source}, {target}) names argument {name!r}, which is not declared",
                    f"declare it {how}",
                    code="unknown-id",
                )


def parse_apx(text: str, *, source: str = "<apx>") -> ArgumentationFramework:
    """A framework from APX text: ``arg(a).`` and ``att(a,b).`` statements.

    Arguments may be declared after the attacks that name them.

    Parameters
    ----------
    text : str
    source : str
        The file name to report problems against.

    Returns
    -------
    ArgumentationFramework

    Raises
    ------
    FormatError
        A line that is no statement, a repeated argument, or an attack on an argument
        that is not declared.

    Example
    -------
    >>> parse_apx("arg(a).\\natt(a,a).\\n").attacks
    frozenset({('a', 'a')})
    """
    problems = _Problems(source, "APX")
    names: dict[str, int] = {}
    attacks: list[tuple[str, str, int]] = []
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.strip()
        if not line or line.startswith("%"):
            continue
        found = _APX_ATT.fullmatch(line)
        if found:
            attacks.append((found[1], found[2], number))
            continue
        found = _APX_ARG.fullmatch(line)
        if found:
            if found[1] in names:
                problems.add(
                    number,
                    f"argument {found[1]!r} is declared again (first on line {names[found[1]]})",
                    "remove the repeated arg(...) line",
                    code="duplicate-id",
                )
            else:
                names[found[1]] = number
            continue
        problems.add(
            number,
            f"not an APX statement: {_shown(line)}",
            "write arg(name). or att(attacker,attacked). one per line",
        )
    _check_attacks(names, attacks, problems, "with arg(name).")
    problems.raise_any()
    return ArgumentationFramework(names, [(s, t) for s, t, _ in attacks])


def parse_tgf(text: str, *, source: str = "<tgf>") -> ArgumentationFramework:
    """A framework from TGF text: arguments, a line ``#``, then attacks ``a b``.

    Example
    -------
    >>> sorted(parse_tgf("a\\nb\\n#\\na b\\nb a\\n").attacks)
    [('a', 'b'), ('b', 'a')]
    """
    problems = _Problems(source, "TGF")
    names: dict[str, int] = {}
    attacks: list[tuple[str, str, int]] = []
    in_attacks = False
    for number, raw in enumerate(text.splitlines(), start=1):
        fields = raw.split()
        if not fields:
            continue
        if fields == ["#"]:
            if in_attacks:
                problems.add(number, "a second '#' line", "keep one '#' between args and attacks")
            in_attacks = True
        elif in_attacks:
            if len(fields) != 2:
                problems.add(
                    number,
                    f"an attack needs two arguments, found {len(fields)}: {_shown(raw)}",
                    "write 'attacker attacked', one attack per line",
                )
            else:
                attacks.append((fields[0], fields[1], number))
        elif len(fields) != 1:
            problems.add(
                number,
                f"an argument line holds one name, found {len(fields)}: {_shown(raw)}",
                "list arguments one per line, then a line '#', then the attacks",
            )
        elif fields[0] in names:
            problems.add(
                number,
                f"argument {fields[0]!r} is listed again (first on line {names[fields[0]]})",
                "remove the repeated line",
                code="duplicate-id",
            )
        else:
            names[fields[0]] = number
    if not in_attacks and text.strip():
        problems.add(None, "no '#' line separates arguments from attacks", "add a line '#'")
    _check_attacks(names, attacks, problems, "on its own line before the '#'")
    problems.raise_any()
    return ArgumentationFramework(names, [(s, t) for s, t, _ in attacks])


def parse_i23(text: str, *, source: str = "<i23>") -> ArgumentationFramework:
    """A framework from ICCMA 2023 text: ``p af <n>``, then attacks ``i j``.

    Arguments are named ``"1"`` to ``"n"``.

    Example
    -------
    >>> af = parse_i23("p af 3\\n# a comment\\n1 2\\n2 3\\n")
    >>> af.arguments, sorted(af.attacks)
    (('1', '2', '3'), [('1', '2'), ('2', '3')])
    """
    problems = _Problems(source, "i23")
    size: int | None = None
    attacked: list[list[int]] = []
    for number, raw in enumerate(text.splitlines(), start=1):
        fields = raw.split()
        if not fields or fields[0].startswith("#"):
            continue
        if size is None:
            if len(fields) == 3 and fields[:2] == ["p", "af"] and fields[2].isdigit():
                size = int(fields[2])
                attacked = [[] for _ in range(size)]
            else:
                problems.add(
                    number,
                    f"the first line must be 'p af <number of arguments>', not {_shown(raw)}",
                    "start the file with e.g. 'p af 5'",
                )
                break
            continue
        if len(fields) != 2 or not all(f.isdigit() for f in fields):
            problems.add(
                number,
                f"an attack is two argument numbers, not {_shown(raw)}",
                "write 'i j': argument i attacks argument j",
            )
            continue
        i, j = int(fields[0]), int(fields[1])
        if not (1 <= i <= size and 1 <= j <= size):
            problems.add(
                number,
                f"attack {i} {j} names an argument outside 1..{size}",
                "raise the count in the 'p af' line or fix the number",
                code="unknown-id",
            )
            continue
        attacked[i - 1].append(j - 1)
    if size is None and not problems.count:
        problems.add(None, "no 'p af <n>' line", "start the file with e.g. 'p af 5'")
    problems.raise_any()
    return ArgumentationFramework.from_indices(
        [str(k) for k in range(1, (size or 0) + 1)], attacked
    )


def parse_query(text: str, *, source: str = "<arg>") -> str:
    """The argument a query file (``.arg``) asks about: its one non-blank line.

    Example
    -------
    >>> parse_query("a48_54\\n")
    'a48_54'
    """
    lines = [(n, line.strip()) for n, line in enumerate(text.splitlines(), start=1)]
    lines = [(n, line) for n, line in lines if line]
    if len(lines) != 1 or len(lines[0][1].split()) != 1:
        line = lines[1][0] if len(lines) > 1 else lines[0][0] if lines else None
        raise FormatError(
            [
                Problem(
                    "a query file holds exactly one argument name",
                    code="malformed-input",
                    file=source,
                    line=line,
                    hint="write the argument's name (or number, for i23) alone on one line",
                )
            ]
        )
    return lines[0][1]


_PARSERS = {"apx": parse_apx, "tgf": parse_tgf, "i23": parse_i23}


def iccma_format_of(path: str | os.PathLike[str]) -> str:
    """``"apx"``, ``"tgf"`` or ``"i23"`` from a file's suffix; ``FormatError`` otherwise."""
    suffix = Path(path).suffix.lower().lstrip(".")
    if suffix not in _PARSERS:
        raise FormatError(
            [
                Problem(
                    f"not an ICCMA framework file: suffix {Path(path).suffix!r}",
                    code="unsupported-format",
                    file=str(path),
                    hint="use .apx, .tgf or .i23, or pass fmt=",
                )
            ]
        )
    return suffix


def read_iccma(path: str | os.PathLike[str], *, fmt: str | None = None) -> ArgumentationFramework:
    """Read an ICCMA framework file; the format comes from the suffix unless ``fmt`` says.

    Example
    -------
    >>> read_iccma("tests/data/iccma/a.apx").attacks                 # doctest: +SKIP
    frozenset({('a', 'a')})
    """
    chosen = fmt or iccma_format_of(path)
    if chosen not in _PARSERS:
        raise FormatError(
            [
                Problem(
                    f"unknown ICCMA format {chosen!r}",
                    code="unsupported-format",
                    file=str(path),
                    hint="use apx, tgf or i23",
                )
            ]
        )
    display = str(path)
    return _PARSERS[chosen](read_text_file(Path(path), display), source=display)


def read_query(path: str | os.PathLike[str]) -> str:
    """Read a query file (``.arg``): the argument a decision task asks about."""
    display = str(path)
    return parse_query(read_text_file(Path(path), display), source=display)


def dump_apx(af: ArgumentationFramework) -> str:
    """APX text of a framework: arguments in order, then attacks by attacker.

    Example
    -------
    >>> print(dump_apx(ArgumentationFramework(["a", "b"], [("a", "b")])), end="")
    arg(a).
    arg(b).
    att(a,b).
    """
    names = af.arguments
    lines = [f"arg({a})." for a in names]
    lines += [f"att({names[i]},{names[j]})." for i, row in enumerate(af.attacked) for j in row]
    return "\n".join(lines) + "\n"


def dump_tgf(af: ArgumentationFramework) -> str:
    """TGF text of a framework.

    Example
    -------
    >>> print(dump_tgf(ArgumentationFramework(["a", "b"], [("a", "b")])), end="")
    a
    b
    #
    a b
    """
    names = af.arguments
    lines = [*names, "#"]
    lines += [f"{names[i]} {names[j]}" for i, row in enumerate(af.attacked) for j in row]
    return "\n".join(lines) + "\n"


def dump_i23(af: ArgumentationFramework) -> str:
    """i23 text of a framework; argument ``k`` is the k-th of ``af.arguments`` (from 1).

    Example
    -------
    >>> print(dump_i23(ArgumentationFramework(["a", "b"], [("a", "b")])), end="")
    p af 2
    1 2
    """
    lines = [f"p af {len(af)}"]
    lines += [f"{i + 1} {j + 1}" for i, row in enumerate(af.attacked) for j in row]
    return "\n".join(lines) + "\n"


def _shown(line: str, width: int = 60) -> str:
    text = line.strip()
    return repr(text if len(text) <= width else text[: width - 1] + "…")
