#include "sdgreport/csv.hpp"

#include "sdgreport/error.hpp"

namespace sdg {

CsvReader::CsvReader(std::string_view text, std::string file_name, char delimiter)
    : text_(text), file_(std::move(file_name)), delim_(delimiter) {
  if (text_.substr(0, 3) == "\xEF\xBB\xBF") pos_ = 3;
}

std::optional<CsvRecord> CsvReader::next() {
  if (pos_ >= text_.size()) return std::nullopt;
  CsvRecord rec;
  rec.line = line_;
  std::string field;
  bool quoted = false;   // inside quotes
  bool was_quoted = false;
  const int quote_line = line_;
  while (pos_ < text_.size()) {
    char c = text_[pos_++];
    if (quoted) {
      if (c == '"') {
        if (pos_ < text_.size() && text_[pos_] == '"') {
          field += '"';
          ++pos_;
        } else {
          quoted = false;
        }
      } else {
        if (c == '\n') ++line_;
        field += c;
      }
      continue;
    }
    if (c == '"' && field.empty() && !was_quoted) {
      quoted = was_quoted = true;
    } else if (c == delim_) {
      rec.fields.push_back(std::move(field));
      field.clear();
      was_quoted = false;
    } else if (c == '\r' && pos_ < text_.size() && text_[pos_] == '\n') {
      // CR of CRLF: the LF ends the record.
    } else if (c == '\n') {
      ++line_;
      rec.fields.push_back(std::move(field));
      return rec;
    } else {
      field += c;
    }
  }
  if (quoted) {
    throw Error(ErrorCode::Input, "unterminated quoted field", Location{file_, quote_line, 0});
  }
  rec.fields.push_back(std::move(field));
  return rec;
}

}  // namespace sdg
