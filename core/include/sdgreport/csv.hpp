// sdgreport — an RFC 4180 CSV reader that keeps line numbers for messages.
//
//   sdg::CsvReader r(text, "data/goals.csv");
//   while (auto rec = r.next()) { rec->fields[0]; rec->line; }
//
// Quoted fields may contain the delimiter, doubled quotes and line breaks.
// CRLF and LF line ends, a UTF-8 byte order mark and a missing final newline are
// accepted. An unterminated quote is an Error(ErrorCode::Input) with file:line.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace sdg {

struct CsvRecord {
  std::vector<std::string> fields;
  int line = 0;  ///< 1-based line on which the record starts
};

class CsvReader {
 public:
  /// Reads `text`, which must outlive the reader.
  CsvReader(std::string_view text, std::string file_name, char delimiter = ',');
  CsvReader(const char* text, std::string file_name, char delimiter = ',')
      : CsvReader(std::string_view(text), std::move(file_name), delimiter) {}
  /// Refused: the reader keeps a view of the text, and a temporary string would dangle.
  CsvReader(std::string&& text, std::string file_name, char delimiter = ',') = delete;
  /// The next record, or nullopt at the end of input.
  std::optional<CsvRecord> next();

 private:
  std::string_view text_;
  std::string file_;
  char delim_;
  std::size_t pos_ = 0;
  int line_ = 1;
};

}  // namespace sdg
