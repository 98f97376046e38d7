// Private to the xlsx plugin: the one place that turns libxlsxwriter's error
// codes into sdg::Error(ErrorCode::Output) messages naming the output file.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>

#include <xlsxwriter.h>

namespace sdg::xlsx {

/// A sentence saying what went wrong, in our words, for an lxw_error.
std::string describe(lxw_error e);

/// Throws Error(Output) located at `final_path` unless `e` is LXW_NO_ERROR.
/// `doing` says what was being written, e.g. "sheet 'Goal 7 Energy', cell B4".
void check(lxw_error e, std::string_view doing, const std::filesystem::path& final_path);

/// Throws Error(Output) located at `final_path` with `message`.
[[noreturn]] void fail(const std::string& message, const std::filesystem::path& final_path);

}  // namespace sdg::xlsx
