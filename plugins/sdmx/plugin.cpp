// sdgreport sdmx plugin — the one public entry point of the plugin library, with
// the options it takes (checked by the host before it runs; docs/plugins/sdmx.md).
#include "sdmx_source.hpp"

using sdg::sdmx::SdmxSource;

namespace {
using sdg::OptionSpec;
using T = sdg::OptionType;
constexpr const char* kLayouts[] = {"long", "wide", nullptr};
constexpr const char* kLabels[] = {"name", "code", "both", nullptr};
constexpr const char* kDuplicates[] = {"first", "last", "error", nullptr};
constexpr const char* kCharts[] = {"line", "column", "bar", "none", nullptr};
constexpr OptionSpec kOptions[] = {
    {.name = "file", .type = T::Path, .description = "The SDMX data message: SDMX-ML 2.1 (generic or structure-specific) or SDMX-CSV 1.0/2.0", .required = true},
    {.name = "structure", .type = T::List, .description = "SDMX-ML structure files (DSD, codelists, concepts) naming the codes"},
    {.name = "filter", .type = T::Map, .description = "Keep observations whose dimension has one of the codes: dimension → code or list"},
    {.name = "layout", .type = T::Enum, .description = "One row per observation (long), or per series with a column per period (wide)",
     .default_value = "long", .values = kLayouts, .ignore_case = true},
    {.name = "labels", .type = T::Enum, .description = "Show codes by name, as codes, or both", .default_value = "name",
     .values = kLabels, .ignore_case = true},
    {.name = "attributes", .type = T::List, .description = "Components that are attributes, not dimensions (without a structure file)"},
    {.name = "status", .type = T::Map, .description = "Extra OBS_STATUS codes: code → status"},
    {.name = "indicator", .type = T::String, .description = "SDG indicator id of the table and chart"},
    {.name = "series_indicators", .type = T::Path, .description = "SERIES code → indicator id: a CSV file of two columns, or a map",
     .or_map = true},
    {.name = "duplicates", .type = T::Enum, .description = "Two observations for one key: keep the first or last (warning), or stop",
     .default_value = "first", .values = kDuplicates, .ignore_case = true},
    {.name = "decimals", .type = T::Integer, .description = "Decimals of the values (default: as written, at most 10)", .minimum = 0,
     .maximum = 10},
    {.name = "caption", .type = T::String, .description = "Table caption (default: the series and the constant dimensions)"},
    {.name = "title", .type = T::String, .description = "Chart title (default: the caption)"},
    {.name = "source", .type = T::String, .description = "Source note of the table and chart (default: the dataflow and file)"},
    {.name = "table", .type = T::Boolean, .description = "Add the table", .default_value = "true"},
    {.name = "chart", .type = T::Enum, .description = "Add a chart: one series per combination of the varying dimensions",
     .default_value = "none", .values = kCharts, .ignore_case = true},
};
}  // namespace

SDGREPORT_DATA_SOURCE_PLUGIN(SdmxSource, "sdmx", "0.1.0",
                             "SDMX data (SDMX-ML 2.1, SDMX-CSV 1.0/2.0) such as the UN Global SDG Database into tables and charts",
                             kOptions)
