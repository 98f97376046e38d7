// sdgreport sdmx plugin — kept observations → table and chart (see sdmx_table.hpp).
#include "sdmx_table.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <filesystem>
#include <set>
#include <unordered_map>

#include "obs_status.hpp"
#include "sdgreport/i18n.hpp"
#include "sdgreport/limits.hpp"
#include "sdgreport/text.hpp"
#include "view_id.hpp"

namespace sdg::sdmx {
namespace {

constexpr std::uint32_t kAbsent = 0;  // value id 0 of every component: not given

struct M49 {
  const char* code;
  const char* name;
};
constexpr M49 kM49[] = {
#include "m49_names.inc"
};


const char* word(Language lang, const char* en, const char* nb, const char* nn) {
  const char* words[] = {en, nb, nn};  // in kLanguages order
  return words[language_index(lang)];
}

/// A number as SDMX writes it ("6644.088", "-3", "1.5E-3"); nullopt otherwise.
std::optional<double> sdmx_number(std::string_view v, int& decimals) {
  decimals = 0;
  if (v.empty()) return std::nullopt;
  const char* first = v.data();
  if (*first == '+') ++first;
  double d = 0;
  auto [end, ec] = std::from_chars(first, v.data() + v.size(), d);
  if (ec != std::errc() || end != v.data() + v.size() || !std::isfinite(d)) return std::nullopt;
  std::string_view mant = v.substr(0, v.find_first_of("eE"));
  int exponent = 0;
  if (mant.size() < v.size()) std::from_chars(v.data() + mant.size() + 1 + (v[mant.size() + 1] == '+'), v.data() + v.size(), exponent);
  const auto dot = mant.find('.');
  const int written = dot == std::string_view::npos ? 0 : static_cast<int>(mant.size() - dot - 1);
  decimals = std::clamp(written - exponent, 0, 10);
  return d;
}

enum class Kind { Dimension, Time, Value, Status, Nature, Unit, UnitMult, Lower, Upper, Attribute, Meta };

/// Attributes of the SDMX cross-domain concepts and the SDG DSD: not dimensions,
/// when no structure file says what a component is.
bool known_attribute(std::string_view id) {
  for (const char* a : {"OBS_CONF", "OBS_PRE_BREAK", "OBS_COM", "OBS_COMMENT", "COMMENT_OBS", "COMMENT_TS", "COMMENT_DSET",
                        "DECIMALS", "TIME_FORMAT", "TITLE", "TITLE_COMPL", "SOURCE_DETAIL", "GEO_INFO_URL", "GEO_INFO_TYPE",
                        "GEO_INFO_NAME", "TIME_DETAIL", "BASE_PER", "COMPILING_ORG", "AVAILABILITY", "COLLECTION",
                        "DATA_LAST_UPDATE", "REPORTING_TYPE_DETAIL", "CONF_STATUS", "EMBARGO_TIME"})
    if (equals_ignoring_case(id, a)) return true;
  return false;
}

struct Kept {
  std::vector<std::uint32_t> codes;  // per component: value id (kAbsent when not given)
  double value = 0, lower = 0, upper = 0;
  bool has_value = false, has_lower = false, has_upper = false;
  ValueStatus status = ValueStatus::None;
  int decimals = 0;
  int line = 0;
  std::uint32_t unit = 0;  // index into the units shown
  bool dropped = false;
};

class Shaper {
 public:
  Shaper(const Spec& spec, std::string file) : spec_(spec), file_(std::move(file)) {}

  Result run(const std::function<void(ObsReader&, const ObsReader::Callback&)>& read) {
    read(reader_, [this](const RawObs& o) { take(o); });
    Result out;
    out.format = reader_.format();
    out.observations = reader_.observations();
    check_filters();
    drop_duplicates();
    for (const Kept& k : kept_) out.kept += !k.dropped;
    if (out.kept == 0)
      throw Error(ErrorCode::Input,
                  reader_.observations() == 0 ? "the SDMX message holds no observations"
                                              : "no observation of " + std::to_string(reader_.observations()) +
                                                    " matches the filters" + values_seen(),
                  Location{file_, 0, 0});
    classify_columns();
    Table t = spec_.layout == Layout::Wide ? wide() : long_table();
    finish(t);
    if (spec_.chart) out.chart = chart(t);
    if (spec_.table) out.table = std::move(t);
    if (!unknown_status_.empty()) {
      std::string list;
      for (const auto& [code, line] : unknown_status_) list += (list.empty() ? "'" : ", '") + code + "' (line " + std::to_string(line) + ")";
      warn(Code::StatusUnmapped,
           "OBS_STATUS " + list + " has no status in the report and is not shown; map it with status: { CODE: estimated }",
           unknown_status_.begin()->second);
    }
    if (duplicates_ > kListed)
      warn(Code::DuplicateObservation, std::to_string(duplicates_ - kListed) + " more duplicate observations (the first " +
                                           std::to_string(kListed) + " are listed above)");
    out.warnings = std::move(warnings_);
    return out;
  }

