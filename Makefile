# make demo   the whole loop on one machine (embedded defaults, nothing to configure)
# make test   every test: installs what is missing, starts PostgreSQL on 127.0.0.1
# make bench  measured figures next to references measured in the same run (release build)

.PHONY: demo test bench build release clean

demo:
	scripts/demo.sh

test:
	scripts/test.sh

bench:
	scripts/bench.sh

build:
	scripts/install-deps.sh
	swift build

release:
	scripts/install-deps.sh
	swift build -c release

clean:
	rm -rf .build bench-out
