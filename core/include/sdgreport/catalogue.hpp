// sdgreport — the SDG framework compiled into the core: 17 goals with official
// colours, 169 targets and the global indicator list (2025 comprehensive review),
// with English and Norwegian Bokmål titles where a checked translation exists.
//
//   const auto& cat = sdg::Catalogue::get();
//   const sdg::Goal& g = cat.goal(7);           // colour g.color, g.short_title("nb")
//   cat.target("18.1");                         // throws: "18.1 is not an SDG target"
//   int goal = cat.goal_of("7.2.1");            // 7
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace sdg {

struct Rgb {
  std::uint8_t r = 0, g = 0, b = 0;
  std::string hex() const;  ///< "#RRGGBB"
  bool operator==(const Rgb&) const = default;
};

struct Goal {
  int number = 0;
  Rgb color;
  std::string title_en, short_title_en;
  std::string title_nb, short_title_nb;  ///< empty where no checked translation exists
  /// Title in a report language ("en", "nb", "nn"); falls back to English.
  const std::string& title(std::string_view lang) const;
  const std::string& short_title(std::string_view lang) const;
};

struct Target {
  std::string id;  ///< "7.2", "7.a"
  int goal = 0;
  std::string title_en, title_nb;
  const std::string& title(std::string_view lang) const;
  /// False when title(lang) falls back to English (no checked translation).
  bool has_title(std::string_view lang) const;
};

struct Indicator {
  std::string id;  ///< "7.2.1"
  std::string target;
  int goal = 0;
  std::string title_en, title_nb;
  const std::string& title(std::string_view lang) const;
  /// False when title(lang) falls back to English (no checked translation).
  bool has_title(std::string_view lang) const;
};

/// The language a catalogue title shown in a report in `report_lang` is written
/// in: "en" where it falls back to English (`translated` false, or an English
/// report), "nb" in a Norwegian report (the catalogue's titles are Bokmål, also in
/// a Nynorsk report). Writers mark it where it is not the report's language.
std::string_view catalogue_title_lang(std::string_view report_lang, bool translated = true) noexcept;

class Catalogue {
 public:
  /// The compiled-in catalogue (parsed once, on first use; thread-safe).
  static const Catalogue& get();

  const std::vector<Goal>& goals() const noexcept { return goals_; }
  const std::vector<Target>& targets() const noexcept { return targets_; }
  const std::vector<Indicator>& indicators() const noexcept { return indicators_; }

  /// Look-ups that throw sdg::Error(ErrorCode::Model) with a clear message
  /// ("18.1 is not an SDG target") when the id does not exist.
  const Goal& goal(int number) const;
  const Target& target(std::string_view id) const;
  const Indicator& indicator(std::string_view id) const;

  /// Look-ups that return nullptr instead of throwing.
  const Goal* find_goal(int number) const noexcept;
  const Target* find_target(std::string_view id) const noexcept;
  const Indicator* find_indicator(std::string_view id) const noexcept;

  /// Goal number of a target ("7.2") or indicator ("7.2.1") id; throws if unknown.
  int goal_of(std::string_view id) const;

  /// Targets and indicators of one goal, in catalogue order.
  std::vector<const Target*> targets_of(int goal) const;
  std::vector<const Indicator*> indicators_of(std::string_view target_id) const;

  /// Name of the indicator list the catalogue holds.
  static constexpr const char* kIndicatorListName = "Global indicator framework, 2025 comprehensive review";

 private:
  Catalogue();
  std::vector<Goal> goals_;
  std::vector<Target> targets_;
  std::vector<Indicator> indicators_;
};

}  // namespace sdg
