#include "sdgreport/model.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <cmath>
#include <filesystem>
#include <set>
#include <vector>

#include "sdgreport/catalogue.hpp"
#include "sdgreport/error.hpp"
#include "sdgreport/images.hpp"
#include "sdgreport/limits.hpp"

namespace sdg {

namespace {

void append_plain(const Inlines& runs, std::string& out) {
  for (const Inline& r : runs) {
    switch (r.kind) {
      case Inline::Kind::Text:
      case Inline::Kind::Code: out += r.text; break;
      case Inline::Kind::LineBreak: out += ' '; break;
      case Inline::Kind::FootnoteRef: break;
      case Inline::Kind::CrossRef:
        if (r.children.empty()) out += r.url;
        else append_plain(r.children, out);
        break;
      default: append_plain(r.children, out); break;
    }
  }
}

[[noreturn]] void refuse(const std::string& where, const std::string& what) {
  throw Error(ErrorCode::Model, where.empty() ? what : where + ": " + what);
}

// Where a check is, built into a string only when a check fails (building it for
// every block, row and cell made deep or large trees slow). Each level points at
// its parent: "section 'Energy', list, table 'Electricity', row 3, column 'GWh'".
struct Where {
  const Where* parent = nullptr;
  std::string_view text;    ///< "list", "row ", "column", or the caller's prefix
  std::string_view quoted;  ///< appended as " 'quoted'" when not empty
  std::size_t number = 0;   ///< appended when not 0 ("row 3")

