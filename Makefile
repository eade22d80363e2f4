# VitaalThuis: the two commands a newcomer needs are `make run` and `make test`.
# Each creates .venv when it is missing and installs the project into it (editable).

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
TS     := $(wildcard resources/i18n/*.ts)
QM     := $(TS:.ts=.qm)

.PHONY: run test venv translations clean screenshots

run: $(STAMP) translations
	$(BIN)/vitaalthuis $(ARGS)

test: $(STAMP) translations
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest $(PYTEST_ARGS)

venv: $(STAMP)

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
update-translations: $(STAMP)
	$(BIN)/pyside6-lupdate -no-obsolete -locations none $$(find src/vitaalthuis/ui -name '*.py') -ts $(TS)

screenshots: $(STAMP) translations
	xvfb-run -a -s "-screen 0 1280x800x24" $(BIN)/python tools/screenshot.py shots --lang nl
	xvfb-run -a -s "-screen 0 1280x800x24" $(BIN)/python tools/screenshot.py shots --lang en

clean:
	rm -rf $(VENV) build dist .pytest_cache $(QM)
