"""The overview of a large graph: its topics and questions as nodes, linked by relations.

A graph of more than :data:`OVERVIEW_ABOVE` claims opens on this map instead of every
claim at once (drawing 20,000 claims takes many seconds and shows a hairball). Each
topic is a node sized by its claims, in its shape and colour from the legend; each
answered question is a box beside its topic, sized by the claims that answer it.
Topics are linked by the relations that cross between them, the count on each link;
each topic keeps its :data:`LINKS_PER_TOPIC` strongest links (a complete list would be
thousands of lines). Clicking a node opens that topic's or question's map page.

Positions are computed here (a sunflower, largest topic in the middle), physics off,
so the page draws once and is ready.

Example
-------
>>> from arggraph.synthetic import synthetic_graph
>>> view = overview_view(synthetic_graph(200, seed=1), {"topic:t0": "topic-t0.html"})
>>> view.kind, view.nodes[0]["kind"], view.counts["topics"]
('overview', 'topic', 4)
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from arggraph.analysis.results import shorten
from arggraph.analysis.signed import relation_chain
from arggraph.model import ArgumentGraph, Topic
from arggraph.render import style
from arggraph.render.views import answered_questions

OVERVIEW_ABOVE = 5000
"""Graphs with more claims than this open on the overview (docs/views.md says why)."""

LEAD_LABELS = 200
"""Of the largest topics, those whose labels do not overlap on screen keep a readable
label at any zoom (the page picks and sizes them); the others show theirs zoomed in."""

LINKS_PER_TOPIC = 3
"""Each topic keeps this many of its strongest links to other topics on the map."""

TOPIC_SIZE = (14.0, 60.0)
QUESTION_SIZE = (8.0, 22.0)
LINK_COLOUR = "#78909c"


@dataclass
class OverviewView:
    """The overview's vis-network data, and the same as a list of links for reading."""

    title: str
    description: str
    nodes: list[dict[str, Any]]
    edges: list[dict[str, Any]]
    options: dict[str, Any]
    items: list[dict[str, Any]]
    counts: dict[str, int]
    layout_note: str
    key: str = "overview"
    kind: str = "overview"

    def page_data(self) -> dict[str, Any]:
        """Everything the page's script reads, as plain JSON-ready data."""
        return {
            "key": self.key,
            "kind": self.kind,
            "title": self.title,
            "nodes": self.nodes,
            "edges": self.edges,
            "options": self.options,
            "regions": [],
            "layout": "precomputed",
            "counts": self.counts,
        }


def topic_links(graph: ArgumentGraph) -> Counter[tuple[str, str]]:
    """How many relations join claims of two different topics, by (topic, topic) sorted.

    An undercut counts between its source's topics and those of the claim at the end
    of the relation it attacks. A relation counts once per pair of topics.
    """
    topics = {c.id: c.topics for c in graph.claims}
    relations = {r.key: r for r in graph.relations}
    counts: Counter[tuple[str, str]] = Counter()
    for rel in graph.relations:
        _, end = relation_chain(rel, relations)
        if end is None:
            continue
        pairs = {(min(a, b), max(a, b)) for a in topics[rel.source] for b in topics[end] if a != b}
        counts.update(pairs)
    return counts


def strongest_links(
    counts: Counter[tuple[str, str]], per_topic: int = LINKS_PER_TOPIC
) -> list[tuple[str, str]]:
    """Each topic's ``per_topic`` strongest links (ties by the other topic's id), deduplicated."""
    by_topic: dict[str, list[tuple[int, str, tuple[str, str]]]] = defaultdict(list)
    for pair, n in counts.items():
        by_topic[pair[0]].append((-n, pair[1], pair))
        by_topic[pair[1]].append((-n, pair[0], pair))
    kept: set[tuple[str, str]] = set()
    for entries in by_topic.values():
        kept.update(pair for _, _, pair in sorted(entries)[:per_topic])
    return sorted(kept, key=lambda p: (-counts[p], p))


