#include "scaffold.hpp"

#include <fstream>
#include <map>

#include "sdgreport/catalogue.hpp"
#include "sdgreport/error.hpp"
#include "sdgreport/i18n.hpp"
#include "sdgreport/log.hpp"

namespace sdg::cli {

namespace {

// Replaces every @KEY@ in `text`.
std::string fill(std::string text, const std::map<std::string, std::string>& vars) {
  for (const auto& [key, value] : vars) {
    const std::string token = "@" + key + "@";
    for (std::size_t p = text.find(token); p != std::string::npos; p = text.find(token, p + value.size()))
      text.replace(p, token.size(), value);
  }
  return text;
}

constexpr const char* kCMake = R"sdg(# The @NAME@ data-source plugin for sdgreport.
#   cmake -S . -B build -DCMAKE_PREFIX_PATH=<where sdgreport is installed>
#   cmake --build build
#   sdgreport build report/report.yaml --plugin-dir build -o out
cmake_minimum_required(VERSION 3.25)
project(sdgreport_@IDENT@ VERSION 0.1.0 LANGUAGES CXX)

find_package(sdgreport @VERSION@ CONFIG REQUIRED)

sdgreport_add_plugin(@NAME@ src/@NAME@.cpp)
)sdg";

constexpr const char* kSource = R"sdg(// Data-source plugin `@NAME@`: reads a two-column CSV (label;value) and adds it
// to the section being filled as a table, with a column chart.
//
// Options (in the report definition):
//   { plugin: @NAME@, file: data/values.csv, caption: "…", unit: "%", source: "…" }
#include <sdgreport/csv.hpp>
#include <sdgreport/error.hpp>
#include <sdgreport/files.hpp>
#include <sdgreport/numbers.hpp>
#include <sdgreport/plugin.hpp>

namespace {

class @CLASS@ final : public sdg::DataSource {
 public:
  void fill(const sdg::SourceRequest& req, sdg::Section& target, sdg::Context& ctx) override {
    const sdg::Options& opts = req.options;
    // Paths in options are relative to the report definition.
    const std::filesystem::path path = ctx.resolve(opts.string("file"));
    const std::string content = sdg::read_file(path, sdg::ErrorCode::Input, "the file", {path.string()});

    sdg::Table table;
    table.caption = opts.string_or("caption", target.title());
    table.source = opts.string("source");  // every table says where its numbers come from
    table.columns = {{"Label", sdg::Column::Type::Text, "", 0},
                     {"Value", sdg::Column::Type::Number, opts.string_or("unit", ""), 1}};
    sdg::Chart chart;
    chart.kind = sdg::Chart::Kind::Column;
    chart.title = table.caption;
    chart.source = table.source;
    sdg::Series series{"Value", table.columns[1].unit, {}};

    sdg::CsvReader reader(content, path.string(), ';');
    reader.next();  // header
    while (auto rec = reader.next()) {
      if (rec->fields.size() != 2)
        throw sdg::Error(sdg::ErrorCode::Input, "expected 2 fields (label;value)", {path.string(), rec->line, 0});
      const std::string& label = rec->fields[0];
      if (auto status = sdg::parse_missing_marker(rec->fields[1]); status && *status == sdg::ValueStatus::Nil) {
        table.data.append_row({sdg::Cell::of(label), sdg::Cell::of(0.0, *status)});  // "-": nil, a true zero
        series.values.push_back(0.0);
      } else if (status) {
        table.data.append_row({sdg::Cell::of(label), sdg::Cell::missing(*status)});
        series.values.push_back(std::nullopt);
      } else if (auto n = sdg::parse_number(rec->fields[1])) {
        table.data.append_row({sdg::Cell::of(label), sdg::Cell::of(n->value)});
        series.values.push_back(n->value);
      } else {
        throw sdg::Error(sdg::ErrorCode::Input, "'" + rec->fields[1] + "' is not a number",
                         {path.string(), rec->line, 0});
      }
      chart.categories.push_back(label);
    }
    target.add_block(table);  // the model checks the table; an error names this plugin and section
    if (!chart.categories.empty()) {
      chart.series.push_back(series);
      chart.alt = "Column chart of " + table.caption + ", " + std::to_string(chart.categories.size()) + " values.";
      target.add_block(chart);
    }
  }
};

// The options it takes besides the generic keys (plugin, id, …): sdgreport checks
// every source entry against them before any plugin runs.
constexpr sdg::OptionSpec kOptions[] = {
    {.name = "file", .type = sdg::OptionType::Path, .description = "The CSV file (label;value)", .required = true},
    {.name = "caption", .type = sdg::OptionType::String, .description = "Table caption (default: the section title)"},
    {.name = "source", .type = sdg::OptionType::String, .description = "Source note of the table and chart",
     .required = true},
    {.name = "unit", .type = sdg::OptionType::String, .description = "Unit of the values"},
};

}  // namespace

SDGREPORT_DATA_SOURCE_PLUGIN(@CLASS@, "@NAME@", "0.1.0", "Two-column CSV into a table and a chart", kOptions)
)sdg";

