"""How the views look: every colour, shape, vis-network option and legend, in one place.

Nothing here reads a graph's structure: functions take plain values (a status, a
strength, a topic's position in the file) and return what vis-network or a legend
needs. docs/views.md explains the encodings to readers.

Example
-------
>>> mix("#000000", 0.5)
'#808080'
>>> topic_style(0), topic_style(1)
(('dot', '#332288'), ('square', '#88ccee'))
"""

from __future__ import annotations

from typing import Any, Literal

from arggraph.model import ArgumentGraph

LayoutKind = Literal["physics", "precomputed", "layered"]

STABILISATION_ITERATIONS = 150
"""forceAtlas2Based iterations before the first drawing; physics then stops."""

RANDOM_SEED = 7
"""vis-network's ``layout.randomSeed``: the same data gives the same layout."""

FONT_FACE = "system-ui, sans-serif"
INK = "#1a1a1a"
GUEST_INK = "#6b6b6b"
SUPPORT_COLOUR = "#2e7d32"
REBUT_COLOUR = "#c62828"
GUEST_OPACITY = 0.45

STATUS_COLOURS: dict[str, str] = {
    "unchallenged": "#5c8fb8",
    "objection answered": "#7fa88a",
    "objection unanswered": "#d9a441",
    "not computed": "#b0bec5",
}
"""Fill colour of each reader status at full strength (mixed with white when weaker).

Muted and no red: a status says whether an objection is answered, not who is right.
"""

ANSWER_COLOURS: dict[str, str] = {"yes": "#0072b2", "no": "#d55e00", "both": "#6a3d9a"}
"""Border and band colour of a claim's answer in the argument maps (Okabe-Ito blue and
vermillion, told apart with every common colour-vision deficiency)."""

ANSWER_BANDS: dict[str, str] = {"yes": "#e8f1f8", "no": "#fbeee6", "other": "#f2f2f2"}
"""The background band behind each column of an argument map."""

TOPIC_COLOURS = (
    "#332288",
    "#88ccee",
    "#44aa99",
    "#117733",
    "#999933",
    "#ddcc77",
    "#cc6677",
    "#882255",
    "#aa4499",
)
"""Paul Tol's colour-blind-safe *muted* palette: border colours of topics."""

TOPIC_SHAPES = ("dot", "square", "diamond", "triangle", "hexagon", "star", "triangleDown")
"""Node shapes of topics. Nine colours and seven shapes, both cycled: as 9 and 7 have no
common factor, the first 63 topics each get a (colour, shape) pair of their own."""

NO_TOPIC = ("ellipse", "#777777")

BOX_WIDTH = 250
"""Width of a claim's box in the argument maps, in canvas pixels."""

BOX_FONT = 16
LINE_HEIGHT = 20
"""Canvas pixels per label line at :data:`BOX_FONT` (vis-network's default spacing)."""

BOX_CHARS = 27
"""Characters per line in a box, to estimate its height (vis-network wraps the text)."""

NARROW_BOX_WIDTH = 150
"""Width of a box when a map is drawn for a phone (two columns in about 340 pixels)."""

NARROW_BOX_CHARS = 15
"""Characters per line in a narrow box (130 px of text at 8.5 px a character)."""

CENTRAL_LABELS = 12
"""The whole-graph view opens with this many claims labelled: those with most relations."""


def mix(colour: str, amount: float) -> str:
    """``colour`` mixed with white: ``amount`` 1 is the colour, 0 is white."""
    rgb = [int(colour[i : i + 2], 16) for i in (1, 3, 5)]
    mixed = [round(255 - (255 - c) * amount) for c in rgb]
    return "#" + "".join(f"{c:02x}" for c in mixed)


def fade(colour: str) -> str:
    """A context claim's colour: washed out."""
    return mix(colour, GUEST_OPACITY)


def topic_style(index: int) -> tuple[str, str]:
    """Shape and border colour of the topic at ``index`` in file order."""
    return TOPIC_SHAPES[index % len(TOPIC_SHAPES)], TOPIC_COLOURS[index % len(TOPIC_COLOURS)]


def node_size(relations: int) -> int:
    """A claim's size in the whole graph: bigger the more relations it takes part in."""
    return 10 + 2 * min(relations, 12)


def status_fill(status: str | None, strength: float | None, *, box: bool = False) -> str:
    """The fill of a claim: its status colour, darker when stronger.

    Boxes carry their statement inside, so their fill stays light enough for the text.
    """
    colour = STATUS_COLOURS[status or "not computed"]
    known = 0.6 if strength is None else max(0.0, min(1.0, strength))
    return mix(colour, (0.15 + 0.3 * known) if box else (0.25 + 0.75 * known))


def node_colours(fill: str, border: str, *, guest: bool) -> dict[str, Any]:
    """vis-network's colour object for a claim, faded for a context claim."""
    if guest:
        fill, border = fade(fill), fade(border)
    return {
        "background": fill,
        "border": border,
        "highlight": {"background": fill, "border": "#000000"},
        "hover": {"background": fill, "border": "#000000"},
    }


def box_style(answer: str | None, *, guest: bool) -> dict[str, Any]:
    """Shape, border and font of a claim drawn as a box in an argument map."""
    border = ANSWER_COLOURS[answer] if answer else "#78909c"
    return {
        "shape": "box",
        "border": border,
        "borderWidth": 4 if answer else 1.5,
        "widthConstraint": {"minimum": BOX_WIDTH, "maximum": BOX_WIDTH},
        "margin": {"top": 8, "bottom": 8, "left": 10, "right": 10},
        "font": {
            "color": GUEST_INK if guest else INK,
            "size": BOX_FONT,
            "face": FONT_FACE,
            "align": "left",
        },
    }


def edge_style(kind: str, undercut: bool) -> dict[str, Any]:
    """Colour, dashes and width of a relation's edge."""
    colour = SUPPORT_COLOUR if kind == "supports" else REBUT_COLOUR
    return {
        "color": {"color": colour, "highlight": colour, "hover": colour, "inherit": False},
        "dashes": kind == "rebuts",
        "width": 2.4 if undercut else 1.6,
    }


SOLID_REBUTTALS_ABOVE = 1000
"""Views with more edges than this draw rebuttals solid, ending in a bar instead of an
arrowhead: canvas dashes cost about five times a solid line (at 20,000 claims the
dashed rebuttals were most of each drawing; benchmarks/results/render.md)."""

SOLID_REBUTTALS_NOTE = " Rebuttals are drawn solid red ending in a bar (⊣), to draw faster."


def solid_rebuttal(edge: dict[str, Any]) -> dict[str, Any]:
    """A rebuttal's edge drawn solid, told from a support by its colour and bar head."""
    arrows = edge.get("arrows")
    head = {"to": {"enabled": True, "type": "bar", "scaleFactor": 0.7}} if arrows else arrows
    return {**edge, "dashes": False, "arrows": head}


def junction_style(colour: str) -> dict[str, Any]:
    """The small dot on a relation that an undercut attacks."""
    return {
        "shape": "dot",
        "size": 5,
        "color": {
            "background": colour,
            "border": colour,
            "highlight": {"background": "#000000", "border": "#000000"},
        },
        "borderWidth": 1,
    }


def options(n_nodes: int, layout: LayoutKind) -> dict[str, Any]:
    """vis-network options for a view of ``n_nodes`` nodes drawn with ``layout``."""
    fixed = layout != "physics"
    result: dict[str, Any] = {
        "autoResize": True,
        "nodes": {
            "borderWidth": 2,
            "size": 14,
            "font": {"size": 14, "face": FONT_FACE, "color": INK},
            "scaling": {"label": {"drawThreshold": 4}},
        },
        "edges": {
            "smooth": False,
            "width": 1.6,
            "arrows": {"to": {"enabled": True, "scaleFactor": 0.7}},
            "selectionWidth": 1.5,
        },
        "layout": {"randomSeed": RANDOM_SEED, "improvedLayout": n_nodes <= 150},
        "interaction": {
            "hover": True,
            "tooltipDelay": 150,
            "hideEdgesOnDrag": layout == "precomputed",
            "hideEdgesOnZoom": layout == "precomputed",
            "multiselect": False,
        },
    }
    if layout == "layered":
        # edges between boxes bend a little, so arrows into one box stay apart
        result["edges"]["smooth"] = {"enabled": True, "type": "cubicBezier", "roundness": 0.35}
        result["edges"]["smooth"]["forceDirection"] = "vertical"
    if fixed:
        result["physics"] = {"enabled": False}
    else:
        result["physics"] = {
            "enabled": True,
            "solver": "forceAtlas2Based",
            "forceAtlas2Based": {
                "gravitationalConstant": -140,
                "centralGravity": 0.008,
                "springLength": 150,
                "springConstant": 0.05,
                "damping": 0.5,
                "avoidOverlap": 0.8,
            },
            "stabilization": {
                "enabled": True,
                "iterations": STABILISATION_ITERATIONS,
                "updateInterval": 50,
                "fit": True,
            },
            "minVelocity": 1,
        }
    return result


def legend() -> dict[str, Any]:
    """What the colours mean, for the pages' legends."""
    return {
        "statuses": [{"name": k, "colour": v} for k, v in STATUS_COLOURS.items()],
        "supports": SUPPORT_COLOUR,
        "rebuts": REBUT_COLOUR,
        "answers": dict(ANSWER_COLOURS),
    }


def topic_legend(graph: ArgumentGraph) -> list[dict[str, str]]:
    """Shape and border colour of each topic, in file order."""
    return [
        {"label": t.label, "shape": shape, "colour": colour}
        for t, (shape, colour) in ((t, topic_style(i)) for i, t in enumerate(graph.topics))
    ]
