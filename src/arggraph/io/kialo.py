"""Import of Kialo discussion exports (the plain-text "Export discussion" file).

The file reads::

    Discussion Title: Should hate speech be illegal?

    1. Hate speech should be banned.
    1.1. Con: It is better to challenge bad ideas than to ban them.
    1.1.1. Pro: -> See 1.2.

Each numbered line is a claim (id: its number, ``1.1``); ``Pro:`` supports its parent
(the number without its last part) and ``Con:`` rebuts it. ``-> See 1.2.`` adds no claim:
the claim ``1.2`` also supports (or rebuts) this parent. A text may run over several
lines. The document is the export itself, so each quote is the claim's text as written
(markdown links and ``\\(`` escapes included); the statement is the text with links
reduced to their words and escapes removed. Kialo exports name no authors: one group
speaker, ``kialo-participants``, holds every claim. The discussion title becomes a
topic; the thesis takes the ``pro`` side and each top-level reason the side it argues.

Example
-------
>>> g = read_kialo(["should-hate-speech-be-illegal.txt"])   # doctest: +SKIP
>>> g.claim("1.1").statement                                  # doctest: +SKIP
"""

from __future__ import annotations

import os
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from arggraph.errors import FormatError, Problem
from arggraph.io.formats import (
    ImportedData,
    ImportLog,
    Origin,
    Progress,
    build_imported,
    expand_paths,
    read_each,
    read_import_text,
    safe_id,
    slug,
)
from arggraph.model import ArgumentGraph

SPEAKER = "kialo-participants"
_TITLE = re.compile(r"^\s*Discussion Title:\s*(?P<title>.*\S)\s*$")
_ITEM = re.compile(r"^(?P<number>\d+(?:\.\d+)*)\.\s+(?:(?P<side>Pro|Con):\s*)?(?P<text>.*)$")
_LINK = re.compile(r"^->\s*See\s+(?P<number>\d+(?:\.\d+)*)\.?\s*$")
_MARKDOWN_LINK = re.compile(r"\[([^\]]*)\]\([^)]*\)")
_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!$])")


@dataclass
class _Item:
    """One numbered entry as read: number, side, raw text (lines joined) and line."""

    number: str
    side: str | None
    text: str
    line: int

    @property
    def parent(self) -> str | None:
        return self.number.rpartition(".")[0] or None


def kialo_statement(text: str) -> str:
    r"""Kialo text as a plain statement: links reduced to their words, escapes removed.

    >>> kialo_statement(r"Trolls \(\"bad actors\"\) on [Kialo](http://www.kialo.com)")
    'Trolls ("bad actors") on Kialo'
    """
    plain = _ESCAPE.sub(r"\1", _MARKDOWN_LINK.sub(r"\1", text))
    return " ".join(plain.replace('\\"', '"').split())


def _items(text: str, source: str) -> tuple[str | None, list[_Item], list[Problem]]:
    """The title and numbered entries of an export; continuation lines join their entry."""
    title: str | None = None
    items: list[_Item] = []
    problems: list[Problem] = []
    for number, line in enumerate(text.splitlines(), start=1):
        if title is None and not items and (match := _TITLE.match(line)):
            title = match["title"]
            continue
        if match := _ITEM.match(line):
            items.append(_Item(match["number"], match["side"], match["text"].strip(), number))
        elif items:
            if line.strip():
                items[-1].text += "\n" + line.strip()
        elif line.strip():
            problems.append(
                Problem(
                    "text before the first numbered claim",
                    code="malformed-input",
                    file=source,
                    line=number,
                    hint="a Kialo export starts with 'Discussion Title:' and then '1. <thesis>'",
                )
            )
    if not items and not problems:
        problems.append(
            Problem(
                "no numbered claims ('1. ...') found",
                code="malformed-input",
                file=source,
                hint="is this a Kialo 'Export discussion' text file?",
            )
        )
    return title, items, problems


def parse_kialo(
    text: str, *, source: str, prefix: str = "", path: Path | None = None
) -> ImportedData:
    """One Kialo export as graph data: a document, claims, relations and a topic.

    Raises
    ------
    FormatError
        Repeated numbers, claims whose parent is missing, links to unknown claims,
        empty claims, all at once with their line.
    """
    title, items, problems = _items(text, source)
    by_number: dict[str, _Item] = {}
    for item in items:
        if item.number in by_number:
            problems.append(
                _problem(f"claim {item.number} appears twice", source, item, code="duplicate-id")
            )
        else:
            by_number[item.number] = item
    for item in by_number.values():
        problems.extend(_item_problems(item, by_number, source))
    if problems:
        raise FormatError(problems)
    return _build(text, title, list(by_number.values()), source, prefix, path)


