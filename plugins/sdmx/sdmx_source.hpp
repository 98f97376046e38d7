// sdgreport sdmx plugin — the DataSource: options of a report definition entry
// into a Spec, the files read, the blocks added (docs/plugins/sdmx.md).
#pragma once

#include "sdgreport/plugin.hpp"
#include "sdmx_table.hpp"

namespace sdg::sdmx {

/// The Spec an entry's options describe (structure and series table not read yet).
Spec read_spec(const Options& opts, const std::string& language);

/// A series-to-indicator table: a CSV file whose first two columns are the
/// SERIES code and the SDG indicator id (a header line is skipped when its
/// second field is not an indicator id).
std::map<std::string, std::string> read_series_table(const std::string& path);

class SdmxSource final : public DataSource {
 public:
  void fill(const SourceRequest& req, Section& target, Context& ctx) override;
};

}  // namespace sdg::sdmx
