// sdgreport — the PDF format plugin (PoDoFo 0.9.8).
//
// Walks the document once with sdg::walk(): a cover page, a table of contents
// (its pages reserved up front and drawn at the end, once every heading has
// landed), then chapters on new pages, numbered headings, goal bands in the
// goal's colour, text, lists, quotes, tables, indicator boxes, figures and vector
// charts; page furniture, page labels (roman for the front matter), document
// info, bookmarks.
//
// Tagged PDF/UA-1: a structure tree built while drawing (tagging.hpp), every
// piece of page content marked (canvas.hpp), /MarkInfo, /Lang, DisplayDocTitle,
// XMP metadata with pdfuaid:part 1, /Tabs /S on pages with links.
//
// Compact and reproducible: the final pass (object_streams.hpp) packs every
// non-stream object into Flate object streams with a cross-reference stream;
// dates come from ctx.epoch(), and the trailer /ID is an MD5 of the written
// bytes (patched in place after writing; same length, so offsets hold).
//
// Options: paper: a4 | letter (default a4); font: sans | serif (default sans);
// toc: true | false (default true); goal_page_break: true | false (default true:
// each goal section starts on a new page).
//
// Private helpers beside this file: style (colours, WCAG contrast), layout
// (spans and line breaking), fonts (DejaVu subsets and metrics), canvas (pages,
// cursor, furniture), renderer (one method per block kind, one file per job: see
// renderer.hpp), table_layout (column widths) and chart.
#include <podofo/podofo.h>

#include <cctype>
#include <ctime>
#include <fstream>
#include <string>

#include "renderer.hpp"
#include "canvas.hpp"
#include "factsheet.hpp"
#include "fonts.hpp"
#include "object_streams.hpp"
#include "tagging.hpp"
#include "sdgreport/error.hpp"
#include "sdgreport/i18n.hpp"
#include "sdgreport/log.hpp"
#include "sdgreport/references.hpp"
#include "sdgreport/plugin.hpp"
#include "sdgreport/walk.hpp"

namespace sdg::pdf {
namespace {

using namespace PoDoFo;

constexpr const char* kVersion = "0.1.0";

/// Forwards the walk to the renderer.
class PdfVisitor : public Visitor {
 public:
  PdfVisitor(Renderer& r, Canvas& c, Language report_lang) : r_(r), c_(c), report_lang_(report_lang) {}

