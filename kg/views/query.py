"""SPARQL over a graph: run a query once, then print it as a table, CSV, JSON or RDF.

The govkg prefixes (kg.graph.vocab.PREFIXES: gov res rdf rdfs owl xsd skos dcterms prov schema
org foaf) are predeclared, so ``SELECT ?p WHERE { ?p a gov:Person }`` works as typed; a
PREFIX the query declares itself wins over the predeclared one of the same name. They are
handed to the parser rather than pasted into the text so error positions stay the user's.
"""
from __future__ import annotations

import csv
import io
import json
import re
from dataclasses import dataclass, field
from itertools import islice

import pyoxigraph as ox

from kg.errors import KgError
from kg.graph.vocab import PREFIXES
from kg.views.tables import render_table

FORMATS = ("table", "csv", "json", "turtle", "nt")


@dataclass
class QueryResult:
    kind: str                                   # "select", "ask" or "graph"
    variables: list = field(default_factory=list)
    rows: list = field(default_factory=list)    # select: lists of pyoxigraph terms or None
    boolean: bool | None = None                 # ask
    triples: list = field(default_factory=list) # construct/describe, sorted
    offset: int = 0                             # select: rows skipped before the first one kept
    more: bool = False                          # select: rows follow the last one kept (--limit cut them)


# What in a query is not a keyword: strings (long ones first), IRIs and comments. Blanked out
# before looking for SERVICE; a bare word outside them is a keyword (prefixed names hold a ':',
# variables start with ? or $).
_NOT_KEYWORDS = re.compile("|".join((
    r'"""(?:[^"\\]|\\.|"(?!""))*"""', r"'''(?:[^'\\]|\\.|'(?!''))*'''",     # long strings
    r'"(?:[^"\\\n]|\\.)*"', r"'(?:[^'\\\n]|\\.)*'",                           # strings
    r'<[^<>"{}|^`\\\s]*>', r"#[^\n]*")), re.S)                                 # IRIs, comments
_SERVICE = re.compile(r"(?<![\w:?$-])SERVICE\b", re.I)


def check_offline(sparql: str, where: str) -> None:
    """KgError for a federated query: pyoxigraph would send SERVICE to the network, and
    everything kg does is offline (a query must not leak what it asks, or hang on a host)."""
    if _SERVICE.search(_NOT_KEYWORDS.sub(" ", sparql)):
        raise KgError(f"{where}: SERVICE (a federated query over the network) is not run: kg query works "
                      f"offline, on the graph it is given")


def run_query(store, sparql: str, *, where: str = "query", limit: int | None = None, offset: int = 0) -> QueryResult:
    """Run ``sparql`` on a pyoxigraph store; KgError (naming ``where``) on a bad query.

    A SELECT keeps at most LIMIT rows (None: all) after skipping OFFSET, read as Oxigraph
    streams them: a query without ORDER BY or aggregates then stops after the rows kept
    instead of evaluating every row (an ORDER BY still sorts them all first). One row more is
    read to tell whether rows follow (``more``)."""
    if not sparql.strip():
        raise KgError(f"{where}: empty SPARQL query")
    check_offline(sparql, where)
    try:
        res = store.query(sparql, prefixes=PREFIXES, use_default_graph_as_union=True)
        if isinstance(res, ox.QueryBoolean):
            return QueryResult("ask", boolean=bool(res))
        if isinstance(res, ox.QueryTriples):
            # Sorted so the same graph and query print the same bytes every time.
            return QueryResult("graph", triples=sorted(res, key=str))
        names = [v.value for v in res.variables]
        stop = None if limit is None else offset + limit + 1
        rows = [[sol[n] for n in names] for sol in islice(res, offset, stop)]
        more = limit is not None and len(rows) > limit
        return QueryResult("select", variables=names, rows=rows[:limit] if more else rows, offset=offset, more=more)
    except SyntaxError as e:
        raise KgError(f"{where}: SPARQL syntax error: {_one_line(e)}") from None
    except (OSError, ValueError, TypeError) as e:
        raise KgError(f"{where}: query failed: {_one_line(e)}") from None


def _one_line(e) -> str:
    return " ".join(str(e).split())


