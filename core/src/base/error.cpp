#include "sdgreport/error.hpp"

namespace sdg {

const char* error_code_name(ErrorCode code) noexcept {
  switch (code) {
#define SDG_ERROR_NAME(id, name, meaning) \
  case ErrorCode::id: return name;
    SDG_ERROR_CODES(SDG_ERROR_NAME)
#undef SDG_ERROR_NAME
  }
  return "internal";
}

const char* error_code_meaning(ErrorCode code) noexcept {
  switch (code) {
#define SDG_ERROR_MEANING(id, name, meaning) \
  case ErrorCode::id: return meaning;
    SDG_ERROR_CODES(SDG_ERROR_MEANING)
#undef SDG_ERROR_MEANING
  }
  return "";
}

const std::vector<ErrorCode>& all_error_codes() {
#define SDG_ERROR_LIST(id, name, meaning) ErrorCode::id,
  static const std::vector<ErrorCode> all{SDG_ERROR_CODES(SDG_ERROR_LIST)};
#undef SDG_ERROR_LIST
  return all;
}

std::string Location::str() const {
  std::string s = file;
  if (line > 0) {
    s += ':' + std::to_string(line);
    if (column > 0) s += ':' + std::to_string(column);
  }
  return s;
}

namespace {
std::string compose(const std::string& message, const Location& where) {
  return where.empty() ? message : where.str() + ": " + message;
}
}  // namespace

Error::Error(ErrorCode code, const std::string& message, Location where)
    : std::runtime_error(compose(message, where)),
      code_(code),
      where_(std::move(where)),
      message_(message) {}

Error::~Error() = default;

}  // namespace sdg
