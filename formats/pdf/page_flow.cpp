// PDF writer (private): page composition: vertical space, keeping a block on one
// page, and flowing wrapped lines across page breaks (orphans and widows).
#include "renderer.hpp"

#include <podofo/podofo.h>

#include <algorithm>
#include <cmath>

#include "layout_constants.hpp"
#include "pagination.hpp"
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

void Renderer::page_break() {
  if (c_.has_page() && !c_.at_top()) c_.new_page();
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
  if (!c_.has_page()) c_.new_page();
  // Lines per page by the orphan/widow rules (pagination.hpp).
  const double gap = c_.at_top() ? 0 : pending_space_;
  const std::size_t first = lines_fitting(c_.y() - gap - c_.bottom(), leading);
  const std::size_t per_page = lines_fitting(c_.top() - c_.bottom(), leading);
  const auto pages = paginate_lines(lines.size(), first, per_page, keep_two_lines);
  std::size_t at = 0;
  for (std::size_t p = 0; p < pages.size(); ++p) {
    if (pages[p] == 0) continue;
    if (at == 0) {
      if (p > 0) c_.new_page();
      place(static_cast<double>(pages[p]) * leading);
    } else {
      c_.new_page();
    }
    const auto from = lines.begin() + static_cast<std::ptrdiff_t>(at);
    draw_lines({from, from + static_cast<std::ptrdiff_t>(pages[p])}, leading, x, width);
    at += pages[p];
  }
}

}  // namespace sdg::pdf
