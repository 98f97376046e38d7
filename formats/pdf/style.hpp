// PDF writer (private): colours, the WCAG contrast rule and the typographic theme.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "palette.hpp"
#include "sdgreport/catalogue.hpp"
#include "sdgreport/model.hpp"

namespace sdg::pdf {

/// Colours and contrast come from the shared palette (formats/common/palette.hpp).
using palette::Color;
using palette::contrast_ratio;
using palette::delta_e;
using palette::Lab;
using palette::relative_luminance;
using palette::text_on;
using palette::to_lab;

/// Palette used by every block.
namespace colors {
inline const Color ink = Color::hex(0x1C1C1E);     ///< body text
inline const Color muted = Color::hex(0x5F6368);   ///< captions, notes, furniture
inline const Color rule = Color::hex(0xC8CCD0);    ///< thin rules
inline const Color faint = Color::hex(0xF2F4F5);   ///< zebra rows, boxes
inline const Color link = Color::hex(0x0B57A4);    ///< hyperlinks
inline const Color accent = Color::hex(0x00689D);  ///< UN SDG blue for non-goal chapters
inline const Color white = Color::hex(0xFFFFFF);
inline const Color near_black = Color::hex(0x1C1C1E);
}  // namespace colors

/// Colour of an SDG goal (1–17); the accent colour otherwise.
Color goal_color(int goal);

/// A darker shade of the same hue that reads as text on white (contrast ≥ 4.5:1),
/// for numbers and rules in goal colour (palette::darken_to_contrast).
Color readable_on_white(const Color& c);

/// Colour of a progress status (indicator boxes, at-a-glance counts): the shared table.
using palette::progress_color;

}  // namespace sdg::pdf
