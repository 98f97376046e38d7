// HTML writer (private): the colours the HTML edition uses, each checked for
// WCAG 2.1 contrast when it is chosen.
//
// Temporary home: formats/common/palette.{hpp,cpp} (goal colour darkened until
// ≥ 3:1 on white, same hue; series colours and markers) is being written for
// every format. When it lands, replace series_colour(), goal_on_white() and
// darken_until() with it; the rest of formats/html calls only this header.
#pragma once

#include <cstdint>
#include <string>

#include "sdgreport/model.hpp"

namespace sdg::html {

struct Colour {
  std::uint8_t r = 0, g = 0, b = 0;
  static Colour hex(std::uint32_t rgb);
  std::string css() const;  ///< "#rrggbb"
  bool operator==(const Colour&) const = default;
};

inline const Colour kWhite = Colour::hex(0xFFFFFF);
inline const Colour kInk = Colour::hex(0x1C1C1E);     ///< body text
inline const Colour kAccent = Colour::hex(0x00689D);  ///< UN SDG blue, for non-goal chapters

/// WCAG 2.x contrast ratio, 1–21.
double contrast(const Colour& a, const Colour& b);

/// The SDG goal's official colour (1–17); kAccent otherwise.
Colour goal_colour(int goal);
/// White or ink for text on `background`, whichever passes 4.5:1 (white preferred,
/// as on the official SDG tiles).
Colour text_on(const Colour& background);
/// `c` scaled towards black (same hue) until its contrast with `background` is at least `ratio`.
Colour darken_until(const Colour& c, const Colour& background, double ratio);
/// The goal colour as a line or a rule on white: ≥ 3:1 (WCAG 1.4.11 non-text contrast).
Colour goal_on_white(int goal);

/// Colour of chart series `index` in a chart of goal `goal`: the goal colour first,
/// then the Okabe–Ito colour-blind-safe colours (those too close to the goal colour
/// left out), every one darkened to ≥ 3:1 on white.
Colour series_colour(int goal, std::size_t index);

/// Background of a progress status label; text_on() gives its text colour.
Colour progress_colour(ProgressStatus s);

}  // namespace sdg::html
