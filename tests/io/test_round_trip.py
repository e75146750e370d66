"""YAML and JSON round trips, merging several files, and the atomic writers."""

from __future__ import annotations

import json
from pathlib import Path

import networkx as nx
import pytest

import arggraph
from arggraph.errors import OutputError
from tests.conftest import DEEPSEEK, SMALL_GRAPH, TALK, WriteFiles


def test_yaml_to_json_to_yaml_is_exact(small_graph: Path, tmp_path: Path) -> None:
    graph = arggraph.load(small_graph)
    json_path = arggraph.write_graph(graph, tmp_path / "g.json")
    again = arggraph.load(json_path)
    assert again == graph
    yaml_path = arggraph.write_graph(again, tmp_path / "g2.yaml")
    assert arggraph.load(yaml_path) == graph
    assert arggraph.dump_json(arggraph.load(yaml_path)) == json_path.read_text(encoding="utf-8")


def test_json_has_fixed_key_order_and_offsets(small_graph: Path) -> None:
    data = json.loads(arggraph.dump_json(arggraph.load(small_graph)))
    assert list(data) == [
        "arggraph",
        "title",
        "documents",
        "speakers",
        "topics",
        "claims",
        "relations",
    ]
    assert list(data["claims"][0]) == ["id", "statement", "topics", "stances", "attributions"]
    att = data["claims"][0]["attributions"][0]
    assert list(att) == ["speaker", "document", "quote", "start", "end"]
    assert TALK[att["start"] : att["end"]] == "compute still matters \u2014 a lot"


def test_written_json_finds_documents_from_a_new_folder(small_graph: Path, tmp_path: Path) -> None:
    graph = arggraph.load(small_graph)
    target = tmp_path / "deep" / "er" / "out.json"
    arggraph.write_graph(graph, target)
    data = json.loads(target.read_text(encoding="utf-8"))
    assert data["documents"][0]["path"] == "../../talk.txt"
    again = arggraph.load(target)
    assert arggraph.dump_json(again, base_dir=tmp_path) == arggraph.dump_json(
        graph, base_dir=tmp_path
    )


def test_same_input_gives_identical_bytes(small_graph: Path) -> None:
    first = arggraph.dump_json(arggraph.load(small_graph))
    second = arggraph.dump_json(arggraph.load(small_graph))
    assert first == second


def test_several_files_merge_into_one_graph(write_files: WriteFiles) -> None:
    head, tail = SMALL_GRAPH.split("claims:\n")
    folder = write_files(**{"a.yaml": head, "b.yaml": "claims:\n" + tail, "talk.txt": TALK})
    merged = arggraph.load([folder / "a.yaml", folder / "b.yaml"])
    single = arggraph.load(write_files(**{"g.yaml": SMALL_GRAPH}) / "g.yaml")
    assert merged == single


def test_include_merges_like_listing_the_files(write_files: WriteFiles) -> None:
    head, tail = SMALL_GRAPH.split("claims:\n")
    folder = write_files(
        **{
            "main.yaml": "include: [parts/claims.yaml]\n" + head,
            "parts__claims.yaml": "claims:\n" + tail,
            "talk.txt": TALK,
        }
    )
    graph = arggraph.load(folder / "main.yaml")
    assert [c.id for c in graph.claims] == ["still-matters", "matters-less"]


def test_yaml_12_scalars_keep_text_as_text(write_files: WriteFiles) -> None:
    graph_text = SMALL_GRAPH.replace("label: Compute,", "label: no,").replace(
        "title: Small", "title: on"
    )
    folder = write_files(**{"g.yaml": graph_text, "talk.txt": TALK})
    graph = arggraph.load(folder / "g.yaml")
    assert graph.topics[0].label == "no"
    assert graph.title == "on"


def test_yaml_tags_cannot_build_python_objects(write_files: WriteFiles) -> None:
    folder = write_files(**{"g.yaml": "title: !!python/object/apply:os.system ['true']\n"})
    with pytest.raises(arggraph.InvalidGraphError) as caught:
        arggraph.load(folder / "g.yaml")
    assert caught.value.problems[0].code == "yaml-syntax"


def test_graphml_export_reads_back_with_networkx(small_graph: Path, tmp_path: Path) -> None:
    graph = arggraph.load(small_graph)
    path = arggraph.write_graphml(graph, tmp_path / "g.graphml")
    G = nx.read_graphml(path, force_multigraph=True)
    assert sorted(G.nodes) == ["matters-less", "still-matters"]
    ((u, v, data),) = G.edges(data=True)
    assert (u, v, data["kind"]) == ("still-matters", "matters-less", "rebuts")
    assert json.loads(G.nodes["still-matters"]["attributions"])[0]["speaker"] == "heim"


def test_writer_refuses_to_overwrite_an_input(small_graph: Path) -> None:
    graph = arggraph.load(small_graph)
    before = small_graph.read_bytes()
    with pytest.raises(OutputError, match="input"):
        arggraph.write_graph(graph, small_graph)
    with pytest.raises(OutputError, match="input"):
        arggraph.write_graph(graph, small_graph.parent / "talk.txt")
    assert small_graph.read_bytes() == before


def test_failed_write_leaves_previous_output_and_no_temp_file(
    small_graph: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    graph = arggraph.load(small_graph)
    target = tmp_path / "out.json"
    target.write_text("previous", encoding="utf-8")

    def fail(*_args: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr("os.replace", fail)
    with pytest.raises(KeyboardInterrupt):
        arggraph.write_graph(graph, target)
    assert target.read_text(encoding="utf-8") == "previous"
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(["g.yaml", "talk.txt", "out.json"])


@pytest.mark.skipif(not DEEPSEEK.exists(), reason="the DeepSeek graph is not written yet")
def test_deepseek_round_trips_through_json(tmp_path: Path) -> None:
    graph = arggraph.load(DEEPSEEK)
    again = arggraph.load(arggraph.write_graph(graph, tmp_path / "deepseek.json"))
    assert again == graph


def test_graphs_pointing_at_different_files_are_not_equal(write_files: WriteFiles) -> None:
    folder = write_files(
        **{
            "a__g.yaml": SMALL_GRAPH,
            "a__talk.txt": TALK,
            "b__g.yaml": SMALL_GRAPH,
            "b__talk.txt": TALK,
        }
    )
    first, second = arggraph.load(folder / "a" / "g.yaml"), arggraph.load(folder / "b" / "g.yaml")
    assert first != second  # same text, but each document is a different file
    assert first == arggraph.load(folder / "a" / "g.yaml")


@pytest.mark.parametrize("text", ["0E0", "1e3", "-.5", ".NaN", "TRUE", "~", "null", "yes", "012"])
def test_yaml_keeps_strings_that_look_like_other_scalars(
    write_files: WriteFiles, tmp_path: Path, text: str
) -> None:
    """Found by hypothesis: ``0E0`` was written bare and read back as a YAML 1.2 float."""
    folder = write_files(**{"g.yaml": SMALL_GRAPH, "talk.txt": TALK})
    graph = arggraph.load(folder / "g.yaml")
    claims = [graph.claims[0].model_copy(update={"statement": text}), *graph.claims[1:]]
    changed = graph.model_copy(update={"claims": claims, "title": text})
    again = arggraph.load(arggraph.write_graph(changed, folder / "out.yaml"))
    assert again.claims[0].statement == text
    assert again.title == text
