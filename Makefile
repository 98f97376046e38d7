# Two commands for a fresh Debian 12 machine (see README.md):
#   make demo   installs missing packages, builds, writes out/vsr-norway.{pdf,xlsx}
#   make test   installs missing packages (with the test clients), builds, runs every test
BUILD_DIR ?= build
JOBS ?= $(shell nproc)
CMAKE_FLAGS ?= -DCMAKE_BUILD_TYPE=RelWithDebInfo

.PHONY: all deps deps-test configure build demo test clean

all: build

deps:
	scripts/install-deps.sh build

deps-test:
	scripts/install-deps.sh test

configure:
	cmake -S . -B $(BUILD_DIR) -G Ninja $(CMAKE_FLAGS)

build: deps configure
	cmake --build $(BUILD_DIR) -j $(JOBS)

demo: build
	$(BUILD_DIR)/bin/sdgreport build samples/vsr-norway/report.yaml -o out
	@echo "demo: wrote out/vsr-norway.pdf and out/vsr-norway.xlsx"

test: deps-test configure
	cmake --build $(BUILD_DIR) -j $(JOBS)
	ctest --test-dir $(BUILD_DIR) --output-on-failure -j $(JOBS)

clean:
	rm -rf $(BUILD_DIR) out
