// sdgreport px plugin — reading PC-Axis files into a cube (see px.hpp and
// docs/plugins/px.md).
//
// Three steps: the bytes are decoded to UTF-8 (glibc iconv, from CODEPAGE; a
// CODEPAGE the bytes contradict is overruled and said so), the text is split into
// entries `KEYWORD[lang]("sub","keys")=value;` (the DATA entry is read in one
// pass, cell by cell, straight into a vector of doubles), and the entries of the
// chosen language are put together into dimensions, categories and notes.
#include <iconv.h>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <limits>
#include <map>
#include <optional>
#include <set>

#include "px.hpp"
#include "sdgreport/i18n.hpp"
#include "sdgreport/text.hpp"

namespace sdg::px {

namespace {

constexpr std::uint8_t kNilCode = 7;

std::size_t line_at(std::string_view text, std::size_t offset) {
  offset = std::min(offset, text.size());
  return 1 + static_cast<std::size_t>(
                 std::count(text.begin(), text.begin() + static_cast<std::ptrdiff_t>(offset), '\n'));
}

std::string hex_byte(unsigned char b) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  return std::string("0x") + kHex[b >> 4] + kHex[b & 15];
}

// ---------------------------------------------------------------- encoding

/// Bytes in `from` → UTF-8 through iconv; nullopt and the offset of the first
/// byte that is not a character of `from`. Throws nothing; `known` false when
/// iconv does not know the name.
std::optional<std::string> iconv_to_utf8(std::string_view bytes, const std::string& from, std::size_t& bad,
                                         bool& known) {
  iconv_t cd = iconv_open("UTF-8", from.c_str());
  known = cd != reinterpret_cast<iconv_t>(-1);
  if (!known) return std::nullopt;
  std::string out(bytes.size() * 3 + 16, '\0');
  char* in = const_cast<char*>(bytes.data());
  std::size_t in_left = bytes.size();
  char* o = out.data();
  std::size_t out_left = out.size();
  const std::size_t r = iconv(cd, &in, &in_left, &o, &out_left);
  iconv_close(cd);
  if (r == static_cast<std::size_t>(-1) || in_left != 0) {  // EILSEQ or EINVAL (cut short) at `in`
    bad = bytes.size() - in_left;
    return std::nullopt;
  }
  out.resize(out.size() - out_left);
  return out;
}

/// The value of `CODEPAGE="…"` at the start of a line before DATA=, or "".
std::string declared_codepage(std::string_view bytes) {
  std::size_t pos = 0;
  while (pos < bytes.size()) {
    std::size_t eol = bytes.find('\n', pos);
    if (eol == std::string_view::npos) eol = bytes.size();
    std::string_view line = bytes.substr(pos, eol - pos);
    if (line.starts_with("DATA=")) break;
    if (line.starts_with("CODEPAGE=\"")) {
      line.remove_prefix(10);
      const std::size_t q = line.find('"');
      if (q != std::string_view::npos) return lower(line.substr(0, q));
    }
    pos = eol + 1;
  }
  return {};
}

bool is_utf8_name(const std::string& cp) {
  return cp == "utf-8" || cp == "utf8";
}
bool is_iso_latin(const std::string& cp) {
  return cp == "iso-8859-1" || cp == "iso-8859-15" || cp == "iso8859-1" || cp == "iso8859-15" ||
         cp == "latin1" || cp == "latin-1" || cp == "latin-9" || cp == "latin9";
}

struct Decoded {
  std::string text;
  std::string encoding;
  std::vector<Warning> warnings;
};

/// A short quote of the first non-ASCII character of UTF-8 `text`, with its line.
std::string first_non_ascii(std::string_view text) {
  for (std::size_t i = 0; i < text.size(); ++i)
    if (static_cast<unsigned char>(text[i]) >= 0x80) {
      const int len = utf8_decode(text, i);
      const std::size_t n = len > 0 ? static_cast<std::size_t>(len) : 1;
      return "'" + std::string(text.substr(i, n)) + "' on line " + std::to_string(line_at(text, i));
    }
  return {};
}

Decoded decode(std::string_view bytes, const std::string& file) {
  Decoded d;
  if (bytes.starts_with("\xEF\xBB\xBF")) bytes.remove_prefix(3);
  std::string declared = declared_codepage(bytes);
  const std::string said = declared.empty() ? "no CODEPAGE" : "CODEPAGE=\"" + declared + "\"";
  if (declared.empty()) declared = "windows-1252";
  const bool has_high =
      std::any_of(bytes.begin(), bytes.end(), [](char c) { return static_cast<unsigned char>(c) >= 0x80; });
  const bool utf8 = is_valid_utf8(bytes);
  auto fail_at = [&](std::size_t off, const std::string& what) -> Error {
    return Error(ErrorCode::Input, "PC-Axis: " + what,
                 Location{file, static_cast<int>(line_at(bytes, off)), 0});
  };
  if (!has_high) {
    d.text.assign(bytes);
    d.encoding = declared;
    return d;
  }
  if (is_utf8_name(declared) || (utf8 && has_high)) {
    if (utf8) {
      d.text.assign(bytes);
      d.encoding = "utf-8";
      if (!is_utf8_name(declared))
        d.warnings.push_back({Code::PxCodepageMismatch, "the file says " + said + " but its bytes are UTF-8 (" +
                                                          first_non_ascii(bytes) + "); read as UTF-8, as " +
                                                          declared +
                                                          " would turn every such letter into two"});
      return d;
    }
    // Declared UTF-8, but not UTF-8: Windows-1252, the usual other.
    std::size_t bad = 0;
    bool known = true;
    if (auto t = iconv_to_utf8(bytes, "WINDOWS-1252", bad, known)) {
      std::size_t first = 0;  // the first byte that is not UTF-8
      (void)iconv_to_utf8(bytes, "UTF-8", first, known);
      first = std::min(first, bytes.size() - 1);
      d.text = std::move(*t);
      d.encoding = "windows-1252";
      d.warnings.push_back({Code::PxCodepageMismatch, "the file says " + said + " but byte " +
                                                        hex_byte(static_cast<unsigned char>(bytes[first])) +
                                                        " on line " + std::to_string(line_at(bytes, first)) +
                                                        " is not UTF-8; read as Windows-1252 (" +
                                                        first_non_ascii(d.text) + ")"});
      return d;
    }
    throw fail_at(bad, "the file says " + said + " but is neither UTF-8 nor Windows-1252 (byte " +
                           hex_byte(static_cast<unsigned char>(bytes[bad])) + ")");
  }
  std::string from = declared;
  if (is_iso_latin(declared)) {
    // C1 bytes 0x80–0x9F are control characters in ISO 8859-1/15 and printable
    // characters (’ ” – € …) in Windows-1252, which wrote them.
    for (std::size_t i = 0; i < bytes.size(); ++i) {
      const auto b = static_cast<unsigned char>(bytes[i]);
      if (b >= 0x80 && b <= 0x9F) {
        from = "WINDOWS-1252";
        d.warnings.push_back({Code::PxCodepageC1,
                              "the file says " + said + " but has byte " + hex_byte(b) + " on line " +
                                  std::to_string(line_at(bytes, i)) + ", a control character in " + declared +
                                  " and a printable character in Windows-1252; read as Windows-1252"});
        break;
      }
    }
  }
  std::size_t bad = 0;
  bool known = true;
  auto t = iconv_to_utf8(bytes, from, bad, known);
  if (!known) {
    d.warnings.push_back(
        {Code::PxCodepageUnknown,
         "the file says " + said + ", a character set sdgreport does not know; read as Windows-1252"});
    from = "WINDOWS-1252";
    t = iconv_to_utf8(bytes, from, bad, known);
  }
  if (!t)
    throw fail_at(bad, "byte " + hex_byte(static_cast<unsigned char>(bytes[bad])) +
                           " is not a character in " + lower(from) + " (the file says " + said + ")");
  d.text = std::move(*t);
  d.encoding = lower(from);
  return d;
}

// ---------------------------------------------------------------- entries

struct Entry {
  std::string keyword;
  std::string lang;
  std::vector<std::string> keys;
  std::vector<std::string> values;  ///< items; quoted strings joined across lines
  bool quoted = false;              ///< the first item was quoted
  std::size_t line = 0;
};

bool keyword_char(char c) {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
}
bool space(char c) {
  return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == '\v';
}

/// Parses a number as PX writes it in DATA: [-]digits[.digits][e[±]digits]; no
/// "nan", "inf", hex or grouping.
std::optional<double> px_number(std::string_view t, int& decimals) {
  std::size_t i = 0;
  if (i < t.size() && (t[i] == '-' || t[i] == '+')) ++i;
  const std::size_t int_start = i;
  while (i < t.size() && t[i] >= '0' && t[i] <= '9') ++i;
  std::size_t digits = i - int_start;
  decimals = 0;
  if (i < t.size() && t[i] == '.') {
    ++i;
    const std::size_t f = i;
    while (i < t.size() && t[i] >= '0' && t[i] <= '9') ++i;
    decimals = static_cast<int>(i - f);
    digits += i - f;
  }
  if (digits == 0) return std::nullopt;
  if (i < t.size() && (t[i] == 'e' || t[i] == 'E')) {
    ++i;
    if (i < t.size() && (t[i] == '-' || t[i] == '+')) ++i;
    const std::size_t e = i;
    while (i < t.size() && t[i] >= '0' && t[i] <= '9') ++i;
    if (i == e) return std::nullopt;
  }
  if (i != t.size()) return std::nullopt;
  std::string_view num = t;
  if (num[0] == '+') num.remove_prefix(1);
  double v = 0;
  auto [p, ec] = std::from_chars(num.data(), num.data() + num.size(), v);
  if (ec != std::errc() || p != num.data() + num.size() || !std::isfinite(v)) return std::nullopt;
  return v;
}

}  // namespace

