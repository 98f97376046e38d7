// Word writer (private): a thin RAII wrapper around libxml2's xmlTextWriter,
// writing one XML part into memory. Names are written with their prefixes
// ("w:p"); namespaces are declared as ordinary attributes on the root. Every
// libxml2 failure becomes sdg::Error(Internal); text is checked for valid UTF-8
// and stripped of characters XML 1.0 does not allow.
//
//   docx::Xml x;
//   x.start("w:document").attr("xmlns:w", docx::ns::w);
//   x.start("w:p").start("w:r").start("w:t").text("Fornybar – økende").end().end().end();
//   std::string part = x.finish();
#pragma once

#include <libxml/xmlwriter.h>

#include <string>
#include <string_view>

namespace sdg::docx {

namespace ns {
inline constexpr const char* w = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
inline constexpr const char* r = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
inline constexpr const char* wp = "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing";
inline constexpr const char* a = "http://schemas.openxmlformats.org/drawingml/2006/main";
inline constexpr const char* pic = "http://schemas.openxmlformats.org/drawingml/2006/picture";
inline constexpr const char* rel = "http://schemas.openxmlformats.org/package/2006/relationships";
inline constexpr const char* rel_doc = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/";
inline constexpr const char* sdg = "urn:sdgreport:docx-origins:1";  ///< the origins part (markers.hpp)
}  // namespace ns

class Xml {
 public:
  Xml();
  ~Xml();
  Xml(const Xml&) = delete;
  Xml& operator=(const Xml&) = delete;

  Xml& start(const char* name);
  Xml& attr(const char* name, std::string_view value);
  Xml& attr(const char* name, long long value);
  /// Text content; leading/trailing spaces need xml:space="preserve" on <w:t> (the caller's).
  Xml& text(std::string_view s);
  Xml& end();
  /// Markup written as it is: only for fixed snippets of this plugin, never for model text.
  Xml& raw(std::string_view markup);
  /// An empty element with up to two attributes: `empty("w:b")`, `empty("w:pStyle", "w:val", "Title")`.
  Xml& empty(const char* name, const char* a1 = nullptr, std::string_view v1 = {}, const char* a2 = nullptr,
             std::string_view v2 = {});
  /// Ends every open element and the document; returns the part's bytes.
  std::string finish();

 private:
  void check(int rc, const char* what) const;
  xmlBufferPtr buf_;
  xmlTextWriterPtr w_;
};

/// `s` with characters XML 1.0 does not allow (C0 controls but tab/LF/CR, U+FFFE,
/// U+FFFF) dropped and invalid UTF-8 bytes replaced by U+FFFD.
std::string xml_clean(std::string_view s);

}  // namespace sdg::docx
