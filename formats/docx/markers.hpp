// Word edition: how every paragraph knows its source (docs/formats/docx.md,
// "Review rounds"). Shared by the writer (formats/docx) and `sdgreport review`.
//
// - Every paragraph, heading, list item, caption and table the writer makes is
//   inside a hidden bookmark "_sdg<N>" (N = 1, 2, …; a leading '_' hides a
//   bookmark in Word's dialog). Word and LibreOffice keep bookmarks when they
//   save. A table has one bookmark from its first cell to its last.
// - A custom XML part (customXml/item1.xml, namespace urn:sdgreport:docx-origins:1)
//   lists every marker: its origin ("text/goal-07.md:12", "ssb / t09817"), its
//   kind, and the text the build wrote under it (paragraph texts one per line,
//   taken from the written XML with paragraph_texts(View::Original)). Word and
//   LibreOffice keep custom XML parts.
// - A paragraph belongs to the marker whose bookmark starts in it, else to the
//   marker of the paragraph before it (a paragraph a reviewer adds belongs to
//   the one above). `review` compares each marker's text, with tracked changes
//   rejected, to the text the build wrote: a difference is an edit made without
//   tracking.
#pragma once

#include <libxml/tree.h>

#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace sdg::docx {

/// "_sdg12".
std::string marker_bookmark(std::size_t n);
/// 12 for "_sdg12"; nullopt for any other bookmark name.
std::optional<std::size_t> marker_number(std::string_view bookmark);

/// One marker of the origins part.
struct Origin {
  std::size_t n = 0;
  std::string origin;  ///< "file:line", "source / table", or "report definition: title"
  std::string kind;    ///< "paragraph", "heading", "list-item", "table", "caption", "footnote", …
  std::string text;    ///< the paragraphs the build wrote under it, joined by '\n'
};

inline constexpr const char* kOriginsPart = "customXml/item1.xml";
inline constexpr const char* kOriginsNamespace = "urn:sdgreport:docx-origins:1";

/// The origins part's XML.
std::string origins_xml(const std::vector<Origin>& origins, std::string_view generator);
/// Reads the origins part; nullopt when `xml` is not one (another custom XML part).
std::optional<std::vector<Origin>> read_origins(std::string_view xml);

/// How a paragraph's text is read: as the reviewer sees it now (insertions in,
/// deletions out), or with every tracked change rejected (what was there before
/// the tracked edits). Field results (caption numbers, page numbers, the
/// contents), which Word and LibreOffice recompute, are left out of both.
enum class View { Current, Original };

/// The text of a <w:p>: runs' text, tabs as '\t', breaks as '\n'.
std::string paragraph_text(xmlNodePtr p, View view);

/// Where a paragraph is: its marker (0: before the first marker), and for a
/// paragraph in a table cell its row and column (1-based; 0 outside tables).
struct ParagraphPlace {
  xmlNodePtr p = nullptr;
  std::size_t marker = 0;
  std::size_t row = 0, column = 0;
};

/// Every <w:p> under `root` in document order, with its place (see above).
std::vector<ParagraphPlace> paragraphs(xmlNodePtr root);

/// Each marker's text in `view`: its paragraphs' texts joined by '\n'.
std::map<std::size_t, std::string> marker_texts(const std::vector<ParagraphPlace>& places, View view);

/// True for a WordprocessingML element named `local` (namespace w:).
bool is_w(xmlNodePtr n, const char* local);
/// The w:-namespace attribute `local` of `n`, or "".
std::string w_attr(xmlNodePtr n, const char* local);

}  // namespace sdg::docx
