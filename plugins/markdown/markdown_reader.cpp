// sdgreport markdown plugin — Markdown (CommonMark + GFM tables, strikethrough,
// autolinks) to the sdgreport model, through cmark-gfm's AST.
//
// The mapping, node by node, is documented in docs/plugins/markdown.md. Blocks
// are built in a scratch section and checked as they are made (so a model error
// names the Markdown line that caused it); the scratch is moved into the target
// only when the whole file has been read.
#include "markdown_reader.hpp"

#include <yaml-cpp/yaml.h>

#include "sdgreport/catalogue.hpp"
#include "sdgreport/images.hpp"
#include "sdgreport/limits.hpp"
#include "sdgreport/numbers.hpp"
#include "sdgreport/periods.hpp"

#include <cmark-gfm-core-extensions.h>
#include <cmark-gfm.h>
#include <cmark-gfm/registry.h>

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstdio>
#include <initializer_list>
#include <memory>
#include <mutex>
#include <set>
#include <utility>
#include <vector>

#include "sdgreport/error.hpp"

namespace sdg::markdown {
namespace {

// ---------------------------------------------------------------- cmark handles

struct ParserDeleter {
  void operator()(cmark_parser* p) const noexcept { cmark_parser_free(p); }
};
struct NodeDeleter {
  void operator()(cmark_node* n) const noexcept { cmark_node_free(n); }
};
using ParserPtr = std::unique_ptr<cmark_parser, ParserDeleter>;
using NodePtr = std::unique_ptr<cmark_node, NodeDeleter>;

/// Parses `text` with the GFM extensions we use. No CMARK_OPT_SMART: the
/// author's quotes and dashes are kept exactly as written.
/// cmark-gfm keeps the registered extensions in a global list of libcmark-gfm.
/// When the host unloads this plugin, libcmark-gfm goes with it and the list
/// would be lost (LeakSanitizer reports it): free it when this module is unloaded.
struct ExtensionRegistry {
  std::once_flag registered;
  bool used = false;
  void ensure() {
    std::call_once(registered, [this] {
      cmark_gfm_core_extensions_ensure_registered();
      used = true;
    });
  }
  ~ExtensionRegistry() {
    if (used) cmark_release_plugins();
  }
};
ExtensionRegistry extension_registry;

NodePtr parse(std::string_view text) {
  extension_registry.ensure();

  // Footnotes: cmark-gfm moves every referenced definition to the end of the
  // document, in the order of first reference, and gives each reference the
  // number of its definition as literal ("1", "2"); unreferenced ones are dropped.
  ParserPtr parser(cmark_parser_new(CMARK_OPT_DEFAULT | CMARK_OPT_FOOTNOTES));
  if (!parser) throw Error(ErrorCode::Internal, "cmark-gfm: cannot create a parser");
  for (const char* name : {"table", "strikethrough", "autolink"}) {
    cmark_syntax_extension* ext = cmark_find_syntax_extension(name);
    if (ext == nullptr || cmark_parser_attach_syntax_extension(parser.get(), ext) == 0)
      throw Error(ErrorCode::Internal,
                  std::string("cmark-gfm: the '") + name + "' extension is not available");
  }
  cmark_parser_feed(parser.get(), text.data(), text.size());
  NodePtr doc(cmark_parser_finish(parser.get()));
  if (!doc) throw Error(ErrorCode::Internal, "cmark-gfm: parsing failed");
  return doc;
}

cmark_node_type type_of(cmark_node* n) { return cmark_node_get_type(n); }

/// Extension nodes (tables, strikethrough) are recognised by their type name, so
/// we need no header that cmark-gfm does not install.
bool is_ext(cmark_node* n, std::string_view name) {
  const char* s = cmark_node_get_type_string(n);
  return s != nullptr && name == s;
}

std::string literal(cmark_node* n) {
  const char* s = cmark_node_get_literal(n);
  return s ? s : "";
}

// ---------------------------------------------------------------- small text helpers

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

std::string trim(std::string_view s) { return std::string(trim_spaces(s)); }

/// If `text` starts with one of `prefixes` (ASCII, case-insensitive), the rest, trimmed.
template <std::size_t N>
std::optional<std::string> after_prefix(const std::string& text,
                                        const std::array<std::string_view, N>& prefixes) {
  for (std::string_view p : prefixes) {
    if (text.size() < p.size()) continue;
    if (lower(std::string_view(text).substr(0, p.size())) == lower(p)) return trim(text.substr(p.size()));
  }
  return std::nullopt;
}

constexpr std::array<std::string_view, 2> kCaptionPrefixes = {"Table:", "Tabell:"};
constexpr std::array<std::string_view, 4> kSourcePrefixes = {"Source:", "Sources:", "Kilde:",
                                                             "Kjelde:"};

/// Appends text to the runs, merging with a Text run before it.
void append_text(Inlines& runs, std::string_view s) {
  if (s.empty()) return;
  if (!runs.empty() && runs.back().kind == Inline::Kind::Text)
    runs.back().text += s;
  else
    runs.push_back(Inline::plain(std::string(s)));
}

/// Removes leading spaces of the first run and trailing spaces of the last one
/// (left over where an image was taken out of a paragraph), and empty text runs.
void trim_runs(Inlines& runs) {
  if (!runs.empty() && runs.front().kind == Inline::Kind::Text) {
    std::string& t = runs.front().text;
    t.erase(t.begin(), std::find_if_not(t.begin(), t.end(), is_space));
  }
  if (!runs.empty() && runs.back().kind == Inline::Kind::Text) {
    std::string& t = runs.back().text;
    t.erase(std::find_if_not(t.rbegin(), t.rend(), is_space).base(), t.end());
  }
  std::erase_if(runs, [](const Inline& r) { return r.kind == Inline::Kind::Text && r.text.empty(); });
  while (!runs.empty() && runs.back().kind == Inline::Kind::LineBreak) runs.pop_back();
}

/// Decodes %XX escapes in a local image path ("my%20map.png").
std::string percent_decode(const std::string& s) {
  auto hex = [](char c) -> int {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
  };
  std::string out;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '%' && i + 2 < s.size() && hex(s[i + 1]) >= 0 && hex(s[i + 2]) >= 0) {
      out += static_cast<char>(hex(s[i + 1]) * 16 + hex(s[i + 2]));
      i += 2;
    } else {
      out += s[i];
    }
  }
  return out;
}

