#include "fonts.hpp"

#include <podofo/podofo.h>

#include <utility>

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
  check_files();
}

Fonts::Fonts(PdfMemDocument& doc, const ThemeFaces& theme, const std::filesystem::path& dir)
    : doc_(doc), dir_(dir) {
  // PoDoFo's font cache keys faces by name: each theme file gets its own.
  auto face = [](const std::string& path, bool bold, bool italic) {
    return FaceFile{"sdgreport theme", bold, italic, path, true};
  };
  specs_ = {{
      face(theme.regular, false, false),
      face(theme.bold, true, false),
      face(theme.italic, false, true),
      face(theme.bold_italic, true, true),
      {"DejaVu Sans Mono", false, false, "DejaVuSansMono.ttf"},
      face(theme.regular, false, false),
      face(theme.bold, true, false),
      face(theme.italic, false, true),
  }};
  check_files();
}

void Fonts::check_files() const {
  // Fail before drawing anything when a face is missing.
  for (const FaceFile& f : specs_) {
    const std::filesystem::path path = dir_ / f.file;  // an absolute file replaces dir_
    std::error_code ec;
    if (std::filesystem::is_regular_file(path, ec)) continue;
    if (f.checked) throw Error(ErrorCode::Output, "theme font file " + path.string() + " not found");
    const bool is_serif = f.file.find("Serif") != std::string::npos;
    throw Error(ErrorCode::Output, "font file " + path.string() + " not found (install the package " +
                                       (is_serif ? "fonts-dejavu-extra" : "fonts-dejavu-core") + ")");
  }
}

PdfFont* Fonts::load(const FaceFile& f) {
  if (auto it = by_file_.find(f.file); it != by_file_.end()) return it->second;
  const std::filesystem::path path = dir_ / f.file;
  PdfFont* font = nullptr;
  try {
    // The cache keys on name, bold and italic: a theme face's name is its file.
    const std::string name = f.checked ? path.stem().string() : std::string(f.name);
    font = doc_.CreateFontSubset(name.c_str(), f.bold, f.italic, false,
                                 PdfEncodingFactory::GlobalIdentityEncodingInstance(), path.c_str());
  } catch (const PdfError&) {
    font = nullptr;
  }
  if (font == nullptr)
    throw Error(ErrorCode::Output, "could not load font " + path.string() + " (not a TrueType/OpenType font?)");
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

namespace {
/// Next code point of valid UTF-8 (the model holds only valid UTF-8).
char32_t next_code_point(std::string_view s, std::size_t& i) {
  const auto b = static_cast<unsigned char>(s[i]);
  const int n = b < 0x80 ? 1 : b < 0xE0 ? 2 : b < 0xF0 ? 3 : 4;
  char32_t cp = n == 1 ? b : b & (0x7F >> n);
  for (int k = 1; k < n && i + static_cast<std::size_t>(k) < s.size(); ++k)
    cp = (cp << 6) | (static_cast<unsigned char>(s[i + static_cast<std::size_t>(k)]) & 0x3F);
  i += static_cast<std::size_t>(n);
  return cp;
}
}  // namespace

char32_t Fonts::missing_glyph(const TextStyle& style, std::string_view text) {
  const auto i = static_cast<std::size_t>(style.face);
  if (!specs_[i].checked) return 0;
  const PdfFontMetrics* m = font(style)->GetFontMetrics();
  for (std::size_t at = 0; at < text.size();) {
    const char32_t cp = next_code_point(text, at);
    if (cp == U' ' || cp == U'\u00AD') continue;  // spaces are advances, soft hyphens never drawn
    if (m->GetGlyphId(static_cast<long>(cp)) == 0) return cp;
  }
  return 0;
}

std::string Fonts::drawable(const TextStyle& style, std::string_view text) {
  const auto i = static_cast<std::size_t>(style.face);
  std::string out(text);
  if (!specs_[i].checked || text.find_first_of("\xC2\xE2") == std::string_view::npos) return out;
  const PdfFontMetrics* m = font(style)->GetFontMetrics();
  static constexpr std::pair<std::string_view, char32_t> kSubstitutes[] = {
      {"\u2011", U'-'}, {"\u00A0", U' '}, {"\u202F", U' '}};
  for (const auto& [from, cp] : kSubstitutes) {
    std::size_t at = out.find(from);
    if (at == std::string::npos) continue;
    char32_t orig = 0;
    std::size_t k = 0;
    orig = next_code_point(from, k);
    if (m->GetGlyphId(static_cast<long>(orig)) != 0) continue;
    for (; at != std::string::npos; at = out.find(from, at + 1)) out.replace(at, from.size(), 1, static_cast<char>(cp));
  }
  return out;
}

const std::string& Fonts::file(const TextStyle& style) const {
  return specs_[static_cast<std::size_t>(style.face)].file;
}

double Fonts::width(const TextStyle& style, std::string_view text) {
  if (text.empty()) return 0;
  return font(style)->GetFontMetrics()->StringWidth(utf8(drawable(style, text)));
}

double Fonts::ascent(const TextStyle& style) {
  return font(style)->GetFontMetrics()->GetAscent();
}
double Fonts::descent(const TextStyle& style) {
  return font(style)->GetFontMetrics()->GetDescent();
}

}  // namespace sdg::pdf
