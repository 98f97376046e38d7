#include "time_axis.hpp"

#include <algorithm>
#include <cmath>

#include "sdgreport/periods.hpp"

namespace sdg::time_axis {

std::optional<double> time_of(std::string_view c) {
  if (const auto p = parse_period(c)) return p->time;
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
