#include "body.hpp"

#include <algorithm>
#include <cmath>
#include <deque>
#include <functional>
#include <future>
#include <map>
#include <set>
#include <thread>
#include <utility>

#include "chart_png.hpp"
#include "media.hpp"
#include "palette.hpp"
#include "sdgreport/catalogue.hpp"
#include "sdgreport/i18n.hpp"
#include "sdgreport/text.hpp"
#include "sdgreport/references.hpp"
#include "sdgreport/walk.hpp"
#include "xml.hpp"

namespace sdg::docx {

namespace {

constexpr int kMaxInlineDepth = 64;
constexpr long long kEmuPerTwip = 635;
const palette::Color kAccent = palette::Color::hex(0x00689D);

std::string hex6(const palette::Color& c) {
  return c.hex_string().substr(1);
}

/// "Legend" in the report language (the HTML edition's word, which the core does not have).
std::string legend_word(Language lang) {
  static const char* const words[] = {"Legend", "Tegnforklaring", "Teiknforklaring"};  // in kLanguages order
  return words[language_index(lang)];
}

/// A character standing for a series' marker in the legend text.
const char* marker_glyph(palette::Marker m) {
  switch (m) {
    case palette::Marker::Circle:
      return "\u25CF";
    case palette::Marker::Square:
      return "\u25A0";
    case palette::Marker::Triangle:
      return "\u25B2";
    case palette::Marker::Diamond:
      return "\u25C6";
    case palette::Marker::TriangleDown:
      return "\u25BC";
    case palette::Marker::Cross:
      return "\u2715";
  }
  return "\u25CF";
}

/// A URL Word may open: web, mail and ftp addresses. Anything else is shown as text.
bool linkable(const std::string& url) {
  for (const char* scheme : {"http://", "https://", "mailto:", "ftp://"})
    if (url.size() > std::string_view(scheme).size() &&
        lower(std::string_view(url).substr(0, std::string_view(scheme).size())) == scheme)
      return true;
  return false;
}

/// Formatting of a run.
struct RunFmt {
  bool bold = false, italic = false;
  std::string rstyle;  ///< style id
  std::string color;   ///< "RRGGBB"
  std::string lang;    ///< BCP 47, "" = the document's
};

class BodyWriter : public Visitor {
 public:
  BodyWriter(const Document& doc, const Styles& styles, const BodyOptions& opts, Context& ctx)
      : doc_(doc),
        styles_(styles),
        opts_(opts),
        ctx_(ctx),
        lang_(doc.meta.language),  // the document's language, as every writer
        targets_(collect_targets(doc)) {}

  Body run() {
    doc_x_.start("w:document")
        .attr("xmlns:w", ns::w)
        .attr("xmlns:r", ns::r)
        .attr("xmlns:wp", ns::wp)
        .attr("xmlns:a", ns::a)
        .attr("xmlns:pic", ns::pic)
        .start("w:body");
    notes_x_.start("w:footnotes").attr("xmlns:w", ns::w).attr("xmlns:r", ns::r);
    notes_x_.raw(
        "<w:footnote w:type=\"separator\" w:id=\"-1\"><w:p><w:pPr><w:spacing w:after=\"0\" w:line=\"240\" "
        "w:lineRule=\"auto\"/></w:pPr><w:r><w:separator/></w:r></w:p></w:footnote><w:footnote "
        "w:type=\"continuationSeparator\" w:id=\"0\"><w:p><w:pPr><w:spacing w:after=\"0\" w:line=\"240\" "
        "w:lineRule=\"auto\"/></w:pPr><w:r><w:continuationSeparator/></w:r></w:p></w:footnote>");
    title_page();
    if (opts_.toc && !opts_.part) contents();
    walk(doc_, *this);
    if (!opts_.part) colophon();
    section_properties();
    doc_x_.end().end();
    notes_x_.end();
    Body b;
    b.document = doc_x_.finish();
    b.footnotes = notes_x_.finish();
    b.numbering = numbering();
    b.rels = std::move(rels_);
    finish_pictures(0);
    b.media = std::move(media_);
    b.origins = std::move(origins_);
    return b;
  }

  // ---------------------------------------------------------------- sections

  bool begin_section(const Section& s, const Where& w) override {
    const int level = std::min(6, w.depth());
    const std::string style = heading_style(level);
    std::string title;
    if (s.goal())
      title = goal_heading(*s.goal(), s.title(), lang_);
    else
      title = (w.number().empty() ? "" : w.number() + "\u2002") + s.title();
    RunFmt fmt;
    std::string ppr;
    if (s.goal()) {
      // The goal's colour as a band behind the heading, with text in a colour that contrasts 4.5:1.
      const palette::Color bg = palette::goal_color(*s.goal(), kAccent);
      palette::Color fg = palette::text_on(bg);
      palette::Color band = bg;
      if (palette::contrast_ratio(fg, bg) < palette::kTextContrast) {
        band = palette::darken_to_contrast(bg, palette::white(), palette::kTextContrast);
        fg = palette::white();
      }
      ppr = "<w:shd w:val=\"clear\" w:color=\"auto\" w:fill=\"" + hex6(band) + "\"/>";
      fmt.color = hex6(fg);
    }
    // A part alone: its chapter follows the title block on the first page
    // (Heading 1 starts a page in the full edition).
    if (opts_.part && level == 1 && !part_heading_written_) ppr = "<w:pageBreakBefore w:val=\"0\"/>" + ppr;
    if (level == 1) part_heading_written_ = true;
    const std::string origin = section_origin(s);
    paragraph_with(style, origin, "heading", ppr, [&](Xml& x) {
      const std::string bm = bookmark_for(s.id());
      const int id = ++bookmark_id_;
      x.empty("w:bookmarkStart", "w:id", std::to_string(id), "w:name", bm);
      run(x, title, fmt);
      x.empty("w:bookmarkEnd", "w:id", std::to_string(id));
    });
    first_ = true;
    if (s.goal() && !s.targets().empty()) targets_addressed(s, origin);
    return true;
  }

