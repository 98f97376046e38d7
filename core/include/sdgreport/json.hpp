// sdgreport — the versioned JSON serialisation of the document model.
//
// Lossless and deterministic: to_json(from_json(to_json(doc))) gives the same
// bytes. It is the debugging view of a report (format plugin `json`), the basis of
// golden tests, and the exchange format for plugins run out of process.
//
//   std::string text = sdg::to_json(doc);
//   sdg::Document back = sdg::document_from_json(text, "out/report.json");
#pragma once

#include <string>
#include <string_view>

#include "sdgreport/model.hpp"

namespace sdg {

/// Version of the JSON layout, written as "sdgreport_model": N. Readers accept
/// this version and kOldestModelJsonVersion onwards; any other is refused with a
/// message naming what is read.
///
/// Version 2 writes a table cell without a status as a bare JSON number or
/// string; a cell with a status, and an empty cell, stay objects
/// ({"number": 1.5, "status": "provisional"}, {"empty": true, "status": …}).
/// Version 1 wrote every cell as an object; it is still read.
///
/// Version 3 (plugin ABI 4) adds, each written only when set: a block's "lang"
/// (language of parts) and "origin" (where it comes from), a series' "lower" and
/// "upper" interval bounds, and the cell status "nil" (on the number 0). Versions
/// 1 and 2 have none of these and read unchanged.
inline constexpr int kModelJsonVersion = 3;
inline constexpr int kOldestModelJsonVersion = 1;

std::string to_json(const Document& doc);
Document document_from_json(std::string_view text, const std::string& file_name);

std::string section_to_json(const Section& s);
Section section_from_json(std::string_view text, const std::string& file_name);

}  // namespace sdg
