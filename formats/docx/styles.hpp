// Word writer (private): word/styles.xml. Named styles with the names pandoc
// uses (Title, Subtitle, Heading 1–6, Body Text, First Paragraph, Compact,
// Block Text, Source Code, Caption, Table Caption, Image Caption, Footnote
// Text, TOC Heading, Hyperlink, …) plus a few of sdgreport's own (Source Note,
// Symbol Key, Indicator, Targets Addressed, Colophon). With a `reference_doc:`
// the template's styles.xml is used as it is, as pandoc's --reference-doc does;
// only the styles it lacks are added from ours. Paragraphs name styles by
// style id, and a template may give a style another id (a Norwegian Word writes
// "Overskrift1" for "heading 1"), so ids are looked up by style name.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>

namespace sdg::docx {

class Styles {
 public:
  /// `lang_tag` ("en-GB") is the document's language; `accent` "RRGGBB" colours
  /// titles and headings; `reference_styles` is a template's word/styles.xml.
  Styles(std::string_view lang_tag, std::string_view accent,
         const std::optional<std::string>& reference_styles, const std::string& template_name);
  /// The style id for a style name as Word names it ("heading 1", "Body Text").
  const std::string& id(const std::string& name) const;
  const std::string& xml() const noexcept { return xml_; }

 private:
  std::string xml_;
  std::map<std::string, std::string> ids_;  ///< lower-case name → id
};

}  // namespace sdg::docx
