# README's two commands: `make run` and `make test`. Both build the virtual environment first.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: run test eval bench clean

$(BIN)/quotewire: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e '.[test]'
	touch $@

run: $(BIN)/quotewire
	$(BIN)/quotewire db upgrade
	$(BIN)/quotewire ingest --if-empty --source "Quotewire samples" app/samples
	$(BIN)/quotewire serve --host $(HOST) --port $(PORT)

test: $(BIN)/quotewire
	$(BIN)/python -m pytest

eval: $(BIN)/quotewire
	$(BIN)/quotewire eval ../shared/corpus/seed
	$(BIN)/quotewire eval --no-errors ../shared/corpus/styles
	$(BIN)/quotewire eval --no-errors ../shared/corpus/polnear-dev

bench: $(BIN)/quotewire
	$(BIN)/python bench/extract_speed.py ../shared/corpus/polnear-dev --repeat 3

clean:
	rm -rf $(VENV) data .pytest_cache
