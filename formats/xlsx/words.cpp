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

std::optional<int> year_number(std::string_view period) {
  while (!period.empty() && period.front() == ' ') period.remove_prefix(1);
  while (!period.empty() && period.back() == ' ') period.remove_suffix(1);
  if (period.size() != 4 || (period[0] != '1' && period[0] != '2')) return std::nullopt;
  int year = 0;
  for (char c : period) {
    if (c < '0' || c > '9') return std::nullopt;
    year = year * 10 + (c - '0');
  }
  return year;
}

}  // namespace sdg::xlsx
