// Private to the xlsx plugin: a libxlsxwriter workbook owned by RAII, its
// shared cell formats, and worksheets whose every write is checked (errors go
// through lxw_errors) and whose column widths follow what was written.
#pragma once

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <map>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include <xlsxwriter.h>

#include "sdgreport/context.hpp"
#include "sdgreport/model.hpp"

namespace sdg::xlsx {

/// Excel's limit on the length of a cell's text.
inline constexpr std::size_t kMaxCellText = 32767;

class Book {
 public:
  /// Checks that `path` can be created, then starts a workbook there. Nothing
  /// is written until close(); a Book destroyed unclosed writes nothing.
  Book(const std::filesystem::path& path, std::filesystem::path final_path, bool constant_memory,
       Context& ctx);
  ~Book();
  Book(const Book&) = delete;
  Book& operator=(const Book&) = delete;

  /// Title, subject, author (organisation), keywords, created date = `epoch`,
  /// and a custom "Language" property with the BCP 47 tag.
  void set_properties(const Metadata& meta, std::string_view lang, std::int64_t epoch);

  /// Adds a worksheet; `name` must come from SheetNames (checked again here).
  lxw_worksheet* add_sheet(const std::string& name);

  /// A valid table-object name, unique in the workbook ignoring case, made from
  /// `wanted` (ASCII letters, digits and '_'; "Table_" + `fallback` if nothing is left).
  std::string table_name(std::string_view wanted, std::size_t fallback);

  /// Writes the file; maps a failure to Error(Output) naming the final path.
  void close();

  lxw_workbook* get() { return wb_; }
  bool constant_memory() const noexcept { return constant_memory_; }
  const std::filesystem::path& final_path() const noexcept { return final_path_; }
  Context& ctx() { return ctx_; }

  // Shared formats.
  lxw_format* big_title = nullptr;   ///< the report title on Contents
  lxw_format* title = nullptr;       ///< a table or chart caption
  lxw_format* header = nullptr;      ///< a header row cell
  lxw_format* label = nullptr;       ///< a bold label (Contents)
  lxw_format* note = nullptr;        ///< status notes and source lines
  lxw_format* link = nullptr;        ///< hyperlinks
  lxw_format* symbol = nullptr;      ///< a status symbol in place of a missing number (right-aligned)
  std::size_t tables = 0;            ///< table objects made so far (for fallback names)
  /// Number format for `decimals` (0–10): "0.0", or "#,##0.0" with `thousands`;
  /// with a `flag` (a status symbol such as "e"), the symbol is shown after the
  /// number ("0.0\" e\"") while the cell stays a number.
  lxw_format* number(int decimals, bool thousands, std::string_view flag = {});
  /// A number format that shows `text` whatever the number (a nil's "-": the
  /// cell stays the number 0 for formulas, the sheet shows the mark).
  lxw_format* literal(std::string_view text);

 private:
  lxw_workbook* wb_ = nullptr;
  bool constant_memory_ = false;
  std::filesystem::path final_path_;
  Context& ctx_;
  std::map<std::string, lxw_format*> numbers_;
  std::set<std::string> table_names_;  // folded to lower case
  // Buffers that lxw_doc_properties points into (it takes char*).
  std::string title_, subject_, author_, company_, keywords_, comments_;
};

/// One worksheet being written. In constant-memory mode rows must be written in
/// increasing order; the writers in sheets.cpp do so.
class Sheet {
 public:
  Sheet(Book& book, lxw_worksheet* ws, std::string name);

  const std::string& name() const noexcept { return name_; }
  lxw_worksheet* get() { return ws_; }

  /// Text, always as a string cell (never a formula, whatever it starts with).
  /// Invalid UTF-8 is repaired; text over Excel's limit is cut with a warning.
  /// `fit` = false leaves the column width alone (titles that may overflow).
  void text(int row, int col, std::string_view s, lxw_format* f = nullptr, bool fit = true);
  /// A finite number (callers turn NaN and infinities into missing cells);
  /// `decimals` < 0 means as is (General).
  void number(int row, int col, double v, lxw_format* f, int decimals);
  /// A hyperlink showing `text`: internal ("internal:'Sheet'!A1") or a web
  /// address (callers check it with is_web_link).
  void link(int row, int col, const std::string& target, std::string_view text, bool fit = true);

  /// Records `s` as written at column `col` (column fitting) without writing it:
  /// for cells libxlsxwriter writes itself (table headers).
  void fit_text(int col, std::string_view s);
  /// Widens column `col` to at least `chars` characters.
  void fit(int col, std::size_t chars);
  /// Sets the widths gathered so far (clamped to [min, max] characters).
  void apply_widths(double min, double max);

  /// "sheet 'Name', cell B4", for messages.
  std::string where(int row, int col) const;

 private:
  Book& book_;
  lxw_worksheet* ws_;
  std::string name_;
  std::vector<std::size_t> widths_;
  std::string scratch_;  ///< the C string handed to libxlsxwriter
};

}  // namespace sdg::xlsx
