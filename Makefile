# The two commands of the README: `make demo` (the main job on the sample data)
# and `make test` (the whole suite, headless). Both set everything up first.
.PHONY: demo test setup package bench clean

demo: setup
	@bash scripts/demo.sh

test: setup
	@bash scripts/test.sh

setup:
	@bash scripts/setup.sh

package: setup
	@.venv/bin/python scripts/package.py

bench: setup
	@bash -c '. scripts/env.sh && .venv/bin/python bench/bench_flows.py'

clean:
	rm -rf dist output .qgis-profile