  void begin_document(const Document& d) override {
    doc_ = &d;
    glance_before_ = Renderer::at_a_glance_before(d);
    if (part_) {
      r_.title_block(d.meta);  // a part alone (main messages): no cover, no contents
      return;
    }
    r_.cover(d.meta);
    if (toc_) r_.reserve_contents(d);
  }
  void end_document(const Document& d) override {
    r_.flush_figure();
    c_.set_lang({});
    if (!part_) r_.colophon(d.meta);
  }
  bool toc_ = true;
  bool part_ = false;  // `part: main_messages`: the chapter alone under a title block
  bool goal_page_break_ = true;
  bool begin_section(const Section& s, const Where& w) override {
    r_.flush_figure();  // a waiting figure stays in its section
    c_.set_lang({});
    if (w.depth() == 1) {
      // The at-a-glance page: after the chapter the pipeline named (the
      // highlights), else before the first chapter with goal sections.
      if (&s == glance_before_) r_.at_a_glance(*doc_);
      c_.anchor(s.id());  // cross-reference targets land where their first content is drawn
      r_.chapter(s, w);
    } else {
      if (goal_page_break_ && s.goal()) r_.goal_page_break(s, w);  // before the anchor: it opens the new page
      c_.anchor(s.id());
      r_.section(s, w);
    }
    return true;
  }
  void end_section(const Section&, const Where&) override {
    r_.flush_figure();
    c_.set_lang({});
  }
  void heading(const Heading& h, const Where& w) override {
    r_.flush_figure();
    in(w);
    r_.heading(h, w);
  }
  // Only paragraphs float up past a waiting figure (Renderer::figure()); every
  // other block draws it first.
  void paragraph(const Paragraph& p, const Where& w) override {
    in(w);
    r_.paragraph(p.content);
  }
  bool begin_list(const List& l, const Where& w) override {
    r_.flush_figure();
    in(w);
    ++nested_;
    r_.begin_list(l);
    return true;
  }
  void begin_list_item(const List& l, std::size_t i, const Where& w) override {
    in(w);
    r_.begin_list_item(l, i);
  }
  void end_list_item(const List&, std::size_t, const Where&) override { r_.end_list_item(); }
  void end_list(const List&, const Where&) override {
    r_.flush_figure();
    --nested_;
    r_.end_list();
  }
  bool begin_quote(const Quote&, const Where& w) override {
    r_.flush_figure();
    in(w);
    ++nested_;
    r_.begin_quote(w);
    return true;
  }
  void end_quote(const Quote&, const Where&) override {
    r_.flush_figure();
    --nested_;
    r_.end_quote();
  }
  void table(const Table& t, const Where& w) override {
    r_.flush_figure();
    in(w);
    if (!t.id.empty()) c_.anchor(t.id);
    r_.table(t, w);
  }
  void chart(const Chart& c, const Where& w) override {
    r_.flush_figure();
    in(w);
    if (!c.id.empty()) c_.anchor(c.id);
    r_.chart(c, w);
  }
  // The renderer sets the figure's anchor where it lands (it may wait for the next page).
  void figure(const Figure& f, const Where& w) override {
    r_.flush_figure();
    in(w);  // a figure that waits for the next page keeps its language (Renderer::figure)
    r_.figure(f, nested_ == 0);
  }
  void indicator_summary(const IndicatorSummary& s, const Where& w) override {
    r_.flush_figure();
    in(w);
    r_.indicator(s, w);
  }
  // Containers: the walker renders their children; a figure in one does not wait.
  bool begin_container(const Container&, const Where& w) override {
    r_.flush_figure();
    in(w);
    ++nested_;
    return true;
  }
  void end_container(const Container&, const Where&) override {
    r_.flush_figure();
    --nested_;
  }

 private:
  /// Language of parts: the elements of the block at `w` get its language when it
  /// is not the report's.
  void in(const Where& w) { c_.set_lang(same_language(w.lang(), report_lang_) ? std::string() : w.lang()); }

