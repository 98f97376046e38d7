#include "escape.hpp"

#include <algorithm>
#include <cctype>

namespace sdg::html {

namespace {

void append_escaped(std::string& out, std::string_view s, bool quotes) {
  out.reserve(out.size() + s.size());
  for (std::size_t i = 0; i < s.size(); ++i) {
    const auto c = static_cast<unsigned char>(s[i]);
    switch (c) {
      case '&': out += "&amp;"; continue;
      case '<': out += "&lt;"; continue;
      case '>': out += "&gt;"; continue;
      case '"':
        if (quotes) {
          out += "&quot;";
          continue;
        }
        break;
      case '\'':
        if (quotes) {
          out += "&#39;";
          continue;
        }
        break;
      default: break;
    }
    if (c < 0x20 && c != '\t' && c != '\n') continue;  // not allowed in HTML text
    if (c == 0x7F) continue;
    // U+FFFE and U+FFFF (EF BF BE / EF BF BF) are noncharacters.
    if (c == 0xEF && i + 2 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0xBF &&
        (static_cast<unsigned char>(s[i + 2]) == 0xBE || static_cast<unsigned char>(s[i + 2]) == 0xBF)) {
      i += 2;
      continue;
    }
    out += static_cast<char>(c);
  }
}

std::string lower(std::string_view s) {
  std::string out(s);
  std::transform(out.begin(), out.end(), out.begin(), [](unsigned char c) { return std::tolower(c); });
  return out;
}

}  // namespace

std::string text(std::string_view s) {
  std::string out;
  append_escaped(out, s, false);
  return out;
}

std::string attr(std::string_view s) {
  std::string out;
  append_escaped(out, s, true);
  return out;
}

std::string safe_url(std::string_view url) {
  // Browsers ignore tabs, line feeds and leading spaces or controls in a scheme,
  // so look at the URL without them.
  std::string squeezed;
  for (char c : url)
    if (static_cast<unsigned char>(c) > 0x20) squeezed += c;
  if (squeezed.empty()) return {};
  if (squeezed.front() == '#') return squeezed;
  const auto colon = squeezed.find(':');
  const auto delim = squeezed.find_first_of("/?#");
  if (colon == std::string::npos || (delim != std::string::npos && delim < colon)) return squeezed;  // relative
  const std::string scheme = lower(std::string_view(squeezed).substr(0, colon));
  if (scheme == "http" || scheme == "https" || scheme == "mailto") return squeezed;
  return {};
}

std::string anchor(std::string_view id) {
  std::string out;
  for (char c : id) {
    const auto u = static_cast<unsigned char>(c);
    const bool keep = u < 0x80 && (std::isalnum(u) || c == '-' || c == '_' || c == '.');
    out.push_back(keep ? c : '-');
  }
  if (out.empty()) out.push_back('x');
  return out;
}

}  // namespace sdg::html
