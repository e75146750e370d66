"""What format a file is in, told from its content (and its suffix where content is silent).

``arggraph import PATH`` without a format uses :func:`sniff_file` to pick the importer,
and an import in a named format checks each file with it first, so that an AIF file
given to the microtexts importer is refused with a located error naming the format it
looks like, instead of becoming an empty graph. Only the first 64 KiB are read.

Each sniffed format comes with its evidence and the line and column where it was seen.

Example
-------
>>> sniff_text('{"nodes": [{"nodeID": "1", "type": "I", "text": "t"}], "edges": []}').format
'aif'
>>> sniff_text("Discussion Title: Cars?\\n\\n1. Ban cars.\\n").format
'kialo'
>>> sniff_text("just some prose") is None
True
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

HEAD_BYTES = 64 * 1024

DESCRIPTIONS = {
    "aif": "AIF JSON",
    "argdown": "Argdown",
    "argdown-json": "Argdown's JSON export",
    "graphml": "GraphML",
    "json": "an arggraph JSON graph",
    "kialo": "a Kialo export",
    "microtexts": "microtexts XML",
    "nodelink": "node-link JSON",
    "yaml": "an arggraph YAML graph",
}
"""How messages name each format a file can look like."""


@dataclass(frozen=True)
class Sniffed:
    """A format a file looks like, why, and where the evidence is (1-based)."""

    format: str
    evidence: str
    line: int
    column: int

    @property
    def description(self) -> str:
        """The format as messages name it, e.g. ``"AIF JSON"``."""
        return DESCRIPTIONS[self.format]


_AIF = re.compile(r'"(?:nodeID|AIF)"\s*:|"type"\s*:\s*"(?:I|L|RA|CA|MA|YA|TA|PA)"')
_NODES = re.compile(r'"nodes"\s*:')
_LINKS = re.compile(r'"(?:links|edges)"\s*:')
_ARGDOWN_JSON = re.compile(r'"(?:relationType|statements|equivalenceClasses)"\s*:')
_GRAPH_KEY = re.compile(r'"(?:documents|speakers|topics|claims|relations|include|arggraph)"\s*:')
_XML_ROOT = re.compile(r"<(arggraph|graphml)\b")
_KIALO_TITLE = re.compile(r"^\s*Discussion Title:", re.MULTILINE)
_KIALO_ITEM = re.compile(r"^\d+(?:\.\d+)+\.\s+(?:Pro|Con):", re.MULTILINE)
_YAML_KEY = re.compile(r"^(?:documents|speakers|topics|claims|relations|include|arggraph):", re.M)
_ARGDOWN = re.compile(
    r"^\s*(?:(?:<\+|<-|\+>|->|<_|_>|\+|-)\s+)?(?:\[[^\]\n]+\]|<[^>\n]+>):"
    r"|^\s*(?:<\+|<-|\+>|->|<_|_>|\+|-)\s+(?:\[[^\]\n]+\]|<[^>\n]+>)"
    r"|\A\s*===\s*$",
    re.MULTILINE,
)


def sniff_file(path: Path) -> Sniffed | None:
    """The format ``path`` looks like, or ``None`` when it cannot be told (or read)."""
    try:
        with path.open("rb") as handle:
            head = handle.read(HEAD_BYTES)
    except OSError:
        return None
    if b"\0" in head:
        return None
    return sniff_text(head.decode("utf-8", errors="replace"), suffix=path.suffix)


def sniff_text(text: str, *, suffix: str = "") -> Sniffed | None:
    """The format ``text`` looks like, or ``None``; ``suffix`` decides only when content is silent.

    Parameters
    ----------
    text
        The start of a file (the first 64 KiB are plenty).
    suffix
        The file's suffix, e.g. ``".argdown"``.

    Returns
    -------
    Sniffed or None
        One of ``aif``, ``nodelink``, ``argdown-json``, ``json`` (arggraph's own), ``microtexts``,
        ``graphml``, ``kialo``, ``yaml`` (arggraph's own), ``argdown``.
    """
    text = text.lstrip("\ufeff")
    start = text.lstrip()[:1]
    if start == "{":
        return _sniff_json(text)
    if start == "[":  # a JSON list, or an Argdown file opening with "[title]: ..."
        return _sniff_json(text) or _sniff_plain(text, suffix.lower())
    if start == "<":
        found = _XML_ROOT.search(text)
        if found is None:
            return None
        name = found.group(1)
        kind = "microtexts" if name == "arggraph" else "graphml"
        return _at(text, found.start(), kind, f"an <{name}> element")
    return _sniff_plain(text, suffix.lower())


def _sniff_json(text: str) -> Sniffed | None:
    aif = _AIF.search(text)
    if aif is not None:
        return _at(text, aif.start(), "aif", f"AIF's {aif.group().split(':')[0]} key")
    nodes = _NODES.search(text)
    if nodes is not None and _LINKS.search(text):
        return _at(text, nodes.start(), "nodelink", '"nodes" with "links" or "edges"')
    argdown = _ARGDOWN_JSON.search(text)
    if argdown is not None:
        return _at(text, argdown.start(), "argdown-json", f"Argdown's {argdown.group()[:-1]} key")
    graph = _GRAPH_KEY.search(text)
    if graph is not None:
        return _at(text, graph.start(), "json", f"arggraph's {graph.group()[:-1].strip()} key")
    return None


def _sniff_plain(text: str, suffix: str) -> Sniffed | None:
    title = _KIALO_TITLE.search(text)
    if title is not None:
        return _at(text, title.start(), "kialo", "a 'Discussion Title:' line")
    key = _YAML_KEY.search(text)
    if key is not None:
        return _at(text, key.start(), "yaml", f"arggraph's top-level '{key.group()}'")
    argdown = _ARGDOWN.search(text)
    if argdown is not None:
        return _at(text, argdown.start(), "argdown", "an Argdown statement, argument or relation")
    item = _KIALO_ITEM.search(text)
    if item is not None:
        return _at(text, item.start(), "kialo", "a numbered 'Pro:'/'Con:' line")
    if suffix in (".argdown", ".ad"):
        return Sniffed("argdown", f"the suffix {suffix}", 1, 1)
    return None


def _at(text: str, offset: int, kind: str, evidence: str) -> Sniffed:
    while offset < len(text) and text[offset] in " \t\r\n":
        offset += 1
    line = text.count("\n", 0, offset) + 1
    column = offset - (text.rfind("\n", 0, offset) + 1) + 1
    return Sniffed(kind, evidence, line, column)
