// Fuzz target: the survey plugin's codebook (parse_codebook, YAML) and CSV
// export reader (read_survey_csv), then every question tabulated by the first
// background variable of the export, with disclosure control.
// First byte: the delimiter (auto, ';', ','). The rest: the codebook, a line
// "~~~~", then the CSV file.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "codebook.hpp"
#include "fuzz_input.hpp"
#include "sdgreport/error.hpp"
#include "survey_csv.hpp"
#include "tabulate.hpp"

using namespace sdg::survey;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  sdg::fuzz::Input in(data, size);
  const char delims[] = {0, ';', ','};
  const char delim = delims[in.pick(3)];
  const std::string_view text = in.rest();
  const std::size_t cut = text.find("\n~~~~\n");
  if (cut == std::string_view::npos) return 0;
  try {
    const Codebook cb = parse_codebook(text.substr(0, cut), "/fuzz/codebook.yaml");
    std::vector<Note> notes;
    Wave w;
    w.data = read_survey_csv(text.substr(cut + 6), "/fuzz/export.csv", cb, "", delim, notes);
    std::vector<std::string> by;
    for (const Item& it : cb.items)
      if (it.type == QType::Background && !it.from_register && w.data.find(it.variable_in(""))) {
        by.push_back(it.id);
        break;
      }
    Breakdown b;
    if (!by.empty()) b = make_breakdown(w, cb, nullptr, by, "en", "invited", notes);
    for (const Item& it : cb.items) {
      if (it.type == QType::Key || it.type == QType::Weight || it.from_register) continue;
      bool present = true;
      for (const auto& [col, label] : it.options) present = present && w.data.find(col);
      if (it.options.empty()) present = w.data.find(it.variable_in("")) != nullptr;
      if (!present) continue;
      Tab t = tabulate(w, it, by.empty() ? nullptr : &b, "nb", notes);
      protect_tab(t, 3);
    }
  } catch (const sdg::Error&) {
  }
  return 0;
}
