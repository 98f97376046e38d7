// Test helper: a text measure for layout tests that needs no font file. Every
// code point is half an em wide, a space a quarter, so widths are easy to reason about.
#pragma once

#include <string>
#include <string_view>

#include "layout.hpp"

namespace sdg::pdf::test {

inline double fake_width(const TextStyle& s, std::string_view t) {
  double w = 0;
  for (const std::string& ch : utf8_chars(t)) w += (ch == " " ? 0.25 : 0.5) * s.size;
  return w;
}
inline const Measure kMeasure = fake_width;

}  // namespace sdg::pdf::test
