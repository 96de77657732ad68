# Two commands: `make run` and `make test`. Each creates .venv and installs what it needs.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: run test lint typecheck bench clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e ".[test]"
	touch $(STAMP)

run: $(STAMP)
	FEEDLINE_DATA_DIR=$${FEEDLINE_DATA_DIR:-.feedline} $(BIN)/python examples/serve_example.py

test: $(STAMP)
	$(BIN)/python -m pytest -q

lint: $(STAMP)
	$(BIN)/ruff check feedline tests bench examples
	$(BIN)/mypy

bench: $(STAMP)
	$(BIN)/python bench/pipeline_bench.py
	$(BIN)/python bench/extract_bench.py
	$(BIN)/python bench/validate_bench.py
	$(BIN)/python bench/automap_eval.py --cases ../shared/mapping-bench
	$(BIN)/python bench/automap_speed.py
	$(BIN)/python bench/edit_bench.py
	$(BIN)/python bench/grid_bench.py
	$(BIN)/python bench/learning_loop.py

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache
