#include "styles.hpp"

#include <libxml/parser.h>
#include <libxml/tree.h>

#include <algorithm>
#include <memory>
#include <set>

#include "markers.hpp"
#include "sdgreport/error.hpp"
#include "xml.hpp"
#include "sdgreport/text.hpp"

namespace sdg::docx {

namespace {

/// One style: id, Word's name, type, basedOn, next, and its pPr / rPr children.
struct Def {
  const char* id;
  const char* name;
  const char* type;
  const char* based_on;
  const char* next;
  std::string ppr, rpr;
  bool qformat = true;
};

std::string heading_ppr(int level) {
  const int before[] = {480, 360, 280, 240, 200, 200};
  return std::string("<w:keepNext/><w:keepLines/>") + (level == 1 ? "<w:pageBreakBefore/>" : "") +
         "<w:spacing w:before=\"" + std::to_string(before[level - 1]) +
         "\" w:after=\"120\"/><w:outlineLvl w:val=\"" + std::to_string(level - 1) + "\"/>";
}

std::string heading_rpr(int level, std::string_view accent) {
  const int size[] = {36, 30, 26, 24, 22, 22};
  return "<w:b/><w:bCs/><w:color w:val=\"" + std::string(accent) + "\"/><w:sz w:val=\"" +
         std::to_string(size[level - 1]) + "\"/><w:szCs w:val=\"" + std::to_string(size[level - 1]) + "\"/>";
}

std::vector<Def> definitions(std::string_view accent) {
  const std::string acc(accent);
  std::vector<Def> d = {
      {"Normal", "Normal", "paragraph", nullptr, nullptr,
       "<w:spacing w:after=\"0\" w:line=\"264\" w:lineRule=\"auto\"/>", ""},
      {"BodyText", "Body Text", "paragraph", "Normal", nullptr, "<w:spacing w:before=\"0\" w:after=\"160\"/>",
       ""},
      {"FirstParagraph", "First Paragraph", "paragraph", "BodyText", "BodyText", "", ""},
      {"Compact", "Compact", "paragraph", "BodyText", nullptr, "<w:spacing w:before=\"36\" w:after=\"36\"/>",
       ""},
      {"Title", "Title", "paragraph", "Normal", "BodyText",
       "<w:keepNext/><w:keepLines/><w:spacing w:before=\"2400\" w:after=\"240\"/>",
       "<w:b/><w:bCs/><w:color w:val=\"" + acc + "\"/><w:sz w:val=\"52\"/><w:szCs w:val=\"52\"/>"},
      {"Subtitle", "Subtitle", "paragraph", "Title", "BodyText",
       "<w:spacing w:before=\"120\" w:after=\"480\"/>",
       "<w:b w:val=\"0\"/><w:bCs w:val=\"0\"/><w:sz w:val=\"32\"/><w:szCs w:val=\"32\"/>"},
      {"Author", "Author", "paragraph", "Normal", "BodyText", "<w:keepNext/><w:spacing w:after=\"120\"/>",
       "<w:sz w:val=\"26\"/><w:szCs w:val=\"26\"/>"},
      {"Date", "Date", "paragraph", "Normal", "BodyText", "<w:keepNext/><w:spacing w:after=\"120\"/>",
       "<w:sz w:val=\"26\"/><w:szCs w:val=\"26\"/>"},
      {"BlockText", "Block Text", "paragraph", "BodyText", "BodyText",
       "<w:pBdr><w:left w:val=\"single\" w:sz=\"18\" w:space=\"8\" w:color=\"" + acc +
           "\"/></w:pBdr><w:spacing w:before=\"100\" w:after=\"100\"/><w:ind w:left=\"567\" "
           "w:right=\"567\"/>",
       "<w:i/><w:iCs/>"},
      {"SourceCode", "Source Code", "paragraph", "Normal", nullptr,
       "<w:shd w:val=\"clear\" w:color=\"auto\" w:fill=\"F3F4F6\"/><w:spacing w:after=\"160\"/>",
       "<w:rFonts w:ascii=\"Consolas\" w:hAnsi=\"Consolas\" w:cs=\"Consolas\"/><w:sz w:val=\"19\"/><w:szCs "
       "w:val=\"19\"/>"},
      {"FootnoteText", "footnote text", "paragraph", "Normal", nullptr, "<w:spacing w:after=\"40\"/>",
       "<w:sz w:val=\"18\"/><w:szCs w:val=\"18\"/>"},
      {"Caption", "caption", "paragraph", "Normal", nullptr, "<w:spacing w:before=\"120\" w:after=\"120\"/>",
       "<w:sz w:val=\"20\"/><w:szCs w:val=\"20\"/>"},
      {"TableCaption", "Table Caption", "paragraph", "Caption", nullptr, "<w:keepNext/>", ""},
      {"ImageCaption", "Image Caption", "paragraph", "Caption", nullptr, "", ""},
      {"Figure", "Figure", "paragraph", "Normal", nullptr, "", ""},
      {"CaptionedFigure", "Captioned Figure", "paragraph", "Figure", nullptr,
       "<w:keepNext/><w:spacing w:before=\"120\"/>", ""},
      {"TOCHeading", "TOC Heading", "paragraph", "Normal", "Normal",
       "<w:keepNext/><w:pageBreakBefore/><w:spacing w:before=\"480\" w:after=\"240\"/>",
       "<w:b/><w:bCs/><w:color w:val=\"" + acc + "\"/><w:sz w:val=\"36\"/><w:szCs w:val=\"36\"/>"},
      {"TOC1", "toc 1", "paragraph", "Normal", "Normal",
       "<w:tabs><w:tab w:val=\"right\" w:leader=\"dot\" w:pos=\"9060\"/></w:tabs><w:spacing w:before=\"120\" "
       "w:after=\"40\"/>",
       "<w:b/><w:bCs/>"},
      {"TOC2", "toc 2", "paragraph", "Normal", "Normal",
       "<w:tabs><w:tab w:val=\"right\" w:leader=\"dot\" w:pos=\"9060\"/></w:tabs><w:spacing "
       "w:after=\"40\"/><w:ind w:left=\"240\"/>",
       ""},
      {"TOC3", "toc 3", "paragraph", "Normal", "Normal",
       "<w:tabs><w:tab w:val=\"right\" w:leader=\"dot\" w:pos=\"9060\"/></w:tabs><w:spacing "
       "w:after=\"40\"/><w:ind w:left=\"480\"/>",
       ""},
      {"SourceNote", "Source Note", "paragraph", "Normal", "BodyText",
       "<w:spacing w:before=\"60\" w:after=\"60\"/>",
       "<w:color w:val=\"4B5563\"/><w:sz w:val=\"18\"/><w:szCs w:val=\"18\"/>"},
      {"SymbolKey", "Symbol Key", "paragraph", "SourceNote", "BodyText", "", ""},
      {"Indicator", "Indicator", "paragraph", "Normal", nullptr,
       "<w:keepNext/><w:keepLines/><w:pBdr><w:left w:val=\"single\" w:sz=\"24\" w:space=\"8\" w:color=\"" +
           acc + "\"/></w:pBdr><w:spacing w:after=\"40\"/><w:ind w:left=\"227\"/>",
       ""},
      {"TargetsAddressed", "Targets Addressed", "paragraph", "Normal", nullptr,
       "<w:pBdr><w:top w:val=\"single\" w:sz=\"4\" w:space=\"4\" w:color=\"9CA3AF\"/><w:bottom "
       "w:val=\"single\" w:sz=\"4\" "
       "w:space=\"4\" w:color=\"9CA3AF\"/></w:pBdr><w:spacing w:before=\"60\" w:after=\"160\"/>",
       "<w:sz w:val=\"20\"/><w:szCs w:val=\"20\"/>"},
      {"Colophon", "Colophon", "paragraph", "Normal", nullptr, "<w:spacing w:after=\"80\"/>",
       "<w:sz w:val=\"20\"/><w:szCs w:val=\"20\"/>"},
      {"DefaultParagraphFont", "Default Paragraph Font", "character", nullptr, nullptr, "", "", false},
      {"BodyTextChar", "Body Text Char", "character", "DefaultParagraphFont", nullptr, "", "", false},
      {"FootnoteReference", "footnote reference", "character", "BodyTextChar", nullptr, "",
       "<w:vertAlign w:val=\"superscript\"/>", false},
      {"Hyperlink", "Hyperlink", "character", "BodyTextChar", nullptr, "",
       "<w:color w:val=\"0B5CAD\"/><w:u w:val=\"single\"/>", false},
      {"VerbatimChar", "Verbatim Char", "character", "BodyTextChar", nullptr, "",
       "<w:rFonts w:ascii=\"Consolas\" w:hAnsi=\"Consolas\" w:cs=\"Consolas\"/><w:sz w:val=\"20\"/>", false},
      {"CaptionLabel", "Caption Label", "character", "BodyTextChar", nullptr, "", "<w:b/><w:bCs/>", false},
      {"TableNormal", "Normal Table", "table", nullptr, nullptr, "", "", false},
  };
  for (int l = 1; l <= 6; ++l) {
    static const char* ids[] = {"Heading1", "Heading2", "Heading3", "Heading4", "Heading5", "Heading6"};
    static const char* names[] = {"heading 1", "heading 2", "heading 3",
                                  "heading 4", "heading 5", "heading 6"};
    d.push_back({ids[l - 1], names[l - 1], "paragraph", "Normal", "BodyText", heading_ppr(l),
                 heading_rpr(l, accent)});
  }
  return d;
}

std::string style_xml(const Def& s) {
  std::string o = "<w:style w:type=\"" + std::string(s.type) + "\" w:styleId=\"" + s.id + "\"";
  if (std::string_view(s.id) == "Normal" || std::string_view(s.id) == "DefaultParagraphFont" ||
      std::string_view(s.id) == "TableNormal")
    o += " w:default=\"1\"";
  o += "><w:name w:val=\"" + std::string(s.name) + "\"/>";
  if (s.based_on) o += "<w:basedOn w:val=\"" + std::string(s.based_on) + "\"/>";
  if (s.next) o += "<w:next w:val=\"" + std::string(s.next) + "\"/>";
  if (std::string_view(s.id) == "TableNormal") {
    o += "<w:uiPriority w:val=\"99\"/><w:semiHidden/><w:tblPr><w:tblInd w:w=\"0\" "
         "w:type=\"dxa\"/><w:tblCellMar>"
         "<w:top w:w=\"0\" w:type=\"dxa\"/><w:left w:w=\"108\" w:type=\"dxa\"/><w:bottom w:w=\"0\" "
         "w:type=\"dxa\"/>"
         "<w:right w:w=\"108\" w:type=\"dxa\"/></w:tblCellMar></w:tblPr>";
  }
  if (s.qformat) o += "<w:qFormat/>";
  if (!s.ppr.empty()) o += "<w:pPr>" + s.ppr + "</w:pPr>";
  if (!s.rpr.empty()) o += "<w:rPr>" + s.rpr + "</w:rPr>";
  return o + "</w:style>";
}

/// The data-table style: rules above and below, a rule under the header row, bold header.
std::string table_style(std::string_view accent) {
  const std::string acc(accent);
  return "<w:style w:type=\"table\" w:styleId=\"Table\"><w:name w:val=\"Table\"/><w:basedOn "
         "w:val=\"TableNormal\"/>"
         "<w:qFormat/><w:pPr><w:spacing w:before=\"20\" w:after=\"20\"/></w:pPr><w:rPr><w:sz w:val=\"20\"/>"
         "<w:szCs w:val=\"20\"/></w:rPr><w:tblPr><w:tblBorders><w:top w:val=\"single\" w:sz=\"8\" "
         "w:space=\"0\" "
         "w:color=\"" +
         acc + "\"/><w:bottom w:val=\"single\" w:sz=\"8\" w:space=\"0\" w:color=\"" + acc +
         "\"/><w:insideH w:val=\"single\" w:sz=\"2\" w:space=\"0\" "
         "w:color=\"D1D5DB\"/></w:tblBorders></w:tblPr>"
         "<w:tblStylePr w:type=\"firstRow\"><w:rPr><w:b/><w:bCs/></w:rPr><w:tcPr><w:tcBorders><w:bottom "
         "w:val=\"single\" w:sz=\"8\" w:space=\"0\" w:color=\"" +
         acc +
         "\"/></w:tcBorders><w:vAlign w:val=\"bottom\"/>"
         "</w:tcPr></w:tblStylePr></w:style>";
}

std::string default_xml(std::string_view lang_tag, std::string_view accent) {
  std::string o = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<w:styles xmlns:w=\"" +
                  std::string(ns::w) +
                  "\"><w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii=\"Calibri\" "
                  "w:eastAsia=\"Calibri\" w:hAnsi=\"Calibri\" "
                  "w:cs=\"Calibri\"/><w:sz w:val=\"22\"/><w:szCs w:val=\"22\"/><w:lang w:val=\"" +
                  std::string(lang_tag) +
                  "\" w:eastAsia=\"en-US\" "
                  "w:bidi=\"ar-SA\"/></w:rPr></w:rPrDefault><w:pPrDefault><w:pPr><w:spacing w:after=\"0\"/>"
                  "</w:pPr></w:pPrDefault></w:docDefaults>";
  for (const Def& d : definitions(accent)) o += style_xml(d);
  o += table_style(accent);
  return o + "</w:styles>";
}

using DocPtr = std::unique_ptr<xmlDoc, decltype(&xmlFreeDoc)>;

DocPtr parse(const std::string& xml, const std::string& what) {
  DocPtr doc(xmlReadMemory(xml.data(), static_cast<int>(xml.size()), what.c_str(), nullptr,
                           XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING | XML_PARSE_HUGE),
             xmlFreeDoc);
  if (!doc || !is_w(xmlDocGetRootElement(doc.get()), "styles"))
    throw Error(ErrorCode::Input, "'" + what + "' has no readable word/styles.xml");
  return doc;
}

/// id and lower-case name of every style under `root`.
void collect(xmlNodePtr root, std::map<std::string, std::string>& by_name, std::set<std::string>& ids) {
  for (xmlNodePtr s = root->children; s; s = s->next) {
    if (!is_w(s, "style")) continue;
    const std::string id = w_attr(s, "styleId");
    ids.insert(id);
    for (xmlNodePtr c = s->children; c; c = c->next)
      if (is_w(c, "name")) by_name.emplace(lower(w_attr(c, "val")), id);
  }
}

}  // namespace

Styles::Styles(std::string_view lang_tag, std::string_view accent,
               const std::optional<std::string>& reference, const std::string& template_name) {
  const std::string ours = default_xml(lang_tag, accent);
  if (!reference) {
    xml_ = ours;
    DocPtr d = parse(ours, "built-in styles");
    std::set<std::string> ids;
    collect(xmlDocGetRootElement(d.get()), ids_, ids);
    return;
  }
  DocPtr tpl = parse(*reference, template_name);
  DocPtr def = parse(ours, "built-in styles");
  xmlNodePtr troot = xmlDocGetRootElement(tpl.get());
  std::set<std::string> tids;
  collect(troot, ids_, tids);
  // Add the styles the template lacks (by name), keeping our id unless the template uses it for another
  // style.
  for (xmlNodePtr s = xmlDocGetRootElement(def.get())->children; s; s = s->next) {
    if (!is_w(s, "style")) continue;
    std::string name;
    for (xmlNodePtr c = s->children; c; c = c->next)
      if (is_w(c, "name")) name = lower(w_attr(c, "val"));
    if (ids_.count(name)) continue;
    std::string id = w_attr(s, "styleId");
    if (tids.count(id)) continue;  // same id, other name: the template's wins
    xmlNodePtr copy = xmlDocCopyNode(s, tpl.get(), 1);
    if (!copy || !xmlAddChild(troot, copy)) throw Error(ErrorCode::Internal, "libxml2: cannot add a style");
    ids_.emplace(name, id);
    tids.insert(id);
  }
  xmlChar* mem = nullptr;
  int size = 0;
  xmlDocDumpMemoryEnc(tpl.get(), &mem, &size, "UTF-8");
  if (!mem) throw Error(ErrorCode::Internal, "libxml2: cannot write styles.xml");
  xml_.assign(reinterpret_cast<const char*>(mem), static_cast<std::size_t>(size));
  xmlFree(mem);
}

const std::string& Styles::id(const std::string& name) const {
  auto it = ids_.find(lower(name));
  if (it == ids_.end()) throw Error(ErrorCode::Internal, "no style named '" + name + "'");
  return it->second;
}

}  // namespace sdg::docx
