"""Facts to RDF and back: the vocabulary and ontology files (vocab), page facts as N-Triples blocks
and the output formats (rdf, shards: sorted, deduplicated, written atomically), and the on-disk
Oxigraph store (store)."""
