#include "words.hpp"

#include "sdgreport/i18n.hpp"

namespace sdg::xlsx {

const std::string& word(Word w, std::string_view lang) {
  struct Entry {
    std::string en, nb, nn;
  };
  static const Entry entries[] = {
      {"Series", "Serie", "Serie"},
      {"Period", "Periode", "Periode"},
      {"Column", "Kolonne", "Kolonne"},
      {"Not repeated on the Data sheet (too large); the data are on their own sheet:",
       "Ikke gjentatt på dataarket (for store); dataene står på sitt eget ark:",
       "Ikkje gjentekne på dataarket (for store); dataa står på sitt eige ark:"},
      {"observations", "observasjoner", "observasjonar"},
  };
  const Entry& e = entries[static_cast<int>(w)];
  if (lang == "nb") return e.nb;
  if (lang == "nn") return e.nn;
  return e.en;
}

std::string table_title(const Table& t, std::string_view lang) {
  return t.caption.empty() ? label(Label::Table, lang) : t.caption;
}

std::string chart_title(const Chart& c, std::string_view lang) {
  return c.title.empty() ? label(Label::Chart, lang) : c.title;
}

}  // namespace sdg::xlsx
