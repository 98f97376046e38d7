// sdgreport survey plugin — SPSS multiple-response sets, read from the file's
// dictionary (records 7/7 and 7/19), which ReadStat 1.1.8 skips. Only the
// dictionary is walked, every length checked against the file; a dictionary
// this reader does not understand gives no sets (ReadStat reports the file).
//
// Record layouts: IBM SPSS Statistics "System File Format" (PSPP's
// documentation, "System File Format"): the 176-byte header; variable records
// (type 2), value labels (3, 4), documents (6), extension records (7) up to the
// dictionary end (999). Multiple-response sets are lines of text:
//   $name=D<len> <counted value> <label len> <label> <var> <var>…
//   $name=C <label len> <label> <var> <var>…
// with short variable names, mapped to long names through record 7/13.
#include <cstdint>
#include <cstring>
#include <map>
#include <sstream>

#include "sav_read.hpp"

namespace sdg::survey {
namespace {

class Cursor {
 public:
  Cursor(std::string_view b, bool swap) : b_(b), swap_(swap) {}
  bool has(std::size_t n) const { return pos_ <= b_.size() && b_.size() - pos_ >= n; }
  std::int32_t i32() {
    std::uint32_t v = 0;
    std::memcpy(&v, b_.data() + pos_, 4);
    pos_ += 4;
    if (swap_) v = __builtin_bswap32(v);
    return static_cast<std::int32_t>(v);
  }
  std::string_view bytes(std::size_t n) {
    std::string_view s = b_.substr(pos_, n);
    pos_ += n;
    return s;
  }
  void skip(std::size_t n) { pos_ += n; }

 private:
  std::string_view b_;
  bool swap_;
  std::size_t pos_ = 176;
};

std::string trim(std::string s) {
  while (!s.empty() && (s.back() == ' ' || s.back() == '\0')) s.pop_back();
  return s;
}

std::string upper(std::string s) {
  for (char& ch : s)
    if (ch >= 'a' && ch <= 'z') ch = static_cast<char>(ch - 'a' + 'A');
  return s;
}

}  // namespace

std::vector<MrSet> read_mr_sets(std::string_view b) {
  std::vector<MrSet> out;
  if (b.size() < 176 || (b.substr(0, 4) != "$FL2" && b.substr(0, 4) != "$FL3")) return out;
  std::int32_t layout = 0;
  std::memcpy(&layout, b.data() + 64, 4);
  const bool swap = !(layout == 2 || layout == 3);
  if (swap && !(__builtin_bswap32(static_cast<std::uint32_t>(layout)) == 2 ||
                __builtin_bswap32(static_cast<std::uint32_t>(layout)) == 3))
    return out;
  Cursor c(b, swap);
  std::vector<std::string> text;           // 7/7 and 7/19 contents
  std::map<std::string, std::string> long_names;  // short → long
  for (int guard = 0; guard < 1'000'000; ++guard) {
    if (!c.has(4)) return {};
    const std::int32_t rec = c.i32();
    if (rec == 999) break;
    if (rec == 2) {
      if (!c.has(28)) return {};
      c.i32();  // type
      const std::int32_t has_label = c.i32();
      const std::int32_t nmiss = c.i32();
      c.i32();
      c.i32();
      c.skip(8);  // name
      if (has_label) {
        if (!c.has(4)) return {};
        const std::int32_t len = c.i32();
        if (len < 0 || !c.has((static_cast<std::size_t>(len) + 3) / 4 * 4)) return {};
        c.skip((static_cast<std::size_t>(len) + 3) / 4 * 4);
      }
      const std::size_t m = static_cast<std::size_t>(nmiss < 0 ? -nmiss : nmiss);
      if (m > 3 || !c.has(m * 8)) return {};
      c.skip(m * 8);
    } else if (rec == 3) {
      if (!c.has(4)) return {};
      const std::int32_t n = c.i32();
      if (n < 0) return {};
      for (std::int32_t i = 0; i < n; ++i) {
        if (!c.has(9)) return {};
        c.skip(8);
        const auto len = static_cast<unsigned char>(c.bytes(1)[0]);
        const std::size_t rest = (static_cast<std::size_t>(len) + 1 + 7) / 8 * 8 - 1;
        if (!c.has(rest)) return {};
        c.skip(rest);
      }
    } else if (rec == 4) {
      if (!c.has(4)) return {};
      const std::int32_t n = c.i32();
      if (n < 0 || !c.has(static_cast<std::size_t>(n) * 4)) return {};
      c.skip(static_cast<std::size_t>(n) * 4);
    } else if (rec == 6) {
      if (!c.has(4)) return {};
      const std::int32_t n = c.i32();
      if (n < 0 || !c.has(static_cast<std::size_t>(n) * 80)) return {};
      c.skip(static_cast<std::size_t>(n) * 80);
    } else if (rec == 7) {
      if (!c.has(12)) return {};
      const std::int32_t sub = c.i32(), size = c.i32(), count = c.i32();
      if (size < 0 || count < 0) return {};
      const auto n = static_cast<std::size_t>(size) * static_cast<std::size_t>(count);
      if (!c.has(n)) return {};
      const std::string_view data = c.bytes(n);
      if (sub == 7 || sub == 19) text.emplace_back(data);
      if (sub == 13) {
        std::string s(data);
        std::size_t p = 0;
        while (p < s.size()) {
          std::size_t e = s.find('\t', p);
          if (e == std::string::npos) e = s.size();
          const std::string pair = s.substr(p, e - p);
          if (auto eq = pair.find('='); eq != std::string::npos) long_names[upper(pair.substr(0, eq))] = pair.substr(eq + 1);
          p = e + 1;
        }
      }
    } else {
      return {};  // not understood: no sets
    }
  }
  for (const std::string& t : text) {
    std::istringstream lines(t);
    std::string line;
    while (std::getline(lines, line)) {
      if (line.empty() || line[0] != '$') continue;
      const std::size_t eq = line.find('=');
      if (eq == std::string::npos || eq + 1 >= line.size()) continue;
      MrSet set;
      set.name = line.substr(1, eq - 1);
      std::size_t p = eq + 2;
      const char kind = line[eq + 1];
      auto number = [&](std::size_t& at) -> long {
        std::size_t e = at;
        while (e < line.size() && line[e] >= '0' && line[e] <= '9') ++e;
        if (e == at || e - at > 9) return -1;
        const long v = std::stol(line.substr(at, e - at));
        at = e;
        return v;
      };
      if (kind == 'D') {
        const long len = number(p);
        if (len < 0 || p >= line.size() || line[p] != ' ' || p + 1 + static_cast<std::size_t>(len) > line.size()) continue;
        set.counted = line.substr(p + 1, static_cast<std::size_t>(len));
        set.dichotomy = true;
        p += 1 + static_cast<std::size_t>(len) + 1;
      } else if (kind == 'C') {
        p = eq + 3;
      } else {
        continue;  // E (extended): not read
      }
      if (p > line.size()) continue;
      const long llen = number(p);
      if (llen < 0 || p >= line.size() || p + 1 + static_cast<std::size_t>(llen) > line.size()) continue;
      set.label = line.substr(p + 1, static_cast<std::size_t>(llen));
      p += 1 + static_cast<std::size_t>(llen);
      std::istringstream vars(line.substr(std::min(p, line.size())));
      std::string v;
      while (vars >> v) {
        v = trim(v);
        auto it = long_names.find(upper(v));  // short names are compared without case
        set.variables.push_back(it != long_names.end() ? it->second : v);
      }
      if (!set.variables.empty()) out.push_back(std::move(set));
    }
  }
  return out;
}

}  // namespace sdg::survey
