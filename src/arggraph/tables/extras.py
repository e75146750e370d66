"""Optional engines and libraries: import them, or say which extra installs them."""

from __future__ import annotations

import importlib
from types import ModuleType

from arggraph.errors import ArgGraphError

EXTRA_OF = {"pyarrow": "parquet", "duckdb": "duckdb", "pyspark": "spark"}
"""The ``pip install 'arggraph[EXTRA]'`` extra that brings each optional module."""


class MissingExtraError(ArgGraphError):
    """An optional library that this feature needs is not installed."""


def require(module: str, feature: str) -> ModuleType:
    """Import ``module``, or raise :class:`MissingExtraError` naming the extra to install."""
    try:
        return importlib.import_module(module)
    except ImportError:
        extra = EXTRA_OF.get(module.partition(".")[0], module)
        raise MissingExtraError(
            f"{feature} needs {module.partition('.')[0]}, which is not installed; "
            f"install it with: pip install 'arggraph[{extra}]'"
        ) from None


def available(module: str) -> bool:
    """True when ``module`` can be imported."""
    try:
        importlib.import_module(module)
    except ImportError:
        return False
    return True
