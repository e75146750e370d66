"""arggraph: grounded argument graphs from documents.

Claims are quoted from documents and attributed to who holds them; ``supports`` and
``rebuts`` relations link them. Load a graph, check it, analyse it, render it.

Example
-------
>>> import arggraph                                          # doctest: +SKIP
>>> graph = arggraph.load("graphs/deepseek.yaml")            # doctest: +SKIP
>>> arggraph.graph_summary(graph).claims                     # doctest: +SKIP
"""

import sys
from typing import TYPE_CHECKING, Any

from arggraph.analysis.alignment import speaker_alignment, speaker_camps
from arggraph.analysis.contested import contested_claims
from arggraph.analysis.contestedness import contested_topics
from arggraph.analysis.diff import GraphDiff, diff
from arggraph.analysis.framework import ArgumentationFramework, bipolar_to_dung
from arggraph.analysis.gradual import df_quad, h_categorizer
from arggraph.analysis.merge import MergeResult, merge
from arggraph.analysis.objections import reader_statuses
from arggraph.analysis.positions import positions
from arggraph.analysis.semantics import (
    SemanticsBudgetExceeded,
    complete_extensions,
    credulously_accepted,
    grounded_extension,
    grounded_labelling,
    preferred_extensions,
    sceptically_accepted,
    stable_extensions,
)
from arggraph.analysis.statuses import claim_statuses, to_argumentation_framework
from arggraph.analysis.summary import GraphSummary, graph_summary
from arggraph.analysis.time import as_of, timeline
from arggraph.convert import to_networkx
from arggraph.errors import (
    AnalysisError,
    ArgGraphError,
    FormatError,
    InvalidGraphError,
    OutputError,
    Problem,
)
from arggraph.io.aif import dump_aif, read_aif, write_aif
from arggraph.io.argdown import dump_argdown, read_argdown, write_argdown
from arggraph.io.formats import FORMATS, export_graph, import_graph
from arggraph.io.graphml import dump_graphml, write_graphml
from arggraph.io.kialo import read_kialo
from arggraph.io.microtexts import read_microtexts
from arggraph.io.nodelink import dump_nodelink, read_nodelink, write_nodelink
from arggraph.io.yaml_json import dump_json, dump_yaml, parse_graph, read_graph, write_graph
from arggraph.model import (
    ArgumentGraph,
    Attribution,
    Claim,
    Document,
    Question,
    Relation,
    Speaker,
    Topic,
)
from arggraph.quotes import find_quote

if TYPE_CHECKING:
    from arggraph import render as render
    from arggraph.render.notebook import show
    from arggraph.render.pyvis_export import to_pyvis

load = read_graph
"""Load, merge and check graph files: ``arggraph.load("graphs/deepseek.yaml")``."""

loads = parse_graph
"""Parse a graph from a YAML or JSON string."""

__version__ = "0.1.0"

__all__ = [
    "FORMATS",
    "AnalysisError",
    "ArgGraphError",
    "ArgumentGraph",
    "ArgumentationFramework",
    "Attribution",
    "Claim",
    "Document",
    "FormatError",
    "GraphDiff",
    "GraphSummary",
    "InvalidGraphError",
    "MergeResult",
    "OutputError",
    "Problem",
    "Question",
    "Relation",
    "SemanticsBudgetExceeded",
    "Speaker",
    "Topic",
    "__version__",
    "as_of",
    "bipolar_to_dung",
    "claim_statuses",
    "complete_extensions",
    "contested_claims",
    "contested_topics",
    "credulously_accepted",
    "df_quad",
    "diff",
    "dump_aif",
    "dump_argdown",
    "dump_graphml",
    "dump_json",
    "dump_nodelink",
    "dump_yaml",
    "export_graph",
    "find_quote",
    "graph_summary",
    "grounded_extension",
    "grounded_labelling",
    "h_categorizer",
    "import_graph",
    "load",
    "loads",
    "merge",
    "parse_graph",
    "positions",
    "preferred_extensions",
    "read_aif",
    "read_argdown",
    "read_graph",
    "read_kialo",
    "read_microtexts",
    "read_nodelink",
    "reader_statuses",
    "sceptically_accepted",
    "show",
    "speaker_alignment",
    "speaker_camps",
    "stable_extensions",
    "timeline",
    "to_argumentation_framework",
    "to_networkx",
    "to_pyvis",
    "write_aif",
    "write_argdown",
    "write_graph",
    "write_graphml",
    "write_nodelink",
]


def __getattr__(name: str) -> Any:
    """``show``, ``to_pyvis`` and ``render``, imported when first used: pages load slowly.

    ``arggraph.render`` (views and pages) is a subpackage; importing it here on first
    use makes ``arggraph.render.topic_view(...)`` work right after ``import arggraph``
    without making every ``import arggraph`` pay for pyvis and Jinja.
    """
    if name == "render":
        import arggraph.render

        return arggraph.render
    if name == "show":
        from arggraph.render.notebook import show

        return show
    if name == "to_pyvis":
        from arggraph.render.pyvis_export import to_pyvis

        return to_pyvis
    raise AttributeError(f"module 'arggraph' has no attribute {name!r}")


def _register_notebook_display() -> None:
    """Inside IPython (Jupyter), show graphs and results as compact HTML tables."""
    ipython = sys.modules.get("IPython")
    shell = ipython.get_ipython() if ipython is not None else None
    if shell is not None:
        from arggraph.render.notebook import register

        register(shell)


_register_notebook_display()
