# Thin wrapper: every step is `python -m kinerja <step>` (see scripts/kinerja/cli.py);
# the benchmarks, outside the product, are `python -m bench` (scripts/bench/).
VENV      ?= .venv
PYTHON    ?= python3
PY        := $(VENV)/bin/python
STAMP     := $(VENV)/.terpasang
export PYTHONPATH := $(CURDIR)/scripts
export PYTHONDONTWRITEBYTECODE := 1

.PHONY: setup validate generate site serve test test-fast lint format bench lock import prepare-upload check-upload template deploy deploy-plan clean

# The locked, hashed dependencies, then this project itself (editable: the `kinerja` command runs the checkout).
# uv (pinned by hash in requirements-uv.lock) installs them with the same hash check, about ten times faster
# than pip; where uv cannot be installed (no wheel for this machine, no network to its index), pip does it
# as before. A failure of uv's install itself fails the setup (docs/keputusan.md, "uv memasang kunci").
PIP := $(VENV)/bin/pip --quiet --disable-pip-version-check
UV  := $(VENV)/bin/uv pip install --quiet --python $(PY)
$(STAMP): requirements.lock requirements-uv.lock pyproject.toml
	@command -v $(PYTHON) >/dev/null || { echo "GAGAL: $(PYTHON) tidak ditemukan. Pasang Python 3.11 atau lebih baru." >&2; exit 2; }
	$(PYTHON) -m venv $(VENV)
	@if $(PIP) install --require-hashes -r requirements-uv.lock; then \
		echo "$(UV) --compile-bytecode --require-hashes -r requirements.lock"; \
		$(UV) --compile-bytecode --require-hashes -r requirements.lock && \
		$(UV) --no-deps --no-build-isolation -e .; \
	else \
		echo "uv tidak dapat dipasang; memasang dengan pip (lebih lambat)." >&2; \
		$(PIP) install --require-hashes -r requirements.lock && \
		$(PIP) install --no-deps --no-build-isolation -e .; \
	fi
	touch $@

setup: $(STAMP)

validate: setup
	$(PY) -m kinerja validate

generate: setup
	$(PY) -m kinerja generate

site: setup
	$(PY) -m kinerja build

serve: generate
	$(PY) -m mkdocs serve --dev-addr 127.0.0.1:8000

# The Zensical build of the search tests needs .venv-bench (zensical, pagefind; requirements-bench.lock).
# Tests run on one worker more than the cores (a browser waits on timers; the fast tier alone, which
# waits for nothing, on one per core), a whole test file per worker
# (module fixtures are set up once), browser and site files first (tests/conftest.py); the unchanged site
# is built once per session for all workers (tests/_site.py); the 20 slowest are named at the end. Tests
# may write bytecode (git-ignored __pycache__/): every worker and build step would otherwise compile the
# tests and the package again.
TEST_BYTECODE := PYTHONDONTWRITEBYTECODE=
# mypy (one core, about 15 s without its cache) runs while .venv-bench installs (mostly downloads); its
# output is printed when both are done, and either failing fails the target.
test: setup
	$(PY) -m ruff check scripts tests main.py
	$(PY) -m ruff format --check scripts tests main.py
	@out=$$(mktemp); $(PY) -m mypy >"$$out" 2>&1 & mypy=$$!; \
	echo "$(PY) -m bench --hanya-pasang"; $(PY) -m bench --hanya-pasang; bench=$$?; \
	wait $$mypy; typed=$$?; echo "$(PY) -m mypy"; cat "$$out"; rm -f "$$out"; \
	test $$bench -eq 0 -a $$typed -eq 0
	$(TEST_BYTECODE) $(PY) -m pytest -n auto --dist loadfile --no-loadscope-reorder --durations=20

test-fast: setup
	$(PY) -m ruff check scripts tests main.py
	$(TEST_BYTECODE) $(PY) -m pytest -m fast -q -n auto --dist loadfile --no-loadscope-reorder

lint: setup
	$(PY) -m ruff check scripts tests main.py

format: setup
	$(PY) -m ruff format scripts tests main.py

bench: setup
	$(PY) -m bench $(if $(SKALA),--skala $(SKALA)) $(if $(TAMBAHAN),--tambahan) $(if $(BANDING),--banding $(BANDING)) $(if $(HANYA_BANDING),--hanya-banding)

# make import SRC=berkas [KANTOR=6472] [ALASAN="…" TANGGAL=2/5/2024] (a revision needs both);
# what it wrote is staged with git (git add), ready to commit.
import: setup
	$(PY) -m kinerja import "$(SRC)" $(if $(KANTOR),--kantor "$(KANTOR)") $(if $(ALASAN),--alasan "$$ALASAN") $(if $(TANGGAL),--tanggal "$$TANGGAL")

# The browser path (.github/workflows/periksa-unggahan.yml): bring the branch up to date with
# BASE (a commit of main), then import every file in masukan/, build, report.
prepare-upload: setup
	$(PY) -m kinerja prepare-upload --base "$(BASE)" $(if $(REPORT),--report "$(REPORT)")

check-upload: setup
	$(PY) -m kinerja check-upload $(if $(REPORT),--report "$(REPORT)") $(if $(PATCH),--patch "$(PATCH)") \
		$(if $(TREE),--tree "$(TREE)") $(if $(KETERANGAN),--keterangan "$(KETERANGAN)")

# Realisation sheets (XLSX) to fill in, by default into masukan/lembar/ (git-ignored):
# make template [DOKUMEN=RKT24-S] [OUT=folder] [TIMPA=1]
template: setup
	$(PY) -m kinerja template $(if $(OUT),--output $(OUT)) $(if $(DOKUMEN),--dokumen $(DOKUMEN)) $(if $(TIMPA),--timpa)

# National hosting (docs/hosting-nasional.md): upload site/ shard by shard (site/shards.json) with rclone.
# make deploy-plan TUJUAN=r2:kinerja-situs prints the commands only; make deploy runs them.
deploy: setup
	$(PY) -m kinerja deploy --tujuan "$(TUJUAN)"

deploy-plan: setup
	$(PY) -m kinerja deploy --tujuan "$(TUJUAN)" --dry-run

lock:
	$(PYTHON) -m venv .venv-lock
	.venv-lock/bin/pip install --quiet pip-tools==7.6.2
	.venv-lock/bin/pip-compile --quiet --generate-hashes --allow-unsafe --strip-extras --no-emit-index-url --no-emit-find-links --extra test -o requirements.lock pyproject.toml
	.venv-lock/bin/pip-compile --quiet --generate-hashes --allow-unsafe --strip-extras --no-emit-index-url --no-emit-find-links -o requirements-uv.lock requirements-uv.in
	rm -rf .venv-lock

clean:
	rm -rf site .site-baru-* .tembolok .tembolok-kerja-* content/kinerja content/api content/berkas
