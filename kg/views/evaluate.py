"""Score a graph against gold annotation files (shared/spec/ANNOTATION.md, "Scoring").

The semantics follow the independent scorer ``shared/eval/score.py`` exactly:

* labels compared after NFKC, white space and quote/book-title marks removed;
* a graph entity is a node typed (through rdfs:subClassOf, in the ontology or the data)
  with a scored class, the first class in ANNOTATION order winning; Visits are not Events;
* a node matches a gold entity of its type by a shared name, or for Event/Project/Document
  by the best character-bigram Dice >= 0.8 when no name is shared;
* gold files pool: entities of one type are one entity when they share an id (on any pages), or
  an alias on pages of the same home (a gold file's "home"; none is the 荆州区 paper): 区委 on a
  page of 八公山区 is not 区委 on a page of 宿松县;
* one gold entity claimed by two nodes: one true, one false positive (duplicate penalty);
  nodes claim in turn, each taking the free gold entity of least score.py name among its hits;
* a relation triple is right when some matched pair of its ends forms a gold triple;
  gov:hosts is read as the inverse of gov:locatedIn.

score.py's claim order is the order rdflib yields nodes: class by class in the order of a Python
set, and within a class in file order, which for a kg-built Turtle (written sorted) is IRI order.
Here it is IRI order within each scored type, the same answer wherever score.py's own does not
move with the hash seed. A node whose names hit two gold entities (a multi-home build's bare
副县长) can lose a claim a maximum matching would win; the reported figures are the reference's,
so the greedy rule is kept rather than bettered.

The graph is read through pyoxigraph SPARQL (any format ``kg.graph.store.open_store`` reads,
including store directories), so scoring a large build does not pay for an rdflib parse.
"""
from __future__ import annotations

import json
import re
import unicodedata
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote

import pyoxigraph as ox

from kg.errors import KgError
from kg.graph.store import open_store
from kg.graph.vocab import ENTITY_TYPES, GOV_IRI, ontology_files, PREFIXES, RES_IRI, SCORED_RELATIONS
from kg.views.tables import render_table

TYPES = ENTITY_TYPES
FUZZY = frozenset({"Event", "Project", "Document"})
FUZZY_MIN = 0.8
PREDS = SCORED_RELATIONS
_QUOTES = {ord(c): None for c in "“”‘’\"'《》「」"}
_WS = re.compile(r"\s+")


# ------------------------------------------------------------------ names

def norm(s: str) -> str:
    """A label as the scorer compares it: NFKC, no white space, no quote or book-title marks."""
    return _WS.sub("", unicodedata.normalize("NFKC", str(s))).translate(_QUOTES)


def _bigrams(s: str) -> list[str]:
    return [s[i:i + 2] for i in range(len(s) - 1)] or [s]


def dice(a: str, b: str) -> float:
    """Character-bigram Dice similarity (multiset), as in the annotation contract."""
    A, B = _bigrams(a), _bigrams(b)
    left = Counter(A)
    inter = 0
    for x in B:
        if left[x] > 0:
            inter += 1
            left[x] -= 1
    return 2 * inter / (len(A) + len(B))


def prf(tp: int, fp: int, fn: int) -> dict:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"p": round(p, 3), "r": round(r, 3), "f1": round(f, 3), "tp": tp, "fp": fp, "fn": fn}


# ------------------------------------------------------------------ gold

@dataclass
class GoldEntity:
    key: str                    # "Type:first id", unique within the pooled gold
    type: str
    id: str
    rank: str = ""              # score.py's name for it, "Type:file index:first id": claims prefer the least
    aliases: set = field(default_factory=set)
    sources: list = field(default_factory=list)


@dataclass
class Gold:
    entities: dict              # key -> GoldEntity, in order of first appearance
    relations: dict             # (s key, predicate, o key) -> [(source, evidence text)]
    articles: int
    bylines: set                # normalised reporter and photographer names
    sources: list               # the page file of each gold file, in order


HOME_FIELDS = ("district", "city", "province")


