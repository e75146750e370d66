"""Words printed by the CLI stand under the name of the one who said them.

A clash's claim may be held by several speakers, each in their own words: printing all
their names over one of them put Heim's words in Wagner's and McBride's mouths.
"""

from __future__ import annotations

import re
from collections import defaultdict

import arggraph
from tests.conftest import DEEPSEEK
from tests.test_cli import run

_QUOTED = re.compile(r'^\s+(?P<name>[^:"]+): "(?P<quote>[^"…]+)…?" \((?P<doc>[\w.:-]+)\)$')


def test_every_quote_in_a_clash_stands_under_its_speaker() -> None:
    graph = arggraph.load(DEEPSEEK)
    names = {s.id: s.name for s in graph.speakers}
    said: dict[tuple[str, str], list[str]] = defaultdict(list)
    for _, att in graph.iter_attributions():
        said[(names[att.speaker], att.document)].append(" ".join(att.quote.split()))
    result = run("positions", DEEPSEEK, "--question", "compute")
    assert result.returncode == 0, result.stderr
    clashes = result.stdout.split("where they clash", 1)[1].split("links that cut across", 1)[0]
    quoted = [m for line in clashes.splitlines() if (m := _QUOTED.match(line))]
    assert quoted
    assert len(quoted) % 2 == 0  # both ends of each clash
    for m in quoted:
        shown = " ".join(m["quote"].split())
        spoken = said[(m["name"].strip(), m["doc"])]
        assert any(q.startswith(shown) for q in spoken), m.group(0)
