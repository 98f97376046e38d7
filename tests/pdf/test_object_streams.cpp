// The PDF writer's final pass (object streams + cross-reference stream) and
// the page tree: what is written reads back through PoDoFo's own parser with
// every value intact, the bytes are reproducible, and the /ID follows content.
#include <gtest/gtest.h>
#include <podofo/podofo.h>

#include <string>

#include "object_streams.hpp"
#include "page_tree.hpp"

namespace {

using namespace PoDoFo;

// A document of `pages` pages (appended through page_tree) plus one object per
// page holding the kinds of values the writer serialises itself.
std::string build(int pages, const std::string& title) {
  PdfMemDocument doc;
  doc.SetPdfVersion(ePdfVersion_1_7);
  for (int i = 0; i < pages; ++i) {
    std::unique_ptr<PdfPage> page = sdg::pdf::append_page(doc, PdfRect(0, 0, 595.2755905511812, 841.8897637795276));
    PdfObject* o = doc.GetObjects().CreateObject("Probe");
    PdfDictionary& d = o->GetDictionary();
    d.AddKey(PdfName("Index"), PdfVariant(static_cast<pdf_int64>(i)));
    d.AddKey(PdfName("Zero"), PdfVariant(static_cast<pdf_int64>(0)));
    d.AddKey(PdfName("Neg"), PdfVariant(-12.25));
    d.AddKey(PdfName("Flag"), PdfVariant(i % 2 == 0));
    d.AddKey(PdfName("Odd name"), PdfName("A B#(x)"));
    d.AddKey(PdfName("Page"), page->GetObject()->Reference());
    d.AddKey(PdfName("Title"), PdfString(reinterpret_cast<const pdf_utf8*>(title.c_str())));
    PdfArray inner;
    inner.push_back(PdfVariant(static_cast<pdf_int64>(1)));
    inner.push_back(PdfName("N"));
    inner.push_back(PdfString("(paren) \\ back"));
    PdfArray outer;
    outer.push_back(inner);
    outer.push_back(PdfVariant());
    d.AddKey(PdfName("Nested"), outer);
    doc.GetCatalog()->GetDictionary().AddKey(PdfName(("Probe" + std::to_string(i)).c_str()), o->Reference());
  }
  return sdg::pdf::write_compact(doc);
}

TEST(ObjectStreams, WritesObjectStreamsAndAnXrefStreamOnly) {
  const std::string bytes = build(3, "Mål 7 – «energi»");
  EXPECT_EQ(bytes.rfind("%PDF-1.7\n", 0), 0u);
  EXPECT_NE(bytes.find("/Type/ObjStm"), std::string::npos);
  EXPECT_NE(bytes.find("/Type/XRef"), std::string::npos);
  EXPECT_EQ(bytes.find("\nxref"), std::string::npos);
  EXPECT_EQ(bytes.find("trailer"), std::string::npos);
  EXPECT_EQ(bytes.substr(bytes.size() - 6), "%%EOF\n");
}

TEST(ObjectStreams, ReadsBackWithEveryValueIntact) {
  const int pages = 300;  // more than four 64-page nodes
  const std::string title = "Mål 7 – «energi» “quoted” ÆØÅ";
  const std::string bytes = build(pages, title);
  PdfMemDocument back;
  back.LoadFromBuffer(bytes.data(), static_cast<long>(bytes.size()));
  ASSERT_EQ(back.GetPageCount(), pages);
  EXPECT_NEAR(back.GetPage(pages - 1)->GetMediaBox().GetWidth(), 595.276, 0.001);
  for (int i : {0, 63, 64, 65, 128, pages - 1}) {
    const PdfObject* probe = back.GetCatalog()->GetIndirectKey(PdfName(("Probe" + std::to_string(i)).c_str()));
    ASSERT_NE(probe, nullptr) << i;
    const PdfDictionary& d = probe->GetDictionary();
    EXPECT_EQ(d.GetKeyAsName(PdfName("Type")), PdfName("Probe"));
    EXPECT_EQ(d.GetKeyAsLong(PdfName("Index"), -1), i);
    EXPECT_EQ(d.GetKeyAsLong(PdfName("Zero"), -1), 0);
    EXPECT_DOUBLE_EQ(d.GetKey(PdfName("Neg"))->GetReal(), -12.25);
    EXPECT_EQ(d.GetKeyAsBool(PdfName("Flag"), i % 2 != 0), i % 2 == 0);
    EXPECT_EQ(d.GetKeyAsName(PdfName("Odd name")), PdfName("A B#(x)"));
    EXPECT_EQ(d.GetKey(PdfName("Title"))->GetString().GetStringUtf8(), title);
    // The page reference leads to the page at that index.
    EXPECT_EQ(d.GetKey(PdfName("Page"))->GetReference(), back.GetPage(i)->GetObject()->Reference());
    const PdfArray& nested = d.GetKey(PdfName("Nested"))->GetArray();
    ASSERT_EQ(nested.size(), 2u);
    EXPECT_EQ(nested[0].GetArray()[2].GetString().GetStringUtf8(), "(paren) \\ back");
    EXPECT_TRUE(nested[1].IsNull());
  }
}

TEST(ObjectStreams, ReproducibleAndTheIdFollowsTheContent) {
  const std::string a = build(5, "Rapport"), b = build(5, "Rapport"), c = build(5, "Rapport 2");
  EXPECT_EQ(a, b);
  auto id = [](const std::string& s) { return s.substr(s.find("/ID[<") + 5, 32); };
  EXPECT_NE(id(a), std::string(32, '0'));
  EXPECT_NE(id(a), id(c));
}

}  // namespace

