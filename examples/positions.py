"""Who answers "does compute matter less?" in the DeepSeek debate, in their own words.

The design card's example: the claim "compute matters less" is rebutted by Heim and
McBride. Run from anywhere: ``python examples/positions.py``.
"""

from pathlib import Path

import arggraph

GRAPH = Path(__file__).resolve().parent.parent / "graphs" / "deepseek.yaml"

question = arggraph.positions(arggraph.load(GRAPH)).question("compute")
print(question.question)
for p in question.positions:
    if p.basis == "own claims":
        quote = p.claims[0].quotes[0]
        print(f'  {p.lean:>5}  {p.name}: "{quote.quote}" ({quote.document})')
for crux in question.cruxes[:3]:
    by = ", ".join(s.name for s in crux.by)
    against = ", ".join(s.name for s in crux.against)
    print(f"  clash: {by} against {against}: {crux.target.statement}")
