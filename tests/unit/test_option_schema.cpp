// Option schemas (plugin ABI 3): the host's check of source and output entries
// against declared options, "did you mean", and the enum spelling plugins see.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <functional>

#include "errors.hpp"
#include "fake_plugins.hpp"
#include "sdgreport/definition.hpp"
#include "sdgreport/option_check.hpp"
#include "sdgreport/suggest.hpp"

using namespace sdg;

namespace {

constexpr const char* kPaper[] = {"a4", "letter", nullptr};
constexpr OptionSpec kPdf[] = {
    {.name = "paper",
     .type = OptionType::Enum,
     .description = "Page size",
     .default_value = "a4",
     .values = kPaper,
     .ignore_case = true},
    {.name = "toc", .type = OptionType::Boolean, .description = "Contents", .default_value = "true"},
};
constexpr OptionSpec kCsv[] = {
    {.name = "file", .type = OptionType::Path, .description = "The file", .required = true},
    {.name = "caption", .type = OptionType::String, .description = "Caption"},
    {.name = "decimals",
     .type = OptionType::Integer,
     .description = "Decimals",
     .minimum = 0,
     .maximum = 10,
     .or_map = true},
    {.name = "columns", .type = OptionType::List, .description = "Columns"},
    {.name = "pivot", .type = OptionType::Map, .description = "Pivot"},
};

const char* kYaml = R"(title: T
chapters:
  - title: Data
    source: { plugin: csv, file: a.csv, captoin: Energy }
outputs:
  - { format: pdf, papper: a4 }
)";

using sdg::test::error_of;

Options entry(const std::string& yaml_entry, const std::string& owner) {
  const ReportDefinition d = parse_definition(
      "title: T\nchapters: [{ title: C }]\noutputs:\n  - " + yaml_entry + "\n", "/r/report.yaml");
  return Options(d.outputs.at(0).options.value(), owner);
}

}  // namespace

TEST(Suggest, FindsTyposByEditDistance) {
  EXPECT_EQ(edit_distance("papper", "paper"), 1u);
  EXPECT_EQ(edit_distance("captoin", "caption"), 1u);  // a swap counts once
  EXPECT_EQ(closest_match("organization", {"title", "organisation", "authors"}), "organisation");
  EXPECT_EQ(closest_match("colour", {"paper", "toc", "font"}), "");
  EXPECT_EQ(did_you_mean("Toc", {"paper", "toc"}), " (did you mean 'toc'?)");
}

TEST(OptionSchema, UnknownOptionOfAFormatIsAnErrorWithItsPositionAndASuggestion) {
  const ReportDefinition d = parse_definition(kYaml, "report.yaml");
  test::FakeProvider p;
  p.sources["csv"] = [](const SourceRequest&, Section&, Context&) {};
  p.writers["pdf"] = [](const Document&, const WriteRequest&, Context&) {};
  p.tables["pdf"] = option_table(kPdf);
  p.tables["csv"] = option_table(kCsv);
  const Error e = error_of([&] { check_plugins(d, d.outputs, p); });
  EXPECT_EQ(e.code(), ErrorCode::Definition);
  // The source comes first in the file.
  EXPECT_EQ(std::string(e.what()),
            "report.yaml:4:50: unknown option 'captoin' of plugin 'csv' (did you mean 'caption'?)");

  const ReportDefinition d2 = parse_definition(
      "title: T\nchapters: [{ title: C }]\noutputs:\n  - { format: pdf, papper: a4 }\n", "report.yaml");
  const Error e2 = error_of([&] { check_plugins(d2, d2.outputs, p); });
  EXPECT_EQ(std::string(e2.what()),
            "report.yaml:4:28: unknown option 'papper' of format 'pdf' (did you mean 'paper'?)");
}

TEST(OptionSchema, ChecksTypesValuesAndRanges) {
  const OptionTable pdf = option_table(kPdf), csv = option_table(kCsv);
  auto message = [](const std::function<void()>& f) { return std::string(error_of(f).what()); };
  EXPECT_EQ(message([&] {
              check_options(entry("{ format: pdf, paper: a5 }", "format 'pdf'"), PluginKind::Format, pdf);
            }),
            "/r/report.yaml:4:27: option 'paper' of format 'pdf': expected one of a4, letter, got 'a5' (did "
            "you mean 'a4'?)");
  EXPECT_EQ(message([&] {
              check_options(entry("{ format: pdf, toc: maybe }", "format 'pdf'"), PluginKind::Format, pdf);
            }),
            "/r/report.yaml:4:25: option 'toc' of format 'pdf': expected true or false, got 'maybe'");
  EXPECT_EQ(message([&] {
              check_options(entry("{ format: x, file: a.csv, decimals: 11 }", "plugin 'csv'"),
                            PluginKind::Format, csv);
            }),
            "/r/report.yaml:4:41: option 'decimals' of plugin 'csv': expected a whole number 0–10, got 11");
  EXPECT_NE(message([&] {
              check_options(entry("{ format: x, file: a.csv, decimals: two }", "plugin 'csv'"),
                            PluginKind::Format, csv);
            }).find("expected a whole number, got 'two'"),
            std::string::npos);
  EXPECT_NE(message([&] {
              check_options(entry("{ format: x, caption: C }", "plugin 'csv'"), PluginKind::Format, csv);
            }).find("option 'file' is required"),
            std::string::npos);
  EXPECT_NE(message([&] {
              check_options(entry("{ format: x, file: a.csv, pivot: [a] }", "plugin 'csv'"),
                            PluginKind::Format, csv);
            }).find("expected a map, got a list"),
            std::string::npos);
  EXPECT_NE(message([&] {
              check_options(entry("{ format: x, file: a.csv, caption: [a, b] }", "plugin 'csv'"),
                            PluginKind::Format, csv);
            }).find("expected a single value, got a list"),
            std::string::npos);
  // Accepted: case differences in an ignore_case enum, a map where or_map, a scalar as a list of one.
  EXPECT_NO_THROW(
      check_options(entry("{ format: pdf, paper: A4, toc: No }", "format 'pdf'"), PluginKind::Format, pdf));
  EXPECT_NO_THROW(
      check_options(entry("{ format: x, file: a.csv, decimals: { A: 2 }, columns: A }", "plugin 'csv'"),
                    PluginKind::Format, csv));
}

