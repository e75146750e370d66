"""Argdown export: hostile statements, undercut chains and topics come back as written.

Checked twice: by arggraph's own reader (the exact inverse of the writer) and by
Argdown's own parser, ``@argdown/cli`` from npm, which ``.ci/run`` installs into
``.ci/argdown`` (the tests skip without it, unless ``ARGGRAPH_REQUIRE_ARGDOWN=1``).
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest

from arggraph.io.argdown import dump_argdown, escape_argdown, parse_argdown, unescape_argdown
from arggraph.io.formats import build_imported
from arggraph.model import ArgumentGraph
from tests.conftest import REPO

ARGDOWN_CLI = REPO / ".ci" / "argdown" / "node_modules" / ".bin" / "argdown"

#: Statements real debate exports hold that Argdown would otherwise read as markup.
HOSTILE = {
    "editorial-brackets": "The [a]ctivities of the bureau were reviewed.",
    "ellipsis": "He said the rules [...] are unfair.",
    "angle": "Use <x> as the placeholder.",
    "data-block": "Configured as {k: v} in the file.",
    "double-slash": "See http://example.org//a for details.",
    "block-comment-open": "Ratio a /* b */ c.",
    "emphasis-star": "This is *very* important.",
    "emphasis-underscore": "This is _very_ important, snake_case too.",
    "markdown-link": "Read [the report](https://example.org) first.",
    "html-comment": "Hidden <!-- not a comment --> text.",
    "hashtag": "We are #1 in #fairness and #(two words).",
    "mention": "As @[Someone] and @<Arg> said.",
    "backslash": "A path like C:\\Users\\x and a trailing \\",
    "escape-looking": "Not an escape: \\[ and \\#.",
    "relation-markers": "+ leading plus, - minus, <- and -> and >< inside.",
    "colon-title": "[Looks like a title]: but is text.",
    "unicode": "Zölle \u2013 \u201cquoted\u201d \u2026 50% & more?",
}


def _graph() -> ArgumentGraph:
    claims: list[dict[str, Any]] = [
        {
            "id": cid,
            "statement": text,
            "topics": ["trade.policy"],
            "attributions": [{"speaker": "s", "document": "d", "quote": "q"}],
        }
        for cid, text in HOSTILE.items()
    ]
    for cid in ("a", "b", "c", "d-claim"):
        claims.append(
            {
                "id": cid,
                "statement": f"Claim {cid}.",
                "attributions": [{"speaker": "s", "document": "d", "quote": "q"}],
            }
        )
    return ArgumentGraph.model_validate(
        {
            "title": "Hostile: [x] #y",
            "documents": [{"id": "d", "title": "D", "text": "q"}],
            "speakers": [{"id": "s", "name": "S"}],
            "topics": [
                {
                    "id": "trade.policy",
                    "label": "Trade policy",
                    "question": "Should tariffs rise?",
                    "questions": [{"id": "tariffs-work", "question": "Do tariffs work?"}],
                }
            ],
            "claims": claims,
            "relations": [
                {"id": "r1", "source": "a", "target": "b", "kind": "supports"},
                {"id": "u1", "source": "c", "target": "r1", "kind": "rebuts"},
                {"id": "u2", "source": "d-claim", "target": "u1", "kind": "rebuts"},
                {"source": "angle", "target": "ellipsis", "kind": "rebuts"},
            ],
        },
        context={"unchecked": True},
    )


def _read_back(text: str) -> ArgumentGraph:
    return build_imported(parse_argdown(text, source="export.argdown"))


@pytest.mark.parametrize("key", sorted(HOSTILE))
def test_escaping_inverts(key: str) -> None:
    assert unescape_argdown(escape_argdown(HOSTILE[key])) == HOSTILE[key]


def test_our_reader_reads_every_hostile_statement_back_verbatim() -> None:
    back = _read_back(dump_argdown(_graph()))
    statements = {c.id: c.statement for c in back.claims}
    assert {k: statements[k] for k in HOSTILE} == HOSTILE
    assert all(c.topics == ["trade.policy"] for c in back.claims if c.id in HOSTILE)


def test_an_undercut_chain_comes_back_as_a_chain() -> None:
    back = _read_back(dump_argdown(_graph()))
    by_source = {r.source: r for r in back.relations}
    undercut, chained = by_source["c"], by_source["d-claim"]
    assert back.is_undercut(undercut)
    assert undercut.target == by_source["a"].key
    assert back.is_undercut(chained)
    assert chained.target == undercut.key


def test_topics_keep_label_question_and_sub_questions() -> None:
    back = _read_back(dump_argdown(_graph()))
    (topic,) = back.topics
    assert (topic.id, topic.label, topic.question) == (
        "trade.policy",
        "Trade policy",
        "Should tariffs rise?",
    )
    assert [q.id for q in topic.questions] == ["tariffs-work"]
    assert back.title == "Hostile: [x] #y"


def _argdown_json(tmp_path: Path, text: str) -> dict[str, Any]:
    if not ARGDOWN_CLI.exists() or shutil.which("node") is None:
        reason = "Argdown's CLI is not installed (npm ci --prefix .ci/argdown)"
        if os.environ.get("ARGGRAPH_REQUIRE_ARGDOWN") == "1":
            pytest.fail(f"ARGGRAPH_REQUIRE_ARGDOWN=1 but {reason}")
        pytest.skip(reason)
    source = tmp_path / "export.argdown"
    source.write_text(text, encoding="utf-8")
    run = subprocess.run(
        [str(ARGDOWN_CLI), "json", str(source), str(tmp_path)],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    # Argdown prints a harmless TypeError about createArgdownPlugin at start-up.
    assert "Invalid Argdown syntax" not in run.stdout + run.stderr, run.stdout + run.stderr
    result: dict[str, Any] = json.loads((tmp_path / "export.json").read_text(encoding="utf-8"))
    return result


@pytest.mark.slow
def test_argdown_own_parser_reads_the_export_verbatim(tmp_path: Path) -> None:
    result = _argdown_json(tmp_path, dump_argdown(_graph()))
    # Argdown keeps a statement's tags in its text; the words before them are ours.
    texts = {
        title: " ".join((m.get("text") or "").strip() for m in s["members"]).strip()
        for title, s in result["statements"].items()
    }
    tag = " #(trade.policy)"
    assert {k: texts[k].removesuffix(tag) for k in HOSTILE} == HOSTILE
    assert sorted(result["tags"]) == ["trade.policy"]
    for key in HOSTILE:
        assert result["statements"][key]["tags"] == ["trade.policy"]
    relations = {(r["from"], r["relationType"], r["to"]) for r in result["relations"]}
    assert ("c", "undercut", "a") in relations
    assert ("d-claim", "undercut", "c") in relations
    assert ("angle", "attack", "ellipsis") in relations
