"""Counts and rankings of a graph, read through SPARQL on pyoxigraph (never an rdflib parse).

Everything here is a pure function of a store: ``compute_stats(store, top)`` returns a plain
dict (the ``--json`` output), ``render_stats(d)`` the tables a person reads at a glance.
"""
from __future__ import annotations

import hashlib
import json
import sqlite3
from collections import defaultdict
from pathlib import Path
from urllib.parse import unquote

from kg.graph.store import MANIFEST
from kg.graph.vocab import ENTITY_TYPES, GOV_IRI, ONTOLOGY, ontology_dir, PREFIXES, RELATIONS
from kg.views.tables import render_table

RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
HOMES_SHOWN = 10     # rows of the home table (a build of many counties' sites has hundreds)


def _rows(store, sparql: str) -> list[list]:
    """SELECT rows as lists of pyoxigraph terms (None for unbound), gov:/rdf:/... predeclared."""
    res = store.query(sparql, prefixes=PREFIXES, use_default_graph_as_union=True)
    names = [v.value for v in res.variables]
    return [[sol[n] for n in names] for sol in res]


def _int(term) -> int:
    return 0 if term is None else int(term.value)


def _local(iri: str) -> str:
    return iri[len(GOV_IRI):] if iri.startswith(GOV_IRI) else iri


def class_tree() -> dict:
    """Scored class -> its gov: subclasses (transitively, sorted by name), from the ontology."""
    return {t: ONTOLOGY.subclasses(t) for t in ENTITY_TYPES}


def _values(names) -> str:
    return " ".join(f"gov:{n}" for n in names)


def _scan(variables: str, pattern: str) -> str:
    """PATTERN as a sub-SELECT of VARIABLES, for joining with another such block.

    Oxigraph runs a basic graph pattern as nested index lookups, about 20 us a row on a
    store on disk: a type test over 1.3M evidence nodes took 25 s. Two sub-SELECTs on the
    same variable are joined by hashing instead, each side one sequential index scan
    (under 0.5 s for 1.3M rows), so the big joins here are written as blocks of these.
    """
    return f"{{ SELECT {variables} WHERE {{ {pattern} }} }}"


