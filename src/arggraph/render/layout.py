"""Positions computed in Python, from plain data (ids, links, sizes): no graph, no views.

Two layouts:

- :func:`layered_layout`, the argument map of a question or topic: the claims that
  answer it on top, what supports and rebuts them beneath, in one column per answer
  (yes on the left, no on the right, the rest in a band beneath). Each answering claim
  heads a small tree, level by level, wrapped at a few boxes a row; trees are stacked
  down their column. Every claim goes to the nearest answering claim (breadth first
  over links in both directions, supporters and rebutters before what a claim argues
  for); ties go to the answer met first in file order. Each tree gets two labelled
  regions, so that no label claims more than is true: its answer ("Answers yes"),
  and beneath it the supports and rebuttals, which may come from either side. A
  :class:`MapShape` says how wide boxes are and how many sit in a row: the pages
  carry the map in each of :data:`MAP_SHAPES` and open the widest that the screen
  shows whole at a readable size (docs/views.md).
- :func:`disk_layout`, for views too large for physics: a sunflower disk per topic,
  disks packed in rows. Linear in the size of the view.

Both are deterministic: the same input gives the same positions.

Example
-------
>>> layout = layered_layout(
...     ["a", "b", "c"], {"a": "yes", "b": "no"}, [("c", "a")], {"a": 60, "b": 60, "c": 60}
... )
>>> layout.positions["a"][0] < layout.positions["b"][0], layout.positions["c"][1] > 0
(True, True)
>>> [band["label"] for band in layout.regions]
['Answers yes', 'Supports and rebuttals beneath, from either side', 'Answers no']
"""

from __future__ import annotations

import math
from collections import defaultdict, deque
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from arggraph.render.style import (
    ANSWER_BANDS,
    ANSWER_COLOURS,
    BOX_WIDTH,
    NARROW_BOX_WIDTH,
)

GAP_X = 16.0
BOX_EDGES = 24.0
"""What vis-network adds to a box's width (its 10 px margins and border): a box takes
``box + BOX_EDGES`` across."""
GAP_Y = 36.0
TREE_GAP = 40.0
HEAD_ROOM = 44.0
"""Room above a tree's answer for its region's label (22 px, bold)."""
LABEL_LINE = 20.0
"""Room per line of the label above the supports and rebuttals (16 px)."""
LABEL_CHAR = 8.5
"""Canvas pixels per character of a 16 px label, to wrap it to its region."""

BENEATH = "Supports and rebuttals beneath, from either side"
"""The label over the claims beneath an answer: they may be held by either side."""

_HEADS = {
    "yes": "Answers yes",
    "no": "Answers no",
    "both": "Answers both ways",
    None: "Linked to no answer",
}
_BENEATH_FILL = "#f7f7f7"
_BENEATH_INK = "#546e7a"


@dataclass(frozen=True)
class MapShape:
    """How an argument map is drawn: box width, boxes a row in each of two columns (one
    more when the map has one column), and the gaps between columns and around them."""

    box: float
    per_row: int
    column_gap: float
    pad: float


WIDE = MapShape(BOX_WIDTH, 2, 80.0, 20.0)
"""Two boxes a row per column: a desktop screen (about 1,200 canvas pixels wide)."""
ONE_A_ROW = MapShape(BOX_WIDTH, 1, 40.0, 12.0)
"""One box a row per column (about 630 canvas pixels wide)."""
NARROW = MapShape(NARROW_BOX_WIDTH, 1, 20.0, 8.0)
"""Narrow boxes, one a row per column: a phone (about 340 canvas pixels wide)."""
MAP_SHAPES = (WIDE, ONE_A_ROW, NARROW)
"""The shapes every map is laid out in, widest first."""


@dataclass
class Layout:
    """Node centres by id, and the regions drawn behind the graph (bands or disks)."""

    positions: dict[str, tuple[float, float]] = field(default_factory=dict)
    regions: list[dict[str, Any]] = field(default_factory=list)


@dataclass
class MapTrees:
    """An argument map's trees (each answering claim's, by level) and their columns."""

    trees: dict[str, dict[int, list[str]]]
    by_column: dict[str, list[str]]
    answers: Mapping[str, str]


def layered_layout(
    claims: Sequence[str],
    answers: Mapping[str, str],
    links: Sequence[tuple[str, str]],
    heights: Mapping[str, float],
    *,
    shape: MapShape = WIDE,
) -> Layout:
    """An argument map: answering claims on top, their supporters and rebutters beneath.

    Parameters
    ----------
    claims
        The claims to place, in file order.
    answers
        ``yes``, ``no`` or ``both`` for the claims that answer the question.
    links
        ``(source, target)`` pairs: the source supports or rebuts the target (for an
        undercut, the target is the claim the attacked relation argues for).
    heights
        Each claim's box height in canvas pixels (for ``shape.box``).
    shape
        Box width and boxes a row.

    Returns
    -------
    Layout
        Box centres, and per tree a region for its answer and one for what is beneath.
    """
    return place_map(map_trees(claims, answers, links), heights, shape)


