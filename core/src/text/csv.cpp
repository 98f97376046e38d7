#include "sdgreport/csv.hpp"

#include <algorithm>

#include "sdgreport/error.hpp"

namespace sdg {

namespace {
constexpr std::string_view kBom = "\xEF\xBB\xBF";
constexpr std::size_t kChunk = 1 << 16;
}  // namespace

char detect_csv_delimiter(std::string_view text) {
  std::size_t semi = 0, tab = 0, comma = 0, bar = 0;
  bool quoted = false;
  for (char c : text) {
    if (c == '\n' && !quoted) break;
    if (c == '"') quoted = !quoted;
    if (quoted) continue;
    semi += c == ';';
    tab += c == '\t';
    comma += c == ',';
    bar += c == '|';
  }
  const std::size_t best = std::max({semi, tab, comma, bar});
  if (best == 0) return ',';
  if (semi == best) return ';';
  if (tab == best) return '\t';
  if (comma == best) return ',';
  return '|';
}

// ---------------------------------------------------------------- CsvTokenizer

CsvTokenizer::CsvTokenizer(char delimiter, std::string file_name, Sink sink)
    : delim_(delimiter), file_(std::move(file_name)), sink_(std::move(sink)), fields_(1) {}

void CsvTokenizer::feed(std::string_view s) {
  if (!started_) {
    // A byte order mark may arrive split over pieces: hold its bytes until it is
    // complete or cannot be one.
    const std::size_t take = std::min(s.size(), kBom.size() - bom_.size());
    bom_.append(s.substr(0, take));
    s.remove_prefix(take);
    if (bom_.size() < kBom.size() && kBom.starts_with(bom_)) return;
    started_ = true;
    const std::string held = bom_ == kBom ? std::string() : std::move(bom_);
    bom_.clear();
    if (!held.empty()) feed(held);
  }
  for (const char c : s) {
    if (pending_cr_) {
      pending_cr_ = false;
      if (c == '\n') continue;  // the CR of CRLF ended the line already
    }
    switch (state_) {
      case State::FieldStart:
      case State::Unquoted:
        if (at_boundary(c)) {
          // field or record ended
        } else if (c == '"' && state_ == State::FieldStart) {
          state_ = State::Quoted;
          quoted_ = true;
          quote_line_ = line_;
        } else {
          fields_[n_] += c;
          state_ = State::Unquoted;
        }
        break;
      case State::Quoted:
        if (c == '"') {
          state_ = State::AfterQuote;
        } else if (c == '\n' || c == '\r') {  // a line end inside the field: one LF
          fields_[n_] += '\n';
          ++line_;
          pending_cr_ = c == '\r';
        } else {
          fields_[n_] += c;
        }
        break;
      case State::AfterQuote:
        if (c == '"') {
          fields_[n_] += '"';
          state_ = State::Quoted;
        } else if (at_boundary(c)) {
          // field or record ended
        } else if (c != ' ' && c != '\t') {
          std::string what = "text after the closing quote of field " + std::to_string(n_ + 1) +
                             "; inside a quoted field, write a quote as two quotes (\"\")";
          if (line_ > quote_line_)
            what += "; the quoted field opened on line " + std::to_string(quote_line_) + " runs to line " +
                    std::to_string(line_) + " — a stray '\"'?";
          throw Error(ErrorCode::Input, what, Location{file_, quote_line_, 0});
        }
        break;
    }
  }
}

void CsvTokenizer::finish() {
  if (!started_) {  // fewer bytes than a byte order mark in all
    started_ = true;
    const std::string held = std::move(bom_);
    bom_.clear();
    feed(held);
  }
  if (state_ == State::Quoted)
    throw Error(ErrorCode::Input,
                "unterminated quote: a quoted field opened on line " + std::to_string(quote_line_) +
                    " is never closed (the file ends inside it)",
                Location{file_, quote_line_, 0});
  if (n_ > 0 || !fields_[0].empty() || quoted_) end_record();
}

// Outside quotes, the delimiter ends a field and a line end (LF, CR or CRLF) the
// record. True when `c` was one of them.
bool CsvTokenizer::at_boundary(char c) {
  if (c == delim_) {
    end_field();
    return true;
  }
  if (c == '\n' || c == '\r') {
    end_record();
    pending_cr_ = c == '\r';  // a following LF belongs to this line end
    return true;
  }
  return false;
}

void CsvTokenizer::end_field() {
  ++n_;
  if (n_ == fields_.size())
    fields_.emplace_back();
  else
    fields_[n_].clear();
  state_ = State::FieldStart;
}

void CsvTokenizer::end_record() {
  const bool blank = n_ == 0 && fields_[0].empty() && !quoted_;
  end_field();
  if (!blank) sink_(fields_, n_, record_line_);
  n_ = 0;
  fields_[0].clear();
  quoted_ = false;
  ++line_;
  record_line_ = line_;
  state_ = State::FieldStart;
}

// ---------------------------------------------------------------- CsvReader

CsvReader::CsvReader(std::string file_name, char delimiter)
    : tokenizer_(delimiter, std::move(file_name),
                 [this](const std::vector<std::string>& fields, std::size_t n, int line) {
                   ready_.push_back(CsvRecord{std::vector<std::string>(fields.begin(), fields.begin() +
                                                                                         static_cast<std::ptrdiff_t>(n)),
                                              line, tokenizer_.line()});
                 }) {}

CsvReader::CsvReader(std::string_view text, std::string file_name, char delimiter)
    : CsvReader(std::move(file_name), delimiter) {
  text_ = text;
}

CsvReader::CsvReader(std::istream& in, std::string file_name, char delimiter)
    : CsvReader(std::move(file_name), delimiter) {
  in_ = &in;
}

bool CsvReader::more() {
  if (done_) return false;
  if (in_) {
    chunk_.resize(kChunk);
    in_->read(chunk_.data(), static_cast<std::streamsize>(chunk_.size()));
    chunk_.resize(static_cast<std::size_t>(in_->gcount()));
    if (!chunk_.empty()) {
      tokenizer_.feed(chunk_);
      return true;
    }
  } else if (pos_ < text_.size()) {
    // A line at a time, so that records come out as they are read.
    const std::size_t nl = text_.find('\n', pos_);
    const std::size_t end = nl == std::string_view::npos ? text_.size() : nl + 1;
    tokenizer_.feed(text_.substr(pos_, end - pos_));
    pos_ = end;
    return true;
  }
  done_ = true;
  tokenizer_.finish();
  return false;
}

std::optional<CsvRecord> CsvReader::next() {
  while (ready_.empty() && more()) {
  }
  if (ready_.empty()) return std::nullopt;
  CsvRecord r = std::move(ready_.front());
  ready_.pop_front();
  return r;
}

}  // namespace sdg
