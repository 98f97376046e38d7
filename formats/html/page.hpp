// HTML writer (private): the page around the content — <head> with the inline
// stylesheet, the skip link, the report header, the table of contents, <main>,
// page navigation (split editions) and the footer.
#pragma once

#include <string>

#include "plan.hpp"
#include "sdgreport/model.hpp"

namespace sdg::html {

/// Page `page` of `plan` around `body` (the contents of <main>).
std::string render_page(const Document& doc, const Plan& plan, std::size_t page, const std::string& body,
                        bool toc);

}  // namespace sdg::html