  void heading(const Heading& h, const Where& w) override {
    const int level = std::min(6, w.depth() + std::max(1, h.level));
    RunFmt fmt;
    fmt.lang = lang_of(w);
    paragraph_with(heading_style(level), origin_of(w), "heading", "",
                   [&](Xml& x) { inlines(x, h.content, fmt, 0); });
    first_ = true;
  }

  // ---------------------------------------------------------------- text blocks

  void paragraph(const Paragraph& p, const Where& w) override {
    const std::string origin = origin_of(w);
    std::string style, ppr;
    const char* kind = "paragraph";
    if (!lists_.empty()) {
      ListCtx& l = lists_.back();
      style = "Compact";
      kind = "list-item";
      if (l.first_in_item) {
        ppr = "<w:numPr><w:ilvl w:val=\"" + std::to_string(l.level) + "\"/><w:numId w:val=\"" +
              std::to_string(l.num_id) + "\"/></w:numPr>";
        l.first_in_item = false;
      } else {
        ppr = "<w:ind w:left=\"" + std::to_string(720 * (l.level + 1)) + "\"/>";
      }
    } else if (quote_depth_ > 0) {
      style = "Block Text";
      kind = "quote";
    } else if (code_depth_ > 0) {
      style = "Source Code";
      kind = "code";
    } else {
      style = first_ ? "First Paragraph" : "Body Text";
    }
    RunFmt fmt;
    fmt.lang = lang_of(w);
    if (code_depth_ > 0) fmt.rstyle = styles_.id("Verbatim Char");
    paragraph_with(style, origin, kind, ppr, [&](Xml& x) { inlines(x, p.content, fmt, 0); });
    first_ = false;
  }

  bool begin_list(const List& l, const Where&) override {
    ListCtx c;
    c.level = static_cast<int>(std::min<std::size_t>(lists_.size(), 8));
    if (l.ordered) {
      c.num_id = next_num_id_++;
      ordered_.push_back({c.num_id, c.level, l.start});
    } else {
      c.num_id = 1;
    }
    lists_.push_back(c);
    return true;
  }
  void begin_list_item(const List&, std::size_t, const Where&) override {
    lists_.back().first_in_item = true;
  }
  void end_list_item(const List&, std::size_t, const Where&) override {}  // an item's paragraphs close themselves
  void end_list(const List&, const Where&) override {
    lists_.pop_back();
    first_ = false;
  }
  bool begin_quote(const Quote&, const Where&) override {
    ++quote_depth_;
    return true;
  }
  void end_quote(const Quote&, const Where&) override { --quote_depth_; }
  bool begin_container(const Container& c, const Where&) override {
    if (c.name == "code") ++code_depth_;
    // A container's own "lang" attribute (older models); Block::lang wins (Where::lang()).
    std::string lang = lang_stack_.empty() ? std::string() : lang_stack_.back();
    if (auto it = c.attributes.find("lang"); it != c.attributes.end() && is_language_tag(it->second))
      lang = it->second;
    lang_stack_.push_back(lang);
    return true;
  }
  void end_container(const Container& c, const Where&) override {
    if (c.name == "code") --code_depth_;
    lang_stack_.pop_back();
  }

  // ---------------------------------------------------------------- data blocks

  void table(const Table& t, const Where&) override;
  void chart(const Chart& c, const Where& w) override;
  void figure(const Figure& f, const Where&) override;
  void indicator_summary(const IndicatorSummary& s, const Where& w) override;

 private:
  struct ListCtx {
    int level = 0;
    int num_id = 1;
    bool first_in_item = true;
  };
  struct Ordered {
    int num_id, level, start;
  };

  // ---- where a block comes from and its language (Where::block(), Where::lang())

  /// The innermost origin around the block (a code block's lines have their container's).
  static std::string origin_of(const Where& w) {
    for (auto it = w.blocks.rbegin(); it != w.blocks.rend(); ++it)
      if (!(*it)->origin.empty()) return (*it)->origin;
    return {};
  }
  std::string lang_of(const Where& w) const {
    if (!w.lang().empty()) return w.lang();
    return lang_stack_.empty() ? std::string() : lang_stack_.back();
  }

  /// A section heading's origin: the section's id, and the file its first text came from.
  static std::string first_origin(const Blocks& bs) {
    for (const Block& b : bs) {
      if (!b.origin.empty()) return b.origin;
      if (b.is<List>())
        for (const Blocks& item : b.as<List>().items)
          if (std::string o = first_origin(item); !o.empty()) return o;
      if (b.is<Quote>())
        if (std::string o = first_origin(b.as<Quote>().blocks); !o.empty()) return o;
      if (b.is<Container>())
        if (std::string o = first_origin(b.as<Container>().blocks); !o.empty()) return o;
    }
    return {};
  }
  static std::string first_origin(const Section& s) {
    if (std::string o = first_origin(s.blocks()); !o.empty()) return o;
    for (const Section& c : s.sections())
      if (std::string o = first_origin(c); !o.empty()) return o;
    return {};
  }
  static std::string section_origin(const Section& s) {
    std::string file = first_origin(s);
    // A Markdown origin "file:line": the heading is in that file (or in the definition); no line of its own.
    if (const std::size_t colon = file.rfind(':');
        colon != std::string::npos && file.find_first_not_of("0123456789", colon + 1) == std::string::npos)
      file.resize(colon);
    return "section '" + s.id() + "'" + (file.empty() ? "" : " (" + file + ")");
  }

