#include "sdgreport/images.hpp"

#include <filesystem>
#include <fstream>

#include "sdgreport/model.hpp"

namespace sdg {

std::string svg_refusal(const std::string& path) {
  const std::filesystem::path p(path);
  std::filesystem::path png = p.filename();
  png.replace_extension(".png");
  return "SVG images are not supported; convert to PNG (e.g. rsvg-convert -w 1600 " + p.filename().string() + " -o " +
         png.string() + ")";
}

std::string image_problem(const std::filesystem::path& file) {
  if (is_svg_path(file.string())) return svg_refusal(file.string());
  std::error_code ec;
  if (!std::filesystem::is_regular_file(file, ec)) return "does not exist";
  std::ifstream in(file, std::ios::binary);
  if (!in) return "cannot be read";
  unsigned char b[8] = {};
  in.read(reinterpret_cast<char*>(b), sizeof b);
  if (b[0] == 0x89 && b[1] == 'P' && b[2] == 'N' && b[3] == 'G') return "";
  if (b[0] == 0xFF && b[1] == 0xD8 && b[2] == 0xFF) return "";
  return "not a PNG or JPEG image (by its first bytes); convert it to PNG";
}

}  // namespace sdg
