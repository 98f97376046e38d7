#include "book.hpp"

#include <algorithm>
#include <cerrno>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <fstream>

#include "lxw_errors.hpp"
#include "sdgreport/i18n.hpp"
#include "sdgreport/model.hpp"
#include "sheet_names.hpp"
#include "sdgreport/text.hpp"

namespace sdg::xlsx {

// ---------------------------------------------------------------- Book

Book::Book(const std::filesystem::path& path, std::filesystem::path final_path, bool constant_memory,
           Context& ctx)
    : constant_memory_(constant_memory), final_path_(std::move(final_path)), ctx_(ctx) {
  // libxlsxwriter opens the file only in workbook_close() and prints "[ERROR]"
  // to stderr when it cannot; find out now, before any work, and say it our way.
  {
    std::ofstream probe(path, std::ios::binary | std::ios::trunc);
    if (!probe) {
      const int err = errno;
      fail("cannot write XLSX: could not create the output file '" + path.string() + "'" +
               (err ? std::string(": ") + std::strerror(err) : std::string()),
           final_path_);
    }
  }
  lxw_workbook_options opts{};
  opts.constant_memory = constant_memory ? LXW_TRUE : LXW_FALSE;
  wb_ = workbook_new_opt(path.c_str(), &opts);
  if (!wb_) fail("cannot write XLSX: libxlsxwriter could not start a workbook (out of memory?)", final_path_);

  big_title = workbook_add_format(wb_);
  format_set_bold(big_title);
  format_set_font_size(big_title, 16);

  title = workbook_add_format(wb_);
  format_set_bold(title);
  format_set_font_size(title, 12);

  header = workbook_add_format(wb_);
  format_set_bold(header);
  format_set_bg_color(header, 0xD9E1F2);
  format_set_bottom(header, LXW_BORDER_THIN);
  format_set_text_wrap(header);
  format_set_align(header, LXW_ALIGN_VERTICAL_TOP);

  label = workbook_add_format(wb_);
  format_set_bold(label);

  note = workbook_add_format(wb_);
  format_set_italic(note);
  format_set_font_color(note, 0x595959);

  symbol = workbook_add_format(wb_);
  format_set_align(symbol, LXW_ALIGN_RIGHT);

  link = workbook_add_format(wb_);
  format_set_underline(link, LXW_UNDERLINE_SINGLE);
  format_set_font_color(link, 0x0563C1);
}

Book::~Book() {
  if (wb_) lxw_workbook_free(wb_);  // not closed: discard, write nothing
}

lxw_format* Book::number(int decimals, bool thousands, std::string_view flag) {
  decimals = std::clamp(decimals, 0, 10);
  std::string code = thousands ? "#,##0" : "0";
  if (decimals > 0) code += "." + std::string(static_cast<std::size_t>(decimals), '0');
  if (!flag.empty() && flag.find('"') == std::string_view::npos) code += "\" " + std::string(flag) + "\"";
  auto [it, fresh] = numbers_.try_emplace(code, nullptr);
  if (fresh) {
    it->second = workbook_add_format(wb_);
    format_set_num_format(it->second, code.c_str());
  }
  return it->second;
}

lxw_format* Book::literal(std::string_view text) {
  std::string code;
  for (char ch : text)
    if (ch != '"') code += ch;
  code = "\"" + code + "\"";
  auto [it, fresh] = numbers_.try_emplace(code, nullptr);
  if (fresh) {
    it->second = workbook_add_format(wb_);
    format_set_num_format(it->second, code.c_str());
    format_set_align(it->second, LXW_ALIGN_RIGHT);
  }
  return it->second;
}

void Book::set_properties(const Metadata& meta, Language lang, std::int64_t epoch) {
  auto join = [](const std::vector<std::string>& v, const char* sep) {
    std::string out;
    for (const auto& s : v) out += (out.empty() ? "" : sep) + s;
    return out;
  };
  auto prop = [](const std::string& s) { return truncate_chars(valid_utf8(s), 2000); };
  title_ = prop(meta.title);
  subject_ = prop(meta.subtitle.empty() ? std::string("Sustainable Development Goals") : meta.subtitle);
  author_ = prop(!meta.organisation.empty() ? meta.organisation : join(meta.authors, ", "));
  company_ = prop(meta.organisation);
  keywords_ = prop(join(meta.keywords, ", "));
  comments_ = prop(meta.edition);

  lxw_doc_properties p{};
  p.title = title_.data();
  p.subject = subject_.data();
  p.author = author_.data();
  p.company = company_.data();
  p.keywords = keywords_.data();
  p.comments = comments_.empty() ? nullptr : comments_.data();
  // libxlsxwriter takes created == 0 as "now"; SOURCE_DATE_EPOCH=0 would then
  // give a different file on every run, so pin it one second later.
  p.created = static_cast<time_t>(epoch == 0 ? 1 : epoch);
  check(workbook_set_properties(wb_, &p), "document properties", final_path_);
  check(workbook_set_custom_property_string(wb_, "Language", language_tag(lang)),
        "custom property 'Language'", final_path_);
}

lxw_worksheet* Book::add_sheet(const std::string& name) {
  // SheetNames already made the name valid and unique; this check keeps
  // libxlsxwriter from printing a warning if that ever fails.
  check(workbook_validate_sheet_name(wb_, name.c_str()), "sheet '" + name + "'", final_path_);
  lxw_worksheet* ws = workbook_add_worksheet(wb_, name.c_str());
  if (!ws) fail("cannot write XLSX: could not add sheet '" + name + "'", final_path_);
  return ws;
}

std::string Book::table_name(std::string_view wanted, std::size_t fallback) {
  std::string base;
  for (char c : wanted) {
    const bool ok = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
    if (ok) {
      base += c;
    } else if (!base.empty() && base.back() != '_') {
      base += '_';
    }
  }
  while (!base.empty() && base.back() == '_') base.pop_back();
  // Never a cell reference ("A1", "R1C1") nor starting with a digit: prefix "T_".
  base = base.empty() ? "Table_" + std::to_string(fallback) : "T_" + base;
  if (base.size() > 200) base.resize(200);
  std::string name = base;
  for (int n = 2; !table_names_.insert(lower(name)).second; ++n) name = base + "_" + std::to_string(n);
  return name;
}

void Book::close() {
  lxw_workbook* wb = wb_;
  wb_ = nullptr;  // workbook_close frees it, whatever it returns
  check(workbook_close(wb), "writing the file", final_path_);
}

// ---------------------------------------------------------------- Sheet

Sheet::Sheet(Book& book, lxw_worksheet* ws, std::string name)
    : book_(book), ws_(ws), name_(std::move(name)) {}

std::string Sheet::where(int row, int col) const {
  return "sheet '" + name_ + "', cell " + cell_name(row, col);
}

void Sheet::fit(int col, std::size_t chars) {
  if (col < 0) return;
  if (widths_.size() <= static_cast<std::size_t>(col)) widths_.resize(static_cast<std::size_t>(col) + 1, 0);
  widths_[static_cast<std::size_t>(col)] = std::max(widths_[static_cast<std::size_t>(col)], chars);
}

void Sheet::apply_widths(double min, double max) {
  applied_.assign(widths_.size(), 0);
  for (std::size_t c = 0; c < widths_.size(); ++c) {
    if (widths_[c] == 0) continue;
    const double w = std::clamp(static_cast<double>(widths_[c]) + 2.0, min, max);
    applied_[c] = w;
    const auto col = static_cast<lxw_col_t>(c);
    check(worksheet_set_column(ws_, col, col, w, nullptr), "column widths of sheet '" + name_ + "'",
          book_.final_path());
  }
}

void Sheet::text(int row, int col, std::string_view s, lxw_format* f, bool fit_width) {
  // Fast path (every cell of a large table comes here): valid UTF-8 within
  // Excel's limit is written as is; excel_length <= bytes, so short text fits.
  // libxlsxwriter wants a C string: the text goes through one reused buffer.
  std::string& t = scratch_;
  if (is_valid_utf8(s)) {
    t.assign(s);
  } else {
    t = valid_utf8(s);
  }
  if (t.size() > kMaxCellText && excel_length(t) > kMaxCellText) {
    t = truncate_chars(t, kMaxCellText);
    book_.ctx().warn(Code::TextTruncated, where(row, col) + ": text cut to Excel's limit of 32,767 characters");
  }
  if (t.empty() && !f) return;
  reach(row, col);
  // The cell's name is made only for an error (not once per cell of a big table).
  if (const lxw_error e =
          worksheet_write_string(ws_, static_cast<lxw_row_t>(row), static_cast<lxw_col_t>(col), t.c_str(), f))
    check(e, where(row, col), book_.final_path());
  if (fit_width) fit_text(col, t);
}

void Sheet::fit_text(int col, std::string_view t) {
  // Widest line of a multi-line text.
  std::size_t widest = 0, start = 0;
  while (start <= t.size()) {
    std::size_t end = t.find('\n', start);
    if (end == std::string::npos) end = t.size();
    widest = std::max(widest, utf8_length(t.substr(start, end - start)));
    start = end + 1;
  }
  fit(col, widest);
}

namespace {

/// Digits before the decimal mark of a ≥ 0 (1 below 10): comparisons, not a
/// logarithm per cell (every number of a big table comes through here).
std::size_t integer_digits(double a) {
  if (a < 10) return 1;
  if (a >= 1e15) return static_cast<std::size_t>(std::log10(a)) + 1;
  std::size_t digits = 2;
  for (double next = 100; a >= next; next *= 10) ++digits;
  return digits;
}

}  // namespace

void Sheet::number(int row, int col, double v, lxw_format* f, int decimals) {
  reach(row, col);
  if (const lxw_error e = worksheet_write_number(ws_, static_cast<lxw_row_t>(row), static_cast<lxw_col_t>(col), v, f))
    check(e, where(row, col), book_.final_path());
  // Width as shown, without formatting the number: sign, integer digits,
  // thousands separators, decimals. General (decimals < 0) shows up to 11 characters.
  const double a = std::fabs(v);
  std::size_t width = 0;
  if (decimals < 0) {
    width = a >= 1e10 || (a != 0 && a < 1e-4) ? 11 : integer_digits(a) + 4;
  } else {
    const std::size_t int_digits = integer_digits(a);
    width = int_digits + (int_digits - 1) / 3 + (decimals > 0 ? static_cast<std::size_t>(decimals) + 1 : 0);
  }
  if (v < 0) ++width;
  fit(col, width);
}

void Sheet::link(int row, int col, const std::string& target, std::string_view s, bool fit_width) {
  reach(row, col);
  std::string t = truncate_chars(valid_utf8(s), kMaxCellText);
  check(worksheet_write_url_opt(ws_, static_cast<lxw_row_t>(row), static_cast<lxw_col_t>(col), target.c_str(),
                                book_.link, t.c_str(), nullptr),
        where(row, col), book_.final_path());
  if (fit_width) fit(col, utf8_length(t));
}

void Sheet::reach(int row, int col) {
  last_row_ = std::max(last_row_, row);
  last_col_ = std::max(last_col_, col);
}

void Sheet::table_object(int header_row, int last_row, const std::vector<std::string>& names,
                         const std::string& name) {
  std::vector<lxw_table_column> columns(names.size());
  std::vector<lxw_table_column*> pointers;
  for (std::size_t c = 0; c < names.size(); ++c) {
    columns[c].header = const_cast<char*>(names[c].c_str());
    columns[c].header_format = book_.header;
    pointers.push_back(&columns[c]);
    fit_text(static_cast<int>(c), names[c]);
  }
  pointers.push_back(nullptr);
  lxw_table_options opts{};
  opts.name = const_cast<char*>(name.c_str());
  opts.style_type = LXW_TABLE_STYLE_TYPE_LIGHT;
  opts.style_type_number = 1;
  opts.columns = pointers.data();
  check(worksheet_add_table(ws_, static_cast<lxw_row_t>(header_row), 0, static_cast<lxw_row_t>(last_row),
                            static_cast<lxw_col_t>(names.size() - 1), &opts),
        "table '" + name + "' on " + where(header_row, 0), book_.final_path());
  reach(last_row, static_cast<int>(names.size()) - 1);
}

std::string page_of_pages(Language lang) {
  if (is_norwegian(lang)) return "Side &P av &N";
  return "Page &P of &N";
}

namespace {

/// Text for an Excel header or footer: '&' starts a code there, so a literal one is doubled.
std::string header_text(std::string_view s) {
  std::string out;
  for (char c : s) {
    out += c;
    if (c == '&') out += '&';
  }
  return out;
}

/// A printable page at 100 %, with Excel's default margins (0.7 in at the sides,
/// 0.75 in at the top and bottom): about 5.5 points per character of the
/// default font, and 15 points per row.
constexpr double kPointsPerChar = 5.49;
constexpr double kRowPoints = 15;
constexpr double kDefaultColumnChars = 8.43;  // Excel's default column width
struct Printable {
  double width, height;  // points
};
Printable printable(bool letter, bool landscape) {
  const double w = letter ? 612 : 595.28, h = letter ? 792 : 841.89;
  const double pw = (landscape ? h : w) - 2 * 0.7 * 72, ph = (landscape ? w : h) - 2 * 0.75 * 72;
  return {pw, ph};
}

}  // namespace

void Sheet::print_setup(const PrintSetup& p) {
  if (last_row_ < 0 || last_col_ < 0) return;  // an empty sheet prints nothing
  double chars = 0;
  for (int c = 0; c <= last_col_; ++c) {
    const auto i = static_cast<std::size_t>(c);
    chars += i < applied_.size() && applied_[i] > 0 ? applied_[i] : kDefaultColumnChars;
  }
  // Landscape when the columns are wider than a portrait page; then one page
  // wide, and one page high too when that shrinks the sheet by at most a third
  // (a goal sheet's tables and chart on one page, not a chart cut in two), else
  // as many pages long as it takes (the Data sheet).
  const double width = chars * kPointsPerChar;
  landscape_ = width > printable(p.letter, false).width;
  const Printable page = printable(p.letter, landscape_);
  const double scale = std::min(1.0, page.width / width);
  const double height = (last_row_ + 1) * kRowPoints * scale;
  fit_one_page_ = height <= 1.5 * page.height;
  const std::string what = "page setup of sheet '" + name_ + "'";
  if (landscape_) worksheet_set_landscape(ws_);
  worksheet_set_paper(ws_, p.letter ? 1 : 9);  // Excel's paper codes: 1 Letter, 9 A4
  worksheet_fit_to_pages(ws_, 1, fit_one_page_ ? 1 : 0);
  check(worksheet_print_area(ws_, 0, 0, static_cast<lxw_row_t>(last_row_), static_cast<lxw_col_t>(last_col_)), what,
        book_.final_path());
  if (p.repeat_first >= 0 && p.repeat_last >= p.repeat_first && p.repeat_last <= last_row_)
    check(worksheet_repeat_rows(ws_, static_cast<lxw_row_t>(p.repeat_first), static_cast<lxw_row_t>(p.repeat_last)),
          what, book_.final_path());
  // Excel allows 255 characters in a header or footer, codes included.
  if (!p.title.empty()) {
    std::string head;
    for (std::size_t n = 120; n > 0; n -= std::min<std::size_t>(n, 10)) {
      head = "&C" + header_text(truncate_chars(valid_utf8(p.title), n));
      if (head.size() <= 250) break;
    }
    check(worksheet_set_header(ws_, head.c_str()), what, book_.final_path());
  }
  const std::string foot = "&L&A&R" + page_of_pages(p.lang);
  check(worksheet_set_footer(ws_, foot.c_str()), what, book_.final_path());
}

}  // namespace sdg::xlsx
