// sdgreport — the Word format plugin: a DOCX edition for review rounds
// (docs/formats/docx.md).
//
// Office Open XML written with libxml2's xmlTextWriter (xml.hpp) and zipped with
// libzip (package.hpp): named styles as pandoc names them, so a `reference_doc:`
// restyles it (styles.hpp); real footnotes, bookmarks and internal links for
// cross-references, a contents field, numbered captions, native tables with a
// repeated header row, charts as PNG pictures rendered from the HTML edition's
// SVG (chart_png.hpp), document language and language of parts (body.hpp).
// Every paragraph carries a hidden bookmark naming its source line, listed in a
// custom XML part with the text the build wrote (markers.hpp), which
// `sdgreport review` reads back from a reviewed copy.
//
// Options (the output entry of the report definition):
//   reference_doc: FILE   a .docx whose styles (and theme and fonts) are used
//   toc: true | false     the contents after the title page (default true)
//
// Reproducible: dates come from the context (SOURCE_DATE_EPOCH), zip entries all
// have that time, and nothing depends on map order.
#include <ctime>
#include <memory>
#include <optional>

#include <libxml/parser.h>

#include "body.hpp"
#include "markers.hpp"
#include "package.hpp"
#include "sdgreport/error.hpp"
#include "sdgreport/i18n.hpp"
#include "sdgreport/plugin.hpp"
#include "styles.hpp"
#include "xml.hpp"

