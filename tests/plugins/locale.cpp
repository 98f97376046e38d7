// A data source that does what a careless plugin might: switches the whole process
// to the locale named by its `locale` option (default de_DE.UTF-8, decimal comma)
// with setlocale(LC_ALL, …) and leaves it so. Then it adds a table, a chart and an
// indicator summary with decimals. e2e.locale builds the same report with
// `locale: C` and checks that every output is byte-identical.
#include <clocale>

#include "sdgreport/error.hpp"
#include "sdgreport/plugin.hpp"

namespace {
class SwitchesLocale final : public sdg::DataSource {
 public:
  void fill(const sdg::SourceRequest& req, sdg::Section& target, sdg::Context&) override {
    const std::string name = req.options.string_or("locale", "de_DE.UTF-8");
    if (std::setlocale(LC_ALL, name.c_str()) == nullptr)
      throw sdg::Error(sdg::ErrorCode::Plugin, "locale '" + name + "' is not installed");
    sdg::Table t;
    t.caption = "Andel fornybar energi – 2020–2023";
    t.columns = {{"År", sdg::Column::Type::Text, "", 0}, {"Andel", sdg::Column::Type::Number, "%", 2}};
    const double values[] = {1234567.125, 0.5, -2.75, 98.6};
    const char* years[] = {"2020", "2021", "2022", "2023"};
    sdg::Series s{"Andel", "%", {}, {}, {}};
    for (int i = 0; i < 4; ++i) {
      t.data.append_row({sdg::Cell::of(std::string(years[i])), sdg::Cell::of(values[i])});
      s.values.push_back(values[i]);
    }
    target.add_block(t);
    sdg::Chart c;
    c.title = "Andel fornybar – æøå";
    c.alt = "Linjediagram, 2020–2023";
    c.categories = {"2020", "2021", "2022", "2023"};
    c.series = {s};
    target.add_block(c);
    sdg::IndicatorSummary sum;
    sum.indicator = "7.2.1";
    sum.value = 12.345;
    sum.decimals = 2;
    sum.year = "2023";
    target.add_block(sum);
  }
};
}  // namespace

namespace {
constexpr sdg::OptionSpec kOptions[] = {
    {.name = "locale", .type = sdg::OptionType::String, .description = "The C locale to switch to",
     .default_value = "de_DE.UTF-8"},
};
}  // namespace

SDGREPORT_DATA_SOURCE_PLUGIN(SwitchesLocale, "test-locale", "1.0.0",
                             "Test plugin that switches the process to another C locale", kOptions)
