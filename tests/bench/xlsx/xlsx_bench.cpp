// Benchmark of the xlsx format plugin against a bare libxlsxwriter loop.
//
//   sdgreport_xlsx_bench [--rows N] [--plugin PATH] [--dir DIR] [--keep]
//
// Writes one table of N rows (default 1,000,000) × 10 columns (a text key,
// nine numbers with one decimal) twice, each in its own forked child so that
// the peak memory of one run does not show in the other:
//
//   bare    libxlsxwriter in constant-memory mode: a header row, then the same
//           cells with the same types and number format, row by row;
//   plugin  the same table as an sdg::Document, written by the xlsx plugin
//           loaded through sdg::PluginHost (Contents sheet, title, header,
//           status scan, column fitting, source line; the Data sheet leaves
//           the table out: too large to repeat, see data_sheet_limit).
//
// For each: wall time of the write, CPU time, peak RSS of the child (getrusage
// ru_maxrss). For the plugin the model must exist in memory first (10 M cells ×
// sizeof(sdg::Cell)); so the child also reports the RSS after building the
// model and the writer's own peak: the process peak (VmHWM, reset with
// /proc/self/clear_refs after the model is built) minus that RSS.
// Exits 1 if the plugin takes more than 1.25× the bare loop's time or its
// writer needs 100 MB or more above the model.
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <string>

#include <xlsxwriter.h>

#include "host.hpp"
#include "sdgreport/error.hpp"

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

namespace {

constexpr int kColumns = 10;

struct Result {
  double wall = 0;        ///< seconds, the write only
  double cpu = 0;         ///< seconds, user + system, of the write only
  long peak_kb = 0;       ///< ru_maxrss of the child
  long model_kb = 0;      ///< RSS after the model is built (plugin only)
  long writer_peak_kb = 0;  ///< VmHWM during the write (plugin only)
  long long bytes = 0;    ///< size of the file
  int ok = 0;
};

std::string key(std::size_t i) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "K%07zu", i % 10000000);  // 8 characters: no heap allocation
  return buf;
}

double value(std::size_t i, int c) { return static_cast<double>((i * 7 + static_cast<std::size_t>(c) * 13) % 10000) / 10.0; }

long status_kb(const char* field) {
  std::ifstream in("/proc/self/status");
  std::string line;
  const std::size_t n = std::strlen(field);
  while (std::getline(in, line)) {
    if (line.compare(0, n, field) == 0) return std::atol(line.c_str() + n + 1);
  }
  return -1;
}

void reset_peak() {
  std::ofstream f("/proc/self/clear_refs");
  f << "5";  // resets VmHWM to the current RSS
}

double cpu_seconds() {
  rusage u{};
  getrusage(RUSAGE_SELF, &u);
  return static_cast<double>(u.ru_utime.tv_sec + u.ru_stime.tv_sec) +
         static_cast<double>(u.ru_utime.tv_usec + u.ru_stime.tv_usec) / 1e6;
}

void finish(Result& r, const fs::path& file, double cpu_before) {
  rusage u{};
  getrusage(RUSAGE_SELF, &u);
  r.cpu = cpu_seconds() - cpu_before;
  r.peak_kb = u.ru_maxrss;
  std::error_code ec;
  r.bytes = static_cast<long long>(fs::file_size(file, ec));
}

Result bare(std::size_t rows, const fs::path& file) {
  Result r;
  const double cpu0 = cpu_seconds();
  const auto t0 = Clock::now();
  lxw_workbook_options opts{};
  opts.constant_memory = LXW_TRUE;
  lxw_workbook* wb = workbook_new_opt(file.c_str(), &opts);
  lxw_worksheet* ws = workbook_add_worksheet(wb, "Table");
  lxw_format* num = workbook_add_format(wb);
  format_set_num_format(num, "0.0");
  lxw_format* head = workbook_add_format(wb);
  format_set_bold(head);
  worksheet_write_string(ws, 0, 0, "Region", head);
  for (int c = 1; c < kColumns; ++c) worksheet_write_string(ws, 0, static_cast<lxw_col_t>(c), ("V" + std::to_string(c)).c_str(), head);
  for (std::size_t i = 0; i < rows; ++i) {
    const auto row = static_cast<lxw_row_t>(i + 1);
    worksheet_write_string(ws, row, 0, key(i).c_str(), nullptr);
    for (int c = 1; c < kColumns; ++c) worksheet_write_number(ws, row, static_cast<lxw_col_t>(c), value(i, c), num);
  }
  r.ok = workbook_close(wb) == LXW_NO_ERROR;
  r.wall = std::chrono::duration<double>(Clock::now() - t0).count();
  finish(r, file, cpu0);
  return r;
}

