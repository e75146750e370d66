"""Argdown (a subset), both ways.

Argdown (https://argdown.org) writes arguments as indented text. What is read:

- statements ``[Title]: text`` and references ``[Title]``; untitled paragraphs are
  statements too (``untitled-1`` ...); a title used again adds its text as another
  attribution of the same claim (Argdown's "equivalence class");
- arguments ``<Title>: text`` and ``<Title>``: a claim whose statement is the
  argument's description (or title);
- relations, nested by indentation under their parent: ``+`` / ``<+`` (the child
  supports the parent), ``-`` / ``<-`` (rebuts it), ``+>`` / ``->`` (the parent supports
  / rebuts the child), ``<_`` / ``_>`` (undercut: the attacker rebuts every relation
  leaving the undercut argument), ``><`` (contradiction: rebuts both ways, with a note);
- premise-conclusion structures ``(1) ... -- ... (3)`` after an argument: each
  numbered statement is a claim; the statements before an inference line support the
  one after it, and the argument supports its final conclusion (all with notes);
- ``#tags`` (``#tag``, ``#(two words)``) become topics; the front matter's ``title``
  and ``author`` become the graph title and the speaker (else ``argdown-author``).

Comments (``//``, ``/* */``, ``<!-- -->``), headings, ``{data}`` blocks and inference
rules are read past. The document is the Argdown file itself, so every quote is the
element's text as written there.

A claim id is the title when that is a valid id, else its slug (``<No harm, no ban>`` ->
``no-harm-no-ban``); an argument whose title is also a statement's gets ``-argument``.

Example
-------
>>> g = parse_argdown("[A]: Cats are best. #pets\\n  - [B]: Dogs are.\\n", source="x.argdown")
>>> [(r.source, r.kind, r.target) for r in build_imported(g).relations]
[('B', 'rebuts', 'A')]
"""

from __future__ import annotations

import os
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from arggraph.errors import FormatError, Problem
from arggraph.io.atomic import write_text_atomic
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
from arggraph.model import ID_PATTERN, ArgumentGraph

AUTHOR = "argdown-author"
_VALID_ID = re.compile(ID_PATTERN)
_BLANK = "\x00"  # stands in for comment characters, so offsets and lines stay put

_COMMENTS = re.compile(
    r"(?<!\\)/\*.*?\*/|(?<!\\)<!--.*?-->|(?:(?<=\s)|^)//[^\n]*", re.DOTALL | re.MULTILINE
)
_MARKER = re.compile(r"^(?P<marker><\+|<-|\+>|->|<_|_>|><|\+|-)\s+(?P<rest>\S.*)$")
_STATEMENT = re.compile(r"^\[(?P<title>[^\]\n]+)\](?::\s*(?P<text>.*)|(?P<tail>(?:\s+#\S+)*\s*))$")
_ARGUMENT = re.compile(r"^<(?P<title>[^>\n]+)>(?::\s*(?P<text>.*)|(?P<tail>(?:\s+#\S+)*\s*))$")
_NUMBERED = re.compile(r"^\((?P<number>\d+)\)\s+(?P<rest>.*)$")
_SEPARATOR = re.compile(r"^-{2,}\s*$")
_INLINE_RULE = re.compile(r"^--.+--\s*$")
_HEADING = re.compile(r"^#+\s")
_TAG = re.compile(r"(?<!\S)#(?:\((?P<long>[^)]+)\)|(?P<short>[\w\-]+))")
_DATA = re.compile(r"\{[^{}]*\}\s*$")
_MENTION = re.compile(r"@\[([^\]]+)\]|@<([^>]+)>")

_RELATIONS = {
    "+": ("supports", False),
    "<+": ("supports", False),
    "-": ("rebuts", False),
    "<-": ("rebuts", False),
    "+>": ("supports", True),
    "->": ("rebuts", True),
    "<_": ("undercut", False),
    "_>": ("undercut", True),
    "><": ("contradicts", False),
}
"""Marker -> (kind, whether the parent is the source rather than the child)."""

_SPECIAL = re.compile(r"[\\\[\]<>{}#@*_`]|(?<=/)/|/(?=/)")
"""Characters Argdown reads as markup (titles, tags, data, mentions, emphasis, comments)."""
_ESCAPED = re.compile(r"\\(.)", re.DOTALL)
_PROTECT = 0xF0000  # escaped characters hide in a private-use plane while markup is read


