// sdgreport — the one way to walk a document, used by every writer.
//
// walk() visits chapters, sections and blocks in reading order and computes
// section numbers ("2", "2.3") on the way. Override the callbacks you need;
// a begin_* callback that returns false skips that node's children.
//
//   struct Counter : sdg::Visitor {
//     int tables = 0;
//     void table(const sdg::Table&, const sdg::Where&) override { ++tables; }
//   };
//   Counter c; sdg::walk(doc, c);
#pragma once

#include <string>
#include <vector>

#include "sdgreport/model.hpp"

namespace sdg {

/// Where the walker is: the enclosing sections, outermost (the chapter) first.
struct Where {
  std::vector<const Section*> sections;
  std::vector<std::string> numbers;  ///< number of each enclosing section ("" if unnumbered)
  /// The blocks being visited, outermost first: the block of the current callback
  /// is last (a paragraph in a list item in a quote: quote, list, paragraph).
  std::vector<const Block*> blocks;

  const Section* chapter() const { return sections.empty() ? nullptr : sections.front(); }
  const Section* section() const { return sections.empty() ? nullptr : sections.back(); }
  int depth() const { return static_cast<int>(sections.size()); }  ///< chapter = 1
  /// Number of the innermost section, e.g. "3.2" ("" when unnumbered).
  const std::string& number() const;
  /// Goal of the innermost enclosing goal section, 0 if none.
  int goal() const;
  /// The block of the current callback (its lang, origin); nullptr outside blocks.
  const Block* block() const { return blocks.empty() ? nullptr : blocks.back(); }
  /// The language of the current block's text: the innermost `Block::lang` set on
  /// it or a block around it; "" = the report's language.
  const std::string& lang() const;
};

class Visitor {
 public:
  virtual ~Visitor();

  virtual void begin_document(const Document&) {}
  virtual void end_document(const Document&) {}
  /// Called for chapters (depth 1) and nested sections alike.
  virtual bool begin_section(const Section&, const Where&) { return true; }
  virtual void end_section(const Section&, const Where&) {}

  virtual void heading(const Heading&, const Where&) {}
  virtual void paragraph(const Paragraph&, const Where&) {}
  virtual bool begin_list(const List&, const Where&) { return true; }
  virtual void begin_list_item(const List&, std::size_t /*index*/, const Where&) {}
  virtual void end_list_item(const List&, std::size_t /*index*/, const Where&) {}
  virtual void end_list(const List&, const Where&) {}
  virtual bool begin_quote(const Quote&, const Where&) { return true; }
  virtual void end_quote(const Quote&, const Where&) {}
  virtual void table(const Table&, const Where&) {}
  virtual void chart(const Chart&, const Where&) {}
  virtual void figure(const Figure&, const Where&) {}
  virtual void indicator_summary(const IndicatorSummary&, const Where&) {}
  virtual bool begin_container(const Container&, const Where&) { return true; }
  virtual void end_container(const Container&, const Where&) {}
};

void walk(const Document& doc, Visitor& v);
/// Walks a sequence of blocks (e.g. a list item) inside the given position.
void walk_blocks(const Blocks& blocks, Visitor& v, const Where& where);

}  // namespace sdg
