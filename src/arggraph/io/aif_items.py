"""The items AIF import makes, shared by its general and its columnar builders.

Attributions and speakers with every field of their model, in the model's order;
what a locution says (its speaker and words); ids made safe; what both builders gather
of a file as they read its claims (:class:`FileItems`), and the file's data made of it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from functools import lru_cache
from pathlib import Path
from typing import Any, NamedTuple

from arggraph.io.aif_structure import NodeLines, node_origins
from arggraph.io.formats import ImportedData, Origin, safe_id, slug

UNATTRIBUTED = "aif-unattributed"
_QUESTIONING = re.compile(r"question", re.IGNORECASE)
"""YA illocutions that ask (Pure, Assertive, Rhetorical Questioning): the speaker holds nothing."""
_SPEAKER_PREFIX = re.compile(r"^\s*(?P<name>[^\n]{1,100}?)\s+:\s+(?P<words>.+)$", re.DOTALL)


class Said(NamedTuple):
    """What a locution says: its speaker's id and name as shown, and the words quoted."""

    speaker: str
    name: str
    quote: str


def said_of(
    ids: Iterable[str], texts: Iterable[str], person_of: dict[str, str], names: dict[str, str]
) -> dict[str, Said]:
    """What each locution (by id, with its text) says: ``"Speaker : words"``, its person
    named in ``locutions`` and ``participants`` before the name in its text."""
    said: dict[str, Said] = {}
    for node_id, text in zip(ids, texts, strict=True):
        match = _SPEAKER_PREFIX.match(text)
        name = match["name"].strip() if match else None
        words = match["words"].strip() if match else text.strip()
        person = person_of.get(node_id)
        name = names.get(person or "", name)
        if person is not None:
            speaker_id = person_speaker(person)
        elif name:
            speaker_id = name_speaker(name)
        else:
            speaker_id = UNATTRIBUTED
        display = name or (f"Person {person}" if person else "Unattributed")
        said[node_id] = Said(speaker_id, display, words or text)
    return said


def attribution(speaker: str, document: str, quote: str, asked: bool = False) -> dict[str, Any]:
    """An attribution's fields, every one, in the model's order."""
    return {
        "speaker": speaker,
        "document": document,
        "quote": quote,
        "start": None,
        "end": None,
        "segments": [],
        "implicit": False,
        "asked": asked,
    }


def speaker_entry(speaker_id: str, name: str, kind: str = "person") -> dict[str, Any]:
    """A speaker's fields, every one, in the model's order."""
    return {"id": speaker_id, "name": name, "role": None, "kind": kind}


_PLAIN_ID = re.compile(r"[A-Za-z0-9](?:[A-Za-z0-9_.:\-]{0,198}[A-Za-z0-9_.:])?")
"""An id that :func:`safe_id` returns unchanged: most AIF node ids (numbers)."""


_PLAIN_IDS = re.compile(f"(?:{_PLAIN_ID.pattern}\n)*{_PLAIN_ID.pattern}")


def safe_ids(raws: list[str]) -> list[str]:
    """:func:`safe_id_of` of each: in one scan when every id is safe, or safe but for single
    ``>`` (most files: numbers, and ``a->b`` relation keys), else one by one."""
    lines = "\n".join(raws)
    arrows_out = lines.replace(">", "-")
    one_a_line = lines.count("\n") == len(raws) - 1
    if raws and one_a_line and ">>" not in lines and _PLAIN_IDS.fullmatch(arrows_out):
        return arrows_out.split("\n")
    return list(map(safe_id_of, raws))


@lru_cache(maxsize=4096)
def person_speaker(person: str) -> str:
    """The speaker id of an AIF person (``person-12``), made once per person."""
    return f"person-{person}" if person.isascii() and person.isdigit() else safe_id(person)


@lru_cache(maxsize=4096)
def name_speaker(name: str) -> str:
    """The speaker id of a name a locution gives (``claire-cooper``), made once per name."""
    return slug(name, fallback="speaker")


