"""The machinery of ``kg build``: pages through extraction on an engine (engines: this machine's
processes, or a dask cluster), results cached per page (cache), merged into sorted RDF and/or a
store (pipeline), with a pool of forked workers (workpool)."""
