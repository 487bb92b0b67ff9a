"""The ``kg`` command. Subcommands live in their own modules and are imported only when run,
so ``kg --help``, ``kg stats`` and ``kg query`` never pay for importing jieba or pyvis.

Exit status: 0 ok, 1 bad input (a one-line message naming the file and the problem),
2 usage error (click's own).
"""
from __future__ import annotations

import importlib
import os
import signal
import sys
import threading

import click

from kg import __version__
from kg.errors import KgError

# name -> (module, attribute, one-line summary shown by `kg --help` without importing the module)
COMMANDS = {
    "build": ("kg.cli.cmd_build", "build", "Extract a graph from article text (files, dirs, -) into RDF."),
    "stats": ("kg.cli.cmd_stats", "stats", "Counts and rankings of a graph: classes, predicates, officials."),
    "query": ("kg.cli.cmd_query", "query", "Run a SPARQL query against a graph; table, csv or json."),
    "view": ("kg.cli.cmd_view", "view", "Write an interactive, offline HTML view of a graph."),
    "report": ("kg.cli.cmd_report", "report", "Write a static report site: stats, charts, a page per official."),
    "export": ("kg.cli.cmd_export", "export", "Convert a graph to GraphML, GEXF, Neo4j CSV, N-Triples, JSON-LD, TriG."),
    "eval": ("kg.cli.cmd_eval", "eval_", "Score a graph against gold annotation files."),
    "validate": ("kg.cli.cmd_validate", "validate", "Check a graph against the SHACL shapes of the ontology."),
    "synth": ("kg.cli.cmd_synth", "synth", "Write N synthetic articles in the genre, for benchmarks."),
    "serve": ("kg.cli.cmd_serve", "serve", "Serve a graph as a SPARQL 1.1 endpoint (the Oxigraph server)."),
}


class LazyGroup(click.Group):
    def list_commands(self, ctx):
        return sorted(COMMANDS)

    def get_command(self, ctx, name):
        if name not in COMMANDS:
            return None
        module, attr, _ = COMMANDS[name]
        _compiled_patterns_kept()
        return getattr(importlib.import_module(module), attr)

    def format_commands(self, ctx, formatter):
        rows = [(name, COMMANDS[name][2]) for name in self.list_commands(ctx)]
        with formatter.section("Commands"):
            formatter.write_dl(rows)


def _compiled_patterns_kept() -> None:
    """A subcommand's modules compile their patterns through kg.recache's file (start-up: the
    CJK ranges of ~200 patterns cost a build 0.05-0.08 s to compile)."""
    from kg.recache import install

    try:
        install()
    except (OSError, RuntimeError):      # (no home directory for ~/.cache: re compiles as usual)
        pass


@click.group(cls=LazyGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="kg")
def cli():
    """govkg: turn Chinese government news into a knowledge graph.

    \b
    Typical session:
      kg build pages/ -o out/graph.ttl      # text in, RDF out
      kg stats out/graph.ttl                # counts and rankings
      kg view out/graph.ttl -o out/graph.html
      kg query out/graph.ttl 'SELECT ...'
    """


STDOUT_NAME = "standard output"


class _Stdout:
    """sys.stdout, naming itself in its errors: a write error carries no file name, and a full
    disk under `kg stats > file` must say which file it could not write."""

    def __init__(self, stream):
        self._stream = stream

    def __getattr__(self, name):
        return getattr(self._stream, name)

    @staticmethod
    def _named(e: OSError) -> OSError:
        if e.filename is None:
            e.filename = STDOUT_NAME
        return e

    def close_on_error(self) -> None:
        """Nothing more can go there; Python's own flush at exit would add its error to ours."""
        try:
            os.dup2(os.open(os.devnull, os.O_WRONLY), self._stream.fileno())
        except (OSError, ValueError, AttributeError):   # (not a real file: a test's capture)
            pass

    def write(self, text):
        try:
            return self._stream.write(text)
        except BrokenPipeError:
            raise
        except OSError as e:
            if not text:    # click writes "" (and b"") to learn what kind of stream this is
                return 0
            raise self._named(e) from None

    def flush(self):
        try:
            return self._stream.flush()
        except BrokenPipeError:
            raise
        except OSError as e:
            raise self._named(e) from None


def _os_error(e: OSError) -> str:
    """An OSError as 'file: problem' (kg.atomic.named puts the user's file in it)."""
    problem = e.strerror or str(e)
    problem = problem[:1].lower() + problem[1:]
    name = e.filename
    if name is None:
        return problem
    if isinstance(e, FileExistsError) and os.path.exists(name) and not os.path.isdir(name):
        return f"{name}: exists and is not a directory"
    return f"{name}: {problem}"


class Terminated(KeyboardInterrupt):
    """SIGTERM, raised where the build stands, as Ctrl-C is: every clean-up (sort runs, the
    workers and their spool, half-written outputs, a store's new version) runs on the way out."""


def _terminate(signum, frame):
    raise Terminated


def main(argv=None):
    mine = threading.current_thread() is threading.main_thread()
    if mine:
        before = signal.signal(signal.SIGTERM, _terminate)
    stdout = sys.stdout
    sys.stdout = _Stdout(stdout)
    try:
        cli.main(args=argv, prog_name="kg", standalone_mode=False)
        sys.stdout.flush()   # here, not at exit: a full disk under standard output is reported
    except KgError as e:
        click.echo(f"kg: error: {e}", err=True)
        sys.exit(1)
    except click.exceptions.Abort as e:
        # click turns Ctrl-C into Abort: it is still an interrupt, 128 + SIGINT to a shell or make
        cause = e.__cause__ or e.__context__
        if isinstance(cause, Terminated):
            click.echo("kg: terminated", err=True)
            sys.exit(143)
        interrupted = isinstance(cause, KeyboardInterrupt)
        click.echo("kg: interrupted" if interrupted else "kg: aborted", err=True)
        sys.exit(130 if interrupted else 1)
    except click.ClickException as e:
        e.show()
        sys.exit(e.exit_code)
    except BrokenPipeError:
        sys.exit(0)
    except Terminated:
        click.echo("kg: terminated", err=True)
        sys.exit(143)
    except KeyboardInterrupt:
        sys.exit(130)
    except OSError as e:   # a disk full or read-only, a path through a file: one line, not a traceback
        click.echo(f"kg: error: {_os_error(e)}", err=True)
        if e.filename == STDOUT_NAME and isinstance(sys.stdout, _Stdout):
            sys.stdout.close_on_error()
        sys.exit(1)
    finally:
        sys.stdout = stdout
        if mine:
            signal.signal(signal.SIGTERM, signal.SIG_DFL if before is None else before)


if __name__ == "__main__":
    main()
