#include "sdgreport/validate.hpp"
#include "sdgreport/text.hpp"

#include <algorithm>
#include <fstream>
#include <functional>
#include <cctype>
#include <filesystem>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>

#include "sdgreport/catalogue.hpp"
#include "sdgreport/images.hpp"
#include "sdgreport/walk.hpp"

namespace sdg {

namespace {

// Titles (lower case, in en, nb and nn) that identify a chapter's role when the
// definition gives it no `role:`.
const std::map<std::string, std::vector<std::string>>& role_titles() {
  static const std::map<std::string, std::vector<std::string>> titles{
      {"opening", {"opening statement", "åpningsord", "opningsord", "forord", "foreword"}},
      {"highlights", {"highlights", "høydepunkter", "høgdepunkt"}},
      {"main_messages", {"main messages", "key messages", "hovedbudskap", "hovudbodskap"}},
      {"introduction", {"introduction", "innledning", "innleiing"}},
      {"methodology", {"methodology", "metode", "metodikk"}},
      {"policy", {"policy and enabling environment", "policy", "politikk", "rammeverk"}},
      {"progress", {"progress on goals and targets", "progress on the goals", "framgang", "status for målene"}},
      {"means", {"means of implementation", "virkemidler", "verkemiddel"}},
      {"conclusion", {"conclusion", "konklusjon", "avslutning"}},
      {"annex", {"annex", "statistical annex", "vedlegg"}},
  };
  return titles;
}

bool has_role(const ChapterSpec& c, const std::string& role) { return chapter_has_role(c, role); }

std::size_t count_words(const std::string& s) {
  std::size_t n = 0;
  bool in = false;
  for (unsigned char c : s) {
    bool space = c == ' ' || c == '\n' || c == '\t';
    if (!space && !in) ++n;
    in = !space;
  }
  return n;
}

// Words of running text in a section and its subsections (tables and charts don't count).
struct WordCounter : PartialVisitor {
  std::size_t words = 0;
  void heading(const Heading& h, const Where&) override { words += count_words(plain_text(h.content)); }
  void paragraph(const Paragraph& p, const Where&) override { words += count_words(plain_text(p.content)); }
};

bool is_local_link(const std::string& url) {
  return !url.empty() && url.find("://") == std::string::npos && url.rfind("mailto:", 0) != 0 && url[0] != '#' &&
         url.rfind("tel:", 0) != 0;
}

void links_of(const Inlines& runs, std::vector<std::string>& out) {
  for (const Inline& r : runs) {
    if (r.kind == Inline::Kind::Link) out.push_back(r.url);
    links_of(r.children, out);
  }
}

}  // namespace

bool chapter_has_role(const ChapterSpec& c, const std::string& role) {
  // The main messages are the guidelines' highlights, written to travel alone.
  if (role == "highlights" && chapter_has_role(c, "main_messages")) return true;
  if (c.role == role) return true;
  if (!c.role.empty()) return false;
  const auto titles = role_titles().find(role);
  if (titles == role_titles().end()) return false;
  const std::string t = lower(c.title);
  for (const std::string& start : titles->second)
    if (t.rfind(start, 0) == 0) return true;
  return false;
}

const ChapterSpec* main_messages_chapter(const ReportDefinition& def, std::size_t* index) {
  for (std::size_t i = 0; i < def.chapters.size(); ++i)
    if (def.chapters[i].role == "main_messages") {
      if (index) *index = i;
      return &def.chapters[i];
    }
  for (std::size_t i = 0; i < def.chapters.size(); ++i)
    if (chapter_has_role(def.chapters[i], "main_messages")) {
      if (index) *index = i;
      return &def.chapters[i];
    }
  return nullptr;
}

std::size_t count_running_words(const Section& s) {
  WordCounter wc;
  walk_section(s, wc, Where{});  // the chapter in place, not a copy in a document of its own
  return wc.words;
}

std::string Finding::str() const {
  std::string s = where.empty() ? std::string() : where.str() + ": ";
  s += severity == Severity::Error ? "error: " : "warning: ";
  return s + message + " [" + code + "]";
}

Validator::Validator(const ReportDefinition& def) : def_(def) {}

void Validator::add(Code code, std::string message, Location where) {
  if (where.empty()) where = Location{def_.path.string(), 0, 0};
  findings_.push_back({code_severity(code), std::string(code_name(code)), std::move(message), std::move(where)});
}

void Validator::record(const Error& e) {
  findings_.push_back({Finding::Severity::Error, std::string(code_name(Code::CannotBuild)) + "-" + error_code_name(e.code()), e.message(),
                       e.where()});
}

void Validator::record(const std::vector<Warning>& warnings) {
  std::vector<Finding> given;
  for (const Warning& w : warnings)
    given.push_back({Finding::Severity::Warning, w.code, w.message, Location{w.where, 0, 0}});
  findings_.insert(findings_.begin(), given.begin(), given.end());
}

void Validator::attach(AssembleOptions& opts) {
  opts.on_source_done = [this](const Section& target, std::size_t first_block, std::size_t first_section,
                               const SourceSpec& src) { source_done(target, first_block, first_section, src); };
  opts.on_source_error = [this](const Error& e) {
    findings_.push_back({Finding::Severity::Error, std::string(code_name(Code::SourceFailed)) + "-" + error_code_name(e.code()),
                         e.message(), e.where()});
  };
}

namespace {

// The checks of each block a source added. A full Visitor: a new block kind does
// not compile until it says what is checked in it. Links are checked in headings
// too (before, validate's own recursion skipped headings).
class BlockChecks : public Visitor {
 public:
  using Add = std::function<void(Code, std::string, Location)>;
  BlockChecks(const ReportDefinition& def, const Section& target, const SourceSpec& src, Add add)
      : def_(def), target_(target), src_(src), add_(std::move(add)) {}

