# The two commands of the README: `make demo` and `make test`. Both install what they need.
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
KG := $(BIN)/kg
STAMP := $(VENV)/.installed
SHARED ?= ../shared

.PHONY: install demo test test-slow eval bench bench-doc clean

$(BIN)/python:
	$(PY) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip

$(STAMP): $(BIN)/python setup.cfg pyproject.toml
	$(BIN)/python -m pip install -q -e '.[test]'
	@# an editable install compiles nothing, and with PYTHONDONTWRITEBYTECODE set (as on CI) every
	@# kg command would compile its modules again: 0.2 s of each command's start-up
	$(BIN)/python -m compileall -q kg
	touch $(STAMP)

install: $(STAMP)

demo: $(STAMP)
	@mkdir -p out
	$(KG) build -o out/graph.ttl
	$(KG) validate out/graph.ttl
	$(KG) view out/graph.ttl -o out/graph.html
	$(KG) report out/graph.ttl -o out/report
	$(KG) stats out/graph.ttl

# -n auto: one pytest worker per core (pytest-xdist); --dist loadfile: a file's tests run on one worker, in
# order (the README's examples build a graph the later ones read); run a single file with
# .venv/bin/python -m pytest FILE
test: $(STAMP)
	$(BIN)/python -m pytest -q -n auto --dist loadfile

# the suites marked slow (browser, fuzzing, signals, a benchmark run): CI runs them after make test
test-slow: $(STAMP)
	$(BIN)/python -m pytest -q -m slow

eval: $(STAMP)
	@mkdir -p out
	@echo "== the 荆州区 pages ($(SHARED)/corpus/jingzhou), per page and pooled"
	$(KG) build $(SHARED)/corpus/jingzhou -o out/jz.ttl -q
	$(KG) eval out/jz.ttl --per-page $(addprefix --gold ,$(wildcard $(SHARED)/gold/*.json))
	@echo "== other districts ($(SHARED)/corpus/external), home from the manifest, pooled"
	$(KG) build $(SHARED)/corpus/external --manifest $(SHARED)/corpus/external/manifest.json -o out/ext.ttl -q
	$(KG) eval out/ext.ttl $(addprefix --gold ,$(wildcard $(SHARED)/gold/external/*.json))
	@echo "== other districts, home inferred from each page, pooled"
	$(KG) build $(SHARED)/corpus/external -o out/ext-inferred.ttl -q
	$(KG) eval out/ext-inferred.ttl $(addprefix --gold ,$(wildcard $(SHARED)/gold/external/*.json))

# e.g. make bench BENCH_ARGS="--quick" or BENCH_ARGS="--sizes 10000 --json out/bench.json"
BENCH_ARGS ?=
bench: $(STAMP)
	$(BIN)/python -m kg.dev.bench $(BENCH_ARGS)

# the figures of docs/PERFORMANCE.md: a bench run into BENCH_JSON, then the tables rendered from it
# (tests/test_benchdoc.py fails when the document and the JSON disagree). A run of the largest
# size alone: make bench-doc BENCH_JSON=docs/bench-scale.json BENCH_ARGS="--sizes 100000 --throughput-articles 50 --rounds 1"
BENCH_JSON ?= docs/bench.json
bench-doc: $(STAMP)
	$(BIN)/python -m kg.dev.bench $(BENCH_ARGS) --json $(BENCH_JSON)
	$(BIN)/python -m kg.dev.benchdoc

clean:
	rm -rf out build *.egg-info