/// "https://…", "data:…": anything with a URL scheme of two letters or more
/// (so that "C:/maps/x.png" still counts as a local path).
bool has_url_scheme(const std::string& url) {
  std::size_t colon = url.find(':');
  if (colon == std::string::npos || colon < 2) return false;
  return std::all_of(url.begin(), url.begin() + static_cast<std::ptrdiff_t>(colon), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
           c == '+' || c == '-' || c == '.';
  });
}

// ---------------------------------------------------------------- the reader

/// An image met inside a paragraph: it becomes a Figure after that paragraph.
struct PendingFigure {
  Figure figure;
  cmark_node* node;
};

class Reader {
 public:
  Reader(const std::string& file, const ReadOptions& opts) : file_(file), opts_(opts) {}

  void read(cmark_node* doc, Section& scratch) {
    min_level_ = 7;
    for (cmark_node* n = cmark_node_first_child(doc); n; n = cmark_node_next(n))
      if (type_of(n) == CMARK_NODE_HEADING)
        min_level_ = std::min(min_level_, cmark_node_get_heading_level(n));

    for (cmark_node* n = cmark_node_first_child(doc); n; n = cmark_node_next(n))
      if (type_of(n) == CMARK_NODE_FOOTNOTE_DEFINITION) notes_.push_back(n);

    collect_ids(scratch);
    root_ = &scratch;
    current_ = &scratch;
    convert_children(doc, [this](Block b, cmark_node* n) { add_to_section(std::move(b), n); },
                     /*depth=*/0);
  }

 private:
  using Sink = std::function<void(Block, cmark_node*)>;

  // ---- locations and errors

  /// Where a node starts. Some nodes (a paragraph split off by the table
  /// extension, soft breaks) carry no position: use the nearest one that does.
  Location where(cmark_node* n) const {
    for (cmark_node* p = n; p; p = cmark_node_parent(p)) {
      if (int line = cmark_node_get_start_line(p); line > 0)
        return Location{file_, line, cmark_node_get_start_column(p)};
      for (cmark_node* s = cmark_node_next(p); s; s = cmark_node_next(s))
        if (int line = cmark_node_get_start_line(s); line > 0) return Location{file_, line, 0};
    }
    return Location{file_, 0, 0};
  }

  [[noreturn]] void fail(cmark_node* n, const std::string& message) const {
    throw Error(ErrorCode::Input, message, where(n));
  }

  /// Runs `f`; a model error without a position is rethrown at node `n`.
  template <typename F>
  void at(cmark_node* n, F&& f) const {
    try {
      f();
    } catch (const Error& e) {
      if (!e.where().empty()) throw;
      throw Error(e.code(), e.message(), where(n));
    }
  }

  void warn(cmark_node* n, Code code, const std::string& message) const {
    if (opts_.warn) opts_.warn(Warning{std::string(code_name(code)), message, where(n).str()});
  }

  // ---- sections

  void add_to_section(Block b, cmark_node* n) {
    stamp(b, n);
    at(n, [&] { current_->add_block(std::move(b)); });
  }

  /// Block::origin: the file as the definition names it and the line the block starts on.
  void stamp(Block& b, cmark_node* n) const {
    if (!b.origin.empty()) return;
    const Location l = where(n);
    b.origin = (opts_.origin_file.empty() ? file_ : opts_.origin_file) + ":" + std::to_string(l.line);
  }

