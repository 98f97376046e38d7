// HTML writer (private): the document's chapters, sections and blocks as HTML,
// one string per page of the Plan. One walk with sdg::walk(); one method per
// block kind.
#pragma once

#include <string>
#include <vector>

#include "plan.hpp"
#include "sdgreport/context.hpp"
#include "sdgreport/model.hpp"

namespace sdg::html {

/// The contents of <main> for every page of `plan`.
std::vector<std::string> render_bodies(const Document& doc, const Plan& plan, Context& ctx);

/// Inline runs as HTML, links resolved for page `page` of `plan` (unsafe URLs
/// become plain text).
std::string render_inlines(const Inlines& runs, const Plan& plan, std::size_t page);

}  // namespace sdg::html
