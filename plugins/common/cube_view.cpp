// sdgreport data plugins — from a cube and a choice of categories to a table
// and a chart (see cube.hpp, docs/plugins/jsonstat.md and docs/plugins/px.md).
#include <algorithm>
#include <charconv>
#include <cmath>
#include <map>
#include <set>

#include "cube.hpp"
#include "html_text.hpp"
#include "view_id.hpp"
#include "sdgreport/i18n.hpp"

namespace sdg::plugins::cube {

std::optional<std::size_t> Dimension::find(std::string_view category_id) const {
  for (std::size_t i = 0; i < categories.size(); ++i)
    if (categories[i].id == category_id) return i;
  return std::nullopt;
}

const Dimension* Cube::dimension(std::string_view id) const {
  for (const Dimension& d : dimensions)
    if (d.id == id) return &d;
  return nullptr;
}

std::optional<std::size_t> Cube::dimension_index(std::string_view id) const {
  for (std::size_t i = 0; i < dimensions.size(); ++i)
    if (dimensions[i].id == id) return i;
  return std::nullopt;
}

using Dataset = Cube;

namespace {

/// The plugin's name, for messages (set by make_view for the thread of one view).
thread_local const char* g_plugin = "cube";

/// HTML of the file (source, notes) as text; unreadable markup located at the file.
plugins::LinkedText html_of(const std::string& raw, const ViewSpec& spec) {
  try {
    return plugins::html_to_text(raw);
  } catch (const Error& e) {
    throw Error(ErrorCode::Input, e.message(), Location{spec.file, 0, 0});
  }
}

[[noreturn]] void refuse(const Location& where, const std::string& what) {
  throw Error(ErrorCode::Definition, std::string(g_plugin) + ": " + what, where);
}


std::string describe(const Dimension& d) {
  return d.label == d.id ? "'" + d.id + "'" : "'" + d.id + "' (" + d.label + ")";
}

std::string dimension_list(const Dataset& ds) {
  std::string out;
  for (const Dimension& d : ds.dimensions) out += (out.empty() ? "" : ", ") + describe(d);
  return out;
}

std::string some_categories(const Dimension& d) {
  std::string out;
  for (std::size_t i = 0; i < d.categories.size() && i < 8; ++i)
    out += (i ? ", " : "") + d.categories[i].id;
  if (d.categories.size() > 8) out += ", … (" + std::to_string(d.categories.size()) + " in all)";
  return out;
}

std::size_t find_dimension(const Dataset& ds, const std::string& name, const Location& where,
                           const std::string& what) {
  if (auto i = ds.dimension_index(name)) return *i;
  for (std::size_t i = 0; i < ds.dimensions.size(); ++i)
    if (ds.dimensions[i].label == name) return i;
  refuse(where, "unknown dimension '" + name + "' in '" + what + "'; " +
                    (ds.name.empty() ? "the dataset" : "dataset '" + ds.name + "'") + " has " +
                    dimension_list(ds));
}

std::size_t find_category(const Dimension& d, const std::string& s, const Location& where) {
  if (auto i = d.find(s)) return *i;
  for (std::size_t i = 0; i < d.categories.size(); ++i)
    if (d.categories[i].label == s) return i;
  refuse(where, "dimension " + describe(d) + " has no category '" + s + "' (categories: " +
                    some_categories(d) + ")");
}

/// Positions chosen by one selector, in order.
std::vector<std::size_t> apply(const Dimension& d, const std::string& sel, const Location& where) {
  std::vector<std::size_t> out;
  const std::size_t n = d.categories.size();
  if (sel == "*") {
    for (std::size_t i = 0; i < n; ++i) out.push_back(i);
    return out;
  }
  if (sel.starts_with("last ")) {
    std::size_t k = 0;
    const std::string num = sel.substr(5);
    auto [p, ec] = std::from_chars(num.data(), num.data() + num.size(), k);
    if (ec != std::errc() || p != num.data() + num.size() || k == 0)
      refuse(where, "'" + sel + "': expected 'last N' with N a positive whole number");
    for (std::size_t i = n > k ? n - k : 0; i < n; ++i) out.push_back(i);
    return out;
  }
  if (sel.size() > 2 && sel.ends_with("/*")) {
    const std::size_t parent = find_category(d, sel.substr(0, sel.size() - 2), where);
    if (d.categories[parent].children.empty())
      refuse(where, "'" + sel + "': category '" + d.categories[parent].id +
                        "' has no children in this file ('category.child')");
    for (const std::string& kid : d.categories[parent].children) out.push_back(*d.find(kid));
    return out;
  }
  if (!d.find(sel))
    if (std::size_t dots = sel.find(".."); dots != std::string::npos) {
      const std::string from = sel.substr(0, dots), to = sel.substr(dots + 2);
      const std::size_t a = from.empty() ? 0 : find_category(d, from, where);
      const std::size_t b = to.empty() ? n - 1 : find_category(d, to, where);
      if (a > b)
        refuse(where, "'" + sel + "': '" + d.categories[a].id + "' comes after '" +
                          d.categories[b].id + "' in the file");
      for (std::size_t i = a; i <= b; ++i) out.push_back(i);
      return out;
    }
  out.push_back(find_category(d, sel, where));
  return out;
}

std::string multiplier_word(int m, Language lang) {
  const bool nb = is_norwegian(lang);
  switch (m) {
    case 3: return nb ? "tusen" : "thousands";
    case 6: return nb ? "millioner" : "millions";
    case 9: return nb ? "milliarder" : "billions";
    default: return "×10^" + std::to_string(m);
  }
}

}  // namespace

std::string unit_text(const std::optional<Unit>& u, Language lang) {
  if (!u) return {};
  std::string t = !u->symbol.empty() ? u->symbol : !u->label.empty() ? u->label : u->base;
  if (u->multiplier != 0) {
    const std::string w = multiplier_word(u->multiplier, lang);
    t = t.empty() ? w : t + " (" + w + ")";
  }
  return t;
}

namespace {

ValueStatus status_for(const std::string& code, bool present, const ViewSpec& spec, const Format& format,
                       std::set<std::string>& unshown) {
  if (code.empty()) return present ? ValueStatus::None : ValueStatus::NotAvailable;
  std::optional<ValueStatus> s;
  if (auto it = spec.status_map.find(code); it != spec.status_map.end())
    s = it->second;
  else if (format.status_of)
    s = format.status_of(code);
  if (!s) {
    unshown.insert(code);
    return present ? ValueStatus::None : ValueStatus::NotAvailable;
  }
  if (!present && *s == ValueStatus::None) return ValueStatus::NotAvailable;
  return *s;
}

/// The cell of an observation after the status mapping (Nil: the number 0).
Cell cell_of(const Observation& o, const ViewSpec& spec, const Format& format, std::set<std::string>& unshown) {
  const ValueStatus st = status_for(o.status, o.value.has_value(), spec, format, unshown);
  if (st == ValueStatus::Nil) return Cell::of(0.0, st);
  return o.value ? Cell::of(*o.value, st) : Cell::missing(st);
}

}  // namespace

View make_view(const Dataset& ds, const ViewSpec& spec, const Format& format) {
  const std::size_t nd = ds.dimensions.size();
  View view;
  struct PluginName {
    const char* saved;
    explicit PluginName(const char* p) : saved(g_plugin) { g_plugin = p; }
    ~PluginName() { g_plugin = saved; }
  } plugin_name(format.plugin);
  if (nd == 0) refuse(Location{spec.file, 0, 0}, "the file has no dimensions");

  // Categories chosen per dimension (all unless selected).
  std::vector<std::vector<std::size_t>> chosen(nd);
  std::vector<bool> selected(nd, false);
  for (std::size_t i = 0; i < nd; ++i)
    for (std::size_t c = 0; c < ds.dimensions[i].categories.size(); ++c) chosen[i].push_back(c);
  for (const Selection& s : spec.select) {
    const std::size_t di = find_dimension(ds, s.dimension, s.where, "select");
    if (selected[di]) refuse(s.where, "dimension " + describe(ds.dimensions[di]) + " is selected twice");
    if (s.selectors.empty()) refuse(s.where, "no category selected for " + describe(ds.dimensions[di]));
    selected[di] = true;
    std::vector<std::size_t> out;
    std::set<std::size_t> have;
    for (const std::string& sel : s.selectors)
      for (std::size_t c : apply(ds.dimensions[di], sel, s.where))
        if (have.insert(c).second) out.push_back(c);
    chosen[di] = std::move(out);
  }

  // Rows, columns and series.
  constexpr std::size_t kNone = static_cast<std::size_t>(-1);
  std::size_t rows = spec.rows.empty() ? kNone : find_dimension(ds, spec.rows, spec.rows_at, "rows");
  std::size_t cols = spec.columns.empty() ? kNone : find_dimension(ds, spec.columns, spec.columns_at, "columns");
  if (rows != kNone && rows == cols)
    refuse(spec.columns_at, "'rows' and 'columns' name the same dimension " + describe(ds.dimensions[rows]));
  std::vector<std::size_t> multi;
  for (std::size_t i = 0; i < nd; ++i)
    if (chosen[i].size() > 1 && i != rows && i != cols) multi.push_back(i);
  // A dimension neither selected nor named as rows or columns that has a category
  // standing for the whole (PC-Axis ELIMINATION, "Total") comes down to it before
  // rows and columns are chosen among the others; the caption names it.
  std::erase_if(multi, [&](std::size_t i) {
    if (selected[i] || !ds.dimensions[i].elimination) return false;
    chosen[i] = {*ds.dimensions[i].elimination};
    return true;
  });
  auto names_of = [&](const std::vector<std::size_t>& v) {
    std::string out;
    for (std::size_t i : v) out += (out.empty() ? "" : ", ") + describe(ds.dimensions[i]);
    return out;
  };
  if (rows == kNone && cols == kNone && multi.size() == 2) {
    // Time across, the other down; else the file's order.
    std::size_t t = ds.dimensions[multi[0]].role == "time" ? 0 : 1;
    cols = multi[t];
    rows = multi[1 - t];
    multi.clear();
  }
  if (rows == kNone && !multi.empty()) {
    rows = multi.front();
    multi.erase(multi.begin());
  }
  if (cols == kNone && !multi.empty()) {
    cols = multi.front();
    multi.erase(multi.begin());
  }
  if (!multi.empty())
    refuse(spec.select.empty() ? Location{} : spec.select.front().where,
           "more than one category is selected in " + names_of(multi) +
               ", besides the rows and columns; select one category of each (select: { " +
               ds.dimensions[multi.front()].id + ": … }) or choose 'rows' and 'columns'");
  if (rows == kNone) {
    // One cell, or only columns: rows are the first other dimension (one category).
    for (std::size_t i = 0; i < nd && rows == kNone; ++i)
      if (i != cols) rows = i;
    if (rows == kNone) {
      rows = cols;
      cols = kNone;
    }
  }
  for (std::size_t i : {rows, cols})
    if (i != kNone && chosen[i].empty())
      refuse(Location{}, "no category of " + describe(ds.dimensions[i]) + " is selected");
  // Two categories with one label would be two rows (or columns) of one name.
  // They are two categories, not two values for one cell: both are kept, and
  // shown with their ids ("Oslo (0301)", "Oslo (K-0301)"); `duplicates: error`
  // stops instead.
  std::map<std::pair<std::size_t, std::size_t>, std::string> relabel;  // (dimension, category) → label shown
  for (std::size_t i : {rows, cols}) {
    if (i == kNone) continue;
    const Dimension& d = ds.dimensions[i];
    std::map<std::string, std::vector<std::size_t>> by_label;  // label → chosen categories
    for (std::size_t k : chosen[i]) by_label[d.categories[k].label].push_back(k);
    for (const auto& [lab, cats] : by_label) {
      if (cats.size() < 2) continue;
      const Category& a = d.categories[cats[0]];
      const Category& b = d.categories[cats[1]];
      const std::string both = "categories '" + a.id + "' (position " + std::to_string(cats[0]) + ") and '" + b.id +
                               "' (position " + std::to_string(cats[1]) + ") of " + describe(d) +
                               " have the same label '" + lab + "'";
      if (spec.duplicates == plugins::DuplicatePolicy::Error)
        throw Error(ErrorCode::Input, std::string(format.plugin) + ": " + both + "; select one, or set 'duplicates: first'",
                    spec.select.empty() ? Location{spec.file, 0, 0} : spec.select.front().where);
      for (std::size_t k : cats) relabel[{i, k}] = lab + " (" + d.categories[k].id + ")";
      view.duplicates.push_back(both + "; both are kept, shown with their ids");
    }
  }
  auto shown = [&](std::size_t dim, std::size_t cat) -> const std::string& {
    auto it = relabel.find({dim, cat});
    return it == relabel.end() ? ds.dimensions[dim].categories[cat].label : it->second;
  };

  // The metric dimension gives units.
  std::size_t metric = kNone;
  for (std::size_t i = 0; i < nd && metric == kNone; ++i)
    if (ds.dimensions[i].role == "metric") metric = i;
  for (std::size_t i = 0; i < nd && metric == kNone; ++i)
    for (const Category& c : ds.dimensions[i].categories)
      if (c.unit) metric = i;

  // Fixed position of every other dimension.
  std::vector<std::size_t> pos(nd, 0);
  for (std::size_t i = 0; i < nd; ++i)
    if (i != rows && i != cols) pos[i] = chosen[i].front();

  const Dimension& rd = ds.dimensions[rows];
  const std::size_t ncols = cols == kNone ? 1 : chosen[cols].size();
  const std::size_t nrows = chosen[rows].size();

  std::set<std::string> unshown;  // status codes the report cannot show
  // Values, row by row.
  std::vector<std::vector<Observation>> obs(nrows, std::vector<Observation>(ncols));
  for (std::size_t r = 0; r < nrows; ++r)
    for (std::size_t c = 0; c < ncols; ++c) {
      pos[rows] = chosen[rows][r];
      if (cols != kNone) pos[cols] = chosen[cols][c];
      obs[r][c] = ds.at(pos);
      // A nil is the number 0 with the nil mark, whether the file gives 0 or null.
      Observation& o = obs[r][c];
      if (!o.status.empty() && status_for(o.status, true, spec, format, unshown) == ValueStatus::Nil) {
        if (!o.value)
          o.value = 0.0;
        else if (*o.value != 0) {  // a nil mark on a value that is not 0: the value stays, unmarked
          unshown.insert(o.status + " (on a value that is not 0)");
          o.status.clear();
        }
      }
    }

  // Unit of the cell at (r, c).
  auto unit_at = [&](std::size_t r, std::size_t c) -> const std::optional<Unit>& {
    if (metric == kNone) return ds.unit;
    std::size_t m = pos[metric];
    if (metric == rows) m = chosen[rows][r];
    if (metric == cols) m = chosen[cols][c];
    const std::optional<Unit>& u = ds.dimensions[metric].categories[m].unit;
    return u ? u : ds.unit;
  };

  // Columns: label, unit and decimals.
  std::vector<Column> columns;
  columns.push_back(Column{rd.label, Column::Type::Text, "", 0});
  for (std::size_t c = 0; c < ncols; ++c) {
    Column col;
    col.type = Column::Type::Number;
    if (cols != kNone)
      col.label = shown(cols, chosen[cols][c]);
    else if (metric != kNone && metric != rows)
      col.label = ds.dimensions[metric].categories[pos[metric]].label;
    else
      col.label = label(Label::Value, spec.language);
    std::set<std::string> units;
    int from_unit = -1, found = 0;
    for (std::size_t r = 0; r < nrows; ++r) {
      const auto& u = unit_at(r, c);
      units.insert(unit_text(u, spec.language));
      if (u && u->decimals) from_unit = std::max(from_unit, *u->decimals);
      if (obs[r][c].value) found = std::max(found, obs[r][c].decimals);
    }
    col.unit = units.size() == 1 ? *units.begin() : "";
    col.decimals = spec.decimals ? *spec.decimals : from_unit >= 0 ? from_unit : std::min(found, 10);
    columns.push_back(std::move(col));
  }

  // Caption: the dataset's label, and the one category of each dimension that
  // was narrowed down to one.
  std::string fixed;
  for (std::size_t i = 0; i < nd; ++i)
    if (i != rows && i != cols && ds.dimensions[i].categories.size() > 1)
      fixed += (fixed.empty() ? "" : ", ") + ds.dimensions[i].label + ": " +
               ds.dimensions[i].categories[pos[i]].label;
  std::string caption = spec.caption;
  if (caption.empty()) {
    caption = ds.label.empty() ? ds.name : ds.label;
    if (!fixed.empty()) caption += " (" + fixed + ")";
  }
  std::string source = spec.source, source_url;
  if (source.empty()) {
    const plugins::LinkedText t = html_of(ds.source, spec);
    source = t.text;
    source_url = t.url;
  }
  if (source.empty()) {
    const bool norwegian = is_norwegian(spec.language);
    source = std::string(norwegian ? format.file_nb : format.file_en) + " " +
             (spec.file.empty() ? std::string(norwegian ? "(uten navn)" : "(unnamed)") : spec.file);
    view.warnings.push_back({Code::SourceFromFile,
                             "the file gives no 'source' and the options none: the source note names the file"});
  }

  // A stable id when none is given: the file and a hash of what the view shows,
  // so a chart can name the table holding its observations.
  std::string id = spec.id;
  if (id.empty()) {
    plugins::ViewId h;
    auto mix = [&h](std::string_view part) { h.mix(part); };
    mix(ds.name);
    for (std::size_t i = 0; i < nd; ++i) {
      mix(ds.dimensions[i].id);
      mix(i == rows ? "rows" : i == cols ? "cols" : "fixed");
      for (std::size_t c : chosen[i]) mix(ds.dimensions[i].categories[c].id);
    }
    const std::string stem = spec.file.substr(0, spec.file.rfind('.'));
    id = std::string(format.plugin) + "-" + (stem.empty() ? std::string("data") : make_id(stem)) + "-" + h.tag();
  }
  // Metadata for annexes (the workbook's Metadata sheet).
  std::map<std::string, std::string> metadata;
  metadata["title"] = ds.label.empty() ? caption : ds.label;
  {
    std::set<std::string> units;
    for (std::size_t c = 1; c < columns.size(); ++c) units.insert(columns[c].unit);
    if (units.size() == 1 && !units.begin()->empty()) metadata["unit"] = *units.begin();
  }
  std::string notes;
  for (const std::string& n : ds.notes) {
    const plugins::LinkedText t = html_of(n, spec);
    if (!t.text.empty()) notes += (notes.empty() ? "" : " ") + t.text;
    if (source_url.empty() && format.link_from_notes) source_url = t.url;
  }
  if (!notes.empty()) metadata["definition"] = notes;
  if (!ds.updated.empty()) metadata["updated"] = ds.updated;
  metadata["organisation"] = source;
  if (!source_url.empty()) metadata["url"] = source_url;

  if (spec.table) {
    Table t;
    t.id = id;
    t.caption = caption;
    t.source = source;
    t.source_url = source_url;
    t.indicator = spec.indicator;
    t.metadata = metadata;
    t.columns = columns;
    for (std::size_t r = 0; r < nrows; ++r) {
      std::vector<Cell> row;
      row.push_back(Cell::of(shown(rows, chosen[rows][r])));
      for (std::size_t c = 0; c < ncols; ++c) {
        row.push_back(cell_of(obs[r][c], spec, format, unshown));
      }
      t.data.append_row(row);
    }
    view.table = std::move(t);
  }

  if (spec.chart) {
    std::size_t series = rows;
    if (!spec.series.empty()) series = find_dimension(ds, spec.series, spec.series_at, "series");
    if (series != rows && series != cols)
      refuse(spec.series_at, "'series' must be the rows or the columns dimension (" +
                                 describe(rd) + (cols == kNone ? "" : " or " + describe(ds.dimensions[cols])) + ")");
    Chart ch;
    ch.kind = *spec.chart;
    ch.id = id + "-chart";
    if (spec.table) ch.data_table = id;  // the same cells as the table
    ch.title = spec.title.empty() ? caption : spec.title;
    ch.source = source;
    ch.source_url = source_url;
    ch.indicator = spec.indicator;
    const bool by_rows = series == rows && cols != kNone;
    const std::size_t nser = by_rows ? nrows : ncols;
    const std::size_t ncat = by_rows ? ncols : nrows;
    for (std::size_t k = 0; k < ncat; ++k)
      ch.categories.push_back(by_rows ? columns[k + 1].label : shown(rows, chosen[rows][k]));
    for (std::size_t s = 0; s < nser; ++s) {
      Series se;
      se.name = by_rows ? shown(rows, chosen[rows][s]) : columns[s + 1].label;
      se.unit = by_rows ? unit_text(unit_at(s, 0), spec.language) : columns[s + 1].unit;
      for (std::size_t k = 0; k < ncat; ++k) {
        const Cell cell = cell_of(by_rows ? obs[s][k] : obs[k][s], spec, format, unshown);
        se.values.push_back(cell.kind == Cell::Kind::Number ? std::optional<double>(cell.number) : std::nullopt);
      }
      ch.series.push_back(std::move(se));
    }
    ch.alt = chart_alt_text(ch, spec.language);
    view.chart = std::move(ch);
  }

  if (!unshown.empty()) {
    std::string codes;
    for (const std::string& c : unshown) codes += (codes.empty() ? "'" : ", '") + c + "'";
    view.warnings.push_back({Code::StatusUnmapped,
                             "status code(s) " + codes +
                                 " have no counterpart in the report and are not shown; map them with "
                                 "'status: { code: estimated }'"});
  }
  view.chosen = chosen;
  view.rows_dimension = rows;
  if (cols != kNone) view.columns_dimension = cols;
  return view;
}

}  // namespace sdg::plugins::cube
