#include "sdgreport/validate.hpp"
#include "sdgreport/text.hpp"

#include <algorithm>
#include <fstream>
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
struct WordCounter : Visitor {
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
  Document one;
  one.add_chapter(s);
  WordCounter wc;
  walk(one, wc);
  return wc.words;
}

std::string Finding::str() const {
  std::string s = where.empty() ? std::string() : where.str() + ": ";
  s += severity == Severity::Error ? "error: " : "warning: ";
  return s + message + " [" + code + "]";
}

Validator::Validator(const ReportDefinition& def) : def_(def) {}

void Validator::add(Finding::Severity s, std::string code, std::string message, Location where) {
  if (where.empty()) where = Location{def_.path.string(), 0, 0};
  findings_.push_back({s, std::move(code), std::move(message), std::move(where)});
}

void Validator::record(const Error& e) {
  findings_.push_back({Finding::Severity::Error, std::string("cannot-build-") + error_code_name(e.code()), e.message(),
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
    findings_.push_back({Finding::Severity::Error, std::string("source-failed-") + error_code_name(e.code()),
                         e.message(), e.where()});
  };
}

void Validator::source_done(const Section& target, std::size_t first_block, std::size_t first_section,
                            const SourceSpec& src) {
  const int goal = target.goal().value_or(0);
  const std::string where = "section '" + target.title() + "'";
  // A view of the blocks the source added, not a copy (a big table would be held twice).
  check_blocks(std::span<const Block>(target.blocks()).subspan(first_block), goal, where, src);
  // Subsections the source added, at any depth.
  std::vector<const Section*> stack;
  for (std::size_t i = first_section; i < target.sections().size(); ++i) stack.push_back(&target.sections()[i]);
  while (!stack.empty()) {
    const Section* s = stack.back();
    stack.pop_back();
    check_blocks(s->blocks(), s->goal().value_or(goal), "section '" + s->title() + "'", src);
    for (const Section& sub : s->sections()) stack.push_back(&sub);
  }
}

void Validator::check_blocks(std::span<const Block> blocks, int goal, const std::string& where, const SourceSpec& src) {
  const Catalogue& cat = Catalogue::get();
  const std::string by = "plugin '" + src.plugin + "', " + where;
  auto check_id = [&](const std::string& id, const std::string& what, bool national) {
    if (id.empty() || national) return;  // national ids are not in the catalogue (model.hpp)
    const Indicator* ind = cat.find_indicator(id);
    if (!ind) {
      add(Finding::Severity::Error, "unknown-indicator", by + ": " + what + " names '" + id + "', which is not an SDG indicator",
          src.where);
      return;
    }
    if (goal == 0)
      add(Finding::Severity::Warning, "indicator-outside-goal",
          by + ": " + what + " reports indicator " + id + " outside a goal section", src.where);
    else if (ind->goal != goal)
      add(Finding::Severity::Error, "indicator-in-wrong-goal",
          by + ": " + what + " reports indicator " + id + " of goal " + std::to_string(ind->goal) +
              " in the section of goal " + std::to_string(goal),
          src.where);
  };
  auto check_links = [&](const Inlines& runs) {
    std::vector<std::string> urls;
    links_of(runs, urls);
    for (const std::string& url : urls) {
      if (!is_local_link(url)) continue;
      std::string path = url.substr(0, url.find('#'));
      std::error_code ec;
      if (!path.empty() && !std::filesystem::exists(def_.base_dir() / path, ec))
        add(Finding::Severity::Warning, "broken-link", by + ": link to '" + url + "', which does not exist", src.where);
    }
  };
  std::function<void(std::span<const Block>)> walk_blocks = [&](std::span<const Block> bs) {
    for (const Block& b : bs) {
      if (const auto* t = std::get_if<Table>(&b.value)) {
        const std::string what = "table '" + t->caption + "'";
        if (t->source.empty())
          add(Finding::Severity::Warning, "table-without-source", by + ": " + what + " has no source note", src.where);
        check_id(t->indicator, what, t->national);
      } else if (const auto* c = std::get_if<Chart>(&b.value)) {
        const std::string what = "chart '" + c->title + "'";
        if (c->source.empty())
          add(Finding::Severity::Warning, "chart-without-source", by + ": " + what + " has no source", src.where);
        if (c->alt.size() < 10)
          add(Finding::Severity::Warning, "weak-alt-text", by + ": " + what + " has alt text '" + c->alt +
                                                               "', too short to describe it",
              src.where);
        check_id(c->indicator, what, c->national);
      } else if (const auto* f = std::get_if<Figure>(&b.value)) {
        const std::filesystem::path p = std::filesystem::path(f->path).is_absolute()
                                            ? std::filesystem::path(f->path)
                                            : def_.base_dir() / f->path;
        if (const std::string why = image_problem(p); why == "does not exist") {
          add(Finding::Severity::Error, "figure-missing", by + ": image '" + f->path + "' does not exist", src.where);
        } else if (is_svg_path(f->path)) {
          add(Finding::Severity::Error, "figure-svg", by + ": image '" + f->path + "': " + why, src.where);
        } else if (!why.empty()) {
          add(Finding::Severity::Error, "figure-unreadable", by + ": image '" + f->path + "': " + why, src.where);
        }
        if (f->alt.size() < 5 || f->alt == std::filesystem::path(f->path).filename().string())
          add(Finding::Severity::Warning, "weak-alt-text",
              by + ": figure '" + f->path + "' has alt text '" + f->alt + "', which does not describe it", src.where);
      } else if (const auto* s = std::get_if<IndicatorSummary>(&b.value)) {
        check_id(s->indicator, "indicator summary", s->national);
      } else if (const auto* p = std::get_if<Paragraph>(&b.value)) {
        check_links(p->content);
      } else if (const auto* l = std::get_if<List>(&b.value)) {
        for (const Blocks& item : l->items) walk_blocks(item);
      } else if (const auto* q = std::get_if<Quote>(&b.value)) {
        walk_blocks(q->blocks);
      } else if (const auto* k = std::get_if<Container>(&b.value)) {
        walk_blocks(k->blocks);
      }
    }
  };
  walk_blocks(blocks);
}

void Validator::finish(const Document& doc) {
  const Location at{def_.path.string(), 0, 0};
  // Every goal covered, or excluded with a reason.
  std::set<int> covered;
  std::vector<const Section*> stack;
  for (const Section& ch : doc.chapters()) stack.push_back(&ch);
  while (!stack.empty()) {
    const Section* s = stack.back();
    stack.pop_back();
    if (s->goal()) covered.insert(*s->goal());
    for (const Section& sub : s->sections()) stack.push_back(&sub);
  }
  std::map<int, const ExcludedGoal*> excluded;
  for (const ExcludedGoal& e : def_.excluded_goals) {
    excluded[e.goal] = &e;
    if (covered.count(e.goal))
      add(Finding::Severity::Warning, "excluded-goal-covered",
          "goal " + std::to_string(e.goal) + " is excluded but the report has a section for it", e.where);
  }
  std::string missing;
  for (int g = 1; g <= 17; ++g)
    if (!covered.count(g) && !excluded.count(g)) missing += (missing.empty() ? "" : ", ") + std::to_string(g);
  if (!missing.empty())
    add(Finding::Severity::Warning, "goal-not-covered",
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
      add(Finding::Severity::Warning, "missing-chapter",
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
    add(Finding::Severity::Warning, "no-statistical-annex",
        "the report has no statistical annex: add an annex chapter or an xlsx output", at);

  // Word limits and empty chapters (chapters are in definition order).
  for (std::size_t i = 0; i < def_.chapters.size() && i < doc.chapters().size(); ++i) {
    const ChapterSpec& spec = def_.chapters[i];
    const Section& ch = doc.chapters()[i];
    if (ch.blocks().empty() && ch.sections().empty())
      add(Finding::Severity::Warning, "empty-chapter", "chapter '" + spec.title + "' has no content yet", spec.where);
    if (spec.word_limit > 0) {
      const std::size_t words = count_running_words(ch);
      if (words > static_cast<std::size_t>(spec.word_limit))
        add(Finding::Severity::Warning, "word-limit",
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
      add(Finding::Severity::Warning, "main-messages-missing",
          "'main_messages_word_limit' is set but no chapter is the main messages; mark one with "
          "'role: main_messages'",
          def_.main_messages_word_limit_where);
    } else if (mm < doc.chapters().size()) {
      const std::size_t words = count_running_words(doc.chapters()[mm]);
      if (words > static_cast<std::size_t>(def_.main_messages_word_limit))
        add(Finding::Severity::Warning, "main-messages-word-limit",
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
