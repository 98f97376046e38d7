// sdgreport — plugin options: a small value tree with source positions and
// typed getters whose errors name the plugin, the option and file:line.
//
//   // report.yaml:  source: { plugin: markdown, file: text/intro.md, optional: true }
//   std::string file = opts.string("file");          // required
//   bool optional = opts.boolean_or("optional", false);
//   int level = opts.integer_or("heading_offset", 0);
//
// Values read from YAML are scalars (kept as their text), lists and maps. A
// getter converts a scalar and throws sdg::Error(ErrorCode::Definition) with the
// option's position when it cannot ("report.yaml:12:20: option 'level' of plugin
// 'markdown': expected an integer, got 'two'").
#pragma once

#include <cstdint>
#include <limits>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "sdgreport/error.hpp"

namespace sdg {

class Value {
 public:
  enum class Type { Null, Scalar, List, Map };

  Value() = default;
  static Value null(Location at = {});
  static Value scalar(std::string s, Location at = {});
  static Value list(std::vector<Value> items, Location at = {});
  static Value map(std::vector<std::pair<std::string, Value>> entries, Location at = {});

  Type type() const noexcept { return type_; }
  bool is_null() const noexcept { return type_ == Type::Null; }
  bool is_scalar() const noexcept { return type_ == Type::Scalar; }
  bool is_list() const noexcept { return type_ == Type::List; }
  bool is_map() const noexcept { return type_ == Type::Map; }
  const Location& where() const noexcept { return where_; }

  const std::string& text() const noexcept { return text_; }          ///< scalar text
  const std::vector<Value>& items() const noexcept { return items_; }  ///< list items
  const std::vector<std::pair<std::string, Value>>& entries() const noexcept { return entries_; }
  /// Map member or nullptr.
  const Value* find(const std::string& key) const noexcept;

  bool operator==(const Value& o) const;  ///< compares content, not positions

 private:
  Type type_ = Type::Null;
  Location where_;
  std::string text_;
  std::vector<Value> items_;
  std::vector<std::pair<std::string, Value>> entries_;
};

/// Options given to one plugin, e.g. the map of a `source:` entry.
class Options {
 public:
  Options() = default;
  /// `owner` names who reads them in messages, e.g. "plugin 'markdown'".
  Options(Value map, std::string owner);

  const Value& value() const noexcept { return value_; }
  const std::string& owner() const noexcept { return owner_; }
  const Location& where() const noexcept { return value_.where(); }
  /// Where the option `key` is written; the map's place when it is absent or has none.
  const Location& where_of(const std::string& key) const noexcept {
    const Value* v = get(key);
    return (v && !v->where().empty()) ? v->where() : where();
  }

  bool has(const std::string& key) const noexcept;
  const Value* get(const std::string& key) const noexcept { return value_.find(key); }
  std::vector<std::string> keys() const;

  std::string string(const std::string& key) const;
  std::string string_or(const std::string& key, const std::string& fallback) const;
  std::int64_t integer(const std::string& key) const;
  std::int64_t integer_or(const std::string& key, std::int64_t fallback) const;
  double number(const std::string& key) const;
  double number_or(const std::string& key, double fallback) const;
  bool boolean(const std::string& key) const;
  bool boolean_or(const std::string& key, bool fallback) const;
  /// A list of scalars; a single scalar is taken as a list of one.
  std::vector<std::string> strings(const std::string& key) const;
  std::vector<std::string> strings_or(const std::string& key, std::vector<std::string> fallback) const;
  /// A nested map as Options (owner kept); throws if missing or not a map.
  Options map(const std::string& key) const;

  /// Keys present that are not in `known` (for an "unknown option" warning).
  std::vector<std::string> unknown_keys(const std::vector<std::string>& known) const;

  /// An Error(ErrorCode::Definition) located at the option `key` (or the map).
  Error error(const std::string& key, const std::string& what) const;