  Renderer& r_;
  Canvas& c_;
  Language report_lang_;
  const Document* doc_ = nullptr;
  const Section* glance_before_ = nullptr;  // the chapter the at-a-glance page precedes
  int nested_ = 0;                          // depth in lists, quotes and containers
};

/// True when a cross-reference asks for a page number ("page 12").
bool has_page_references(const Inlines& runs) {
  for (const Inline& r : runs)
    if ((r.kind == Inline::Kind::CrossRef && r.text == "page") || has_page_references(r.children)) return true;
  return false;
}

class PageRefFinder : public PartialVisitor {
 public:
  bool found = false;
  void heading(const Heading& h, const Where&) override { found = found || has_page_references(h.content); }
  void paragraph(const Paragraph& p, const Where&) override { found = found || has_page_references(p.content); }
};

/// The epoch as UTC time in a strftime format (PdfDate would use the local zone).
std::string utc_time(std::int64_t epoch, const char* format) {
  const auto t = static_cast<std::time_t>(epoch);
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, format, &tm);
  return buf;
}

/// PDF date string "D:YYYYMMDDHHmmSSZ".
std::string pdf_date(std::int64_t epoch) { return utc_time(epoch, "D:%Y%m%d%H%M%SZ"); }

void set_info(PdfMemDocument& doc, const Metadata& meta, Language lang, std::int64_t epoch) {
  PdfInfo* info = doc.GetInfo();
  info->SetTitle(utf8(meta.title));
  if (!meta.organisation.empty() || !meta.authors.empty()) {
    std::string author = meta.organisation;
    if (author.empty())
      for (const auto& a : meta.authors) author += (author.empty() ? "" : ", ") + a;
    info->SetAuthor(utf8(author));
  }
  if (!meta.subtitle.empty()) info->SetSubject(utf8(meta.subtitle));
  if (!meta.keywords.empty()) {
    std::string k;
    for (const auto& w : meta.keywords) k += (k.empty() ? "" : ", ") + w;
    info->SetKeywords(utf8(k));
  }
  info->SetCreator(PdfString("sdgreport"));
  // No parentheses: PoDoFo 0.9.8 drops the closing one when it escapes a PdfString.
  info->SetProducer(PdfString(std::string("sdgreport-pdf ") + kVersion + ", PoDoFo " PODOFO_VERSION_STRING));
  // PdfInfo stamps the wall clock into CreationDate; pin both dates to the build epoch.
  PdfDictionary& d = info->GetObject()->GetDictionary();
  d.AddKey(PdfName("CreationDate"), PdfString(pdf_date(epoch)));
  d.AddKey(PdfName("ModDate"), PdfString(pdf_date(epoch)));
  doc.SetLanguage(language_tag(lang));
  doc.SetDisplayDocTitle();
}

/// ISO 8601 date-time in UTC for XMP.
std::string iso_date(std::int64_t epoch) { return utc_time(epoch, "%Y-%m-%dT%H:%M:%SZ"); }

void set_metadata(PdfMemDocument& doc, const Metadata& meta, Language lang, std::int64_t epoch) {
  PdfInfo* info = doc.GetInfo();
  XmpFields x;
  x.title = meta.title;
  x.author = info->GetAuthor().GetStringUtf8();
  x.subject = meta.subtitle;
  x.keywords = info->GetKeywords().GetStringUtf8();
  x.producer = info->GetProducer().GetStringUtf8();
  x.creator_tool = "sdgreport";
  x.lang = language_tag(lang);
  x.date_iso = iso_date(epoch);
  const std::string xmp = xmp_packet(x);
  PdfObject* md = doc.GetObjects().CreateObject("Metadata");
  md->GetDictionary().AddKey(PdfName("Subtype"), PdfName("XML"));
  md->GetStream()->Set(xmp.data(), static_cast<pdf_long>(xmp.size()), TVecFilters());  // uncompressed
  doc.GetCatalog()->GetDictionary().AddKey(PdfName("Metadata"), md->Reference());
}

/// Page labels: roman (i, ii, …) for the front matter, arabic from 1 after it.
void set_page_labels(PdfMemDocument& doc, int main_start, int page_count) {
  PdfArray nums;
  PdfDictionary front, main;
  front.AddKey(PdfName("S"), PdfName("r"));
  main.AddKey(PdfName("S"), PdfName("D"));
  nums.push_back(PdfVariant(static_cast<pdf_int64>(0)));
  nums.push_back(main_start > 0 ? front : main);
  if (main_start > 0 && main_start < page_count) {
    nums.push_back(PdfVariant(static_cast<pdf_int64>(main_start)));
    nums.push_back(main);
  }
  PdfDictionary labels;
  labels.AddKey(PdfName("Nums"), nums);
  doc.GetCatalog()->GetDictionary().AddKey(PdfName("PageLabels"), labels);
}

void build_outline(PdfMemDocument& doc, const std::vector<OutlineEntry>& entries, double page_height) {
  if (entries.empty()) return;
  struct Open {
    int level;
    PdfOutlineItem* item;
  };
  std::vector<Open> stack;
  PdfOutlineItem* last_top = nullptr;
  for (const OutlineEntry& e : entries) {
    // Pages are looked up now that all exist (CreatePage pointers go stale).
    const PdfPage* page = doc.GetPage(e.page);
    const PdfDestination dest(page, 0, std::min(e.y, page_height), 0);
    const PdfString title = utf8(e.title);
    while (!stack.empty() && stack.back().level >= e.level) stack.pop_back();
    PdfOutlineItem* item = nullptr;
    if (stack.empty()) {
      if (last_top == nullptr) {
        item = doc.GetOutlines()->CreateRoot(title);
        item->SetDestination(dest);
      } else {
        item = last_top->CreateNext(title, dest);
      }
      last_top = item;
    } else {
      PdfOutlineItem* parent = stack.back().item;
      item = parent->Last() != nullptr ? parent->Last()->CreateNext(title, dest)
                                       : parent->CreateChild(title, dest);
    }
    stack.push_back({e.level, item});
  }
  doc.SetPageMode(ePdfPageModeUseBookmarks);
}

/// Turns PoDoFo's own stderr logging off for a scope and restores it after.
class QuietPoDoFoLog {
 public:
  QuietPoDoFoLog() : was_(PdfError::LoggingEnabled()) { PdfError::EnableLogging(false); }
  ~QuietPoDoFoLog() { PdfError::EnableLogging(was_); }
  QuietPoDoFoLog(const QuietPoDoFoLog&) = delete;
  QuietPoDoFoLog& operator=(const QuietPoDoFoLog&) = delete;

