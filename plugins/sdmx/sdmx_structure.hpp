// sdgreport sdmx plugin — what an SDMX-ML 2.1 structure message says about the
// data: the names of codes (codelists), of components (concept schemes), and
// which component is a dimension, an attribute or the measure and which
// codelist it takes its codes from (data structure definitions). Read as a
// stream with libxml2's xmlTextReader: the SDG codelists are large.
//
//   sdg::sdmx::Structure st;
//   st.read_file("SDG_DSD.xml", "nb");        // names in nb, else en, else the first
//   st.code_name("SEX", "F")                  // "Female" (via the DSD's CL_SEX)
//   st.component_name("REF_AREA")             // "Reference area"
//   st.role("UNIT_MEASURE")                   // Role::Attribute
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>

namespace sdg::sdmx {

enum class Role { Unknown, Dimension, Time, Attribute, Measure };

class Structure {
 public:
  /// Adds what the structure message at `path` defines (several files may be
  /// read: a DSD, then codelists). Names are taken in `lang`, else English,
  /// else the first given. Throws sdg::Error(ErrorCode::Input) with file:line.
  void read_file(const std::string& path, const std::string& lang);
  void read_bytes(std::string_view bytes, const std::string& name, const std::string& lang);

  /// The name of `code` of component `component`: from the codelist the DSD
  /// gives the component, else from a codelist called CL_<component>; nullopt
  /// when no codelist read has it.
  std::optional<std::string> code_name(const std::string& component, const std::string& code) const;
  /// The name of a component (its concept's name), nullopt when unknown.
  std::optional<std::string> component_name(const std::string& component) const;
  Role role(const std::string& component) const;
  bool empty() const noexcept { return codelists_.empty() && concepts_.empty() && roles_.empty(); }
  std::size_t codelists() const noexcept { return codelists_.size(); }

 private:
  struct Named {
    std::string name;
    int rank = 99;  ///< 0: the report's language, 1: English, 2: another
  };
  friend class StructureParser;
  std::map<std::string, std::map<std::string, Named>> codelists_;  ///< codelist id → code → name
  std::map<std::string, Named> concepts_;                          ///< concept id → name
  std::map<std::string, std::string> codelist_of_;                 ///< component → codelist id
  std::map<std::string, std::string> concept_of_;                  ///< component → concept id
  std::map<std::string, Role> roles_;
};

}  // namespace sdg::sdmx
