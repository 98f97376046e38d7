#include "blocks.hpp"

#include <algorithm>
#include <cmath>
#include <optional>
#include <set>

#include "at_a_glance.hpp"
#include "axis.hpp"
#include "chart.hpp"
#include "colours.hpp"
#include "embed.hpp"
#include "escape.hpp"
#include "sdgreport/catalogue.hpp"
#include "sdgreport/i18n.hpp"
#include "sdgreport/references.hpp"
#include "sdgreport/walk.hpp"
#include "words.hpp"

namespace sdg::html {

namespace {

/// Inline nesting deeper than this is written as plain text (inputs are not trusted to be shallow).
constexpr int kMaxInlineDepth = 64;

/// What inline runs need besides themselves: the page they are on, the targets
/// of cross-references, and the page's footnotes (nullptr inside a note: a note
/// in a note is written in parentheses).
struct InlineEnv {
  const Plan& plan;
  std::size_t page;
  const Targets* targets;
  Language lang;
  std::vector<std::string>* notes;
};

void inlines_to(std::string& o, const Inlines& runs, const InlineEnv& env, int depth) {
  for (const Inline& r : runs) {
    if (depth > kMaxInlineDepth) {
      o += text(plain_text({r}));
      continue;
    }
    switch (r.kind) {
      case Inline::Kind::Text:
        o += text(r.text);
        break;
      case Inline::Kind::Code:
        o += "<code>" + text(r.text) + "</code>";
        break;
      case Inline::Kind::LineBreak:
        o += "<br>";
        break;
      case Inline::Kind::Emphasis:
        o += "<em>";
        inlines_to(o, r.children, env, depth + 1);
        o += "</em>";
        break;
      case Inline::Kind::Strong:
        o += "<strong>";
        inlines_to(o, r.children, env, depth + 1);
        o += "</strong>";
        break;
      case Inline::Kind::Link: {
        const std::string url = safe_url(env.plan.resolve_link(env.page, r.url));
        if (url.empty()) {
          inlines_to(o, r.children, env, depth + 1);  // no link for a javascript: URL and the like
          break;
        }
        o += "<a href=\"" + attr(url) + "\">";
        if (r.children.empty())
          o += text(r.url);
        else
          inlines_to(o, r.children, env, depth + 1);
        o += "</a>";
        break;
      }
      case Inline::Kind::FootnoteRef: {
        if (!env.notes) {  // a note inside a note: its text in parentheses
          o += " (";
          inlines_to(o, r.children, env, depth + 1);
          o += ")";
          break;
        }
        const int n = static_cast<int>(env.notes->size()) + 1;
        std::string note;
        inlines_to(note, r.children, InlineEnv{env.plan, env.page, env.targets, env.lang, nullptr}, depth + 1);
        env.notes->push_back(std::move(note));
        const std::string num = std::to_string(n);
        o += "<sup class=\"fnref\"><a href=\"#" + Plan::note_anchor(n) + "\" id=\"" + Plan::note_ref_anchor(n) +
             "\" role=\"doc-noteref\">" + num + "</a></sup>";
        break;
      }
      case Inline::Kind::CrossRef: {
        // The pipeline checked every target; one unknown here is written as text, not a dead link.
        const RefTarget* t = env.targets ? find_target(*env.targets, r.url) : nullptr;
        const std::optional<std::string> href = env.plan.target_href(env.page, t ? t->id : r.url);
        if (href) o += "<a class=\"xref\" href=\"" + attr(*href) + "\">";
        if (!r.children.empty())
          inlines_to(o, r.children, env, depth + 1);
        else  // generated text; a "page" reference is the label too, as a web page has no pages
          o += text(t ? reference_text(*t, env.lang) : r.url);
        if (href) o += "</a>";
        break;
      }
    }
  }
}

std::string h_open(int level, const std::string& cls = {}) {
  return "<h" + std::to_string(level) + (cls.empty() ? "" : " class=\"" + cls + "\"") + ">";
}
std::string h_close(int level) {
  return "</h" + std::to_string(level) + ">";
}

class BodyWriter : public Visitor {
 public:
  BodyWriter(const Plan& plan, const Targets& targets, Context& ctx, Language lang)
      : plan_(plan), targets_(targets), ctx_(ctx), lang_(lang), offset_(plan.split() ? 0 : 1) {
    bodies_.resize(plan.pages().size());
    notes_.resize(plan.pages().size());
  }
  /// The pages' bodies, each ending with its footnotes.
  std::vector<std::string> take() {
    for (std::size_t p = 0; p < bodies_.size(); ++p) bodies_[p] += notes_list(notes_[p]);
    return std::move(bodies_);
  }

