// `sdgreport build REPORT.yaml --each ROWS.csv [-j N]`: one report per row.
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <map>
#include <optional>
#include <sstream>

#include "build.hpp"
#include "worker_pool.hpp"
#include "sdgreport/csv.hpp"
#include "sdgreport/files.hpp"
#include "sdgreport/log.hpp"

namespace fs = std::filesystem;

namespace sdg::cli {

namespace {

struct Row {
  int line = 0;         // in the CSV file
  std::string label;    // for messages: the `name`/`navn` column, else the first column
  Variables vars;
  std::optional<ReportDefinition> def;
  std::vector<OutputSpec> outputs;
  std::string error;    // why the row failed; empty while it has not
};

std::vector<Row> read_rows(const fs::path& csv_path, const std::string& text) {
  const std::string name = csv_path.string();
  CsvReader reader(text, name, detect_csv_delimiter(text));
  auto head = reader.next();
  if (!head || (head->fields.size() == 1 && head->fields[0].empty()))
    throw Error(ErrorCode::Input, "the file is empty; it needs a header row naming the variables", {name, 1, 0});
  std::vector<std::string> columns;
  for (const std::string& f : head->fields) {
    std::string c(f);
    while (!c.empty() && (c.back() == ' ' || c.back() == '\r')) c.pop_back();
    if (c.empty()) throw Error(ErrorCode::Input, "a column in the header has no name", {name, head->line, 0});
    if (std::find(columns.begin(), columns.end(), c) != columns.end())
      throw Error(ErrorCode::Input, "column '" + c + "' appears twice in the header", {name, head->line, 0});
    columns.push_back(c);
  }
  std::vector<Row> rows;
  while (auto rec = reader.next()) {
    Row row;
    row.line = rec->line;
    if (rec->fields.size() != columns.size()) {
      row.label = rec->fields.empty() ? "?" : rec->fields[0];
      row.error = name + ":" + std::to_string(rec->line) + ": the row has " + std::to_string(rec->fields.size()) +
                  " fields; the header has " + std::to_string(columns.size());
    } else {
      for (std::size_t i = 0; i < columns.size(); ++i) row.vars[columns[i]] = rec->fields[i];
      auto pick = [&](const char* key) { auto it = row.vars.find(key); return it == row.vars.end() ? std::string() : it->second; };
      row.label = !pick("name").empty() ? pick("name") : !pick("navn").empty() ? pick("navn") : rec->fields[0];
    }
    rows.push_back(std::move(row));
  }
  if (rows.empty()) throw Error(ErrorCode::Input, "the file has a header but no rows", {name, 0, 0});
  return rows;
}

// Progress on stderr when it is a terminal: "[#####.....] 120/357 reports, 1 failed".
class Progress {
 public:
  explicit Progress(std::size_t total) : total_(total), tty_(::isatty(2) == 1) {}
  void update(std::size_t done, std::size_t failed) {
    if (!tty_) return;
    const int width = 30;
    const int filled = static_cast<int>(width * done / std::max<std::size_t>(total_, 1));
    std::fprintf(stderr, "\r[%s%s] %zu/%zu reports, %zu failed", std::string(static_cast<std::size_t>(filled), '#').c_str(),
                 std::string(static_cast<std::size_t>(width - filled), '.').c_str(), done, total_, failed);
    std::fflush(stderr);
  }
  void finish() {
    if (tty_) std::fputs("\n", stderr);
  }

 private:
  std::size_t total_;
  bool tty_;
};

}  // namespace

int build_each(const fs::path& definition, const fs::path& rows_csv, int jobs, const PluginLoader& load_plugins,
               const fs::path& out_dir, const std::vector<std::string>& formats, const AssembleOptions& assemble_opts) {
  const std::string text = read_file(rows_csv, ErrorCode::Input, "the --each file", {rows_csv.string()});
  std::vector<Row> rows = read_rows(rows_csv, text);

  // Read every row's definition first: a broken row fails alone, and two rows
  // writing the same file are caught before anything is written.
  // The YAML is parsed once (a file that is not valid YAML fails the command
  // here); each row puts its values into the parsed definition.
  const DefinitionTemplate parsed(definition);
  std::map<fs::path, std::size_t> writers;
  for (std::size_t i = 0; i < rows.size(); ++i) {
    Row& row = rows[i];
    if (!row.error.empty()) continue;
    try {
      row.def = parsed.with(row.vars);
      row.outputs = select_outputs(*row.def, formats);
      if (row.outputs.empty()) throw Error(ErrorCode::Definition, "the definition lists no outputs", {definition.string()});
      for (const OutputSpec& o : row.outputs) {
        const fs::path target = (out_dir / o.file).lexically_normal();
        auto [it, fresh] = writers.try_emplace(target, i);
        if (!fresh)
          throw Error(ErrorCode::Definition,
                      "writes '" + target.string() + "' like the row on line " + std::to_string(rows[it->second].line) +
                          "; put a ${column} in the output file names",
                      o.where);
      }
    } catch (const Error& e) {
      row.error = e.what();
    }
  }

  PluginHost host;
  const auto first = std::find_if(rows.begin(), rows.end(), [](const Row& r) { return r.def.has_value(); });
  load_plugins(host, first != rows.end() ? first->def->plugin_dirs : std::vector<fs::path>{});
  check_output_dir(out_dir);

  log().info("building {} reports from {}, {} at a time", rows.size(), rows_csv.string(), jobs);
  Progress progress(rows.size());
  std::size_t done = 0, failed = 0;
  for (const Row& r : rows)
    if (!r.error.empty()) ++done, ++failed;
  progress.update(done, failed);

  // Rows run in workers forked from this process (plugins loaded, definitions
  // read), each worker building many rows; a row that crashes its worker fails alone.
  std::vector<std::size_t> tasks;
  for (std::size_t i = 0; i < rows.size(); ++i)
    if (rows[i].error.empty()) tasks.push_back(i);
  // The output folder was checked above, once for all rows.
  WorkerPool pool(jobs, [&](std::size_t i) {
    build_definition(*rows[i].def, rows[i].outputs, host, out_dir, assemble_opts, /*out_dir_checked=*/true);
  });
  pool.run(tasks, [&](const TaskResult& r) {
    if (!r.ok) {
      rows[r.task].error = r.error;
      ++failed;
    }
    progress.update(++done, failed);
  });
  progress.finish();

  log().info("built {} of {} reports", rows.size() - failed, rows.size());
  for (const Row& r : rows)
    if (!r.error.empty()) log().error("row on line {} ({}): {}", r.line, r.label, r.error);
  if (failed > 0) log().error("{} of {} reports failed; see the rows above", failed, rows.size());
  return failed > 0 ? 1 : 0;
}

}  // namespace sdg::cli