  /// A top-level heading: opens a subsection (sections mode) or is a Heading block.
  void heading(cmark_node* n) {
    int level = cmark_node_get_heading_level(n) - min_level_ + 1;  // 1 = shallowest in the file
    std::vector<PendingFigure> figures;
    Inlines content = inlines_of(n, figures);
    for (const PendingFigure& f : figures)
      warn(f.node, Code::MarkdownImageIgnored,
           "image '" + f.figure.path + "' in a heading is not shown");
    const std::string explicit_id = take_attribute_id(content, n);

    if (opts_.headings == HeadingMode::Blocks) {
      if (!explicit_id.empty())
        warn(n, Code::MarkdownIdIgnored, "heading id '" + explicit_id + "' needs 'headings: sections'; ignored");
      add_to_section(Heading{level, std::move(content)}, n);
      return;
    }

    std::string title = plain_text(content);
    if (trim(title).empty()) fail(n, "empty heading: a section needs a title");
    while (!open_.empty() && open_.back().first >= level) open_.pop_back();
    Section* parent = open_.empty() ? root_ : open_.back().second;
    // add_section() may move parent's earlier children; none of them is on the
    // stack any more (we just popped down to `parent`), and parent itself does not move.
    Section* child = nullptr;
    at(n, [&] {
      child = &parent->add_section(title);
      if (explicit_id.empty()) {
        child->set_id(unique_id(parent->id(), title));
      } else {
        if (!ids_.insert(explicit_id).second) fail(n, "section id '" + explicit_id + "' is used twice");
        child->set_id(explicit_id);
      }
    });
    open_.emplace_back(level, child);
    current_ = child;
  }

  /// A trailing "{#id}" on a heading's text (pandoc's attribute form): removed
  /// from `content`; the id, or "" when there is none.
  std::string take_attribute_id(Inlines& content, cmark_node* n) {
    if (content.empty() || content.back().kind != Inline::Kind::Text) return {};
    std::string& t = content.back().text;
    std::string trimmed = trim(t);
    if (!trimmed.ends_with('}')) return {};
    const std::size_t open = trimmed.rfind("{#");
    if (open == std::string::npos) return {};
    std::string id = trimmed.substr(open + 2, trimmed.size() - open - 3);
    if (id.empty() || !valid_id(id))
      fail(n, "'{#" + id + "}' is not a valid id (ASCII letters, digits, '-', '_', '.', ':')");
    t = trimmed.substr(0, open);
    trim_runs(content);
    if (content.empty()) fail(n, "empty heading: a section needs a title");
    return id;
  }

  static bool valid_id(const std::string& id) {
    return std::all_of(id.begin(), id.end(), [](char c) {
      return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' ||
             c == '_' || c == '.' || c == ':';
    });
  }

  void collect_ids(const Section& s) {
    if (!s.id().empty()) ids_.insert(s.id());
    for (const Section& c : s.sections()) collect_ids(c);
  }

  /// "goal-7-status": the parent's id, then the title's; "-2", "-3"… when taken.
  /// Prefixing keeps ids unique when every goal file has a "## Status".
  std::string unique_id(const std::string& parent_id, const std::string& title) {
    std::string own = make_id(title);
    if (own.empty()) own = "section";
    std::string base = parent_id.empty() ? own : parent_id + "-" + own;
    std::string id = base;
    for (int i = 2; ids_.contains(id); ++i) id = base + "-" + std::to_string(i);
    ids_.insert(id);
    return id;
  }

  // ---- blocks

  /// Converts the block children of `parent`, in order, handing each block to `sink`.
  /// `depth` counts the lists and quotes around them (0 at the top level); past
  /// limits().block_depth the input is refused instead of recursing further.
  void convert_children(cmark_node* parent, const Sink& sink, std::size_t depth) {
    const bool top_level = depth == 0;
    if (depth > limits().block_depth)
      fail(parent, limit_message("block_depth", "lists and quotes nested " + std::to_string(depth) + " deep"));
    for (cmark_node* n = cmark_node_first_child(parent); n; n = cmark_node_next(n)) {
      cmark_node_type t = type_of(n);
      if (t == CMARK_NODE_FOOTNOTE_DEFINITION) {
        // Read where referenced (footnote()).
      } else if (t == CMARK_NODE_PARAGRAPH) {
        if (top_level && placement(n, sink)) continue;
        paragraph(n, sink);
      } else if (t == CMARK_NODE_HEADING) {
        if (top_level) {
          heading(n);
        } else {
          // A heading inside a list item or quote cannot open a section: keep it as strong text.
          std::vector<PendingFigure> figures;
          Inlines content = inlines_of(n, figures);
          if (!content.empty())
            sink(checked(Paragraph{{Inline::strong(std::move(content))}}, n), n);
          emit_figures(figures, sink);
        }
      } else if (t == CMARK_NODE_LIST) {
        // Lists and quotes are not checked here: their children were checked when
        // they were made, and the whole block is checked once when it reaches its
        // section (checking every level again made deep nesting quadratic).
        sink(list(n, depth + 1), n);
      } else if (t == CMARK_NODE_BLOCK_QUOTE) {
        Quote q;
        convert_children(n, collect_into(q.blocks), depth + 1);
        sink(std::move(q), n);
      } else if (t == CMARK_NODE_CODE_BLOCK) {
        if (top_level && placement(n, sink)) continue;
        sink(checked(code_block(n), n), n);
      } else if (t == CMARK_NODE_HTML_BLOCK) {
        if (!trim(literal(n)).starts_with("<!--"))
          warn(n, Code::MarkdownHtmlIgnored, "raw HTML block ignored");
      } else if (t == CMARK_NODE_THEMATIC_BREAK) {
        // A rule has no counterpart in the model.
      } else if (is_ext(n, "table")) {
        sink(checked(table(n), n), n);
      } else {
        const char* name = cmark_node_get_type_string(n);
        warn(n, Code::MarkdownUnsupported,
             std::string("Markdown element '") + (name ? name : "?") + "' ignored");
      }
    }
  }

