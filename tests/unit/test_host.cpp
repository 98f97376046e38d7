// The Boost.DLL host against plugins built for the purpose (tests/plugins/).
#include <gtest/gtest.h>

#include <chrono>
#include <fstream>

#include "host.hpp"
#include "sdgreport/definition.hpp"
#include "sdgreport/error.hpp"

using namespace sdg;
namespace fs = std::filesystem;

namespace {

const fs::path kDir = SDGREPORT_TEST_PLUGIN_DIR;

fs::path lib(const std::string& name) { return kDir / ("sdgreport-" + name + ".so"); }

Options opts(std::vector<std::pair<std::string, Value>> entries) {
  return Options(Value::map(std::move(entries)), "test");
}

}  // namespace

TEST(Host, LoadsAGoodPluginAndReadsItsMetadata) {
  PluginHost host;
  PluginRecord r = host.load(lib("test-good"));
  EXPECT_TRUE(r.enabled) << r.reason;
  EXPECT_EQ(r.name, "test-good");
  EXPECT_EQ(r.version, "1.2.3");
  EXPECT_EQ(r.kind, PluginKind::DataSource);
  EXPECT_EQ(r.description, "Test plugin that behaves");

  auto src = host.data_source("test-good");
  Section s("Energi");
  s.set_goal(7);
  Context ctx("/tmp", sdg::Language::En, 0);
  Options o = opts({{"text", Value::scalar("fra plugin – æøå")}, {"indicator", Value::scalar("7.2.1")}});
  src->fill(SourceRequest{o, 7}, s, ctx);
  ASSERT_EQ(s.blocks().size(), 2u);
  EXPECT_EQ(plain_text(s.blocks()[0].as<Paragraph>().content), "fra plugin – æøå");
  EXPECT_EQ(*s.blocks()[1].as<IndicatorSummary>().value, 42.5);
}

TEST(Host, RefusesAWrongAbiVersionSayingBothVersions) {
  PluginHost host;
  PluginRecord r = host.load(lib("test-wrong-abi"));
  EXPECT_FALSE(r.enabled);
  EXPECT_EQ(r.reason,
            "built for plugin ABI version 999, but this sdgreport uses ABI version " +
                std::to_string(kPluginAbiVersion) + "; rebuild the plugin against this sdgreport");
  try {
    host.data_source("test-wrong-abi");
    FAIL();
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ErrorCode::Plugin);
    EXPECT_NE(std::string(e.what()).find("is disabled: built for plugin ABI version 999"), std::string::npos)
        << e.what();
  }
}

TEST(Host, RefusesAFingerprintMismatchNamingTheItem) {
  PluginHost host;
  PluginRecord r = host.load(lib("test-wrong-fingerprint"));
  EXPECT_FALSE(r.enabled);
  const std::uint32_t table = plugin_fingerprint().size_table;
  EXPECT_EQ(r.reason, "built with sizeof(sdg::Table) " + std::to_string(table + 8) + ", but this sdgreport has " +
                          std::to_string(table) +
                          "; rebuild the plugin with the same compiler and SDK as this sdgreport");
  try {
    host.data_source("test-wrong-fingerprint");
    FAIL();
  } catch (const Error& e) {
    EXPECT_NE(std::string(e.what()).find("is disabled: built with sizeof(sdg::Table)"), std::string::npos) << e.what();
  }
}

TEST(Host, RefusesAPluginBuiltWithTheOldStdString) {
  PluginHost host;
  PluginRecord r = host.load(lib("test-old-string-abi"));
  EXPECT_FALSE(r.enabled);
  EXPECT_EQ(r.reason,
            "built with libstdc++ dual ABI (_GLIBCXX_USE_CXX11_ABI) 0, but this sdgreport has 1; rebuild the plugin "
            "with the same compiler and SDK as this sdgreport");
}

TEST(Host, TheFingerprintRecordsTheToolchainAndTheModelSizes) {
  constexpr PluginFingerprint f = plugin_fingerprint();
  EXPECT_EQ(f.gxx_abi_version, static_cast<std::uint32_t>(__GXX_ABI_VERSION));
  EXPECT_EQ(f.cxx11_abi, 1u);
  EXPECT_EQ(f.spdlog_version, static_cast<std::uint32_t>(SPDLOG_VERSION));
  EXPECT_EQ(f.fmt_version, static_cast<std::uint32_t>(FMT_VERSION));
  EXPECT_EQ(f.size_block, sizeof(Block));
  EXPECT_EQ(f.size_document, sizeof(Document));
  EXPECT_EQ(f.size_options, sizeof(Options));
  // A plugin built normally carries the host's fingerprint and loads.
  PluginHost host;
  EXPECT_TRUE(host.load(lib("test-good")).enabled);
}

