// PDF writer (private): the faces (DejaVu, or the theme's font files), embedded
// as Identity-H subsets with a ToUnicode map, and text measurement with PoDoFo's
// metrics. Text drawn in a theme face is checked glyph by glyph: a character the
// face lacks is an error naming it (U+XXXX), not a .notdef box (docs/formats/pdf.md).
//
// Per font, the glyph id and the advance width of every UTF-16 unit are looked
// up through PoDoFo (FreeType) once and cached: measuring and encoding text then
// walk the UTF-8 bytes directly, with the same results as PoDoFo's
// StringWidth() and its Identity encoding (PdfString conversion and a FreeType
// lookup per character were most of the writer's time). encode() also hands
// each character to PoDoFo's subsetter the first time it is drawn.
#pragma once

#include <array>
#include <cstdint>
#include <filesystem>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "layout.hpp"

namespace PoDoFo {
class PdfMemDocument;
class PdfFont;
class PdfString;
}  // namespace PoDoFo

namespace sdg::pdf {

enum class Family { Sans, Serif };

/// The theme's four font files (model Theme::font_*); all empty = DejaVu.
struct ThemeFaces {
  std::string regular, bold, italic, bold_italic;
  bool empty() const { return regular.empty(); }
};

/// PdfString from UTF-8 (PoDoFo converts it to UTF-16BE).
PoDoFo::PdfString utf8(std::string_view s);

class Fonts {
 public:
  /// Checks the face files in `dir` (default /usr/share/fonts/truetype/dejavu);
  /// throws sdg::Error(Output) naming a missing file and the package to install.
  /// Each face is created on first use, so unused faces are not written.
  Fonts(PoDoFo::PdfMemDocument& doc, Family family,
        const std::filesystem::path& dir = "/usr/share/fonts/truetype/dejavu");
  /// The theme's faces for body text and the UI faces (headings, captions,
  /// tables); code keeps DejaVu Sans Mono. Paths are absolute (the definition
  /// resolved them); throws sdg::Error(Output) naming a missing or unreadable file.
  Fonts(PoDoFo::PdfMemDocument& doc, const ThemeFaces& theme,
        const std::filesystem::path& dir = "/usr/share/fonts/truetype/dejavu");

  /// The font for a style, with its size set (size is state on the shared font).
  PoDoFo::PdfFont* font(const TextStyle& style);
  double width(const TextStyle& style, std::string_view text);
  /// The text as 2-byte glyph ids of font(style) (Identity-H), for a content
  /// stream; marks its characters as used in the font's subset.
  void encode(const TextStyle& style, std::string_view text, std::string& glyphs);
  /// Ascent (positive) and descent (negative) in points at the style's size.
  double ascent(const TextStyle& style);
  double descent(const TextStyle& style);

  /// The first character of `text` the style's face has no glyph for (a theme
  /// face only; DejaVu draws its own .notdef box), or 0.
  char32_t missing_glyph(const TextStyle& style, std::string_view text);
  /// `text` as drawn in the style's face: in a theme face that lacks them, a
  /// non-breaking hyphen (U+2011) becomes '-' and a no-break space (U+00A0,
  /// U+202F) a space (the copy is made in `scratch`); otherwise `text` itself.
  std::string_view drawable(const TextStyle& style, std::string_view text, std::string& scratch);
  /// The font file of a style's face.
  const std::string& file(const TextStyle& style) const;

  Measure measure() {
    return [this](const TextStyle& s, std::string_view t) { return width(s, t); };
  }

 private:
  struct FaceFile {
    const char* name;  // family name given to PoDoFo's font cache
    bool bold, italic;
    std::string file;  // a name in dir_, or an absolute path
    bool checked = false;  // theme face: every character is checked
  };
  void check_files() const;
  PoDoFo::PdfFont* load(const FaceFile& f);
  /// Cached metrics of one font file, filled lazily per UTF-16 unit, in blocks
  /// of 256 units allocated on first use (a report touches a few blocks; whole
  /// tables cost a small report more page faults than it has text).
  struct Unit {
    double width = -1;     ///< advance in 1/1000 em; < 0 while unknown
    std::int32_t id = -1;  ///< glyph id; < 0 while unknown
    bool used = false;     ///< already handed to the subsetter
  };
  struct Glyphs {
    PoDoFo::PdfFont* font = nullptr;
    std::array<std::unique_ptr<std::array<Unit, 256>>, 256> blocks;
    Unit& operator[](std::uint16_t u) {
      auto& b = blocks[u >> 8];
      if (!b) b = std::make_unique<std::array<Unit, 256>>();
      return (*b)[u & 0xFF];
    }
  };
  Glyphs& glyphs(const TextStyle& style);
  double unit_width(Glyphs& g, std::uint16_t unit);
  std::uint16_t unit_glyph(Glyphs& g, std::uint16_t unit);

  PoDoFo::PdfMemDocument& doc_;
  std::filesystem::path dir_;
  std::array<FaceFile, 8> specs_;
  std::array<PoDoFo::PdfFont*, 8> faces_{};
  std::map<std::string, PoDoFo::PdfFont*> by_file_;
  std::array<Glyphs*, 8> glyphs_of_face_{};
  std::vector<std::unique_ptr<Glyphs>> glyphs_;  // one per font file
};

}  // namespace sdg::pdf