 private:
  static constexpr std::size_t kListed = 20;

  // ---------------------------------------------------------------- reading

  Kind kind_of(std::size_t c) {
    if (c < kinds_.size()) return kinds_[c];
    while (kinds_.size() <= c) {
      const std::string& id = reader_.components()[kinds_.size()].id;
      kinds_.push_back(classify(id));
    }
    return kinds_[c];
  }

  Kind classify(const std::string& id) const {
    if (id == reader_.time_dimension() || equals_ignoring_case(id, "TIME_PERIOD")) return Kind::Time;
    if (equals_ignoring_case(id, "OBS_VALUE")) return Kind::Value;
    if (equals_ignoring_case(id, "OBS_STATUS")) return Kind::Status;
    if (equals_ignoring_case(id, "NATURE")) return Kind::Nature;
    if (equals_ignoring_case(id, "UNIT_MULT")) return Kind::UnitMult;
    if (equals_ignoring_case(id, "LOWER_BOUND")) return Kind::Lower;
    if (equals_ignoring_case(id, "UPPER_BOUND")) return Kind::Upper;
    const Role role = spec_.structure ? spec_.structure->role(id) : Role::Unknown;
    if (equals_ignoring_case(id, "UNIT_MEASURE") && role != Role::Dimension) return Kind::Unit;
    if (role == Role::Dimension) return Kind::Dimension;
    if (role == Role::Attribute) return Kind::Attribute;
    if (role == Role::Measure) return Kind::Value;
    if (role == Role::Time) return Kind::Time;
    for (const std::string& a : spec_.attributes)
      if (equals_ignoring_case(a, id)) return Kind::Attribute;
    return known_attribute(id) ? Kind::Attribute : Kind::Dimension;
  }

  /// The filter's component index, resolved once the component has appeared.
  int filter_column(std::size_t f) {
    if (filter_col_.size() < spec_.filters.size()) filter_col_.assign(spec_.filters.size(), -1);
    if (filter_col_[f] >= 0) return filter_col_[f];
    const std::string& want = spec_.filters[f].first;
    int c = reader_.index_of(want);
    if (c < 0)
      for (std::size_t i = 0; i < reader_.components().size(); ++i)
        if (equals_ignoring_case(reader_.components()[i].id, want)) c = static_cast<int>(i);
    filter_col_[f] = c;
    return c;
  }

  void take(const RawObs& o) {
    // Filters first: an observation that is not wanted costs nothing more.
    bool keep = true;
    for (std::size_t f = 0; f < spec_.filters.size(); ++f) {
      const int c = filter_column(f);
      const std::string_view v = c >= 0 && static_cast<std::size_t>(c) < o.values.size() ? o.values[static_cast<std::size_t>(c)] : std::string_view();
      const std::string_view label = c >= 0 && static_cast<std::size_t>(c) < o.labels.size() ? o.labels[static_cast<std::size_t>(c)] : std::string_view();
      const auto& codes = spec_.filters[f].second;
      const bool match = std::any_of(codes.begin(), codes.end(), [&](const std::string& code) {
        return code == v || (!label.empty() && code == label);
      });
      if (!match) {
        if (seen_.size() < spec_.filters.size()) seen_.resize(spec_.filters.size());
        if (seen_[f].size() < 12 && !v.empty()) seen_[f].emplace(v);
        keep = false;
        break;
      }
    }
    if (!keep) return;
    if (kept_.size() >= limits().table_cells)
      throw Error(ErrorCode::Input,
                  limit_message("table_cells", "more than " + std::to_string(limits().table_cells) +
                                                   " observations kept (filter the dimensions)"),
                  Location{file_, o.line, 0});
    Kept k;
    k.line = o.line;
    k.codes.assign(o.values.size(), kAbsent);
    std::string_view value, status, nature, lower, upper;
    for (std::size_t c = 0; c < o.values.size(); ++c) {
      const std::string_view v = o.values[c];
      if (v.empty()) continue;
      switch (kind_of(c)) {
        case Kind::Value: value = v; continue;
        case Kind::Lower: lower = v; continue;
        case Kind::Upper: upper = v; continue;
        default: break;
      }
      if (kinds_[c] == Kind::Status) status = v;
      if (kinds_[c] == Kind::Nature) nature = v;
      k.codes[c] = intern(c, v, o.labels[c]);
    }
    if (!value.empty() && !equals_ignoring_case(value, "NaN")) {
      auto n = sdmx_number(value, k.decimals);
      if (!n)
        throw Error(ErrorCode::Input, "OBS_VALUE '" + std::string(value) + "' is not a number", Location{file_, o.line, 0});
      k.value = *n;
      k.has_value = true;
    }
    int ignored = 0;
    if (!lower.empty() && !equals_ignoring_case(lower, "NaN")) {
      auto n = sdmx_number(lower, ignored);
      if (!n) throw Error(ErrorCode::Input, "LOWER_BOUND '" + std::string(lower) + "' is not a number", Location{file_, o.line, 0});
      k.lower = *n;
      k.has_lower = has_lower_ = true;
    }
    if (!upper.empty() && !equals_ignoring_case(upper, "NaN")) {
      auto n = sdmx_number(upper, ignored);
      if (!n) throw Error(ErrorCode::Input, "UPPER_BOUND '" + std::string(upper) + "' is not a number", Location{file_, o.line, 0});
      k.upper = *n;
      k.has_upper = has_upper_ = true;
    }
    k.status = status_of(status, nature, k.has_value, o.line);
    if (k.status == ValueStatus::Nil) {  // mapped with `status: { X: nil }`: a true zero
      if (!k.has_value) {
        k.has_value = true;
        k.value = 0;
      } else if (k.value != 0) {
        unknown_status_.try_emplace(std::string(status) + " (nil on a value that is not 0)", o.line);
        k.status = ValueStatus::None;
      }
    }
    kept_.push_back(std::move(k));
  }