  void begin_document(const Document& doc) override { doc_ = &doc; }

  bool begin_section(const Section& s, const Where& w) override {
    if (w.depth() == 1) page_ = plan_.page_of(s);
    if (&s == plan_.glance_before() && doc_ != nullptr) at_a_glance(*doc_, w);
    const int level = heading_level(w.depth());
    const std::string& id = plan_.anchor(s);
    std::string title;
    if (!w.number().empty()) title += "<span class=\"number\">" + text(w.number()) + "</span> ";
    // A goal's catalogue title in another language than the report's (Bokmål in a
    // Nynorsk report) is marked; a title the definition gives is the report's.
    const Language cat_lang = catalogue_title_lang(lang_);
    if (s.goal() && cat_lang != lang_ && s.title() == Catalogue::get().goal(*s.goal()).short_title(lang_))
      title += "<span lang=\"" + std::string(language_tag(cat_lang)) + "\">" + text(s.title()) + "</span>";
    else
      title += text(s.title());
    if (s.goal()) {
      const int g = *s.goal();
      const Filled band = filled(goal_colour(g));
      const std::string bg = css(band.background), fg = css(band.text);
      out() += "<section id=\"" + id + "\" class=\"goal goal-" + std::to_string(g) +
               "\" style=\"--goal:" + css(goal_on_white(g)) + "\">\n";
      out() += "<div class=\"goal-band\" style=\"background-color:" + bg + ";color:" + fg + "\">";
      out() += "<span class=\"goal-tile\" style=\"border-color:" + fg + "\" aria-hidden=\"true\">" +
               std::to_string(g) + "</span>";
      out() += h_open(level, "goal-heading") + "<span class=\"goal-label\">" + text(goal_label(g, lang_)) +
               "</span> " + title + h_close(level) + "</div>\n";
    } else {
      out() += "<section id=\"" + id + "\">\n" + h_open(level) + title + h_close(level) + "\n";
    }
    return true;
  }
  void end_section(const Section&, const Where&) override { out() += "</section>\n"; }

  void heading(const Heading& h, const Where& w) override {
    const int level = std::min(6, heading_level(w.depth()) + std::max(1, h.level));
    out() += "<h" + std::to_string(level) + lang_attr(w) + ">" + inl(h.content) + h_close(level) + "\n";
  }
  void paragraph(const Paragraph& p, const Where& w) override {
    out() += "<p" + lang_attr(w) + ">" + inl(p.content) + "</p>\n";
  }
  bool begin_list(const List& l, const Where& w) override {
    const std::string la = lang_attr(w);
    if (l.ordered)
      out() += l.start == 1 ? "<ol" + la + ">\n" : "<ol start=\"" + std::to_string(l.start) + "\"" + la + ">\n";
    else
      out() += "<ul" + la + ">\n";
    enter_lang(w);
    return true;
  }
  void begin_list_item(const List&, std::size_t, const Where&) override { out() += "<li>"; }
  void end_list_item(const List&, std::size_t, const Where&) override { out() += "</li>\n"; }
  void end_list(const List& l, const Where&) override {
    out() += l.ordered ? "</ol>\n" : "</ul>\n";
    leave_lang();
  }
  bool begin_quote(const Quote&, const Where& w) override {
    out() += "<blockquote" + lang_attr(w) + ">\n";
    enter_lang(w);
    return true;
  }
  void end_quote(const Quote&, const Where&) override {
    out() += "</blockquote>\n";
    leave_lang();
  }
  bool begin_container(const Container& c, const Where& w) override {
    out() += "<div class=\"c-" + anchor(c.name) + "\"";
    if (auto it = c.attributes.find("lang"); it != c.attributes.end() && valid_lang(it->second))
      out() += " lang=\"" + attr(it->second) + "\"";
    else
      out() += lang_attr(w);
    out() += ">\n";
    enter_lang(w);
    return true;
  }
  void end_container(const Container&, const Where&) override {
    out() += "</div>\n";
    leave_lang();
  }

