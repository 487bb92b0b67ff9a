"""What a graph is read for once built: its data as Python objects (graphdata), the HTML view
(view, focus) and report site (report), exports (export), counts (stats), SPARQL (query, serve),
SHACL validation (validate, shacl_sparql) and scoring against gold (evaluate); tables renders text tables."""
