"""AIF import and export: real AIFdb nodesets, undercuts, round trips, bad input.

Counts are checked against arguebuf's own AIF reader on the copied nodeset and, when
``../shared/data/aifdb`` exists, on the QT30, US2016 and AraucariaDB samples there.
"""

from __future__ import annotations

import json
import logging
import warnings
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

from arggraph.errors import FormatError
from arggraph.io.aif import aif_data, dump_aif, read_aif, write_aif
from arggraph.model import ArgumentGraph, Attribution, Claim, Document, Relation, Speaker
from tests.conftest import REPO, WriteFiles

DATA = REPO / "tests" / "data" / "aif"
SHARED = REPO.parent / "shared" / "data" / "aifdb"


def test_nodeset_6064_claims_relations_and_speaker() -> None:
    graph = read_aif(DATA / "nodeset6064.json")
    assert len(graph.claims) == 9
    assert Counter(r.kind for r in graph.relations) == {"supports": 5}
    claim = graph.claim("29054")
    assert claim.statement == "and therefore the only way forward was for Britain to withdraw"
    assert [(a.speaker, a.quote) for a in claim.attributions] == [
        ("person-409", "and therefore the only way forward was for Britain to withdraw")
    ]
    assert {s.id: s.name for s in graph.speakers}["person-409"] == "CL"


def test_every_quote_grounds_in_the_built_document() -> None:
    graph = read_aif(DATA / "nodeset6064.json")
    text = graph.text_of("nodeset6064")
    assert text is not None
    for _, att in graph.iter_attributions():
        assert att.start is not None
        assert text[att.start : att.end] == att.quote


def test_ca_on_ra_is_an_undercut_and_speakers_come_from_locutions() -> None:
    graph = read_aif(DATA / "undercut.json")
    relations = {r.key: r for r in graph.relations}
    assert (relations["6"].kind, relations["6"].target) == ("rebuts", "7")
    assert graph.is_undercut(relations["6"])
    assert (relations["13"].source, relations["13"].kind, relations["13"].target) == (
        "12",
        "rebuts",
        "1",
    )
    assert graph.claim("2").attributions[0].speaker == "person-101"
    assert {s.id: s.name for s in graph.speakers}["person-102"] == "Bo Park"
    # claims no locution asserts are quoted from the I-node texts appended to the document
    assert graph.claim("1").speakers == ["aif-unattributed"]


def test_linked_premises_give_one_relation_each(write_files: WriteFiles) -> None:
    data = {
        "nodes": [
            {"nodeID": "a", "text": "premise one", "type": "I"},
            {"nodeID": "b", "text": "premise two", "type": "I"},
            {"nodeID": "c", "text": "conclusion", "type": "I"},
            {"nodeID": "r", "text": "Default Inference", "type": "RA"},
        ],
        "edges": [
            {"edgeID": "1", "fromID": "a", "toID": "r"},
            {"edgeID": "2", "fromID": "b", "toID": "r"},
            {"edgeID": "3", "fromID": "r", "toID": "c"},
        ],
    }
    folder = write_files(**{"linked.json": json.dumps(data)})
    graph = read_aif(folder / "linked.json")
    assert [(r.key, r.source, r.target) for r in graph.relations] == [
        ("r.1", "a", "c"),
        ("r.2", "b", "c"),
    ]
    assert all("linked premises" in (r.note or "") for r in graph.relations)


def test_defects_are_noted_not_dropped(write_files: WriteFiles) -> None:
    data = {
        "nodes": [
            {"nodeID": "a", "text": "a claim", "type": "I"},
            {"nodeID": "b", "text": "another claim", "type": "I"},
            {"nodeID": "r", "text": "Default Inference", "type": "RA"},
            {"nodeID": "m", "text": "Default Rephrase", "type": "MA"},
            {"nodeID": "x", "text": "Default Inference", "type": "RA"},
        ],
        "edges": [
            {"edgeID": "1", "fromID": "a", "toID": "r"},
            {"edgeID": "2", "fromID": "r", "toID": "b"},
            {"edgeID": "3", "fromID": "a", "toID": "m"},
            {"edgeID": "4", "fromID": "m", "toID": "b"},
            {"edgeID": "5", "fromID": "b", "toID": "x"},
        ],
    }
    folder = write_files(**{"defects.json": json.dumps(data)})
    graph = read_aif(folder / "defects.json")
    assert [(r.source, r.target) for r in graph.relations] == [("a", "b")]
    assert "also AIF MA node m" in (graph.relations[0].note or "")
    assert "RA node x has no conclusion" in (graph.claim("b").note or "")


