// sdgreport — "did you mean …?": the known word closest to a misspelt one, by
// edit distance (insertions, deletions, substitutions and swapped neighbours).
//
//   closest_match("papper", {"paper", "toc", "font"})   // "paper"
//   did_you_mean("organization", top_level_keys)        // " (did you mean 'organisation'?)"
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace sdg {

/// Optimal-string-alignment distance between two byte strings.
std::size_t edit_distance(std::string_view a, std::string_view b);

/// The candidate nearest to `word` when it is close enough to be a likely typo
/// (at most a third of the word's length away, at least 1; case ignored); else "".
/// Ties go to the earlier candidate.
std::string closest_match(std::string_view word, const std::vector<std::string>& candidates);

/// " (did you mean 'X'?)" for the closest match, else "".
std::string did_you_mean(std::string_view word, const std::vector<std::string>& candidates);

}  // namespace sdg
