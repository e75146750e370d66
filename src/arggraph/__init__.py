"""arggraph: grounded argument graphs from documents.

Claims are quoted from documents and attributed to who holds them; ``supports`` and
``rebuts`` relations link them. Load a graph, check it, analyse it, render it.

Example
-------
>>> import arggraph                                          # doctest: +SKIP
>>> graph = arggraph.load("graphs/deepseek.yaml")            # doctest: +SKIP
>>> arggraph.graph_summary(graph).claims                     # doctest: +SKIP
"""

from arggraph.analysis.summary import GraphSummary, graph_summary
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
    Relation,
    Speaker,
    Topic,
)
from arggraph.quotes import find_quote

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
    "Attribution",
    "Claim",
    "Document",
    "FormatError",
    "GraphSummary",
    "InvalidGraphError",
    "OutputError",
    "Problem",
    "Relation",
    "Speaker",
    "Topic",
    "__version__",
    "dump_aif",
    "dump_argdown",
    "dump_graphml",
    "dump_json",
    "dump_nodelink",
    "dump_yaml",
    "export_graph",
    "find_quote",
    "graph_summary",
    "import_graph",
    "load",
    "loads",
    "parse_graph",
    "read_aif",
    "read_argdown",
    "read_graph",
    "read_kialo",
    "read_microtexts",
    "read_nodelink",
    "to_networkx",
    "write_aif",
    "write_argdown",
    "write_graph",
    "write_graphml",
    "write_nodelink",
]
