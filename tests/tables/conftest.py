"""Engine fixtures: skip with the reason when an extra is missing, unless CI requires it."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from arggraph.tables.extras import available

REQUIRED = os.environ.get("ARGGRAPH_REQUIRE_ENGINES") == "1"


def need(module: str, extra: str) -> None:
    """Skip unless ``module`` imports; under ARGGRAPH_REQUIRE_ENGINES=1, fail instead."""
    if available(module):
        return
    message = f"{module} is not installed (pip install 'arggraph[{extra}]')"
    if REQUIRED:
        pytest.fail(f"ARGGRAPH_REQUIRE_ENGINES=1 but {message}")
    pytest.skip(message)


@pytest.fixture(scope="session")
def spark() -> Iterator[Any]:
    """One local-mode Spark session for the whole test session, stopped at its end."""
    need("pyarrow", "spark")
    need("pyspark", "spark")
    if shutil.which("java") is None:
        message = "Spark needs a Java runtime and `java` is not on the PATH"
        if REQUIRED:
            pytest.fail(f"ARGGRAPH_REQUIRE_ENGINES=1 but {message}")
        pytest.skip(message)
    from arggraph.tables.spark_engine import local_session

    session = local_session(cores=2, driver_memory="2g", shuffle_partitions=4)
    yield session
    session.stop()


@pytest.fixture(scope="session")
def tables_of(tmp_path_factory: pytest.TempPathFactory) -> Any:
    """``tables_of(name, graph)``: the graph's Parquet tables, written once per name."""
    need("pyarrow", "parquet")
    from arggraph.tables import write_tables

    written: dict[str, Path] = {}

    def write(name: str, graph: Any) -> Path:
        if name not in written:
            written[name] = write_tables(graph, tmp_path_factory.mktemp("tables") / name)
        return written[name]

    return write
