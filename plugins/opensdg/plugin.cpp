// sdgreport opensdg plugin — the one public entry point of the plugin library,
// with the options it takes (checked by the host before it runs;
// docs/plugins/opensdg.md).
#include "opensdg_source.hpp"

using sdg::opensdg::OpenSdgSource;

namespace {
using sdg::OptionSpec;
using T = sdg::OptionType;
constexpr const char* kCharts[] = {"auto", "line", "column", "bar", "none", nullptr};
// The report languages (sdg::Language), as the option spells them.
constexpr const char* kLanguageCodes[] = {sdg::language_code(sdg::Language::En), sdg::language_code(sdg::Language::Nb),
                                          sdg::language_code(sdg::Language::Nn), nullptr};
constexpr const char* kUnknown[] = {"error", "skip", nullptr};
constexpr const char* kDuplicates[] = {"first", "last", "error", nullptr};
constexpr OptionSpec kOptions[] = {
    {.name = "folder", .type = T::Path, .description = "The Open SDG data folder, relative to the report definition",
     .required = true},
    {.name = "indicators", .type = T::List, .description = "Which indicators to take (default: every data file)"},
    {.name = "disaggregations", .type = T::List, .description = "Besides the headline, a table per named column"},
    {.name = "progress", .type = T::Map, .description = "Progress settings per indicator: id → settings"},
    {.name = "source", .type = T::String, .description = "Source note for every table, chart and summary"},
    {.name = "chart", .type = T::Enum, .description = "Chart kind; auto follows the metadata's graph_type",
     .default_value = "auto", .values = kCharts, .ignore_case = true},
    {.name = "table", .type = T::Boolean, .description = "Whether to add the tables", .default_value = "true"},
    {.name = "metadata_language", .type = T::Enum, .description = "The language of the metadata in meta/ (default: the report's)",
     .values = kLanguageCodes, .ignore_case = true},
    {.name = "unknown_indicators", .type = T::Enum,
     .description = "A data file claiming an id not in the SDG catalogue: stop, or skip with a warning",
     .default_value = "error", .values = kUnknown, .ignore_case = true},
    {.name = "duplicates", .type = T::Enum, .description = "Two rows with the same key: keep the first or last, or stop",
     .default_value = "first", .values = kDuplicates, .ignore_case = true},
    {.name = "status_map", .type = T::Map, .description = "Extra Observation status texts: text → status"},
};
}  // namespace

SDGREPORT_DATA_SOURCE_PLUGIN(OpenSdgSource, "opensdg", "0.1.0",
                             "Open SDG data folders: indicator summaries, tables and charts per goal", kOptions)
