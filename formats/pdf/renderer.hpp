// PDF writer (private): the renderer, one method per block kind, each drawing
// its block between canvas.begin_content(role) and end_content() (PDF/UA tagging).
//
// The methods live in one file per job:
//   page_flow.cpp     page composition: space, keep-together, lines across pages
//   front_matter.cpp  cover and table of contents
//   headings.cpp      chapter openings, section headings, goal bands, headings
//   blocks.cpp        paragraphs, lists, quotes, captions, source notes
//   table.cpp         tables (column widths from table_layout.hpp)
//   indicator.cpp     indicator summary boxes
//   figures.cpp       figures and charts (drawing in chart.cpp)
// Sizes and gaps come from layout_constants.hpp.
#pragma once

#include <map>
#include <memory>
#include <string>
#include <vector>

#include "canvas.hpp"
#include "sdgreport/context.hpp"
#include "sdgreport/model.hpp"
#include "sdgreport/references.hpp"
#include "sdgreport/walk.hpp"

namespace PoDoFo {
class PdfMemDocument;
class PdfImage;
}

namespace sdg::pdf {

struct Factsheet;  // factsheet.hpp

/// One bookmark: a chapter (level 1) or section, and where it starts.
struct OutlineEntry {
  int level = 1;
  std::string title;
  int page = 0;  ///< 0-based page index
  double y = 0;  ///< top of the heading on that page
};

class Renderer {
 public:
  Renderer(PoDoFo::PdfMemDocument& doc, Canvas& canvas, Context& ctx, std::string lang);

  void cover(const Metadata& meta);
  /// True when the document gets an at-a-glance page (it has goal sections and
  /// meta.at_a_glance is on).
  static bool wants_at_a_glance(const Document& doc);
  /// The chapter the at-a-glance page comes before: the one after the chapter
  /// meta.at_a_glance_after names, else the first with goal sections; nullptr
  /// when there is no such page. The walk and the contents both follow it.
  static const Section* at_a_glance_before(const Document& doc);
  /// The at-a-glance page (at_a_glance.cpp), on a new page.
  void at_a_glance(const Document& doc);
  /// The colophon on the last page (colophon.cpp); nothing when meta.colophon is empty.
  void colophon(const Metadata& meta);
  /// Opens a new page titled like a chapter opening (H1, accent rule, a bookmark);
  /// returns the y below the title. For the at-a-glance page and the colophon.
  double page_title(const std::string& title);
  /// The accent colour for non-goal chapters, rules and the cover (theme: accent).
  void set_accent(const Color& c) { accent_ = c; }
  /// Lays out the table of contents of `doc` and reserves its pages.
  void reserve_contents(const Document& doc);
  /// Draws the table of contents on its reserved pages. Call after the last
  /// page exists (canvas.finish()), before writing the structure tree.
  void draw_contents();
  /// Ends the page unless the cursor is at its top (goal_page_break).
  void page_break();
  void chapter(const Section& s, const Where& w);
  void section(const Section& s, const Where& w);
  void heading(const Heading& h, const Where& w);
  void paragraph(const Inlines& content);
  void begin_list(const List& l);
  void begin_list_item(const List& l, std::size_t index);
  void end_list_item();
  void end_list();
  void begin_quote(const Where& w);
  void end_quote();
  void table(const Table& t, const Where& w);
  void indicator(const IndicatorSummary& s, const Where& w);
  /// Draws a figure (its id an anchor where it lands), or keeps it waiting for
  /// the next page while the paragraphs after it fill the page (pagination.hpp,
  /// plan_figure()). The caller flushes a waiting figure before any other block
  /// than a paragraph of the same section, and at the section's end.
  void figure(const Figure& f, bool may_float = true);
  /// Draws the waiting figure, if any (shrunk when no text floated up and that
  /// makes it fit the page).
  void flush_figure();
  void chart(const Chart& c, const Where& w);

  const std::vector<OutlineEntry>& outline() const noexcept { return outline_; }

  /// A part written alone (`part: main_messages`; title_block.cpp): instead of
  /// the cover, a title block at the top of the first page — the report title,
  /// subtitle, organisation and date — and the chapter that follows opens on
  /// that page under it.
  void title_block(const Metadata& meta);
  /// One indicator factsheet on a page of its own (factsheet.cpp), its table cut
  /// to `max_rows` rows (0: no table); returns the pages it took.
  int factsheet(const Factsheet& f, std::size_t max_rows);
  /// The most a chart's plot box may be high (factsheets keep charts smaller).
  void set_chart_max_height(double h) { chart_max_height_ = h; }

  /// Starts a new page for goal section `s` (the pdf option `goal_page_break`),
  /// with the goal's running head on it.
  void goal_page_break(const Section& s, const Where& w);

  /// Cross-reference targets of the document (for generated text such as
  /// "Table 3"), and the printed page of each target id from an earlier layout
  /// pass (for "page 12"; without one, a page reference shows the label form).
  void set_targets(const Targets* targets, std::map<std::string, std::string> pages = {});
  /// The printed page of every anchor laid out so far (for a second pass).
  std::map<std::string, std::string> anchor_pages() const;

