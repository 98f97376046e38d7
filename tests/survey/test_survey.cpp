// Tests of the survey plugin's readers, counting and disclosure control.
#include <gtest/gtest.h>

#include <cmath>
#include <fstream>
#include <sstream>

#include "codebook.hpp"
#include "disclosure.hpp"
#include "register.hpp"
#include "sav_read.hpp"
#include "sdgreport/csv.hpp"
#include "sdgreport/error.hpp"
#include "sdgreport/numbers.hpp"
#include "survey_csv.hpp"
#include "survey_source.hpp"
#include "tabulate.hpp"
#include "sdgreport/files.hpp"

using namespace sdg::survey;

namespace {

std::string slurp(const std::string& path) { return sdg::try_read_file(path).value_or(std::string()); }

std::string spss(const std::string& name) { return std::string(SDGREPORT_TEST_DATA) + "/spss/" + name; }

Dataset sav(const std::string& name) { return read_sav(slurp(spss(name)), name); }

/// The expected values: SPSS's own CSV export (pyreadstat's fixture), by column name.
std::vector<std::map<std::string, std::string>> expected(const std::string& name) {
  const std::string text = slurp(spss(name));
  sdg::CsvReader r(text, name, ',');
  auto head = r.next();
  std::vector<std::map<std::string, std::string>> rows;
  while (auto rec = r.next()) {
    if (rec->fields.size() != head->fields.size()) continue;
    std::map<std::string, std::string> row;
    for (std::size_t i = 0; i < rec->fields.size(); ++i) row[head->fields[i]] = rec->fields[i];
    rows.push_back(row);
  }
  return rows;
}

std::string error_of(const std::function<void()>& f) {
  try {
    f();
  } catch (const sdg::Error& e) {
    return e.where().str() + ": " + e.message();
  }
  return "no error";
}

void expect_numbers_equal(const Dataset& d, const std::vector<std::map<std::string, std::string>>& want,
                          const std::string& var) {
  const Variable* v = d.find(var);
  ASSERT_NE(v, nullptr) << var;
  ASSERT_EQ(v->num.size(), want.size());
  for (std::size_t r = 0; r < want.size(); ++r) {
    const std::string& w = want[r].at(var);
    if (w.empty() || w == "#NULL!") {
      EXPECT_TRUE(std::isnan(v->num[r])) << var << " row " << r;
    } else {
      EXPECT_NEAR(v->num[r], std::stod(w), 1e-9) << var << " row " << r;
    }
  }
}

}  // namespace

// ---- .sav / .zsav: real SPSS files, value by value

TEST(SavRead, SampleWindows1252MatchesSpssExport) {
  const Dataset d = sav("sample.sav");
  EXPECT_EQ(d.rows, 5u);
  EXPECT_EQ(d.vars.size(), 7u);
  EXPECT_NE(d.encoding.find("1252"), std::string::npos) << d.encoding;
  const auto want = expected("sample.csv");
  for (const char* v : {"mynum", "mylabl", "myord"}) expect_numbers_equal(d, want, v);
  const Variable* c = d.find("mychar");
  ASSERT_NE(c, nullptr);
  EXPECT_FALSE(c->numeric);
  for (std::size_t r = 0; r < 5; ++r) EXPECT_EQ(c->str[r], want[r].at("mychar"));
  const Variable* l = d.find("mylabl");
  EXPECT_EQ(l->value_labels.at(1.0), "Male");
  EXPECT_EQ(l->value_labels.at(2.0), "Female");
  const Variable* o = d.find("myord");
  EXPECT_EQ(o->value_labels.at(1.0), "low");
  EXPECT_EQ(o->value_labels.at(2.0), "medium");
  EXPECT_EQ(o->value_labels.at(3.0), "high");
  // three system-missing cells in the date and time columns of the last case
  EXPECT_EQ(d.find("mydate")->answer(4), Answer::SystemMissing);
  EXPECT_EQ(d.find("dtime")->answer(4), Answer::SystemMissing);
  EXPECT_EQ(d.find("mytime")->answer(4), Answer::SystemMissing);
  EXPECT_EQ(d.find("mynum")->answer(4), Answer::Valid);
}

