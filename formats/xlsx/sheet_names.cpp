#include "sheet_names.hpp"

#include <algorithm>

#include "sdgreport/text.hpp"

namespace sdg::xlsx {

namespace {

/// The code point at s[i] and its length; an invalid byte is U+FFFD of length 1.
std::size_t sequence_length(std::string_view s, std::size_t i, char32_t& cp) {
  const int n = utf8_decode(s, i, &cp);
  if (n > 0) return static_cast<std::size_t>(n);
  cp = 0xFFFD;
  return 1;
}

bool is_invalid_sheet_char(char32_t cp) {
  switch (cp) {
    case '[': case ']': case ':': case '*': case '?': case '/': case '\\':
      return true;
    default:
      return cp < 0x20 || cp == 0x7F || (cp >= 0x80 && cp < 0xA0);
  }
}

/// `s` without spaces and apostrophes at either end (Excel refuses a name that starts or ends with one).
std::string trim_name(std::string s) {
  auto bad = [](char c) { return c == ' ' || c == '\''; };
  while (!s.empty() && bad(s.back())) s.pop_back();
  std::size_t b = 0;
  while (b < s.size() && bad(s[b])) ++b;
  return s.substr(b);
}

/// Words that open a new phrase ("for the goals", "mellom kjønnene"): a name
/// is cut before them, and never ends with one.
bool is_connector(std::string_view w) {
  static const char* const words[] = {"and", "or",  "of",     "for", "the", "to",  "in",   "on",    "with",
                                      "by",  "from", "at",    "a",   "an",  "og",  "eller", "å",    "til",
                                      "i",   "på",  "med",    "av",  "mellom", "fra", "frå", "om",  "etter",
                                      "ved", "&"};
  return std::any_of(std::begin(words), std::end(words), [&](const char* c) { return w == c; });
}

std::string replace_all(std::string s, std::string_view from, std::string_view to) {
  for (std::size_t at = s.find(from); at != std::string::npos; at = s.find(from, at + to.size())) {
    s.replace(at, from.size(), to);
  }
  return s;
}

/// `s` up to byte `end`, without trailing spaces, punctuation or connector words.
std::string head(const std::string& s, std::size_t end) {
  std::string h = s.substr(0, end);
  for (;;) {
    while (!h.empty() && (h.back() == ' ' || h.back() == ',' || h.back() == ';' || h.back() == ':' ||
                          h.back() == '-' || h.back() == '(')) {
      h.pop_back();
    }
    if (h.size() >= 3 && h.compare(h.size() - 3, 3, "\xE2\x80\x93") == 0) {
      h.resize(h.size() - 3);
      continue;
    }
    const std::size_t space = h.rfind(' ');
    if (space == std::string::npos || !is_connector(std::string_view(h).substr(space + 1))) break;
    h.resize(space);
  }
  return trim_name(h);
}

/// Shortens `s` to at most `max` Excel characters without cutting a phrase
/// where that can be helped: "and"/"og" become "&" (or a comma); then the name is cut at
/// the last phrase boundary that fits (before ", ", " & ", " – ", ": ", "; ",
/// " (" or a connector word such as "for", "mellom") if that keeps at least 40 %
/// of `max`; else at the last space (keeping 60 %), without a dangling
/// connector; else at a character.
std::string shorten(const std::string& s, std::size_t max) {
  if (excel_length(s) <= max) return s;
  const std::string amp = replace_all(replace_all(s, " and ", " & "), " og ", " & ");
  if (excel_length(amp) <= max) return amp;
  // "Affordable, clean energy": a list comma is one character shorter still.
  const std::string comma = replace_all(replace_all(s, " and ", ", "), " og ", ", ");
  if (excel_length(comma) <= max) return comma;

  std::string best;
  for (std::size_t i = 1; i < amp.size(); ++i) {
    bool boundary = false;
    if (amp[i] == ',' || amp[i] == ';' || amp[i] == ':') {
      boundary = i + 1 < amp.size() && amp[i + 1] == ' ';
    } else if (amp[i] == ' ') {
      const std::size_t next = amp.find(' ', i + 1);
      const std::string_view word = std::string_view(amp).substr(i + 1, next == std::string::npos ? std::string::npos
                                                                                                  : next - i - 1);
      boundary = is_connector(word) || word == "\xE2\x80\x93" || word == "-" || (!word.empty() && word[0] == '(');
    }
    if (!boundary) continue;
    std::string h = head(amp, i);
    if (excel_length(h) > max) break;  // later boundaries are longer still
    if (h.size() > best.size()) best = std::move(h);
  }
  if (!best.empty() && excel_length(best) * 10 >= max * 4) return best;
  std::string cut = truncate_chars(amp, max);
  const std::size_t space = cut.rfind(' ');
  if (space != std::string::npos && excel_length(cut.substr(0, space)) * 10 >= max * 6) {
    const std::string h = head(cut, space);
    if (!h.empty()) return h;
  }
  return trim_name(cut);
}

}  // namespace

std::size_t excel_length(std::string_view s) {
  std::size_t n = 0;
  for (std::size_t i = 0; i < s.size();) {
    char32_t cp = 0;
    const std::size_t bytes = sequence_length(s, i, cp);
    const std::size_t units = cp > 0xFFFF ? 2 : 1;  // UTF-16 units, as Excel counts
    n += units;
    i += bytes;
  }
  return n;
}

std::string truncate_chars(std::string_view s, std::size_t max) {
  std::size_t n = 0;
  for (std::size_t i = 0; i < s.size();) {
    char32_t cp = 0;
    const std::size_t bytes = sequence_length(s, i, cp);
    const std::size_t units = cp > 0xFFFF ? 2 : 1;  // UTF-16 units, as Excel counts
    if (n + units > max) return std::string(s.substr(0, i));
    n += units;
    i += bytes;
  }
  return std::string(s);
}

std::string SheetNames::clean(std::string_view wanted) {
  std::string out;
  const std::string text = valid_utf8(wanted);
  bool space = false;
  for (std::size_t i = 0; i < text.size();) {
    char32_t cp = 0;
    const std::size_t n = sequence_length(text, i, cp);
    const bool blank = cp == ' ' || cp == 0xA0 || is_invalid_sheet_char(cp);
    if (blank) {
      space = !out.empty();
    } else {
      if (space) out += ' ';
      space = false;
      append_utf8(out, cp);
    }
    i += n;
  }
  out = shorten(trim_name(out), kMax);
  if (out.empty()) out = "Sheet";
  return out;
}

std::string SheetNames::fold(std::string_view s) {
  // ASCII and Latin-1 letters folded to lower case; Excel compares names
  // case-insensitively.
  std::string out;
  for (std::size_t i = 0; i < s.size();) {
    char32_t cp = 0;
    const std::size_t n = sequence_length(s, i, cp);
    if (cp >= 'A' && cp <= 'Z') cp += 0x20;
    if (cp >= 0xC0 && cp <= 0xDE && cp != 0xD7) cp += 0x20;
    append_utf8(out, cp);
    i += n;
  }
  return out;
}

std::string SheetNames::add(std::string_view wanted) {
  const std::string base = clean(wanted);
  std::string name = base;
  for (int k = 2; used_.count(fold(name)) != 0 || fold(name) == "history"; ++k) {
    const std::string suffix = " (" + std::to_string(k) + ")";
    name = shorten(base, kMax - suffix.size());
    if (name.empty()) name = "Sheet";
    name += suffix;
  }
  used_.insert(fold(name));
  return name;
}

std::string cell_name(int row, int col) {
  std::string letters;
  for (int c = col + 1; c > 0; c = (c - 1) / 26) {
    letters.insert(letters.begin(), static_cast<char>('A' + (c - 1) % 26));
  }
  return letters + std::to_string(row + 1);
}

bool is_web_link(std::string_view url) {
  if (url.size() > 2079 || !(url.rfind("http://", 0) == 0 || url.rfind("https://", 0) == 0)) return false;
  if (url.find("://") + 3 >= url.size()) return false;
  return std::none_of(url.begin(), url.end(), [](char c) { return static_cast<unsigned char>(c) <= 0x20 || c == 0x7F; });
}

std::string internal_link(const std::string& sheet, int row, int col) {
  std::string quoted;
  for (char c : sheet) {
    quoted += c;
    if (c == '\'') quoted += '\'';
  }
  return "internal:'" + quoted + "'!" + cell_name(row, col);
}

}  // namespace sdg::xlsx
