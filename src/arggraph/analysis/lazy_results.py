"""A read-only list of results built when read, for analyses with millions of them.

Speaker alignment at 1M claims finds some 7 million pairs of speakers; as pydantic
models with their evidence lists they would take several gigabytes, while the
analysis itself holds them in a few compact arrays. :class:`LazyResults` is the
field type such a result declares: a sequence whose items are built from those arrays
each time they are read (nothing is cached, so reading all of them costs their
building, never their memory). In a model it validates from a list of items,
serialises as one (the same JSON, byte for byte) and has a list's JSON schema.

Example
-------
>>> from arggraph.analysis.results import SpeakerRef
>>> refs = LazyResults([SpeakerRef(id="heim", name="Heim")])
>>> len(refs), refs[0].name, refs == [SpeakerRef(id="heim", name="Heim")]
(1, 'Heim', True)
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from typing import Any, Generic, Protocol, TypeVar, get_args, overload

from pydantic import BaseModel, GetCoreSchemaHandler
from pydantic_core import core_schema

R = TypeVar("R", bound=BaseModel)
R_co = TypeVar("R_co", bound=BaseModel, covariant=True)


class Rows(Protocol[R_co]):
    """Where the items come from: a length, and the item at a position, built on demand."""

    def __len__(self) -> int: ...

    def __getitem__(self, index: int, /) -> R_co: ...


class LazyResults(Sequence[R], Generic[R]):
    """A read-only sequence of results, each built from ``rows`` when it is read."""

    __slots__ = ("rows",)

    def __init__(self, rows: Rows[R]) -> None:
        self.rows = rows

    def __len__(self) -> int:
        return len(self.rows)

    @overload
    def __getitem__(self, index: int) -> R: ...

    @overload
    def __getitem__(self, index: slice) -> list[R]: ...

    def __getitem__(self, index: int | slice) -> R | list[R]:
        if isinstance(index, slice):
            return [self.rows[k] for k in range(*index.indices(len(self.rows)))]
        size = len(self.rows)
        if not -size <= index < size:
            raise IndexError("LazyResults index out of range")
        return self.rows[index % size]

    def __iter__(self) -> Iterator[R]:
        rows = self.rows
        return (rows[k] for k in range(len(rows)))

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Sequence) and not isinstance(other, str | bytes):
            return len(self) == len(other) and all(a == b for a, b in zip(self, other, strict=True))
        return NotImplemented

    __hash__ = None  # type: ignore[assignment]  # a list's equality, so unhashable like a list

    def __repr__(self) -> str:
        return f"LazyResults({len(self)} items)"

    @classmethod
    def __get_pydantic_core_schema__(
        cls, source: Any, handler: GetCoreSchemaHandler
    ) -> core_schema.CoreSchema:
        """Validate from a list of items (or take a LazyResults as it is); serialise as
        that list."""
        (item,) = get_args(source) or (Any,)
        as_list = handler.generate_schema(list[item])  # type: ignore[valid-type]
        from_list = core_schema.no_info_after_validator_function(_wrapped, as_list)
        return core_schema.json_or_python_schema(
            json_schema=from_list,
            python_schema=core_schema.union_schema(
                [core_schema.is_instance_schema(cls), from_list]
            ),
            serialization=core_schema.plain_serializer_function_ser_schema(
                _listed, return_schema=as_list
            ),
        )


def _wrapped(items: list[Any]) -> LazyResults[Any]:
    return LazyResults(items)


_listed: Callable[[Sequence[Any]], list[Any]] = list
"""Serialise by building every item once, then writing them as a list."""


__all__ = ["LazyResults", "Rows"]