 private:
  bool was_;
};

/// Streams PoDoFo creates for a scope (page contents, fonts) get no filter, so
/// they are not compressed twice: the final pass (object_streams.hpp)
/// compresses them, faster and smaller than PoDoFo's zlib. Restored after.
class UnfilteredStreams {
 public:
  UnfilteredStreams() : was_(PdfStream::eDefaultFilter) { PdfStream::eDefaultFilter = ePdfFilter_None; }
  ~UnfilteredStreams() { PdfStream::eDefaultFilter = was_; }
  UnfilteredStreams(const UnfilteredStreams&) = delete;
  UnfilteredStreams& operator=(const UnfilteredStreams&) = delete;

 private:
  EPdfFilter was_;
};

std::string describe(const PdfError& e) {
  // PdfError::what() is only the enum name; use the message table and the detail.
  const char* text = PdfError::ErrorMessage(e.GetError());
  std::string msg = text != nullptr && *text ? text : PdfError::ErrorName(e.GetError());
  while (!msg.empty() && (msg.back() == '.' || msg.back() == ' ')) msg.pop_back();
  if (!msg.empty()) msg[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(msg[0])));
  for (const PdfErrorInfo& info : e.GetCallstack())
    if (!info.GetInformation().empty()) {
      msg += " (" + info.GetInformation() + ")";
      break;
    }
  return msg;
}

/// The last steps of every PDF this plugin writes (the report and the
/// factsheets): internal links resolved (a warning for each that has no place),
/// the structure tree, page labels (roman before `main_start`), the outline,
/// Info and XMP metadata, then the compact file at req.path.
void finish_and_write(PdfMemDocument& pdf, Canvas& canvas, const Renderer& renderer,
                      const Targets& targets, const PageGeometry& geometry, int main_start,
                      const Metadata& info, Language lang, Context& ctx, const WriteRequest& req) {
  for (const std::string& id : canvas.resolve_links([&](const std::string& id) {
         const RefTarget* t = find_target(targets, id);
         return t ? t->id : id;
       }))
    ctx.warn(Code::PdfLinkTarget, "internal link to '" + id + "' has no place in the PDF; it points at the first page");
  const int pages = canvas.page_count();
  canvas.tree().write(pdf, pages);
  set_page_labels(pdf, std::min(main_start, pages), pages);
  build_outline(pdf, renderer.outline(), geometry.height);
  set_info(pdf, info, lang, ctx.epoch());
  set_metadata(pdf, info, lang, ctx.epoch());
  const std::string bytes = write_compact(pdf);
  std::ofstream out(req.path, std::ios::binary);
  out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  out.close();
  if (!out) throw Error(ErrorCode::Output, "cannot write PDF " + req.final_path.string());
}

}  // namespace

class PdfWriter : public FormatWriter {
 public:
  const char* extension() const override { return "pdf"; }