// ---------------------------------------------------------------- the reader

class Reader {
 public:
  Reader(std::string text, std::string file) : t_(std::move(text)), file_(std::move(file)) {}

  [[noreturn]] void fail(std::size_t line, const std::string& what) const {
    throw Error(ErrorCode::Input, "PC-Axis: " + what, Location{file_, static_cast<int>(line), 0});
  }

  void lex() {
    while (true) {
      skip_space();
      if (i_ >= t_.size()) break;
      Entry e;
      e.line = line_;
      const std::size_t k = i_;
      while (i_ < t_.size() && keyword_char(t_[i_])) ++i_;
      if (i_ == k) fail(line_, "expected a keyword (KEYWORD=value;), found '" + std::string(1, t_[i_]) + "'");
      e.keyword = t_.substr(k, i_ - k);
      for (char& c : e.keyword)
        if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
      if (i_ < t_.size() && t_[i_] == '[') {
        const std::size_t close = t_.find(']', i_);
        if (close == std::string::npos || t_.find('\n', i_) < close)
          fail(line_, e.keyword + ": '[' of a language is not closed by ']' on the same line");
        e.lang = lower(std::string_view(t_).substr(i_ + 1, close - i_ - 1));
        i_ = close + 1;
      }
      if (i_ < t_.size() && t_[i_] == '(') {
        ++i_;
        while (true) {
          skip_space();
          if (i_ >= t_.size()) fail(e.line, e.keyword + ": '(' is not closed");
          if (t_[i_] == '"') {
            e.keys.push_back(quoted());
          } else {
            const std::size_t s = i_;
            while (i_ < t_.size() && t_[i_] != ',' && t_[i_] != ')' && !space(t_[i_]) && t_[i_] != '=') ++i_;
            if (i_ == s) fail(line_, e.keyword + ": expected a quoted name in '(…)'");
            e.keys.emplace_back(t_.substr(s, i_ - s));
          }
          skip_space();
          if (i_ < t_.size() && t_[i_] == ',') {
            ++i_;
            continue;
          }
          if (i_ < t_.size() && t_[i_] == ')') {
            ++i_;
            break;
          }
          fail(line_, e.keyword + ": expected ',' or ')' in '(…)'");
        }
      }
      skip_space();
      if (i_ >= t_.size() || t_[i_] != '=')
        fail(line_, "expected '=' after " + e.keyword +
                        (i_ < t_.size() ? ", found '" + std::string(1, t_[i_]) + "'"
                                        : ", found the end of the file"));
      ++i_;
      if (e.keyword == "DATA" && e.lang.empty() && e.keys.empty()) {
        if (data_line_)
          fail(e.line, "a second DATA (the first is on line " + std::to_string(data_line_) + ")");
        data_line_ = e.line;
        data_start_ = i_;
        skip_data();
        continue;
      }
      values(e);
      entries_.push_back(std::move(e));
    }
    if (!data_line_) fail(line_, "no DATA= in the file (the cells); is this a PC-Axis file?");
  }

