// PDF writer (private): the title block of a part written alone (`part:
// main_messages`): the report it belongs to, who publishes it and when, at the
// top of the first page, in place of the cover and the contents.
#include <podofo/podofo.h>

#include "layout_constants.hpp"
#include "renderer.hpp"
#include "sdgreport/i18n.hpp"

namespace sdg::pdf {

void Renderer::title_block(const Metadata& meta) {
  if (!main_started_) {
    c_.start_main_matter();
    main_started_ = true;
  }
  c_.new_page(PageStyle::Opening);
  const Color acc = readable_on_white(accent_);
  const Measure m = fonts_.measure();
  const double x = c_.left(), w = c_.width();
  double y = c_.top();
  auto block = [&](const std::string& text, const TextStyle& st, double leading) {
    if (text.empty()) return;
    c_.begin_content("P");
    for (const Line& l : break_lines(plain(text, st), w, m)) {
      c_.line(x, baseline_in(y, leading, st.size), l);
      y -= leading;
    }
    c_.end_content();
  };
  block(meta.organisation, TextStyle{Face::UiBold, 10.5, acc}, 14);
  y -= 4;
  block(meta.title, TextStyle{Face::UiBold, 20, colors::ink}, 25);
  block(meta.subtitle, TextStyle{Face::UiRegular, 12, colors::muted}, 16);
  std::string when = meta.date.empty() ? std::string() : format_date(meta.date, lang_);
  if (!meta.edition.empty()) when += (when.empty() ? "" : " \u00B7 ") + meta.edition;
  y -= 2;
  block(when, TextStyle{Face::UiRegular, 10, colors::muted}, 14);
  y -= 10;
  c_.begin_artifact();
  c_.fill_rect(x, y, w, 1.5, acc);
  c_.end_artifact();
  c_.set_y(y - 30);
  continue_page_ = true;
}

}  // namespace sdg::pdf
