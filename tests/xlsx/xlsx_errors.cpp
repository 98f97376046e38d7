// xlsx.errors: the xlsx plugin, loaded through the real host, turns
// libxlsxwriter's failures into sdg::Error with a clear message, and nothing
// (no "[WARNING]", no "[ERROR]") reaches stderr, in any of these cases:
//   - an output path whose folder does not exist;
//   - sheet names Excel would refuse (reserved, bad characters, too long,
//     duplicates ignoring case), which the plugin must repair;
//   - constant-memory mode (no table objects; one autofilter per sheet);
//   - a bad option value.
// Usage: sdgreport_xlsx_errors PATH/TO/sdgreport-xlsx.so
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>

#include "host.hpp"
#include "sdgreport/error.hpp"

namespace fs = std::filesystem;

namespace {

int failures = 0;

void expect(bool ok, const std::string& what) {
  std::cout << (ok ? "ok: " : "FAIL: ") << what << "\n";
  if (!ok) ++failures;
}

/// Runs `f` with stderr sent to a file; returns what was printed.
template <typename F>
std::string capture_stderr(const fs::path& file, F f) {
  std::fflush(stderr);
  const int saved = dup(2);
  FILE* out = std::fopen(file.c_str(), "w");
  dup2(fileno(out), 2);
  f();
  std::fflush(stderr);
  dup2(saved, 2);
  close(saved);
  std::fclose(out);
  std::ifstream in(file);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

sdg::Document small_doc(const std::vector<std::string>& titles) {
  sdg::Document doc;
  doc.meta.title = "Errors";
  doc.meta.organisation = "Test";
  for (const std::string& title : titles) {
    sdg::Section& ch = doc.add_chapter(title);
    sdg::Table t;
    t.caption = "T";
    t.columns = {{"Region", sdg::Column::Type::Text, "", 0}, {"2024", sdg::Column::Type::Number, "%", 1}};
    t.data = sdg::TableData::of({{sdg::Cell::of(std::string("Oslo")), sdg::Cell::of(1.5)}});
    ch.add_block(t);
  }
  return doc;
}

sdg::Options options(std::vector<std::pair<std::string, sdg::Value>> entries) {
  return sdg::Options(sdg::Value::map(std::move(entries)), "output 'xlsx'");
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 2) {
    std::cerr << "usage: sdgreport_xlsx_errors sdgreport-xlsx.so\n";
    return 2;
  }
  sdg::PluginHost host;
  const sdg::PluginRecord rec = host.load(argv[1]);
  if (!rec.enabled) {
    std::cerr << "plugin not loaded: " << rec.reason << "\n";
    return 2;
  }
  auto writer = host.format_writer("xlsx");
  const fs::path tmp = fs::temp_directory_path() / ("sdgreport-xlsx-errors-" + std::to_string(getpid()));
  fs::create_directories(tmp);
  sdg::Context ctx(tmp, sdg::Language::En, 1781481600);

  {
    const sdg::Document doc = small_doc({"Chapter"});
    const sdg::Options opts = options({});
    std::string message;
    const std::string err = capture_stderr(tmp / "e1", [&] {
      try {
        writer->write(doc, sdg::WriteRequest{opts, "/nonexistent-sdgreport-dir/x.xlsx", "/nonexistent-sdgreport-dir/x.xlsx"},
                      ctx);
      } catch (const sdg::Error& e) {
        message = e.what();
      }
    });
    expect(message.find("cannot write XLSX") != std::string::npos &&
               message.find("/nonexistent-sdgreport-dir/x.xlsx") != std::string::npos,
           "unwritable path is an sdg::Error naming the file: " + message);
    expect(err.find('[') == std::string::npos, "nothing on stderr for an unwritable path: '" + err + "'");
  }
  {
    const sdg::Document doc = small_doc({"History", "a[b]:c*?/\\d", "'quoted'",
                                         "A chapter title that is far longer than thirty-one characters",
                                         "A chapter title that is far longer than thirty-one characters, again",
                                         "CHAPTER", "chapter"});
    const sdg::Options opts = options({});
    bool ok = false;
    std::string message;
    const std::string err = capture_stderr(tmp / "e2", [&] {
      try {
        writer->write(doc, sdg::WriteRequest{opts, tmp / "names.xlsx", tmp / "names.xlsx"}, ctx);
        ok = true;
      } catch (const std::exception& e) {
        message = e.what();
      }
    });
    expect(ok && fs::file_size(tmp / "names.xlsx") > 0, "sheet names Excel refuses are repaired " + message);
    expect(err.empty(), "nothing on stderr for repaired sheet names: '" + err + "'");
  }
  {
    const sdg::Document doc = small_doc({"Chapter", "Chapter"});
    const sdg::Options opts = options({{"constant_memory", sdg::Value::scalar("true")}});
    bool ok = false;
    std::string message;
    const std::string err = capture_stderr(tmp / "e3", [&] {
      try {
        writer->write(doc, sdg::WriteRequest{opts, tmp / "cm.xlsx", tmp / "cm.xlsx"}, ctx);
        ok = true;
      } catch (const std::exception& e) {
        message = e.what();
      }
    });
    expect(ok, "constant-memory mode writes the workbook " + message);
    expect(err.empty(), "nothing on stderr in constant-memory mode: '" + err + "'");
  }
  {
    const sdg::Document doc = small_doc({"Chapter"});
    const sdg::Options opts = options({{"data_sheet_limit", sdg::Value::scalar("-5")}});
    std::string message;
    try {
      writer->write(doc, sdg::WriteRequest{opts, tmp / "bad.xlsx", tmp / "bad.xlsx"}, ctx);
    } catch (const sdg::Error& e) {
      message = e.what();
    }
    expect(message.find("data_sheet_limit") != std::string::npos, "a bad option value is named: " + message);
  }
  writer.reset();
  fs::remove_all(tmp);
  return failures == 0 ? 0 : 1;
}
