#include "page.hpp"

#include "escape.hpp"
#include "sdgreport/i18n.hpp"
#include "words.hpp"

namespace sdg::html {

namespace data {
extern const std::string_view style_css;  // style.css, compiled in (cmake/EmbedText.cmake)
}

namespace {

constexpr const char* kGenerator = "sdgreport-html 0.1.0";

std::string join(const std::vector<std::string>& v, const std::string& sep) {
  std::string out;
  for (const auto& s : v) out += (out.empty() ? "" : sep) + s;
  return out;
}

/// Chapters and their sections (two levels) as nested lists.
std::string contents(const Plan& plan, std::size_t page, Language lang) {
  std::string o =
      "<nav class=\"toc\" id=\"contents\" aria-labelledby=\"toc-heading\">\n<h2 id=\"toc-heading\">" +
      text(label(Label::Contents, lang)) + "</h2>\n<ol>";
  int open = 1;  // depth of the list we are in
  bool item_open = false;
  for (const TocEntry& e : plan.toc()) {
    if (e.depth > 2) continue;
    if (e.depth > open) {
      o += "\n<ol>";
      ++open;
    } else {
      if (item_open) o += "</li>";
      for (; open > e.depth; --open) o += "</ol></li>";
    }
    o += "\n<li><a href=\"" + attr(plan.href(page, e.page, e.anchor)) + "\">";
    if (!e.number.empty()) o += "<span class=\"number\">" + text(e.number) + "</span> ";
    if (e.goal) o += text(goal_label(*e.goal, lang)) + ": ";
    o += text(e.title) + "</a>";
    item_open = true;
  }
  if (item_open) o += "</li>";
  for (; open > 1; --open) o += "</ol></li>";
  return o + "\n</ol>\n</nav>\n";
}

/// Previous / front page / next links of a split edition.
std::string pager(const Document& doc, const Plan& plan, std::size_t page, Language lang) {
  const auto& chapters = doc.chapters();
  const std::size_t n = plan.pages().size();
  auto title_of = [&](std::size_t p) {
    return p == 0 ? word(Word::FrontPage, lang) : chapters[p - 1].title();
  };
  auto link = [&](std::size_t p, const std::string& rel, Word w) {
    const std::string file = plan.page_link(page, p);
    return "<li class=\"" + rel + "\"><a href=\"" + attr(file) + "\" rel=\"" + rel +
           "\"><span class=\"pager-label\">" + text(word(w, lang)) + "</span> " + text(title_of(p)) +
           "</a></li>";
  };
  std::string o = "<nav class=\"pager\" aria-label=\"" + attr(word(Word::PageNavigation, lang)) + "\"><ul>";
  if (page > 0) o += link(page - 1, "prev", Word::Previous);
  if (page + 1 < n) o += link(page + 1, "next", Word::Next);
  return o + "</ul></nav>\n";
}

}  // namespace

std::string render_page(const Document& doc, const Plan& plan, std::size_t page, const std::string& body,
                        bool toc) {
  const Metadata& m = doc.meta;
  const Language lang = m.language;
  std::string title = m.title;
  if (plan.split() && page > 0) title = doc.chapters()[page - 1].title() + " – " + m.title;

  std::string o = "<!DOCTYPE html>\n<html lang=\"" + std::string(language_tag(lang)) +
                  "\">\n<head>\n<meta charset=\"utf-8\">\n";
  o += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n";
  o += "<title>" + text(title) + "</title>\n";
  o += "<meta name=\"generator\" content=\"" + std::string(kGenerator) + "\">\n";
  const std::string author = !m.organisation.empty() ? m.organisation : join(m.authors, ", ");
  if (!author.empty()) o += "<meta name=\"author\" content=\"" + attr(author) + "\">\n";
  if (!m.subtitle.empty()) o += "<meta name=\"description\" content=\"" + attr(m.subtitle) + "\">\n";
  if (!m.keywords.empty()) o += "<meta name=\"keywords\" content=\"" + attr(join(m.keywords, ", ")) + "\">\n";
  o += "<style>\n" + std::string(data::style_css) + "</style>\n</head>\n<body>\n";
  o += "<a class=\"skip-link\" href=\"#main\">" + text(word(Word::SkipToContent, lang)) + "</a>\n";

  // Report header: the full title page on the front page, a slim one elsewhere.
  const bool front = page == 0;
  o += std::string("<header class=\"report-header") + (front ? "" : " slim") +
       "\" id=\"top\">\n<div class=\"inner\">\n";
  if (!m.organisation.empty()) o += "<p class=\"organisation\">" + text(m.organisation) + "</p>\n";
  if (front)
    o += "<h1>" + text(m.title) + "</h1>\n";
  else
    o += "<p class=\"report-title\"><a href=\"" + attr(plan.page_link(page, 0)) + "\">" + text(m.title) +
         "</a></p>\n";
  if (front && !m.subtitle.empty()) o += "<p class=\"subtitle\">" + text(m.subtitle) + "</p>\n";
  if (front) {
    std::vector<std::string> facts;
    if (!m.date.empty())
      facts.push_back("<time datetime=\"" + attr(m.date) + "\">" + text(format_date(m.date, lang)) +
                      "</time>");
    if (!m.edition.empty()) facts.push_back(text(m.edition));
    if (!facts.empty()) o += "<p class=\"facts\">" + join(facts, "<span class=\"sep\"> · </span>") + "</p>\n";
    if (!m.authors.empty() && join(m.authors, ", ") != m.organisation)
      o += "<p class=\"authors\">" + text(join(m.authors, ", ")) + "</p>\n";
  }
  o += "</div>\n</header>\n";
  if (toc && front) o += contents(plan, page, lang);
  o += "<main id=\"main\">\n";
  // A chapter page of a split edition has no h1 in its header: the chapter heading is its h1.
  o += body;
  o += "</main>\n";
  if (plan.split()) o += pager(doc, plan, page, lang);
  o += "<footer class=\"report-footer\"><p>" + text(m.title);
  if (!m.organisation.empty()) o += "<span class=\"sep\"> · </span>" + text(m.organisation);
  if (!m.edition.empty()) o += "<span class=\"sep\"> · </span>" + text(m.edition);
  o += "</p></footer>\n</body>\n</html>\n";
  return o;
}

}  // namespace sdg::html
