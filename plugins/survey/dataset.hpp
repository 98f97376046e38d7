// sdgreport survey plugin — respondent-level data as read from an export: one
// column per variable, with what the file says about it (label, value labels,
// user-missing values), kept apart from what the codebook adds.
//
// Numbers are stored as doubles, one vector per variable; system-missing is
// NaN. A user-missing value (SPSS "missing values", a codebook's `missing:`)
// keeps its code, so it can be counted apart from system-missing.
//
//   sdg::survey::Dataset d = sdg::survey::read_sav("kartlegging-2026.sav");
//   const sdg::survey::Variable* q = d.find("q1");
//   for (std::size_t r = 0; r < d.rows; ++r)
//     if (q->is_valid(r)) count[q->num[r]]++;
#pragma once

#include <cmath>
#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace sdg::survey {

/// User-defined missing values of one variable: discrete codes and ranges
/// (numbers), or discrete strings (string variables).
struct MissingSpec {
  std::vector<double> values;
  std::vector<std::pair<double, double>> ranges;
  std::vector<std::string> strings;

  bool empty() const noexcept { return values.empty() && ranges.empty() && strings.empty(); }
  bool is_missing(double v) const noexcept {
    for (double m : values)
      if (v == m) return true;
    for (const auto& [lo, hi] : ranges)
      if (v >= lo && v <= hi) return true;
    return false;
  }
  bool is_missing(const std::string& s) const noexcept {
    for (const std::string& m : strings)
      if (s == m) return true;
    return false;
  }
};

/// The state of one answer.
enum class Answer { Valid, UserMissing, SystemMissing };

struct Variable {
  std::string name;
  std::string label;                          ///< the file's variable label (UTF-8), may be empty
  bool numeric = true;
  std::map<double, std::string> value_labels;  ///< numeric value labels from the file
  std::map<std::string, std::string> string_labels;  ///< string value labels from the file
  MissingSpec missing;
  std::string format;                         ///< SPSS print format ("F8.0", "A40"), if any
  std::vector<double> num;                    ///< numeric values; NaN = system-missing
  std::vector<std::string> str;               ///< string values ("" = empty)

  Answer answer(std::size_t row) const noexcept {
    if (numeric) {
      const double v = num[row];
      if (std::isnan(v)) return Answer::SystemMissing;
      return missing.is_missing(v) ? Answer::UserMissing : Answer::Valid;
    }
    const std::string& s = str[row];
    if (s.empty()) return Answer::SystemMissing;
    return missing.is_missing(s) ? Answer::UserMissing : Answer::Valid;
  }
  bool is_valid(std::size_t row) const noexcept { return answer(row) == Answer::Valid; }
};

/// An SPSS multiple-response set: a dichotomy set counts `counted` in each of
/// its variables; a category set's variables hold the codes chosen.
struct MrSet {
  std::string name;   ///< without the '$'
  std::string label;
  bool dichotomy = false;
  std::string counted;  ///< the counted value, as written in the file
  std::vector<std::string> variables;
};

struct Dataset {
  std::string file;      ///< path as given, for messages
  std::string encoding;  ///< the file's character encoding as declared or detected ("UTF-8", "WINDOWS-1252")
  std::string label;     ///< the file label, if any
  std::size_t rows = 0;
  std::vector<Variable> vars;
  std::vector<int> lines;  ///< CSV: the line of each row (for messages); empty for .sav
  std::vector<MrSet> mr_sets;  ///< .sav: its multiple-response sets

  const Variable* find(const std::string& name) const noexcept {
    auto it = index_.find(name);
    return it == index_.end() ? nullptr : &vars[it->second];
  }
  Variable* find(const std::string& name) noexcept {
    auto it = index_.find(name);
    return it == index_.end() ? nullptr : &vars[it->second];
  }
  /// Adds a variable (name must be new) and returns it.
  Variable& add(Variable v) {
    index_.emplace(v.name, vars.size());
    vars.push_back(std::move(v));
    return vars.back();
  }
  /// "file:line" of a row (CSV), or "file, case N" (.sav).
  std::string where(std::size_t row) const {
    if (row < lines.size()) return file + ":" + std::to_string(lines[row]);
    return file + ", case " + std::to_string(row + 1);
  }

 private:
  std::map<std::string, std::size_t> index_;
};

}  // namespace sdg::survey

namespace sdg::survey {

/// A survivable problem found while reading or tabulating, for ctx.warn().
struct Note {
  std::string code;     ///< warning code, e.g. "survey-unknown-code"
  std::string message;
  std::string where;    ///< file:line, or file
};

}  // namespace sdg::survey
