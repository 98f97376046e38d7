#include "fonts.hpp"

#include <podofo/podofo.h>

#include "sdgreport/error.hpp"

namespace sdg::pdf {

using namespace PoDoFo;

PdfString utf8(std::string_view s) {
  const std::string copy(s);
  return PdfString(reinterpret_cast<const pdf_utf8*>(copy.c_str()));
}

Fonts::Fonts(PdfMemDocument& doc, Family family, const std::filesystem::path& dir) : doc_(doc), dir_(dir) {
  const bool serif = family == Family::Serif;
  const char* body = serif ? "DejaVu Serif" : "DejaVu Sans";
  specs_ = {{
      {body, false, false, serif ? "DejaVuSerif.ttf" : "DejaVuSans.ttf"},
      {body, true, false, serif ? "DejaVuSerif-Bold.ttf" : "DejaVuSans-Bold.ttf"},
      {body, false, true, serif ? "DejaVuSerif-Italic.ttf" : "DejaVuSans-Oblique.ttf"},
      {body, true, true, serif ? "DejaVuSerif-BoldItalic.ttf" : "DejaVuSans-BoldOblique.ttf"},
      {"DejaVu Sans Mono", false, false, "DejaVuSansMono.ttf"},
      {"DejaVu Sans", false, false, "DejaVuSans.ttf"},
      {"DejaVu Sans", true, false, "DejaVuSans-Bold.ttf"},
      {"DejaVu Sans", false, true, "DejaVuSans-Oblique.ttf"},
  }};
  // Fail before drawing anything when a face is missing.
  for (const FaceFile& f : specs_) {
    const std::filesystem::path path = dir_ / f.file;
    std::error_code ec;
    if (!std::filesystem::is_regular_file(path, ec)) {
      const bool is_serif = f.file.find("Serif") != std::string::npos;
      throw Error(ErrorCode::Output, "font file " + path.string() + " not found (install the package " +
                                         (is_serif ? "fonts-dejavu-extra" : "fonts-dejavu-core") + ")");
    }
  }
}

PdfFont* Fonts::load(const FaceFile& f) {
  if (auto it = by_file_.find(f.file); it != by_file_.end()) return it->second;
  const std::filesystem::path path = dir_ / f.file;
  PdfFont* font = doc_.CreateFontSubset(f.name, f.bold, f.italic, false,
                                        PdfEncodingFactory::GlobalIdentityEncodingInstance(), path.c_str());
  if (font == nullptr) throw Error(ErrorCode::Output, "could not load font " + path.string());
  by_file_.emplace(f.file, font);
  return font;
}

PdfFont* Fonts::font(const TextStyle& style) {
  const auto i = static_cast<std::size_t>(style.face);
  if (faces_[i] == nullptr) faces_[i] = load(specs_[i]);
  PdfFont* f = faces_[i];
  f->SetFontSize(static_cast<float>(style.size));
  return f;
}

double Fonts::width(const TextStyle& style, std::string_view text) {
  if (text.empty()) return 0;
  return font(style)->GetFontMetrics()->StringWidth(utf8(text));
}

double Fonts::ascent(const TextStyle& style) {
  return font(style)->GetFontMetrics()->GetAscent();
}
double Fonts::descent(const TextStyle& style) {
  return font(style)->GetFontMetrics()->GetDescent();
}

}  // namespace sdg::pdf
