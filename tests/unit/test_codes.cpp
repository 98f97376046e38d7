// The registry of problem codes (codes.hpp) and how a warning is given.
#include <gtest/gtest.h>

#include <set>
#include <string>

#include "errors.hpp"
#include "sdgreport/codes.hpp"
#include "sdgreport/context.hpp"
#include "sdgreport/error.hpp"

using sdg::Code;
using sdg::test::error_of;

TEST(Codes, NamesRoundTripAndAreUnique) {
  std::set<std::string_view> names;
  for (const sdg::CodeInfo& c : sdg::all_codes()) {
    EXPECT_TRUE(names.insert(c.name).second) << c.name;
    EXPECT_EQ(sdg::code_from_name(c.name), c.code) << c.name;
    EXPECT_FALSE(c.meaning.empty()) << c.name;
  }
  EXPECT_EQ(sdg::code_name(Code::ImageMissing), "image-missing");
  EXPECT_EQ(sdg::code_severity(Code::ImageMissing), sdg::Severity::Error);
  EXPECT_EQ(sdg::code_severity(Code::DuplicateObservation), sdg::Severity::Warning);
  EXPECT_FALSE(sdg::code_from_name("csv"));             // the old catch-all is gone
  EXPECT_FALSE(sdg::code_from_name("figure-missing"));  // one event, one name: image-missing
}

TEST(Codes, PluginCodesAreNamespaced) {
  EXPECT_TRUE(sdg::is_plugin_code("survey-x/odd-row"));
  EXPECT_TRUE(sdg::is_plugin_code("px/too-many-cells2"));
  for (const char* bad :
       {"odd-row", "/odd-row", "px/", "px/Odd", "px/odd--row", "p x/odd", "px/odd/row", "px/-odd"})
    EXPECT_FALSE(sdg::is_plugin_code(bad)) << bad;
}

TEST(Codes, ContextRecordsNames) {
  sdg::Context ctx(".", sdg::Language::En, 0);
  ctx.set_echo(false);
  ctx.warn(Code::TableSplit, "split", "x.md:1");
  ctx.plugin_warn("survey-x/odd-row", "odd");
  ASSERT_EQ(ctx.warnings().size(), 2u);
  EXPECT_EQ(ctx.warnings()[0].code, "table-split");
  EXPECT_EQ(ctx.warnings()[1].code, "survey-x/odd-row");
  // A plugin code without the namespace is refused, naming the rule.
  const sdg::Error e = error_of([&] { ctx.plugin_warn("odd-row", "odd"); });
  EXPECT_EQ(e.code(), sdg::ErrorCode::Plugin);
  EXPECT_NE(e.message().find("plugin/code"), std::string::npos) << e.message();
  // Relaying (a reader's callback, an isolated child) checks the name too.
  ctx.relay({"duplicate-observation", "twice", "a.csv:3"});
  EXPECT_EQ(ctx.warnings().back().code, "duplicate-observation");
  EXPECT_EQ(error_of([&] { ctx.relay({"csv", "free string", ""}); }).code(), sdg::ErrorCode::Internal);
}

TEST(Codes, MarkdownListsEveryCodeAndErrorKind) {
  const std::string md = sdg::codes_markdown();
  for (const sdg::CodeInfo& c : sdg::all_codes()) {
    if (c.code == Code::CannotBuild || c.code == Code::SourceFailed) continue;
    EXPECT_NE(md.find("| `" + std::string(c.name) + "` |"), std::string::npos) << c.name;
  }
  EXPECT_NE(md.find("| `cannot-build-definition` | error |"), std::string::npos);
  EXPECT_NE(md.find("| `source-failed-input` | error |"), std::string::npos);
  for (sdg::ErrorCode e : sdg::all_error_codes())
    EXPECT_NE(md.find("| `" + std::string(sdg::error_code_name(e)) + "` |"), std::string::npos);
}
