// sdgreport sdmx plugin — SDMX-ML and SDMX-CSV data messages as a stream of
// observations (see sdmx_read.hpp).
#include "sdmx_read.hpp"

#include <libxml/xmlreader.h>

#include <algorithm>
#include <cstring>
#include <fstream>
#include <memory>

#include "sdgreport/csv.hpp"
#include "sdgreport/error.hpp"
#include "sdgreport/model.hpp"
#include "sdgreport/text.hpp"

namespace sdg::sdmx {
namespace {

constexpr std::size_t kChunk = 1 << 20;      // bytes read at a time
constexpr std::size_t kMaxRecord = 64 << 20;  // one CSV record (a stray quote runs to the end)
constexpr int kMaxXmlDepth = 64;              // SDMX data messages are about 6 deep



/// Where the bytes come from: a file read in chunks, or memory.
class Bytes {
 public:
  Bytes(const std::string& path, std::string_view memory, bool from_file) : memory_(memory), from_file_(from_file) {
    if (from_file_) {
      in_.open(path, std::ios::binary);
      if (!in_) throw Error(ErrorCode::Input, "cannot open SDMX file '" + path + "'", Location{path, 0, 0});
    }
  }
  /// Appends up to kChunk more bytes to `buf`; false at the end.
  bool more(std::string& buf) {
    if (!from_file_) {
      if (done_) return false;
      buf.append(memory_);
      done_ = true;
      return !memory_.empty();
    }
    const std::size_t old = buf.size();
    buf.resize(old + kChunk);
    in_.read(buf.data() + old, static_cast<std::streamsize>(kChunk));
    buf.resize(old + static_cast<std::size_t>(in_.gcount()));
    return buf.size() > old;
  }

 private:
  std::ifstream in_;
  std::string_view memory_;
  bool from_file_;
  bool done_ = false;
};

}  // namespace

const char* format_name(Format f) noexcept {
  switch (f) {
    case Format::GenericXml: return "SDMX-ML 2.1 generic data";
    case Format::StructureSpecificXml: return "SDMX-ML 2.1 structure-specific data";
    case Format::Csv1: return "SDMX-CSV 1.0";
    case Format::Csv2: return "SDMX-CSV 2.0";
    case Format::Unknown: break;
  }
  return "unknown";
}

std::pair<std::string_view, std::string_view> split_label(std::string_view text) {
  const auto at = text.find(": ");
  if (at == std::string_view::npos) return {text, {}};
  return {trim_spaces(text.substr(0, at)), trim_spaces(text.substr(at + 2))};
}

int ObsReader::index_of(std::string_view id) const {
  auto it = index_.find(std::string(id));
  return it == index_.end() ? -1 : static_cast<int>(it->second);
}

std::size_t ObsReader::component(std::string_view id, std::string_view label) {
  auto [it, fresh] = index_.try_emplace(std::string(id), components_.size());
  if (fresh) components_.push_back(Component{std::string(id), std::string(label)});
  return it->second;
}

// ------------------------------------------------------------------ SDMX-CSV

class CsvObsReader {
 public:
  CsvObsReader(ObsReader& r, const std::string& name, const ObsReader::Callback& cb) : r_(r), name_(name), cb_(cb) {}

  /// `buf` holds whole records only; `first_line` is the line of its first byte.
  void records(std::string_view buf, int first_line) {
    CsvReader csv(buf, name_);
    while (auto rec = csv.next()) {
      const int line = first_line + rec->line - 1;
      if (rec->fields.size() == 1 && trim_spaces(rec->fields[0]).empty()) continue;  // an empty line
      for (const std::string& f : rec->fields)
        if (!is_valid_utf8(f)) throw Error(ErrorCode::Input, "invalid UTF-8 in an SDMX-CSV field", Location{name_, line, 0});
      if (!header_done_) {
        header(rec->fields, line);
        continue;
      }
      row(rec->fields, line);
    }
  }

