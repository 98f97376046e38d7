// sdgreport fuzz targets — the input of one run, split into option bytes and the
// text handed to a reader. Shared by every target in tests/fuzz/.
//
//   sdg::fuzz::Input in(data, size);
//   const bool header = in.flag();      // first byte: an option
//   std::string_view text = in.rest();  // the remaining bytes: the file
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>

namespace sdg::fuzz {

class Input {
 public:
  Input(const std::uint8_t* data, std::size_t size) : data_(data), size_(size) {}

  /// The next byte, or 0 when the input is used up.
  std::uint8_t byte() { return pos_ < size_ ? data_[pos_++] : 0; }
  bool flag() { return (byte() & 1) != 0; }
  /// A number in [0, n), n > 0.
  std::size_t pick(std::size_t n) { return byte() % n; }
  /// Everything not taken yet.
  std::string_view rest() const {
    return {reinterpret_cast<const char*>(data_ + pos_), size_ - pos_};
  }

 private:
  const std::uint8_t* data_;
  std::size_t size_;
  std::size_t pos_ = 0;
};

}  // namespace sdg::fuzz
