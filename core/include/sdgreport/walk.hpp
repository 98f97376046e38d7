// sdgreport — the one way to walk a document, used by every writer.
//
// walk() visits chapters, sections and blocks in reading order and computes
// section numbers ("2", "2.3") on the way; a begin_* callback that returns false
// skips that node's children.
//
// Two bases. A Visitor must handle every block kind: its content callbacks are
// pure virtual, so a new block kind (a new callback) fails to compile in every
// writer until it handles it. A PartialVisitor looks at the kinds it overrides
// and skips the others, a new kind included: for counters and collectors that
// ask one question of the tree, never for a writer.
//
//   struct Counter : sdg::PartialVisitor {
//     int tables = 0;
//     void table(const sdg::Table&, const sdg::Where&) override { ++tables; }
//   };
//   Counter c; sdg::walk(doc, c);
#pragma once

#include <span>
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

/// Handles every block kind: one pure virtual callback (or begin/end pair) per
/// kind of Block::Variant. The document and section callbacks have defaults.
///
/// A new block kind fails here first (every writer includes this header): add its
/// pure virtual callback and count it below; every Visitor that does not
/// implement the callback is then abstract and fails to compile where it is made.
static_assert(std::variant_size_v<Block::Variant> == 9, "Visitor: a block kind has no callback (walk.hpp)");
class Visitor {
 public:
  virtual ~Visitor();

  virtual void begin_document(const Document&) {}
  virtual void end_document(const Document&) {}
  /// Called for chapters (depth 1) and nested sections alike.
  virtual bool begin_section(const Section&, const Where&) { return true; }
  virtual void end_section(const Section&, const Where&) {}

  virtual void heading(const Heading&, const Where&) = 0;
  virtual void paragraph(const Paragraph&, const Where&) = 0;
  virtual bool begin_list(const List&, const Where&) = 0;
  virtual void begin_list_item(const List&, std::size_t index, const Where&) = 0;
  virtual void end_list_item(const List&, std::size_t index, const Where&) = 0;
  virtual void end_list(const List&, const Where&) = 0;
  virtual bool begin_quote(const Quote&, const Where&) = 0;
  virtual void end_quote(const Quote&, const Where&) = 0;
  virtual void table(const Table&, const Where&) = 0;
  virtual void chart(const Chart&, const Where&) = 0;
  virtual void figure(const Figure&, const Where&) = 0;
  virtual void indicator_summary(const IndicatorSummary&, const Where&) = 0;
  virtual bool begin_container(const Container&, const Where&) = 0;
  virtual void end_container(const Container&, const Where&) = 0;
};

/// A Visitor that skips what it does not override (and walks into lists, quotes
/// and containers): for a visitor that asks one question of the tree.
class PartialVisitor : public Visitor {
 public:
  void heading(const Heading&, const Where&) override {}
  void paragraph(const Paragraph&, const Where&) override {}
  bool begin_list(const List&, const Where&) override { return true; }
  void begin_list_item(const List&, std::size_t, const Where&) override {}
  void end_list_item(const List&, std::size_t, const Where&) override {}
  void end_list(const List&, const Where&) override {}
  bool begin_quote(const Quote&, const Where&) override { return true; }
  void end_quote(const Quote&, const Where&) override {}
  void table(const Table&, const Where&) override {}
  void chart(const Chart&, const Where&) override {}
  void figure(const Figure&, const Where&) override {}
  void indicator_summary(const IndicatorSummary&, const Where&) override {}
  bool begin_container(const Container&, const Where&) override { return true; }
  void end_container(const Container&, const Where&) override {}
};

void walk(const Document& doc, Visitor& v);
/// Walks a sequence of blocks (a list item, the blocks a source added) inside the
/// given position.
void walk_blocks(std::span<const Block> blocks, Visitor& v, const Where& where);
/// Walks one section and its subsections inside the given position (`number` is
/// the section's own number, "" when unnumbered).
void walk_section(const Section& s, Visitor& v, const Where& where, const std::string& number = {});

}  // namespace sdg
