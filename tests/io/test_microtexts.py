"""Microtext import: real texts map to claims, relations, undercuts, topics and stances.

Five texts are copied into ``tests/data/microtexts``; the whole corpus in
``../shared/data/microtexts`` is read when it exists.
"""

from __future__ import annotations

import logging
import warnings
from collections import Counter
from pathlib import Path

import pytest

from arggraph.errors import FormatError
from arggraph.io.microtexts import AUTHOR, OPPONENT, read_microtexts
from tests.conftest import REPO, WriteFiles

DATA = REPO / "tests" / "data" / "microtexts"
CORPUS = REPO.parent / "shared" / "data" / "microtexts"
needs_corpus = pytest.mark.skipif(not CORPUS.is_dir(), reason="shared microtext corpus absent")


def test_b001_maps_every_edge_type() -> None:
    graph = read_microtexts([DATA / "micro_b001.xml"])
    relations = {r.key: r for r in graph.relations}
    assert [c.id for c in graph.claims] == [f"micro_b001.a{i}" for i in range(1, 6)]
    assert (relations["micro_b001.c1"].kind, relations["micro_b001.c1"].target) == (
        "rebuts",
        "micro_b001.a5",
    )
    assert relations["micro_b001.c2"].kind == "supports"
    undercut = relations["micro_b001.c3"]
    assert (undercut.kind, undercut.target) == ("rebuts", "micro_b001.c1")
    assert graph.is_undercut(undercut)
    linked = relations["micro_b001.c4"]  # add: a4 joins a3's undercut of c1
    assert (linked.source, linked.kind, linked.target) == (
        "micro_b001.a4",
        "rebuts",
        "micro_b001.c1",
    )
    assert linked.note is not None
    assert "linked premise" in linked.note


def test_b001_quotes_are_the_edus_and_ground_in_the_text() -> None:
    graph = read_microtexts([DATA / "micro_b001.xml"])
    text = (DATA / "micro_b001.txt").read_text(encoding="utf-8")
    for claim in graph.claims:
        att = claim.attributions[0]
        assert att.start is not None
        assert att.end is not None
        assert text[att.start : att.end] == att.quote == claim.statement
    assert graph.documents[0].path is not None
    assert graph.text_of("micro_b001") == text


def test_roles_become_speakers_and_topic_and_stance_are_kept() -> None:
    graph = read_microtexts([DATA / "micro_b001.xml"])
    speakers = {c.id: c.speakers for c in graph.claims}
    assert speakers["micro_b001.a1"] == [OPPONENT]
    assert speakers["micro_b001.a5"] == [AUTHOR]
    assert [t.id for t in graph.topics] == ["waste_separation"]
    assert graph.topics[0].question == "Should we continue to separate our waste for recycling?"
    assert graph.claim("micro_b001.a5").stances == {"waste_separation": "yes"}
    assert all(c.topics == ["waste_separation"] for c in graph.claims)


def test_folder_is_one_graph_with_progress(tmp_path: Path) -> None:
    calls: list[tuple[int, int]] = []
    graph = read_microtexts([DATA], progress=lambda done, total, _: calls.append((done, total)))
    assert calls == [(i, 5) for i in range(1, 6)]
    assert len(graph.documents) == 5
    assert len({c.id for c in graph.claims}) == len(graph.claims)


@needs_corpus
def test_whole_corpus_imports_in_one_call() -> None:
    seen: list[int] = []
    graph = read_microtexts([CORPUS], progress=lambda done, total, _: seen.append(done))
    kinds = Counter(r.kind for r in graph.relations)
    assert (len(graph.documents), len(graph.claims), len(graph.topics)) == (89, 461, 18)
    assert (kinds["supports"], kinds["rebuts"]) == (237, 135)
    assert sum(graph.is_undercut(r) for r in graph.relations) == 50  # 49 und + 1 add on und
    assert sum(1 for c in graph.claims if c.stances) == 88  # one text's stance is unclear
    assert seen == list(range(1, 90))


# --- cross-check with arguebuf ----------------------------------------------------------


def _arguebuf_counts(paths: list[Path]) -> tuple[int, int, int]:
    """Atoms, support and attack scheme nodes as arguebuf's own microtext loader reads them."""
    arguebuf = pytest.importorskip("arguebuf")
    from arguebuf.model.node import Attack, Support

    atoms = supports = attacks = 0
    logging.disable(logging.WARNING)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            for path in paths:
                g = arguebuf.load.file(path)
                atoms += len(g.atom_nodes)
                for node in g.scheme_nodes.values():
                    premises = sum(1 for n in g.incoming_nodes(node) if n.id in g.atom_nodes)
                    supports += premises if isinstance(node.scheme, Support) else 0
                    attacks += premises if isinstance(node.scheme, Attack) else 0
    finally:
        logging.disable(logging.NOTSET)
    return atoms, supports, attacks


@pytest.mark.parametrize("folder", [DATA, pytest.param(CORPUS, marks=needs_corpus)])
def test_counts_agree_with_arguebuf(folder: Path) -> None:
    files = sorted(folder.glob("*.xml"))
    graph = read_microtexts(files)
    kinds = Counter(r.kind for r in graph.relations)
    # arguebuf links each premise (add included) to a scheme node: one per relation here
    assert _arguebuf_counts(files) == (len(graph.claims), kinds["supports"], kinds["rebuts"])