def _item_problems(item: _Item, by_number: dict[str, _Item], source: str) -> list[Problem]:
    problems = []
    parent = item.parent
    if parent is not None and parent not in by_number:
        problems.append(
            _problem(
                f"claim {item.number} answers {parent}, which is not in the file",
                source,
                item,
                code="unknown-id",
                hint="the export may be cut short; export the whole discussion again",
            )
        )
    link = _LINK.match(item.text)
    if link and link["number"] not in by_number:
        problems.append(
            _problem(
                f"claim {item.number} links to {link['number']}, which is not in the file",
                source,
                item,
                code="unknown-id",
            )
        )
    if not item.text.strip():
        problems.append(
            _problem(f"claim {item.number} has no text", source, item, code="empty-statement")
        )
    return problems


def _problem(
    message: str, source: str, item: _Item, *, code: str, hint: str | None = None
) -> Problem:
    return Problem(message, code=code, file=source, line=item.line, id=item.number, hint=hint)


def _build(
    text: str, title: str | None, items: list[_Item], source: str, prefix: str, path: Path | None
) -> ImportedData:
    data = ImportedData(title=title)
    doc_id = safe_id(Path(source).stem, fallback="kialo")
    doc: dict[str, Any] = {"id": doc_id, "title": title or Path(source).stem, "kind": "debate"}
    if path is not None:
        doc["path"] = str(path.resolve())
        data.sources[doc_id] = path.resolve()
        data.inputs.append(path)
    else:
        doc["text"] = text
    data.texts[doc_id] = text
    data.add("documents", doc, Origin(source, 1, "document"))
    data.add_once(
        "speakers",
        {"id": SPEAKER, "name": "Kialo participants", "kind": "group"},
        Origin(source, 1),
    )
    topic = slug(title or Path(source).stem, fallback="kialo-topic")[:80].strip("-")
    data.add_once(
        "topics",
        {"id": topic, "label": title or Path(source).stem, "question": title},
        Origin(source, 1, "Discussion Title"),
    )
    claims = {item.number: item for item in items if not _LINK.match(item.text)}
    for item in claims.values():
        data.add(
            "claims", _claim(item, doc_id, topic, prefix), Origin(source, item.line, item.number)
        )
    seen: dict[tuple[str, str], dict[str, Any]] = {}
    for item in items:
        relation = _relation(item, prefix)
        if relation is None:
            continue
        pair = (relation["source"], relation["target"])
        if pair in seen:
            first = seen[pair]
            again = (
                f"also linked again by claim {item.number}"
                if first["kind"] == relation["kind"]
                else f"claim {item.number} also links it as {relation['kind']}; not kept"
            )
            first["note"] = f"{first['note']}; {again}" if first.get("note") else again
            continue
        seen[pair] = relation
        data.add("relations", relation, Origin(source, item.line, item.number))
    return data


def _claim(item: _Item, doc_id: str, topic: str, prefix: str) -> dict[str, Any]:
    claim: dict[str, Any] = {
        "id": prefix + item.number,
        "statement": kialo_statement(item.text),
        "topics": [topic],
        "attributions": [{"speaker": SPEAKER, "document": doc_id, "quote": item.text}],
    }
    depth = item.number.count(".")
    if depth == 0:
        claim["stances"] = {topic: "yes"}
        claim["note"] = "thesis"
    elif depth == 1 and item.side is not None:
        claim["stances"] = {topic: "yes" if item.side.lower() == "pro" else "no"}
    elif item.side is None:
        claim["note"] = f"Kialo gives no Pro or Con towards {item.parent}: no relation made"
    return claim


def _relation(item: _Item, prefix: str) -> dict[str, Any] | None:
    if item.parent is None or item.side is None:
        return None
    link = _LINK.match(item.text)
    source = link["number"] if link else item.number
    relation: dict[str, Any] = {
        "source": prefix + source,
        "target": prefix + item.parent,
        "kind": "supports" if item.side == "Pro" else "rebuts",
    }
    if link:
        relation["note"] = f"Kialo link: entry {item.number} points to claim {source}"
    return relation


def parse_kialo_file(path: Path, prefix: str = "") -> ImportedData:
    """Read one Kialo export; problems raise a located :class:`FormatError`."""
    text, display = read_import_text(path)
    return parse_kialo(text, source=display, prefix=prefix, path=path)


def read_kialo(
    paths: str | os.PathLike[str] | Sequence[str | os.PathLike[str]],
    *,
    progress: Progress | None = None,
    log: ImportLog | None = None,
) -> ArgumentGraph:
    """Read Kialo exports (files, or folders of ``.txt``) into one checked graph.

    With several files, claim ids are prefixed by the file's stem.
    """
    files = expand_paths(paths, (".txt",))
    return build_imported(read_each(files, parse_kialo_file, progress=progress, log=log))