def compute_stats(store, top: int = 10) -> dict:
    """All the numbers ``kg stats`` shows, as a JSON-ready dict with a fixed key order."""
    tree = class_tree()
    all_classes = [c for t in ENTITY_TYPES for c in [t] + tree[t]]

    # ---- entities: a node counts once, under the first scored class that types it
    # (the scorer's rule); Visits are tours, not scored Events.
    typed = defaultdict(set)
    for n, c in _rows(store, f"SELECT DISTINCT ?n ?c WHERE {{ VALUES ?c {{ {_values(all_classes)} }} ?n a ?c }}"):
        typed[n].add(_local(c.value))
    scope = [(t, frozenset([t, *tree[t]])) for t in ENTITY_TYPES]
    kind = {}
    counts = {t: 0 for t in ENTITY_TYPES}
    subcounts = {t: defaultdict(int) for t in ENTITY_TYPES}
    for n, cs in typed.items():
        for t, within in scope:
            if not cs.isdisjoint(within) and not (t == "Event" and "Visit" in cs):
                kind[n] = t
                counts[t] += 1
                for c in cs:
                    if c != t and c in within:
                        subcounts[t][c] += 1
                break
    classes = {t: {"count": counts[t], "subclasses": {s: subcounts[t][s] for s in tree[t] if subcounts[t][s]}}
               for t in ENTITY_TYPES}
    visits = sum(1 for cs in typed.values() if "Visit" in cs)

    # ---- relations: direct triples and evidence nodes per predicate
    preds = list(RELATIONS) + ["hosts"]
    direct = {_local(p.value): _int(k) for p, k in _rows(
        store, f"SELECT ?p (COUNT(*) AS ?k) WHERE {{ VALUES ?p {{ {_values(preds)} }} ?s ?p ?o }} GROUP BY ?p")}
    # An evidence node is a reified statement (gov:Evidence rdfs:subClassOf rdf:Statement) and
    # the build writes rdf:predicate on nothing else; testing `a gov:Evidence` as well would
    # join 1.3M nodes at 100k articles and cost seconds for the same numbers.
    evid = {_local(p.value): _int(k) for p, k in _rows(
        store, "SELECT ?p (COUNT(DISTINCT ?e) AS ?k) WHERE { ?e rdf:predicate ?p } GROUP BY ?p")}
    predicates = {p: {"triples": direct.get(p, 0), "evidence": evid.get(p, 0)}
                  for p in preds if p in RELATIONS or direct.get(p) or evid.get(p)}

    # ---- articles
    arts = _scan("?a", "?a a gov:Article")
    kinds = {}
    for k, n in _rows(store, f"""SELECT ?kind (COUNT(DISTINCT ?a) AS ?k) WHERE {{
            {arts} OPTIONAL {_scan("?a ?kind", "?a gov:articleKind ?kind")} }} GROUP BY ?kind"""):
        key = k.value if k is not None else "unknown"
        kinds[key] = kinds.get(key, 0) + _int(n)
    src = _int(_rows(store, f"""SELECT (COUNT(DISTINCT ?f) AS ?k) WHERE {{
            {arts} {_scan("?a ?f", "?a gov:sourceFile ?f")} }}""")[0][0])
    # MIN over an OPTIONAL would be an error on the unbound rows, hence its own query;
    # ISO dates order as strings, and xsd:gMonthDay (year unknown) stays out of the span.
    (lo, hi), = _rows(store, f"""SELECT (MIN(STR(?d)) AS ?lo) (MAX(STR(?d)) AS ?hi) WHERE {{
            {arts} {_scan("?a ?d", "?a dcterms:date ?d FILTER(datatype(?d) = xsd:date)")} }}""")
    with_headline = _int(_rows(store, f"""SELECT (COUNT(DISTINCT ?a) AS ?k) WHERE {{
            {arts} {_scan("?a", "?a schema:headline ?h")} }}""")[0][0])
    # the home each article was read with (kg build --home/--manifest, or inferred), and how
    homes = {}
    for h, how, k in _rows(store, f"""SELECT ?h ?how (COUNT(DISTINCT ?a) AS ?k) WHERE {{
            {arts} OPTIONAL {_scan("?a ?how", "?a gov:homeSource ?how")}
            OPTIONAL {_scan("?a ?h", "?a gov:home ?h")} }} GROUP BY ?h ?how"""):
        area = _home_name(h.value) if h is not None else ""
        key = (area, how.value if how is not None else "unknown")
        homes[key] = homes.get(key, 0) + _int(k)
    articles = {"total": sum(kinds.values()), "kinds": dict(sorted(kinds.items())),
                "source_files": src, "with_headline": with_headline,
                "first_date": lo.value if lo is not None else None,
                "last_date": hi.value if hi is not None else None,
                "homes": [{"home": area, "how": how, "articles": k}
                          for (area, how), k in sorted(homes.items(), key=lambda t: (-t[1], t[0]))]}

    # ---- rankings: counted inside SPARQL (one row per node, not per triple), then the
    # few rows shown get their posts and article counts in follow-up queries.
    def name(term, lab):
        return lab.value if lab is not None else term.value

    act = []
    for x, lab, meetings, chaired, inspected in _rows(store, """SELECT ?x (MIN(STR(?l)) AS ?lab)
            (COUNT(DISTINCT ?m) AS ?meetings) (COUNT(DISTINCT ?c) AS ?chaired) (COUNT(DISTINCT ?i) AS ?inspected)
            WHERE { { ?x gov:attended ?m } UNION { ?x gov:chaired ?m BIND(?m AS ?c) } UNION { ?x gov:inspected ?i }
                    OPTIONAL { SELECT ?x ?l WHERE { ?x rdfs:label ?l } } } GROUP BY ?x"""):
        if kind.get(x) == "Person":
            act.append((x, {"name": name(x, lab), "iri": x.value, "posts": [], "meetings": _int(meetings),
                            "chaired": _int(chaired), "inspected": _int(inspected), "articles": 0}))
    act.sort(key=lambda t: (-(t[1]["meetings"] + t[1]["inspected"]), -t[1]["chaired"], t[1]["name"], t[1]["iri"]))
    act = act[:top]
    if act:
        rows = {x.value: r for x, r in act}
        values = " ".join(f"<{x.value}>" for x, _ in act)
        for x, post in _rows(store, f"""SELECT DISTINCT ?x ?post WHERE {{ VALUES ?x {{ {values} }}
                ?x gov:holdsPost ?p OPTIONAL {{ ?p rdfs:label ?l }} BIND(COALESCE(STR(?l), STR(?p)) AS ?post) }}"""):
            rows[x.value]["posts"].append(post.value)
        for x, k in _rows(store, f"""SELECT ?x (COUNT(DISTINCT ?a) AS ?k) WHERE {{ VALUES ?x {{ {values} }}
                ?x gov:mentionedIn ?a }} GROUP BY ?x"""):
            rows[x.value]["articles"] = _int(k)
    officials = []
    for _, r in act:
        r["posts"] = sorted(set(r["posts"]))
        officials.append(r)

    # ---- most visited places and projects (by distinct visitors), with events held there
    places = {}
    for o, lab, visitors, events in _rows(store, """SELECT ?o (MIN(STR(?l)) AS ?lab)
            (COUNT(DISTINCT ?x) AS ?visitors) (COUNT(DISTINCT ?ev) AS ?events)
            WHERE { { ?x gov:inspected ?o } UNION { ?ev gov:heldAt ?o }
                    OPTIONAL { SELECT ?o ?l WHERE { ?o rdfs:label ?l } } } GROUP BY ?o"""):
        if kind.get(o) in ("Place", "Project"):
            places[o] = {"name": name(o, lab), "iri": o.value, "class": kind[o], "visitors": _int(visitors),
                         "articles": 0, "events_held": _int(events)}
    # articles: those whose evidence (a reified statement, as above) states an inspection the
    # graph also states directly; one hash join of index scans (see _scan), not a lookup per evidence node
    for o, k in _rows(store, f"""SELECT ?o (COUNT(DISTINCT ?a) AS ?k) WHERE {{
            {_scan("?e", "?e rdf:predicate gov:inspected")} {_scan("?e ?o", "?e rdf:object ?o")}
            {_scan("?e ?x", "?e rdf:subject ?x")}
            {_scan("?e ?a", "?e gov:article ?a")} {_scan("?x ?o", "?x gov:inspected ?o")} }} GROUP BY ?o"""):
        if o in places:
            places[o]["articles"] = _int(k)
    places = list(places.values())
    places.sort(key=lambda r: (-r["visitors"], -r["events_held"], -r["articles"], r["name"], r["iri"]))
    places = places[:top]

    # ---- connected components of the entity graph (entities joined by the nine relations)
    parent = {n: n for n in kind}

    def find(n):
        while parent[n] != n:
            parent[n] = parent[parent[n]]
            n = parent[n]
        return n

    for s, o in _rows(store, f"SELECT DISTINCT ?s ?o WHERE {{ VALUES ?p {{ {_values(preds)} }} ?s ?p ?o }}"):
        if s in parent and o in parent:
            ra, rb = find(s), find(o)
            if ra != rb:
                parent[ra] = rb
    sizes = defaultdict(int)
    for n in kind:
        sizes[find(n)] += 1
    comp = sorted(sizes.values(), reverse=True)
    components = {"count": len(comp), "largest": comp[0] if comp else 0,
                  "isolated": sum(1 for c in comp if c == 1), "sizes_top": comp[:top]}

    total = _triple_count(store)
    return {"triples": total, "entities": len(kind), "classes": classes, "visits": visits,
            "predicates": predicates, "articles": articles, "officials": officials,
            "places": places, "components": components}