constexpr const char* kReport = R"sdg(# Try the plugin: sdgreport build report/report.yaml --plugin-dir build -o out
title: Trying the @NAME@ plugin
language: en
chapters:
  - title: Results
    goals: [7]
    goal_sources:
      - { plugin: @NAME@, file: data/values.csv, caption: "Example values", unit: "%", source: "Example data" }
outputs:
  - { format: json, file: @NAME@.json }
  - { format: pdf, file: @NAME@.pdf }
)sdg";

constexpr const char* kData = "label;value\nBodø;63,5\nTromsø;71\nÅlesund;..\n";

constexpr const char* kReadme = R"sdg(# @NAME@ — an sdgreport data-source plugin

```sh
cmake -S . -B build -DCMAKE_PREFIX_PATH=<where sdgreport is installed>
cmake --build build
sdgreport build report/report.yaml --plugin-dir build -o out
cmake --install build --prefix <where sdgreport is installed>   # then no --plugin-dir is needed
```

Edit `src/@NAME@.cpp`. The plugin guide (docs/plugin-guide.md in sdgreport) explains the model,
options, errors and warnings.
)sdg";

std::string class_name(const std::string& name) {
  std::string out;
  bool up = true;
  for (char c : name) {
    if (c == '-' || c == '_') {
      up = true;
      continue;
    }
    out += up ? static_cast<char>(std::toupper(static_cast<unsigned char>(c))) : c;
    up = false;
  }
  if (out.empty() || std::isdigit(static_cast<unsigned char>(out[0]))) out = "P" + out;
  return out + "Source";
}

void write(const std::filesystem::path& p, const std::string& text) {
  std::filesystem::create_directories(p.parent_path());
  std::ofstream out(p, std::ios::binary);
  out << text;
  if (!out) throw Error(ErrorCode::Output, "cannot write '" + p.string() + "'");
}

}  // namespace

