// sdgreport sdmx plugin — SDMX-ML 2.1 structure messages (see sdmx_structure.hpp).
#include "sdmx_structure.hpp"

#include <libxml/xmlreader.h>

#include <memory>
#include <vector>

#include "sdgreport/error.hpp"

namespace sdg::sdmx {

class StructureParser {
 public:
  StructureParser(Structure& s, const std::string& name, const std::string& lang) : s_(s), name_(name), lang_(lang) {}

  void read(xmlTextReaderPtr x) {
    int ret;
    bool root_seen = false;
    while ((ret = xmlTextReaderRead(x)) == 1) {
      const int type = xmlTextReaderNodeType(x);
      if (type == XML_READER_TYPE_ELEMENT) {
        const int depth = xmlTextReaderDepth(x);
        if (depth > 64)
          throw Error(ErrorCode::Input, "elements nested more than 64 deep",
                      Location{name_, xmlTextReaderGetParserLineNumber(x), 0});
        const std::string local = str(xmlTextReaderConstLocalName(x));
        if (depth == 0) {
          root_seen = true;
          if (local != "Structure")
            throw Error(ErrorCode::Input,
                        "not an SDMX-ML structure message: the root element is '" + local +
                            "' (expected Structure, with Codelists, Concepts or DataStructures)",
                        Location{name_, xmlTextReaderGetParserLineNumber(x), 0});
        }
        const bool empty = xmlTextReaderIsEmptyElement(x);
        stack_.push_back(local);
        start(x, local);
        if (empty) end();
      } else if (type == XML_READER_TYPE_END_ELEMENT) {
        end();
      } else if ((type == XML_READER_TYPE_TEXT || type == XML_READER_TYPE_CDATA) && in_name_) {
        text_ += str(xmlTextReaderConstValue(x));
      }
    }
    if (ret < 0 || !root_seen)
      throw Error(ErrorCode::Input, error_.empty() ? "not well-formed XML" : error_, Location{name_, error_line_, 0});
  }

  void error(const char* msg, int line) {
    if (!error_.empty()) return;
    error_ = msg ? msg : "XML error";
    while (!error_.empty() && (error_.back() == '\n' || error_.back() == ' ')) error_.pop_back();
    error_line_ = line;
  }

 private:
  static std::string str(const xmlChar* s) { return s ? reinterpret_cast<const char*>(s) : ""; }
  static std::string attr(xmlTextReaderPtr x, const char* name) {
    xmlChar* v = xmlTextReaderGetAttribute(x, reinterpret_cast<const xmlChar*>(name));
    std::string out = v ? reinterpret_cast<const char*>(v) : "";
    xmlFree(v);
    return out;
  }
  bool parent_is(const char* name) const { return stack_.size() >= 2 && stack_[stack_.size() - 2] == name; }

  void start(xmlTextReaderPtr x, const std::string& local) {
    if (local == "Codelist") {
      codelist_ = attr(x, "id");
    } else if (local == "Code" && !codelist_.empty()) {
      code_ = attr(x, "id");
    } else if (local == "Concept") {
      concept_ = attr(x, "id");
    } else if (local == "Dimension" || local == "TimeDimension" || local == "Attribute" ||
               local == "PrimaryMeasure" || local == "Measure") {
      component_ = attr(x, "id");
      if (!component_.empty())
        s_.roles_[component_] = local == "Dimension"       ? Role::Dimension
                                : local == "TimeDimension" ? Role::Time
                                : local == "Attribute"     ? Role::Attribute
                                                           : Role::Measure;
    } else if (local == "Ref" && !component_.empty()) {
      // ConceptIdentity/Ref → the concept; Enumeration/Ref → the codelist.
      if (parent_is("ConceptIdentity")) {
        const std::string id = attr(x, "id");
        if (!id.empty() && !s_.concept_of_.contains(component_)) s_.concept_of_[component_] = id;
      } else if (parent_is("Enumeration")) {
        const std::string id = attr(x, "id");
        if (!id.empty()) s_.codelist_of_[component_] = id;
      }
    } else if (local == "Name") {
      in_name_ = true;
      text_.clear();
      name_lang_ = attr(x, "xml:lang");
    }
  }

