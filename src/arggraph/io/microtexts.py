"""Import of the argumentative microtext corpus (Peldszus & Stede 2015).

Each text is an XML argumentation graph (``micro_b001.xml``, see the corpus's
``arggraph.dtd``) beside its plain text (``micro_b001.txt``). A folder of texts
becomes one corpus graph:

- each text is a :class:`~arggraph.model.Document` read from its ``.txt``;
- each ADU is a claim ``<text>.<adu>`` whose statement and quote are its EDUs' text;
  proponent ADUs are held by the speaker ``microtext-author`` (the corpus does not
  name its authors), opponent ADUs by ``microtext-opponent``, the objection the
  author voices in order to answer it;
- ``sup`` and ``exa`` edges support, ``reb`` rebuts, ``und`` rebuts the relation it
  undercuts (its target is a relation id), ``add`` (an additional premise of a linked
  argument) becomes a relation of the same kind and target as the edge it joins, with a
  note naming its partner premises;
- ``topic_id`` becomes a topic that every claim of the text belongs to (its question
  from the corpus's own ``topics_triggers.md`` where there is one), and ``stance`` the
  central claim's stance;
- an ADU of non-adjacent EDUs is quoted in segments, one per run of adjacent EDUs; an
  ADU of EDUs marked ``implicit="true"`` (a central claim the text leaves unsaid) is
  attributed as implicit, with the annotated wording and no offsets.

Files are read one at a time and only the graph data is kept.

Example
-------
>>> g = read_microtexts(["corpus/en/"])            # doctest: +SKIP
>>> g.claim("micro_b001.a5").stances                # doctest: +SKIP
{'waste_separation': 'pro'}
"""

from __future__ import annotations

import dataclasses
import os
import re
import xml.parsers.expat
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
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
)
from arggraph.io.graph_files import display_path
from arggraph.model import ArgumentGraph

AUTHOR = "microtext-author"
OPPONENT = "microtext-opponent"

TOPIC_FILES = ("topics_triggers.md", "topics.md")
"""Files where a microtext corpus lists its topics' questions, looked for beside the
texts and up to two folders above (``corpus/en/`` -> ``corpus/`` -> the repository)."""

_TOPIC_LINE = re.compile(r"^\s*[*-]\s*`([^`]+)`")
_ENGLISH_LINE = re.compile(r"^\s*en:\s*(\S.*?)\s*$")


def parse_topic_questions(markdown: str) -> dict[str, str]:
    """The English question of each topic in a corpus's ``topics_triggers.md``.

    >>> parse_topic_questions("* `school_uniforms`\n\n  de: Schuluniformen?\n  en: Uniforms?\n")
    {'school_uniforms': 'Uniforms?'}
    """
    questions: dict[str, str] = {}
    topic: str | None = None
    for line in markdown.splitlines():
        if match := _TOPIC_LINE.match(line):
            topic = match.group(1).strip()
        elif (match := _ENGLISH_LINE.match(line)) and topic is not None:
            questions.setdefault(topic, match.group(1))
    return questions


def corpus_topic_questions(folder: Path) -> dict[str, str]:
    """Topic questions from the corpus's own topic file nearest to ``folder``, if any."""
    for place in (folder, *list(folder.resolve().parents)[:2]):
        for name in TOPIC_FILES:
            candidate = place / name
            if candidate.is_file():
                try:
                    return parse_topic_questions(candidate.read_text(encoding="utf-8"))
                except (OSError, UnicodeDecodeError):
                    return {}
    return {}


_EDGE_TYPES = ("seg", "sup", "exa", "add", "reb", "und")
_ADU_TYPES = ("pro", "opp")
_STANCES = ("pro", "con", "unclear")


@dataclass
class _Element:
    """One XML element as read: tag, attributes, line, and character data."""

    tag: str
    attrs: dict[str, str]
    line: int
    text: str = ""


@dataclass
class _Text:
    """One microtext's elements, by kind, with the problems found reading them."""

    root: _Element | None = None
    edus: dict[str, _Element] = field(default_factory=dict)
    joints: dict[str, _Element] = field(default_factory=dict)
    adus: dict[str, _Element] = field(default_factory=dict)
    edges: dict[str, _Element] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)


