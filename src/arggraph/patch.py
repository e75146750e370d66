"""Reviewed changes to a graph: the patch file and applying it.

The review queue (``arggraph review``) exports the changes a reviewer accepted as a
YAML patch; ``arggraph apply`` adds them to a graph. A patch adds, never removes:

.. code-block:: yaml

    arggraph_patch: 1
    graph: graphs/deepseek.yaml          # what the review was against (informational)
    document: {id: op-ed, title: An op-ed, kind: text, path: /abs/or/relative/op-ed.txt}
    speakers: [{id: ann, name: Ann Lee}]            # new speakers only
    claims:                                         # new claims, quoted from the document
      - {id: c1, statement: ..., topics: [t], attributions: [{speaker: ann, document: op-ed,
         quote: ..., start: 10, end: 52}]}
    attributions:                                   # merges: a new holder of an existing claim
      - {claim: existing-id, attribution: {speaker: ann, document: op-ed, quote: ...}}
    relations: [{source: c1, target: existing-id, kind: rebuts, note: ...}]

A relative document ``path`` is relative to the patch file. The patched graph is
checked as any loaded graph is: references resolve, and every quote is found in its
document.

Example
-------
>>> patch = parse_patch("arggraph_patch: 1\\ndocument: {id: d, title: T, text: Hi there.}\\n")
>>> patch.document.id
'd'
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Literal

import yaml
from pydantic import ConfigDict, Field, ValidationError

from arggraph.errors import ArgGraphError, FormatError, Problem
from arggraph.io.formats import read_import_text
from arggraph.io.yaml_json import graph_to_data
from arggraph.model import (
    ArgumentGraph,
    Attribution,
    Claim,
    Document,
    Relation,
    Speaker,
    _Strict,
)

__all__ = ["AddedAttribution", "Patch", "apply_patch", "parse_patch", "read_patch"]


class AddedAttribution(_Strict):
    """A new holder of an existing claim (an accepted merge)."""

    claim: str
    attribution: Attribution


class Patch(_Strict):
    """The accepted changes of a review: what to add to a graph."""

    model_config = ConfigDict(extra="forbid", strict=False)

    arggraph_patch: Literal[1] = 1
    graph: str | None = Field(None, description="the graph the review was against")
    document: Document
    speakers: list[Speaker] = Field(default_factory=list)
    claims: list[Claim] = Field(default_factory=list)
    attributions: list[AddedAttribution] = Field(default_factory=list)
    relations: list[Relation] = Field(default_factory=list)


def parse_patch(text: str, *, source: str = "<patch>") -> Patch:
    """A patch from YAML (or JSON) text; :class:`FormatError` listing its problems."""
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        raise FormatError([Problem(f"not YAML: {exc}", code="syntax", file=source)]) from None
    try:
        return Patch.model_validate(data)
    except ValidationError as exc:
        raise FormatError(
            [
                Problem(
                    f"{'.'.join(str(p) for p in e['loc']) or 'patch'}: {e['msg']}",
                    code="invalid-patch",
                    file=source,
                    hint="export patches from the review queue ('arggraph review')",
                )
                for e in exc.errors()
            ]
        ) from None


def read_patch(path: str | os.PathLike[str]) -> Patch:
    """Read a patch file (see :func:`parse_patch`)."""
    file = Path(path)
    text, _ = read_import_text(file, str(file))
    return parse_patch(text, source=str(file))


def apply_patch(
    graph: ArgumentGraph, patch: Patch, *, base_dir: str | os.PathLike[str] = "."
) -> ArgumentGraph:
    """A new graph: ``graph`` with the patch's additions; ``graph`` is not changed.

    Parameters
    ----------
    graph
        The graph to add to, as loaded (its document texts known).
    patch
        The accepted changes.
    base_dir
        What a relative document path in the patch is relative to (the patch's folder).

    Returns
    -------
    ArgumentGraph
        Checked, every quote grounded; it remembers the inputs, so writing it over the
        graph's files is refused.

    Raises
    ------
    ArgGraphError
        When the document or a new claim's id is already in the graph, or a merge
        names a claim the graph does not have.
    InvalidGraphError
        When the result does not validate (a quote not in the document, an unknown id).
    """
    data = graph_to_data(graph)
    texts = {d.id: t for d in graph.documents if (t := graph.text_of(d.id)) is not None}
    sources = dict(graph.source_paths)
    document = patch.document
    if any(d.id == document.id for d in graph.documents):
        raise ArgGraphError(f"document '{document.id}' is already in the graph; nothing applied")
    doc_data = document.model_dump(exclude_none=True)
    if document.path is not None:
        file = Path(document.path)
        file = file if file.is_absolute() else Path(base_dir) / file
        texts[document.id], _ = read_import_text(file, str(file))
        sources[document.id] = file.resolve()
        doc_data["path"] = str(file.resolve())
    data["documents"].append(doc_data)
    known_speakers = {s["id"] for s in data["speakers"]}
    data["speakers"] += [
        s.model_dump(exclude_none=True) for s in patch.speakers if s.id not in known_speakers
    ]
    claims = {c["id"]: c for c in data["claims"]}
    clashes = sorted(c.id for c in patch.claims if c.id in claims)
    if clashes:
        raise ArgGraphError(
            f"claims already in the graph: {', '.join(repr(c) for c in clashes)}; "
            "was this patch applied already?"
        )
    for added in patch.attributions:
        if added.claim not in claims:
            raise ArgGraphError(
                f"merge into claim '{added.claim}', which the graph does not have; "
                "was the patch made for another graph?"
            )
        claims[added.claim]["attributions"].append(
            added.attribution.model_dump(exclude_none=True, exclude_defaults=True)
        )
    data["claims"] += [c.model_dump(exclude_none=True, exclude_defaults=True) for c in patch.claims]
    data["relations"] += [r.model_dump(exclude_none=True) for r in patch.relations]
    result = ArgumentGraph.model_validate(data, context={"texts": texts})
    result.attach_sources(texts, sources, inputs=graph.input_paths)
    return result
