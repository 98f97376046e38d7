// PDF writer (private): drawing a table. Cell text with status symbols (a flag
// beside a present value, the marker for a missing one) and a key naming the
// symbols the table uses; column widths and column groups from table_layout.hpp;
// row pagination from pagination.hpp, with the header row repeated and the caption
// marked "(continued)" on every page the table continues on; TH/TD tagging.
#include "renderer.hpp"

#include <podofo/podofo.h>

#include <algorithm>
#include <cmath>
#include <numeric>
#include <set>

#include "layout_constants.hpp"
#include "pagination.hpp"
#include "sdgreport/error.hpp"
#include "sdgreport/i18n.hpp"
#include "table_layout.hpp"

namespace sdg::pdf {

using namespace PoDoFo;
using namespace layout;

namespace {

/// What a cell shows, before it is set in a size.
struct CellText {
  std::string text;  ///< the value, the text, or the marker of a missing value
  std::string flag;  ///< status symbol beside a present number ("e", "p", …)
  bool marker = false;
};

CellText cell_text(const CellView& c, const Column& col, const std::string& lang) {
  switch (c.kind) {
    case Cell::Kind::Empty:
      return {status_symbol(c.status, lang), {}, true};
    case Cell::Kind::Text:
      return {std::string(c.text), {}, false};
    case Cell::Kind::Number:
      // A nil is printed as its mark ("-" in Norwegian, the UN's dash in English), not as "0".
      if (c.status == ValueStatus::Nil) return {status_symbol(c.status, lang), {}, true};
      return {format_number(c.number, col.decimals, lang), status_symbol(c.status, lang), false};
  }
  return {};
}

}  // namespace

std::string Renderer::table_name(const Table& t) const {
  std::string s = label(Label::Table, lang_) + " " + std::to_string(tables_);
  if (!t.id.empty()) s += " ('" + t.id + "')";
  if (!t.caption.empty()) s += " \"" + t.caption + "\"";
  return s;
}

void Renderer::table(const Table& t, const Where& w) {
  ++tables_;
  const std::size_t n = t.columns.size();
  if (n == 0) return;
  const Color head_bg = w.goal() ? goal_color(w.goal()) : colors::accent;
  const Color head_fg = text_on(head_bg);
  const Measure m = fonts_.measure();
  const double avail = c_.width();

  // What each cell shows, and which symbols the key must explain.
  std::vector<std::string> head_text(n);
  for (std::size_t j = 0; j < n; ++j) {
    const Column& col = t.columns[j];
    head_text[j] = col.unit.empty() ? col.label : col.label + " (" + col.unit + ")";
  }
  const std::size_t nr = t.data.rows();
  std::vector<std::vector<CellText>> texts(nr, std::vector<CellText>(n));
  std::set<ValueStatus> used;
  for (std::size_t i = 0; i < nr; ++i)
    for (std::size_t j = 0; j < n && j < t.data.columns(); ++j) {
      const CellView c = t.data.cell(i, j);
      texts[i][j] = cell_text(c, t.columns[j], lang_);
      if (!status_symbol(c.status, lang_).empty()) used.insert(c.status);
    }

  // Spans at a type size.
  auto head_spans = [&](std::size_t j, double cs) {
    return plain(head_text[j], TextStyle{Face::UiBold, cs, head_fg});
  };
  auto cell_spans = [&](const CellText& ct, double cs) {
    std::vector<Span> sp =
        plain(ct.text, TextStyle{Face::UiRegular, cs, ct.marker ? colors::muted : colors::ink});
    if (!ct.flag.empty()) {
      // A no-break space keeps the flag with its number.
      sp.push_back({TextStyle{Face::UiRegular, cs, colors::muted}, "\u00A0" + ct.flag, {}, false});
    }
    return sp;
  };
  auto needs_at = [&](double cs, const std::vector<std::size_t>& cols) {
    std::vector<ColumnNeed> need;
    for (std::size_t j : cols) {
      std::vector<std::vector<Span>> column;
      column.reserve(texts.size());
      for (const auto& row : texts) column.push_back(cell_spans(row[j], cs));
      std::vector<const std::vector<Span>*> ptrs;
      for (const auto& sp : column) ptrs.push_back(&sp);
      need.push_back(measure_column(head_spans(j, cs), ptrs, t.columns[j].type == Column::Type::Number, m));
    }
    return need;
  };

  std::vector<std::size_t> all(n);
  std::iota(all.begin(), all.end(), std::size_t{0});
  const TablePlan plan = plan_table(needs_at(kCellSize, all), avail);
  const double cs = plan.cell_size;
  const double cl = cs * kCellLeading / kCellSize;
  if (plan.groups.size() > 1) {
    std::string stub;
    for (std::size_t j = 0; j < plan.stub; ++j)
      stub += (stub.empty() ? "'" : ", '") + t.columns[j].label + "'";
    ctx_.warn("table-split",
              table_name(t) + ": its " + std::to_string(n) + " columns do not fit the text width even in " +
                  format_number(kMinCellSize, 1, "en") + " pt type; printed in " +
                  std::to_string(plan.groups.size()) + " parts of columns (" + format_number(cs, 2, "en") +
                  " pt)" + (stub.empty() ? "" : " with " + stub + " repeated"));
  }
  if (plan.overfull)
    ctx_.warn("table-too-wide",
              table_name(t) + ": a column is wider than the text width; words in text columns are broken");

  // The key of the symbols this table uses, printed under its last part.
  std::string key;
  for (ValueStatus s : all_value_statuses())
    if (used.count(s) != 0) key += (key.empty() ? "" : ", ") + status_key_entry(s, lang_);
  if (!key.empty()) key = label(Label::SymbolKey, lang_) + ": " + key;
  const TextStyle key_style{Face::UiRegular, kNoteSize, colors::muted};

  const int number = tables_;
  const std::string what = label(Label::Table, lang_);
  const std::string continued = label(Label::Continued, lang_);
  const TextStyle cap_lab{Face::UiBold, kCaptionSize, colors::ink};
  const TextStyle cap_txt{Face::UiRegular, kCaptionSize, colors::ink};

  for (std::size_t part = 0; part < plan.groups.size(); ++part) {
    const std::vector<std::size_t>& cols = plan.groups[part];
    const std::size_t k = cols.size();
    const bool last_part = part + 1 == plan.groups.size();
    const std::vector<double> widths = fit_columns(needs_at(cs, cols), avail);
    const double table_w = std::accumulate(widths.begin(), widths.end(), 0.0);
    auto is_num = [&](std::size_t c) { return t.columns[cols[c]].type == Column::Type::Number; };

    auto layout_row = [&](const std::vector<std::vector<Span>>& row, std::vector<std::vector<Line>>& out) {
      out.assign(k, {});
      std::size_t most = 1;
      for (std::size_t c = 0; c < k; ++c) {
        out[c] = break_lines(row[c], widths[c] - 2 * kCellPadX, m);
        most = std::max(most, out[c].size());
      }
      return static_cast<double>(most) * cl + 2 * kCellPadY;
    };
    std::vector<std::vector<Span>> head_row(k);
    for (std::size_t c = 0; c < k; ++c) head_row[c] = head_spans(cols[c], cs);
    std::vector<std::vector<Line>> head_lines;
    const double head_h = layout_row(head_row, head_lines);
    std::vector<std::vector<std::vector<Line>>> row_lines(nr);
    std::vector<double> row_h(nr);
    for (std::size_t i = 0; i < nr; ++i) {
      std::vector<std::vector<Span>> row(k);
      for (std::size_t c = 0; c < k; ++c) row[c] = cell_spans(texts[i][cols[c]], cs);
      row_h[i] = layout_row(row, row_lines[i]);
    }

    const double x0 = c_.left();
    // A row is a TR of TH (scope Column) or TD elements. The header row repeated
    // on a page the table continues on is a TR of TH cells too (in the TBody), so
    // every page's part of the table has its column headers, for a screen reader
    // as for the eye; only the "(continued)" caption line is an artifact.
    auto draw_row = [&](const std::vector<std::vector<Line>>& lines, double h, const Color* fill,
                        const char* cell_role) {
      const double top = c_.y();
      if (fill != nullptr) c_.fill_rect(x0, top - h, table_w, h, *fill);
      if (cell_role != nullptr) c_.begin_content("TR");
      double x = x0;
      for (std::size_t c = 0; c < k; ++c) {
        if (cell_role != nullptr) {
          const int cell = c_.begin_content(cell_role);
          c_.tree().node(cell).keep = true;  // empty cells keep the table regular
          if (cell_role[1] == 'H') c_.tree().node(cell).scope = "Column";
        }
        double y = top - kCellPadY;
        for (const Line& l : lines[c]) {
          const double dx = is_num(c) ? widths[c] - 2 * kCellPadX - l.width : 0;
          c_.line(x + kCellPadX + dx, baseline_in(y, cl, cs), l);
          y -= cl;
        }
        if (cell_role != nullptr) c_.end_content();
        x += widths[c];
      }
      if (cell_role != nullptr) c_.end_content();
      c_.set_y(top - h);
    };

    // Caption: "Table 3. Text", on later parts "Table 3 (continued). Text"; on a
    // continuation page only "Table 3 (continued)", as an artifact.
    std::vector<Span> cap{{cap_lab,
                           what + " " + std::to_string(number) + (part > 0 ? " " + continued : "") +
                               (t.caption.empty() ? "" : ". "),
                           {},
                           false}};
    if (!t.caption.empty()) cap.push_back({cap_txt, t.caption, {}, false});
    const auto cap_lines = break_lines(cap, avail, m);
    const double cap_h = static_cast<double>(cap_lines.size()) * kCaptionLeading + 4;
    const double cont_h = kCaptionLeading + 4;
    const double rule = 2;

    space(kParaGap + 4);
    if (!c_.has_page()) c_.new_page();
    const bool at_top = c_.at_top();
    const double gap = at_top ? 0 : pending_space_;
    const double page_h = c_.top() - c_.bottom();
    const RowPages pages =
        paginate_rows(row_h, c_.y() - gap - c_.bottom() - cap_h - head_h - rule,
                      page_h - cap_h - head_h - rule, page_h - cont_h - head_h - rule, at_top);
    if (pages.too_tall)
      throw Error(ErrorCode::Output, table_name(t) + ": row " + std::to_string(*pages.too_tall + 1) +
                                         " is taller than a page; shorten its text or split the row");
    if (pages.next_page) {
      c_.new_page();
      pending_space_ = 0;
    }
    place(cap_h + head_h);

    c_.begin_content("Table");
    if (part == 0 && !lists_.empty()) flush_marker(baseline_in(c_.y(), kCaptionLeading, kCaptionSize));
    const int cap_node = c_.begin_content("Caption");
    draw_lines(cap_lines, kCaptionLeading, c_.left(), avail);
    c_.end_content();
    c_.move_down(4);
    c_.begin_content("THead");
    draw_row(head_lines, head_h, &head_bg, "TH");
    c_.end_content();
    c_.begin_content("TBody");
    std::size_t next_break = 1;
    for (std::size_t i = 0; i < nr; ++i) {
      if (next_break < pages.start.size() && i == pages.start[next_break]) {
        ++next_break;
        c_.stroke_line(x0, c_.y(), x0 + table_w, c_.y(), 0.6, colors::rule);
        c_.new_page();
        // Repeated on every page the table continues on.
        c_.begin_artifact();
        c_.text(c_.left(), baseline_in(c_.y(), kCaptionLeading, kCaptionSize), cap_lab,
                what + " " + std::to_string(number) + " " + continued);
        c_.end_artifact();
        c_.move_down(cont_h);
        draw_row(head_lines, head_h, &head_bg, "TH");
      }
      draw_row(row_lines[i], row_h[i], i % 2 == 1 ? &colors::faint : nullptr, "TD");
    }
    c_.end_content();  // TBody
    c_.stroke_line(x0, c_.y(), x0 + table_w, c_.y(), 0.8, head_bg);
    c_.move_down(rule);
    if (last_part && !key.empty()) {
      // Part of the table's caption in the structure tree.
      c_.move_down(2);
      c_.enter(cap_node);
      // The key is in the report's language, also in a table in another language.
      const std::string block_lang = c_.lang();
      c_.set_lang({});
      c_.begin_content("P");
      flow(plain(key, key_style), kNoteLeading, c_.left(), avail, false);
      c_.end_content();
      c_.set_lang(block_lang);
      c_.leave();
    }
    c_.end_content();  // Table
    if (!last_part) space(kParaGap);
  }
  source_note(t.source, t.source_url, t.national ? t.indicator : std::string());
  space(kParaGap + 6);
}

}  // namespace sdg::pdf
