// sdgreport — cross-reference targets and placed data blocks, in one place.
//
// Every section, table, chart and figure with an id is a target of a
// Inline::Kind::CrossRef. Tables are numbered in document order, figures and
// charts together (as captions number them: "Table 3", "Figure 2"); goal
// sections are "Goal 13", other sections "Section 2.3". Writers ask
// reference_text() for the generated text of a reference without text of its own.
//
//   const sdg::Targets targets = sdg::collect_targets(doc);
//   if (const sdg::RefTarget* t = sdg::find_target(targets, "energy"))
//     text = sdg::reference_text(*t, sdg::Language::Nb);  // "tabell 3"
//
// The pipeline calls resolve_references() once all sources ran: it moves data
// blocks to their placement directives and checks every cross-reference target.
#pragma once

#include "sdgreport/language.hpp"

#include <map>
#include <string>
#include <string_view>

#include "sdgreport/model.hpp"

namespace sdg {

struct RefTarget {
  enum class Kind { Section, Goal, Table, Figure };  ///< Figure: figures and charts
  Kind kind = Kind::Section;
  std::string id;
  int number = 0;             ///< table or figure number (1-based), goal number
  std::string section_number;  ///< "2.3" for sections ("" when unnumbered)
  std::string title;           ///< section title, caption
};

using Targets = std::map<std::string, RefTarget>;

/// Every target of the document by id, numbered in reading order.
Targets collect_targets(const Document& doc);

/// The target a reference names: its id exactly, else without a "tbl:", "fig:"
/// or "sec:" prefix. nullptr when there is none.
const RefTarget* find_target(const Targets& targets, std::string_view id);

/// Generated text of a reference in `lang`: "Table 3", "Figure 2", "Goal 13",
/// "Section 2.3" (nb/nn in lower case: "tabell 3", as in running Norwegian text).
std::string reference_text(const RefTarget& t, Language lang);
/// "page 12" / "side 12" for a printed page number.
std::string page_reference_text(const std::string& page, Language lang);

/// Container names used by placement: the reader's directive, and the pipeline's
/// wrapper around the blocks a source with an `id:` added.
inline constexpr const char* kPlacementContainer = "placement";  ///< attributes "ref", "at"
inline constexpr const char* kDataContainer = "data";            ///< attribute "id"

/// Moves each source's data blocks to the placement directive naming its id (the
/// nearest one: in the directive's section, else in the closest enclosing one),
/// unwraps data blocks nobody placed where they are, then checks that every
/// cross-reference names a target and clears its position. Throws
/// Error(ErrorCode::Input) at the Markdown file:line of an unknown id, an
/// ambiguous one or a block placed twice.
void resolve_references(Document& doc);

}  // namespace sdg