  /// The style name of a heading level ("heading 2").
  static std::string heading_style(int level) { return "heading " + std::to_string(std::clamp(level, 1, 6)); }

  // ---- bookmarks

  /// The bookmark of a model id: a letter, then letters, digits and '_', at most 40 characters (Word's rule).
  std::string bookmark_for(const std::string& id) {
    if (auto it = bookmarks_.find(id); it != bookmarks_.end()) return it->second;
    std::string b = "r_";
    for (char c : id) b += std::isalnum(static_cast<unsigned char>(c)) ? c : '_';
    if (b.size() > 34) b.resize(34);
    std::string name = b;
    for (int i = 2; used_bookmarks_.count(name); ++i) name = b + "_" + std::to_string(i);
    used_bookmarks_.insert(name);
    return bookmarks_[id] = name;
  }

  // ---- paragraphs

  /// One paragraph of style `style_name` under a new marker (origin, kind); `ppr`
  /// is fixed markup added to its properties; `body` writes its runs.
  void paragraph_with(const std::string& style_name, const std::string& origin, const char* kind,
                      const std::string& ppr, const std::function<void(Xml&)>& body, Xml* target = nullptr,
                      bool marker = true) {
    Xml& x = target ? *target : doc_x_;
    x.start("w:p").start("w:pPr").empty("w:pStyle", "w:val", style_id(style_name));
    if (!ppr.empty()) x.raw(ppr);
    x.end();
    int id = 0;
    if (marker) id = open_marker(x, origin, kind);
    const std::string saved = std::exchange(current_origin_, origin);  // for the footnotes of this paragraph
    body(x);
    current_origin_ = saved;
    if (marker) x.empty("w:bookmarkEnd", "w:id", std::to_string(id));
    x.end();
  }

  /// A style id for a name, or the id itself for our own ids ("Heading1").
  std::string style_id(const std::string& name) const { return styles_.id(name); }

  int open_marker(Xml& x, const std::string& origin, const char* kind) {
    const std::size_t n = origins_.size() + 1;
    origins_.push_back({n, origin, kind, {}});
    const int id = ++bookmark_id_;
    x.empty("w:bookmarkStart", "w:id", std::to_string(id), "w:name", marker_bookmark(n));
    return id;
  }

  void run(Xml& x, const std::string& text, const RunFmt& f) {
    if (text.empty()) return;
    x.start("w:r");
    run_props(x, f);
    x.start("w:t").attr("xml:space", "preserve").text(text).end();
    x.end();
  }
  void run_props(Xml& x, const RunFmt& f) {
    if (f.rstyle.empty() && !f.bold && !f.italic && f.color.empty() && f.lang.empty()) return;
    x.start("w:rPr");
    if (!f.rstyle.empty()) x.empty("w:rStyle", "w:val", f.rstyle);
    if (f.bold) x.empty("w:b").empty("w:bCs");
    if (f.italic) x.empty("w:i").empty("w:iCs");
    if (!f.color.empty()) x.empty("w:color", "w:val", f.color);
    if (!f.lang.empty()) x.empty("w:lang", "w:val", f.lang);
    x.end();
  }
  void field(Xml& x, const std::string& instr, const std::string& result, const RunFmt& f) {
    x.start("w:fldSimple").attr("w:instr", instr);
    run(x, result, f);
    x.end();
  }

  // ---- inline runs

  void inlines(Xml& x, const Inlines& runs, RunFmt f, int depth) {
    for (const Inline& r : runs) {
      if (depth > kMaxInlineDepth) {
        run(x, plain_text({r}), f);
        continue;
      }
      switch (r.kind) {
        case Inline::Kind::Text:
          run(x, r.text, f);
          break;
        case Inline::Kind::Code: {
          RunFmt c = f;
          c.rstyle = style_id("Verbatim Char");
          run(x, r.text, c);
          break;
        }
        case Inline::Kind::LineBreak:
          x.start("w:r").empty("w:br").end();
          break;
        case Inline::Kind::Emphasis: {
          RunFmt c = f;
          c.italic = true;
          inlines(x, r.children, c, depth + 1);
          break;
        }
        case Inline::Kind::Strong: {
          RunFmt c = f;
          c.bold = true;
          inlines(x, r.children, c, depth + 1);
          break;
        }
        case Inline::Kind::Link:
          link(x, r, f, depth);
          break;
        case Inline::Kind::FootnoteRef:
          footnote(x, r, f, depth);
          break;
        case Inline::Kind::CrossRef:
          cross_ref(x, r, f, depth);
          break;
      }
    }
  }

  void link(Xml& x, const Inline& r, const RunFmt& f, int depth) {
    RunFmt c = f;
    c.rstyle = style_id("Hyperlink");
    if (r.url.starts_with("#")) {
      const RefTarget* t = find_target(targets_, r.url.substr(1));
      if (t) {
        x.start("w:hyperlink").attr("w:anchor", bookmark_for(t->id));
        r.children.empty() ? run(x, r.url, c) : inlines(x, r.children, c, depth + 1);
        x.end();
        return;
      }
    } else if (linkable(r.url)) {
      x.start("w:hyperlink").attr("r:id", hyperlink_rel(r.url));
      r.children.empty() ? run(x, r.url, c) : inlines(x, r.children, c, depth + 1);
      x.end();
      return;
    }
    r.children.empty() ? run(x, r.url, f)
                       : inlines(x, r.children, f, depth + 1);  // no link for other schemes
  }

