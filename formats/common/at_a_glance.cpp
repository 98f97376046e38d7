#include "at_a_glance.hpp"

#include <algorithm>

#include "sdgreport/catalogue.hpp"
#include "sdgreport/walk.hpp"

namespace sdg::glance {

namespace {

struct Collector : Visitor {
  Facts facts;
  bool begin_section(const Section& s, const Where&) override {
    if (s.goal()) {
      GoalFacts& g = facts.goals[static_cast<std::size_t>(*s.goal())];
      g.covered = true;
      for (const std::string& t : s.targets())
        if (std::find(g.targets.begin(), g.targets.end(), t) == g.targets.end()) g.targets.push_back(t);
    }
    return true;
  }
  void indicator_summary(const IndicatorSummary& s, const Where& w) override {
    int goal = w.goal();
    if (!s.national)
      if (const Indicator* ind = Catalogue::get().find_indicator(s.indicator)) goal = ind->goal;
    if (goal < 1 || goal > 17) return;
    const ProgressStatus st = s.progress == ProgressStatus::NotAvailable ? ProgressStatus::NotAssessed : s.progress;
    for (std::size_t i = 0; i < kShown.size(); ++i)
      if (kShown[i] == st) ++facts.goals[static_cast<std::size_t>(goal)].counts[i];
  }
};

bool has_goals(const Section& ch) {
  if (ch.goal()) return true;
  return std::any_of(ch.sections().begin(), ch.sections().end(), [](const Section& s) { return s.goal().has_value(); });
}

}  // namespace

std::vector<int> Facts::covered_goals() const {
  std::vector<int> v;
  for (int g = 1; g <= 17; ++g)
    if (goals[static_cast<std::size_t>(g)].covered) v.push_back(g);
  return v;
}

std::vector<int> Facts::uncovered_goals() const {
  std::vector<int> v;
  for (int g = 1; g <= 17; ++g)
    if (!goals[static_cast<std::size_t>(g)].covered) v.push_back(g);
  return v;
}

Facts collect(const Document& doc) {
  Collector c;
  walk(doc, c);
  return c.facts;
}

bool wanted(const Document& doc) {
  if (!doc.meta.at_a_glance) return false;
  return std::any_of(doc.chapters().begin(), doc.chapters().end(), has_goals);
}

const Section* before(const Document& doc) {
  if (!wanted(doc)) return nullptr;
  const std::string& after = doc.meta.at_a_glance_after;
  bool after_named = false;
  for (const Section& ch : doc.chapters()) {
    if (after_named || has_goals(ch)) return &ch;
    if (!after.empty() && ch.id() == after) after_named = true;
  }
  return nullptr;
}

std::string uncovered_note(const std::vector<int>& goals, std::string_view lang) {
  if (goals.empty()) return {};
  const bool en = lang != "nb" && lang != "nn";
  std::string o = en ? "Not covered in this report: " : lang == "nb" ? "Ikke omtalt i denne rapporten: "
                                                                     : "Ikkje omtalt i denne rapporten: ";
  o += en ? (goals.size() == 1 ? "goal " : "goals ") : "mål ";
  for (std::size_t i = 0; i < goals.size(); ++i) {
    if (i > 0) o += i + 1 == goals.size() ? (en ? " and " : " og ") : ", ";
    o += std::to_string(goals[i]);
  }
  return o + ".";
}

}  // namespace sdg::glance
