// sdgreport — the core document model.
//
// A Document holds metadata and chapters. A chapter is a Section; sections nest
// and hold blocks. A section may be a goal section (SDG goal 1–17 plus the targets
// it covers). Blocks are a closed set of kinds plus one generic Container for
// plugin extras. The model refuses impossible trees when they are built:
// Section::add_block(), Section::set_goal() etc. check their argument and throw
// sdg::Error(ErrorCode::Model), so writers never meet an invalid tree.
//
//   sdg::Document doc;
//   doc.meta.title = "Voluntary Subnational Review";
//   sdg::Section& ch = doc.add_chapter("Progress on the goals");
//   sdg::Section& g7 = ch.add_section("Affordable and clean energy");
//   g7.set_goal(7);
//   g7.add_block(sdg::Paragraph{{sdg::Inline::text("Fornybar energi – økende.")}});
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <variant>
#include <vector>

#include "sdgreport/language.hpp"
#include "sdgreport/table_data.hpp"
#include "sdgreport/text.hpp"  // is_valid_utf8, append_utf8 (were declared here)

namespace sdg {

// ---------------------------------------------------------------- inline text

/// An inline run. Text and Code carry `text`; Emphasis, Strong and Link carry
/// `children` (and Link a `url`); LineBreak carries nothing.
///
/// FootnoteRef is a footnote: `children` hold the note's text (paragraphs of the
/// note joined by LineBreak runs); writers number notes in document order and
/// place the text (PDF: at the foot of the page where the reference is).
///
/// CrossRef is an internal reference: `url` is the id of a section, table,
/// chart or figure in the document ("goal-13", "energy"); `children` are the
/// author's link text, or empty for text the writer generates in the report
/// language from `text`, the form: "" → "Table 3" / "Goal 13" / "Section 2.1",
/// "page" → "page 12" (formats without pages use the first form). The pipeline
/// checks every target after all sources ran (an unknown one is an error at
/// `where`, "file:line:col" set by the reader) and then clears `where`.
struct Inline {
  enum class Kind { Text, Emphasis, Strong, Code, Link, LineBreak, FootnoteRef, CrossRef };
  Kind kind = Kind::Text;
  std::string text;
  std::string url;
  std::vector<Inline> children;
  std::string where;  ///< CrossRef only: where it was written, until the pipeline resolved it

  static Inline plain(std::string s) { return {Kind::Text, std::move(s), {}, {}, {}}; }
  static Inline code(std::string s) { return {Kind::Code, std::move(s), {}, {}, {}}; }
  static Inline emphasis(std::vector<Inline> c) { return {Kind::Emphasis, {}, {}, std::move(c), {}}; }
  static Inline strong(std::vector<Inline> c) { return {Kind::Strong, {}, {}, std::move(c), {}}; }
  static Inline link(std::string url, std::vector<Inline> c) {
    return {Kind::Link, {}, std::move(url), std::move(c), {}};
  }
  static Inline line_break() { return {Kind::LineBreak, {}, {}, {}, {}}; }
  static Inline footnote(std::vector<Inline> note) { return {Kind::FootnoteRef, {}, {}, std::move(note), {}}; }
  /// `form`: "" (label such as "Table 3") or "page"; `text` empty for generated text.
  static Inline cross_ref(std::string target, std::vector<Inline> text, std::string form = {},
                          std::string where = {}) {
    return {Kind::CrossRef, std::move(form), std::move(target), std::move(text), std::move(where)};
  }

