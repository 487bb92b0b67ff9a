"""The entity graph as plain Python data: what `kg view`, `kg report` and `kg export` draw.

A govkg graph (docs/MODEL.md) holds entities, the nine relation predicates, gov:Evidence
nodes, articles and post holdings. This module reads it once through SPARQL (pyoxigraph,
never an rdflib parse) into small dataclasses, and offers the cuts the views need:
a neighbourhood, a type/predicate restriction, the most connected part, co-attendance.
Everything is sorted so the same graph always gives the same data, byte for byte.
"""
from __future__ import annotations

import hashlib
import random
from collections import defaultdict, deque
from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path
from urllib.parse import unquote

from kg.atomic import write_bytes_atomic
from kg.errors import KgError
from kg.graph.store import open_store, select
from kg.graph.vocab import ENTITY_TYPES, GOV_IRI, ONTOLOGY, PREFIXES, RELATIONS, RES_IRI

# Nodes that are bookkeeping, not things the news is about.
NOT_ENTITIES = frozenset({"Article", "Evidence", "PostHolding"})
OTHER = "Other"
COATTENDED = "coattended"


@dataclass(frozen=True)
class Node:
    iri: str
    label: str
    cls: str                          # scored class local name (ENTITY_TYPES) or "Other"
    subclasses: tuple[str, ...] = ()  # finer gov: classes, e.g. ("Meeting",)
    aliases: tuple[str, ...] = ()     # skos:altLabel values, sorted
    date: str | None = None           # dcterms:date of an event


@dataclass(frozen=True)
class Evidence:
    sentence: str
    article: str | None               # article IRI (key of GraphData.articles)


@dataclass(frozen=True)
class Edge:
    s: str
    p: str                            # local name: one of RELATIONS, or COATTENDED
    o: str
    evidence: tuple[Evidence, ...] = ()
    weight: int = 1                   # co-attendance: events shared
    events: tuple[str, ...] = ()      # co-attendance: the shared event IRIs


@dataclass(frozen=True)
class Article:
    iri: str
    headline: str | None
    date: str | None
    kind: str | None
    source: str | None


@dataclass(frozen=True)
class Holding:
    holder: str
    post: str
    first: str | None
    last: str | None


@dataclass
class GraphData:
    nodes: dict[str, Node]
    edges: list[Edge]
    articles: dict[str, Article] = field(default_factory=dict)
    holdings: list[Holding] = field(default_factory=list)
    source: str = ""

    def degrees(self) -> dict[str, int]:
        deg = dict.fromkeys(self.nodes, 0)
        for e in self.edges:
            deg[e.s] = deg.get(e.s, 0) + 1
            deg[e.o] = deg.get(e.o, 0) + 1
        return deg

    def adjacency(self) -> dict[str, set[str]]:
        adj: dict[str, set[str]] = {n: set() for n in self.nodes}
        for e in self.edges:
            adj.setdefault(e.s, set()).add(e.o)
            adj.setdefault(e.o, set()).add(e.s)
        return adj

    def class_counts(self) -> dict[str, int]:
        counts: dict[str, int] = defaultdict(int)
        for n in self.nodes.values():
            counts[n.cls] += 1
        return dict(counts)


# ------------------------------------------------------------------ reading

def local(iri: str) -> str:
    return iri.rsplit("#", 1)[-1] if "#" in iri else iri.rsplit("/", 1)[-1]


def fallback_label(iri: str) -> str:
    """A readable name for a node the graph gives no rdfs:label: its IRI tail, unescaped."""
    return unquote(iri.rstrip("/").rsplit("/", 1)[-1]) or iri


@lru_cache(maxsize=None)
def scored_class_of() -> dict[str, str]:
    """gov: class local name -> the scored class it falls under (rdfs:subClassOf*), from the ontology."""
    return {c: top for c in ONTOLOGY.terms if ONTOLOGY.kinds[c] == "Class" and (top := ONTOLOGY.top_class(c))}


def _q(body: str) -> str:
    return "".join(f"PREFIX {k}: <{v}>\n" for k, v in sorted(PREFIXES.items())) + body


def read_graph(path) -> GraphData:
    """Read a graph file or store directory (kg.graph.store.open_store) into GraphData."""
    return read_store(open_store(path), source=str(path))