  /// A placement directive: a paragraph "::: data energy" (optionally closed by
  /// a line ":::"), or a fenced block with the info string "sdgreport-data energy".
  /// It becomes a Container "placement" (attributes "ref" and "at") that the
  /// pipeline replaces by the blocks of the source with `id: energy`.
  bool placement(cmark_node* n, const Sink& sink) {
    std::string ref;
    if (type_of(n) == CMARK_NODE_CODE_BLOCK) {
      const std::string info = trim(cmark_node_get_fence_info(n) ? cmark_node_get_fence_info(n) : "");
      if (!info.starts_with("sdgreport-data")) return false;
      ref = trim(info.substr(14));
      if (!trim(literal(n)).empty())
        warn(n, Code::MarkdownPlacementBody, "the body of a 'sdgreport-data' block is ignored");
    } else {
      // Look at the first text before reading the inlines (which reports image warnings).
      cmark_node* first = cmark_node_first_child(n);
      if (!first || type_of(first) != CMARK_NODE_TEXT || !trim(literal(first)).starts_with(":::")) return false;
      std::vector<PendingFigure> none;
      std::string text = trim(plain_text(inlines_of(n, none)));
      if (!text.starts_with(":::") || !none.empty()) return false;
      text = trim(text.substr(3));
      if (!text.starts_with("data ") && text != "data") return false;
      text = trim(text.substr(4));
      if (text.ends_with(":::")) text = trim(text.substr(0, text.size() - 3));
      ref = text;
    }
    if (ref.empty() || ref.find_first_of(" \t") != std::string::npos || !valid_id(ref))
      fail(n, "a placement directive names one data source id: '::: data energy' (the source has 'id: energy')");
    Container c;
    c.name = "placement";
    c.attributes["ref"] = ref;
    c.attributes["at"] = where(n).str();
    sink(checked(std::move(c), n), n);
    return true;
  }

  /// A sink that appends to a block list (inside list items and quotes).
  Sink collect_into(Blocks& out) const {
    return [this, &out](Block b, cmark_node* n) {
      stamp(b, n);
      out.push_back(std::move(b));
    };
  }

  /// Checks a block as soon as it is made, so a model error names its own line.
  Block checked(Block b, cmark_node* n) const {
    at(n, [&] { check_block(b); });
    return b;
  }

  void paragraph(cmark_node* n, const Sink& sink) {
    std::vector<PendingFigure> figures;
    Inlines content = inlines_of(n, figures);
    std::string text = plain_text(content);
    // "Table: …" just before a table, "Source: …" just after one: read by table().
    if (cmark_node* next = cmark_node_next(n); next && is_ext(next, "table") && figures.empty() &&
                                              after_prefix(text, kCaptionPrefixes))
      return;
    if (cmark_node* prev = cmark_node_previous(n); prev && is_ext(prev, "table") &&
                                                  figures.empty() &&
                                                  after_prefix(text, kSourcePrefixes))
      return;
    if (!content.empty()) sink(checked(Paragraph{std::move(content)}, n), n);
    emit_figures(figures, sink);
  }

  void emit_figures(std::vector<PendingFigure>& figures, const Sink& sink) {
    for (PendingFigure& f : figures) sink(checked(std::move(f.figure), f.node), f.node);
  }

  List list(cmark_node* n, std::size_t depth) {
    List l;
    l.ordered = cmark_node_get_list_type(n) == CMARK_ORDERED_LIST;
    l.start = l.ordered ? cmark_node_get_list_start(n) : 1;
    for (cmark_node* item = cmark_node_first_child(n); item; item = cmark_node_next(item)) {
      Blocks blocks;
      convert_children(item, collect_into(blocks), depth);
      l.items.push_back(std::move(blocks));
    }
    return l;
  }