  bool operator==(const Inline&) const = default;
};

using Inlines = std::vector<Inline>;

/// The plain text of inline runs (line breaks become spaces; footnotes are left
/// out; a cross-reference without text gives its target id).
std::string plain_text(const Inlines& runs);

// ---------------------------------------------------------------- statuses

// ValueStatus, Cell, CellView and TableData: sdgreport/table_data.hpp.

/// Progress assessment of an indicator (Open SDG / Statistics Canada methodology).
enum class ProgressStatus {
  NotAssessed,
  TargetAchieved,
  Substantial,
  Moderate,
  Limited,
  Deterioration,
  NotAvailable,
};
const char* progress_status_name(ProgressStatus s) noexcept;  ///< "target_achieved", …
std::optional<ProgressStatus> progress_status_from_name(const std::string& name);

// ---------------------------------------------------------------- blocks

struct Block;
using Blocks = std::vector<Block>;

struct Heading {
  int level = 1;  ///< 1–6, relative to the enclosing section
  Inlines content;
  bool operator==(const Heading&) const = default;
};

struct Paragraph {
  Inlines content;
  bool operator==(const Paragraph&) const = default;
};

/// Ordered or bulleted list; each item is a sequence of blocks (lists nest).
struct List {
  bool ordered = false;
  int start = 1;
  std::vector<Blocks> items;
  bool operator==(const List&) const;
};

struct Quote {
  Blocks blocks;
  bool operator==(const Quote&) const;
};

struct Column {
  enum class Type { Text, Number };
  std::string label;
  Type type = Type::Text;
  std::string unit;  ///< for numbers, e.g. "%", "GWh"
  int decimals = 0;  ///< for numbers, 0–10
  bool operator==(const Column&) const = default;
};

struct Table {
  std::string id;          ///< optional stable id (used for anchors and sheet rows)
  std::string caption;
  std::vector<Column> columns;
  /// The cells, by column (see sdgreport/table_data.hpp): `data.rows()`, `data.cell(r, c)`.
  TableData data;
  std::string source;      ///< source note, e.g. "Statistics Norway, table 09817"
  std::string source_url;  ///< optional link for the source note (http/https)
  std::string indicator;   ///< optional SDG indicator id the table reports
  bool national = false;   ///< `indicator` is a national indicator id, not a global SDG one
  /// Indicator metadata for annexes, by documented key: "title", "unit", "definition",
  /// "updated" (ISO date), "organisation", "url". Writers that know no key ignore it.
  std::map<std::string, std::string> metadata;
  bool operator==(const Table&) const = default;
};

struct Series {
  std::string name;
  std::string unit;
  std::vector<std::optional<double>> values;  ///< one per category; nullopt = missing
  /// Interval bounds per category (error bars, e.g. a 95 % confidence interval):
  /// empty = no interval; else one per category, nullopt where that value has none.
  /// Where both are set, lower <= upper (ABI 4).
  std::vector<std::optional<double>> lower;
  std::vector<std::optional<double>> upper;
  bool operator==(const Series&) const = default;
};

struct Chart {
  enum class Kind { Line, Column, Bar };
  Kind kind = Kind::Line;
  std::string id;
  std::string title;
  std::vector<std::string> categories;  ///< x values (years, regions…)
  std::vector<Series> series;
  std::string alt;        ///< required: text alternative for screen readers
  std::string source;
  std::string source_url;  ///< optional link for the source note
  std::string indicator;   ///< optional SDG indicator id
  bool national = false;   ///< `indicator` is a national indicator id
  /// Id of a table in the document that holds exactly these observations (the chart
  /// draws that table). Annexes then list the observations once, from the table.
  std::string data_table;
  bool operator==(const Chart&) const = default;
};
const char* chart_kind_name(Chart::Kind k) noexcept;  ///< "line", "column", "bar"
std::optional<Chart::Kind> chart_kind_from_name(const std::string& name);

struct Figure {
  std::string path;  ///< image file (PNG/JPEG); absolute, or relative to the report
  std::string alt;   ///< required
  std::string caption;
  std::string id;    ///< optional stable id (cross-references, anchors)
  /// Width on the page: "40%" of the text width, or a length "6cm", "60mm",
  /// "2.5in", "170pt"; "" = the writer's default. Writers never stretch an image
  /// beyond its natural size (figure_width_points()).
  std::string width;
  bool operator==(const Figure&) const = default;
};

/// The width in points of a Figure::width for a text block `text_width` points
/// wide (a percentage is of it, capped at 100 %); nullopt when `width` is empty or
/// not of the form "N%", "Ncm", "Nmm", "Nin", "Npt" with 0 < N.
/// Example: figure_width_points("50%", 400) == 200; figure_width_points("1in", 400) == 72.
std::optional<double> figure_width_points(std::string_view width, double text_width);
/// True for an SVG image path (".svg", ".svgz", any case): no writer draws SVG,
/// so readers and `validate` refuse it with the place it comes from.
bool is_svg_path(std::string_view path) noexcept;

struct IndicatorSummary {
  std::string indicator;  ///< SDG indicator id, e.g. "7.2.1" (checked against the catalogue)
  bool national = false;  ///< `indicator` is a national id ("10-1", "3-1-f"), not checked against the catalogue
  std::string title;
  std::string series;     ///< which series the headline value is ("Total", "Women, 15–24"); may be empty
  std::optional<double> value;
  std::string unit;
  int decimals = 1;
  std::string year;  ///< period as published: "2023", "2004/05"
  ProgressStatus progress = ProgressStatus::NotAssessed;
  std::string source;
  std::string source_url;
  bool operator==(const IndicatorSummary&) const = default;
};

/// Generic container for plugin extras: a name, string attributes, child blocks.
/// Writers that do not know `name` render the children.
struct Container {
  std::string name;
  std::map<std::string, std::string> attributes;
  Blocks blocks;
  bool operator==(const Container&) const;
};

/// The name of each block kind, as used in JSON and messages ("heading", …): one
/// specialisation per kind of Block::Variant. The primary template has no `name`,
/// so Block::kind_name() does not compile for a kind without one.
template <typename T>
struct BlockKind {};
template <> struct BlockKind<Heading> { static constexpr const char* name = "heading"; };
template <> struct BlockKind<Paragraph> { static constexpr const char* name = "paragraph"; };
template <> struct BlockKind<List> { static constexpr const char* name = "list"; };
template <> struct BlockKind<Quote> { static constexpr const char* name = "quote"; };
template <> struct BlockKind<Table> { static constexpr const char* name = "table"; };
template <> struct BlockKind<Chart> { static constexpr const char* name = "chart"; };
template <> struct BlockKind<Figure> { static constexpr const char* name = "figure"; };
template <> struct BlockKind<IndicatorSummary> { static constexpr const char* name = "indicator_summary"; };
template <> struct BlockKind<Container> { static constexpr const char* name = "container"; };

/// An overload set for std::visit over a block: one lambda per kind, no generic
/// `auto` lambda, so a block kind without a lambda fails to compile there.
///
///   std::visit(sdg::Overloaded{[&](const sdg::Heading& h) { … }, [&](const sdg::Paragraph& p) { … }, …},
///              block.value);
template <typename... F>
struct Overloaded : F... {
  using F::operator()...;
};
template <typename... F>
Overloaded(F...) -> Overloaded<F...>;

/// For a generic lambda's `if constexpr` chain over the kinds: end it with
/// `else static_assert(sdg::unhandled_block_kind<T>, "…: a block kind is not handled");`.
template <typename T>
inline constexpr bool unhandled_block_kind = false;

// Only the compile-fail test (tests/compile_fail) defines this, to add a fake kind
// and prove that every walker of the model refuses to compile without it.
#ifndef SDGREPORT_TEST_EXTRA_BLOCK_KIND
#define SDGREPORT_TEST_EXTRA_BLOCK_KIND
#endif

/// One block: exactly one of the closed set of kinds.
///
/// Adding a kind: add it to Variant and a BlockKind<> name; the build then fails
/// at every walker of the model until it handles the kind (walk.cpp and Visitor,
/// json.cpp, model.cpp's check_block, references.cpp, validate; tested by
/// tests/compile_fail). Then the JSON reader and docs/plugin-abi.md (an ABI bump).
struct Block {
  using Variant = std::variant<Heading, Paragraph, List, Quote, Table, Chart, Figure,
                               IndicatorSummary, Container SDGREPORT_TEST_EXTRA_BLOCK_KIND>;
  Variant value;