  PxFile build(const ReadOptions& ro, Decoded&& dec);

 private:
  void skip_space() {
    while (i_ < t_.size() && space(t_[i_])) {
      if (t_[i_] == '\n') ++line_;
      ++i_;
    }
  }

  /// A quoted string at i_ ('"'); raw line breaks in it become spaces.
  std::string quoted() {
    const std::size_t open_line = line_;
    ++i_;
    const std::size_t close = t_.find('"', i_);
    if (close == std::string::npos) fail(open_line, "a string opened with '\"' on this line is never closed");
    std::string s = t_.substr(i_, close - i_);
    for (char& c : s)
      if (c == '\n') {
        ++line_;
        c = ' ';
      } else if (c == '\r') {
        c = ' ';
      }
    i_ = close + 1;
    return s;
  }

  void values(Entry& e) {
    bool after_quote = false;  // the last item was a quoted string and no ',' came since
    bool first = true;
    while (true) {
      skip_space();
      if (i_ >= t_.size()) fail(e.line, e.keyword + ": the value does not end with ';'");
      const char c = t_[i_];
      if (c == ';') {
        ++i_;
        return;
      }
      if (c == ',') {
        ++i_;
        after_quote = false;
        continue;
      }
      if (c == '"') {
        std::string s = quoted();
        if (after_quote)
          e.values.back() += s;  // a string continued on the next line
        else
          e.values.push_back(std::move(s));
        if (first) e.quoted = true;
        after_quote = true;
        first = false;
        continue;
      }
      const std::size_t s = i_;
      if (std::string_view(t_).substr(i_).starts_with("TLIST(")) {
        // TLIST(A1) or TLIST(A1,"1990"-"2022"): up to the closing parenthesis.
        while (i_ < t_.size() && t_[i_] != ')' && t_[i_] != ';') {
          if (t_[i_] == '"') {
            quoted();
            continue;
          }
          if (t_[i_] == '\n') ++line_;
          ++i_;
        }
        if (i_ < t_.size() && t_[i_] == ')') ++i_;
      } else {
        while (i_ < t_.size() && !space(t_[i_]) && t_[i_] != ',' && t_[i_] != ';' && t_[i_] != '"') ++i_;
      }
      e.values.emplace_back(t_.substr(s, i_ - s));
      after_quote = false;
      first = false;
    }
  }

