// sdgreport csv plugin — streaming: bytes → UTF-8 → records → kept rows.
//
// To keep memory in proportion to the rows kept rather than to the file, this
// reader decodes fixed-size chunks, keeping an incomplete UTF-8 sequence across
// chunk boundaries, and pushes the text into the core's tokenizer
// (sdg::CsvTokenizer, sdgreport/csv.hpp), which keeps its own state (an open
// quote, a pending CR) between chunks.
#include <algorithm>
#include <array>
#include <set>

#include "csv_table.hpp"

#include "sdgreport/csv.hpp"
#include "sdgreport/text.hpp"

namespace sdg::csvtable {
namespace {

constexpr std::size_t kChunk = std::size_t{1} << 20;

// Windows-1252 bytes 0x80–0x9F (0: no character).
constexpr std::array<char32_t, 32> kCp1252 = {
    0x20AC, 0,      0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
    0x2039, 0x0152, 0,      0x017D, 0,      0,      0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
    0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0,      0x017E, 0x0178};

std::string hex(unsigned char b) {
  static const char* digits = "0123456789ABCDEF";
  return std::string("0x") + digits[b >> 4] + digits[b & 15];
}

/// Bytes in the file's encoding → UTF-8, checked; tracks line and byte for messages.
class Decoder {
 public:
  Decoder(Encoding enc, std::string file) : enc_(enc), file_(std::move(file)) {}

  /// Appends the UTF-8 of the next bytes to `out`; `last` at the end of input.
  void feed(std::string_view in, bool last, std::string& out) {
    if (first_) {
      first_ = false;
      if (in.starts_with("\xFF\xFE") || in.starts_with("\xFE\xFF"))
        throw Error(ErrorCode::Input,
                    "the file is UTF-16 (it starts with a UTF-16 byte-order mark); save it as UTF-8",
                    Location{file_, 1, 1});
      if (in.starts_with("\xEF\xBB\xBF")) {
        if (enc_ != Encoding::Utf8)
          throw Error(ErrorCode::Input,
                      "the file starts with a UTF-8 byte-order mark but the options say "
                      "'encoding: windows-1252'; remove the encoding option",
                      Location{file_, 1, 1});
        in.remove_prefix(3);
        offset_ = 3;
        line_start_ = 3;
      }
    }
    if (enc_ == Encoding::Windows1252) {
      for (std::size_t i = 0; i < in.size(); ++i) {
        const auto b = static_cast<unsigned char>(in[i]);
        watch_utf8(b, offset_ + i);
        if (b < 0x80) {
          if (b == '\n') new_line(offset_ + i);
          out += static_cast<char>(b);
        } else if (b < 0xA0) {
          const char32_t cp = kCp1252[b - 0x80];
          if (cp == 0) fail(offset_ + i, b, "is not a character in Windows-1252");
          append_utf8(out, cp);
        } else {
          append_utf8(out, b);
        }
      }
      offset_ += in.size();
      if (last) refuse_utf8();
      return;
    }
    // UTF-8: check, then copy; an incomplete sequence at the end waits for the next chunk.
    std::string joined;
    if (!carry_.empty()) {
      joined = carry_ + std::string(in.substr(0, std::min<std::size_t>(in.size(), 8)));
      const std::size_t had = carry_.size();
      const int len = utf8_decode(joined, 0);
      if (len == -1 && !last && in.size() < 8) {  // still cut off: a tiny chunk
        carry_ = joined;
        offset_ += in.size();
        return;
      }
      if (len <= 0) fail(offset_ - had, static_cast<unsigned char>(joined[0]), bad_utf8_text());
      out.append(joined, 0, static_cast<std::size_t>(len));
      in.remove_prefix(static_cast<std::size_t>(len) - had);
      offset_ += static_cast<std::size_t>(len) - had;
      carry_.clear();
    }
    std::size_t i = 0;
    while (i < in.size()) {
      const char c = in[i];
      if (static_cast<unsigned char>(c) < 0x80) {
        if (c == '\n') new_line(offset_ + i);
        ++i;
        continue;
      }
      const int len = utf8_decode(in, i);
      if (len == -1 && !last) {
        carry_.assign(in.substr(i));
        break;
      }
      if (len <= 0) fail(offset_ + i, static_cast<unsigned char>(c), bad_utf8_text());
      i += static_cast<std::size_t>(len);
    }
    out.append(in.substr(0, i));
    offset_ += in.size();
  }

