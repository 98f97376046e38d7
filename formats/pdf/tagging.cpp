#include "tagging.hpp"

#include <algorithm>

#include <podofo/podofo.h>

#include "fonts.hpp"

namespace sdg::pdf {

using namespace PoDoFo;

namespace {

PdfVariant num(std::int64_t n) {
  // Never AddKey(name, 0): the literal 0 picks the PdfObject* overload (null).
  return PdfVariant(static_cast<pdf_int64>(n));
}

std::string xml_escape(const std::string& s) {
  std::string out;
  for (char c : s) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      default: out += c;
    }
  }
  return out;
}

}  // namespace

StructTree::StructTree() {
  nodes_.push_back(Node{"Document", -1, {}, {}, {}, {}, true, {}, {}});
}

int StructTree::add(int parent, std::string role) {
  const int id = static_cast<int>(nodes_.size());
  Node n;
  n.role = std::move(role);
  n.parent = parent;
  nodes_.push_back(std::move(n));
  nodes_[static_cast<std::size_t>(parent)].kids.push_back({Kid::Kind::Node, id, -1, -1, nullptr});
  return id;
}

void StructTree::add_mcr(int node_id, int page, int mcid) {
  node(node_id).kids.push_back({Kid::Kind::Mcr, -1, page, mcid, nullptr});
  if (page_mcids_.size() <= static_cast<std::size_t>(page)) page_mcids_.resize(static_cast<std::size_t>(page) + 1);
  auto& v = page_mcids_[static_cast<std::size_t>(page)];
  if (v.size() <= static_cast<std::size_t>(mcid)) v.resize(static_cast<std::size_t>(mcid) + 1, -1);
  v[static_cast<std::size_t>(mcid)] = node_id;
}

void StructTree::add_objr(int node_id, int page, PdfObject* annot) {
  node(node_id).kids.push_back({Kid::Kind::Objr, -1, page, -1, annot});
  annots_.emplace_back(node_id, annot);
}

void StructTree::write(PdfMemDocument& doc, int page_count) const {
  const std::size_t n = nodes_.size();
  // Which elements have content (bottom-up: children always come after parents).
  std::vector<char> live(n, 0);
  for (std::size_t i = n; i-- > 0;) {
    const Node& nd = nodes_[i];
    bool l = nd.keep;
    for (const Kid& k : nd.kids)
      if (k.kind != Kid::Kind::Node || live[static_cast<std::size_t>(k.node)]) l = true;
    live[i] = l ? 1 : 0;
  }
  std::vector<PdfObject*> pages(static_cast<std::size_t>(page_count));
  for (int i = 0; i < page_count; ++i) pages[static_cast<std::size_t>(i)] = doc.GetPage(i)->GetObject();

  PdfVecObjects& objs = doc.GetObjects();
  PdfObject* root = objs.CreateObject("StructTreeRoot");
  std::vector<PdfObject*> obj(n, nullptr);
  for (std::size_t i = 0; i < n; ++i)
    if (live[i]) obj[i] = objs.CreateObject();  // /Type /StructElem is optional (PDF 32000-1, table 323)

  for (std::size_t i = 0; i < n; ++i) {
    if (!live[i]) continue;
    const Node& nd = nodes_[i];
    PdfDictionary& d = obj[i]->GetDictionary();
    d.AddKey(PdfName("S"), PdfName(nd.role));
    d.AddKey(PdfName("P"), nd.parent < 0 ? root->Reference() : obj[static_cast<std::size_t>(nd.parent)]->Reference());
    // /Pg: the page of the first marked content.
    int pg = -1;
    for (const Kid& k : nd.kids)
      if (k.kind != Kid::Kind::Node) {
        pg = k.page;
        break;
      }
    if (pg >= 0) d.AddKey(PdfName("Pg"), pages[static_cast<std::size_t>(pg)]->Reference());
    PdfArray kids;
    for (const Kid& k : nd.kids) {
      switch (k.kind) {
        case Kid::Kind::Node:
          if (live[static_cast<std::size_t>(k.node)]) kids.push_back(obj[static_cast<std::size_t>(k.node)]->Reference());
          break;
        case Kid::Kind::Mcr:
          if (k.page == pg) {
            kids.push_back(num(k.mcid));
          } else {
            PdfDictionary mcr;
            mcr.AddKey(PdfName("Type"), PdfName("MCR"));
            mcr.AddKey(PdfName("Pg"), pages[static_cast<std::size_t>(k.page)]->Reference());
            mcr.AddKey(PdfName("MCID"), num(k.mcid));
            kids.push_back(mcr);
          }
          break;
        case Kid::Kind::Objr: {
          PdfDictionary r;
          r.AddKey(PdfName("Type"), PdfName("OBJR"));
          r.AddKey(PdfName("Pg"), pages[static_cast<std::size_t>(k.page)]->Reference());
          r.AddKey(PdfName("Obj"), k.annot->Reference());
          kids.push_back(r);
          break;
        }
      }
    }
    if (kids.size() == 1)
      d.AddKey(PdfName("K"), kids[0]);
    else if (!kids.empty())
      d.AddKey(PdfName("K"), kids);
    if (!nd.alt.empty()) d.AddKey(PdfName("Alt"), utf8(nd.alt));
    if (!nd.id.empty()) d.AddKey(PdfName("ID"), PdfString(nd.id));
    if (!nd.lang.empty()) d.AddKey(PdfName("Lang"), PdfString(nd.lang));
    if (!nd.scope.empty() || nd.bbox) {
      PdfDictionary a;
      if (!nd.scope.empty()) {
        a.AddKey(PdfName("O"), PdfName("Table"));
        a.AddKey(PdfName("Scope"), PdfName(nd.scope));
      } else {
        a.AddKey(PdfName("O"), PdfName("Layout"));
        PdfArray box;
        for (double v : *nd.bbox) box.push_back(PdfVariant(v));
        a.AddKey(PdfName("BBox"), box);
        a.AddKey(PdfName("Placement"), PdfName("Block"));
      }
      d.AddKey(PdfName("A"), a);
    }
  }

  // ParentTree: key i (page i) → array of elements by MCID; then one key per annotation.
  PdfArray nums;
  for (int p = 0; p < page_count; ++p) {
    PdfArray arr;
    if (static_cast<std::size_t>(p) < page_mcids_.size())
      for (int id : page_mcids_[static_cast<std::size_t>(p)])
        arr.push_back(id >= 0 ? PdfObject(obj[static_cast<std::size_t>(id)]->Reference()) : PdfObject());
    nums.push_back(num(p));
    nums.push_back(arr);
    pages[static_cast<std::size_t>(p)]->GetDictionary().AddKey(PdfName("StructParents"), num(p));
  }
  int key = page_count;
  for (const auto& [id, annot] : annots_) {
    annot->GetDictionary().AddKey(PdfName("StructParent"), num(key));
    nums.push_back(num(key));
    nums.push_back(obj[static_cast<std::size_t>(id)]->Reference());
    ++key;
  }
  PdfObject* parent_tree = objs.CreateObject();
  parent_tree->GetDictionary().AddKey(PdfName("Nums"), nums);

  PdfDictionary& rd = root->GetDictionary();
  rd.AddKey(PdfName("K"), obj[0]->Reference());
  rd.AddKey(PdfName("ParentTree"), parent_tree->Reference());
  rd.AddKey(PdfName("ParentTreeNextKey"), num(key));
  // IDTree: element ids (footnotes) → elements, one flat leaf, sorted by id.
  std::vector<std::pair<std::string, std::size_t>> ids;
  for (std::size_t i = 0; i < nodes_.size(); ++i)
    if (!nodes_[i].id.empty() && obj[i] != nullptr) ids.emplace_back(nodes_[i].id, i);
  if (!ids.empty()) {
    std::sort(ids.begin(), ids.end());
    PdfArray names;
    for (const auto& [id, i] : ids) {
      names.push_back(PdfString(id));
      names.push_back(obj[i]->Reference());
    }
    PdfDictionary tree;
    tree.AddKey(PdfName("Names"), names);
    rd.AddKey(PdfName("IDTree"), tree);
  }

  PdfDictionary& cat = doc.GetCatalog()->GetDictionary();
  cat.AddKey(PdfName("StructTreeRoot"), root->Reference());
  PdfDictionary mark;
  mark.AddKey(PdfName("Marked"), PdfVariant(true));
  cat.AddKey(PdfName("MarkInfo"), mark);
}