def escape_argdown(text: str) -> str:
    """``text`` with every character Argdown would read as markup escaped by a backslash.

    Argdown's parser reads the result back as ``text`` itself (whitespace joined).

    >>> print(escape_argdown("The [a]ctivities #1 // see <x>"))
    The \\[a\\]ctivities \\#1 \\/\\/ see \\<x\\>
    """
    return _SPECIAL.sub(lambda m: "\\" + m.group(), " ".join(text.split()))


def unescape_argdown(text: str) -> str:
    """The inverse of :func:`escape_argdown`: ``\\X`` reads as ``X``.

    >>> print(unescape_argdown(r"a \\[b\\] \\\\ c"))
    a [b] \\ c
    """
    return _ESCAPED.sub(lambda m: m.group(1), text)


def _protect(text: str) -> str:
    """Escaped characters moved out of the way of the markup patterns."""
    return _ESCAPED.sub(
        lambda m: chr(_PROTECT + ord(m.group(1))) if ord(m.group(1)) < 0x10000 else m.group(1),
        text,
    )


def _unprotect(text: str) -> str:
    return re.sub("[\U000f0000-\U000fffff]", lambda m: chr(ord(m.group()) - _PROTECT), text)


@dataclass
class _Element:
    """A statement or argument mention as read: its claim id, text and place."""

    claim: str
    line: int
    is_argument: bool
    text: list[str] = field(default_factory=list)


@dataclass
class _Link:
    marker: str
    parent: str
    child: str
    line: int


@dataclass
class _Reader:
    """State of one pass over an Argdown text."""

    source: str
    claims: dict[str, dict[str, Any]] = field(default_factory=dict)
    claim_lines: dict[str, int] = field(default_factory=dict)
    titles: dict[tuple[str, bool], str] = field(default_factory=dict)
    links: list[_Link] = field(default_factory=list)
    tags: dict[str, str] = field(default_factory=dict)
    extra_relations: list[tuple[dict[str, Any], int]] = field(default_factory=list)
    untitled: int = 0
    problems: list[Problem] = field(default_factory=list)


def _blank_comments(text: str) -> str:
    """``text`` with comments replaced by placeholder characters (newlines kept)."""
    return _COMMENTS.sub(lambda m: re.sub(r"[^\n]", _BLANK, m.group()), text)


def _front_matter(lines: list[str]) -> tuple[dict[str, Any], int]:
    """The YAML front matter between ``===`` lines, and the index of the first line after."""
    if not lines or lines[0].strip() != "===":
        return {}, 0
    for index in range(1, len(lines)):
        if lines[index].strip() == "===":
            try:
                meta = yaml.safe_load("\n".join(lines[1:index]).replace(_BLANK, " "))
            except (yaml.YAMLError, RecursionError):  # front matter is optional metadata
                meta = None
            return (meta if isinstance(meta, dict) else {}), index + 1
    return {}, 0


def _claim_id(reader: _Reader, title: str, is_argument: bool) -> str:
    """The claim id for a statement or argument title (stable within one file)."""
    key = (title.strip(), is_argument)
    if key in reader.titles:
        return reader.titles[key]
    base = title.strip() if _VALID_ID.match(title.strip()) else slug(title, fallback="claim")
    taken = set(reader.titles.values())
    claim_id = base if base not in taken else f"{base}-argument"
    reader.titles[key] = claim_id
    return claim_id


def _statement_text(text: str) -> str:
    """Element text without tags, data blocks, mentions' marks, escapes and extra whitespace."""
    plain = _protect(text.replace(_BLANK, " "))
    plain = _DATA.sub("", _TAG.sub("", plain))
    plain = _MENTION.sub(lambda m: m.group(1) or m.group(2), plain)
    return _unprotect(" ".join(plain.split()))


def _quote(text: str) -> str:
    """The longest stretch of ``text`` that no comment interrupts: it occurs in the file."""
    pieces = [p.strip() for p in re.split(f"{_BLANK}+", text)]
    return max(pieces, key=len) if pieces else ""


