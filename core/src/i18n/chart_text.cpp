// The words a chart is described in for readers who cannot see it (see i18n.hpp:
// chart_alt_text, describe_chart): generated from the chart's own data, in the
// report's language, so every format says the same.
#include <algorithm>
#include <cctype>
#include <cmath>
#include <optional>
#include <string>

#include "sdgreport/i18n.hpp"

namespace sdg {

namespace {

std::size_t lang_index(std::string_view lang) {
  if (lang == "nb") return 1;
  if (lang == "nn") return 2;
  return 0;
}

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

const Words& words(std::string_view lang) {
  static const Words en{"series", "Unit:", "rose from", "fell from", "was unchanged from", "in", "to", "up",
                        "down", "highest", "lowest", "one value only:", "no values", "more series"};
  static const Words nb{"serier", "Enhet:", "økte fra", "falt fra", "var uendret fra", "i", "til", "opp",
                        "ned", "høyest", "lavest", "bare én verdi:", "ingen verdier", "serier til"};
  static const Words nn{"seriar", "Eining:", "auka frå", "fall frå", "var uendra frå", "i", "til", "opp",
                        "ned", "høgast", "lågast", "berre éin verdi:", "ingen verdiar", "seriar til"};
  switch (lang_index(lang)) {
    case 1:
      return nb;
    case 2:
      return nn;
    default:
      return en;
  }
}

/// Fewest decimals (0–3) that show every value of `s` as it is; 3 at most.
int decimals_of(const Series& s) {
  for (int d = 0; d < 3; ++d) {
    const double scale = std::pow(10.0, d);
    bool ok = true;
    for (const auto& v : s.values)
      if (v && std::isfinite(*v) &&
          std::fabs(*v * scale - std::round(*v * scale)) > 1e-6 * std::max(1.0, std::fabs(*v * scale)))
        ok = false;
    if (ok) return d;
  }
  return 3;
}

/// A period label: a year, or a year with a part ("2019K1", "2019M01", "2004/05",
/// "2019-2020", "2023-06"). Charts over periods are described as change over time.
bool is_period(const std::string& c) {
  if (c.size() < 4 || c.size() > 10) return false;
  for (std::size_t i = 0; i < 4; ++i)
    if (!std::isdigit(static_cast<unsigned char>(c[i]))) return false;
  if (c[0] != '1' && c[0] != '2') return false;
  for (std::size_t i = 4; i < c.size(); ++i) {
    const auto ch = static_cast<unsigned char>(c[i]);
    if (!std::isalnum(ch) && ch != '-' && ch != '/') return false;
  }
  return true;
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
                            std::string_view lang) {
  const Words& w = words(lang);
  const int dec = decimals_of(s);
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

std::string describe_chart(const Chart& c, std::string_view lang) {
  const Words& w = words(lang);
  constexpr std::size_t kNamed = 8;  // series described one by one; the rest counted
  const bool periods = !c.categories.empty() && std::all_of(c.categories.begin(), c.categories.end(), is_period);
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
    o += std::string(lang_index(lang) == 0 ? "And " : "Og ") + std::to_string(c.series.size() - kNamed) + " " +
         w.more + ". ";
  while (!o.empty() && o.back() == ' ') o.pop_back();
  return o;
}

std::string chart_alt_text(const Chart& c, std::string_view lang) {
  std::string alt = chart_kind_label(c.kind, lang);
  if (!c.title.empty()) alt += ": " + c.title;
  if (alt.back() != '.') alt += ".";
  const std::string d = describe_chart(c, lang);
  return d.empty() ? alt : alt + " " + d;
}

}  // namespace sdg