std::string xmp_packet(const XmpFields& f) {
  auto alt = [&](const char* tag, const std::string& v) {
    if (v.empty()) return std::string();
    return std::string("   <") + tag + "><rdf:Alt><rdf:li xml:lang=\"x-default\">" + xml_escape(v) +
           "</rdf:li></rdf:Alt></" + tag + ">\n";
  };
  auto simple = [&](const char* tag, const std::string& v) {
    if (v.empty()) return std::string();
    return std::string("   <") + tag + ">" + xml_escape(v) + "</" + tag + ">\n";
  };
  std::string x;
  x += "<?xpacket begin=\"\xEF\xBB\xBF\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n";
  x += "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\">\n";
  x += " <rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">\n";
  x += "  <rdf:Description rdf:about=\"\"\n";
  x += "    xmlns:dc=\"http://purl.org/dc/elements/1.1/\"\n";
  x += "    xmlns:pdf=\"http://ns.adobe.com/pdf/1.3/\"\n";
  x += "    xmlns:xmp=\"http://ns.adobe.com/xap/1.0/\"\n";
  x += "    xmlns:pdfuaid=\"http://www.aiim.org/pdfua/ns/id/\">\n";
  x += "   <dc:format>application/pdf</dc:format>\n";
  x += alt("dc:title", f.title);
  if (!f.author.empty())
    x += "   <dc:creator><rdf:Seq><rdf:li>" + xml_escape(f.author) + "</rdf:li></rdf:Seq></dc:creator>\n";
  x += alt("dc:description", f.subject);
  if (!f.lang.empty())
    x += "   <dc:language><rdf:Bag><rdf:li>" + xml_escape(f.lang) + "</rdf:li></rdf:Bag></dc:language>\n";
  x += simple("pdf:Producer", f.producer);
  x += simple("pdf:Keywords", f.keywords);
  x += simple("xmp:CreatorTool", f.creator_tool);
  x += simple("xmp:CreateDate", f.date_iso);
  x += simple("xmp:ModifyDate", f.date_iso);
  x += simple("xmp:MetadataDate", f.date_iso);
  x += "   <pdfuaid:part>1</pdfuaid:part>\n";
  x += "  </rdf:Description>\n";
  x += " </rdf:RDF>\n";
  x += "</x:xmpmeta>\n";
  x += "<?xpacket end=\"r\"?>";
  return x;
}

std::string roman(int n) {
  static const std::pair<int, const char*> table[] = {{1000, "m"}, {900, "cm"}, {500, "d"}, {400, "cd"},
                                                      {100, "c"},  {90, "xc"},  {50, "l"},  {40, "xl"},
                                                      {10, "x"},   {9, "ix"},   {5, "v"},   {4, "iv"},
                                                      {1, "i"}};
  std::string out;
  for (const auto& [v, s] : table)
    while (n >= v) {
      out += s;
      n -= v;
    }
  return out;
}

}  // namespace sdg::pdf
