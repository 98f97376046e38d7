// sdgreport — checks a source or output entry of the report definition against
// the options its plugin declares (OptionSpec, plugin ABI 3) plus the generic keys
// the core declares once, before any plugin runs.
//
//   sdg::check_options(spec.options, sdg::PluginKind::Format, info.options);
//   // report.yaml:31:25: unknown option 'papper' of format 'pdf' (did you mean 'paper'?)
//   sdg::Options given = sdg::canonical_options(spec.options, info.options);  // `A4` → `a4`
#pragma once

#include <string>
#include <vector>

#include "sdgreport/options.hpp"
#include "sdgreport/plugin.hpp"

namespace sdg {

/// The keys every data-source entry takes: plugin, id, isolate, timeout, memory_limit.
OptionTable generic_source_options() noexcept;
/// The keys every output entry takes: format, file.
OptionTable generic_output_options() noexcept;
OptionTable generic_options(PluginKind kind) noexcept;

/// Throws Error(ErrorCode::Definition) at the first key of `entry` (a whole source
/// or output entry, owner "plugin 'csv'" / "format 'pdf'") that is unknown (with
/// "did you mean …"), of the wrong type, not an allowed value, out of range, or a
/// required option that is missing.
void check_options(const Options& entry, PluginKind kind, const OptionTable& declared);

/// `entry` with every Enum value marked ignore_case in its declared spelling.
Options canonical_options(const Options& entry, const OptionTable& declared);

/// "a4, letter" — the allowed values of an Enum spec.
std::string enum_values_list(const OptionSpec& spec);
/// The allowed values of an Enum spec.
std::vector<std::string> enum_values(const OptionSpec& spec);

}  // namespace sdg
