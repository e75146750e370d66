"""Telling a file's format from its content: ``import_graph(None, ...)`` detects it, and
an import in a named format refuses a file that looks like another, naming it, placed at
the evidence. Run on the real files of tests/data and on what arggraph writes itself.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from arggraph.errors import FormatError
from arggraph.io.formats import (
    FORMATS,
    ImportLog,
    detect_format,
    dump_graph,
    export_formats,
    export_graph,
    import_graph,
)
from arggraph.io.sniff import sniff_text
from tests.conftest import REPO, WriteFiles

DATA = REPO / "tests" / "data"
AIF = DATA / "aif" / "undercut.json"


@pytest.mark.parametrize(
    ("path", "format"),
    [
        (DATA / "aif" / "nodeset6064.json", "aif"),
        (DATA / "aif" / "dialogue-a.json", "aif"),
        (DATA / "microtexts" / "micro_b001.xml", "microtexts"),
        (DATA / "microtexts", "microtexts"),  # a folder: the .txt beside each .xml is passed over
        (DATA / "kialo" / "small-debate.txt", "kialo"),
        (DATA / "argdown" / "legalisation-softdrugs.argdown", "argdown"),
        (DATA / "argdown" / "argdown-primer.argdown", "argdown"),
    ],
)
def test_detect_format_of_real_files(path: Path, format: str) -> None:
    assert detect_format(path) == format


@pytest.mark.parametrize(
    ("text", "format", "line"),
    [
        ('{"AIF": {"nodes": [], "edges": []}}', "aif", 1),
        ('{\n  "nodes": [{"id": "c1"}],\n  "links": []\n}', "nodelink", 2),
        ('{\n  "claims": []\n}', "json", 2),
        ('{"statements": {}, "arguments": {}, "relations": []}', "argdown-json", 1),
        ("# a comment\ntitle: t\nclaims:\n  - id: c1\n", "yaml", 3),
        ("<?xml version='1.0'?>\n<arggraph id='m'>\n</arggraph>\n", "microtexts", 2),
        ('<?xml version="1.0"?>\n<graphml xmlns="x">\n', "graphml", 2),
        ("Some notes.\n\n[Tea]: Tea is good.\n  + <Warm>: It warms.\n", "argdown", 3),
        ("1. Ban cars.\n1.1. Pro: Safer streets.\n", "kialo", 2),
    ],
)
def test_sniff_names_the_format_and_where_it_showed(text: str, format: str, line: int) -> None:
    found = sniff_text(text)
    assert found is not None
    assert (found.format, found.line) == (format, line)


@pytest.mark.parametrize("text", ["", "Just some prose, as a microtext's .txt is.\n", "[1, 2]"])
def test_sniff_says_nothing_when_content_is_silent(text: str) -> None:
    assert sniff_text(text) is None


def test_a_wrong_format_is_refused_naming_the_one_it_looks_like() -> None:
    with pytest.raises(FormatError) as caught:
        import_graph("microtexts", AIF)
    [problem] = caught.value.problems
    assert problem.code == "wrong-format"
    assert (problem.file, problem.line) == (str(AIF.relative_to(Path.cwd())), 3)
    assert "looks like AIF JSON" in problem.message
    assert problem.hint is not None
    assert "arggraph import aif" in problem.hint


def test_import_without_a_format_reads_what_it_detects() -> None:
    assert import_graph(None, AIF) == import_graph("aif", AIF)


def test_a_partial_import_skips_a_file_in_another_format(write_files: WriteFiles) -> None:
    folder = write_files(
        **{
            "a.json": AIF.read_text(encoding="utf-8"),
            "b.json": '{"claims": [], "documents": []}',
        }
    )
    log = ImportLog()
    graph = import_graph("aif", folder, log=log)
    assert len(graph.claims) == 5
    assert [p.code for p in log.skipped] == ["wrong-format"]
    assert log.skipped_files[0].endswith("b.json")


def test_strict_import_refuses_every_file_in_another_format(write_files: WriteFiles) -> None:
    kialo = (DATA / "kialo" / "small-debate.txt").read_text(encoding="utf-8")
    folder = write_files(**{"a.json": AIF.read_text(encoding="utf-8"), "k.json": kialo})
    with pytest.raises(FormatError) as caught:
        import_graph("aif", folder, log=ImportLog(strict=True))
    assert [(p.code, Path(p.file or "").name) for p in caught.value.problems] == [
        ("wrong-format", "k.json")
    ]


@pytest.mark.parametrize(
    ("files", "code"),
    [
        ({"a.json": AIF.read_text(encoding="utf-8"), "g.yaml": "claims: []\n"}, "mixed-formats"),
        ({"g.yaml": "documents: []\nclaims: []\n"}, "wrong-format"),
        ({"notes.txt": "Just prose.\n"}, "unknown-format"),
    ],
)
def test_detection_refuses_mixed_own_and_unknown_files(
    files: dict[str, str], code: str, write_files: WriteFiles
) -> None:
    folder = write_files(**files)
    with pytest.raises(FormatError) as caught:
        import_graph(None, sorted(folder.iterdir()))
    assert {p.code for p in caught.value.problems} == {code}
    assert all(p.file for p in caught.value.problems)


def test_own_graph_is_pointed_to_validate(write_files: WriteFiles) -> None:
    folder = write_files(**{"g.yaml": "documents: []\nclaims: []\n"})
    with pytest.raises(FormatError) as caught:
        detect_format(folder / "g.yaml")
    [problem] = caught.value.problems
    assert "nothing to import" in problem.message
    assert problem.hint is not None
    assert "arggraph validate" in problem.hint


def test_what_arggraph_exports_is_detected_again(tmp_path: Path) -> None:
    graph = import_graph("aif", AIF)
    for format, detected in [("aif", "aif"), ("nodelink", "nodelink"), ("argdown", "argdown")]:
        path = export_graph(graph, format, tmp_path / f"out-{format}.{format}")
        assert detect_format(path) == detected


@pytest.mark.parametrize("format", [f for f in export_formats() if not FORMATS[f].folder])
def test_dump_graph_is_what_export_writes(format: str, tmp_path: Path) -> None:
    graph = import_graph("microtexts", DATA / "microtexts" / "micro_b001.xml")
    written = export_graph(graph, format, tmp_path / f"out.{format}")
    assert dump_graph(graph, format, base_dir=tmp_path) == written.read_text(encoding="utf-8")


def test_detection_codes_are_documented() -> None:
    from arggraph.errors import PROBLEM_CODES

    assert {"wrong-format", "unknown-format", "mixed-formats"} <= set(PROBLEM_CODES)
