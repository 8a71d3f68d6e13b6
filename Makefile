# newsfuse: two commands for a newcomer.
#   make demo  - install everything into .venv and summarize the bundled example cluster
#   make test  - install everything into .venv and run the tests
PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed

.PHONY: demo test setup system-deps lint bench quality-gate clean

demo: setup
	$(VENV)/bin/newsfuse summarize examples/lakeport-bridge --words 120

test: setup
	$(PY) -m pytest -q

setup: system-deps $(STAMP)

# Debian packages: Perl XML::DOM for the official ROUGE-1.5.5, Chromium for the browser test.
system-deps:
	@bash scripts/install-system-deps.sh

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q -e '.[all]'
	touch $(STAMP)

lint: setup
	$(VENV)/bin/ruff check src tests scripts
	$(VENV)/bin/mypy
	$(PY) scripts/make_example_jsonl.py --check

# ROUGE floors on the shared dev data (also part of `make test`; skips without ../shared/data)
quality-gate: setup
	$(PY) scripts/quality_gate.py

# The figures in BENCHMARKS.md (needs ../shared/data; about 10 minutes on 2 cores)
bench: setup
	$(VENV)/bin/newsfuse eval ../shared/data/tac2011_multiling_en.jsonl --words 250 --scorer both \
		--methods all --report reports/tac250
	$(VENV)/bin/newsfuse eval ../shared/data/tac2011_multiling_en.jsonl --words 100 --scorer perl \
		--methods all --report reports/tac100
	$(VENV)/bin/newsfuse eval ../shared/data/tac2011_multiling_en.jsonl --bytes 665 --scorer both \
		--methods all --report reports/tac665
	$(VENV)/bin/newsfuse eval ../shared/data/multi_news_val.jsonl.gz --words 100 --limit 1000 \
		--methods all --report reports/mn100
	$(VENV)/bin/newsfuse eval ../shared/data/multi_news_val.jsonl.gz --words 250 --limit 1000 \
		--methods all --report reports/mn250
	$(PY) scripts/bench_batch.py --limit 1000 --workers 2
	$(PY) scripts/bench_batch.py --dir --limit 200 --workers 2
	$(PY) scripts/bench_limits.py
	$(PY) scripts/bench_server.py --seconds 30

clean:
	rm -rf $(VENV) build *.egg-info
