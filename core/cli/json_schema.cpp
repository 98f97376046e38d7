#include "json_schema.hpp"

#include "sdgreport/language.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <sstream>

#include "sdgreport/i18n.hpp"
#include "sdgreport/option_check.hpp"
#include "sdgreport/validate.hpp"

namespace sdg::cli {

namespace {

using json = nlohmann::ordered_json;

// YAML gives `2`, `true` or `yes` where the definition reads text: a text option
// accepts them all, and typed options accept their text forms.
const json kText = {{"type", json::array({"string", "number", "boolean"})}};

std::string regex_escape(const std::string& s) {
  std::string out;
  for (char c : s) {
    if (std::string("\\^$.|?*+()[]{}/").find(c) != std::string::npos) out += '\\';
    out += c;
  }
  return out;
}

// "^(?:[aA]4|[lL][eE]…)$": JSON Schema patterns (ECMA-262) have no case-insensitive flag.
std::string any_case_pattern(const std::vector<std::string>& values) {
  std::string out = "^(?:";
  for (std::size_t i = 0; i < values.size(); ++i) {
    if (i) out += '|';
    for (char c : values[i]) {
      const auto u = static_cast<unsigned char>(c);
      if (std::isalpha(u))
        out +=
            std::string("[") + static_cast<char>(std::tolower(u)) + static_cast<char>(std::toupper(u)) + "]";
      else
        out += regex_escape(std::string(1, c));
    }
  }
  return out + ")$";
}

json boolean_schema() {
  return {{"type", json::array({"boolean", "string"})},
          {"pattern", any_case_pattern({"true", "false", "yes", "no", "on", "off"})}};
}

json option_schema(const OptionSpec& s) {
  json j;
  switch (s.type) {
    case OptionType::String:
      j = kText;
      break;
    case OptionType::Path:
      j = {{"type", "string"}};
      break;
    case OptionType::Boolean:
      j = boolean_schema();
      break;
    case OptionType::Integer:
    case OptionType::Number:
      j = {{"type", json::array({s.type == OptionType::Integer ? "integer" : "number", "string"})},
           {"pattern", s.type == OptionType::Integer ? "^\\+?-?[0-9]+$" : "^\\+?-?[0-9]+(\\.[0-9]+)?$"}};
      if (std::isfinite(s.minimum)) j["minimum"] = s.minimum;
      if (std::isfinite(s.maximum)) j["maximum"] = s.maximum;
      break;
    case OptionType::Enum: {
      const std::vector<std::string> values = enum_values(s);
      j = s.ignore_case
              ? json{{"anyOf", json::array({{{"enum", values}},
                                            {{"type", "string"}, {"pattern", any_case_pattern(values)}}})}}
              : json{{"enum", values}};
      break;
    }
    case OptionType::List:
      j = {{"anyOf", json::array({kText, {{"type", "array"}, {"items", kText}}})}};
      break;
    case OptionType::Map:
      j = {{"type", "object"}};
      if (s.values) {  // a fixed set of keys (ABI 4)
        json keys = json::object();
        for (const std::string& k : enum_values(s)) keys[k] = json::object();
        j["properties"] = keys;
        j["additionalProperties"] = false;
      }
      break;
  }
  if (s.or_map && s.type != OptionType::Map) j = {{"anyOf", json::array({j, {{"type", "object"}}})}};
  std::string d = s.description ? s.description : "";
  if (s.default_value) d += std::string(" (default: ") + s.default_value + ")";
  j["description"] = d;
  if (s.default_value) j["default"] = s.default_value;
  return j;
}

// One plugin's entry: the generic keys plus its own, nothing else.
json entry_schema(const OptionTable& generic, const OptionTable& declared) {
  json props = json::object();
  json required = json::array();
  for (const OptionTable* t : {&generic, &declared})
    for (const OptionSpec& s : *t) {
      props[s.name] = option_schema(s);
      if (s.required) required.push_back(s.name);
    }
  json j = {{"type", "object"}, {"properties", props}, {"additionalProperties", false}};
  if (!required.empty()) j["required"] = required;
  return j;
}

// Entries of one kind: `key` (plugin/format) names the plugin; if/then picks its options.
json entries_schema(const PluginHost& host, PluginKind kind, const std::string& key,
                    const std::string& what) {
  std::vector<const PluginRecord*> plugins;
  for (const PluginRecord& r : host.plugins())
    if (r.enabled && r.kind == kind) plugins.push_back(&r);
  std::sort(plugins.begin(), plugins.end(), [](auto* a, auto* b) { return a->name < b->name; });
  json names = json::array();
  json cases = json::array();
  for (const PluginRecord* r : plugins) {
    names.push_back(r->name);
    cases.push_back({{"if", {{"properties", {{key, {{"const", r->name}}}}}, {"required", {key}}}},
                     {"then", entry_schema(generic_options(kind), r->options)}});
  }
  json j = {{"type", "object"},
            {"description", what},
            {"required", {key}},
            {"properties", {{key, {{"enum", names}, {"description", "The plugin: " + [&] {
                                                       std::string s;
                                                       for (const PluginRecord* r : plugins)
                                                         s += (s.empty() ? "" : "; ") + r->name + " — " +
                                                              r->description;
                                                       return s;
                                                     }()}}}}}};
  if (!cases.empty()) j["allOf"] = cases;
  return j;
}

json text(const std::string& description) {
  json j = kText;
  j["description"] = description;
  return j;
}

json texts(const std::string& description) {
  return {{"anyOf", json::array({kText, {{"type", "array"}, {"items", kText}}})},
          {"description", description}};
}

json goal_number() {
  return {{"type", json::array({"integer", "string"})},
          {"minimum", 1},
          {"maximum", 17},
          {"pattern", "^(?:[1-9]|1[0-7])$"},
          {"description", "An SDG goal, 1–17"}};
}

}  // namespace

std::string definition_schema(const PluginHost& host) {
  json sources = {
      {"anyOf", json::array({{{"$ref", "#/definitions/source"}},
                             {{"type", "array"}, {"items", {{"$ref", "#/definitions/source"}}}}})}};
  json goal_entry = {{"type", "object"},
                     {"required", {"goal"}},
                     {"additionalProperties", false},
                     {"properties",
                      {{"goal", goal_number()},
                       {"title", text("Replaces the catalogue's short title of the goal section")},
                       {"source", {{"$ref", "#/definitions/sources"}}},
                       {"sources", {{"$ref", "#/definitions/sources"}}}}}};
  json goals = {
      {"anyOf",
       json::array({{{"const", "all"}},
                    goal_number(),
                    {{"type", "array"}, {"items", {{"anyOf", json::array({goal_number(), goal_entry})}}}}})},
      {"description",
       "Goal sections to create: 'all', a goal, or a list of goals and { goal, title, sources }"}};
  json roles = chapter_roles();
  roles.push_back("main_messages");
  json chapter = {
      {"type", "object"},
      {"required", {"title"}},
      {"additionalProperties", false},
      {"properties",
       {{"title", text("The chapter's title")},
        {"id", text("The chapter's id (for links and cross-references)")},
        {"role",
         {{"enum", roles},
          {"description",
           "The part of the UN reporting guidelines it fulfils; main_messages: the main messages, written alone by "
           "an output's 'part: main_messages'"}}},
        {"word_limit",
         {{"type", json::array({"integer", "string"})},
          {"minimum", 1},
          {"pattern", "^[0-9]+$"},
          {"description", "Most words allowed in the chapter's text"}}},
        {"numbered", boolean_schema()},
        {"source", {{"$ref", "#/definitions/sources"}}},
        {"sources", {{"$ref", "#/definitions/sources"}}},
        {"goals", goals},
        {"goal_sources", {{"$ref", "#/definitions/sources"}}},
        {"sections", {{"type", "array"}, {"items", {{"$ref", "#/definitions/chapter"}}}}}}}};
  json image = {{"type", "string"}, {"description", "A PNG or JPEG file, relative to the report definition"}};
  json theme = {
      {"type", "object"},
      {"description", "Logo, cover image, accent colour, page size and fonts"},
      {"properties",
       {{"logo", image},
        {"logo_in_header", boolean_schema()},
        {"cover_image", image},
        {"accent", {{"type", "string"}, {"pattern", "^#[0-9A-Fa-f]{6}$"}, {"description", "#RRGGBB"}}},
        {"page_size", {{"enum", {"A4", "Letter"}}}},
        {"font",
         {{"type", "object"}, {"description", "Four font files: regular, bold, italic, bold_italic"}}}}}};
  json limits = {{"type", "object"}, {"additionalProperties", false}, {"properties", json::object()}};
  for (const char* k : {"table_columns", "table_cells", "chart_series", "chart_categories", "label_length"})
    limits["properties"][k] = {
        {"type", json::array({"integer", "string"})}, {"minimum", 1}, {"pattern", "^[0-9]+$"}};
  json schema = {
      {"$schema", "http://json-schema.org/draft-07/schema#"},
      {"$id", "https://sdgreport.invalid/report-definition.schema.json"},
      {"title", "sdgreport report definition"},
      {"description",
       "A report definition (report.yaml); see docs/report-definition.md. Generated by `sdgreport schema`."},
      {"type", "object"},
      {"required", {"title", "chapters"}},
      {"additionalProperties", false},
      {"properties",
       {{"sdgreport", {{"enum", {1, "1"}}, {"description", "Definition format version"}}},
        {"name", text("Base name of the output files")},
        {"title", text("The report's title")},
        {"subtitle", text("Subtitle")},
        {"organisation", text("The organisation publishing the report")},
        {"authors", texts("Authors")},
        {"language", {{"enum", [] {
                         json codes = json::array();
                         for (Language l : kLanguages) codes.push_back(language_code(l));
                         return codes;
                       }()},
                       {"description", "Report language"}}},
        {"date",
         {{"type", "string"},
          {"pattern", "^(?:[0-9]{4}(?:-[0-9]{2}(?:-[0-9]{2})?)?)?$"},
          {"description", "YYYY-MM-DD, YYYY-MM or YYYY"}}},
        {"edition", text("Edition")},
        {"keywords", texts("Keywords (PDF metadata)")},
        {"plugin_dirs", texts("Folders to load plugins from, relative to the definition")},
        {"chapters", {{"type", "array"}, {"minItems", 1}, {"items", {{"$ref", "#/definitions/chapter"}}}}},
        {"outputs", {{"type", "array"}, {"items", {{"$ref", "#/definitions/output"}}}}},
        {"excluded_goals",
         {{"type", "array"},
          {"items",
           {{"type", "object"},
            {"required", {"goal", "reason"}},
            {"additionalProperties", false},
            {"properties", {{"goal", goal_number()}, {"reason", text("Why the report leaves it out")}}}}}}},
        {"required_chapters",
         {{"type", json::array({"array", "null"})}, {"items", {{"enum", roles}}}}},
        {"main_messages_word_limit",
         {{"type", json::array({"integer", "string"})},
          {"minimum", 1},
          {"pattern", "^[0-9]+$"},
          {"description",
           "Most words in the main messages chapter; take the number from the year's DESA guidance for VNRs"}}},
        {"limits", limits},
        {"allow_paths", texts("Folders besides the report's that images may come from")},
        {"theme", theme},
        {"colophon",
         {{"type", "object"},
          {"additionalProperties", false},
          {"properties",
           {{"isbn", text("ISBN")},
            {"issn", text("ISSN")},
            {"licence", text("Licence")},
            {"contact", text("Contact")},
            {"data_sources", texts("Data sources")}}}}},
        {"at_a_glance", boolean_schema()}}},
      {"definitions",
       {{"chapter", chapter},
        {"sources", sources},
        {"source",
         entries_schema(host, PluginKind::DataSource, "plugin", "A data source: a plugin and its options")},
        {"output",
         entries_schema(host, PluginKind::Format, "format", "An output: a format plugin and its options")}}}};
  return schema.dump(2) + "\n";
}

std::string describe_options(const PluginRecord& plugin) {
  std::ostringstream out;
  out << plugin.name << " (" << plugin_kind_name(plugin.kind) << " plugin " << plugin.version
      << "): " << plugin.description << "\n";
  auto line = [&](const OptionSpec& s, bool generic) {
    out << "  " << s.name << "  " << option_type_name(s.type);
    if (s.type == OptionType::Enum)
      out << " (" << enum_values_list(s) << (s.ignore_case ? "; any case" : "") << ")";
    if (std::isfinite(s.minimum) || std::isfinite(s.maximum)) {
      out << " [" << (std::isfinite(s.minimum) ? std::to_string(static_cast<long long>(s.minimum)) : "")
          << "…" << (std::isfinite(s.maximum) ? std::to_string(static_cast<long long>(s.maximum)) : "")
          << "]";
    }
    if (s.type == OptionType::Map && s.values) out << " (keys: " << enum_values_list(s) << ")";
    if (s.or_map) out << " or a map";
    if (s.required) out << ", required";
    if (s.default_value) out << ", default " << s.default_value;
    out << (generic ? "  (generic) " : "  ") << "— " << s.description << "\n";
  };
  out << "options:\n";
  if (plugin.options.count == 0) out << "  (none of its own)\n";
  for (const OptionSpec& s : plugin.options) line(s, false);
  out << "generic keys:\n";
  for (const OptionSpec& s : generic_options(plugin.kind)) line(s, true);
  return out.str();
}

}  // namespace sdg::cli