def _home_name(iri: str) -> str:
    """The area of a gov:home IRI (res:place/NAME, percent-encoded where the IRI needed it)."""
    return unquote(iri.rsplit("/", 1)[-1])


def _triple_count(store) -> int:
    """Triples over the union of all graphs; len() reads the count without decoding a term
    (half the time of COUNT(*) on a large store) and is the same number when there are no named graphs."""
    if next(iter(store.named_graphs()), None) is None:
        return len(store)
    return _int(_rows(store, "SELECT (COUNT(*) AS ?k) WHERE { ?s ?p ?o }")[0][0])


def render_stats(d: dict, *, source: str = "") -> str:
    """The stats dict as aligned tables."""
    a = d["articles"]
    kinds = ", ".join(f"{v} {k}" for k, v in a["kinds"].items())
    span = f"; dated {a['first_date']} to {a['last_date']}" if a["first_date"] else ""
    out = []
    if source:
        out.append(f"graph {source}")
    out.append(f"{d['triples']} triples, {d['entities']} entities, {a['total']} articles"
               f"{' (' + kinds + ')' if kinds else ''} from {a['source_files']} source files{span}")
    out.append("")
    rows = []
    for t, c in d["classes"].items():
        rows.append([t, c["count"]])
        rows.extend([f"  {s}", k] for s, k in c["subclasses"].items())
    if a.get("homes"):
        shown = a["homes"][:HOMES_SHOWN]
        out.append(render_table(["home", "how", "articles"],
                                [[h["home"] or "(none)", h["how"], h["articles"]] for h in shown]))
        if len(a["homes"]) > len(shown):
            out.append(f"(and {len(a['homes']) - len(shown)} more homes: --json lists them all)")
        out.append("")
    out.append(render_table(["class", "entities"], rows))
    if d["visits"]:
        out.append(f"(and {d['visits']} visits, not counted as events)")
    out.append("")
    out.append(render_table(["predicate", "triples", "evidence"],
                            [[p, v["triples"], v["evidence"]] for p, v in d["predicates"].items()]))
    out.append("")
    n = len(d["officials"])
    out.append(render_table(
        ["official", "posts", "meetings", "chaired", "inspected", "articles"],
        [[r["name"], "、".join(r["posts"]), r["meetings"], r["chaired"], r["inspected"], r["articles"]]
         for r in d["officials"]], title=f"most active officials (top {n})", max_width=30))
    out.append("")
    out.append(render_table(
        ["place or project", "class", "visitors", "events held", "articles"],
        [[r["name"], r["class"], r["visitors"], r["events_held"], r["articles"]] for r in d["places"]],
        title=f"most visited places and projects (top {len(d['places'])})", max_width=30))
    out.append("")
    c = d["components"]
    out.append(f"entity graph: {c['count']} connected components, largest {c['largest']} entities, "
               f"{c['isolated']} isolated")
    return "\n".join(out)


