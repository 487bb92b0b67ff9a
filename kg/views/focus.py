"""The part of a graph `kg view --focus` draws, read without reading the whole graph.

kg.views.graphdata.read_store reads everything (1.3M evidence nodes at 100k articles); a focus
view needs only the nodes within --depth hops of one entity, the relations touching them
and the evidence of the relations the page lists. This module finds the entity by name in
SPARQL, expands the neighbourhood hop by hop with VALUES-bounded queries (one scan of the
relation triples instead, once a frontier is so large that the bounded lookups would cost
more), and reads labels, types and evidence only for the nodes and relations kept.

The GraphData it returns gives kg.views.view exactly the page a full read would, provided every
relation has its direct triple (docs/MODEL.md: the build always writes it next to its
evidence nodes); an evidence node with no direct triple is not followed here.
"""
from __future__ import annotations

from collections import defaultdict

from kg.graph.vocab import ENTITY_TYPES, GOV_IRI, RELATIONS
from kg.views.graphdata import (NOT_ENTITIES, OTHER, Article, Edge, Evidence, GraphData, Holding, Node, _ev_key, _q,
                                fallback_label, find_entity, local, scored_class_of)

# Bounded lookups cost about 0.2-1.5 ms a node on a 100k-article store; one scan of every
# relation triple about 1.5 s. Past this many nodes a hop reads the scan instead.
SCAN_ABOVE = 1000
CHUNK = 400  # IRIs per VALUES block: keeps each query text small
EVIDENCE_BUDGET = 1_000  # evidence nodes read for one page (about 0.3 s at 100k articles)
# A hop keeps at most this many new nodes, the most strongly linked: a hub official's depth-1
# neighbourhood at 100k articles is 4,600 meetings, each with ~30 relations of its own, which
# is a page no one reads and 10-20 s to gather (kg view --max-neighbours raises it).
MAX_NEIGHBOURS = 200
PREDICATES = RELATIONS + ("hosts",)
_PRED_IN = ", ".join(f"gov:{p}" for p in PREDICATES)
# Relation triples pointing at ?o, one index range per predicate: ``?s ?p ?o FILTER(?p IN ...)``
# would also walk every evidence node naming ?o (rdf:subject/rdf:object), 20k+ for a hub official.
_INTO = " UNION ".join(f"{{ ?s gov:{p} ?o BIND(gov:{p} AS ?p) }}" for p in PREDICATES)


def _iri(x: str) -> str:
    return f"<{x}>"


def _chunks(iris):
    iris = sorted(iris)
    for i in range(0, len(iris), CHUNK):
        yield " ".join(_iri(x) for x in iris[i:i + CHUNK])


def _rows(store, body: str) -> list[dict]:
    """Rows as dicts of plain strings (counts as int); leaner than kg.graph.store.select for 100k rows."""
    res = store.query(_q(body), use_default_graph_as_union=True)
    names = [v.value for v in res.variables]
    out = []
    for sol in res:
        row = {}
        for n in names:
            t = sol[n]
            row[n] = None if t is None else t.value
        out.append(row)
    return out


def _edge(s: str, p: str, o: str) -> tuple[str, str, str]:
    return (o, "locatedIn", s) if p == "hosts" else (s, p, o)  # hosts is locatedIn read backwards


