// PDF writer (private): figures (images) and charts with their captions.
#include "renderer.hpp"

#include <podofo/podofo.h>

#include <algorithm>
#include <array>
#include <filesystem>

#include "chart.hpp"
#include "layout_constants.hpp"
#include "pagination.hpp"
#include "sdgreport/error.hpp"
#include "sdgreport/i18n.hpp"
#include "sdgreport/images.hpp"

namespace sdg::pdf {

using namespace PoDoFo;
using namespace layout;

// ---------------------------------------------------------------- figures and charts

Renderer::FigureBox Renderer::figure_box(const Figure& f) {
  const auto path = ctx_.resolve(f.path);
  std::error_code ec;
  const double w_max = c_.width();
  const double h_max = (c_.top() - c_.bottom()) * 0.6;
  FigureBox box;
  if (is_svg_path(f.path))
    throw Error(ErrorCode::Input, "figure '" + f.path + "': " + svg_refusal(f.path));
  if (!std::filesystem::is_regular_file(path, ec)) {
    ctx_.warn("image-missing",
              "figure '" + f.path + "' not found (" + path.string() + "); drawn as a placeholder");
  } else {
    try {
      box.img = std::make_unique<PdfImage>(&doc_);
      box.img->LoadFromFile(path.c_str());
    } catch (const PdfError& e) {
      box.img.reset();
      ctx_.warn("image-unreadable", "figure '" + f.path + "' could not be read as PNG or JPEG (" +
                                        PdfError::ErrorMessage(e.GetError()) + "); drawn as a placeholder");
    }
  }
  // The asked width (Figure::width), else the text width; never wider than the
  // image's natural size at kImageDpi, nor taller than 60 % of the text block.
  const double asked = figure_width_points(f.width, w_max).value_or(w_max);
  box.w = std::min(asked, w_max);
  box.h = 90;
  if (box.img) {
    const double pw = box.img->GetWidth(), ph = box.img->GetHeight();
    box.w = std::min(box.w, pw * 72.0 / kImageDpi);
    box.h = box.w * ph / pw;
    if (box.h > h_max) {
      box.h = h_max;
      box.w = box.h * pw / ph;
    }
  }
  return box;
}

double Renderer::figure_need(const FigureBox& b) {
  return b.h + 8 + 2 * kCaptionLeading;
}

double Renderer::room_left() const {
  if (!c_.has_page() || c_.at_top()) return c_.top() - c_.bottom();
  return c_.y() - pending_space_ - c_.bottom();
}

void Renderer::figure(const Figure& f, bool may_float) {
  flush_figure();
  FigureBox box = figure_box(f);
  const double gap_before = pending_space_;
  space(kParaGap + 4);
  // A figure that would leave most of the page empty waits for the next page
  // while the paragraphs after it flow up (pagination.hpp).
  const FigurePlan plan =
      plan_figure(figure_need(box), box.h, room_left(), c_.top() - c_.bottom(), may_float);
  if (plan.move == FigureMove::Float) {
    if (!c_.has_page()) c_.new_page();
    pending_space_ = gap_before;  // the floated paragraph keeps its own spacing
    waiting_ = std::make_unique<WaitingFigure>(WaitingFigure{f, std::move(box), c_.page_index(), false, c_.lang()});
    return;
  }
  if (plan.move == FigureMove::Shrink) {
    box.w *= plan.scale;
    box.h *= plan.scale;
  }
  draw_figure(f, box);
}

void Renderer::flush_figure() {
  if (!waiting_) return;
  const std::unique_ptr<WaitingFigure> w = std::move(waiting_);
  // No text floated up (the next block was no paragraph): shrunk to fit if it may be.
  if (!w->text_floated && c_.page_index() == w->page) {
    const FigurePlan plan =
        plan_figure(figure_need(w->box), w->box.h, room_left(), c_.top() - c_.bottom(), false);
    if (plan.move == FigureMove::Shrink) {
      w->box.w *= plan.scale;
      w->box.h *= plan.scale;
    }
  }
  space(kParaGap + 4);
  const std::string now = c_.lang();
  c_.set_lang(w->lang);
  draw_figure(w->figure, w->box);
  c_.set_lang(now);
}

void Renderer::draw_figure(const Figure& f, const FigureBox& box) {
  ++figures_;
  const double w = box.w, h = box.h;
  place(figure_need(box));
  if (!f.id.empty()) c_.anchor(f.id);
  const int fig = c_.begin_content("Figure");
  const double top = c_.y();
  const double x = c_.left() + (c_.width() - w) / 2;
  c_.tree().node(fig).alt = f.alt;
  c_.tree().node(fig).bbox = std::array<double, 4>{x, top - h, x + w, top};
  if (box.img) {
    c_.painter().DrawImage(x, top - h, box.img.get(), w / box.img->GetWidth(), h / box.img->GetHeight());
  } else {
    c_.fill_rect(x, top - h, w, h, colors::faint);
    const TextStyle alt{Face::UiItalic, 9, colors::muted};
    c_.set_y(top - h / 2 + 7);
    flow(plain(f.alt.empty() ? f.path : f.alt, alt), 12, x + 12, w - 24, false);
  }
  c_.end_content();
  c_.set_y(top - h - 8);
  caption(label(Label::Figure, lang_), figures_, f.caption);
  space(kParaGap + 4);
}

void Renderer::chart(const Chart& ch, const Where& w) {
  ++figures_;
  const double width = c_.width();
  // A legend that wraps makes the box taller rather than the plot smaller (within
  // a page: caption, box and source note must fit on one).
  const double legend_extra = std::max(0.0, legend_height(fonts_, ch, width) - kLegendOneLine);
  const double plain_height = std::min(width * kChartAspect, chart_max_height_ > 0 ? chart_max_height_ : kChartMaxHeight);
  const double height =
      std::min(plain_height + legend_extra,
               std::max(plain_height,
                        c_.top() - c_.bottom() - (2 * kCaptionLeading + kChartCaptionGap + kChartNoteRoom)));
  space(kParaGap + 4);
  place(2 * kCaptionLeading + kChartCaptionGap + height + kChartNoteRoom);
  caption(label(Label::Figure, lang_), figures_, ch.title);
  c_.move_down(kChartCaptionGap);
  const double top = c_.y();
  // The Figure is in the language of its /Alt, the report's (the description is
  // generated in it), even when the chart's own text (caption, legend) is not.
  const std::string block_lang = c_.lang();
  c_.set_lang({});
  const int fig = c_.begin_content("Figure");
  c_.set_lang(block_lang);
  c_.tree().node(fig).alt = ch.alt;
  c_.tree().node(fig).bbox = std::array<double, 4>{c_.left(), top - height, c_.left() + width, top};
  c_.graphics_are_content(true);
  const bool drawn = draw_chart(c_, ch, c_.left(), top, width, height, w.goal(), lang_, accent_);
  c_.graphics_are_content(false);
  if (drawn) {
    c_.set_y(top - height);
  } else {
    ctx_.warn("chart-not-rendered", "chart '" + (ch.id.empty() ? ch.title : ch.id) +
                                        "' has no values to plot; its text alternative is shown");
    const TextStyle alt{Face::UiItalic, 9, colors::muted};
    flow(plain(ch.alt, alt), 12, c_.left(), width, false);
  }
  c_.end_content();  // Figure
  source_note(ch.source, ch.source_url, ch.national ? ch.indicator : std::string());
  space(kParaGap + 4);
}

}  // namespace sdg::pdf