  void table(const Table& t, const Where& w) override;
  /// The at-a-glance section: a table of the goals the report covers (tile and
  /// name, indicators by progress in words, targets addressed) and a note naming
  /// the goals it does not cover.
  void at_a_glance(const Document& doc, const Where& w);
  void chart(const Chart& c, const Where& w) override;
  void figure(const Figure& f, const Where& w) override;
  void indicator_summary(const IndicatorSummary& s, const Where& w) override;

 private:
  std::string& out() { return bodies_[page_]; }
  /// h2 for a chapter under the report's h1; h1 on a chapter's own page (split edition).
  int heading_level(int depth) const { return std::min(6, depth + offset_); }
  std::string inl(const Inlines& runs) {
    std::string o;
    inlines_to(o, runs, InlineEnv{plan_, page_, &targets_, lang_, &notes_[page_]}, 0);
    return o;
  }

  /// A page's footnotes, each with a link back to its reference.
  std::string notes_list(const std::vector<std::string>& notes) const {
    if (notes.empty()) return {};
    std::string o =
        "<section class=\"footnotes\" role=\"doc-endnotes\" aria-labelledby=\"fn-heading\">\n<h2 id=\"fn-heading\">" +
        text(label(Label::Notes, lang_)) + "</h2>\n<ol>\n";
    for (std::size_t i = 0; i < notes.size(); ++i) {
      const int n = static_cast<int>(i) + 1;
      o += "<li id=\"" + Plan::note_anchor(n) + "\">" + notes[i] + " <a href=\"#" + Plan::note_ref_anchor(n) +
           "\" role=\"doc-backlink\" aria-label=\"" + attr(word(Word::BackToNote, lang_)) + " " +
           std::to_string(n) + "\">\u21A9\uFE0E</a></li>\n";
    }
    return o + "</ol>\n</section>\n";
  }

  // ---- language of parts
  /// ` lang="nb"` for the element of a block whose language (Where::lang) is not
  /// the one around it; "" otherwise.
  std::string lang_attr(const Where& w) const {
    const std::string& around = langs_.empty() ? std::string() : langs_.back();
    const std::string& want = same_language(w.lang(), lang_) ? std::string() : w.lang();
    if (want == around || !valid_lang(want.empty() ? std::string(language_tag(lang_)) : want)) return {};
    return " lang=\"" + attr(want.empty() ? std::string(language_tag(lang_)) : want) + "\"";
  }
  void enter_lang(const Where& w) { langs_.push_back(same_language(w.lang(), lang_) ? std::string() : w.lang()); }
  void leave_lang() {
    if (!langs_.empty()) langs_.pop_back();
  }
  /// Inside a block in another language, the words sdgreport writes itself (labels,
  /// the symbol key, the source note, the chart description) are in the report's
  /// language and are marked back to it: ` lang="en-GB"` (back_ while such a block is written).
  std::string back(const Where& w) const {
    return same_language(w.lang(), lang_) ? std::string() : " lang=\"" + std::string(language_tag(lang_)) + "\"";
  }

  static bool valid_lang(const std::string& tag) {
    return !tag.empty() && tag.size() <= 35 && std::all_of(tag.begin(), tag.end(), [](char c) {
      return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-';
    });
  }

  /// "Source: text" with a link when the URL is a web address.
  std::string source_note(const std::string& source, const std::string& url) const {
    if (source.empty() && url.empty()) return {};
    std::string o =
        "<p class=\"source\"" + back_ + "><span class=\"key-label\">" + text(label(Label::Source, lang_)) + ":</span> ";
    const std::string safe = safe_url(url);
    const bool web = safe.rfind("http://", 0) == 0 || safe.rfind("https://", 0) == 0;
    const std::string shown = text(source.empty() ? url : source);
    o += web ? "<a href=\"" + attr(safe) + "\">" + shown + "</a>" : shown;
    return o + "</p>\n";
  }

