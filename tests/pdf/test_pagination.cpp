// Unit tests for the pagination rules (formats/pdf/pagination.*).
#include <gtest/gtest.h>

#include <numeric>

#include "pagination.hpp"

using namespace sdg::pdf;

namespace {
std::size_t total(const std::vector<std::size_t>& v) {
  return std::accumulate(v.begin(), v.end(), std::size_t{0});
}
}  // namespace

TEST(Pagination, LinesFitting) {
  EXPECT_EQ(lines_fitting(29, 14.5), 2u);
  EXPECT_EQ(lines_fitting(28.99, 14.5), 2u);  // rounding tolerance
  EXPECT_EQ(lines_fitting(14, 14.5), 0u);
  EXPECT_EQ(lines_fitting(-3, 14.5), 0u);
}

TEST(Pagination, ParagraphThatFitsStaysWhole) {
  EXPECT_EQ(paginate_lines(4, 10, 50), (std::vector<std::size_t>{4}));
}

TEST(Pagination, NoOrphanLineAtTheFootOfAPage) {
  // One line would fit: the paragraph moves to the next page.
  EXPECT_EQ(paginate_lines(5, 1, 50), (std::vector<std::size_t>{0, 5}));
  // A one-line paragraph may sit on the last line.
  EXPECT_EQ(paginate_lines(1, 1, 50), (std::vector<std::size_t>{1}));
}

TEST(Pagination, NoWidowLineAtTheHeadOfAPage) {
  // 4 fit, 5 lines: 3 + 2 instead of 4 + 1.
  EXPECT_EQ(paginate_lines(5, 4, 50), (std::vector<std::size_t>{3, 2}));
  // 2 fit, 3 lines: 2 + 1 would leave a widow, 1 + 2 an orphan: all go over.
  EXPECT_EQ(paginate_lines(3, 2, 50), (std::vector<std::size_t>{0, 3}));
}

TEST(Pagination, LongParagraphOverManyPagesHasNoLonePart) {
  for (std::size_t n = 2; n < 200; ++n)
    for (std::size_t first = 0; first < 12; ++first) {
      const auto pages = paginate_lines(n, first, 10);
      EXPECT_EQ(total(pages), n);
      for (std::size_t p = 0; p < pages.size(); ++p) {
        if (pages[p] == 0)
          EXPECT_EQ(p, 0u);
        else
          EXPECT_GE(pages[p], 2u) << "n=" << n << " first=" << first << " page " << p;
        EXPECT_LE(pages[p], p == 0 ? first : 10u);
      }
    }
}

TEST(Pagination, CaptionsFillPagesWithoutKeepRules) {
  EXPECT_EQ(paginate_lines(3, 1, 50, false), (std::vector<std::size_t>{1, 2}));
}

TEST(Pagination, TableKeepsCaptionHeaderAndThreeRows) {
  const std::vector<double> rows(10, 20.0);
  // Room for two rows below the caption and header: the table moves.
  const RowPages moved = paginate_rows(rows, 45, 600, 600, false);
  EXPECT_TRUE(moved.next_page);
  EXPECT_EQ(moved.start, (std::vector<std::size_t>{0}));
  // Room for three: it starts here and continues.
  const RowPages stays = paginate_rows(rows, 61, 600, 100, false);
  EXPECT_FALSE(stays.next_page);
  EXPECT_EQ(stays.start, (std::vector<std::size_t>{0, 3, 8}));
}

TEST(Pagination, NoSingleRowOnEitherSideOfABreak) {
  // 7 rows, 6 fit on the first page: 5 + 2, not 6 + 1.
  const std::vector<double> rows(7, 20.0);
  const RowPages r = paginate_rows(rows, 120, 600, 600, false);
  EXPECT_EQ(r.start, (std::vector<std::size_t>{0, 5}));
  // Property over many shapes: every part has at least 2 rows.
  for (std::size_t n = 2; n < 60; ++n)
    for (double first = 0; first < 200; first += 7) {
      const RowPages p = paginate_rows(std::vector<double>(n, 20.0), first, 400, 100, false);
      for (std::size_t k = 0; k < p.start.size(); ++k) {
        const std::size_t end = k + 1 < p.start.size() ? p.start[k + 1] : n;
        EXPECT_GE(end - p.start[k], 2u) << "n=" << n << " first=" << first << " part " << k;
      }
    }
}

