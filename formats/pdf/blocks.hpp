// PDF writer (private): how each kind of block is drawn. One method per block
// kind, each drawing its block between canvas.begin_content(role) and
// end_content(), so PDF/UA tagging can wrap them later in one place.
#pragma once

#include <string>
#include <vector>

#include "canvas.hpp"
#include "sdgreport/context.hpp"
#include "sdgreport/model.hpp"
#include "sdgreport/walk.hpp"

namespace PoDoFo {
class PdfMemDocument;
}

namespace sdg::pdf {

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
  void figure(const Figure& f);
  void chart(const Chart& c, const Where& w);

  const std::vector<OutlineEntry>& outline() const noexcept { return outline_; }

 private:
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
  /// Draws a band in the goal's colour; returns the y of its top edge.
  double goal_band(int goal, const std::string& number, const std::string& title, bool chapter);
  void caption(const std::string& label, int n, const std::string& text);
  void source_note(const std::string& source);

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
  std::string marker_;  // pending list marker, drawn with the item's first line
  bool marker_numeric_ = false;
};

}  // namespace sdg::pdf
