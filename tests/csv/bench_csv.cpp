// Measures the csv plugin's reader on a generated file: time, and peak memory
// (ru_maxrss) for a run that keeps 1% of the rows and one that keeps all.
//
//   sdgreport_csv_bench MB [filter|all] [FILE]
//
// Writes FILE (default /tmp/sdgreport-bench-MB.csv) first if it does not exist:
// ';'-delimited UTF-8 with BOM and CRLF, decimal comma, space thousands, '..'
// markers and æøå, 100 municipalities × years. Run each mode in its own process
// so that ru_maxrss belongs to that mode alone.
#include <sys/resource.h>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <string>

#include "csv_table.hpp"

int main(int argc, char** argv) {
  if (argc < 2) {
    std::cerr << "usage: sdgreport_csv_bench MB [filter|all] [FILE]\n";
    return 2;
  }
  const long mb = std::stol(argv[1]);
  const std::string mode = argc > 2 ? argv[2] : "filter";
  const std::string file = argc > 3 ? argv[3] : "/tmp/sdgreport-bench-" + std::to_string(mb) + ".csv";
  if (!std::filesystem::exists(file)) {
    std::ofstream out(file, std::ios::binary);
    out << "\xEF\xBB\xBFKommune;Kjønn;År;Innbyggere;Andel;Merknad\r\n";
    std::uintmax_t written = 0;
    for (long i = 0; written < static_cast<std::uintmax_t>(mb) * 1000000; ++i) {
      char line[200];
      const int n = std::snprintf(line, sizeof line, "Kommune %03ld Ørsta;%s;%ld;%ld %03ld;%ld,%ld;%s\r\n",
                                  i % 100, i % 2 ? "Jenter" : "Gutter", 1990 + (i / 200) % 40,
                                  1 + i % 97, i % 1000, i % 100, i % 10, i % 13 ? "\"sa \"\"x\"\"\"" : "..");
      out.write(line, n);
      written += static_cast<std::uintmax_t>(n);
    }
  }
  sdg::csvtable::ReadSpec spec;
  if (mode == "filter") spec.filters = {{"Kommune", {"Kommune 042 Ørsta"}}};
  const auto t0 = std::chrono::steady_clock::now();
  std::ifstream in(file, std::ios::binary);
  sdg::csvtable::RawTable raw = sdg::csvtable::read_csv(in, file, spec);
  const auto t1 = std::chrono::steady_clock::now();
  sdg::csvtable::Shaped shaped = sdg::csvtable::shape(raw, spec);
  const auto t2 = std::chrono::steady_clock::now();
  rusage ru{};
  getrusage(RUSAGE_SELF, &ru);
  std::cout << "file " << std::filesystem::file_size(file) / 1000000.0 << " MB, mode " << mode << ": "
            << raw.records_read << " records, " << raw.rows() << " kept; read "
            << std::chrono::duration<double>(t1 - t0).count() << " s, shape "
            << std::chrono::duration<double>(t2 - t1).count() << " s; peak RSS " << ru.ru_maxrss / 1024
            << " MB; table rows " << shaped.table->data.rows() << "\n";
  return 0;
}
