// sdgreport survey plugin — counting: frequencies and cross-tabulations by a
// background variable (from the export or the register), with optional
// weights, and the disclosure control of the result.
//
//   Wave w = …;                                  // one export, its codebook, its register join
//   Breakdown by = make_breakdown(w, cb, &reg, {"size_class"}, "en", notes);
//   Tab t = tabulate(w, *cb.find("q_plan"), &by, "en", notes);
//   protect_tab(t, 3);                           // groups and cells below min_n hidden
//   double share = t.wcount[0][t.total()] / t.wbase[t.total()];
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "codebook.hpp"
#include "dataset.hpp"
#include "disclosure.hpp"
#include "register.hpp"

namespace sdg::survey {

/// One export as tabulated: its data, weights and the register unit of each respondent.
struct Wave {
  std::string label;            ///< "2026"; "" for a single export
  Dataset data;
  std::vector<double> weight;   ///< per respondent; empty = unweighted
  std::vector<long> unit_of;    ///< register unit per respondent, -1 = none (or no register)
};

/// Groups of respondents by one or two background variables.
struct Breakdown {
  std::string title;
  std::vector<std::string> labels;   ///< group labels, in order
  std::vector<int> of_respondent;    ///< group of each respondent, -1 = none
  std::vector<double> units;         ///< register units per group (empty: no register)
  std::vector<double> invited;       ///< invited register units per group (empty: no register)
  std::size_t without_group = 0;     ///< respondents in no group
};

Breakdown make_breakdown(const Wave& w, const Codebook& cb, const Register* reg, const std::vector<std::string>& by,
                         const std::string& lang, const std::string& invited_column, std::vector<Note>& notes);

struct Tab {
  QType type = QType::Single;
  bool additive = true;                       ///< the lines of a group add up to its base
  std::vector<std::string> lines;             ///< answer labels (rows)
  std::vector<double> codes;                  ///< the code of each line (NaN for options)
  std::vector<std::string> groups;            ///< group labels; then "" (no group), then Total
  std::vector<std::vector<double>> count;     ///< [line][group]: respondents
  std::vector<std::vector<double>> wcount;    ///< [line][group]: weighted
  std::vector<double> base, wbase, wsq;       ///< per group: respondents who answered, Σw, Σw²
  std::vector<double> units;                  ///< per group: register units (0 = unknown)
  std::vector<double> item_missing;           ///< per group: respondents who did not answer
  std::vector<double> mean, median;           ///< numeric questions, per group
  // disclosure control (protect_tab)
  std::vector<bool> shown;                    ///< per group
  std::vector<std::vector<bool>> hidden;      ///< [line][group]
  bool all_hidden = false;                    ///< the whole table is below min_n
  ProtectStats stats;

  std::size_t total() const noexcept { return groups.size() - 1; }
  std::size_t none() const noexcept { return groups.size() - 2; }
};

/// Counts the answers to `item` in `w`, by `by` (nullptr: total only).
Tab tabulate(const Wave& w, const Item& item, const Breakdown* by, const std::string& lang, std::vector<Note>& notes);

/// Hides groups with fewer than min_n respondents (pooling more until what the
/// total gives away is at least min_n), then cells (protect()).
void protect_tab(Tab& t, double min_n);

/// The Wilson score interval of a share p from n answers, at 95 %; with N > 0
/// units in the population, the finite-population correction multiplies z by
/// √((N − n)/(N − 1)) (0 when n ≥ N: a census has no sampling error).
std::pair<double, double> wilson(double p, double n, double N);

/// Kish's effective sample size (Σw)²/Σw² (n when unweighted).
inline double effective_n(double wbase, double wsq) { return wsq > 0 ? wbase * wbase / wsq : 0; }

}  // namespace sdg::survey