def _size(n: int, largest: int, bounds: tuple[float, float]) -> float:
    low, high = bounds
    return round(low + (high - low) * math.sqrt(n / largest), 1) if largest else low


def overview_view(graph: ArgumentGraph, hrefs: Mapping[str, str]) -> OverviewView:
    """The overview of ``graph``; ``hrefs`` maps view keys (``topic:<id>``,
    ``question:<id>``) to the pages a click opens (a node without one opens nothing)."""
    claims_of = Counter(t for c in graph.claims for t in c.topics)
    answering = Counter(q for c in graph.claims for q in c.stances)
    asked = answered_questions(graph)
    links = topic_links(graph)
    kept = strongest_links(links)
    topics = sorted(graph.topics, key=lambda t: (-claims_of[t.id], t.id))
    shapes = {t.id: style.topic_style(i) for i, t in enumerate(graph.topics)}
    questions_of: dict[str, list[str]] = defaultdict(list)
    question_text: dict[str, str] = {}
    for topic in graph.topics:
        if topic.id in asked:
            questions_of[topic.id].append(topic.id)
            question_text[topic.id] = topic.question or topic.label
        for sub in topic.questions:
            if sub.id in asked:
                questions_of[topic.id].append(sub.id)
                question_text[sub.id] = sub.question
    largest = max(claims_of.values(), default=0)
    largest_q = max(answering.values(), default=0)
    reach = Counter[str]()
    across = Counter[str]()
    for (a, b), n in links.items():
        reach.update((a, b))
        across[a] += n
        across[b] += n

    nodes: list[dict[str, Any]] = []
    edges: list[dict[str, Any]] = []
    items: list[dict[str, Any]] = []
    ring = 2 * QUESTION_SIZE[1] + 50 if questions_of else 0
    spacing = (2 * TOPIC_SIZE[1] + 2 * ring + 60) / 1.6
    golden = math.pi * (3 - math.sqrt(5))
    for i, topic in enumerate(topics):
        radius = spacing * math.sqrt(i)
        x, y = radius * math.cos(i * golden), radius * math.sin(i * golden)
        size = _size(claims_of[topic.id], largest, TOPIC_SIZE)
        shape, colour = shapes[topic.id]
        nodes.append(
            _topic_node(topic, claims_of[topic.id], size, shape, colour, x, y, hrefs)
            | {
                "title": _topic_title(topic, claims_of[topic.id], reach, across),
                "lead": i < LEAD_LABELS,
            }
        )
        listed: list[dict[str, Any]] = []
        item: dict[str, Any] = {
            "label": topic.label,
            "href": hrefs.get(f"topic:{topic.id}"),
            "claims": claims_of[topic.id],
            "topics": reach[topic.id],
            "relations": across[topic.id],
            "questions": listed,
        }
        asks = questions_of[topic.id]
        for j, qid in enumerate(asks):
            angle = -math.pi / 2 + 2 * math.pi * j / len(asks)
            distance = size + 40 + QUESTION_SIZE[1]
            n = answering[qid]
            q_node = {
                "id": f"question:{qid}",
                "kind": "question",
                "label": _question_label(question_text[qid], n),
                "title": f"Question: {question_text[qid]}\n{n:,} claims answer it.\n"
                + ("Click to open its map." if f"question:{qid}" in hrefs else ""),
                "href": hrefs.get(f"question:{qid}"),
                "claims": n,
                "shape": "box",
                "margin": {"top": 4, "bottom": 4, "left": 6, "right": 6},
                "font": {"size": round(10 + _size(n, largest_q, QUESTION_SIZE) / 2)},
                "color": style.node_colours("#ffffff", colour, guest=False),
                "borderWidth": 2,
                "x": round(x + distance * math.cos(angle), 1),
                "y": round(y + distance * math.sin(angle), 1),
            }
            nodes.append(q_node)
            edges.append(
                {
                    "id": f"asks:{qid}",
                    "from": f"topic:{topic.id}",
                    "to": f"question:{qid}",
                    "kind": "asks",
                    "color": {"color": "#b0bec5", "inherit": False},
                    "width": 1,
                }
            )
            listed.append({"question": question_text[qid], "href": q_node["href"], "claims": n})
        items.append(item)
    strongest = max((links[p] for p in kept), default=1)
    for a, b in kept:
        n = links[(a, b)]
        edges.append(
            {
                "id": f"link:{a}|{b}",
                "from": f"topic:{a}",
                "to": f"topic:{b}",
                "kind": "link",
                "label": f"{n:,}",
                "title": f"{n:,} relations between claims on these two topics",
                "width": round(1 + 7 * n / strongest, 1),
                "color": {"color": LINK_COLOUR, "inherit": False, "opacity": 0.7},
            }
        )
    untopical = sum(1 for c in graph.claims if not c.topics)
    return OverviewView(
        title=graph.title or "Argument graph",
        description=_description(graph, len(topics), len(question_text), untopical),
        nodes=nodes,
        edges=edges,
        options=_options(),
        items=items,
        counts={
            "claims": len(graph.claims),
            "relations": len(graph.relations),
            "topics": len(topics),
            "questions": len(question_text),
            "links": len(kept),
            "topic_pairs": len(links),
        },
        layout_note=(
            f"Each topic is a node sized by its claims; its questions sit beside it. A line "
            f"joins two topics with the number of relations between their claims (each "
            f"topic's {LINKS_PER_TOPIC} strongest of {len(links):,} pairs shown). Click or "
            "tap a topic or question to open its map."
        ),
    )