  void heading(const Heading& h, const Where& w) override { check_links(h.content, w); }
  void paragraph(const Paragraph& p, const Where& w) override { check_links(p.content, w); }
  bool begin_list(const List&, const Where&) override { return true; }
  void begin_list_item(const List&, std::size_t, const Where&) override {}
  void end_list_item(const List&, std::size_t, const Where&) override {}
  void end_list(const List&, const Where&) override {}
  bool begin_quote(const Quote&, const Where&) override { return true; }
  void end_quote(const Quote&, const Where&) override {}
  bool begin_container(const Container&, const Where&) override { return true; }
  void end_container(const Container&, const Where&) override {}

  void table(const Table& t, const Where& w) override {
    const std::string what = "table '" + t.caption + "'";
    if (t.source.empty()) add(Code::TableWithoutSource, by(w) + ": " + what + " has no source note");
    check_id(t.indicator, what, t.national, w);
  }
  void chart(const Chart& c, const Where& w) override {
    const std::string what = "chart '" + c.title + "'";
    if (c.source.empty()) add(Code::ChartWithoutSource, by(w) + ": " + what + " has no source");
    if (c.alt.size() < 10)
      add(Code::WeakAltText, by(w) + ": " + what + " has alt text '" + c.alt + "', too short to describe it");
    check_id(c.indicator, what, c.national, w);
  }
  void figure(const Figure& f, const Where& w) override {
    const std::filesystem::path p = std::filesystem::path(f.path).is_absolute() ? std::filesystem::path(f.path)
                                                                                 : def_.base_dir() / f.path;
    if (const std::string why = image_problem(p); why == "does not exist") {
      add(Code::ImageMissing, by(w) + ": image '" + f.path + "' does not exist");
    } else if (is_svg_path(f.path)) {
      add(Code::ImageSvg, by(w) + ": image '" + f.path + "': " + why);
    } else if (!why.empty()) {
      add(Code::ImageUnreadable, by(w) + ": image '" + f.path + "': " + why);
    }
    if (f.alt.size() < 5 || f.alt == std::filesystem::path(f.path).filename().string())
      add(Code::WeakAltText,
          by(w) + ": figure '" + f.path + "' has alt text '" + f.alt + "', which does not describe it");
  }
  void indicator_summary(const IndicatorSummary& s, const Where& w) override {
    check_id(s.indicator, "indicator summary", s.national, w);
  }

