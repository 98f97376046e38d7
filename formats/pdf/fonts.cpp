#include "fonts.hpp"

#include <podofo/podofo.h>

#include <cstring>

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

namespace {

/// Calls f(unit) for each UTF-16 unit of UTF-8 text, as PoDoFo's PdfString
/// conversion yields them (surrogate pairs above U+FFFF); a malformed byte is U+FFFD.
template <class F>
void for_each_utf16(std::string_view s, F&& f) {
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  const auto* end = p + s.size();
  while (p < end) {
    std::uint32_t c = *p;
    int extra = c < 0x80 ? 0 : (c >> 5) == 6 ? 1 : (c >> 4) == 14 ? 2 : (c >> 3) == 30 ? 3 : -1;
    if (extra < 0 || end - p <= extra) {
      f(std::uint16_t{0xFFFD});
      ++p;
      continue;
    }
    c = extra == 0 ? c : extra == 1 ? c & 0x1F : extra == 2 ? c & 0x0F : c & 0x07;
    bool ok = true;
    for (int k = 1; k <= extra; ++k) {
      if ((p[k] & 0xC0) != 0x80) ok = false;
      c = (c << 6) | (p[k] & 0x3F);
    }
    if (!ok) {
      f(std::uint16_t{0xFFFD});
      ++p;
      continue;
    }
    p += extra + 1;
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
  Glyphs& g = glyphs(style);
  // As PdfFontMetrics::StringWidth(): each character's advance scaled by the size.
  const double scale = static_cast<double>(static_cast<float>(style.size) * 100.0f) / 100.0;
  double w = 0;
  for_each_utf16(text, [&](std::uint16_t u) { w += unit_width(g, u) * scale / 1000.0; });
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