class _Edges:
    """Relation triples around a growing node set: bounded lookups, or one scan when large."""

    def __init__(self, store):
        self.store = store
        self.all: dict[str, set] | None = None  # node -> its edges, once scanned
        self.by_node: dict[str, set] = {}

    def around(self, nodes) -> dict[str, set]:
        todo = {n for n in nodes if n not in self.by_node}
        if self.all is None and len(todo) > SCAN_ABOVE:
            self.all = defaultdict(set)
            # one index range per predicate; a FILTER on ?p would scan every triple of the store
            for p in PREDICATES:
                for r in _rows(self.store, f"SELECT ?s ?o WHERE {{ ?s gov:{p} ?o FILTER(isIRI(?o)) }}"):
                    e = _edge(r["s"], p, r["o"])
                    self.all[e[0]].add(e)
                    self.all[e[2]].add(e)
        if self.all is not None:
            for n in todo:
                self.by_node[n] = self.all.get(n, set())
        else:
            for n in todo:
                self.by_node[n] = set()
            # FILTER ... IN, not VALUES ?p: oxigraph joins a VALUES list of predicates badly
            for chunk in _chunks(todo):
                for r in _rows(self.store, f"""SELECT ?s ?p ?o WHERE {{
                        {{ VALUES ?s {{ {chunk} }} ?s ?p ?o FILTER(?p IN ({_PRED_IN}) && isIRI(?o)) }} UNION
                        {{ VALUES ?o {{ {chunk} }} {_INTO} }} }}"""):
                    e = _edge(r["s"], local(r["p"]), r["o"])
                    for n in (e[0], e[2]):
                        if n in self.by_node and n in todo:
                            self.by_node[n].add(e)
        return {n: self.by_node[n] for n in nodes}

    def among(self, nodes: set) -> set:
        """The relation triples with both ends in NODES: each is a triple of its subject, so
        only the subjects' own triples are read (a hub's meetings have thousands of attendees
        pointing at them, which this never reads)."""
        found = set()
        todo = []
        for n in nodes:
            if n in self.by_node:
                found.update(e for e in self.by_node[n] if e[0] in nodes and e[2] in nodes)
            else:
                todo.append(n)
        for chunk in _chunks(todo):
            for r in _rows(self.store, f"""SELECT ?s ?p ?o WHERE {{ VALUES ?s {{ {chunk} }}
                    ?s ?p ?o FILTER(?p IN ({_PRED_IN}) && isIRI(?o)) }}"""):
                e = _edge(r["s"], local(r["p"]), r["o"])
                if e[0] in nodes and e[2] in nodes:
                    found.add(e)
        return found


def _node_facts(store, iris):
    """gov: types, labels, aliases and dates of IRIS, the way read_store gathers them."""
    types, labels, aliases, dates = defaultdict(set), {}, defaultdict(set), {}
    if len(iris) > SCAN_ABOVE:
        return _node_facts_scanned(store, set(iris))
    for chunk in _chunks(iris):
        for r in _rows(store, f"""SELECT ?e ?t WHERE {{ VALUES ?e {{ {chunk} }} ?e a ?t
                FILTER(STRSTARTS(STR(?t), STR(gov:))) }}"""):
            types[r["e"]].add(local(r["t"]))
        for r in _rows(store, f"SELECT ?e ?l WHERE {{ VALUES ?e {{ {chunk} }} ?e rdfs:label ?l }}"):
            if r["e"] not in labels or r["l"] < labels[r["e"]]:
                labels[r["e"]] = r["l"]
        for r in _rows(store, f"SELECT ?e ?l WHERE {{ VALUES ?e {{ {chunk} }} ?e skos:altLabel ?l }}"):
            aliases[r["e"]].add(r["l"])
        for r in _rows(store, f"SELECT ?e ?d WHERE {{ VALUES ?e {{ {chunk} }} ?e dcterms:date ?d }}"):
            dates[r["e"]] = min(dates.get(r["e"], r["d"]), r["d"])
    return types, labels, aliases, dates


def _node_facts_scanned(store, iris: set):
    """_node_facts for many IRIs: one scan per property (entities number in the tens of
    thousands) instead of a lookup per node. Types skip the gov:Evidence nodes (1.3M at 100k
    articles) and the other bookkeeping classes (NOT_ENTITIES): those nodes are never the end
    of a relation, so no node kept here loses a type it has."""
    types, labels, aliases, dates = defaultdict(set), {}, defaultdict(set), {}
    # the classes in use first (a few dozen), then one index range per class: a FILTER on
    # the class name would decode every type triple of the store
    used = [r["t"] for r in _rows(store, "SELECT DISTINCT ?t WHERE { ?e a ?t }")
            if r["t"].startswith(GOV_IRI) and local(r["t"]) not in NOT_ENTITIES]
    for r in _rows(store, f"SELECT ?e ?t WHERE {{ VALUES ?t {{ {' '.join(_iri(t) for t in used)} }} ?e a ?t }}"):
        if r["e"] in iris:
            types[r["e"]].add(local(r["t"]))
    for r in _rows(store, "SELECT ?e ?l WHERE { ?e rdfs:label ?l }"):
        if r["e"] in iris and (r["e"] not in labels or r["l"] < labels[r["e"]]):
            labels[r["e"]] = r["l"]
    for r in _rows(store, "SELECT ?e ?l WHERE { ?e skos:altLabel ?l }"):
        if r["e"] in iris:
            aliases[r["e"]].add(r["l"])
    for r in _rows(store, "SELECT ?e ?d WHERE { ?e dcterms:date ?d }"):
        if r["e"] in iris:
            dates[r["e"]] = min(dates.get(r["e"], r["d"]), r["d"])
    return types, labels, aliases, dates


