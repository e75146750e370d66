"""Load the DeepSeek graph and see who holds a claim and who rebuts it.

Run from anywhere: ``python examples/load_deepseek.py``.
"""

from pathlib import Path

import arggraph

GRAPH = Path(__file__).resolve().parent.parent / "graphs" / "deepseek.yaml"

graph = arggraph.load(GRAPH)  # checks every id and every quote; raises with every problem
summary = arggraph.graph_summary(graph)
print(f"{summary.claims} claims, {summary.supports} supports, {summary.rebuts} rebuts")

claim = graph.claim("compute-matters-less")
print(f"\n{claim.statement}")
for att in claim.attributions:
    print(f"  held by {att.speaker} in {att.document} [{att.start}:{att.end}]: {att.quote!r}")

names = {speaker.id: speaker.name for speaker in graph.speakers}
print("rebutted by:")
for relation in graph.relations:
    if relation.target == claim.id and relation.kind == "rebuts":
        holders = ", ".join(names[s] for s in graph.claim(relation.source).speakers)
        print(f"  {holders}: {graph.claim(relation.source).statement}")
