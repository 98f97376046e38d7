#include "sdgreport/text.hpp"

namespace sdg {

namespace {

constexpr std::string_view kNoBreakSpace = "\xC2\xA0";       // U+00A0
constexpr std::string_view kNarrowNoBreak = "\xE2\x80\xAF";  // U+202F
constexpr std::string_view kThinSpace = "\xE2\x80\x89";      // U+2009

}  // namespace

std::size_t space_length(std::string_view s) noexcept {
  if (s.empty()) return 0;
  if (s[0] == ' ' || s[0] == '\t') return 1;
  if (static_cast<unsigned char>(s[0]) < 0x80) return 0;  // the others start with a lead byte
  for (std::string_view sp : {kNoBreakSpace, kNarrowNoBreak, kThinSpace})
    if (s.starts_with(sp)) return sp.size();
  return 0;
}

namespace {

std::size_t space_before_end(std::string_view s) {
  if (s.empty()) return 0;
  if (s.back() == ' ' || s.back() == '\t') return 1;
  if (static_cast<unsigned char>(s.back()) < 0x80) return 0;  // the others end with a continuation byte
  for (std::string_view sp : {kNoBreakSpace, kNarrowNoBreak, kThinSpace})
    if (s.ends_with(sp)) return sp.size();
  return 0;
}

}  // namespace

int utf8_decode(std::string_view s, std::size_t i, char32_t* cp) noexcept {
  const auto b0 = static_cast<unsigned char>(s[i]);
  if (b0 < 0x80) {
    if (cp) *cp = b0;
    return 1;
  }
  // The second byte's range rules out overlongs, surrogates and values past
  // U+10FFFF (Unicode 15, table 3-7).
  int len;
  unsigned char lo = 0x80, hi = 0xBF;
  char32_t v;
  if (b0 >= 0xC2 && b0 <= 0xDF) {
    len = 2, v = b0 & 0x1F;
  } else if (b0 >= 0xE0 && b0 <= 0xEF) {
    len = 3, v = b0 & 0x0F;
    if (b0 == 0xE0) lo = 0xA0;
    if (b0 == 0xED) hi = 0x9F;
  } else if (b0 >= 0xF0 && b0 <= 0xF4) {
    len = 4, v = b0 & 0x07;
    if (b0 == 0xF0) lo = 0x90;
    if (b0 == 0xF4) hi = 0x8F;
  } else {
    return 0;
  }
  for (int k = 1; k < len; ++k) {
    if (i + static_cast<std::size_t>(k) >= s.size()) return -1;
    const auto b = static_cast<unsigned char>(s[i + static_cast<std::size_t>(k)]);
    if (k == 1 ? (b < lo || b > hi) : (b < 0x80 || b > 0xBF)) return 0;
    v = (v << 6) | (b & 0x3F);
  }
  if (cp) *cp = v;
  return len;
}

std::size_t utf8_invalid_at(std::string_view s) noexcept {
  for (std::size_t i = 0; i < s.size();) {
    if (static_cast<unsigned char>(s[i]) < 0x80) {
      ++i;
      continue;
    }
    const int n = utf8_decode(s, i);
    if (n <= 0) return i;
    i += static_cast<std::size_t>(n);
  }
  return std::string_view::npos;
}

bool is_valid_utf8(std::string_view s) noexcept { return utf8_invalid_at(s) == std::string_view::npos; }

std::string valid_utf8(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size();) {
    const int n = utf8_decode(s, i);
    if (n <= 0) {
      out += "\xEF\xBF\xBD";
      ++i;
    } else {
      out.append(s.substr(i, static_cast<std::size_t>(n)));
      i += static_cast<std::size_t>(n);
    }
  }
  return out;
}

void append_utf8(std::string& out, char32_t cp) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

std::size_t utf8_length(std::string_view s) noexcept {
  std::size_t n = 0;
  for (std::size_t i = 0; i < s.size(); ++n) {
    const int len = utf8_decode(s, i);
    i += len > 0 ? static_cast<std::size_t>(len) : 1;
  }
  return n;
}

std::string utf8_shorten(std::string_view s, std::size_t max, std::string_view ellipsis) {
  std::size_t chars = 0;
  for (std::size_t i = 0; i < s.size(); ++chars) {
    if (chars == max) return std::string(s.substr(0, i)) + std::string(ellipsis);
    const int len = utf8_decode(s, i);
    i += len > 0 ? static_cast<std::size_t>(len) : 1;
  }
  return std::string(s);
}

std::string_view trim_spaces(std::string_view s) {
  auto line_break = [](char c) { return c == '\n' || c == '\r' || c == '\f' || c == '\v'; };
  for (;;) {
    if (std::size_t n = space_length(s)) s.remove_prefix(n);
    else if (!s.empty() && line_break(s.front())) s.remove_prefix(1);
    else break;
  }
  for (;;) {
    if (std::size_t n = space_before_end(s)) s.remove_suffix(n);
    else if (!s.empty() && line_break(s.back())) s.remove_suffix(1);
    else break;
  }
  return s;
}

std::string lower(std::string_view s) {
  std::string out(s);
  for (std::size_t i = 0; i < out.size(); ++i) {
    const auto c = static_cast<unsigned char>(out[i]);
    if (c >= 'A' && c <= 'Z') {
      out[i] = static_cast<char>(c + ('a' - 'A'));
    } else if (c == 0xC3 && i + 1 < out.size()) {
      // U+00C0–U+00DE (C3 80–C3 9E) but × (C3 97): the lower case is 0x20 further.
      const auto d = static_cast<unsigned char>(out[i + 1]);
      if (d >= 0x80 && d <= 0x9E && d != 0x97) out[i + 1] = static_cast<char>(d + 0x20);
      ++i;
    }
  }
  return out;
}

bool equals_ignoring_case(std::string_view a, std::string_view b) {
  return a.size() == b.size() && lower(a) == lower(b);  // lower() keeps the length
}

}  // namespace sdg