def parse_microtext_xml(xml_text: str, *, source: str) -> list[_Element]:
    """Every element of a microtext XML file with its line; syntax errors raise.

    Uses expat directly (not ElementTree) so that every element keeps its line number
    for messages. No entities are expanded beyond XML's own.
    """
    parser = xml.parsers.expat.ParserCreate()
    elements: list[_Element] = []
    stack: list[_Element] = []

    def start(tag: str, attrs: dict[str, str]) -> None:
        element = _Element(tag, dict(attrs), parser.CurrentLineNumber)
        elements.append(element)
        stack.append(element)

    def end(tag: str) -> None:
        stack.pop()

    def data(chunk: str) -> None:
        if stack:
            stack[-1].text += chunk

    def refuse_entities(*_: Any) -> None:
        raise _EntityDeclarationError

    parser.StartElementHandler = start
    parser.EndElementHandler = end
    parser.CharacterDataHandler = data
    parser.EntityDeclHandler = refuse_entities
    try:
        parser.Parse(xml_text, True)
    except xml.parsers.expat.ExpatError as exc:
        raise FormatError(
            [
                Problem(
                    f"not well-formed XML: {xml.parsers.expat.ErrorString(exc.code)}",
                    code="malformed-input",
                    file=source,
                    line=exc.lineno,
                    column=exc.offset + 1,
                    hint="check the tags and quotes around this place",
                )
            ]
        ) from None
    except _EntityDeclarationError:
        raise FormatError(
            [
                Problem(
                    "the XML declares entities, which microtexts never do",
                    code="malformed-input",
                    file=source,
                    line=parser.CurrentLineNumber,
                    hint="remove the <!ENTITY> declarations",
                )
            ]
        ) from None
    return elements


class _EntityDeclarationError(Exception):
    pass


def _collect(elements: list[_Element], source: str) -> _Text:
    """Sort elements by kind; report unknown tags, missing attributes and repeated ids."""
    text = _Text()
    kinds = {"edu": text.edus, "joint": text.joints, "adu": text.adus, "edge": text.edges}
    seen: dict[str, _Element] = {}
    for element in elements:
        if element.tag == "arggraph" and text.root is None:
            text.root = element
            continue
        target = kinds.get(element.tag)
        if target is None:
            text.problems.append(
                _problem(
                    f"unknown element <{element.tag}>",
                    source,
                    element,
                    hint="a microtext holds <edu>, <joint>, <adu> and <edge> inside <arggraph>",
                )
            )
            continue
        element_id = element.attrs.get("id")
        if not element_id:
            text.problems.append(_problem(f"<{element.tag}> has no id", source, element))
            continue
        if element_id in seen:
            first = seen[element_id]
            text.problems.append(
                _problem(
                    f"id '{element_id}' is used twice (first by <{first.tag}> on line "
                    f"{first.line})",
                    source,
                    element,
                    code="duplicate-id",
                    hint="ids must be unique within one text",
                )
            )
            continue
        seen[element_id] = element
        target[element_id] = element
    if text.root is None:
        text.problems.append(
            Problem(
                "no <arggraph> root element",
                code="malformed-input",
                file=source,
                hint="is this a microtext XML file?",
            )
        )
    return text


def _problem(
    message: str,
    source: str,
    element: _Element,
    *,
    code: str = "malformed-input",
    hint: str | None = None,
) -> Problem:
    element_id = element.attrs.get("id")
    where = f"<{element.tag} id='{element_id}'>" if element_id else f"<{element.tag}>"
    return Problem(
        f"{where}: {message}", code=code, file=source, line=element.line, id=element_id, hint=hint
    )


