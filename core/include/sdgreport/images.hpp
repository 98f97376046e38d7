// sdgreport — images in the model: the one check and message for an image no
// writer can draw.
//
// Images are checked where they come in (the Markdown reader, at the image's
// line), by `validate` (image-missing, image-svg, image-unreadable, for
// figures of other sources) and SVG by the PDF writer (an SVG path in a JSON
// model), all with these texts:
//
//   if (is_svg_path(f.path)) fail(where, "image '" + f.path + "': " + svg_refusal(f.path));
#pragma once

#include <filesystem>
#include <string>

namespace sdg {

/// "SVG images are not supported; convert to PNG (e.g. rsvg-convert -w 1600
/// map.svg -o map.png)", naming the file of `path` (is_svg_path() is in model.hpp).
std::string svg_refusal(const std::string& path);

/// "" when `file` is a PNG or JPEG file the writers can embed (by its first
/// bytes); else why not: svg_refusal(), "does not exist", "cannot be read" or
/// "not a PNG or JPEG image (by its first bytes); convert it to PNG".
std::string image_problem(const std::filesystem::path& file);

}  // namespace sdg
