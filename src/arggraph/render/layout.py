"""Positions computed in Python, from plain data (ids, links, sizes): no graph, no views.

Two layouts:

- :func:`layered_layout`, the argument map of a question or topic: the claims that
  answer it on top, what supports and rebuts them beneath, in one column per answer
  (yes on the left, no on the right, the rest in a band beneath). Each answering claim heads a
  small tree, level by level, wrapped at a few boxes a row; trees are stacked down
  their column. Every claim goes to the nearest answering claim (breadth first over
  links in both directions, supporters and rebutters before what a claim argues for);
  ties go to the answer met first in file order.
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
['Answers yes', 'Answers no']
"""

from __future__ import annotations

import math
from collections import defaultdict, deque
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from arggraph.render.style import ANSWER_BANDS, ANSWER_COLOURS, BOX_WIDTH

GAP_X = 24.0
GAP_Y = 36.0
TREE_GAP = 70.0
COLUMN_GAP = 110.0
BAND_PAD = 24.0

_COLUMNS = (
    ("yes", "Answers yes"),
    ("no", "Answers no"),
    ("other", "Answers both ways, or linked to no answer"),
)


@dataclass
class Layout:
    """Node centres by id, and the regions drawn behind the graph (bands or disks)."""

    positions: dict[str, tuple[float, float]] = field(default_factory=dict)
    regions: list[dict[str, Any]] = field(default_factory=list)


def layered_layout(
    claims: Sequence[str],
    answers: Mapping[str, str],
    links: Sequence[tuple[str, str]],
    heights: Mapping[str, float],
    *,
    width: float = BOX_WIDTH,
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
        Each claim's box height in canvas pixels.

    Returns
    -------
    Layout
        Box centres, and a band per column with its label and colour.
    """
    into: dict[str, list[str]] = defaultdict(list)
    out_of: dict[str, list[str]] = defaultdict(list)
    present = set(claims)
    for source, target in links:
        if source in present and target in present and source != target:
            into[target].append(source)
            out_of[source].append(target)

    def column_of(claim: str) -> str:
        answer = answers.get(claim)
        return answer if answer in ("yes", "no") else "other"

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
        by_column[column_of(root)].append(root)
    sides = [c for c in ("yes", "no") if by_column[c]]
    per_row = 2 if len(sides) > 1 else 3
    column_width = per_row * (width + GAP_X) - GAP_X
    layout = Layout()
    bottom = 0.0
    for i, column in enumerate(sides):
        x0 = i * (column_width + COLUMN_GAP)
        y = _stack(layout, [trees[r] for r in by_column[column]], x0, 0.0, per_row, width, heights)
        layout.regions.append(_band(column, x0, 0.0, column_width, y))
        bottom = max(bottom, y)
    if by_column["other"]:
        # claims linked to no answer (or to both) go beneath, across the whole map
        top = bottom + (2 * BAND_PAD + 60 if sides else 0.0)
        across = len(sides) * per_row if sides else per_row
        span = across * (width + GAP_X) - GAP_X + (COLUMN_GAP - GAP_X if len(sides) > 1 else 0)
        per_row_other = max(1, int((span + GAP_X) // (width + GAP_X)))
        y = _stack(
            layout, [trees[r] for r in by_column["other"]], 0.0, top, per_row_other, width, heights
        )
        layout.regions.append(_band("other", 0.0, top, span, y))
    return layout


def _stack(
    layout: Layout,
    trees: Sequence[Mapping[int, Sequence[str]]],
    x0: float,
    y: float,
    per_row: int,
    width: float,
    heights: Mapping[str, float],
) -> float:
    """Lay ``trees`` out one under another from ``(x0, y)``; return the y they end at."""
    column_width = per_row * (width + GAP_X) - GAP_X
    for tree in trees:
        for depth in sorted(tree):
            members = tree[depth]
            for start in range(0, len(members), per_row):
                row = members[start : start + per_row]
                row_height = max(heights[c] for c in row)
                left = x0 + (column_width - (len(row) * (width + GAP_X) - GAP_X)) / 2
                for i, claim in enumerate(row):
                    layout.positions[claim] = (
                        round(left + i * (width + GAP_X) + width / 2, 1),
                        round(y + row_height / 2, 1),
                    )
                y += row_height + GAP_Y
        y += TREE_GAP - GAP_Y
    return y - TREE_GAP


def _band(column: str, x: float, top: float, width: float, bottom: float) -> dict[str, Any]:
    return {
        "kind": "band",
        "label": dict(_COLUMNS)[column],
        "x": round(x - BAND_PAD, 1),
        "y": round(top - BAND_PAD - 40, 1),
        "w": round(width + 2 * BAND_PAD, 1),
        "h": round(bottom - top + 2 * BAND_PAD + 40, 1),
        "fill": ANSWER_BANDS[column],
        "ink": ANSWER_COLOURS.get(column, "#455a64"),
    }


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
