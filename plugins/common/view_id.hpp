// sdgreport data plugins — stable ids for tables a plugin makes without one
// given, so that a chart can name the table holding its observations
// (Chart::data_table) and annexes list each observation once. The id is a
// prefix plus a hash of what chooses the cells: the same options give the same
// id in every build; two views of one file get different ids.
//
//   sdg::plugins::ViewId id;
//   id.mix(dataset_name);
//   id.mix(row_dimension);
//   std::string table_id = "jsonstat-" + sdg::make_id(stem) + "-" + id.tag();   // "…-3fa0c91e"
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace sdg::plugins {

class ViewId {
 public:
  /// Adds one part (parts are separated, so "ab"+"c" differs from "a"+"bc").
  void mix(std::string_view part) {
    for (unsigned char c : part) h_ = (h_ ^ c) * kPrime;
    h_ = (h_ ^ 0x1f) * kPrime;
  }
  /// Eight hex digits of the 64-bit FNV-1a hash of the parts.
  std::string tag() const {
    static constexpr char kHex[] = "0123456789abcdef";
    std::string out;
    for (int k = 0; k < 8; ++k) out += kHex[(h_ >> (k * 4)) & 15];
    return out;
  }

 private:
  static constexpr std::uint64_t kPrime = 1099511628211ull;
  std::uint64_t h_ = 1469598103934665603ull;
};

}  // namespace sdg::plugins
