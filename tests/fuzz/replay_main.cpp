// main() for a fuzz target built without libFuzzer (any compiler): feeds every
// file named on the command line, or every file in a named directory (sorted), to
// LLVMFuzzerTestOneInput once, and prints what it ran. This is how `make test`
// replays tests/fuzz/regressions/<target>/ and the seed corpus: a crash, a
// sanitizer report or an escaping exception fails the test, naming the file.
//
//   replay_markdown tests/fuzz/regressions/markdown tests/fuzz/corpus/markdown
#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <exception>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size);

namespace fs = std::filesystem;

int main(int argc, char** argv) {
  std::vector<fs::path> files;
  for (int i = 1; i < argc; ++i) {
    const fs::path arg = argv[i];
    if (fs::is_directory(arg)) {
      std::vector<fs::path> in_dir;
      for (const auto& e : fs::directory_iterator(arg))
        if (e.is_regular_file() && e.path().filename() != "README.md" &&
            e.path().filename().string().rfind('.', 0) != 0)  // .gitkeep
          in_dir.push_back(e.path());
      std::sort(in_dir.begin(), in_dir.end());
      files.insert(files.end(), in_dir.begin(), in_dir.end());
    } else if (fs::is_regular_file(arg)) {
      files.push_back(arg);
    } else if (!fs::exists(arg)) {
      std::fprintf(stderr, "replay: %s does not exist\n", arg.c_str());
      return 2;
    }
  }
  for (const fs::path& f : files) {
    std::ifstream in(f, std::ios::binary);
    const std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    std::printf("replay: %s (%zu bytes)\n", f.c_str(), bytes.size());
    std::fflush(stdout);
    try {
      LLVMFuzzerTestOneInput(reinterpret_cast<const std::uint8_t*>(bytes.data()), bytes.size());
    } catch (const std::exception& e) {
      std::fprintf(stderr, "replay: %s: uncaught exception: %s\n", f.c_str(), e.what());
      return 1;
    }
  }
  std::printf("replay: %zu inputs, all handled\n", files.size());
  return 0;
}
