// sdgreport — what a plugin gets from the host besides its options: where the
// report lives, the report language, the clock, and a place to report warnings.
//
// Clock and file paths come through here so that SOURCE_DATE_EPOCH pins every
// date written into an output and tests can pin everything else.
//
//   std::filesystem::path p = ctx.resolve(opts.string("file"));
//   ctx.warn(sdg::Code::ImageMissing, "figure 'map.png' not found; skipped");
//   ctx.plugin_warn("survey-x/odd-row", "row 12 has 3 cells");   // a third-party plugin's own code
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "sdgreport/codes.hpp"
#include "sdgreport/language.hpp"

namespace sdg {

/// A survivable problem: reported, counted, and the build goes on.
struct Warning {
  /// Stable kind: the name of a registered code (codes.hpp, e.g. "chart-not-rendered")
  /// or a third-party plugin's "plugin/code".
  std::string code;
  std::string message;
  std::string where;    ///< file:line, or plugin and section
};

class Context {
 public:
  Context(std::filesystem::path base_dir, Language language, std::int64_t epoch);

  /// Directory of the report definition; relative paths are resolved against it.
  const std::filesystem::path& base_dir() const noexcept { return base_dir_; }
  /// The absolute or base_dir-relative path, normalised. Every path resolved is
  /// recorded as an input of the build (see inputs()).
  std::filesystem::path resolve(const std::string& path) const;
  /// Files and folders resolved so far, in first-resolved order, each once: what
  /// `sdgreport preview` watches. (Sources run with --isolate resolve in a child
  /// process and are not recorded.)
  const std::vector<std::filesystem::path>& inputs() const noexcept { return inputs_; }

  /// The report's language, for data sources (which do not see the document): the
  /// pipeline sets it from the definition. Writers take Document::meta.language.
  Language language() const noexcept { return language_; }
  void set_language(Language lang) noexcept { language_ = lang; }

  /// Build time as seconds since 1970: SOURCE_DATE_EPOCH when set, else the real time
  /// at start-up. Use it for every date written into an output. (0 is a valid
  /// epoch: a library that takes 0 to mean "now" must be given another value.)
  std::int64_t epoch() const noexcept { return epoch_; }

  /// What is running now, for messages: e.g. "plugin 'markdown', section 'Goal 7'".
  const std::string& scope() const noexcept { return scope_; }
  void set_scope(std::string s) { scope_ = std::move(s); }

  /// Records and logs a warning (where defaults to the current scope). Every
  /// built-in warning uses a registered code (codes.hpp): a free string does not
  /// compile here. Inline on purpose: the code crosses into the library by name.
  void warn(Code code, const std::string& message, std::string where = {}) {
    record(code_name(code), message, std::move(where));
  }
  /// A third-party plugin's own warning: `code` is "<plugin>/<code>", the plugin's
  /// name, a slash and a kebab-case code ("survey-x/odd-row"), so it can never be
  /// mistaken for a registered code. Throws Error(ErrorCode::Plugin) for any other
  /// form. A plugin that meets an event the registry names (a duplicate row, a
  /// missing image) uses warn(Code) instead.
  void plugin_warn(std::string_view code, const std::string& message, std::string where = {});
  /// Records a warning made elsewhere (a reader's callback, an isolated child):
  /// its code must be registered or a plugin's code, else Error(ErrorCode::Internal).
  void relay(const Warning& w);
  /// Whether warn() also logs (default true); `validate` prints the recorded
  /// warnings with its findings instead, so each is printed once.
  void set_echo(bool echo) noexcept { echo_ = echo; }
  const std::vector<Warning>& warnings() const noexcept { return warnings_; }

 private:
  void record(std::string_view code, const std::string& message, std::string where);

  std::filesystem::path base_dir_;
  Language language_;
  std::int64_t epoch_;
  bool echo_ = true;
  std::string scope_;
  std::vector<Warning> warnings_;
  mutable std::vector<std::filesystem::path> inputs_;  // last: plugins built before it see the same layout
};

/// SOURCE_DATE_EPOCH if set and valid, else the current time.
std::int64_t build_epoch();

}  // namespace sdg