  /// What OBS_STATUS (and the SDG DSD's NATURE) say about the observation.
  ValueStatus status_of(std::string_view code, std::string_view nature, bool has_value, int line) {
    std::optional<plugins::ObsStatus> st;
    if (!code.empty()) {
      if (auto it = spec_.status_map.find(std::string(code)); it != spec_.status_map.end()) {
        const ValueStatus s = it->second;
        st = plugins::ObsStatus{s, s == ValueStatus::NotAvailable || s == ValueStatus::NotApplicable ||
                                       s == ValueStatus::Confidential};
        if (s == ValueStatus::Nil) return s;
      } else {
        st = plugins::sdmx_obs_status(code);
        if (!st) unknown_status_.try_emplace(std::string(code), line);
      }
    }
    if (!has_value) {
      if (st && st->missing) return st->status;
      // SDG NATURE "N": non-relevant.
      if (equals_ignoring_case(nature, "N")) return ValueStatus::NotApplicable;
      return ValueStatus::NotAvailable;
    }
    if (st && !st->missing && st->status != ValueStatus::None) return st->status;
    if (st && st->missing && !warned_value_with_missing_status_) {
      warned_value_with_missing_status_ = true;
      warn(Code::SdmxStatusWithValue,
           "OBS_STATUS '" + std::string(code) + "' says the value is missing, but the observation has one; the value is kept",
           line);
    }
    // SDG NATURE: E estimated, M modelled.
    if (equals_ignoring_case(nature, "E") || equals_ignoring_case(nature, "M")) return ValueStatus::Estimated;
    return ValueStatus::None;
  }

  std::uint32_t intern(std::size_t c, std::string_view v, std::string_view label) {
    if (ids_.size() <= c) {
      ids_.resize(c + 1);
      texts_.resize(c + 1);
      labels_.resize(c + 1);
    }
    if (texts_[c].empty()) {  // id 0: absent
      texts_[c].emplace_back();
      labels_[c].emplace_back();
    }
    auto [it, fresh] = ids_[c].try_emplace(std::string(v), static_cast<std::uint32_t>(texts_[c].size()));
    if (fresh) {
      texts_[c].emplace_back(v);
      labels_[c].emplace_back(label);
    }
    return it->second;
  }

  void check_filters() {
    for (std::size_t f = 0; f < spec_.filters.size(); ++f) {
      if (filter_column(f) >= 0) continue;
      std::string names;
      for (const Component& c : reader_.components()) names += (names.empty() ? "" : ", ") + c.id;
      throw opt_error("filter", "no component '" + spec_.filters[f].first + "' in " + file_ + " (components: " + names + ")");
    }
  }

  std::string values_seen() const {
    std::string out;
    for (std::size_t f = 0; f < seen_.size(); ++f) {
      if (seen_[f].empty()) continue;
      std::string list;
      for (const std::string& v : seen_[f]) list += (list.empty() ? "" : ", ") + v;
      out += "; " + spec_.filters[f].first + " has " + list + (seen_[f].size() >= 12 ? ", …" : "");
    }
    return out;
  }

  Error opt_error(const std::string& key, const std::string& what) const {
    if (spec_.option_error) return spec_.option_error(key, what);
    return Error(ErrorCode::Definition, "option '" + key + "': " + what);
  }

