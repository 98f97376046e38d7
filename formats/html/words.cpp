#include "words.hpp"

#include <array>

namespace sdg::html {

const std::string& word(Word w, std::string_view lang) {
  using Row = std::array<std::string, 3>;  // en, nb, nn
  static const Row rows[] = {
      {"Skip to main content", "Hopp til hovedinnholdet", "Hopp til hovudinnhaldet"},
      {"Previous", "Forrige", "Førre"},
      {"Next", "Neste", "Neste"},
      {"Front page", "Forside", "Framside"},
      {"Data shown in the chart", "Tallene i diagrammet", "Tala i diagrammet"},
      {"The data are in", "Tallene står i", "Tala står i"},
      {"Legend", "Tegnforklaring", "Teiknforklaring"},
      {"Pages", "Sider", "Sider"},
      {"Back to reference", "Tilbake til henvisning", "Tilbake til tilvising"},
      {"The goals this report covers: indicators by progress, and targets addressed",
       "Målene rapporten omtaler: indikatorer etter framgang, og delmål som omtales",
       "Måla rapporten omtaler: indikatorar etter framgang, og delmål som er omtalte"},
      {"No indicators", "Ingen indikatorer", "Ingen indikatorar"},
      {"None", "Ingen", "Ingen"},
  };
  const std::size_t i = lang == "nb" ? 1 : lang == "nn" ? 2 : 0;
  return rows[static_cast<std::size_t>(w)][i];
}

}  // namespace sdg::html
