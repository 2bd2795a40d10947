# The two commands of the README: `make demo` (the main job on the sample data)
# and `make test` (the whole suite, headless). Both set everything up first.
.PHONY: demo test test-matrix setup package bench clean

demo: setup
	@bash scripts/demo.sh

test: setup
	@bash scripts/test.sh

# The compatibility matrix: QGIS 3.22 here, 3.40 LTR and 3.44 in Debian chroots (Debian's own
# Python libraries, no pip). `make test-matrix VERSIONS="3.40 3.44"` runs a subset.
test-matrix: setup
	@bash scripts/matrix.sh $(VERSIONS)

setup:
	@bash scripts/setup.sh

package: setup
	@.venv/bin/python scripts/package.py

bench: setup
	@bash -c '. scripts/env.sh && .venv/bin/python bench/bench_flows.py'

clean:
	rm -rf dist output .qgis-profile
