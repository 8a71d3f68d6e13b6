# newsfuse: two commands for a newcomer.
#   make demo  - install everything into .venv and summarize the bundled example cluster
#   make test  - install everything into .venv and run the tests
PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed

.PHONY: demo test setup system-deps lint bench clean

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
	$(VENV)/bin/ruff check src tests
	$(VENV)/bin/mypy

clean:
	rm -rf $(VENV) build *.egg-info
