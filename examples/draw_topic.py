"""Draw one topic of the DeepSeek graph as an interactive page that works offline.

Run from anywhere: ``python examples/draw_topic.py``; it writes ``compute.html`` in the
current folder. Open it in a browser: drag, zoom, click a claim to see its quotes.
"""

from pathlib import Path

import arggraph
from arggraph.render import topic_html

GRAPH = Path(__file__).resolve().parent.parent / "graphs" / "deepseek.yaml"

graph = arggraph.load(GRAPH)
page = Path("compute.html")
page.write_text(topic_html(graph, "compute"), encoding="utf-8")
print(f"wrote {page.resolve()} ({page.stat().st_size // 1024} KB)")