def read_store(store, source: str = "") -> GraphData:
    def rows(q):
        return select(store, _q(q))

    classes = scored_class_of()
    types: dict[str, set[str]] = defaultdict(set)
    for r in rows("SELECT ?e ?t WHERE { ?e a ?t . FILTER(STRSTARTS(STR(?t), STR(gov:))) }"):
        types[r["e"]].add(local(r["t"]))
    entity_iris = {e for e, ts in types.items() if not ts & NOT_ENTITIES}

    labels: dict[str, str] = {}
    for r in rows("SELECT ?e ?l WHERE { ?e rdfs:label ?l }"):
        # exactly one label by the model; keep the smallest should a union of builds give two
        if r["e"] in entity_iris and (r["e"] not in labels or r["l"] < labels[r["e"]]):
            labels[r["e"]] = r["l"]
    aliases: dict[str, set[str]] = defaultdict(set)
    for r in rows("SELECT ?e ?l WHERE { ?e skos:altLabel ?l }"):
        aliases[r["e"]].add(r["l"])
    dates: dict[str, str] = {}
    for r in rows("SELECT ?e ?d WHERE { ?e dcterms:date ?d }"):
        dates[r["e"]] = min(dates.get(r["e"], r["d"]), r["d"])

    values = " ".join(f"gov:{p}" for p in RELATIONS)
    triples: set[tuple[str, str, str]] = set()
    for r in rows(f"SELECT ?s ?p ?o WHERE {{ VALUES ?p {{ {values} }} ?s ?p ?o . FILTER(isIRI(?o)) }}"):
        triples.add((r["s"], local(r["p"]), r["o"]))
    for r in rows("SELECT ?s ?o WHERE { ?s gov:hosts ?o . FILTER(isIRI(?o)) }"):
        triples.add((r["o"], "locatedIn", r["s"]))  # hosts is locatedIn read backwards
    evidence: dict[tuple[str, str, str], set[Evidence]] = defaultdict(set)
    for r in rows("""SELECT ?s ?p ?o ?sent ?a WHERE {
            ?ev a gov:Evidence ; rdf:subject ?s ; rdf:predicate ?p ; rdf:object ?o .
            OPTIONAL { ?ev gov:sentence ?sent } OPTIONAL { ?ev gov:article ?a } }"""):
        p = local(r["p"])
        if p == "hosts":
            key = (r["o"], "locatedIn", r["s"])
        elif p in RELATIONS:
            key = (r["s"], p, r["o"])
        else:
            continue
        triples.add(key)
        evidence[key].add(Evidence(r["sent"] or "", r["a"]))

    nodes: dict[str, Node] = {}
    for iri in entity_iris | {t[0] for t in triples} | {t[2] for t in triples}:
        ts = types.get(iri, set())
        scored = sorted({classes[t] for t in ts if t in classes})
        cls = next((c for c in ENTITY_TYPES if c in scored), OTHER)
        subs = tuple(sorted(t for t in ts if t not in ENTITY_TYPES and t not in NOT_ENTITIES))
        label = labels.get(iri) or fallback_label(iri)
        nodes[iri] = Node(iri, label, cls, subs, tuple(sorted(aliases.get(iri, set()) - {label})),
                          dates.get(iri))
    edges = [Edge(s, p, o, tuple(sorted(evidence.get((s, p, o), ()), key=_ev_key)))
             for s, p, o in sorted(triples)]

    articles = {}
    for r in rows("""SELECT ?a ?h ?d ?k ?f WHERE { ?a a gov:Article .
            OPTIONAL { ?a schema:headline ?h } OPTIONAL { ?a dcterms:date ?d }
            OPTIONAL { ?a gov:articleKind ?k } OPTIONAL { ?a gov:sourceFile ?f } }"""):
        if r["a"] not in articles:
            articles[r["a"]] = Article(r["a"], r["h"], r["d"], r["k"], r["f"])
    holdings = sorted({Holding(r["h"], r["p"], r["f"], r["l"]) for r in rows("""
        SELECT ?h ?p ?f ?l WHERE { ?x a gov:PostHolding ; gov:holder ?h ; gov:post ?p .
            OPTIONAL { ?x gov:firstSeen ?f } OPTIONAL { ?x gov:lastSeen ?l } }""")},
        key=lambda h: (h.holder, h.first or "", h.post))
    for h in holdings:  # a holding may name a post the build typed nowhere else
        for iri, cls in ((h.holder, "Person"), (h.post, "Post")):
            if iri not in nodes:
                nodes[iri] = Node(iri, labels.get(iri) or fallback_label(iri), cls)
    return GraphData(dict(sorted(nodes.items())), edges, dict(sorted(articles.items())), holdings, source)


def _ev_key(e: Evidence):
    return (e.article or "", e.sentence)


# ------------------------------------------------------------------ cuts