  /// Moves past the DATA section (read later, when the size of the cube is known).
  void skip_data() {
    while (i_ < t_.size() && t_[i_] != ';') {
      if (t_[i_] == '"') {
        const std::size_t close = t_.find('"', i_ + 1);
        if (close == std::string::npos)
          fail(line_, "DATA: a string opened with '\"' on this line is never closed");
        line_ += static_cast<std::size_t>(std::count(t_.begin() + static_cast<std::ptrdiff_t>(i_),
                                                     t_.begin() + static_cast<std::ptrdiff_t>(close), '\n'));
        i_ = close + 1;
        continue;
      }
      if (t_[i_] == '\n') ++line_;
      ++i_;
    }
    data_end_ = i_;
    if (i_ < t_.size()) ++i_;  // ';' (absent at the end of some files)
  }

  void read_data(Cube& cube, std::size_t cells);

  const Entry* find(const std::string& keyword, const std::string& lang,
                    const std::vector<std::string>& keys = {}) const {
    auto it = index_.find(key_of(keyword, lang, keys));
    return it == index_.end() ? nullptr : &entries_[it->second];
  }
  static std::string key_of(const std::string& keyword, const std::string& lang,
                            const std::vector<std::string>& keys) {
    std::string k = keyword + '\x1f' + lang;
    for (const std::string& s : keys) k += '\x1f' + s;
    return k;
  }
  void index_entries() {
    for (std::size_t n = 0; n < entries_.size(); ++n) {
      const Entry& e = entries_[n];
      if (e.keyword == "DATANOTECELL" || e.keyword == "CELLNOTE" || e.keyword == "CELLNOTEX") continue;
      auto [it, fresh] = index_.try_emplace(key_of(e.keyword, e.lang, e.keys), n);
      if (!fresh)
        fail(e.line, e.keyword + (e.lang.empty() ? "" : "[" + e.lang + "]") +
                         (e.keys.empty() ? "" : "(\"" + e.keys.front() + "\"…)") +
                         " is given twice (also on line " + std::to_string(entries_[it->second].line) + ")");
    }
  }

  std::string t_;
  std::string file_;
  std::size_t i_ = 0;
  std::size_t line_ = 1;
  std::vector<Entry> entries_;
  std::unordered_map<std::string, std::size_t> index_;
  std::size_t data_line_ = 0, data_start_ = 0, data_end_ = 0;
  std::vector<std::size_t> strides_;
  std::vector<Warning> warnings_;
};

void Reader::read_data(Cube& cube, std::size_t cells) {
  cube.values_.reserve(std::min(cells, (data_end_ - data_start_) / 2 + 1));
  std::size_t line = data_line_;
  std::size_t i = data_start_;
  const std::string_view t(t_);
  bool any_code = false;
  std::size_t n = 0;
  auto add_code = [&](std::uint8_t code) {
    if (!any_code) {
      cube.code_.assign(cube.values_.size(), 0);
      cube.code_.reserve(cube.values_.capacity());
      any_code = true;
    }
    cube.values_.push_back(std::numeric_limits<double>::quiet_NaN());
    cube.code_.push_back(code);
  };
  while (i < data_end_) {
    const char c = t[i];
    if (c == '\n') {
      ++line;
      ++i;
      continue;
    }
    if (space(c) || c == ',') {
      ++i;
      continue;
    }
    std::string_view tok;
    const std::size_t tok_line = line;
    bool was_quoted = false;
    if (c == '"') {
      const std::size_t close = t.find('"', i + 1);  // before data_end_: checked by skip_data
      tok = t.substr(i + 1, close - i - 1);
      line += static_cast<std::size_t>(std::count(tok.begin(), tok.end(), '\n'));
      i = close + 1;
      was_quoted = true;
    } else {
      const std::size_t s = i;
      while (i < data_end_ && !space(t[i]) && t[i] != ',' && t[i] != '"') ++i;
      tok = t.substr(s, i - s);
    }
    if (n >= cells)
      fail(tok_line, "DATA has more cells than the variables make (" + std::to_string(cells) +
                         " = the product of the " + "numbers of VALUES); the first one too many is '" +
                         std::string(tok) + "'");
    ++n;
    int decimals = 0;
    if (auto v = px_number(tok, decimals)) {
      cube.values_.push_back(*v);
      if (any_code) cube.code_.push_back(0);
      continue;
    }
    if (tok == "-") {
      add_code(kNilCode);
      continue;
    }
    if (!tok.empty() && tok.size() <= 6 && tok.find_first_not_of('.') == std::string_view::npos) {
      add_code(static_cast<std::uint8_t>(tok.size()));
      continue;
    }
    fail(tok_line, "DATA: " + std::string(was_quoted ? "\"" : "'") + std::string(tok.substr(0, 40)) +
                       (was_quoted ? "\"" : "'") +
                       " is neither a number nor a PC-Axis symbol (\"-\", \".\" to \"......\")");
  }
  if (n < cells)
    fail(line, "DATA has " + std::to_string(n) + " cells but the variables make " + std::to_string(cells) +
                   " (the product of the numbers of VALUES)");
}

