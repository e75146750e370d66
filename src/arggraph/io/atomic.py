"""Writing outputs without ever losing what the user wrote.

Every output goes to a temporary file in the same folder and is renamed over the
target only when complete, so an interrupted run leaves the previous output intact.
A target that is one of the run's inputs is refused.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterable
from pathlib import Path

from arggraph.errors import OutputError


def ensure_not_input(target: Path, inputs: Iterable[Path]) -> None:
    """Raise :class:`OutputError` if ``target`` is (a link to) one of ``inputs``."""
    resolved = target.resolve()
    for source in inputs:
        if resolved == Path(source).resolve():
            raise OutputError(
                f"{target}: refusing to write over an input file "
                f"(it was read as {source}); choose another output path"
            )


def write_text_atomic(target: Path, text: str, *, inputs: Iterable[Path] = ()) -> Path:
    """Write ``text`` (UTF-8, ``\\n`` line ends) to ``target`` atomically; return ``target``.

    Parent folders are created. ``inputs`` are paths that must never be overwritten.
    """
    return write_bytes_atomic(target, text.encode("utf-8"), inputs=inputs)


def write_bytes_atomic(target: Path, data: bytes, *, inputs: Iterable[Path] = ()) -> Path:
    """Write ``data`` to ``target`` through a temporary file and a rename."""
    target = Path(target)
    ensure_not_input(target, inputs)
    if target.is_dir():
        raise OutputError(f"{target}: is a folder; give a file path for this output")
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    except OSError as exc:
        raise OutputError(
            f"{target}: cannot write here ({exc.strerror}); choose another path"
        ) from None
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp_name, 0o644)
        os.replace(tmp_name, target)
    except OSError as exc:  # the disk is full, or the folder changed under us
        Path(tmp_name).unlink(missing_ok=True)
        raise OutputError(
            f"{target}: cannot write here ({exc.strerror}); the previous file is unchanged"
        ) from None
    except BaseException:
        Path(tmp_name).unlink(missing_ok=True)
        raise
    return target
