"""Bad input at every entry point, run as a user runs it: ``arggraph`` in a subprocess.

Each case writes real files into a temporary folder, runs one command there and
checks the exit code, the problem code and where the problem is placed (file:line,
element or argument), and that nothing printed a traceback. The library-level table
is tests/io/test_bad_input.py; this one covers the command line, the importers and
output paths, and the hostile extremes (deep nesting, huge values, look-alike ids).
"""

from __future__ import annotations

import functools
import json
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import pytest

import arggraph
from arggraph.errors import ArgGraphError, FormatError, InvalidGraphError, OutputError
from arggraph.io.yaml_json import parse_data
from arggraph.render import render_views
from tests.conftest import SMALL_GRAPH, TALK
from tests.hardening.conftest import DATA, assert_no_traceback, run_cli


class Folder:
    """A folder where a file is expected (root reads any file, so chmod 000 proves nothing)."""


Content = str | bytes | Folder | Callable[[], str | bytes]


@dataclass
class Case:
    name: str
    argv: list[str]
    exit: int
    code: str | None  # the error[...] code, for exit 1
    where: str  # regex: the location printed (file:line[:col], element, argument)
    files: dict[str, Content] = field(default_factory=dict)
    timeout: float = 120
    slow: bool = False  # a scale case: seconds of work, left out of the fast loop


def graph_json(**changes: object) -> str:
    """The small graph as indented JSON, top-level fields replaced by ``changes``."""
    data = parse_data(SMALL_GRAPH, fmt="yaml", source="g.yaml")
    data.update(changes)
    return json.dumps(data, indent=2)


def with_graph(text: str, **more: Content) -> dict[str, Content]:
    return {"g.yaml": text, "talk.txt": TALK, **more}


def small(**more: Content) -> dict[str, Content]:
    return with_graph(SMALL_GRAPH, **more)


def replaced(old: str, new: str, count: int = -1) -> str:
    assert old in SMALL_GRAPH, old
    return SMALL_GRAPH.replace(old, new, count)


def micro(
    xml_change: tuple[str, str] = ("", ""), txt: str | bytes | None = None
) -> dict[str, Content]:
    xml = (DATA / "microtexts" / "micro_b001.xml").read_text(encoding="utf-8")
    old, new = xml_change
    if old:
        assert old in xml, old
        xml = xml.replace(old, new)
    text = (DATA / "microtexts" / "micro_b001.txt").read_text(encoding="utf-8")
    return {"m.xml": xml, "m.txt": text if txt is None else txt}


def aif(old: str = "", new: str = "") -> dict[str, Content]:
    text = (DATA / "aif" / "undercut.json").read_text(encoding="utf-8")
    if old:
        assert old in text, old
        text = text.replace(old, new, 1)
    return {"a.json": text}


def kialo(old: str = "", new: str = "") -> dict[str, Content]:
    text = (DATA / "kialo" / "small-debate.txt").read_text(encoding="utf-8")
    if old:
        assert old in text, old
        text = text.replace(old, new, 1)
    return {"k.txt": text}


@functools.cache
def huge_text() -> str:
    """About 10 MB of text with only ten different words: the worst case for a diff."""
    words = ["lorem", "ipsum", "dolor", "sit", "amet", "elit", "sed", "do", "ut", "id"]
    return " ".join(words[(i * 7) % len(words)] for i in range(1_700_000))[:10_000_000]


def huge_quote() -> str:
    """A graph quoting the 10 MB document whole, but for its last word."""
    quote = huge_text().rsplit(" ", 1)[0] + " zzz"
    return (
        "documents:\n  - {id: d, title: D, path: big.txt}\nspeakers:\n  - {id: s, name: S}\n"
        "claims:\n  - id: c\n    statement: x\n    attributions:\n"
        f"      - {{speaker: s, document: d, quote: {json.dumps(quote)}}}\n"
    )


def many_relations() -> str:
    """100,000 claims each rebutting claim c0, then one relation from c0 to itself."""
    n = 100_000
    claims = [
        {
            "id": f"c{i}",
            "statement": "s",
            "attributions": [{"speaker": "s", "document": "d", "quote": "beta"}],
        }
        for i in range(n + 1)
    ]
    relations = [{"source": f"c{i}", "target": "c0", "kind": "rebuts"} for i in range(1, n + 1)]
    relations.append({"source": "c0", "target": "c0", "kind": "rebuts"})
    return json.dumps(
        {
            "documents": [{"id": "d", "title": "D", "text": "alpha beta gamma"}],
            "speakers": [{"id": "s", "name": "S"}],
            "claims": claims,
            "relations": relations,
        }
    )