namespace {

std::string stream_text(const PoDoFo::PdfObject* o) {
  char* buf = nullptr;
  PoDoFo::pdf_long len = 0;
  o->GetStream()->GetFilteredCopy(&buf, &len);
  std::string s(buf, static_cast<std::size_t>(len));
  PoDoFo::podofo_free(buf);
  return s;
}

}  // namespace

TEST(ObjectStreams, UnfilteredStreamsAreCompressedAndTheXmpStaysPlain) {
  std::string content;
  for (int i = 0; i < 200; ++i) content += "BT /F1 10 Tf 66 " + std::to_string(700 - i) + " Td (Mål 7) Tj ET\n";
  const std::string xmp = "<?xpacket begin=\"\"?><x:xmpmeta xmlns:x=\"adobe:ns:meta/\"/><?xpacket end=\"r\"?>";
  std::string bytes;
  {
    PdfMemDocument doc;
    doc.SetPdfVersion(ePdfVersion_1_7);
    PdfObject* s = doc.GetObjects().CreateObject();
    s->GetStream()->Set(content.data(), static_cast<pdf_long>(content.size()), TVecFilters());  // no filter
    PdfObject* md = doc.GetObjects().CreateObject("Metadata");
    md->GetStream()->Set(xmp.data(), static_cast<pdf_long>(xmp.size()), TVecFilters());
    doc.GetCatalog()->GetDictionary().AddKey(PdfName("Probe"), s->Reference());
    doc.GetCatalog()->GetDictionary().AddKey(PdfName("Metadata"), md->Reference());
    bytes = sdg::pdf::write_compact(doc);
  }
  EXPECT_LT(bytes.size(), content.size());           // the content went in compressed
  EXPECT_NE(bytes.find(xmp), std::string::npos);     // the XMP as plain text
  PdfMemDocument back;
  back.LoadFromBuffer(bytes.data(), static_cast<long>(bytes.size()));
  const PdfObject* s = back.GetCatalog()->GetIndirectKey("Probe");
  ASSERT_NE(s, nullptr);
  const PdfObject* filter = s->GetDictionary().GetKey(PdfName::KeyFilter);
  ASSERT_NE(filter, nullptr);
  EXPECT_EQ(filter->GetName(), PdfName("FlateDecode"));
  EXPECT_EQ(stream_text(s), content);
  const PdfObject* md = back.GetCatalog()->GetIndirectKey("Metadata");
  ASSERT_NE(md, nullptr);
  EXPECT_FALSE(md->GetDictionary().HasKey(PdfName::KeyFilter));
  EXPECT_EQ(stream_text(md), xmp);
}
