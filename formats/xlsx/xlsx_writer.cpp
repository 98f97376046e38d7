// sdgreport format plugin "xlsx": the report's tables and charts as an Excel
// workbook (libxlsxwriter).
//
//   Contents            title, organisation, date, language, and a linked list of
//                       every other sheet with the tables and charts on it
//   Goal 7 Affordable…  one sheet per goal section (tab in the goal's colour) or
//                       chapter holding tables or charts: typed cells, units,
//                       status notes, sources, native charts
//   Data                every observation in long format, one per row
//
// Output options (the `output:` entry of the report definition):
//   data_sheet: true|false        the long-format Data sheet (default true)
//   constant_memory: true|false   libxlsxwriter's streaming mode (default: on
//                                 for workbooks over ~200,000 cells)
//
// Reproducible: the created date comes from ctx.epoch() (SOURCE_DATE_EPOCH) and
// libxlsxwriter stamps every zip entry 1980-01-01, so equal inputs give equal bytes.
// Text is always written as text, never as a formula.
#include <string>
#include <vector>

#include <xlsxwriter.h>

#include "book.hpp"
#include "lxw_errors.hpp"
#include "plan.hpp"
#include "sdgreport/i18n.hpp"
#include "sdgreport/log.hpp"
#include "sdgreport/plugin.hpp"
#include "sheet_names.hpp"
#include "sheets.hpp"

namespace sdg::xlsx {

namespace {

constexpr std::size_t kConstantMemoryCells = 200000;

/// Refuses blocks wider than a sheet before anything is written.
void check_widths(const Plan& plan, const std::filesystem::path& final_path) {
  for (const SheetPlan& sp : plan.sheets) {
    for (const Item& item : sp.items) {
      const std::size_t width = item.table ? item.table->columns.size() + 1 : item.chart->series.size() + 1;
      if (width > LXW_COL_MAX) {
        const std::string what = item.table ? "table '" + item.table->caption + "'" : "chart '" + item.chart->title + "'";
        fail("cannot write XLSX: " + what + " in section '" + sp.title + "' needs " + std::to_string(width) +
                 " columns; a sheet has " + std::to_string(LXW_COL_MAX),
             final_path);
      }
    }
  }
}

}  // namespace

class XlsxWriter final : public FormatWriter {
 public:
  const char* extension() const override { return "xlsx"; }

  void write(const Document& doc, const WriteRequest& req, Context& ctx) override {
    const std::string lang = doc.meta.language.empty() ? ctx.language() : doc.meta.language;
    const bool want_data = req.options.boolean_or("data_sheet", true);

    Plan plan = make_plan(doc, lang);
    check_widths(plan, req.final_path);

    // Every name first, so libxlsxwriter never meets an invalid one.
    SheetNames names;
    const std::string contents_name = names.add(label(Label::Contents, lang));
    std::vector<std::string> data_names;
    if (want_data && plan.observations > 0) {
      const std::size_t n = (plan.observations + data_rows_per_sheet() - 1) / data_rows_per_sheet();
      for (std::size_t i = 0; i < n; ++i) data_names.push_back(names.add(data_sheet_name(lang)));
    }
    for (SheetPlan& sp : plan.sheets) sp.name = names.add(sp.wanted_name);

    const bool constant_memory =
        req.options.has("constant_memory") ? req.options.boolean("constant_memory")
                                           : plan.cells + plan.observations * 10 > kConstantMemoryCells;
    log().debug("xlsx: {} section sheet(s), {} observation(s), constant_memory={}", plan.sheets.size(),
                plan.observations, constant_memory);

    Book book(req.path, req.final_path, constant_memory, ctx);
    book.set_properties(doc.meta, lang, ctx.epoch());

    // Sheets are created in tab order; each is then written row by row.
    Sheet contents(book, book.add_sheet(contents_name), contents_name);
    std::vector<Sheet> sections;
    for (const SheetPlan& sp : plan.sheets) sections.emplace_back(book, book.add_sheet(sp.name), sp.name);
    std::vector<Sheet> data;
    for (const std::string& n : data_names) data.emplace_back(book, book.add_sheet(n), n);

    std::vector<std::vector<Anchor>> anchors;
    for (std::size_t i = 0; i < plan.sheets.size(); ++i) {
      anchors.push_back(write_section_sheet(book, sections[i], plan.sheets[i], lang));
    }
    write_data_sheets(book, data, plan, lang);
    write_contents(book, contents, doc, plan, anchors, data, lang);
    book.close();
  }
};

}  // namespace sdg::xlsx

SDGREPORT_FORMAT_PLUGIN(sdg::xlsx::XlsxWriter, "xlsx", "0.1.0",
                        "Excel workbook: contents, one sheet per goal or chapter, long-format data, native charts")
