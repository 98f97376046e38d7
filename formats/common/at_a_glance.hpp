// Shared by the format plugins: what the at-a-glance page (PDF) and section (HTML)
// show, and where it goes. Per goal: whether the report covers it (has a goal
// section for it), its indicators counted by progress status (from the indicator
// summaries) and the targets its sections address.
//
//   const glance::Facts f = glance::collect(doc);
//   for (int g : f.covered_goals()) …            // the rows: covered goals only
//   f.uncovered_goals()                          // named in a note under the table
//
// A report that covers every goal lists all 17; one that covers some lists those
// and names the others in one sentence ("Not covered in this report: goals 1, 2
// and 5."), so nobody reads a dash as "no progress".
#pragma once

#include <array>
#include <string>
#include <vector>

#include "sdgreport/model.hpp"

namespace sdg::glance {

/// The progress statuses counted, in the order shown (Not available counts as Not assessed).
constexpr std::array<ProgressStatus, 6> kShown = {
    ProgressStatus::TargetAchieved, ProgressStatus::Substantial, ProgressStatus::Moderate,
    ProgressStatus::Limited,        ProgressStatus::Deterioration, ProgressStatus::NotAssessed};

struct GoalFacts {
  bool covered = false;
  std::array<int, kShown.size()> counts{};
  std::vector<std::string> targets;  ///< target ids in first-seen order
};

struct Facts {
  std::array<GoalFacts, 18> goals;  ///< index 1–17
  std::vector<int> covered_goals() const;
  std::vector<int> uncovered_goals() const;
};

Facts collect(const Document& doc);

/// True when the document gets an at-a-glance part: it has goal sections and
/// meta.at_a_glance is on.
bool wanted(const Document& doc);
/// The chapter the at-a-glance part comes before: the one after the chapter
/// meta.at_a_glance_after names, else the first with goal sections; nullptr when
/// there is none.
const Section* before(const Document& doc);

/// The note on goals not covered, in `lang`: "Not covered in this report: goals
/// 1, 2 and 5." / "Ikke omtalt i denne rapporten: mål 1, 2 og 5."; "" when every
/// goal is covered.
std::string uncovered_note(const std::vector<int>& goals, std::string_view lang);

}  // namespace sdg::glance