def many_dangling() -> str:
    """5,000 relations, each to a different claim that does not exist."""
    n = 5_000
    head = "documents:\n  - {id: d, title: D, text: alpha beta}\nspeakers:\n  - {id: s, name: S}\n"
    claims = "".join(
        f"  - {{id: c{i}, statement: s, attributions: [{{speaker: s, document: d, quote: a}}]}}\n"
        for i in range(n)
    )
    relations = "".join(f"  - {{source: c{i}, target: ghost{i}, kind: rebuts}}\n" for i in range(n))
    return head + "claims:\n" + claims + "relations:\n" + relations


CYRILLIC_I = "\u0456"  # looks like Latin 'i'
CYRILLIC_E = "\u0435"  # looks like Latin 'e'

CASES = [
    # --- graph files: syntax, encoding, shape -------------------------------------------
    Case(
        "yaml tab indentation",
        ["validate", "g.yaml"],
        1,
        "yaml-syntax",
        r"g\.yaml:2:1",
        with_graph("claims:\n\t- id: a\n"),
    ),
    Case(
        "json trailing comma",
        ["validate", "g.json"],
        1,
        "json-syntax",
        r"g\.json:1:\d+",
        {"g.json": '{"claims": [],}', "talk.txt": TALK},
    ),
    Case(
        "json duplicate key",
        ["validate", "g.json"],
        1,
        "duplicate-key",
        r"g\.json:3:\d+",
        {"g.json": graph_json().replace('"title": "Small",', '"title": "Small", "title": "X",')},
    ),
    Case(
        "json unknown field in a speaker",
        ["validate", "g.json"],
        1,
        "unknown-field",
        r"g\.json:\d+:\d+",
        {
            "g.json": graph_json(speakers=[{"id": "heim", "name": "H", "colour": "red"}]),
            "talk.txt": TALK,
        },
    ),
    Case(
        "speakers given as a mapping",
        ["validate", "g.yaml"],
        1,
        "wrong-type",
        r"g\.yaml:9:\d+",
        with_graph(
            replaced(
                "  - {id: heim, name: Lennart Heim, role: RAND}\n"
                "  - {id: wagner, name: Lauren Wagner}",
                "  heim: Lennart Heim",
            )
        ),
    ),
    Case(
        "graph file in UTF-16",
        ["validate", "g.yaml"],
        1,
        "not-utf8",
        r"g\.yaml:1:1",
        with_graph(SMALL_GRAPH, **{"g.yaml": SMALL_GRAPH.encode("utf-16")}),
    ),
    Case(
        "Latin-1 byte in a statement",
        ["validate", "g.yaml"],
        1,
        "not-utf8",
        r"g\.yaml:15:\d+",
        small(**{"g.yaml": replaced("Compute still", "Comput\xe9 still").encode("latin-1")}),
    ),
    Case(
        "whitespace-only graph file",
        ["validate", "g.yaml"],
        1,
        "empty-file",
        r"g\.yaml",
        with_graph(" \n\n\t\n"),
    ),
    Case(
        "empty JSON file",
        ["validate", "g.json"],
        1,
        "empty-file",
        r"g\.json",
        {"g.json": b""},
    ),
    Case(
        "YAML null document",
        ["validate", "g.yaml"],
        1,
        "wrong-type",
        r"g\.yaml:1:1",
        with_graph("~\n"),
    ),
    Case(
        "YAML nested 10,000 levels",
        ["validate", "g.yaml"],
        1,
        "yaml-syntax",
        r"g\.yaml:1:1008",
        with_graph("claims: " + "[" * 10_000 + "]" * 10_000 + "\n"),
    ),
    Case(
        "YAML block mappings nested 10,000 levels",
        ["validate", "g.yaml"],
        1,
        "yaml-syntax",
        r"g\.yaml:2:\d+",
        with_graph("claims:\n  - " + "{a: " * 10_000 + "1" + "}" * 10_000 + "\n"),
    ),
    Case(
        "YAML nested 990 levels (under the parser's limit)",
        ["validate", "g.yaml"],
        1,
        "wrong-type",
        r"g\.yaml:1:10",
        with_graph("claims: " + "[" * 990 + "]" * 990 + "\n"),
    ),
    Case(
        "JSON nested 10,000 levels",
        ["validate", "g.json"],
        1,
        "json-syntax",
        r"g\.json:1:1001",
        {"g.json": "[" * 10_000 + "]" * 10_000},
    ),
    Case(
        "JSON objects nested 10,000 levels",
        ["validate", "g.json"],
        1,
        "json-syntax",
        r"g\.json:1:\d+",
        {"g.json": '{"claims": [' + '{"a": ' * 10_000 + "1" + "}" * 10_000 + "]}"},
    ),
    Case(
        "YAML alias bomb",
        ["validate", "g.yaml"],
        1,
        "unknown-field",
        r"g\.yaml:1:\d+",
        with_graph(
            "a: &a [x, x, x, x, x, x, x, x, x, x]\n"
            + "".join(
                f"{k}: &{k} [{', '.join(['*' + p] * 10)}]\n"
                for p, k in zip("abcdefgh", "bcdefghi", strict=True)
            )
            + "claims: *i\n"
        ),
    ),
    # --- graph content: ids, references, relations ------------------------------------
    Case(
        "Cyrillic look-alike in a speaker id",
        ["validate", "g.yaml"],
        1,
        "invalid-value",
        r"g\.yaml:9:10: error\[invalid-value\] 'id'.*hint: ids use ASCII",
        with_graph(replaced("id: heim", f"id: he{CYRILLIC_I}m")),
    ),
    Case(
        "Cyrillic look-alike in a reference",
        ["validate", "g.yaml"],
        1,
        "invalid-value",
        r"g\.yaml:18:\d+: error\[invalid-value\].*speaker.*hint: ids use ASCII",
        with_graph(replaced("speaker: heim", f"speaker: h{CYRILLIC_E}im")),
    ),
    Case(
        "duplicate speaker id",
        ["validate", "g.yaml"],
        1,
        "duplicate-id",
        r"g\.yaml:10:\d+",
        with_graph(replaced("id: wagner", "id: heim").replace("speaker: wagner", "speaker: heim")),
    ),
    Case(
        "stance on an unknown topic",
        ["validate", "g.yaml"],
        1,
        "unknown-id",
        r"g\.yaml:\d+:\d+",
        with_graph(
            replaced(
                "    topics: [compute]\n", "    topics: [compute]\n    stances: {nope: pro}\n", 1
            )
        ),
    ),
    Case(
        "relation that undercuts itself",
        ["validate", "g.yaml"],
        1,
        "self-relation",
        r"g\.yaml:25:\d+",
        with_graph(
            replaced(
                "{source: still-matters, target: matters-less, kind: rebuts}",
                "{id: r1, source: still-matters, target: r1, kind: rebuts}",
            )
        ),
    ),
    Case(
        "self-relation in JSON",
        ["validate", "g.json"],
        1,
        "self-relation",
        r"g\.json:\d+:\d+",
        {
            "g.json": graph_json(
                relations=[
                    {"source": "still-matters", "target": "still-matters", "kind": "supports"}
                ]
            ),
            "talk.txt": TALK,
        },
    ),
    Case(
        "a 10 MB quote that misses by one word",
        ["validate", "g.yaml"],
        1,
        "quote-not-found",
        r"g\.yaml:9:\d+",
        {"g.yaml": huge_quote, "big.txt": huge_text},
        timeout=240,
        slow=True,
    ),
    Case(
        "100,000 relations on one claim, one of them a self-relation",
        ["validate", "g.json"],
        1,
        "self-relation",
        r"g\.json:1:\d+",
        {"g.json": many_relations},
        timeout=240,
        slow=True,
    ),
    Case(
        "5,000 dangling references, each a different id",
        ["validate", "g.yaml"],
        1,
        "unknown-id",
        r"g\.yaml:5007:\d+: error\[unknown-id\] relation 'c0->ghost0'",
        {"g.yaml": many_dangling},
        timeout=60,
    ),
    # --- document texts ------------------------------------------------------------------
    Case(
        "document path is a folder",
        ["validate", "g.yaml"],
        1,
        "missing-document",
        r"g\.yaml:7:\d+: error\[missing-document\].*not a folder",
        with_graph(SMALL_GRAPH, **{"talk.txt": Folder()}),
    ),
    Case(
        "document path is a device that never ends",
        ["validate", "g.yaml"],
        1,
        "missing-document",
        r"g\.yaml:7:\d+: error\[missing-document\].*not a regular file",
        with_graph(replaced("path: talk.txt", "path: /dev/zero")),
    ),
    Case(
        "document text with a BOM and mixed line endings",
        ["validate", "g.yaml"],
        0,
        None,
        r"valid: g\.yaml",
        with_graph(
            SMALL_GRAPH, **{"talk.txt": b"\xef\xbb\xbf" + TALK.replace("\n", "\r\n", 1).encode()}
        ),
    ),
    Case(
        "graph file with a BOM and CRLF line ends",
        ["validate", "g.yaml"],
        0,
        None,
        r"valid: g\.yaml",
        small(**{"g.yaml": b"\xef\xbb\xbf" + SMALL_GRAPH.replace("\n", "\r\n").encode()}),
    ),
    Case(
        "document outside the graph's folder is read (by design)",
        ["validate", "project/g.yaml"],
        0,
        None,
        r"valid: project/g\.yaml",
        {
            "project/g.yaml": replaced("path: talk.txt", "path: ../elsewhere/talk.txt"),
            "elsewhere/talk.txt": TALK,
        },
    ),
    # --- command-line arguments ----------------------------------------------------------
    Case(
        "unknown command",
        ["frobnicate"],
        2,
        None,
        r"argument COMMAND: invalid choice: 'frobnicate'",
    ),
    Case("no graph given", ["validate"], 2, None, r"the following arguments are required: graph"),
    Case(
        "--top not a number",
        ["topics", "g.yaml", "--top", "x"],
        2,
        None,
        r"argument --top: invalid int value: 'x'",
        small(),
    ),
    Case(
        "--top negative",
        ["topics", "g.yaml", "--top", "-1"],
        2,
        None,
        r"argument --top: must be 1 or more",
        small(),
    ),
    Case(
        "--topic unknown",
        ["topics", "g.yaml", "--topic", "nope"],
        2,
        None,
        r"no topic 'nope' in the graph \(topics: compute\)",
        small(),
    ),
    Case(
        "export to an unknown format",
        ["export", "g.yaml", "--format", "xml"],
        2,
        None,
        r"argument --format/-f: invalid choice: 'xml'",
        small(),
    ),
    Case(
        "import of an unknown format",
        ["import", "xml", "g.yaml"],
        2,
        None,
        r"argument format: invalid choice: 'xml'",
        small(),
    ),
    Case(
        "report without -o",
        ["report", "g.yaml"],
        2,
        None,
        r"the following arguments are required: -o/--output",
        small(),
    ),
    Case(
        "graph file missing", ["validate", "nothere.yaml"], 1, "unreadable-file", r"nothere\.yaml"
    ),
    Case(
        "graph path is a folder",
        ["validate", "g.yaml"],
        1,
        "unreadable-file",
        r"g\.yaml: error\[unreadable-file\].*not a folder",
        {"g.yaml": Folder()},
    ),
    # --- output paths --------------------------------------------------------------------
    Case(
        "export over the graph file",
        ["export", "g.yaml", "-o", "g.yaml"],
        3,
        None,
        r"g\.yaml: refusing to write over an input file",
        small(),
    ),
    Case(
        "report over the document text",
        ["report", "g.yaml", "-o", "talk.txt"],
        3,
        None,
        r"talk\.txt: refusing to write over an input file",
        small(),
    ),
    Case(
        "export over a link to the graph",
        ["export", "g.yaml", "-o", "link.yaml"],
        3,
        None,
        r"link\.yaml: refusing to write over an input file",
        small(),
    ),
    Case(
        "report onto a folder",
        ["report", "g.yaml", "-o", "out"],
        3,
        None,
        r"out: is a folder",
        small(out=Folder()),
    ),
    Case(
        "render into a file",
        ["render", "g.yaml", "-o", "g.yaml"],
        3,
        None,
        r"g\.yaml: is a file; give a folder for the views",
        small(),
    ),
    Case(
        "render over a document named index.html",
        ["render", "g.yaml", "-o", "."],
        3,
        None,
        r"index\.html: refusing to write over an input file",
        with_graph(replaced("path: talk.txt", "path: index.html"), **{"index.html": TALK}),
    ),
    Case(
        "export below a file",
        ["export", "g.yaml", "-o", "talk.txt/out.json"],
        3,
        None,
        r"talk\.txt/out\.json: cannot write here",
        small(),
    ),
    Case(
        "export into a missing folder creates it",
        ["export", "g.yaml", "-o", "new/sub/g.json"],
        0,
        None,
        r"wrote new/sub/g\.json",
        small(),
    ),
    Case(
        "import over its own input",
        ["import", "kialo", "k.txt", "-o", "k.txt"],
        3,
        None,
        r"k\.txt: refusing to write over an input file",
        kialo(),
    ),
    Case(
        "microtexts import over the text beside",
        ["import", "microtexts", "m.xml", "-o", "m.txt"],
        3,
        None,
        r"m\.txt: refusing to write over an input file",
        micro(),
    ),
    # --- importers: microtexts -----------------------------------------------------------
    Case(
        "microtext XML cut short",
        ["import", "microtexts", "m.xml"],
        1,
        "malformed-input",
        r"m\.xml:23:1",
        micro(("</arggraph>", "")),
    ),
    Case(
        "microtext edge to a missing ADU",
        ["import", "microtexts", "m.xml"],
        1,
        "unknown-id",
        r"m\.xml:18: error\[unknown-id\] <edge id='c1'>",
        micro(('src="a1" trg="a5"', 'src="a1" trg="a9"')),
    ),
    Case(
        "microtext ADU id twice",
        ["import", "microtexts", "m.xml"],
        1,
        "duplicate-id",
        r"m\.xml:9: error\[duplicate-id\] <adu id='a2'>",
        micro(('<adu id="a2" type="opp"/>', '<adu id="a2" type="opp"/><adu id="a2" type="opp"/>')),
    ),
    Case(
        "microtext self-support",
        ["import", "microtexts", "m.xml"],
        1,
        "self-relation",
        r"m\.xml:19: error\[self-relation\] c2",
        micro(('src="a2" trg="a1"', 'src="a1" trg="a1"')),
    ),
    Case(
        "microtext supports and rebuts one pair",
        ["import", "microtexts", "m.xml"],
        1,
        "contradictory-relation",
        r"m\.xml:19: error\[contradictory-relation\] c22",
        micro(
            (
                '<edge id="c2" src="a2" trg="a1" type="sup"/>',
                '<edge id="c2" src="a2" trg="a1" type="sup"/>'
                '<edge id="c22" src="a2" trg="a1" type="reb"/>',
            )
        ),
    ),
    Case(
        "microtext entity expansion (billion laughs)",
        ["import", "microtexts", "m.xml"],
        1,
        "malformed-input",
        r"m\.xml:1: error\[malformed-input\].*entities",
        {
            "m.xml": '<?xml version="1.0"?><!DOCTYPE a [<!ENTITY b "bbbb">'
            '<!ENTITY c "&b;&b;&b;&b;">]><arggraph id="x">&c;</arggraph>',
            "m.txt": "x",
        },
    ),
    Case(
        "microtext text missing",
        ["import", "microtexts", "m.xml"],
        1,
        "unreadable-file",
        r"m\.txt: error\[unreadable-file\].*m\.xml needs its text",
        {"m.xml": micro()["m.xml"]},
    ),
    Case(
        "microtext text is a folder",
        ["import", "microtexts", "m.xml"],
        1,
        "unreadable-file",
        r"m\.txt: error\[unreadable-file\]",
        {"m.xml": micro()["m.xml"], "m.txt": Folder()},
    ),
    Case(
        "microtext text in Latin-1",
        ["import", "microtexts", "m.xml"],
        1,
        "not-utf8",
        r"m\.txt:1:\d+",
        micro(txt=b"caf\xe9 " + (DATA / "microtexts" / "micro_b001.txt").read_bytes()),
    ),
    # --- importers: AIF ------------------------------------------------------------------
    Case(
        "AIF cut short",
        ["import", "aif", "a.json"],
        1,
        "json-syntax",
        r"a\.json:\d+:\d+",
        {"a.json": str(aif()["a.json"])[:-40]},
    ),
    Case(
        "AIF edge to a missing node",
        ["import", "aif", "a.json"],
        1,
        "unknown-id",
        r"a\.json:19: error\[unknown-id\] edge e2",
        aif('"toID": "1"}', '"toID": "99"}'),
    ),
    Case(
        "AIF node id twice",
        ["import", "aif", "a.json"],
        1,
        "duplicate-id",
        r"a\.json:3: error\[duplicate-id\] node 1",
        aif('{"nodeID": "2",', '{"nodeID": "1",'),
    ),
    Case(
        "AIF node type of the wrong type",
        ["import", "aif", "a.json"],
        1,
        "malformed-input",
        r"a\.json:7: error\[malformed-input\] node 5",
        aif('"type": "RA"', '"type": 7'),
    ),
    Case(
        "AIF top level is a list",
        ["import", "aif", "a.json"],
        1,
        "malformed-input",
        r"a\.json:1",
        {"a.json": "[]"},
    ),
    Case(
        "AIF nested 10,000 levels",
        ["import", "aif", "a.json"],
        1,
        "json-syntax",
        r"a\.json:1:\d+",
        {"a.json": '{"nodes": ' + "[" * 10_000 + "]" * 10_000 + "}"},
    ),
    Case(
        "AIF empty file",
        ["import", "aif", "a.json"],
        1,
        "json-syntax",
        r"a\.json:1:1",
        {"a.json": ""},
    ),
    # --- importers: Kialo ----------------------------------------------------------------
    Case(
        "Kialo number twice",
        ["import", "kialo", "k.txt"],
        1,
        "duplicate-id",
        r"k\.txt:9",
        kialo("1.2.2.", "1.2.1."),
    ),
    Case(
        "Kialo claim without its parent",
        ["import", "kialo", "k.txt"],
        1,
        "unknown-id",
        r"k\.txt:9: error\[unknown-id\] claim 1\.7\.2",
        kialo("1.2.2.", "1.7.2."),
    ),
    Case(
        "Kialo link to a missing claim",
        ["import", "kialo", "k.txt"],
        1,
        "unknown-id",
        r"k\.txt:8: error\[unknown-id\] claim 1\.2\.1 links to 9\.9",
        kialo("See 1.1.1.", "See 9.9."),
    ),
    Case(
        "Kialo text before the thesis",
        ["import", "kialo", "k.txt"],
        1,
        "malformed-input",
        r"k\.txt:1",
        {"k.txt": "hello\n" + str(kialo()["k.txt"])},
    ),
    Case(
        "Kialo empty file",
        ["import", "kialo", "k.txt"],
        1,
        "malformed-input",
        r"k\.txt",
        {"k.txt": ""},
    ),
    Case(
        "Kialo claim with no text",
        ["import", "kialo", "k.txt"],
        1,
        "empty-statement",
        r"k\.txt:9",
        kialo("1.2.2. Con: Trams bring more customers than parking spaces do.", "1.2.2. Con:"),
    ),
    Case(
        "Kialo export with a stray byte",
        ["import", "kialo", "k.txt"],
        1,
        "not-utf8",
        r"k\.txt:10:1",
        {"k.txt": str(kialo()["k.txt"]).encode() + b"\xff\xfe"},
    ),
    Case(
        "Kialo export with CRLF and a BOM",
        ["import", "kialo", "k.txt"],
        0,
        None,
        r"claims:",
        {"k.txt": b"\xef\xbb\xbf" + str(kialo()["k.txt"]).replace("\n", "\r\n").encode()},
    ),
    Case(
        "Kialo links one claim as Pro and as Con: the second is noted, not kept",
        ["import", "kialo", "k.txt"],
        0,
        None,
        r"claim 1\.4 also links it as rebuts; not kept",
        {"k.txt": str(kialo()["k.txt"]) + "1.3. Pro: -> See 1.1.\n1.4. Con: -> See 1.1.\n"},
    ),
    # --- importers: Argdown ----------------------------------------------------------------
    Case(
        "Argdown empty file",
        ["import", "argdown", "a.argdown"],
        1,
        "malformed-input",
        r"a\.argdown",
        {"a.argdown": ""},
    ),
    Case(
        "Argdown stray byte",
        ["import", "argdown", "a.argdown"],
        1,
        "not-utf8",
        r"a\.argdown:1:8",
        {"a.argdown": b"[A]: x \xff\n"},
    ),
    Case(
        "Argdown front matter nested 10,000 levels is ignored",
        ["import", "argdown", "a.argdown"],
        0,
        None,
        r"statement: x",
        {"a.argdown": "===\na: " + "[" * 10_000 + "]" * 10_000 + "\n===\n[A]: x\n"},
    ),
    Case(
        "Argdown self-relation is noted, not kept",
        ["import", "argdown", "a.argdown"],
        0,
        None,
        r"relates this claim to itself; not kept",
        {"a.argdown": "[A]: x\n  +> [A]\n"},
    ),
    # --- import paths --------------------------------------------------------------------
    Case(
        "import of a missing file",
        ["import", "kialo", "nothing.txt"],
        1,
        "unreadable-file",
        r"nothing\.txt",
    ),
    Case(
        "import of a folder without such files",
        ["import", "kialo", "empty"],
        1,
        "unreadable-file",
        r"empty: error\[unreadable-file\] folder holds no \.txt",
        {"empty": Folder()},
    ),
    Case(
        "a changed quote beside another problem in the same claim",
        ["validate", "g.yaml"],
        1,
        "quote-not-found",
        r"g\.yaml:19:\d+: error\[quote-not-found\] quote by 'heim' not found",
        with_graph(
            replaced(
                "statement: Compute still matters.",
                "statement: Compute still matters.\n    colour: red",
            ).replace("compute still matters - a lot", "compute still matters a lot!")
        ),
    ),
    # --- importers: the wrong format, and none given ---------------------------------------
    Case(
        "microtexts import of an AIF file",
        ["import", "microtexts", "a.json", "-o", "out.yaml"],
        1,
        "wrong-format",
        r"a\.json:3:6: error\[wrong-format\] looks like AIF JSON .*arggraph import aif a\.json",
        aif(),
    ),
    Case(
        "kialo import of a microtext",
        ["import", "kialo", "m.xml"],
        1,
        "wrong-format",
        r"m\.xml:2:1: error\[wrong-format\] looks like microtexts XML \(an <arggraph> element\)",
        micro(),
    ),
    Case(
        "AIF import of a node-link file",
        ["import", "aif", "n.json"],
        1,
        "wrong-format",
        r"n\.json:1:2: error\[wrong-format\] looks like node-link JSON",
        {"n.json": '{"nodes": [], "edges": [], "graph": {}}'},
    ),
    Case(
        "import without a format detects AIF",
        ["import", "a.json", "-o", "out.yaml"],
        0,
        None,
        r"wrote out\.yaml: 5 claims",
        aif(),
    ),
    Case(
        "import without a format of plain prose",
        ["import", "m.txt"],
        1,
        "unknown-format",
        r"m\.txt: error\[unknown-format\] cannot tell the format .*arggraph import FORMAT PATH",
        micro(),
    ),
    Case(
        "import without a format of an arggraph graph",
        ["import", "g.yaml"],
        1,
        "wrong-format",
        r"g\.yaml:\d+:1: error\[wrong-format\] looks like an arggraph YAML graph .*validate g",
        small(),
    ),
    Case(
        "import without a format of mixed files",
        ["import", "a.json", "k.txt"],
        1,
        "mixed-formats",
        r"a\.json:3:6: error\[mixed-formats\] looks like AIF JSON",
        {**aif(), **kialo()},
    ),
    Case(
        "import with a format and no files",
        ["import", "aif"],
        2,
        None,
        r"give the files or folders to import after the format 'aif'",
    ),
    Case(
        "node-link nested 10,000 levels",
        ["import", "nodelink", "n.json"],
        1,
        "json-syntax",
        r"n\.json:1:\d+: error\[json-syntax\] not valid JSON here: nested more than 1000",
        {"n.json": '{"nodes": [], "edges": ' + "[" * 10_000},
    ),
    Case("version", ["--version"], 0, None, r"^arggraph \d+\.\d+\.\d+"),
]


