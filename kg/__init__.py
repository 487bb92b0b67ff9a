"""govkg: Chinese government news to a knowledge graph of government activity.

The packages follow the data flow; each imports only from those listed below it (the
import-linter contract in .importlinter, run by tests/test_architecture.py):

    kg.cli      the ``kg`` command: one module per subcommand
    kg.dev      tools for developing govkg: the benchmark and the synthetic corpus
    kg.build    drives a build: pages through an engine (kg.build.engines), the page cache, the merge
    kg.views    what reads a built graph: view, report, export, stats, query, serve, validate, eval
    kg.graph    facts as RDF: the vocabulary, N-Triples, sorted output files, the on-disk store
    kg.extract  one page's text to entities and facts: segmentation, mentions, rules, names, homes
    kg.text     pages read, cleaned and split into articles; the genre's word tables
    kg.atomic, kg.tempfiles, kg.errors   files written safely, temporary files, the one error type
    kg.recache  what re's compiler makes of each pattern, kept between runs (the kg command's start)

Imports sit at the top of each module, except where a measured start-up cost says otherwise
(``kg --help`` 0.06 s and ``kg stats`` 0.15 s must not pay for what they do not use):
- kg.cli imports a subcommand's module only when that subcommand runs;
- rdflib (95 ms to import), pyshacl (300 ms), networkx (150 ms) and jinja2 (60 ms) are imported
  in the functions that use them: the modules holding those functions are on the way of
  commands that never call them (kg.graph.store serves kg stats and kg query);
- jieba and its dictionary load on the first segmentation (kg.extract.segment, ~1 s otherwise);
- dask.distributed, an optional dependency, when a DaskEngine is made; fcntl (POSIX only) where
  a lock is taken; the benchmark imports jieba and pyahocorasick only in the child process that
  times them.
"""

__version__ = "0.1.0"
