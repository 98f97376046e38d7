// `sdgreport review REVIEWED.docx`: reads a copy of the Word edition that
// reviewers saved from Word or LibreOffice and lists, by source file and line,
// every comment, every tracked insertion and deletion, and every paragraph
// changed without tracking (its text compared with the text the build wrote,
// which the DOCX itself keeps: markers.hpp). docs/cli.md, docs/formats/docx.md.
//
//   sdg::docx::Review r = sdg::docx::review("reviewed.docx");
//   std::cout << sdg::docx::review_text(r);    // or review_json(r)
#pragma once

#include <filesystem>
#include <string>
#include <vector>

namespace sdg::docx {

struct ReviewItem {
  std::string kind;         ///< "comment", "insertion", "deletion", "untracked"
  std::string origin;       ///< "text/goal-07.md:12", "ssb / t09817", "" when unmapped
  std::string file;         ///< origin without ":line"
  int line = 0;             ///< 0 when the origin has no line
  std::string place;        ///< "row 3, column '2021'", "footnote", "" (within the origin)
  std::string marker_kind;  ///< what the build wrote there: "paragraph", "table", "heading", …
  std::string author, date;
  std::string text;           ///< comment text, or the inserted / deleted text
  std::string commented;      ///< comments: the text the comment is attached to
  std::string before, after;  ///< untracked changes: the build's text and the reviewed text
  std::size_t order = 0;      ///< position in the document (ties in sorting)
};

struct Review {
  std::string path;
  std::vector<ReviewItem> items;      ///< sorted by file, line, position
  std::vector<std::string> warnings;  ///< "… [review-unmapped]" per item without a source
};

/// Throws sdg::Error(Input) with one line when `path` is not a DOCX that
/// sdgreport wrote, or when its source markers were all lost.
Review review(const std::filesystem::path& path);

std::string review_text(const Review& r);
std::string review_json(const Review& r);

}  // namespace sdg::docx