def _check_edges(text: _Text, source: str) -> None:
    """Report edges with unknown types, missing attributes, or ends that do not exist."""
    nodes = {**text.edus, **text.joints, **text.adus}
    for element in text.edges.values():
        kind = element.attrs.get("type")
        if kind not in _EDGE_TYPES:
            text.problems.append(
                _problem(
                    f"unknown edge type '{kind}'",
                    source,
                    element,
                    hint=f"edge types are {', '.join(_EDGE_TYPES)}",
                )
            )
            continue
        for end in ("src", "trg"):
            ref = element.attrs.get(end)
            allowed = text.edges if end == "trg" and kind in ("und", "add") else nodes
            if ref is None:
                text.problems.append(_problem(f"edge has no '{end}'", source, element))
            elif ref not in allowed:
                what = "edge" if allowed is text.edges else "EDU, joint or ADU"
                text.problems.append(
                    _problem(
                        f"'{end}' names '{ref}', which is not an {what} of this text",
                        source,
                        element,
                        code="unknown-id",
                        hint="fix the reference or add the missing element",
                    )
                )
    for element in text.adus.values():
        if element.attrs.get("type") not in _ADU_TYPES:
            text.problems.append(
                _problem(
                    f"ADU type '{element.attrs.get('type')}' is not 'pro' or 'opp'",
                    source,
                    element,
                )
            )


@dataclass(frozen=True)
class _AduWords:
    """An ADU's words: its statement, and how it is quoted from the text.

    ``runs`` are the texts of its runs of adjacent EDUs (one run: a plain quote;
    several: the segments of a split quote); ``implicit`` is the wording of EDUs the
    corpus marks ``implicit="true"``, which the text does not contain.
    """

    statement: str
    runs: tuple[str, ...]
    implicit: str


def _adu_texts(text: _Text, source: str) -> dict[str, _AduWords]:
    """The words of each ADU: its EDUs (directly or through a joint) in document order."""
    parts: dict[str, list[str]] = {}
    for element in text.edges.values():
        if element.attrs.get("type") == "seg":
            parts.setdefault(element.attrs.get("trg", ""), []).append(element.attrs.get("src", ""))
    order = {edu_id: index for index, edu_id in enumerate(text.edus)}

    def edus_of(node: str, depth: int = 0) -> list[str]:
        if node in text.edus:
            return [node]
        if depth > 2:
            return []
        return [e for part in parts.get(node, []) for e in edus_of(part, depth + 1)]

    result = {}
    for adu_id, element in text.adus.items():
        edus = sorted(set(edus_of(adu_id)), key=order.__getitem__)
        words = " ".join(text.edus[e].text.strip() for e in edus).strip()
        if not words:
            text.problems.append(
                _problem(
                    "ADU has no text: no 'seg' edge links an EDU to it",
                    source,
                    element,
                    hint="add <edge type='seg' src='e..' trg='" + adu_id + "'/>",
                )
            )
            continue
        said = [e for e in edus if not _is_implicit(text.edus[e])]
        unsaid = " ".join(text.edus[e].text.strip() for e in edus if e not in said).strip()
        result[adu_id] = _AduWords(words, _runs(text, said, order), unsaid)
    return result


def _is_implicit(edu: _Element) -> bool:
    return edu.attrs.get("implicit", "").strip().lower() in ("true", "1", "yes")


def _runs(text: _Text, edus: list[str], order: dict[str, int]) -> tuple[str, ...]:
    """The EDUs' texts, adjacent ones joined by a space, one string per run."""
    runs: list[list[str]] = []
    previous = -2
    for edu in edus:
        if order[edu] != previous + 1 or not runs:
            runs.append([])
        runs[-1].append(text.edus[edu].text.strip())
        previous = order[edu]
    return tuple(" ".join(run) for run in runs if any(run))


def parse_microtext(
    xml_text: str,
    plain_text: str,
    *,
    source: str,
    text_path: Path | None = None,
    questions: Mapping[str, str] | None = None,
) -> ImportedData:
    """One microtext as graph data: a document, claims, relations and a topic.

    Parameters
    ----------
    xml_text
        The XML argumentation graph.
    plain_text
        The text of the ``.txt`` beside it; every ADU is quoted from it.
    source
        The XML file's name, for messages.
    text_path
        Where the text was read from; the document then refers to it by path.
    questions
        Each topic id's question (from the corpus's ``topics_triggers.md``).

    Raises
    ------
    FormatError
        With every problem of the file at once.
    """
    text = _collect(parse_microtext_xml(xml_text, source=source), source)
    _check_edges(text, source)
    adu_texts = _adu_texts(text, source)
    if text.problems or text.root is None:
        raise FormatError(text.problems)
    return _build_text(text, adu_texts, plain_text, source, text_path, questions or {})


