# Two commands a maintainer needs: `make serve` and `make test`. Each sets up what it needs.
# `make check` is the fast loop between them: the checker and the built site, no browser.
VENV   := .venv
PY     := $(VENV)/bin/python
PY_OK  := $(VENV)/.installed
NPM_OK := node_modules/.installed
PORT   ?= 8000

.PHONY: setup serve build check test catalogs browser bench clean

setup: $(PY_OK) $(NPM_OK)

$(PY_OK): requirements.txt
	python3 -m venv $(VENV)
	$(PY) -m pip install -q --disable-pip-version-check -r requirements.txt
	touch $@

$(NPM_OK): package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

# Compile the Babel catalogs into the JSON the checker reads (commit the result).
catalogs: $(PY_OK)
	$(PY) scripts/catalogs.py update
	$(PY) scripts/catalogs.py compile

build: setup
	$(PY) -m mkdocs build --strict --clean --site-dir site

serve: setup
	$(PY) -m mkdocs serve --dev-addr 127.0.0.1:$(PORT) --livereload

# Debian's chromium where apt can install it, else Playwright's own build.
browser: $(PY_OK)
	@command -v chromium >/dev/null || { command -v apt-get >/dev/null && [ "$$(id -u)" = 0 ] && \
	  (apt-get update -qq && apt-get install -y -qq chromium >/dev/null); } || \
	  $(PY) -m playwright install chromium

# The checker (in CPython, Pyodide and MicroPython) and the built site's tests, without
# Lighthouse (a minute or more of its own) and the browser suite (tests/browser).
check: setup
	$(PY) -m pytest -q tests/checker tests/site --ignore=tests/site/test_lighthouse.py

# Everything: check, Lighthouse and the browser suite.
test: setup browser
	$(PY) -m pytest

# Start-up in Chromium (from site/), then Lighthouse's mobile profile (builds its own sites).
bench: build browser
	$(PY) scripts/bench_assess.py
	$(PY) scripts/bench_site.py
	$(PY) scripts/bench_start.py
	$(PY) scripts/bench_lighthouse.py

clean:
	rm -rf site $(VENV) node_modules .pytest_cache
