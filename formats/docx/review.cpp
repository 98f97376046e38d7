#include "review.hpp"

#include <libxml/parser.h>

#include <algorithm>
#include <array>
#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <regex>
#include <set>

#include "markers.hpp"
#include "package.hpp"
#include "sdgreport/error.hpp"
#include "sdgreport/codes.hpp"

namespace sdg::docx {

namespace {

using DocPtr = std::unique_ptr<xmlDoc, decltype(&xmlFreeDoc)>;

DocPtr parse_part(const std::string& bytes, const std::string& name, const std::string& shown) {
  DocPtr d(xmlReadMemory(bytes.data(), static_cast<int>(bytes.size()), name.c_str(), nullptr,
                         XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING | XML_PARSE_HUGE),
           xmlFreeDoc);
  if (!d) throw Error(ErrorCode::Input, "part '" + name + "' is not well-formed XML", {shown});
  return d;
}

/// Whitespace runs as one space, trimmed: Word and LibreOffice may respace runs when they save.
std::string squash(const std::string& s) {
  std::string out;
  bool space = false;
  for (std::size_t i = 0; i < s.size(); ++i) {
    const unsigned char c = static_cast<unsigned char>(s[i]);
    const bool nbsp = c == 0xC2 && i + 1 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0xA0;
    if (c == ' ' || c == '\t' || c == '\r' || nbsp) {
      space = true;
      if (nbsp) ++i;
      continue;
    }
    if (space && !out.empty() && out.back() != '\n' && c != '\n') out += ' ';
    space = false;
    out += static_cast<char>(c);
  }
  return out;
}

std::vector<std::string> lines_of(const std::string& s) {
  std::vector<std::string> out;
  std::size_t pos = 0;
  while (true) {
    const std::size_t nl = s.find('\n', pos);
    out.push_back(s.substr(pos, nl == std::string::npos ? std::string::npos : nl - pos));
    if (nl == std::string::npos) break;
    pos = nl + 1;
  }
  return out;
}

struct Hunk {
  std::size_t a_begin, a_end, b_begin, b_end;  ///< removed a[a_begin, a_end), added b[b_begin, b_end)
};

/// Line differences (longest common subsequence) as hunks; lines compared after squash().
std::vector<Hunk> diff(const std::vector<std::string>& a, const std::vector<std::string>& b) {
  const std::size_t n = a.size(), m = b.size();
  std::vector<std::vector<unsigned>> lcs(n + 1, std::vector<unsigned>(m + 1, 0));
  for (std::size_t i = n; i-- > 0;)
    for (std::size_t j = m; j-- > 0;)
      lcs[i][j] =
          squash(a[i]) == squash(b[j]) ? lcs[i + 1][j + 1] + 1 : std::max(lcs[i + 1][j], lcs[i][j + 1]);
  std::vector<Hunk> out;
  std::size_t i = 0, j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && squash(a[i]) == squash(b[j])) {
      ++i, ++j;
      continue;
    }
    Hunk h{i, i, j, j};
    while ((i < n || j < m) && !(i < n && j < m && squash(a[i]) == squash(b[j]))) {
      if (j < m && (i == n || lcs[i][j + 1] >= lcs[i + 1][j]))
        ++j;
      else
        ++i;
    }
    h.a_end = i, h.b_end = j;
    out.push_back(h);
  }
  return out;
}

std::string join(const std::vector<std::string>& v, std::size_t from, std::size_t to) {
  std::string s;
  for (std::size_t k = from; k < to; ++k) s += (k > from ? "\n" : "") + v[k];
  return s;
}

/// The paragraphs of one story (the body, or the footnotes) and what happened in them.
class Scanner {
 public:
  Scanner(xmlNodePtr root, std::size_t& order) : root_(root), order_(order), places_(paragraphs(root)) {
    for (std::size_t i = 0; i < places_.size(); ++i) index_[places_[i].p] = i;
  }

  const std::vector<ParagraphPlace>& places() const { return places_; }