def _build_text(
    text: _Text,
    adu_texts: dict[str, _AduWords],
    plain_text: str,
    source: str,
    text_path: Path | None,
    questions: Mapping[str, str],
) -> ImportedData:
    assert text.root is not None  # checked by the caller
    root = text.root
    doc_id = safe_id(root.attrs.get("id") or Path(source).stem)
    data = ImportedData()
    doc: dict[str, Any] = {"id": doc_id, "title": f"Microtext {doc_id}", "kind": "essay"}
    if text_path is not None:
        doc["path"] = str(text_path.resolve())
        data.sources[doc_id] = text_path.resolve()
    else:
        doc["text"] = plain_text
    data.texts[doc_id] = plain_text
    data.add("documents", doc, Origin(source, root.line, doc_id))
    topic = root.attrs.get("topic_id")
    topic_id = safe_id(topic) if topic else None
    if topic_id is not None:
        question = questions.get(topic or "")
        data.add_once(
            "topics",
            {"id": topic_id, "label": (topic or "").replace("_", " "), "question": question},
            Origin(source, root.line, topic_id),
        )
    _add_speakers(data, source)
    central = _central_adu(text)
    stance = root.attrs.get("stance")
    if stance is not None and stance not in _STANCES:
        raise FormatError([_problem(f"stance '{stance}' is not pro, con or unclear", source, root)])
    for adu_id, element in text.adus.items():
        speaker = AUTHOR if element.attrs["type"] == "pro" else OPPONENT
        claim: dict[str, Any] = {
            "id": f"{doc_id}.{adu_id}",
            "statement": adu_texts[adu_id].statement,
            "topics": [topic_id] if topic_id else [],
            "attributions": [_attribution(adu_texts[adu_id], speaker, doc_id)],
        }
        if adu_id == central:
            claim["note"] = "central claim of the text"
            if topic_id and stance in ("pro", "con"):
                claim["stances"] = {topic_id: "yes" if stance == "pro" else "no"}
        data.add("claims", claim, Origin(source, element.line, adu_id))
    for relation, element in _relations(text, doc_id):
        data.add("relations", relation, Origin(source, element.line, element.attrs["id"]))
    return data


def _attribution(words: _AduWords, speaker: str, doc_id: str) -> dict[str, Any]:
    """The ADU's quote: plain, split into segments, or implicit when the text never says it."""
    attribution: dict[str, Any] = {"speaker": speaker, "document": doc_id}
    if not words.runs:
        return {**attribution, "quote": words.implicit, "implicit": True}
    if len(words.runs) == 1:
        return {**attribution, "quote": words.runs[0]}
    return {**attribution, "segments": [{"quote": run} for run in words.runs]}


def _add_speakers(data: ImportedData, source: str) -> None:
    data.add_once(
        "speakers",
        {"id": AUTHOR, "name": "Microtext author", "kind": "group", "role": "proponent"},
        Origin(source),
    )
    data.add_once(
        "speakers",
        {
            "id": OPPONENT,
            "name": "Opponent voiced in a microtext",
            "kind": "group",
            "role": "opponent: an objection the author states in order to answer it",
        },
        Origin(source),
    )


def _central_adu(text: _Text) -> str | None:
    """The ADU no argumentative edge leaves: the text's central claim."""
    sources = {e.attrs.get("src") for e in text.edges.values() if e.attrs.get("type") != "seg"}
    roots = [a for a in text.adus if a not in sources]
    return roots[0] if len(roots) == 1 else None


_KIND = {"sup": "supports", "exa": "supports", "reb": "rebuts", "und": "rebuts"}