  // ---------------------------------------------------------------- shaping

  std::uint32_t code(const Kept& k, std::size_t c) const { return c < k.codes.size() ? k.codes[c] : kAbsent; }
  std::string_view text(std::size_t c, std::uint32_t id) const { return c < texts_.size() && id < texts_[c].size() ? std::string_view(texts_[c][id]) : std::string_view(); }

  std::vector<std::size_t> columns_of(Kind kind) const {
    std::vector<std::size_t> out;
    for (std::size_t c = 0; c < kinds_.size(); ++c)
      if (kinds_[c] == kind) out.push_back(c);
    return out;
  }

  /// Two observations with the same dimensions and period: one cell, two values.
  void drop_duplicates() {
    const std::vector<std::size_t> key_cols = [&] {
      auto d = columns_of(Kind::Dimension);
      auto t = columns_of(Kind::Time);
      d.insert(d.end(), t.begin(), t.end());
      return d;
    }();
    std::unordered_map<std::string, std::size_t> first;
    for (std::size_t i = 0; i < kept_.size(); ++i) {
      std::string key;
      for (std::size_t c : key_cols) {
        const std::uint32_t id = code(kept_[i], c);
        key.append(reinterpret_cast<const char*>(&id), sizeof id);
      }
      auto [it, fresh] = first.try_emplace(std::move(key), i);
      if (fresh) continue;
      Kept& a = kept_[it->second];
      Kept& b = kept_[i];
      std::string shown;
      for (std::size_t c : key_cols)
        if (code(b, c) != kAbsent) shown += (shown.empty() ? "" : ", ") + reader_.components()[c].id + "=" + std::string(text(c, code(b, c)));
      if (spec_.duplicates == plugins::DuplicatePolicy::Error)
        throw Error(ErrorCode::Input,
                    "a second observation for " + shown + " (the first is on line " + std::to_string(a.line) +
                        "); filter the dimensions so that one is left, or set 'duplicates: first' or 'last'",
                    Location{file_, b.line, 0});
      if (++duplicates_ <= kListed)
        warn(Code::DuplicateObservation,
             "lines " + std::to_string(a.line) + " and " + std::to_string(b.line) + " are two observations for " + shown +
                 "; " + plugins::kept_word(spec_.duplicates) + " (option duplicates: first|last|error)",
             b.line);
      if (spec_.duplicates == plugins::DuplicatePolicy::Last) {
        a.dropped = true;
        it->second = i;
      } else {
        b.dropped = true;
      }
    }
  }

  std::size_t distinct(std::size_t c) const {
    std::set<std::uint32_t> s;
    for (const Kept& k : kept_)
      if (!k.dropped) s.insert(code(k, c));
    return s.size();
  }

  void classify_columns() {
    for (std::size_t c = 0; c < kinds_.size(); ++c) {
      if (kinds_[c] == Kind::Dimension) (distinct(c) > 1 ? varying_ : constant_).push_back(c);
      if (kinds_[c] == Kind::Attribute && distinct(c) > 1) varying_attrs_.push_back(c);
    }
    // The unit of each kept observation, as shown.
    const auto units = columns_of(Kind::Unit), mults = columns_of(Kind::UnitMult);
    std::unordered_map<std::string, std::uint32_t> unit_ids;
    for (Kept& k : kept_) {
      if (k.dropped) continue;
      std::string u = units.empty() ? std::string() : unit_label(units[0], code(k, units[0]));
      if (!mults.empty()) u = with_multiplier(u, text(mults[0], code(k, mults[0])));
      auto [it, fresh] = unit_ids.try_emplace(u, static_cast<std::uint32_t>(unit_texts_.size()));
      if (fresh) unit_texts_.push_back(u);
      k.unit = it->second;
    }
    if (unit_texts_.size() == 1) unit_ = unit_texts_[0];
  }

  std::string unit_label(std::size_t c, std::uint32_t id) const {
    const std::string_view code_text = text(c, id);
    if (code_text.empty()) return {};
    if (spec_.labels != Labels::Code) {
      if (spec_.structure)
        if (auto n = spec_.structure->code_name(reader_.components()[c].id, std::string(code_text))) return *n;
      if (!labels_[c][id].empty()) return labels_[c][id];
      // The SDG and Eurostat code for percent: a symbol every reader knows.
      if (code_text == "PT" || code_text == "PC" || code_text == "PERCENT") return "%";
    }
    return std::string(code_text);
  }

