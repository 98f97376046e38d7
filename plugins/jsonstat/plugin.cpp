// sdgreport jsonstat plugin — the one public entry point of the plugin library,
// with the options it takes (checked by the host before it runs;
// docs/plugins/jsonstat.md).
#include "jsonstat_source.hpp"

using sdg::jsonstat::JsonStatSource;

namespace {
using sdg::OptionSpec;
using T = sdg::OptionType;
constexpr const char* kDuplicates[] = {"first", "last", "error", nullptr};
constexpr const char* kCharts[] = {"line", "column", "bar", "none", nullptr};
constexpr OptionSpec kOptions[] = {
    {.name = "file", .type = T::Path, .description = "The JSON-stat file, relative to the report definition",
     .required = true},
    {.name = "dataset", .type = T::String, .description = "Which dataset of a bundle or collection"},
    {.name = "select", .type = T::Map, .description = "Categories to keep: dimension → category or list"},
    {.name = "rows", .type = T::String, .description = "Dimension whose categories are the table's rows"},
    {.name = "columns", .type = T::String, .description = "Dimension whose categories are the table's number columns"},
    {.name = "series", .type = T::String, .description = "For the chart: rows or columns as series"},
    {.name = "table", .type = T::Boolean, .description = "Add the table", .default_value = "true"},
    {.name = "chart", .type = T::Enum, .description = "Add a chart of the same numbers", .default_value = "none",
     .values = kCharts, .ignore_case = true},
    {.name = "caption", .type = T::String, .description = "Table caption (default: dataset label and narrowed dimensions)"},
    {.name = "title", .type = T::String, .description = "Chart title (default: the caption)"},
    {.name = "source", .type = T::String, .description = "Source note of the table and chart (default: the file's)"},
    {.name = "indicator", .type = T::String, .description = "SDG indicator id of the table and chart"},
    {.name = "decimals", .type = T::Integer, .description = "Decimals of every number column", .minimum = 0,
     .maximum = 10},
    {.name = "duplicates", .type = T::Enum, .description = "Two categories with one label: keep both, shown with their ids (first, last), or stop (error)",
     .default_value = "first", .values = kDuplicates, .ignore_case = true},
    {.name = "status", .type = T::Map, .description = "Status for codes of the file: code → status"},
};
}  // namespace

SDGREPORT_DATA_SOURCE_PLUGIN(JsonStatSource, "jsonstat", "0.1.0",
                             "JSON-stat 2.0 and 1.x datasets (SSB, Eurostat, OECD) into tables and charts", kOptions)