# --- export and round trips ---------------------------------------------------------------


def _structure(graph: ArgumentGraph) -> dict[str, Any]:
    """What AIF carries: claims with speakers and quotes, relations, speaker names."""
    return {
        "claims": [
            (c.id, c.statement, [(a.speaker, a.quote) for a in c.attributions])
            for c in graph.claims
        ],
        "relations": [
            (r.id, r.source, r.target, r.kind, r.attribution and r.attribution.quote)
            for r in graph.relations
        ],
        "speakers": sorted((s.id, s.name) for s in graph.speakers),
    }


@pytest.mark.parametrize("name", ["nodeset6064.json", "undercut.json"])
def test_aif_to_ours_to_aif_to_ours_is_stable(name: str, tmp_path: Path) -> None:
    graph = read_aif(DATA / name)
    again = read_aif(write_aif(graph, tmp_path / name))
    assert _structure(again) == _structure(graph)


def test_ours_to_aif_to_ours_keeps_what_aif_carries(tmp_path: Path) -> None:
    text = "Heim: compute still matters. Wagner: compute matters less. Lee: not so."
    graph = ArgumentGraph(
        documents=[Document(id="talk", title="Talk", text=text)],
        speakers=[
            Speaker(id="heim", name="Lennart Heim"),
            Speaker(id="wagner", name="Wagner"),
            Speaker(id="lee", name="Lee"),
        ],
        claims=[
            Claim(
                id="still",
                statement="Compute still matters.",
                attributions=[
                    Attribution(speaker="heim", document="talk", quote="compute still matters")
                ],
            ),
            Claim(
                id="less",
                statement="Compute matters less.",
                attributions=[
                    Attribution(speaker="wagner", document="talk", quote="compute matters less")
                ],
            ),
            Claim(
                id="not-so",
                statement="Not so.",
                attributions=[Attribution(speaker="lee", document="talk", quote="not so")],
            ),
        ],
        relations=[
            Relation(
                id="r1",
                source="still",
                target="less",
                kind="rebuts",
                attribution=Attribution(
                    speaker="heim", document="talk", quote="compute still matters"
                ),
            ),
            Relation(source="not-so", target="r1", kind="rebuts", id="u1"),
            Relation(source="less", target="not-so", kind="supports"),
        ],
    )
    again = read_aif(write_aif(graph, tmp_path / "g.json"))
    assert _structure(again) == _structure(graph)
    assert again.relations[2].id is None  # an id-less relation stays id-less


def test_export_loads_in_arguebuf_with_the_same_counts(tmp_path: Path) -> None:
    arguebuf = pytest.importorskip("arguebuf")
    graph = read_aif(DATA / "undercut.json")
    path = write_aif(graph, tmp_path / "out.json")
    loaded = _quietly(lambda: arguebuf.load.file(path))
    assert _arguebuf_counts(loaded) == (5, 2, 2, 0)


def test_export_is_deterministic_and_plain_aif() -> None:
    graph = read_aif(DATA / "undercut.json")
    assert dump_aif(graph) == dump_aif(graph)
    data = aif_data(graph)
    assert set(data) == {"nodes", "edges", "locutions", "participants"}
    assert Counter(n["type"] for n in data["nodes"]) == {"I": 5, "RA": 2, "CA": 2, "L": 5, "YA": 5}


# --- cross-check with arguebuf ----------------------------------------------------------


def _quietly(load: Any) -> Any:
    logging.disable(logging.WARNING)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            return load()
    finally:
        logging.disable(logging.NOTSET)


