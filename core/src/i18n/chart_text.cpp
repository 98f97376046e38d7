// The words a chart is described in for readers who cannot see it (see i18n.hpp:
// chart_alt_text, describe_chart): generated from the chart's own data, in the
// report's language, so every format says the same.
#include <algorithm>
#include <cctype>
#include <cmath>
#include <optional>
#include <string>

#include "sdgreport/numbers.hpp"
#include "sdgreport/periods.hpp"
#include "sdgreport/i18n.hpp"

namespace sdg {

namespace {

/// Words of the description, en / nb / nn.
struct Words {
  const char* series;     // "series" (plural after a count)
  const char* unit;  // "Unit:"
  const char* rose;       // "rose from"
  const char* fell;       // "fell from"
  const char* same;       // "was unchanged from"
  const char* in;         // "in" (a period)
  const char* to;         // "to"
  const char* up;         // "up"
  const char* down;       // "down"
  const char* highest;
  const char* lowest;
  const char* only;       // "only one value:"
  const char* none;       // "no values"
  const char* more;       // "And N more series" → "more series"
};

const Words& words(Language lang) {
  static const Words en{"series", "Unit:", "rose from", "fell from", "was unchanged from", "in", "to", "up",
                        "down", "highest", "lowest", "one value only:", "no values", "more series"};
  static const Words nb{"serier", "Enhet:", "økte fra", "falt fra", "var uendret fra", "i", "til", "opp",
                        "ned", "høyest", "lavest", "bare én verdi:", "ingen verdier", "serier til"};
  static const Words nn{"seriar", "Eining:", "auka frå", "fall frå", "var uendra frå", "i", "til", "opp",
                        "ned", "høgast", "lågast", "berre éin verdi:", "ingen verdiar", "seriar til"};
  switch (lang) {
    case Language::Nb:
      return nb;
    case Language::Nn:
      return nn;
    case Language::En:
      break;
  }
  return en;
}

std::string upper_first(std::string s) {
  if (!s.empty() && s[0] >= 'a' && s[0] <= 'z') s[0] = static_cast<char>(s[0] - 'a' + 'A');
  return s;
}

/// One series in words. Over periods: "rose from 7.1 in 2019 to 7.5 in 2023 (up
/// 0.4); highest 7.9 in 2021, lowest 7.0 in 2020" (an extreme that is the first or
/// last value is not said twice). Over other categories, where a direction means
/// nothing: the values by category (up to 12) and the highest and lowest,
/// "Oslo 7.5, Bergen 9.3, Tromsø 6.0; highest 9.3 (Bergen), lowest 6.0 (Tromsø)".
std::string describe_series(const Series& s, const std::vector<std::string>& cats, bool periods,
                            Language lang) {
  const Words& w = words(lang);
  const int dec = decimals_needed(s.values, 3);  // as many as a value needs, 3 at most
  auto num = [&](double v) { return format_number(v, dec, lang); };
  auto cat = [&](std::size_t k) { return k < cats.size() ? cats[k] : std::string(); };
  auto at = [&](std::size_t k) { return periods ? std::string(" ") + w.in + " " + cat(k) : " (" + cat(k) + ")"; };
  std::optional<std::size_t> first, last, hi, lo;
  std::size_t count = 0;
  for (std::size_t k = 0; k < s.values.size() && k < cats.size(); ++k) {
    const auto& v = s.values[k];
    if (!v || !std::isfinite(*v)) continue;
    ++count;
    if (!first) first = k;
    last = k;
    if (!hi || *v > *s.values[*hi]) hi = k;
    if (!lo || *v < *s.values[*lo]) lo = k;
  }
  if (!first) return w.none;
  const double a = *s.values[*first], b = *s.values[*last];
  if (count == 1) return std::string(w.only) + " " + num(a) + at(*first);
  std::string o;
  std::vector<std::string> extremes;
  const bool flat = num(*s.values[*hi]) == num(*s.values[*lo]);
  if (periods) {
    const std::string change = num(std::fabs(b - a));
    const bool zero = change.find_first_not_of("0,.\u00A0") == std::string::npos;
    if (zero)
      o = std::string(w.same) + " " + num(a) + at(*first) + " " + w.to + " " + num(b) + at(*last);
    else
      o = std::string(b > a ? w.rose : w.fell) + " " + num(a) + at(*first) + " " + w.to + " " + num(b) +
          at(*last) + " (" + (b > a ? w.up : w.down) + " " + change + ")";
    if (!flat && *hi != *first && *hi != *last) extremes.push_back(std::string(w.highest) + " " + num(*s.values[*hi]) + at(*hi));
    if (!flat && *lo != *first && *lo != *last) extremes.push_back(std::string(w.lowest) + " " + num(*s.values[*lo]) + at(*lo));
  } else {
    if (count <= 12)
      for (std::size_t k = *first; k <= *last; ++k)
        if (s.values[k] && std::isfinite(*s.values[k]))
          o += (o.empty() ? "" : ", ") + cat(k) + " " + num(*s.values[k]);
    if (!flat) {
      extremes.push_back(std::string(w.highest) + " " + num(*s.values[*hi]) + at(*hi));
      extremes.push_back(std::string(w.lowest) + " " + num(*s.values[*lo]) + at(*lo));
    }
  }
  for (std::size_t i = 0; i < extremes.size(); ++i)
    o += (i == 0 ? (o.empty() ? "" : "; ") : ", ") + extremes[i];
  return o;
}

}  // namespace

std::string describe_chart(const Chart& c, Language lang) {
  const Words& w = words(lang);
  constexpr std::size_t kNamed = 8;  // series described one by one; the rest counted
  const bool periods = !c.categories.empty() && std::all_of(c.categories.begin(), c.categories.end(), [](const std::string& cat) { return is_period(cat); });
  std::string o;
  // One unit for the whole chart: said once.
  bool one_unit = !c.series.empty();
  for (const Series& s : c.series) one_unit = one_unit && s.unit == c.series.front().unit;
  if (one_unit && !c.series.front().unit.empty()) o += std::string(w.unit) + " " + c.series.front().unit + ". ";
  if (c.series.size() > 1)
    o += std::to_string(c.series.size()) + " " + w.series +
         (periods ? ", " + c.categories.front() + "–" + c.categories.back() : std::string()) + ". ";
  for (std::size_t i = 0; i < c.series.size() && i < kNamed; ++i) {
    const Series& s = c.series[i];
    std::string d = describe_series(s, c.categories, periods, lang);
    if (!one_unit && !s.unit.empty()) d += " (" + s.unit + ")";
    if (c.series.size() == 1 && (s.name.empty() || s.name == c.title))
      o += upper_first(d) + ". ";
    else
      o += (s.name.empty() ? std::to_string(i + 1) : s.name) + ": " + d + ". ";
  }
  if (c.series.size() > kNamed)
    o += std::string(is_norwegian(lang) ? "Og " : "And ") + std::to_string(c.series.size() - kNamed) + " " +
         w.more + ". ";
  while (!o.empty() && o.back() == ' ') o.pop_back();
  return o;
}

std::string chart_alt_text(const Chart& c, Language lang) {
  std::string alt = chart_kind_label(c.kind, lang);
  if (!c.title.empty()) alt += ": " + c.title;
  if (alt.back() != '.') alt += ".";
  const std::string d = describe_chart(c, lang);
  return d.empty() ? alt : alt + " " + d;
}

}  // namespace sdg