def map_trees(
    claims: Sequence[str], answers: Mapping[str, str], links: Sequence[tuple[str, str]]
) -> MapTrees:
    """Each claim's tree (that of the nearest answering claim) and level in it."""
    into: dict[str, list[str]] = defaultdict(list)
    out_of: dict[str, list[str]] = defaultdict(list)
    present = set(claims)
    for source, target in links:
        if source in present and target in present and source != target:
            into[target].append(source)
            out_of[source].append(target)

    # a claim left unreached heads its own tree: the most argued-about first, ties in
    # file order (ranked once: re-sorting what is left for each tree was quadratic)
    ranked = iter(sorted(claims, key=lambda c: -len(into[c])))
    roots = [c for c in claims if c in answers]
    if not roots and claims:  # nothing answers: the most argued-about claim heads a tree
        roots = [next(ranked)]
    tree_of: dict[str, str] = {}
    level: dict[str, int] = {}
    order: list[str] = []
    while True:
        queue = deque(r for r in roots if r not in tree_of)
        for root in queue:
            tree_of[root], level[root] = root, 0
        while queue:
            current = queue.popleft()
            order.append(current)
            for other in into[current] + out_of[current]:
                if other not in tree_of:
                    tree_of[other], level[other] = tree_of[current], level[current] + 1
                    queue.append(other)
        unreached = next((c for c in ranked if c not in tree_of), None)
        if unreached is None:
            break
        roots = [unreached]

    trees: dict[str, dict[int, list[str]]] = {}
    for claim in order:
        trees.setdefault(tree_of[claim], {}).setdefault(level[claim], []).append(claim)
    by_column: dict[str, list[str]] = defaultdict(list)
    for root in trees:
        answer = answers.get(root)
        by_column[answer if answer in ("yes", "no") else "other"].append(root)
    return MapTrees(trees, by_column, answers)


def place_map(made: MapTrees, heights: Mapping[str, float], shape: MapShape) -> Layout:
    """Positions and regions of ``made``'s trees drawn in ``shape``."""
    by_column, width = made.by_column, shape.box + BOX_EDGES
    sides = [c for c in ("yes", "no") if by_column[c]]
    per_row = shape.per_row if len(sides) > 1 else shape.per_row + 1
    column_width = per_row * (width + GAP_X) - GAP_X
    layout = Layout()
    bottom = 0.0
    for i, column in enumerate(sides):
        x0 = i * (column_width + shape.column_gap)
        place = _Column(layout, made, heights, shape, x0, column_width, column)
        bottom = max(bottom, place.stack(by_column[column], 0.0))
    if by_column["other"]:
        # claims linked to no answer (or to both) go beneath, across the whole map
        top = bottom + (TREE_GAP * 2 if sides else 0.0)
        span = len(sides) * column_width + (shape.column_gap if len(sides) > 1 else 0.0)
        span = span if sides else column_width
        place = _Column(layout, made, heights, shape, 0.0, span, "other")
        place.stack(by_column["other"], top)
    return layout


