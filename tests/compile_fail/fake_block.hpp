// Forced into each translation unit of the compile-fail tests (tests/compile_fail):
// a fake tenth block kind, added to sdg::Block::Variant through the hook
// in model.hpp. Every walker of the model must then refuse to compile.
#pragma once

namespace sdg {
struct FakeBlock {
  int x = 0;
  bool operator==(const FakeBlock&) const = default;
};
}  // namespace sdg

#define SDGREPORT_TEST_EXTRA_BLOCK_KIND , sdg::FakeBlock
