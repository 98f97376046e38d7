#include "plan.hpp"

#include <cstdio>
#include <functional>

#include "at_a_glance.hpp"
#include "escape.hpp"
#include "sdgreport/i18n.hpp"
#include "sdgreport/error.hpp"
#include "sdgreport/walk.hpp"

namespace sdg::html {

namespace {

class Planner : public Visitor {
 public:
  explicit Planner(std::function<void(const Section&, const Where&)> on_section,
                   std::function<void(const void*, const char*, const std::string&)> on_block)
      : on_section_(std::move(on_section)), on_block_(std::move(on_block)) {}

  bool begin_section(const Section& s, const Where& w) override {
    on_section_(s, w);
    return true;
  }
  void table(const Table& t, const Where&) override { on_block_(&t, "table", t.id); }
  void chart(const Chart& c, const Where&) override { on_block_(&c, "chart", c.id); }
  void figure(const Figure& f, const Where&) override { on_block_(&f, "figure", f.id); }

 private:
  std::function<void(const Section&, const Where&)> on_section_;
  std::function<void(const void*, const char*, const std::string&)> on_block_;
};

/// "fn-3", "fnref-12": the names footnotes use (Plan::note_anchor).
bool is_note_anchor(const std::string& a) {
  for (const char* prefix : {"fn-", "fnref-"}) {
    const std::string_view p(prefix);
    if (a.size() > p.size() && a.compare(0, p.size(), p) == 0 &&
        a.find_first_not_of("0123456789", p.size()) == std::string::npos)
      return true;
  }
  return false;
}

std::string two_digits(std::size_t n) {
  char buf[24];
  std::snprintf(buf, sizeof buf, "%02zu", n);
  return buf;
}

}  // namespace

Plan::Plan(const Document& doc, bool split, const std::string& stem) : split_(split) {
  // Anchors the page shell uses.
  for (const char* reserved : {"top", "main", "contents", "toc-heading", "fn-heading"}) used_[reserved] = 1;
  pages_.push_back(stem + ".html");
  std::size_t page = 0;
  int tables = 0, figures = 0;
  glance_before_ = glance::before(doc);
  Planner planner(
      [&](const Section& s, const Where& w) {
        if (w.depth() == 1 && split_) {
          page = pages_.size();
          pages_.push_back(stem + "/" + two_digits(page) + "-" + html::anchor(s.id()) + ".html");
        }
        if (w.depth() == 1) chapter_page_[&s] = page;
        if (&s == glance_before_) {  // the at-a-glance section opens the chapter's page, before it
          glance_anchor_ = claim("at-a-glance");
          toc_.push_back({1, "", label(Label::AtAGlance, doc.meta.language), glance_anchor_, page, std::nullopt});
        }
        const std::string a = claim(html::anchor(s.id()));
        section_anchor_[&s] = a;
        by_model_id_.emplace(s.id(), std::make_pair(a, page));
        toc_.push_back({w.depth(), w.number(), s.title(), a, page, s.goal()});
      },
      [&](const void* block, const char* kind, const std::string& id) {
        Numbered n;
        n.page = page;
        const bool is_table = std::string_view(kind) == "table";
        n.number = is_table ? ++tables : ++figures;
        const std::string base = is_table ? "table-" : "figure-";
        n.anchor = claim(id.empty() ? base + std::to_string(n.number) : base + html::anchor(id));
        const Numbered& stored = blocks_.emplace(block, n).first->second;
        if (is_table && !id.empty()) tables_by_id_.emplace(id, &stored);
        if (!id.empty()) by_model_id_.emplace(id, std::make_pair(n.anchor, page));
      });
  walk(doc, planner);
}

std::string Plan::claim(const std::string& wanted) {
  if (is_note_anchor(wanted)) return claim("s-" + wanted);  // footnotes own these names
  int& n = used_[wanted];
  if (++n == 1) return wanted;
  // Taken: the first free "wanted-2", "wanted-3", …
  for (;;) {
    std::string candidate = wanted + "-" + std::to_string(n);
    if (used_.emplace(candidate, 1).second) return candidate;
    ++n;
  }
}

const std::string& Plan::anchor(const Section& s) const {
  auto it = section_anchor_.find(&s);
  if (it == section_anchor_.end())
    throw Error(ErrorCode::Internal, "html: section '" + s.title() + "' was not planned");
  return it->second;
}

std::size_t Plan::page_of(const Section& chapter) const {
  auto it = chapter_page_.find(&chapter);
  return it == chapter_page_.end() ? 0 : it->second;
}

const Numbered& Plan::numbered(const void* block) const {
  auto it = blocks_.find(block);
  if (it == blocks_.end()) throw Error(ErrorCode::Internal, "html: a block was not planned");
  return it->second;
}

const Numbered* Plan::table_by_id(const std::string& id) const {
  auto it = tables_by_id_.find(id);
  return it == tables_by_id_.end() ? nullptr : it->second;
}

std::string Plan::href(std::size_t from, std::size_t to, const std::string& a) const {
  if (from == to) return "#" + a;
  // Pages other than the front page live one folder down.
  std::string file = pages_[to];
  if (from != 0) {
    const auto slash = file.find('/');
    file = to == 0 ? "../" + file : file.substr(slash + 1);
  }
  return file + "#" + a;
}

std::string Plan::page_link(std::size_t from, std::size_t to) const {
  if (from == to) return "#top";
  std::string h = href(from, to, "top");
  return h.substr(0, h.size() - 4);
}

std::optional<std::string> Plan::target_href(std::size_t from, const std::string& id) const {
  auto it = by_model_id_.find(id);
  if (it == by_model_id_.end()) return std::nullopt;
  return href(from, it->second.second, it->second.first);
}

std::string Plan::resolve_link(std::size_t from, const std::string& url) const {
  if (url.size() > 1 && url.front() == '#')
    if (auto h = target_href(from, url.substr(1))) return *h;
  return url;
}

}  // namespace sdg::html