  template <typename T>
    requires(!std::is_same_v<std::decay_t<T>, Block> && std::is_constructible_v<Variant, T>)
  Block(T v) : value(std::move(v)) {}  // NOLINT(google-explicit-constructor)

  template <typename T>
  bool is() const noexcept { return std::holds_alternative<T>(value); }
  template <typename T>
  const T& as() const { return std::get<T>(value); }
  template <typename T>
  T& as() { return std::get<T>(value); }

  /// Kind name as used in JSON and messages: "heading", "paragraph", "list", …
  const char* kind_name() const noexcept;

  /// Language of the block's text when it is not the report's (language of parts,
  /// WCAG 3.1.2): a BCP 47 tag such as "nb", "se", "kl", "en-GB"; "" = the report's
  /// language. Writers mark it (PDF /Lang, HTML lang=, DOCX w:lang). ABI 4.
  std::string lang;
  /// Where the block comes from, for review tools and messages: "file:line" for
  /// text (the path as the definition names it, relative to the report), or
  /// "source-id / table-id" for data. "" = unknown. ABI 4.
  std::string origin;

  bool operator==(const Block&) const = default;
};

/// Checks one block and its children against the model's rules; throws
/// Error(ErrorCode::Model) naming the problem. `where` prefixes the message.
void check_block(const Block& block, const std::string& where = {});

// ---------------------------------------------------------------- sections

class Section {
 public:
  explicit Section(std::string title = {});

  const std::string& title() const noexcept { return title_; }
  void set_title(std::string t);

  /// Stable identifier for anchors and links; derived from the title if unset.
  const std::string& id() const noexcept { return id_; }
  void set_id(std::string id);

  bool numbered() const noexcept { return numbered_; }
  void set_numbered(bool n) noexcept { numbered_ = n; }

