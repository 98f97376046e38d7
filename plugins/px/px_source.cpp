// sdgreport px plugin — options, file reading, adding the blocks.
#include "px_source.hpp"

#include <system_error>

#include "html_text.hpp"
#include "sdgreport/error.hpp"
#include "sdgreport/files.hpp"
#include "sdgreport/i18n.hpp"

namespace sdg::px {
namespace {

bool shown(const std::vector<std::vector<std::size_t>>& chosen, std::size_t dim, std::size_t cat) {
  return dim < chosen.size() && std::find(chosen[dim].begin(), chosen[dim].end(), cat) != chosen[dim].end();
}

/// The note's text as inline runs: HTML decoded, '#' line marks as line breaks.
void append_text(Inlines& out, const std::string& text, const std::string& file) {
  std::string plain;
  try {
    plain = plugins::looks_like_html(text) ? plugins::html_to_text(text).text : text;
  } catch (const Error& e) {
    throw Error(ErrorCode::Input, e.message(), Location{file, 0, 0});
  }
  std::size_t start = 0;
  bool first = true;
  while (start <= plain.size()) {
    std::size_t nl = plain.find('\n', start);
    if (nl == std::string::npos) nl = plain.size();
    std::string line = plain.substr(start, nl - start);
    while (!line.empty() && (line.back() == ' ' || line.back() == '\r')) line.pop_back();
    while (!line.empty() && line.front() == ' ') line.erase(line.begin());
    if (!line.empty()) {
      if (!first) out.push_back(Inline::line_break());
      out.push_back(Inline::plain(line));
      first = false;
    }
    start = nl + 1;
  }
}

}  // namespace

Blocks blocks_of(const PxFile& file, plugins::cube::View&& view, NotesPolicy policy,
                 const std::string& origin, Language report_language) {
  Blocks blocks;
  const auto& dims = file.cube.dimensions;
  // The notes that concern the cells shown.
  Inlines notes;
  if (policy != NotesPolicy::None) {
    for (const Note& n : file.notes) {
      if (!n.mandatory && policy != NotesPolicy::All) continue;
      std::string about;
      switch (n.scope) {
        case Note::Scope::Table:
          break;
        case Note::Scope::Variable:
          about = dims[n.dimension].label;
          break;
        case Note::Scope::Value:
          if (!shown(view.chosen, n.dimension, n.category)) continue;
          about = dims[n.dimension].label + ": " + dims[n.dimension].categories[n.category].label;
          break;
        case Note::Scope::Cell: {
          bool any = true;
          for (std::size_t i = 0; i < n.cell.size() && any; ++i) {
            if (n.cell[i] == std::string::npos) continue;
            any = shown(view.chosen, i, n.cell[i]);
            if (view.chosen[i].size() > 1 || i == view.rows_dimension || i == view.columns_dimension)
              about += (about.empty() ? "" : ", ") + dims[i].categories[n.cell[i]].label;
          }
          if (!any) continue;
          break;
        }
      }
      Inlines entry;
      append_text(entry, n.text, file.cube.name);
      if (entry.empty()) continue;
      if (!notes.empty()) notes.push_back(Inline::line_break());
      if (!about.empty()) notes.push_back(Inline::emphasis({Inline::plain(about + ":")}));
      if (!about.empty()) notes.push_back(Inline::plain(" "));
      notes.insert(notes.end(), entry.begin(), entry.end());
    }
  }
  // Language of parts: the file's text in another language than the report's.
  const bool other = !file.language.empty() && !same_language(file.language, report_language) &&
                     is_language_tag(file.language);
  std::size_t label_block = static_cast<std::size_t>(-1);
  if (view.table) blocks.push_back(std::move(*view.table));
  if (!notes.empty()) {
    // "Notes:" is the report's word: in a paragraph of its own when the notes are in another language.
    Inline word = Inline::strong({Inline::plain(label(Label::Notes, report_language) + ":")});
    if (other) {
      label_block = blocks.size();
      blocks.push_back(Paragraph{{std::move(word)}});
    } else {
      notes.insert(notes.begin(), {std::move(word), Inline::line_break()});
    }
    blocks.push_back(Paragraph{std::move(notes)});
  }
  if (view.chart) blocks.push_back(std::move(*view.chart));
  for (std::size_t k = 0; k < blocks.size(); ++k) {
    blocks[k].origin = origin;
    if (other && k != label_block) blocks[k].lang = file.language == "no" ? "nb" : file.language;
  }
  return blocks;
}

void PxSource::fill(const SourceRequest& req, Section& target, Context& ctx) {
  const Options& opts = req.options;
  // Unknown keys and wrong types were refused by the host (the options in plugin.cpp).
  plugins::cube::ViewSpec spec = plugins::cube::view_spec_of(opts, ctx.language());
  const std::string notes = opts.string_or("notes", "mandatory");
  const NotesPolicy policy = notes == "all"    ? NotesPolicy::All
                             : notes == "none" ? NotesPolicy::None
                                               : NotesPolicy::Mandatory;
  const std::string file = opts.string("file");
  const std::filesystem::path path = ctx.resolve(file);
  spec.file = path.filename().string();
  const std::string bytes = read_file(path, ErrorCode::Input, "PC-Axis file '" + path.string() + "'", opts.where_of("file"));
  ReadOptions ro;
  ro.language = opts.string_or("file_language", "");
  ro.report_language = ctx.language();
  PxFile px;
  try {
    px = read_px(bytes, path.string(), ro);
  } catch (const Error& e) {
    if (e.code() == ErrorCode::Definition)
      throw Error(ErrorCode::Definition, e.message(), opts.where_of("file_language"));
    throw;
  }
  const std::string where = opts.where().str();
  for (const Warning& w : px.warnings) ctx.warn(w.code, path.string() + ": " + w.text, where);
  plugins::cube::View view = plugins::cube::make_view(px.cube, spec, format_of(px));
  for (const auto& w : view.warnings) ctx.warn(w.code, path.string() + ": " + w.text, where);
  for (const std::string& w : view.duplicates)
    ctx.warn(Code::SameLabel, path.string() + ": " + w, where);

  const std::string origin = file + (px.table_id.empty() ? "" : " / " + px.table_id);
  Blocks blocks = blocks_of(px, std::move(view), policy, origin, ctx.language());
  try {
    target.add_blocks(std::move(blocks));  // all or none
  } catch (const Error& e) {
    throw Error(ErrorCode::Input, path.string() + ": " + e.message(), opts.where());
  }
}

}  // namespace sdg::px
