// sdgreport — the one vocabulary of problem codes: every warning and every
// `validate` finding the code base can give is declared once, here, with its
// name, severity and meaning (ErrorCode, the fatal kinds, is in error.hpp).
// docs/codes.md is generated from this table (`sdgreport codes --markdown`) and
// a test fails when they differ.
//
//   ctx.warn(sdg::Code::ImageMissing, "figure 'map.png' not found; drawn as a placeholder");
//   sdg::code_name(sdg::Code::ImageMissing)      // "image-missing"
//   sdg::code_from_name("image-missing")         // Code::ImageMissing
//
// Adding a code is one line in SDG_CODES below (then regenerate docs/codes.md).
// Rules for a code: one kind of event, one name (never a catch-all such as a
// plugin's name; the same event in two plugins is one code); kebab-case; a name
// once published is not reused for another event.
//
// Severity is what `sdgreport validate` counts the finding as when its own
// checks give it. A warning given during a build (Context::warn) never stops the
// build, whatever the column says: the build goes on.
//
// Third-party plugins do not edit this table: they warn with their own codes,
// namespaced by the plugin's name, through Context::plugin_warn("myplugin/odd-row", …)
// (see context.hpp and docs/codes.md).
//
// ABI: the numeric values of Code are not part of the plugin ABI. Context::warn
// is inline and hands the library the code's name, so reordering or adding codes
// keeps plugins built against an older table working (ABI 4, docs/plugin-abi.md).
#pragma once

#include <cstddef>
#include <optional>
#include <span>
#include <string>
#include <string_view>

