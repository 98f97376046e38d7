// sdgreport markdown plugin — the one public entry point of the plugin library,
// with the options it takes (checked by the host before it runs;
// docs/plugins/markdown.md).
#include "markdown_source.hpp"

using sdg::markdown::MarkdownSource;

namespace {
using sdg::OptionSpec;
using T = sdg::OptionType;
constexpr const char* kHeadings[] = {"sections", "blocks", nullptr};
constexpr OptionSpec kOptions[] = {
    {.name = "file", .type = T::Path, .description = "The Markdown file, relative to the report definition"},
    {.name = "pattern", .type = T::Path,
     .description = "For goal_sources: the file per goal section, e.g. text/goal-{goal:02}.md"},
    {.name = "optional", .type = T::Boolean, .description = "A missing file adds nothing, with a warning",
     .default_value = "false"},
    {.name = "headings", .type = T::Enum, .description = "What # headings become: sections or headings in the text",
     .default_value = "sections", .values = kHeadings, .ignore_case = true},
};
}  // namespace

SDGREPORT_DATA_SOURCE_PLUGIN(MarkdownSource, "markdown", "0.1.0",
                             "Markdown text (CommonMark with GFM tables) into report sections", kOptions)
