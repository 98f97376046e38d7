#include <gtest/gtest.h>

#include <set>

#include "sdgreport/catalogue.hpp"
#include "sdgreport/error.hpp"

using sdg::Catalogue;

TEST(Catalogue, HasSeventeenGoalsWithColoursAndTitles) {
  const auto& cat = Catalogue::get();
  ASSERT_EQ(cat.goals().size(), 17u);
  std::set<std::string> colours;
  for (int n = 1; n <= 17; ++n) {
    const sdg::Goal& g = cat.goal(n);
    EXPECT_EQ(g.number, n);
    EXPECT_FALSE(g.title_en.empty()) << n;
    EXPECT_FALSE(g.short_title_en.empty()) << n;
    EXPECT_FALSE(g.title_nb.empty()) << n;
    EXPECT_FALSE(g.short_title_nb.empty()) << n;
    colours.insert(g.color.hex());
  }
  EXPECT_EQ(colours.size(), 17u) << "each goal has its own colour";
  EXPECT_EQ(cat.goal(1).color.hex(), "#E5243B");
  EXPECT_EQ(cat.goal(7).short_title(sdg::Language::En), "Affordable and clean energy");
  EXPECT_EQ(cat.goal(7).short_title(sdg::Language::Nb), "Ren energi til alle");
}

TEST(Catalogue, Has169TargetsAndEveryIndicatorsTargetExists) {
  const auto& cat = Catalogue::get();
  EXPECT_EQ(cat.targets().size(), 169u);
  EXPECT_EQ(cat.indicators().size(), 251u);
  for (const auto& i : cat.indicators()) {
    const sdg::Target* t = cat.find_target(i.target);
    ASSERT_NE(t, nullptr) << i.id;
    EXPECT_EQ(t->goal, i.goal) << i.id;
    EXPECT_EQ(i.id.rfind(i.target + ".", 0), 0u) << i.id << " is numbered under " << i.target;
  }
  for (const auto& t : cat.targets()) EXPECT_NE(cat.find_goal(t.goal), nullptr) << t.id;
}

TEST(Catalogue, LooksUpAndValidatesIds) {
  const auto& cat = Catalogue::get();
  EXPECT_EQ(cat.goal_of("7.2.1"), 7);
  EXPECT_EQ(cat.goal_of("17.19"), 17);
  EXPECT_EQ(cat.goal_of("1.a"), 1);
  EXPECT_EQ(cat.targets_of(7).size(), 5u);
  EXPECT_EQ(cat.indicators_of("7.1").size(), 2u);
  try {
    cat.target("18.1");
    FAIL() << "18.1 accepted";
  } catch (const sdg::Error& e) {
    EXPECT_STREQ(e.what(), "18.1 is not an SDG target");
    EXPECT_EQ(e.code(), sdg::ErrorCode::Model);
  }
  EXPECT_THROW(cat.goal(0), sdg::Error);
  EXPECT_THROW(cat.goal(18), sdg::Error);
  EXPECT_THROW(cat.indicator("7.2.9"), sdg::Error);
  EXPECT_EQ(cat.find_indicator("7.2.9"), nullptr);
}

TEST(Catalogue, NorwegianFallsBackToEnglishWhereNoCheckedTranslation) {
  const auto& cat = Catalogue::get();
  const sdg::Target& t = cat.target("1.a");  // no checked nb translation (see shared/sdg README)
  EXPECT_TRUE(t.title_nb.empty());
  EXPECT_EQ(t.title(sdg::Language::Nb), t.title_en);
  const sdg::Indicator& i = cat.indicator("1.2.1");
  EXPECT_NE(i.title(sdg::Language::Nb), i.title_en);
  EXPECT_NE(i.title(sdg::Language::Nb).find("fattigdomsgrensen"), std::string::npos);
}
