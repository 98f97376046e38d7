// sdgreport — text rules every reader and writer shares (part of the toolkit, see
// docs/architecture.md "Toolkit"): UTF-8 checked, decoded and counted one way,
// spaces trimmed one way, letters lower-cased one way (never through the C locale).
//
//   sdg::is_valid_utf8("Østfold")              // true
//   sdg::utf8_length("Østfold")                // 7 characters (8 bytes)
//   sdg::valid_utf8("\xD8stfold")              // "\uFFFDstfold": a bad byte becomes U+FFFD
//   sdg::utf8_shorten("Nordland fylke", 8)     // "Nordland…"
//   char32_t cp; sdg::utf8_decode("ø", 0, &cp) // 2, cp == U+00F8
//   sdg::trim_spaces("\u00A0 12 ")             // "12"
//   sdg::lower("ÅRSTALL Year")                 // "årstall year"
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace sdg {

/// The UTF-8 sequence at s[i]: its length 1–4 (and its code point in `*cp`), 0 when
/// the bytes there are not UTF-8 (a stray continuation byte, an overlong form, a
/// surrogate, a value past U+10FFFF), or -1 when they may be but `s` ends first (a
/// reader fed in chunks waits for the next one). `i` must be < s.size().
int utf8_decode(std::string_view s, std::size_t i, char32_t* cp = nullptr) noexcept;

/// True when `s` is well-formed UTF-8 (no overlongs, surrogates or values past U+10FFFF).
bool is_valid_utf8(std::string_view s) noexcept;

/// The offset of the first byte of `s` that is not part of well-formed UTF-8, or
/// std::string_view::npos when there is none (a reader's message names it).
std::size_t utf8_invalid_at(std::string_view s) noexcept;

/// `s` with every byte that is not part of well-formed UTF-8 replaced by U+FFFD
/// (the lenient decoding, for text that must be shown whatever it holds).
std::string valid_utf8(std::string_view s);

/// Appends code point `cp` (at most U+10FFFF) to `out` as UTF-8.
void append_utf8(std::string& out, char32_t cp);

/// Length of UTF-8 text in characters (code points); a byte that is not UTF-8 counts
/// as one character.
std::size_t utf8_length(std::string_view s) noexcept;

/// `s` cut to at most `max` characters, with `ellipsis` after the cut (never inside
/// a UTF-8 sequence); `s` itself when it is short enough.
std::string utf8_shorten(std::string_view s, std::size_t max, std::string_view ellipsis = "\u2026");

/// The length in bytes of the space at the start of `s` (ASCII space or tab,
/// no-break, narrow no-break or thin space), 0 when it starts with none.
std::size_t space_length(std::string_view s) noexcept;

/// `text` without leading and trailing white space: the spaces of space_length()
/// and line breaks (LF, CR, form feed, vertical tab).
std::string_view trim_spaces(std::string_view text);

/// `s` with the ASCII capitals and the Latin-1 capitals (À–Þ, Æ Ø Å among them)
/// lower-cased; every other byte as it is. Independent of the C locale, so it
/// never breaks a UTF-8 sequence.
std::string lower(std::string_view s);

/// `a` and `b` equal when lower-cased by lower(): "TIME_PERIOD" and "time_period".
bool equals_ignoring_case(std::string_view a, std::string_view b);

}  // namespace sdg