 private:
  // A file declared single-byte whose high bytes all form UTF-8 sequences is
  // UTF-8: decoding it as Windows-1252 would print "Ã˜stfold" for "Østfold".
  // Every byte ≥ 0x80 is followed through a small UTF-8 state machine; one byte
  // that cannot be UTF-8 proves the file single-byte.
  void watch_utf8(unsigned char b, std::size_t at) {
    if (!maybe_utf8_) return;
    if (seq_.empty()) {
      if (b < 0x80) return;
      seq_at_ = at;
      seq_line_ = line_;
    } else if (b < 0x80 || b > 0xBF) {
      maybe_utf8_ = false;  // a sequence cut short
      return;
    }
    seq_ += static_cast<char>(b);
    const int len = utf8_decode(seq_, 0);
    if (len == 0) {
      maybe_utf8_ = false;
    } else if (len > 0) {
      if (utf8_seen_ == 0) {
        first_seq_ = seq_;
        first_at_ = seq_at_;
        first_line_ = seq_line_;
      }
      ++utf8_seen_;
      seq_.clear();
    }
  }

  void refuse_utf8() const {
    if (!maybe_utf8_ || utf8_seen_ == 0 || !seq_.empty()) return;
    std::string bytes;
    for (char c : first_seq_) bytes += (bytes.empty() ? "" : " ") + hex(static_cast<unsigned char>(c));
    throw Error(ErrorCode::Input,
                "the options say 'encoding: windows-1252' (or latin-1), but the file is UTF-8: all " +
                    std::to_string(utf8_seen_) + " of its non-ASCII characters are UTF-8 sequences (the first, " +
                    bytes + " at byte offset " + std::to_string(first_at_) + ", is '" + first_seq_ +
                    "' in UTF-8); remove the encoding option",
                Location{file_, first_line_, 0});
  }

  static std::string bad_utf8_text() {
    return "is not valid UTF-8; if the file is Windows-1252 or Latin-1 (e.g. from Statistics "
           "Denmark or an older Excel), add 'encoding: windows-1252' to the source entry "
           "(Latin-1 'æ', 'ø', 'å' are the single bytes 0xE6, 0xF8, 0xE5)";
  }

  void new_line(std::size_t at) {
    ++line_;
    line_start_ = at + 1;
  }

  [[noreturn]] void fail(std::size_t at, unsigned char b, const std::string& what) const {
    const int column = static_cast<int>(at - std::min(at, line_start_)) + 1;
    throw Error(ErrorCode::Input,
                "byte " + hex(b) + " at byte offset " + std::to_string(at) + " (line " +
                    std::to_string(line_) + ", byte " + std::to_string(column) + " of the line) " + what,
                Location{file_, line_, column});
  }

  Encoding enc_;
  std::string file_;
  bool first_ = true;
  std::string carry_;
  std::size_t offset_ = 0;      // file offset of the next byte fed
  int line_ = 1;
  std::size_t line_start_ = 0;  // file offset where the current line starts
  // Windows-1252 declared: is the file UTF-8 after all? (see watch_utf8)
  bool maybe_utf8_ = true;
  std::string seq_;             // an incomplete UTF-8 sequence
  std::size_t seq_at_ = 0;
  int seq_line_ = 1;
  std::size_t utf8_seen_ = 0;   // complete sequences seen
  std::string first_seq_;
  std::size_t first_at_ = 0;
  int first_line_ = 1;
};

std::string join(const std::vector<std::string>& names, std::size_t max = 12) {
  std::string out;
  for (std::size_t i = 0; i < names.size() && i < max; ++i) out += (i ? ", " : "") + names[i];
  if (names.size() > max) out += ", …";
  return out;
}

Error option_error(const ReadSpec& spec, const std::string& key, const std::string& what) {
  if (spec.option_error) return spec.option_error(key, what);
  return Error(ErrorCode::Definition, "option '" + key + "': " + what);
}

/// Collects the kept rows of the records it is given.
class Collector {
 public:
  Collector(const ReadSpec& spec, RawTable& out) : spec_(spec), out_(out) {}

  void record(const std::vector<std::string>& f, std::size_t n, int line) {
    if (!have_header_) {
      header(f, n, line);
      if (spec_.header) return;
    }
    if (n != all_names_.size())
      throw Error(ErrorCode::Input,
                  "this row has " + std::to_string(n) + " field" + (n == 1 ? "" : "s") +
                      " but " + (spec_.header ? "the header (line " + std::to_string(header_line_) + ")"
                                              : std::string("the first row")) +
                      " has " + std::to_string(all_names_.size()) + " (delimiter " +
                      delimiter_name(out_.delimiter) + "); check the delimiter and the quoting",
                  Location{out_.file, line, 0});
    ++out_.records_read;
    for (std::size_t k = 0; k < filters_.size(); ++k) {
      const std::string_view v = trim_spaces(f[filters_[k].first]);
      const auto& allowed = filters_[k].second;
      auto it = std::find(allowed.begin(), allowed.end(), v);
      if (it == allowed.end()) return;
      matched_[k].insert(static_cast<std::size_t>(it - allowed.begin()));
    }
    for (std::size_t c : keep_) out_.add(trim_spaces(f[c]));
    out_.add_line(line);
    if (unit_col_ != kNone) out_.units_seen.try_emplace(std::string(trim_spaces(f[unit_col_])), line);
  }