namespace sdg::docx {
namespace {

constexpr const char* kCt = "application/vnd.openxmlformats-officedocument.wordprocessingml.";

std::string iso_time(std::int64_t epoch) {
  const std::time_t t = static_cast<std::time_t>(epoch);
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

std::string content_types(const Body& body, bool theme, bool fonts) {
  Xml x;
  x.start("Types").attr("xmlns", "http://schemas.openxmlformats.org/package/2006/content-types");
  x.empty("Default", "Extension", "rels", "ContentType",
          "application/vnd.openxmlformats-package.relationships+xml");
  x.empty("Default", "Extension", "xml", "ContentType", "application/xml");
  bool png = false, jpeg = false;
  for (const MediaFile& m : body.media) (m.name.ends_with(".png") ? png : jpeg) = true;
  if (png) x.empty("Default", "Extension", "png", "ContentType", "image/png");
  if (jpeg) x.empty("Default", "Extension", "jpeg", "ContentType", "image/jpeg");
  auto over = [&](const char* part, const std::string& type) {
    x.empty("Override", "PartName", part, "ContentType", type);
  };
  over("/word/document.xml", std::string(kCt) + "document.main+xml");
  over("/word/styles.xml", std::string(kCt) + "styles+xml");
  over("/word/numbering.xml", std::string(kCt) + "numbering+xml");
  over("/word/footnotes.xml", std::string(kCt) + "footnotes+xml");
  over("/word/settings.xml", std::string(kCt) + "settings+xml");
  over("/word/footer1.xml", std::string(kCt) + "footer+xml");
  if (theme) over("/word/theme/theme1.xml", "application/vnd.openxmlformats-officedocument.theme+xml");
  if (fonts) over("/word/fontTable.xml", std::string(kCt) + "fontTable+xml");
  over("/customXml/itemProps1.xml", "application/vnd.openxmlformats-officedocument.customXmlProperties+xml");
  over("/docProps/core.xml", "application/vnd.openxmlformats-package.core-properties+xml");
  over("/docProps/app.xml", "application/vnd.openxmlformats-officedocument.extended-properties+xml");
  return x.finish();
}

std::string package_rels() {
  Xml y;
  y.start("Relationships").attr("xmlns", ns::rel);
  y.start("Relationship")
      .attr("Id", "rId1")
      .attr("Type", std::string(ns::rel_doc) + "officeDocument")
      .attr("Target", "word/document.xml")
      .end();
  y.start("Relationship")
      .attr("Id", "rId2")
      .attr("Type", "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties")
      .attr("Target", "docProps/core.xml")
      .end();
  y.start("Relationship")
      .attr("Id", "rId3")
      .attr("Type", std::string(ns::rel_doc) + "extended-properties")
      .attr("Target", "docProps/app.xml")
      .end();
  return y.finish();
}

std::string document_rels(const Body& body, bool theme, bool fonts) {
  Xml x;
  x.start("Relationships").attr("xmlns", ns::rel);
  auto rel = [&](const std::string& id, const std::string& type, const std::string& target, bool external) {
    x.start("Relationship").attr("Id", id).attr("Type", type).attr("Target", target);
    if (external) x.attr("TargetMode", "External");
    x.end();
  };
  const std::string d = ns::rel_doc;
  rel("rIdStyles", d + "styles", "styles.xml", false);
  rel("rIdNumbering", d + "numbering", "numbering.xml", false);
  rel("rIdFootnotes", d + "footnotes", "footnotes.xml", false);
  rel("rIdSettings", d + "settings", "settings.xml", false);
  rel("rIdFooter", d + "footer", "footer1.xml", false);
  if (theme) rel("rIdTheme", d + "theme", "theme/theme1.xml", false);
  if (fonts) rel("rIdFonts", d + "fontTable", "fontTable.xml", false);
  rel("rIdOrigins", d + "customXml", "../customXml/item1.xml", false);
  for (const Rel& r : body.rels) rel(r.id, r.type, r.target, r.external);
  return x.finish();
}

std::string core_properties(const Metadata& m, std::int64_t epoch) {
  Xml x;
  x.start("cp:coreProperties")
      .attr("xmlns:cp", "http://schemas.openxmlformats.org/package/2006/metadata/core-properties")
      .attr("xmlns:dc", "http://purl.org/dc/elements/1.1/")
      .attr("xmlns:dcterms", "http://purl.org/dc/terms/")
      .attr("xmlns:xsi", "http://www.w3.org/2001/XMLSchema-instance");
  x.start("dc:title").text(m.title).end();
  if (!m.subtitle.empty()) x.start("dc:subject").text(m.subtitle).end();
  std::string creator;
  for (const std::string& a : m.authors) creator += (creator.empty() ? "" : "; ") + a;
  if (creator.empty()) creator = m.organisation;
  if (!creator.empty()) x.start("dc:creator").text(creator).end();
  std::string keywords;
  for (const std::string& k : m.keywords) keywords += (keywords.empty() ? "" : ", ") + k;
  if (!keywords.empty()) x.start("cp:keywords").text(keywords).end();
  x.start("dc:language").text(language_tag(m.language)).end();
  const std::string when = iso_time(epoch);
  x.start("dcterms:created").attr("xsi:type", "dcterms:W3CDTF").text(when).end();
  x.start("dcterms:modified").attr("xsi:type", "dcterms:W3CDTF").text(when).end();
  return x.finish();
}

std::string app_properties(const Metadata& m) {
  Xml x;
  x.start("Properties")
      .attr("xmlns", "http://schemas.openxmlformats.org/officeDocument/2006/extended-properties")
      .attr("xmlns:vt", "http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes");
  x.start("Application").text("sdgreport").end();
  if (!m.organisation.empty()) x.start("Company").text(m.organisation).end();
  return x.finish();
}

std::string settings(std::string_view lang_tag) {
  Xml x;
  x.start("w:settings").attr("xmlns:w", ns::w);
  x.empty("w:updateFields", "w:val", "true");  // the contents' page numbers and caption numbers on opening
  x.empty("w:defaultTabStop", "w:val", "708");
  x.empty("w:characterSpacingControl", "w:val", "doNotCompress");
  x.start("w:footnotePr").empty("w:footnote", "w:id", "-1").empty("w:footnote", "w:id", "0").end();
  x.start("w:compat")
      .start("w:compatSetting")
      .attr("w:name", "compatibilityMode")
      .attr("w:uri", "http://schemas.microsoft.com/office/word")
      .attr("w:val", "15")
      .end()
      .end();
  x.empty("w:themeFontLang", "w:val", lang_tag);
  return x.finish();
}

std::string footer() {
  Xml x;
  x.start("w:ftr").attr("xmlns:w", ns::w).attr("xmlns:r", ns::r);
  x.start("w:p").start("w:pPr").empty("w:jc", "w:val", "center").end();
  x.start("w:fldSimple").attr("w:instr", " PAGE ").start("w:r").start("w:t").text("1").end().end().end();
  return x.finish();
}

std::string item_props() {
  Xml x;
  x.start("ds:datastoreItem")
      .attr("ds:itemID", "{5D4B3B0C-6F1E-4C0B-9F3A-0A5D0C5E2B11}")
      .attr("xmlns:ds", "http://schemas.openxmlformats.org/officeDocument/2006/customXml");
  x.start("ds:schemaRefs").empty("ds:schemaRef", "ds:uri", kOriginsNamespace).end();
  return x.finish();
}

std::string item_rels() {
  Xml x;
  x.start("Relationships").attr("xmlns", ns::rel);
  x.start("Relationship")
      .attr("Id", "rId1")
      .attr("Type", std::string(ns::rel_doc) + "customXmlProps")
      .attr("Target", "itemProps1.xml")
      .end();
  return x.finish();
}

/// Each marker's text as written, read back from the written parts with the
/// reader `review` uses, so both sides agree on what a paragraph's text is.
void fill_texts(std::vector<Origin>& origins, const std::string& part) {
  std::unique_ptr<xmlDoc, decltype(&xmlFreeDoc)> d(
      xmlReadMemory(part.data(), static_cast<int>(part.size()), "part.xml", nullptr,
                    XML_PARSE_NONET | XML_PARSE_HUGE),
      xmlFreeDoc);
  if (!d) throw Error(ErrorCode::Internal, "the written document part does not parse");
  for (auto& [n, text] : marker_texts(paragraphs(xmlDocGetRootElement(d.get())), View::Original))
    if (n >= 1 && n <= origins.size()) origins[n - 1].text = std::move(text);
}

class DocxWriter final : public FormatWriter {
 public:
  const char* extension() const override { return "docx"; }

  void write(const Document& doc, const WriteRequest& req, Context& ctx) override {
    const Options& opts = req.options;
    BodyOptions bo;
    bo.toc = opts.boolean_or("toc", true);
    // `part: main_messages`: the pipeline hands over that chapter alone (document_part()).
    bo.part = opts.string_or("part", "all") != "all";
    if (doc.meta.theme.page_size == "Letter") bo.page = Page{12240, 15840, 1418};

    std::optional<std::string> ref_styles, ref_theme, ref_fonts;
    std::string ref_name;
    if (opts.has("reference_doc")) {
      ref_name = opts.string("reference_doc");
      const auto path = ctx.resolve(ref_name);
      try {
        ZipReader z(path, path.string());
        ref_styles = z.read("word/styles.xml");
        ref_theme = z.read("word/theme/theme1.xml");
        ref_fonts = z.read("word/fontTable.xml");
      } catch (const Error& e) {
        throw opts.error("reference_doc", "cannot use '" + ref_name + "': " + e.message());
      }
      if (!ref_styles)
        throw opts.error("reference_doc", "'" + ref_name + "' has no word/styles.xml; is it a .docx?");
    }
    const std::string tag = language_tag(doc.meta.language);
    const std::string accent =
        doc.meta.theme.accent.size() == 7 ? doc.meta.theme.accent.substr(1) : std::string("00689D");
    std::optional<Styles> styles;
    try {
      styles.emplace(tag, accent, ref_styles, ref_name);
    } catch (const Error& e) {
      if (!ref_styles) throw;
      throw opts.error("reference_doc", e.message());
    }
    Body body = write_body(doc, *styles, bo, ctx);
    fill_texts(body.origins, body.document);
    fill_texts(body.origins, body.footnotes);

    Package p;
    p.add("[Content_Types].xml", content_types(body, ref_theme.has_value(), ref_fonts.has_value()));
    p.add("_rels/.rels", package_rels());
    Metadata info = doc.meta;
    // A part names itself: "Voluntary … Review 2026 – Main messages" (as the PDF's).
    if (bo.part && !doc.chapters().empty()) info.title += " \u2013 " + doc.chapters().front().title();
    p.add("docProps/core.xml", core_properties(info, ctx.epoch()));
    p.add("docProps/app.xml", app_properties(doc.meta));
    p.add("word/document.xml", std::move(body.document));
    p.add("word/_rels/document.xml.rels", document_rels(body, ref_theme.has_value(), ref_fonts.has_value()));
    p.add("word/styles.xml", styles->xml());
    p.add("word/numbering.xml", std::move(body.numbering));
    p.add("word/footnotes.xml", std::move(body.footnotes));
    p.add("word/settings.xml", settings(tag));
    p.add("word/footer1.xml", footer());
    if (ref_theme) p.add("word/theme/theme1.xml", std::move(*ref_theme));
    if (ref_fonts) p.add("word/fontTable.xml", std::move(*ref_fonts));
    for (MediaFile& m : body.media)
      p.add("word/" + m.name, std::move(m.bytes), false);  // PNG/JPEG: compressed already
    p.add(kOriginsPart, origins_xml(body.origins, "sdgreport docx 0.1.0"));
    p.add("customXml/itemProps1.xml", item_props());
    p.add("customXml/_rels/item1.xml.rels", item_rels());
    p.write(req.path, ctx.epoch(), req.final_path);
  }
};

constexpr const char* kParts[] = {"all", "main_messages", nullptr};
constexpr OptionSpec kOptions[] = {
    {.name = "reference_doc",
     .type = OptionType::Path,
     .description = "A .docx whose styles, theme and fonts the edition uses (as pandoc's --reference-doc)"},
    {.name = "toc",
     .type = OptionType::Boolean,
     .description = "Contents after the title page",
     .default_value = "true"},
    {.name = "part",
     .type = OptionType::Enum,
     .description = "all: the whole report; main_messages: the main messages chapter alone under a title block",
     .default_value = "all",
     .values = kParts},
};

}  // namespace
}  // namespace sdg::docx

SDGREPORT_FORMAT_PLUGIN(
    sdg::docx::DocxWriter, "docx", "0.1.0",
    "Word edition for review rounds: styled DOCX whose paragraphs know their source lines",
    sdg::docx::kOptions)
