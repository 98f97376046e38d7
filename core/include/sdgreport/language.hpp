// sdgreport — the languages a report is written in: one closed type, parsed once
// from the definition (`language:`) or a JSON model, carried in Metadata::language
// and Context::language(), and taken by every i18n function.
//
//   sdg::Language l = sdg::parse_language("nb").value();   // Language::Nb
//   sdg::language_code(l)    // "nb"     (the definition's and the JSON model's spelling)
//   sdg::language_tag(l)     // "nb-NO"  (BCP 47 for PDF /Lang, HTML lang=, XLSX, DOCX)
//   sdg::is_norwegian(l)     // true     (Bokmål and Nynorsk share Statistics Norway's conventions)
//
// This is the language of the report. The language of a part of it (a Sámi
// paragraph in a Norwegian report) is Block::lang, a free BCP 47 tag.
#pragma once

#include <array>
#include <cstddef>
#include <optional>
#include <string_view>

namespace sdg {

enum class Language {
  En,  ///< English (British spelling conventions of UN documents)
  Nb,  ///< Norwegian Bokmål
  Nn,  ///< Norwegian Nynorsk
};

/// Every language, in table order (the index of a language in a translation table).
inline constexpr std::array<Language, 3> kLanguages{Language::En, Language::Nb, Language::Nn};

/// "en", "nb" or "nn": as written in a definition and in the JSON model.
constexpr const char* language_code(Language l) noexcept {
  switch (l) {
    case Language::Nb: return "nb";
    case Language::Nn: return "nn";
    case Language::En: break;
  }
  return "en";
}
/// The language of "en", "nb" or "nn" (exactly; nullopt for anything else).
constexpr std::optional<Language> parse_language(std::string_view code) noexcept {
  for (Language l : kLanguages)
    if (code == language_code(l)) return l;
  return std::nullopt;
}
/// "en, nb, nn": for messages listing the choices.
constexpr const char* language_codes_list() noexcept { return "en, nb, nn"; }
/// BCP 47 tag for PDF /Lang, XLSX and DOCX properties: "en-GB", "nb-NO", "nn-NO".
constexpr const char* language_tag(Language l) noexcept {
  switch (l) {
    case Language::Nb: return "nb-NO";
    case Language::Nn: return "nn-NO";
    case Language::En: break;
  }
  return "en-GB";
}
/// Bokmål or Nynorsk: Statistics Norway's number format and symbols, Norwegian titles.
constexpr bool is_norwegian(Language l) noexcept { return l == Language::Nb || l == Language::Nn; }
/// 0, 1, 2: the column of `l` in a table of texts in kLanguages order.
constexpr std::size_t language_index(Language l) noexcept { return static_cast<std::size_t>(l); }

}  // namespace sdg
