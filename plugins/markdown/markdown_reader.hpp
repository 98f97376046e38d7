// sdgreport markdown plugin — the pure layer: Markdown text in, model blocks and
// subsections out. No plugin loader, no Context, no file access; the plugin
// (markdown_source.cpp) reads the file and calls read_markdown().
//
//   sdg::Section goal7("Affordable and clean energy");
//   sdg::markdown::ReadOptions opts;
//   opts.image_dir = "/report/text/goals";  // relative image paths are resolved here
//   sdg::markdown::read_markdown("## Status\n\nFornybar *energi* – økende.\n",
//                                "text/goals/goal-07.md", goal7, opts);
//   // goal7 now has one subsection "Status" holding one paragraph.
//
// Errors are sdg::Error: ErrorCode::Input for bad Markdown input (invalid UTF-8,
// an image without alt text), and the model's own errors rethrown with the
// file:line:column of the Markdown node that produced the block. When
// read_markdown() throws, `target` is unchanged.
#pragma once

#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <string_view>

#include "sdgreport/context.hpp"
#include "sdgreport/model.hpp"

namespace sdg::markdown {

/// What `#` headings become.
enum class HeadingMode {
  Sections,  ///< subsections of the target (the shallowest level in the file = direct subsection)
  Blocks,    ///< sdg::Heading blocks (the shallowest level in the file = level 1)
};

struct ReadOptions {
  HeadingMode headings = HeadingMode::Sections;
  /// Relative image paths are resolved against this directory (normally the
  /// Markdown file's own directory). Empty: paths are kept as written.
  std::filesystem::path image_dir;
  /// Check each local image file here (exists, PNG or JPEG), so that a problem is
  /// an error at its Markdown line (the plugin sets it; text from memory does not).
  bool check_images = false;
  /// The file as the report definition names it ("text/goal-07.md"): every block
  /// gets Block::origin "<origin_file>:<line>" (the line its Markdown starts on).
  /// Empty: the `file_name` given to read_markdown().
  std::string origin_file;
  /// Receives survivable problems (ignored HTML blocks, remote images, …). May be empty.
  std::function<void(const Warning&)> warn;
};

/// Appends the content of the Markdown `text` to `target`. `file_name` names the
/// file in messages. Throws sdg::Error; on error `target` is left unchanged.
void read_markdown(std::string_view text, const std::string& file_name, Section& target,
                   const ReadOptions& options = {});

/// Throws Error(ErrorCode::Input) naming file, line and byte offset of the first
/// byte that is not valid UTF-8 (overlong forms, surrogates and code points above
/// U+10FFFF are refused too).
void check_utf8(std::string_view text, const std::string& file_name);

}  // namespace sdg::markdown