  struct Anchor {
    std::size_t place = SIZE_MAX;  ///< index into places(), SIZE_MAX: none
    std::size_t order = 0;
  };
  struct Change {
    std::string kind, author, date, text;
    std::size_t place;
    std::size_t order;
  };

  void scan() { node(root_); }

  std::map<std::string, Anchor> comment_anchor;  ///< comment id → where it starts
  std::map<std::string, std::string> commented;  ///< comment id → the text it covers
  std::vector<Change> changes;

 private:
  void node(xmlNodePtr n) {
    for (xmlNodePtr c = n->children; c; c = c->next) {
      if (c->type != XML_ELEMENT_NODE) continue;
      if (is_w(c, "p")) {
        if (auto it = index_.find(c); it != index_.end()) place_ = it->second;
        node(c);
        for (auto& [id, text] : open_) text += '\n';
      } else if (is_w(c, "pPr") || is_w(c, "rPr") || is_w(c, "trPr") || is_w(c, "tcPr") || is_w(c, "tblPr") ||
                 is_w(c, "sectPr")) {
        // Formatting, including tracked changes of a paragraph mark or a format: not text.
      } else if (is_w(c, "commentRangeStart")) {
        const std::string id = w_attr(c, "id");
        comment_anchor[id] = {place_, ++order_};
        open_[id];
      } else if (is_w(c, "commentRangeEnd")) {
        const std::string id = w_attr(c, "id");
        if (auto it = open_.find(id); it != open_.end()) {
          std::string t = it->second;
          while (!t.empty() && t.back() == '\n') t.pop_back();
          commented[id] = t;
          open_.erase(it);
        }
      } else if (is_w(c, "commentReference")) {
        const std::string id = w_attr(c, "id");
        if (!comment_anchor.count(id)) comment_anchor[id] = {place_, ++order_};
      } else if (is_w(c, "ins") || is_w(c, "moveTo") || is_w(c, "del") || is_w(c, "moveFrom")) {
        const bool ins = is_w(c, "ins") || is_w(c, "moveTo");
        const std::string text = paragraph_text(c, ins ? View::Current : View::Original);
        const std::string author = w_attr(c, "author"), date = w_attr(c, "date");
        const char* kind = ins ? "insertion" : "deletion";
        // Word splits one edit into several elements (one per run): joined when they follow each other.
        if (!changes.empty() && changes.back().kind == kind && changes.back().author == author &&
            changes.back().place == place_ && last_change_end_ == previous_element(c)) {
          changes.back().text += text;
        } else if (!text.empty()) {
          changes.push_back({kind, author, date, text, place_, ++order_});
        }
        last_change_end_ = c;
        if (!ins) ++in_deleted_;
        node(c);
        if (!ins) --in_deleted_;
      } else if (is_w(c, "t") || is_w(c, "delText")) {
        if (!in_deleted_ && is_w(c, "t") && !open_.empty()) {
          xmlChar* t = xmlNodeGetContent(c);
          for (auto& [id, text] : open_) text += reinterpret_cast<const char*>(t ? t : BAD_CAST "");
          xmlFree(t);
        }
      } else if (is_w(c, "instrText")) {
        // field code
      } else {
        node(c);
      }
    }
  }

  /// The element before `n` among its siblings, skipping bookmarks and other empty markers.
  static xmlNodePtr previous_element(xmlNodePtr n) {
    for (xmlNodePtr p = n->prev; p; p = p->prev) {
      if (p->type != XML_ELEMENT_NODE) continue;
      if (is_w(p, "bookmarkStart") || is_w(p, "bookmarkEnd") || is_w(p, "proofErr")) continue;
      return p;
    }
    return nullptr;
  }

  xmlNodePtr root_;
  std::size_t& order_;
  std::vector<ParagraphPlace> places_;
  std::map<xmlNodePtr, std::size_t> index_;
  std::size_t place_ = SIZE_MAX;
  std::map<std::string, std::string> open_;
  xmlNodePtr last_change_end_ = nullptr;
  int in_deleted_ = 0;
};