def find_entity(gd: GraphData, name: str) -> str:
    """The IRI of the entity called NAME (label or alias; else a unique partial match)."""
    name = name.strip()
    exact = sorted(n.iri for n in gd.nodes.values() if name == n.label or name in n.aliases or name == n.iri)
    if len(exact) == 1:
        return exact[0]
    if not exact:
        exact = sorted(n.iri for n in gd.nodes.values() if name and (name in n.label or any(name in a for a in n.aliases)))
        if len(exact) == 1:
            return exact[0]
    if not exact:
        raise KgError(f"{gd.source}: no entity named {name!r}")
    shown = ", ".join(f"{gd.nodes[i].label} ({gd.nodes[i].cls})" for i in exact[:8])
    more = f" and {len(exact) - 8} more" if len(exact) > 8 else ""
    raise KgError(f"{gd.source}: {name!r} names {len(exact)} entities: {shown}{more}; give the full name")


def neighbourhood(gd: GraphData, centre: str, depth: int) -> set[str]:
    """Every node within DEPTH hops of CENTRE, edges read in both directions."""
    adj = gd.adjacency()
    seen = {centre}
    frontier = deque([(centre, 0)])
    while frontier:
        n, d = frontier.popleft()
        if d == depth:
            continue
        for m in sorted(adj.get(n, ())):
            if m not in seen:
                seen.add(m)
                frontier.append((m, d + 1))
    return seen


def subgraph(gd: GraphData, keep) -> GraphData:
    keep = set(keep)
    return replace(gd, nodes={k: v for k, v in gd.nodes.items() if k in keep},
                   edges=[e for e in gd.edges if e.s in keep and e.o in keep])


def parse_names(values, known, what: str, source: str = "") -> set[str]:
    """Comma/space separated names from the command line, matched case-insensitively to KNOWN."""
    by_lower = {k.lower(): k for k in known}
    out = set()
    for v in values or ():
        for part in str(v).replace(",", " ").split():
            if part.lower() not in by_lower:
                raise KgError(f"unknown {what} {part!r}; choose from {', '.join(sorted(known))}")
            out.add(by_lower[part.lower()])
    return out


def all_classes() -> list[str]:
    """Scored classes and their subclasses, the names --types accepts."""
    return sorted(set(ENTITY_TYPES) | set(scored_class_of()) | {OTHER})


def restrict(gd: GraphData, types=None, predicates=None) -> GraphData:
    """Keep nodes whose class or a subclass is in TYPES, and edges whose predicate is in PREDICATES."""
    nodes = gd.nodes
    if types:
        nodes = {k: n for k, n in nodes.items() if n.cls in types or set(n.subclasses) & set(types)}
    edges = [e for e in gd.edges if e.s in nodes and e.o in nodes and (not predicates or e.p in predicates)]
    return replace(gd, nodes=nodes, edges=edges)


@dataclass(frozen=True)
class Omitted:
    """What --max-nodes left out, for the page to say."""
    nodes: int = 0
    edges: int = 0
    by_class: tuple[tuple[str, int], ...] = ()


def most_connected(gd: GraphData, max_nodes: int) -> tuple[GraphData, Omitted]:
    """At most MAX_NODES nodes: the highest-degree ones (ties by label), and what was dropped."""
    if len(gd.nodes) <= max_nodes:
        return gd, Omitted()
    deg = gd.degrees()
    ranked = sorted(gd.nodes.values(), key=lambda n: (-deg.get(n.iri, 0), n.label, n.iri))
    keep = {n.iri for n in ranked[:max_nodes]}
    dropped: dict[str, int] = defaultdict(int)
    for n in ranked[max_nodes:]:
        dropped[n.cls] += 1
    sub = subgraph(gd, keep)
    by_class = tuple(sorted(dropped.items(), key=lambda kv: (-kv[1], kv[0])))
    return sub, Omitted(len(gd.nodes) - len(keep), len(gd.edges) - len(sub.edges), by_class)


def coattendance(gd: GraphData) -> GraphData:
    """People linked by the events they attended (or chaired) together, weighted by count."""
    attendees: dict[str, set[str]] = defaultdict(set)
    for e in gd.edges:
        if e.p in ("attended", "chaired") and gd.nodes.get(e.s) and gd.nodes[e.s].cls == "Person":
            attendees[e.o].add(e.s)
    shared: dict[tuple[str, str], list[str]] = defaultdict(list)
    for event in sorted(attendees):
        people = sorted(attendees[event])
        for i, a in enumerate(people):
            for b in people[i + 1:]:
                shared[(a, b)].append(event)
    edges = [Edge(a, COATTENDED, b, weight=len(evs), events=tuple(evs)) for (a, b), evs in sorted(shared.items())]
    people = {p for pair in shared for p in pair}
    nodes = {k: v for k, v in gd.nodes.items() if k in people}
    return replace(gd, nodes=nodes, edges=edges)