TEST(SavRead, ZlibZsavEqualsSav) {
  const Dataset a = sav("sample.sav"), b = sav("sample.zsav");
  ASSERT_EQ(a.vars.size(), b.vars.size());
  ASSERT_EQ(a.rows, b.rows);
  for (std::size_t c = 0; c < a.vars.size(); ++c) {
    EXPECT_EQ(a.vars[c].name, b.vars[c].name);
    EXPECT_EQ(a.vars[c].label, b.vars[c].label);
    EXPECT_EQ(a.vars[c].value_labels, b.vars[c].value_labels);
    EXPECT_EQ(a.vars[c].str, b.vars[c].str);
    ASSERT_EQ(a.vars[c].num.size(), b.vars[c].num.size());
    for (std::size_t r = 0; r < a.rows && a.vars[c].numeric; ++r)
      EXPECT_TRUE(a.vars[c].num[r] == b.vars[c].num[r] ||
                  (std::isnan(a.vars[c].num[r]) && std::isnan(b.vars[c].num[r])));
  }
}

TEST(SavRead, UserMissingValuesAreKeptApartFromSystemMissing) {
  const Dataset d = sav("sample_missing.sav");
  EXPECT_EQ(d.rows, 7u);
  const auto want = expected("sample_missing_user.csv");
  for (const char* v : {"mynum", "mylabl", "myord"}) expect_numbers_equal(d, want, v);
  const Variable* n = d.find("mynum");
  ASSERT_EQ(n->missing.ranges.size(), 1u);
  EXPECT_EQ(n->missing.ranges[0], std::make_pair(2000.0, 3000.0));
  ASSERT_EQ(n->missing.values.size(), 1u);
  EXPECT_EQ(n->missing.values[0], -1.0);
  EXPECT_EQ(n->answer(5), Answer::UserMissing);  // -1
  EXPECT_EQ(n->answer(6), Answer::UserMissing);  // 2500, in the range
  EXPECT_EQ(n->answer(0), Answer::Valid);
  const Variable* o = d.find("myord");
  EXPECT_EQ(o->missing.values, (std::vector<double>{-1, -2, -3}));
  EXPECT_EQ(o->answer(6), Answer::UserMissing);  // -3
  EXPECT_EQ(d.find("mylabl")->answer(6), Answer::SystemMissing);
  // the missing codes keep their value labels
  EXPECT_FALSE(d.find("mylabl")->value_labels.at(-1.0).empty());
}

TEST(SavRead, Utf8FileWithTeluguAndAVeryLongString) {
  const Dataset d = sav("tegulu.sav");
  EXPECT_EQ(d.rows, 1u);
  EXPECT_EQ(d.encoding, "UTF-8");
  ASSERT_GE(d.vars.size(), 2u);
  EXPECT_EQ(d.vars[1].str[0], "నేను గతంలో వాడిన బ");
  bool long_string = false;
  for (const Variable& v : d.vars) long_string = long_string || v.format == "A512";
  EXPECT_TRUE(long_string);
}

TEST(SavRead, StringUserMissingValue) {
  const Dataset d = sav("missing_char.sav");
  const Variable* c = d.find("mychar");
  ASSERT_NE(c, nullptr);
  ASSERT_EQ(d.rows, 2u);
  ASSERT_EQ(c->missing.strings.size(), 1u);
  EXPECT_EQ(c->missing.strings[0].substr(0, 1), "Z");
  EXPECT_EQ(c->answer(0), Answer::UserMissing);
  EXPECT_EQ(c->str[1], "a");
  EXPECT_EQ(c->answer(1), Answer::Valid);
  EXPECT_EQ(c->string_labels.at("a"), "labeled");
}

TEST(SavRead, DiscreteAndRangeMissingValues) {
  const Dataset d = sav("simple_alltypes.sav");
  EXPECT_EQ(d.rows, 6u);
  EXPECT_EQ(d.vars.size(), 12u);
  bool discrete = false, range = false;
  for (const Variable& v : d.vars) {
    discrete = discrete || v.missing.values == std::vector<double>{7, 8, 99};
    for (const auto& r : v.missing.ranges) range = range || (r.first == -999 && r.second == 0);
  }
  EXPECT_TRUE(discrete);
  EXPECT_TRUE(range);
}