  void write(const Document& doc, const WriteRequest& req, Context& ctx) override {
    // `part: main_messages`: the pipeline hands over that chapter alone (document_part()).
    const bool part = req.options.string_or("part", "all") != "all";
    const bool toc = req.options.boolean_or("toc", true) && !part;
    const bool goal_page_break = req.options.boolean_or("goal_page_break", true);
    // Check options before doing anything.
    // The output's `paper` option, else the theme's page size, else A4.
    const std::string& size = doc.meta.theme.page_size;
    const std::string paper = req.options.string_or("paper", size == "Letter" ? "letter" : "a4");
    if (paper != "a4" && paper != "letter")
      throw req.options.error("paper", "expected 'a4' or 'letter', got '" + paper + "'");
    const std::string font = req.options.string_or("font", "sans");
    if (font != "sans" && font != "serif")
      throw req.options.error("font", "expected 'sans' or 'serif', got '" + font + "'");
    const Language lang = doc.meta.language;
    // The theme's font files, when given, replace DejaVu (and the `font` option) for text.
    const Theme& th = doc.meta.theme;
    auto font_file = [&](const std::string& f) { return f.empty() ? f : ctx.resolve(f).string(); };
    const ThemeFaces theme_faces{font_file(th.font_regular), font_file(th.font_bold), font_file(th.font_italic),
                                 font_file(th.font_bold_italic)};
    auto make_fonts = [&](PdfMemDocument& d) {
      return th.font_regular.empty() ? Fonts(d, font == "serif" ? Family::Serif : Family::Sans)
                                     : Fonts(d, theme_faces);
    };

    // Pages are appended without CreatePage (page_tree.hpp), so PoDoFo's page
    // cache misses once per page on the first GetPage() and logs each miss to
    // stderr; its log is not ours to show (our messages go through ctx.warn).
    const QuietPoDoFoLog quiet_podofo;
    const UnfilteredStreams unfiltered;
    const Targets targets = collect_targets(doc);
    PageRefFinder finder;
    walk(doc, finder);
    try {
      // "page 12" needs the page of a target that may come later: lay the
      // document out once without writing it, to learn where every target lands.
      std::map<std::string, std::string> target_pages;
      if (finder.found) {
        PdfMemDocument scratch;
        scratch.SetPdfVersion(ePdfVersion_1_7);
        Fonts fonts = make_fonts(scratch);
        Canvas canvas(scratch, fonts, paper == "letter" ? PageGeometry::letter() : PageGeometry::a4());
        Context quiet(ctx.base_dir(), ctx.language(), ctx.epoch());  // its warnings come again below
        const auto level = log().level();
        log().set_level(spdlog::level::err);
        try {
          Renderer renderer(scratch, canvas, quiet, lang);
          renderer.set_targets(&targets);
          PdfVisitor visitor(renderer, canvas, lang);
          visitor.toc_ = toc;
          visitor.part_ = part;
          visitor.goal_page_break_ = goal_page_break;
          walk(doc, visitor);
          canvas.finish();
          target_pages = renderer.anchor_pages();
        } catch (...) {
          log().set_level(level);
          throw;
        }
        log().set_level(level);
      }
      PdfMemDocument pdf;
      pdf.SetPdfVersion(ePdfVersion_1_7);
      Fonts fonts = make_fonts(pdf);
      const PageGeometry geometry = paper == "letter" ? PageGeometry::letter() : PageGeometry::a4();
      Canvas canvas(pdf, fonts, geometry);
      Renderer renderer(pdf, canvas, ctx, lang);
      renderer.set_targets(&targets, std::move(target_pages));
      if (palette::Color accent; palette::Color::parse(doc.meta.theme.accent, accent)) renderer.set_accent(accent);
      PdfVisitor visitor(renderer, canvas, lang);
      visitor.toc_ = toc;
      visitor.part_ = part;
      visitor.goal_page_break_ = goal_page_break;
      walk(doc, visitor);
      canvas.finish();  // draws the last page's footnotes
      canvas.on_page_end({});
      renderer.draw_contents();
      // A part names itself: "Voluntary … Review 2026 – Main messages".
      Metadata info_meta = doc.meta;
      if (part && !doc.chapters().empty()) info_meta.title += " \u2013 " + doc.chapters().front().title();
      finish_and_write(pdf, canvas, renderer, targets, geometry, canvas.main_start(), info_meta, lang, ctx, req);
    } catch (const PdfError& e) {
      throw Error(ErrorCode::Output, "cannot write PDF " + req.final_path.string() + ": " + describe(e));
    }
  }
};

