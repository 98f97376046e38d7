// PDF writer (private): page composition: vertical space, keeping a block on one
// page, and flowing wrapped lines across page breaks (orphans and widows).
#include "renderer.hpp"

#include <podofo/podofo.h>

#include <algorithm>
#include <cmath>

#include "layout_constants.hpp"
#include "sdgreport/i18n.hpp"

namespace sdg::pdf {

using namespace PoDoFo;
using namespace layout;

Renderer::Renderer(PdfMemDocument& doc, Canvas& canvas, Context& ctx, std::string lang)
    : doc_(doc), c_(canvas), fonts_(canvas.fonts()), ctx_(ctx), lang_(std::move(lang)) {
  c_.set_page_label(label(Label::Page, lang_));
}

// ---------------------------------------------------------------- flow helpers

void Renderer::space(double gap) {
  pending_space_ = std::max(pending_space_, gap);
}

void Renderer::place(double h) {
  if (!c_.has_page()) c_.new_page();
  if (c_.at_top()) {
    pending_space_ = 0;
    return;
  }
  if (!c_.fits(pending_space_ + h)) {
    c_.new_page();
  } else {
    c_.move_down(pending_space_);
  }
  pending_space_ = 0;
}

double Renderer::baseline_in(double top, double leading, double size) const {
  return top - (leading - size * 1.164) / 2 - size * 0.928;
}

void Renderer::flush_marker(double baseline) {
  if (marker_.empty()) return;
  const TextStyle st{Face::Regular, kBodySize, marker_numeric_ ? colors::ink : colors::muted};
  const double w = fonts_.width(st, marker_);
  const double x = marker_numeric_ ? c_.left() - 5 - w : c_.left() - 11;
  if (marker_node_ >= 0) c_.enter(marker_node_);
  c_.text(x, baseline, st, marker_);
  if (marker_node_ >= 0) c_.leave();
  marker_.clear();
  marker_node_ = -1;
}

void Renderer::draw_lines(const std::vector<Line>& lines, double leading, double x, double width,
                          bool right_align) {
  for (std::size_t i = 0; i < lines.size(); ++i) {
    if (!c_.fits(leading)) c_.new_page();
    double size = kBodySize;
    if (!lines[i].fragments.empty()) size = lines[i].fragments.front().style.size;
    const double base = baseline_in(c_.y(), leading, size);
    if (i == 0) flush_marker(base);
    const double dx = right_align ? width - lines[i].width : 0;
    c_.line(x + dx, base, lines[i]);
    c_.move_down(leading);
  }
}

void Renderer::flow(const std::vector<Span>& spans, double leading, double x, double width,
                    bool keep_two_lines) {
  const auto lines = break_lines(spans, width, fonts_.measure());
  // No single first line at the foot of a page (orphan).
  place(keep_two_lines && lines.size() >= 2 ? 2 * leading : leading);
  // No single last line at the head of the next page (widow): break one line early.
  const double room = c_.y() - c_.bottom();
  const auto fit = static_cast<std::size_t>(std::floor((room + 0.01) / leading));
  if (lines.size() >= 3 && fit + 1 == lines.size() && fit >= 2) {
    std::vector<Line> first(lines.begin(), lines.end() - 2);
    draw_lines(first, leading, x, width);
    c_.new_page();
    draw_lines({lines.end() - 2, lines.end()}, leading, x, width);
    return;
  }
  draw_lines(lines, leading, x, width);
}

}  // namespace sdg::pdf
