// sdgreport opensdg plugin — Open SDG metadata (see metadata.hpp).
#include "metadata.hpp"

#include <algorithm>
#include <charconv>

#include <yaml-cpp/yaml.h>

#include "sdgreport/catalogue.hpp"
#include "sdgreport/error.hpp"
#include "sdgreport/numbers.hpp"

namespace sdg::opensdg {
namespace {

struct Source {
  std::string file;
  int line_offset = 0;  // lines before the YAML text (front matter)

  Error error(const YAML::Mark& mark, const std::string& what) const {
    return Error(ErrorCode::Input, what, Location{file, mark.line + 1 + line_offset, mark.column + 1});
  }
};

double number_of(const YAML::Node& n, const std::string& key, const Source& src) {
  if (n.IsScalar()) {
    if (auto v = parse_number(n.Scalar(), NumberStyle{'.', 0}); v && v->unit.empty()) return v->value;
  }
  throw src.error(n.Mark(), "progress_calculation_options: '" + key + "' must be a number");
}

int year_of(const YAML::Node& n, const std::string& key, const Source& src) {
  if (n.IsScalar()) {
    const std::string& s = n.Scalar();
    int y = 0;
    auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), y);
    if (ec == std::errc() && end == s.data() + s.size() && y >= 1000 && y <= 9999) return y;
  }
  throw src.error(n.Mark(), "progress_calculation_options: '" + key + "' must be a year");
}

ProgressConfig progress_entry(const YAML::Node& n, const Source& src) {
  if (!n.IsMap()) throw src.error(n.Mark(), "progress_calculation_options: each entry must be a map");
  ProgressConfig c;
  for (const auto& kv : n) {
    const std::string key = kv.first.Scalar();
    const YAML::Node& v = kv.second;
    if (v.IsNull()) continue;
    if (key == "direction") {
      const std::string d = v.IsScalar() ? v.Scalar() : "";
      if (d == "positive")
        c.direction = Direction::Positive;
      else if (d == "negative")
        c.direction = Direction::Negative;
      else
        throw src.error(v.Mark(),
                        "progress_calculation_options: 'direction' must be 'positive' or 'negative'");
    } else if (key == "target") {
      c.target = number_of(v, key, src);
    } else if (key == "target_year") {
      c.target_year = year_of(v, key, src);
    } else if (key == "base_year") {
      c.base_year = year_of(v, key, src);
    } else if (key == "limit") {
      c.limit = number_of(v, key, src);
    } else if (key == "series") {
      c.series = v.IsScalar() ? v.Scalar() : "";
    } else if (key == "unit") {
      c.unit = v.IsScalar() ? v.Scalar() : "";
    } else if (key == "progress_thresholds") {
      if (!v.IsMap() || !v["high"] || !v["med"] || !v["low"])
        throw src.error(v.Mark(),
                        "progress_calculation_options: 'progress_thresholds' needs high, med and low");
      c.thresholds = Thresholds{number_of(v["high"], "high", src), number_of(v["med"], "med", src),
                                number_of(v["low"], "low", src)};
    }
    // Other keys (e.g. `disaggregation`) are left to the plugin to report.
  }
  return c;
}

}  // namespace

std::string IndicatorMeta::get(const std::string& key) const {
  auto it = fields.find(key);
  return it == fields.end() ? std::string() : it->second;
}

std::vector<std::string> IndicatorMeta::sources() const {
  std::vector<std::string> out;
  auto add = [&out](const std::string& s) {
    const std::string t(trim_spaces(s));
    if (!t.empty() && std::find(out.begin(), out.end(), t) == out.end()) out.push_back(t);
  };
  // Numbered sources in numeric order (source_organisation_10 after _9).
  std::vector<int> numbers;
  const std::string prefix = "source_organisation_";
  for (const auto& [key, value] : fields) {
    if (!key.starts_with(prefix)) continue;
    int n = 0;
    const char* first = key.data() + prefix.size();
    const char* last = key.data() + key.size();
    auto [end, ec] = std::from_chars(first, last, n);
    if (ec == std::errc() && end == last) numbers.push_back(n);
  }
  std::sort(numbers.begin(), numbers.end());
  for (int n : numbers) {
    const std::string active = get("source_active_" + std::to_string(n));
    if (active == "false" || active == "False" || active == "no") continue;
    add(get(prefix + std::to_string(n)));
  }
  add(get("source_organisation"));
  return out;
}