 private:
  void header(const std::vector<std::string>& h, int line) {
    header_done_ = true;
    if (!h.empty() && h[0].starts_with("\xEF\xBB\xBF")) throw Error(ErrorCode::Input, "two byte order marks", Location{name_, line, 0});
    auto id_of = [](const std::string& cell) { return split_label(trim_spaces(cell)).first; };
    if (!h.empty() && equals_ignoring_case(id_of(h[0]), "DATAFLOW")) {
      r_.format_ = Format::Csv1;
      skip_ = 1;
      structure_col_ = 0;
    } else if (h.size() >= 2 && equals_ignoring_case(id_of(h[0]), "STRUCTURE") && equals_ignoring_case(id_of(h[1]), "STRUCTURE_ID")) {
      r_.format_ = Format::Csv2;
      skip_ = 2;
      structure_col_ = 1;
      if (h.size() >= 3 && equals_ignoring_case(id_of(h[2]), "ACTION")) {
        action_col_ = 2;
        skip_ = 3;
      }
    } else {
      throw Error(ErrorCode::Input,
                  "not SDMX-CSV: the header starts with '" + (h.empty() ? std::string() : h[0]) +
                      "' (SDMX-CSV 1.0 starts with DATAFLOW, 2.0 with STRUCTURE,STRUCTURE_ID)",
                  Location{name_, line, 0});
    }
    width_ = h.size();
    for (std::size_t c = skip_; c < h.size(); ++c) {
      auto [id, label] = split_label(trim_spaces(h[c]));
      if (id.empty()) throw Error(ErrorCode::Input, "column " + std::to_string(c + 1) + " has no name", Location{name_, line, 0});
      if (!label.empty()) labelled_ = true;
      const std::size_t before = r_.components_.size();
      col_.push_back(r_.component(id, label));
      if (r_.components_.size() == before)
        throw Error(ErrorCode::Input, "column '" + std::string(id) + "' appears twice in the header", Location{name_, line, 0});
    }
    values_.assign(r_.components_.size(), {});
    labels_.assign(r_.components_.size(), {});
  }

  void row(const std::vector<std::string>& f, int line) {
    if (f.size() != width_)
      throw Error(ErrorCode::Input,
                  "a record of " + std::to_string(f.size()) + " fields; the header has " + std::to_string(width_),
                  Location{name_, line, 0});
    if (action_col_ >= 0) {
      const std::string_view a = split_label(trim_spaces(f[static_cast<std::size_t>(action_col_)])).first;
      // D: delete these observations — not data to report.
      if (equals_ignoring_case(a, "D")) return;
    }
    if (r_.structure_.empty()) r_.structure_ = std::string(split_label(trim_spaces(f[structure_col_])).first);
    for (std::size_t c = skip_; c < f.size(); ++c) {
      const std::size_t i = col_[c - skip_];
      std::string_view v = trim_spaces(f[c]);
      std::string_view label;
      if (labelled_) std::tie(v, label) = split_label(v);
      values_[i] = v;
      labels_[i] = label;
    }
    ++r_.observations_;
    cb_(RawObs{values_, labels_, line});
  }

  ObsReader& r_;
  const std::string& name_;
  const ObsReader::Callback& cb_;
  bool header_done_ = false;
  bool labelled_ = false;
  std::size_t skip_ = 0, width_ = 0, structure_col_ = 0;
  int action_col_ = -1;
  std::vector<std::size_t> col_;
  std::vector<std::string_view> values_, labels_;
};

// ------------------------------------------------------------------ SDMX-ML

class XmlObsReader {
 public:
  XmlObsReader(ObsReader& r, const std::string& name, const ObsReader::Callback& cb) : r_(r), name_(name), cb_(cb) {}

  void read(xmlTextReaderPtr x) {
    int ret;
    while ((ret = xmlTextReaderRead(x)) == 1) {
      const int type = xmlTextReaderNodeType(x);
      if (type == XML_READER_TYPE_ELEMENT) {
        const int depth = xmlTextReaderDepth(x);
        if (depth > kMaxXmlDepth)
          throw Error(ErrorCode::Input, "elements nested more than " + std::to_string(kMaxXmlDepth) + " deep",
                      Location{name_, xmlTextReaderGetParserLineNumber(x), 0});
        const std::string_view local = str(xmlTextReaderConstLocalName(x));
        const bool empty = xmlTextReaderIsEmptyElement(x);
        start(x, local, depth);
        if (empty) end(local);
      } else if (type == XML_READER_TYPE_END_ELEMENT) {
        end(str(xmlTextReaderConstLocalName(x)));
      }
    }
    if (ret < 0) throw Error(ErrorCode::Input, error_.empty() ? "not well-formed XML" : error_, Location{name_, error_line_, 0});
    if (r_.format_ == Format::Unknown)
      throw Error(ErrorCode::Input,
                  "not an SDMX-ML 2.1 data message: the root element is '" + root_ +
                      "' (expected GenericData or StructureSpecificData; a structure message goes under 'structure:')",
                  Location{name_, 1, 0});
  }

  void error(const char* msg, int line) {
    if (!error_.empty()) return;
    error_ = msg ? msg : "XML error";
    while (!error_.empty() && (error_.back() == '\n' || error_.back() == ' ')) error_.pop_back();
    error_line_ = line;
  }

 private:
  static std::string_view str(const xmlChar* s) { return s ? std::string_view(reinterpret_cast<const char*>(s)) : std::string_view(); }

