"""node-link JSON: networkx reads it, and arggraph reads back exactly what it wrote."""

from __future__ import annotations

import json
from pathlib import Path

import networkx as nx
import pytest

import arggraph
from arggraph.errors import FormatError
from arggraph.io.nodelink import dump_nodelink, read_nodelink, write_nodelink
from arggraph.model import ArgumentGraph, Attribution, Claim, Document, Relation, Speaker, Topic
from tests.conftest import DEEPSEEK

TEXT = "Heim: compute still matters. Wagner: compute matters less. Lee: not so."


def _graph() -> ArgumentGraph:
    def said(speaker: str, quote: str) -> list[Attribution]:
        return [Attribution(speaker=speaker, document="talk", quote=quote)]

    return ArgumentGraph(
        title="Small",
        documents=[Document(id="talk", title="Talk", kind="transcript", text=TEXT)],
        speakers=[
            Speaker(id="heim", name="Lennart Heim", role="RAND"),
            Speaker(id="wagner", name="Wagner"),
            Speaker(id="lee", name="Lee"),
        ],
        topics=[Topic(id="compute", label="Compute", question="Does compute matter?")],
        claims=[
            Claim(
                id="still",
                statement="Compute still matters.",
                topics=["compute"],
                stances={"compute": "yes"},
                attributions=said("heim", "compute still matters"),
            ),
            Claim(
                id="less",
                statement="Compute matters less.",
                topics=["compute"],
                attributions=said("wagner", "compute matters less"),
                note="a note",
            ),
            Claim(id="not-so", statement="Not so.", attributions=said("lee", "not so")),
        ],
        relations=[
            Relation(id="r1", source="still", target="less", kind="rebuts"),
            Relation(source="not-so", target="r1", kind="rebuts", note="an undercut"),
            Relation(source="less", target="not-so", kind="supports"),
        ],
    )


def test_round_trip_is_exact(tmp_path: Path) -> None:
    graph = _graph()
    assert read_nodelink(write_nodelink(graph, tmp_path / "g.json")) == graph


def test_round_trip_of_the_deepseek_graph_keeps_document_paths(tmp_path: Path) -> None:
    graph = arggraph.load(DEEPSEEK)
    again = read_nodelink(write_nodelink(graph, tmp_path / "out" / "g.json"))
    assert again.model_dump(exclude={"documents"}) == graph.model_dump(exclude={"documents"})
    assert again.source_paths == graph.source_paths


def test_networkx_reads_it() -> None:
    data = json.loads(dump_nodelink(_graph()))
    G = nx.node_link_graph(data, edges="edges")
    assert set(G.nodes) == {"still", "less", "not-so"}
    assert G.edges["still", "less", "r1"]["kind"] == "rebuts"
    assert "not-so->r1" in G.graph["undercuts"]
    assert G.graph["documents"]["talk"]["text"] == TEXT


def test_output_is_deterministic() -> None:
    assert dump_nodelink(_graph()) == dump_nodelink(_graph())


def test_networkx_links_key_is_read_as_edges(tmp_path: Path) -> None:
    data = json.loads(dump_nodelink(_graph()))
    data["links"] = data.pop("edges")
    (tmp_path / "g.json").write_text(json.dumps(data), encoding="utf-8")
    assert read_nodelink(tmp_path / "g.json") == _graph()


@pytest.mark.parametrize(
    ("text", "code", "line"),
    [
        ('{"nodes": ' + "[" * 10_000, "json-syntax", 1),
        ('{\n  "nodes": [],\n  "nodes": []\n}', "duplicate-key", 3),
        ('{\n  "nodes": [,]\n}', "json-syntax", 2),
    ],
)
def test_bad_json_is_a_located_problem_as_in_every_reader(
    text: str, code: str, line: int, tmp_path: Path
) -> None:
    (tmp_path / "g.json").write_text(text, encoding="utf-8")
    with pytest.raises(FormatError) as caught:
        read_nodelink(tmp_path / "g.json")
    [problem] = caught.value.problems
    assert (problem.code, problem.line) == (code, line)
    assert problem.file is not None
    assert problem.file.endswith("g.json")