  std::string hyperlink_rel(const std::string& url) {
    if (auto it = link_rels_.find(url); it != link_rels_.end()) return it->second;
    const std::string id = "rIdL" + std::to_string(link_rels_.size() + 1);
    rels_.push_back({id, std::string(ns::rel_doc) + "hyperlink", url, true});
    return link_rels_[url] = id;
  }

  void footnote(Xml& x, const Inline& r, const RunFmt& f, int depth) {
    if (in_note_) {  // a note inside a note: its text in parentheses
      run(x, " (", f);
      inlines(x, r.children, f, depth + 1);
      run(x, ")", f);
      return;
    }
    const int n = ++footnote_no_;
    RunFmt ref;
    ref.rstyle = style_id("footnote reference");
    x.start("w:r");
    run_props(x, ref);
    x.empty("w:footnoteReference", "w:id", std::to_string(n));
    x.end();
    // The note, under a marker with the origin of the paragraph it belongs to.
    in_note_ = true;
    notes_x_.start("w:footnote").attr("w:id", n);
    paragraph_with(
        "footnote text", current_origin_, "footnote", "",
        [&](Xml& nx) {
          nx.start("w:r");
          run_props(nx, ref);
          nx.empty("w:footnoteRef").end();
          run(nx, " ", {});
          RunFmt body;
          body.lang = f.lang;
          inlines(nx, r.children, body, depth + 1);
        },
        &notes_x_);
    notes_x_.end();
    in_note_ = false;
  }

  void cross_ref(Xml& x, const Inline& r, const RunFmt& f, int depth) {
    const RefTarget* t = find_target(targets_, r.url);
    if (!t) {  // the pipeline checked every target; one unknown here is text, not a dead link
      r.children.empty() ? run(x, r.url, f) : inlines(x, r.children, f, depth + 1);
      return;
    }
    const std::string bm = bookmark_for(t->id);
    RunFmt c = f;
    c.rstyle = style_id("Hyperlink");
    x.start("w:hyperlink").attr("w:anchor", bm);
    if (!r.children.empty()) {
      inlines(x, r.children, c, depth + 1);
    } else if (r.text == "page") {
      // "page 12": the number is a PAGEREF field Word fills in.
      const std::string shown = page_reference_text("\x01", lang_);
      const std::size_t cut = shown.find('\x01');
      run(x, shown.substr(0, cut), c);
      field(x, " PAGEREF " + bm + " \\h ", "?", c);
      if (cut != std::string::npos) run(x, shown.substr(cut + 1), c);
    } else {
      run(x, reference_text(*t, lang_), c);
    }
    x.end();
  }

  // ---- generated parts

  void title_page() {
    const Metadata& m = doc_.meta;
    const std::string def = "report definition";
    paragraph_with("Title", def + ": title", "title", "", [&](Xml& x) { run(x, m.title, {}); });
    if (!m.subtitle.empty())
      paragraph_with("Subtitle", def + ": subtitle", "title", "", [&](Xml& x) { run(x, m.subtitle, {}); });
    std::string who = m.organisation;
    for (const std::string& a : m.authors)
      if (a != m.organisation) who += (who.empty() ? "" : "; ") + a;
    if (!who.empty())
      paragraph_with("Author", def + ": authors", "title", "", [&](Xml& x) { run(x, who, {}); });
    std::string date = m.date.empty() ? std::string() : format_date(m.date, lang_);
    if (!m.edition.empty()) date += (date.empty() ? "" : " \u00B7 ") + m.edition;
    if (!date.empty()) paragraph_with("Date", def + ": date", "title", "", [&](Xml& x) { run(x, date, {}); });
    // The contents heading and every chapter heading start a page (their styles say so).
  }

  void page_break() { doc_x_.raw("<w:p><w:r><w:br w:type=\"page\"/></w:r></w:p>"); }

  /// The contents: a TOC field whose result lists the headings (levels 1–3) with
  /// links; Word fills in the page numbers when it updates the field.
  void contents() {
    struct Entry {
      int depth;
      std::string text, bookmark;
    };
    std::vector<Entry> entries;
    struct Collect : PartialVisitor {
      BodyWriter& w;
      std::vector<Entry>& out;
      Collect(BodyWriter& bw, std::vector<Entry>& e) : w(bw), out(e) {}
      bool begin_section(const Section& s, const Where& where) override {
        if (where.depth() > 3) return false;
        std::string t = s.goal() ? goal_heading(*s.goal(), s.title(), w.lang_)
                                 : (where.number().empty() ? "" : where.number() + "\u2002") + s.title();
        out.push_back({where.depth(), std::move(t), w.bookmark_for(s.id())});
        return true;
      }
    } collect(*this, entries);
    walk(doc_, collect);
    if (entries.empty()) return;
    paragraph_with("TOC Heading", "report definition: contents", "contents", "",
                   [&](Xml& x) { run(x, label(Label::Contents, lang_), {}); });
    for (std::size_t i = 0; i < entries.size(); ++i) {
      const Entry& e = entries[i];
      doc_x_.start("w:p").start("w:pPr").empty("w:pStyle", "w:val",
                                               style_id("toc " + std::to_string(e.depth)));
      doc_x_.end();
      if (i == 0)
        doc_x_.raw(
            "<w:r><w:fldChar w:fldCharType=\"begin\"/></w:r><w:r><w:instrText xml:space=\"preserve\"> TOC "
            "\\o "
            "\"1-3\" \\h \\z \\u </w:instrText></w:r><w:r><w:fldChar w:fldCharType=\"separate\"/></w:r>");
      doc_x_.start("w:hyperlink").attr("w:anchor", e.bookmark).attr("w:history", "1");
      run(doc_x_, e.text, {});
      doc_x_.end();
      if (i + 1 == entries.size()) doc_x_.raw("<w:r><w:fldChar w:fldCharType=\"end\"/></w:r>");
      doc_x_.end();
    }
  }