 private:
  void add(Code code, std::string message) { add_(code, std::move(message), src_.where); }
  /// "plugin 'csv', section 'Goal 7'": the innermost section the walker is in, or the target.
  std::string by(const Where& w) const {
    return "plugin '" + src_.plugin + "', section '" + (w.section() ? w.section() : &target_)->title() + "'";
  }
  int goal(const Where& w) const { return w.goal() ? w.goal() : target_.goal().value_or(0); }

  void check_id(const std::string& id, const std::string& what, bool national, const Where& w) {
    if (id.empty() || national) return;  // national ids are not in the catalogue (model.hpp)
    const Indicator* ind = Catalogue::get().find_indicator(id);
    if (!ind) {
      add(Code::UnknownIndicator, by(w) + ": " + what + " names '" + id + "', which is not an SDG indicator");
      return;
    }
    const int g = goal(w);
    if (g == 0)
      add(Code::IndicatorOutsideGoal, by(w) + ": " + what + " reports indicator " + id + " outside a goal section");
    else if (ind->goal != g)
      add(Code::IndicatorInWrongGoal, by(w) + ": " + what + " reports indicator " + id + " of goal " +
                                          std::to_string(ind->goal) + " in the section of goal " + std::to_string(g));
  }

  void check_links(const Inlines& runs, const Where& w) {
    std::vector<std::string> urls;
    links_of(runs, urls);
    for (const std::string& url : urls) {
      if (!is_local_link(url)) continue;
      std::string path = url.substr(0, url.find('#'));
      std::error_code ec;
      if (!path.empty() && !std::filesystem::exists(def_.base_dir() / path, ec))
        add(Code::BrokenLink, by(w) + ": link to '" + url + "', which does not exist");
    }
  }