def _arguebuf_counts(graph: Any) -> tuple[int, int, int, int]:
    """Atoms, and premise-conclusion pairs of support, attack and rephrase scheme nodes."""
    from arguebuf.model.node import Attack, Rephrase, Support

    pairs: Counter[type] = Counter()
    for node in graph.scheme_nodes.values():
        premises = sum(1 for n in graph.incoming_nodes(node) if n.id in graph.atom_nodes)
        for kind in (Support, Attack, Rephrase):
            if isinstance(node.scheme, kind):
                pairs[kind] += premises * len(graph.outgoing_nodes(node))
    return len(graph.atom_nodes), pairs[Support], pairs[Attack], pairs[Rephrase]


def _our_counts(graph: ArgumentGraph) -> tuple[int, int, int, int]:
    """The same four counts; merged and self-relating pairs count once each, as AIF has them."""
    rephrase = sum(1 for r in graph.relations if "MA (rephrase)" in (r.note or ""))
    kinds = Counter(r.kind for r in graph.relations)
    notes = " ".join(
        filter(None, [*(c.note for c in graph.claims), *(r.note for r in graph.relations)])
    )
    folded = notes.count("relates this claim to itself") + notes.count("also AIF")
    return len(graph.claims), kinds["supports"] - rephrase, kinds["rebuts"], rephrase + folded


def _corpus(name: str) -> list[Path]:
    folder = SHARED / name
    if not folder.is_dir():
        pytest.skip(f"shared AIFdb sample {name} absent")
    return sorted(folder.glob("*.json"))


@pytest.mark.parametrize("corpus", ["copied", "qt30", "us2016", "araucaria"])
def test_counts_agree_with_arguebuf(corpus: str) -> None:
    arguebuf = pytest.importorskip("arguebuf")
    files = (
        [DATA / "nodeset6064.json", DATA / "undercut.json"]
        if corpus == "copied"
        else _corpus(corpus)
    )
    theirs = [0, 0, 0, 0]
    for path in files:
        counts = _arguebuf_counts(_quietly(lambda p=path: arguebuf.load.file(p)))
        theirs = [a + b for a, b in zip(theirs, counts, strict=True)]
    assert _our_counts(read_aif(files)) == tuple(theirs)


# --- bad input --------------------------------------------------------------------------


def test_every_problem_is_reported_together_with_node_and_line(write_files: WriteFiles) -> None:
    text = """\
{
  "nodes": [
    {"nodeID": "1", "text": "a", "type": "I"},
    {"nodeID": "1", "text": "b", "type": "I"},
    {"nodeID": "2", "text": "c", "type": "Q"}
  ],
  "edges": [
    {"edgeID": "e1", "fromID": "1", "toID": "9"}
  ]
}
"""
    folder = write_files(**{"bad.json": text})
    with pytest.raises(FormatError) as caught:
        read_aif(folder / "bad.json")
    found = [(p.code, p.line) for p in caught.value.problems]
    assert found == [("duplicate-id", 3), ("malformed-input", 5), ("unknown-id", 8)]
    assert all(p.file and p.file.endswith("bad.json") and p.hint for p in caught.value.problems)


@pytest.mark.parametrize(
    ("content", "code"),
    [
        ('{"nodes": [', "json-syntax"),
        ('{"claims": []}', "malformed-input"),
        (b'{"nodes": [{"nodeID": "1", "text": "caf\xe9", "type": "I"}]}', "not-utf8"),
        ('{"nodes": [{"nodeID": "1", "text": " ", "type": "I"}]}', "empty-statement"),
    ],
    ids=["broken-json", "not-aif", "latin-1", "empty-proposition"],
)
def test_unreadable_files_are_format_errors(
    write_files: WriteFiles, content: str | bytes, code: str
) -> None:
    folder = write_files(**{"x.json": content})
    with pytest.raises(FormatError) as caught:
        read_aif(folder / "x.json")
    assert [p.code for p in caught.value.problems] == [code]


def test_problems_in_several_files_come_together(write_files: WriteFiles) -> None:
    folder = write_files(**{"a.json": "{", "b.json": '{"nodes": [{"nodeID": 1, "type": "X"}]}'})
    with pytest.raises(FormatError) as caught:
        read_aif(folder)
    assert sorted(Path(p.file or "").name for p in caught.value.problems) == ["a.json", "b.json"]
