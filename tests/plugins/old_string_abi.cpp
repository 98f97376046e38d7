// Built with -D_GLIBCXX_USE_CXX11_ABI=0 (see CMakeLists.txt): the same headers and
// ABI number as the host, but libstdc++'s old std::string, so every model type
// holding a string has another layout. Only the fingerprint can tell.
#include "sdgreport/plugin.hpp"

namespace {
class OldStrings final : public sdg::DataSource {
 public:
  void fill(const sdg::SourceRequest&, sdg::Section&, sdg::Context&) override {}
};
}  // namespace

SDGREPORT_DATA_SOURCE_PLUGIN(OldStrings, "test-old-string-abi", "0.0.1", "pre-C++11 std::string")
