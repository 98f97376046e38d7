// Word writer (private): word/document.xml, word/footnotes.xml and
// word/numbering.xml from the model, with sdg::walk(). Every paragraph gets its
// source marker (markers.hpp); cross-reference targets get bookmarks, tables
// and figures numbered captions (SEQ fields), charts a PNG (chart_png.hpp).
#pragma once

#include <string>
#include <vector>

#include "markers.hpp"
#include "sdgreport/context.hpp"
#include "sdgreport/model.hpp"
#include "styles.hpp"

namespace sdg::docx {

/// A relationship of word/document.xml (ids "rId<N>").
struct Rel {
  std::string id, type, target;
  bool external = false;
};

struct MediaFile {
  std::string name;  ///< "media/image1.png", relative to word/
  std::string bytes;
};

struct Page {
  int width = 11906, height = 16838;  ///< twips (A4)
  int margin = 1418;                  ///< 2.5 cm
  int text_width() const { return width - 2 * margin; }
};

struct BodyOptions {
  bool toc = true;
  /// `part: main_messages`: the pipeline hands over that chapter alone; it
  /// follows the title block on the first page, with no contents or colophon.
  bool part = false;
  Page page;
};

struct Body {
  std::string document, footnotes, numbering;
  std::vector<Rel> rels;  ///< hyperlinks and images; the fixed parts are added by the writer
  std::vector<MediaFile> media;
  std::vector<Origin> origins;  ///< every marker, `text` still empty
};

Body write_body(const Document& doc, const Styles& styles, const BodyOptions& opts, Context& ctx);

}  // namespace sdg::docx