Result plugin(std::size_t rows, const fs::path& so, const fs::path& file) {
  Result r;
  sdg::PluginHost host;
  const sdg::PluginRecord rec = host.load(so);
  if (!rec.enabled) {
    std::cerr << "plugin not loaded: " << rec.reason << "\n";
    return r;
  }
  auto writer = host.format_writer("xlsx");

  sdg::Document doc;
  doc.meta.title = "Benchmark";
  doc.meta.organisation = "sdgreport";
  sdg::Section& ch = doc.add_chapter("Large table");
  {
    sdg::Table t;
    t.caption = "One million rows";
    t.columns.push_back({"Region", sdg::Column::Type::Text, "", 0});
    for (int c = 1; c < kColumns; ++c) t.columns.push_back({"V" + std::to_string(c), sdg::Column::Type::Number, "", 1});
    t.data.reset(kColumns);
    // Column by column through the builder, as the csv plugin does.
    for (std::size_t i = 0; i < rows; ++i) t.data.push_text(0, key(i));
    for (int c = 1; c < kColumns; ++c) {
      t.data.reserve(rows);
      for (std::size_t i = 0; i < rows; ++i) t.data.push_number(static_cast<std::size_t>(c), value(i, c));
    }
    t.source = "Generated";
    ch.add_block(std::move(t));
  }
  r.model_kb = status_kb("VmRSS:");
  reset_peak();

  const sdg::Options opts(sdg::Value::map({}), "output 'xlsx'");
  sdg::Context ctx(file.parent_path(), sdg::Language::En, 1781481600);
  const double cpu0 = cpu_seconds();
  const auto t0 = Clock::now();
  try {
    writer->write(doc, sdg::WriteRequest{opts, file, file}, ctx);
    r.ok = 1;
  } catch (const std::exception& e) {
    std::cerr << "plugin failed: " << e.what() << "\n";
  }
  r.wall = std::chrono::duration<double>(Clock::now() - t0).count();
  r.writer_peak_kb = status_kb("VmHWM:");
  finish(r, file, cpu0);
  return r;
}

/// Runs `f` in a forked child and returns its Result through a pipe.
template <typename F>
Result in_child(F f) {
  int fd[2];
  if (pipe(fd) != 0) std::exit(2);
  const pid_t pid = fork();
  if (pid == 0) {
    close(fd[0]);
    const Result r = f();
    if (write(fd[1], &r, sizeof r) != static_cast<ssize_t>(sizeof r)) _exit(3);
    _exit(0);
  }
  close(fd[1]);
  Result r;
  if (read(fd[0], &r, sizeof r) != static_cast<ssize_t>(sizeof r)) r = Result{};
  close(fd[0]);
  int status = 0;
  waitpid(pid, &status, 0);
  return r;
}

double mb(long kb) { return static_cast<double>(kb) / 1024.0; }

}  // namespace

int main(int argc, char** argv) {
  std::size_t rows = 1000000;
  fs::path so = SDGREPORT_XLSX_PLUGIN;
  fs::path dir = fs::temp_directory_path();
  bool keep = false;
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    if (a == "--rows" && i + 1 < argc) {
      rows = std::stoul(argv[++i]);
    } else if (a == "--plugin" && i + 1 < argc) {
      so = argv[++i];
    } else if (a == "--dir" && i + 1 < argc) {
      dir = argv[++i];
    } else if (a == "--keep") {
      keep = true;
    } else {
      std::cerr << "usage: sdgreport_xlsx_bench [--rows N] [--plugin PATH] [--dir DIR] [--keep]\n";
      return 2;
    }
  }
  const fs::path bare_file = dir / ("xlsx-bench-bare-" + std::to_string(getpid()) + ".xlsx");
  const fs::path plugin_file = dir / ("xlsx-bench-plugin-" + std::to_string(getpid()) + ".xlsx");

  std::printf("xlsx benchmark: %zu rows x %d columns (1 text, %d numbers), constant-memory\n", rows, kColumns,
              kColumns - 1);
  const Result b = in_child([&] { return bare(rows, bare_file); });
  const Result p = in_child([&] { return plugin(rows, so, plugin_file); });
  if (!b.ok || !p.ok) {
    std::fprintf(stderr, "a run failed (bare ok=%d, plugin ok=%d)\n", b.ok, p.ok);
    return 2;
  }
  const double ratio = p.wall / b.wall;
  const long writer_kb = p.writer_peak_kb - p.model_kb;
  std::printf("%-8s %9s %9s %14s %12s\n", "run", "wall s", "cpu s", "peak RSS MB", "file MB");
  std::printf("%-8s %9.2f %9.2f %14.1f %12.1f\n", "bare", b.wall, b.cpu, mb(b.peak_kb), static_cast<double>(b.bytes) / 1e6);
  std::printf("%-8s %9.2f %9.2f %14.1f %12.1f\n", "plugin", p.wall, p.cpu, mb(p.peak_kb), static_cast<double>(p.bytes) / 1e6);
  std::printf("plugin/bare time ratio: %.3f wall, %.3f cpu (target <= 1.25)\n", ratio, p.cpu / b.cpu);
  std::printf("plugin child: model in memory %.1f MB RSS; peak during the write %.1f MB; writer's own peak %.1f MB "
              "(target < 100 MB)\n",
              mb(p.model_kb), mb(p.writer_peak_kb), mb(writer_kb));
  if (!keep) {
    fs::remove(bare_file);
    fs::remove(plugin_file);
  } else {
    std::printf("kept %s and %s\n", bare_file.c_str(), plugin_file.c_str());
  }
  const bool pass = ratio <= 1.25 && writer_kb < 100 * 1024;
  std::printf("%s\n", pass ? "PASS" : "FAIL");
  return pass ? 0 : 1;
}