namespace {

struct ChapterTemplate {
  const char* role;
  const char* file;
  const char* title[3];  // en, nb, nn
  const char* hint[3];   // guidance for the editor, in the report's language (en, nb, nn)
};

// The chapters of the UN Secretary-General's common reporting guidelines for VNRs, which VSRs follow.
const ChapterTemplate kChapters[] = {
    {"opening", "opening", {"Opening statement", "Åpningsord", "Opningsord"},
     {"A short statement by the head of the organisation (mayor, county leader, chair of the association):\n"
      "why the review matters, and the main commitment.",
      "En kort hilsen fra lederen (ordfører, fylkesordfører, styreleder): hvorfor gjennomgangen er viktig,\n"
      "og den viktigste forpliktelsen.",
      "Ei kort helsing frå leiaren (ordførar, fylkesordførar, styreleiar): kvifor gjennomgangen er viktig,\n"
      "og den viktigaste forpliktinga."}},
    {"main_messages", "main-messages", {"Main messages", "Hovedbudskap", "Hovudbodskap"},
     {"Main messages: one to two pages (the definition sets a word limit). DESA asks for them weeks before\n"
      "the report and publishes them on their own: `sdgreport package` writes them as a PDF of their own.\n"
      "Progress, good practice,\n"
      "challenges and the support you need, in short paragraphs or a list.",
      "Hovedbudskap: én til to sider (definisjonen setter en ordgrense). Framgang, gode eksempler,\n"
      "utfordringer og støtten dere trenger, i korte avsnitt eller en liste.",
      "Hovudbodskap: éi til to sider (definisjonen set ei ordgrense). Framgang, gode døme,\n"
      "utfordringar og støtta de treng, i korte avsnitt eller ei liste."}},
    {"introduction", "introduction", {"Introduction", "Innledning", "Innleiing"},
     {"The context: who reports, the local and regional government system, and how this review relates to\n"
      "the national VNR.",
      "Sammenhengen: hvem som rapporterer, kommune- og fylkessystemet, og hvordan gjennomgangen henger\n"
      "sammen med Norges nasjonale VNR.",
      "Samanhengen: kven som rapporterer, kommune- og fylkessystemet, og korleis gjennomgangen heng\n"
      "saman med den nasjonale VNR-en."}},
    {"methodology", "methodology", {"Methodology and process", "Metode og prosess", "Metode og prosess"},
     {"How the review was prepared: sources of data, surveys, consultations with municipalities, civil\n"
      "society and the private sector, and their limits.",
      "Hvordan gjennomgangen ble laget: datakilder, spørreundersøkelser, samråd med kommuner, sivilsamfunn\n"
      "og næringsliv, og begrensningene deres.",
      "Korleis gjennomgangen vart laga: datakjelder, spørjeundersøkingar, samråd med kommunar, sivilsamfunn\n"
      "og næringsliv, og avgrensingane deira."}},
    {"policy", "policy", {"Policy and enabling environment", "Politikk og rammevilkår", "Politikk og rammevilkår"},
     {"Ownership of the goals; how they are built into local and regional plans and budgets; leaving no one\n"
      "behind; innovation and partnerships; structural barriers and success factors.",
      "Eierskap til målene; hvordan de er bygd inn i planer og budsjetter; at ingen skal utelates;\n"
      "innovasjon og partnerskap; strukturelle hindre og suksessfaktorer.",
      "Eigarskap til måla; korleis dei er bygde inn i planar og budsjett; at ingen skal utelatast;\n"
      "innovasjon og partnarskap; strukturelle hinder og suksessfaktorar."}},
    {"progress", "progress", {"Progress on goals and targets", "Framgang på mål og delmål", "Framgang på mål og delmål"},
     {"A short introduction to the goal sections that follow: how progress was assessed and which goals\n"
      "are covered in depth.",
      "En kort innledning til målkapitlene som følger: hvordan framgangen ble vurdert, og hvilke mål\n"
      "som omtales grundig.",
      "Ei kort innleiing til målkapitla som følgjer: korleis framgangen vart vurdert, og kva mål\n"
      "som vert omtalte grundig."}},
    {"means", "means", {"Means of implementation", "Virkemidler for gjennomføring", "Verkemiddel for gjennomføring"},
     {"Financing, capacity, technology, data and partnerships needed to reach the goals.",
      "Finansiering, kapasitet, teknologi, data og partnerskap som trengs for å nå målene.",
      "Finansiering, kapasitet, teknologi, data og partnarskap som trengst for å nå måla."}},
    {"conclusion", "conclusion", {"Conclusion and next steps", "Konklusjon og veien videre", "Konklusjon og vegen vidare"},
     {"What you have learnt and what you will do next, with dates where you can.",
      "Hva dere har lært, og hva dere skal gjøre videre, med datoer der dere kan.",
      "Kva de har lært, og kva de skal gjere vidare, med datoar der de kan."}},
    {"annex", "annex", {"Annexes", "Vedlegg", "Vedlegg"},
     {"The statistical annex is the Excel workbook (outputs: xlsx). Add survey notes, lists of participants\n"
      "or indicator definitions here.",
      "Det statistiske vedlegget er Excel-arbeidsboka (outputs: xlsx). Legg til notater om undersøkelser,\n"
      "deltakerlister eller indikatordefinisjoner her.",
      "Det statistiske vedlegget er Excel-arbeidsboka (outputs: xlsx). Legg til notat om undersøkingar,\n"
      "deltakarlister eller indikatordefinisjonar her."}},
};

// The other hints new writes, in en, nb, nn.
struct Hints {
  const char* header[4];  // the comment lines at the top of report.yaml
  const char* date;       // after date:
  const char* data;       // under goal_sources
  const char* annex;      // after the xlsx output
  const char* below;      // at the end of each Markdown hint
  const char* goal[3];    // in each goal file
  const char* targets;    // before the list of targets
};
const Hints kHints[3] = {
    {{"A report that follows the UN Secretary-General's common reporting guidelines.",
      "  sdgreport validate report.yaml     what is missing before the deadline",
      "  sdgreport build report.yaml -o out", "The format is described in docs/report-definition.md of sdgreport."},
     "e.g. 2026-06-15", "Data: add sources here, e.g. { plugin: opensdg, folder: data/open-sdg }",
     "the statistical annex", "Write Markdown below this comment.",
     {"Describe progress on the targets you work with, what you do, and what holds you back.",
      "Tables: Markdown pipe tables, with a 'Table: caption' line before and a 'Source: …' line after.",
      "Name the targets you address in front matter at the very top of the file:"},
     "Targets of this goal:"},
    {{"En rapport som følger FNs generalsekretærs felles retningslinjer for rapportering.",
      "  sdgreport validate report.yaml     hva som mangler før fristen",
      "  sdgreport build report.yaml -o out", "Formatet er beskrevet i docs/report-definition.md i sdgreport."},
     "f.eks. 2026-06-15", "Data: legg til kilder her, f.eks. { plugin: opensdg, folder: data/open-sdg }",
     "det statistiske vedlegget", "Skriv Markdown under denne kommentaren.",
     {"Beskriv framgangen på delmålene dere arbeider med, hva dere gjør, og hva som holder dere tilbake.",
      "Tabeller: Markdown-tabeller med en linje 'Tabell: tittel' før og en linje 'Kilde: …' etter.",
      "Nevn delmålene dere omtaler i front matter helt øverst i fila:"},
     "Delmålene under dette målet:"},
    {{"Ein rapport som følgjer dei felles retningslinjene frå FNs generalsekretær for rapportering.",
      "  sdgreport validate report.yaml     kva som manglar før fristen",
      "  sdgreport build report.yaml -o out", "Formatet er skildra i docs/report-definition.md i sdgreport."},
     "t.d. 2026-06-15", "Data: legg til kjelder her, t.d. { plugin: opensdg, folder: data/open-sdg }",
     "det statistiske vedlegget", "Skriv Markdown under denne kommentaren.",
     {"Skildra framgangen på delmåla de arbeider med, kva de gjer, og kva som held dykk tilbake.",
      "Tabellar: Markdown-tabellar med ei linje 'Tabell: tittel' før og ei linje 'Kjelde: …' etter.",
      "Nemn delmåla de omtaler i front matter heilt øvst i fila:"},
     "Delmåla under dette målet:"},
};

// YAML double-quoted scalar.
std::string quoted(const std::string& s) {
  std::string out = "\"";
  for (char c : s) {
    if (c == '"' || c == '\\') out += '\\';
    out += c;
  }
  return out + "\"";
}

}  // namespace

