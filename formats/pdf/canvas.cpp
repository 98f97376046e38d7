#include "canvas.hpp"

#include <podofo/podofo.h>

#include <cstdio>

namespace sdg::pdf {

using namespace PoDoFo;

PageGeometry PageGeometry::a4() {
  return {};
}

PageGeometry PageGeometry::letter() {
  PageGeometry g;
  g.width = 612;
  g.height = 792;
  g.margin_left = g.margin_right = 72;
  return g;
}

std::string ascii_uri(std::string_view url) {
  std::string out;
  for (char ch : url) {
    const auto c = static_cast<unsigned char>(ch);
    if (c > 0x20 && c < 0x7F) {
      out += ch;
    } else {
      char buf[4];
      std::snprintf(buf, sizeof buf, "%%%02X", c);
      out += buf;
    }
  }
  return out;
}

Canvas::Canvas(PdfMemDocument& doc, Fonts& fonts, PageGeometry g)
    : doc_(doc), fonts_(fonts), g_(g), painter_(std::make_unique<PdfPainter>()) {}

Canvas::~Canvas() {
  // Never throw from here: finish() is called explicitly on the normal path.
  if (page_ != nullptr) {
    try {
      painter_->FinishPage();
    } catch (...) {
    }
  }
}

void Canvas::new_page(PageStyle style) {
  if (page_ != nullptr) {
    draw_open_rules(bottom());
    painter_->FinishPage();
    page_ = nullptr;
  }
  page_ = doc_.CreatePage(PdfRect(0, 0, g_.width, g_.height));
  ++page_count_;
  painter_->SetPage(page_);
  painter_->SetPrecision(3);
  y_ = top();
  for (Rule& r : rules_) r.start = y_;
  draw_furniture(style);
}

void Canvas::finish() {
  if (page_ == nullptr) return;
  draw_open_rules(bottom());
  painter_->FinishPage();
  page_ = nullptr;
}

bool Canvas::ensure(double h) {
  if (page_ != nullptr && fits(h)) return false;
  new_page();
  return true;
}

void Canvas::open_rule(double x, const Color& c, double width) {
  rules_.push_back({x, c, width, y_});
}

void Canvas::close_rule() {
  const Rule r = rules_.back();
  if (r.start - y_ > 0.5) stroke_line(r.x, r.start, r.x, y_, r.width, r.color);
  rules_.pop_back();
}

void Canvas::draw_open_rules(double to) {
  for (const Rule& r : rules_)
    if (r.start - y_ > 0.5) stroke_line(r.x, r.start, r.x, std::max(y_, to), r.width, r.color);
}

PdfPainter& Canvas::painter() {
  return *painter_;
}

void Canvas::text(double x, double baseline, const TextStyle& style, std::string_view utf8_text) {
  if (utf8_text.empty()) return;
  painter_->SetFont(fonts_.font(style));
  painter_->SetColor(style.color.r, style.color.g, style.color.b);
  painter_->DrawText(x, baseline, utf8(utf8_text));
}

void Canvas::line(double x, double baseline, const Line& ln) {
  for (const Fragment& f : ln.fragments) {
    text(x + f.x, baseline, f.style, f.text);
    if (!f.url.empty()) {
      const double asc = fonts_.ascent(f.style), desc = fonts_.descent(f.style);
      link(x + f.x, baseline + desc, f.width, asc - desc, f.url);
    }
  }
}

void Canvas::fill_rect(double x, double y, double w, double h, const Color& c) {
  painter_->SetColor(c.r, c.g, c.b);
  painter_->Rectangle(x, y, w, h);
  painter_->Fill();
}

void Canvas::stroke_line(double x1, double y1, double x2, double y2, double width, const Color& c) {
  painter_->SetStrokingColor(c.r, c.g, c.b);
  painter_->SetStrokeWidth(width);
  painter_->DrawLine(x1, y1, x2, y2);
}

void Canvas::link(double x, double y, double w, double h, const std::string& url) {
  if (w <= 0 || h <= 0) return;
  PdfAnnotation* a = page_->CreateAnnotation(ePdfAnnotation_Link, PdfRect(x, y, w, h));
  PdfAction action(ePdfAction_URI, &doc_);
  action.SetURI(PdfString(ascii_uri(url)));
  a->SetAction(action);
  a->SetBorderStyle(0, 0, 0);
  a->SetFlags(ePdfAnnotationFlags_Print);
  // PoDoFo stamps the wall clock into /M; it is optional, so drop it (reproducible output).
  a->GetObject()->GetDictionary().RemoveKey(PdfName("M"));
}

void Canvas::begin_content(const char* role) {
  roles_.emplace_back(role);
}
void Canvas::end_content() {
  if (!roles_.empty()) roles_.pop_back();
}
void Canvas::begin_artifact() {}
void Canvas::end_artifact() {}

void Canvas::draw_furniture(PageStyle style) {
  if (style == PageStyle::Cover) return;
  begin_artifact();
  const TextStyle small{Face::UiRegular, 8, colors::muted};
  const double l = g_.margin_left, r = g_.width - g_.margin_right;
  // Footer: thin rule, page number at the outer edge.
  const double fy = g_.margin_bottom - 34;
  stroke_line(l, fy + 12, r, fy + 12, 0.4, colors::rule);
  const std::string num = page_label_ + " " + std::to_string(page_count_);
  text(r - fonts_.width(small, num), fy, small, num);
  if (style == PageStyle::Normal && !running_header_.empty()) {
    const double hy = g_.height - g_.margin_top + 30;
    std::string head = running_header_;
    const double maxw = r - l;
    if (fonts_.width(small, head) > maxw) {
      auto chars = utf8_chars(head);
      while (!chars.empty()) {
        chars.pop_back();
        std::string s;
        for (auto& c : chars) s += c;
        s += "…";
        if (fonts_.width(small, s) <= maxw) {
          head = s;
          break;
        }
      }
    }
    text(l, hy, small, head);
    stroke_line(l, hy - 6, r, hy - 6, 0.4, colors::rule);
  }
  end_artifact();
}

}  // namespace sdg::pdf
