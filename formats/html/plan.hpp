// HTML writer (private): the first pass over the document. It decides, before
// anything is written, which page every chapter goes on (one page, or one per
// chapter with `split: chapters`), the anchor of every section, table, chart and
// figure (unique in the edition), their numbers ("Table 3", "Figure 2"), and the
// table of contents, so links can point forward and across pages.
#pragma once

#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "sdgreport/model.hpp"

namespace sdg::html {

struct TocEntry {
  int depth = 1;  ///< chapter = 1
  std::string number;
  std::string title;
  std::string anchor;
  std::size_t page = 0;
  std::optional<int> goal;
};

/// A numbered block (table, chart, figure): its anchor, number and page.
struct Numbered {
  std::string anchor;
  int number = 0;
  std::size_t page = 0;
};

class Plan {
 public:
  /// `stem` names the pages of a split edition: "<stem>.html" (the front page) and
  /// "<stem>/NN-<chapter>.html".
  Plan(const Document& doc, bool split, const std::string& stem);

  bool split() const noexcept { return split_; }
  /// Page file names relative to the output directory; page 0 is the front page.
  const std::vector<std::string>& pages() const noexcept { return pages_; }
  const std::vector<TocEntry>& toc() const noexcept { return toc_; }

  const std::string& anchor(const Section& s) const;
  std::size_t page_of(const Section& chapter) const;
  const Numbered& numbered(const void* block) const;
  /// The table with model id `id`, or nullptr.
  const Numbered* table_by_id(const std::string& id) const;
  /// The chapter the at-a-glance section comes before (formats/common/at_a_glance.hpp),
  /// or nullptr; and its anchor.
  const Section* glance_before() const noexcept { return glance_before_; }
  const std::string& glance_anchor() const noexcept { return glance_anchor_; }

  /// A link from page `from` to `anchor` on page `to`.
  std::string href(std::size_t from, std::size_t to, const std::string& anchor) const;
  /// A link from page `from` to the top of page `to` (its file name, relative).
  std::string page_link(std::size_t from, std::size_t to) const;
  /// A link from page `from` for a model URL: "#id" of a section, table, chart or
  /// figure becomes its page and anchor; other URLs are returned as they are.
  std::string resolve_link(std::size_t from, const std::string& url) const;
  /// A link from page `from` to the section, table, chart or figure with model id
  /// `id`; nullopt when nothing in the document has that id.
  std::optional<std::string> target_href(std::size_t from, const std::string& id) const;

  /// Anchors of footnote `n` (1-based, numbered per page) and of its reference;
  /// no section or block anchor takes these names.
  static std::string note_anchor(int n) { return "fn-" + std::to_string(n); }
  static std::string note_ref_anchor(int n) { return "fnref-" + std::to_string(n); }

 private:
  std::string claim(const std::string& wanted);

  bool split_;
  std::vector<std::string> pages_;
  std::vector<TocEntry> toc_;
  std::map<const Section*, std::string> section_anchor_;
  std::map<const Section*, std::size_t> chapter_page_;
  std::map<std::string, std::pair<std::string, std::size_t>> by_model_id_;  ///< model id → anchor, page
  std::map<const void*, Numbered> blocks_;
  std::map<std::string, const Numbered*> tables_by_id_;
  std::map<std::string, int> used_;
  const Section* glance_before_ = nullptr;
  std::string glance_anchor_;
};

}  // namespace sdg::html
