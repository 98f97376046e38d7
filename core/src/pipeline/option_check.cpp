// Checking definition entries against declared option schemas.
#include "sdgreport/option_check.hpp"
#include "sdgreport/text.hpp"

#include <cctype>
#include <charconv>
#include <cmath>
#include <cstring>

#include "sdgreport/suggest.hpp"

namespace sdg {

namespace {

constexpr OptionSpec kGenericSource[] = {
    {.name = "plugin",
     .type = OptionType::String,
     .description = "The data-source plugin that reads this entry",
     .required = true},
    {.name = "id",
     .type = OptionType::String,
     .description = "An id for what the source adds, for cross-references and `::: data ID` placement"},
    {.name = "language",
     .type = OptionType::String,
     .description = "Language of what the source adds, when it is not the report's (BCP 47: nb, se, kl, nb-NO)"},
    {.name = "alt",
     .type = OptionType::String,
     .description = "Text alternative for the one chart the source adds (replaces the generated description)"},
    {.name = "isolate",
     .type = OptionType::Boolean,
     .description = "Run this source in a child process (default: the --isolate flag)"},
    {.name = "timeout",
     .type = OptionType::Integer,
     .description = "Seconds an isolated source may run",
     .default_value = "600",
     .minimum = 1},
    {.name = "memory_limit",
     .type = OptionType::Integer,
     .description = "Megabytes an isolated source may use (0 = no limit)",
     .default_value = "4096",
     .minimum = 0},
};

constexpr OptionSpec kGenericOutput[] = {
    {.name = "format",
     .type = OptionType::String,
     .description = "The format plugin that writes this output",
     .required = true},
    {.name = "file",
     .type = OptionType::Path,
     .description = "File name under the output directory (default: NAME.FORMAT)"},
};

const OptionSpec* find_spec(const std::string& key, const OptionTable& generic, const OptionTable& declared) {
  if (const OptionSpec* s = generic.find(key)) return s;
  return declared.find(key);
}

std::string show(const Value& v) {
  if (v.is_list()) return "a list";
  if (v.is_map()) return "a map";
  return "'" + v.text() + "'";
}

std::string number_text(double d) {
  char buf[32];
  auto [end, ec] = std::to_chars(buf, buf + sizeof buf, d);
  return ec == std::errc() ? std::string(buf, end) : std::string("?");
}

std::string range_text(const OptionSpec& s) {
  const bool lo = std::isfinite(s.minimum), hi = std::isfinite(s.maximum);
  if (lo && hi) return number_text(s.minimum) + "–" + number_text(s.maximum);
  if (lo) return "at least " + number_text(s.minimum);
  if (hi) return "at most " + number_text(s.maximum);
  return "";
}

// The enum value `text` matches, in its declared spelling, or nullptr.
const char* enum_match(const OptionSpec& s, const std::string& text) {
  for (const char* const* v = s.values; v && *v; ++v)
    if (text == *v || (s.ignore_case && lower(text) == lower(*v))) return *v;
  return nullptr;
}

// A Map option with `values` takes those keys only (ABI 4); the error is at the
// key's value, as an enum error is at its value.
void check_map_keys(const Options& entry, const std::string& key, const Value& v, const OptionSpec& s) {
  if (s.type != OptionType::Map || !s.values) return;
  for (const auto& [k, item] : v.entries()) {
    bool known = false;
    for (const char* const* a = s.values; *a && !known; ++a) known = k == *a;
    if (known) continue;
    const Location at = item.where().empty() ? v.where() : item.where();
    throw Error(ErrorCode::Definition,
                "option '" + key + "'" + (entry.owner().empty() ? "" : " of " + entry.owner()) + ": unknown key '" + k + "' (its keys: " +
                    enum_values_list(s) + ")" + did_you_mean(k, enum_values(s)),
                at.empty() ? entry.where() : at);
  }
}

void check_value(const Options& entry, const std::string& key, const Value& v, const OptionSpec& s) {
  if (v.is_null()) return;  // `key:` with nothing: the same as leaving it out
  if (v.is_map()) {
    if (s.type == OptionType::Map || s.or_map) return check_map_keys(entry, key, v, s);
    throw entry.error(key,
                      s.type == OptionType::List
                          ? std::string("expected a list of text values, got a map")
                          : "expected one " + std::string(option_type_name(s.type)) + " value, got a map");
  }
  if (s.type == OptionType::Map) throw entry.error(key, "expected a map, got " + show(v));
  if (v.is_list()) {
    if (s.type != OptionType::List) throw entry.error(key, "expected a single value, got a list");
    for (const Value& item : v.items())
      if (!item.is_scalar())
        throw entry.error(key, "expected a list of text values, got a nested list or map");
    return;
  }
  const std::string& t = v.text();
  switch (s.type) {
    case OptionType::String:
    case OptionType::Path:
    case OptionType::List:
    case OptionType::Map:
      return;
    case OptionType::Boolean: {
      const std::string l = lower(t);
      if (l == "true" || l == "false" || l == "yes" || l == "no" || l == "on" || l == "off") return;
      throw entry.error(key, "expected true or false, got '" + t + "'");
    }
    case OptionType::Enum:
      if (enum_match(s, t)) return;
      throw entry.error(key, "expected one of " + enum_values_list(s) + ", got '" + t + "'" +
                                 did_you_mean(t, enum_values(s)));
    case OptionType::Integer:
    case OptionType::Number: {
      // The same parse as Options::integer() and number() (options.hpp).
      double d = 0;
      bool ok = false;
      if (s.type == OptionType::Integer) {
        const auto n = option_integer(t);
        ok = n.has_value();
        d = n ? static_cast<double>(*n) : 0;
      } else {
        const auto x = option_number(t);
        ok = x.has_value();
        d = x.value_or(0);
      }
      const char* what = s.type == OptionType::Integer ? "a whole number" : "a number";
      if (!ok) throw entry.error(key, std::string("expected ") + what + ", got '" + t + "'");
      if (d < s.minimum || d > s.maximum)
        throw entry.error(key, std::string("expected ") + what + " " + range_text(s) + ", got " + t);
      return;
    }
  }
}

}  // namespace

const OptionSpec* OptionTable::find(const std::string& name) const noexcept {
  for (const OptionSpec& s : *this)
    if (s.name && name == s.name) return &s;
  return nullptr;
}

const char* option_type_name(OptionType t) noexcept {
  switch (t) {
    case OptionType::String:
      return "string";
    case OptionType::Integer:
      return "integer";
    case OptionType::Number:
      return "number";
    case OptionType::Boolean:
      return "boolean";
    case OptionType::Enum:
      return "enum";
    case OptionType::List:
      return "list";
    case OptionType::Map:
      return "map";
    case OptionType::Path:
      return "path";
  }
  return "unknown";
}

OptionTable generic_source_options() noexcept {
  return option_table(kGenericSource);
}
OptionTable generic_output_options() noexcept {
  return option_table(kGenericOutput);
}
OptionTable generic_options(PluginKind kind) noexcept {
  return kind == PluginKind::Format ? generic_output_options() : generic_source_options();
}

std::vector<std::string> enum_values(const OptionSpec& spec) {
  std::vector<std::string> out;
  for (const char* const* v = spec.values; v && *v; ++v) out.emplace_back(*v);
  return out;
}

std::string enum_values_list(const OptionSpec& spec) {
  std::string out;
  for (const std::string& v : enum_values(spec)) out += (out.empty() ? "" : ", ") + v;
  return out;
}

void check_options(const Options& entry, PluginKind kind, const OptionTable& declared) {
  const OptionTable generic = generic_options(kind);
  for (const auto& [key, v] : entry.value().entries()) {
    const OptionSpec* s = find_spec(key, generic, declared);
    if (!s) {
      std::vector<std::string> names;
      for (const OptionSpec& g : generic) names.emplace_back(g.name);
      for (const OptionSpec& d : declared) names.emplace_back(d.name);
      std::string hint = did_you_mean(key, names);
      if (hint.empty()) {
        std::string own;
        for (const OptionSpec& d : declared) own += (own.empty() ? "" : ", ") + std::string(d.name);
        hint = own.empty() ? " (it takes no options of its own)" : " (its options: " + own + ")";
      }
      const Location at = v.where().empty() ? entry.where() : v.where();
      throw Error(ErrorCode::Definition, "unknown option '" + key + "' of " + entry.owner() + hint, at);
    }
    check_value(entry, key, v, *s);
  }
  // (The generic `plugin` / `format` are required by the definition reader itself;
  // entries made in code, such as preview's html output, need not repeat them.)
  for (const OptionSpec& s : declared)
    if (s.required && !entry.has(s.name))
      throw Error(
          ErrorCode::Definition,
          entry.owner() + ": option '" + std::string(s.name) + "' is required (" + s.description + ")",
          entry.where());
}

Options canonical_options(const Options& entry, const OptionTable& declared) {
  bool changed = false;
  std::vector<std::pair<std::string, Value>> entries;
  for (const auto& [key, v] : entry.value().entries()) {
    const OptionSpec* s = declared.find(key);
    if (s && s->type == OptionType::Enum && s->ignore_case && v.is_scalar())
      if (const char* m = enum_match(*s, v.text()); m && v.text() != m) {
        entries.emplace_back(key, Value::scalar(m, v.where()));
        changed = true;
        continue;
      }
    entries.emplace_back(key, v);
  }
  if (!changed) return entry;
  return Options(Value::map(std::move(entries), entry.where()), entry.owner());
}

}  // namespace sdg