 private:
  const Value& require(const std::string& key) const;
  Value value_ = Value::map({});
  std::string owner_;
};

/// The type of a declared option (see OptionSpec). Stable numbers: part of plugin ABI 3.
enum class OptionType : std::uint32_t {
  String = 1,   ///< any text
  Integer = 2,  ///< a whole number, within minimum…maximum
  Number = 3,   ///< a decimal number ('.' as decimal mark), within minimum…maximum
  Boolean = 4,  ///< true/false (also yes/no, on/off, any case)
  Enum = 5,     ///< one of `values`
  List = 6,     ///< a list of text values; a single value is a list of one
  Map = 7,      ///< a map; with `values`, those are its only keys (ABI 4), else its keys are the plugin's to check
  Path = 8,     ///< a file or folder, relative to the report definition
};
const char* option_type_name(OptionType t) noexcept;  ///< "string", "integer", …

/// An option's text as a whole number: digits after an optional '-' or '+'
/// ("+5" → 5); nullopt for anything else ("+-5", "5.0", ""). The option check
/// and Options::integer() both read integers with it, so what one accepts the
/// other does.
std::optional<std::int64_t> option_integer(std::string_view text) noexcept;
/// An option's text as a finite number, '.' the decimal mark whatever the C
/// locale says, an optional '-' or '+'; nullopt otherwise.
std::optional<double> option_number(std::string_view text) noexcept;

/// One option a plugin takes, as plain data the host reads without creating the
/// plugin (plugin ABI 3). A plugin lists them in a static array and names it in
/// its export macro (plugin.hpp); the host then refuses unknown keys, wrong types
/// and values out of range before any plugin runs, and `sdgreport schema` /
/// `sdgreport plugins --options NAME` print them.
///
///   constexpr const char* kPaper[] = {"a4", "letter", nullptr};
///   constexpr sdg::OptionSpec kOptions[] = {
///       {.name = "paper", .type = sdg::OptionType::Enum, .description = "Page size",
///        .default_value = "a4", .values = kPaper, .ignore_case = true},
///       {.name = "max_cells", .type = sdg::OptionType::Integer, .description = "Most cells read",
///        .minimum = 1},
///       {.name = "pivot", .type = sdg::OptionType::Map, .description = "{ rows: C, columns: C }",
///        .values = kPivotKeys},   // {"rows", "columns", nullptr}: any other key is refused
///   };
///
/// The host's check is the only check of what a spec declares (types, enum
/// values, ranges, a Map's keys): a plugin reads those values plainly. It keeps
/// the rules a spec cannot say (one option needing another, the values inside a
/// free map, names checked against the file).
struct OptionSpec {
  const char* name = nullptr;           ///< [a-z0-9_]+; not one of the generic keys
  OptionType type = OptionType::String;
  const char* description = "";         ///< one line, English
  const char* default_value = nullptr;  ///< as written in YAML; nullptr: none, or see the description
  /// Enum: the allowed values; Map: the allowed keys (ABI 4; without, any key). Ending with nullptr.
  const char* const* values = nullptr;
  double minimum = -std::numeric_limits<double>::infinity();  ///< Integer/Number: smallest allowed
  double maximum = std::numeric_limits<double>::infinity();   ///< Integer/Number: largest allowed
  bool required = false;                ///< the entry must give it
  bool ignore_case = false;             ///< Enum: `A4` is taken as `a4` (the plugin sees `a4`)
  bool or_map = false;                  ///< a map is accepted instead (e.g. one value per column)
};

/// A plugin's declared options: `count` specs at `items`.
struct OptionTable {
  const OptionSpec* items = nullptr;
  std::uint32_t count = 0;
  const OptionSpec* begin() const noexcept { return items; }
  const OptionSpec* end() const noexcept { return items + count; }
  const OptionSpec* find(const std::string& name) const noexcept;
};

template <std::size_t N>
constexpr OptionTable option_table(const OptionSpec (&specs)[N]) noexcept {
  return OptionTable{specs, static_cast<std::uint32_t>(N)};
}
constexpr OptionTable option_table() noexcept { return OptionTable{}; }

}  // namespace sdg
