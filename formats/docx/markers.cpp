#include "markers.hpp"

#include <libxml/parser.h>

#include <charconv>
#include <memory>

#include "xml.hpp"

namespace sdg::docx {

namespace {

constexpr const char* kW = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

bool in_ns(xmlNodePtr n, const char* uri) {
  return n && n->type == XML_ELEMENT_NODE && n->ns && n->ns->href &&
         xmlStrcmp(n->ns->href, reinterpret_cast<const xmlChar*>(uri)) == 0;
}

bool named(xmlNodePtr n, const char* local) {
  return xmlStrcmp(n->name, reinterpret_cast<const xmlChar*>(local)) == 0;
}

std::string content(xmlNodePtr n) {
  xmlChar* c = xmlNodeGetContent(n);
  std::string s = c ? reinterpret_cast<const char*>(c) : "";
  xmlFree(c);
  return s;
}

/// Reads a paragraph's text. Field state: `fields` counts open complex fields,
/// `result_depth` the innermost field whose result is being read (0: none).
struct TextReader {
  View view;
  std::string out;
  int fields = 0;
  std::vector<bool> in_result;  // per open field: past its 'separate'

  bool hidden_by_field() const {
    for (bool r : in_result)
      if (r) return true;
    return false;
  }

  void node(xmlNodePtr n) {
    for (xmlNodePtr c = n->children; c; c = c->next) {
      if (c->type != XML_ELEMENT_NODE || !in_ns(c, kW)) continue;
      if (named(c, "ins") || named(c, "moveTo")) {
        if (view == View::Current) node(c);
      } else if (named(c, "del") || named(c, "moveFrom")) {
        if (view == View::Original) node(c);
      } else if (named(c, "fldSimple")) {
        // The result of a simple field is recomputed by Word: left out.
      } else if (named(c, "fldChar")) {
        const std::string type = w_attr(c, "fldCharType");
        if (type == "begin") {
          in_result.push_back(false);
        } else if (type == "separate") {
          if (!in_result.empty()) in_result.back() = true;
        } else if (type == "end") {
          if (!in_result.empty()) in_result.pop_back();
        }
      } else if (named(c, "t") || named(c, "delText")) {
        if (!hidden_by_field()) out += content(c);
      } else if (named(c, "tab") && !named(n, "tabs")) {
        if (!hidden_by_field()) out += '\t';
      } else if (named(c, "br") || named(c, "cr")) {
        if (!hidden_by_field()) out += '\n';
      } else if (named(c, "noBreakHyphen")) {
        if (!hidden_by_field()) out += "\u2011";
      } else if (named(c, "pPr") || named(c, "rPr") || named(c, "instrText") ||
                 named(c, "footnoteReference") || named(c, "p") || named(c, "tbl") ||
                 named(c, "txbxContent") || named(c, "drawing") || named(c, "pict") || named(c, "object")) {
        // Formatting, field codes, and text of other stories (footnotes, text boxes): not this paragraph's
        // text.
      } else {
        node(c);  // runs, hyperlinks, smart tags, content controls
      }
    }
  }
};

/// Elements directly in a table that are not rows (bookmarks Word puts there).
void collect_row_free(xmlNodePtr n, std::vector<ParagraphPlace>& out, std::size_t& current) {
  if (in_ns(n, kW) && named(n, "bookmarkStart")) {
    if (auto num = marker_number(w_attr(n, "name"))) current = *num;
    return;
  }
  for (xmlNodePtr c = n->children; c; c = c->next)
    if (c->type == XML_ELEMENT_NODE) collect_row_free(c, out, current);
}

void collect(xmlNodePtr n, std::vector<ParagraphPlace>& out, std::size_t& current, std::size_t row,
             std::size_t column) {
  for (xmlNodePtr c = n->children; c; c = c->next) {
    if (c->type != XML_ELEMENT_NODE) continue;
    if (in_ns(c, kW) && named(c, "p")) {
      // The first marker starting in the paragraph is its own; the last is the current one after it.
      std::size_t own = 0, last = 0;
      std::vector<xmlNodePtr> stack{c};
      while (!stack.empty()) {
        xmlNodePtr m = stack.back();
        stack.pop_back();
        // Depth-first in document order: push children in reverse.
        std::vector<xmlNodePtr> kids;
        for (xmlNodePtr k = m->children; k; k = k->next)
          if (k->type == XML_ELEMENT_NODE) kids.push_back(k);
        for (auto it = kids.rbegin(); it != kids.rend(); ++it) stack.push_back(*it);
        if (m != c && in_ns(m, kW) && named(m, "bookmarkStart"))
          if (auto num = marker_number(w_attr(m, "name"))) {
            if (!own) own = *num;
            last = *num;
          }
      }
      out.push_back({c, own ? own : current, row, column});
      if (last) current = last;
    } else if (in_ns(c, kW) && named(c, "bookmarkStart")) {
      if (auto num = marker_number(w_attr(c, "name"))) current = *num;
      collect(c, out, current, row, column);
    } else if (in_ns(c, kW) && named(c, "tbl")) {
      std::size_t r = 0;
      for (xmlNodePtr tr = c->children; tr; tr = tr->next) {
        if (!in_ns(tr, kW)) continue;
        if (!named(tr, "tr")) {
          collect_row_free(tr, out, current);
          continue;
        }
        ++r;
        std::size_t col = 0;
        for (xmlNodePtr tc = tr->children; tc; tc = tc->next) {
          if (!in_ns(tc, kW)) continue;
          if (named(tc, "tc")) {
            ++col;
            collect(tc, out, current, r, col);
          } else {
            collect(tc, out, current, r, col);  // bookmarks, custom XML, tracked rows
          }
        }
      }
    } else {
      collect(c, out, current, row, column);
    }
  }
}

}  // namespace

bool is_w(xmlNodePtr n, const char* local) {
  return in_ns(n, kW) && named(n, local);
}

std::string w_attr(xmlNodePtr n, const char* local) {
  xmlChar* v = xmlGetNsProp(n, reinterpret_cast<const xmlChar*>(local), reinterpret_cast<const xmlChar*>(kW));
  std::string s = v ? reinterpret_cast<const char*>(v) : "";
  xmlFree(v);
  return s;
}

std::string marker_bookmark(std::size_t n) {
  return "_sdg" + std::to_string(n);
}

std::optional<std::size_t> marker_number(std::string_view b) {
  if (!b.starts_with("_sdg") || b.size() == 4 || b.size() > 14) return std::nullopt;
  std::size_t n = 0;
  const char* first = b.data() + 4;
  const char* last = b.data() + b.size();
  auto [p, ec] = std::from_chars(first, last, n);
  if (ec != std::errc() || p != last || n == 0 || *first == '0') return std::nullopt;
  return n;
}

std::string paragraph_text(xmlNodePtr p, View view) {
  TextReader r{view, {}, 0, {}};
  r.node(p);
  return r.out;
}

std::vector<ParagraphPlace> paragraphs(xmlNodePtr root) {
  std::vector<ParagraphPlace> out;
  std::size_t current = 0;
  collect(root, out, current, 0, 0);
  return out;
}

std::map<std::size_t, std::string> marker_texts(const std::vector<ParagraphPlace>& places, View view) {
  std::map<std::size_t, std::string> out;
  std::map<std::size_t, bool> started;
  for (const ParagraphPlace& pl : places) {
    if (!pl.marker) continue;
    std::string& t = out[pl.marker];
    if (started[pl.marker]) t += '\n';
    started[pl.marker] = true;
    t += paragraph_text(pl.p, view);
  }
  return out;
}

std::string origins_xml(const std::vector<Origin>& origins, std::string_view generator) {
  Xml x;
  x.start("sdg:origins")
      .attr("xmlns:sdg", kOriginsNamespace)
      .attr("version", "1")
      .attr("generator", generator);
  for (const Origin& o : origins) {
    x.start("sdg:m").attr("n", static_cast<long long>(o.n)).attr("o", o.origin).attr("k", o.kind);
    x.text(o.text).end();
  }
  return x.finish();
}

std::optional<std::vector<Origin>> read_origins(std::string_view xml) {
  std::unique_ptr<xmlDoc, decltype(&xmlFreeDoc)> doc(
      xmlReadMemory(xml.data(), static_cast<int>(xml.size()), "origins.xml", nullptr,
                    XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING | XML_PARSE_HUGE),
      xmlFreeDoc);
  if (!doc) return std::nullopt;
  xmlNodePtr root = xmlDocGetRootElement(doc.get());
  if (!in_ns(root, kOriginsNamespace) || !named(root, "origins")) return std::nullopt;
  std::vector<Origin> out;
  auto prop = [](xmlNodePtr n, const char* name) {
    xmlChar* v = xmlGetProp(n, reinterpret_cast<const xmlChar*>(name));
    std::string s = v ? reinterpret_cast<const char*>(v) : "";
    xmlFree(v);
    return s;
  };
  for (xmlNodePtr m = root->children; m; m = m->next) {
    if (!in_ns(m, kOriginsNamespace) || !named(m, "m")) continue;
    Origin o;
    const std::string n = prop(m, "n");
    std::from_chars(n.data(), n.data() + n.size(), o.n);
    if (!o.n) continue;
    o.origin = prop(m, "o");
    o.kind = prop(m, "k");
    o.text = content(m);
    out.push_back(std::move(o));
  }
  return out;
}

}  // namespace sdg::docx
