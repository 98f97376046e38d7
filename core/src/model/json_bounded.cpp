#include "sdgreport/json_bounded.hpp"

#include <charconv>
#include <cmath>
#include <cstdio>

#include "sdgreport/limits.hpp"
#include "sdgreport/model.hpp"

namespace sdg {

namespace {

bool number_char(char c) {
  return (c >= '0' && c <= '9') || c == '-' || c == '+' || c == '.' || c == 'e' || c == 'E';
}

// Checks one number token; a malformed token is left to the parser's syntax error.
void check_number(std::string_view tok, std::string_view text, std::size_t at, const std::string& file) {
  const bool integer = tok.find_first_of(".eE") == std::string_view::npos;
  auto fail = [&](const std::string& what) {
    auto [line, col] = line_column_at(text, at);
    throw Error(ErrorCode::Input, what, Location{file, line, col});
  };
  const std::string shown = escape_for_message(tok.size() > 40 ? tok.substr(0, 40) : tok) + (tok.size() > 40 ? "…" : "");
  if (integer) {
    std::string_view digits = tok.starts_with('-') ? tok.substr(1) : tok;
    while (digits.size() > 1 && digits[0] == '0') digits.remove_prefix(1);
    // 2^53 = 9007199254740992 has 16 digits: anything longer, or as long and larger, cannot be exact.
    const bool too_big = digits.size() > 16 || (digits.size() == 16 && digits > "9007199254740992");
    if (too_big)
      fail("the integer " + shown + " is beyond 2^53 = 9007199254740992 and cannot be kept exactly; "
           "write it as a decimal number (e.g. 1.5e17) if rounding is acceptable");
    return;
  }
  double v = 0;
  auto [end, ec] = std::from_chars(tok.data(), tok.data() + tok.size(), v);
  if (end != tok.data() + tok.size()) return;  // not a JSON number: the parser reports it
  if (ec == std::errc::result_out_of_range) {
    // from_chars reports both overflow and underflow; tell them apart by the exponent sign.
    const std::size_t e = tok.find_first_of("eE");
    const bool tiny = e != std::string_view::npos && e + 1 < tok.size() && tok[e + 1] == '-';
    fail("the number " + shown +
         (tiny ? " is too small for a 64-bit floating-point number (smallest about 2.2e-308) and would become 0"
               : " is too large for a 64-bit floating-point number (largest about 1.8e308)"));
  }
}

}  // namespace

std::pair<int, int> line_column_at(std::string_view text, std::size_t offset) noexcept {
  int line = 1, col = 1;
  for (std::size_t i = 0; i < offset && i < text.size(); ++i) {
    if (text[i] == '\n') {
      ++line;
      col = 1;
    } else {
      ++col;
    }
  }
  return {line, col};
}

std::string escape_for_message(std::string_view s) {
  std::string out;
  for (std::size_t i = 0; i < s.size();) {
    const auto c = static_cast<unsigned char>(s[i]);
    if (c >= 0x20 && c < 0x7F) {
      out += static_cast<char>(c);
      ++i;
      continue;
    }
    if (const int len = c >= 0x80 ? utf8_decode(s, i) : 0; len > 1) {
      out += s.substr(i, static_cast<std::size_t>(len));
      i += static_cast<std::size_t>(len);
      continue;
    }
    char buf[8];
    std::snprintf(buf, sizeof buf, "\\x%02X", static_cast<unsigned>(c));
    out += buf;
    ++i;
  }
  return out;
}

void check_json_text(std::string_view text, const std::string& file) {
  const std::size_t max_depth = limits().json_depth;
  std::size_t depth = 0;
  for (std::size_t i = 0; i < text.size();) {
    const char c = text[i];
    if (c == '"') {  // skip a string, escapes included
      for (++i; i < text.size() && text[i] != '"'; ++i)
        if (text[i] == '\\') ++i;
      ++i;
    } else if (c == '[' || c == '{') {
      if (++depth > max_depth) {
        auto [line, col] = line_column_at(text, i);
        throw Error(ErrorCode::Input,
                    limit_message("json_depth", "arrays and objects nested " + std::to_string(depth) + " deep"),
                    Location{file, line, col});
      }
      ++i;
    } else if (c == ']' || c == '}') {
      if (depth > 0) --depth;  // an unbalanced bracket is the parser's syntax error
      ++i;
    } else if (c == '-' || (c >= '0' && c <= '9')) {
      std::size_t end = i;
      while (end < text.size() && number_char(text[end])) ++end;
      check_number(text.substr(i, end - i), text, i, file);
      i = end;
    } else {
      ++i;
    }
  }
}

void throw_json_syntax_error(std::string_view text, std::size_t byte, const std::string& what_in,
                             const std::string& file) {
  auto [line, col] = line_column_at(text, byte == 0 ? 0 : byte - 1);
  std::string what = what_in;
  // "[json.exception.parse_error.101] parse error at line 3, column 5: syntax error …"
  if (std::size_t p = what.find("column "); p != std::string::npos)
    if (std::size_t q = what.find(": ", p); q != std::string::npos) what = what.substr(q + 2);
  throw Error(ErrorCode::Input, "not valid JSON: " + escape_for_message(what), Location{file, line, col});
}

}  // namespace sdg
