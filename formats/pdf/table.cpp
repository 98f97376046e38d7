// PDF writer (private): drawing a table: cell text, header repeated on every
// page the table continues on, TH/TD tagging.
#include "renderer.hpp"

#include <podofo/podofo.h>

#include <algorithm>
#include <cmath>

#include "layout_constants.hpp"
#include "sdgreport/i18n.hpp"
#include "table_layout.hpp"

namespace sdg::pdf {

using namespace PoDoFo;
using namespace layout;

// ---------------------------------------------------------------- tables

void Renderer::table(const Table& t, const Where& w) {
  ++tables_;
  const std::size_t n = t.columns.size();
  if (n == 0) return;
  const Color head_bg = w.goal() ? goal_color(w.goal()) : colors::accent;
  const Measure m = fonts_.measure();
  auto is_num = [&](std::size_t j) { return t.columns[j].type == Column::Type::Number; };

  // Cell text as spans, and each column's natural (one line) and minimum width.
  double cs = kCellSize;
  std::vector<std::vector<Span>> heads(n);
  std::vector<std::vector<std::vector<Span>>> cells(t.rows.size(), std::vector<std::vector<Span>>(n));
  std::vector<ColumnNeed> need(n);
  const TextStyle head_proto{Face::UiBold, kCellSize, text_on(head_bg)};
  auto build = [&] {
    const TextStyle head{Face::UiBold, cs, head_proto.color};
    const TextStyle cell{Face::UiRegular, cs, colors::ink};
    const TextStyle miss{Face::UiRegular, cs, colors::muted};
    for (std::size_t j = 0; j < n; ++j) {
      const Column& col = t.columns[j];
      heads[j] = plain(col.unit.empty() ? col.label : col.label + " (" + col.unit + ")", head);
    }
    for (std::size_t i = 0; i < t.rows.size(); ++i) {
      for (std::size_t j = 0; j < n && j < t.rows[i].size(); ++j) {
        const Cell& c = t.rows[i][j];
        switch (c.kind) {
          case Cell::Kind::Empty:
            cells[i][j] = plain(status_symbol(c.status, lang_), miss);
            break;
          case Cell::Kind::Text:
            cells[i][j] = plain(c.text, cell);
            break;
          case Cell::Kind::Number: {
            std::string s = format_number(c.number, t.columns[j].decimals, lang_);
            if (const std::string& sym = status_symbol(c.status, lang_); !sym.empty()) s += " " + sym;
            cells[i][j] = plain(s, cell);
            break;
          }
        }
      }
    }
    for (std::size_t j = 0; j < n; ++j) {
      std::vector<const std::vector<Span>*> column;
      for (auto& row : cells) column.push_back(&row[j]);
      need[j] = measure_column(heads[j], column, is_num(j), m);
    }
  };
  build();
  // A table too wide for the frame is set smaller (text widths scale with the size).
  const double avail = c_.width();
  if (const double size = fitting_cell_size(need, avail); size != cs) {
    cs = size;
    build();
  }
  const double cl = cs * kCellLeading / kCellSize;

  // Column widths fitted to the frame.
  const std::vector<double> widths = fit_columns(need, avail, cs);

  auto layout_row = [&](const std::vector<std::vector<Span>>& row, std::vector<std::vector<Line>>& out) {
    out.assign(n, {});
    std::size_t most = 1;
    for (std::size_t j = 0; j < n; ++j) {
      out[j] = break_lines(row[j], widths[j] - 2 * kCellPadX, m);
      most = std::max(most, out[j].size());
    }
    return most * cl + 2 * kCellPadY;
  };
  std::vector<std::vector<Line>> head_lines;
  const double head_h = layout_row(heads, head_lines);
  std::vector<std::vector<std::vector<Line>>> row_lines(t.rows.size());
  std::vector<double> row_h(t.rows.size());
  for (std::size_t i = 0; i < t.rows.size(); ++i) row_h[i] = layout_row(cells[i], row_lines[i]);

  const double x0 = c_.left();
  // A row is a TR of TH (scope Column) or TD elements; a header repeated on a
  // later page is a pagination artifact.
  auto draw_row = [&](const std::vector<std::vector<Line>>& lines, double h, const Color* fill,
                      const char* cell_role) {
    const double top = c_.y();
    if (fill != nullptr) c_.fill_rect(x0, top - h, avail, h, *fill);
    if (cell_role != nullptr) c_.begin_content("TR");
    double x = x0;
    for (std::size_t j = 0; j < n; ++j) {
      if (cell_role != nullptr) {
        const int cell = c_.begin_content(cell_role);
        c_.tree().node(cell).keep = true;  // empty cells keep the table regular
        if (cell_role[1] == 'H') c_.tree().node(cell).scope = "Column";
      }
      double y = top - kCellPadY;
      for (const Line& l : lines[j]) {
        const double dx = is_num(j) ? widths[j] - 2 * kCellPadX - l.width : 0;
        c_.line(x + kCellPadX + dx, baseline_in(y, cl, cs), l);
        y -= cl;
      }
      if (cell_role != nullptr) c_.end_content();
      x += widths[j];
    }
    if (cell_role != nullptr) c_.end_content();
    c_.set_y(top - h);
  };
  auto draw_head = [&](bool repeated) {
    if (repeated) {
      c_.begin_artifact();
      draw_row(head_lines, head_h, &head_bg, nullptr);
      c_.end_artifact();
      return;
    }
    c_.begin_content("THead");
    draw_row(head_lines, head_h, &head_bg, "TH");
    c_.end_content();
  };

  // Caption, header and the first row stay together.
  const double cap_h = kCaptionLeading * 2 + 4;
  space(kParaGap + 4);
  place(cap_h + head_h + (row_h.empty() ? 0 : row_h[0]) + 4);
  c_.begin_content("Table");
  if (!lists_.empty()) flush_marker(baseline_in(c_.y(), kCaptionLeading, kCaptionSize));
  caption(label(Label::Table, lang_), tables_, t.caption);
  c_.move_down(4);
  draw_head(false);
  c_.begin_content("TBody");
  for (std::size_t i = 0; i < t.rows.size(); ++i) {
    if (!c_.fits(row_h[i])) {
      c_.stroke_line(x0, c_.y(), x0 + avail, c_.y(), 0.6, colors::rule);
      c_.new_page();
      draw_head(true);  // repeated on every page the table continues on
    }
    draw_row(row_lines[i], row_h[i], i % 2 == 1 ? &colors::faint : nullptr, "TD");
  }
  c_.end_content();  // TBody
  c_.stroke_line(x0, c_.y(), x0 + avail, c_.y(), 0.8, head_bg);
  c_.move_down(2);
  c_.end_content();  // Table
  source_note(t.source);
  space(kParaGap + 6);
}

}  // namespace sdg::pdf
