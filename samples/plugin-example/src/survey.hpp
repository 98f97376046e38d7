// A municipal survey export: one CSV row per municipality and question.
//
//   municipality;question_id;question;goal;indicator;answer
//   Bodø;q1;Has the municipality adopted an SDG strategy?;11;;yes
//   Bodø;q4;Share of renewable heating in municipal buildings (%);7;7.2.1;63,5
//
// Answers are "yes"/"no" (or "ja"/"nei") or numbers (decimal comma or point).
// summarise() groups the rows of one goal by question.
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace survey {

struct QuestionSummary {
  std::string id;
  std::string text;
  std::string indicator;  ///< SDG indicator id, may be empty
  bool yes_no = true;     ///< answers are yes/no (value = share of yes, %) or numbers (value = mean)
  int responses = 0;
  double value = 0;
  std::vector<std::string> municipalities;
};

/// Reads the export and summarises the questions of `goal`, in file order.
/// Throws sdg::Error(Input) with file:line for a malformed row.
std::vector<QuestionSummary> summarise(std::string_view csv, const std::string& file_name, int goal);

}  // namespace survey
