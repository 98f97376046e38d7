// sdgreport csv plugin — the data source: reads the options of a report
// definition entry into a ReadSpec, streams the file through read_csv() and
// shape(), and adds the table and chart. Exported by plugin.cpp; see
// docs/plugins/csv.md.
//
//   # report.yaml, in a chapter's goals list
//   - goal: 4
//     sources:
//       - plugin: csv
//         file: data/stavanger/nasjonale-prover.csv
//         filter: { Kjønn: Begge kjønn, Indikator/delskår: Regning }
//         pivot: { rows: Enhetsnavn, columns: Periode, values: Verdi }
//         source: Stavanger kommune, via jornix/stavangerskolen
#pragma once

#include "csv_table.hpp"
#include "sdgreport/plugin.hpp"

namespace sdg::csvtable {

class CsvSource final : public DataSource {
 public:
  void fill(const SourceRequest& req, Section& target, Context& ctx) override;
};

/// The ReadSpec asked for by the options of one source entry (checked; no file access).
ReadSpec read_spec(const Options& opts, Language language);

}  // namespace sdg::csvtable