def coattendance_ranking(gd: GraphData, top: int = 20) -> list[tuple[str, str, int, tuple[str, ...]]]:
    """(person, person, events shared, event IRIs), most shared first."""
    co = coattendance(gd)
    ranked = sorted(co.edges, key=lambda e: (-e.weight, co.nodes[e.s].label, co.nodes[e.o].label))
    return [(e.s, e.o, e.weight, e.events) for e in ranked[:top]]


# ------------------------------------------------------------------ networkx projection

def to_networkx(gd: GraphData):
    """A networkx MultiDiGraph: node attributes label/cls/subclasses/aliases, edge predicate/evidence count."""
    import networkx as nx   # (deferred: kg/__init__.py says why)

    g = nx.MultiDiGraph()
    for iri, n in gd.nodes.items():
        g.add_node(iri, label=n.label, cls=n.cls, subclasses=";".join(n.subclasses),
                   aliases=";".join(n.aliases), date=n.date or "")
    for e in gd.edges:
        attrs = {"predicate": e.p, "evidence": len(e.evidence)}
        if e.p == COATTENDED:
            attrs["weight"] = e.weight
        else:
            first = e.evidence[0] if e.evidence else None
            attrs["sentence"] = first.sentence if first else ""
            art = gd.articles.get(first.article) if first and first.article else None
            attrs["date"] = (art.date or "") if art else ""
        g.add_edge(e.s, e.o, key=e.p, **attrs)
    return g


# ------------------------------------------------------------------ a large random graph, for benchmarks

_SURNAMES = "张王李赵刘陈杨黄周吴徐孙马朱胡郭何高林罗郑梁谢宋唐许邓冯韩曹彭曾萧田董潘袁蔡蒋余于杜叶程魏苏吕丁任卢姚沈钟姜崔谭陆范汪廖石金韦贾夏付方邹熊白孟秦邱侯江尹薛闫段雷龙黎史陶贺毛郝顾龚邵万覃武钱戴严莫孔向常汤"
_GIVEN = "明华建国文军平志伟晓东海涛红玲静丽敏强磊洋勇艳杰娟秀英霞刚峰辉鹏宇飞云亮超琳晨欣怡佳琪雪梅兰芳春"
_PLACE_SUFFIX = ("镇", "村", "社区", "街道", "园区")
_ORG_SUFFIX = ("区委", "区政府", "局", "办公室", "有限公司", "中学", "医院", "协会")
_EVENT_SUFFIX = ("工作会议", "推进会", "调度会", "座谈会", "培训会", "启动仪式")
_POSTS = ("区委书记", "区长", "副区长", "常务副区长", "区委常委", "局长", "镇党委书记", "镇长", "村支部书记", "主任")
_CLASS_SHARE = (("Person", 0.22), ("Event", 0.22), ("Place", 0.2), ("Organization", 0.12),
                ("Project", 0.1), ("Document", 0.08), ("Post", 0.06))
_SUBCLASS = {"Event": ("Meeting", "Activity"), "Place": ("Town", "Village", "Community"),
             "Organization": ("GovernmentBody", "PartyBody", "Enterprise")}


