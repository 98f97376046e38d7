// Fuzz target: `sdgreport review` (formats/docx/review.cpp) on a reviewed DOCX.
// The input is the package's XML parts separated by lines "~~~~": word/document.xml,
// the origins part (customXml/item1.xml), word/comments.xml, word/footnotes.xml;
// they are zipped (libzip) into a DOCX in a temporary file, so the mutations reach
// the XML readers rather than the zip checksums.
#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include "package.hpp"
#include "review.hpp"
#include "sdgreport/error.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string in(reinterpret_cast<const char*>(data), size);
  std::vector<std::string> parts;
  std::size_t pos = 0;
  while (parts.size() < 3) {
    const std::size_t sep = in.find("\n~~~~\n", pos);
    if (sep == std::string::npos) break;
    parts.push_back(in.substr(pos, sep - pos));
    pos = sep + 6;
  }
  parts.push_back(in.substr(pos));
  static const char* names[] = {"word/document.xml", "customXml/item1.xml", "word/comments.xml",
                                "word/footnotes.xml"};
  sdg::docx::Package p;
  for (std::size_t i = 0; i < parts.size(); ++i) p.add(names[i], parts[i]);
  char path[] = "/tmp/fuzz-review-XXXXXX";
  const int fd = ::mkstemp(path);
  if (fd < 0) return 0;
  ::close(fd);
  try {
    p.write(path, 0, path);
    const sdg::docx::Review r = sdg::docx::review(path);
    (void)sdg::docx::review_text(r);
    (void)sdg::docx::review_json(r);
  } catch (const sdg::Error&) {
  }
  std::filesystem::remove(path);
  return 0;
}
