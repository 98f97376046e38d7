// PDF writer (private): the logical structure of a tagged PDF (PDF/UA-1).
//
// The tree is kept in memory while pages are painted and written as PDF objects
// once every page exists (PoDoFo 0.9.8 page pointers go stale while pages are
// being created). Node 0 is the Document element. Content is attached as marked
// content references (page, MCID) or object references (link annotations);
// write() builds the StructTreeRoot, the ParentTree (page → MCIDs, annotation →
// Link) and each page's /StructParents.
//
//   StructTree t;
//   int p = t.add(StructTree::kRoot, "P");
//   t.add_mcr(p, page, mcid);            // after "/P <</MCID n>> BDC … EMC" on the page
//   t.write(doc, doc.GetPageCount());
#pragma once

#include <array>
#include <optional>
#include <string>
#include <vector>

namespace PoDoFo {
class PdfMemDocument;
class PdfObject;
}  // namespace PoDoFo

namespace sdg::pdf {

class StructTree {
 public:
  static constexpr int kRoot = 0;

  struct Kid {
    enum class Kind { Node, Mcr, Objr };
    Kind kind;
    int node = -1;                    // Node
    int page = -1;                    // Mcr, Objr
    int mcid = -1;                    // Mcr
    PoDoFo::PdfObject* annot = nullptr;  // Objr
  };
  struct Node {
    std::string role;
    int parent = -1;
    std::vector<Kid> kids;
    std::string alt;    ///< /Alt (figures, formulas)
    std::string scope;  ///< TH: "Column" or "Row"
    std::optional<std::array<double, 4>> bbox;  ///< Layout /BBox (figures), page coordinates
    bool keep = false;  ///< written even without content (table cells)
    std::string id;     ///< /ID (Note elements need one, PDF/UA-1 7.9); listed in the IDTree
    std::string lang;   ///< /Lang (BCP 47) when the element's language differs from its parent's
  };

  StructTree();

  /// Appends a child element to `parent`; returns its id.
  int add(int parent, std::string role);
  Node& node(int id) { return nodes_[static_cast<std::size_t>(id)]; }
  const Node& node(int id) const { return nodes_[static_cast<std::size_t>(id)]; }
  /// The content of `node` continues with MCID `mcid` on page `page`.
  void add_mcr(int node, int page, int mcid);
  /// An annotation on `page` belongs to `node` (a Link); sets its /StructParent.
  void add_objr(int node, int page, PoDoFo::PdfObject* annot);

  /// Writes the tree, ParentTree, /StructParents on pages and /MarkInfo.
  /// Elements without content (and not kept) are left out.
  void write(PoDoFo::PdfMemDocument& doc, int page_count) const;

  std::size_t size() const noexcept { return nodes_.size(); }

 private:
  std::vector<Node> nodes_;
  std::vector<std::vector<int>> page_mcids_;  // page → node of each MCID
  std::vector<std::pair<int, PoDoFo::PdfObject*>> annots_;  // (node, annotation) in order
};

/// XMP metadata packet for PDF/UA: dc:title, dc:creator, dc:description,
/// dc:language, pdf:Producer/Keywords, xmp dates and pdfuaid:part 1.
struct XmpFields {
  std::string title, author, subject, keywords, producer, creator_tool, lang, date_iso;
};
std::string xmp_packet(const XmpFields& f);

/// Lower-case roman numeral (front-matter page labels): 1 → "i", 4 → "iv".
std::string roman(int n);

}  // namespace sdg::pdf
