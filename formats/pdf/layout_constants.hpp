// PDF writer (private): the one set of layout constants (sizes, leadings, gaps
// and indents in points) shared by page composition and every block.
#pragma once

namespace sdg::pdf::layout {

// Body text.
inline constexpr double kBodySize = 10;
inline constexpr double kBodyLeading = 14.5;
inline constexpr double kParaGap = 7;
inline constexpr double kItemGap = 3;
inline constexpr double kListIndent = 18;
inline constexpr double kQuoteIndent = 16;

// Captions ("Table 3. …", "Figure 2. …") and source notes.
inline constexpr double kCaptionSize = 9;
inline constexpr double kCaptionLeading = 12.5;
inline constexpr double kNoteSize = 7.5;
inline constexpr double kNoteLeading = 10;

// Tables.
inline constexpr double kCellSize = 8.5;
inline constexpr double kMinCellSize = 6.5;  ///< floor for a table set smaller to fit
inline constexpr double kCellLeading = 11.5;
inline constexpr double kCellPadX = 5;
inline constexpr double kCellPadY = 3.5;
inline constexpr double kMinColumnWidth = 28;  ///< narrowest natural column

// Charts: a plot box `min(width * kChartAspect, kChartMaxHeight)` high, under a
// caption (`kChartCaptionGap` below it) and above a source note (`kChartNoteRoom`).
inline constexpr double kChartAspect = 0.56;
inline constexpr double kChartMaxHeight = 230;
inline constexpr double kChartCaptionGap = 6;
inline constexpr double kChartNoteRoom = 22;

// Figures: an image is drawn at most at its natural size at this resolution
// (a 1500-pixel-wide PNG is at most 10 in = 720 pt wide), never stretched.
inline constexpr double kImageDpi = 150;

// Headings: size, leading, space before and after, by depth.
struct HeadingLook {
  double size, leading, before, after;
};

constexpr HeadingLook heading_look(int depth) {
  switch (depth) {
    case 1:
    case 2:
      return {15, 19, 18, 6};
    case 3:
      return {12, 16, 14, 4};
    default:
      return {10.5, 14, 10, 3};
  }
}

// Table of contents.
inline constexpr double kTocTitleGap =
    29 + 34;                               ///< from the top of the first contents page to the first entry
inline constexpr double kTocNumCol = 26;   ///< chapter numbers
inline constexpr double kTocSubCol = 32;   ///< section numbers
inline constexpr double kTocPageCol = 44;  ///< page numbers and the gap before them

}  // namespace sdg::pdf::layout