def _home(gd: dict):
    """The page's home as score.py keys it: (district, city, province), or None for the 荆州区 paper
    (no "home", or an empty one)."""
    h = gd.get("home")
    return tuple(h.get(k) for k in HOME_FIELDS) if h else None


def _check_gold(p: Path, gd) -> None:
    """Every field scoring reads has the JSON type it is read as; KgError naming the file otherwise,
    so that a hand-edited gold file gives one line, not a traceback from deep in the pooling."""
    if not isinstance(gd, dict):
        raise KgError(f"{p}: a gold file must be a JSON object with articles, entities, relations")
    for k in ("articles", "entities", "relations"):
        if k not in gd:
            raise KgError(f"{p}: gold file has no list '{k}'")
        if not isinstance(gd[k], list):
            raise KgError(f"{p}: gold file's '{k}' is {_kind(gd[k])}, not a list")
    h = gd.get("home")
    if h is not None:
        if not isinstance(h, dict):
            raise KgError(f"{p}: gold file's 'home' is {_kind(h)}, not an object with district, city, province")
        for k in HOME_FIELDS:
            if h.get(k) is not None and not isinstance(h[k], str):
                raise KgError(f"{p}: gold file's home '{k}' is {_kind(h[k])}, not a string")
    if gd.get("source") is not None and not isinstance(gd["source"], str):
        raise KgError(f"{p}: gold file's 'source' is {_kind(gd['source'])}, not a string")
    for n, a in enumerate(gd["articles"], 1):
        if not isinstance(a, dict):
            raise KgError(f"{p}: article {n} is {_kind(a)}, not an object")
        for k in ("reporters", "photographers"):
            v = a.get(k)
            if v is not None and not (isinstance(v, list) and all(isinstance(x, str) for x in v)):
                raise KgError(f"{p}: article {n}'s '{k}' is not a list of names")
    for n, e in enumerate(gd["entities"], 1):
        if not isinstance(e, dict):
            raise KgError(f"{p}: entity {n} is {_kind(e)}, not an object")
        for k in ("id", "type"):
            if not isinstance(e.get(k), str):
                raise KgError(f"{p}: entity {n} ({e.get('id')!r}) needs a string '{k}'"
                              + (f", not {_kind(e[k])}" if k in e else ""))
        al = e.get("aliases")
        if not (isinstance(al, list) and all(isinstance(x, str) for x in al)):
            raise KgError(f"{p}: entity {e['id']}: 'aliases' must be a list of strings"
                          + (f", not {_kind(al)}" if not isinstance(al, list) else ""))
    ids = {e["id"] for e in gd["entities"]}
    for n, r in enumerate(gd["relations"], 1):
        if not isinstance(r, dict):
            raise KgError(f"{p}: relation {n} is {_kind(r)}, not an object")
        for k in ("s", "p", "o"):
            if not isinstance(r.get(k), str):
                raise KgError(f"{p}: relation {n} {_brief(r)} needs a string '{k}'"
                              + (f", not {_kind(r[k])}" if k in r else ""))
        if r.get("evidence") is not None and not isinstance(r["evidence"], str):
            raise KgError(f"{p}: relation {n} {_brief(r)}: 'evidence' must be a string")
        for end in (r["s"], r["o"]):
            if end not in ids:
                raise KgError(f"{p}: relation {r['s']} {r['p']} {r['o']} names '{end}', "
                              f"which is not an entity id of the file")


def _kind(v) -> str:
    """A JSON value's kind with its article, for messages: "an object", "a list", "null"."""
    return {dict: "an object", list: "a list", str: "a string", bool: "a boolean", int: "a number",
            float: "a number", type(None): "null"}.get(type(v), type(v).__name__)


def _brief(r: dict) -> str:
    return "(" + " ".join(str(r.get(k, "?")) for k in ("s", "p", "o")) + ")"


