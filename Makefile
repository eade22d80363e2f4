# VitaalThuis: the two commands a newcomer needs are `make run` and `make test`.
# Each creates .venv when it is missing and installs the project into it (editable).

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
TS     := $(wildcard resources/i18n/*.ts)
QM     := $(TS:.ts=.qm)

.PHONY: run test lint venv translations clean screenshots package package-test smoke-test bench

run: $(STAMP) translations
	$(BIN)/vitaalthuis $(ARGS)

test: $(STAMP) translations
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest $(PYTEST_ARGS)

venv: $(STAMP)

# Static checks: ruff, the import contracts of pyproject.toml (layers), no import cycles, mypy.
LINT_STAMP := $(VENV)/.installed-lint

$(LINT_STAMP): $(STAMP)
	$(BIN)/python -m pip install --quiet -e '.[test,lint]'
	@touch $@

lint: $(LINT_STAMP)
	$(BIN)/ruff check src tests tools bench
	$(BIN)/lint-imports
	$(BIN)/python tools/import_cycles.py
	$(BIN)/mypy

$(STAMP): pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV) || { \
	  echo "Could not create a virtual environment. On Debian/Ubuntu: sudo apt install python3-venv"; exit 1; }
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	@touch $@

translations: $(QM)

resources/i18n/%.qm: resources/i18n/%.ts $(STAMP)
	$(BIN)/pyside6-lrelease -silent $< -qm $@

# Refresh the .ts sources from the code after changing window texts (then translate the new entries).
# English is the source language: its file holds only the plural forms (-pluralonly), filled from
# tools/plural_forms.py like the Dutch ones.
update-translations: $(STAMP)
	$(BIN)/pyside6-lupdate -no-obsolete -locations none $$(find src/vitaalthuis/ui -name '*.py') \
	  -ts resources/i18n/vitaalthuis_nl.ts
	$(BIN)/pyside6-lupdate -pluralonly -no-obsolete -locations none $$(find src/vitaalthuis/ui -name '*.py') \
	  -ts resources/i18n/vitaalthuis_en.ts
	$(BIN)/python tools/ts_plurals.py resources/i18n/vitaalthuis_nl.ts tools/plural_forms.py || true
	$(BIN)/python tools/ts_plurals.py resources/i18n/vitaalthuis_en.ts tools/plural_forms.py || true

screenshots: $(STAMP) translations
	xvfb-run -a -s "-screen 0 1280x800x24" $(BIN)/python tools/screenshot.py shots --lang nl
	xvfb-run -a -s "-screen 0 1280x800x24" $(BIN)/python tools/screenshot.py shots --lang en

# Packaging (packaging/README.md). The frozen folder and the .deb land in dist/.
PKG_STAMP := $(VENV)/.installed-package

$(PKG_STAMP): $(STAMP)
	$(BIN)/python -m pip install --quiet -e '.[test,package]'
	@touch $@

package: $(PKG_STAMP) translations
	bash packaging/linux/build_deb.sh

# Builds the .deb, installs it with dpkg -i, runs the installed app, removes it. Needs root; takes ~1 minute.
package-test: $(PKG_STAMP) translations
	bash packaging/linux/package_test.sh

# The headless self-check of the source tree (the frozen app runs the same: vitaalthuis --smoke-test).
smoke-test: $(STAMP) translations
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m vitaalthuis.selfcheck

clean:
	rm -rf $(VENV) build dist .pytest_cache $(QM)

# Benchmarks (numbers, never assertions): writes bench/results.md. Needs xvfb and xauth.
bench: $(STAMP) translations
	xvfb-run -a -s "-screen 0 1280x800x24" $(BIN)/python bench/run.py --runs 10