def _topic_node(
    topic: Topic,
    claims: int,
    size: float,
    shape: str,
    colour: str,
    x: float,
    y: float,
    hrefs: Mapping[str, str],
) -> dict[str, Any]:
    return {
        "id": f"topic:{topic.id}",
        "kind": "topic",
        "label": f"{shorten(topic.label, 40)}\n{claims:,} claims",
        "href": hrefs.get(f"topic:{topic.id}"),
        "claims": claims,
        "shape": shape,
        "size": size,
        "color": style.node_colours(style.mix(colour, 0.35), colour, guest=False),
        "borderWidth": 3,
        "font": {"size": round(14 + size / 3), "color": style.INK},
        "x": round(x, 1),
        "y": round(y, 1),
    }


def _topic_title(topic: Topic, claims: int, reach: Counter[str], across: Counter[str]) -> str:
    lines = [f"Topic: {topic.label}", f"{claims:,} claims."]
    if reach[topic.id]:
        lines.append(
            f"{across[topic.id]:,} relations to claims on {reach[topic.id]:,} other topics."
        )
    lines.append("Click to open its map.")
    return "\n".join(lines)


def _question_label(question: str, claims: int) -> str:
    words = shorten(question, 60).split()
    lines, line = [], ""
    for word in words:
        if line and len(line) + len(word) > 24:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}".strip()
    return "\n".join([*lines, line, f"{claims:,} answers"])


def _description(graph: ArgumentGraph, topics: int, questions: int, untopical: int) -> str:
    text = (
        f"Overview of {len(graph.claims):,} claims and {len(graph.relations):,} relations: "
        f"{topics:,} topics and {questions:,} questions."
    )
    if untopical:
        text += f" {untopical:,} claims have no topic (they are on the whole-graph map)."
    return text


def _options() -> dict[str, Any]:
    return {
        "autoResize": True,
        "nodes": {
            "borderWidth": 2,
            "size": 14,
            "font": {"size": 16, "face": style.FONT_FACE, "color": style.INK},
            "scaling": {"label": {"drawThreshold": 5}},
        },
        "edges": {
            "smooth": False,
            "arrows": {"to": {"enabled": False}},
            "font": {"size": 13, "face": style.FONT_FACE, "align": "middle", "strokeWidth": 4},
            "selectionWidth": 1.5,
        },
        "layout": {"randomSeed": style.RANDOM_SEED, "improvedLayout": False},
        "interaction": {"hover": True, "tooltipDelay": 150, "multiselect": False},
        "physics": {"enabled": False},
    }
