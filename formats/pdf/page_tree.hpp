// PDF writer (private): appending pages in constant time.
//
// PoDoFo 0.9.8's CreatePage() finds the insertion point by walking the page
// tree's /Kids from the start (checking each kid's /Type), so n pages cost
// O(n²): a 2,000-page report spent more time there than drawing. Pages are
// always appended at the end here, in a two-level tree: the root's /Kids are
// intermediate /Pages nodes of up to 64 pages each (the last one fills up),
// /Count grows along the path. doc.GetPage(i) walks that tree in O(n/64 + 64)
// rather than O(i), which also keeps its first look-up of each page (tagging,
// outline, links) from being quadratic.
//
//   std::unique_ptr<PdfPage> page = append_page(doc, PdfRect(0, 0, w, h));
#pragma once

#include <memory>

namespace PoDoFo {
class PdfMemDocument;
class PdfPage;
class PdfRect;
}  // namespace PoDoFo

namespace sdg::pdf {

/// A new last page of `size`. The caller owns the wrapper (unlike CreatePage's,
/// it does not go stale); the page object itself belongs to the document.
std::unique_ptr<PoDoFo::PdfPage> append_page(PoDoFo::PdfMemDocument& doc, const PoDoFo::PdfRect& size);

}  // namespace sdg::pdf
