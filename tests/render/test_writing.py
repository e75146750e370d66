"""How ``arggraph render`` writes its folder: atomically, flushed once per batch, and
each node and edge encoded once, with the same bytes as encoding it afresh."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from arggraph.errors import OutputError
from arggraph.io import atomic
from arggraph.io.atomic import AtomicBatch
from arggraph.render import render_views
from arggraph.render.html import script_json
from arggraph.render.json_reuse import ItemJson
from arggraph.render.views import all_views
from arggraph.synthetic import synthetic_graph


def test_a_batch_renames_its_files_only_after_flushing_them(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "a.html").write_text("old a", encoding="utf-8")
    flushed: list[list[str]] = []
    real_flush = atomic._flush_to_disk

    def flush(paths: list[str]) -> None:
        # nothing is renamed before the flush: the targets are still the old ones
        assert (tmp_path / "a.html").read_text(encoding="utf-8") == "old a"
        assert not (tmp_path / "b.html").exists()
        flushed.append([Path(p).name for p in paths])
        real_flush(paths)

    monkeypatch.setattr(atomic, "_flush_to_disk", flush)
    with AtomicBatch(batch_files=10) as batch:
        batch.write_text(tmp_path / "a.html", "new a")
        batch.write_text(tmp_path / "b.html", "new b")
    assert [len(batch) for batch in flushed] == [2]
    assert (tmp_path / "a.html").read_text(encoding="utf-8") == "new a"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.html", "b.html"]


def test_a_full_batch_is_committed_before_the_next_file(tmp_path: Path) -> None:
    with AtomicBatch(batch_files=2) as batch:
        batch.write_text(tmp_path / "1", "one")
        batch.write_text(tmp_path / "2", "two")
        assert (tmp_path / "2").read_text(encoding="utf-8") == "two"
        batch.write_text(tmp_path / "3", "three")
        assert not (tmp_path / "3").exists()
    assert (tmp_path / "3").read_text(encoding="utf-8") == "three"


def test_a_failed_flush_keeps_every_previous_file_and_leaves_no_temporary(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "a.html").write_text("old a", encoding="utf-8")

    def full(_paths: list[str]) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(atomic, "_flush_to_disk", full)
    batch = AtomicBatch()
    batch.write_text(tmp_path / "a.html", "new a")
    batch.write_text(tmp_path / "b.html", "new b")
    with pytest.raises(OutputError, match="No space left on device"):
        batch.commit()
    assert (tmp_path / "a.html").read_text(encoding="utf-8") == "old a"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.html"]


def test_an_interrupted_render_keeps_the_previous_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    graph = synthetic_graph(30, seed=2)
    out = tmp_path / "views"
    render_views(graph, out)
    before = {p: p.read_bytes() for p in out.rglob("*") if p.is_file()}

    def interrupted(_paths: list[str]) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(atomic, "_flush_to_disk", interrupted)
    with pytest.raises(KeyboardInterrupt):
        render_views(synthetic_graph(40, seed=5), out)
    after = {p: p.read_bytes() for p in out.rglob("*") if p.is_file()}
    assert after == before  # no page changed, no temporary file left


def test_the_flush_syncs_the_files_on_every_platform(tmp_path: Path) -> None:
    """With or without ``syncfs``, the files are flushed and then in place."""
    files = [tmp_path / f"{i}.tmp" for i in range(3)]
    for f in files:
        f.write_bytes(b"x")
    atomic._flush_to_disk([str(f) for f in files])  # no error on this platform
    atomic._flush_to_disk([])


def _nodes_and_edges() -> list[tuple[str, dict[str, Any]]]:
    graph = synthetic_graph(120, seed=4, stance_share=0.3)
    views = all_views(graph, precompute_above=40)  # networks, maps and placed views
    return [("node", n) for v in views for n in v.nodes] + [
        ("edge", e) for v in views for e in v.edges
    ]


def test_reused_json_is_the_json_of_each_item() -> None:
    items = ItemJson()
    for kind, item in _nodes_and_edges():
        text = items.node(item) if kind == "node" else items.edge(item)
        assert text == script_json(item)
    assert sum(len(v) for v in items.nodes.values()) < sum(  # some were reused
        1 for kind, _ in _nodes_and_edges() if kind == "node"
    )


def test_an_item_changed_after_it_was_encoded_is_encoded_afresh() -> None:
    items = ItemJson()
    node = {"id": "a", "kind": "claim", "color": {"background": "#fff"}, "label": "A"}
    assert items.node(dict(node)) == script_json(node)
    changed = {**node, "label": "</script><b>B"}
    assert items.node(changed) == script_json(changed)
    placed = {**node, "x": 1.5, "y": -2.0, "central": True}
    assert json.loads(items.node(placed)) == placed
    edge = {"id": "e:r", "from": "a", "to": "b", "color": {"color": "#000"}}
    assert items.edge(dict(edge)) == script_json(edge)
    moved = {**edge, "to": "c"}
    assert items.edge(moved) == script_json(moved)
