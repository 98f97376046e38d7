// sdgreport survey plugin — respondent-level CSV exports (Nettskjema, Questback,
// SurveyXact, Enalyzer: UTF-8 with or without a byte order mark, ';' or ','
// between fields, one row per respondent, one column per variable, answers as
// codes or as labels) read with a codebook.
//
//   Codebook cb = parse_codebook(yaml, "codebook.yaml");
//   std::vector<Note> notes;
//   Dataset d = read_survey_csv(text, "kartlegging-2026.csv", cb, "", 0, notes);
//
// An answer that is neither a code nor a label of its question is an error at
// file:line naming the variable; a numeric code the codebook does not list is
// kept as its own answer with the warning survey-unknown-code.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "codebook.hpp"
#include "dataset.hpp"

namespace sdg::survey {

/// `delimiter` 0 = detect (sdg::detect_csv_delimiter: ';', tab, ',' or '|', from the header line).
Dataset read_survey_csv(std::string_view text, const std::string& file, const Codebook& cb, const std::string& wave,
                        char delimiter, std::vector<Note>& notes);

}  // namespace sdg::survey