  std::string attr(xmlTextReaderPtr x, const char* name) {
    xmlChar* v = xmlTextReaderGetAttribute(x, reinterpret_cast<const xmlChar*>(name));
    std::string out = v ? reinterpret_cast<const char*>(v) : "";
    xmlFree(v);
    return out;
  }

  void start(xmlTextReaderPtr x, std::string_view local, int depth) {
    const int line = xmlTextReaderGetParserLineNumber(x);
    if (depth == 0) {
      root_ = std::string(local);
      if (local == "GenericData" || local == "GenericTimeSeriesData")
        r_.format_ = Format::GenericXml;
      else if (local == "StructureSpecificData" || local == "StructureSpecificTimeSeriesData")
        r_.format_ = Format::StructureSpecificXml;
      else
        return;  // reported at the end (read() stops at the root's end anyway)
      return;
    }
    if (r_.format_ == Format::Unknown) return;
    if (local == "Structure" && in_header_) {
      const std::string dim = attr(x, "dimensionAtObservation");
      if (!dim.empty() && dim != "AllDimensions") r_.time_id_ = dim;
      return;
    }
    if (local == "Header") {
      in_header_ = true;
      return;
    }
    if (in_header_ && local == "Ref" && r_.structure_.empty()) {
      const std::string agency = attr(x, "agencyID"), id = attr(x, "id"), version = attr(x, "version");
      if (!id.empty()) r_.structure_ = (agency.empty() ? "" : agency + ":") + id + (version.empty() ? "" : "(" + version + ")");
      return;
    }
    if (in_header_) return;
    if (local == "DataSet") {
      in_dataset_ = true;
      return;
    }
    if (!in_dataset_) return;
    if (r_.format_ == Format::StructureSpecificXml) {
      if (local == "Series") {
        series_.clear();
        attributes(x, series_);
      } else if (local == "Obs") {
        obs_.clear();
        attributes(x, obs_);
        obs_line_ = line;
      }
      return;
    }
    // Generic: SeriesKey / ObsKey values, Attributes values, ObsDimension, ObsValue.
    // A Group's key and attributes are not an observation's.
    if (local == "Group") {
      in_group_ = true;
    } else if (in_group_) {
      return;
    } else if (local == "Series") {
      series_.clear();
      in_series_ = true;
    } else if (local == "Obs") {
      obs_.clear();
      in_obs_ = true;
      obs_line_ = line;
    } else if (local == "SeriesKey" || local == "ObsKey" || local == "Attributes") {
      // values follow
    } else if (local == "Value") {
      const std::string id = attr(x, "id"), value = attr(x, "value");
      if (id.empty()) throw Error(ErrorCode::Input, "a generic:Value without 'id'", Location{name_, line, 0});
      (in_obs_ ? obs_ : series_).emplace_back(id, value);
    } else if (local == "ObsDimension") {
      const std::string id = attr(x, "id");
      obs_.emplace_back(id.empty() ? r_.time_id_ : id, attr(x, "value"));
    } else if (local == "ObsValue") {
      obs_.emplace_back("OBS_VALUE", attr(x, "value"));
    }
  }

  void end(std::string_view local) {
    if (local == "Header") in_header_ = false;
    if (!in_dataset_) return;
    if (local == "DataSet") {
      in_dataset_ = false;
      series_.clear();
    } else if (local == "Obs") {
      emit();
      in_obs_ = false;
    } else if (local == "Series") {
      series_.clear();
      in_series_ = false;
    } else if (local == "Group") {
      in_group_ = false;
    }
  }

  /// The XML attributes of the current element, except namespaced ones (xsi:type, …).
  void attributes(xmlTextReaderPtr x, std::vector<std::pair<std::string, std::string>>& out) {
    if (xmlTextReaderMoveToFirstAttribute(x) != 1) return;
    do {
      if (xmlTextReaderIsNamespaceDecl(x) == 1) continue;
      if (xmlTextReaderConstPrefix(x) != nullptr) continue;
      out.emplace_back(std::string(str(xmlTextReaderConstLocalName(x))), std::string(str(xmlTextReaderConstValue(x))));
    } while (xmlTextReaderMoveToNextAttribute(x) == 1);
    xmlTextReaderMoveToElement(x);
  }

  void emit() {
    for (const auto& [id, v] : series_) set(id, v);
    for (const auto& [id, v] : obs_) set(id, v);
    ++r_.observations_;
    cb_(RawObs{values_, labels_, obs_line_});
    std::fill(values_.begin(), values_.end(), std::string_view());
    obs_.clear();
  }

