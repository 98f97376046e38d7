// PDF writer (private): the colophon, the last page: who publishes the report,
// ISBN/ISSN, licence, contact, data sources and the symbol key of its tables
// (sdg::status_key_entry), from the definition's `colophon:` keys.
#include "renderer.hpp"

#include <podofo/podofo.h>

#include "layout_constants.hpp"
#include "sdgreport/i18n.hpp"

namespace sdg::pdf {

using namespace PoDoFo;
using namespace layout;

void Renderer::colophon(const Metadata& meta) {
  const Colophon& co = meta.colophon;
  if (co.empty()) return;
  c_.set_running_header({});
  double y = page_title(label(Label::Colophon, lang_)) - 36;
  const double left = c_.left(), width = c_.width();
  const Measure m = fonts_.measure();

  // The publication itself.
  const TextStyle pub{Face::UiBold, 11, colors::ink};
  const TextStyle sub{Face::UiRegular, 9.5, colors::ink};
  c_.begin_content("P");
  for (const Line& l : break_lines(plain(meta.title, pub), width, m)) {
    c_.line(left, baseline_in(y, 15, pub.size), l);
    y -= 15;
  }
  std::string line2 = meta.organisation;
  const std::string date = format_date(meta.date, lang_);
  if (!date.empty()) line2 += (line2.empty() ? "" : ", ") + date;
  if (!meta.edition.empty()) line2 += (line2.empty() ? "" : ". ") + meta.edition;
  for (const Line& l : break_lines(plain(line2, sub), width, m)) {
    c_.line(left, baseline_in(y, 13, sub.size), l);
    y -= 13;
  }
  c_.end_content();
  y -= 18;

  // Key–value facts, a label column and a value column.
  const TextStyle key{Face::UiBold, 8, colors::muted};
  const TextStyle val{Face::UiRegular, 9.5, colors::ink};
  const double kw = 110, lead = 13.5;
  auto fact = [&](Label l, const std::vector<std::string>& values) {
    if (values.empty() || (values.size() == 1 && values[0].empty())) return;
    c_.begin_content("P");
    c_.text(left, baseline_in(y, lead, val.size), key, label(l, lang_) + " ");
    for (const std::string& v : values)
      for (const Line& ln : break_lines(plain(v, val), width - kw, m)) {
        c_.line(left + kw, baseline_in(y, lead, val.size), ln);
        y -= lead;
      }
    c_.end_content();
    y -= 7;
  };
  fact(Label::Isbn, {co.isbn});
  fact(Label::Issn, {co.issn});
  fact(Label::Licence, {co.licence});
  fact(Label::Contact, {co.contact});
  fact(Label::DataSources, co.data_sources);

  // The symbol key of the tables.
  std::vector<std::string> symbols;
  for (ValueStatus s : all_value_statuses()) {
    const std::string e = status_key_entry(s, lang_);
    if (!e.empty()) symbols.push_back(e);
  }
  fact(Label::SymbolKey, symbols);
  c_.set_y(y);
}

}  // namespace sdg::pdf
