#include "sdgreport/error.hpp"

namespace sdg {

const char* error_code_name(ErrorCode code) noexcept {
  switch (code) {
    case ErrorCode::Usage: return "usage";
    case ErrorCode::Definition: return "definition";
    case ErrorCode::Input: return "input";
    case ErrorCode::Model: return "model";
    case ErrorCode::Plugin: return "plugin";
    case ErrorCode::Output: return "output";
    case ErrorCode::Internal: return "internal";
  }
  return "internal";
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
