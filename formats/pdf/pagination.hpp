// PDF writer (private): the pagination rules, in one place. Pure functions of
// heights and rooms (points or line counts), unit-tested in
// tests/pdf/test_pagination.cpp; page_flow.cpp and table.cpp apply them.
//
// - Paragraphs: no single line of a paragraph at the foot of a page (orphan)
//   or at the head of the next (widow).
// - Tables: caption + header + at least kTableKeepRows body rows stay together
//   (the table starts on the next page otherwise); no part of a table split
//   across pages holds a single body row (the header repeats on every part and
//   the caption says "(continued)", table.cpp); a row taller than a page is an
//   error the caller reports.
// - Headings keep with the next block and at least two lines of it, and figures
//   and charts with their captions: both reserve the height of the unbreakable
//   start before drawing (headings.cpp, figures.cpp through Renderer::place).
// - A figure that does not fit in the rest of a page, when moving it would leave
//   more than kFloatEmptyShare of the text height empty, waits for the next page
//   while the paragraphs after it in its section flow up into the gap
//   (plan_figure(), float_step()); with no such paragraph it is scaled down, to
//   no less than kFigureMinScale, when that makes it fit.
#pragma once

#include <cstddef>
#include <optional>
#include <vector>

namespace sdg::pdf {

/// Body rows a table keeps with its caption and header at the foot of a page.
inline constexpr std::size_t kTableKeepRows = 3;
/// Fewest body rows in any part of a table split across pages.
inline constexpr std::size_t kTableMinPartRows = 2;

/// Share of the text height a moved figure may leave empty before text floats up.
inline constexpr double kFloatEmptyShare = 0.4;
/// Smallest scale of an image shrunk to fit the rest of a page.
inline constexpr double kFigureMinScale = 0.6;

/// Whole lines of height `leading` that fit in `room` points.
std::size_t lines_fitting(double room, double leading);

/// Lines of an `n`-line paragraph on each page, when `first` lines fit on the
/// current page and `per_page` on a fresh one. The first count may be 0: the
/// paragraph starts on the next page. With `keep` (body text) there is no
/// orphan or widow; without (captions, notes) the pages are simply filled.
std::vector<std::size_t> paginate_lines(std::size_t n, std::size_t first, std::size_t per_page,
                                        bool keep = true);

/// Body rows of a table on successive pages.
struct RowPages {
  bool next_page = false;               ///< start the table (caption, header) on a new page
  std::vector<std::size_t> start;       ///< first row of each page's part; start[0] == 0
  std::optional<std::size_t> too_tall;  ///< a row that fits no page (nothing else set)
};

/// Splits rows of heights `rows` over pages: `first` is the room for rows on
/// the current page below the caption and header, `fresh_first` the same on a
/// fresh page, `per_page` the room for rows on a continuation page (below the
/// "(continued)" caption and repeated header). `at_top` when the table already
/// starts at the top of a page (it is never moved then).
RowPages paginate_rows(const std::vector<double>& rows, double first, double fresh_first, double per_page,
                       bool at_top);

/// Where a figure goes.
enum class FigureMove {
  Here,      ///< it fits in the room left on the page
  NextPage,  ///< it starts the next page (the gap left is small enough)
  Float,     ///< it waits for the next page; following paragraphs fill the gap
  Shrink,    ///< drawn here at FigurePlan::scale (kFigureMinScale ≤ scale < 1)
};
struct FigurePlan {
  FigureMove move = FigureMove::Here;
  double scale = 1;
};

/// Plans a figure of total height `need` (image, gaps and caption), of which
/// `image` is the image's height (the part that scales), with `room` left on
/// the page and `page` the text height of a fresh page. `text_may_float`: the
/// paragraphs after it may still fill the gap (false once they cannot: the
/// figure is then shrunk when that makes it fit, else it moves).
FigurePlan plan_figure(double need, double image, double room, double page, bool text_may_float);

/// What to do with the next paragraph while a figure waits for the next page.
enum class FloatStep {
  Text,            ///< the whole paragraph fits above: draw it, the figure keeps waiting
  TextThenFigure,  ///< draw it across the break, then the figure below its last lines
  FigureFirst,     ///< the figure now (on the next page), then the paragraph
};

/// `lines` lines of height `leading` (body text: orphan/widow rules), `room`
/// left on the page, `page` the text height of a fresh page, `figure` the
/// waiting figure's total height.
FloatStep float_step(std::size_t lines, double leading, double room, double page, double figure);

}  // namespace sdg::pdf