class Reviewer {
 public:
  explicit Reviewer(const std::filesystem::path& path) : path_(path), shown_(path.string()) {}

  Review run() {
    ZipReader zip(path_, shown_);
    const std::optional<std::string> document = zip.read("word/document.xml");
    if (!document) throw Error(ErrorCode::Input, "not a Word document (no word/document.xml)", {shown_});
    // The origins part: customXml/item1.xml as written; Word may renumber custom XML items.
    std::optional<std::vector<Origin>> origins;
    for (const std::string& name : zip.names()) {
      static const std::regex item(R"(customXml/item[0-9]+\.xml)");
      if (!std::regex_match(name, item)) continue;
      if (auto part = zip.read(name))
        if ((origins = read_origins(*part))) break;
    }
    if (!origins)
      throw Error(ErrorCode::Input,
                  "not a DOCX written by sdgreport (it has no source-marker part, customXml with namespace " +
                      std::string(kOriginsNamespace) +
                      "): review the file `sdgreport build --format docx` wrote",
                  {shown_});
    for (Origin& o : *origins) origins_[o.n] = std::move(o);

    DocPtr body = parse_part(*document, "word/document.xml", shown_);
    std::optional<DocPtr> notes;
    if (auto f = zip.read("word/footnotes.xml")) notes.emplace(parse_part(*f, "word/footnotes.xml", shown_));
    std::map<std::string, std::array<std::string, 3>> comments;  // id → author, date, text
    if (auto c = zip.read("word/comments.xml")) read_comments(*c, comments);

    std::size_t order = 0;
    Scanner main(xmlDocGetRootElement(body.get()), order);
    std::size_t markers = 0;
    for (const ParagraphPlace& p : main.places()) markers = std::max(markers, p.marker);
    if (!markers)
      throw Error(
          ErrorCode::Input,
          "the source markers were lost (no '_sdg' bookmarks left in the text); was it saved in a format "
          "that drops bookmarks? Review a copy saved as .docx by Word or LibreOffice",
          {shown_});
    main.scan();
    std::vector<std::pair<Scanner*, const char*>> stories{{&main, ""}};
    std::optional<Scanner> fn;
    if (notes) {
      fn.emplace(xmlDocGetRootElement(notes->get()), order);
      fn->scan();
      stories.push_back({&*fn, "footnote"});
    }

    // Comments, where their range starts (or where their reference is).
    std::set<std::string> placed;
    for (auto& [scanner, story] : stories)
      for (const auto& [id, anchor] : scanner->comment_anchor) {
        if (placed.count(id)) continue;
        placed.insert(id);
        ReviewItem it = item_at(*scanner, anchor.place, story, "comment", anchor.order);
        if (auto c = comments.find(id); c != comments.end()) {
          it.author = c->second[0];
          it.date = c->second[1];
          it.text = c->second[2];
        }
        if (auto t = scanner->commented.find(id); t != scanner->commented.end()) it.commented = t->second;
        add(std::move(it));
      }
    for (const auto& [id, c] : comments)
      if (!placed.count(id)) {
        ReviewItem it;
        it.kind = "comment";
        it.author = c[0], it.date = c[1], it.text = c[2];
        it.order = ++order;
        add(std::move(it));
      }
    // Tracked changes.
    for (auto& [scanner, story] : stories)
      for (const Scanner::Change& ch : scanner->changes) {
        ReviewItem it = item_at(*scanner, ch.place, story, ch.kind.c_str(), ch.order);
        it.author = ch.author, it.date = ch.date, it.text = ch.text;
        add(std::move(it));
      }
    // Edits made without tracking: each marker's text with tracked changes rejected, against the build's.
    std::set<std::size_t> seen;
    for (auto& [scanner, story] : stories) untracked(*scanner, story, seen, order);
    for (const auto& [n, o] : origins_) {
      if (seen.count(n) || squash(o.text).empty()) continue;
      ReviewItem it = from_origin(o, "untracked", ++order);
      it.before = o.text;  // its bookmark is gone: the text was deleted (or the marker lost)
      add(std::move(it));
    }

    std::stable_sort(review_.items.begin(), review_.items.end(),
                     [](const ReviewItem& a, const ReviewItem& b) {
                       const bool au = a.origin.empty(), bu = b.origin.empty();
                       if (au != bu) return bu;  // unmapped last
                       if (a.file != b.file) return a.file < b.file;
                       if (a.line != b.line) return a.line < b.line;
                       return a.order < b.order;
                     });
    review_.path = shown_;
    return std::move(review_);
  }

