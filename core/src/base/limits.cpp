#include "sdgreport/limits.hpp"

#include <array>
#include <utility>

namespace sdg {

namespace {

Limits g_limits;

struct Entry {
  std::string_view name;
  std::size_t Limits::*field;
  bool raisable;
};

constexpr std::array<Entry, 11> kEntries{{
    {"block_depth", &Limits::block_depth, false},
    {"inline_depth", &Limits::inline_depth, false},
    {"section_depth", &Limits::section_depth, false},
    {"json_depth", &Limits::json_depth, false},
    {"yaml_depth", &Limits::yaml_depth, false},
    {"yaml_nodes", &Limits::yaml_nodes, false},
    {"table_columns", &Limits::table_columns, true},
    {"table_cells", &Limits::table_cells, true},
    {"chart_series", &Limits::chart_series, true},
    {"chart_categories", &Limits::chart_categories, true},
    {"label_length", &Limits::label_length, true},
}};

const Entry* find(std::string_view name) noexcept {
  for (const Entry& e : kEntries)
    if (e.name == name) return &e;
  return nullptr;
}

}  // namespace

const Limits& limits() noexcept { return g_limits; }

void set_limits(const Limits& l) noexcept { g_limits = l; }

bool is_raisable_limit(std::string_view name) noexcept {
  const Entry* e = find(name);
  return e != nullptr && e->raisable;
}

bool set_limit(Limits& l, std::string_view name, std::size_t value) noexcept {
  const Entry* e = find(name);
  if (e == nullptr || !e->raisable) return false;
  l.*(e->field) = value;
  return true;
}

std::size_t limit_value(std::string_view name) noexcept {
  const Entry* e = find(name);
  return e == nullptr ? 0 : g_limits.*(e->field);
}

std::string limit_message(std::string_view name, const std::string& what) {
  std::string out = what + ": over the limit " + std::string(name) + " = " + std::to_string(limit_value(name));
  if (is_raisable_limit(name))
    out += "; raise it with 'limits: { " + std::string(name) + ": N }' in the report definition";
  else
    out += " (see docs/limits.md)";
  return out;
}

}  // namespace sdg