def _nodes(store, iris, endpoints) -> dict[str, Node]:
    """Node for each of IRIS as read_store builds it; ENDPOINTS are those some relation touches.

    An IRI that is neither an entity nor an endpoint is in the graph only as a post
    holding's holder or post: read_store adds those as plain Person/Post nodes.
    """
    classes = scored_class_of()
    types, labels, aliases, dates = _node_facts(store, iris)
    out = {}
    for iri in iris:
        ts = types.get(iri, set())
        entity = bool(ts) and not ts & NOT_ENTITIES
        if not entity and iri not in endpoints:
            continue
        cls, subs = _class_and_subs(ts, classes)
        label = (labels.get(iri) if entity else None) or fallback_label(iri)
        out[iri] = Node(iri, label, cls, subs, tuple(sorted(aliases.get(iri, set()) - {label})), dates.get(iri))
    return out


def _class_and_subs(ts: set, classes) -> tuple[str, tuple]:
    """A node's drawn class and its subclasses from its gov: types, as read_store gives them."""
    scored = sorted({classes[t] for t in ts if t in classes})
    cls = next((c for c in ENTITY_TYPES if c in scored), OTHER)
    return cls, tuple(sorted(t for t in ts if t not in ENTITY_TYPES and t not in NOT_ENTITIES))


def _of_types(store, iris, types) -> set[str]:
    """The endpoints among IRIS that restrict() keeps for TYPES, from their types alone (one
    query per chunk, where _nodes reads labels, aliases and dates too)."""
    found = defaultdict(set)
    for chunk in _chunks(iris):
        for r in _rows(store, f"""SELECT ?e ?t WHERE {{ VALUES ?e {{ {chunk} }} ?e a ?t
                FILTER(STRSTARTS(STR(?t), STR(gov:))) }}"""):
            found[r["e"]].add(local(r["t"]))
    classes = scored_class_of()
    keep = set()
    for iri in iris:
        cls, subs = _class_and_subs(found.get(iri, set()), classes)
        if cls in types or set(subs) & set(types):
            keep.add(iri)
    return keep


def _is_endpoint(store, iris) -> set[str]:
    found = set()
    for chunk in _chunks(iris):
        # EXISTS stops at the first relation: a hub official has thousands
        for r in _rows(store, f"""SELECT ?n WHERE {{ VALUES ?n {{ {chunk} }}
                FILTER(EXISTS {{ ?n ?p ?o FILTER(?p IN ({_PRED_IN}) && isIRI(?o)) }} ||
                       EXISTS {{ {_INTO.replace("?o", "?n")} }}) }}"""):
            found.add(r["n"])
    return found


def find_centre(store, name: str, source: str = "") -> str:
    """The IRI kg.views.graphdata.find_entity would pick for NAME, from the labels that match it only."""
    name = name.strip()
    lit = name.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n").replace("\r", "\\r")
    # the name as the build writes labels (plain, @zh, @en): index lookups; any other language
    # tag is found by the scan of every label that follows when these find nothing
    found = {r["e"] for r in _rows(store, f"""SELECT DISTINCT ?e WHERE {{ VALUES ?l {{ "{lit}" "{lit}"@zh "{lit}"@en }}
            {{ ?e rdfs:label ?l }} UNION {{ ?e skos:altLabel ?l }} }}""")}
    if not found:
        found = {r["e"] for r in _rows(store, f"""SELECT DISTINCT ?e WHERE {{
                {{ ?e rdfs:label ?l }} UNION {{ ?e skos:altLabel ?l }} FILTER(STR(?l) = "{lit}") }}""")}
    if name.startswith(("http://", "https://")) and not set(name) & set('<>" {}|\\^`'):
        found.add(name)
    candidates = _candidates(store, found)
    exact = [n for n in candidates.values() if name == n.label or name in n.aliases or name == n.iri]
    if not exact and name:
        found = {r["e"] for r in _rows(store, f"""SELECT DISTINCT ?e WHERE {{
                {{ ?e rdfs:label ?l }} UNION {{ ?e skos:altLabel ?l }} FILTER(CONTAINS(STR(?l), "{lit}")) }}""")}
        candidates = _candidates(store, found)
    # find_entity on just the matching nodes: the same answer and the same messages
    return find_entity(GraphData(dict(sorted(candidates.items())), [], source=source), name)