def _element(reader: _Reader, content: str, line: int) -> _Element:
    """Read ``[T]: text``, ``[T]``, ``<T>: text``, ``<T>`` or plain text at ``line``."""
    for pattern, is_argument in ((_STATEMENT, False), (_ARGUMENT, True)):
        match = pattern.match(content.strip())
        if match:
            title = match["title"]
            claim = _claim_id(reader, title, is_argument)
            element = _Element(claim, line, is_argument)
            if match["text"] is not None and match["text"].replace(_BLANK, "").strip():
                element.text.append(match["text"])
            _ensure_claim(reader, claim, title, line, match["tail"] or "")
            return element
    reader.untitled += 1
    claim = _claim_id(reader, f"untitled-{reader.untitled}", False)
    _ensure_claim(reader, claim, None, line, "")
    return _Element(claim, line, False, [content])


def _ensure_claim(reader: _Reader, claim: str, title: str | None, line: int, tail: str) -> None:
    if claim not in reader.claims:
        reader.claims[claim] = {"id": claim, "title": title, "texts": [], "tags": []}
        reader.claim_lines[claim] = line
    _add_tags(reader, claim, tail)


def _add_tags(reader: _Reader, claim: str, text: str) -> None:
    for match in _TAG.finditer(_protect(text.replace(_BLANK, " "))):
        tag = (match["long"] or match["short"]).strip()
        topic = tag if _VALID_ID.match(tag) else slug(tag, fallback="tag")
        reader.tags.setdefault(topic, tag)
        if topic not in reader.claims[claim]["tags"]:
            reader.claims[claim]["tags"].append(topic)


def _finish(reader: _Reader, element: _Element | None) -> None:
    """Record the text gathered for ``element`` as one of its claim's texts."""
    if element is None or not element.text:
        return
    raw = "\n".join(element.text)
    if raw.replace(_BLANK, "").strip():
        reader.claims[element.claim]["texts"].append(raw)
        _add_tags(reader, element.claim, raw)
    element.text = []


@dataclass
class _Pcs:
    """A premise-conclusion structure being read: its argument and numbered items."""

    argument: str
    segment: list[str] = field(default_factory=list)
    last: str | None = None
    in_rule: bool = False
    pending: bool = False


def _read(reader: _Reader, lines: list[str], first: int) -> None:
    """One pass over the lines: elements, relations (by indentation) and PCS items."""
    stack: list[tuple[int, str]] = []
    current: _Element | None = None
    pcs: _Pcs | None = None
    structures: list[_Pcs] = []
    last_argument: str | None = None
    in_heading = False  # a heading runs on to the next blank line
    for index in range(first, len(lines)):
        number = index + 1
        line = lines[index]
        stripped = line.replace(_BLANK, " ").strip()
        if not stripped:
            _finish(reader, current)
            current, in_heading = None, False
            continue
        indent = len(line) - len(line.lstrip(" \t"))
        content = line.strip(_BLANK + " \t")
        if in_heading:
            continue
        if indent == 0 and _HEADING.match(stripped):
            _finish(reader, current)
            current, stack, pcs, in_heading = None, [], None, True
            continue
        if pcs is not None and (_SEPARATOR.match(stripped) or _INLINE_RULE.match(stripped)):
            _finish(reader, current)
            current = None
            single = _INLINE_RULE.match(stripped) is not None
            if pcs.in_rule:
                pcs.in_rule = False
            else:
                pcs.pending = True
                pcs.in_rule = stripped == "--" and not single
            continue
        if pcs is not None and pcs.in_rule:
            continue
        marker = _MARKER.match(content)
        numbered = _NUMBERED.match(content)
        if marker and stack:
            _finish(reader, current)
            while stack and stack[-1][0] >= indent:
                stack.pop()
            parent = stack[-1][1] if stack else None
            current = _element(reader, marker["rest"], number)
            if parent is not None:
                reader.links.append(_Link(marker["marker"], parent, current.claim, number))
            stack.append((indent, current.claim))
        elif numbered and last_argument is not None:
            _finish(reader, current)
            if pcs is None or pcs.argument != last_argument:
                pcs = _Pcs(last_argument)
                structures.append(pcs)
            current = _element(reader, numbered["rest"], number)
            _pcs_item(reader, pcs, current.claim, numbered["number"], number)
            stack = [(indent, current.claim)]
        elif current is not None and not (indent == 0 and _starts_element(content)):
            current.text.append(content)
        else:
            _finish(reader, current)
            current = _element(reader, content, number)
            stack = [(indent, current.claim)]
            if current.is_argument:
                last_argument, pcs = current.claim, None
            elif indent == 0:
                last_argument, pcs = None, None
    _finish(reader, current)
    for structure in structures:
        _close_pcs(reader, structure)