TEST(SavRead, MultipleResponseSetsFromTheDictionary) {
  // as SPSS defined them (pyreadstat's test_sav_multiple_response expects the same)
  const Dataset d = sav("simple_alltypes.sav");
  ASSERT_EQ(d.mr_sets.size(), 2u);
  const MrSet* dich = nullptr;
  const MrSet* cat = nullptr;
  for (const MrSet& m : d.mr_sets) (m.dichotomy ? dich : cat) = &m;
  ASSERT_TRUE(dich && cat);
  EXPECT_EQ(dich->name, "mymrset");
  EXPECT_EQ(dich->label, "My multiple response set");
  EXPECT_EQ(dich->counted, "1");
  EXPECT_EQ(dich->variables, (std::vector<std::string>{"bool1", "bool2", "bool3"}));
  EXPECT_EQ(cat->name, "categorical_array");
  EXPECT_EQ(cat->label, "");
  EXPECT_EQ(cat->variables, (std::vector<std::string>{"ca_subvar_1", "ca_subvar_2", "ca_subvar_3"}));
  // without a codebook they become multiple-choice questions
  Codebook cb;
  complete_from_dataset(cb, d, "");
  const Item* m = cb.find("mymrset");
  ASSERT_NE(m, nullptr);
  EXPECT_EQ(m->type, QType::Multiple);
  EXPECT_EQ(m->options.size(), 3u);
  EXPECT_EQ(cb.find("bool1"), nullptr);
  Wave w;
  w.data = d;
  std::vector<Note> notes;
  const Tab t = tabulate(w, *m, nullptr, sdg::Language::En, notes);
  EXPECT_EQ(t.lines.size(), 3u);
  EXPECT_FALSE(t.additive);
  EXPECT_TRUE(read_mr_sets(slurp(spss("sample.sav"))).empty());
}

TEST(SavRead, TruncatedAndCorruptFilesAreClearErrors) {
  const std::string bytes = slurp(spss("sample.sav"));
  for (std::size_t cut : {bytes.size() / 2, bytes.size() - 30, std::size_t{100}, std::size_t{0}}) {
    const std::string e = error_of([&] { read_sav(bytes.substr(0, cut), "cut.sav"); });
    EXPECT_NE(e.find("cut.sav"), std::string::npos) << e;
    EXPECT_TRUE(e.find("truncated") != std::string::npos || e.find("not a readable SPSS") != std::string::npos) << e;
  }
  const std::string e = error_of([] { read_sav("this is not an SPSS file at all", "x.sav"); });
  EXPECT_NE(e.find("x.sav"), std::string::npos) << e;
  std::string corrupt = bytes;
  for (std::size_t i = 200; i < 260 && i < corrupt.size(); ++i) corrupt[i] = '\xff';
  const std::string e2 = error_of([&] { read_sav(corrupt, "corrupt.sav"); });
  EXPECT_NE(e2.find("corrupt.sav"), std::string::npos) << e2;
}

// ---- codebook and CSV

namespace {
const char* kCodebook = R"(
title: { en: Test survey, nb: Testundersøkelse }
key: knr
variables:
  knr: { type: key }
  q1:
    type: yesno
    question: { en: "Is it so?", nb: "Er det slik?" }
    values:
      1: { en: "Yes", nb: Ja }
      2: { en: "No", nb: Nei }
      9: { en: "Don't know", nb: Vet ikke }
    missing: [9]
    indicator: "11.3.2"
  q2:
    type: multiple
    question: { en: "Which?", nb: "Hvilke?" }
    options: { q2_a: { en: Alpha }, q2_b: { en: Beta } }
  q3:
    type: multiple
    delimiter: ","
    values: { 1: One, 2: Two, 3: Three }
  size: { source: register, values: { 1: Small, 2: Large } }
)";
}

