#include "fonts.hpp"

#include <podofo/podofo.h>

#include <cstring>
#include <utility>

#include "sdgreport/error.hpp"
#include "sdgreport/text.hpp"

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
/// Next code point of `s` at `i` (the toolkit's decoder); a byte that is not
/// UTF-8 is U+FFFD, one byte long.
char32_t next_code_point(std::string_view s, std::size_t& i) {
  char32_t cp = 0xFFFD;
  const int n = utf8_decode(s, i, &cp);
  if (n <= 0) cp = 0xFFFD;
  i += n > 0 ? static_cast<std::size_t>(n) : 1;
  return cp;
}

/// Calls f(unit) for each UTF-16 unit of UTF-8 text, as PoDoFo's PdfString
/// conversion yields them (surrogate pairs above U+FFFF); a malformed byte is U+FFFD.
template <class F>
void for_each_utf16(std::string_view s, F&& f) {
  std::size_t i = 0;
  while (i < s.size()) {
    char32_t cp = 0;
    const int n = utf8_decode(s, i, &cp);
    if (n <= 0) {
      f(std::uint16_t{0xFFFD});
      ++i;
      continue;
    }
    i += static_cast<std::size_t>(n);
    std::uint32_t c = cp;
    if (c == 0) return;  // PoDoFo's strings end at NUL
    if (c > 0xFFFF) {
      c -= 0x10000;
      f(static_cast<std::uint16_t>(0xD800 + (c >> 10)));
      f(static_cast<std::uint16_t>(0xDC00 + (c & 0x3FF)));
    } else {
      f(static_cast<std::uint16_t>(c));
    }
  }
}

}  // namespace

char32_t Fonts::missing_glyph(const TextStyle& style, std::string_view text) {
  const auto i = static_cast<std::size_t>(style.face);
  if (!specs_[i].checked) return 0;
  Glyphs& g = glyphs(style);  // the ids encode() uses, looked up once per character
  const PdfFontMetrics* m = g.font->GetFontMetrics();
  for (std::size_t at = 0; at < text.size();) {
    const char32_t cp = next_code_point(text, at);
    if (cp == U' ' || cp == U'\u00AD') continue;  // spaces are advances, soft hyphens never drawn
    const bool missing = cp <= 0xFFFF ? unit_glyph(g, static_cast<std::uint16_t>(cp)) == 0
                                      : m->GetGlyphId(static_cast<long>(cp)) == 0;
    if (missing) return cp;
  }
  return 0;
}

std::string_view Fonts::drawable(const TextStyle& style, std::string_view text, std::string& scratch) {
  const auto i = static_cast<std::size_t>(style.face);
  if (!specs_[i].checked || text.find_first_of("\xC2\xE2") == std::string_view::npos) return text;
  const PdfFontMetrics* m = font(style)->GetFontMetrics();
  static constexpr std::pair<std::string_view, char32_t> kSubstitutes[] = {
      {"\u2011", U'-'}, {"\u00A0", U' '}, {"\u202F", U' '}};
  scratch.assign(text);
  for (const auto& [from, cp] : kSubstitutes) {
    std::size_t at = scratch.find(from);
    if (at == std::string::npos) continue;
    std::size_t k = 0;
    const char32_t orig = next_code_point(from, k);
    if (m->GetGlyphId(static_cast<long>(orig)) != 0) continue;
    for (; at != std::string::npos; at = scratch.find(from, at + 1))
      scratch.replace(at, from.size(), 1, static_cast<char>(cp));
  }
  return scratch;
}

const std::string& Fonts::file(const TextStyle& style) const {
  return specs_[static_cast<std::size_t>(style.face)].file;
}

Fonts::Glyphs& Fonts::glyphs(const TextStyle& style) {
  const auto i = static_cast<std::size_t>(style.face);
  if (glyphs_of_face_[i] != nullptr) return *glyphs_of_face_[i];
  PdfFont* f = font(style);
  for (const auto& g : glyphs_)
    if (g->font == f) return *(glyphs_of_face_[i] = g.get());
  auto g = std::make_unique<Glyphs>();
  g->font = f;
  glyphs_of_face_[i] = g.get();
  glyphs_.push_back(std::move(g));
  return *glyphs_of_face_[i];
}

double Fonts::unit_width(Glyphs& g, std::uint16_t unit) {
  double& w = g[unit].width;
  if (w < 0) {
    // PoDoFo's width at 1000 pt is the advance in 1/1000 em (its StringWidth() sums these, scaled).
    const float size = g.font->GetFontSize();
    g.font->SetFontSize(1000.0f);
    w = g.font->GetFontMetrics()->UnicodeCharWidth(unit);
    g.font->SetFontSize(size);
  }
  return w;
}

std::uint16_t Fonts::unit_glyph(Glyphs& g, std::uint16_t unit) {
  std::int32_t& id = g[unit].id;
  if (id < 0) id = static_cast<std::int32_t>(g.font->GetFontMetrics()->GetGlyphId(unit) & 0xFFFF);
  return static_cast<std::uint16_t>(id);
}

double Fonts::width(const TextStyle& style, std::string_view text) {
  if (text.empty()) return 0;
  std::string scratch;
  const std::string_view t = drawable(style, text, scratch);
  Glyphs& g = glyphs(style);
  // As PdfFontMetrics::StringWidth(): each character's advance scaled by the size.
  const double scale = static_cast<double>(static_cast<float>(style.size) * 100.0f) / 100.0;
  double w = 0;
  for_each_utf16(t, [&](std::uint16_t u) { w += unit_width(g, u) * scale / 1000.0; });
  return w;
}

void Fonts::encode(const TextStyle& style, std::string_view text, std::string& out) {
  out.clear();
  Glyphs& g = glyphs(style);
  std::string fresh;  // characters this font's subset does not have yet
  for_each_utf16(text, [&](std::uint16_t u) {
    const std::uint16_t id = unit_glyph(g, u);
    out += static_cast<char>(id >> 8);
    out += static_cast<char>(id & 0xFF);
    if (Unit& e = g[u]; !e.used) {
      e.used = true;
      fresh += static_cast<char>(u >> 8);
      fresh += static_cast<char>(u & 0xFF);
    }
  });
  if (!fresh.empty() && g.font->IsSubsetting()) {
    std::vector<pdf_utf16be> be(fresh.size() / 2);  // UTF-16BE in memory, aligned
    std::memcpy(be.data(), fresh.data(), fresh.size());
    const PdfString units(be.data(), static_cast<pdf_long>(be.size()));
    g.font->AddUsedSubsettingGlyphs(units, static_cast<long>(be.size()));
  }
}

double Fonts::ascent(const TextStyle& style) {
  return font(style)->GetFontMetrics()->GetAscent();
}
double Fonts::descent(const TextStyle& style) {
  return font(style)->GetFontMetrics()->GetDescent();
}

}  // namespace sdg::pdf
