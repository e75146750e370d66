"""The AIF importer's shortcuts give what the general code gives."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from arggraph.io.aif import _safe_id
from arggraph.io.formats import safe_id


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet="aZ09_.:-# \u00e9\t", max_size=210))
def test_safe_id_shortcut_equals_safe_id(raw: str) -> None:
    assert _safe_id(raw) == safe_id(raw)