  std::string str() const {
    std::vector<const Where*> chain;
    for (const Where* w = this; w; w = w->parent) chain.push_back(w);
    std::string out;
    for (auto it = chain.rbegin(); it != chain.rend(); ++it) {
      const Where& w = **it;
      if (w.text.empty() && w.quoted.empty() && w.number == 0) continue;
      // A level with only a name qualifies the one before it: "table 'Electricity'".
      if (!w.text.empty() || out.empty()) {
        if (!out.empty()) out += ", ";
        out += w.text;
      }
      if (!w.quoted.empty()) out += std::string(out.empty() ? "'" : " '") + std::string(w.quoted) + "'";
      if (w.number != 0) out += std::to_string(w.number);
    }
    return out;
  }
};

[[noreturn]] void refuse(const Where& where, const std::string& what) { refuse(where.str(), what); }

void check_text(const std::string& s, const Where& where, const char* what) {
  if (!is_valid_utf8(s)) refuse(where, std::string(what) + " is not valid UTF-8");
}

void check_text(const std::string& s, const std::string& where, const char* what) {
  if (!is_valid_utf8(s)) refuse(where, std::string(what) + " is not valid UTF-8");
}

/// A label (column, series, category, caption, title): valid UTF-8 and not longer than label_length.
void check_label(const std::string& s, const Where& where, const char* what) {
  check_text(s, where, what);
  if (s.size() > limits().label_length && utf8_length(s) > limits().label_length)
    refuse(where, limit_message("label_length", std::string(what) + " of " + std::to_string(utf8_length(s)) +
                                                    " characters"));
}

void check_inlines(const Inlines& runs, const Where& where, std::size_t depth, bool in_note = false) {
  if (depth > limits().inline_depth)
    refuse(where, limit_message("inline_depth", "emphasis, strong and links nested " + std::to_string(depth) + " deep"));
  for (const Inline& r : runs) {
    check_text(r.text, where, "text");
    check_text(r.url, where, "a link URL");
    check_text(r.where, where, "a position");
    if (!r.where.empty() && r.kind != Inline::Kind::CrossRef) refuse(where, "only a cross-reference carries a position");
    switch (r.kind) {
      case Inline::Kind::Text:
      case Inline::Kind::Code:
      case Inline::Kind::LineBreak:
        if (!r.children.empty()) refuse(where, "a text, code or line-break run cannot have children");
        break;
      case Inline::Kind::Link:
        if (r.url.empty()) refuse(where, "a link needs a URL");
        [[fallthrough]];
      case Inline::Kind::Emphasis:
      case Inline::Kind::Strong:
        if (!r.text.empty()) refuse(where, "emphasis, strong and link runs hold children, not text");
        check_inlines(r.children, where, depth + 1, in_note);
        break;
      case Inline::Kind::FootnoteRef:
        if (in_note) refuse(where, "a footnote cannot contain another footnote");
        if (!r.text.empty() || !r.url.empty()) refuse(where, "a footnote holds its text as children");
        if (r.children.empty()) refuse(where, "a footnote needs text");
        check_inlines(r.children, where, depth + 1, true);
        break;
      case Inline::Kind::CrossRef:
        if (r.url.empty()) refuse(where, "a cross-reference needs a target id");
        if (!r.text.empty() && r.text != "page")
          refuse(where, "cross-reference form '" + r.text + "' is not known (use \"\" or \"page\")");
        check_inlines(r.children, where, depth + 1, in_note);
        break;
    }
  }
}

void check_block_at(const Block& block, const Where& parent, std::size_t depth);

void check_blocks(const Blocks& blocks, const Where& where, std::size_t depth) {
  for (const Block& b : blocks) check_block_at(b, where, depth);
}

void check_number(double v, const Where& where, const std::string& what) {
  if (!std::isfinite(v)) refuse(where, what + " is not a finite number");
}

/// An indicator id on a block: empty, a national id (when `national`), or an SDG indicator.
void check_indicator_ref(const std::string& id, bool national, const Where& where) {
  if (id.empty()) {
    if (national) refuse(where, "a national indicator needs an id");
    return;
  }
  if (national) {
    if (!is_national_indicator_id(id))
      refuse(where, "'" + id + "' is not a national indicator id (digits, letters, '.', '-', '_', starting with a digit)");
  } else if (!Catalogue::get().find_indicator(id)) {
    refuse(where, "'" + id + "' is not an SDG indicator (mark national indicators as national)");
  }
}

void check_decimals(int d, const Where& where) {
  if (d < 0 || d > 10) refuse(where, "decimals must be 0–10, got " + std::to_string(d));
}

template <typename T, std::size_t N>
const char* name_of(const std::array<const char*, N>& names, T v) noexcept {
  auto i = static_cast<std::size_t>(v);
  return i < N ? names[i] : "unknown";
}

template <typename T, std::size_t N>
std::optional<T> from_name(const std::array<const char*, N>& names, const std::string& s) {
  for (std::size_t i = 0; i < N; ++i)
    if (s == names[i]) return static_cast<T>(i);
  return std::nullopt;
}

constexpr std::array<const char*, 8> kValueStatus{
    "none", "not_available", "not_applicable", "confidential", "provisional", "estimated",
    "break_in_series", "nil"};
constexpr std::array<const char*, 7> kProgress{
    "not_assessed", "target_achieved", "substantial", "moderate", "limited", "deterioration",
    "not_available"};
constexpr std::array<const char*, 3> kChartKind{"line", "column", "bar"};

}  // namespace

std::string plain_text(const Inlines& runs) {
  std::string s;
  append_plain(runs, s);
  return s;
}

const char* value_status_name(ValueStatus s) noexcept { return name_of(kValueStatus, s); }
std::optional<ValueStatus> value_status_from_name(const std::string& n) {
  return from_name<ValueStatus>(kValueStatus, n);
}
const char* progress_status_name(ProgressStatus s) noexcept { return name_of(kProgress, s); }
std::optional<ProgressStatus> progress_status_from_name(const std::string& n) {
  return from_name<ProgressStatus>(kProgress, n);
}
const char* chart_kind_name(Chart::Kind k) noexcept { return name_of(kChartKind, k); }
std::optional<Chart::Kind> chart_kind_from_name(const std::string& n) {
  return from_name<Chart::Kind>(kChartKind, n);
}

bool List::operator==(const List& o) const {
  return ordered == o.ordered && start == o.start && items == o.items;
}
bool Quote::operator==(const Quote& o) const { return blocks == o.blocks; }
bool Container::operator==(const Container& o) const {
  return name == o.name && attributes == o.attributes && blocks == o.blocks;
}

const char* Block::kind_name() const noexcept {
  return std::visit(
      [](const auto& b) -> const char* {
        using T = std::decay_t<decltype(b)>;
        static_assert(requires { BlockKind<T>::name; }, "Block::kind_name: a block kind has no BlockKind<> name");
        return BlockKind<T>::name;
      },
      value);
}

namespace {

void check_table(const Table& b, const Where& where) {
  const Where w{&where, {}, b.caption};
  if (b.columns.empty()) refuse(w, "a table needs at least one column");
  if (b.columns.size() > limits().table_columns)
    refuse(w, limit_message("table_columns", std::to_string(b.columns.size()) + " columns"));
  if (b.data.rows() > limits().table_cells / b.columns.size())
    refuse(w, limit_message("table_cells", std::to_string(b.data.rows()) + " rows × " +
                                               std::to_string(b.columns.size()) + " columns"));
  for (const std::string* t : {&b.id, &b.source, &b.source_url, &b.indicator}) check_text(*t, where, "table text");
  check_label(b.caption, where, "the caption");
  check_indicator_ref(b.indicator, b.national, w);
  for (const auto& [k, v] : b.metadata) {
    check_text(k, w, "a metadata key");
    check_text(v, w, "a metadata value");
  }
  for (const Column& c : b.columns) {
    check_decimals(c.decimals, w);
    check_label(c.label, w, "a column label");
    check_text(c.unit, w, "a column unit");
  }
  const TableData& d = b.data;
  if (d.columns() != b.columns.size())
    refuse(w, "has cells in " + std::to_string(d.columns()) + " columns but " + std::to_string(b.columns.size()) +
                  " columns are declared");
  // Every text once (the table stores each distinct text once), then each column once.
  for (std::size_t id = 0; id < d.text_count(); ++id) {
    if (is_valid_utf8(d.text(id))) continue;
    for (std::size_t c = 0; c < d.columns(); ++c)
      for (std::size_t r = 0; r < d.column_size(c); ++r)
        if (d.cell(r, c).kind == Cell::Kind::Text && d.cell(r, c).text == d.text(id)) {
          const Where rw{&w, "row ", {}, r + 1};
          refuse(Where{&rw, "column", b.columns[c].label}, "the cell text is not valid UTF-8");
        }
    refuse(w, "a cell text is not valid UTF-8");
  }
  for (std::size_t c = 0; c < d.columns(); ++c) {
    const Column& col = b.columns[c];
    auto at = [&](std::size_t r) { return Where{&w, "row ", {}, r + 1}; };
    if (d.column_size(c) != d.rows()) {
      const Where rw = at(d.column_size(c));
      const Where cw{&rw, "column", col.label};
      refuse(cw, "is missing: the column has " + std::to_string(d.column_size(c)) + " cells but the table " +
                     std::to_string(d.rows()) + " rows");
    }
    const std::span<const double> numbers = d.numbers(c);
    if (!numbers.empty() || d.rows() == 0) {
      // All numbers: one tight loop, no per-cell views.
      for (std::size_t r = 0; r < numbers.size(); ++r) {
        const Where rw = at(r);
        if (!std::isfinite(numbers[r])) check_number(numbers[r], Where{&rw, "column", col.label}, "the value");
      }
      if (d.has_status(c))
        for (std::size_t r = 0; r < numbers.size(); ++r)
          if (numbers[r] != 0 && d.cell(r, c).status == ValueStatus::Nil) {
            const Where rw = at(r);
            refuse(Where{&rw, "column", col.label}, "the nil mark belongs on the number 0 only");
          }
      if (!numbers.empty() && col.type != Column::Type::Number) {
        const Where rw = at(0);
        refuse(Where{&rw, "column", col.label}, "a number in a text column");
      }
      continue;
    }
    std::size_t r = 0;
    for (const CellView cell : d.column(c)) {
      if (cell.kind == Cell::Kind::Empty && cell.status == ValueStatus::None) {
        const Where rw = at(r);
        refuse(Where{&rw, "column", col.label}, "a missing cell needs a status saying why (e.g. not_available)");
      }
      if (cell.kind == Cell::Kind::Number) {
        const Where rw = at(r);
        const Where cw{&rw, "column", col.label};
        check_number(cell.number, cw, "the value");
        if (col.type != Column::Type::Number) refuse(cw, "a number in a text column");
      }
      if (cell.status == ValueStatus::Nil && !(cell.kind == Cell::Kind::Number && cell.number == 0)) {
        const Where rw = at(r);
        refuse(Where{&rw, "column", col.label}, "the nil mark belongs on the number 0 only");
      }
      if (cell.kind == Cell::Kind::Text && col.type == Column::Type::Number) {
        const Where rw = at(r);
        refuse(Where{&rw, "column", col.label}, "text '" + std::string(cell.text) + "' in a number column");
      }
      ++r;
    }
  }
}

void check_chart(const Chart& b, const Where& where) {
  const Where w{&where, {}, b.title};
  for (const std::string* t : {&b.id, &b.alt, &b.source, &b.source_url, &b.indicator, &b.data_table})
    check_text(*t, where, "chart text");
  check_label(b.title, where, "the title");
  check_indicator_ref(b.indicator, b.national, w);
  if (b.series.size() > limits().chart_series)
    refuse(w, limit_message("chart_series", std::to_string(b.series.size()) + " series"));
  if (b.categories.size() > limits().chart_categories)
    refuse(w, limit_message("chart_categories", std::to_string(b.categories.size()) + " categories"));
  for (const std::string& t : b.categories) check_label(t, w, "a category");
  if (b.alt.empty()) refuse(w, "a chart needs alt text (a text alternative for screen readers)");
  if (b.categories.empty()) refuse(w, "a chart needs at least one category");
  if (b.series.empty()) refuse(w, "a chart needs at least one series");
  for (const Series& s : b.series) {
    check_label(s.name, w, "a series name");
    check_text(s.unit, w, "a series unit");
    if (s.values.size() != b.categories.size())
      refuse(w, "series '" + s.name + "' has " + std::to_string(s.values.size()) + " values for " +
                    std::to_string(b.categories.size()) + " categories");
    const Where sw{&w, "series", s.name};
    for (const auto& v : s.values)
      if (v) check_number(*v, sw, "a value");
    for (const auto* bounds : {&s.lower, &s.upper}) {
      if (!bounds->empty() && bounds->size() != b.categories.size())
        refuse(sw, "has " + std::to_string(bounds->size()) + " interval bounds for " +
                       std::to_string(b.categories.size()) + " categories");
      for (const auto& v : *bounds)
        if (v) check_number(*v, sw, "an interval bound");
    }
    if (!s.lower.empty() && !s.upper.empty())
      for (std::size_t i = 0; i < s.lower.size(); ++i)
        if (s.lower[i] && s.upper[i] && *s.lower[i] > *s.upper[i])
          refuse(Where{&sw, {}, b.categories[i]}, "the interval's lower bound is above its upper bound");
  }
}

void check_block_at(const Block& block, const Where& parent, std::size_t depth) {
  const Where where{&parent, block.kind_name(), {}, 0};
  if (depth > limits().block_depth)
    refuse(where, limit_message("block_depth", "lists, quotes and containers nested " + std::to_string(depth) + " deep"));
  if (!block.lang.empty() && !is_language_tag(block.lang))
    refuse(where, "language '" + block.lang + "' is not a BCP 47 tag such as nb, se or en-GB");
  check_text(block.origin, where, "the origin");
  std::visit(
      [&](const auto& b) {
        using T = std::decay_t<decltype(b)>;
        if constexpr (std::is_same_v<T, Heading>) {
          if (b.level < 1 || b.level > 6)
            refuse(where, "heading level must be 1–6, got " + std::to_string(b.level));
          if (b.content.empty()) refuse(where, "a heading needs text");
          check_inlines(b.content, where, 1);
        } else if constexpr (std::is_same_v<T, Paragraph>) {
          check_inlines(b.content, where, 1);
        } else if constexpr (std::is_same_v<T, List>) {
          if (b.items.empty()) refuse(where, "a list needs at least one item");
          if (b.start < 0) refuse(where, "a list cannot start below 0");
          for (const Blocks& item : b.items) check_blocks(item, where, depth + 1);
        } else if constexpr (std::is_same_v<T, Quote>) {
          check_blocks(b.blocks, where, depth + 1);
        } else if constexpr (std::is_same_v<T, Table>) {
          check_table(b, where);
        } else if constexpr (std::is_same_v<T, Chart>) {
          check_chart(b, where);
        } else if constexpr (std::is_same_v<T, Figure>) {
          for (const std::string* t : {&b.path, &b.alt, &b.id}) check_text(*t, where, "figure text");
          check_label(b.caption, where, "the caption");
          if (b.path.empty()) refuse(where, "a figure needs an image path");
          if (!b.width.empty() && !figure_width_points(b.width, 1))
            refuse(Where{&where, {}, b.path},
                   "figure width '" + b.width +
                       "' is not a percentage or a length such as 40%, 6cm, 60mm, 2.5in, 170pt");
          if (b.alt.empty())
            refuse(Where{&where, {}, b.path}, "a figure needs alt text (a text alternative for screen readers)");
        } else if constexpr (std::is_same_v<T, IndicatorSummary>) {
          for (const std::string* t : {&b.indicator, &b.series, &b.unit, &b.year, &b.source, &b.source_url})
            check_text(*t, where, "indicator summary text");
          check_label(b.title, where, "the title");
          const Where w{&where, {}, b.indicator};
          if (b.indicator.empty()) refuse(w, "an indicator summary needs an indicator id");
          check_indicator_ref(b.indicator, b.national, w);
          if (b.value) check_number(*b.value, w, "the value");
          check_decimals(b.decimals, w);
        } else if constexpr (std::is_same_v<T, Container>) {
          if (b.name.empty()) refuse(where, "a container needs a name");
          for (const auto& [k, v] : b.attributes) {
            check_text(k, where, "an attribute name");
            check_text(v, where, "an attribute value");
          }
          check_blocks(b.blocks, Where{&where, {}, b.name}, depth + 1);
        } else {
          static_assert(unhandled_block_kind<T>, "check_block: a block kind is not handled");
        }
      },
      block.value);
}

}  // namespace

void check_block(const Block& block, const std::string& where_in) {
  const Where root{nullptr, where_in, {}, 0};
  check_block_at(block, root, 1);
}

// ---------------------------------------------------------------- sections

Section::Section(std::string title) : title_(std::move(title)), id_(make_id(title_)) {}

void Section::set_title(std::string t) {
  const bool derived = id_ == make_id(title_);
  title_ = std::move(t);
  if (derived) id_ = make_id(title_);
}

void Section::set_id(std::string id) {
  if (id.empty()) id = make_id(title_);
  for (char c : id)
    if (!(std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_' || c == '.'))
      refuse("section '" + title_ + "'", "id '" + id + "' may hold only ASCII letters, digits, '-', '_' and '.'");
  id_ = std::move(id);
}

void Section::set_goal(int goal) {
  if (!Catalogue::get().find_goal(goal))
    refuse("section '" + title_ + "'",
           "goal " + std::to_string(goal) + " is not an SDG goal (goals are numbered 1–17)");
  if (goal_ && *goal_ != goal && !targets_.empty())
    refuse("section '" + title_ + "'", "cannot change the goal of a section that lists targets");
  goal_ = goal;
}

void Section::add_target(const std::string& target_id) {
  const std::string where = "section '" + title_ + "'";
  if (!goal_) refuse(where, "only a goal section can list targets (set the goal first)");
  const Target* t = Catalogue::get().find_target(target_id);
  if (!t) refuse(where, "'" + target_id + "' is not an SDG target");
  if (t->goal != *goal_)
    refuse(where, "target " + target_id + " belongs to goal " + std::to_string(t->goal) +
                      ", not goal " + std::to_string(*goal_));
  for (const auto& existing : targets_)
    if (existing == target_id) return;
  targets_.push_back(target_id);
}

void Section::add_block(Block b) {
  check_block(b, "section '" + title_ + "'");
  blocks_.push_back(std::move(b));
}

void Section::add_blocks(Blocks bs) {
  for (const Block& b : bs) check_block(b, "section '" + title_ + "'");
  for (Block& b : bs) blocks_.push_back(std::move(b));
}

Section& Section::add_section(std::string title) { return add_section(Section(std::move(title))); }

Section& Section::add_section(Section s) {
  sections_.push_back(std::move(s));
  return sections_.back();
}

// ---------------------------------------------------------------- document

Section& Document::add_chapter(std::string title) { return add_chapter(Section(std::move(title))); }

Section& Document::add_chapter(Section s) {
  chapters_.push_back(std::move(s));
  return chapters_.back();
}

namespace {

bool valid_date(const std::string& d) {
  auto digits = [&](std::size_t from, std::size_t n) {
    for (std::size_t i = from; i < from + n; ++i)
      if (i >= d.size() || !std::isdigit(static_cast<unsigned char>(d[i]))) return false;
    return true;
  };
  if (d.size() == 4) return digits(0, 4);
  if (d.size() == 7) return digits(0, 4) && d[4] == '-' && digits(5, 2) && std::stoi(d.substr(5, 2)) >= 1 && std::stoi(d.substr(5, 2)) <= 12;
  if (d.size() == 10) {
    if (!(digits(0, 4) && d[4] == '-' && digits(5, 2) && d[7] == '-' && digits(8, 2))) return false;
    int m = std::stoi(d.substr(5, 2)), day = std::stoi(d.substr(8, 2));
    return m >= 1 && m <= 12 && day >= 1 && day <= 31;
  }
  return false;
}

void check_section(const Section& s, std::set<std::string>& ids, std::size_t depth) {
  const std::string where = "section '" + s.title() + "'";
  if (depth > limits().section_depth)
    refuse(where, limit_message("section_depth", "sections nested " + std::to_string(depth) + " deep"));
  if (s.title().empty()) refuse(where, "a section needs a title");
  check_text(s.title(), "a section", "the title");
  if (!ids.insert(s.id()).second) refuse(where, "section id '" + s.id() + "' is used twice");
  check_label(s.title(), Where{nullptr, where, {}, 0}, "the title");
  for (const Block& b : s.blocks()) check_block(b, where);
  for (const Section& sub : s.sections()) check_section(sub, ids, depth + 1);
}

}  // namespace

void Document::check() const {
  for (const std::string* t : {&meta.title, &meta.subtitle, &meta.organisation, &meta.date, &meta.edition})
    check_text(*t, "document", "metadata");
  for (const auto* list : {&meta.authors, &meta.keywords})
    for (const std::string& t : *list) check_text(t, "document", "metadata");
  if (language_index(meta.language) >= kLanguages.size())  // only a cast can make one
    refuse("document", "the report's language is not one of " + std::string(language_codes_list()));
  if (!meta.date.empty() && !valid_date(meta.date))
    refuse("document", "date '" + meta.date + "' is not an ISO date (YYYY-MM-DD, YYYY-MM or YYYY)");
  std::set<std::string> ids;
  for (const Section& ch : chapters_) check_section(ch, ids, 1);
}

std::optional<double> figure_width_points(std::string_view width, double text_width) {
  static constexpr std::pair<std::string_view, double> kUnits[] = {
      {"%", 0}, {"cm", 72 / 2.54}, {"mm", 72 / 25.4}, {"in", 72}, {"pt", 1}};
  for (const auto& [unit, points] : kUnits) {
    if (!width.ends_with(unit)) continue;
    const std::string_view num = width.substr(0, width.size() - unit.size());
    if (num.empty() || num.size() > 8) return std::nullopt;
    double v = 0, scale = 0;  // digits with at most one '.'
    for (char c : num) {
      if (c == '.' && scale == 0) {
        scale = 1;
      } else if (c >= '0' && c <= '9') {
        v = v * 10 + (c - '0');
        scale *= 10;
      } else {
        return std::nullopt;
      }
    }
    if (scale > 1) v /= scale;
    if (!(v > 0)) return std::nullopt;
    return points == 0 ? text_width * std::min(v, 100.0) / 100 : v * points;
  }
  return std::nullopt;
}

bool is_svg_path(std::string_view path) noexcept {
  const std::string tail = lower(path.substr(path.size() > 5 ? path.size() - 5 : 0));
  return tail.ends_with(".svg") || tail.ends_with(".svgz");
}

bool is_language_tag(std::string_view tag) noexcept {
  // BCP 47's shape: a 2–3 letter primary subtag (or 4–8 registered), then subtags of
  // 1–8 letters or digits joined by '-'. Not a registry check.
  if (tag.empty() || tag.size() > 35) return false;
  std::size_t start = 0;
  bool first = true;
  while (start <= tag.size()) {
    const std::size_t end = std::min(tag.find('-', start), tag.size());
    const std::string_view sub = tag.substr(start, end - start);
    if (sub.empty() || sub.size() > 8) return false;
    for (char c : sub) {
      const bool letter = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
      if (!letter && !(c >= '0' && c <= '9')) return false;
      if (first && !letter) return false;
    }
    if (first && sub.size() < 2) return false;
    first = false;
    if (end == tag.size()) break;
    start = end + 1;
  }
  return true;
}

bool is_national_indicator_id(std::string_view id) noexcept {
  if (id.empty() || id.size() > 64 || id[0] < '0' || id[0] > '9') return false;
  for (char c : id) {
    const bool ok = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '.' ||
                    c == '-' || c == '_';
    if (!ok) return false;
  }
  return true;
}

std::string make_id(const std::string& title) {
  static const std::pair<const char*, const char*> translit[] = {
      {"æ", "ae"}, {"Æ", "ae"}, {"ø", "o"}, {"Ø", "o"}, {"å", "a"}, {"Å", "a"},
      {"ä", "a"},  {"Ä", "a"},  {"ö", "o"}, {"Ö", "o"}, {"ü", "u"}, {"Ü", "u"},
      {"é", "e"},  {"É", "e"},  {"è", "e"}, {"á", "a"}, {"ó", "o"}, {"ß", "ss"}};
  std::string out;
  bool dash = false;
  for (std::size_t i = 0; i < title.size();) {
    unsigned char c = static_cast<unsigned char>(title[i]);
    if (std::isalnum(c) && c < 0x80) {
      if (dash && !out.empty()) out += '-';
      dash = false;
      out += static_cast<char>(std::tolower(c));
      ++i;
      continue;
    }
    if (c >= 0x80) {
      bool done = false;
      for (const auto& [from, to] : translit) {
        std::string_view f(from);
        if (title.compare(i, f.size(), f) == 0) {
          if (dash && !out.empty()) out += '-';
          dash = false;
          out += to;
          i += f.size();
          done = true;
          break;
        }
      }
      if (done) continue;
      // skip the whole UTF-8 sequence
      const int len = utf8_decode(title, i);
      i += len > 0 ? static_cast<std::size_t>(len) : 1;
      dash = true;
      continue;
    }
    dash = true;
    ++i;
  }
  return out.empty() ? "section" : out;
}

bool is_iso_date(const std::string& date) { return valid_date(date); }

}  // namespace sdg