def _relations(text: _Text, doc_id: str) -> list[tuple[dict[str, Any], _Element]]:
    """Relations for every argumentative edge; ``add`` joins the edge it names."""
    relations: list[tuple[dict[str, Any], _Element]] = []
    added: dict[str, list[str]] = {}
    for element in text.edges.values():
        if element.attrs["type"] == "add":
            added.setdefault(element.attrs["trg"], []).append(element.attrs["src"])
    for edge_id, element in text.edges.items():
        kind = element.attrs["type"]
        if kind == "seg":
            continue
        joined = _joined_edge(text, element)
        if joined is None:
            continue
        relation: dict[str, Any] = {
            "id": f"{doc_id}.{edge_id}",
            "source": f"{doc_id}.{element.attrs['src']}",
            # an ADU id, or for an undercut the id of the edge (= relation) it attacks
            "target": f"{doc_id}.{joined.attrs['trg']}",
            "kind": _KIND[joined.attrs["type"]],
        }
        note = _relation_note(element, joined, added, doc_id)
        if note:
            relation["note"] = note
        relations.append((relation, element))
    return relations


def _joined_edge(text: _Text, element: _Element) -> _Element | None:
    """The edge whose kind and target ``element`` takes: itself, or what an ``add`` joins."""
    joined = element
    for _ in range(len(text.edges)):  # bounded: a loop of add edges must not hang
        if joined.attrs["type"] != "add":
            break
        joined = text.edges[joined.attrs["trg"]]
    kind = joined.attrs["type"]
    return joined if kind in _KIND else None


def _relation_note(
    element: _Element, joined: _Element, added: dict[str, list[str]], doc_id: str
) -> str | None:
    notes = []
    kind = element.attrs["type"]
    if joined.attrs["type"] == "exa":
        notes.append("support by example (exa)")
    if joined.attrs["type"] == "und":
        notes.append("undercut (und): attacks the inference, not the claim")
    if kind == "add":
        notes.append(
            f"linked premise (add): joins edge {doc_id}.{joined.attrs['id']} "
            f"from {doc_id}.{joined.attrs['src']}"
        )
    elif element.attrs["id"] in added:
        partners = ", ".join(f"{doc_id}.{p}" for p in added[element.attrs["id"]])
        notes.append(f"linked argument: premise together with {partners} (add)")
    return "; ".join(notes) or None


def parse_microtext_files(xml_path: Path, prefix: str = "") -> ImportedData:
    """Read ``xml_path`` and the ``.txt`` beside it; problems raise a located error.

    ``prefix`` is unused: microtext ids are already unique across the corpus.
    """
    source = display_path(xml_path)
    text_path = xml_path.with_suffix(".txt")
    problems: list[Problem] = []
    xml_text = _read(xml_path, source, problems)
    plain = _read(text_path, display_path(text_path), problems, missing_hint=source)
    if xml_text is None or plain is None:
        raise FormatError(problems)
    return parse_microtext(
        xml_text,
        plain,
        source=source,
        text_path=text_path,
        questions=corpus_topic_questions(xml_path.parent),
    )


def _read(
    path: Path, display: str, problems: list[Problem], *, missing_hint: str | None = None
) -> str | None:
    """The file's text, or ``None`` with its problems added (a missing text says whose)."""
    try:
        return read_import_text(path, display)[0]
    except FormatError as exc:
        for problem in exc.problems:
            if missing_hint and problem.message == "file not found":
                hint = f"{missing_hint} needs its text beside it, with the same name and .txt"
                problem = dataclasses.replace(problem, hint=hint)
            problems.append(problem)
        return None


def read_microtexts(
    paths: str | os.PathLike[str] | Sequence[str | os.PathLike[str]],
    *,
    progress: Progress | None = None,
    log: ImportLog | None = None,
) -> ArgumentGraph:
    """Read microtext XML files (or folders of them) into one corpus graph.

    Parameters
    ----------
    paths
        ``.xml`` files, or folders whose ``.xml`` files are read; each needs its ``.txt``.
    progress
        Called as ``progress(done, total, path)`` after each text.
    log
        With ``log.strict`` false, a text with problems is left out and its problems
        are listed in ``log.skipped``; the sound texts still make the graph.

    Returns
    -------
    ArgumentGraph
        Documents, claims and relations of every text; one topic per ``topic_id``.

    Raises
    ------
    FormatError
        Every problem of every file, each with file, line and element id.
    """
    files = [p for p in expand_paths(paths, (".xml",)) if p.suffix.lower() == ".xml"]
    imported = read_each(files, parse_microtext_files, progress=progress, log=log)
    imported.title = "Argumentative microtexts" if len(files) > 1 else None
    return build_imported(imported)
