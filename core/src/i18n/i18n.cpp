#include "sdgreport/i18n.hpp"
#include "sdgreport/text.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <string>

namespace sdg {

namespace {

using Row = std::array<std::string, 3>;

const Row& label_row(Label l) {
  static const Row rows[] = {
      {"Contents", "Innhold", "Innhald"},
      {"Goal", "Mål", "Mål"},
      {"Target", "Delmål", "Delmål"},
      {"Targets", "Delmål", "Delmål"},
      {"Indicator", "Indikator", "Indikator"},
      {"Table", "Tabell", "Tabell"},
      {"Figure", "Figur", "Figur"},
      {"Chart", "Diagram", "Diagram"},
      {"Source", "Kilde", "Kjelde"},
      {"Page", "Side", "Side"},
      {"Unit", "Enhet", "Eining"},
      {"Year", "År", "År"},
      {"Value", "Verdi", "Verdi"},
      {"Status", "Status", "Status"},
      {"Progress", "Framgang", "Framgang"},
      {"Sheet", "Ark", "Ark"},
      {"Description", "Beskrivelse", "Skildring"},
      {"Title", "Tittel", "Tittel"},
      {"Organisation", "Organisasjon", "Organisasjon"},
      {"Date", "Dato", "Dato"},
      {"Language", "Språk", "Språk"},
      {"Edition", "Utgave", "Utgåve"},
      {"Data", "Data", "Data"},
      {"Category", "Kategori", "Kategori"},
      {"Variable", "Variabel", "Variabel"},
      {"Every observation in the report, one per row", "Alle observasjoner i rapporten, én per rad",
       "Alle observasjonar i rapporten, éin per rad"},
      {"Series", "Serie", "Serie"},
      {"Period", "Periode", "Periode"},
      {"Column", "Kolonne", "Kolonne"},
      {"Not repeated on the Data sheet (too large); the data are on their own sheet:",
       "Ikke gjentatt på dataarket (for store); dataene står på sitt eget ark:",
       "Ikkje gjentekne på dataarket (for store); dataa står på sitt eige ark:"},
      {"observations", "observasjoner", "observasjonar"},
      {"Symbols", "Symboler", "Symbol"},
      {"National indicator", "Nasjonal indikator", "Nasjonal indikator"},
      {"(continued)", "(forts.)", "(forts.)"},
      {"Metadata", "Metadata", "Metadata"},
      {"Definition", "Definisjon", "Definisjon"},
      {"Updated", "Oppdatert", "Oppdatert"},
      {"Breakdown", "Inndeling", "Inndeling"},
      {"Section", "Avsnitt", "Avsnitt"},
      {"Notes", "Noter", "Notar"},
      {"Targets addressed", "Delmål som omtales", "Delmål som vert omtalte"},
      {"At a glance", "Kort oppsummert", "Kort oppsummert"},
      {"Indicators by progress", "Indikatorer etter framgang", "Indikatorar etter framgang"},
      {"Colophon", "Kolofon", "Kolofon"},
      {"Licence", "Lisens", "Lisens"},
      {"Contact", "Kontakt", "Kontakt"},
      {"Data sources", "Datakilder", "Datakjelder"},
      {"ISBN", "ISBN", "ISBN"},
      {"ISSN", "ISSN", "ISSN"},
  };
  static_assert(std::size(rows) == static_cast<std::size_t>(Label::Issn) + 1,
                "one row per Label");
  return rows[static_cast<std::size_t>(l)];
}

}  // namespace

const std::string& label(Label l, Language lang) { return label_row(l)[language_index(lang)]; }

const std::string& progress_label(ProgressStatus s, Language lang) {
  static const Row rows[] = {
      {"Not assessed", "Ikke vurdert", "Ikkje vurdert"},
      {"Target achieved", "Målet er nådd", "Målet er nådd"},
      {"Substantial progress", "Betydelig framgang", "Monaleg framgang"},
      {"Moderate progress", "Moderat framgang", "Moderat framgang"},
      {"Limited progress", "Begrenset framgang", "Avgrensa framgang"},
      {"Deterioration", "Forverring", "Forverring"},
      {"Not available", "Ikke tilgjengelig", "Ikkje tilgjengeleg"},
  };
  return rows[static_cast<std::size_t>(s)][language_index(lang)];
}

const std::string& status_label(ValueStatus s, Language lang) {
  static const Row rows[] = {
      {"", "", ""},
      {"Not available", "Ikke tilgjengelig", "Ikkje tilgjengeleg"},
      {"Not applicable", "Ikke relevant", "Ikkje relevant"},
      {"Confidential", "Konfidensielt", "Konfidensielt"},
      {"Provisional", "Foreløpige tall", "Førebelse tal"},
      {"Estimated", "Estimert", "Estimert"},
      {"Break in series", "Brudd i serien", "Brot i serien"},
      {"Nil", "Null", "Null"},
  };
  return rows[static_cast<std::size_t>(s)][language_index(lang)];
}

const std::string& status_symbol(ValueStatus s, Language lang) {
  // en: UN / Eurostat conventions; nb, nn: Statistics Norway's standard symbols.
  static const Row rows[] = {
      {"", "", ""},          // None
      {"..", "..", ".."},    // NotAvailable
      {"-", ".", "."},       // NotApplicable ("." = cannot occur; "-" is nil in Norway)
      {":", ":", ":"},       // Confidential
      {"p", "*", "*"},       // Provisional
      {"e", "e", "e"},       // Estimated
      {"b", "|", "|"},       // BreakInSeries
      {"\u2013", "-", "-"}, // Nil: a true zero (en: the UN's dash for nil; "-" is taken by not applicable)
  };
  static_assert(std::size(rows) == static_cast<std::size_t>(ValueStatus::Nil) + 1,
                "one row per ValueStatus");
  return rows[static_cast<std::size_t>(s)][language_index(lang)];
}

bool status_is_flag(ValueStatus s) noexcept {
  return s == ValueStatus::Provisional || s == ValueStatus::Estimated || s == ValueStatus::BreakInSeries;
}

std::string status_key_entry(ValueStatus s, Language lang) {
  return status_symbol(s, lang) + " = " + status_label(s, lang);
}

const std::vector<ValueStatus>& all_value_statuses() {
  static const std::vector<ValueStatus> all = {
      ValueStatus::NotAvailable, ValueStatus::NotApplicable, ValueStatus::Confidential,
      ValueStatus::Provisional,  ValueStatus::Estimated,     ValueStatus::BreakInSeries,
      ValueStatus::Nil};
  return all;
}

std::string format_number(double v, int decimals, Language lang) {
  if (!std::isfinite(v)) return "..";
  if (decimals < 0) decimals = 0;
  if (decimals > 10) decimals = 10;
  // std::to_chars: exact and independent of the C locale (a plugin calling
  // setlocale() must not turn "12.5" into "12,5" in one report and not another).
  char buf[400];  // the largest double in fixed notation with 10 decimals fits
  const auto [end, ec] = std::to_chars(buf, buf + sizeof buf, std::fabs(v), std::chars_format::fixed, decimals);
  if (ec != std::errc()) return "..";
  std::string digits(buf, end);
  std::string frac;
  if (auto dot = digits.find('.'); dot != std::string::npos) {
    frac = digits.substr(dot + 1);
    digits.resize(dot);
  }
  const bool norwegian = is_norwegian(lang);
  const std::string group = norwegian ? "\u00A0" : ",";
  const std::string point = norwegian ? "," : ".";
  std::string out;
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out += group;
    out += digits[i];
  }
  if (!frac.empty()) out += point + frac;
  // No "-0" / "-0,0": a value that rounds to zero has no sign.
  bool zero = out.find_first_not_of("0,.\u00A0") == std::string::npos;
  if (std::signbit(v) && !zero) out = "-" + out;
  return out;
}