  /// Goal sections: the SDG goal number 1–17 (checked), and the targets covered
  /// (each must exist in the catalogue and belong to this goal).
  const std::optional<int>& goal() const noexcept { return goal_; }
  void set_goal(int goal);
  const std::vector<std::string>& targets() const noexcept { return targets_; }
  void add_target(const std::string& target_id);

  const Blocks& blocks() const noexcept { return blocks_; }
  /// Appends a block after checking it (see check_block).
  void add_block(Block b);
  /// Appends blocks after checking them all: when one is refused, none is added.
  void add_blocks(Blocks bs);
  /// Moves all blocks out, leaving the section without blocks (the pipeline
  /// rearranges placed data blocks and puts them back with add_blocks()).
  Blocks take_blocks() noexcept { return std::exchange(blocks_, {}); }

  const std::vector<Section>& sections() const noexcept { return sections_; }
  std::vector<Section>& sections() noexcept { return sections_; }
  /// Appends a subsection and returns it. The reference stays valid until the next add_section.
  Section& add_section(std::string title);
  Section& add_section(Section s);

  bool operator==(const Section&) const = default;

 private:
  std::string title_;
  std::string id_;
  bool numbered_ = true;
  std::optional<int> goal_;
  std::vector<std::string> targets_;
  Blocks blocks_;
  std::vector<Section> sections_;
};

// ---------------------------------------------------------------- document

/// The look of the publication (the definition's `theme:`). Paths are absolute, or
/// relative to the report; writers that cannot show a key ignore it.
struct Theme {
  std::string logo;           ///< PNG or JPEG: on the cover, and in the running head if logo_in_header
  bool logo_in_header = false;
  std::string cover_image;    ///< PNG or JPEG across the cover
  std::string accent;         ///< "#RRGGBB" for non-goal chapters and the cover; "" = UN SDG blue
  std::string page_size;      ///< "A4" or "Letter"; "" = the writer's default
  /// Font faces (TrueType/OpenType files); "" = DejaVu Sans. All four or none.
  std::string font_regular, font_bold, font_italic, font_bold_italic;
  bool operator==(const Theme&) const = default;
};

/// The back page (the definition's `colophon:`); nothing is printed when all are empty.
struct Colophon {
  std::string isbn, issn;
  std::string licence;  ///< e.g. "CC BY 4.0"
  std::string contact;
  std::vector<std::string> data_sources;
  bool empty() const { return isbn.empty() && issn.empty() && licence.empty() && contact.empty() && data_sources.empty(); }
  bool operator==(const Colophon&) const = default;
};

struct Metadata {
  std::string title;
  std::string subtitle;
  std::string organisation;
  std::vector<std::string> authors;
  /// The report's language, parsed once from the definition or JSON model (language.hpp).
  Language language = Language::En;
  std::string date;             ///< ISO 8601 date, e.g. "2026-06-15"
  std::string edition;
  std::vector<std::string> keywords;
  Theme theme;
  Colophon colophon;
  /// An at-a-glance page (goal tiles, indicators by progress, targets addressed) in
  /// reports with goal sections; placed after the chapter with id at_a_glance_after
  /// (the pipeline names the highlights chapter), else before the first goal chapter.
  bool at_a_glance = true;
  std::string at_a_glance_after;
  bool operator==(const Metadata&) const = default;
};

class Document {
 public:
  Metadata meta;

  const std::vector<Section>& chapters() const noexcept { return chapters_; }
  std::vector<Section>& chapters() noexcept { return chapters_; }
  Section& add_chapter(std::string title);
  Section& add_chapter(Section s);

  /// Whole-tree check: metadata (language, date), every block, unique section
  /// ids. Throws Error(ErrorCode::Model) on the first problem.
  void check() const;

  bool operator==(const Document&) const = default;

 private:
  std::vector<Section> chapters_;
};

/// True when `tag` has the shape of a BCP 47 language tag ("nb", "se", "en-GB",
/// "nb-NO"); the subtags are not checked against the registry.
bool is_language_tag(std::string_view tag) noexcept;

/// True when `id` has the form of a national indicator id: ASCII letters, digits,
/// '.', '-' and '_', starting with a digit ("10-1", "3-1-f", "1.2.1.a").
bool is_national_indicator_id(std::string_view id) noexcept;

/// Makes an identifier from a title: lower-case ASCII letters, digits and '-'
/// ("Mål 7 – Energi" → "mal-7-energi").
std::string make_id(const std::string& title);

/// True for the date forms Metadata::date takes: YYYY-MM-DD, YYYY-MM or YYYY.
bool is_iso_date(const std::string& date);

}  // namespace sdg