def _write(folder: Path, files: dict[str, Content]) -> None:
    for name, content in files.items():
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, Folder):
            path.mkdir(exist_ok=True)
            continue
        value = content() if callable(content) else content
        if isinstance(value, str):
            path.write_text(value, encoding="utf-8", newline="")
        else:
            path.write_bytes(value)


@pytest.mark.parametrize(
    "case",
    [pytest.param(c, id=c.name, marks=[pytest.mark.slow] if c.slow else []) for c in CASES],
)
def test_bad_input_on_the_command_line(case: Case, tmp_path: Path) -> None:
    _write(tmp_path, case.files)
    if "link.yaml" in case.argv:
        (tmp_path / "link.yaml").symlink_to(tmp_path / "g.yaml")
    ran = run_cli(*case.argv, cwd=tmp_path, timeout=case.timeout)
    assert_no_traceback(ran)
    assert ran.code == case.exit, ran.err[-2000:]
    if case.code is None:
        printed = ran.err + ran.out
        assert re.search(case.where, printed), printed[-2000:]
        return
    located = [line for line in ran.err.splitlines() if f"error[{case.code}]" in line]
    assert located, ran.err[-2000:]
    assert re.match(case.where, located[0]), located[0][:500]


def test_the_table_is_large_and_covers_every_entry_point() -> None:
    assert len(CASES) >= 40
    commands = {c.argv[0] if c.argv[0] != "import" else f"import {c.argv[1]}" for c in CASES}
    assert {
        "validate",
        "topics",
        "export",
        "report",
        "render",
        "import kialo",
        "import aif",
        "import argdown",
        "import microtexts",
    } <= commands
    assert {c.exit for c in CASES} == {0, 1, 2, 3}


