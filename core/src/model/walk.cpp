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

void walk_blocks_in(std::span<const Block> blocks, Visitor& v, Where& where) {
  for (const Block& block : blocks) {
    where.blocks.push_back(&block);
    // One lambda per kind, no generic one: a new block kind does not compile here
    // until the walker (and Visitor) handle it.
    std::visit(Overloaded{
                   [&](const Heading& b) { v.heading(b, where); },
                   [&](const Paragraph& b) { v.paragraph(b, where); },
                   [&](const List& b) {
                     if (v.begin_list(b, where)) {
                       for (std::size_t i = 0; i < b.items.size(); ++i) {
                         v.begin_list_item(b, i, where);
                         walk_blocks_in(b.items[i], v, where);
                         v.end_list_item(b, i, where);
                       }
                     }
                     v.end_list(b, where);
                   },
                   [&](const Quote& b) {
                     if (v.begin_quote(b, where)) walk_blocks_in(b.blocks, v, where);
                     v.end_quote(b, where);
                   },
                   [&](const Table& b) { v.table(b, where); },
                   [&](const Chart& b) { v.chart(b, where); },
                   [&](const Figure& b) { v.figure(b, where); },
                   [&](const IndicatorSummary& b) { v.indicator_summary(b, where); },
                   [&](const Container& b) {
                     if (v.begin_container(b, where)) walk_blocks_in(b.blocks, v, where);
                     v.end_container(b, where);
                   },
               },
               block.value);
    where.blocks.pop_back();
  }
}

void walk_section_in(const Section& s, const std::string& number, Visitor& v, Where& where) {
  where.sections.push_back(&s);
  where.numbers.push_back(number);
  if (v.begin_section(s, where)) {
    walk_blocks_in(s.blocks(), v, where);
    int n = 0;
    for (const Section& sub : s.sections()) {
      std::string sub_number;
      if (sub.numbered() && !number.empty()) sub_number = number + "." + std::to_string(++n);
      walk_section_in(sub, sub_number, v, where);
    }
  }
  v.end_section(s, where);
  where.sections.pop_back();
  where.numbers.pop_back();
}

}  // namespace

void walk_blocks(std::span<const Block> blocks, Visitor& v, const Where& where) {
  Where inner = where;
  walk_blocks_in(blocks, v, inner);
}

void walk_section(const Section& s, Visitor& v, const Where& where, const std::string& number) {
  Where inner = where;
  walk_section_in(s, number, v, inner);
}

void walk(const Document& doc, Visitor& v) {
  v.begin_document(doc);
  Where where;
  int n = 0;
  for (const Section& ch : doc.chapters()) {
    walk_section_in(ch, ch.numbered() ? std::to_string(++n) : std::string(), v, where);
  }
  v.end_document(doc);
}

}  // namespace sdg
