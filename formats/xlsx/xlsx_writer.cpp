// sdgreport format plugin "xlsx": the report's tables and charts as an Excel
// workbook (libxlsxwriter).
//
//   Contents            title, organisation, date, language, and a linked list of
//                       every other sheet with the tables and charts on it
//   Goal 7 Affordable…  one sheet per goal section (tab in the goal's colour) or
//                       chapter holding tables or charts: typed cells, units,
//                       status notes, sources, native charts
//   Data                every observation in long format, one per row
//   Metadata            one row per table (indicator, title, unit, definition,
//                       source with its link, update date)
//
// Output options (the `output:` entry of the report definition):
//   data_sheet: true|false        the long-format Data sheet (default true)
//   data_sheet_limit: N           a table or chart giving more than N observations
//                                 is not repeated on the Data sheet, only referenced
//                                 from Contents (default 100000; 0 = no limit). The
//                                 Data sheet is one sheet: blocks that would overflow
//                                 Excel's 1,048,576 rows are referenced the same way.
//   constant_memory: true|false   libxlsxwriter's streaming mode (default: on
//                                 for workbooks over ~200,000 cells); table objects
//                                 are then replaced by one autofilter per sheet
//
// Reproducible: the created date comes from ctx.epoch() (SOURCE_DATE_EPOCH) and
// libxlsxwriter stamps every zip entry 1980-01-01, so equal inputs give equal bytes.
// Text is always written as text, never as a formula. See docs/formats/xlsx.md.
#include <optional>
#include <string>
#include <vector>

#include <xlsxwriter.h>

#include "book.hpp"
#include "data_sheet.hpp"
#include "lxw_errors.hpp"
#include "metadata_sheet.hpp"
#include "plan.hpp"
#include "sdgreport/i18n.hpp"
#include "sdgreport/log.hpp"
#include "sdgreport/plugin.hpp"
#include "sheet_names.hpp"
#include "sheets.hpp"

namespace sdg::xlsx {

namespace {

constexpr std::size_t kConstantMemoryCells = 200000;

/// Refuses blocks wider or sheets longer than Excel allows, before anything is written.
void check_sizes(const Plan& plan, const std::filesystem::path& final_path) {
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
    if (sp.rows > LXW_ROW_MAX) {
      fail("cannot write XLSX: the tables and charts of section '" + sp.title + "' need " +
               std::to_string(sp.rows) + " rows; a sheet has " + std::to_string(LXW_ROW_MAX),
           final_path);
    }
  }
}

}  // namespace

class XlsxWriter final : public FormatWriter {
 public:
  const char* extension() const override { return "xlsx"; }

  void write(const Document& doc, const WriteRequest& req, Context& ctx) override {
    const std::string lang = doc.meta.language.empty() ? ctx.language() : doc.meta.language;
    PlanOptions popts;
    popts.data_sheet = req.options.boolean_or("data_sheet", true);
    const std::int64_t limit = req.options.integer_or("data_sheet_limit", 100000);
    if (limit < 0) throw req.options.error("data_sheet_limit", "expected 0 (no limit) or a positive number");
    popts.data_block_limit = static_cast<std::size_t>(limit);
    popts.data_rows = LXW_ROW_MAX - 1;

    Plan plan = make_plan(doc, lang, popts);
    check_sizes(plan, req.final_path);

    // Every name first, so libxlsxwriter never meets an invalid one.
    SheetNames names;
    const std::string contents_name = names.add(label(Label::Contents, lang));
    const bool want_data = popts.data_sheet && plan.observations > 0;
    const std::string data_name = want_data ? names.add(data_sheet_name(lang)) : std::string();
    const bool want_metadata = wants_metadata_sheet(plan);
    const std::string metadata_name = want_metadata ? names.add(label(Label::Metadata, lang)) : std::string();
    for (SheetPlan& sp : plan.sheets) sp.name = names.add(sp.wanted_name);

    const bool constant_memory =
        req.options.has("constant_memory") ? req.options.boolean("constant_memory")
                                           : plan.cells + plan.observations * 12 > kConstantMemoryCells;
    log().debug("xlsx: {} section sheet(s), {} observation(s) on the Data sheet, {} block(s) left out of it, "
                "{} chart(s) drawn from a table, constant_memory={}",
                plan.sheets.size(), plan.observations, plan.left_out, plan.covered, constant_memory);
    if (plan.left_out > 0) {
      ctx.warn("data-sheet-partial", std::to_string(plan.left_out) +
                                         " large table(s) or chart(s) are not repeated on the Data sheet "
                                         "(see data_sheet_limit); the Contents sheet links to them");
    }

    Book book(req.path, req.final_path, constant_memory, ctx);
    book.set_properties(doc.meta, lang, ctx.epoch());

    // Sheets are created in tab order; each is then written row by row.
    Sheet contents(book, book.add_sheet(contents_name), contents_name);
    std::vector<Sheet> sections;
    for (const SheetPlan& sp : plan.sheets) sections.emplace_back(book, book.add_sheet(sp.name), sp.name);
    std::optional<Sheet> data;
    if (want_data) data.emplace(book, book.add_sheet(data_name), data_name);
    std::optional<Sheet> metadata;
    if (want_metadata) metadata.emplace(book, book.add_sheet(metadata_name), metadata_name);

    std::vector<std::vector<Anchor>> anchors;
    for (std::size_t i = 0; i < plan.sheets.size(); ++i) {
      anchors.push_back(write_section_sheet(book, sections[i], plan.sheets[i], i, lang));
    }
    if (data) write_data_sheet(book, *data, plan, lang);
    if (metadata) write_metadata_sheet(book, *metadata, plan, anchors, lang);
    write_contents(book, contents, doc, plan, anchors, data ? &*data : nullptr, metadata ? &*metadata : nullptr, lang);

    // How each sheet prints: chosen from its shape (Sheet::print_setup). The
    // Data and Metadata sheets and a section sheet of one block repeat their
    // header row on every page.
    PrintSetup print;
    print.title = doc.meta.title;
    print.lang = lang;
    print.letter = doc.meta.theme.page_size == "Letter";
    auto setup = [&](Sheet& s, bool repeat_header) {
      PrintSetup p = print;
      if (repeat_header && s.header_row() >= 0) p.repeat_first = p.repeat_last = s.header_row();
      s.print_setup(p);
    };
    setup(contents, false);
    for (Sheet& s : sections) setup(s, s.headers() == 1);
    if (data) setup(*data, true);
    if (metadata) setup(*metadata, true);
    book.close();
  }
};

// The output options, checked by the host before any plugin runs (docs/formats/xlsx.md).
constexpr OptionSpec kOptions[] = {
    {.name = "data_sheet", .type = OptionType::Boolean, .description = "Write the long-format Data sheet",
     .default_value = "true"},
    {.name = "data_sheet_limit", .type = OptionType::Integer,
     .description = "A block with more observations is not repeated on the Data sheet (0 = no limit)",
     .default_value = "100000", .minimum = 0},
    {.name = "constant_memory", .type = OptionType::Boolean,
     .description = "libxlsxwriter's streaming mode (default: on above ~200,000 cells)"},
};

}  // namespace sdg::xlsx

SDGREPORT_FORMAT_PLUGIN(sdg::xlsx::XlsxWriter, "xlsx", "0.1.0",
                        "Excel workbook: contents, one sheet per goal or chapter, long-format data, native charts",
                        sdg::xlsx::kOptions)