std::string format_date(const std::string& iso, Language lang) {
  static const std::array<Row, 12> months = {{
      {"January", "januar", "januar"},     {"February", "februar", "februar"},
      {"March", "mars", "mars"},           {"April", "april", "april"},
      {"May", "mai", "mai"},               {"June", "juni", "juni"},
      {"July", "juli", "juli"},            {"August", "august", "august"},
      {"September", "september", "september"}, {"October", "oktober", "oktober"},
      {"November", "november", "november"}, {"December", "desember", "desember"},
  }};
  int y = 0, m = 0, d = 0;
  const std::size_t li = language_index(lang);
  if (iso.size() == 10 && std::sscanf(iso.c_str(), "%4d-%2d-%2d", &y, &m, &d) == 3 && m >= 1 && m <= 12) {
    const std::string& month = months[static_cast<std::size_t>(m - 1)][li];
    return li == 0 ? std::to_string(d) + " " + month + " " + std::to_string(y)
                   : std::to_string(d) + ". " + month + " " + std::to_string(y);
  }
  if (iso.size() == 7 && std::sscanf(iso.c_str(), "%4d-%2d", &y, &m) == 2 && m >= 1 && m <= 12) {
    std::string month = months[static_cast<std::size_t>(m - 1)][li];
    if (li != 0) month[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(month[0])));
    return month + " " + std::to_string(y);
  }
  return iso;
}

bool same_language(std::string_view tag, Language report) noexcept {
  if (tag.empty()) return true;
  const std::string_view primary = tag.substr(0, tag.find('-'));
  return equals_ignoring_case(primary, language_code(report));
}

std::string goal_label(int goal, Language lang) {
  return label(Label::Goal, lang) + " " + std::to_string(goal);
}

std::string goal_heading(int goal, const std::string& title, Language lang) {
  return title.empty() ? goal_label(goal, lang) : goal_label(goal, lang) + ": " + title;
}

const std::string& chart_kind_label(Chart::Kind k, Language lang) {
  static const Row rows[] = {
      {"Line chart", "Linjediagram", "Linjediagram"},
      {"Column chart", "Stolpediagram", "Stolpediagram"},
      {"Bar chart", "Liggende stolpediagram", "Liggjande stolpediagram"},
  };
  return rows[static_cast<std::size_t>(k)][language_index(lang)];
}

}  // namespace sdg