  std::string with_multiplier(const std::string& unit, std::string_view mult) const {
    int m = 0;
    if (mult.empty() || std::from_chars(mult.data(), mult.data() + mult.size(), m).ec != std::errc() || m == 0) return unit;
    const Language l = spec_.language;
    std::string factor = m == 3   ? word(l, "thousands", "tusen", "tusen")
                         : m == 6 ? word(l, "millions", "millioner", "millionar")
                         : m == 9 ? word(l, "billions", "milliarder", "milliardar")
                                  : "×10^" + std::to_string(m);
    return unit.empty() ? factor : unit + " (" + factor + ")";
  }

  /// A code as shown: its name (structure, labels=both, M49, _T), the code, or both.
  std::string display(std::size_t c, std::uint32_t id) const {
    const std::string code_text(text(c, id));
    if (spec_.labels == Labels::Code) return code_text;
    std::optional<std::string> name;
    const std::string& comp = reader_.components()[c].id;
    if (spec_.structure) name = spec_.structure->code_name(comp, code_text);
    if (!name && !labels_[c][id].empty() && labels_[c][id] != code_text) name = labels_[c][id];
    if (!name && equals_ignoring_case(comp, "REF_AREA"))
      if (const char* n = m49_name(code_text)) name = n;
    if (!name && code_text == "_T") name = word(spec_.language, "Total", "I alt", "I alt");
    if (!name && code_text == "_Z") name = word(spec_.language, "Not applicable", "Ikke relevant", "Ikkje relevant");
    if (!name) return code_text;
    return spec_.labels == Labels::Both ? code_text + ": " + *name : *name;
  }

  std::string column_label(std::size_t c) const {
    const std::string& id = reader_.components()[c].id;
    if (spec_.labels != Labels::Code) {
      if (spec_.structure)
        if (auto n = spec_.structure->component_name(id)) return spec_.labels == Labels::Both ? id + ": " + *n : *n;
      const std::string& l = reader_.components()[c].label;
      if (!l.empty() && l != id) return spec_.labels == Labels::Both ? id + ": " + l : l;
    }
    return id;
  }

  int decimals_seen() const {
    int d = 0;
    for (const Kept& k : kept_)
      if (!k.dropped && k.has_value) d = std::max(d, k.decimals);
    return spec_.decimals ? *spec_.decimals : d;
  }

  void push_value(TableData& d, std::size_t col, const Kept& k) const {
    if (k.has_value)
      d.push_number(col, k.value, k.status);
    else
      d.push_missing(col, k.status == ValueStatus::None ? ValueStatus::NotAvailable : k.status);
  }

  void push_code(TableData& d, std::size_t col, std::size_t c, std::uint32_t id) const {
    if (id == kAbsent)
      d.push_missing(col, ValueStatus::NotAvailable);
    else
      d.push_text(col, display(c, id));
  }

  std::size_t time_col() const {
    auto t = columns_of(Kind::Time);
    return t.empty() ? static_cast<std::size_t>(-1) : t[0];
  }

  Table long_table() {
    Table t;
    const Language l = spec_.language;
    const std::size_t tc = time_col();
    const bool unit_col = unit_texts_.size() > 1;
    std::vector<Column> cols;
    for (std::size_t c : varying_) cols.push_back(Column{column_label(c), Column::Type::Text, "", 0});
    for (std::size_t c : varying_attrs_) cols.push_back(Column{column_label(c), Column::Type::Text, "", 0});
    if (unit_col) cols.push_back(Column{word(l, "Unit", "Enhet", "Eining"), Column::Type::Text, "", 0});
    if (tc != static_cast<std::size_t>(-1)) cols.push_back(Column{word(l, "Period", "Periode", "Periode"), Column::Type::Text, "", 0});
    const int dec = decimals_seen();
    cols.push_back(Column{word(l, "Value", "Verdi", "Verdi"), Column::Type::Number, unit_, dec});
    if (has_lower_) cols.push_back(Column{word(l, "Lower bound", "Nedre grense", "Nedre grense"), Column::Type::Number, unit_, dec});
    if (has_upper_) cols.push_back(Column{word(l, "Upper bound", "Øvre grense", "Øvre grense"), Column::Type::Number, unit_, dec});
    t.columns = cols;
    t.data.reset(cols.size());
    std::size_t n = 0;
    for (const Kept& k : kept_) n += !k.dropped;
    t.data.reserve(n);
    for (const Kept& k : kept_) {
      if (k.dropped) continue;
      std::size_t col = 0;
      for (std::size_t c : varying_) push_code(t.data, col++, c, code(k, c));
      for (std::size_t c : varying_attrs_) push_code(t.data, col++, c, code(k, c));
      if (unit_col) {
        const std::string& ut = unit_texts_[k.unit];
        if (ut.empty()) t.data.push_missing(col++, ValueStatus::NotAvailable);
        else t.data.push_text(col++, ut);
      }
      if (tc != static_cast<std::size_t>(-1)) push_code_raw(t.data, col++, tc, code(k, tc));
      push_value(t.data, col++, k);
      if (has_lower_) k.has_lower ? t.data.push_number(col++, k.lower) : t.data.push_missing(col++, ValueStatus::NotAvailable);
      if (has_upper_) k.has_upper ? t.data.push_number(col++, k.upper) : t.data.push_missing(col++, ValueStatus::NotAvailable);
    }
    return t;
  }

