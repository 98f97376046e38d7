#include "words.hpp"

#include "sdgreport/i18n.hpp"

namespace sdg::xlsx {

std::string table_title(const Table& t, Language lang) {
  return t.caption.empty() ? label(Label::Table, lang) : t.caption;
}

std::string chart_title(const Chart& c, Language lang) {
  return c.title.empty() ? label(Label::Chart, lang) : c.title;
}

std::string indicator_text(const std::string& id, bool national, Language lang) {
  if (id.empty() || !national) return id;
  return id + " (" + label(Label::NationalIndicator, lang) + ")";
}

}  // namespace sdg::xlsx
