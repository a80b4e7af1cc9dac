.PHONY: install run test lint migrate migration bench

install:  ## create .venv and install the project with its dev tools
	test -x .venv/bin/python || python3 -m venv .venv
	.venv/bin/python -m pip install --quiet --disable-pip-version-check -e '.[dev]'

run: install  ## everything in one process on the embedded SQLite default
	.venv/bin/starscalendars run

test:  ## install, lint, type-check and run the whole suite
	./scripts/test

lint:
	.venv/bin/ruff check . && .venv/bin/ruff format --check . && .venv/bin/mypy

migrate:
	.venv/bin/starscalendars migrate

migration:  ## make migration m="what changed"
	.venv/bin/alembic revision --autogenerate -m "$(m)"

bench:
	.venv/bin/python -m bench.astro_bench
	.venv/bin/python -m bench.i18n_bench
