# Two commands: `make run` and `make test`. Each creates .venv and installs what it needs.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: run test lint typecheck bench clean bytecode

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e ".[test]"
	touch $(STAMP)

# Bytecode is compiled up front (only what changed): a shell that sets
# PYTHONDONTWRITEBYTECODE would otherwise compile every module in every process it starts.
bytecode: $(STAMP)
	$(BIN)/python -m compileall -q feedline

run: bytecode
	FEEDLINE_DATA_DIR=$${FEEDLINE_DATA_DIR:-.feedline} $(BIN)/python examples/serve_example.py

test: bytecode
	$(BIN)/python -m pytest -q

lint: $(STAMP)
	$(BIN)/ruff check feedline tests bench examples
	$(BIN)/mypy

bench: $(STAMP)
	$(BIN)/pip install --quiet -e ".[test,bench]"
	$(BIN)/python bench/e2e.py --rows 1000000
	$(BIN)/python bench/extract_bench.py
	$(BIN)/python bench/validate_bench.py
	$(BIN)/python bench/automap_eval.py --cases ../shared/mapping-bench
	$(BIN)/python bench/automap_speed.py
	$(BIN)/python bench/edit_bench.py
	$(BIN)/python bench/egress_bench.py
	$(BIN)/python bench/grid_bench.py
	$(BIN)/python bench/learning_loop.py
	if [ -n "$$FEEDLINE_TEST_DATABASE_URL" ]; then $(BIN)/python bench/scale_bench.py; fi

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache
