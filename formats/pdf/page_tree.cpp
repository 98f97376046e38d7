#include "page_tree.hpp"

#include <podofo/podofo.h>

namespace sdg::pdf {

namespace {

using namespace PoDoFo;

/// Pages per intermediate /Pages node: a lookup by index (doc.GetPage) walks at
/// most n/64 nodes and 64 pages instead of every page before it.
constexpr pdf_int64 kPagesPerNode = 64;

PdfArray& kids_of(PdfObject* node) {
  PdfDictionary& d = node->GetDictionary();
  PdfObject* kids = d.GetKey(PdfName("Kids"));
  if (kids == nullptr || !kids->IsArray()) {
    d.AddKey(PdfName("Kids"), PdfArray());
    kids = d.GetKey(PdfName("Kids"));
  }
  return kids->GetArray();
}

void add_to_count(PdfObject* node) {
  PdfDictionary& d = node->GetDictionary();
  d.AddKey(PdfName("Count"), PdfVariant(static_cast<pdf_int64>(d.GetKeyAsLong(PdfName("Count"), 0) + 1)));
}

}  // namespace

std::unique_ptr<PdfPage> append_page(PdfMemDocument& doc, const PdfRect& size) {
  PdfObject* root = doc.GetPagesTree()->GetObject();
  PdfArray& top = kids_of(root);
  // The last intermediate node, unless the root's last kid is a page (a tree
  // PoDoFo started) or the node is full.
  PdfObject* node = nullptr;
  if (!top.empty() && top.back().IsReference()) {
    PdfObject* last = doc.GetObjects().GetObject(top.back().GetReference());
    if (last != nullptr && last->IsDictionary() && last->GetDictionary().GetKeyAsName(PdfName("Type")) == PdfName("Pages") &&
        last->GetDictionary().GetKeyAsLong(PdfName("Count"), 0) < kPagesPerNode)
      node = last;
  }
  if (node == nullptr) {
    node = doc.GetObjects().CreateObject("Pages");
    node->GetDictionary().AddKey(PdfName("Kids"), PdfArray());
    node->GetDictionary().AddKey(PdfName("Count"), PdfVariant(static_cast<pdf_int64>(0)));
    node->GetDictionary().AddKey(PdfName("Parent"), root->Reference());
    top.push_back(node->Reference());
  }
  auto page = std::make_unique<PdfPage>(size, &doc);
  page->GetObject()->GetDictionary().AddKey(PdfName("Parent"), node->Reference());
  kids_of(node).push_back(page->GetObject()->Reference());
  add_to_count(node);
  add_to_count(root);
  return page;
}

}  // namespace sdg::pdf