# ---------------------------------------------------------------- statistics kept in a store
# `kg stats` on a 100k-article store took 8-20 s of SPARQL; the build that writes the store already
# holds it open, so it computes the figures once and keeps them in the store's manifest, and
# `kg stats` reads them back in milliseconds. They are kept with a key: the pages the store holds,
# this module's code and the ontology. A build that changes the store forgets them first, so a
# build stopped half-way leaves none rather than stale ones; a store from an older kg has none.
KEEP_TOP = 100      # rankings kept this long: any --top up to it is a slice of them


def _kept_key(db) -> str:
    h = hashlib.sha1(b"govkg stats 1\0")
    for (k,) in db.execute("SELECT DISTINCT key FROM names ORDER BY key"):
        h.update(k.encode() + b"\0")
    h.update(open(__file__, "rb").read())
    for p in sorted(ontology_dir().glob("*.ttl")):
        h.update(p.read_bytes())
    return h.hexdigest()


def forget_kept(db) -> None:
    """Before a build changes the store (DB: its manifest, an sqlite3 connection)."""
    db.execute("CREATE TABLE IF NOT EXISTS stats (key TEXT, json TEXT)")
    db.execute("DELETE FROM stats")


def keep(db, store) -> None:
    """Compute the statistics of STORE (a pyoxigraph store) and keep them in its manifest DB."""
    d = compute_stats(store, top=KEEP_TOP)
    forget_kept(db)
    db.execute("INSERT INTO stats VALUES (?, ?)", (_kept_key(db), json.dumps(d, ensure_ascii=False)))


def kept_is_current(db) -> bool:
    try:
        row = db.execute("SELECT key FROM stats").fetchone()
    except Exception:     # no table yet: a store from before kept statistics
        return False
    return row is not None and row[0] == _kept_key(db)


def read_kept(store_dir, top: int = 10):
    """The kept statistics of a store directory, cut to TOP, or None (none kept, stale, or TOP too big)."""
    path = Path(str(store_dir)) / MANIFEST
    if top > KEEP_TOP or not path.is_file():
        return None
    try:
        db = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            row = db.execute("SELECT key, json FROM stats").fetchone()
            if row is None or row[0] != _kept_key(db):
                return None
            d = json.loads(row[1])
        finally:
            db.close()
    except (sqlite3.Error, ValueError, OSError):
        return None
    d["officials"] = d["officials"][:top]
    d["places"] = d["places"][:top]
    d["components"]["sizes_top"] = d["components"]["sizes_top"][:top]
    return d
