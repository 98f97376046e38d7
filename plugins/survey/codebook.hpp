// sdgreport survey plugin — the codebook: per variable the question text per
// language, the question type, value labels, missing codes, and the goal,
// target or indicator it informs (docs/plugins/survey.md, "Codebook").
//
//   title: { en: Survey of municipalities 2026, nb: Kartlegging 2026 }
//   key: knr                       # joins the register
//   variables:
//     knr: { type: key }
//     q_plan:
//       type: yesno
//       question: { en: Does the master plan refer to the SDGs?, nb: Viser samfunnsdelen til bærekraftsmålene? }
//       values: { 1: { en: "Yes", nb: Ja }, 2: { en: "No", nb: Nei }, 9: { en: Don't know, nb: Vet ikke } }
//       missing: [9]
//       goal: 11
//       indicator: "11.3.2"
//     barriers:
//       type: multiple
//       options: { bar_staff: { en: Limited staff }, bar_budget: { en: Tight budgets } }
//     size_class: { type: background, source: register, values: { 1: { en: Under 5 000 } } }
//
// A `.sav` needs no codebook (labels come from the file); a codebook then adds
// types, goal mapping and translations. A CSV needs one.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "dataset.hpp"

namespace sdg::survey {

enum class QType { Single, Multiple, Scale, YesNo, Numeric, Text, Background, Key, Weight };
const char* qtype_name(QType t) noexcept;

/// A text in several languages ("" = given without a language).
struct Text {
  std::map<std::string, std::string> by_lang;
  bool empty() const noexcept { return by_lang.empty(); }
  /// The text in `lang`; else English, else the language-neutral one, else the
  /// first. `used` receives the language actually used ("" = neutral).
  std::string get(Language lang, std::string* used = nullptr) const;
  /// The language-neutral text; else English, else the first.
  std::string neutral() const;
  static Text plain(std::string s) {
    Text t;
    if (!s.empty()) t.by_lang[""] = std::move(s);
    return t;
  }
};

struct ValueDef {
  double code = 0;
  Text label;
};

/// A code as the codebook and the export write it: "1", "2.5", "-9".
std::string code_text(double code);

struct Item {
  std::string id;                               ///< the codebook key
  std::map<std::string, std::string> variable;  ///< wave label ("" = every wave) → variable in the export
  QType type = QType::Single;
  bool type_given = false;                      ///< the codebook said the type
  bool from_register = false;                   ///< a background variable of the register file
  Text question;
  std::vector<ValueDef> values;                 ///< in codebook order
  MissingSpec missing;
  std::vector<std::pair<std::string, Text>> options;  ///< multiple choice: 0/1 column → option label
  std::string delimiter;                        ///< multiple choice in one delimited column
  double counted = 1;                           ///< the value that counts as chosen in an option column
  std::vector<std::string> code_columns;        ///< multiple choice as columns of codes (an SPSS category set)
  int goal = 0;
  std::string target, indicator;
  std::vector<double> share;                    ///< codes counted in the headline share
  int line = 0;                                 ///< line in the codebook

  /// The variable name of this item in `wave` ("" when none).
  std::string variable_in(const std::string& wave) const;
  const ValueDef* value(double code) const noexcept {
    for (const ValueDef& v : values)
      if (v.code == code) return &v;
    return nullptr;
  }
};

struct Codebook {
  std::string file;
  Text title;
  std::string key;     ///< item id of the key variable
  std::string weight;  ///< item id of the weight variable
  std::vector<Item> items;

  const Item* find(const std::string& id) const noexcept;
  Item* find(const std::string& id) noexcept;
};

/// Parses a codebook (YAML text); errors name `file` and the line.
Codebook parse_codebook(std::string_view yaml, const std::string& file);

/// A codebook made from a `.sav`'s own dictionary (no codebook given), or the
/// given codebook completed from it: question texts, value labels and missing
/// values the codebook leaves out come from the file; variables the codebook
/// does not name are added with a type guessed from the file (value labels:
/// single; string: text; else numeric). The file's multiple-response sets
/// become multiple-choice questions named after the set (`$` dropped).
void complete_from_dataset(Codebook& cb, const Dataset& d, const std::string& wave);

}  // namespace sdg::survey