def _starts_element(content: str) -> bool:
    """True for a line that defines or names a statement or argument."""
    return bool(_STATEMENT.match(content) or _ARGUMENT.match(content))


def _pcs_item(reader: _Reader, pcs: _Pcs, claim: str, label: str, line: int) -> None:
    """Add numbered item ``claim``; after an inference line, the items so far support it."""
    if pcs.pending:
        for premise in pcs.segment:
            if premise != claim:
                reader.extra_relations.append(
                    (
                        {
                            "source": premise,
                            "target": claim,
                            "kind": "supports",
                            "note": f"premise-conclusion structure of <{pcs.argument}>: "
                            f"inferred as ({label})",
                        },
                        line,
                    )
                )
        pcs.segment = []
        pcs.pending = False
        pcs.last = claim
    pcs.segment.append(claim)


def _close_pcs(reader: _Reader, pcs: _Pcs) -> None:
    if pcs.last is not None and pcs.last != pcs.argument:
        reader.extra_relations.append(
            (
                {
                    "source": pcs.argument,
                    "target": pcs.last,
                    "kind": "supports",
                    "note": f"argument <{pcs.argument}> concludes this",
                },
                reader.claim_lines.get(pcs.last, 0),
            )
        )


def parse_argdown(
    text: str, *, source: str, prefix: str = "", path: Path | None = None
) -> ImportedData:
    """One Argdown text as graph data; the document is ``text`` itself.

    Raises
    ------
    FormatError
        When nothing argumentative is found or a relation cannot be placed.
    """
    cleaned = _blank_comments(text)
    lines = cleaned.split("\n")
    meta, first = _front_matter(lines)
    reader = _Reader(source)
    _read(reader, lines, first)
    if not reader.claims:
        reader.problems.append(
            Problem(
                "no statements or arguments found",
                code="malformed-input",
                file=source,
                hint="Argdown statements look like '[Title]: text'",
            )
        )
    if reader.problems:
        raise FormatError(reader.problems)
    return _build(reader, text, meta, prefix, path)


def _build(
    reader: _Reader, text: str, meta: dict[str, Any], prefix: str, path: Path | None
) -> ImportedData:
    source = reader.source
    title = meta.get("title")
    data = ImportedData(title=" ".join(str(title).split()) if title else None)
    doc_id = safe_id(Path(source).stem, fallback="argdown")
    document: dict[str, Any] = {"id": doc_id, "title": data.title or Path(source).name}
    if meta.get("author"):
        document["authors"] = [str(meta["author"])]
    if path is not None:
        document["path"] = str(path.resolve())
        data.sources[doc_id] = path.resolve()
        data.inputs.append(path)
    else:
        document["text"] = text
    data.texts[doc_id] = text
    data.add("documents", document, Origin(source, 1, "document"))
    speaker = slug(str(meta["author"]), fallback=AUTHOR) if meta.get("author") else AUTHOR
    name = str(meta["author"]) if meta.get("author") else "Argdown author"
    data.add_once("speakers", {"id": speaker, "name": name}, Origin(source, 1))
    described = _described_topics(meta)
    for topic, label in reader.tags.items():
        item = {"label": label, **described.pop(topic, {}), "id": prefix + topic}
        data.add_once("topics", item, Origin(source, 1, f"#{label}"))
    for topic, item in described.items():
        data.add_once("topics", {**item, "id": prefix + topic}, Origin(source, 1, "topics"))
    for claim in reader.claims.values():
        origin = Origin(source, reader.claim_lines[claim["id"]], claim["title"] or claim["id"])
        data.add("claims", _claim(claim, prefix, speaker, doc_id), origin)
    _relations(reader, data, prefix)
    return data


