// sdgreport survey plugin — CSV export + codebook into a Dataset.
#include "survey_csv.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>
#include <set>

#include "sdgreport/csv.hpp"
#include "sdgreport/error.hpp"
#include "sdgreport/model.hpp"
#include "sdgreport/numbers.hpp"
#include "survey_limits.hpp"
#include "sdgreport/text.hpp"

namespace sdg::survey {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

/// How a column is read.
struct ColumnRule {
  bool numeric = false;
  const Item* item = nullptr;                 ///< for label look-up and code checks
  std::map<std::string, double> labels;       ///< label as written → code
  std::map<std::string, std::set<double>> folded;  ///< lower-cased label → its codes (two: ambiguous)
  bool check_codes = false;                   ///< codes must be in item->values (or missing)
  bool zero_one = false;                      ///< a 0/1 option column
};

int line_of_offset(std::string_view text, std::size_t off) {
  return 1 + static_cast<int>(std::count(text.begin(), text.begin() + static_cast<std::ptrdiff_t>(off), '\n'));
}

}  // namespace

Dataset read_survey_csv(std::string_view text, const std::string& file, const Codebook& cb, const std::string& wave,
                        char delimiter, std::vector<Note>& notes) {
  const auto& lim = survey_limits();
  Dataset d;
  d.file = file;
  d.encoding = "UTF-8";
  if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
  if (!is_valid_utf8(text)) {
    std::size_t bad = 0;
    // find the first line that is not UTF-8, for the message
    std::size_t start = 0;
    while (start < text.size()) {
      std::size_t end = text.find('\n', start);
      if (end == std::string_view::npos) end = text.size();
      if (!is_valid_utf8(text.substr(start, end - start))) {
        bad = start;
        break;
      }
      start = end + 1;
    }
    throw Error(ErrorCode::Input,
                "not valid UTF-8 (save the export as UTF-8; survey tools offer it as 'CSV UTF-8')",
                Location{file, line_of_offset(text, bad), 0});
  }
  if (!delimiter) delimiter = detect_csv_delimiter(text);
  CsvReader reader(text, file, delimiter);
  auto head = reader.next();
  if (!head || (head->fields.size() == 1 && head->fields[0].empty()))
    throw Error(ErrorCode::Input, "the export is empty (no header row)", Location{file, 1, 0});
  const std::vector<std::string>& names = head->fields;
  if (names.size() > lim.variables)
    throw Error(ErrorCode::Input, survey_limit_message("variables", lim.variables, std::to_string(names.size()) + " columns"),
                Location{file, head->line, 0});

  // which codebook item reads each column
  std::map<std::string, ColumnRule> rules;
  for (const Item& it : cb.items) {
    if (it.from_register) continue;
    auto numeric_rule = [&](const Item& item) {
      ColumnRule r;
      r.numeric = true;
      r.item = &item;
      for (const ValueDef& v : item.values)
        for (const auto& [lang, label] : v.label.by_lang) {
          r.labels.emplace(label, v.code);
          r.folded[lower(label)].insert(v.code);
        }
      r.check_codes = !item.values.empty();
      return r;
    };
    switch (it.type) {
      case QType::Key:
      case QType::Text: break;  // read as text
      case QType::Multiple:
        if (!it.options.empty()) {
          for (const auto& [col, label] : it.options) {
            ColumnRule r;
            r.numeric = true;
            r.item = &it;
            r.zero_one = true;
            rules[col] = r;
          }
        }  // a delimited column is read as text and split when tabulated
        break;
      default: rules[it.variable_in(wave)] = numeric_rule(it); break;
    }
  }

  std::set<std::string> seen;
  for (std::size_t c = 0; c < names.size(); ++c) {
    const std::string& n = names[c];
    if (n.empty())
      throw Error(ErrorCode::Input, "column " + std::to_string(c + 1) + " has no name in the header row",
                  Location{file, head->line, 0});
    if (!seen.insert(n).second)
      throw Error(ErrorCode::Input, "two columns are named '" + n + "'", Location{file, head->line, 0});
    Variable v;
    v.name = n;
    auto r = rules.find(n);
    v.numeric = r != rules.end();
    if (r != rules.end() && r->second.item) {
      v.missing = r->second.item->missing;
      if (!r->second.zero_one)
        for (const ValueDef& vd : r->second.item->values) v.value_labels[vd.code] = vd.label.neutral();
    }
    d.add(std::move(v));
  }

  std::vector<const ColumnRule*> col_rules(names.size(), nullptr);
  for (std::size_t c = 0; c < names.size(); ++c)
    if (auto r = rules.find(names[c]); r != rules.end()) col_rules[c] = &r->second;

  // unknown codes: one warning per variable, with the first rows
  struct Unknown {
    std::set<double> codes;
    std::vector<int> lines;
    std::size_t count = 0;
  };
  std::map<std::size_t, Unknown> unknown;

  while (auto rec = reader.next()) {
    if (rec->fields.size() == 1 && rec->fields[0].empty()) continue;  // blank line
    if (rec->fields.size() != names.size())
      throw Error(ErrorCode::Input,
                  "row has " + std::to_string(rec->fields.size()) + " fields, the header " +
                      std::to_string(names.size()),
                  Location{file, rec->line, 0});
    if (d.rows >= lim.respondents)
      throw Error(ErrorCode::Input, survey_limit_message("respondents", lim.respondents, "more rows"),
                  Location{file, rec->line, 0});
    for (std::size_t c = 0; c < names.size(); ++c) {
      Variable& v = d.vars[c];
      const std::string_view cell = trim_spaces(rec->fields[c]);
      if (!v.numeric) {
        v.str.emplace_back(cell);
        continue;
      }
      if (cell.empty()) {
        v.num.push_back(kNaN);
        continue;
      }
      const ColumnRule& r = *col_rules[c];
      double value = kNaN;
      if (auto p = parse_number(cell); p && std::isfinite(p->value) && p->unit.empty()) {
        value = p->value;
      } else if (auto l = r.labels.find(std::string(cell)); l != r.labels.end()) {
        value = l->second;
      } else if (auto l2 = r.folded.find(lower(cell)); l2 != r.folded.end()) {
        // Case ignored, a label may name two codes ("Yes" 1, "YES" 2): never guess.
        if (l2->second.size() > 1) {
          std::string codes;
          for (double code : l2->second) codes += (codes.empty() ? "" : " and ") + code_text(code);
          throw Error(ErrorCode::Input,
                      "variable '" + names[c] + "': answer '" + std::string(cell) + "' matches the labels of codes " +
                          codes + " when case is ignored; write the code, or the label exactly as in the codebook",
                      Location{file, rec->line, 0});
        }
        value = *l2->second.begin();
      } else {
        throw Error(ErrorCode::Input,
                    "variable '" + names[c] + "': answer '" + std::string(cell) + "' is " +
                        (r.item && !r.item->values.empty() ? "neither a code nor a label in the codebook"
                                                           : "not a number"),
                    Location{file, rec->line, 0});
      }
      if (r.zero_one && value != 0 && value != 1 && !v.missing.is_missing(value))
        throw Error(ErrorCode::Input,
                    "variable '" + names[c] + "' (an option of '" + r.item->id + "'): answer '" +
                        std::string(cell) + "' is not 0 or 1",
                    Location{file, rec->line, 0});
      if (r.check_codes && !r.item->value(value) && !v.missing.is_missing(value)) {
        Unknown& u = unknown[c];
        u.codes.insert(value);
        if (u.lines.size() < 5) u.lines.push_back(rec->line);
        ++u.count;
      }
      v.num.push_back(value);
    }
    d.lines.push_back(rec->line);
    ++d.rows;
  }
  for (const auto& [c, u] : unknown) {
    std::string codes, lines;
    for (double x : u.codes) {
      if (!codes.empty()) codes += ", ";
      char buf[32];
      std::snprintf(buf, sizeof buf, "%g", x);
      codes += buf;
    }
    for (int l : u.lines) lines += (lines.empty() ? "" : ", ") + std::to_string(l);
    notes.push_back({Code::SurveyUnknownCode,
                     "variable '" + names[c] + "': code " + codes + " is not in the codebook (" +
                         std::to_string(u.count) + " rows, lines " + lines + (u.count > u.lines.size() ? " …" : "") +
                         "); kept as answers of their own, labelled with the code",
                     file + ":" + std::to_string(u.lines.front())});
  }
  return d;
}

}  // namespace sdg::survey