def _candidates(store, iris) -> dict[str, Node]:
    iris = set(iris)
    return _nodes(store, iris, _is_endpoint(store, iris)) if iris else {}


def _strongest(frontier, around, candidates, cap: int) -> set:
    """The CAP candidates with the most relations to FRONTIER (ties: IRI order, so the same
    store always gives the same page)."""
    strength = defaultdict(int)
    for n in frontier:
        for s, _, o in around[n]:
            for x in (s, o):
                if x in candidates:
                    strength[x] += 1
    return set(sorted(candidates, key=lambda x: (-strength[x], x))[:cap])


def read_focus(store, centre: str, depth: int, *, types=None, predicates=None, source: str = "",
               max_neighbours: int | None = MAX_NEIGHBOURS) -> tuple[GraphData, int, int]:
    """Every node within DEPTH hops of CENTRE (following only PREDICATES through nodes of TYPES,
    when given, as kg.views.graphdata.restrict would leave them), every relation touching them and
    the nodes at their far ends, and the post holdings of the nodes kept. Edges carry no
    evidence yet: with_evidence adds it to the ones the page lists.

    A hop that reaches more than MAX_NEIGHBOURS new nodes keeps the most strongly linked of
    them; then only the relations among the nodes kept are read (the far ends of a hub's
    meetings would be thousands more). Returns the GraphData, how many nodes the cap left out
    and how many the hops found (0, N when nothing was left out)."""
    edges = _Edges(store)
    kept: dict[str, Node] = {}
    left_out = found = 0

    def admit(iris, endpoints):
        new = [i for i in iris if i not in kept]
        kept.update(_nodes(store, new, endpoints))

    admit([centre], _is_endpoint(store, [centre]))
    ball, frontier = {centre}, [centre]
    for _ in range(depth):
        around = edges.around(frontier)
        nxt = set()
        for n in frontier:
            for s, p, o in around[n]:
                if predicates and p not in predicates:
                    continue
                nxt.add(o if s == n else s)
        nxt -= ball
        if types and max_neighbours and len(nxt) > max_neighbours:  # types only: the cap keeps few of them
            nxt = _of_types(store, nxt, types)
        elif types:  # a node restrict() drops is not passed through
            admit(nxt, nxt)
            nxt = {i for i in nxt if i in kept and (kept[i].cls in types or set(kept[i].subclasses) & set(types))}
        found += len(nxt)
        if max_neighbours and len(nxt) > max_neighbours:
            left_out += len(nxt) - max_neighbours
            nxt = _strongest(frontier, around, nxt, max_neighbours)
        ball |= nxt
        frontier = sorted(nxt)
        if not frontier:
            break
    triples = set()
    if left_out:   # the relations among the nodes kept, not the thousands past them
        triples = edges.among(ball)
    else:
        for es in edges.around(ball).values():
            triples.update(es)
    ends = {x for s, _, o in triples for x in (s, o)}
    admit(ends | ball, ends)
    holdings = _holdings(store, ball)
    admit({h.post for h in holdings} | {h.holder for h in holdings}, set())
    holders = {h.holder for h in holdings} | {h.post for h in holdings}
    missing = [i for i in holders if i not in kept]
    if missing:  # neither entity nor endpoint: read_store adds them as plain Person/Post nodes
        ends_elsewhere = _is_endpoint(store, missing)
        admit(ends_elsewhere, ends_elsewhere)
        for h in holdings:
            for iri, cls in ((h.holder, "Person"), (h.post, "Post")):
                if iri not in kept:
                    kept[iri] = Node(iri, fallback_label(iri), cls)
    gd = GraphData(dict(sorted(kept.items())), [Edge(s, p, o) for s, p, o in sorted(triples)], {}, holdings, source)
    return gd, left_out, found