  std::string indicator_ref(const std::string& indicator, bool national) const {
    if (indicator.empty()) return {};
    const std::string what =
        national ? label(Label::NationalIndicator, lang_) : label(Label::Indicator, lang_);
    return "<p class=\"indicator-ref\"" + back_ + ">" + text(what) + " " + text(indicator) + "</p>\n";
  }

  /// A cell's text: the number in the report's language with its flag, or the
  /// symbol of a missing value (each symbol explained in the table's key).
  std::string cell(const CellView& c, const Column& col, std::set<ValueStatus>& used) const {
    auto symbol = [&](ValueStatus s) {
      const std::string& sym = status_symbol(s, lang_);
      if (sym.empty()) return std::string();
      used.insert(s);
      return "<abbr title=\"" + attr(status_label(s, lang_)) + "\">" + text(sym) + "</abbr>";
    };
    switch (c.kind) {
      case Cell::Kind::Empty:
        return symbol(c.status);
      case Cell::Kind::Text:
        return text(std::string(c.text));
      case Cell::Kind::Number: {
        if (c.status == ValueStatus::Nil) return symbol(c.status);  // the nil mark, not "0"
        std::string s = text(format_number(c.number, col.decimals, lang_));
        if (c.status != ValueStatus::None)
          if (std::string f = symbol(c.status); !f.empty()) s += "\u00A0" + f;
        return s;
      }
    }
    return {};
  }

  std::string key(const std::set<ValueStatus>& used) const {
    if (used.empty()) return {};
    std::string o =
        "<p class=\"key\"" + back_ + "><span class=\"key-label\">" + text(label(Label::SymbolKey, lang_)) + ":</span> ";
    bool first = true;
    for (ValueStatus s : all_value_statuses()) {
      if (!used.count(s)) continue;
      o += (first ? "" : "<span class=\"sep\"> · </span>") + text(status_key_entry(s, lang_));
      first = false;
    }
    return o + "</p>\n";
  }

  std::string metadata(const Table& t) const {
    if (t.metadata.empty()) return {};
    static const std::pair<const char*, Label> keys[] = {{"title", Label::Title},
                                                         {"unit", Label::Unit},
                                                         {"definition", Label::Definition},
                                                         {"updated", Label::Updated},
                                                         {"organisation", Label::Organisation},
                                                         {"url", Label::Source}};
    std::string rows;
    for (const auto& [k, l] : keys) {
      auto it = t.metadata.find(k);
      if (it == t.metadata.end() || it->second.empty()) continue;
      std::string v = std::string(k) == "updated" ? text(format_date(it->second, lang_)) : text(it->second);
      if (std::string(k) == "url") {
        const std::string safe = safe_url(it->second);
        if (safe.rfind("http", 0) == 0) v = "<a href=\"" + attr(safe) + "\">" + text(it->second) + "</a>";
      }
      rows += "<dt>" + text(label(l, lang_)) + "</dt><dd>" + v + "</dd>";
    }
    if (rows.empty()) return {};
    return "<details class=\"metadata\"" + back_ + "><summary>" + text(label(Label::Metadata, lang_)) + "</summary><dl>" +
           rows + "</dl></details>\n";
  }

  /// A data table in a scrollable, keyboard-reachable region.
  std::string scroll_table(const std::string& caption_id, const std::string& inner) const {
    return "<div class=\"table-scroll\" role=\"region\" tabindex=\"0\" aria-labelledby=\"" + caption_id +
           "\">\n<table>" + inner + "</table>\n</div>\n";
  }

