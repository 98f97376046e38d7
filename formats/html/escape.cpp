#include "escape.hpp"

#include <algorithm>
#include <cctype>

#include "sdgreport/text.hpp"

namespace sdg::html {

namespace {

void append_escaped(std::string& out, std::string_view s, bool quotes) {
  out.reserve(out.size() + s.size());
  for (std::size_t i = 0; i < s.size(); ++i) {
    const auto c = static_cast<unsigned char>(s[i]);
    switch (c) {
      case '&':
        out += "&amp;";
        continue;
      case '<':
        out += "&lt;";
        continue;
      case '>':
        out += "&gt;";
        continue;
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
      default:
        break;
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

namespace {

/// Percent-encodes the characters a URL may not hold as they are (spaces, quotes,
/// angle brackets, controls…); non-ASCII stays (HTML takes IRIs).
std::string encode_url(const std::string& url) {
  static const std::string_view kNotAllowed = "\"<>\\^`{|}";
  std::string out;
  for (char c : url) {
    const auto u = static_cast<unsigned char>(c);
    if (u <= 0x20 || u == 0x7F || kNotAllowed.find(c) != std::string_view::npos) {
      static const char* hex = "0123456789ABCDEF";
      out += '%';
      out += hex[u >> 4];
      out += hex[u & 15];
    } else {
      out += c;
    }
  }
  return out;
}

}  // namespace

std::string safe_url(std::string_view url) {
  // As a browser reads it: without leading and trailing spaces and controls, and
  // without tabs and line breaks anywhere (so "java\tscript:" is "javascript:").
  std::string u;
  for (char c : url)
    if (c != '\t' && c != '\n' && c != '\r') u += c;
  std::size_t first = 0;  // leading C0 controls and spaces (U+0000–U+0020)
  while (first < u.size() && static_cast<unsigned char>(u[first]) <= 0x20) ++first;
  if (first == u.size()) return {};
  u = u.substr(first);
  while (!u.empty() && static_cast<unsigned char>(u.back()) <= 0x20) u.pop_back();
  if (u.front() == '#') return encode_url(u);
  const auto colon = u.find(':');
  const auto delim = u.find_first_of("/?#");
  if (colon == std::string::npos || (delim != std::string::npos && delim < colon))
    return encode_url(u);  // relative
  const std::string scheme = lower(std::string_view(u).substr(0, colon));
  if (scheme == "http" || scheme == "https" || scheme == "mailto") return encode_url(u);
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
