// HTML writer (private): escaping text and attribute values, and checking URLs
// before they become links.
#pragma once

#include <string>
#include <string_view>

namespace sdg::html {

/// Text content: & < > escaped; C0 control characters other than tab and line
/// feed (not allowed in HTML) and U+FFFE/U+FFFF dropped.
std::string text(std::string_view s);
/// A double-quoted attribute value: as text(), plus " and ' escaped.
std::string attr(std::string_view s);

/// A URL that may be put in href: http(s), mailto, an in-page "#fragment" or a
/// relative path. Anything with another scheme (javascript:, data:, vbscript:)
/// gives "", so the caller renders the link text without a link.
std::string safe_url(std::string_view url);

/// An id usable in HTML and in a URL fragment: the model's id with spaces and
/// characters other than [A-Za-z0-9_.-] replaced by '-' ("" becomes "x").
std::string anchor(std::string_view id);

}  // namespace sdg::html