  void set(const std::string& id, const std::string& v) {
    const std::size_t i = r_.component(id);
    if (values_.size() < r_.components_.size()) {
      values_.resize(r_.components_.size());
      labels_.resize(r_.components_.size());
    }
    values_[i] = trim_spaces(v);
  }

  ObsReader& r_;
  const std::string& name_;
  const ObsReader::Callback& cb_;
  std::string root_, error_;
  int error_line_ = 0, obs_line_ = 0;
  bool in_header_ = false, in_dataset_ = false, in_series_ = false, in_obs_ = false, in_group_ = false;
  std::vector<std::pair<std::string, std::string>> series_, obs_;
  std::vector<std::string_view> values_, labels_;
};

namespace {

void xml_error(void* arg, const char* msg, xmlParserSeverities severity, xmlTextReaderLocatorPtr loc) {
  if (severity != XML_PARSER_SEVERITY_ERROR) return;
  static_cast<XmlObsReader*>(arg)->error(msg, loc ? xmlTextReaderLocatorLineNumber(loc) : 0);
}

int read_callback(void* ctx, char* buffer, int len) {
  auto* b = static_cast<std::pair<Bytes*, std::string*>*>(ctx);
  std::string& pending = *b->second;
  if (pending.empty() && !b->first->more(pending)) return 0;
  const std::size_t n = std::min(pending.size(), static_cast<std::size_t>(len));
  std::memcpy(buffer, pending.data(), n);
  pending.erase(0, n);
  return static_cast<int>(n);
}

int close_callback(void*) { return 0; }

}  // namespace

// ------------------------------------------------------------------ both

static void read_any(ObsReader& r, Bytes& bytes, const std::string& name, const ObsReader::Callback& on_obs) {
  std::string buf;
  bytes.more(buf);
  std::size_t start = buf.starts_with("\xEF\xBB\xBF") ? 3 : 0;
  while (start < buf.size() && std::isspace(static_cast<unsigned char>(buf[start]))) ++start;
  if (start >= buf.size()) throw Error(ErrorCode::Input, "the SDMX file is empty", Location{name, 1, 0});

  if (buf[start] == '<') {
    XmlObsReader xr(r, name, on_obs);
    std::pair<Bytes*, std::string*> ctx{&bytes, &buf};
    // No network, no entity expansion, no DTD loading: a data message needs none.
    std::unique_ptr<xmlTextReader, decltype(&xmlFreeTextReader)> x(
        xmlReaderForIO(read_callback, close_callback, &ctx, name.c_str(), nullptr, XML_PARSE_NONET | XML_PARSE_NOWARNING),
        xmlFreeTextReader);
    if (!x) throw Error(ErrorCode::Input, "cannot start the XML reader", Location{name, 0, 0});
    xmlTextReaderSetErrorHandler(x.get(), xml_error, &xr);
    xr.read(x.get());
    return;
  }

  CsvObsReader cr(r, name, on_obs);
  int line = 1;
  bool more = true;
  while (true) {
    // The last line end outside quotes, as the CSV reader sees quotes (only a
    // quote that starts a field opens one; "" inside is a quote): what lies
    // before it is whole records.
    bool quoted = false, field_start = true;
    std::size_t cut = std::string::npos;
    for (std::size_t i = line == 1 && buf.starts_with("\xEF\xBB\xBF") ? 3 : 0; i < buf.size(); ++i) {
      const char c = buf[i];
      if (quoted) {
        if (c == '"') {
          if (i + 1 < buf.size() && buf[i + 1] == '"') ++i;
          else quoted = false;
        }
        continue;
      }
      if (c == '"' && field_start) {
        quoted = true;
        field_start = false;
      } else if (c == ',') {
        field_start = true;
      } else if (c == '\n') {
        cut = i;
        field_start = true;
      } else {
        field_start = false;
      }
    }
    if (!more) cut = buf.size() == 0 ? std::string::npos : buf.size() - 1;
    if (cut != std::string::npos) {
      const std::string_view whole(buf.data(), cut + 1);
      cr.records(whole, line);
      line += static_cast<int>(std::count(whole.begin(), whole.end(), '\n'));
      buf.erase(0, cut + 1);
    } else if (buf.size() > kMaxRecord) {
      throw Error(ErrorCode::Input, "a record longer than 64 MiB (a quote that is never closed?)", Location{name, line, 0});
    }
    if (!more) break;
    more = bytes.more(buf);
  }
}

void ObsReader::read_file(const std::string& path, const Callback& on_obs) {
  Bytes b(path, {}, true);
  read_any(*this, b, path, on_obs);
}

void ObsReader::read_bytes(std::string_view bytes, const std::string& name, const Callback& on_obs) {
  Bytes b(name, bytes, false);
  read_any(*this, b, name, on_obs);
}

}  // namespace sdg::sdmx
