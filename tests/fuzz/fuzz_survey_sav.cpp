// Fuzz target: the survey plugin's SPSS reader (read_sav through ReadStat, from
// memory), then a frequency table with disclosure control of every variable the
// file has value labels for (codebook completed from the file, as without one).
// The whole input is the .sav/.zsav file.
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "codebook.hpp"
#include "sav_read.hpp"
#include "sdgreport/error.hpp"
#include "tabulate.hpp"

using namespace sdg::survey;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  try {
    Wave w;
    w.data = read_sav(std::string_view(reinterpret_cast<const char*>(data), size), "/fuzz/export.sav");
    Codebook cb;
    complete_from_dataset(cb, w.data, "");
    std::vector<Note> notes;
    for (const Item& it : cb.items) {
      Tab t = tabulate(w, it, nullptr, "en", notes);
      protect_tab(t, 3);
    }
  } catch (const sdg::Error&) {
  }
  return 0;
}
