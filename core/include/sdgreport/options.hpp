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
#include <map>
#include <optional>
#include <string>
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

}  // namespace sdg
