"""How fast YAML parsers turn arggraph's 100k-claim YAML corpus into data, in CPU seconds.

Measures libyaml's event stream alone (what any builder on it pays first) and, when
they are importable, Rust parsers that build Python objects themselves. The YAML
paragraph of ``benchmarks/README.md`` says why none of those is used. Reproduce::

    python -m pip install --target /tmp/yaml-parsers yaml-rs ryaml pyyaml-rs
    PYTHONPATH=/tmp/yaml-parsers python benchmarks/yaml_parsers.py \\
        /tmp/h1-bench/yaml-100000-seed0/graph.yaml

(the corpus is written by ``bench_formats.py --sizes 100000 --stages yaml``).
"""

from __future__ import annotations

import functools
import importlib
import statistics
import sys
import time
from collections.abc import Callable
from typing import Any

import yaml

RUST_PARSERS = {"yaml_rs": "loads", "ryaml": "loads", "pyyaml_rs": "safe_load"}


def libyaml_events(text: str) -> int:
    """Every event libyaml hands Python for ``text``, with nothing built from them."""
    loader: Any = yaml.CSafeLoader(text)
    count = 0
    try:
        while not isinstance(loader.get_event(), yaml.StreamEndEvent):
            count += 1
    finally:
        loader.dispose()
    return count


def cpu_seconds(work: Callable[[], object], repeat: int = 3) -> float:
    """Median CPU time of ``repeat`` calls of ``work``."""
    times = []
    for _ in range(repeat):
        start = time.process_time()
        work()
        times.append(time.process_time() - start)
    return statistics.median(times)


def main(path: str) -> None:
    with open(path, encoding="utf-8") as handle:
        text = handle.read()
    print(f"libyaml events only: {cpu_seconds(lambda: libyaml_events(text)):.2f} CPU s")
    for module_name, function_name in RUST_PARSERS.items():
        try:
            module = importlib.import_module(module_name)
        except ImportError:
            print(f"{module_name}: not installed")
            continue
        parse = getattr(module, function_name)
        print(f"{module_name}: {cpu_seconds(functools.partial(parse, text)):.2f} CPU s")


if __name__ == "__main__":
    main(sys.argv[1])
