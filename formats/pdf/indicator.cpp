// PDF writer (private): the indicator summary box.
#include "renderer.hpp"

#include <podofo/podofo.h>

#include "layout_constants.hpp"
#include "sdgreport/catalogue.hpp"
#include "sdgreport/i18n.hpp"

namespace sdg::pdf {

using namespace PoDoFo;
using namespace layout;

namespace {

Color readable_on(const Color& c, const Color& bg) {
  Color d = c;
  for (int i = 0; i < 24 && contrast_ratio(d, bg) < 4.5; ++i) d = {d.r * 0.9, d.g * 0.9, d.b * 0.9};
  return d;
}

}  // namespace

// ---------------------------------------------------------------- indicator summary

void Renderer::indicator(const IndicatorSummary& s, const Where& w) {
  int goal = w.goal();
  if (const Indicator* ind = Catalogue::get().find_indicator(s.indicator)) goal = ind->goal;
  const Color bg = colors::faint;
  const Color acc = goal_color(goal);
  const double pad = 11, stripe = 5;
  const double x = c_.left() + stripe, w_in = c_.width() - stripe - 2 * pad;
  const Measure m = fonts_.measure();

  const TextStyle idst{Face::UiBold, 8, readable_on(acc, bg)};
  const TextStyle titst{Face::UiBold, 10.5, colors::ink};
  const TextStyle valst{Face::UiBold, 20, colors::ink};
  const TextStyle unitst{Face::UiRegular, 10, colors::ink};
  const TextStyle yearst{Face::UiRegular, 9, colors::muted};
  const TextStyle pillst{Face::UiBold, 8, colors::white};

  const std::string id =
      label(s.national ? Label::NationalIndicator : Label::Indicator, lang_) + " " + s.indicator;
  const auto title_lines = break_lines(plain(s.title, titst), w_in, m);
  const std::string value =
      s.value ? format_number(*s.value, s.decimals, lang_) : status_symbol(ValueStatus::NotAvailable, lang_);
  const std::string pill = progress_label(s.progress, lang_);
  const Color pill_bg = progress_color(s.progress);
  const TextStyle pill_text{pillst.face, pillst.size, text_on(pill_bg)};
  const double pill_w = fonts_.width(pill_text, pill) + 14;
  const auto src_lines =
      s.source.empty() ? std::vector<Line>{} : break_lines(source_note_spans(s.source, s.source_url, {}), w_in, m);
  // The headline names what it measures: the series and the unit ("Series: Women,
  // 15–24 · Unit: %"), so "72 %" is never read without its series.
  std::string what;
  if (!s.series.empty()) what = label(Label::Series, lang_) + ": " + s.series;
  if (!s.unit.empty()) what += (what.empty() ? "" : " \u00B7 ") + label(Label::Unit, lang_) + ": " + s.unit;
  const TextStyle whatst{Face::UiRegular, 8.5, colors::muted};
  const auto what_lines = what.empty() ? std::vector<Line>{} : break_lines(plain(what, whatst), w_in, m);
  const double h = pad + 12 + title_lines.size() * 14.0 + 30 + what_lines.size() * 11.5 + src_lines.size() * kNoteLeading +
                   (src_lines.empty() ? 0 : 4) + pad;

  space(kParaGap + 4);
  place(h);
  c_.begin_content("Div");
  c_.begin_content("P");
  const double top = c_.y();
  c_.fill_rect(c_.left(), top - h, c_.width(), h, bg);
  c_.fill_rect(c_.left(), top - h, stripe, h, acc);
  double y = top - pad;
  c_.text(x + pad, y - 7.5, idst, id);
  y -= 12;
  for (const Line& l : title_lines) {
    c_.line(x + pad, baseline_in(y, 14, 10.5), l);
    y -= 14;
  }
  const double vb = y - 22;
  double vx = x + pad;
  c_.text(vx, vb, valst, value);
  vx += fonts_.width(valst, value) + 4;
  if (!s.unit.empty()) {
    c_.text(vx, vb, unitst, s.unit);
    vx += fonts_.width(unitst, s.unit) + 8;
  }
  if (!s.year.empty()) c_.text(vx, vb, yearst, "(" + s.year + ")");
  // Progress status as a pill at the right.
  const double px = x + pad + w_in - pill_w;
  c_.fill_rect(px, vb - 4, pill_w, 15, pill_bg);
  c_.text(px + 7, vb + 0.5, pill_text, pill);
  y -= 30;
  for (const Line& l : what_lines) {
    c_.line(x + pad, baseline_in(y, 11.5, whatst.size), l);
    y -= 11.5;
  }
  c_.end_content();  // P
  if (!src_lines.empty()) {
    y -= 4;
    c_.begin_content("P");
    for (const Line& l : src_lines) {
      c_.line(x + pad, baseline_in(y, kNoteLeading, kNoteSize), l);
      y -= kNoteLeading;
    }
    c_.end_content();
  }
  c_.end_content();  // Div
  c_.set_y(top - h);
  space(kParaGap + 4);
}

}  // namespace sdg::pdf