TEST(Codebook, ReadsTypesTextsAndGoals) {
  const Codebook cb = parse_codebook(kCodebook, "cb.yaml");
  EXPECT_EQ(cb.key, "knr");
  const Item* q1 = cb.find("q1");
  ASSERT_NE(q1, nullptr);
  EXPECT_EQ(q1->type, QType::YesNo);
  EXPECT_EQ(q1->goal, 11);
  EXPECT_EQ(q1->question.get(sdg::Language::Nb), "Er det slik?");
  EXPECT_EQ(q1->question.get(sdg::Language::Nn), "Er det slik?");  // Nynorsk falls back on Bokmål
  EXPECT_EQ(q1->question.get(sdg::Language::En), "Is it so?");
  EXPECT_TRUE(q1->missing.is_missing(9));
  EXPECT_EQ(cb.find("q2")->options.size(), 2u);
  EXPECT_TRUE(cb.find("size")->from_register);
}

TEST(Codebook, ErrorsNameTheFileAndLine) {
  EXPECT_NE(error_of([] { parse_codebook("variables:\n  q1: { type: singel }\n", "cb.yaml"); }).find("cb.yaml:2"),
            std::string::npos);
  EXPECT_NE(error_of([] { parse_codebook("variables:\n  q1:\n    goal: 18\n", "cb.yaml"); }).find("not 1–17"),
            std::string::npos);
  EXPECT_NE(error_of([] { parse_codebook("variables: [\n", "cb.yaml"); }).find("not valid YAML"), std::string::npos);
  EXPECT_NE(error_of([] { parse_codebook("variables:\n  q1:\n    indicator: \"99.9.9 x\"\n", "cb.yaml"); })
                .find("indicator"),
            std::string::npos);
}

TEST(SurveyCsv, CodesLabelsBomAndSemicolons) {
  const Codebook cb = parse_codebook(kCodebook, "cb.yaml");
  std::vector<Note> notes;
  const std::string csv =
      "\xEF\xBB\xBFknr;q1;q2_a;q2_b;q3;note\n0301;1;1;0;\"1,3\";fri tekst\n1101;Nei;0;1;2;\n1103;vet ikke;;;;\n";
  const Dataset d = read_survey_csv(csv, "s.csv", cb, "", 0, notes);
  EXPECT_EQ(d.rows, 3u);
  const Variable* q1 = d.find("q1");
  EXPECT_EQ(q1->num, (std::vector<double>{1, 2, 9}));
  EXPECT_EQ(q1->answer(2), Answer::UserMissing);
  EXPECT_EQ(d.find("q2_b")->answer(2), Answer::SystemMissing);
  EXPECT_EQ(d.find("knr")->str[0], "0301");
  EXPECT_EQ(d.find("q3")->str[0], "1,3");
  EXPECT_TRUE(notes.empty());
}

TEST(SurveyCsv, AnswerNotInTheCodebookIsAnErrorWithLineAndVariable) {
  const Codebook cb = parse_codebook(kCodebook, "cb.yaml");
  std::vector<Note> notes;
  const std::string e = error_of([&] { read_survey_csv("knr,q1\n1,1\n2,Kanskje\n", "s.csv", cb, "", 0, notes); });
  EXPECT_NE(e.find("s.csv:3"), std::string::npos) << e;
  EXPECT_NE(e.find("'q1'"), std::string::npos) << e;
  EXPECT_NE(e.find("Kanskje"), std::string::npos) << e;
  // a numeric code the codebook does not list: kept, with a warning naming the line
  const Dataset d = read_survey_csv("knr,q1\n1,1\n2,7\n", "s.csv", cb, "", 0, notes);
  ASSERT_EQ(notes.size(), 1u);
  EXPECT_EQ(notes[0].code, sdg::Code::SurveyUnknownCode);
  EXPECT_EQ(notes[0].where, "s.csv:3");
  EXPECT_NE(notes[0].message.find("'q1'"), std::string::npos);
  EXPECT_EQ(d.find("q1")->num[1], 7);
}

