#include "sdgreport/options.hpp"
#include "sdgreport/text.hpp"

#include <algorithm>
#include <cerrno>
#include <charconv>
#include <cmath>
#include <cstdlib>

namespace sdg {

Value Value::null(Location at) {
  Value v;
  v.where_ = std::move(at);
  return v;
}

Value Value::scalar(std::string s, Location at) {
  Value v;
  v.type_ = Type::Scalar;
  v.text_ = std::move(s);
  v.where_ = std::move(at);
  return v;
}

Value Value::list(std::vector<Value> items, Location at) {
  Value v;
  v.type_ = Type::List;
  v.items_ = std::move(items);
  v.where_ = std::move(at);
  return v;
}

Value Value::map(std::vector<std::pair<std::string, Value>> entries, Location at) {
  Value v;
  v.type_ = Type::Map;
  v.entries_ = std::move(entries);
  v.where_ = std::move(at);
  return v;
}

const Value* Value::find(const std::string& key) const noexcept {
  for (const auto& [k, v] : entries_)
    if (k == key) return &v;
  return nullptr;
}

bool Value::operator==(const Value& o) const {
  return type_ == o.type_ && text_ == o.text_ && items_ == o.items_ && entries_ == o.entries_;
}

Options::Options(Value map, std::string owner) : value_(std::move(map)), owner_(std::move(owner)) {
  if (!value_.is_map() && !value_.is_null())
    throw Error(ErrorCode::Definition, owner_ + ": expected a map of options", value_.where());
  if (value_.is_null()) value_ = Value::map({}, value_.where());
}

bool Options::has(const std::string& key) const noexcept {
  const Value* v = get(key);
  return v && !v->is_null();
}

std::vector<std::string> Options::keys() const {
  std::vector<std::string> out;
  for (const auto& e : value_.entries()) out.push_back(e.first);
  return out;
}

Error Options::error(const std::string& key, const std::string& what) const {
  std::string who = owner_.empty() ? "" : " of " + owner_;
  return Error(ErrorCode::Definition, "option '" + key + "'" + who + ": " + what, where_of(key));
}

const Value& Options::require(const std::string& key) const {
  const Value* v = get(key);
  if (!v || v->is_null()) {
    std::string who = owner_.empty() ? "" : owner_ + ": ";
    throw Error(ErrorCode::Definition, who + "option '" + key + "' is required", value_.where());
  }
  return *v;
}

std::string Options::string(const std::string& key) const {
  const Value& v = require(key);
  if (!v.is_scalar()) throw error(key, "expected a text value");
  return v.text();
}

std::string Options::string_or(const std::string& key, const std::string& fallback) const {
  return has(key) ? string(key) : fallback;
}

namespace {
/// `text` without one leading '+' that a digit follows ("+5" → "5"; "+-5" stays).
std::string_view without_plus(std::string_view text) {
  if (text.size() > 1 && text[0] == '+' && text[1] >= '0' && text[1] <= '9') text.remove_prefix(1);
  return text;
}
}  // namespace

std::optional<std::int64_t> option_integer(std::string_view text) noexcept {
  const std::string_view t = without_plus(text);
  std::int64_t out = 0;
  auto [p, ec] = std::from_chars(t.data(), t.data() + t.size(), out);
  if (t.empty() || ec != std::errc() || p != t.data() + t.size()) return std::nullopt;
  return out;
}

std::optional<double> option_number(std::string_view text) noexcept {
  // from_chars: '.' is the decimal mark whatever the C locale says.
  const std::string_view t = without_plus(text);
  double d = 0;
  auto [p, ec] = std::from_chars(t.data(), t.data() + t.size(), d);
  if (t.empty() || ec != std::errc() || p != t.data() + t.size() || !std::isfinite(d)) return std::nullopt;
  return d;
}

std::int64_t Options::integer(const std::string& key) const {
  const std::string s = string(key);
  const auto out = option_integer(s);
  if (!out) throw error(key, "expected an integer, got '" + s + "'");
  return *out;
}

std::int64_t Options::integer_or(const std::string& key, std::int64_t fallback) const {
  return has(key) ? integer(key) : fallback;
}

double Options::number(const std::string& key) const {
  const std::string s = string(key);
  const auto d = option_number(s);
  if (!d) throw error(key, "expected a number, got '" + s + "'");
  return *d;
}

double Options::number_or(const std::string& key, double fallback) const {
  return has(key) ? number(key) : fallback;
}

bool Options::boolean(const std::string& key) const {
  const std::string s = lower(string(key));
  if (s == "true" || s == "yes" || s == "on") return true;
  if (s == "false" || s == "no" || s == "off") return false;
  throw error(key, "expected true or false, got '" + string(key) + "'");
}

bool Options::boolean_or(const std::string& key, bool fallback) const {
  return has(key) ? boolean(key) : fallback;
}

std::vector<std::string> Options::strings(const std::string& key) const {
  const Value& v = require(key);
  if (v.is_scalar()) return {v.text()};
  if (!v.is_list()) throw error(key, "expected a list of text values");
  std::vector<std::string> out;
  for (const Value& item : v.items()) {
    if (!item.is_scalar()) throw error(key, "expected a list of text values");
    out.push_back(item.text());
  }
  return out;
}

std::vector<std::string> Options::strings_or(const std::string& key,
                                             std::vector<std::string> fallback) const {
  return has(key) ? strings(key) : fallback;
}

Options Options::map(const std::string& key) const {
  const Value& v = require(key);
  if (!v.is_map()) throw error(key, "expected a map");
  return Options(v, owner_);
}

std::vector<std::string> Options::unknown_keys(const std::vector<std::string>& known) const {
  std::vector<std::string> out;
  for (const auto& e : value_.entries())
    if (std::find(known.begin(), known.end(), e.first) == known.end()) out.push_back(e.first);
  return out;
}

}  // namespace sdg
