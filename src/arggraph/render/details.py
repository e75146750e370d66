"""Each claim's details: the data of its details panel, and the shared details files.

The panel lists a claim's quotes, holders, supporters, rebutters and undercutters
(by id, with the relation's key), what it argues for, and the reason for its status.
``arggraph render`` writes every claim's details once, into :data:`DETAILS_DIR`
(:data:`DETAILS_PER_FILE` claims per file), which a page loads when a claim is first
clicked; standalone pages carry them inline.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from arggraph.model import Claim
from arggraph.render.html import script_json

if TYPE_CHECKING:
    from arggraph.render.view_context import ViewContext
    from arggraph.render.view_data import GraphView

__all__ = [
    "DETAILS_DIR",
    "DETAILS_PER_FILE",
    "claim_details",
    "details_file",
    "details_files",
]

DETAILS_DIR = "assets/details/"
"""Where ``arggraph render`` writes the claims' details, relative to the pages."""

DETAILS_PER_FILE = 250
"""Claims per details file: a click loads one file of about this many claims' details."""


def details_file(shard: int) -> str:
    """The name of the details file (inside :data:`DETAILS_DIR`) that holds ``shard``."""
    return f"{shard:04d}.js"


def details_files(whole: GraphView) -> Iterator[tuple[str, str]]:
    """Every claim's details as script files (name, text), :data:`DETAILS_PER_FILE`
    claims each, from the whole graph's view (which draws every claim).

    Each file calls ``arggraph.addDetails`` with the claims' details and the statements
    of the claims they name; a page loads one with a ``<script>`` tag, which works from
    ``file://`` where fetch does not.
    """
    files: dict[str, list[str]] = defaultdict(list)
    for claim_id in whole.claims:
        files[details_file(whole.shared.position[claim_id] // DETAILS_PER_FILE)].append(claim_id)
    for name, claim_ids in sorted(files.items()):
        named = {
            ref["id"]
            for claim_id in claim_ids
            for field_name in ("supporters", "rebutters", "undercutters", "outgoing")
            for ref in whole.claims[claim_id][field_name]
            if ref["id"] is not None
        }
        data = {
            "claims": {c: whole.claims[c] for c in claim_ids},
            "statements": {c: whole.claims[c]["statement"] for c in sorted(named)},
        }
        yield name, f"arggraph.addDetails({script_json(data)});\n"


def claim_details(ctx: ViewContext, claim: Claim, statements: dict[str, str]) -> dict[str, Any]:
    """The details panel's data for one claim; the claims it names go into ``statements``.

    Related claims are given by id (with the relation's key), their statements once per
    view in ``statements``: a claim's neighbours are listed by many claims.
    """

    def ref(claim_id: str, relation: str, kind: str | None = None) -> dict[str, Any]:
        statements[claim_id] = ctx.claims[claim_id].statement
        item: dict[str, Any] = {"id": claim_id, "relation": relation}
        if kind is not None:
            item["kind"] = kind
        return item

    status = ctx.statuses.of(claim.id)
    supporters: list[dict[str, Any]] = []
    rebutters: list[dict[str, Any]] = []
    undercutters: list[dict[str, Any]] = []
    outgoing: list[dict[str, Any]] = []
    for rel in ctx.into.get(claim.id, []):
        (supporters if rel.kind == "supports" else rebutters).append(ref(rel.source, rel.key))
    for out in ctx.out_of.get(claim.id, []):
        for rel in ctx.into.get(out.key, []):
            item = ref(rel.source, rel.key, rel.kind)
            item["of"] = ctx.relation_text(out)
            undercutters.append(item)
        if out.target in ctx.claims:
            outgoing.append(ref(out.target, out.key, out.kind))
        else:
            inference = ctx.relations[out.target]
            outgoing.append(
                {
                    "id": None,
                    "relation": out.key,
                    "kind": out.kind,
                    "of": ctx.relation_text(inference),
                }
            )
    return {
        "statement": claim.statement,
        "topics": [ctx.topics[t].label for t in claim.topics],
        "holders": [_speaker_name(ctx, s) for s in claim.speakers],
        "quotes": [
            {
                "speaker": ctx.speakers[a.speaker].name,
                "document": ctx.documents[a.document].title,
                "quote": a.quote,
                "how": "implicit" if a.implicit else "asked" if a.asked else None,
            }
            for a in claim.attributions
        ],
        "supporters": supporters,
        "rebutters": rebutters,
        "undercutters": undercutters,
        "outgoing": outgoing,
        "status": status.status if status else "not computed",
        "reason": status.reason if status else None,
        "strength": ctx.statuses.strength(claim.id),
        "note": claim.note,
    }


def _speaker_name(ctx: ViewContext, speaker_id: str) -> str:
    """A speaker's name, with the role in brackets when known."""
    speaker = ctx.speakers[speaker_id]
    return f"{speaker.name} ({speaker.role})" if speaker.role else speaker.name