def _described_topics(meta: dict[str, Any]) -> dict[str, dict[str, Any]]:
    """Topics the front matter describes (``topics:``, as arggraph writes it), by id.

    Their fields go to the model as written, so a wrong one is reported there.
    """
    topics = meta.get("topics")
    if not isinstance(topics, list):
        return {}
    return {
        str(item["id"]): {k: v for k, v in item.items() if k != "id"}
        for item in topics
        if isinstance(item, dict) and item.get("id") is not None
    }


def _claim(claim: dict[str, Any], prefix: str, speaker: str, doc_id: str) -> dict[str, Any]:
    texts = claim["texts"]
    statement = _statement_text(texts[0]) if texts else claim["title"]
    quotes = [_quote(t) for t in texts] or [claim["title"]]
    attributions = []
    for quote in dict.fromkeys(q for q in quotes if q):
        attributions.append({"speaker": speaker, "document": doc_id, "quote": quote})
    result: dict[str, Any] = {
        "id": prefix + claim["id"],
        "statement": statement or claim["title"] or claim["id"],
        "topics": [prefix + t for t in claim["tags"]],
        "attributions": attributions,
    }
    if len(texts) > 1:
        result["note"] = "Argdown gives this title several texts (an equivalence class)"
    return result


def _relations(reader: _Reader, data: ImportedData, prefix: str) -> None:
    """Relations from the links, undercuts last (they target the relations made first)."""
    made: dict[tuple[str, str], dict[str, Any]] = {}
    notes: dict[str, list[str]] = {}

    def add(relation: dict[str, Any], line: int) -> dict[str, Any] | None:
        pair = (relation["source"], relation["target"])
        if pair[0] == pair[1]:
            notes.setdefault(pair[0], []).append("Argdown relates this claim to itself; not kept")
            return None
        if pair in made:
            kept = made[pair]
            if kept["kind"] != relation["kind"]:
                extra = f"Argdown also says it {relation['kind']} (line {line}); not kept"
            else:
                extra = relation.get("note") or f"Argdown states this again (line {line})"
            kept["note"] = f"{kept['note']}; {extra}" if kept.get("note") else extra
            return kept
        made[pair] = relation
        data.add("relations", relation, Origin(reader.source, line, f"{pair[0]} -> {pair[1]}"))
        return relation

    undercuts: list[tuple[str, str, int]] = []
    for link in reader.links:
        kind, parent_is_source = _RELATIONS[link.marker]
        source, target = (
            (link.parent, link.child) if parent_is_source else (link.child, link.parent)
        )
        if kind == "undercut":
            undercuts.append((prefix + source, prefix + target, link.line))
        elif kind == "contradicts":
            note = "contradictory statements (Argdown ><)"
            for a, b in ((source, target), (target, source)):
                add(
                    {"source": prefix + a, "target": prefix + b, "kind": "rebuts", "note": note},
                    link.line,
                )
        else:
            add({"source": prefix + source, "target": prefix + target, "kind": kind}, link.line)
    for relation, line in reader.extra_relations:
        add(
            {
                **relation,
                "source": prefix + relation["source"],
                "target": prefix + relation["target"],
            },
            line,
        )
    for attacker, argument, line in _undercut_order(undercuts):
        _undercut(attacker, argument, line, made, add)
    for claim in data.sections["claims"]:
        if claim["id"] in notes:
            claim["note"] = "; ".join(notes[claim["id"]])


def _undercut_order(undercuts: list[tuple[str, str, int]]) -> list[tuple[str, str, int]]:
    """Undercuts in an order where each comes after those its argument makes.

    In a chain (``<B>`` undercuts ``<A>``, and ``[C]`` undercuts ``<B>``), C attacks the
    undercut relation B makes, so B's must exist first. A cycle keeps file order.
    """
    pending = list(undercuts)
    ordered: list[tuple[str, str, int]] = []
    while pending:
        attackers = {attacker for attacker, _, _ in pending}
        ready = [u for u in pending if u[1] not in attackers] or pending[:1]
        ordered += ready
        pending = [u for u in pending if not any(u is r for r in ready)]
    return ordered