def synthetic_graph(n_nodes: int, seed: int = 0) -> str:
    """N-Triples of a random graph of about N_NODES entities in the shape of docs/MODEL.md.

    Hub-heavy like the news: a few officials attend most meetings. For measuring views at
    sizes the sample corpus does not reach; the names are random syllables, not real people.
    """
    rnd = random.Random(seed)
    rdf = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
    lines: list[str] = []

    def lit(s, lang="zh"):
        s = s.replace("\\", "\\\\").replace('"', '\\"')
        return f'"{s}"@{lang}'

    def t(s, p, o):
        lines.append(f"<{s}> <{p}> {o} .")

    by_class: dict[str, list[str]] = defaultdict(list)
    used: set[str] = set()
    for cls, share in _CLASS_SHARE:
        for i in range(max(1, round(n_nodes * share))):
            if cls == "Person":
                name = rnd.choice(_SURNAMES) + "".join(rnd.choice(_GIVEN) for _ in range(rnd.choice((1, 2))))
            elif cls == "Post":
                name = rnd.choice(_POSTS)
            else:
                stem = "".join(rnd.choice(_GIVEN) for _ in range(2))
                name = stem + {"Place": rnd.choice(_PLACE_SUFFIX), "Organization": rnd.choice(_ORG_SUFFIX),
                               "Event": rnd.choice(_EVENT_SUFFIX), "Project": "建设项目",
                               "Document": "工作方案"}[cls]
            if name in used:
                name = f"{name}{i}"
            used.add(name)
            iri = f"{RES_IRI}{cls.lower()}/{name}"
            by_class[cls].append(iri)
            t(iri, rdf + "type", f"<{GOV_IRI}{cls}>")
            if cls in _SUBCLASS:
                t(iri, rdf + "type", f"<{GOV_IRI}{rnd.choice(_SUBCLASS[cls])}>")
            t(iri, "http://www.w3.org/2000/01/rdf-schema#label", lit(name))
            if rnd.random() < 0.2:
                t(iri, "http://www.w3.org/2004/02/skos/core#altLabel", lit(name[-4:]))
    articles = []
    for i in range(max(1, n_nodes // 4)):
        a = f"{RES_IRI}article/{hashlib.sha1(f'{seed}-{i}'.encode()).hexdigest()[:16]}"
        articles.append(a)
        t(a, rdf + "type", f"<{GOV_IRI}Article>")
        t(a, "https://schema.org/headline", lit(f"第{i}篇报道"))
        t(a, "http://purl.org/dc/terms/date",
          f'"20{rnd.randint(22, 24)}-{rnd.randint(1, 12):02d}-{rnd.randint(1, 28):02d}"^^<http://www.w3.org/2001/XMLSchema#date>')
    people = by_class["Person"]
    weights = [1.0 / (k + 1) for k in range(len(people))]  # Zipf: officials everywhere, residents once

    def rel(s, p, o):
        t(s, GOV_IRI + p, f"<{o}>")
        ev = f"{RES_IRI}evidence/{hashlib.sha1(f'{s} {p} {o}'.encode()).hexdigest()[:16]}"
        t(ev, rdf + "type", f"<{GOV_IRI}Evidence>")
        t(ev, rdf + "subject", f"<{s}>")
        t(ev, rdf + "predicate", f"<{GOV_IRI}{p}>")
        t(ev, rdf + "object", f"<{o}>")
        t(ev, GOV_IRI + "article", f"<{rnd.choice(articles)}>")
        t(ev, GOV_IRI + "sentence", lit(f"{local(s)}{p}{local(o)}。"))

    for ev in by_class["Event"]:
        for p in set(rnd.choices(people, weights, k=rnd.randint(2, 6))):
            rel(p, "attended", ev)
        rel(ev, "organizedBy", rnd.choice(by_class["Organization"]))
        if rnd.random() < 0.5:
            rel(ev, "heldAt", rnd.choice(by_class["Place"]))
        if rnd.random() < 0.3:
            rel(ev, "reviewed", rnd.choice(by_class["Document"]))
    for p in people:
        if rnd.random() < 0.5:
            rel(p, "holdsPost", rnd.choice(by_class["Post"]))
            rel(p, "memberOf", rnd.choice(by_class["Organization"]))
    for x in by_class["Place"] + by_class["Project"]:
        rel(rnd.choices(people, weights)[0], "inspected", x)
        where = rnd.choice(by_class["Place"])
        if rnd.random() < 0.7 and where != x:
            rel(x, "locatedIn", where)
    for d in by_class["Document"]:
        if rnd.random() < 0.5:
            rel(rnd.choice(by_class["Event"]), "reviewed", d)
    return "\n".join(sorted(set(lines))) + "\n"


# ------------------------------------------------------------------ writing outputs

def check_output(out, *inputs):
    """The output path, refusing to write over an input or into something that is not a file."""
    out = Path(str(out))
    for i in inputs:
        if i is not None and Path(str(i)).exists() and out.exists() and out.resolve() == Path(str(i)).resolve():
            raise KgError(f"{out}: is the input graph; refusing to overwrite it")
    if out.is_dir():
        raise KgError(f"{out}: is a directory; give a file name")
    return out


def write_atomic(path, data) -> None:
    """Write all of DATA (str or bytes) or nothing: a temp file beside PATH, then os.replace."""
    write_bytes_atomic(path, data)


# ------------------------------------------------------------------ names of classes and predicates

def ontology_labels() -> dict[str, dict[str, str]]:
    """gov: local name -> {"zh": ..., "en": ...}: the rdfs:label of each class and property,
    read from the ontology so the pages name things the way the model does."""
    return ONTOLOGY.labels
