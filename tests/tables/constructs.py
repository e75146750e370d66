"""A small graph with every construct the engines must read as the analyses do.

Dated documents (one older than the rebuttal that answers it), a group speaker, an
asked and an implicit attribution, a quote in segments, typographic differences
between quotes and text, a relation drawn by a speaker, a placement by a relation in
a shared document and one blocked across documents, a mixed speaker, a sub-question,
an undercut and an undercut of an undercut.
"""

from __future__ import annotations

from arggraph.model import ArgumentGraph

NEWS = (
    "Heim said: \u201cCompute still matters \u2014 a lot.\u201d\n"
    "Wagner said efficiency means compute matters less.\n"
    "Commentators say export controls failed.\n"
    "Is compute the bottleneck? asked the host.\n"
    "McBride: the controls slowed China, and the\nsmuggling proves it.\n"
)
PODCAST = (
    "Chilson: compute matters less now.\n"
    "Heim: the efficiency gains do not follow from that test.\n"
    "Wagner: open models spread anyway.\n"
)
LATE = "Dunn: the smuggling story is exaggerated.\nDunn: compute still matters for training.\n"
UNDATED = "Ortiz: the benchmark was cherry-picked.\n"


def _att(speaker: str, document: str, quote: str, **more: object) -> dict[str, object]:
    return {"speaker": speaker, "document": document, "quote": quote, **more}


def constructs_graph() -> ArgumentGraph:
    """The graph (texts inline), checked and grounded like a loaded one."""
    data = {
        "documents": [
            {"id": "news", "title": "News", "date": "2025-02-11", "text": NEWS},
            {"id": "podcast", "title": "Podcast", "date": "2025-02", "text": PODCAST},
            {"id": "late", "title": "Late", "date": "2025-03-01", "text": LATE},
            {"id": "undated", "title": "Undated", "text": UNDATED},
        ],
        "speakers": [
            {"id": "heim", "name": "Lennart Heim"},
            {"id": "wagner", "name": "Lauren Wagner"},
            {"id": "chilson", "name": "Neil Chilson"},
            {"id": "mcbride", "name": "Keegan McBride"},
            {"id": "dunn", "name": "Dunn"},
            {"id": "ortiz", "name": "Ortiz"},
            {"id": "host", "name": "Host"},
            {"id": "commentators", "name": "Commentators", "kind": "group"},
        ],
        "topics": [
            {
                "id": "compute",
                "label": "Compute",
                "question": "Does compute still matter?",
                "questions": [{"id": "bottleneck", "question": "Is compute the bottleneck?"}],
            },
            {"id": "controls", "label": "Controls", "question": "Did the controls work?"},
        ],
        "claims": [
            {
                "id": "matters",
                "statement": "Compute still matters.",
                "topics": ["compute"],
                "stances": {"compute": "yes", "bottleneck": "yes"},
                "attributions": [
                    _att("heim", "news", '"Compute still matters - a lot."'),
                    _att("host", "news", "Is compute the bottleneck?", asked=True),
                ],
            },
            {
                "id": "less",
                "statement": "Compute matters less.",
                "topics": ["compute"],
                "stances": {"compute": "no"},
                "attributions": [
                    _att("wagner", "news", "efficiency means compute matters less"),
                    _att("chilson", "podcast", "compute matters less now"),
                ],
            },
            {
                "id": "training",
                "statement": "Compute matters for training.",
                "topics": ["compute"],
                "stances": {"compute": "yes"},
                "attributions": [
                    _att("dunn", "late", "compute still matters for training"),
                    _att("wagner", "late", "compute still matters", implicit=False),
                ],
            },
            {
                "id": "gains",
                "statement": "The gains do not follow.",
                "topics": ["compute"],
                "attributions": [_att("heim", "podcast", "the efficiency gains do not follow")],
            },
            {
                "id": "spread",
                "statement": "Open models spread anyway.",
                "topics": ["compute"],
                "attributions": [_att("wagner", "podcast", "open models spread anyway")],
            },
            {
                "id": "cherry",
                "statement": "The benchmark was cherry-picked.",
                "topics": ["compute"],
                "attributions": [_att("ortiz", "undated", "the benchmark was cherry-picked")],
            },
            {
                "id": "failed",
                "statement": "Export controls failed.",
                "topics": ["controls"],
                "stances": {"controls": "no"},
                "attributions": [_att("commentators", "news", "export controls failed")],
            },
            {
                "id": "slowed",
                "statement": "The controls slowed China.",
                "topics": ["controls"],
                "stances": {"controls": "yes"},
                "attributions": [
                    {
                        "speaker": "mcbride",
                        "document": "news",
                        "segments": [
                            {"quote": "the controls slowed China"},
                            {"quote": "the smuggling proves it"},
                        ],
                    },
                    _att("mcbride", "news", "McBride implies the controls work", implicit=True),
                ],
            },
            {
                "id": "exaggerated",
                "statement": "The smuggling story is exaggerated.",
                "topics": ["controls"],
                "stances": {"controls": "no"},
                "attributions": [_att("dunn", "late", "the smuggling story is exaggerated")],
            },
        ],
        "relations": [
            {"id": "r1", "source": "less", "target": "matters", "kind": "rebuts"},
            {"id": "r2", "source": "gains", "target": "r1", "kind": "rebuts"},
            {"id": "r3", "source": "cherry", "target": "r2", "kind": "rebuts"},
            {"source": "spread", "target": "less", "kind": "supports"},
            {
                "source": "cherry",
                "target": "matters",
                "kind": "rebuts",
                "attribution": _att("ortiz", "undated", "the benchmark was cherry-picked"),
            },
            {"source": "exaggerated", "target": "slowed", "kind": "rebuts"},
            {"source": "slowed", "target": "exaggerated", "kind": "rebuts"},
            {"source": "training", "target": "less", "kind": "rebuts"},
            {"source": "failed", "target": "slowed", "kind": "rebuts"},
            {"source": "gains", "target": "training", "kind": "supports"},
        ],
    }
    return ArgumentGraph.model_validate(data)
