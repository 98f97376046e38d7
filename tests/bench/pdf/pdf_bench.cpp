// Benchmark: a 500-page report through the pdf plugin (tagged, with contents,
// tables and charts) beside a bare PoDoFo loop writing the same text (one
// Identity-H DejaVu Sans subset, greedy line breaking, no tags, no graphics).
//
//   sdgreport_pdf_bench [SECTIONS] [OUT_DIR]     (defaults: 205 ≈ 500 pages, /tmp)
#include <podofo/podofo.h>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <string>
#include <vector>

#include "host.hpp"
#include "sdgreport/context.hpp"
#include "sdgreport/model.hpp"
#include "sdgreport/options.hpp"
#include "sdgreport/plugin.hpp"

namespace {

const char* kWords[] = {"kommunene", "og", "fylkeskommunene", "har", "ansvar", "for", "tjenester",
                        "som", "barnehager", "skoler", "helse", "omsorg", "vann", "avløp",
                        "arealplanlegging", "klima", "bærekraft", "målene", "nås", "lokalt", "–",
                        "økende", "andel", "fornybar", "energi", "i", "Trøndelag", "Østlandet"};

std::string sentence_text(unsigned& seed, int words) {
  std::string s;
  for (int i = 0; i < words; ++i) {
    seed = seed * 1103515245u + 12345u;
    s += (s.empty() ? "" : " ") + std::string(kWords[(seed >> 16) % (sizeof kWords / sizeof *kWords)]);
  }
  return s + ".";
}

sdg::Document make_report(int sections, std::vector<std::string>& texts) {
  sdg::Document doc;
  doc.meta.title = "Benchmark report";
  doc.meta.language = "nb";
  doc.meta.date = "2026-06-15";
  unsigned seed = 7;
  for (int c = 0; c < sections / 5; ++c) {
    sdg::Section& ch = doc.add_chapter("Kapittel " + std::to_string(c + 1));
    for (int s = 0; s < 5; ++s) {
      sdg::Section& sec = ch.add_section("Seksjon " + std::to_string(s + 1));
      if (s == 2) sec.set_goal(1 + (c % 17));
      for (int p = 0; p < 6; ++p) {
        std::string t;
        for (int k = 0; k < 6; ++k) t += (t.empty() ? "" : " ") + sentence_text(seed, 12);
        texts.push_back(t);
        sec.add_block(sdg::Paragraph{{sdg::Inline::plain(t)}});
      }
      sdg::Table tab;
      tab.caption = "Tabell for seksjon " + std::to_string(s + 1);
      tab.columns = {{"Kommune", sdg::Column::Type::Text, "", 0},
                     {"2021", sdg::Column::Type::Number, "%", 1},
                     {"2022", sdg::Column::Type::Number, "%", 1},
                     {"2023", sdg::Column::Type::Number, "%", 1}};
      for (int r = 0; r < 30; ++r) {
        const std::string name = "Kommune " + std::to_string(r + 1);
        texts.push_back(name);
        tab.rows.push_back({sdg::Cell::of(name), sdg::Cell::of(50.0 + r * 0.7), sdg::Cell::of(51.0 + r * 0.6),
                            sdg::Cell::of(52.0 + r * 0.5)});
      }
      sec.add_block(tab);
      sdg::Chart chart;
      chart.kind = s % 2 ? sdg::Chart::Kind::Column : sdg::Chart::Kind::Line;
      chart.title = "Utvikling";
      chart.alt = "Diagram over utviklingen 2015–2023.";
      for (int y = 2015; y <= 2023; ++y) chart.categories.push_back(std::to_string(y));
      sdg::Series se{"Andel", "%", {}};
      for (int y = 0; y < 9; ++y) se.values.push_back(40.0 + y * 2 + s);
      chart.series.push_back(se);
      sec.add_block(chart);
    }
  }
  return doc;
}

/// The same text with PoDoFo alone: greedy lines at 10 pt, 14.5 pt leading, A4.
void bare_podofo(const std::vector<std::string>& texts, const std::string& path) {
  using namespace PoDoFo;
  PdfMemDocument doc;
  doc.SetPdfVersion(ePdfVersion_1_7);
  PdfFont* font = doc.CreateFontSubset("DejaVu Sans", false, false, false,
                                       PdfEncodingFactory::GlobalIdentityEncodingInstance(),
                                       "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf");
  font->SetFontSize(10);
  const PdfFontMetrics* m = font->GetFontMetrics();
  PdfPainter painter;
  const double left = 66, width = 463, top = 765, bottom = 72;
  double y = 0;
  bool page = false;
  auto line = [&](const std::string& s) {
    if (!page || y < bottom) {
      if (page) painter.FinishPage();
      painter.SetPage(doc.CreatePage(PdfRect(0, 0, 595.276, 841.89)));
      painter.SetFont(font);
      page = true;
      y = top;
    }
    painter.DrawText(left, y, PdfString(reinterpret_cast<const pdf_utf8*>(s.c_str())));
    y -= 14.5;
  };
  for (const std::string& t : texts) {
    std::string cur, word;
    auto flush_word = [&] {
      const std::string next = cur.empty() ? word : cur + " " + word;
      if (!cur.empty() && m->StringWidth(PdfString(reinterpret_cast<const pdf_utf8*>(next.c_str()))) > width) {
        line(cur);
        cur = word;
      } else {
        cur = next;
      }
      word.clear();
    };
    for (char ch : t) {
      if (ch == ' ') {
        flush_word();
      } else {
        word += ch;
      }
    }
    if (!word.empty()) flush_word();
    if (!cur.empty()) line(cur);
    y -= 7;
  }
  if (page) painter.FinishPage();
  doc.Write(path.c_str());
}

int pages_of(const std::string& path) {
  PoDoFo::PdfMemDocument d(path.c_str());
  return d.GetPageCount();
}

}  // namespace

int main(int argc, char** argv) {
  const int sections = argc > 1 ? std::atoi(argv[1]) : 205;
  PoDoFo::PdfError::EnableLogging(false);
  PoDoFo::PdfError::EnableDebug(false);
  const std::filesystem::path dir = argc > 2 ? argv[2] : "/tmp";
  using clock = std::chrono::steady_clock;

  std::vector<std::string> texts;
  const sdg::Document doc = make_report(sections, texts);

  sdg::PluginHost host;
  host.load(SDGREPORT_PDF_PLUGIN);
  auto writer = host.format_writer("pdf");
  sdg::Options opts;
  const auto plugin_path = dir / "sdgreport-bench-plugin.pdf";
  const sdg::WriteRequest req{opts, plugin_path, plugin_path};
  sdg::Context ctx(dir, "nb", 1781481600);

  const auto t0 = clock::now();
  writer->write(doc, req, ctx);
  const auto t1 = clock::now();
  const auto bare_path = (dir / "sdgreport-bench-bare.pdf").string();
  bare_podofo(texts, bare_path);
  const auto t2 = clock::now();

  const double plugin_s = std::chrono::duration<double>(t1 - t0).count();
  const double bare_s = std::chrono::duration<double>(t2 - t1).count();
  std::printf("plugin (tagged, contents, tables, charts): %d pages, %.3f s, %.1f KB\n", pages_of(plugin_path),
              plugin_s, std::filesystem::file_size(plugin_path) / 1024.0);
  std::printf("bare PoDoFo loop (same text, untagged):    %d pages, %.3f s, %.1f KB\n", pages_of(bare_path),
              bare_s, std::filesystem::file_size(bare_path) / 1024.0);
  std::printf("ratio plugin / bare: %.2f\n", plugin_s / bare_s);
  return 0;
}
