#include "sdgreport/walk.hpp"

namespace sdg {

Visitor::~Visitor() = default;

const std::string& Where::number() const {
  static const std::string none;
  return numbers.empty() ? none : numbers.back();
}

const std::string& Where::lang() const {
  static const std::string none;
  for (auto it = blocks.rbegin(); it != blocks.rend(); ++it)
    if (!(*it)->lang.empty()) return (*it)->lang;
  return none;
}

int Where::goal() const {
  for (auto it = sections.rbegin(); it != sections.rend(); ++it)
    if ((*it)->goal()) return *(*it)->goal();
  return 0;
}

namespace {

void walk_blocks_in(const Blocks& blocks, Visitor& v, Where& where) {
  for (const Block& block : blocks) {
    where.blocks.push_back(&block);
    std::visit(
        [&](const auto& b) {
          using T = std::decay_t<decltype(b)>;
          if constexpr (std::is_same_v<T, Heading>) {
            v.heading(b, where);
          } else if constexpr (std::is_same_v<T, Paragraph>) {
            v.paragraph(b, where);
          } else if constexpr (std::is_same_v<T, List>) {
            if (v.begin_list(b, where)) {
              for (std::size_t i = 0; i < b.items.size(); ++i) {
                v.begin_list_item(b, i, where);
                walk_blocks_in(b.items[i], v, where);
                v.end_list_item(b, i, where);
              }
            }
            v.end_list(b, where);
          } else if constexpr (std::is_same_v<T, Quote>) {
            if (v.begin_quote(b, where)) walk_blocks_in(b.blocks, v, where);
            v.end_quote(b, where);
          } else if constexpr (std::is_same_v<T, Table>) {
            v.table(b, where);
          } else if constexpr (std::is_same_v<T, Chart>) {
            v.chart(b, where);
          } else if constexpr (std::is_same_v<T, Figure>) {
            v.figure(b, where);
          } else if constexpr (std::is_same_v<T, IndicatorSummary>) {
            v.indicator_summary(b, where);
          } else if constexpr (std::is_same_v<T, Container>) {
            if (v.begin_container(b, where)) walk_blocks_in(b.blocks, v, where);
            v.end_container(b, where);
          }
        },
        block.value);
    where.blocks.pop_back();
  }
}

void walk_section(const Section& s, const std::string& number, Visitor& v, Where& where) {
  where.sections.push_back(&s);
  where.numbers.push_back(number);
  if (v.begin_section(s, where)) {
    walk_blocks_in(s.blocks(), v, where);
    int n = 0;
    for (const Section& sub : s.sections()) {
      std::string sub_number;
      if (sub.numbered() && !number.empty()) sub_number = number + "." + std::to_string(++n);
      walk_section(sub, sub_number, v, where);
    }
  }
  v.end_section(s, where);
  where.sections.pop_back();
  where.numbers.pop_back();
}

}  // namespace

void walk_blocks(const Blocks& blocks, Visitor& v, const Where& where) {
  Where inner = where;
  walk_blocks_in(blocks, v, inner);
}

void walk(const Document& doc, Visitor& v) {
  v.begin_document(doc);
  Where where;
  int n = 0;
  for (const Section& ch : doc.chapters()) {
    walk_section(ch, ch.numbered() ? std::to_string(++n) : std::string(), v, where);
  }
  v.end_document(doc);
}

}  // namespace sdg
