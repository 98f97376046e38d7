// sdgreport survey plugin — the one public entry point of the plugin library,
// with the options it takes (checked by the host before it runs;
// docs/plugins/survey.md).
#include "survey_source.hpp"

using sdg::survey::SurveySource;

namespace {
using sdg::OptionSpec;
using T = sdg::OptionType;
constexpr const char* kDelimiters[] = {"auto", ";", ",", "tab", nullptr};
constexpr const char* kCharts[] = {"auto", "bar", "column", "none", nullptr};
constexpr OptionSpec kOptions[] = {
    {.name = "file", .type = T::Path, .description = "The export: SPSS .sav/.zsav, or CSV (with a codebook)"},
    {.name = "waves", .type = T::Map, .description = "Two or more exports of one questionnaire: label → file (e.g. 2021: a.sav)"},
    {.name = "codebook", .type = T::Path, .description = "The codebook (YAML): question texts, types, value labels, missing codes, goals"},
    {.name = "register", .type = T::Path, .description = "Register of the units (CSV): key, background variables, invited"},
    {.name = "key", .type = T::String, .description = "The variable that joins the register (default: the codebook's key)"},
    {.name = "register_key", .type = T::String, .description = "The register's key column (default: the key's name)"},
    {.name = "invited", .type = T::String, .description = "The register's column saying who was invited (1/0)",
     .default_value = "invited"},
    {.name = "delimiter", .type = T::Enum, .description = "Field delimiter of the CSV files", .default_value = "auto",
     .values = kDelimiters, .ignore_case = true},
    {.name = "questions", .type = T::List,
     .description = "Questions to tabulate (codebook ids); default: those of the goal, or those tied to no goal"},
    {.name = "by", .type = T::List, .description = "One or two background variables (export or register) to break down by"},
    {.name = "weight", .type = T::String, .description = "Weight variable (default: the codebook's; 'none' for none)"},
    {.name = "min_n", .type = T::Integer, .description = "Smallest number of respondents a published cell or group may rest on",
     .default_value = "3", .minimum = 1, .maximum = 1000},
    {.name = "counts", .type = T::Boolean, .description = "Add the counts (n) beside the shares in cross-tabulations",
     .default_value = "false"},
    {.name = "intervals", .type = T::Boolean, .description = "Add 95 % Wilson intervals as columns", .default_value = "false"},
    {.name = "chart", .type = T::Enum, .description = "Chart of the shares (auto: bars)", .default_value = "auto",
     .values = kCharts, .ignore_case = true},
    {.name = "table", .type = T::Boolean, .description = "Add the tables", .default_value = "true"},
    {.name = "indicator_summaries", .type = T::Boolean,
     .description = "Add an indicator summary for questions tied to an SDG indicator", .default_value = "true"},
    {.name = "response_rate", .type = T::Boolean, .description = "Add the response rate per group of 'by' (needs a register)",
     .default_value = "false"},
    {.name = "decimals", .type = T::Integer, .description = "Decimals of the percentages", .default_value = "0",
     .minimum = 0, .maximum = 3},
    {.name = "caption", .type = T::String, .description = "Table caption (default: the question text)"},
    {.name = "source", .type = T::String, .description = "Source note (default: the export's file name)"},
    {.name = "year", .type = T::String, .description = "Year of indicator summaries (default: the wave's label)"},
};
}  // namespace

SDGREPORT_DATA_SOURCE_PLUGIN(SurveySource, "survey", "0.1.0",
                             "Municipal survey exports (SPSS .sav/.zsav, CSV + codebook) into tables with disclosure control",
                             kOptions)
