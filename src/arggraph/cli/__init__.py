"""The ``arggraph`` command: a thin layer over the library.

Each command parses its arguments, calls one library function and prints. This is
the only place errors become exit codes; bad input never shows a traceback.

Exit codes
----------
0  success (for ``validate``: the graph is valid)
1  the input has problems; each is printed as ``file:line:col: error[code] ... (hint: ...)``
2  the command line is wrong (unknown command or option, missing argument, a bad option
   value such as ``--as-of 2025-13`` or ``--top 0``)
3  an output could not be written (it would overwrite an input, or the disk refused)
4  an analysis refused to run (e.g. too large for an exponential method)
5  ``import`` wrote a partial graph: some files had problems and were left out (each
   printed); ``--strict`` makes that exit 1 and writes nothing
70 an internal error: a bug in arggraph; rerun with ``--debug`` and report it
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence

from arggraph import __version__
from arggraph.cli import (
    analysis_commands,
    change_commands,
    extract_commands,
    graph_commands,
    page_commands,
)
from arggraph.cli.common import (
    EXIT_ANALYSIS,
    EXIT_BUG,
    EXIT_INVALID,
    EXIT_OK,
    EXIT_OUTPUT,
    EXIT_PARTIAL,
    EXIT_USAGE,
    Command,
    _usage,
)
from arggraph.errors import AnalysisError, ArgGraphError, InvalidGraphError, OutputError

__all__ = [
    "EXIT_ANALYSIS",
    "EXIT_BUG",
    "EXIT_INVALID",
    "EXIT_OK",
    "EXIT_OUTPUT",
    "EXIT_PARTIAL",
    "EXIT_USAGE",
    "build_parser",
    "main",
]


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit code (see the module docs)."""
    parser = build_parser()
    args = parser.parse_args(argv)
    command: Command = args.command
    try:
        return command(args)
    except InvalidGraphError as exc:
        print(exc.report(), file=sys.stderr)
        return EXIT_INVALID
    except OutputError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return EXIT_OUTPUT
    except AnalysisError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return EXIT_ANALYSIS
    except ArgGraphError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return EXIT_INVALID
    except KeyboardInterrupt:
        print("interrupted; no output was changed", file=sys.stderr)
        return 130
    except BrokenPipeError:
        # The reader went away (``arggraph topics g.yaml | head``): not an error.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return EXIT_OK
    except Exception as exc:
        if args.debug:
            raise
        print(
            f"internal error: {type(exc).__name__}: {exc}\n"
            "This is a bug in arggraph, not in your input. Rerun with --debug and report it.",
            file=sys.stderr,
        )
        return EXIT_BUG


def build_parser() -> argparse.ArgumentParser:
    """The argument parser with every subcommand, one module per group of commands."""
    parser = argparse.ArgumentParser(
        prog="arggraph",
        description="Grounded argument graphs: check, summarise, analyse and render them.",
        epilog="Exit codes: 0 ok, 1 invalid input, 2 usage, 3 output refused, 4 analysis "
        "refused, 5 partial import (some files left out), 70 internal error. "
        "'arggraph COMMAND --help' for each command.",
    )
    parser.add_argument("--debug", action="store_true", help="show tracebacks of internal errors")
    parser.add_argument("--version", action="version", version=f"arggraph {__version__}")
    parser.set_defaults(command=lambda _args: _usage(parser))
    commands = parser.add_subparsers(title="commands", metavar="COMMAND")

    for group in (
        graph_commands,
        analysis_commands,
        page_commands,
        extract_commands,
        change_commands,
    ):
        group.register(commands)
    return parser


if __name__ == "__main__":
    sys.exit(main())