  const ReportDefinition& def_;
  const Section& target_;
  const SourceSpec& src_;
  Add add_;
};

}  // namespace

void Validator::source_done(const Section& target, std::size_t first_block, std::size_t first_section,
                            const SourceSpec& src) {
  BlockChecks checks(def_, target, src,
                     [this](Code code, std::string message, Location where) { add(code, std::move(message), where); });
  // A view of the blocks the source added, not a copy (a big table would be held twice).
  walk_blocks(std::span<const Block>(target.blocks()).subspan(first_block), checks, Where{});
  // Subsections the source added, at any depth.
  for (std::size_t i = first_section; i < target.sections().size(); ++i)
    walk_section(target.sections()[i], checks, Where{});
}

void Validator::finish(const Document& doc) {
  const Location at{def_.path.string(), 0, 0};
  // Every goal covered, or excluded with a reason.
  struct GoalSections : PartialVisitor {
    std::set<int> goals;
    bool begin_section(const Section& s, const Where&) override {
      if (s.goal()) goals.insert(*s.goal());
      return true;
    }
  } goal_sections;
  walk(doc, goal_sections);
  const std::set<int>& covered = goal_sections.goals;
  std::map<int, const ExcludedGoal*> excluded;
  for (const ExcludedGoal& e : def_.excluded_goals) {
    excluded[e.goal] = &e;
    if (covered.count(e.goal))
      add(Code::ExcludedGoalCovered,
          "goal " + std::to_string(e.goal) + " is excluded but the report has a section for it", e.where);
  }
  std::string missing;
  for (int g = 1; g <= 17; ++g)
    if (!covered.count(g) && !excluded.count(g)) missing += (missing.empty() ? "" : ", ") + std::to_string(g);
  if (!missing.empty())
    add(Code::GoalNotCovered,
        "goals " + missing + " have no section; add them to a chapter's 'goals' or list them under "
        "'excluded_goals' with a reason",
        at);

  // The guidelines' chapters.
  const std::vector<std::string> required = def_.required_chapters.value_or(chapter_roles());
  const Location req_at = def_.required_chapters ? def_.required_chapters_where : at;
  for (const std::string& role : required) {
    bool found = std::any_of(def_.chapters.begin(), def_.chapters.end(),
                             [&](const ChapterSpec& c) { return has_role(c, role); });
    if (role == "progress" && !found)
      found = std::any_of(def_.chapters.begin(), def_.chapters.end(), [](const ChapterSpec& c) { return !c.goals.empty(); });
    if (!found)
      add(Code::MissingChapter,
          "no '" + role + "' chapter (UN reporting guidelines); add one, mark an existing chapter with 'role: " +
              role + "', or set 'required_chapters'",
          req_at);
  }

  // A statistical annex: an annex chapter or a workbook among the outputs.
  const bool annex_chapter = std::any_of(def_.chapters.begin(), def_.chapters.end(),
                                         [](const ChapterSpec& c) { return has_role(c, "annex"); });
  const bool workbook = std::any_of(def_.outputs.begin(), def_.outputs.end(),
                                    [](const OutputSpec& o) { return o.format == "xlsx"; });
  if (!annex_chapter && !workbook)
    add(Code::NoStatisticalAnnex,
        "the report has no statistical annex: add an annex chapter or an xlsx output", at);

  // Word limits and empty chapters (chapters are in definition order).
  for (std::size_t i = 0; i < def_.chapters.size() && i < doc.chapters().size(); ++i) {
    const ChapterSpec& spec = def_.chapters[i];
    const Section& ch = doc.chapters()[i];
    if (ch.blocks().empty() && ch.sections().empty())
      add(Code::EmptyChapter, "chapter '" + spec.title + "' has no content yet", spec.where);
    if (spec.word_limit > 0) {
      const std::size_t words = count_running_words(ch);
      if (words > static_cast<std::size_t>(spec.word_limit))
        add(Code::WordLimit,
            "chapter '" + spec.title + "' has " + std::to_string(words) + " words; its limit is " +
                std::to_string(spec.word_limit),
            spec.where);
    }
  }

  // The main messages, which DESA takes weeks before the report and publishes on their own.
  std::size_t mm = 0;
  const ChapterSpec* main_messages = main_messages_chapter(def_, &mm);
  if (def_.main_messages_word_limit > 0) {
    if (!main_messages) {
      add(Code::MainMessagesMissing,
          "'main_messages_word_limit' is set but no chapter is the main messages; mark one with "
          "'role: main_messages'",
          def_.main_messages_word_limit_where);
    } else if (mm < doc.chapters().size()) {
      const std::size_t words = count_running_words(doc.chapters()[mm]);
      if (words > static_cast<std::size_t>(def_.main_messages_word_limit))
        add(Code::MainMessagesWordLimit,
            "the main messages ('" + main_messages->title + "') have " + std::to_string(words) +
                " words; main_messages_word_limit is " + std::to_string(def_.main_messages_word_limit),
            main_messages->where);
    }
  }
  std::stable_sort(findings_.begin(), findings_.end(), [](const Finding& a, const Finding& b) {
    return a.severity == Finding::Severity::Error && b.severity != Finding::Severity::Error;
  });
}

int Validator::errors() const noexcept {
  return static_cast<int>(std::count_if(findings_.begin(), findings_.end(),
                                        [](const Finding& f) { return f.severity == Finding::Severity::Error; }));
}

int Validator::warnings() const noexcept { return static_cast<int>(findings_.size()) - errors(); }

int Validator::exit_code(bool strict) const noexcept { return errors() > 0 || (strict && warnings() > 0) ? 1 : 0; }

std::string Validator::to_json() const {
  nlohmann::ordered_json j;
  j["errors"] = errors();
  j["warnings"] = warnings();
  nlohmann::ordered_json list = nlohmann::ordered_json::array();
  for (const Finding& f : findings_) {
    list.push_back({{"severity", f.severity == Finding::Severity::Error ? "error" : "warning"},
                    {"code", f.code},
                    {"message", f.message},
                    {"file", f.where.file},
                    {"line", f.where.line},
                    {"column", f.where.column}});
  }
  j["findings"] = std::move(list);
  return j.dump(2) + "\n";
}

}  // namespace sdg