def _own_input(d: Path) -> object:
    return arggraph.write_graph(arggraph.load(d / "ok.yaml"), d / "ok.yaml")


def _views_into_file(d: Path) -> object:
    return render_views(arggraph.load(d / "ok.yaml"), d / "ok.yaml")


LIBRARY_CASES: list[tuple[str, Callable[[Path], object], type[Exception], str]] = [
    ("load: a graph with a dangling relation", lambda d: arggraph.load(d / "g.yaml"),
     InvalidGraphError, "unknown-id"),
    ("loads: JSON nested 10,000 levels", lambda d: arggraph.loads("[" * 10_000, fmt="json"),
     InvalidGraphError, "json-syntax"),
    ("import_graph: an unknown format", lambda d: arggraph.import_graph("xml", d / "g.yaml"),
     FormatError, "unsupported-format"),
    ("import_graph: AIF nested 10,000 levels", lambda d: arggraph.import_graph("aif", d / "a.json"),
     FormatError, "json-syntax"),
    ("import_graph: microtexts given AIF",
     lambda d: arggraph.import_graph("microtexts", d / "u.json"), FormatError, "wrong-format"),
    ("import_graph: a graph without a format", lambda d: arggraph.import_graph(None, d / "ok.yaml"),
     FormatError, "wrong-format"),
    ("import_graph: node-link nested 10,000 levels",
     lambda d: arggraph.import_graph("nodelink", d / "a.json"), FormatError, "json-syntax"),
    ("import_graph: an empty folder", lambda d: arggraph.import_graph("kialo", d / "empty"),
     FormatError, "unreadable-file"),
    ("write_graph: over its own input", _own_input, OutputError, "refusing to write over an input"),
    ("render_views: into a file", _views_into_file, OutputError, "is a file"),
]  # fmt: skip


@pytest.mark.parametrize(
    ("call", "error", "code"),
    [pytest.param(call, error, code, id=name) for name, call, error, code in LIBRARY_CASES],
)
def test_library_calls_raise_the_documented_exception(
    call: Callable[[Path], object], error: type[Exception], code: str, tmp_path: Path
) -> None:
    _write(
        tmp_path,
        {
            "g.yaml": SMALL_GRAPH.replace("target: matters-less", "target: ghost"),
            "ok.yaml": SMALL_GRAPH,
            "talk.txt": TALK,
            "a.json": '{"nodes": ' + "[" * 10_000,
            "u.json": (DATA / "aif" / "undercut.json").read_text(encoding="utf-8"),
            "empty": Folder(),
        },
    )
    with pytest.raises(error) as caught:
        call(tmp_path)
    assert isinstance(caught.value, ArgGraphError)
    if isinstance(caught.value, InvalidGraphError):
        assert [p.code for p in caught.value.problems] == [code]
        assert all(p.file for p in caught.value.problems if p.code != "unsupported-format")
    else:
        assert code in str(caught.value)
