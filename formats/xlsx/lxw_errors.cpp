#include "lxw_errors.hpp"

#include "sdgreport/error.hpp"

namespace sdg::xlsx {

std::string describe(lxw_error e) {
  switch (e) {
    case LXW_NO_ERROR:
      return "no error";
    case LXW_ERROR_MEMORY_MALLOC_FAILED:
      return "out of memory";
    case LXW_ERROR_CREATING_XLSX_FILE:
      return "could not create the output file (does its folder exist, and is it writable?)";
    case LXW_ERROR_CREATING_TMPFILE:
    case LXW_ERROR_READING_TMPFILE:
      return "could not use a temporary file (is the temporary folder writable, and is there space left?)";
    case LXW_ERROR_ZIP_FILE_OPERATION:
    case LXW_ERROR_ZIP_PARAMETER_ERROR:
    case LXW_ERROR_ZIP_INTERNAL_ERROR:
    case LXW_ERROR_ZIP_FILE_ADD:
    case LXW_ERROR_ZIP_CLOSE:
      return "the zip container could not be written (is the disk full?)";
    case LXW_ERROR_ZIP_BAD_ZIP_FILE:
      return "the zip container grew beyond 4 GB";
    case LXW_ERROR_SHEETNAME_LENGTH_EXCEEDED:
    case LXW_ERROR_INVALID_SHEETNAME_CHARACTER:
    case LXW_ERROR_SHEETNAME_START_END_APOSTROPHE:
    case LXW_ERROR_SHEETNAME_ALREADY_USED:
      return "invalid or duplicate sheet name (a bug in the xlsx plugin's name checks)";
    case LXW_ERROR_32_STRING_LENGTH_EXCEEDED:
    case LXW_ERROR_128_STRING_LENGTH_EXCEEDED:
    case LXW_ERROR_255_STRING_LENGTH_EXCEEDED:
    case LXW_ERROR_MAX_STRING_LENGTH_EXCEEDED:
      return "text longer than Excel allows here";
    case LXW_ERROR_WORKSHEET_INDEX_OUT_OF_RANGE:
      return "row or column beyond Excel's limits (1,048,576 rows, 16,384 columns), "
             "or a row written out of order in constant-memory mode";
    case LXW_ERROR_WORKSHEET_MAX_URL_LENGTH_EXCEEDED:
      return "link longer than Excel's limit of 2,079 characters";
    case LXW_ERROR_WORKSHEET_MAX_NUMBER_URLS_EXCEEDED:
      return "more than 65,530 links on one sheet";
    default:
      break;
  }
  return "libxlsxwriter error " + std::to_string(static_cast<int>(e));
}

void check(lxw_error e, std::string_view doing, const std::filesystem::path& final_path) {
  if (e == LXW_NO_ERROR) return;
  fail("cannot write XLSX: " + std::string(doing) + ": " + describe(e) + " (libxlsxwriter: " +
           lxw_strerror(e) + ")",
       final_path);
}

void fail(const std::string& message, const std::filesystem::path& final_path) {
  throw Error(ErrorCode::Output, message, Location{final_path.string(), 0, 0});
}

}  // namespace sdg::xlsx
