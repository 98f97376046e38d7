// sdgreport — errors and warnings shared by the core, the host and every plugin.
//
// Fatal problems are a closed set of error codes carried by sdg::Error; each says
// where it happened (file:line:column, or plugin and section). Survivable
// problems are warnings (see context.hpp) and the build goes on.
//
//   throw sdg::Error(sdg::ErrorCode::Input, "value is not a number",
//                    sdg::Location{"data/goal7.csv", 12, 3});
#pragma once

#include <stdexcept>
#include <string>
#include <vector>

namespace sdg {

/// The closed set of fatal error kinds: X(Id, "name", "meaning"). Stable: the names
/// appear in messages, JSON and `validate`'s codes (cannot-build-<name>); listed in
/// docs/codes.md with the warning codes (sdgreport/codes.hpp).
#define SDG_ERROR_CODES(X)                                                                       \
  X(Usage, "usage", "Bad command line (exit status 2)")                                          \
  X(Definition, "definition", "The report definition (YAML) is malformed or inconsistent")      \
  X(Input, "input", "A source file is missing or malformed")                                     \
  X(Model, "model", "A structural rule of the document model was broken")                        \
  X(Plugin, "plugin", "A plugin failed to load, or failed while running")                        \
  X(Output, "output", "An output could not be written")                                          \
  X(Internal, "internal", "A bug in sdgreport")

enum class ErrorCode {
#define SDG_ERROR_ENUM(id, name, meaning) id,
  SDG_ERROR_CODES(SDG_ERROR_ENUM)
#undef SDG_ERROR_ENUM
};

/// Name of an error code, e.g. "definition".
const char* error_code_name(ErrorCode code) noexcept;
/// One line on what the error kind means.
const char* error_code_meaning(ErrorCode code) noexcept;
/// Every error kind, in order.
const std::vector<ErrorCode>& all_error_codes();

/// A position in a text file; line and column are 1-based, 0 means unknown.
struct Location {
  std::string file;
  int line = 0;
  int column = 0;

  bool empty() const noexcept { return file.empty(); }
  /// "file:line:column", "file:line" or "file", as far as known.
  std::string str() const;
};

/// The one exception type that crosses library boundaries. Its key function is
/// defined in libsdgreport, so its type information lives there, not in a plugin.
class Error : public std::runtime_error {
 public:
  Error(ErrorCode code, const std::string& message, Location where = {});
  ~Error() override;

  ErrorCode code() const noexcept { return code_; }
  const Location& where() const noexcept { return where_; }
  /// The message without the location prefix.
  const std::string& message() const noexcept { return message_; }

 private:
  ErrorCode code_;
  Location where_;
  std::string message_;
};

}  // namespace sdg
