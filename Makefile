# README's two commands: `make run` and `make test`. Both build the virtual environment first.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: run test eval bench lock clean

# The dependencies come from the lock (exact versions, hashes checked); then Quotewire itself, editable.
$(BIN)/quotewire: pyproject.toml requirements-test.lock
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --require-hashes -r requirements-test.lock
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps -e .
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

# Run after changing a dependency in pyproject.toml: pins every transitive dependency with its hashes.
PIP_COMPILE := pip-compile --quiet --generate-hashes --strip-extras --allow-unsafe --no-emit-index-url \
	--no-emit-trusted-host --no-emit-find-links
lock:
	$(PIP_COMPILE) --output-file requirements.lock pyproject.toml
	$(PIP_COMPILE) --extra test --output-file requirements-test.lock pyproject.toml

clean:
	rm -rf $(VENV) data .pytest_cache