  void targets_addressed(const Section& s, const std::string& origin) {
    paragraph_with("Targets Addressed", origin, "targets", "", [&](Xml& x) {
      RunFmt b;
      b.bold = true;
      run(x, label(Label::TargetsAddressed, lang_), b);
      for (const std::string& id : s.targets()) {
        x.start("w:r").empty("w:br").end();
        const Target* t = Catalogue::get().find_target(id);
        run(x, id, b);
        run(x, "\u2002" + (t ? t->title(lang_) : std::string()), {});
      }
    });
  }

  void colophon() {
    const Colophon& c = doc_.meta.colophon;
    if (c.empty()) return;
    page_break();
    const std::string origin = "report definition: colophon";
    RunFmt bold;
    bold.bold = true;
    paragraph_with("Colophon", origin, "colophon", "",
                   [&](Xml& x) { run(x, label(Label::Colophon, lang_), bold); });
    auto line = [&](Label l, const std::string& v) {
      if (v.empty()) return;
      paragraph_with(
          "Colophon", origin, "colophon", "",
          [&](Xml& x) {
            run(x, label(l, lang_) + ": ", bold);
            run(x, v, {});
          },
          nullptr, false);
    };
    line(Label::Isbn, c.isbn);
    line(Label::Issn, c.issn);
    line(Label::Licence, c.licence);
    line(Label::Contact, c.contact);
    for (const std::string& s : c.data_sources) line(Label::DataSources, s);
  }

  void section_properties() {
    const Page& p = opts_.page;
    doc_x_.start("w:sectPr");
    doc_x_.empty("w:footerReference", "w:type", "default", "r:id", "rIdFooter");
    doc_x_.empty("w:pgSz", "w:w", std::to_string(p.width), "w:h", std::to_string(p.height));
    doc_x_.start("w:pgMar")
        .attr("w:top", p.margin)
        .attr("w:right", p.margin)
        .attr("w:bottom", p.margin)
        .attr("w:left", p.margin)
        .attr("w:header", 708)
        .attr("w:footer", 708)
        .attr("w:gutter", 0)
        .end();
    doc_x_.end();
  }

  std::string numbering() const {
    Xml x;
    x.start("w:numbering").attr("xmlns:w", ns::w);
    static const char* bullets[] = {"\u2022", "\u25E6", "\u25AA"};
    x.start("w:abstractNum").attr("w:abstractNumId", 0).empty("w:multiLevelType", "w:val", "multilevel");
    for (int l = 0; l < 9; ++l) {
      x.start("w:lvl").attr("w:ilvl", l).empty("w:start", "w:val", "1").empty("w:numFmt", "w:val", "bullet");
      x.empty("w:lvlText", "w:val", bullets[l % 3]).empty("w:lvlJc", "w:val", "left");
      x.start("w:pPr")
          .empty("w:ind", "w:left", std::to_string(360 * (l + 1) + 360), "w:hanging", "360")
          .end();
      x.end();
    }
    x.end();
    x.start("w:abstractNum").attr("w:abstractNumId", 1).empty("w:multiLevelType", "w:val", "multilevel");
    for (int l = 0; l < 9; ++l) {
      static const char* fmts[] = {"decimal", "lowerLetter", "lowerRoman"};
      x.start("w:lvl")
          .attr("w:ilvl", l)
          .empty("w:start", "w:val", "1")
          .empty("w:numFmt", "w:val", fmts[l % 3]);
      x.empty("w:lvlText", "w:val", "%" + std::to_string(l + 1) + ".").empty("w:lvlJc", "w:val", "left");
      x.start("w:pPr")
          .empty("w:ind", "w:left", std::to_string(360 * (l + 1) + 360), "w:hanging", "360")
          .end();
      x.end();
    }
    x.end();
    x.start("w:num").attr("w:numId", 1).empty("w:abstractNumId", "w:val", "0").end();
    for (const Ordered& o : ordered_) {
      x.start("w:num").attr("w:numId", o.num_id).empty("w:abstractNumId", "w:val", "1");
      for (int l = 0; l < 9; ++l)
        x.start("w:lvlOverride")
            .attr("w:ilvl", l)
            .empty("w:startOverride", "w:val", std::to_string(l == o.level ? o.start : 1))
            .end();
      x.end();
    }
    return x.finish();
  }

  // ---- tables and pictures

  /// "Table 3. Caption" with the number a SEQ field Word keeps counting; `bookmark` wraps the label for
  /// references.
  void caption(const char* style, Label what, const char* seq, int number, const std::string& text,
               const std::string& id, const std::string& origin, const char* kind) {
    paragraph_with(style, origin, kind, "", [&](Xml& x) {
      RunFmt lab;
      lab.rstyle = style_id("Caption Label");
      int bid = 0;
      if (!id.empty()) {
        bid = ++bookmark_id_;
        x.empty("w:bookmarkStart", "w:id", std::to_string(bid), "w:name", bookmark_for(id));
      }
      run(x, label(what, lang_) + " ", lab);
      field(x, std::string(" SEQ ") + seq + " \\* ARABIC ", std::to_string(number), lab);
      if (!text.empty()) run(x, ".", lab);
      if (bid) x.empty("w:bookmarkEnd", "w:id", std::to_string(bid));
      if (!text.empty()) run(x, " " + text, {});
    });
  }