def short(term, prefixes=None) -> str:
    """A term as a person reads it in a table: prefixed IRI, literal value, _:blank."""
    if term is None:
        return ""
    if isinstance(term, ox.NamedNode):
        best = ""
        for p, ns in (prefixes or PREFIXES).items():
            if term.value.startswith(ns) and len(ns) > len(best):
                best, name = ns, p
        return f"{name}:{term.value[len(best):]}" if best else f"<{term.value}>"
    if isinstance(term, ox.BlankNode):
        return "_:" + term.value
    if isinstance(term, ox.Literal):
        return term.value
    return str(term)                                 # RDF-star triple terms


def _plain(term) -> str:
    """A term for CSV: full IRI, lexical value of a literal (as SPARQL 1.1 CSV results do)."""
    if term is None:
        return ""
    if isinstance(term, ox.BlankNode):
        return "_:" + term.value
    return term.value if hasattr(term, "value") else str(term)


def _json_term(term) -> dict:
    if isinstance(term, ox.NamedNode):
        return {"type": "uri", "value": term.value}
    if isinstance(term, ox.BlankNode):
        return {"type": "bnode", "value": term.value}
    out = {"type": "literal", "value": term.value}
    if term.language:
        out["xml:lang"] = term.language
    elif term.datatype.value != "http://www.w3.org/2001/XMLSchema#string":
        out["datatype"] = term.datatype.value
    return out


def render_result(res: QueryResult, fmt: str = "table") -> str:
    """Text for a result: select as table/csv/json (W3C SPARQL results JSON), ask as
    true/false, construct/describe as Turtle (table, turtle), N-Triples (nt) or JSON-LD (json)."""
    if fmt not in FORMATS:
        raise KgError(f"unknown format {fmt!r} (one of {', '.join(FORMATS)})")
    if res.kind == "ask":
        if fmt == "json":
            return json.dumps({"head": {}, "boolean": res.boolean})
        return "true" if res.boolean else "false"
    if res.kind == "graph":
        return _render_graph(res.triples, fmt)
    if fmt in ("turtle", "nt"):
        raise KgError(f"--format {fmt} is for CONSTRUCT/DESCRIBE; a SELECT prints as table, csv or json")
    if fmt == "csv":
        buf = io.StringIO()
        w = csv.writer(buf, lineterminator="\n")
        w.writerow(res.variables)
        for r in res.rows:
            w.writerow([_plain(t) for t in r])
        return buf.getvalue().rstrip("\n")
    if fmt == "json":
        bindings = [{v: _json_term(t) for v, t in zip(res.variables, r) if t is not None} for r in res.rows]
        return json.dumps({"head": {"vars": res.variables}, "results": {"bindings": bindings}},
                          ensure_ascii=False)
    n = len(res.rows)
    table = render_table(res.variables, [[short(t) for t in r] for r in res.rows], max_width=80)
    return f"{table}\n({n} row{'s' if n != 1 else ''}{page_note(res)})"


def page_note(res: QueryResult) -> str:
    """What a --limit/--offset page left out, for the table footer and stderr ("" when nothing)."""
    if not res.more and not res.offset:
        return ""
    first, last = res.offset + 1, res.offset + len(res.rows)
    where = f": rows {first}-{last}" if res.rows else f": none past row {res.offset}"
    follow = f"; more follow: --offset {last} for the next page, --limit 0 for all" if res.more else ""
    return where + follow


def _render_graph(triples, fmt: str) -> str:
    if fmt == "csv":
        raise KgError("--format csv is for SELECT; a CONSTRUCT/DESCRIBE prints as turtle, nt or json")
    rdf = {"table": ox.RdfFormat.TURTLE, "turtle": ox.RdfFormat.TURTLE,
           "nt": ox.RdfFormat.N_TRIPLES, "json": ox.RdfFormat.JSON_LD}[fmt]
    used = {p: ns for p, ns in PREFIXES.items()
            if any(ns in str(t) for t in triples)} if rdf == ox.RdfFormat.TURTLE else None
    kwargs = {"prefixes": used} if used else {}
    return ox.serialize(triples, format=rdf, **kwargs).decode("utf-8").rstrip("\n")