TEST(Host, RefusesMissingExports) {
  PluginHost host;
  PluginRecord r = host.load(lib("test-missing-export"));
  EXPECT_FALSE(r.enabled);
  EXPECT_EQ(r.reason, "missing export sdgreport_create_data_source");
  PluginRecord n = host.load(lib("test-no-exports"));
  EXPECT_FALSE(n.enabled);
  EXPECT_EQ(n.reason, "missing export sdgreport_plugin_abi (not an sdgreport plugin)");
}

TEST(Host, RefusesFilesThatAreNotLibraries) {
  const fs::path bogus = fs::temp_directory_path() / "sdgreport-bogus.so";
  { std::ofstream(bogus) << "not an ELF file"; }
  PluginHost host;
  PluginRecord r = host.load(bogus);
  fs::remove(bogus);
  EXPECT_FALSE(r.enabled);
  EXPECT_NE(r.reason.find("cannot be loaded"), std::string::npos) << r.reason;
  EXPECT_NE(r.reason.find("sdgreport-bogus.so"), std::string::npos) << r.reason;
}

TEST(Host, ScansADirectoryAndListsEveryLibraryWithItsOutcome) {
  PluginHost host;
  host.add_directory(kDir);
  int enabled = 0, disabled = 0;
  for (const auto& r : host.plugins()) (r.enabled ? enabled : disabled)++;
  EXPECT_EQ(enabled, 4);   // test-good, test-throwing, test-faulty, test-locale
  EXPECT_EQ(disabled, 5);  // wrong ABI, wrong fingerprint, old std::string, missing export, no exports
  host.add_directory(kDir);  // the same files again: not loaded twice
  EXPECT_EQ(host.plugins().size(), 9u);
}

TEST(Host, UnknownNamesListTheAvailablePlugins) {
  PluginHost host;
  host.add_directory(kDir);
  try {
    host.data_source("csv");
    FAIL();
  } catch (const Error& e) {
    EXPECT_STREQ(e.what(), "unknown data-source plugin 'csv' (available: test-faulty, test-good, test-locale, test-throwing)");
  }
  EXPECT_THROW(host.format_writer("test-good"), Error) << "kinds are kept apart";
}

TEST(Host, ExceptionsThrownInsideAPluginAreReportedWithItsName) {
  PluginHost host;
  host.add_directory(kDir);
  auto def = parse_definition(
      "title: T\nchapters:\n  - title: Survey\n    source: { plugin: test-throwing }\n"
      "  - title: B\n    source: { plugin: test-throwing, mode: sdg }\n"
      "  - title: C\n    source: { plugin: test-throwing, mode: int }\n",
      "/r/report.yaml");
  Context ctx("/r", sdg::Language::En, 0);
  ReportDefinition one = def;
  one.chapters.resize(1);
  try {
    assemble(one, host, ctx);
    FAIL();
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ErrorCode::Plugin);
    EXPECT_STREQ(e.what(),
                 "/r/report.yaml:4:13: plugin 'test-throwing' (section 'Survey') failed: survey export has no header row");
  }
  ReportDefinition two = def;
  two.chapters.erase(two.chapters.begin());
  two.chapters.resize(1);
  try {
    assemble(two, host, ctx);
    FAIL();
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ErrorCode::Input);
    EXPECT_STREQ(e.what(), "survey.csv:7: plugin 'test-throwing' (section 'B'): bad row in survey.csv");
  }
  ReportDefinition three = def;
  three.chapters.erase(three.chapters.begin(), three.chapters.begin() + 2);
  try {
    assemble(three, host, ctx);
    FAIL();
  } catch (const Error& e) {
    EXPECT_NE(std::string(e.what()).find("failed with an unknown exception"), std::string::npos);
  }
}

