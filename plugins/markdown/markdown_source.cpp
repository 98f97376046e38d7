// sdgreport markdown plugin — options, file look-up and reading; the Markdown
// itself is read by markdown_reader.cpp.
#include "markdown_source.hpp"

#include <fstream>
#include <iterator>
#include <sstream>
#include <stdexcept>
#include <system_error>
#include <vector>

#include "markdown_reader.hpp"
#include "schema_checked.hpp"
#include "sdgreport/error.hpp"
#include "sdgreport/files.hpp"

namespace sdg::markdown {
namespace {

HeadingMode heading_mode(const Options& opts) {
  const std::string mode = opts.string_or("headings", "sections");
  if (mode == "sections") return HeadingMode::Sections;
  if (mode == "blocks") return HeadingMode::Blocks;
  plugins::option_check_missed(opts, "headings");  // an enum of the option table: checked by the host
}

/// The file named by `file`, or by `pattern` for the goal being filled, as written.
std::string file_spec(const SourceRequest& req) {
  const Options& opts = req.options;
  const bool has_file = opts.has("file");
  const bool has_pattern = opts.has("pattern");
  if (has_file && has_pattern)
    throw opts.error("pattern", "give either 'file' or 'pattern', not both");
  if (has_file) return opts.string("file");
  if (!has_pattern)
    throw Error(ErrorCode::Definition,
                "plugin 'markdown' needs 'file' (one Markdown file) or 'pattern' (one file per "
                "goal section, e.g. \"text/goals/goal-{goal:02}.md\")",
                opts.where());
  const std::string pattern = opts.string("pattern");
  if (!req.goal)
    throw opts.error("pattern",
                     "a pattern is filled in per goal section: use it under 'goal_sources', or "
                     "use 'file' instead");
  try {
    return expand_pattern(pattern, *req.goal);
  } catch (const std::invalid_argument& e) {
    throw opts.error("pattern", e.what());
  }
}

}  // namespace

std::string expand_pattern(const std::string& pattern, int goal) {
  std::string out;
  for (std::size_t i = 0; i < pattern.size(); ++i) {
    if (pattern[i] != '{') {
      out += pattern[i];
      continue;
    }
    const std::size_t close = pattern.find('}', i);
    if (close == std::string::npos)
      throw std::invalid_argument("unterminated placeholder in '" + pattern +
                                  "' (use {goal} or {goal:02})");
    const std::string name = pattern.substr(i + 1, close - i - 1);
    std::string number = std::to_string(goal);
    if (name == "goal") {
      // as is
    } else if (name.size() == 7 && name.starts_with("goal:0") && name[6] >= '1' &&
               name[6] <= '9') {
      const std::size_t width = static_cast<std::size_t>(name[6] - '0');
      if (number.size() < width) number.insert(0, width - number.size(), '0');
    } else {
      throw std::invalid_argument("unknown placeholder '{" + name + "}' in '" + pattern +
                                  "' (use {goal} or {goal:02})");
    }
    out += number;
    i = close;
  }
  return out;
}

void MarkdownSource::fill(const SourceRequest& req, Section& target, Context& ctx) {
  const Options& opts = req.options;
  // Unknown keys and wrong types were refused by the host (the options in plugin.cpp).
  // Check every option before touching the file system or the target.
  const std::string spec = file_spec(req);
  const bool optional = opts.boolean_or("optional", false);
  ReadOptions read_opts;
  read_opts.headings = heading_mode(opts);

  const std::filesystem::path path = ctx.resolve(spec);
  std::error_code ec;
  const bool exists = std::filesystem::exists(path, ec);
  if (!exists || ec) {
    if (optional) {
      ctx.warn(Code::SourceMissing,
               "Markdown file '" + path.string() + "' not found; nothing added (optional: true)",
               opts.where().str());
      return;
    }
    throw Error(ErrorCode::Input,
                "Markdown file '" + path.string() +
                    "' not found (add 'optional: true' to the source entry if it may be absent)",
                opts.where());  // located at the source entry of the report definition
  }
  if (std::filesystem::is_directory(path, ec))
    throw Error(ErrorCode::Input, "'" + path.string() + "' is a directory, not a Markdown file",
                opts.where());

  const std::string text = read_file(path, ErrorCode::Input, "Markdown file '" + path.string() + "'", opts.where());
  // Figures keep an absolute path, so writers find them whatever their working directory.
  read_opts.image_dir = std::filesystem::absolute(path, ec).parent_path();
  if (ec) read_opts.image_dir = path.parent_path();
  read_opts.check_images = true;
  read_opts.warn = [&ctx](const Warning& w) { ctx.relay(w); };
  read_opts.origin_file = spec;  // as the definition names it, for Block::origin
  read_markdown(text, path.string(), target, read_opts);
}

}  // namespace sdg::markdown
