// Data-source plugin `survey`: a municipal survey export summarised per goal into
// a table, a column chart and indicator summaries.
//
// Options:
//   file:    the survey export (CSV, ';'-separated, UTF-8)        required
//   year:    the survey year, shown with indicator values          default ""
//   source:  source note for the table and chart                   default "Municipal survey"
#include <fstream>
#include <sstream>

#include <sdgreport/catalogue.hpp>
#include <sdgreport/error.hpp>
#include <sdgreport/log.hpp>
#include <sdgreport/plugin.hpp>

#include "survey.hpp"

namespace {

class SurveySource final : public sdg::DataSource {
 public:
  void fill(const sdg::SourceRequest& req, sdg::Section& target, sdg::Context& ctx) override {
    const sdg::Options& opts = req.options;
    if (!req.goal) throw opts.error("file", "the survey plugin fills goal sections: use it in goal_sources");

    const std::filesystem::path path = ctx.resolve(opts.string("file"));
    std::ifstream in(path, std::ios::binary);
    if (!in) throw sdg::Error(sdg::ErrorCode::Input, "cannot read the survey export", {path.string()});
    std::ostringstream text;
    text << in.rdbuf();

    const auto questions = survey::summarise(text.str(), path.string(), *req.goal);
    sdg::log().debug("survey: {} questions for goal {}", questions.size(), *req.goal);
    if (questions.empty()) return;
    const std::string source = opts.string_or("source", "Municipal survey");
    const std::string year = opts.string_or("year", "");

    sdg::Table table;
    table.caption = "Municipal survey, goal " + std::to_string(*req.goal);
    table.columns = {{"Question", sdg::Column::Type::Text, "", 0},
                     {"Responses", sdg::Column::Type::Number, "", 0},
                     {"Result", sdg::Column::Type::Number, "", 1},
                     {"Measure", sdg::Column::Type::Text, "", 0}};
    table.source = source;
    sdg::Chart chart;
    chart.kind = sdg::Chart::Kind::Column;
    chart.title = "Share of municipalities answering yes, goal " + std::to_string(*req.goal);
    chart.source = source;
    sdg::Series yes{"Yes", "%", {}};

    for (const auto& q : questions) {
      table.data.append_row({sdg::Cell::of(q.text), sdg::Cell::of(static_cast<double>(q.responses)),
                            q.responses ? sdg::Cell::of(q.value) : sdg::Cell::missing(sdg::ValueStatus::NotAvailable),
                            sdg::Cell::of(std::string(q.yes_no ? "% yes" : "mean"))});
      if (q.yes_no) {
        chart.categories.push_back(q.id);
        yes.values.push_back(q.responses ? std::optional<double>(q.value) : std::nullopt);
      }
      if (!q.indicator.empty()) {
        if (!sdg::Catalogue::get().find_indicator(q.indicator))
          throw sdg::Error(sdg::ErrorCode::Input, "question " + q.id + ": '" + q.indicator + "' is not an SDG indicator",
                           {path.string()});
        sdg::IndicatorSummary s;
        s.indicator = q.indicator;
        s.title = q.text;
        if (q.responses) s.value = q.value;
        s.unit = q.yes_no ? "%" : "";
        s.year = year;
        s.source = source;
        target.add_block(s);
      }
    }
    target.add_block(table);
    if (!chart.categories.empty()) {
      chart.series.push_back(yes);
      chart.alt = "Column chart of the share of municipalities answering yes to " +
                  std::to_string(chart.categories.size()) + " survey questions on goal " + std::to_string(*req.goal) + ".";
      target.add_block(chart);
    }
  }
};

}  // namespace

// Its options besides the generic keys: sdgreport refuses any other key, and
// wrong types, before a plugin runs.
constexpr sdg::OptionSpec kOptions[] = {
    {.name = "file", .type = sdg::OptionType::Path, .description = "The survey export (CSV)", .required = true},
    {.name = "year", .type = sdg::OptionType::String, .description = "The survey year shown with the values"},
    {.name = "source", .type = sdg::OptionType::String, .description = "Source note", .default_value = "Municipal survey"},
};

SDGREPORT_DATA_SOURCE_PLUGIN(SurveySource, "example-survey", "1.0.0", "Municipal survey export summarised per goal", kOptions)
