// sdgreport — the HTML format plugin: an accessible HTML5 edition (WCAG 2.1 AA)
// of the whole document.
//
// Two passes: plan.hpp decides pages, anchors and numbers; blocks.hpp writes the
// content of every page with sdg::walk(); page.hpp puts the page around it
// (inline stylesheet, skip link, header, contents, main, footer). Charts are
// inline SVG (chart.hpp), images are embedded (embed.hpp), every text is escaped
// (escape.hpp), colours are contrast-checked (colours.hpp).
//
// Options (the output entry of the report definition):
//   split: none | chapters   one self-contained file (default), or a front page
//                            "<name>.html" plus one page per chapter in "<name>/"
//   toc: true | false        table of contents on the front page (default true)
//
// Reproducible: nothing depends on the clock or on map order; the same model
// gives the same bytes. The single file is written to the host's temporary path
// (renamed into place by the host); the chapter folder of a split edition is
// written beside it under a temporary name and swapped in at the end.
#include <unistd.h>

#include <fstream>

#include "blocks.hpp"
#include "page.hpp"
#include "plan.hpp"
#include "sdgreport/error.hpp"
#include "sdgreport/plugin.hpp"

namespace sdg::html {
namespace {

void write_file(const std::filesystem::path& path, const std::string& bytes,
                const std::filesystem::path& shown) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  out.close();
  if (!out) throw Error(ErrorCode::Output, "cannot write '" + shown.string() + "'");
}

class HtmlWriter final : public FormatWriter {
 public:
  const char* extension() const override { return "html"; }

  void write(const Document& doc, const WriteRequest& req, Context& ctx) override {
    const Options& opts = req.options;
    const std::string split = opts.string_or("split", "none");
    if (split != "none" && split != "chapters")
      throw opts.error("split", "expected 'none' or 'chapters', got '" + split + "'");
    // `part: main_messages`: the pipeline hands over that chapter alone
    // (document_part()); the report header is its title block.
    const bool part = opts.string_or("part", "all") != "all";
    const bool toc = opts.boolean_or("toc", true) && !part;
    const std::string stem = req.final_path.stem().string();

    const Plan plan(doc, split == "chapters" && !part, stem);
    const std::vector<std::string> bodies = render_bodies(doc, plan, ctx);

    if (!plan.split()) {
      write_file(req.path, render_page(doc, plan, 0, bodies[0], toc), req.final_path);
      return;
    }
    // Split edition: chapter pages into a temporary folder, then swapped in for the old one.
    namespace fs = std::filesystem;
    const fs::path dir = req.final_path.parent_path();
    const fs::path folder = dir / stem;
    const fs::path tmp = dir / ("." + stem + ".pages-" + std::to_string(::getpid()));
    std::error_code ec;
    fs::remove_all(tmp, ec);
    fs::create_directories(tmp, ec);
    if (ec) throw Error(ErrorCode::Output, "cannot create '" + tmp.string() + "': " + ec.message());
    try {
      for (std::size_t p = 1; p < plan.pages().size(); ++p) {
        const std::string name = fs::path(plan.pages()[p]).filename().string();
        write_file(tmp / name, render_page(doc, plan, p, bodies[p], toc), folder / name);
      }
      write_file(req.path, render_page(doc, plan, 0, bodies[0], toc), req.final_path);
    } catch (...) {
      fs::remove_all(tmp, ec);
      throw;
    }
    const fs::path old = dir / ("." + stem + ".old-" + std::to_string(::getpid()));
    if (fs::exists(folder, ec)) fs::rename(folder, old, ec);
    fs::rename(tmp, folder, ec);
    if (ec) {
      fs::remove_all(tmp, ec);
      throw Error(ErrorCode::Output,
                  "cannot move the chapter pages into '" + folder.string() + "': " + ec.message());
    }
    fs::remove_all(old, ec);
  }
};

// The output options, checked by the host before any plugin runs (docs/formats/html.md).
constexpr const char* kSplit[] = {"none", "chapters", nullptr};
constexpr const char* kParts[] = {"all", "main_messages", nullptr};
constexpr OptionSpec kOptions[] = {
    {.name = "split", .type = OptionType::Enum, .description = "One file, or one page per chapter",
     .default_value = "none", .values = kSplit, .ignore_case = true},
    {.name = "toc", .type = OptionType::Boolean, .description = "Table of contents on the (front) page",
     .default_value = "true"},
    {.name = "part", .type = OptionType::Enum,
     .description = "all: the whole report; main_messages: the main messages chapter alone (one page)",
     .default_value = "all", .values = kParts},
};

}  // namespace
}  // namespace sdg::html

SDGREPORT_FORMAT_PLUGIN(
    sdg::html::HtmlWriter, "html", "0.1.0",
    "Accessible HTML5 edition (WCAG 2.1 AA): one self-contained file or one page per chapter", sdg::html::kOptions)
