// sdgreport — images in the model: the one message for an image no writer draws.
//
// SVG images are refused where they come in (the Markdown reader, at the image's
// line), by `validate` (figure-svg) and by the PDF writer (an SVG path in a JSON
// model), all with this text:
//
//   if (is_svg_path(f.path)) fail(where, "image '" + f.path + "': " + svg_refusal(f.path));
#pragma once

#include <string>

namespace sdg {

/// "SVG images are not supported; convert to PNG (e.g. rsvg-convert -w 1600
/// map.svg -o map.png)", naming the file of `path` (is_svg_path() is in model.hpp).
std::string svg_refusal(const std::string& path);

}  // namespace sdg
