// PDF writer (private): the DejaVu faces, embedded as Identity-H subsets, and
// text measurement with PoDoFo's metrics.
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

/// PdfString from UTF-8 (PoDoFo converts it to UTF-16BE).
PoDoFo::PdfString utf8(std::string_view s);

class Fonts {
 public:
  /// Checks the face files in `dir` (default /usr/share/fonts/truetype/dejavu);
  /// throws sdg::Error(Output) naming a missing file and the package to install.
  /// Each face is created on first use, so unused faces are not written.
  Fonts(PoDoFo::PdfMemDocument& doc, Family family,
        const std::filesystem::path& dir = "/usr/share/fonts/truetype/dejavu");

  /// The font for a style, with its size set (size is state on the shared font).
  PoDoFo::PdfFont* font(const TextStyle& style);
  double width(const TextStyle& style, std::string_view text);
  /// Ascent (positive) and descent (negative) in points at the style's size.
  double ascent(const TextStyle& style);
  double descent(const TextStyle& style);

  Measure measure() {
    return [this](const TextStyle& s, std::string_view t) { return width(s, t); };
  }

 private:
  struct FaceFile {
    const char* name;  // family name given to PoDoFo's font cache
    bool bold, italic;
    std::string file;
  };
  PoDoFo::PdfFont* load(const FaceFile& f);

  PoDoFo::PdfMemDocument& doc_;
  std::filesystem::path dir_;
  std::array<FaceFile, 8> specs_;
  std::array<PoDoFo::PdfFont*, 8> faces_{};
  std::map<std::string, PoDoFo::PdfFont*> by_file_;
};

}  // namespace sdg::pdf
