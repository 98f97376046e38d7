// sdgreport px plugin — the one public entry point of the plugin library, with
// the options it takes (checked by the host before it runs; docs/plugins/px.md).
#include "px_source.hpp"

using sdg::px::PxSource;

namespace {
using sdg::OptionSpec;
using T = sdg::OptionType;
constexpr const char* kDuplicates[] = {"first", "last", "error", nullptr};
constexpr const char* kCharts[] = {"line", "column", "bar", "none", nullptr};
constexpr const char* kNotes[] = {"mandatory", "all", "none", nullptr};
constexpr OptionSpec kOptions[] = {
    {.name = "file",
     .type = T::Path,
     .description = "The PC-Axis (.px) file, relative to the report definition",
     .required = true},
    {.name = "file_language",
     .type = T::String,
     .description = "Which of the file's languages (LANGUAGES) to read the texts in (default: the report's, "
                    "else the file's LANGUAGE)"},
    {.name = "select", .type = T::Map, .description = "Values to keep: variable → value code or list"},
    {.name = "rows", .type = T::String, .description = "Variable whose values are the table's rows"},
    {.name = "columns",
     .type = T::String,
     .description = "Variable whose values are the table's number columns"},
    {.name = "series", .type = T::String, .description = "For the chart: rows or columns as series"},
    {.name = "table", .type = T::Boolean, .description = "Add the table", .default_value = "true"},
    {.name = "chart",
     .type = T::Enum,
     .description = "Add a chart of the same numbers",
     .default_value = "none",
     .values = kCharts,
     .ignore_case = true},
    {.name = "caption",
     .type = T::String,
     .description = "Table caption (default: TITLE and narrowed variables)"},
    {.name = "title", .type = T::String, .description = "Chart title (default: the caption)"},
    {.name = "source",
     .type = T::String,
     .description = "Source note of the table and chart (default: SOURCE)"},
    {.name = "indicator", .type = T::String, .description = "SDG indicator id of the table and chart"},
    {.name = "decimals",
     .type = T::Integer,
     .description = "Decimals of every number column (default: SHOWDECIMALS)",
     .minimum = 0,
     .maximum = 10},
    {.name = "duplicates",
     .type = T::Enum,
     .description = "Two values with one label: keep both, shown with their codes (first, last), or stop (error)",
     .default_value = "first",
     .values = kDuplicates,
     .ignore_case = true},
    {.name = "status",
     .type = T::Map,
     .description = "Status for symbols and cell markers of the file: symbol → status"},
    {.name = "notes",
     .type = T::Enum,
     .description = "Notes under the table: the mandatory ones (NOTEX, VALUENOTEX, CELLNOTEX), all, or none",
     .default_value = "mandatory",
     .values = kNotes,
     .ignore_case = true},
};
}  // namespace

SDGREPORT_DATA_SOURCE_PLUGIN(
    PxSource, "px", "0.1.0",
    "PC-Axis files from PxWeb statbanks (SSB, SCB, Statistics Finland, Greenland) into tables and charts",
    kOptions)
