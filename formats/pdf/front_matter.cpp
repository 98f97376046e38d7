// PDF writer (private): the front matter: cover page and table of contents.
#include "renderer.hpp"

#include <podofo/podofo.h>

#include <algorithm>
#include <cmath>
#include <memory>

#include "layout_constants.hpp"
#include "sdgreport/i18n.hpp"

namespace sdg::pdf {

using namespace PoDoFo;
using namespace layout;

// ---------------------------------------------------------------- cover

std::unique_ptr<PdfImage> Renderer::load_image(const std::string& file, const char* what) {
  if (file.empty()) return nullptr;
  const auto path = ctx_.resolve(file);
  try {
    auto img = std::make_unique<PdfImage>(&doc_);
    img->LoadFromFile(path.c_str());
    return img;
  } catch (const PdfError& e) {
    // The definition checked the file; it changed or is damaged since.
    ctx_.warn("image-unreadable", std::string(what) + " '" + file + "' could not be read as PNG or JPEG (" +
                                      PdfError::ErrorMessage(e.GetError()) + "); left out");
    return nullptr;
  }
}

void Renderer::cover(const Metadata& meta) {
  if (meta.theme.logo_in_header) {
    header_logo_ = load_image(meta.theme.logo, "logo");
    c_.set_header_logo(header_logo_.get());
  }
  // The whole page, top to bottom: logo and organisation; the cover image (or a
  // wider accent panel); the title block on the accent panel; the 17 goal colours;
  // date, edition and authors at the foot.
  c_.new_page(PageStyle::Cover);
  c_.begin_content("Sect");
  const auto& g = c_.geometry();
  const double x = g.margin_left, w = g.width - g.margin_left - g.margin_right;
  const Measure m = fonts_.measure();
  // (No painter() here: it would open a marked-content sequence for the Sect
  // with nothing in it; each image below asks for the painter inside its artifact.)

  // Head: logo at the left, the organisation beside it (or alone).
  const double head_top = g.height - 46, head_h = 46;
  double org_x = x;
  if (auto logo = load_image(meta.theme.logo, "logo")) {
    const double lw = logo->GetWidth(), lh = logo->GetHeight();
    const double s = std::min(head_h / lh, 150 / lw);
    c_.begin_artifact();  // the organisation is named in text beside it
    c_.painter().DrawImage(x, head_top - lh * s, logo.get(), s, s);
    c_.end_artifact();
    org_x = x + lw * s + 16;
  }
  if (!meta.organisation.empty()) {
    const TextStyle org{Face::UiBold, 10.5, colors::ink};
    c_.begin_content("P");
    const auto lines = break_lines(plain(meta.organisation, org), x + w - org_x, m);
    double y = head_top - (head_h - lines.size() * 13.0) / 2;
    for (const Line& l : lines) {
      c_.line(org_x, baseline_in(y, 13, org.size), l);
      y -= 13;
    }
    c_.end_content();
  }

  // Picture area and title panel.
  const double area_top = head_top - head_h - 22;
  const double strip_h = 10, panel_bottom = g.height * 0.27;
  const TextStyle title{Face::UiBold, 30, colors::white};
  const TextStyle sub{Face::UiRegular, 15, colors::white};
  const Color on_accent = text_on(accent_);
  const TextStyle tst{title.face, title.size, on_accent}, sst{sub.face, sub.size, on_accent};
  const auto tl = break_lines(plain(meta.title, tst), w, m);
  const auto sl = meta.subtitle.empty() ? std::vector<Line>{} : break_lines(plain(meta.subtitle, sst), w, m);
  const double text_h = tl.size() * 36.0 + (sl.empty() ? 0 : 14 + sl.size() * 20.0);
  const double panel_h = text_h + 76;
  const double panel_top = panel_bottom + panel_h;
  auto cover_image = load_image(meta.theme.cover_image, "cover image");
  if (cover_image && area_top - panel_top > 60) {
    // The image fills the area between the head and the panel, edge to edge,
    // cropped (centred) rather than distorted.
    const double iw = cover_image->GetWidth(), ih = cover_image->GetHeight();
    const double bw = g.width, bh = area_top - panel_top;
    const double s = std::max(bw / iw, bh / ih);
    c_.begin_artifact();
    PdfPainter& pp = c_.painter();
    pp.Save();
    pp.Rectangle(0, panel_top, bw, bh);
    pp.Clip();
    pp.EndPath();
    pp.DrawImage((bw - iw * s) / 2, panel_top + (bh - ih * s) / 2, cover_image.get(), s, s);
    pp.Restore();
    c_.end_artifact();
    c_.fill_rect(0, panel_bottom, g.width, panel_h, accent_);
  } else {
    c_.fill_rect(0, panel_bottom, g.width, area_top - panel_bottom, accent_);
  }
  // The 17 goal colours as a strip under the panel.
  const double sw = g.width / 17.0;
  for (int i = 1; i <= 17; ++i) c_.fill_rect((i - 1) * sw, panel_bottom - strip_h, sw + 0.2, strip_h, goal_color(i));

  // Title and subtitle on the panel, from its top.
  double y = panel_bottom + panel_h - 40;
  c_.fill_rect(x, y + 8, 40, 2.5, on_accent);
  c_.begin_content("H1");
  for (const Line& l : tl) {
    c_.line(x, y - 29, l);
    y -= 36;
  }
  c_.end_content();
  if (!sl.empty()) y -= 14;
  c_.begin_content("P");
  for (const Line& l : sl) {
    c_.line(x, y - 15, l);
    y -= 20;
  }
  c_.end_content();

  // Facts at the foot, side by side.
  const TextStyle key{Face::UiBold, 7.5, colors::muted};
  const TextStyle val{Face::UiRegular, 10, colors::ink};
  const double fy = panel_bottom - strip_h - 40;
  double fx = x;
  auto fact = [&](Label l, const std::string& v) {
    if (v.empty()) return;
    const double cw = std::max(fonts_.width(val, v), fonts_.width(key, label(l, lang_))) + 28;
    if (fx + cw > x + w + 28) return;
    c_.begin_content("P");
    c_.text(fx, fy, key, label(l, lang_) + " ");
    c_.text(fx, fy - 14, val, v);
    c_.end_content();
    fx += cw;
  };
  fact(Label::Date, format_date(meta.date, lang_));
  fact(Label::Edition, meta.edition);
  if (!meta.authors.empty()) {
    std::string a;
    for (const auto& s : meta.authors) a += (a.empty() ? "" : ", ") + s;
    const TextStyle au{Face::UiRegular, 9, colors::muted};
    c_.begin_content("P");
    double ay = fy - 44;
    for (const Line& l : break_lines(plain(a, au), w, m)) {
      c_.line(x, ay, l);
      ay -= 13;
    }
    c_.end_content();
  }
  c_.end_content();
}

// ---------------------------------------------------------------- table of contents

namespace {

struct TocLook {
  TextStyle style;
  double leading, before, indent, title_x;
};

TocLook toc_look(int level) {
  if (level == 1) return {{Face::UiBold, 10.5, colors::ink}, 15, 9, 0, kTocNumCol};
  return {{Face::UiRegular, 9.5, colors::ink}, 13.5, 1.5, kTocNumCol, kTocNumCol + kTocSubCol};
}

/// Chapters and their sections, as the contents lists them.
struct TocCollector : Visitor {
  struct Item {
    const Section* section;  // nullptr: a page without a section, listed by its title
    int level;
    std::string number;
    bool in_goal;
    std::string page_title = {};
  };
  std::vector<Item> items;
  bool begin_section(const Section& s, const Where& w) override {
    items.push_back({&s, w.depth(), w.number(), w.goal() != 0});
    return w.depth() < 2;
  }
};

}  // namespace

void Renderer::reserve_contents(const Document& doc) {
  TocCollector col;
  walk(doc, col);
  // The at-a-glance page and the colophon are listed like chapters, unnumbered,
  // under the titles page_title() gives them.
  const Section* glance = at_a_glance_before(doc);
  if (glance) {
    const auto at = std::find_if(col.items.begin(), col.items.end(),
                                 [&](const auto& it) { return it.section == glance; });
    col.items.insert(at, {nullptr, 1, {}, false, label(Label::AtAGlance, lang_)});
  }
  if (!doc.meta.colophon.empty()) col.items.push_back({nullptr, 1, {}, false, label(Label::Colophon, lang_)});
  if (col.items.size() < 2) return;  // nothing worth a contents page
  const Measure m = fonts_.measure();
  const double top = c_.top(), bottom = c_.bottom();
  double y = top - kTocTitleGap;
  int page = 0;
  for (const auto& it : col.items) {
    const TocLook look = toc_look(it.level);
    const double w = c_.width() - look.title_x - kTocPageCol;
    // Goal sections read "Goal 7: …" and carry no number (section_number()).
    const std::string number = it.in_goal ? std::string() : it.number;
    std::string title = !it.section          ? it.page_title
                        : it.section->goal() ? goal_heading(*it.section->goal(), it.section->title(), lang_)
                                             : it.section->title();
    auto lines = break_lines(plain(title, look.style), w, m);
    const double h = static_cast<double>(lines.size()) * look.leading;
    if (y - look.before - h < bottom) {
      ++page;
      y = top;
    } else if (y < top - 0.01) {
      y -= look.before;
    }
    toc_.push_back({it.section, it.level, number, std::move(title), std::move(lines), page, y, h});
    y -= h;
  }
  const std::string title = label(Label::Contents, lang_);
  toc_heading_ = c_.add_element("H1");
  toc_node_ = c_.add_element("TOC");
  c_.set_running_header(title);
  for (int p = 0; p <= page; ++p) {
    c_.new_page(p == 0 ? PageStyle::Opening : PageStyle::Normal);
    toc_pages_.push_back(c_.page_index());
  }
}

void Renderer::draw_contents() {
  if (toc_.empty()) return;
  const double left = c_.left(), right = c_.right();
  c_.reopen(toc_pages_.front());
  // Title, as on a chapter opening.
  c_.enter(toc_heading_);
  const TextStyle tit{Face::UiBold, 24, colors::ink};
  const double top = c_.top();
  c_.text(left, baseline_in(top, 29, 24), tit, label(Label::Contents, lang_));
  c_.leave();
  c_.fill_rect(left, top - 29 - 10, 48, 2.5, accent_);

  c_.enter(toc_node_);
  int page = 0;
  const TextStyle dots{Face::UiRegular, 9, colors::muted};
  const double unit = fonts_.width(dots, " .");
  for (const TocEntry& e : toc_) {
    if (e.page != page) {
      page = e.page;
      c_.reopen(toc_pages_[static_cast<std::size_t>(page)]);
    }
    const TocLook look = toc_look(e.level);
    Landing land{};
    if (e.section) {
      const auto it = landing_.find(e.section);
      if (it == landing_.end()) continue;  // cannot happen: every listed section was drawn
      land = it->second;
    } else {
      const auto it = page_landing_.find(e.title);
      if (it == page_landing_.end()) continue;  // cannot happen: the page was drawn
      land = it->second;
    }
    const std::string num = c_.page_number(land.page);

    c_.begin_content("TOCI");
    c_.begin_content("Reference");
    const int link = c_.begin_content("Link");
    double y = e.top;
    const double base0 = baseline_in(y, look.leading, look.style.size);
    if (!e.number.empty()) c_.text(left + look.indent, base0, look.style, e.number + " ");
    double last_end = left + look.title_x;
    double last_base = base0;
    for (const Line& l : e.lines) {
      last_base = baseline_in(y, look.leading, look.style.size);
      c_.line(left + look.title_x, last_base, l);
      last_end = left + look.title_x + l.width;
      y -= look.leading;
    }
    // Dot leaders (decoration), aligned on a common grid from the right edge.
    const double num_w = fonts_.width(look.style, num);
    const double lead_end = right - num_w - 6;
    const int n = static_cast<int>(std::floor((lead_end - last_end - 6) / unit));
    if (n > 0) {
      std::string s;
      for (int i = 0; i < n; ++i) s += " .";
      c_.begin_artifact();
      c_.text(lead_end - n * unit, last_base, dots, s);
      c_.end_artifact();
    }
    c_.text(right - num_w, last_base, look.style, num);
    std::string contents = e.number.empty() ? "" : e.number + " ";
    contents += e.title + ", " + label(Label::Page, lang_) + " " + num;
    c_.goto_link(left + look.indent, e.top - e.height, right - left - look.indent, e.height, land.page,
                 land.y, link, contents);
    c_.end_content();
    c_.end_content();
    c_.end_content();
  }
  c_.leave();
  c_.finish();
}

}  // namespace sdg::pdf
