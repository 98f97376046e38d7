// sdgreport — time axes for charts, shared by the format writers: when every
// category of a chart is a year or a period of one ("2015", "2004/05", "2021Q3",
// "2021M07"), and the steps between them are uneven, a chart places them in
// proportion to time rather than evenly.
//
//   auto t = sdg::time_axis::positions({"2015", "2017", "2019", "2021", "2024"});
//   // t = {0, 1, 2, 3, 4.5}: in units of the smallest step (2 years)
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace sdg::time_axis {

/// The time of a category in years (sdg::parse_period, sdgreport/periods.hpp):
/// "2015" → 2015, "2004/05" and "2004-2005" → 2004, "2021Q3" / "2021K3" → 2021.625,
/// "2021M07" → 2021.54; nullopt for anything that is not a period.
std::optional<double> time_of(std::string_view category);

/// Positions of the categories in units of the smallest step between them (the
/// first at 0), when all are times, strictly increasing and unevenly spaced; nullopt
/// when they should stay evenly spaced (not times, fewer than 3, or even steps).
std::optional<std::vector<double>> positions(const std::vector<std::string>& categories);

}  // namespace sdg::time_axis
