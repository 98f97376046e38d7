// Cross-reference targets, generated reference text, and placement of data
// blocks (see references.hpp).
#include "sdgreport/references.hpp"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <set>
#include <vector>

#include "sdgreport/error.hpp"
#include "sdgreport/i18n.hpp"
#include "sdgreport/walk.hpp"

namespace sdg {

namespace {

class TargetCollector : public Visitor {
 public:
  Targets targets;

  bool begin_section(const Section& s, const Where& w) override {
    RefTarget t;
    t.kind = s.goal() ? RefTarget::Kind::Goal : RefTarget::Kind::Section;
    t.id = s.id();
    t.number = s.goal().value_or(0);
    t.section_number = w.number();
    t.title = s.title();
    add(std::move(t));
    return true;
  }
  void table(const Table& b, const Where&) override {
    ++tables_;
    add({RefTarget::Kind::Table, b.id, tables_, {}, b.caption});
  }
  void chart(const Chart& b, const Where&) override {
    ++figures_;
    add({RefTarget::Kind::Figure, b.id, figures_, {}, b.title});
  }
  void figure(const Figure& b, const Where&) override {
    ++figures_;
    add({RefTarget::Kind::Figure, b.id, figures_, {}, b.caption});
  }

 private:
  void add(RefTarget t) {
    if (t.id.empty()) return;
    targets.emplace(t.id, std::move(t));  // the first of equal ids wins
  }
  int tables_ = 0, figures_ = 0;
};

std::string in_text(Label l, std::string_view lang) {
  std::string s = label(l, lang);
  // Norwegian writes "tabell 3", "side 12" in running text.
  if ((lang == "nb" || lang == "nn") && !s.empty() && s[0] >= 'A' && s[0] <= 'Z') s[0] = static_cast<char>(s[0] - 'A' + 'a');
  return s;
}

/// "file:line:col" (as Location::str() wrote it) back into a Location.
Location parse_where(const std::string& where) {
  Location loc{where, 0, 0};
  auto number_at_end = [](std::string& s, int& out) {
    const std::size_t colon = s.rfind(':');
    if (colon == std::string::npos || colon + 1 == s.size()) return false;
    int v = 0;
    const char* b = s.data() + colon + 1;
    const char* e = s.data() + s.size();
    auto [p, ec] = std::from_chars(b, e, v);
    if (ec != std::errc() || p != e) return false;
    out = v;
    s.resize(colon);
    return true;
  };
  int a = 0, b = 0;
  if (number_at_end(loc.file, a)) {
    if (number_at_end(loc.file, b)) {
      loc.line = b;
      loc.column = a;
    } else {
      loc.line = a;
    }
  }
  return loc;
}

// ---- placement

struct DataBlock {
  std::string id;
  std::vector<const Section*> path;  ///< the section holding it, outermost first
  const Container* container = nullptr;
  const Container* placed_at = nullptr;  ///< the placement that took it
};

struct Placement {
  std::string ref, at;
  std::vector<const Section*> path;
  const Container* container = nullptr;
  const DataBlock* data = nullptr;
};

void collect_placement(const Section& s, std::vector<const Section*>& path, std::vector<DataBlock>& data,
                       std::vector<Placement>& placements) {
  path.push_back(&s);
  for (const Block& b : s.blocks()) {
    const auto* c = std::get_if<Container>(&b.value);
    if (!c) continue;
    if (c->name == kDataContainer && c->attributes.contains("id"))
      data.push_back({c->attributes.at("id"), path, c, nullptr});
    else if (c->name == kPlacementContainer && c->attributes.contains("ref"))
      placements.push_back({c->attributes.at("ref"), c->attributes.contains("at") ? c->attributes.at("at") : "",
                            path, c, nullptr});
  }
  for (const Section& sub : s.sections()) collect_placement(sub, path, data, placements);
  path.pop_back();
}

std::size_t common_prefix(const std::vector<const Section*>& a, const std::vector<const Section*>& b) {
  std::size_t n = 0;
  while (n < a.size() && n < b.size() && a[n] == b[n]) ++n;
  return n;
}

/// Rebuilds the blocks of `s` and its subsections: each placement replaced by
/// the blocks in `insert`, data containers in `placed` dropped (they moved), the
/// other data containers unwrapped where their source put them.
void rebuild(Section& s, const std::map<const Container*, Blocks>& insert, const std::set<const Container*>& placed) {
  Blocks in = s.take_blocks();
  Blocks out;
  out.reserve(in.size());
  for (Block& b : in) {
    auto* c = std::get_if<Container>(&b.value);
    if (c && c->name == kPlacementContainer) {
      if (auto it = insert.find(c); it != insert.end()) out.insert(out.end(), it->second.begin(), it->second.end());
    } else if (c && c->name == kDataContainer && c->attributes.contains("id")) {
      if (!placed.contains(c))
        for (Block& d : c->blocks) out.push_back(std::move(d));
    } else {
      out.push_back(std::move(b));
    }
  }
  s.add_blocks(std::move(out));
  for (Section& sub : s.sections()) rebuild(sub, insert, placed);
}

// ---- cross-references

void check_refs(Inlines& runs, const Targets& targets);

void check_refs(Blocks& blocks, const Targets& targets) {
  for (Block& block : blocks) {
    std::visit(
        [&](auto& b) {
          using T = std::decay_t<decltype(b)>;
          if constexpr (std::is_same_v<T, Heading> || std::is_same_v<T, Paragraph>) {
            check_refs(b.content, targets);
          } else if constexpr (std::is_same_v<T, List>) {
            for (Blocks& item : b.items) check_refs(item, targets);
          } else if constexpr (std::is_same_v<T, Quote> || std::is_same_v<T, Container>) {
            check_refs(b.blocks, targets);
          } else if constexpr (std::is_same_v<T, Table> || std::is_same_v<T, Chart> || std::is_same_v<T, Figure> ||
                               std::is_same_v<T, IndicatorSummary>) {
            // no inline text
          } else {
            static_assert(sizeof(T) == 0, "check_refs: a block kind is not handled");
          }
        },
        block.value);
  }
}

void check_refs(Inlines& runs, const Targets& targets) {
  for (Inline& r : runs) {
    if (r.kind == Inline::Kind::CrossRef) {
      if (!find_target(targets, r.url)) {
        std::string known;
        int shown = 0;
        for (const auto& [id, t] : targets) {
          if (shown++ == 12) {
            known += ", …";
            break;
          }
          known += (known.empty() ? "" : ", ") + id;
        }
        throw Error(ErrorCode::Input,
                    "unknown cross-reference target '#" + r.url + "' (no section, table, chart or figure has that id; known: " +
                        known + ")",
                    parse_where(r.where));
      }
      r.where.clear();
    }
    check_refs(r.children, targets);
  }
}

void check_refs(Section& s, const Targets& targets) {
  Blocks blocks = s.take_blocks();
  check_refs(blocks, targets);
  s.add_blocks(std::move(blocks));
  for (Section& sub : s.sections()) check_refs(sub, targets);
}

}  // namespace

Targets collect_targets(const Document& doc) {
  TargetCollector c;
  walk(doc, c);
  return std::move(c.targets);
}

const RefTarget* find_target(const Targets& targets, std::string_view id) {
  if (auto it = targets.find(std::string(id)); it != targets.end()) return &it->second;
  for (std::string_view prefix : {"tbl:", "fig:", "sec:"})
    if (id.starts_with(prefix))
      if (auto it = targets.find(std::string(id.substr(prefix.size()))); it != targets.end()) return &it->second;
  return nullptr;
}

std::string reference_text(const RefTarget& t, std::string_view lang) {
  switch (t.kind) {
    case RefTarget::Kind::Goal: return in_text(Label::Goal, lang) + " " + std::to_string(t.number);
    case RefTarget::Kind::Table: return in_text(Label::Table, lang) + " " + std::to_string(t.number);
    case RefTarget::Kind::Figure: return in_text(Label::Figure, lang) + " " + std::to_string(t.number);
    case RefTarget::Kind::Section:
      if (!t.section_number.empty()) return in_text(Label::Section, lang) + " " + t.section_number;
      return "“" + t.title + "”";
  }
  return t.id;
}

std::string page_reference_text(const std::string& page, std::string_view lang) {
  std::string s = label(Label::Page, lang);
  if (!s.empty() && s[0] >= 'A' && s[0] <= 'Z') s[0] = static_cast<char>(s[0] - 'A' + 'a');
  return s + " " + page;
}

void resolve_references(Document& doc) {
  // 1. Placement.
  std::vector<DataBlock> data;
  std::vector<Placement> placements;
  std::vector<const Section*> path;
  for (const Section& ch : doc.chapters()) collect_placement(ch, path, data, placements);
  std::map<const Container*, const DataBlock*> placed_by;
  for (Placement& p : placements) {
    DataBlock* best = nullptr;
    std::size_t best_len = 0;
    bool ambiguous = false;
    for (DataBlock& d : data) {
      if (d.id != p.ref) continue;
      const std::size_t len = common_prefix(d.path, p.path);
      if (!best || len > best_len) {
        best = &d;
        best_len = len;
        ambiguous = false;
      } else if (len == best_len) {
        ambiguous = true;
      }
    }
    const Location at = parse_where(p.at);
    if (!best) {
      std::string ids;
      for (const DataBlock& d : data)
        if (ids.find("'" + d.id + "'") == std::string::npos) ids += (ids.empty() ? "" : ", ") + ("'" + d.id + "'");
      throw Error(ErrorCode::Input,
                  "placement '" + p.ref + "': no data source has 'id: " + p.ref + "'" +
                      (ids.empty() ? std::string(" (no source has an id)") : " (sources with an id: " + ids + ")"),
                  at);
    }
    if (ambiguous)
      throw Error(ErrorCode::Input,
                  "placement '" + p.ref + "': several sources with 'id: " + p.ref +
                      "' are equally near; give them different ids",
                  at);
    if (best->placed_at)
      throw Error(ErrorCode::Input, "placement '" + p.ref + "': the data is already placed by another directive", at);
    best->placed_at = p.container;
    placed_by[p.container] = best;
  }
  // Copy the placed data first: rebuilding moves blocks out of the sections.
  // take_blocks()/add_blocks() move the Block vector's buffer, so the container
  // addresses collected above stay valid while one section is rebuilt, and the
  // sections rebuilt earlier are not looked at again.
  std::map<const Container*, Blocks> insert;
  std::set<const Container*> placed;
  for (const auto& [pc, d] : placed_by) {
    insert[pc] = d->container->blocks;
    placed.insert(d->container);
  }
  for (Section& ch : doc.chapters()) rebuild(ch, insert, placed);

  // 2. Cross-references, numbered in the final order.
  const Targets targets = collect_targets(doc);
  for (Section& ch : doc.chapters()) check_refs(ch, targets);
}

}  // namespace sdg