  const Plan& plan_;
  const Targets& targets_;
  Context& ctx_;
  Language lang_;
  const Document* doc_ = nullptr;
  std::vector<std::string> langs_;  ///< language of each open list, quote and container ("" = the report's)
  std::string back_;                ///< see back(): set while a table or chart in another language is written
  int offset_;
  std::size_t page_ = 0;
  std::vector<std::string> bodies_;
  std::vector<std::vector<std::string>> notes_;  ///< per page: each footnote's HTML
};

void BodyWriter::at_a_glance(const Document& doc, const Where& w) {
  const glance::Facts facts = glance::collect(doc);
  const std::string& id = plan_.glance_anchor();
  const int level = heading_level(w.depth());
  const Language names_lang = catalogue_title_lang(lang_);
  const std::string names_attr =
      names_lang == lang_ ? "" : " lang=\"" + std::string(language_tag(names_lang)) + "\"";
  std::string o = "<section id=\"" + id + "\" class=\"at-a-glance\">\n" + h_open(level) +
                  text(label(Label::AtAGlance, lang_)) + h_close(level) + "\n";
  std::string inner = "<caption id=\"" + id + "-caption\">" + text(word(Word::GlanceCaption, lang_)) +
                      "</caption>\n<thead><tr><th scope=\"col\">" + text(label(Label::Goal, lang_)) +
                      "</th><th scope=\"col\">" + text(label(Label::IndicatorsByProgress, lang_)) +
                      "</th><th scope=\"col\">" + text(label(Label::TargetsAddressed, lang_)) +
                      "</th></tr></thead>\n<tbody>\n";
  for (int g : facts.covered_goals()) {
    const glance::GoalFacts& f = facts.goals[static_cast<std::size_t>(g)];
    const Filled tile = filled(goal_colour(g));
    const auto href = plan_.target_href(page_, "goal-" + std::to_string(g));
    std::string name = "<span" + names_attr + ">" +
                       text(goal_heading(g, Catalogue::get().goal(g).short_title(lang_), lang_)) + "</span>";
    if (href) name = "<a href=\"" + attr(*href) + "\">" + name + "</a>";
    inner += "<tr><th scope=\"row\"><span class=\"glance-goal\"><span class=\"glance-tile\" style=\"background-color:" +
             css(tile.background) + ";color:" + css(tile.text) + "\" aria-hidden=\"true\">" + std::to_string(g) +
             "</span> " + name + "</span></th>";
    std::string counts;
    for (std::size_t i = 0; i < glance::kShown.size(); ++i) {
      if (f.counts[i] == 0) continue;
      const Filled pill = filled(progress_colour(glance::kShown[i]));
      counts += "<li><span class=\"pill\" style=\"background-color:" + css(pill.background) + ";color:" +
                css(pill.text) + "\">" + std::to_string(f.counts[i]) + "</span> " +
                text(progress_label(glance::kShown[i], lang_)) + "</li>";
    }
    inner += "<td>" + (counts.empty() ? text(word(Word::NoIndicators, lang_)) : "<ul class=\"glance-counts\">" + counts + "</ul>") + "</td>";
    std::string targets;
    for (const std::string& t : f.targets) targets += (targets.empty() ? "" : ", ") + text(t);
    inner += "<td>" + (targets.empty() ? text(word(Word::NoTargets, lang_)) : targets) + "</td></tr>\n";
  }
  inner += "</tbody>\n";
  o += scroll_table(id + "-caption", inner);
  if (const std::string note = glance::uncovered_note(facts.uncovered_goals(), lang_); !note.empty())
    o += "<p class=\"glance-note\">" + text(note) + "</p>\n";
  out() += o + "</section>\n";
}

void BodyWriter::table(const Table& t, const Where& w) {
  const Numbered& n = plan_.numbered(&t);
  back_ = back(w);
  const std::size_t nc = t.columns.size();
  const bool row_headers = nc > 1 && t.columns[0].type == Column::Type::Text;
  std::string inner = "<caption id=\"" + n.anchor + "-caption\"><span class=\"label\"" + back_ + ">" +
                      text(label(Label::Table, lang_)) + " " + std::to_string(n.number) +
                      (t.caption.empty() ? "" : ".") + "</span> " + text(t.caption) +
                      "</caption>\n<thead><tr>";
  for (const Column& c : t.columns) {
    inner += std::string("<th scope=\"col\"") + (c.type == Column::Type::Number ? " class=\"num\"" : "") +
             ">" + text(c.label);
    if (!c.unit.empty()) inner += " <span class=\"unit\">(" + text(c.unit) + ")</span>";
    inner += "</th>";
  }
  inner += "</tr></thead>\n<tbody>\n";
  std::set<ValueStatus> used;
  for (std::size_t r = 0; r < t.data.rows(); ++r) {
    inner += "<tr>";
    for (std::size_t j = 0; j < nc; ++j) {
      const std::string v = j < t.data.columns() ? cell(t.data.cell(r, j), t.columns[j], used) : std::string();
      const bool num = t.columns[j].type == Column::Type::Number;
      if (j == 0 && row_headers)
        inner += "<th scope=\"row\">" + v + "</th>";
      else
        inner += std::string("<td") + (num ? " class=\"num\"" : "") + ">" + v + "</td>";
    }
    inner += "</tr>\n";
  }
  inner += "</tbody>\n";
  out() += "<div class=\"table-block\" id=\"" + n.anchor + "\"" + lang_attr(w) + ">\n" +
           scroll_table(n.anchor + "-caption", inner) + key(used) + indicator_ref(t.indicator, t.national) +
           source_note(t.source, t.source_url) + metadata(t) + "</div>\n";
  back_.clear();
}

void BodyWriter::chart(const Chart& c, const Where& w) {
  const Numbered& n = plan_.numbered(&c);
  int goal = w.goal();
  if (!c.national && !c.indicator.empty())
    if (const Indicator* ind = Catalogue::get().find_indicator(c.indicator)) goal = ind->goal;
  back_ = back(w);
  std::string o = "<figure class=\"chart\" id=\"" + n.anchor + "\"" + lang_attr(w) +
                  ">\n<figcaption><span class=\"label\"" + back_ + ">" + text(label(Label::Figure, lang_)) + " " + std::to_string(n.number) +
                  (c.title.empty() ? "" : ".") + "</span> " + text(c.title) + "</figcaption>\n";
  o += svg_chart(c, goal, lang_, n.anchor, back_) + "\n";
  // The observations as a table: the document's own table when the chart names one.
  if (const Numbered* t = c.data_table.empty() ? nullptr : plan_.table_by_id(c.data_table)) {
    o += "<p class=\"chart-data\"" + back_ + ">" + text(word(Word::DataInTable, lang_)) + " <a href=\"" +
         attr(plan_.href(page_, t->page, t->anchor)) + "\">" + text(label(Label::Table, lang_)) + " " +
         std::to_string(t->number) + "</a>.</p>\n";
  } else {
    const int dec = axis::chart_decimals(c);
    const std::string cap_id = n.anchor + "-data";
    std::string inner = "<caption id=\"" + cap_id + "\"" + back_ + ">" + text(word(Word::ChartData, lang_)) +
                        "</caption>\n<thead><tr><th scope=\"col\"" + back_ + ">" + text(label(Label::Category, lang_)) +
                        "</th>";
    for (const Series& s : c.series)
      inner += "<th scope=\"col\" class=\"num\">" + text(s.name) +
               (s.unit.empty() ? "" : " <span class=\"unit\">(" + text(s.unit) + ")</span>") + "</th>";
    inner += "</tr></thead>\n<tbody>\n";
    for (std::size_t k = 0; k < c.categories.size(); ++k) {
      inner += "<tr><th scope=\"row\">" + text(c.categories[k]) + "</th>";
      for (const Series& s : c.series) {
        const bool has = k < s.values.size() && s.values[k] && std::isfinite(*s.values[k]);
        inner += "<td class=\"num\">" +
                 (has ? text(format_number(*s.values[k], dec, lang_))
                      : "<abbr title=\"" + attr(status_label(ValueStatus::NotAvailable, lang_)) + "\">" +
                            text(status_symbol(ValueStatus::NotAvailable, lang_)) + "</abbr>") +
                 "</td>";
      }
      inner += "</tr>\n";
    }
    inner += "</tbody>\n";
    o += "<details class=\"chart-data\"><summary" + back_ + ">" + text(word(Word::ChartData, lang_)) + "</summary>\n" +
         scroll_table(cap_id, inner) + "</details>\n";
  }
  o += indicator_ref(c.indicator, c.national) + source_note(c.source, c.source_url);
  out() += o + "</figure>\n";
  back_.clear();
}

void BodyWriter::figure(const Figure& f, const Where& w) {
  const Numbered& n = plan_.numbered(&f);
  const auto path = ctx_.resolve(f.path);
  std::string o = "<figure class=\"image\" id=\"" + n.anchor + "\"" + lang_attr(w) + ">\n";
  if (auto url = image_data_url(path)) {
    // Figure::width as a cap: the image keeps its natural size when it is smaller.
    const std::string width = f.width.empty() ? "" : " style=\"max-width:" + attr(f.width) + "\"";
    o += "<img src=\"" + *url + "\" alt=\"" + attr(f.alt) + "\"" + width + ">\n";
  } else {
    std::error_code ec;
    ctx_.warn(
        std::filesystem::is_regular_file(path, ec) ? Code::ImageUnreadable : Code::ImageMissing,
        "figure '" + f.path + "' (" + path.string() +
            ") is missing or not a PNG, JPEG, GIF, WebP or SVG image; its text alternative is shown instead");
    o += "<p class=\"missing-image\">" + text(f.alt.empty() ? f.path : f.alt) + "</p>\n";
  }
  o += "<figcaption><span class=\"label\"" + back(w) + ">" + text(label(Label::Figure, lang_)) + " " +
       std::to_string(n.number) + (f.caption.empty() ? "" : ".") + "</span> " + text(f.caption) +
       "</figcaption>\n</figure>\n";
  out() += o;
}

void BodyWriter::indicator_summary(const IndicatorSummary& s, const Where& w) {
  int goal = w.goal();
  if (!s.national)
    if (const Indicator* ind = Catalogue::get().find_indicator(s.indicator)) goal = ind->goal;
  std::string o = "<div class=\"indicator\" style=\"border-left-color:" + css(goal_on_white(goal)) + "\"" +
                  lang_attr(w) + ">\n";
  o += "<p class=\"ind-id\">" +
       text(s.national ? label(Label::NationalIndicator, lang_) : label(Label::Indicator, lang_)) + " " +
       text(s.indicator) + "</p>\n";
  if (!s.title.empty()) o += "<p class=\"ind-title\">" + text(s.title) + "</p>\n";
  o += "<p class=\"ind-value\"><span class=\"value\">";
  if (s.value)
    o += text(format_number(*s.value, s.decimals, lang_));
  else
    o += "<abbr title=\"" + attr(status_label(ValueStatus::NotAvailable, lang_)) + "\">" +
         text(status_symbol(ValueStatus::NotAvailable, lang_)) + "</abbr>";
  o += "</span>";
  if (!s.unit.empty()) o += " <span class=\"unit\">" + text(s.unit) + "</span>";
  if (!s.year.empty()) o += " <span class=\"year\">(" + text(s.year) + ")</span>";
  o += "</p>\n";
  if (!s.series.empty())
    o += "<p class=\"ind-series\"><span class=\"key-label\">" + text(label(Label::Series, lang_)) +
         ":</span> " + text(s.series) + "</p>\n";
  const Filled pill = filled(progress_colour(s.progress));
  o += "<p class=\"ind-progress\"><span class=\"key-label\">" + text(label(Label::Progress, lang_)) +
       ":</span> <span class=\"pill\" style=\"background-color:" + css(pill.background) + ";color:" + css(pill.text) + "\">" +
       text(progress_label(s.progress, lang_)) + "</span></p>\n";
  o += source_note(s.source, s.source_url);
  out() += o + "</div>\n";
}

}  // namespace

std::string render_inlines(const Inlines& runs, const Plan& plan, std::size_t page) {
  std::string o;
  inlines_to(o, runs, InlineEnv{plan, page, nullptr, {}, nullptr}, 0);
  return o;
}

std::vector<std::string> render_bodies(const Document& doc, const Plan& plan, Context& ctx) {
  const Targets targets = collect_targets(doc);
  BodyWriter w(plan, targets, ctx, doc.meta.language);  // the document's language, as every writer
  walk(doc, w);
  return w.take();
}

}  // namespace sdg::html