  void finish() {
    if (!have_header_) throw Error(ErrorCode::Input, "the file is empty", Location{out_.file, 1, 0});
    if (out_.rows() == 0 && out_.records_read > 0 && !filters_.empty()) {
      std::string unmatched;
      for (std::size_t k = 0; k < filters_.size(); ++k)
        for (std::size_t v = 0; v < filters_[k].second.size(); ++v)
          if (!matched_[k].contains(v))
            unmatched += (unmatched.empty() ? "" : "; ") + all_names_[filters_[k].first] + ": '" +
                         filters_[k].second[v] + "'";
      throw Error(ErrorCode::Input,
                  "no row of " + std::to_string(out_.records_read) + " matches the filters" +
                      (unmatched.empty() ? std::string(" taken together")
                                         : "; values found in no row: " + unmatched),
                  Location{out_.file, 0, 0});
    }
  }

  static std::string delimiter_name(char d) {
    return d == '\t' ? "tab" : std::string("'") + d + "'";
  }

 private:
  static constexpr std::size_t kNone = static_cast<std::size_t>(-1);

  std::size_t column(const std::string& key, const std::string& name) const {
    std::size_t found = kNone;
    for (std::size_t i = 0; i < all_names_.size(); ++i)
      if (all_names_[i] == name) {
        if (found != kNone)
          throw option_error(spec_, key, "column '" + name + "' occurs twice in the header (columns " +
                                             std::to_string(found + 1) + " and " +
                                             std::to_string(i + 1) + ")");
        found = i;
      }
    if (found == kNone)
      throw option_error(spec_, key, "no column '" + name + "' in " + out_.file +
                                         (spec_.header ? " (columns: " : " (no header; columns are numbered: ") +
                                         join(all_names_) + ")");
    return found;
  }

  void header(const std::vector<std::string>& f, std::size_t n, int line) {
    have_header_ = true;
    header_line_ = line;
    for (std::size_t i = 0; i < n; ++i) {
      std::string name = spec_.header ? std::string(trim_spaces(f[i])) : std::string();
      if (name.empty()) name = std::to_string(i + 1);
      all_names_.push_back(std::move(name));
    }
    if (spec_.columns.empty()) {
      for (std::size_t i = 0; i < n; ++i) keep_.push_back(i);
    } else {
      std::set<std::size_t> seen;
      for (const std::string& c : spec_.columns) {
        const std::size_t i = column("columns", c);
        if (!seen.insert(i).second) throw option_error(spec_, "columns", "column '" + c + "' is listed twice");
        keep_.push_back(i);
      }
    }
    for (std::size_t i : keep_) out_.header.push_back(all_names_[i]);
    for (const auto& [name, values] : spec_.filters) {
      filters_.emplace_back(column("filter", name), values);
      matched_.emplace_back();
    }
    if (!spec_.unit_column.empty()) unit_col_ = column("unit_column", spec_.unit_column);
  }

  const ReadSpec& spec_;
  RawTable& out_;
  bool have_header_ = false;
  int header_line_ = 1;
  std::vector<std::string> all_names_;
  std::vector<std::size_t> keep_;
  std::vector<std::pair<std::size_t, std::vector<std::string>>> filters_;
  std::vector<std::set<std::size_t>> matched_;
  std::size_t unit_col_ = kNone;
};

}  // namespace

RawTable read_csv(std::istream& in, const std::string& file_name, const ReadSpec& spec) {
  RawTable out;
  out.file = file_name;
  Decoder decoder(spec.encoding, file_name);
  Collector collector(spec, out);
  std::optional<CsvTokenizer> tokenizer;

  std::string bytes(kChunk, '\0');
  std::string text;
  bool last = false;
  while (!last) {
    in.read(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    const auto got = static_cast<std::size_t>(in.gcount());
    if (in.bad()) throw Error(ErrorCode::Input, "cannot read the file", Location{file_name, 0, 0});
    last = got < bytes.size();
    text.clear();
    decoder.feed(std::string_view(bytes.data(), got), last, text);
    if (!tokenizer) {
      if (text.empty() && !last) continue;
      out.delimiter = spec.delimiter != 0 ? spec.delimiter : detect_csv_delimiter(text);
      tokenizer.emplace(out.delimiter, file_name,
                        [&collector](const std::vector<std::string>& f, std::size_t n, int line) {
                          collector.record(f, n, line);
                        });
    }
    tokenizer->feed(text);
  }
  if (tokenizer) tokenizer->finish();
  collector.finish();
  return out;
}

}  // namespace sdg::csvtable