  void end() {
    if (stack_.empty()) return;
    const std::string local = stack_.back();
    stack_.pop_back();
    if (local == "Name" && in_name_) {
      in_name_ = false;
      const int rank = name_lang_ == lang_ ? 0 : name_lang_ == "en" ? 1 : 2;
      const std::string& owner = stack_.empty() ? std::string() : stack_.back();
      Structure::Named* target = nullptr;
      if (owner == "Code" && !code_.empty()) target = &s_.codelists_[codelist_][code_];
      else if (owner == "Concept" && !concept_.empty()) target = &s_.concepts_[concept_];
      if (target && rank < target->rank) *target = Structure::Named{text_, rank};
    } else if (local == "Codelist") {
      if (!codelist_.empty()) s_.codelists_[codelist_];  // a codelist without codes still exists
      codelist_.clear();
    } else if (local == "Code") {
      code_.clear();
    } else if (local == "Concept") {
      concept_.clear();
    } else if (local == "Dimension" || local == "TimeDimension" || local == "Attribute" ||
               local == "PrimaryMeasure" || local == "Measure") {
      component_.clear();
    }
  }

  Structure& s_;
  const std::string& name_;
  const std::string& lang_;
  std::vector<std::string> stack_;
  std::string codelist_, code_, concept_, component_, text_, name_lang_, error_;
  bool in_name_ = false;
  int error_line_ = 0;
};

namespace {

void structure_error(void* arg, const char* msg, xmlParserSeverities severity, xmlTextReaderLocatorPtr loc) {
  if (severity != XML_PARSER_SEVERITY_ERROR) return;
  static_cast<StructureParser*>(arg)->error(msg, loc ? xmlTextReaderLocatorLineNumber(loc) : 0);
}

void parse(Structure& s, xmlTextReaderPtr raw, const std::string& name, const std::string& lang) {
  std::unique_ptr<xmlTextReader, decltype(&xmlFreeTextReader)> x(raw, xmlFreeTextReader);
  if (!x) throw Error(ErrorCode::Input, "cannot read the SDMX structure file", Location{name, 0, 0});
  StructureParser p(s, name, lang);
  xmlTextReaderSetErrorHandler(x.get(), structure_error, &p);
  p.read(x.get());
}

}  // namespace

void Structure::read_file(const std::string& path, const std::string& lang) {
  parse(*this, xmlReaderForFile(path.c_str(), nullptr, XML_PARSE_NONET | XML_PARSE_NOWARNING), path, lang);
}

void Structure::read_bytes(std::string_view bytes, const std::string& name, const std::string& lang) {
  parse(*this,
        xmlReaderForMemory(bytes.data(), static_cast<int>(bytes.size()), name.c_str(), nullptr,
                           XML_PARSE_NONET | XML_PARSE_NOWARNING),
        name, lang);
}

std::optional<std::string> Structure::code_name(const std::string& component, const std::string& code) const {
  auto find_in = [&](const std::string& list) -> std::optional<std::string> {
    auto l = codelists_.find(list);
    if (l == codelists_.end()) return std::nullopt;
    auto c = l->second.find(code);
    if (c == l->second.end() || c->second.name.empty()) return std::nullopt;
    return c->second.name;
  };
  if (auto it = codelist_of_.find(component); it != codelist_of_.end())
    if (auto n = find_in(it->second)) return n;
  return find_in("CL_" + component);
}

std::optional<std::string> Structure::component_name(const std::string& component) const {
  auto c = concept_of_.find(component);
  const std::string& concept_id = c == concept_of_.end() ? component : c->second;
  auto it = concepts_.find(concept_id);
  if (it == concepts_.end() || it->second.name.empty()) return std::nullopt;
  return it->second.name;
}

Role Structure::role(const std::string& component) const {
  auto it = roles_.find(component);
  return it == roles_.end() ? Role::Unknown : it->second;
}

}  // namespace sdg::sdmx