  void source_lines(const std::string& indicator, bool national, const std::string& source,
                    const std::string& url) {
    if (!indicator.empty())
      paragraph_with(
          "Source Note", "", "note", "",
          [&](Xml& x) {
            run(x,
                (national ? label(Label::NationalIndicator, lang_) : label(Label::Indicator, lang_)) + " " +
                    indicator,
                {});
          },
          nullptr, false);
    if (source.empty() && url.empty()) return;
    paragraph_with(
        "Source Note", "", "note", "",
        [&](Xml& x) {
          run(x, label(Label::Source, lang_) + ": ", {});
          const std::string shown = source.empty() ? url : source;
          if (linkable(url)) {
            RunFmt c;
            c.rstyle = style_id("Hyperlink");
            x.start("w:hyperlink").attr("r:id", hyperlink_rel(url));
            run(x, shown, c);
            x.end();
          } else {
            run(x, shown, {});
          }
        },
        nullptr, false);
  }

  std::string cell_text(const CellView& c, const Column& col, std::set<ValueStatus>& used) const {
    auto symbol = [&](ValueStatus s) {
      const std::string& sym = status_symbol(s, lang_);
      if (!sym.empty()) used.insert(s);
      return sym;
    };
    switch (c.kind) {
      case Cell::Kind::Empty:
        return symbol(c.status);
      case Cell::Kind::Text:
        return std::string(c.text);
      case Cell::Kind::Number: {
        std::string s = format_number(c.number, col.decimals, lang_);
        if (c.status != ValueStatus::None)
          if (std::string f = symbol(c.status); !f.empty()) s += "\u00A0" + f;
        return s;
      }
    }
    return {};
  }

  void cell(const std::string& text, bool right, int width, int* marker_bid, const std::string& origin,
            bool header) {
    doc_x_.start("w:tc").start("w:tcPr").empty("w:tcW", "w:w", std::to_string(width), "w:type", "dxa").end();
    doc_x_.start("w:p").start("w:pPr").empty("w:pStyle", "w:val", style_id("Compact"));
    if (header) doc_x_.empty("w:keepNext");
    if (right) doc_x_.empty("w:jc", "w:val", "right");
    doc_x_.end();
    // The table's marker starts and ends in its first cell: LibreOffice drops a bookmark that spans cells,
    // and every later cell belongs to the marker before it anyway (markers.hpp).
    int opened = 0;
    if (marker_bid && !*marker_bid) opened = *marker_bid = open_marker(doc_x_, origin, "table");
    if (small_table_ && !text.empty()) {
      doc_x_.start("w:r").raw("<w:rPr><w:sz w:val=\"16\"/><w:szCs w:val=\"16\"/></w:rPr>");
      doc_x_.start("w:t").attr("xml:space", "preserve").text(text).end().end();
    } else {
      run(doc_x_, text, {});
    }
    if (opened) doc_x_.empty("w:bookmarkEnd", "w:id", std::to_string(opened));
    doc_x_.end().end();
  }

  /// Chart pictures are encoded as PNG on worker threads while the document is
  /// written (the encoding is a third of the Word edition's time); the bytes
  /// go into media_ in document order, so the package is the same whatever the
  /// threads' timing. At most `keep` encodings stay in flight.
  void finish_pictures(std::size_t keep) {
    while (pending_.size() > keep) {
      auto& [index, bytes] = pending_.front();
      media_[index].bytes = bytes.get();  // an encoding error is thrown here
      pending_.pop_front();
    }
  }
  void encode_later(std::size_t media_index, Pixels px) {
    static const std::size_t workers = std::max(1u, std::thread::hardware_concurrency());
    finish_pictures(workers - 1);
    pending_.emplace_back(media_index, std::async(std::launch::async, [px = std::move(px)] { return encode_png(px); }));
  }

  /// Returns the index of the picture in media_.
  std::size_t picture(std::string bytes, const std::string& ext, long long cx, long long cy,
                      const std::string& name, const std::string& alt, const std::string& title) {
    const std::string file = "media/image" + std::to_string(media_.size() + 1) + "." + ext;
    media_.push_back({file, std::move(bytes)});
    const std::string rid = "rIdM" + std::to_string(media_.size());
    rels_.push_back({rid, std::string(ns::rel_doc) + "image", file, false});
    const int id = ++docpr_id_;
    Xml& x = doc_x_;
    x.start("w:r").start("w:drawing").start("wp:inline");
    x.attr("distT", 0).attr("distB", 0).attr("distL", 0).attr("distR", 0);
    x.empty("wp:extent", "cx", std::to_string(cx), "cy", std::to_string(cy));
    x.start("wp:effectExtent").attr("l", 0).attr("t", 0).attr("r", 0).attr("b", 0).end();
    x.start("wp:docPr").attr("id", id).attr("name", name).attr("descr", alt);
    if (!title.empty()) x.attr("title", title);
    x.end();
    x.start("wp:cNvGraphicFramePr").empty("a:graphicFrameLocks", "noChangeAspect", "1").end();
    x.start("a:graphic")
        .start("a:graphicData")
        .attr("uri", "http://schemas.openxmlformats.org/drawingml/2006/picture");
    x.start("pic:pic").start("pic:nvPicPr");
    x.start("pic:cNvPr").attr("id", 0).attr("name", name).attr("descr", alt).end();
    x.empty("pic:cNvPicPr").end();
    x.start("pic:blipFill")
        .empty("a:blip", "r:embed", rid)
        .start("a:stretch")
        .empty("a:fillRect")
        .end()
        .end();
    x.start("pic:spPr").attr("bwMode", "auto").start("a:xfrm").empty("a:off", "x", "0", "y", "0");
    x.empty("a:ext", "cx", std::to_string(cx), "cy", std::to_string(cy)).end();
    x.start("a:prstGeom").attr("prst", "rect").empty("a:avLst").end().end();
    x.end().end().end().end().end().end();
    return media_.size() - 1;
  }

