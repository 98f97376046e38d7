// sdgreport survey plugin — the register: one row per unit that could answer
// (municipality, county), joined to the respondents on a key (municipality
// number). Its columns are background variables (size class, centrality,
// county, merged or not, population) and, optionally, `invited` (1/0).
//
//   Register reg = read_register(text, "data/register.csv", "knr", 0);
//   std::optional<std::size_t> unit = reg.find(normalize_key("0301"));
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace sdg::survey {

struct Register {
  std::string file;
  std::string key;                      ///< the key column
  std::vector<std::string> names;       ///< column names, in file order
  std::vector<std::vector<std::string>> columns;  ///< raw text, by column
  std::vector<int> lines;               ///< line of each unit
  std::size_t units = 0;

  const std::vector<std::string>* column(const std::string& name) const noexcept;
  /// The unit with this (normalised) key.
  std::optional<std::size_t> find(const std::string& key) const;

  std::map<std::string, std::size_t> index;  ///< normalised key → unit
};

/// A key as compared: spaces trimmed; an all-digit key without leading zeros, so
/// "0301", "301" and the number 301 from a .sav are one municipality.
std::string normalize_key(std::string_view key);
/// A number from a .sav as a key ("301" for 301.0).
std::string key_of_number(double v);

/// Reads a register (CSV, UTF-8, header row). `delimiter` 0 = detect.
Register read_register(std::string_view text, const std::string& file, const std::string& key, char delimiter);

}  // namespace sdg::survey