  /// A period as written (never a name).
  void push_code_raw(TableData& d, std::size_t col, std::size_t c, std::uint32_t id) const {
    if (id == kAbsent)
      d.push_missing(col, ValueStatus::NotAvailable);
    else
      d.push_text(col, text(c, id));
  }

  /// Rows of the wide layout and of the chart: the varying dimensions (and unit).
  struct Rows {
    std::vector<std::size_t> of_kept;                 // kept index → row (npos when dropped)
    std::vector<std::size_t> first;                   // row → its first kept index
    std::vector<std::string> periods;                 // sorted
    std::vector<std::size_t> period_of;               // kept index → period index
  };

  Rows rows() const {
    Rows r;
    const std::size_t tc = time_col();
    std::set<std::string> periods;
    for (const Kept& k : kept_)
      if (!k.dropped && tc != static_cast<std::size_t>(-1)) periods.emplace(text(tc, code(k, tc)));
    r.periods.assign(periods.begin(), periods.end());
    if (r.periods.empty()) r.periods.push_back("");
    std::unordered_map<std::string, std::size_t> index;
    for (std::size_t i = 0; i < kept_.size(); ++i) {
      const Kept& k = kept_[i];
      if (k.dropped) {
        r.of_kept.push_back(static_cast<std::size_t>(-1));
        r.period_of.push_back(0);
        continue;
      }
      std::string key;
      for (std::size_t c : varying_) {
        const std::uint32_t id = code(k, c);
        key.append(reinterpret_cast<const char*>(&id), sizeof id);
      }
      const std::uint32_t unit = k.unit;
      key.append(reinterpret_cast<const char*>(&unit), sizeof unit);
      auto [it, fresh] = index.try_emplace(key, r.first.size());
      if (fresh) r.first.push_back(i);
      r.of_kept.push_back(it->second);
      const std::string_view p = tc == static_cast<std::size_t>(-1) ? std::string_view() : text(tc, code(k, tc));
      r.period_of.push_back(static_cast<std::size_t>(std::lower_bound(r.periods.begin(), r.periods.end(), p) - r.periods.begin()));
    }
    return r;
  }

  Table wide() {
    Table t;
    const Rows r = rows();
    const bool unit_col = unit_texts_.size() > 1;
    const std::size_t per = 1 + (has_lower_ ? 1 : 0) + (has_upper_ ? 1 : 0);
    const std::size_t lead = varying_.size() + (unit_col ? 1 : 0);
    const std::size_t ncols = lead + r.periods.size() * per;
    if (ncols > limits().table_columns)
      throw opt_error("layout", limit_message("table_columns", "the wide table would have " + std::to_string(ncols) +
                                                                   " columns (use layout: long, or filter the periods)"));
    if (ncols != 0 && r.first.size() > limits().table_cells / ncols)
      throw opt_error("layout", limit_message("table_cells", "the wide table would have " + std::to_string(r.first.size()) +
                                                                 " rows × " + std::to_string(ncols) + " columns"));
    const Language l = spec_.language;
    const int dec = decimals_seen();
    for (std::size_t c : varying_) t.columns.push_back(Column{column_label(c), Column::Type::Text, "", 0});
    if (unit_col) t.columns.push_back(Column{word(l, "Unit", "Enhet", "Eining"), Column::Type::Text, "", 0});
    for (const std::string& p : r.periods) {
      const std::string label = p.empty() ? word(l, "Value", "Verdi", "Verdi") : p;
      t.columns.push_back(Column{label, Column::Type::Number, unit_, dec});
      if (has_lower_) t.columns.push_back(Column{label + " " + word(l, "lower", "nedre", "nedre"), Column::Type::Number, unit_, dec});
      if (has_upper_) t.columns.push_back(Column{label + " " + word(l, "upper", "øvre", "øvre"), Column::Type::Number, unit_, dec});
    }
    // The kept observation of each cell.
    std::vector<std::size_t> cell(r.first.size() * r.periods.size(), static_cast<std::size_t>(-1));
    for (std::size_t i = 0; i < kept_.size(); ++i)
      if (r.of_kept[i] != static_cast<std::size_t>(-1)) cell[r.of_kept[i] * r.periods.size() + r.period_of[i]] = i;
    t.data.reset(t.columns.size());
    t.data.reserve(r.first.size());
    for (std::size_t row = 0; row < r.first.size(); ++row) {
      const Kept& k0 = kept_[r.first[row]];
      std::size_t col = 0;
      for (std::size_t c : varying_) push_code(t.data, col++, c, code(k0, c));
      if (unit_col) {
        const std::string& ut = unit_texts_[kept_[r.first[row]].unit];
        if (ut.empty()) t.data.push_missing(col++, ValueStatus::NotAvailable);
        else t.data.push_text(col++, ut);
      }
      for (std::size_t p = 0; p < r.periods.size(); ++p) {
        const std::size_t i = cell[row * r.periods.size() + p];
        if (i == static_cast<std::size_t>(-1)) {
          for (std::size_t x = 0; x < per; ++x) t.data.push_missing(col++, ValueStatus::NotAvailable);
          continue;
        }
        const Kept& k = kept_[i];
        push_value(t.data, col++, k);
        if (has_lower_) k.has_lower ? t.data.push_number(col++, k.lower) : t.data.push_missing(col++, ValueStatus::NotAvailable);
        if (has_upper_) k.has_upper ? t.data.push_number(col++, k.upper) : t.data.push_missing(col++, ValueStatus::NotAvailable);
      }
    }
    return t;
  }

