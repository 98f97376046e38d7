// sdgreport survey plugin — reading the register (CSV).
#include "register.hpp"

#include <cmath>
#include <cstdio>
#include <set>

#include "sdgreport/csv.hpp"
#include "sdgreport/error.hpp"
#include "sdgreport/model.hpp"
#include "sdgreport/numbers.hpp"
#include "survey_csv.hpp"
#include "survey_limits.hpp"

namespace sdg::survey {

const std::vector<std::string>* Register::column(const std::string& name) const noexcept {
  for (std::size_t i = 0; i < names.size(); ++i)
    if (names[i] == name) return &columns[i];
  return nullptr;
}

std::optional<std::size_t> Register::find(const std::string& k) const {
  auto it = index.find(k);
  if (it == index.end()) return std::nullopt;
  return it->second;
}

std::string normalize_key(std::string_view key) {
  std::string_view k = trim_spaces(key);
  bool digits = !k.empty();
  for (char c : k) digits = digits && c >= '0' && c <= '9';
  if (!digits) return std::string(k);
  while (k.size() > 1 && k.front() == '0') k.remove_prefix(1);
  return std::string(k);
}

std::string key_of_number(double v) {
  if (std::isnan(v)) return {};
  char buf[64];
  if (v == std::floor(v) && std::fabs(v) < 1e15)
    std::snprintf(buf, sizeof buf, "%.0f", v);
  else
    std::snprintf(buf, sizeof buf, "%.17g", v);
  return normalize_key(buf);
}

Register read_register(std::string_view text, const std::string& file, const std::string& key, char delimiter) {
  Register reg;
  reg.file = file;
  reg.key = key;
  if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
  if (!is_valid_utf8(text)) throw Error(ErrorCode::Input, "the register is not valid UTF-8", Location{file, 0, 0});
  if (!delimiter) delimiter = detect_csv_delimiter(text);
  CsvReader r(text, file, delimiter);
  auto head = r.next();
  if (!head) throw Error(ErrorCode::Input, "the register is empty", Location{file, 1, 0});
  reg.names = head->fields;
  if (reg.names.size() > survey_limits().variables)
    throw Error(ErrorCode::Input, survey_limit_message("variables", survey_limits().variables, "register columns"),
                Location{file, 1, 0});
  std::set<std::string> seen;
  std::size_t key_col = reg.names.size();
  for (std::size_t c = 0; c < reg.names.size(); ++c) {
    if (!seen.insert(reg.names[c]).second)
      throw Error(ErrorCode::Input, "two columns are named '" + reg.names[c] + "'", Location{file, head->line, 0});
    if (reg.names[c] == key) key_col = c;
  }
  if (key_col == reg.names.size())
    throw Error(ErrorCode::Input, "the register has no key column '" + key + "'", Location{file, head->line, 0});
  reg.columns.resize(reg.names.size());
  while (auto rec = r.next()) {
    if (rec->fields.size() == 1 && rec->fields[0].empty()) continue;
    if (rec->fields.size() != reg.names.size())
      throw Error(ErrorCode::Input,
                  "row has " + std::to_string(rec->fields.size()) + " fields, the header " +
                      std::to_string(reg.names.size()),
                  Location{file, rec->line, 0});
    if (reg.units >= survey_limits().respondents)
      throw Error(ErrorCode::Input, survey_limit_message("respondents", survey_limits().respondents, "register units"),
                  Location{file, rec->line, 0});
    const std::string k = normalize_key(rec->fields[key_col]);
    if (k.empty()) throw Error(ErrorCode::Input, "a unit without a key ('" + key + "')", Location{file, rec->line, 0});
    if (!reg.index.emplace(k, reg.units).second)
      throw Error(ErrorCode::Input, "key '" + rec->fields[key_col] + "' appears twice in the register",
                  Location{file, rec->line, 0});
    for (std::size_t c = 0; c < reg.names.size(); ++c) reg.columns[c].emplace_back(trim_spaces(rec->fields[c]));
    reg.lines.push_back(rec->line);
    ++reg.units;
  }
  return reg;
}

}  // namespace sdg::survey