void scaffold_report(const std::filesystem::path& dir, Language lang, const std::string& schema_json) {
  std::error_code ec;
  if (std::filesystem::exists(dir, ec) && !std::filesystem::is_empty(dir, ec))
    throw Error(ErrorCode::Output, "'" + dir.string() + "' exists and is not empty; choose a new directory");
  const std::size_t li = language_index(lang);
  const std::string name = std::filesystem::absolute(dir).lexically_normal().filename().string();
  static const char* kTitle[3] = {"Voluntary Subnational Review", "Frivillig lokal gjennomgang", "Frivillig lokal gjennomgang"};

  std::string yaml;
  if (!schema_json.empty()) yaml += "# yaml-language-server: $schema=report.schema.json\n";
  const Hints& h = kHints[li];
  for (const char* line : h.header) yaml += std::string("# ") + line + "\n";
  yaml += "sdgreport: 1\n";
  yaml += "name: " + quoted(name) + "\n";
  yaml += "title: " + quoted(kTitle[li]) + "\n";
  yaml += "organisation: " + quoted("") + "\n";
  yaml += "language: " + std::string(language_code(lang)) + "\n";
  yaml += "date: " + quoted("") + "   # " + h.date + "\n";
  // DESA sets the length of the main messages each year in its guidance to presenting countries.
  static const char* kWordLimit[3] = {
      "words in the main messages: take the number from this year's DESA guidance for VNRs",
      "ord i hovedbudskapet: ta tallet fra årets veiledning fra DESA for VNR-er",
      "ord i hovudbodskapen: ta talet frå årets rettleiing frå DESA for VNR-ar"};
  yaml += "main_messages_word_limit: 700   # " + std::string(kWordLimit[li]) + "\n";
  yaml += "chapters:\n";
  for (const ChapterTemplate& c : kChapters) {
    yaml += "  - title: " + quoted(c.title[li]) + "\n";
    yaml += "    role: " + std::string(c.role) + "\n";
    if (std::string(c.role) == "opening") yaml += "    numbered: false\n";
    yaml += "    source: { plugin: markdown, file: text/" + std::string(c.file) + ".md }\n";
    if (std::string(c.role) == "progress") {
      yaml += "    goals: all\n";
      yaml += "    goal_sources:\n";
      yaml += "      - { plugin: markdown, pattern: \"text/goals/goal-{goal:02}.md\" }\n";
      yaml += std::string("      # ") + h.data + "\n";
    }
    write(dir / "text" / (std::string(c.file) + ".md"),
          "<!--\n" + std::string(c.title[li]) + "\n\n" + c.hint[li] + "\n\n" + h.below + " -->\n");
  }
  yaml += "outputs:\n";
  yaml += "  - { format: pdf, file: " + quoted(name + ".pdf") + " }\n";
  yaml += "  - { format: xlsx, file: " + quoted(name + ".xlsx") + " }   # " + h.annex + "\n";
  write(dir / "report.yaml", yaml);
  if (!schema_json.empty()) write(dir / "report.schema.json", schema_json);

  const Catalogue& cat = Catalogue::get();
  for (const Goal& g : cat.goals()) {
    std::string hint = "<!--\n" + goal_label(g.number, lang) + ": " + g.title(lang) + "\n\n";
    for (const char* line : h.goal) hint += std::string(line) + "\n";
    hint += "  ---\n  targets: [" + std::to_string(g.number) + ".1, " + std::to_string(g.number) + ".2]\n  ---\n";
    hint += std::string(h.targets) + "\n";
    for (const Target* t : cat.targets_of(g.number)) hint += "  " + t->id + "  " + t->title(lang) + "\n";
    hint += "-->\n";
    char file[32];
    std::snprintf(file, sizeof file, "goal-%02d.md", g.number);
    write(dir / "text" / "goals" / file, hint);
  }
  write(dir / "data" / "README.md",
        "# Data\n\nPut the data files of the report here: Open SDG folders, JSON-stat files from Statistics "
        "Norway,\nCSV files. Name them in report.yaml as sources; every table needs a source note.\n");
  log().info("wrote a report project in {}; next: sdgreport validate {}", dir.string(), (dir / "report.yaml").string());
}

