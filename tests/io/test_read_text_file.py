"""Graph and document files read from disk equal decoding their bytes.

``graph_files.read_text_file``: an empty file, a BOM and bytes that are not UTF-8 come
out as ``decode_utf8`` of the file's bytes says: the same text, or the same located
problem. (A memory-mapped read was tried and dropped: 0.03 s at 100k claims did not
pay for a process killed by SIGBUS when a file shrinks while it is read.)
"""

from __future__ import annotations

import tempfile
from collections.abc import Callable
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from arggraph.errors import InvalidGraphError
from arggraph.io.graph_files import decode_utf8, read_text_file


def _outcome(read: Callable[[], str]) -> object:
    """The text read, or the problems raised instead."""
    try:
        return read()
    except InvalidGraphError as exc:
        return exc.problems


@settings(max_examples=200, deadline=None)
@given(
    st.sampled_from([b"", b"\xef\xbb\xbf"]),
    st.lists(
        st.sampled_from([b"a", b"\n", b"\xc3\xa9", b"\xe2\x80\x94", b"\xff", b"\xc3", b"\r\n"]),
        max_size=30,
    ),
)
def test_mapped_read_equals_decoding_the_bytes(bom: bytes, pieces: list[bytes]) -> None:
    raw = bom + b"".join(pieces)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "graph.json"
        path.write_bytes(raw)
        assert _outcome(lambda: read_text_file(path, "graph.json")) == _outcome(
            lambda: decode_utf8(raw, "graph.json")
        )