namespace sdg {

enum class Severity { Warning, Error };

// X(Id, "name", Severity, "meaning: what happened and what sdgreport did")
// Grouped by who gives the code; the order is the order of docs/codes.md.
#define SDG_CODES(X)                                                                                               \
  /* ---- the pipeline and data sources in general */                                                             \
  X(TitleFallback, "title-fallback", Warning,                                                                     \
    "The SDG catalogue has no checked title in the report's language (Nynorsk goal titles, an indicator's "       \
    "translation); a title in another language is used")                                                          \
  X(SourceMissing, "source-missing", Warning,                                                                     \
    "An optional source file does not exist (`optional: true`); nothing is added")                                \
  X(DuplicateObservation, "duplicate-observation", Warning,                                                       \
    "Two rows of a data file are for the same cell; the first or last is kept (option `duplicates`)")             \
  X(SourceFromFile, "source-from-file", Warning,                                                                  \
    "No source was given (option `source` or the file's own metadata); the source note names the data file")      \
  X(StatusUnmapped, "status-unmapped", Warning,                                                                   \
    "A status code or observation status in the data has no counterpart in the report; the values are shown "     \
    "without it (map it with the plugin's status option)")                                                        \
  X(UnknownIndicator, "unknown-indicator", Error,                                                                 \
    "An id names no SDG indicator of the catalogue: `validate` refuses a block that reports it; the opensdg "     \
    "plugin skips the file with a warning")                                                                       \
  X(SourceAltUnused, "source-alt-unused", Warning,                                                                 \
    "A source entry's `alt:` is not used: the source added no chart")                                              \
  X(SourceAltAmbiguous, "source-alt-ambiguous", Warning,                                                           \
    "A source entry's `alt:` is not used: the source added several charts, so it is not clear which it "           \
    "describes")                                                                                                   \
  X(SameLabel, "same-label", Warning,                                                                              \
    "Two categories chosen for the rows or columns have the same label; the first (or last) is kept (option "      \
    "`duplicates`)")                                                                                               \
  /* ---- markdown */                                                                                             \
  X(MarkdownImageIgnored, "markdown-image-ignored", Warning,                                                      \
    "An image in a heading, table cell or footnote is not shown (images are figures of their own)")               \
  X(MarkdownImageRemote, "markdown-image-remote", Warning,                                                        \
    "An image is not a local file; only local PNG/JPEG images are shown")                                         \
  X(MarkdownIdIgnored, "markdown-id-ignored", Warning,                                                            \
    "A heading id `{#id}` needs `headings: sections`; it is ignored")                                             \
  X(MarkdownHtmlIgnored, "markdown-html-ignored", Warning, "A raw HTML block is left out")                        \
  X(MarkdownUnsupported, "markdown-unsupported", Warning,                                                         \
    "A Markdown element with no counterpart in the model is left out")                                            \
  X(MarkdownPlacementBody, "markdown-placement-body", Warning,                                                    \
    "The body of an `sdgreport-data` placement block is ignored")                                                 \
  X(MarkdownFootnoteBlock, "markdown-footnote-block", Warning,                                                    \
    "Only paragraphs are kept in a footnote; a list, table or code block in it is left out")                      \
  X(FrontMatterKeyIgnored, "front-matter-key-ignored", Warning,                                                   \
    "A key of a Markdown file's front matter is not used")                                                        \
  /* ---- csv */                                                                                                  \
  X(ColumnReadAsText, "column-read-as-text", Warning,                                                             \
    "A column with numbers also holds text that is not a number, so the whole column is read as text "           \
    "(list it under `numbers` to make this an error)")                                                            \
  X(ChartCrowded, "chart-crowded", Warning,                                                                       \
    "A chart made from the data has more series than a reader can tell apart; filter the rows")                   \
  X(CsvPrecision, "csv-precision", Warning,                                                                       \
    "A number has more decimals (over 10) or significant digits (over 15) than the report keeps; it prints "      \
    "rounded")                                                                                                    \
  /* ---- px */                                                                                                    \
  X(PxCodepageMismatch, "px-codepage-mismatch", Warning,                                                           \
    "A PX file's CODEPAGE does not match its bytes (UTF-8 bytes, or a byte invalid in the declared set); read "    \
    "as what the bytes are")                                                                                       \
  X(PxCodepageC1, "px-codepage-c1", Warning,                                                                       \
    "A PX file declared in ISO-8859-1 has C1 control bytes that are letters in Windows-1252; read as "             \
    "Windows-1252")                                                                                                \
  X(PxCodepageUnknown, "px-codepage-unknown", Warning,                                                             \
    "A PX file's CODEPAGE names a character set sdgreport does not know; read as Windows-1252")                    \
  X(PxEliminationUnknown, "px-elimination-unknown", Warning,                                                       \
    "An ELIMINATION keyword names a value its variable does not have; it is ignored")                              \
  X(PxNoteCellUnknown, "px-note-cell-unknown", Warning,                                                            \
    "Cell notes or markers name no cell of the table; they are not shown")                                         \
  /* ---- sdmx */                                                                                                  \
  X(SdmxStatusWithValue, "sdmx-status-with-value", Warning,                                                        \
    "An OBS_STATUS says the value is missing but the observation has one; the value is kept")                      \
  X(SdmxSeriesUnmapped, "sdmx-series-unmapped", Warning,                                                           \
    "SERIES codes in the file are not in `series_indicators`")                                                     \
  X(SdmxSeveralIndicators, "sdmx-several-indicators", Warning,                                                     \
    "The observations kept belong to several indicators; none is named (filter SERIES to one, or give `indicator`)")                                     \
  X(SdmxBoundsReversed, "sdmx-bounds-reversed", Warning,                                                           \
    "A LOWER_BOUND is above its UPPER_BOUND; the chart leaves that interval out (the table shows both)")           \
  /* ---- survey */                                                                                                \
  X(SurveyUnknownCode, "survey-unknown-code", Warning,                                                             \
    "An answer code is not in the codebook or the file's value labels; kept as answers of their own, labelled "    \
    "with the code")                                                                                               \
  X(SurveyDuplicateRespondent, "survey-duplicate-respondent", Warning,                                             \
    "A respondent key answers twice; both answers are counted")                                                    \
  X(SurveyRegisterKeyMissing, "survey-register-key-missing", Warning,                                              \
    "Respondents have a key not in the register; they are counted in totals, in no group")                         \
  /* ---- opensdg */                                                                                              \
  X(OpensdgFileIgnored, "opensdg-file-ignored", Warning,                                                          \
    "A file in the data folder is not named `indicator_<id>.csv`; it is ignored")                                 \
  X(OpensdgNationalNoGoal, "opensdg-national-no-goal", Warning,                                                   \
    "A national indicator names no goal (by its id or `sdg_goal`); it is skipped")                                \
  X(OpensdgTranslationKey, "opensdg-translation-key", Warning,                                                    \
    "A metadata value is a translation key that names nothing in the SDG catalogue; it is not shown")             \
  X(OpensdgNoTitle, "opensdg-no-title", Warning,                                                                  \
    "A national indicator has no `indicator_name`; it is titled by its id")                                       \
  X(OpensdgGraphType, "opensdg-graph-type", Warning,                                                              \
    "A `graph_type` has no equivalent here; the indicator is drawn as a line chart")                              \
  X(OpensdgProgressStatus, "opensdg-progress-status", Warning,                                                    \
    "A `progress_status` in the metadata is not a known status; it is not shown")                                 \
  X(OpensdgNoHeadline, "opensdg-no-headline", Warning,                                                            \
    "A data file has no headline rows (every row is a disaggregation)")                                           \
  X(OpensdgRepeatedYear, "opensdg-repeated-year", Warning,                                                        \
    "A year occurs twice in a headline series; the first value of each is kept")                                  \
  X(OpensdgSeriesNotFound, "opensdg-series-not-found", Warning,                                                   \
    "The series named for the summary is not in the data; the summary shows the first series")                    \
  X(OpensdgProgressUnit, "opensdg-progress-unit", Warning,                                                        \
    "A progress configuration names a unit other than the main one; only the main unit is assessed, so it is "    \
    "skipped")                                                                                                    \
  X(OpensdgProgressNotMeasured, "opensdg-progress-not-measured", Warning,                                         \
    "Progress cannot be computed from the data (too few values, no base value, a target of the other sign…); "    \
    "the message says why")                                                                                       \
  X(OpensdgUnknownDisaggregation, "opensdg-unknown-disaggregation", Warning,                                      \
    "A disaggregation named in the options is a column of no data file")                                          \
  X(OpensdgNoIndicators, "opensdg-no-indicators", Warning, "The data folder has no indicator data (for the goal)") \
  /* ---- writers */                                                                                              \
  X(ImageMissing, "image-missing", Error,                                                                         \
    "An image file does not exist: `validate` refuses it; a writer that meets it draws a placeholder or the "     \
    "text alternative")                                                                                           \
  X(ImageUnreadable, "image-unreadable", Error,                                                                   \
    "An image file cannot be read as an image the format shows: `validate` refuses it; a writer draws a "         \
    "placeholder, the text alternative, or leaves a logo out")                                                    \
  X(ImageSvg, "image-svg", Error, "An image is SVG, which no writer draws; `validate` refuses it")                 \
  X(ChartNotRendered, "chart-not-rendered", Warning,                                                              \
    "A chart has no values to plot; its text alternative is shown instead")                                       \
  X(TableSplit, "table-split", Warning,                                                                           \
    "PDF: a table's columns do not fit the text width even in the smallest type; it is printed in parts of "      \
    "columns")                                                                                                    \
  X(TableTooWide, "table-too-wide", Warning,                                                                      \
    "PDF: a column is wider than the text width; words in text columns are broken")                               \
  X(PdfLinkTarget, "pdf-link-target", Warning,                                                                    \
    "PDF: an internal link's target has no place in the PDF; the link points at the first page")                  \
  X(FactsheetOverflow, "factsheet-overflow", Warning,                                                              \
    "PDF: an indicator's factsheet takes more than one page; its text does not fit on one")                        \
  X(ValueNotFinite, "value-not-finite", Warning,                                                                  \
    "XLSX: a value that is not a finite number is left empty with the not-available symbol")                      \
  X(ChartTooManySeries, "chart-too-many-series", Warning,                                                         \
    "XLSX: a chart has more series than Excel draws; the workbook shows its data without a native chart")         \
  X(TextTruncated, "text-truncated", Warning, "XLSX: a text is cut to Excel's limit of 32,767 characters")        \
  X(DataSheetPartial, "data-sheet-partial", Warning,                                                              \
    "XLSX: large tables or charts are not repeated on the Data sheet (`data_sheet_limit`)")                       \
  /* ---- commands (review, package) */                                                                              \
  X(ReviewUnmapped, "review-unmapped", Warning,                                                                      \
    "`sdgreport review`: a comment or change is not inside a paragraph the build wrote (before the first "           \
    "source marker, or its marker was removed); it is listed without a source line")                                 \
  X(PackageNoMainMessages, "package-no-main-messages", Warning,                                                      \
    "`sdgreport package`: no chapter has `role: main_messages`, so the package has no main messages "                \
    "document")                                                                                                      \
  /* ---- validate (whole-report checks) */                                                                       \
  X(IndicatorOutsideGoal, "indicator-outside-goal", Warning,                                                      \
    "A table, chart or summary reports an SDG indicator outside a goal section")                                  \
  X(IndicatorInWrongGoal, "indicator-in-wrong-goal", Error,                                                       \
    "A table, chart or summary reports an indicator of another goal than its section's")                          \
  X(BrokenLink, "broken-link", Warning, "A link to a local file names a file that does not exist")                \
  X(TableWithoutSource, "table-without-source", Warning, "A table has no source note")                            \
  X(ChartWithoutSource, "chart-without-source", Warning, "A chart has no source")                                 \
  X(WeakAltText, "weak-alt-text", Warning,                                                                        \
    "A chart's or figure's text alternative is too short, or is the file name, to describe it")                   \
  X(ExcludedGoalCovered, "excluded-goal-covered", Warning,                                                        \
    "A goal listed under `excluded_goals` has a section in the report")                                           \
  X(GoalNotCovered, "goal-not-covered", Warning, "Goals have no section and are not excluded with a reason")      \
  X(MissingChapter, "missing-chapter", Warning, "A chapter the UN reporting guidelines ask for is missing")        \
  X(NoStatisticalAnnex, "no-statistical-annex", Warning,                                                          \
    "The report has no statistical annex (an annex chapter or an xlsx output)")                                   \
  X(EmptyChapter, "empty-chapter", Warning, "A chapter has no content yet")                                       \
  X(WordLimit, "word-limit", Warning, "A chapter has more words than its `word_limit`")                           \
  X(MainMessagesMissing, "main-messages-missing", Warning,                                                        \
    "`main_messages_word_limit` is set but no chapter has `role: main_messages`")                                 \
  X(MainMessagesWordLimit, "main-messages-word-limit", Warning,                                                   \
    "The main messages have more words than `main_messages_word_limit`")                                          \
  X(CannotBuild, "cannot-build", Error,                                                                           \
    "`validate` could not build the report (e.g. a malformed definition); the code ends in the error kind, "      \
    "e.g. `cannot-build-definition`")                                                                             \
  X(SourceFailed, "source-failed", Error,                                                                         \
    "A data source failed; the code ends in the error kind, e.g. `source-failed-input`")

/// Every warning and finding code (see SDG_CODES for names and meanings).
enum class Code {
#define SDG_CODE_ENUM(id, name, severity, meaning) id,
  SDG_CODES(SDG_CODE_ENUM)
#undef SDG_CODE_ENUM
};

/// One row of the registry.
struct CodeInfo {
  Code code;
  std::string_view name;
  Severity severity;
  std::string_view meaning;
};

namespace detail {
inline constexpr CodeInfo kCodes[] = {
#define SDG_CODE_INFO(id, name, severity, meaning) {Code::id, name, Severity::severity, meaning},
    SDG_CODES(SDG_CODE_INFO)
#undef SDG_CODE_INFO
};
}  // namespace detail

/// The whole registry, in table order.
constexpr std::span<const CodeInfo> all_codes() noexcept { return detail::kCodes; }
constexpr const CodeInfo& code_info(Code c) noexcept { return detail::kCodes[static_cast<std::size_t>(c)]; }
/// The stable kebab-case name: "image-missing".
constexpr std::string_view code_name(Code c) noexcept { return code_info(c).name; }
constexpr Severity code_severity(Code c) noexcept { return code_info(c).severity; }
/// One line on what happened and what sdgreport did.
constexpr std::string_view code_meaning(Code c) noexcept { return code_info(c).meaning; }
/// The code of a registered name; nullopt for any other text.
constexpr std::optional<Code> code_from_name(std::string_view name) noexcept {
  for (const CodeInfo& i : detail::kCodes)
    if (i.name == name) return i.code;
  return std::nullopt;
}
namespace detail {
constexpr bool is_kebab(std::string_view s) noexcept {
  if (s.empty() || s.front() == '-' || s.back() == '-') return false;
  for (std::size_t i = 0; i < s.size(); ++i) {
    const char c = s[i];
    if (c == '-' ? s[i - 1] == '-' : !((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'))) return false;
  }
  return true;
}
constexpr bool registry_well_formed() noexcept {
  for (std::size_t i = 0; i < std::size(kCodes); ++i) {
    if (static_cast<std::size_t>(kCodes[i].code) != i || !is_kebab(kCodes[i].name) || kCodes[i].meaning.empty())
      return false;
    for (std::size_t j = 0; j < i; ++j)
      if (kCodes[j].name == kCodes[i].name) return false;
  }
  return true;
}
}  // namespace detail
// Checked when this header compiles: unique kebab-case names, each with a meaning.
static_assert(detail::registry_well_formed(), "SDG_CODES: a name is duplicated, not kebab-case, or has no meaning");

constexpr std::string_view severity_name(Severity s) noexcept { return s == Severity::Error ? "error" : "warning"; }

/// A warning found where there is no Context to give it to (a reader's pure
/// function collects them; the plugin then calls Context::warn with each).
struct CodedMessage {
  Code code;
  std::string message;
  bool operator==(const CodedMessage&) const = default;
};

/// True for a third-party plugin's code: "<plugin>/<code>", both parts lower-case
/// ASCII letters, digits and single '-' inside ("survey-x/odd-row").
bool is_plugin_code(std::string_view code) noexcept;

/// docs/codes.md: every code of this table and every ErrorCode, as Markdown.
std::string codes_markdown();

}  // namespace sdg
