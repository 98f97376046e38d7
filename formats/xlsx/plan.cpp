#include "plan.hpp"

#include <map>

#include "sdgreport/catalogue.hpp"
#include "sdgreport/i18n.hpp"
#include "sdgreport/walk.hpp"

namespace sdg::xlsx {

namespace {

class Planner : public Visitor {
 public:
  Planner(Plan& plan, std::string_view lang) : plan_(plan), lang_(lang) {}

  void table(const Table& t, const Where& where) override {
    std::size_t numbers = 0;
    for (std::size_t c = 0; c < t.columns.size(); ++c) numbers += is_measure(t, c);
    plan_.observations += numbers * t.rows.size();
    plan_.cells += (t.columns.size() + 1) * (t.rows.size() + 4);
    sheet_for(where).items.push_back(Item{&t, nullptr, where.goal()});
  }

  void chart(const Chart& c, const Where& where) override {
    plan_.observations += c.series.size() * c.categories.size();
    plan_.cells += (c.series.size() + 1) * (c.categories.size() + 4);
    sheet_for(where).items.push_back(Item{nullptr, &c, where.goal()});
  }

 private:
  SheetPlan& sheet_for(const Where& where) {
    const Section* owner = where.chapter();
    for (auto it = where.sections.rbegin(); it != where.sections.rend(); ++it) {
      if ((*it)->goal()) {
        owner = *it;
        break;
      }
    }
    auto [pos, fresh] = index_.try_emplace(owner, plan_.sheets.size());
    if (fresh) {
      SheetPlan s;
      s.owner = owner;
      s.title = owner ? owner->title() : std::string{};
      if (owner && owner->goal()) {
        s.goal = *owner->goal();
        s.wanted_name = goal_label(s.goal, lang_);
        if (const Goal* g = Catalogue::get().find_goal(s.goal)) {
          s.wanted_name += " " + g->short_title(lang_);
        }
      } else {
        s.wanted_name = s.title;
      }
      plan_.sheets.push_back(std::move(s));
    }
    return plan_.sheets[pos->second];
  }

  Plan& plan_;
  std::string lang_;
  std::map<const Section*, std::size_t> index_;  // lookup only; order is in plan_.sheets
};

}  // namespace

bool is_measure(const Table& t, std::size_t col) {
  return col < t.columns.size() && t.columns[col].type == Column::Type::Number &&
         !(col == 0 && t.columns.size() > 1);
}

Plan make_plan(const Document& doc, std::string_view lang) {
  Plan plan;
  Planner p(plan, lang);
  walk(doc, p);
  return plan;
}

}  // namespace sdg::xlsx
