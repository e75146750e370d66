"""Fuzzing every loader with mutated real files: only ``ArgGraphError`` may come out.

Each example takes a real, valid file, applies a few byte flips, truncations,
deletions and insertions (random bytes, or tokens that mean something to the
format), and loads it. A loader may accept the result or reject it with an error
of the documented family; any other exception is a bug. The number of examples
is bounded so that the whole file runs in well under a minute; for a longer hunt, set
``ARGGRAPH_FUZZ_EXAMPLES=3000 ARGGRAPH_FUZZ_RANDOM=1`` (fresh random examples).
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from arggraph.errors import ArgGraphError
from arggraph.io.aif import read_aif
from arggraph.io.argdown import read_argdown
from arggraph.io.kialo import read_kialo
from arggraph.io.microtexts import read_microtexts
from arggraph.io.yaml_json import dump_json, read_graph
from arggraph.model import ArgumentGraph
from tests.conftest import SMALL_GRAPH, TALK
from tests.hardening.conftest import DATA

FUZZ = settings(
    max_examples=int(os.environ.get("ARGGRAPH_FUZZ_EXAMPLES", "250")),
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    derandomize=os.environ.get("ARGGRAPH_FUZZ_RANDOM")
    != "1",  # the same examples every run: a failure is reproducible
)

TOKENS = [
    b"{", b"}", b"[", b"]", b'"', b"'", b"\\", b"<", b">", b"&", b"&amp;", b"\x00",
    b"\xff", b"\xc3", b"\xef\xbb\xbf", b"\r\n", b"\r", b"\t", b"\n- ", b": ", b"*a", b"&a ",
    b"!!python/object/apply:os.system ['echo pwned']", b"? ", b"---\n", b"...\n", b"~",
    b"]]>", b"<!ENTITY x 'y'>", b"<!DOCTYPE a>", b"<edge ", b'id="a1"', b"1.1.", b"Pro: ",
    b"Con: ", b"-> See 1.", b"\n  + ", b"\n  - <", b"[T]: ", b"@[", b"#tag", b'"nodeID"',
    b'"type": "CA"', b"\xd0\xb0", b"\xe2\x80\xa8", b"1e999", b"-0", b"null", b"true",
]  # fmt: skip


@st.composite
def mutations(draw: st.DrawFn, seed: bytes) -> bytes:
    """``seed`` after one to four random edits."""
    data = bytearray(seed)
    for _ in range(draw(st.integers(1, 4))):
        op = draw(st.sampled_from(["flip", "truncate", "insert", "delete", "repeat"]))
        pos = draw(st.integers(0, len(data)))
        if op == "flip" and data:
            data[min(pos, len(data) - 1)] ^= 1 << draw(st.integers(0, 7))
        elif op == "truncate":
            del data[pos:]
        elif op == "insert":
            data[pos:pos] = draw(st.binary(min_size=1, max_size=8) | st.sampled_from(TOKENS))
        elif op == "delete":
            del data[pos : pos + draw(st.integers(1, 32))]
        elif op == "repeat":
            data[pos:pos] = data[pos : pos + draw(st.integers(1, 64))] * draw(st.integers(2, 50))
    return bytes(data)


def _accepts_or_refuses(load: Callable[[], ArgumentGraph]) -> None:
    """Loading gives a graph (that can be dumped) or an ``ArgGraphError``; nothing else."""
    try:
        graph = load()
    except ArgGraphError as exc:
        message = str(exc)
    else:
        message = dump_json(graph)
    assert message  # a message for the user, never empty; or the graph as JSON


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("fuzz")


def _seed(path: Path) -> bytes:
    return path.read_bytes()


YAML_SEED = SMALL_GRAPH.encode()
JSON_SEED = (Path(__file__).parents[2] / "tests" / "data" / "aif" / "undercut.json").read_bytes()


@FUZZ
@given(mutations(YAML_SEED))
def test_yaml_graphs(folder: Path, data: bytes) -> None:
    (folder / "talk.txt").write_text(TALK, encoding="utf-8")
    (folder / "g.yaml").write_bytes(data)
    _accepts_or_refuses(lambda: read_graph(folder / "g.yaml"))


def _json_graph_seed() -> bytes:
    from arggraph.io.yaml_json import parse_graph

    return dump_json(parse_graph(SMALL_GRAPH.replace("path: talk.txt", f"text: {TALK!r}"))).encode()


@FUZZ
@given(mutations(_json_graph_seed()))
def test_json_graphs(folder: Path, data: bytes) -> None:
    (folder / "g.json").write_bytes(data)
    _accepts_or_refuses(lambda: read_graph(folder / "g.json"))


@FUZZ
@given(mutations(_seed(DATA / "microtexts" / "micro_b001.xml")), st.booleans())
def test_microtexts(folder: Path, data: bytes, mutate_text: bool) -> None:
    text = _seed(DATA / "microtexts" / "micro_b001.txt")
    (folder / "m.xml").write_bytes(data)
    (folder / "m.txt").write_bytes(text[: len(text) // 2] if mutate_text else text)
    _accepts_or_refuses(lambda: read_microtexts(folder / "m.xml"))


@FUZZ
@given(mutations(_seed(DATA / "aif" / "undercut.json")))
def test_aif(folder: Path, data: bytes) -> None:
    (folder / "a.json").write_bytes(data)
    _accepts_or_refuses(lambda: read_aif(folder / "a.json"))


@FUZZ
@given(mutations(_seed(DATA / "argdown" / "argdown-primer.argdown")))
def test_argdown(folder: Path, data: bytes) -> None:
    (folder / "a.argdown").write_bytes(data)
    _accepts_or_refuses(lambda: read_argdown(folder / "a.argdown"))


@FUZZ
@given(mutations(_seed(DATA / "kialo" / "small-debate.txt")))
def test_kialo(folder: Path, data: bytes) -> None:
    (folder / "k.txt").write_bytes(data)
    _accepts_or_refuses(lambda: read_kialo(folder / "k.txt"))
