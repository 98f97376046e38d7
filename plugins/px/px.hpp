// sdgreport px plugin — the pure layer: the bytes of a PC-Axis file in, a cube
// out (read_px), in one of the file's languages. No plugin loader, no Context,
// no file access; the plugin (px_source.cpp) reads the file and the options and
// shapes the cube with the shared view (plugins/common/cube.hpp).
//
//   sdg::px::ReadOptions ro;
//   ro.language = "da";                              // one of LANGUAGES; "" = the file's LANGUAGE
//   sdg::px::PxFile f = sdg::px::read_px(bytes, "data/TUX01.px", ro);
//   // f.cube: dimensions "district" (label "distrikt") × "time" (role time), labels in Danish,
//   // f.language == "da", f.encoding == "utf-8" (the file says iso-8859-15: f.warnings say so)
//   sdg::plugins::cube::View v = make_view(f.cube, spec, sdg::px::format_of(f));
//
// Errors are sdg::Error(ErrorCode::Input) located at the file and line.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "cube.hpp"
#include "sdgreport/error.hpp"

namespace sdg::px {

using plugins::cube::Observation;

/// A note of the file: table-wide (NOTE, NOTEX), of a variable (NOTE("var")), of
/// a value (VALUENOTE("var","value")) or of cells (CELLNOTE("v1","*",…)).
struct Note {
  enum class Scope { Table, Variable, Value, Cell };
  Scope scope = Scope::Table;
  bool mandatory = false;     ///< the X form: NOTEX, VALUENOTEX, CELLNOTEX
  std::size_t dimension = 0;  ///< Variable and Value notes
  std::size_t category = 0;   ///< Value notes
  /// Cell notes: one category position per dimension, or npos for "*".
  std::vector<std::size_t> cell;
  std::string text;  ///< '#' (the PX line mark) as a line break, HTML as written
};

/// The cube of a PX file in one language.
class Cube final : public plugins::cube::Cube {
 public:
  Observation at(const std::vector<std::size_t>& position) const override;
  std::size_t size() const noexcept { return values_.size(); }

 private:
  friend class Reader;
  std::vector<double> values_;      ///< NaN: a symbol cell
  std::vector<std::uint8_t> code_;  ///< per cell: 0 value, 1–6 dots, 7 "-" (empty: all values)
  std::unordered_map<std::size_t, std::uint16_t> marker_;  ///< flat index → DATANOTECELL marker (index + 1)
  std::vector<std::string> markers_;
  std::vector<std::string> symbol_;  ///< status code shown for code 1–7 (index 0 unused)
  std::vector<int> decimals_;        ///< per dimension, per category: PRECISION, or -1
  std::vector<std::size_t> decimals_offset_;
  int show_decimals_ = 0;
  bool precision_ = false;
};

struct ReadOptions {
  std::string language;  ///< one of the file's languages; "" = its LANGUAGE (the main one)
  /// The report's language ("en", "nb", "nn"): chosen when `language` is empty and
  /// the file has it ("no" counts as nb and nn); otherwise the file's main language.
  std::string report_language;
};

struct Warning {
  std::string code;
  std::string text;
};

struct PxFile {
  Cube cube;
  std::string language;                ///< of the cube's text ("" when the file names none)
  std::vector<std::string> languages;  ///< of the file, the main one first
  std::string encoding;                ///< what the bytes were read as: "utf-8", "windows-1252", …
  std::string table_id;                ///< TABLEID, else MATRIX
  std::vector<Note> notes;
  std::vector<Warning> warnings;  ///< what was decided (encoding) and what is not shown
  /// Status code → status, from the file's DATASYMBOLs (see docs/plugins/px.md).
  std::unordered_map<std::string, ValueStatus> statuses;
  std::size_t data_line = 0;  ///< line of DATA=
};

/// Reads a PC-Axis file (the raw bytes). `file_name` names it in messages.
/// Throws sdg::Error(ErrorCode::Input) at file:line for malformed input, and
/// ErrorCode::Definition for a language the file does not have.
PxFile read_px(std::string_view bytes, const std::string& file_name, const ReadOptions& options = {});

/// True when a file's language code is the report's ("no", Norwegian, counts as nb and nn).
bool same_language(const std::string& file_lang, const std::string& report_lang);

/// The view's Format for a file: plugin "px", its status symbols.
plugins::cube::Format format_of(const PxFile& file);

/// The built-in meaning of a PX status symbol (after DATASYMBOLn): "." not
/// applicable, ".." and "..." not available, ":" confidential, "*" provisional
/// (a DATANOTECELL marker); nullopt for others. The nil "-" is handled by the reader.
std::optional<ValueStatus> status_of_symbol(std::string_view symbol);

}  // namespace sdg::px