// The output options, checked by the host before any plugin runs (docs/formats/pdf.md).
constexpr const char* kPaper[] = {"a4", "letter", nullptr};
constexpr const char* kFonts[] = {"sans", "serif", nullptr};
constexpr const char* kParts[] = {"all", "main_messages", nullptr};
constexpr OptionSpec kOptions[] = {
    {.name = "paper", .type = OptionType::Enum, .description = "Page size (default: the theme's page_size, else a4)",
     .default_value = "a4", .values = kPaper, .ignore_case = true},
    {.name = "font", .type = OptionType::Enum, .description = "Body face: DejaVu Sans or Serif", .default_value = "sans",
     .values = kFonts, .ignore_case = true},
    {.name = "toc", .type = OptionType::Boolean, .description = "Table of contents after the cover",
     .default_value = "true"},
    {.name = "goal_page_break", .type = OptionType::Boolean, .description = "Start each goal section on a new page",
     .default_value = "true"},
    {.name = "part", .type = OptionType::Enum,
     .description = "all: the whole report; main_messages: the main messages chapter alone under a title block",
     .default_value = "all", .values = kParts},
};

// ---------------------------------------------------------------- factsheets

/// The `factsheets` format: one page per indicator (factsheet.hpp), drawn with
/// this writer's renderer, fonts, tagging and final pass. Built from this file
/// as its own plugin (SDGREPORT_PDF_FACTSHEETS, formats/factsheets/).
class FactsheetWriter : public FormatWriter {
 public:
  const char* extension() const override { return "pdf"; }

