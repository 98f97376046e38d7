// sdgreport markdown plugin — the one public entry point of the plugin library.
#include "markdown_source.hpp"

using sdg::markdown::MarkdownSource;

SDGREPORT_DATA_SOURCE_PLUGIN(MarkdownSource, "markdown", "0.1.0",
                             "Markdown text (CommonMark with GFM tables) into report sections")
