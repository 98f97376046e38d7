// sdgreport data plugins — HTML metadata as text (see html_text.hpp).
#include "html_text.hpp"

#include <libxml/HTMLparser.h>
#include <libxml/tree.h>

#include <cstring>
#include <limits>
#include <memory>
#include <new>

#include "sdgreport/error.hpp"
#include "sdgreport/text.hpp"

namespace sdg::plugins {
namespace {

bool is_space(unsigned char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}

/// Appends `s`, turning runs of ASCII white space into one space.
void append_collapsed(std::string& out, const char* s) {
  for (; *s; ++s) {
    const auto c = static_cast<unsigned char>(*s);
    if (is_space(c)) {
      if (!out.empty() && out.back() != ' ') out += ' ';
    } else {
      out += static_cast<char>(c);
    }
  }
}

/// Elements whose start and end break the text (a space here, as the result is one line).
bool breaks_text(const char* name) {
  static const char* const names[] = {"br", "p",  "div", "li", "ul", "ol",    "tr", "td", "th",        "h1",
                                      "h2", "h3", "h4",  "h5", "h6", "table", "dd", "dt", "blockquote"};
  for (const char* n : names)
    if (std::strcmp(name, n) == 0) return true;
  return false;
}

std::string trimmed(std::string_view s) { return std::string(trim_spaces(s)); }

struct DocFree {
  void operator()(xmlDoc* d) const { xmlFreeDoc(d); }
};
struct CtxtFree {
  void operator()(htmlParserCtxt* c) const { htmlFreeParserCtxt(c); }
};
struct XmlFree {
  void operator()(xmlChar* p) const { xmlFree(p); }
};

}  // namespace

bool looks_like_html(std::string_view text) {
  return text.find('<') != std::string_view::npos || text.find('&') != std::string_view::npos;
}

LinkedText html_to_text(std::string_view html) {
  LinkedText out;
  if (!looks_like_html(html)) {
    out.text = trimmed(std::string(html));
    return out;
  }
  // Parsed as a UTF-8 fragment (libxml2 wraps it in <html><body>); no network, no
  // messages on stderr: malformed markup is repaired the way browsers do.
  const std::string wrapped =
      "<html><head><meta charset=\"utf-8\"></head><body>" + std::string(html) + "</body></html>";
  if (wrapped.size() > static_cast<std::size_t>(std::numeric_limits<int>::max()))
    throw Error(ErrorCode::Input,
                "HTML text of " + std::to_string(html.size()) + " bytes is too long to read");
  std::unique_ptr<htmlParserCtxt, CtxtFree> ctxt(htmlNewParserCtxt());
  if (!ctxt) throw std::bad_alloc();
  std::unique_ptr<xmlDoc, DocFree> doc(
      htmlCtxtReadMemory(ctxt.get(), wrapped.data(), static_cast<int>(wrapped.size()), nullptr, "UTF-8",
                         HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_NONET | HTML_PARSE_NOBLANKS));
  // A fatal stop (libxml2 refuses markup nested more than 256 levels deep) would
  // lose the rest of the text: an error, never a silent cut.
  if (!doc || ctxt->disableSAX)
    throw Error(ErrorCode::Input,
                "HTML that cannot be read to the end (markup nested more than 256 levels deep?): '" +
                    std::string(html.substr(0, 60)) + (html.size() > 60 ? "…'" : "'"));
  std::string text;
  auto space = [&text] {
    if (!text.empty() && text.back() != ' ') text += ' ';
  };
  // Depth-first over the tree without recursion (markup depth is the file's to choose).
  xmlNode* const root = xmlDocGetRootElement(doc.get());
  xmlNode* node = root;
  while (node) {
    bool descend = false;
    if (node->type == XML_TEXT_NODE || node->type == XML_CDATA_SECTION_NODE) {
      if (node->content) append_collapsed(text, reinterpret_cast<const char*>(node->content));
    } else if (node->type == XML_ELEMENT_NODE) {
      const char* name = reinterpret_cast<const char*>(node->name);
      const bool hidden = std::strcmp(name, "script") == 0 || std::strcmp(name, "style") == 0 ||
                          std::strcmp(name, "head") == 0;
      if (breaks_text(name)) space();
      if (std::strcmp(name, "a") == 0) {
        std::unique_ptr<xmlChar, XmlFree> href(xmlGetProp(node, reinterpret_cast<const xmlChar*>("href")));
        if (href) {
          std::string url = trimmed(reinterpret_cast<const char*>(href.get()));
          if (url.starts_with("http://") || url.starts_with("https://")) out.urls.push_back(std::move(url));
        }
      }
      descend = !hidden && node->children;
    }
    if (descend) {
      node = node->children;
      continue;
    }
    // The next sibling, or up until an ancestor has one.
    while (node != root && !node->next) {
      node = node->parent;
      if (node->type == XML_ELEMENT_NODE && breaks_text(reinterpret_cast<const char*>(node->name))) space();
    }
    node = node == root ? nullptr : node->next;
  }
  out.text = trimmed(std::move(text));
  if (!out.urls.empty()) out.url = out.urls.front();
  return out;
}

}  // namespace sdg::plugins
