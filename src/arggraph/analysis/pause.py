"""Analyses that build many results run with Python's cyclic garbage collector paused.

An analysis of a large graph allocates hundreds of thousands of small result objects,
none of them in a reference cycle. Each allocation burst sets off a collection, and a
full collection walks every object alive, the loaded graph's millions included: at
100k claims that was a third of ``positions`` and over half of ``speaker_alignment``.
Reference counting still frees everything as usual; the collector resumes (if it was
running) when the outermost paused call returns, and then collects as usual.
"""

from __future__ import annotations

import functools
import gc
from collections.abc import Callable
from typing import ParamSpec, TypeVar

P = ParamSpec("P")
R = TypeVar("R")


def collector_paused(analysis: Callable[P, R]) -> Callable[P, R]:
    """``analysis`` with the cyclic garbage collector paused while it runs.

    >>> @collector_paused
    ... def enabled() -> bool:
    ...     return gc.isenabled()
    >>> enabled(), gc.isenabled()
    (False, True)
    """

    @functools.wraps(analysis)
    def paused(*args: P.args, **kwargs: P.kwargs) -> R:
        was_enabled = gc.isenabled()
        gc.disable()
        try:
            return analysis(*args, **kwargs)
        finally:
            if was_enabled:
                gc.enable()

    return paused
