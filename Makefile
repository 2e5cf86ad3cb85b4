# Two commands on a fresh machine: `make report` and `make test`.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
ARTICLE ?= data/articles/aljazeera-2022-03-18-biden-xi-call-russia.txt

.PHONY: setup report test properties lab bench lint semantic clean

$(STAMP): requirements.txt requirements-dev.txt pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements.txt -r requirements-dev.txt
	$(BIN)/python -m pip install --quiet --no-deps -e .
	$(BIN)/python -m ipykernel install --sys-prefix --name news-report --display-name "News report (project .venv)"
	touch $(STAMP)

setup: $(STAMP)

report: $(STAMP)
	$(BIN)/python -m analysis report $(ARTICLE)

test: $(STAMP)
	$(BIN)/python -m pytest

# the property tests at length (3,000 examples each instead of make test's 60)
properties: $(STAMP)
	HYPOTHESIS_PROFILE=long $(BIN)/python -m pytest tests/test_properties.py -q --hypothesis-show-statistics

lab: $(STAMP)
	$(BIN)/jupyter lab notebooks

bench: $(STAMP)
	@for f in bench/bench_*.py; do echo "== $$f"; $(BIN)/python $$f || exit 1; done
	@echo "== bench/polnear.py"; $(BIN)/python bench/polnear.py

semantic: $(STAMP)
	$(BIN)/python -m pip install --quiet -e '.[semantic]'

lint: $(STAMP)
	$(BIN)/ruff check analysis tests bench

clean:
	rm -rf $(VENV) reports/*/