 private:
  void read_comments(const std::string& xml, std::map<std::string, std::array<std::string, 3>>& out) {
    DocPtr d = parse_part(xml, "word/comments.xml", shown_);
    for (xmlNodePtr c = xmlDocGetRootElement(d.get())->children; c; c = c->next) {
      if (!is_w(c, "comment")) continue;
      std::string text;
      for (xmlNodePtr p = c->children; p; p = p->next)
        if (is_w(p, "p")) text += (text.empty() ? "" : "\n") + paragraph_text(p, View::Current);
      out[w_attr(c, "id")] = {w_attr(c, "author"), w_attr(c, "date"), text};
    }
  }

  ReviewItem from_origin(const Origin& o, const char* kind, std::size_t order) const {
    ReviewItem it;
    it.kind = kind;
    it.origin = o.origin;
    it.marker_kind = o.kind;
    it.order = order;
    static const std::regex file_line(R"((.*):([0-9]+))");
    std::smatch m;
    if (std::regex_match(o.origin, m, file_line)) {
      it.file = m[1];
      it.line = std::stoi(m[2]);
    } else {
      it.file = o.origin;
    }
    return it;
  }

  /// An item at paragraph `place` of a story: its marker's origin, and within a table the row and column.
  ReviewItem item_at(const Scanner& s, std::size_t place, const char* story, const char* kind,
                     std::size_t order) {
    if (place == SIZE_MAX || place >= s.places().size() || !s.places()[place].marker ||
        !origins_.count(s.places()[place].marker)) {
      ReviewItem it;
      it.kind = kind;
      it.order = order;
      return it;
    }
    const ParagraphPlace& p = s.places()[place];
    const Origin& o = origins_.at(p.marker);
    ReviewItem it = from_origin(o, kind, order);
    it.place = story;
    if (p.row) refine_table(it, s, p);
    return it;
  }

  /// Within a table: "row 3, column 'Oslo'"; for a Markdown table the line of the row itself.
  static void refine_table(ReviewItem& it, const Scanner& s, const ParagraphPlace& p) {
    std::string column;
    for (const ParagraphPlace& q : s.places())
      if (q.marker == p.marker && q.row == 1 && q.column == p.column) {
        column = paragraph_text(q.p, View::Current);
        break;
      }
    std::string where = p.row == 1 ? "header row" : "row " + std::to_string(p.row - 1);
    where += ", column " + std::to_string(p.column) + (column.empty() ? "" : " '" + column + "'");
    it.place = it.place.empty() ? where : it.place + ", " + where;
    // A Markdown table: header on its first line, the delimiter row next, then one line per row.
    if (it.line > 0 && it.marker_kind == "table") it.line += p.row == 1 ? 0 : static_cast<int>(p.row);
  }

