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

/// How a sheet prints (Sheet::print_setup): the report title in the page header,
/// the sheet name and "Page x of y" in the footer, header rows repeated on every
/// page, one page wide.
struct PrintSetup {
  std::string title;      ///< the report title (page header); "" = none
  std::string lang;       ///< the footer's words
  bool letter = false;    ///< US Letter paper, else A4
  int repeat_first = -1;  ///< rows repeated at the top of every page; -1 = none
  int repeat_last = -1;
};

/// The footer text for "Page x of y" in `lang`, with Excel's &P and &N codes.
std::string page_of_pages(std::string_view lang);

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

  /// Records that something reaches (row, col) without a cell there (a native
  /// chart beside a table), so the print area covers it.
  void reach(int row, int col);
  int last_row() const noexcept { return last_row_; }
  int last_col() const noexcept { return last_col_; }
  /// The rows of the first block's header (section sheets with one block repeat it).
  void mark_header(int row) {
    if (header_row_ < 0) header_row_ = row;
    ++headers_;
  }
  int header_row() const noexcept { return header_row_; }
  int headers() const noexcept { return headers_; }

  /// An Excel table object (filter buttons, a name for pivot tables) over
  /// rows header_row..last_row, columns 0..names.size()-1; libxlsxwriter writes
  /// the header cells from `names` (unique ignoring case, at most 255 characters).
  void table_object(int header_row, int last_row, const std::vector<std::string>& names, const std::string& name);

  /// Page setup chosen from the sheet's shape, after apply_widths(): landscape
  /// when the printed columns are wider than a portrait page, fit to one page
  /// wide (and one page high when that shrinks it by at most a third), rows `p.repeat_first..repeat_last` repeated on every page, a print
  /// area over what was written, the title in the header and the sheet name and
  /// "Page x of y" in the footer.
  void print_setup(const PrintSetup& p);
  /// Whether print_setup() chose landscape (for tests and the log).
  bool landscape() const noexcept { return landscape_; }
  bool fit_one_page() const noexcept { return fit_one_page_; }

  /// "sheet 'Name', cell B4", for messages.
  std::string where(int row, int col) const;

 private:
  Book& book_;
  lxw_worksheet* ws_;
  std::string name_;
  std::vector<std::size_t> widths_;
  std::vector<double> applied_;  ///< column widths set by apply_widths(), in characters
  std::string scratch_;
  int last_row_ = -1, last_col_ = -1;
  int header_row_ = -1, headers_ = 0;
  bool landscape_ = false;
  bool fit_one_page_ = false;  ///< the C string handed to libxlsxwriter
};

}  // namespace sdg::xlsx