Observation Cube::at(const std::vector<std::size_t>& position) const {
  std::size_t flat = 0;
  for (std::size_t i = 0; i < dimensions.size(); ++i)
    flat = flat * dimensions[i].categories.size() + (i < position.size() ? position[i] : 0);
  Observation o;
  if (flat >= values_.size()) return o;
  const std::uint8_t code = code_.empty() ? 0 : code_[flat];
  if (code != 0) {
    o.status = symbol_[code];
    return o;
  }
  o.value = values_[flat];
  int d = show_decimals_;
  if (precision_)
    for (std::size_t i = 0; i < dimensions.size() && i < position.size(); ++i)
      d = std::max(d, decimals_[decimals_offset_[i] + position[i]]);
  o.decimals = d;
  if (!marker_.empty())
    if (auto it = marker_.find(flat); it != marker_.end()) o.status = markers_[it->second - 1];
  return o;
}

namespace {

/// "20230221 08:00" → "2023-02-21"; other forms unchanged.
std::string iso_date(const std::string& px) {
  if (px.size() >= 8 && std::all_of(px.begin(), px.begin() + 8, [](char c) { return c >= '0' && c <= '9'; }))
    return px.substr(0, 4) + "-" + px.substr(4, 2) + "-" + px.substr(6, 2);
  return px;
}

/// A PX text with its '#' line marks as line breaks.
std::string note_text(const std::string& s) {
  std::string out = s;
  std::replace(out.begin(), out.end(), '#', '\n');
  return out;
}

int small_int(const std::string& s, int lo, int hi) {
  int v = 0;
  auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec != std::errc() || p != s.data() + s.size() || v < lo || v > hi) return -1;
  return v;
}

plugins::cube::Unit unit_of(const std::string& label) {
  plugins::cube::Unit u;
  u.label = label;
  return u;
}

}  // namespace

bool same_language(const std::string& file_lang, Language report) {
  if (sdg::same_language(file_lang, report)) return true;
  // Statistics Norway writes "no" for Norwegian (bokmål and nynorsk).
  return file_lang == "no" && is_norwegian(report);
}