# --- bad input --------------------------------------------------------------------------

XML = """\
<?xml version='1.0' encoding='UTF-8'?>
<arggraph id="t1" topic_id="school_uniforms" stance="pro">
  <edu id="e1"><![CDATA[Uniforms are fair.]]></edu>
  <edu id="e2"><![CDATA[Nobody sees who is rich.]]></edu>
  <adu id="a1" type="pro"/>
  <adu id="a2" type="pro"/>
  <edge id="c1" src="e1" trg="a1" type="seg"/>
  <edge id="c2" src="e2" trg="a2" type="seg"/>
  {edges}
</arggraph>
"""
TEXT = "Uniforms are fair. Nobody sees who is rich."
GOOD_EDGE = '<edge id="c3" src="a2" trg="a1" type="sup"/>'


@pytest.mark.parametrize(
    ("edges", "codes", "line"),
    [
        ('<edge id="c3" src="a2" trg="a1" type="pull"/>', ["malformed-input"], 9),
        ('<edge id="c3" src="a2" trg="a9" type="sup"/>', ["unknown-id"], 9),
        ('<edge id="c3" src="a2" trg="a1" type="und"/>', ["unknown-id"], 9),
        (GOOD_EDGE + '\n  <edge id="c3" src="a1" trg="a2" type="reb"/>', ["duplicate-id"], 10),
        ('<edge id="c3" src="a2" trg="a1" type="sup">', ["malformed-input"], 10),
        ('<bogus id="x"/>' + GOOD_EDGE, ["malformed-input"], 9),
    ],
    ids=[
        "unknown-edge-type",
        "dangling-target",
        "und-needs-edge",
        "duplicate-id",
        "unclosed-tag",
        "unknown-element",
    ],
)
def test_bad_xml_is_located(
    write_files: WriteFiles, edges: str, codes: list[str], line: int
) -> None:
    folder = write_files(**{"t1.xml": XML.format(edges=edges), "t1.txt": TEXT})
    with pytest.raises(FormatError) as caught:
        read_microtexts([folder / "t1.xml"])
    problems = caught.value.problems
    assert [p.code for p in problems] == codes
    assert problems[0].file is not None
    assert problems[0].file.endswith("t1.xml")
    assert problems[0].line == line
    assert problems[0].hint


def test_missing_text_file_and_bad_encoding_are_reported_together(write_files: WriteFiles) -> None:
    folder = write_files(
        **{
            "t1.xml": XML.format(edges=GOOD_EDGE),
            "t2.xml": XML.format(edges=GOOD_EDGE).replace('"t1"', '"t2"'),
            "t2.txt": TEXT.encode("utf-8") + b"\xff",
        }
    )
    with pytest.raises(FormatError) as caught:
        read_microtexts([folder])
    problems = {(Path(p.file or "").name, p.code) for p in caught.value.problems}
    assert problems == {("t1.txt", "unreadable-file"), ("t2.txt", "not-utf8")}


def test_edu_text_not_in_the_txt_is_a_quote_problem(write_files: WriteFiles) -> None:
    folder = write_files(**{"t1.xml": XML.format(edges=GOOD_EDGE), "t1.txt": "Something else."})
    with pytest.raises(FormatError) as caught:
        read_microtexts([folder / "t1.xml"])
    assert {p.code for p in caught.value.problems} == {"quote-not-found"}
    assert all(p.file and p.file.endswith("t1.xml") and p.line for p in caught.value.problems)


def test_a_good_text_imports(write_files: WriteFiles) -> None:
    folder = write_files(**{"t1.xml": XML.format(edges=GOOD_EDGE), "t1.txt": TEXT})
    graph = read_microtexts([folder / "t1.xml"])
    assert [(r.source, r.kind, r.target) for r in graph.relations] == [
        ("t1.a2", "supports", "t1.a1")
    ]
    assert graph.claim("t1.a1").stances == {"school_uniforms": "yes"}


def test_copied_files_match_the_shared_corpus() -> None:
    if not CORPUS.is_dir():
        pytest.skip("shared microtext corpus absent")
    for path in DATA.glob("micro_*"):
        assert path.read_bytes() == (CORPUS / path.name).read_bytes()


def test_a_text_that_is_a_pipe_is_refused_not_waited_for(tmp_path: Path) -> None:
    import os
    import shutil

    shutil.copy(DATA / "micro_b001.xml", tmp_path / "micro_b001.xml")
    os.mkfifo(tmp_path / "micro_b001.txt")  # reading it would block forever
    with pytest.raises(FormatError) as caught:
        read_microtexts([tmp_path / "micro_b001.xml"])
    (problem,) = caught.value.problems
    assert problem.code == "unreadable-file"
    assert "not a regular file" in problem.message
    assert problem.file is not None
    assert problem.file.endswith("micro_b001.txt")


def test_a_missing_text_names_the_xml_that_needs_it(tmp_path: Path) -> None:
    import shutil

    shutil.copy(DATA / "micro_b001.xml", tmp_path / "micro_b001.xml")
    with pytest.raises(FormatError) as caught:
        read_microtexts([tmp_path / "micro_b001.xml"])
    (problem,) = caught.value.problems
    assert problem.message == "file not found"
    assert problem.hint is not None
    assert "micro_b001.xml needs its text beside it" in problem.hint
