// PDF writer (private): the faces (DejaVu, or the theme's font files), embedded
// as Identity-H subsets with a ToUnicode map, and text measurement with PoDoFo's
// metrics. Text drawn in a theme face is checked glyph by glyph: a character the
// face lacks is an error naming it (U+XXXX), not a .notdef box (docs/formats/pdf.md).
#pragma once

#include <array>
#include <filesystem>
#include <map>
#include <string>
#include <string_view>

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
  /// Ascent (positive) and descent (negative) in points at the style's size.
  double ascent(const TextStyle& style);
  double descent(const TextStyle& style);

  /// The first character of `text` the style's face has no glyph for (a theme
  /// face only; DejaVu draws its own .notdef box), or 0.
  char32_t missing_glyph(const TextStyle& style, std::string_view text);
  /// `text` as drawn in the style's face: in a theme face that lacks them, a
  /// non-breaking hyphen (U+2011) becomes '-' and a no-break space (U+00A0,
  /// U+202F) a space; DejaVu text is returned unchanged.
  std::string drawable(const TextStyle& style, std::string_view text);
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

  PoDoFo::PdfMemDocument& doc_;
  std::filesystem::path dir_;
  std::array<FaceFile, 8> specs_;
  std::array<PoDoFo::PdfFont*, 8> faces_{};
  std::map<std::string, PoDoFo::PdfFont*> by_file_;
};

}  // namespace sdg::pdf
