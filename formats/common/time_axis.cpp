#include "time_axis.hpp"

#include <algorithm>
#include <cmath>

namespace sdg::time_axis {

namespace {

bool digits(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

int number(std::string_view s) {
  int v = 0;
  for (char c : s) v = v * 10 + (c - '0');
  return v;
}

}  // namespace

std::optional<double> time_of(std::string_view c) {
  if (c.size() < 4 || !digits(c.substr(0, 4))) return std::nullopt;
  const double year = number(c.substr(0, 4));
  const std::string_view rest = c.substr(4);
  if (rest.empty()) return year;
  // "2004/05", "2004-05", "2004-2005", "2004/2005": a split year, placed at its start.
  if ((rest[0] == '/' || rest[0] == '-' || rest[0] == '\xE2') && rest.size() >= 2) {
    std::string_view tail = rest.substr(1);
    if (rest[0] == '\xE2') {  // an en dash (U+2013, E2 80 93)
      if (rest.substr(0, 3) != "\xE2\x80\x93") return std::nullopt;
      tail = rest.substr(3);
    }
    if ((tail.size() == 2 || tail.size() == 4) && digits(tail)) return year;
    return std::nullopt;
  }
  // Quarters "2021Q3" / Norwegian "2021K3", months "2021M07": the middle of the period.
  if (rest.size() == 2 && (rest[0] == 'Q' || rest[0] == 'K') && rest[1] >= '1' && rest[1] <= '4')
    return year + (rest[1] - '1' + 0.5) / 4;
  if (rest.size() == 3 && rest[0] == 'M' && digits(rest.substr(1))) {
    const int m = number(rest.substr(1));
    if (m >= 1 && m <= 12) return year + (m - 0.5) / 12;
  }
  return std::nullopt;
}

std::optional<std::vector<double>> positions(const std::vector<std::string>& categories) {
  if (categories.size() < 3) return std::nullopt;
  std::vector<double> t;
  for (const auto& c : categories) {
    const auto v = time_of(c);
    if (!v) return std::nullopt;
    if (!t.empty() && *v <= t.back()) return std::nullopt;
    t.push_back(*v);
  }
  double step = t[1] - t[0], widest = step;
  for (std::size_t i = 1; i + 1 < t.size(); ++i) {
    step = std::min(step, t[i + 1] - t[i]);
    widest = std::max(widest, t[i + 1] - t[i]);
  }
  if (widest - step < 1e-9) return std::nullopt;  // even steps: nothing to correct
  std::vector<double> out;
  for (double v : t) out.push_back((v - t.front()) / step);
  return out;
}

}  // namespace sdg::time_axis