TEST(Pagination, TableAtTheTopOfAPageIsNeverMoved) {
  const RowPages r = paginate_rows(std::vector<double>(5, 20.0), 30, 30, 600, true);
  EXPECT_FALSE(r.next_page);
}

TEST(Pagination, RowTallerThanAPageIsReported) {
  const RowPages r = paginate_rows({20, 900, 20}, 600, 650, 620, false);
  ASSERT_TRUE(r.too_tall.has_value());
  EXPECT_EQ(*r.too_tall, 1u);
}

// ---- a lone figure does not leave most of a page empty (issue 12, item 2)

TEST(Pagination, FigureThatFitsStaysHere) {
  EXPECT_EQ(plan_figure(300, 250, 300, 700, true).move, FigureMove::Here);
  EXPECT_EQ(plan_figure(300, 250, 500, 700, false).move, FigureMove::Here);
}

TEST(Pagination, FigureLeavingASmallGapMovesToTheNextPage) {
  // 250 of 700 points left (36 %): the figure moves, the gap is accepted.
  EXPECT_EQ(plan_figure(400, 350, 250, 700, true).move, FigureMove::NextPage);
  EXPECT_EQ(plan_figure(400, 350, 280, 700, false).move, FigureMove::NextPage);  // exactly 40 %
}

TEST(Pagination, FigureLeavingMostOfAPageEmptyLetsTextFloatUp) {
  // 350 of 700 left (50 %) and paragraphs follow: they fill the gap.
  EXPECT_EQ(plan_figure(420, 370, 350, 700, true).move, FigureMove::Float);
}

TEST(Pagination, FigureWithoutTextToFloatShrinksToNoLessThan60Percent) {
  // 350 left, 50 of caption and gaps: the image may be 300 of its 370 (81 %).
  const FigurePlan p = plan_figure(420, 370, 350, 700, false);
  EXPECT_EQ(p.move, FigureMove::Shrink);
  EXPECT_NEAR(p.scale, 300.0 / 370, 1e-9);
  EXPECT_LE(p.scale * 370 + 50, 350 + 1e-9);
  // 300 left: 250 of 500 would be 50 %, below the 60 % floor: it moves instead.
  EXPECT_EQ(plan_figure(550, 500, 300, 700, false).move, FigureMove::NextPage);
  // Exactly 60 % is allowed.
  EXPECT_EQ(plan_figure(550, 500, 350, 700, false).move, FigureMove::Shrink);
}

TEST(Pagination, FloatingParagraphs) {
  // 10 lines of 14 in 200 points: they fit (14 lines would): the figure waits on.
  EXPECT_EQ(float_step(10, 14, 200, 700, 400), FloatStep::Text);
  // 20 lines, 14 fit: 14 + 6 lines; 6 × 14 + 400 fits the next page.
  EXPECT_EQ(float_step(20, 14, 200, 700, 400), FloatStep::TextThenFigure);
  // The same with a figure too tall to follow the 6 lines: figure first.
  EXPECT_EQ(float_step(20, 14, 200, 700, 650), FloatStep::FigureFirst);
  // Only one line fits (an orphan): the paragraph would move whole; figure first.
  EXPECT_EQ(float_step(5, 14, 20, 700, 400), FloatStep::FigureFirst);
  // A paragraph longer than a page and a half: figure first.
  EXPECT_EQ(float_step(80, 14, 200, 700, 100), FloatStep::FigureFirst);
}
