// Benchmark (not a test): the sdmx plugin reading a big SDMX-CSV or SDMX-ML file
// filtered to one SERIES, end to end from the file to the table, with the time
// and the process's peak RSS. tests/bench/sdmx/run.sh runs it beside Python.
//
//   sdgreport_sdmx_bench FILE SI_POV_DAY1
#include <sys/resource.h>

#include <chrono>
#include <cstdio>

#include "sdgreport/error.hpp"
#include "sdmx_table.hpp"

int main(int argc, char** argv) {
  if (argc != 3) {
    std::fprintf(stderr, "usage: %s FILE SERIES\n", argv[0]);
    return 2;
  }
  const auto start = std::chrono::steady_clock::now();
  try {
    sdg::sdmx::Spec spec;
    spec.filters.push_back({"SERIES", {argv[2]}});
    spec.source = "bench";
    const sdg::sdmx::Result r = sdg::sdmx::read_sdmx(argv[1], spec);
    const double s = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    rusage u{};
    getrusage(RUSAGE_SELF, &u);
    std::printf("sdgreport sdmx: %zu of %zu observations kept, %zu table rows, %.2f s, peak RSS %.1f MB\n", r.kept,
                r.observations, r.table ? r.table->data.rows() : 0, s, static_cast<double>(u.ru_maxrss) / 1024.0);
  } catch (const sdg::Error& e) {
    std::fprintf(stderr, "error: %s\n", e.what());
    return 1;
  }
  return 0;
}