  /// A fenced or indented code block: a Container "code" (attribute "language"
  /// from the info string) holding one Paragraph of Code runs, one per line,
  /// joined by line breaks. Writers that do not know "code" still show the lines.
  Container code_block(cmark_node* n) {
    Container c;
    c.name = "code";
    std::string info = trim(cmark_node_get_fence_info(n) ? cmark_node_get_fence_info(n) : "");
    if (std::size_t sp = info.find_first_of(" \t"); sp != std::string::npos) info.resize(sp);
    if (!info.empty()) c.attributes["language"] = info;

    std::string code = literal(n);
    if (code.ends_with('\n')) code.pop_back();
    Inlines runs;
    std::size_t pos = 0;
    while (true) {
      std::size_t eol = code.find('\n', pos);
      std::string line = code.substr(pos, eol == std::string::npos ? std::string::npos : eol - pos);
      if (!line.empty() && line.back() == '\r') line.pop_back();
      if (!runs.empty()) runs.push_back(Inline::line_break());
      if (!line.empty()) runs.push_back(Inline::code(std::move(line)));
      if (eol == std::string::npos) break;
      pos = eol + 1;
    }
    if (!runs.empty()) c.blocks.push_back(Paragraph{std::move(runs)});
    return c;
  }

  // ---- tables

  Table table(cmark_node* n) {
    Table t;
    if (cmark_node* prev = cmark_node_previous(n); prev && type_of(prev) == CMARK_NODE_PARAGRAPH) {
      std::vector<PendingFigure> none;
      if (auto caption = after_prefix(plain_text(inlines_of(prev, none)), kCaptionPrefixes);
          caption && none.empty())
        t.caption = *caption;
    }
    if (cmark_node* next = cmark_node_next(n); next && type_of(next) == CMARK_NODE_PARAGRAPH) {
      std::vector<PendingFigure> none;
      if (auto source = after_prefix(plain_text(inlines_of(next, none)), kSourcePrefixes);
          source && none.empty())
        t.source = *source;
    }

    std::vector<std::vector<std::string>> body;
    for (cmark_node* row = cmark_node_first_child(n); row; row = cmark_node_next(row)) {
      std::vector<std::string> cells;
      for (cmark_node* cell = cmark_node_first_child(row); cell; cell = cmark_node_next(cell)) {
        std::vector<PendingFigure> figures;
        cells.push_back(trim(plain_text(inlines_of(cell, figures))));
        for (const PendingFigure& f : figures)
          warn(f.node, Code::MarkdownImageIgnored,
               "image '" + f.figure.path + "' in a table cell is not shown");
      }
      if (cmark_gfm_extensions_get_table_row_is_header(row)) {
        for (std::string& label : cells) {
          Column col;
          col.label = std::move(label);
          t.columns.push_back(std::move(col));
        }
      } else {
        body.push_back(std::move(cells));
      }
    }

    // A "Source: …" line written right under the table, without a blank line,
    // is read by cmark-gfm as a last row with one cell: take it as the source note.
    if (t.source.empty() && !body.empty()) {
      const std::vector<std::string>& last = body.back();
      bool rest_empty = std::all_of(last.begin() + 1, last.end(),
                                    [](const std::string& s) { return s.empty(); });
      if (!last.empty() && rest_empty) {
        if (auto source = after_prefix(last.front(), kSourcePrefixes)) {
          t.source = *source;
          body.pop_back();
        }
      }
    }

    type_columns(t, body);
    return t;
  }

  /// A column is a number column when every cell that is not a "no value"
  /// marker reads as a number with the same unit; decimals = the most seen.
  /// A column of years only ("2020", "2024") stays text, so that no writer
  /// formats it as "2 020".
  static void type_columns(Table& t, const std::vector<std::vector<std::string>>& body) {
    const std::size_t ncols = t.columns.size();
    for (std::size_t c = 0; c < ncols; ++c) {
      Column& col = t.columns[c];
      bool numbers = true;
      bool any = false;
      bool years = true;
      std::optional<std::string> unit;
      int decimals = 0;
      for (const auto& row : body) {
        const std::string text = c < row.size() ? row[c] : std::string();
        if (sdg::parse_missing_marker(text)) continue;
        auto num = sdg::parse_number(text);
        if (!num || (unit && *unit != num->unit)) {
          numbers = false;
          break;
        }
        any = true;
        years = years && is_year(text);
        unit = num->unit;
        decimals = std::max(decimals, num->decimals);
      }
      if (numbers && any && !years) {
        col.type = Column::Type::Number;
        col.unit = unit.value_or("");
        col.decimals = std::min(decimals, 10);
      }
    }

    for (const auto& row : body) {
      std::vector<Cell> cells;
      for (std::size_t c = 0; c < ncols; ++c) {
        const std::string text = c < row.size() ? row[c] : std::string();
        if (auto status = sdg::parse_missing_marker(text); status && *status == sdg::ValueStatus::Nil)
          // "-" is nil: the number 0 in a number column; in a text column, the text as written.
          cells.push_back(t.columns[c].type == Column::Type::Number ? Cell::of(0.0, *status) : Cell::of(text));
        else if (status)
          cells.push_back(Cell::missing(*status));
        else if (t.columns[c].type == Column::Type::Number)
          cells.push_back(Cell::of(sdg::parse_number(text)->value));
        else
          cells.push_back(Cell::of(text));
      }
      t.data.append_row(cells);
    }
  }

