"""The ``kg`` command. Subcommands live in their own modules and are imported only when run,
so ``kg --help``, ``kg stats`` and ``kg query`` never pay for importing jieba or pyvis.

Exit status: 0 ok, 1 bad input (a one-line message naming the file and the problem),
2 usage error (click's own).
"""
from __future__ import annotations

import importlib
import sys

import click

from kg import __version__
from kg.errors import KgError

# name -> (module, attribute, one-line summary shown by `kg --help` without importing the module)
COMMANDS = {
    "build": ("kg.cmd_build", "build", "Extract a graph from article text (files, dirs, -) into RDF."),
    "stats": ("kg.cmd_stats", "stats", "Counts and rankings of a graph: classes, predicates, officials."),
    "query": ("kg.cmd_query", "query", "Run a SPARQL query against a graph; table, csv or json."),
    "view": ("kg.cmd_view", "view", "Write an interactive, offline HTML view of a graph."),
    "report": ("kg.cmd_report", "report", "Write a static report site: stats, charts, a page per official."),
    "export": ("kg.cmd_export", "export", "Convert a graph to GraphML, GEXF, Neo4j CSV, N-Triples, JSON-LD, TriG."),
    "eval": ("kg.cmd_eval", "eval_", "Score a graph against gold annotation files."),
    "validate": ("kg.cmd_validate", "validate", "Check a graph against the SHACL shapes of the ontology."),
    "synth": ("kg.cmd_synth", "synth", "Write N synthetic articles in the genre, for benchmarks."),
}


class LazyGroup(click.Group):
    def list_commands(self, ctx):
        return sorted(COMMANDS)

    def get_command(self, ctx, name):
        if name not in COMMANDS:
            return None
        module, attr, _ = COMMANDS[name]
        return getattr(importlib.import_module(module), attr)

    def format_commands(self, ctx, formatter):
        rows = [(name, COMMANDS[name][2]) for name in self.list_commands(ctx)]
        with formatter.section("Commands"):
            formatter.write_dl(rows)


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


def main(argv=None):
    try:
        cli.main(args=argv, prog_name="kg", standalone_mode=False)
    except KgError as e:
        click.echo(f"kg: error: {e}", err=True)
        sys.exit(1)
    except click.exceptions.Abort:
        click.echo("kg: aborted", err=True)
        sys.exit(1)
    except click.ClickException as e:
        e.show()
        sys.exit(e.exit_code)
    except BrokenPipeError:
        sys.exit(0)
    except KeyboardInterrupt:
        sys.exit(130)


if __name__ == "__main__":
    main()