@dataclass
class _Column:
    """Stacks trees down one column of a map, with their regions."""

    layout: Layout
    made: MapTrees
    heights: Mapping[str, float]
    shape: MapShape
    x0: float
    width: float
    column: str

    @property
    def per_row(self) -> int:
        return max(1, int((self.width + GAP_X) // (self.shape.box + BOX_EDGES + GAP_X)))

    def stack(self, roots: Sequence[str], y: float) -> float:
        """Lay the trees of ``roots`` out one under another from ``y``; return their end."""
        for root in roots:
            y = self._tree(root, self.made.trees[root], y) + TREE_GAP
        return y - TREE_GAP

    def _tree(self, root: str, tree: Mapping[int, Sequence[str]], top: float) -> float:
        """One tree from ``top``: the answer's region, then the one beneath; its end."""
        answer = self.made.answers.get(root)
        pad = self.shape.pad
        if answer is None:  # a tree linked to no answer is one region
            end = self._rows([tree[depth] for depth in sorted(tree)], top + HEAD_ROOM)
            self._region(_HEADS[None], top, end + pad, head="other")
            return end + pad
        end = self._rows([tree[0]], top + HEAD_ROOM)
        head = answer if answer in ANSWER_COLOURS else "other"
        self._region(_HEADS.get(answer, _HEADS["both"]), top, end + pad, head=head)
        deeper = [tree[depth] for depth in sorted(tree) if depth]
        if not deeper:
            return end + pad
        below = end + pad
        lines = _wrap(BENEATH, int((self.width + 2 * pad - 28) / LABEL_CHAR))
        end = self._rows(deeper, below + 14 + LABEL_LINE * len(lines))
        self._region(BENEATH, below, end + pad, lines=lines)
        return end + pad

    def _rows(self, levels: Sequence[Sequence[str]], y: float) -> float:
        """Each level in rows of ``per_row`` boxes, centred in the column, from ``y``."""
        width, per_row = self.shape.box + BOX_EDGES, self.per_row
        for members in levels:
            for start in range(0, len(members), per_row):
                row = members[start : start + per_row]
                row_height = max(self.heights[c] for c in row)
                left = self.x0 + (self.width - (len(row) * (width + GAP_X) - GAP_X)) / 2
                for i, claim in enumerate(row):
                    self.layout.positions[claim] = (
                        round(left + i * (width + GAP_X) + width / 2, 1),
                        round(y + row_height / 2, 1),
                    )
                y += row_height + GAP_Y
        return y - GAP_Y

    def _region(
        self,
        label: str,
        top: float,
        bottom: float,
        *,
        head: str = "",
        lines: list[str] | None = None,
    ) -> None:
        """A region behind the map: an answer's (``head``: its column) or, with ``lines``,
        the one over what is beneath it."""
        pad = self.shape.pad
        region: dict[str, Any] = {
            "kind": "band",
            "label": label,
            "x": round(self.x0 - pad, 1),
            "y": round(top, 1),
            "w": round(self.width + 2 * pad, 1),
            "h": round(bottom - top, 1),
        }
        if head:
            fill = ANSWER_BANDS.get(head, ANSWER_BANDS["other"])
            region.update(fill=fill, ink=ANSWER_COLOURS.get(head, "#455a64"))
        else:
            region.update(fill=_BENEATH_FILL, ink=_BENEATH_INK, lines=lines or [label])
        self.layout.regions.append(region)


def _wrap(text: str, width: int) -> list[str]:
    """``text`` in lines of at most ``width`` characters (a longer word on its own)."""
    out: list[str] = []
    for word in text.split():
        if out and len(out[-1]) + 1 + len(word) <= width:
            out[-1] += " " + word
        else:
            out.append(word)
    return out


def disk_layout(
    groups: Sequence[tuple[str, Sequence[str]]],
    neighbours: Mapping[str, Sequence[str]],
    *,
    spacing: float = 70.0,
) -> Layout:
    """A sunflower disk per group (topic label, claims), disks packed in rows, largest first.

    Within a disk claims go outwards in breadth-first order from the best connected
    one, so related claims sit near each other. Returns the disks as regions, drawn
    behind the graph with their label.
    """
    golden = math.pi * (3 - math.sqrt(5))
    disks = []
    for label, members in groups:
        member_set = set(members)
        ordered: list[str] = []
        seen: set[str] = set()
        for start in sorted(members, key=lambda m: -len(neighbours.get(m, ()))):
            if start in seen:
                continue
            seen.add(start)
            queue = deque([start])
            while queue:
                current = queue.popleft()
                ordered.append(current)
                for nxt in neighbours.get(current, ()):
                    if nxt in member_set and nxt not in seen:
                        seen.add(nxt)
                        queue.append(nxt)
        disks.append((label, ordered, spacing * math.sqrt(len(ordered) + 1)))
    disks.sort(key=lambda d: (-len(d[1]), d[0]))
    total_area = sum((2 * r) ** 2 for _, _, r in disks)
    row_width = max(math.sqrt(total_area) * 1.2, 2 * disks[0][2] if disks else 0.0)
    layout = Layout()
    x = y = row_height = 0.0
    for label, ordered, radius in disks:
        if x > 0 and x + 2 * radius > row_width:
            x, y, row_height = 0.0, y + row_height + spacing, 0.0
        cx, cy = x + radius, y + radius
        for i, claim_id in enumerate(ordered):
            r = spacing * math.sqrt(i + 0.5)
            layout.positions[claim_id] = (
                round(cx + r * math.cos(i * golden), 1),
                round(cy + r * math.sin(i * golden), 1),
            )
        layout.regions.append(
            {"label": label, "x": round(cx, 1), "y": round(cy, 1), "r": round(radius, 1)}
        )
        x += 2 * radius + spacing
        row_height = max(row_height, 2 * radius)
    return layout


def place_junctions(
    positions: dict[str, tuple[float, float]], ends: Mapping[str, tuple[str, str]]
) -> None:
    """Put each junction at the midpoint of its relation's ends (another junction may be one).

    ``ends`` maps a junction id to its relation's (source, target) node ids.
    """

    def position(node_id: str, depth: int = 0) -> tuple[float, float]:
        if node_id in positions:
            return positions[node_id]
        if node_id not in ends or depth > len(ends):
            return 0.0, 0.0
        source, target = ends[node_id]
        (x1, y1), (x2, y2) = position(source, depth + 1), position(target, depth + 1)
        positions[node_id] = (round((x1 + x2) / 2, 1), round((y1 + y2) / 2, 1))
        return positions[node_id]

    for junction in ends:
        position(junction)