  // ---- inlines

  /// The inline children of `n` as runs; images are taken out into `figures`.
  Inlines inlines_of(cmark_node* n, std::vector<PendingFigure>& figures) {
    Inlines runs;
    append_inlines(n, runs, figures, 1);
    trim_runs(runs);
    return runs;
  }

  /// `depth` counts the emphasis, strong, link and strikethrough runs around
  /// `parent`'s children; past limits().inline_depth the input is refused.
  void append_inlines(cmark_node* parent, Inlines& runs, std::vector<PendingFigure>& figures, std::size_t depth) {
    if (depth > limits().inline_depth)
      fail(parent, limit_message("inline_depth", "emphasis, strong and links nested " + std::to_string(depth) + " deep"));
    for (cmark_node* n = cmark_node_first_child(parent); n; n = cmark_node_next(n)) {
      cmark_node_type t = type_of(n);
      if (t == CMARK_NODE_TEXT) {
        append_text(runs, literal(n));
      } else if (t == CMARK_NODE_SOFTBREAK) {
        append_text(runs, " ");
      } else if (t == CMARK_NODE_LINEBREAK) {
        runs.push_back(Inline::line_break());
      } else if (t == CMARK_NODE_CODE) {
        runs.push_back(Inline::code(literal(n)));
      } else if (t == CMARK_NODE_HTML_INLINE) {
        // Kept as the text the author wrote; comments are dropped.
        std::string html = literal(n);
        if (!html.starts_with("<!--")) {
          std::replace(html.begin(), html.end(), '\n', ' ');
          append_text(runs, html);
        }
      } else if (t == CMARK_NODE_EMPH || t == CMARK_NODE_STRONG) {
        Inlines inner;
        append_inlines(n, inner, figures, depth + 1);
        if (!inner.empty())
          runs.push_back(t == CMARK_NODE_EMPH ? Inline::emphasis(std::move(inner))
                                              : Inline::strong(std::move(inner)));
      } else if (t == CMARK_NODE_LINK) {
        Inlines inner;
        append_inlines(n, inner, figures, depth + 1);
        std::string url = cmark_node_get_url(n) ? cmark_node_get_url(n) : "";
        if (url.starts_with("#")) {
          // An internal reference: checked and numbered once all sources ran.
          std::string target = percent_decode(url.substr(1));
          if (target.empty()) fail(n, "a cross-reference needs a target: [](#goal-13)");
          const char* title = cmark_node_get_title(n);
          std::string form = title ? trim(title) : "";
          if (!form.empty() && form != "page")
            fail(n, "cross-reference form \"" + form + "\" is not known (write [](#" + target +
                        " \"page\") for a page number)");
          trim_runs(inner);
          runs.push_back(Inline::cross_ref(std::move(target), std::move(inner), std::move(form), where(n).str()));
          continue;
        }
        if (inner.empty()) inner.push_back(Inline::plain(url));
        runs.push_back(Inline::link(std::move(url), std::move(inner)));
      } else if (t == CMARK_NODE_FOOTNOTE_REFERENCE) {
        runs.push_back(footnote(n, depth + 1));
      } else if (t == CMARK_NODE_IMAGE) {
        const std::size_t before = figures.size();
        image(n, figures, depth + 1);
        // "![Map](map.png){#fig:map width=40%}": the figure's id and width.
        cmark_node* next = cmark_node_next(n);
        if (figures.size() > before && next && type_of(next) == CMARK_NODE_TEXT) {
          const std::string after = literal(next);
          const std::size_t close = after.find('}');
          if (after.starts_with("{") && close != std::string::npos) {
            figure_attributes(next, after.substr(1, close - 1), figures.back().figure);
            append_text(runs, after.substr(close + 1));
            n = next;
          }
        }
      } else if (is_ext(n, "strikethrough")) {
        // No strikethrough in the model: keep the words.
        Inlines inner;
        append_inlines(n, inner, figures, depth + 1);
        for (Inline& r : inner) {
          if (r.kind == Inline::Kind::Text)
            append_text(runs, r.text);
          else
            runs.push_back(std::move(r));
        }
      } else {
        append_text(runs, literal(n));
      }
    }
  }