IndicatorMeta parse_metadata(std::string_view text, const std::string& file_name, bool front_matter) {
  IndicatorMeta meta;
  meta.files.push_back(file_name);
  if (text.starts_with("\xEF\xBB\xBF")) text.remove_prefix(3);
  Source src{file_name, 0};
  if (front_matter) {
    // "---" on the first line, YAML up to the next "---" or "..." line.
    auto first_line_end = text.find('\n');
    std::string_view first = text.substr(0, first_line_end);
    if (first.ends_with('\r')) first.remove_suffix(1);
    if (first != "---" || first_line_end == std::string_view::npos) return meta;
    std::size_t pos = first_line_end + 1, end = std::string_view::npos;
    while (pos < text.size()) {
      std::size_t nl = text.find('\n', pos);
      std::string_view line = text.substr(pos, nl == std::string_view::npos ? text.size() - pos : nl - pos);
      if (line.ends_with('\r')) line.remove_suffix(1);
      if (line == "---" || line == "...") {
        end = pos;
        break;
      }
      if (nl == std::string_view::npos) break;
      pos = nl + 1;
    }
    if (end == std::string_view::npos)
      throw Error(ErrorCode::Input, "front matter opened with '---' on line 1 is not closed",
                  Location{file_name, 1, 0});
    src.line_offset = 1;
    text = text.substr(first_line_end + 1, end - first_line_end - 1);
  }

  YAML::Node root;
  try {
    root = YAML::Load(std::string(text));
  } catch (const YAML::Exception& e) {
    throw src.error(e.mark, "malformed YAML: " + e.msg);
  }
  if (!root || root.IsNull()) return meta;
  if (!root.IsMap()) throw src.error(root.Mark(), "metadata must be a map of fields");

  for (const auto& kv : root) {
    if (!kv.first.IsScalar()) continue;
    const std::string key = kv.first.Scalar();
    const YAML::Node& v = kv.second;
    if (key == "progress_calculation_options") {
      meta.progress_line = v.Mark().line + 1 + src.line_offset;
      if (v.IsSequence()) {
        for (const auto& entry : v) meta.progress.push_back(progress_entry(entry, src));
      } else if (v.IsMap()) {
        meta.progress.push_back(progress_entry(v, src));
      } else if (!v.IsNull()) {
        throw src.error(v.Mark(), "progress_calculation_options must be a list of maps");
      }
      continue;
    }
    if (!v.IsScalar()) continue;
    if (key == "auto_progress_calculation") {
      const std::string& s = v.Scalar();
      meta.auto_progress = (s == "true" || s == "True" || s == "yes");
    }
    meta.fields[key] = v.Scalar();
  }
  return meta;
}

bool is_translation_key(std::string_view text) {
  const auto dot = text.find('.');
  if (dot == std::string_view::npos || dot == 0 || dot + 1 >= text.size()) return false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' ||
                    c == '-' || (c == '.' && i >= dot);
    if (!ok) return false;
  }
  // The group is a word, not a number ("1.5" is no key).
  return !(text[0] >= '0' && text[0] <= '9');
}

std::optional<std::string> resolve_translation_key(std::string_view key, Language language) {
  if (!is_translation_key(key)) return std::nullopt;
  const auto dot = key.find('.');
  const std::string_view group = key.substr(0, dot);
  std::string_view rest = key.substr(dot + 1);
  bool short_title = false;
  if (rest.ends_with("-title")) {
    rest.remove_suffix(6);
  } else if (rest.ends_with("-short") && group == "global_goals") {
    rest.remove_suffix(6);
    short_title = true;
  } else {
    return std::nullopt;
  }
  std::string id(rest);
  std::replace(id.begin(), id.end(), '-', '.');
  const Catalogue& cat = Catalogue::get();
  if (group == "global_indicators") {
    if (const Indicator* i = cat.find_indicator(id)) return i->title(language);
  } else if (group == "global_targets") {
    if (const Target* t = cat.find_target(id)) return t->title(language);
  } else if (group == "global_goals") {
    int n = 0;
    auto [end, ec] = std::from_chars(id.data(), id.data() + id.size(), n);
    if (ec == std::errc() && end == id.data() + id.size())
      if (const Goal* g = cat.find_goal(n))
        return short_title ? g->short_title(language) : g->title(language);
  }
  return std::nullopt;
}

void merge_metadata(IndicatorMeta& into, const IndicatorMeta& over) {
  into.files.insert(into.files.end(), over.files.begin(), over.files.end());
  for (const auto& [k, v] : over.fields) into.fields[k] = v;
  if (over.auto_progress) into.auto_progress = over.auto_progress;
  if (!over.progress.empty()) {
    into.progress = over.progress;
    into.progress_line = over.progress_line;
  }
}

}  // namespace sdg::opensdg