@lru_cache(maxsize=1024)
def asks(illocution: str) -> bool:
    """True when a YA illocution asks (``Pure Questioning``...): tested once per wording."""
    return _QUESTIONING.search(illocution) is not None


def safe_id_of(raw: str) -> str:
    """:func:`safe_id`, with one regex test for ids that are already safe, or safe but
    for single ``>`` (relation keys ``a->b``), which :func:`safe_id` makes ``-``."""
    if _PLAIN_ID.fullmatch(raw):
        return raw
    arrows_out = raw.replace(">", "-")
    if ">>" not in raw and _PLAIN_ID.fullmatch(arrows_out):
        return arrows_out
    return safe_id(raw)


class FileItems:
    """What both readers of a file (node by node, column by column) gather as they read
    its claims: the document's lines and the speakers named, in order."""

    def __init__(
        self, doc_id: str, text_lines: list[str], person_of: dict[str, str], names: dict[str, str]
    ) -> None:
        self.doc_id = doc_id
        self.text_lines = text_lines
        """The document's lines: every locution's text, then unasserted claims'."""
        self.person_of, self.names = person_of, names
        self.speakers: dict[str, tuple[dict[str, Any], str]] = {}
        """Each speaker's entry and the node that first named it, in that order."""

    def unanchored(self, node_id: str, text: str) -> dict[str, Any]:
        """The attribution of an I node no locution asserts: its text joins the document,
        held by its person."""
        person = self.person_of.get(node_id)
        if person is not None:
            speaker = person_speaker(person)
            name = self.names.get(person, f"Person {person}")
        else:
            speaker, name = UNATTRIBUTED, "Unattributed"
        if speaker not in self.speakers:
            # Whoever put an unattributed proposition forward is unrecorded: a group.
            kind = "group" if speaker == UNATTRIBUTED else "person"
            self.speakers[speaker] = (speaker_entry(speaker, name, kind), node_id)
        quote = text.strip() or text
        if quote.strip():
            self.text_lines.append(text)
        return attribution(speaker, self.doc_id, quote)


def file_data(
    lines: NodeLines,
    doc_id: str,
    text_lines: list[str],
    speakers: dict[str, tuple[dict[str, Any], str]],
    claims: tuple[Sequence[str], list[str], Iterable[str], list[list[dict[str, Any]]]],
    relations: tuple[list[dict[str, Any]], Iterable[str]],
    transcript: bool,
) -> ImportedData:
    """One file's data: its document (``text_lines``, one a line), ``speakers`` (entry and
    node, in order), ``claims`` (node ids, claim ids, texts, attributions) and
    ``relations`` (items and the node each came from), every item with its origin."""
    text = "\n".join(text_lines) + ("\n" if text_lines else "")
    document: dict[str, Any] = {
        "id": doc_id,
        "title": Path(lines.source).name,
        "authors": [],
        "date": None,
        "kind": "transcript" if transcript else "other",
        "path": None,
        "text": text,
        "url": None,
    }
    claim_nodes, claim_ids, statements, attributions = claims
    made: list[dict[str, Any]] = [
        {
            "id": claim_id,
            "statement": statement.strip(),
            "topics": [],
            "stances": {},
            "attributions": found,
            "note": None,
        }
        for claim_id, statement, found in zip(claim_ids, statements, attributions, strict=True)
    ]
    relation_items, relation_nodes = relations
    return ImportedData(
        sections={
            "documents": [document],
            "speakers": [entry for entry, _ in speakers.values()],
            "topics": [],
            "claims": made,
            "relations": relation_items,
        },
        origins={
            "documents": [Origin(lines.source, 1, "document")],
            "speakers": node_origins(lines, [node for _, node in speakers.values()]),
            "topics": [],
            "claims": node_origins(lines, claim_nodes),
            "relations": node_origins(lines, relation_nodes),
        },
        texts={doc_id: text},
    )
