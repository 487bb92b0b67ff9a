"""Tools for developing govkg, not part of a build: the benchmark (``python -m kg.dev.bench``,
``make bench``) and the synthetic corpus it and the scale tests build on (synth, also ``kg synth``).
No runtime module imports these; only the ``kg synth`` command does (the import-linter contract
in setup.cfg holds both)."""
