"""The format registry and dispatcher: known formats, folders, located refusals, and
atomic exports in every format.
"""

from __future__ import annotations

from pathlib import Path

import pytest

import arggraph
from arggraph.errors import FormatError, OutputError
from arggraph.io.formats import (
    FORMATS,
    export_formats,
    export_graph,
    import_formats,
    import_graph,
    safe_id,
    slug,
)
from tests.conftest import REPO, WriteFiles

DATA = REPO / "tests" / "data"


def test_registry_lists_each_direction() -> None:
    assert import_formats() == ["aif", "argdown", "kialo", "microtexts", "nodelink"]
    assert export_formats() == ["aif", "argdown", "graphml", "json", "nodelink", "parquet", "yaml"]
    assert all(info.keeps for info in FORMATS.values())


@pytest.mark.parametrize(
    ("format", "paths", "claims"),
    [
        ("microtexts", [DATA / "microtexts"], 25),
        ("aif", [DATA / "aif" / "nodeset6064.json"], 9),
        ("argdown", [DATA / "argdown" / "legalisation-softdrugs.argdown"], 18),
        ("kialo", [DATA / "kialo"], 5),
    ],
)
def test_import_graph_dispatches(format: str, paths: list[Path], claims: int) -> None:
    seen: list[int] = []
    graph = import_graph(format, paths, progress=lambda done, total, path: seen.append(done))
    assert len(graph.claims) == claims
    assert seen[-1] == len(seen)


def test_several_files_get_prefixed_ids() -> None:
    graph = import_graph("aif", [DATA / "aif"])
    assert {c.id.split(".")[0] for c in graph.claims} == {
        "dialogue-a",
        "dialogue-b",
        "nodeset6064",
        "undercut",
    }


def test_unknown_format_is_refused_with_the_choices() -> None:
    with pytest.raises(FormatError) as caught:
        import_graph("sadface", [DATA])
    problem = caught.value.problems[0]
    assert problem.code == "unsupported-format"
    assert problem.hint == "choose one of: aif, argdown, kialo, microtexts, nodelink"


def test_export_only_formats_cannot_be_imported() -> None:
    with pytest.raises(FormatError):
        import_graph("graphml", [DATA])


def test_missing_paths_and_empty_folders_are_reported_together(tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    with pytest.raises(FormatError) as caught:
        import_graph("aif", [tmp_path / "nope.json", tmp_path / "empty"])
    assert [p.code for p in caught.value.problems] == ["unreadable-file", "unreadable-file"]


@pytest.mark.parametrize("format", [f for f in export_formats() if not FORMATS[f].folder])
def test_export_graph_writes_every_format(format: str, tmp_path: Path) -> None:
    graph = import_graph("aif", [DATA / "aif" / "undercut.json"])
    target = export_graph(graph, format, tmp_path / f"out.{format}")
    assert target.read_text(encoding="utf-8").strip()
    assert [p.name for p in tmp_path.iterdir()] == [f"out.{format}"]  # no temporary left


def test_export_refuses_to_overwrite_an_input(tmp_path: Path, write_files: WriteFiles) -> None:
    source = write_files(**{"k.txt": (DATA / "kialo" / "small-debate.txt").read_text("utf-8")})
    graph = import_graph("kialo", [source / "k.txt"])
    with pytest.raises(OutputError):
        export_graph(graph, "argdown", source / "k.txt")


def test_a_failed_import_writes_nothing(tmp_path: Path, write_files: WriteFiles) -> None:
    folder = write_files(**{"bad.json": "{"})
    with pytest.raises(FormatError):
        export_graph(import_graph("aif", [folder / "bad.json"]), "json", tmp_path / "out.json")
    assert not (tmp_path / "out.json").exists()


def test_imported_graph_saves_and_loads_as_arggraph_yaml(tmp_path: Path) -> None:
    graph = import_graph("microtexts", [DATA / "microtexts" / "micro_b001.xml"])
    written = export_graph(graph, "yaml", tmp_path / "sub" / "b001.yaml")
    again = arggraph.load(written)
    assert again.model_dump(exclude={"documents"}) == graph.model_dump(exclude={"documents"})
    assert again.source_paths == graph.source_paths  # the path is rewritten, same text file


@pytest.mark.parametrize(
    ("raw", "expected"),
    [("29045", "29045"), ("a b/c", "a-b-c"), ("_x", "x-_x"), ("", "x"), ("é", "x")],
)
def test_safe_id(raw: str, expected: str) -> None:
    assert safe_id(raw) == expected


def test_slug() -> None:
    assert slug('The "Fake News"') == "the-fake-news"
