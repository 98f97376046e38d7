#include "survey.hpp"

#include <algorithm>

#include <sdgreport/csv.hpp>
#include <sdgreport/error.hpp>
#include <sdgreport/numbers.hpp>

namespace survey {

namespace {

std::string lower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return std::tolower(c); });
  return s;
}

}  // namespace

std::vector<QuestionSummary> summarise(std::string_view csv, const std::string& file_name, int goal) {
  sdg::CsvReader reader(csv, file_name, ';');
  const std::vector<std::string> header{"municipality", "question_id", "question", "goal", "indicator", "answer"};
  auto head = reader.next();
  if (!head || head->fields != header)
    throw sdg::Error(sdg::ErrorCode::Input,
                     "expected the header municipality;question_id;question;goal;indicator;answer",
                     sdg::Location{file_name, head ? head->line : 1, 0});

  std::vector<QuestionSummary> out;
  std::map<std::string, std::size_t> index;  // question id -> position in out
  std::map<std::string, double> sums;
  while (auto rec = reader.next()) {
    if (rec->fields.size() == 1 && rec->fields[0].empty()) continue;  // blank line
    const sdg::Location at{file_name, rec->line, 0};
    if (rec->fields.size() != header.size())
      throw sdg::Error(sdg::ErrorCode::Input,
                       "expected 6 fields, found " + std::to_string(rec->fields.size()), at);
    const auto& f = rec->fields;
    auto g = sdg::parse_number(f[3]);
    if (!g || g->decimals != 0) throw sdg::Error(sdg::ErrorCode::Input, "goal '" + f[3] + "' is not a number", at);
    if (static_cast<int>(g->value) != goal) continue;

    auto [it, fresh] = index.try_emplace(f[1], out.size());
    if (fresh) out.push_back({f[1], f[2], f[4], true, 0, 0, {}});
    QuestionSummary& q = out[it->second];
    const std::string answer = lower(std::string(sdg::trim_spaces(f[5])));
    if (sdg::parse_missing_marker(answer)) continue;  // no answer
    double v = 0;
    if (answer == "yes" || answer == "ja") {
      v = 100;
    } else if (answer == "no" || answer == "nei") {
      v = 0;
    } else if (auto n = sdg::parse_number(answer)) {
      q.yes_no = false;
      v = n->value;
    } else {
      throw sdg::Error(sdg::ErrorCode::Input, "answer '" + f[5] + "' is neither yes/no nor a number", at);
    }
    sums[q.id] += v;
    ++q.responses;
    q.municipalities.push_back(f[0]);
  }
  for (QuestionSummary& q : out)
    if (q.responses > 0) q.value = sums[q.id] / q.responses;
  return out;
}

}  // namespace survey
