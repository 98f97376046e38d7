// sdgreport sdmx plugin — reading SDMX data messages as a stream of
// observations: SDMX-ML 2.1 (GenericData and StructureSpecificData, with or
// without series) through libxml2's xmlTextReader, and SDMX-CSV 1.0 / 2.0
// (also with labels=both) through the core CSV tokenizer, a chunk of whole
// records at a time. Nothing of the file is kept: each observation is handed
// to a callback, which keeps what it wants (a filter keeps one series of a
// 100 MB file in a few kilobytes).
//
//   sdg::sdmx::ObsReader r;
//   r.read_file("data.xml", [&](const sdg::sdmx::RawObs& o) {
//     for (std::size_t i = 0; i < o.values.size(); ++i)
//       if (!o.values[i].empty()) use(r.components()[i].id, o.values[i]);
//   });
//
// Errors are sdg::Error(ErrorCode::Input) with file and line: bytes that are not
// XML or CSV, a CSV header that is not SDMX-CSV, a ragged record, an XML error
// (libxml2's message), an element nested deeper than limits, invalid UTF-8.
#pragma once

#include <cstddef>
#include <functional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace sdg::sdmx {

enum class Format { Unknown, GenericXml, StructureSpecificXml, Csv1, Csv2 };
const char* format_name(Format f) noexcept;  ///< "SDMX-ML 2.1 generic", …

/// A component (dimension, attribute or measure) as the message names it.
struct Component {
  std::string id;     ///< as written ("SEX", "geo")
  std::string label;  ///< SDMX-CSV labels=both: the name after "ID: " in the header; else empty
};

/// One observation: a value per component (by index into ObsReader::components();
/// empty = absent), with the names labels=both gives (empty otherwise).
struct RawObs {
  const std::vector<std::string_view>& values;
  const std::vector<std::string_view>& labels;
  int line = 0;  ///< where the observation is in the file (XML: the Obs element's line)
};

class ObsReader {
 public:
  using Callback = std::function<void(const RawObs&)>;

  /// Reads the whole file, calling `on_obs` for every observation in file order.
  void read_file(const std::string& path, const Callback& on_obs);
  /// The same for bytes in memory (tests, fuzzing); `name` is used in messages.
  void read_bytes(std::string_view bytes, const std::string& name, const Callback& on_obs);

  Format format() const noexcept { return format_; }
  /// Components seen so far (they are added as they appear; indexes stay).
  const std::vector<Component>& components() const noexcept { return components_; }
  /// The index of component `id`, or -1 when it has not appeared.
  int index_of(std::string_view id) const;
  /// The dataflow or structure the message names (SDMX-CSV's DATAFLOW /
  /// STRUCTURE_ID; SDMX-ML's structure reference), or "".
  const std::string& structure() const noexcept { return structure_; }
  /// The id of the dimension at the observation level (TIME_PERIOD unless the header says otherwise).
  const std::string& time_dimension() const noexcept { return time_id_; }
  /// Observations read.
  std::size_t observations() const noexcept { return observations_; }

 private:
  friend class CsvObsReader;
  friend class XmlObsReader;
  std::size_t component(std::string_view id, std::string_view label = {});

  Format format_ = Format::Unknown;
  std::vector<Component> components_;
  std::unordered_map<std::string, std::size_t> index_;
  std::string structure_;
  std::string time_id_ = "TIME_PERIOD";
  std::size_t observations_ = 0;
};

/// "ID: Name" → {"ID", "Name"} (SDMX-CSV labels=both); {text, ""} without ": ".
std::pair<std::string_view, std::string_view> split_label(std::string_view text);

}  // namespace sdg::sdmx
