# Two commands from a fresh clone: `make demo` and `make test`. Each sets itself up first.
PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
CHROMIUM ?= $(shell command -v chromium || command -v chromium-browser || echo /usr/bin/chromium)
PORT ?= 8899

.PHONY: setup demo test lint jstest bench clean check-chromium

setup: $(VENV)/.installed

# npm first: the editable install runs the esbuild bundle through hatch-jupyter-builder.
$(VENV)/.installed: pyproject.toml package.json
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	npm ci --no-audit --no-fund --loglevel=error
	$(PY) -m pip install -q -e ".[dev]"
	touch $@

demo: setup
	@echo "Opening examples/fruits.ipynb in JupyterLab: the URL with its token follows."
	$(PY) -m jupyterlab --no-browser --ServerApp.ip=127.0.0.1 --ServerApp.port=$(PORT) \
		$(if $(filter 0,$(shell id -u)),--ServerApp.allow_root=True) examples/fruits.ipynb

lint: setup
	$(VENV)/bin/ruff check src tests benchmarks examples
	$(VENV)/bin/ruff format --check src tests benchmarks examples
	npm run --silent typecheck

jstest: setup
	npm run --silent build
	npx vitest run

# Missing chromium: as root (or with passwordless sudo) on Debian/Ubuntu, install it and say so;
# otherwise say how. The browser tests need a system Chromium (no browser downloads here).
check-chromium:
	@if [ ! -x "$(CHROMIUM)" ]; then \
	  if command -v apt-get >/dev/null 2>&1 && { [ "$$(id -u)" = 0 ] || sudo -n true 2>/dev/null; }; then \
	    sudo=""; [ "$$(id -u)" = 0 ] || sudo="sudo -n"; \
	    echo "Chromium was not found: installing Debian's chromium package for the browser tests (apt-get, about a minute)."; \
	    $$sudo env DEBIAN_FRONTEND=noninteractive apt-get update -qq && \
	    $$sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null || exit 1; \
	  else \
	    echo "Chromium is needed for the browser tests and was not found."; \
	    echo "On Debian/Ubuntu: sudo apt-get install -y chromium  (or set CHROMIUM=/path/to/chromium)"; exit 1; \
	  fi; \
	fi
	@"$(if $(wildcard $(CHROMIUM)),$(CHROMIUM),/usr/bin/chromium)" --version 2>/dev/null | grep -i chromium || true

# pytest last: its summary is the closing line.
test: setup lint jstest check-chromium
	DENDROWIDGET_CHROMIUM="$(CHROMIUM)" $(PY) -m pytest -q

# All benchmarks, anchors measured in the same run (about 11 minutes on 2 cores).
bench: setup check-chromium
	$(PY) benchmarks/engine.py
	$(PY) benchmarks/cuts.py
	$(PY) benchmarks/scale.py
	$(PY) benchmarks/browser.py
	$(PY) benchmarks/standalone.py
	$(PY) benchmarks/summary.py
	$(PY) benchmarks/heatmap_browser.py
	$(PY) benchmarks/messages.py

clean:
	rm -rf $(VENV) node_modules src/dendrowidget/static artifacts .pytest_cache .hypothesis
