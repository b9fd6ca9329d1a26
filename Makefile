# Two commands set up and run everything on a fresh machine: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
export PREFECT_SERVER_ANALYTICS_ENABLED := false
export PREFECT_HOME ?= $(CURDIR)/.prefect
export PREFECT_LOGGING_LEVEL ?= WARNING

.PHONY: run test lint typecheck fuzz bench report clean-warehouse

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	$(BIN)/python -m flows.api  # Prefect's database made ready (migrations), not on the first run
	touch $(STAMP)

run: $(STAMP)  ## main job on the sample articles
	$(BIN)/presseschau run

test: $(STAMP)  ## the whole test suite, with the quality gates
	-bash .ci/ensure-chromium.sh
	$(BIN)/pytest

lint: $(STAMP)
	$(BIN)/ruff check . && $(BIN)/ruff format --check .

typecheck: $(STAMP)
	$(BIN)/mypy

fuzz: $(STAMP)  ## long fuzz run (make test runs a few seconds of it)
	FUZZ_EXAMPLES=20000 $(BIN)/pytest tests/presseschau/test_fuzz.py -q

bench: $(STAMP)  ## benchmark at 1k, 10k and 100k documents
	$(BIN)/presseschau bench --n 1000 --n 10000 --n 100000 --output benchmarks/results.json

report: $(STAMP)
	$(BIN)/presseschau report --output report.html

clean-warehouse:
	rm -f warehouse/presseschau.duckdb warehouse/presseschau.duckdb.*