 private:
  /// A PNG/JPEG of the theme, or nullptr (with a warning) when it cannot be read.
  std::unique_ptr<PoDoFo::PdfImage> load_image(const std::string& file, const char* what);
  /// Adds vertical space before the next block (collapses at the top of a page).
  void space(double gap);
  /// Makes room for a block of height `h` (after the pending space); may start a page.
  void place(double h);
  /// Draws wrapped text in the current frame; returns nothing, moves the cursor.
  void flow(const std::vector<Span>& spans, double leading, double x, double width,
            bool keep_two_lines = true);
  void draw_lines(const std::vector<Line>& lines, double leading, double x, double width,
                  bool right_align = false);
  double baseline_in(double top, double leading, double size) const;
  void flush_marker(double baseline);
  /// The number a section shows ("" for goal sections and everything in them).
  std::string section_number(const Section& s, const Where& w) const;
  /// Its heading as headings, contents, bookmarks and running heads show it:
  /// "Goal 7: Affordable and clean energy", or "2.3 Leaving no one behind".
  std::string section_title(const Section& s, const std::string& number) const;
  /// A goal tile `size` points square with its top-left corner at (x, top).
  void goal_tile(int goal, double x, double top, double size);
  /// A goal chapter's opening band; returns the y of its top edge.
  double goal_band(int goal, const std::string& title);
  /// A goal section's opening: tile, heading, targets addressed; returns its top.
  double goal_opening(const Section& s);
  void goal_targets(const Section& s);
  double targets_height(const Section& s);  // of goal_targets(), 0 when none
  void caption(const std::string& label, int n, const std::string& text);
  /// "Table 3 ('id') \"caption\"", naming the current table in messages.
  std::string table_name(const Table& t) const;
  /// The note under a table or chart: "National indicator 3-1-f. Source: …", the
  /// source text a link when the block names an http(s) address.
  void source_note(const std::string& source, const std::string& url = {}, const std::string& national_id = {});
  std::vector<Span> source_note_spans(const std::string& source, const std::string& url,
                                      const std::string& national_id) const;
  /// Height of a source note, and of `text` wrapped to `width` (to keep them with a table).
  double source_note_height(const std::string& source, const std::string& url = {},
                            const std::string& national_id = {}) const;
  double lines_height(const std::string& text, const TextStyle& style, double width, double leading) const;

  // ---- figures (figures.cpp)
  /// An image (nullptr when missing or unreadable: a placeholder, warned once)
  /// and the size it is drawn at.
  struct FigureBox {
    std::unique_ptr<PoDoFo::PdfImage> img;
    double w = 0, h = 0;
  };
  FigureBox figure_box(const Figure& f);
  /// Height of a figure with its gaps and caption (kept together on a page).
  static double figure_need(const FigureBox& b);
  void draw_figure(const Figure& f, const FigureBox& box);
  /// Room left on the page for a block after the pending space.
  double room_left() const;
  struct WaitingFigure {
    Figure figure;
    FigureBox box;
    int page = 0;  // where it was met
    bool text_floated = false;
    std::string lang;  // the canvas language where it was met (language of parts)
  };
  std::unique_ptr<WaitingFigure> waiting_;  // a figure waiting for the next page

  // ---- footnotes (page_flow.cpp): numbered per document, drawn at the foot of
  // the page where referenced, each a Note element after its Reference.
  struct PageNote {
    int number;
    int node;  // the Note element
  };
  int note_number(const Inline& ref);
  std::string reference_text(const Inline& ref) const;
  /// Height at the foot of a page of note `n` (without the separator).
  double note_height(int n) const;
  /// Footnote numbers referenced in a line.
  static std::vector<int> notes_in(const Line& line);
  void draw_page_notes();
  InlineResolver resolver_;
  std::vector<const Inlines*> notes_;  // note n's text is *notes_[n - 1]
  std::vector<PageNote> page_notes_;   // on the current page
  const Targets* targets_ = nullptr;
  std::map<std::string, std::string> target_pages_;

  PoDoFo::PdfMemDocument& doc_;
  Canvas& c_;
  Fonts& fonts_;
  Context& ctx_;
  std::string lang_;
  double pending_space_ = 0;
  std::vector<OutlineEntry> outline_;
  int tables_ = 0, figures_ = 0;
  int quote_depth_ = 0;
  struct ListState {
    bool ordered;
    int start;
  };
  std::vector<ListState> lists_;
  std::string marker_;    // pending list marker, drawn with the item's first line
  int marker_node_ = -1;  // its Lbl element
  bool marker_numeric_ = false;
  bool main_started_ = false;
  int last_heading_ = 1;
  std::string chapter_header_;  // running head of the current chapter
  std::unique_ptr<PoDoFo::PdfImage> header_logo_;  // theme: logo_in_header
  Color accent_ = colors::accent;
  double keep_ = 0;  // room kept below a goal band for what follows
  double chart_max_height_ = 0;  // 0: layout::kChartMaxHeight
  bool continue_page_ = false;   // title_block() drew the page the next chapter opens on
  double keep_height(const Section& s) const;  // level of the last heading element (H1–H6)
  struct Landing {
    int page;
    double y;
  };
  std::map<const Section*, Landing> landing_;  // where each section's heading landed
  // Where the pages without a section landed (page_title()): the at-a-glance
  // page and the colophon, by their title.
  std::map<std::string, Landing> page_landing_;
  // Table of contents: laid out before the chapters (its page count must be
  // known), drawn on its reserved pages once every heading has landed.
  struct TocEntry {
    const Section* section;  // nullptr for a page_title() page (found by its title)
    int level;
    std::string number;
    std::string title;  // as listed: "Goal 7: …" for goal sections
    std::vector<Line> lines;
    int page;    // index into toc_pages_
    double top;  // y of the entry's top
    double height;
  };
  std::vector<TocEntry> toc_;
  std::vector<int> toc_pages_;
  int toc_heading_ = -1, toc_node_ = -1;
};

}  // namespace sdg::pdf