  void untracked(const Scanner& s, const char* story, std::set<std::size_t>& seen, std::size_t& order) {
    std::map<std::size_t, std::vector<std::size_t>> by_marker;  // marker → paragraph indexes
    for (std::size_t i = 0; i < s.places().size(); ++i)
      if (s.places()[i].marker) by_marker[s.places()[i].marker].push_back(i);
    for (const auto& [n, idx] : by_marker) {
      seen.insert(n);
      auto o = origins_.find(n);
      if (o == origins_.end()) continue;
      // Lines, as the build stored them: paragraphs, and line breaks inside a paragraph.
      std::vector<std::string> now;
      std::vector<std::size_t> paragraph_of;  // line → index into places()
      for (std::size_t i : idx)
        for (std::string& l : lines_of(paragraph_text(s.places()[i].p, View::Original))) {
          if (squash(l).empty())
            continue;  // empty paragraphs (LibreOffice adds some around fields) say nothing
          now.push_back(std::move(l));
          paragraph_of.push_back(i);
        }
      std::vector<std::string> was = lines_of(o->second.text);
      std::erase_if(was, [](const std::string& l) { return squash(l).empty(); });
      if (now.empty() && was.empty()) continue;
      for (const Hunk& h : diff(was, now)) {
        const std::size_t at =
            paragraph_of.empty() ? idx.front() : paragraph_of[std::min(h.b_begin, paragraph_of.size() - 1)];
        ReviewItem it = item_at(s, at, story, "untracked", ++order);
        it.before = join(was, h.a_begin, h.a_end);
        it.after = join(now, h.b_begin, h.b_end);
        add(std::move(it));
      }
    }
  }

  void add(ReviewItem it) {
    if (it.origin.empty()) {
      std::string what = it.kind == "comment" ? "comment by " + (it.author.empty() ? "?" : it.author) + " '" +
                                                    it.text.substr(0, 60) + "'"
                                              : it.kind + " '" + (it.text + it.after).substr(0, 60) + "'";
      review_.warnings.push_back(
          what +
          " is not inside a paragraph the build wrote (before the first source marker, or its "
          "marker was removed); it is listed without a source [" +
          std::string(code_name(Code::ReviewUnmapped)) + "]");
    }
    review_.items.push_back(std::move(it));
  }

  std::filesystem::path path_;
  std::string shown_;
  std::map<std::size_t, Origin> origins_;
  Review review_;
};

std::string quoted(const std::string& s) {
  std::string out = "\u201C";
  for (char c : s) out += c == '\n' ? std::string("\u23CE ") : std::string(1, c);
  return out + "\u201D";
}

}  // namespace

Review review(const std::filesystem::path& path) {
  return Reviewer(path).run();
}

std::string review_text(const Review& r) {
  std::string o;
  for (const ReviewItem& it : r.items) {
    std::string where =
        it.origin.empty() ? "(no source)" : it.file + (it.line ? ":" + std::to_string(it.line) : "");
    if (!it.place.empty()) where += " (" + it.place + ")";
    o += where + ": ";
    const std::string by = it.author.empty() ? "" : " by " + it.author;
    const std::string when = it.date.empty() ? "" : " (" + it.date + ")";
    if (it.kind == "comment") {
      o += "comment" + by + when;
      if (!it.commented.empty()) o += " on " + quoted(it.commented);
      o += ": " + quoted(it.text);
    } else if (it.kind == "insertion" || it.kind == "deletion") {
      o += (it.kind == "insertion" ? "inserted" : "deleted") + by + when + ": " + quoted(it.text);
    } else {
      o += "changed without tracking: " + quoted(it.before) + " \u2192 " + quoted(it.after);
    }
    o += "\n";
  }
  o += std::to_string(r.items.size()) + (r.items.size() == 1 ? " item" : " items") + "\n";
  return o;
}

std::string review_json(const Review& r) {
  nlohmann::ordered_json j;
  j["file"] = r.path;
  j["items"] = nlohmann::ordered_json::array();
  for (const ReviewItem& it : r.items) {
    nlohmann::ordered_json e;
    e["kind"] = it.kind;
    e["origin"] = it.origin;
    e["file"] = it.file;
    e["line"] = it.line;
    if (!it.place.empty()) e["place"] = it.place;
    if (!it.marker_kind.empty()) e["written_as"] = it.marker_kind;
    if (it.kind == "untracked") {
      e["before"] = it.before;
      e["after"] = it.after;
    } else {
      if (!it.author.empty()) e["author"] = it.author;
      if (!it.date.empty()) e["date"] = it.date;
      e["text"] = it.text;
      if (it.kind == "comment") e["commented"] = it.commented;
    }
    j["items"].push_back(std::move(e));
  }
  j["warnings"] = r.warnings;
  return j.dump(2) + "\n";
}

}  // namespace sdg::docx