  void finish(Table& t) {
    t.id = spec_.id.empty() ? generated_id() : spec_.id;
    t.caption = spec_.caption.empty() ? default_caption() : spec_.caption;
    t.source = spec_.source;
    if (t.source.empty()) {
      const std::string name = std::filesystem::path(file_).filename().string();
      t.source = reader_.structure().empty() ? "SDMX " + name : reader_.structure() + " (SDMX, " + name + ")";
    }
    t.indicator = indicator();
    t.data.shrink_to_fit();
  }

  std::string default_caption() const {
    std::string head;
    std::string rest;
    for (std::size_t c : constant_) {
      const std::string& id = reader_.components()[c].id;
      std::uint32_t v = kAbsent;
      for (const Kept& k : kept_)
        if (!k.dropped) {
          v = code(k, c);
          break;
        }
      if (v == kAbsent) continue;
      const std::string shown = display(c, v);
      if (equals_ignoring_case(id, "SERIES") || equals_ignoring_case(id, "INDICATOR")) {
        head = shown;
        continue;
      }
      // Totals, frequency and reporting type say nothing a reader looks for.
      if (text(c, v) == "_T" || equals_ignoring_case(id, "FREQ") || equals_ignoring_case(id, "REPORTING_TYPE")) continue;
      rest += (rest.empty() ? "" : ", ") + shown;
    }
    if (head.empty()) head = reader_.structure().empty() ? std::filesystem::path(file_).stem().string() : reader_.structure();
    return rest.empty() ? head : head + " – " + rest;
  }

  std::string indicator() {
    if (!spec_.indicator.empty()) return spec_.indicator;
    if (spec_.series_indicators.empty()) return {};
    std::set<std::string> found, unmapped;
    for (std::size_t c = 0; c < kinds_.size(); ++c) {
      if (!equals_ignoring_case(reader_.components()[c].id, "SERIES")) continue;
      for (const Kept& k : kept_) {
        if (k.dropped) continue;
        const std::string s(text(c, code(k, c)));
        auto it = spec_.series_indicators.find(s);
        if (it == spec_.series_indicators.end())
          unmapped.insert(s);
        else
          found.insert(it->second);
      }
    }
    if (!unmapped.empty()) {
      std::string list;
      for (const std::string& s : unmapped) list += (list.empty() ? "'" : ", '") + s + "'";
      warn(Code::SdmxSeriesUnmapped, "SERIES " + list + " not in 'series_indicators'");
    }
    if (found.size() > 1) {
      std::string list;
      for (const std::string& s : found) list += (list.empty() ? "" : ", ") + s;
      warn(Code::SdmxSeveralIndicators,
           "the observations kept belong to several indicators (" + list + "); filter SERIES to one, or give 'indicator'");
      return {};
    }
    return found.empty() ? std::string() : *found.begin();
  }

  std::string generated_id() const {
    plugins::ViewId h;
    for (const auto& [comp, codes] : spec_.filters) {
      h.mix(comp);
      for (const std::string& c : codes) h.mix(c);
    }
    h.mix(spec_.layout == Layout::Wide ? "wide" : "long");
    return "sdmx-" + make_id(std::filesystem::path(file_).stem().string()) + "-" + h.tag();
  }

