"""A graph as it was at a git revision: the file, its includes and its documents' texts.

:func:`read_graph_at_revision` asks git for each file at the revision (``git show
REV:path``), copies them into a temporary folder with the same layout relative to the
repository's root, and loads the graph from there. Nothing in the working tree is
read or touched.
"""

from __future__ import annotations

import subprocess
import tempfile
from pathlib import Path, PurePosixPath
from typing import Any

import yaml

from arggraph.errors import ArgGraphError
from arggraph.io.yaml_json import read_graph
from arggraph.model import ArgumentGraph


def read_graph_at_revision(path: str | Path, revision: str) -> ArgumentGraph:
    """Load the graph file ``path`` as it was at git ``revision``.

    Parameters
    ----------
    path : path of a graph file inside a git working tree
    revision : anything ``git show`` takes (a commit, ``HEAD~2``, a tag)

    Returns
    -------
    ArgumentGraph
        Its includes and document texts are read at the same revision.

    Raises
    ------
    ArgGraphError
        When git is missing, ``path`` is not in a repository, or a file is not at the
        revision.
    """
    target = Path(path).resolve()
    root = Path(_git(target.parent, "rev-parse", "--show-toplevel").strip())
    try:
        relative = PurePosixPath(target.relative_to(root.resolve()).as_posix())
    except ValueError:
        raise ArgGraphError(f"{path}: not inside the git repository at {root}") from None
    _git(root, "rev-parse", "--verify", "--quiet", f"{revision}^{{commit}}", what=revision)
    with tempfile.TemporaryDirectory(prefix="arggraph-rev-") as folder:
        copied: set[PurePosixPath] = set()
        _copy_graph_file(root, revision, relative, Path(folder), copied)
        return read_graph(Path(folder) / relative)


def _copy_graph_file(
    root: Path, revision: str, relative: PurePosixPath, folder: Path, copied: set[PurePosixPath]
) -> None:
    """Copy one graph file, then what it includes and the texts its documents name."""
    if relative in copied:
        return
    copied.add(relative)
    text = _show(root, revision, relative)
    _write(folder / relative, text)
    try:
        data: Any = yaml.safe_load(text)
    except yaml.YAMLError:
        return  # the loader reports the syntax error, located, from the copy
    if not isinstance(data, dict):
        return
    here = relative.parent
    for include in data.get("include") or []:
        if isinstance(include, str):
            _copy_graph_file(root, revision, _inside(here / include, include), folder, copied)
    for document in data.get("documents") or []:
        if isinstance(document, dict) and isinstance(document.get("path"), str):
            source = _inside(here / document["path"], document["path"])
            if source not in copied:
                copied.add(source)
                _write(folder / source, _show(root, revision, source))


def _inside(path: PurePosixPath, given: str) -> PurePosixPath:
    """``path`` with ``..`` resolved; an error if it leaves the repository."""
    parts: list[str] = []
    for part in path.parts:
        if part == "..":
            if not parts:
                raise ArgGraphError(
                    f"{given!r} points outside the repository; a revision can only be read "
                    "from files git tracks"
                )
            parts.pop()
        elif part != ".":
            parts.append(part)
    return PurePosixPath(*parts)


def _write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def _show(root: Path, revision: str, relative: PurePosixPath) -> str:
    return _git(root, "show", f"{revision}:{relative}", what=f"{revision}:{relative}")


def _git(cwd: Path, *args: str, what: str | None = None) -> str:
    try:
        done = subprocess.run(
            ["git", *args], cwd=cwd, capture_output=True, text=True, encoding="utf-8", check=False
        )
    except FileNotFoundError:
        raise ArgGraphError("git is not installed; --git needs it") from None
    if done.returncode != 0:
        detail = done.stderr.strip().splitlines()[-1] if done.stderr.strip() else "no such object"
        subject = what or str(cwd)
        raise ArgGraphError(f"git cannot read {subject!r}: {detail}")
    return done.stdout
