// sdgreport — the one CSV tokenizer (RFC 4180) and delimiter detection, for every
// reader of delimited text: the csv and opensdg plugins, `build --each`, the
// catalogue (part of the toolkit, see docs/architecture.md "Toolkit").
//
//   sdg::CsvReader r(text, "data/goals.csv", sdg::detect_csv_delimiter(text));
//   while (auto rec = r.next()) { rec->fields[0]; rec->line; }
//
//   std::ifstream in(path, std::ios::binary);            // or a stream, read in chunks
//   sdg::CsvReader s(in, path.string());
//
//   sdg::CsvTokenizer t(';', "big.csv", [&](const auto& fields, std::size_t n, int line) { … });
//   t.feed(chunk); …; t.finish();                         // or push text as it is decoded
//
// The rules: a field that starts with '"' is quoted and may hold the delimiter,
// line breaks and doubled quotes ("" is one quote); a quote anywhere else is text.
// After a closing quote only spaces may come before the delimiter or the line end,
// anything else is an Error(ErrorCode::Input) with file:line (where the quote
// opened). Lines end with LF, CRLF or CR; inside a quoted field each line end is
// kept as one LF. Blank lines are no records. A UTF-8 byte order mark at the start
// is skipped; a missing final line end is accepted; a quote never closed is an
// Error(ErrorCode::Input) naming the line it opened on.
#pragma once

#include <deque>
#include <functional>
#include <istream>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace sdg {

/// The delimiter the first line of `text` suggests: the most frequent of ';', tab,
/// ',' and '|' outside quotes (ties in that order); ',' when none occurs.
char detect_csv_delimiter(std::string_view text);

/// Push tokenizer: text in pieces of any size, records out through the sink.
class CsvTokenizer {
 public:
  /// Called with each record: fields[0, n) (the vector may hold more, stale
  /// entries) and the line the record starts on. The reference is valid during the call.
  using Sink = std::function<void(const std::vector<std::string>& fields, std::size_t n, int line)>;

  CsvTokenizer(char delimiter, std::string file_name, Sink sink);
  /// The next piece of the text.
  void feed(std::string_view text);
  /// The end of the text: the last record, if it has no line end; throws when a
  /// quoted field is still open.
  void finish();
  /// The line the tokenizer is on: during a sink call, the line the record ends on.
  int line() const noexcept { return line_; }

 private:
  enum class State { FieldStart, Unquoted, Quoted, AfterQuote };
  bool at_boundary(char c);
  void end_field();
  void end_record();

  char delim_;
  std::string file_;
  Sink sink_;
  std::vector<std::string> fields_;
  std::size_t n_ = 0;
  State state_ = State::FieldStart;
  bool started_ = false;     // past a possible byte order mark
  std::string bom_;          // the first bytes while they may be a byte order mark
  bool pending_cr_ = false;  // a CR ended a line; an LF right after it belongs to it
  bool quoted_ = false;      // the current record has a quoted field (so is not blank)
  int line_ = 1;
  int record_line_ = 1;
  int quote_line_ = 1;
};

struct CsvRecord {
  std::vector<std::string> fields;
  int line = 0;       ///< 1-based line on which the record starts
  int last_line = 0;  ///< the line on which it ends (later than `line` when a quoted field holds line breaks)
};

/// Pull reader: the records of a text in memory or of a stream, one at a time.
class CsvReader {
 public:
  /// Reads `text`, which must outlive the reader.
  CsvReader(std::string_view text, std::string file_name, char delimiter = ',');
  CsvReader(const char* text, std::string file_name, char delimiter = ',')
      : CsvReader(std::string_view(text), std::move(file_name), delimiter) {}
  /// Refused: the reader keeps a view of the text, and a temporary string would dangle.
  CsvReader(std::string&& text, std::string file_name, char delimiter = ',') = delete;
  /// Reads `in` in chunks (the stream must outlive the reader).
  CsvReader(std::istream& in, std::string file_name, char delimiter = ',');
  CsvReader(const CsvReader&) = delete;  // its tokenizer reports to it
  CsvReader& operator=(const CsvReader&) = delete;

  /// The next record, or nullopt at the end of input.
  std::optional<CsvRecord> next();

 private:
  CsvReader(std::string file_name, char delimiter);
  bool more();  // feeds the next piece; false at the end

  std::deque<CsvRecord> ready_;
  CsvTokenizer tokenizer_;
  std::string_view text_;
  std::istream* in_ = nullptr;
  std::string chunk_;
  std::size_t pos_ = 0;
  bool done_ = false;
};

}  // namespace sdg