  Chart chart(const Table& t) {
    const Rows r = rows();
    if (r.periods.size() > limits().chart_categories)
      throw opt_error("chart", limit_message("chart_categories", "the chart would have " + std::to_string(r.periods.size()) + " periods"));
    if (r.first.size() > limits().chart_series)
      throw opt_error("chart", limit_message("chart_series", "the chart would have " + std::to_string(r.first.size()) +
                                                                 " series (filter the dimensions)"));
    Chart ch;
    ch.kind = *spec_.chart;
    ch.id = t.id + "-chart";
    ch.title = spec_.title.empty() ? t.caption : spec_.title;
    ch.source = t.source;
    ch.indicator = t.indicator;
    ch.categories = r.periods;
    for (std::size_t row = 0; row < r.first.size(); ++row) {
      Series s;
      const Kept& k0 = kept_[r.first[row]];
      for (std::size_t c : varying_) (s.name += s.name.empty() ? "" : " – ") += display(c, code(k0, c));
      const std::string& ut = unit_texts_[kept_[r.first[row]].unit];
      if (unit_texts_.size() > 1) (s.name += s.name.empty() ? "" : " – ") += ut;
      if (s.name.empty()) s.name = t.caption;
      s.unit = ut;
      s.values.assign(r.periods.size(), std::nullopt);
      ch.series.push_back(std::move(s));
    }
    if (has_lower_ || has_upper_)
      for (Series& s : ch.series) {
        s.lower.assign(r.periods.size(), std::nullopt);
        s.upper.assign(r.periods.size(), std::nullopt);
      }
    for (std::size_t i = 0; i < kept_.size(); ++i) {
      if (r.of_kept[i] == static_cast<std::size_t>(-1) || !kept_[i].has_value) continue;
      const Kept& k = kept_[i];
      Series& s = ch.series[r.of_kept[i]];
      s.values[r.period_of[i]] = k.value;
      // The interval as error bars (the table keeps the bounds as written, whatever they are).
      if (k.has_lower && k.has_upper && k.lower > k.upper) {
        if (!warned_bounds_) {
          warned_bounds_ = true;
          warn(Code::SdmxBoundsReversed,
               "LOWER_BOUND " + std::to_string(k.lower) + " is above UPPER_BOUND " + std::to_string(k.upper) +
                   "; the chart leaves that interval out (the table shows both)",
               k.line);
        }
        continue;
      }
      if (k.has_lower) s.lower[r.period_of[i]] = k.lower;
      if (k.has_upper) s.upper[r.period_of[i]] = k.upper;
    }
    if (ch.series.size() > 12)
      warn(Code::ChartCrowded, "the chart has " + std::to_string(ch.series.size()) +
                                   " series; filter the dimensions for a readable chart");
    ch.alt = chart_alt_text(ch, spec_.language);
    return ch;
  }

  void warn(Code code, std::string message, int line = 0) {
    warnings_.push_back(Warning{code, std::move(message), line});
  }

  const Spec& spec_;
  std::string file_;
  ObsReader reader_;
  std::vector<Kind> kinds_;
  std::vector<int> filter_col_;
  std::vector<std::set<std::string>> seen_;
  std::vector<Kept> kept_;
  std::vector<std::unordered_map<std::string, std::uint32_t>> ids_;
  std::vector<std::vector<std::string>> texts_, labels_;
  std::map<std::string, int> unknown_status_;
  bool has_lower_ = false, has_upper_ = false, warned_value_with_missing_status_ = false, warned_bounds_ = false;
  std::size_t duplicates_ = 0;
  std::vector<std::size_t> varying_, constant_, varying_attrs_;
  std::vector<std::string> unit_texts_;
  std::string unit_;
  std::vector<Warning> warnings_;
};

}  // namespace

const char* m49_name(std::string_view code) noexcept {
  // Codes are three digits; "8" and "008" are the same area.
  if (code.empty() || code.size() > 3) return nullptr;
  char padded[4] = {'0', '0', '0', 0};
  for (char ch : code)
    if (ch < '0' || ch > '9') return nullptr;
  std::copy(code.begin(), code.end(), padded + (3 - code.size()));
  const std::string_view want(padded, 3);
  const auto* it = std::lower_bound(std::begin(kM49), std::end(kM49), want,
                                    [](const M49& m, std::string_view w) { return std::string_view(m.code) < w; });
  return it != std::end(kM49) && want == it->code ? it->name : nullptr;
}

Result read_sdmx(const std::string& path, const Spec& spec) {
  Shaper s(spec, path);
  return s.run([&](ObsReader& r, const ObsReader::Callback& cb) { r.read_file(path, cb); });
}

Result read_sdmx_bytes(std::string_view bytes, const std::string& name, const Spec& spec) {
  Shaper s(spec, name);
  return s.run([&](ObsReader& r, const ObsReader::Callback& cb) { r.read_bytes(bytes, name, cb); });
}

}  // namespace sdg::sdmx
