// sdgreport survey plugin — reading .sav/.zsav through ReadStat's callback API
// from memory (one path for files and for the fuzz target).
#include "sav_read.hpp"

#include <readstat.h>

#include <algorithm>
#include <cstring>
#include <limits>
#include <map>
#include <optional>

#include "sdgreport/error.hpp"
#include "survey_limits.hpp"

namespace sdg::survey {
namespace {

struct MemoryFile {
  const char* data = nullptr;
  std::size_t size = 0;
  std::size_t pos = 0;
};

int mem_open(const char*, void*) { return 0; }
int mem_close(void*) { return 0; }
readstat_off_t mem_seek(readstat_off_t offset, readstat_io_flags_t whence, void* io) {
  auto* f = static_cast<MemoryFile*>(io);
  readstat_off_t base = 0;
  if (whence == READSTAT_SEEK_CUR) base = static_cast<readstat_off_t>(f->pos);
  if (whence == READSTAT_SEEK_END) base = static_cast<readstat_off_t>(f->size);
  const readstat_off_t to = base + offset;
  if (to < 0 || to > static_cast<readstat_off_t>(f->size)) return -1;
  f->pos = static_cast<std::size_t>(to);
  return to;
}
ssize_t mem_read(void* buf, size_t n, void* io) {
  auto* f = static_cast<MemoryFile*>(io);
  const std::size_t k = std::min(n, f->size - f->pos);
  if (k) std::memcpy(buf, f->data + f->pos, k);
  f->pos += k;
  return static_cast<ssize_t>(k);
}
readstat_error_t mem_update(long, readstat_progress_handler, void*, void*) { return READSTAT_OK; }

struct LabelSet {
  std::map<double, std::string> numbers;
  std::map<std::string, std::string> strings;
};

struct Reader {
  Dataset out;
  std::map<std::string, LabelSet> label_sets;
  long declared_rows = -1;
  std::size_t seen_rows = 0;
  std::string problem;  // why a handler aborted
  std::string readstat_message;
};

std::optional<double> number_of(readstat_value_t v) {
  if (readstat_value_is_system_missing(v) || readstat_value_is_tagged_missing(v)) return std::nullopt;
  switch (readstat_value_type(v)) {
    case READSTAT_TYPE_INT8: return readstat_int8_value(v);
    case READSTAT_TYPE_INT16: return readstat_int16_value(v);
    case READSTAT_TYPE_INT32: return readstat_int32_value(v);
    case READSTAT_TYPE_FLOAT: return readstat_float_value(v);
    case READSTAT_TYPE_DOUBLE: return readstat_double_value(v);
    default: return std::nullopt;
  }
}

std::string string_of(readstat_value_t v) {
  const char* s = readstat_string_value(v);
  return s ? std::string(s) : std::string();
}

int on_metadata(readstat_metadata_t* m, void* ctx) {
  auto* r = static_cast<Reader*>(ctx);
  const auto& lim = survey_limits();
  r->declared_rows = readstat_get_row_count(m);
  const int vars = readstat_get_var_count(m);
  if (r->declared_rows > 0 && static_cast<std::size_t>(r->declared_rows) > lim.respondents) {
    r->problem = survey_limit_message("respondents", lim.respondents,
                                      std::to_string(r->declared_rows) + " cases");
    return READSTAT_HANDLER_ABORT;
  }
  if (vars > 0 && static_cast<std::size_t>(vars) > lim.variables) {
    r->problem = survey_limit_message("variables", lim.variables, std::to_string(vars) + " variables");
    return READSTAT_HANDLER_ABORT;
  }
  if (const char* e = readstat_get_file_encoding(m)) r->out.encoding = e;
  if (const char* l = readstat_get_file_label(m)) r->out.label = l;
  return READSTAT_HANDLER_OK;
}

int on_value_label(const char* set, readstat_value_t value, const char* label, void* ctx) {
  auto* r = static_cast<Reader*>(ctx);
  LabelSet& ls = r->label_sets[set ? set : ""];
  if (ls.numbers.size() + ls.strings.size() >= survey_limits().value_labels) {
    r->problem = survey_limit_message("value_labels", survey_limits().value_labels,
                                      std::string("label set '") + (set ? set : "") + "'");
    return READSTAT_HANDLER_ABORT;
  }
  const std::string text = label ? label : "";
  if (readstat_value_type_class(value) == READSTAT_TYPE_CLASS_STRING) {
    ls.strings[string_of(value)] = text;
  } else if (auto d = number_of(value)) {
    ls.numbers[*d] = text;
  }
  return READSTAT_HANDLER_OK;
}

int on_variable(int index, readstat_variable_t* var, const char* val_labels, void* ctx) {
  auto* r = static_cast<Reader*>(ctx);
  if (static_cast<std::size_t>(index) != r->out.vars.size()) {
    r->problem = "variables out of order (index " + std::to_string(index) + ")";
    return READSTAT_HANDLER_ABORT;
  }
  if (r->out.vars.size() >= survey_limits().variables) {
    r->problem = survey_limit_message("variables", survey_limits().variables, "more variables");
    return READSTAT_HANDLER_ABORT;
  }
  Variable v;
  v.name = readstat_variable_get_name(var) ? readstat_variable_get_name(var) : "";
  if (const char* l = readstat_variable_get_label(var)) v.label = l;
  if (const char* f = readstat_variable_get_format(var)) v.format = f;
  v.numeric = readstat_variable_get_type_class(var) == READSTAT_TYPE_CLASS_NUMERIC;
  const int nmiss = readstat_variable_get_missing_ranges_count(var);
  for (int i = 0; i < nmiss; ++i) {
    readstat_value_t lo = readstat_variable_get_missing_range_lo(var, i);
    readstat_value_t hi = readstat_variable_get_missing_range_hi(var, i);
    if (v.numeric) {
      auto a = number_of(lo), b = number_of(hi);
      if (!a || !b) continue;
      if (*a == *b)
        v.missing.values.push_back(*a);
      else
        v.missing.ranges.emplace_back(*a, *b);
    } else {
      v.missing.strings.push_back(string_of(lo));
      if (string_of(hi) != string_of(lo)) v.missing.strings.push_back(string_of(hi));
    }
  }
  if (val_labels) {
    auto it = r->label_sets.find(val_labels);
    if (it != r->label_sets.end()) {
      v.value_labels = it->second.numbers;
      v.string_labels = it->second.strings;
    }
  }
  if (r->declared_rows > 0) {
    if (v.numeric)
      v.num.assign(static_cast<std::size_t>(r->declared_rows), std::numeric_limits<double>::quiet_NaN());
    else
      v.str.assign(static_cast<std::size_t>(r->declared_rows), std::string());
  }
  if (r->out.find(v.name)) {
    r->problem = "two variables named '" + v.name + "'";
    return READSTAT_HANDLER_ABORT;
  }
  r->out.add(std::move(v));
  return READSTAT_HANDLER_OK;
}

int on_value(int obs, readstat_variable_t* var, readstat_value_t value, void* ctx) {
  auto* r = static_cast<Reader*>(ctx);
  const auto row = static_cast<std::size_t>(obs);
  const auto col = static_cast<std::size_t>(readstat_variable_get_index(var));
  if (obs < 0 || col >= r->out.vars.size()) {
    r->problem = "a value outside the declared variables";
    return READSTAT_HANDLER_ABORT;
  }
  if (row >= survey_limits().respondents) {
    r->problem = survey_limit_message("respondents", survey_limits().respondents, "more cases");
    return READSTAT_HANDLER_ABORT;
  }
  Variable& v = r->out.vars[col];
  if (v.numeric) {
    if (row >= v.num.size()) v.num.resize(row + 1, std::numeric_limits<double>::quiet_NaN());
    auto d = number_of(value);
    v.num[row] = d ? *d : std::numeric_limits<double>::quiet_NaN();
  } else {
    if (row >= v.str.size()) v.str.resize(row + 1);
    v.str[row] = string_of(value);
  }
  r->seen_rows = std::max(r->seen_rows, row + 1);
  return READSTAT_HANDLER_OK;
}

void on_error(const char* msg, void* ctx) {
  auto* r = static_cast<Reader*>(ctx);
  if (msg && r->readstat_message.empty()) {
    r->readstat_message = msg;
    while (!r->readstat_message.empty() &&
           (r->readstat_message.back() == '\n' || r->readstat_message.back() == ' '))
      r->readstat_message.pop_back();
  }
}

}  // namespace

Dataset read_sav(std::string_view bytes, const std::string& file) {
  Reader r;
  r.out.file = file;
  MemoryFile mf{bytes.data(), bytes.size(), 0};
  readstat_parser_t* p = readstat_parser_init();
  if (!p) throw Error(ErrorCode::Internal, "ReadStat could not start (out of memory)", Location{file, 0, 0});
  readstat_set_open_handler(p, mem_open);
  readstat_set_close_handler(p, mem_close);
  readstat_set_seek_handler(p, mem_seek);
  readstat_set_read_handler(p, mem_read);
  readstat_set_update_handler(p, mem_update);
  readstat_set_io_ctx(p, &mf);
  readstat_set_metadata_handler(p, on_metadata);
  readstat_set_value_label_handler(p, on_value_label);
  readstat_set_variable_handler(p, on_variable);
  readstat_set_value_handler(p, on_value);
  readstat_set_error_handler(p, on_error);
  readstat_error_t e = READSTAT_OK;
  try {
    e = readstat_parse_sav(p, file.c_str(), &r);
  } catch (...) {
    readstat_parser_free(p);
    throw;
  }
  readstat_parser_free(p);

  const Location at{file, 0, 0};
  if (!r.problem.empty()) throw Error(ErrorCode::Input, r.problem, at);
  if (e != READSTAT_OK) {
    std::string why = readstat_error_message(e) ? readstat_error_message(e) : "unknown ReadStat error";
    if (!r.readstat_message.empty()) why += " (" + r.readstat_message + ")";
    throw Error(ErrorCode::Input, "not a readable SPSS system file (.sav/.zsav): " + why, at);
  }
  if (r.out.vars.empty()) throw Error(ErrorCode::Input, "the SPSS file has no variables", at);
  std::size_t rows = r.seen_rows;
  if (r.declared_rows >= 0) {
    if (r.seen_rows < static_cast<std::size_t>(r.declared_rows))
      throw Error(ErrorCode::Input,
                  "the file is truncated or corrupt: its header declares " +
                      std::to_string(r.declared_rows) + " cases, but only " + std::to_string(r.seen_rows) +
                      " could be read",
                  at);
    rows = static_cast<std::size_t>(r.declared_rows);
  }
  r.out.rows = rows;
  for (Variable& v : r.out.vars) {
    if (v.numeric)
      v.num.resize(rows, std::numeric_limits<double>::quiet_NaN());
    else
      v.str.resize(rows);
  }
  if (r.out.encoding.empty()) r.out.encoding = "UTF-8";
  r.out.mr_sets = read_mr_sets(bytes);
  return std::move(r.out);
}

}  // namespace sdg::survey
