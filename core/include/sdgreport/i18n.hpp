// sdgreport — labels sdgreport writes itself, and numbers and dates formatted for
// the report's language ("en", "nb", "nn").
//
//   sdg::label(sdg::Label::Contents, "nb")      // "Innhold"
//   sdg::format_number(1234.5, 1, "nb")          // "1 234,5" (no-break space)
//   sdg::format_number(1234.5, 1, "en")          // "1,234.5"
//   sdg::format_date("2026-06-15", "nb")         // "15. juni 2026"
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "sdgreport/model.hpp"

namespace sdg {

enum class Label {
  Contents,
  Goal,
  Target,
  Targets,
  Indicator,
  Table,
  Figure,
  Chart,
  Source,
  Page,
  Unit,
  Year,
  Value,
  Status,
  Progress,
  Sheet,
  Description,
  Title,
  Organisation,
  Date,
  Language,
  Edition,
  Data,
  Category,
  Variable,
  DataSheetDescription,
  Series,
  Period,
  Column,
  NotOnDataSheet,  ///< blocks too large to repeat on the Data sheet
  Observations,
  SymbolKey,          ///< heading of a table's symbol key: "Symbols" / "Symboler"
  NationalIndicator,  ///< "National indicator" / "Nasjonal indikator"
  Continued,          ///< "(continued)" / "(forts.)"
  Metadata,           ///< sheet of indicator metadata
  Definition,
  Updated,
  Breakdown,
  Section,  ///< "Section" / "Avsnitt" (generated cross-reference text)
  Notes,    ///< "Notes" / "Noter" (footnotes where a format has no page foot)
  TargetsAddressed,      ///< "Targets addressed" / "Delmål som omtales" (goal sections)
  AtAGlance,             ///< the at-a-glance page: "At a glance" / "Kort oppsummert"
  IndicatorsByProgress,  ///< its column of progress counts
  Colophon,              ///< the back page
  Licence,
  Contact,
  DataSources,
  Isbn,
  Issn,
};

/// The label in `lang`; English for an unknown language.
const std::string& label(Label l, std::string_view lang);
/// Localised name of a progress or value status ("Substantial progress", "Betydelig framgang").
const std::string& progress_label(ProgressStatus s, std::string_view lang);
const std::string& status_label(ValueStatus s, std::string_view lang);
/// The symbol a table shows for a status in `lang` (docs/status-symbols.md). For a
/// missing value it replaces the number; for a flag on a present value (provisional,
/// estimated, break in series) it is printed beside the number. "" for None.
///   en (UN/Eurostat):      ".." not available, "-" not applicable, ":" confidential,
///                          "p" provisional, "e" estimated, "b" break in series
///   nb/nn (Statistics Norway's standard symbols): ".." not available, "." not applicable
///                          (cannot occur), ":" confidential, "*" provisional,
///                          "e" estimated (no SSB symbol), "|" break in series
/// ("-" means nil in Norwegian statistics, so it is never used for a missing value there.)
const std::string& status_symbol(ValueStatus s, std::string_view lang);
/// True for statuses that flag a present value rather than explain a missing one.
bool status_is_flag(ValueStatus s) noexcept;
/// One line of a table's symbol key: "e = Estimated" / ".. = Ikke tilgjengelig".
std::string status_key_entry(ValueStatus s, std::string_view lang);
/// Every status except None, in key order (missing markers first, then flags).
const std::vector<ValueStatus>& all_value_statuses();

/// Number with `decimals` decimals and the language's separators.
std::string format_number(double v, int decimals, std::string_view lang);
/// An ISO date ("2026-06-15", or "2026-06", "2026") written out; other text is returned as is.
std::string format_date(const std::string& iso, std::string_view lang);
/// BCP 47 tag for PDF /Lang and XLSX properties: "en-GB", "nb-NO", "nn-NO".
const char* language_tag(std::string_view lang) noexcept;
/// True when `tag` (a block's language) names the same language as the report
/// language `report` ("nb" and "nb-NO" in a report in "nb"): no mark needed.
bool same_language(std::string_view tag, std::string_view report) noexcept;

/// "Goal 7" / "Mål 7".
std::string goal_label(int goal, std::string_view lang);
/// How a goal section is named in headings, contents, bookmarks and running heads:
/// "Goal 7: Affordable and clean energy" / "Mål 7: Ren energi" (`title` is the goal
/// section's title: the catalogue's short title unless the definition overrides it).
std::string goal_heading(int goal, const std::string& title, std::string_view lang);

/// "Line chart" / "Linjediagram", "Column chart" / "Stolpediagram", "Bar chart" / "Liggende stolpediagram".
const std::string& chart_kind_label(Chart::Kind k, std::string_view lang);

/// A chart described in words from its data, in `lang`: per series (named when
/// there are several) the first and last value with their periods and the change,
/// and the highest and lowest where they are other values; the unit once.
///   "Unit: %. Rose from 48.2 in 2015 to 51.0 in 2023 (up 2.8); highest 52.1 in
///    2021, lowest 47.9 in 2016."
/// Categories that are not periods ("Oslo", "Viken") are named in parentheses.
/// At most eight series are described; the rest are counted.
std::string describe_chart(const Chart& c, std::string_view lang);

/// The default text alternative for a chart: its kind and title, then
/// describe_chart(): "Line chart: Emissions. Unit: kt. 2 series, 2015–2023.
/// Oslo: fell from … ". Plugins that make charts use it unless the author wrote one.
std::string chart_alt_text(const Chart& c, std::string_view lang);

}  // namespace sdg