constexpr const char* kPivotKeys[] = {"rows", "columns", "values", nullptr};
constexpr OptionSpec kShapes[] = {
    {.name = "file", .type = OptionType::Path, .description = "The file"},
    {.name = "pivot", .type = OptionType::Map, .description = "Pivot", .values = kPivotKeys},
    {.name = "status", .type = OptionType::Map, .description = "Code → status (any code)"},
};

// A Map with `values` takes those keys only (ABI 4), refused at the key's own
// line; a Map without takes any key.
TEST(OptionSchema, AMapWithValuesTakesOnlyThoseKeys) {
  const OptionTable shapes = option_table(kShapes);
  const auto check = [&](const std::string& yaml) {
    const ReportDefinition d = parse_definition(
        "title: T\nchapters: [{ title: C }]\noutputs:\n  - format: x\n    file: a.csv\n" + yaml, "/r/report.yaml");
    check_options(Options(d.outputs.at(0).options.value(), "plugin 'csv'"), PluginKind::Format, shapes);
  };
  const Error e = error_of([&] { check("    pivot:\n      rows: Region\n      colums: Year\n      values: Value\n"); });
  EXPECT_EQ(e.code(), ErrorCode::Definition);
  EXPECT_EQ(std::string(e.what()),
            "/r/report.yaml:8:15: option 'pivot' of plugin 'csv': unknown key 'colums' (its keys: rows, columns, "
            "values) (did you mean 'columns'?)");
  // Nothing close: the keys alone; a flow map is located at the key's value too.
  EXPECT_EQ(std::string(error_of([&] { check("    pivot: { rows: a, sum: b }\n"); }).what()),
            "/r/report.yaml:6:28: option 'pivot' of plugin 'csv': unknown key 'sum' (its keys: rows, columns, values)");
  EXPECT_NO_THROW(check("    pivot: { rows: Region, columns: Year, values: Value }\n"));
  EXPECT_NO_THROW(check("    pivot: { rows: Region }\n"));  // which keys are needed is the plugin's rule
  EXPECT_NO_THROW(check("    status: { e: estimated, anything: provisional }\n"));
}

TEST(OptionSchema, ThePluginSeesTheDeclaredSpellingOfAnEnum) {
  const ReportDefinition d = parse_definition(
      "title: T\nchapters: [{ title: C, source: { plugin: s, paper: LETTER } }]\noutputs:\n  - { format: "
      "pdf, paper: A4 }\n",
      "/r/report.yaml");
  test::FakeProvider p;
  std::string source_saw, writer_saw;
  p.sources["s"] = [&](const SourceRequest& r, Section& s, Context&) {
    source_saw = r.options.string("paper");
    s.add_block(Paragraph{{Inline::plain("x")}});
  };
  p.writers["pdf"] = [&](const Document&, const WriteRequest& r, Context&) {
    writer_saw = r.options.string("paper");
    std::ofstream(r.path) << "x";
  };
  p.tables["s"] = option_table(kPdf);
  p.tables["pdf"] = option_table(kPdf);
  check_plugins(d, d.outputs, p);
  Context ctx("/r", sdg::Language::En, 0);
  const Document doc = assemble(d, p, ctx);
  EXPECT_EQ(source_saw, "letter");
  const auto dir = std::filesystem::temp_directory_path() / "sdgreport-option-schema-test";
  std::filesystem::create_directories(dir);
  write_outputs(doc, select_outputs(d, {}), dir, p, ctx);
  EXPECT_EQ(writer_saw, "a4");
  std::filesystem::remove_all(dir);
}

TEST(OptionSchema, GenericKeysAreDeclaredOnceInTheCore) {
  EXPECT_NE(generic_source_options().find("plugin"), nullptr);
  EXPECT_NE(generic_source_options().find("isolate"), nullptr);
  EXPECT_NE(generic_output_options().find("file"), nullptr);
  EXPECT_NO_THROW(check_options(entry("{ format: pdf, file: x.pdf }", "format 'pdf'"), PluginKind::Format,
                                option_table(kPdf)));
  const Error e = error_of([&] {
    check_options(entry("{ format: pdf, fiel: x.pdf }", "format 'pdf'"), PluginKind::Format,
                  option_table(kPdf));
  });
  EXPECT_NE(std::string(e.what()).find("did you mean 'file'?"), std::string::npos);
}
