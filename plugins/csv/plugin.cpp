// sdgreport csv plugin — the one public entry point of the plugin library, with
// the options it takes (checked by the host before it runs; docs/plugins/csv.md).
#include "csv_source.hpp"

using sdg::csvtable::CsvSource;

namespace {
using sdg::OptionSpec;
using T = sdg::OptionType;
constexpr const char* kDelimiters[] = {";", ",", "|", "tab", "\t", "\\t", "auto", nullptr};
constexpr const char* kEncodings[] = {"utf-8", "utf8", "windows-1252", "cp1252", "latin-1", "latin1", "iso-8859-1", nullptr};
constexpr const char* kDecimal[] = {",", ".", "auto", nullptr};
constexpr const char* kThousands[] = {"space", "none", ".", ",", nullptr};
constexpr const char* kDuplicates[] = {"first", "last", "error", nullptr};
constexpr const char* kCharts[] = {"line", "column", "bar", "none", nullptr};
constexpr const char* kSeries[] = {"rows", "columns", nullptr};
constexpr const char* kPivotKeys[] = {"rows", "columns", "values", nullptr};
constexpr const char* kWideToLongKeys[] = {"id", "name", "value", nullptr};
constexpr OptionSpec kOptions[] = {
    {.name = "file", .type = T::Path, .description = "The CSV file, relative to the report definition", .required = true},
    {.name = "delimiter", .type = T::Enum, .description = "Field delimiter", .default_value = "auto", .values = kDelimiters,
     .ignore_case = true},
    {.name = "encoding", .type = T::Enum, .description = "The file's encoding", .default_value = "utf-8",
     .values = kEncodings, .ignore_case = true},
    {.name = "header", .type = T::Boolean, .description = "The first record is a header", .default_value = "true"},
    {.name = "decimal", .type = T::Enum, .description = "Decimal mark", .default_value = "auto", .values = kDecimal,
     .ignore_case = true},
    {.name = "thousands", .type = T::Enum, .description = "Thousands separator besides spaces", .default_value = "space",
     .values = kThousands, .ignore_case = true},
    {.name = "missing", .type = T::Map, .description = "Extra missing-value markers: marker → status"},
    {.name = "columns", .type = T::List, .description = "Columns to keep, in this order (default: all)"},
    {.name = "filter", .type = T::Map, .description = "Keep rows whose cell is one of the values: column → value or list"},
    {.name = "numbers", .type = T::List, .description = "Number columns: a value that is not a number is an error"},
    {.name = "text", .type = T::List, .description = "Text columns, even if they look like numbers"},
    {.name = "pivot", .type = T::Map, .description = "Long → wide: { rows: C, columns: C, values: C }",
     .values = kPivotKeys},
    {.name = "duplicates", .type = T::Enum, .description = "Two rows for one key: keep the first or last (warning), or stop",
     .default_value = "first", .values = kDuplicates, .ignore_case = true},
    {.name = "max_cells", .type = T::Integer,
     .description = "Most cells a pivot or wide_to_long may make (default: the table_cells limit)", .minimum = 1},
    {.name = "wide_to_long", .type = T::Map, .description = "Wide → long: { id: [C…], name: Year, value: Value }",
     .values = kWideToLongKeys},
    {.name = "rename", .type = T::Map, .description = "Output labels: column → label"},
    {.name = "unit", .type = T::String, .description = "Unit of every number column, or a map column → unit",
     .or_map = true},
    {.name = "unit_column", .type = T::String, .description = "Take the unit from this column"},
    {.name = "decimals", .type = T::Integer, .description = "Decimals of number columns (0–10), or a map column → 0–10",
     .minimum = 0, .maximum = 10, .or_map = true},
    {.name = "caption", .type = T::String, .description = "Table caption (default: the file name)"},
    {.name = "title", .type = T::String, .description = "Chart title (default: the caption)"},
    {.name = "source", .type = T::String, .description = "Source note of the table and chart"},
    {.name = "indicator", .type = T::String, .description = "SDG indicator id of the table and chart"},
    {.name = "table", .type = T::Boolean, .description = "Add the table", .default_value = "true"},
    {.name = "chart", .type = T::Enum, .description = "Add a chart of the table's number columns", .default_value = "none",
     .values = kCharts, .ignore_case = true},
    {.name = "chart_series", .type = T::Enum, .description = "One chart series per row, or per number column",
     .default_value = "rows", .values = kSeries, .ignore_case = true},
};
}  // namespace

SDGREPORT_DATA_SOURCE_PLUGIN(CsvSource, "csv", "0.1.0",
                             "CSV tables in Nordic conventions (';', decimal comma, Windows-1252) into tables and charts",
                             kOptions)
