// sdgreport data plugins — HTML in metadata as plain text with its link kept.
// Open SDG metadata (and some JSON-stat notes) carry markup such as
// `<a href="https://www.destatis.de" target="_blank">Statistisches Bundesamt</a>`,
// `&nbsp;`, `<br>` and `<p>`. The model holds plain text plus one URL per source
// note (`source` + `source_url`), so markup is decoded here, by libxml2's HTML
// parser (a well-kept parser, not regular expressions), in one place for every
// plugin that needs it.
//
//   auto t = sdg::plugins::html_to_text(
//       R"(<a href="https://www.destatis.de" target="_blank">Statistisches Bundesamt</a>)");
//   t.text;  // "Statistisches Bundesamt"
//   t.url;   // "https://www.destatis.de"
//
// Text without '<' or '&' is returned unchanged (only spaces trimmed). Tags are
// dropped, entities decoded (`&nbsp;` becomes U+00A0, `&amp;` '&', `&#248;` 'ø'),
// runs of white space — and the breaks of <br>, <p>, <li>, <div> — become one space.
// Markup libxml2 cannot read to the end (nested more than 256 levels) is an
// sdg::Error(ErrorCode::Input) without a location: the caller adds its file.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace sdg::plugins {

struct LinkedText {
  std::string text;               ///< plain text, one line
  std::string url;                ///< the first http(s) link's target, or ""
  std::vector<std::string> urls;  ///< every http(s) link's target, in order
};

LinkedText html_to_text(std::string_view html);

/// True when `text` holds something html_to_text() would change (a tag or an entity).
bool looks_like_html(std::string_view text);

}  // namespace sdg::plugins
