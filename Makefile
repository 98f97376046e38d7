# Two commands for a fresh Debian 12 machine (see README.md):
#   make demo   installs missing packages, builds the command and its plugins only, writes out/vsr-norway.*
#   make test   installs missing packages (with the test clients), builds everything, runs every test
#   make package  a Debian package (build/sdgreport_<version>_<arch>.deb) for `apt install ./…deb`
# and, for developers and CI (see docs/testing.md):
#   make test-sanitize   the whole suite again under ASan + UBSan with leak checking (build-sanitize/)
#   make fuzz            every libFuzzer target for FUZZ_SECONDS each (build-fuzz/, clang)
BUILD_DIR ?= build
JOBS ?= $(shell nproc)
CMAKE_FLAGS ?= -DCMAKE_BUILD_TYPE=RelWithDebInfo
# ccache, when installed, makes rebuilds (and the second build of `.ci/run`) cheap;
# without it nothing changes.
ifneq ($(shell command -v ccache 2>/dev/null),)
CMAKE_FLAGS += -DCMAKE_CXX_COMPILER_LAUNCHER=ccache -DCMAKE_C_COMPILER_LAUNCHER=ccache
endif

SANITIZE_DIR ?= build-sanitize
FUZZ_DIR ?= build-fuzz
FUZZ_SECONDS ?= 60
FUZZ_TARGETS ?= definition markdown csv opensdg jsonstat json_model px

.PHONY: all deps deps-test deps-fuzz configure build product demo package test test-sanitize fuzz clean

all: build

deps:
	scripts/install-deps.sh build

deps-test:
	scripts/install-deps.sh test

deps-fuzz:
	scripts/install-deps.sh fuzz

configure:
	cmake -S . -B $(BUILD_DIR) -G Ninja $(CMAKE_FLAGS)

build: deps configure
	cmake --build $(BUILD_DIR) -j $(JOBS)

# The command and every plugin and format, no tests (the `product` target).
product: deps configure
	cmake --build $(BUILD_DIR) -j $(JOBS) --target product

demo: product
	$(BUILD_DIR)/bin/sdgreport build samples/vsr-norway/report.yaml -o out
	@echo "demo: wrote the sample's outputs to out/ (ls out)"

# CPack DEB (cmake/Packaging.cmake): the product, its docs and the samples under /usr.
package: product
	cd $(BUILD_DIR) && cpack -G DEB
	@ls $(BUILD_DIR)/sdgreport_*.deb

test: deps-test configure
	cmake --build $(BUILD_DIR) -j $(JOBS)
	ctest --test-dir $(BUILD_DIR) --output-on-failure -j $(JOBS)

# Sanitizer runs: every report goes to $(SANITIZE_DIR)/sanitizer-logs (log_path) with
# its own exit code 86, so a report in a child process whose status a test ignores
# (an isolated plugin, a CLI run expected to fail) is still caught by the check below.
# allocator_may_return_null=1: malloc returns NULL at a memory limit (as it does
# without ASan) instead of ASan aborting; the isolation tests rely on it.
# The LSan suppressions are third-party leaks only, each explained in the file.
SAN_LOGS = $(CURDIR)/$(SANITIZE_DIR)/sanitizer-logs
SAN_ENV = ASAN_OPTIONS=detect_leaks=1:exitcode=86:allocator_may_return_null=1:log_path=$(SAN_LOGS)/asan \
          UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1:exitcode=86:log_path=$(SAN_LOGS)/ubsan \
          LSAN_OPTIONS=suppressions=$(CURDIR)/tests/sanitizers/lsan.supp:print_suppressions=0

test-sanitize: deps-test
	cmake -S . -B $(SANITIZE_DIR) -G Ninja $(CMAKE_FLAGS) -DSDGREPORT_SANITIZE=ON
	cmake --build $(SANITIZE_DIR) -j $(JOBS)
	rm -rf $(SAN_LOGS) && mkdir -p $(SAN_LOGS)
	$(SAN_ENV) ctest --test-dir $(SANITIZE_DIR) --output-on-failure -j $(JOBS)
	@if [ -n "$$(ls -A $(SAN_LOGS))" ]; then \
	  for f in $(SAN_LOGS)/*; do echo "== $$f"; cat "$$f"; done; \
	  echo "test-sanitize: $$(ls $(SAN_LOGS) | wc -l) sanitizer report(s), see above" >&2; exit 1; \
	fi
	@echo "test-sanitize: suite green, 0 ASan/UBSan/LSan reports"

# libFuzzer: one target per reader (tests/fuzz/), each run FUZZ_SECONDS in turn on a
# copy of its seed corpus (tests/fuzz/corpus/<target>) in $(FUZZ_DIR)/corpus/<target>.
# A crash, timeout or OOM leaves its input in $(FUZZ_DIR)/artifacts/<target>/;
# copy it to tests/fuzz/regressions/<target>/ so that `make test` replays it.
fuzz: deps-fuzz
	CC=clang-14 CXX=clang++-14 cmake -S . -B $(FUZZ_DIR) -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
	  -DSDGREPORT_FUZZ=ON -DSDGREPORT_BUILD_TESTS=OFF
	cmake --build $(FUZZ_DIR) -j $(JOBS) --target sdgreport_fuzzers
	FUZZ_DIR=$(FUZZ_DIR) FUZZ_SECONDS=$(FUZZ_SECONDS) tests/fuzz/run.sh $(FUZZ_TARGETS)

clean:
	rm -rf $(BUILD_DIR) $(SANITIZE_DIR) $(FUZZ_DIR) out