TEST(SurveyCsv, ALabelThatNamesTwoCodesWhenCaseIsIgnoredIsNeverGuessed) {
  const Codebook cb = parse_codebook(R"(
key: knr
variables:
  knr: { type: key }
  q: { type: single, values: { 1: "Ja", 2: "JA", 3: "Øst" } }
)",
                                     "cb.yaml");
  std::vector<Note> notes;
  // As written, each label names its own code; case ignored, "Øst" is found as "øST".
  const Dataset d = read_survey_csv("knr,q\n1,Ja\n2,JA\n3,øST\n", "s.csv", cb, "", 0, notes);
  EXPECT_EQ(d.find("q")->num, (std::vector<double>{1, 2, 3}));
  // "ja" is "Ja" (1) or "JA" (2): an error at the line, naming both codes.
  const std::string e = error_of([&] { read_survey_csv("knr,q\n1,Ja\n2,ja\n", "s.csv", cb, "", 0, notes); });
  EXPECT_NE(e.find("s.csv:3"), std::string::npos) << e;
  EXPECT_NE(e.find("codes 1 and 2"), std::string::npos) << e;
}

TEST(SurveyCsv, RowsOfTheWrongWidthAndBadUtf8AreErrors) {
  const Codebook cb = parse_codebook(kCodebook, "cb.yaml");
  std::vector<Note> notes;
  EXPECT_NE(error_of([&] { read_survey_csv("knr,q1\n1,1,3\n", "s.csv", cb, "", 0, notes); }).find("s.csv:2"),
            std::string::npos);
  EXPECT_NE(error_of([&] { read_survey_csv("knr,q1\n1,1\n\xE5,1\n", "s.csv", cb, "", 0, notes); }).find("s.csv:3"),
            std::string::npos);
}

// ---- counting

TEST(Wilson, KnownValuesAndTheFinitePopulationCorrection) {
  auto [lo, hi] = wilson(0.5, 10, 0);
  EXPECT_NEAR(lo, 0.2365931, 1e-6);
  EXPECT_NEAR(hi, 0.7634069, 1e-6);
  auto [lo2, hi2] = wilson(0.2, 50, 0);
  EXPECT_NEAR(lo2, 0.1124375, 1e-6);
  EXPECT_NEAR(hi2, 0.3303711, 1e-6);
  auto [lo3, hi3] = wilson(0.3, 40, 40);  // a census: no sampling error
  EXPECT_DOUBLE_EQ(lo3, 0.3);
  EXPECT_DOUBLE_EQ(hi3, 0.3);
  auto [lo4, hi4] = wilson(0.3, 40, 100);  // narrower than without the correction
  auto [lo5, hi5] = wilson(0.3, 40, 0);
  EXPECT_GT(lo4, lo5);
  EXPECT_LT(hi4, hi5);
}

namespace {
/// True when some guarded hidden cell has a constraint whose other members are all visible.
bool singleton_exposed(const Grid& g) {
  for (const auto& con : g.constraints) {
    int hidden = 0, guarded = 0;
    for (int m : con) {
      hidden += g.cells[m].hidden;
      guarded += g.cells[m].hidden && g.cells[m].guard;
    }
    if (hidden == 1 && guarded == 1) return true;
  }
  return false;
}
}  // namespace

TEST(Disclosure, PrimaryAndSecondarySuppressionInRowsAndColumns) {
  // answers (rows) × two groups + total; columns add up to the bases
  //          A   B   Total
  // yes     10   2   12
  // no       5  20   25
  Grid g;
  int a1 = g.cell(10, true), b1 = g.cell(2, true), t1 = g.cell(12, true);
  int a2 = g.cell(5, true), b2 = g.cell(20, true), t2 = g.cell(25, true);
  g.constraint({a1, b1, t1});
  g.constraint({a2, b2, t2});
  g.constraint({a1, a2});  // base A published
  g.constraint({b1, b2});
  g.constraint({t1, t2});
  const ProtectStats st = protect(g, 3);
  EXPECT_EQ(st.primary, 1u);
  EXPECT_TRUE(g.cells[b1].hidden);
  EXPECT_TRUE(g.cells[b2].hidden);  // else b1 = base − b2
  EXPECT_TRUE(g.cells[a1].hidden || g.cells[t1].hidden);  // else b1 = t1 − a1
  EXPECT_FALSE(singleton_exposed(g));
  EXPECT_FALSE(st.leaked);
}

