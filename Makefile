# Shortcuts; each target calls the scripts that CI and the README use.
.PHONY: test demo lint docs screenshots

test:
	scripts/test

demo:
	scripts/demo

# ruff and mypy come with the dev tools (scripts/ensure-venv --dev); skipped with a note where not installed.
lint:
	scripts/ensure-venv --dev
	@if .venv/bin/python -m ruff --version >/dev/null 2>&1; then .venv/bin/python -m ruff check factionmap tests scripts; \
	else echo "ruff is not installed: skipped"; fi
	@if .venv/bin/python -m mypy --version >/dev/null 2>&1; then .venv/bin/python -m mypy factionmap; \
	else echo "mypy is not installed: skipped"; fi

docs:
	scripts/ensure-venv
	.venv/bin/python scripts/make_docs.py

# Refresh docs/screenshots/ from the browser tests (they write only to test-artifacts/ on their own).
screenshots:
	scripts/ensure-venv --dev
	scripts/update_screenshots