  /// A footnote reference: the note's paragraphs as inline runs joined by line breaks.
  Inline footnote(cmark_node* n, std::size_t depth) {
    const std::string ix = literal(n);
    std::size_t k = 0;
    for (char c : ix) k = (c >= '0' && c <= '9' && k < 1000000) ? k * 10 + static_cast<std::size_t>(c - '0') : 0;
    if (k == 0 || k > notes_.size()) fail(n, "footnote reference '" + ix + "' has no definition");
    if (in_note_) fail(n, "a footnote cannot refer to another footnote");
    cmark_node* def = notes_[k - 1];
    Inlines note;
    in_note_ = true;
    for (cmark_node* b = cmark_node_first_child(def); b; b = cmark_node_next(b)) {
      if (type_of(b) != CMARK_NODE_PARAGRAPH) {
        warn(b, Code::MarkdownFootnoteBlock, "only paragraphs are kept in a footnote; a list, table or code block is left out");
        continue;
      }
      std::vector<PendingFigure> figures;
      Inlines para;
      append_inlines(b, para, figures, depth);
      trim_runs(para);
      for (const PendingFigure& f : figures)
        warn(f.node, Code::MarkdownImageIgnored, "image '" + f.figure.path + "' in a footnote is not shown");
      if (para.empty()) continue;
      if (!note.empty()) note.push_back(Inline::line_break());
      for (Inline& r : para) note.push_back(std::move(r));
    }
    in_note_ = false;
    if (note.empty()) fail(def, "footnote " + ix + " has no text");
    return Inline::footnote(std::move(note));
  }

  /// The attributes in "{#id width=40%}" after an image: an id and/or a width.
  void figure_attributes(cmark_node* n, const std::string& attrs, Figure& f) {
    std::size_t at = 0;
    while (at < attrs.size()) {
      if (attrs[at] == ' ') {
        ++at;
        continue;
      }
      const std::size_t end = std::min(attrs.find(' ', at), attrs.size());
      const std::string a = attrs.substr(at, end - at);
      at = end;
      if (a.starts_with('#')) {
        const std::string id = a.substr(1);
        if (id.empty() || !valid_id(id)) fail(n, "'{#" + id + "}' is not a valid id");
        f.id = id;
      } else if (a.starts_with("width=")) {
        f.width = a.substr(6);
        if (!figure_width_points(f.width, 1))
          fail(n,
               "image width '" + f.width + "' is not a percentage or a length such as 40%, 6cm, 60mm, 2.5in");
      } else {
        fail(n, "'" + a + "' after an image is not an attribute sdgreport knows (use {#id width=40%})");
      }
    }
  }

  void image(cmark_node* n, std::vector<PendingFigure>& figures, std::size_t depth) {
    std::string url = cmark_node_get_url(n) ? cmark_node_get_url(n) : "";
    std::vector<PendingFigure> nested;  // an image inside alt text is only text
    Inlines alt_runs;
    append_inlines(n, alt_runs, nested, depth);
    trim_runs(alt_runs);
    std::string alt = trim(plain_text(alt_runs));
    if (url.empty()) fail(n, "image without a path");
    if (alt.empty())
      fail(n, "image '" + url + "' has no alt text: write ![what the image shows](" + url +
                  "); figures need a text alternative for screen readers");
    if (has_url_scheme(url)) {
      warn(n, Code::MarkdownImageRemote,
           "image '" + url + "' is not a local file; only local PNG/JPEG images are shown");
      return;
    }
    std::filesystem::path path(percent_decode(url));
    if (is_svg_path(path.string()))
      fail(n, "image '" + url + "': " + svg_refusal(path.string()));
    if (!opts_.image_dir.empty() && path.is_relative())
      path = (opts_.image_dir / path).lexically_normal();
    if (opts_.check_images)
      if (const std::string why = image_problem(path); !why.empty())
        fail(n, "image '" + url + "'" + (why == "does not exist" || why == "cannot be read" ? " " : ": ") + why);
    Figure f;
    f.path = path.string();
    f.alt = std::move(alt);
    const char* title = cmark_node_get_title(n);
    if (title) f.caption = trim(title);
    figures.push_back(PendingFigure{std::move(f), n});
  }

  const std::string& file_;
  const ReadOptions& opts_;
  int min_level_ = 1;
  Section* root_ = nullptr;
  Section* current_ = nullptr;
  std::vector<std::pair<int, Section*>> open_;  ///< open sections: (relative level, section)
  std::set<std::string> ids_;
  std::vector<cmark_node*> notes_;  ///< footnote definitions, by number - 1
  bool in_note_ = false;
};

}  // namespace

// ---------------------------------------------------------------- UTF-8

void check_utf8(std::string_view text, const std::string& file_name) {
  const std::size_t at = utf8_invalid_at(text);
  if (at == std::string_view::npos) return;
  const std::string_view before = text.substr(0, at);
  const int line = 1 + static_cast<int>(std::count(before.begin(), before.end(), '\n'));
  const std::size_t line_start = before.rfind('\n') == std::string_view::npos ? 0 : before.rfind('\n') + 1;
  char hex[8];
  std::snprintf(hex, sizeof hex, "0x%02X", static_cast<unsigned>(static_cast<unsigned char>(text[at])));
  throw Error(ErrorCode::Input,
              "invalid UTF-8: byte " + std::string(hex) + " at byte offset " + std::to_string(at) +
                  "; save the file as UTF-8 (Latin-1 'æ', 'ø', 'å' are single bytes 0xE6, 0xF8, 0xE5)",
              Location{file_name, line, static_cast<int>(at - line_start) + 1});
}