void scaffold_plugin(const std::string& name, const std::filesystem::path& dir, const std::string& version) {
  if (name.empty() || name.find_first_not_of("abcdefghijklmnopqrstuvwxyz0123456789_-") != std::string::npos)
    throw Error(ErrorCode::Usage, "plugin name '" + name + "': use a-z, 0-9, '-' and '_'");
  std::error_code ec;
  if (std::filesystem::exists(dir, ec) && !std::filesystem::is_empty(dir, ec))
    throw Error(ErrorCode::Output, "'" + dir.string() + "' exists and is not empty; choose a new directory");
  std::string ident = name;
  for (char& c : ident)
    if (c == '-') c = '_';
  // find_package(sdgreport X.Y): the same minor version, since the plugin ABI may change between minors.
  const std::string major_minor = version.substr(0, version.rfind('.'));
  const std::map<std::string, std::string> vars{
      {"NAME", name}, {"IDENT", ident}, {"CLASS", class_name(name)}, {"VERSION", major_minor}};
  write(dir / "CMakeLists.txt", fill(kCMake, vars));
  write(dir / "src" / (name + ".cpp"), fill(kSource, vars));
  write(dir / "report" / "report.yaml", fill(kReport, vars));
  write(dir / "report" / "data" / "values.csv", kData);
  write(dir / "README.md", fill(kReadme, vars));
  log().info("wrote the plugin project '{}' in {}", name, dir.string());
}

}  // namespace sdg::cli