TEST(Disclosure, SmallGroupsAreNeverShownAndTheTotalGivesNothingAway) {
  Tab t;
  t.groups = {"Big", "Small", "Tiny", "", "Total"};
  t.lines = {"Yes", "No"};
  t.count = {{30, 2, 1, 0, 33}, {20, 3, 0, 0, 23}};
  t.wcount = t.count;
  t.base = {50, 5, 1, 0, 56};
  t.wbase = t.base;
  t.wsq = t.base;
  t.item_missing.assign(5, 0);
  t.units.assign(5, 0);
  protect_tab(t, 3);
  EXPECT_TRUE(t.shown[0]);
  EXPECT_FALSE(t.shown[2]);  // 1 respondent
  // Tiny alone would be Total − Big − Small: Small goes too (pool 6 ≥ 3)
  EXPECT_FALSE(t.shown[1]);
  EXPECT_TRUE(t.shown[4]);
  // Big's cells and the total's: Yes in the pool is 3, No 3: nothing below 3 can be worked out
  EXPECT_FALSE(t.hidden[0][0]);
}

TEST(Tabulate, RegisterGroupsResponseUnitsAndMissingKeys) {
  const Codebook cb = parse_codebook(kCodebook, "cb.yaml");
  std::vector<Note> notes;
  Wave w;
  w.data = read_survey_csv("knr,q1,q2_a,q2_b,q3\n301,1,1,0,1\n1101,2,1,1,2\n1103,1,0,1,\n9999,1,0,0,3\n", "s.csv",
                           cb, "", 0, notes);
  const Register reg = read_register("knr;size\n0301;2\n1101;1\n1103;1\n1106;1\n", "reg.csv", "knr", 0);
  w.unit_of = {0, 1, 2, -1};
  const Breakdown by = make_breakdown(w, cb, &reg, {"size"}, sdg::Language::En, "invited", notes);
  ASSERT_EQ(by.labels, (std::vector<std::string>{"Small", "Large"}));
  EXPECT_EQ(by.units, (std::vector<double>{3, 1}));
  EXPECT_EQ(by.without_group, 1u);
  Tab t = tabulate(w, *cb.find("q1"), &by, sdg::Language::En, notes);
  EXPECT_EQ(t.base[t.total()], 4);
  EXPECT_EQ(t.count[0][0], 1);  // Small, Yes: 1103
  EXPECT_EQ(t.count[0][1], 1);  // Large, Yes: 0301
  EXPECT_EQ(t.count[0][t.none()], 1);
  Tab m = tabulate(w, *cb.find("q3"), nullptr, sdg::Language::En, notes);
  EXPECT_EQ(m.base[m.total()], 3);  // 1103 gave no answer
  EXPECT_EQ(m.count[0][m.total()], 1);
  EXPECT_EQ(m.item_missing[m.total()], 1);
}

TEST(Register, KeysAreNormalisedAndDuplicatesRefused) {
  EXPECT_EQ(normalize_key("0301"), "301");
  EXPECT_EQ(key_of_number(301), "301");
  EXPECT_EQ(normalize_key(" K-03 "), "K-03");
  EXPECT_NE(error_of([] { read_register("knr\n0301\n301\n", "reg.csv", "knr", 0); }).find("reg.csv:3"),
            std::string::npos);
  EXPECT_NE(error_of([] { read_register("nr\n0301\n", "reg.csv", "knr", 0); }).find("no key column 'knr'"),
            std::string::npos);
}

// ---- a source entry end to end, files in memory

namespace {
Loaded load_mem(const Spec& spec, const std::map<std::string, std::string>& files) {
  ReadFile read = [&](const std::string& p, const sdg::Location& at) {
    auto it = files.find(p);
    if (it == files.end()) throw sdg::Error(sdg::ErrorCode::Input, "no file " + p, at);
    return it->second;
  };
  return load(spec, read, sdg::Language::En);
}
}  // namespace

