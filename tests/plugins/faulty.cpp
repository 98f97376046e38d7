// Misbehaves in the way its `mode` option says, to test fault containment:
// segv, abort, hang, memory (allocates until it fails), memory_noexcept (the
// same inside a noexcept function: the bad_alloc ends in std::terminate, as one
// from an allocating destructor does), exit (calls exit(7)), ok.
#include <csignal>
#include <cstdlib>
#include <cstring>
#include <new>
#include <thread>
#include <vector>

#include "sdgreport/plugin.hpp"

namespace {
[[noreturn, gnu::noinline]] void out_of_memory() { throw std::bad_alloc(); }

void eat_memory(std::vector<char*>& blocks) {
  for (;;) {
    char* p = static_cast<char*>(std::malloc(64 << 20));
    if (!p) out_of_memory();
    std::memset(p, 1, 64 << 20);
    blocks.push_back(p);
  }
}

[[gnu::noinline]] void eat_memory_noexcept() noexcept {
  std::vector<char*> blocks;
  blocks.reserve(4096);
  eat_memory(blocks);
}

class Faulty final : public sdg::DataSource {
 public:
  void fill(const sdg::SourceRequest& req, sdg::Section& target, sdg::Context& ctx) override {
    const std::string mode = req.options.string("mode");
    ctx.plugin_warn("faulty/started", "mode " + mode);
    if (mode == "segv") {
      // The default action, as in a release build: under ASan its own SIGSEGV
      // handler would otherwise turn the signal into a report and exit(1).
      std::signal(SIGSEGV, SIG_DFL);
      std::raise(SIGSEGV);
    }
    if (mode == "abort") std::abort();
    if (mode == "hang")
      for (;;) std::this_thread::sleep_for(std::chrono::seconds(1));
    if (mode == "memory") {
      std::vector<char*> blocks;
      eat_memory(blocks);
    }
    if (mode == "memory_noexcept") eat_memory_noexcept();
    if (mode == "exit") std::exit(7);
    target.add_block(sdg::Paragraph{{sdg::Inline::plain("faulty plugin in mode ok – æøå")}});
  }
};
}  // namespace

namespace {
constexpr const char* kModes[] = {"segv", "abort", "hang", "memory", "memory_noexcept", "exit", "ok", nullptr};
constexpr sdg::OptionSpec kOptions[] = {
    {.name = "mode", .type = sdg::OptionType::Enum, .description = "How to misbehave", .values = kModes,
     .required = true},
};
}  // namespace

SDGREPORT_DATA_SOURCE_PLUGIN(Faulty, "test-faulty", "0.1.0", "Test plugin that crashes, hangs or eats memory", kOptions)
