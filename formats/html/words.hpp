// HTML writer (private): the few words only a web page needs (skip link, page
// navigation, chart data), in en / nb / nn. Everything a report shows in every
// format comes from the core's labels (sdgreport/i18n.hpp).
#pragma once

#include <string>
#include <string_view>

namespace sdg::html {

enum class Word {
  SkipToContent,   ///< "Skip to main content"
  Previous,        ///< "Previous"
  Next,            ///< "Next"
  FrontPage,       ///< "Front page" (the index of a split edition)
  ChartData,       ///< "Data shown in the chart"
  DataInTable,     ///< "The data are in"
  Legend,          ///< "Legend"
  PageNavigation,  ///< "Pages"
  BackToNote,      ///< "Back to reference" (a footnote's back link, followed by its number)
  GlanceCaption,   ///< caption of the at-a-glance table
  NoIndicators,    ///< an at-a-glance cell without indicators
  NoTargets,       ///< an at-a-glance cell without targets
};

const std::string& word(Word w, std::string_view lang);

}  // namespace sdg::html