  const Document& doc_;
  const Styles& styles_;
  const BodyOptions& opts_;
  Context& ctx_;
  Language lang_;
  Targets targets_;
  Xml doc_x_, notes_x_;
  std::map<std::string, std::string> bookmarks_;
  std::set<std::string> used_bookmarks_;
  std::map<std::string, std::string> link_rels_;
  std::vector<Rel> rels_;
  std::vector<MediaFile> media_;
  bool part_heading_written_ = false;
  std::deque<std::pair<std::size_t, std::future<std::string>>> pending_;  ///< see encode_later
  std::vector<Origin> origins_;
  std::vector<ListCtx> lists_;
  std::vector<Ordered> ordered_;
  std::vector<std::string> lang_stack_;
  std::string current_origin_;
  int next_num_id_ = 2;
  int quote_depth_ = 0, code_depth_ = 0;
  int bookmark_id_ = 0, footnote_no_ = 0, table_no_ = 0, figure_no_ = 0, docpr_id_ = 0;
  bool first_ = true, in_note_ = false, small_table_ = false;
};

void BodyWriter::table(const Table& t, const Where& w) {
  const std::string origin = origin_of(w);
  caption("Table Caption", Label::Table, "Table", ++table_no_, t.caption, t.id, origin, "caption");
  const std::size_t nc = t.columns.size();
  // Column widths from their content: the longest word of the label (never broken), the longest cell.
  auto chars = [](std::string_view s) { return static_cast<int>(utf8_length(s)); };
  std::vector<int> weight(nc, 3);
  std::set<ValueStatus> scratch;
  for (std::size_t j = 0; j < nc; ++j) {
    const Column& c = t.columns[j];
    const std::string head = c.label + (c.unit.empty() ? "" : " (" + c.unit + ")");
    std::size_t pos = 0;
    while (pos < head.size()) {
      const std::size_t sp = std::min(head.find(' ', pos), head.size());
      weight[j] = std::max(weight[j], chars(std::string_view(head).substr(pos, sp - pos)));
      pos = sp + 1;
    }
    for (std::size_t r = 0; r < std::min<std::size_t>(t.data.rows(), 400) && j < t.data.columns(); ++r)
      weight[j] = std::max(weight[j], std::min(30, chars(cell_text(t.data.cell(r, j), c, scratch))));
  }
  for (int& wt : weight) wt += 2;  // the cell's margins, and bold header text
  int total = 0;
  for (int wt : weight) total += wt;
  // At 10 pt a character is about 5.5 pt wide, plus the cell margins; wider tables get 8 pt.
  small_table_ = total * 110 > opts_.page.text_width();
  std::vector<int> width(nc);
  for (std::size_t j = 0; j < nc; ++j) width[j] = opts_.page.text_width() * weight[j] / std::max(1, total);

  Xml& x = doc_x_;
  x.start("w:tbl").start("w:tblPr").empty("w:tblStyle", "w:val", style_id("Table"));
  x.empty("w:tblW", "w:w", std::to_string(opts_.page.text_width()), "w:type", "dxa");
  x.start("w:tblLook")
      .attr("w:val", "04A0")
      .attr("w:firstRow", 1)
      .attr("w:lastRow", 0)
      .attr("w:firstColumn", 0)
      .attr("w:lastColumn", 0)
      .attr("w:noHBand", 1)
      .attr("w:noVBand", 1)
      .end();
  x.end().start("w:tblGrid");
  for (int wd : width) x.empty("w:gridCol", "w:w", std::to_string(wd));
  x.end();
  int marker = 0;
  // The header row, repeated on every page.
  x.start("w:tr").start("w:trPr").empty("w:cantSplit").empty("w:tblHeader").end();
  for (std::size_t j = 0; j < nc; ++j) {
    const Column& c = t.columns[j];
    cell(c.label + (c.unit.empty() ? "" : " (" + c.unit + ")"), c.type == Column::Type::Number, width[j],
         &marker, origin, true);
  }
  x.end();
  std::set<ValueStatus> used;
  for (std::size_t r = 0; r < t.data.rows(); ++r) {
    x.start("w:tr").start("w:trPr").empty("w:cantSplit").end();
    for (std::size_t j = 0; j < nc; ++j) {
      const std::string v =
          j < t.data.columns() ? cell_text(t.data.cell(r, j), t.columns[j], used) : std::string();
      cell(v, t.columns[j].type == Column::Type::Number, width[j], nullptr, origin, false);
    }
    x.end();
  }
  x.end();
  if (!used.empty()) {
    std::string key = label(Label::SymbolKey, lang_) + ": ";
    bool first = true;
    for (ValueStatus s : all_value_statuses()) {
      if (!used.count(s)) continue;
      key += (first ? "" : ", ") + status_key_entry(s, lang_);
      first = false;
    }
    paragraph_with(
        "Symbol Key", origin, "symbol-key", "", [&](Xml& px) { run(px, key, {}); }, nullptr, false);
  }
  source_lines(t.indicator, t.national, t.source, t.source_url);
  first_ = false;
}

void BodyWriter::chart(const Chart& c, const Where& w) {
  const std::string origin = origin_of(w);
  int goal = w.goal();
  if (!c.national && !c.indicator.empty())
    if (const Indicator* ind = Catalogue::get().find_indicator(c.indicator)) goal = ind->goal;
  Pixels px = render_chart(c, goal, lang_, kAccent);
  const long long cx = opts_.page.text_width() * kEmuPerTwip;
  const long long cy = cx * px.height / px.width;
  paragraph_with("Captioned Figure", origin, "chart", "", [&](Xml&) {
    const std::size_t i = picture({}, "png", cx, cy, "Chart " + std::to_string(figure_no_ + 1), c.alt, c.title);
    encode_later(i, std::move(px));
  });
  caption("Image Caption", Label::Figure, "Figure", ++figure_no_, c.title, c.id, origin, "caption");
  if (!c.series.empty())
    paragraph_with(
        "Source Note", origin, "legend", "",
        [&](Xml& x) {
          run(x, legend_word(lang_) + ": ", {});
          for (std::size_t i = 0; i < c.series.size(); ++i) {
            const palette::SeriesStyle st = palette::chart_series(goal, i, kAccent);
            RunFmt col;
            col.color = hex6(st.color);
            run(x,
                (i ? "\u2003" : "") +
                    std::string(c.kind == Chart::Kind::Line ? marker_glyph(st.marker) : "\u25A0"),
                col);
            const Series& s = c.series[i];
            run(x, "\u00A0" + s.name + (s.unit.empty() ? "" : " (" + s.unit + ")"), {});
          }
        },
        nullptr, false);
  source_lines(c.indicator, c.national, c.source, c.source_url);
  first_ = false;
}

void BodyWriter::figure(const Figure& f, const Where& w) {
  const std::string origin = origin_of(w);
  const auto path = ctx_.resolve(f.path);
  if (auto img = read_image(path)) {
    const double text_pt = opts_.page.text_width() / 20.0;
    const double natural_pt = img->width * 0.75;  // pixels at 96 dpi
    double w_pt = std::min(natural_pt, text_pt);
    if (auto want = figure_width_points(f.width, text_pt)) w_pt = std::min(*want, natural_pt);
    const long long cx = static_cast<long long>(w_pt * 12700);
    const long long cy = cx * img->height / img->width;
    paragraph_with("Captioned Figure", origin, "figure", "", [&](Xml&) {
      picture(img->bytes, img->extension, cx, cy, path.filename().string(), f.alt, f.caption);
    });
  } else {
    std::error_code ec;
    ctx_.warn(std::filesystem::is_regular_file(path, ec) ? Code::ImageUnreadable : Code::ImageMissing,
              "figure '" + f.path + "' (" + path.string() +
                  ") is missing or not a PNG or JPEG image; its text alternative is shown instead");
    paragraph_with("Body Text", origin, "figure", "",
                   [&](Xml& x) { run(x, f.alt.empty() ? f.path : f.alt, {}); });
  }
  caption("Image Caption", Label::Figure, "Figure", ++figure_no_, f.caption, f.id, origin, "caption");
  first_ = false;
}

void BodyWriter::indicator_summary(const IndicatorSummary& s, const Where& w) {
  const std::string origin = origin_of(w);
  int goal = w.goal();
  if (!s.national)
    if (const Indicator* ind = Catalogue::get().find_indicator(s.indicator)) goal = ind->goal;
  const std::string bar = "<w:pBdr><w:left w:val=\"single\" w:sz=\"24\" w:space=\"8\" w:color=\"" +
                          hex6(palette::series_color(goal, kAccent)) + "\"/></w:pBdr>";
  RunFmt bold;
  bold.bold = true;
  bool marked = false;
  auto line = [&](const std::function<void(Xml&)>& body) {
    paragraph_with("Indicator", origin, "indicator", bar, body, nullptr, !marked);
    marked = true;
  };
  line([&](Xml& x) {
    run(x,
        (s.national ? label(Label::NationalIndicator, lang_) : label(Label::Indicator, lang_)) + " " +
            s.indicator,
        bold);
    if (!s.title.empty()) run(x, "\u2002" + s.title, {});
  });
  line([&](Xml& x) {
    RunFmt big = bold;
    run(x,
        s.value ? format_number(*s.value, s.decimals, lang_)
                : status_symbol(ValueStatus::NotAvailable, lang_),
        big);
    if (!s.unit.empty()) run(x, " " + s.unit, {});
    if (!s.year.empty()) run(x, " (" + s.year + ")", {});
    if (!s.series.empty()) run(x, "\u2002" + label(Label::Series, lang_) + ": " + s.series, {});
  });
  line([&](Xml& x) {
    run(x, label(Label::Progress, lang_) + ": ", {});
    RunFmt p;
    p.color = hex6(palette::darken_to_contrast(palette::progress_color(s.progress), palette::white(),
                                               palette::kTextContrast));
    p.bold = true;
    run(x, progress_label(s.progress, lang_), p);
  });
  source_lines({}, false, s.source, s.source_url);
  first_ = false;
}

}  // namespace

Body write_body(const Document& doc, const Styles& styles, const BodyOptions& opts, Context& ctx) {
  BodyWriter w(doc, styles, opts, ctx);
  return w.run();
}

}  // namespace sdg::docx