def _holdings(store, holders) -> list[Holding]:
    found = set()
    for chunk in _chunks(holders):
        for r in _rows(store, f"""SELECT ?h ?p ?f ?l WHERE {{ VALUES ?h {{ {chunk} }}
                ?x gov:holder ?h ; a gov:PostHolding ; gov:post ?p .
                OPTIONAL {{ ?x gov:firstSeen ?f }} OPTIONAL {{ ?x gov:lastSeen ?l }} }}"""):
            found.add(Holding(r["h"], r["p"], r["f"], r["l"]))
    return sorted(found, key=lambda h: (h.holder, h.first or "", h.post))


def with_evidence(store, gd: GraphData, edges, budget: int | None = None) -> tuple[GraphData, int]:
    """GD with the evidence of EDGES (a subset of gd.edges) and the articles it cites, and how
    many of EDGES got none because their evidence was past BUDGET (0: all were read).

    Evidence nodes are found from the object they name, and each costs ~0.1 ms to read: a
    hub official's neighbourhood at 100k articles cites ~1M of them (an 80 MB page, minutes).
    So the objects are counted first (an index range, cheap) and read fewest first, until
    BUDGET evidence nodes; a relation whose object does not fit lists no sentences.
    """
    budget = EVIDENCE_BUDGET if budget is None else budget
    wanted = {(e.s, e.p, e.o) for e in edges}
    by_object = defaultdict(set)
    for s, p, o in wanted:
        by_object[o].add((s, p, o))
        if p == "locatedIn":  # its evidence may be stated as gov:hosts, naming the located thing as object
            by_object[s].add((s, p, o))
    counts = {}
    for chunk in _chunks(by_object):
        for r in _rows(store, f"""SELECT ?o (COUNT(?ev) AS ?n) WHERE {{ VALUES ?o {{ {chunk} }}
                ?ev rdf:object ?o }} GROUP BY ?o"""):
            counts[r["o"]] = int(r["n"])
    chosen, spent = [], 0
    for o in sorted(by_object, key=lambda o: (counts.get(o, 0), o)):
        if spent + counts.get(o, 0) > budget:
            break
        spent += counts.get(o, 0)
        chosen.append(o)
    read = {k for o in chosen for k in by_object[o]}
    evidence: dict[tuple, set] = defaultdict(set)
    for chunk in _chunks(o for o in chosen if counts.get(o)):
        for r in _rows(store, f"""SELECT ?s ?p ?o ?sent ?a WHERE {{ VALUES ?o {{ {chunk} }}
                ?ev rdf:object ?o ; rdf:predicate ?p ; rdf:subject ?s ; a gov:Evidence .
                OPTIONAL {{ ?ev gov:sentence ?sent }} OPTIONAL {{ ?ev gov:article ?a }} }}"""):
            key = _edge(r["s"], local(r["p"]), r["o"]) if r["p"].startswith(GOV_IRI) else None
            if key in wanted:
                evidence[key].add(Evidence(r["sent"] or "", r["a"]))
    arts = sorted({ev.article for evs in evidence.values() for ev in evs if ev.article})
    articles = {}
    for chunk in _chunks(arts):
        for r in _rows(store, f"""SELECT ?a ?h ?d ?k ?f WHERE {{ VALUES ?a {{ {chunk} }} ?a a gov:Article .
                OPTIONAL {{ ?a schema:headline ?h }} OPTIONAL {{ ?a dcterms:date ?d }}
                OPTIONAL {{ ?a gov:articleKind ?k }} OPTIONAL {{ ?a gov:sourceFile ?f }} }}"""):
            if r["a"] not in articles:
                articles[r["a"]] = Article(r["a"], r["h"], r["d"], r["k"], r["f"])
    new_edges = [Edge(e.s, e.p, e.o, tuple(sorted(evidence.get((e.s, e.p, e.o), ()), key=_ev_key)))
                 for e in gd.edges]
    return GraphData(gd.nodes, new_edges, dict(sorted(articles.items())), gd.holdings, gd.source), len(wanted - read)