  void write(const Document& doc, const WriteRequest& req, Context& ctx) override {
    const std::string& size = doc.meta.theme.page_size;
    const std::string paper = req.options.string_or("paper", size == "Letter" ? "letter" : "a4");
    if (paper != "a4" && paper != "letter")
      throw req.options.error("paper", "expected 'a4' or 'letter', got '" + paper + "'");
    const std::int64_t rows_option = req.options.integer_or("table_rows", 6);
    if (rows_option < 0 || rows_option > 40) throw req.options.error("table_rows", "expected 0 to 40");
    const Language lang = doc.meta.language;
    const Theme& th = doc.meta.theme;
    auto font_file = [&](const std::string& f) { return f.empty() ? f : ctx.resolve(f).string(); };
    const ThemeFaces theme_faces{font_file(th.font_regular), font_file(th.font_bold), font_file(th.font_italic),
                                 font_file(th.font_bold_italic)};
    auto make_fonts = [&](PdfMemDocument& d) {
      return th.font_regular.empty() ? Fonts(d, Family::Sans) : Fonts(d, theme_faces);
    };
    const std::vector<Factsheet> sheets = collect_factsheets(doc);
    if (sheets.empty())
      throw Error(ErrorCode::Output, "the report has no indicator summaries, so there are no factsheets to write "
                                     "(sources such as opensdg add them); remove the factsheets output");
    const PageGeometry geometry = paper == "letter" ? PageGeometry::letter() : PageGeometry::a4();
    const std::string head = doc.meta.title + " \u00B7 " + factsheet_word(FactsheetWord::Title, lang);
    const Targets targets = collect_targets(doc);

    // Draws every factsheet; returns the pages each took.
    auto draw = [&](PdfMemDocument& pdf, Fonts& fonts, Canvas& canvas, Renderer& renderer,
                    const std::vector<std::size_t>& rows) {
      (void)pdf;
      (void)fonts;
      renderer.set_targets(&targets);
      if (palette::Color accent; palette::Color::parse(th.accent, accent)) renderer.set_accent(accent);
      renderer.set_chart_max_height(150);
      canvas.set_running_header(head);
      std::vector<int> pages;
      for (std::size_t i = 0; i < sheets.size(); ++i) pages.push_back(renderer.factsheet(sheets[i], rows[i]));
      return pages;
    };

    const QuietPoDoFoLog quiet_podofo;
    const UnfilteredStreams unfiltered;
    try {
      // One page each: lay out, and give a sheet that ran over fewer table rows
      // (half, then none) until every one fits or nothing more can be left out.
      std::vector<std::size_t> rows(sheets.size(), static_cast<std::size_t>(rows_option));
      for (int pass = 0; pass < 3; ++pass) {
        PdfMemDocument scratch;
        scratch.SetPdfVersion(ePdfVersion_1_7);
        Fonts fonts = make_fonts(scratch);
        Canvas canvas(scratch, fonts, geometry);
        Context quiet(ctx.base_dir(), ctx.language(), ctx.epoch());  // its warnings come again below
        quiet.set_echo(false);
        Renderer renderer(scratch, canvas, quiet, lang);
        const std::vector<int> pages = draw(scratch, fonts, canvas, renderer, rows);
        canvas.finish();
        bool changed = false;
        for (std::size_t i = 0; i < sheets.size(); ++i)
          if (pages[i] > 1 && rows[i] > 0) {
            rows[i] = rows[i] > 2 ? rows[i] / 2 : 0;
            changed = true;
          }
        if (!changed) break;
      }

      PdfMemDocument pdf;
      pdf.SetPdfVersion(ePdfVersion_1_7);
      Fonts fonts = make_fonts(pdf);
      Canvas canvas(pdf, fonts, geometry);
      Renderer renderer(pdf, canvas, ctx, lang);
      const std::vector<int> pages = draw(pdf, fonts, canvas, renderer, rows);
      for (std::size_t i = 0; i < sheets.size(); ++i)
        if (pages[i] > 1)
          ctx.warn(Code::FactsheetOverflow, "the factsheet of indicator " + sheets[i].summary->indicator + " takes " +
                                             std::to_string(pages[i]) + " pages; its text does not fit on one");
      canvas.finish();
      canvas.on_page_end({});
      Metadata info_meta = doc.meta;
      info_meta.title += " \u2013 " + factsheet_word(FactsheetWord::Title, lang);
      finish_and_write(pdf, canvas, renderer, targets, geometry, 0, info_meta, lang, ctx, req);
    } catch (const PdfError& e) {
      throw Error(ErrorCode::Output, "cannot write PDF " + req.final_path.string() + ": " + describe(e));
    }
  }
};

constexpr OptionSpec kFactsheetOptions[] = {
    {.name = "paper", .type = OptionType::Enum, .description = "Page size (default: the theme's page_size, else a4)",
     .default_value = "a4", .values = kPaper, .ignore_case = true},
    {.name = "table_rows", .type = OptionType::Integer,
     .description = "Most table rows on a factsheet (fewer when the page would run over; 0 = no table)",
     .default_value = "6", .minimum = 0, .maximum = 40},
};

}  // namespace sdg::pdf

#ifdef SDGREPORT_PDF_FACTSHEETS
SDGREPORT_FORMAT_PLUGIN(sdg::pdf::FactsheetWriter, "factsheets", "0.1.0",
                        "Indicator factsheets: one tagged PDF page per indicator (value, trend, table, metadata)",
                        sdg::pdf::kFactsheetOptions)
#else
SDGREPORT_FORMAT_PLUGIN(sdg::pdf::PdfWriter, "pdf", "0.1.0",
                        "PDF report: cover, numbered chapters, goal bands, tables, charts (PoDoFo)", sdg::pdf::kOptions)
#endif
