// sdgreport_survey_csv2sav — writes an SPSS system file (.sav, or .zsav by the
// extension) from a survey CSV and its codebook, with ReadStat's writer: the
// variable labels and value labels in one language of the codebook, the
// codebook's missing codes as user-missing values, formats and measures. Used to
// make the sample's .sav files from its CSV files (samples/vsr-norway/data/survey/README.md)
// and by the tests.
//
//   sdgreport_survey_csv2sav codebook.yaml kartlegging-2026.csv kartlegging-2026.sav [nb]
#include <readstat.h>

#include <cmath>
#include <cstdlib>
#include <ctime>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <map>
#include <sstream>

#include "codebook.hpp"
#include "sdgreport/error.hpp"
#include "survey_csv.hpp"

using namespace sdg::survey;

namespace {

std::string slurp(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error("cannot read " + path);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

ssize_t write_bytes(const void* d, size_t n, void* ctx) {
  return static_cast<ssize_t>(std::fwrite(d, 1, n, static_cast<FILE*>(ctx)));
}

void check(readstat_error_t e, const std::string& what) {
  if (e != READSTAT_OK)
    throw std::runtime_error(what + ": " + (readstat_error_message(e) ? readstat_error_message(e) : "error"));
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 4) {
    std::cerr << "usage: sdgreport_survey_csv2sav CODEBOOK.yaml IN.csv OUT.sav|OUT.zsav [LANG]\n";
    return 2;
  }
  try {
    const std::string lang = argc > 4 ? argv[4] : "nb";
    const Codebook cb = parse_codebook(slurp(argv[1]), argv[1]);
    std::vector<Note> notes;
    const Dataset d = read_survey_csv(slurp(argv[2]), argv[2], cb, "", 0, notes);
    const std::string out = argv[3];
    const bool zsav = out.size() > 5 && out.substr(out.size() - 5) == ".zsav";

    // what the codebook says about each column
    struct Meta {
      std::string label;
      const Item* item = nullptr;
      bool option = false;
    };
    std::map<std::string, Meta> meta;
    for (const Item& it : cb.items) {
      if (it.from_register) continue;
      if (!it.options.empty()) {
        for (const auto& [col, label] : it.options) meta[col] = {it.question.get(lang) + ": " + label.get(lang), &it, true};
      } else {
        meta[it.variable_in("")] = {it.question.get(lang), &it, false};
      }
    }

    readstat_writer_t* w = readstat_writer_init();
    readstat_set_data_writer(w, write_bytes);
    check(readstat_writer_set_file_label(w, cb.title.get(lang).c_str()), "file label");
    check(readstat_writer_set_compression(w, zsav ? READSTAT_COMPRESS_BINARY : READSTAT_COMPRESS_ROWS), "compression");
    // the header's creation time: SOURCE_DATE_EPOCH (else 2026-03-15), so the bytes are reproducible
    const char* sde = std::getenv("SOURCE_DATE_EPOCH");
    check(readstat_writer_set_file_timestamp(w, sde ? static_cast<time_t>(std::atoll(sde)) : time_t{1773532800}),
          "timestamp");
    std::vector<readstat_variable_t*> vars;
    int set_no = 0;
    for (const Variable& v : d.vars) {
      const Meta* m = meta.count(v.name) ? &meta[v.name] : nullptr;
      readstat_variable_t* rv = nullptr;
      if (v.numeric) {
        rv = readstat_add_variable(w, v.name.c_str(), READSTAT_TYPE_DOUBLE, 0);
        const bool numeric_q = m && m->item && m->item->type == QType::Numeric;
        readstat_variable_set_format(rv, numeric_q ? "F8.1" : "F8.0");
        readstat_variable_set_measure(rv, numeric_q                                      ? READSTAT_MEASURE_SCALE
                                          : m && m->item && m->item->type == QType::Scale ? READSTAT_MEASURE_ORDINAL
                                                                                          : READSTAT_MEASURE_NOMINAL);
        if (m && m->item && !m->option && !m->item->values.empty()) {
          readstat_label_set_t* ls =
              readstat_add_label_set(w, READSTAT_TYPE_DOUBLE, ("labels" + std::to_string(set_no++)).c_str());
          for (const ValueDef& vd : m->item->values) readstat_label_double_value(ls, vd.code, vd.label.get(lang).c_str());
          readstat_variable_set_label_set(rv, ls);
        }
        if (m && m->item)
          for (double x : m->item->missing.values) readstat_variable_add_missing_double_value(rv, x);
      } else {
        std::size_t width = 1;
        for (const std::string& s : v.str) width = std::max(width, s.size());
        rv = readstat_add_variable(w, v.name.c_str(), READSTAT_TYPE_STRING, width);
        readstat_variable_set_format(rv, ("A" + std::to_string(width)).c_str());
        readstat_variable_set_measure(rv, READSTAT_MEASURE_NOMINAL);
      }
      if (m) readstat_variable_set_label(rv, m->label.c_str());
      vars.push_back(rv);
    }
    FILE* fp = std::fopen(out.c_str(), "wb");
    if (!fp) throw std::runtime_error("cannot write " + out);
    check(readstat_begin_writing_sav(w, fp, static_cast<long>(d.rows)), "begin");
    for (readstat_variable_t* rv : vars) check(readstat_validate_variable(w, rv), "variable name");
    for (std::size_t r = 0; r < d.rows; ++r) {
      check(readstat_begin_row(w), "row");
      for (std::size_t c = 0; c < d.vars.size(); ++c) {
        const Variable& v = d.vars[c];
        if (v.numeric) {
          if (std::isnan(v.num[r]))
            check(readstat_insert_missing_value(w, vars[c]), "value");
          else
            check(readstat_insert_double_value(w, vars[c], v.num[r]), "value");
        } else {
          check(readstat_insert_string_value(w, vars[c], v.str[r].c_str()), "value");
        }
      }
      check(readstat_end_row(w), "row");
    }
    check(readstat_end_writing(w), "end");
    readstat_writer_free(w);
    std::fclose(fp);
    std::cout << out << ": " << d.rows << " cases, " << d.vars.size() << " variables\n";
  } catch (const sdg::Error& e) {
    std::cerr << "error: " << e.where().str() << ": " << e.message() << "\n";
    return 1;
  } catch (const std::exception& e) {
    std::cerr << "error: " << e.what() << "\n";
    return 1;
  }
  return 0;
}
