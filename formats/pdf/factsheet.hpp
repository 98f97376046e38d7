// PDF writer (private): indicator factsheets, one page per indicator (the
// `factsheets` format, a mode of this writer: pdf_writer.cpp).
//
// Each page: the goal tile, the indicator id and title, the headline box
// (value, year, unit, series, progress; Renderer::indicator), the trend chart,
// the indicator's table (compact: at most `max_rows` rows, with a note saying
// which rows are shown), and the metadata — definition, unit, source, update
// date, progress assessment, and whether the indicator is global or national.
//
//   for (const Factsheet& f : collect_factsheets(doc)) renderer.factsheet(f, 6, head);
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "sdgreport/model.hpp"
#include "sdgreport/walk.hpp"

namespace sdg::pdf {

/// The blocks one factsheet shows, all pointing into the document.
struct Factsheet {
  const IndicatorSummary* summary = nullptr;
  Where where;  ///< where the summary is (its goal section)
  int goal = 0;  ///< the goal section's goal, else the catalogue's goal of the indicator
  const Table* table = nullptr;  ///< the first table of the indicator (its headline series)
  Where table_where;
  const Chart* chart = nullptr;  ///< the first chart of the indicator
  Where chart_where;
};

/// One factsheet per indicator summary, in reading order; an indicator
/// summarised twice gets one factsheet (the first summary).
std::vector<Factsheet> collect_factsheets(const Document& doc);

/// `t` with at most `max_rows` rows: the last ones when its first column holds
/// periods (years: the latest; `latest` is then set), else the first ones. The
/// caller says under the table which rows are shown when some were left out.
Table compact_table(const Table& t, std::size_t max_rows, bool& latest);

/// Words of the factsheets in `lang` (en, nb, nn).
enum class FactsheetWord { Title, GlobalIndicator, ProgressAssessment, LatestRows, FirstRows };
std::string factsheet_word(FactsheetWord w, const std::string& lang);

}  // namespace sdg::pdf