TEST(Source, MissingRegisterKeysWarnAndAbsentQuestionsAreErrors) {
  Spec spec;
  spec.waves = {{"", "s.csv"}};
  spec.codebook = "cb.yaml";
  spec.register_file = "reg.csv";
  spec.by = {"size"};
  spec.questions = {"q1"};
  spec.questions_given = true;
  const std::map<std::string, std::string> files{
      {"cb.yaml", kCodebook},
      {"s.csv", "knr,q1\n301,1\n1101,2\n1103,1\n4242,1\n"},
      {"reg.csv", "knr;size\n0301;2\n1101;1\n1103;1\n"}};
  Loaded l = load_mem(spec, files);
  ASSERT_EQ(l.notes.size(), 1u);
  EXPECT_EQ(l.notes[0].code, sdg::Code::SurveyRegisterKeyMissing);
  EXPECT_EQ(l.notes[0].where, "s.csv:5");
  EXPECT_NE(l.notes[0].message.find("4242"), std::string::npos);
  const sdg::Blocks blocks = make_blocks(spec, l, sdg::Language::En, std::nullopt);
  EXPECT_FALSE(blocks.empty());
  // a question named in the definition but absent from the export
  Spec bad = spec;
  bad.questions = {"q2"};
  Loaded l2 = load_mem(bad, files);
  const std::string e = error_of([&] { make_blocks(bad, l2, sdg::Language::En, std::nullopt); });
  EXPECT_NE(e.find("s.csv"), std::string::npos) << e;
  EXPECT_NE(e.find("q2_a"), std::string::npos) << e;
  // one the codebook does not know
  bad.questions = {"q_nope"};
  EXPECT_NE(error_of([&] { make_blocks(bad, l2, sdg::Language::En, std::nullopt); }).find("'q_nope' is not in the codebook"),
            std::string::npos);
  // a CSV without a codebook
  Spec nocb = spec;
  nocb.codebook.clear();
  EXPECT_NE(error_of([&] { load_mem(nocb, files); }).find("needs a codebook"), std::string::npos);
}

TEST(Source, SuppressedCellsNeverEnterTheModel) {
  Spec spec;
  spec.waves = {{"", "s.csv"}};
  spec.codebook = "cb.yaml";
  spec.register_file = "reg.csv";
  spec.by = {"size"};
  spec.questions = {"q1"};
  spec.questions_given = true;
  spec.intervals = true;
  spec.counts = true;
  // Small: 10 respondents, 1 says yes; Large: 2 respondents (a group too small to show)
  std::string csv = "knr,q1\n", reg = "knr;size\n";
  for (int i = 0; i < 12; ++i) {
    csv += std::to_string(100 + i) + "," + (i == 0 || i == 11 ? "1" : "2") + "\n";
    reg += std::to_string(100 + i) + ";" + (i < 10 ? "1" : "2") + "\n";
  }
  Loaded l = load_mem(spec, {{"cb.yaml", kCodebook}, {"s.csv", csv}, {"reg.csv", reg}});
  const sdg::Blocks blocks = make_blocks(spec, l, sdg::Language::En, std::nullopt);
  const sdg::Table* t = nullptr;
  for (const sdg::Block& b : blocks)
    if (b.is<sdg::Table>()) t = &b.as<sdg::Table>();
  ASSERT_NE(t, nullptr);
  for (const sdg::Column& c : t->columns) EXPECT_EQ(c.label.find("Large"), std::string::npos) << c.label;
  std::size_t confidential = 0;
  for (std::size_t r = 0; r < t->data.rows(); ++r)
    for (std::size_t c = 0; c < t->data.columns(); ++c) {
      const sdg::CellView v = t->data.cell(r, c);
      if (v.status == sdg::ValueStatus::Confidential) {
        ++confidential;
        EXPECT_EQ(v.kind, sdg::Cell::Kind::Empty);  // no value behind the status
      }
      if (v.kind == sdg::Cell::Kind::Number) {
        EXPECT_NE(v.number, 10.0);  // 1 of 10 = 10 %
      }
    }
  EXPECT_GT(confidential, 0u);
}