TEST(Host, AnInstanceKeepsItsLibraryLoadedAfterTheHostIsGone) {
  std::shared_ptr<DataSource> src;
  {
    PluginHost host;
    host.load(lib("test-good"));
    src = host.data_source("test-good");
  }
  Section s("x");
  Context ctx("/tmp", sdg::Language::En, 0);
  Options o = opts({});
  src->fill(SourceRequest{o, std::nullopt}, s, ctx);  // would crash if the library were unloaded
  EXPECT_EQ(s.blocks().size(), 1u);
}

namespace {

// The child's time limit in these tests. Only the hang test needs a short one; the
// others get a margin that holds on a loaded machine (ctest -j2 beside a build, a
// sanitizer build), so that filling 256 MB never races the clock.
constexpr int kGenerousTimeout = 120;

// Builds a one-chapter report whose source is test-faulty in `mode`, isolated,
// followed by a good source, and returns the error (or "" on success).
std::string isolated_failure(const std::string& mode, Document* out = nullptr, Context* ctx_out = nullptr,
                             int timeout = kGenerousTimeout) {
  PluginHost host;
  host.add_directory(kDir);
  auto def = parse_definition("title: T\nchapters:\n  - title: Survey\n    sources:\n"
                              "      - { plugin: test-faulty, mode: " + mode + ", timeout: " +
                                  std::to_string(timeout) + ", memory_limit: 256 }\n"
                              "      - { plugin: test-good, text: after }\n",
                              "/r/report.yaml");
  Context ctx("/r", sdg::Language::En, 0);
  AssembleOptions opts;
  opts.isolate = true;
  try {
    Document d = assemble(def, host, ctx, opts);
    if (out) *out = d;
    if (ctx_out) *ctx_out = ctx;
    return "";
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ErrorCode::Plugin) << e.what();
    return e.what();
  }
}

}  // namespace

TEST(Isolation, ASegfaultIsReportedWithTheSignal) {
  EXPECT_EQ(isolated_failure("segv"),
            "/r/report.yaml:5:9: plugin 'test-faulty' (section 'Survey'): crashed with signal 11 (SIGSEGV, Segmentation fault)");
}

TEST(Isolation, AnAbortIsReportedWithTheSignal) {
  EXPECT_NE(isolated_failure("abort").find("crashed with signal 6 (SIGABRT"), std::string::npos);
}

TEST(Isolation, AHangIsStoppedAfterTheTimeout) {
  // The bound only proves the child was stopped rather than waited for (it sleeps
  // forever); it is wide so that a loaded machine cannot make it fail.
  auto t0 = std::chrono::steady_clock::now();
  EXPECT_EQ(isolated_failure("hang", nullptr, nullptr, 2),
            "/r/report.yaml:5:9: plugin 'test-faulty' (section 'Survey'): did not finish within 2 s and was stopped");
  EXPECT_LT(std::chrono::steady_clock::now() - t0, std::chrono::seconds(60));
}

TEST(Isolation, RunningOutOfMemoryIsReported) {
  EXPECT_NE(isolated_failure("memory").find("ran out of memory (limit 256 MB)"), std::string::npos);
}

TEST(Isolation, RunningOutOfMemoryWhereNothingCanCatchItIsReported) {
  // A bad_alloc leaving a noexcept function (an allocating destructor, say)
  // ends in std::terminate, not in a catch: still "ran out of memory", not SIGABRT.
  EXPECT_NE(isolated_failure("memory_noexcept").find("ran out of memory (limit 256 MB)"), std::string::npos);
}

TEST(Isolation, AnExitWithoutAResultIsReported) {
  EXPECT_NE(isolated_failure("exit").find("exited with status 7 without a result"), std::string::npos);
}

TEST(Isolation, AGoodIsolatedSourceReturnsItsSectionAndWarnings) {
  Document d;
  Context ctx("/", sdg::Language::En, 0);
  ASSERT_EQ(isolated_failure("ok", &d, &ctx), "");
  ASSERT_EQ(d.chapters().size(), 1u);
  const auto& blocks = d.chapters()[0].blocks();
  ASSERT_EQ(blocks.size(), 2u);
  EXPECT_EQ(plain_text(blocks[0].as<Paragraph>().content), "faulty plugin in mode ok – æøå");
  EXPECT_EQ(plain_text(blocks[1].as<Paragraph>().content), "after");
  ASSERT_FALSE(ctx.warnings().empty());
  EXPECT_EQ(ctx.warnings()[0].code, "faulty/started") << "warnings come back from the child";
}