// ---------------------------------------------------------------- entry point

namespace {

struct FrontMatter {
  std::vector<std::pair<std::string, int>> targets;  // id, line
};

// YAML front matter: "---" on the first line, up to a line "---" or "...". Its
// lines are blanked in `body`, so cmark's line numbers stay those of the file.
FrontMatter front_matter(std::string& body, const std::string& file_name, const ReadOptions& options) {
  FrontMatter fm;
  if (!(body.starts_with("---\n") || body.starts_with("---\r\n"))) return fm;
  std::size_t pos = body.find('\n') + 1;
  std::size_t end = std::string::npos;
  int line = 2;
  for (std::size_t p = pos; p < body.size(); ++line) {
    std::size_t nl = body.find('\n', p);
    std::string_view l(body.data() + p, (nl == std::string::npos ? body.size() : nl) - p);
    if (l.ends_with('\r')) l.remove_suffix(1);
    if (l == "---" || l == "...") {
      end = nl == std::string::npos ? body.size() : nl;
      break;
    }
    if (nl == std::string::npos) break;
    p = nl + 1;
  }
  if (end == std::string::npos)
    throw Error(ErrorCode::Input, "front matter opened on line 1 is not closed with a '---' line", {file_name, 1, 1});
  const std::string yaml = body.substr(pos, end - pos);
  YAML::Node root;
  try {
    root = YAML::Load(yaml.substr(0, yaml.rfind('\n') == std::string::npos ? 0 : yaml.rfind('\n')));
  } catch (const YAML::Exception& e) {
    throw Error(ErrorCode::Input, "front matter is not valid YAML: " + e.msg, {file_name, e.mark.line + 2, e.mark.column + 1});
  }
  if (root && !root.IsNull()) {
    if (!root.IsMap()) throw Error(ErrorCode::Input, "front matter must be a YAML map such as 'targets: [7.2, 7.3]'", {file_name, 2, 1});
    for (const auto& kv : root) {
      const std::string key = kv.first.as<std::string>("");
      const int key_line = kv.first.Mark().line + 2;
      if (key != "targets") {
        if (options.warn)
          options.warn({std::string(code_name(Code::FrontMatterKeyIgnored)), "front matter key '" + key + "' is not used (known: targets)",
                        file_name + ":" + std::to_string(key_line)});
        continue;
      }
      const YAML::Node& v = kv.second;
      auto add = [&](const YAML::Node& item) {
        if (!item.IsScalar())
          throw Error(ErrorCode::Input, "'targets' must be a list of target ids such as [7.2, 7.a]", {file_name, item.Mark().line + 2, 1});
        fm.targets.emplace_back(item.Scalar(), item.Mark().line + 2);
      };
      if (v.IsSequence()) {
        for (const auto& item : v) add(item);
      } else {
        add(v);
      }
    }
  }
  // Blank the front matter, keeping its line breaks.
  for (std::size_t i = 0; i < end; ++i)
    if (body[i] != '\n') body[i] = ' ';
  return fm;
}

}  // namespace

void read_markdown(std::string_view text_in, const std::string& file_name, Section& target,
                   const ReadOptions& options) {
  check_utf8(text_in, file_name);
  if (text_in.starts_with("\xEF\xBB\xBF")) text_in.remove_prefix(3);  // byte-order mark
  std::string body(text_in);
  const FrontMatter fm = front_matter(body, file_name, options);
  // Targets are checked before anything is added.
  for (const auto& [id, line] : fm.targets) {
    const Target* t = Catalogue::get().find_target(id);
    if (!t) throw Error(ErrorCode::Input, "'" + id + "' is not an SDG target", {file_name, line, 0});
    if (!target.goal())
      throw Error(ErrorCode::Input, "'targets' in front matter needs a goal section (use the file in goal_sources)",
                  {file_name, line, 0});
    if (t->goal != *target.goal())
      throw Error(ErrorCode::Input,
                  "target " + id + " belongs to goal " + std::to_string(t->goal) + ", not goal " +
                      std::to_string(*target.goal()),
                  {file_name, line, 0});
  }
  std::string_view text(body);
  NodePtr doc = parse(text);

  // Build into a scratch section with the target's id, so that nothing is
  // added to the target unless the whole file reads cleanly.
  Section scratch(target.title());
  if (!target.id().empty()) scratch.set_id(target.id());
  // Ids already used under the target count as taken.
  for (const Section& s : target.sections()) scratch.sections().push_back(s);
  std::size_t existing = scratch.sections().size();

  Reader reader(file_name, options);
  reader.read(doc.get(), scratch);

  // Nothing below fails: every block and section was checked while it was built.
  for (const Block& b : scratch.blocks()) target.add_block(b);
  auto& made = scratch.sections();
  for (std::size_t i = existing; i < made.size(); ++i) target.add_section(std::move(made[i]));
  for (const auto& [id, line] : fm.targets) target.add_target(id);
}

}  // namespace sdg::markdown