def read_gold_file(path) -> dict:
    """One gold JSON file, checked for the fields scoring needs; KgError naming the file otherwise."""
    p = Path(str(path))
    try:
        gd = json.loads(p.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise KgError(f"{p}: no such gold file") from None
    except IsADirectoryError:
        raise KgError(f"{p}: is a directory, not a gold file") from None
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as e:
        raise KgError(f"{p}: not a readable gold JSON file ({e})") from None
    _check_gold(p, gd)
    return gd


def load_gold(paths) -> Gold:
    """Pool gold files as score.py does: per type, entities sharing an id (on any pages) or an alias
    on pages of the same home are one entity. Across homes an alias proves nothing: 区委 or 我县
    names another body on every home's pages, while ids are written to be unique (刘海涛#某旗)."""
    files = [read_gold_file(p) for p in paths]
    members = []                # (file index, id, type, aliases, home) in file order
    for i, gd in enumerate(files):
        home = _home(gd)
        for e in gd["entities"]:
            aliases = {norm(a) for a in e["aliases"]} | {norm(e["id"].split("#")[0])}
            members.append((i, e["id"], e["type"], aliases, home))
    # Union-find over members; the component of a key is whoever named it first.
    parent = list(range(len(members)))

    def find(x):
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    first_owner = {}
    for idx, (_, eid, t, aliases, home) in enumerate(members):
        # ("id", …) can never equal a home, which is a tuple or None
        for k in [(t, home, a) for a in sorted(aliases)] + [(t, "id", norm(eid))]:
            o = first_owner.setdefault(k, idx)
            ra, rb = find(o), find(idx)
            if ra != rb:
                parent[max(ra, rb)] = min(ra, rb)   # the earliest member stays the root
    entities: dict[str, GoldEntity] = {}
    key_of = {}
    for idx, (i, eid, t, aliases, _) in enumerate(members):
        root = find(idx)
        key = f"{t}:{members[root][1]}"
        ent = entities.setdefault(key, GoldEntity(key, t, members[root][1],
                                                  f"{t}:{members[root][0]}:{members[root][1]}"))
        ent.aliases |= aliases
        src = files[i].get("source") or str(paths[i])
        if src not in ent.sources:
            ent.sources.append(src)
        key_of[(i, eid)] = key
    relations: dict[tuple, list] = {}
    articles = 0
    bylines = set()
    sources = []
    for i, gd in enumerate(files):
        src = gd.get("source") or Path(str(paths[i])).name
        sources.append(src)
        for r in gd["relations"]:
            k = (key_of[(i, r["s"])], r["p"], key_of[(i, r["o"])])
            relations.setdefault(k, []).append((src, r.get("evidence") or ""))
        articles += len(gd["articles"])
        for a in gd["articles"]:
            for n in (a.get("reporters") or []) + (a.get("photographers") or []):
                bylines.add(norm(n))
    return Gold(entities, relations, articles, bylines, sources)


# ------------------------------------------------------------------ graph

@dataclass
class GraphFacts:
    """What scoring reads from a graph, as plain Python values (nodes as IRI strings)."""
    types: dict                 # node -> set of class IRIs
    subclass: list              # (sub, super) IRI pairs declared in the data
    labels: dict                # node -> sorted raw rdfs:label values (for display)
    names: dict                 # node -> set of normalised label and altLabel values
    triples: list               # (s, raw predicate local name, o), distinct, sorted
    articles: dict              # article node -> source file or None (typed gov:Article)
    bylines: dict               # article node -> set of person nodes (reporter, photographer)
    mentioned: dict             # node -> set of article nodes
    evidence: dict              # (s, raw predicate, o) -> sorted [(article, sentence)]


def _node(term) -> str:
    if isinstance(term, ox.NamedNode):
        return term.value
    if isinstance(term, ox.BlankNode):
        return "_:" + term.value
    return '"' + term.value + '"'     # a literal where a node belongs: matches nothing


def _rows(store, sparql: str):
    res = store.query(sparql, prefixes=PREFIXES, use_default_graph_as_union=True)
    names = [v.value for v in res.variables]
    for sol in res:
        yield [sol[n] for n in names]


def read_graph(store) -> GraphFacts:
    """Collect the facts scoring needs from a pyoxigraph store (see kg.graph.store.open_store)."""
    types = defaultdict(set)
    for n, c in _rows(store, "SELECT DISTINCT ?n ?c WHERE { ?n a ?c FILTER(isIRI(?c)) }"):
        types[_node(n)].add(c.value)
    subclass = sorted({(s.value, o.value) for s, o in _rows(
        store, "SELECT DISTINCT ?s ?o WHERE { ?s rdfs:subClassOf ?o FILTER(isIRI(?s) && isIRI(?o)) }")})
    labels = defaultdict(list)
    names = defaultdict(set)
    for n, p, v in _rows(store, "SELECT DISTINCT ?n ?p ?v WHERE { VALUES ?p { rdfs:label skos:altLabel } ?n ?p ?v }"):
        key = _node(n)
        nv = norm(v.value)
        if nv:
            names[key].add(nv)
        if p.value.endswith("#label"):
            labels[key].append(v.value)
    preds = " ".join(f"gov:{p}" for p in PREDS + ("hosts",))
    triples = sorted({(_node(s), p.value[len(GOV_IRI):], _node(o)) for s, p, o in _rows(
        store, f"SELECT DISTINCT ?s ?p ?o WHERE {{ VALUES ?p {{ {preds} }} ?s ?p ?o }}")})
    articles = {}
    for a, src in _rows(store, "SELECT DISTINCT ?a ?src WHERE { ?a a gov:Article OPTIONAL { ?a gov:sourceFile ?src } }"):
        key = _node(a)
        # An article with two source files keeps the smallest, so reading is order-free.
        v = src.value if src is not None else None
        if key not in articles or (v is not None and (articles[key] is None or v < articles[key])):
            articles[key] = v
    bylines = defaultdict(set)
    for a, person in _rows(store, "SELECT DISTINCT ?a ?x WHERE { VALUES ?p { gov:reporter gov:photographer } ?a ?p ?x }"):
        bylines[_node(a)].add(_node(person))
    mentioned = defaultdict(set)
    for n, a in _rows(store, "SELECT DISTINCT ?n ?a WHERE { ?n gov:mentionedIn ?a }"):
        mentioned[_node(n)].add(_node(a))
    evidence = defaultdict(set)
    for s, p, o, a, sent in _rows(store, """SELECT DISTINCT ?s ?p ?o ?a ?sent WHERE {
            ?e a gov:Evidence ; rdf:subject ?s ; rdf:predicate ?p ; rdf:object ?o .
            OPTIONAL { ?e gov:article ?a } OPTIONAL { ?e gov:sentence ?sent } }"""):
        if not p.value.startswith(GOV_IRI):
            continue
        evidence[(_node(s), p.value[len(GOV_IRI):], _node(o))].add(
            (_node(a) if a is not None else "", sent.value if sent is not None else ""))
    return GraphFacts(dict(types), subclass, {k: sorted(v) for k, v in labels.items()}, dict(names),
                      triples, articles, dict(bylines), dict(mentioned),
                      {k: sorted(v) for k, v in evidence.items()})


def ontology_subclass_pairs(files=None) -> list:
    """(sub, super) rdfs:subClassOf pairs of the ontology files (all ontology/*.ttl by default)."""
    sub = "http://www.w3.org/2000/01/rdf-schema#subClassOf"
    pairs = set()
    for f in (files if files is not None else ontology_files()):
        try:
            for t in ox.parse(path=str(f), format=ox.RdfFormat.TURTLE):
                if t.predicate.value == sub and isinstance(t.subject, ox.NamedNode) \
                        and isinstance(t.object, ox.NamedNode):
                    pairs.add((t.subject.value, t.object.value))
        except (SyntaxError, OSError) as e:
            raise KgError(f"{f}: not a readable ontology file ({e})") from None
    return sorted(pairs)


def restrict_to_page(facts: GraphFacts, source: str) -> GraphFacts:
    """The part of a graph built from one page: its articles (by gov:sourceFile), the entities
    mentioned in them, the relations evidenced in them and those relations' ends."""
    page = Path(source).name
    arts = {a for a, src in facts.articles.items() if src is not None and Path(src).name == page}
    triples = [t for t in facts.triples if any(a in arts for a, _ in facts.evidence.get(t, ()))]
    nodes = {n for n, where in facts.mentioned.items() if where & arts}
    nodes |= {t[0] for t in triples} | {t[2] for t in triples}
    nodes |= {x for a in arts for x in facts.bylines.get(a, ())}   # byline people are on the page
    return GraphFacts(
        types={n: c for n, c in facts.types.items() if n in nodes or n in arts},
        subclass=facts.subclass,
        labels=facts.labels,            # labels alone make no entity; keep all for display
        names={n: v for n, v in facts.names.items() if n in nodes},
        triples=triples,
        articles={a: facts.articles[a] for a in arts},
        bylines={a: v for a, v in facts.bylines.items() if a in arts},
        mentioned={n: v & arts for n, v in facts.mentioned.items() if n in nodes},
        evidence={t: [e for e in facts.evidence.get(t, ()) if e[0] in arts] for t in triples},
    )


# ------------------------------------------------------------------ scoring

def _closure(pairs, root: str) -> set:
    down = defaultdict(set)
    for s, o in pairs:
        down[o].add(s)
    out, todo = {root}, [root]
    while todo:
        for s in down[todo.pop()]:
            if s not in out:
                out.add(s)
                todo.append(s)
    return out


def graph_entities(facts: GraphFacts, onto_pairs) -> dict:
    """node -> (scored type, normalised names), typing through rdfs:subClassOf."""
    pairs = list(onto_pairs) + list(facts.subclass)
    classes = {t: _closure(pairs, GOV_IRI + t) for t in TYPES}
    visit = _closure(pairs, GOV_IRI + "Visit")
    ents = {}
    for node in sorted(facts.types):
        cs = facts.types[node]
        for t in TYPES:
            if cs & classes[t] and not (t == "Event" and cs & visit):
                ents[node] = (t, facts.names.get(node, set()))
                break
    return ents


def match_entities(ents: dict, gold: Gold) -> dict:
    """node -> set of gold keys it may stand for (shared name; else best fuzzy for some types)."""
    by_alias = defaultdict(set)
    by_type = defaultdict(list)
    for key, ge in gold.entities.items():
        by_type[ge.type].append(key)
        for a in ge.aliases:
            by_alias[(ge.type, a)].add(key)
    m = {}
    for node, (t, names) in ents.items():
        hit = set()
        for n in names:
            hit |= by_alias.get((t, n), set())
        if not hit and t in FUZZY and names:
            best, arg = 0.0, None
            for key in by_type[t]:     # the first gold entity reaching the best score wins
                d = max(dice(n, a) for n in names for a in gold.entities[key].aliases)
                if d > best:
                    best, arg = d, key
            if best >= FUZZY_MIN:
                hit = {arg}
        m[node] = hit
    return m


def _claim(nodes: list, hits: dict, gold: Gold) -> dict:
    """node -> gold key, claimed as score.py claims: each node in turn takes the free gold entity
    of least rank ("Type:file index:id", compared as a string) among those it matches."""
    claimed, out = set(), {}
    for n in nodes:
        free = hits[n] - claimed
        if free:
            k = min(free, key=lambda k: gold.entities[k].rank)
            claimed.add(k)
            out[n] = k
    return out


@dataclass
class Score:
    result: dict                # the score.py-shaped dict: entities, relations, articles
    errors: dict                # false positives and negatives with reasons and evidence


def score(facts: GraphFacts, gold: Gold, onto_pairs) -> Score:
    ents = graph_entities(facts, onto_pairs)
    m = match_entities(ents, gold)
    result = {"entities": {}, "relations": {}}
    err_ents = {}
    tot = [0, 0, 0]
    for t in TYPES:
        # score.py's order is the order rdflib yields nodes, which for a kg-built Turtle (written
        # sorted) is the IRI order; a node whose names hit two gold entities can make it matter.
        nodes = sorted(n for n, (tt, _) in ents.items() if tt == t)
        claim = _claim(nodes, m, gold)
        claimed = set(claim.values())
        tp = len(claim)
        fp = len(nodes) - tp
        gkeys = [k for k, ge in gold.entities.items() if ge.type == t]
        fn_keys = [k for k in gkeys if k not in claimed]
        result["entities"][t] = prf(tp, fp, len(fn_keys))
        tot = [tot[0] + tp, tot[1] + fp, tot[2] + len(fn_keys)]
        by_gold = defaultdict(list)
        for n, k in claim.items():
            by_gold[k].append(n)
        fps = []
        for n in nodes:
            if n in claim:
                continue
            if m[n]:
                k = sorted(m[n])[0]
                why = f"duplicate: gold {gold.entities[k].id} is matched by {compact(by_gold[k][0])}"
            else:
                why = "no gold entity of this type has these names"
            fps.append({"node": compact(n), "names": sorted(ents[n][1]), "why": why})
        fns = [{"gold": gold.entities[k].id, "aliases": sorted(gold.entities[k].aliases),
                "pages": gold.entities[k].sources} for k in fn_keys]
        err_ents[t] = {"fp": fps, "fn": fns}
    result["entities"]["all"] = prf(*tot)

    found = set()
    unmatched = Counter()
    err_fp = defaultdict(list)
    for s, raw, o in facts.triples:
        p, ss, oo = ("locatedIn", o, s) if raw == "hosts" else (raw, s, o)
        ms, mo = m.get(ss, set()), m.get(oo, set())
        good = {(a, p, b) for a in ms for b in mo} & gold.relations.keys()
        if good:
            found |= good
            continue
        unmatched[p] += 1
        if not ms:
            why = "subject matches no gold entity"
        elif not mo:
            why = "object matches no gold entity"
        else:
            why = "gold has no such relation between these entities"
        err_fp[p].append({"s": _show(facts, ss), "p": p, "o": _show(facts, oo), "via": raw, "why": why,
                          "evidence": [sent for _, sent in facts.evidence.get((s, raw, o), ())]})
    tot = [0, 0, 0]
    err_rels = {}
    for p in PREDS:
        tp = sum(1 for r in found if r[1] == p)
        missing = sorted(r for r in gold.relations if r[1] == p and r not in found)
        result["relations"][p] = prf(tp, unmatched[p], len(missing))
        tot = [tot[0] + tp, tot[1] + unmatched[p], tot[2] + len(missing)]
        err_rels[p] = {"fp": err_fp[p], "fn": [
            {"s": gold.entities[s].id, "p": p, "o": gold.entities[o].id,
             "evidence": [ev for _, ev in gold.relations[(s, p, o)]],
             "pages": sorted({src for src, _ in gold.relations[(s, p, o)]})}
            for s, _, o in missing]}
    result["relations"]["all"] = prf(*tot)

    by = set()
    for a in facts.articles:
        for person in facts.bylines.get(a, ()):
            by |= {norm(x) for x in facts.labels.get(person, ())}
    result["articles"] = {
        "found": len(facts.articles), "gold": gold.articles,
        "byline_recall": round(len(by & gold.bylines) / len(gold.bylines), 3) if gold.bylines else None}
    missed = sorted(gold.bylines - by)
    return Score(result, {"entities": err_ents, "relations": err_rels, "bylines_missed": missed})


def _show(facts: GraphFacts, node: str) -> str:
    """A node as a person reads it: its label, else its IRI shortened to res:…"""
    labels = facts.labels.get(node)
    return labels[0] if labels else compact(node)


def compact(node: str) -> str:
    """An IRI shortened to res:… and un-percent-escaped, for reading (never for lookup)."""
    return "res:" + unquote(node[len(RES_IRI):]) if node.startswith(RES_IRI) else node


# ------------------------------------------------------------------ one call for the command

def evaluate(graph_path, gold_paths, *, per_page: bool = False, errors: bool = False,
             ontology=None) -> dict:
    """Score ``graph_path`` against ``gold_paths``: the pooled result, and per page when asked.

    Returns ``{"entities", "relations", "articles"}`` (the shape score.py prints), with
    ``"errors"`` added when ``errors``; with ``per_page`` it is ``{"pages": [...], "pooled": {...}}``.
    """
    if not gold_paths:
        raise KgError("no gold files given (use --gold FILE.json, once per page)")
    gold = load_gold(gold_paths)
    facts = read_graph(open_store(graph_path))
    onto = ontology_subclass_pairs(ontology)

    def one(f, g):
        sc = score(f, g, onto)
        return {**sc.result, "errors": sc.errors} if errors else sc.result

    pooled = one(facts, gold)
    if not per_page:
        return pooled
    pages = []
    for path in gold_paths:
        g = load_gold([path])
        pages.append({"gold": str(path), "source": g.sources[0],
                      **one(restrict_to_page(facts, g.sources[0]), g)})
    return {"pages": pages, "pooled": pooled}


# ------------------------------------------------------------------ text output

def render(res: dict, *, title: str | None = None) -> str:
    """Aligned tables for one result dict (see ``evaluate``)."""
    cols = ["P", "R", "F1", "tp", "fp", "fn"]

    def rows(sec):
        # a type neither the gold nor the graph has on this page is "-", not a misleading 0.000
        return [[k] + (["    -"] * 3 if v["tp"] + v["fp"] + v["fn"] == 0 else [v["p"], v["r"], v["f1"]]) +
                [v["tp"], v["fp"], v["fn"]] for k, v in res[sec].items()]

    out = []
    if title:
        out.append(f"== {title}")
    out.append(render_table(["entities"] + cols, rows("entities")))
    out.append("")
    out.append(render_table(["relations"] + cols, rows("relations")))
    a = res["articles"]
    rec = "n/a (gold has no bylines)" if a["byline_recall"] is None else f"{a['byline_recall']:.3f}"
    out.append("")
    out.append(f"articles: {a['found']} found, {a['gold']} in gold; byline recall {rec}")
    if "errors" in res:
        out.append("")
        out.append(render_errors(res["errors"]))
    return "\n".join(out)


def render_errors(err: dict) -> str:
    """Every false positive and negative, grouped by type and predicate, with why and evidence."""
    out = []
    for t, e in err["entities"].items():
        if e["fp"]:
            out.append(render_table(["node", "names", "why"],
                                    [[x["node"], " / ".join(x["names"]), x["why"]] for x in e["fp"]],
                                    title=f"false positive {t} ({len(e['fp'])})", max_width=80))
            out.append("")
        if e["fn"]:
            out.append(render_table(["gold id", "aliases", "page"],
                                    [[x["gold"], " / ".join(x["aliases"]), " ".join(x["pages"])] for x in e["fn"]],
                                    title=f"false negative {t} ({len(e['fn'])})", max_width=80))
            out.append("")
    for p, e in err["relations"].items():
        if e["fp"]:
            out.append(render_table(["subject", "object", "why", "evidence"],
                                    [[x["s"], x["o"], x["why"], " | ".join(x["evidence"]) or "(none)"]
                                     for x in e["fp"]],
                                    title=f"false positive {p} ({len(e['fp'])})", max_width=80))
            out.append("")
        if e["fn"]:
            out.append(render_table(["subject", "object", "gold evidence", "page"],
                                    [[x["s"], x["o"], " | ".join(x["evidence"]), " ".join(x["pages"])]
                                     for x in e["fn"]],
                                    title=f"false negative {p} ({len(e['fn'])})", max_width=80))
            out.append("")
    if err.get("bylines_missed"):
        out.append("bylines missed: " + " ".join(err["bylines_missed"]))
    return "\n".join(out).rstrip()