PxFile Reader::build(const ReadOptions& ro, Decoded&& dec) {
  PxFile out;
  out.encoding = dec.encoding;
  out.warnings = std::move(dec.warnings);
  out.data_line = data_line_;
  index_entries();
  auto text = [&](const std::string& kw, const std::string& lang,
                  const std::vector<std::string>& keys = {}) -> std::string {
    const Entry* e = find(kw, lang, keys);
    if (!e && !lang.empty()) return {};
    if (!e || e->values.empty()) return {};
    std::string s;
    for (const std::string& v : e->values) s += (s.empty() ? "" : " ") + v;
    return s;
  };

  // ---- languages
  const std::string main = lower(text("LANGUAGE", ""));
  if (const Entry* ls = find("LANGUAGES", "")) {
    for (const std::string& l : ls->values) out.languages.push_back(lower(l));
    if (!main.empty() && std::find(out.languages.begin(), out.languages.end(), main) == out.languages.end())
      out.languages.insert(out.languages.begin(), main);
  } else if (!main.empty()) {
    out.languages.push_back(main);
  }
  std::string chosen = main;
  if (!ro.language.empty()) {
    const std::string want = lower(ro.language);
    const bool has = std::find(out.languages.begin(), out.languages.end(), want) != out.languages.end();
    if (!has) {
      std::string list;
      for (const std::string& l : out.languages) list += (list.empty() ? "" : ", ") + l;
      throw Error(ErrorCode::Definition,
                  "px: the file has no language '" + ro.language + "' (" +
                      (list.empty() ? std::string("it names no LANGUAGE") : "its languages: " + list) + ")",
                  Location{file_, 0, 0});
    }
    chosen = want;
  } else if (ro.report_language) {
    for (const std::string& l : out.languages)
      if (same_language(l, *ro.report_language)) {
        chosen = l;
        break;
      }
  }
  out.language = chosen;
  const std::string L = (chosen == main) ? std::string() : chosen;  // key suffix of the chosen language
  auto in_lang = [&](const std::string& kw, const std::vector<std::string>& keys_l,
                     const std::vector<std::string>& keys_main) -> const Entry* {
    if (!L.empty())
      if (const Entry* e = find(kw, L, keys_l)) return e;
    return find(kw, "", keys_main);
  };
  auto text_l = [&](const std::string& kw) {
    std::string s = L.empty() ? std::string() : text(kw, L);
    return s.empty() ? text(kw, "") : s;
  };

  // ---- variables
  if (find("KEYS", "") ||
      std::any_of(entries_.begin(), entries_.end(), [](const Entry& e) { return e.keyword == "KEYS"; })) {
    const Entry& k =
        *std::find_if(entries_.begin(), entries_.end(), [](const Entry& e) { return e.keyword == "KEYS"; });
    fail(k.line,
         "KEYS (DATA given row by row with keys, for sparse tables) is not read by sdgreport; "
         "save the table from PxWeb without KEYS (the full cube)");
  }
  std::vector<std::string> vars_main, vars_l;
  std::vector<bool> in_heading;
  for (const char* kw : {"STUB", "HEADING"}) {
    if (const Entry* e = find(kw, ""))
      for (const std::string& v : e->values) {
        vars_main.push_back(v);
        in_heading.push_back(std::string(kw) == "HEADING");
      }
    const Entry* el = L.empty() ? nullptr : find(kw, L);
    const Entry* em = find(kw, "");
    const Entry* use = el ? el : em;
    if (use) vars_l.insert(vars_l.end(), use->values.begin(), use->values.end());
    if (el && em && el->values.size() != em->values.size())
      fail(el->line, std::string(kw) + "[" + L + "] names " + std::to_string(el->values.size()) +
                         " variables but " + kw + " names " + std::to_string(em->values.size()));
  }
  if (vars_main.empty()) fail(data_line_, "neither STUB nor HEADING names a variable");
  const std::size_t nd = vars_main.size();
  {
    std::set<std::string> seen;
    for (const std::string& v : vars_main)
      if (!seen.insert(v).second)
        fail(find("STUB", "") ? find("STUB", "")->line : 1,
             "variable '" + v + "' is named twice in STUB/HEADING");
  }
  Cube& cube = out.cube;
  std::vector<std::vector<std::string>> values_main(nd), values_l(nd), codes(nd);
  std::vector<std::unordered_map<std::string, std::size_t>> lookup(
      nd);  // value (main or chosen language) or code → position
  std::size_t cells = 1;
  const std::string contvar = text("CONTVARIABLE", "");
  for (std::size_t i = 0; i < nd; ++i) {
    const Entry* vm = find("VALUES", "", {vars_main[i]});
    if (!vm) fail(data_line_, "no VALUES(\"" + vars_main[i] + "\") for the variable '" + vars_main[i] + "'");
    if (vm->values.empty()) fail(vm->line, "VALUES(\"" + vars_main[i] + "\") lists no value");
    values_main[i] = vm->values;
    const Entry* vl = in_lang("VALUES", {vars_l[i]}, {vars_main[i]});
    values_l[i] = vl->values;
    if (values_l[i].size() != values_main[i].size())
      fail(vl->line, "VALUES[" + L + "](\"" + vars_l[i] + "\") lists " + std::to_string(values_l[i].size()) +
                         " values but VALUES(\"" + vars_main[i] + "\") " +
                         std::to_string(values_main[i].size()));
    const Entry* c = find("CODES", "", {vars_main[i]});
    if (!c && !L.empty()) c = find("CODES", L, {vars_l[i]});  // codes are the ids: the main language's first
    if (c) {
      if (c->values.size() != values_main[i].size())
        fail(c->line, "CODES(\"" + vars_main[i] + "\") lists " + std::to_string(c->values.size()) +
                          " codes but VALUES " + std::to_string(values_main[i].size()) + " values");
      codes[i] = c->values;
    }
    const std::size_t n = values_main[i].size();
    if (cells > std::numeric_limits<std::size_t>::max() / n)
      fail(vm->line, "the variables make more cells than can be addressed");
    cells *= n;

    plugins::cube::Dimension d;
    const std::string vcode = text("VARIABLECODE", "", {vars_main[i]});
    d.id = vcode.empty() ? vars_main[i] : vcode;
    d.label = vars_l[i];
    if (find("TIMEVAL", "", {vars_main[i]}) || (!L.empty() && find("TIMEVAL", L, {vars_l[i]})))
      d.role = "time";
    if (!contvar.empty() && contvar == vars_main[i]) d.role = "metric";
    for (std::size_t j = 0; j < n; ++j) {
      plugins::cube::Category c;
      c.id = codes[i].empty() ? values_main[i][j] : codes[i][j];
      c.label = values_l[i][j];
      if (d.role == "metric") {
        std::string u = L.empty() ? std::string() : text("UNITS", L, {values_l[i][j]});
        if (u.empty()) u = text("UNITS", "", {values_main[i][j]});
        if (!u.empty()) c.unit = unit_of(u);
      }
      d.categories.push_back(std::move(c));
    }
    for (std::size_t j = 0; j < n; ++j) lookup[i].try_emplace(values_main[i][j], j);
    for (std::size_t j = 0; j < n; ++j) lookup[i].try_emplace(values_l[i][j], j);
    for (std::size_t j = 0; j < codes[i].size(); ++j) lookup[i].try_emplace(codes[i][j], j);
    // ELIMINATION("var")="Total": the value standing for the whole variable.
    if (const Entry* el = in_lang("ELIMINATION", {vars_l[i]}, {vars_main[i]});
        el && el->quoted && !el->values.empty()) {
      auto it = lookup[i].find(el->values.front());
      if (it != lookup[i].end())
        d.elimination = it->second;
      else
        out.warnings.push_back({Code::PxEliminationUnknown, "line " + std::to_string(el->line) +
                                                              ": ELIMINATION(\"" + vars_main[i] +
                                                              "\") names '" + el->values.front() +
                                                              "', which is not one of its values"});
    }
    cube.dimensions.push_back(std::move(d));
  }

  // ---- cells
  read_data(cube, cells);

  // ---- decimals
  {
    const Entry* sd = find("SHOWDECIMALS", "");
    const Entry* dd = find("DECIMALS", "");
    int show = -1;
    if (sd && !sd->values.empty()) {
      show = small_int(sd->values.front(), 0, 15);
      if (show < 0)
        fail(sd->line, "SHOWDECIMALS must be a whole number 0–15, got '" + sd->values.front() + "'");
    }
    if (dd && !dd->values.empty()) {
      const int dec = small_int(dd->values.front(), 0, 15);
      if (dec < 0) fail(dd->line, "DECIMALS must be a whole number 0–15, got '" + dd->values.front() + "'");
      if (show < 0) show = dec;
    }
    cube.show_decimals_ = std::min(std::max(show, 0), 10);
    std::size_t off = 0;
    for (std::size_t i = 0; i < nd; ++i) {
      cube.decimals_offset_.push_back(off);
      off += cube.dimensions[i].categories.size();
    }
    cube.decimals_.assign(off, -1);
    for (const Entry& e : entries_) {
      if (e.keyword != "PRECISION" || e.keys.size() != 2 || e.values.empty() ||
          (!e.lang.empty() && e.lang != L))
        continue;
      const int p = small_int(e.values.front(), 0, 15);
      if (p < 0) fail(e.line, "PRECISION must be a whole number 0–15, got '" + e.values.front() + "'");
      for (std::size_t i = 0; i < nd; ++i)
        if (e.keys[0] == vars_main[i] || e.keys[0] == vars_l[i]) {
          if (auto it = lookup[i].find(e.keys[1]); it != lookup[i].end()) {
            cube.decimals_[cube.decimals_offset_[i] + it->second] = std::min(p, 10);
            cube.precision_ = true;
          }
        }
    }
  }

  // ---- symbols: what a cell of n dots (1–6) or "-" shows, and what it means
  cube.symbol_.assign(8, {});
  std::string nil = text_l("DATASYMBOLNIL");
  if (nil.empty() || nil.find_first_not_of('.') == std::string::npos) nil = "-";
  cube.symbol_[kNilCode] = nil;
  out.statuses[nil] = ValueStatus::Nil;
  for (std::uint8_t n = 1; n <= 6; ++n) {
    const std::string dots(n, '.');
    std::string s = text_l("DATASYMBOL" + std::to_string(n));
    if (s.empty() || s == nil) s = dots;  // a symbol that would read as nil keeps its dots
    cube.symbol_[n] = s;
    if (auto st = status_of_symbol(s); st && *st != ValueStatus::Provisional)
      out.statuses.try_emplace(s, *st);
  }

  // ---- cell markers (DATANOTECELL) and cell notes (CELLNOTE, CELLNOTEX)
  strides_.assign(nd, 1);
  for (std::size_t i = nd; i-- > 1;) strides_[i - 1] = strides_[i] * cube.dimensions[i].categories.size();
  std::size_t marks = 0;
  const std::size_t mark_limit = cells * 4 + 1000000;
  std::vector<std::string> unknown_keys;
  auto resolve = [&](const Entry& e, std::vector<std::size_t>& pos) -> bool {
    if (e.keys.size() != nd) {
      unknown_keys.push_back("line " + std::to_string(e.line) + ": " + e.keyword + " has " +
                             std::to_string(e.keys.size()) + " keys, the table " + std::to_string(nd) +
                             " variables");
      return false;
    }
    pos.assign(nd, std::string::npos);
    for (std::size_t i = 0; i < nd; ++i) {
      if (e.keys[i] == "*") continue;
      auto it = lookup[i].find(e.keys[i]);
      if (it == lookup[i].end()) {
        unknown_keys.push_back("line " + std::to_string(e.line) + ": " + e.keyword + " names '" + e.keys[i] +
                               "', not a value or code of '" + vars_main[i] + "'");
        return false;
      }
      pos[i] = it->second;
    }
    return true;
  };
  std::unordered_map<std::string, std::uint16_t> marker_index;
  std::vector<std::size_t> pos;
  for (const Entry& e : entries_) {
    const bool cellnote = e.keyword == "CELLNOTE" || e.keyword == "CELLNOTEX";
    if (e.keyword != "DATANOTECELL" && !cellnote) continue;
    if (cellnote ? e.lang != L : !(e.lang.empty() || e.lang == L)) continue;
    if (!resolve(e, pos)) continue;
    const std::string value = e.values.empty() ? std::string() : e.values.front();
    if (cellnote) {
      Note n;
      n.scope = Note::Scope::Cell;
      n.mandatory = e.keyword == "CELLNOTEX";
      n.cell = pos;
      n.text = note_text(value);
      out.notes.push_back(std::move(n));
      continue;
    }
    if (value.empty()) continue;
    auto [mi, fresh] = marker_index.try_emplace(value, static_cast<std::uint16_t>(cube.markers_.size() + 1));
    if (fresh) {
      if (cube.markers_.size() >= 60000) fail(e.line, "more than 60000 different DATANOTECELL markers");
      cube.markers_.push_back(value);
      if (auto st = status_of_symbol(value); st && *st == ValueStatus::Provisional)
        out.statuses.try_emplace(value, *st);
    }
    // Every cell the pattern covers ("*" = every value of that variable).
    std::vector<std::size_t> cur(nd, 0);
    for (std::size_t i = 0; i < nd; ++i)
      if (pos[i] != std::string::npos) cur[i] = pos[i];
    while (true) {
      std::size_t flat = 0;
      for (std::size_t i = 0; i < nd; ++i) flat += cur[i] * strides_[i];
      if (++marks > mark_limit)
        fail(e.line, "DATANOTECELL entries with '*' cover more than " + std::to_string(mark_limit) +
                         " cells in all (4 per cell of the table, plus 1,000,000)");
      cube.marker_[flat] = mi->second;
      std::size_t i = nd;
      while (i-- > 0) {
        if (pos[i] != std::string::npos) continue;
        if (++cur[i] < cube.dimensions[i].categories.size()) break;
        cur[i] = 0;
      }
      if (i == static_cast<std::size_t>(-1)) break;
    }
  }
  if (!unknown_keys.empty()) {
    std::string list;
    for (std::size_t k = 0; k < unknown_keys.size() && k < 3; ++k) list += (k ? "; " : "") + unknown_keys[k];
    if (unknown_keys.size() > 3) list += "; … (" + std::to_string(unknown_keys.size()) + " in all)";
    out.warnings.push_back(
        {Code::PxNoteCellUnknown, "cell notes and markers for no cell of the table are not shown: " + list});
  }

  // ---- texts
  out.table_id = text("TABLEID", "");
  if (out.table_id.empty()) out.table_id = text("MATRIX", "");
  cube.name = out.table_id;
  cube.label = text_l("TITLE");
  if (cube.label.empty()) cube.label = text_l("DESCRIPTION");
  if (cube.label.empty()) cube.label = text_l("CONTENTS");
  cube.source = text_l("SOURCE");
  std::string updated = text_l("LAST-UPDATED");
  if (updated.empty())
    for (const Entry& e : entries_)
      if (e.keyword == "LAST-UPDATED" && e.keys.size() == 1 && !e.values.empty() &&
          e.values.front() > updated)
        updated = e.values.front();
  cube.updated = iso_date(updated);
  if (std::string u = text_l("UNITS"); !u.empty()) cube.unit = unit_of(u);
  for (const char* kw : {"NOTEX", "NOTE"}) {
    if (std::string n = text_l(kw); !n.empty()) {
      Note note;
      note.mandatory = std::string(kw) == "NOTEX";
      note.text = note_text(n);
      out.notes.push_back(note);
      cube.notes.push_back(note.text);
    }
  }
  for (const Entry& e : entries_) {
    const bool var_note = (e.keyword == "NOTE" || e.keyword == "NOTEX") && e.keys.size() == 1;
    const bool val_note = (e.keyword == "VALUENOTE" || e.keyword == "VALUENOTEX") && e.keys.size() == 2;
    if ((!var_note && !val_note) || e.lang != L || e.values.empty()) continue;
    std::size_t i = 0;
    while (i < nd && e.keys[0] != (L.empty() ? vars_main[i] : vars_l[i])) ++i;
    if (i == nd) continue;
    Note n;
    n.scope = var_note ? Note::Scope::Variable : Note::Scope::Value;
    n.mandatory = e.keyword.back() == 'X';
    n.dimension = i;
    std::string text_all;
    for (const std::string& v : e.values) text_all += v;
    n.text = note_text(text_all);
    if (val_note) {
      auto it = lookup[i].find(e.keys[1]);
      if (it == lookup[i].end()) continue;
      n.category = it->second;
      cube.notes.push_back(vars_l[i] + ", " + values_l[i][n.category] + ": " + n.text);
    } else {
      cube.notes.push_back(vars_l[i] + ": " + n.text);
    }
    out.notes.push_back(std::move(n));
  }
  return out;
}

std::optional<ValueStatus> status_of_symbol(std::string_view s) {
  if (s == ".") return ValueStatus::NotApplicable;
  if (s == ".." || s == "...") return ValueStatus::NotAvailable;
  if (s == ":") return ValueStatus::Confidential;
  if (s == "*") return ValueStatus::Provisional;
  return std::nullopt;
}

PxFile read_px(std::string_view bytes, const std::string& file_name, const ReadOptions& options) {
  Decoded dec = decode(bytes, file_name);
  std::string text = std::move(dec.text);
  Reader r(std::move(text), file_name);
  r.lex();
  return r.build(options, std::move(dec));
}

plugins::cube::Format format_of(const PxFile& file) {
  auto statuses = file.statuses;
  return plugins::cube::Format{
      "px", "PC-Axis file", "PC-Axis-fil",
      [statuses = std::move(statuses)](std::string_view code) -> std::optional<ValueStatus> {
        auto it = statuses.find(std::string(code));
        if (it == statuses.end()) return std::nullopt;
        return it->second;
      },
      false};
}

}  // namespace sdg::px
