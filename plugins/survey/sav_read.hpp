// sdgreport survey plugin — SPSS system files (.sav, bytecode-compressed or
// not; .zsav, zlib) through ReadStat: variable labels, value labels, user-missing
// values (discrete and ranges) apart from system-missing, and the file's own
// character encoding (its encoding record, else its character code), with all
// text given back as UTF-8.
//
//   std::string bytes = read_file("kartlegging-2026.sav");
//   sdg::survey::Dataset d = sdg::survey::read_sav(bytes, "data/kartlegging-2026.sav");
//
// A file ReadStat cannot read (truncated, corrupt, not SPSS) is an
// Error(ErrorCode::Input) naming the file and ReadStat's reason.
#pragma once

#include <string>
#include <string_view>

#include "dataset.hpp"

namespace sdg::survey {

/// Reads a .sav or .zsav held in memory. `file` names it in messages. The
/// file's multiple-response sets are in Dataset::mr_sets.
Dataset read_sav(std::string_view bytes, const std::string& file);

/// The multiple-response sets of a .sav's dictionary (records 7/7 and 7/19),
/// which ReadStat does not read; none when the dictionary is not understood.
std::vector<MrSet> read_mr_sets(std::string_view bytes);

}  // namespace sdg::survey