def _undercut(
    attacker: str,
    argument: str,
    line: int,
    made: dict[tuple[str, str], dict[str, Any]],
    add: Any,
) -> None:
    """``attacker`` rebuts every relation leaving ``argument``; the targets get ids.

    The relations leaving ``argument`` may be undercuts themselves (a chain).
    """
    targets = [r for (source, _), r in list(made.items()) if source == argument]
    if not targets:
        add(
            {
                "source": attacker,
                "target": argument,
                "kind": "rebuts",
                "note": "Argdown undercut of an argument that supports nothing here: kept as a "
                "rebuttal of the argument",
            },
            line,
        )
        return
    for target in targets:
        if "id" not in target:
            target["id"] = safe_id(f"{target['source']}-{target['kind']}-{target['target']}")
        add(
            {
                "source": attacker,
                "target": target["id"],
                "kind": "rebuts",
                "note": f"Argdown undercut of <{argument}>",
            },
            line,
        )


def parse_argdown_file(path: Path, prefix: str = "") -> ImportedData:
    """Read one Argdown file; problems raise a located :class:`FormatError`."""
    text, display = read_import_text(path)
    return parse_argdown(text, source=display, prefix=prefix, path=path)


def read_argdown(
    paths: str | os.PathLike[str] | Sequence[str | os.PathLike[str]],
    *,
    progress: Progress | None = None,
    log: ImportLog | None = None,
) -> ArgumentGraph:
    """Read Argdown files (or folders of ``.argdown``/``.ad``) into one checked graph."""
    files = expand_paths(paths, (".argdown", ".ad"))
    return build_imported(read_each(files, parse_argdown_file, progress=progress, log=log))


# --- export -----------------------------------------------------------------------------


def dump_argdown(graph: ArgumentGraph) -> str:
    """The graph as Argdown text: statements with tags, then relations by target.

    Claim ids are the titles; topics are tags. A claim whose relations are undercut
    is written as an argument ``<id>`` so that ``<_`` can attack it; an undercut of
    one of several relations leaving a claim therefore attacks all of them when read
    back. Speakers, quotes, stances and notes are not written.
    """
    undercut_sources = {
        rel.source
        for target in graph.relations
        if graph.is_undercut(target)
        for rel in graph.relations
        if rel.key == target.target
    }

    def ref(claim_id: str) -> str:
        return f"<{claim_id}>" if claim_id in undercut_sources else f"[{claim_id}]"

    lines = _front_matter_lines(graph)
    for claim in graph.claims:
        tags = "".join(f" {_tag(t)}" for t in claim.topics)
        lines.append(f"{ref(claim.id)}: {escape_argdown(claim.statement)}{tags}")
        lines.append("")
    by_target: dict[str, list[str]] = {}
    relation_of = {rel.key: rel for rel in graph.relations}
    for rel in graph.relations:
        if graph.is_undercut(rel):
            undercut = relation_of.get(rel.target)
            if undercut is not None:
                by_target.setdefault(undercut.source, []).append(f"  <_ {ref(rel.source)}")
            continue
        marker = "+" if rel.kind == "supports" else "-"
        by_target.setdefault(rel.target, []).append(f"  {marker} {ref(rel.source)}")
    for target, children in by_target.items():
        lines.append(ref(target))
        lines.extend(children)
        lines.append("")
    return "\n".join(lines).rstrip("\n") + "\n"


def _tag(topic: str) -> str:
    """``#topic``, or ``#(topic)`` when the id has characters a short tag cannot hold."""
    return f"#{topic}" if re.fullmatch(r"[\w\-]+", topic) else f"#({topic})"


def _front_matter_lines(graph: ArgumentGraph) -> list[str]:
    """The title and the topics (labels, questions, sub-questions) as YAML front matter."""
    meta: dict[str, Any] = {}
    if graph.title:
        meta["title"] = " ".join(graph.title.split())
    if graph.topics:
        meta["topics"] = [
            t.model_dump(exclude_none=True, exclude_defaults=True) for t in graph.topics
        ]
    if not meta:
        return []
    text = yaml.safe_dump(meta, sort_keys=False, allow_unicode=True, width=100)
    return ["===", *text.rstrip("\n").split("\n"), "===", ""]


def write_argdown(graph: ArgumentGraph, path: str | os.PathLike[str]) -> Path:
    """Write :func:`dump_argdown` output to ``path`` atomically."""
    return write_text_atomic(Path(path), dump_argdown(graph), inputs=graph.input_paths)
