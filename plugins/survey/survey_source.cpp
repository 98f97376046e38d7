// sdgreport survey plugin — options, loading, and the blocks (tables, charts,
// indicator summaries) of the tabulated questions.
#include "survey_source.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <limits>
#include <set>
#include <sstream>

#include "sav_read.hpp"
#include "sdgreport/catalogue.hpp"
#include "sdgreport/error.hpp"
#include "sdgreport/i18n.hpp"
#include "survey_csv.hpp"
#include "sdgreport/files.hpp"
#include "sdgreport/text.hpp"

namespace sdg::survey {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

bool ends_with(const std::string& s, const std::string& e) {
  return s.size() >= e.size() && lower(std::string_view(s).substr(s.size() - e.size())) == e;
}

/// The words the tables use, per report language.
struct Words {
  const char* answer;
  const char* total;
  const char* change;
  const char* lower;
  const char* upper;
  const char* respondents;
  const char* mean;
  const char* median;
  const char* group;
  const char* invited;
  const char* responded;
  const char* rate;
  const char* share_of;
  const char* wave;
  const char* response_caption;
};

const Words& words(Language lang) {
  static const Words en{"Answer", "Total", "Change (percentage points)", "95 % CI, lower", "95 % CI, upper",
                        "Respondents", "Mean", "Median", "Group", "Invited", "Responded", "Response rate",
                        "share of respondents", "Wave", "Response rate"};
  static const Words nb{"Svar", "I alt", "Endring (prosentpoeng)", "95 % KI, nedre", "95 % KI, øvre",
                        "Svar (n)", "Gjennomsnitt", "Median", "Gruppe", "Invitert", "Svarte", "Svarprosent",
                        "andel av dem som svarte", "Runde", "Svarprosent"};
  static const Words nn{"Svar", "I alt", "Endring (prosentpoeng)", "95 % KI, nedre", "95 % KI, øvre",
                        "Svar (n)", "Gjennomsnitt", "Median", "Gruppe", "Invitert", "Svarte", "Svarprosent",
                        "del av dei som svarte", "Runde", "Svarprosent"};
  switch (lang) {
    case Language::Nb: return nb;
    case Language::Nn: return nn;
    case Language::En: break;
  }
  return en;
}

std::string num_text(double v, Language lang) { return format_number(v, 0, lang); }

std::string with_n(const std::string& label, double n, Language lang) {
  return label + " (n = " + num_text(n, lang) + ")";
}

/// A block with its origin ("source id / table id") and, when its text is in
/// another language than the report's, that language.
Block with_origin(Block b, const std::string& origin, const std::string& text_lang, Language report_lang) {
  b.origin = origin;
  if (!text_lang.empty() && !same_language(text_lang, report_lang) && is_language_tag(text_lang)) b.lang = text_lang;
  return b;
}

}  // namespace

Spec spec_of(const Options& opts) {
  Spec s;
  if (opts.has("file") && opts.has("waves"))
    throw opts.error("waves", "give either 'file' (one export) or 'waves' (several), not both");
  if (opts.has("file")) {
    s.waves.emplace_back("", opts.string("file"));
    s.file_at = opts.where_of("file");
  } else if (opts.has("waves")) {
    const Options w = opts.map("waves");
    for (const std::string& k : w.keys()) s.waves.emplace_back(k, w.string(k));
    if (s.waves.size() < 2) throw opts.error("waves", "give two or more exports, as label: file");
    s.waves_at = opts.where_of("waves");
  } else {
    throw opts.error("file", "give 'file' (the export: .sav, .zsav or .csv) or 'waves'");
  }
  s.codebook = opts.string_or("codebook", "");
  s.codebook_at = opts.where_of("codebook");
  s.register_file = opts.string_or("register", "");
  s.register_at = opts.where_of("register");
  s.key = opts.string_or("key", "");
  s.register_key = opts.string_or("register_key", "");
  s.invited = opts.string_or("invited", "invited");
  s.weight = opts.string_or("weight", "");
  const std::string d = opts.string_or("delimiter", "auto");
  s.delimiter = d == "auto" ? 0 : d == "tab" ? '\t' : d[0];
  s.min_n = static_cast<double>(opts.integer_or("min_n", 3));
  s.questions = opts.strings_or("questions", {});
  s.questions_given = opts.has("questions");
  s.questions_at = opts.where_of("questions");
  s.by = opts.strings_or("by", {});
  if (s.by.size() > 2) throw opts.error("by", "give one or two background variables");
  if (s.waves.size() > 1 && !s.by.empty())
    throw opts.error("by", "waves are compared for all respondents; a breakdown by group needs one export per entry");
  s.counts = opts.boolean_or("counts", false);
  s.intervals = opts.boolean_or("intervals", false);
  s.table = opts.boolean_or("table", true);
  s.indicators = opts.boolean_or("indicator_summaries", true);
  s.response_rate = opts.boolean_or("response_rate", false);
  s.chart = opts.string_or("chart", "auto");
  s.decimals = static_cast<int>(opts.integer_or("decimals", 0));
  s.id = opts.string_or("id", "");
  s.caption = opts.string_or("caption", "");
  s.source = opts.string_or("source", "");
  s.year = opts.string_or("year", "");
  if (s.response_rate && s.register_file.empty())
    throw opts.error("response_rate", "a response rate needs a register (the units invited)");
  return s;
}

Loaded load(const Spec& spec, const ReadFile& read, Language lang) {
  Loaded l;
  if (!spec.codebook.empty()) l.cb = parse_codebook(read(spec.codebook, spec.codebook_at), spec.codebook);
  for (const auto& [label, path] : spec.waves) {
    const Location at = spec.waves.size() > 1 ? spec.waves_at : spec.file_at;
    Wave w;
    w.label = label;
    const std::string bytes = read(path, at);
    if (ends_with(path, ".sav") || ends_with(path, ".zsav")) {
      w.data = read_sav(bytes, path);
      complete_from_dataset(l.cb, w.data, label);
      // codes with no label
      for (const Item& it : l.cb.items) {
        if (it.values.empty() || it.type == QType::Multiple || it.type == QType::Numeric || it.from_register) continue;
        const Variable* v = w.data.find(it.variable_in(label));
        if (!v || !v->numeric) continue;
        std::set<double> unknown;
        std::size_t first = 0;
        for (std::size_t r = 0; r < w.data.rows; ++r)
          if (v->is_valid(r) && !it.missing.is_missing(v->num[r]) && !it.value(v->num[r])) {
            if (unknown.empty()) first = r;
            unknown.insert(v->num[r]);
          }
        if (!unknown.empty()) {
          std::string list;
          for (double c : unknown) {
            char buf[32];
            std::snprintf(buf, sizeof buf, "%g", c);
            list += (list.empty() ? "" : ", ") + std::string(buf);
          }
          l.notes.push_back({Code::SurveyUnknownCode,
                             "variable '" + v->name + "': code " + list +
                                 " has no value label in the file or the codebook; kept as answers of their own, "
                                 "labelled with the code",
                             w.data.where(first)});
        }
      }
    } else {
      if (spec.codebook.empty())
        throw Error(ErrorCode::Definition,
                    "the CSV export '" + path + "' needs a codebook ('codebook: codebook.yaml'): a CSV does not say "
                    "what its codes mean",
                    at);
      w.data = read_survey_csv(bytes, path, l.cb, label, spec.delimiter, l.notes);
    }
    l.waves.push_back(std::move(w));
  }
  (void)lang;

  // weights
  const std::string weight = spec.weight.empty() ? l.cb.weight : spec.weight;
  if (!weight.empty() && weight != "none") {
    for (Wave& w : l.waves) {
      const Item* it = l.cb.find(weight);
      const std::string var = it ? it->variable_in(w.label) : weight;
      const Variable* v = w.data.find(var);
      if (!v || !v->numeric)
        throw Error(ErrorCode::Input, "the weight variable '" + var + "' is not a numeric variable of the export",
                    Location{w.data.file, 0, 0});
      w.weight.resize(w.data.rows);
      for (std::size_t r = 0; r < w.data.rows; ++r) {
        const double x = v->num[r];
        if (std::isnan(x) || x < 0 || !std::isfinite(x))
          throw Error(ErrorCode::Input, w.data.where(r) + ": weight '" + var + "' is missing or negative",
                      Location{w.data.file, r < w.data.lines.size() ? w.data.lines[r] : 0, 0});
        w.weight[r] = x;
      }
    }
  }

  // the register, joined on the key
  if (!spec.register_file.empty()) {
    std::string key = spec.key.empty() ? l.cb.key : spec.key;
    if (key.empty())
      throw Error(ErrorCode::Definition,
                  "a register needs the key that joins it: 'key: knr' (the variable in the export) or 'key:' in the codebook",
                  spec.register_at);
    const Item* key_item = l.cb.find(key);
    const std::string reg_key = spec.register_key.empty() ? (key_item ? key_item->variable_in("") : key) : spec.register_key;
    l.reg = read_register(read(spec.register_file, spec.register_at), spec.register_file, reg_key, spec.delimiter);
    for (Wave& w : l.waves) {
      const std::string var = key_item ? key_item->variable_in(w.label) : key;
      const Variable* v = w.data.find(var);
      if (!v)
        throw Error(ErrorCode::Input, "the key variable '" + var + "' is not in the export " + w.data.file,
                    Location{w.data.file, 0, 0});
      w.unit_of.assign(w.data.rows, -1);
      std::vector<std::string> missing_keys;
      std::size_t missing_count = 0, first_missing = 0;
      std::vector<long> seen(l.reg->units, -1);
      for (std::size_t r = 0; r < w.data.rows; ++r) {
        const std::string k = v->numeric ? key_of_number(v->num[r]) : normalize_key(v->str[r]);
        auto u = k.empty() ? std::nullopt : l.reg->find(k);
        if (!u) {
          if (missing_count++ == 0) first_missing = r;
          if (missing_keys.size() < 5) missing_keys.push_back(k.empty() ? "(empty)" : k);
          continue;
        }
        if (seen[*u] >= 0) {
          l.notes.push_back({Code::SurveyDuplicateRespondent,
                             "key '" + k + "' answers twice (also " + w.data.where(static_cast<std::size_t>(seen[*u])) +
                                 "); both answers are counted",
                             w.data.where(r)});
        }
        seen[*u] = static_cast<long>(r);
        w.unit_of[r] = static_cast<long>(*u);
      }
      if (missing_count) {
        std::string list;
        for (const auto& k : missing_keys) list += (list.empty() ? "" : ", ") + k;
        l.notes.push_back({Code::SurveyRegisterKeyMissing,
                           std::to_string(missing_count) + " respondent(s) with a key not in the register " +
                               l.reg->file + " (" + list + (missing_count > missing_keys.size() ? " …" : "") +
                               "): counted in totals, in no group",
                           w.data.where(first_missing)});
      }
    }
  }
  return l;
}

namespace {

/// Which items a source entry tabulates.
std::vector<const Item*> select_items(const Spec& spec, const Codebook& cb, std::optional<int> goal) {
  std::vector<const Item*> out;
  auto is_question = [](const Item& i) {
    return i.type != QType::Key && i.type != QType::Weight && i.type != QType::Background;
  };
  if (spec.questions_given) {
    for (const std::string& q : spec.questions) {
      const Item* it = cb.find(q);
      if (!it)
        throw Error(ErrorCode::Definition, "question '" + q + "' is not in the codebook or the export", spec.questions_at);
      if (goal && it->goal != *goal) continue;
      out.push_back(it);
    }
    return out;
  }
  for (const Item& i : cb.items) {
    if (!is_question(i) || i.from_register) continue;
    if (goal ? i.goal == *goal : i.goal == 0) out.push_back(&i);
  }
  return out;
}

bool present(const Wave& w, const Item& it) {
  if (!it.code_columns.empty()) {
    for (const std::string& col : it.code_columns)
      if (!w.data.find(col)) return false;
    return true;
  }
  if (it.type == QType::Multiple && !it.options.empty()) {
    for (const auto& [col, label] : it.options)
      if (!w.data.find(col)) return false;
    return true;
  }
  return w.data.find(it.variable_in(w.label)) != nullptr;
}

/// The codes counted in an item's headline share: `share:`, else for yes/no the first value.
std::vector<double> share_codes(const Item& it) {
  if (!it.share.empty()) return it.share;
  if (it.type == QType::YesNo && !it.values.empty()) return {it.values.front().code};
  return {};
}

struct Builder {
  const Spec& spec;
  Loaded& l;
  const Language lang;
  const Words& W;
  Blocks out;
  std::set<std::string> ids;

  std::string prefix() const { return spec.id.empty() ? "survey" : spec.id; }
  std::string table_id(const std::string& item) {
    // one question under an entry with an id: the id; else "<id or survey>-<question>"
    const std::string id = !spec.id.empty() && spec.questions.size() == 1 ? spec.id : prefix() + "-" + make_id(item);
    std::string unique = id;
    for (int k = 2; !ids.insert(unique).second; ++k) unique = id + "-" + std::to_string(k);
    return unique;
  }
  std::string table_id_exact(const std::string& id) {
    std::string unique = id;
    for (int k = 2; !ids.insert(unique).second; ++k) unique = id + "-" + std::to_string(k);
    return unique;
  }
  std::string source_note(const Wave& w) const {
    if (!spec.source.empty()) return spec.source;
    std::string f = w.data.file;
    if (auto s = f.find_last_of('/'); s != std::string::npos) f = f.substr(s + 1);
    return f;
  }
  Cell pct(double v) const { return Cell::of(v); }
  double share(const Tab& t, std::size_t l, std::size_t g) const {
    return t.wbase[g] > 0 ? 100.0 * t.wcount[l][g] / t.wbase[g] : kNaN;
  }
  std::pair<double, double> interval(const Tab& t, std::size_t l, std::size_t g) const {
    return interval_of(t, t.wcount[l][g], g);
  }
  /// The 95 % interval (in %) of a weighted count `wc` out of group g's answers.
  std::pair<double, double> interval_of(const Tab& t, double wc, std::size_t g) const {
    const double n = t.wsq[g] > 0 ? effective_n(t.wbase[g], t.wsq[g]) : t.base[g];
    auto [lo, hi] = wilson(wc / t.wbase[g], n, t.units[g]);
    return {100 * lo, 100 * hi};
  }
  /// Appends a value and its interval to a chart series (a gap when hidden).
  static void push(Series& s, std::optional<double> v, std::pair<double, double> ci) {
    s.values.push_back(v);
    s.lower.push_back(v ? std::optional<double>(ci.first) : std::nullopt);
    s.upper.push_back(v ? std::optional<double>(ci.second) : std::nullopt);
  }
  Column pct_col(const std::string& label) const { return Column{label, Column::Type::Number, "%", spec.decimals}; }
  Column n_col(const std::string& label) const { return Column{label, Column::Type::Number, "", 0}; }

  std::size_t ungrouped = 0;  ///< respondents of the breakdown in no group
  std::string note_origin;    ///< origin of the note under the table being made

  void note(const Tab& t, const std::string& extra = {}) {
    std::string s;
    const bool nb = is_norwegian(lang);
    const std::string mn = num_text(spec.min_n, lang);
    const std::size_t T = t.total();
    if (t.item_missing[T] > 0)
      s += nb ? num_text(t.item_missing[T], lang) + " svarte ikke på spørsmålet og er ikke med i prosentene. "
              : num_text(t.item_missing[T], lang) + " did not answer the question and are left out of the percentages. ";
    bool group_hidden = false;
    for (std::size_t g = 0; g + 2 < t.groups.size(); ++g) group_hidden = group_hidden || !t.shown[g];
    const bool cells = t.stats.primary + t.stats.secondary > 0;
    if (group_hidden)
      s += nb ? "Grupper med færre enn " + mn + " svar vises ikke. "
              : "Groups with fewer than " + mn + " respondents are not shown. ";
    if (cells)
      s += nb ? "«:» = færre enn " + mn + " svar, eller skjult slik at et slikt tall ikke kan regnes ut. "
              : "':' = fewer than " + mn + " respondents, or hidden so that such a figure cannot be worked out. ";
    if (ungrouped > 0)
      s += nb ? num_text(static_cast<double>(ungrouped), lang) + " svar hører ikke til noen gruppe og er bare med i «I alt». "
              : num_text(static_cast<double>(ungrouped), lang) + " respondent(s) belong to no group and are in the total only. ";
    s += extra;
    while (!s.empty() && s.back() == ' ') s.pop_back();
    if (!s.empty()) out.push_back(with_origin(Paragraph{{Inline::emphasis({Inline::plain(s)})}}, note_origin, "", lang));
  }

  std::string question_text(const Item& it, std::string* used) const {
    std::string q = it.question.get(lang, used);
    if (q.empty()) {
      q = it.id;
      if (used) used->clear();
    }
    return q;
  }

  /// One export: frequencies or a cross-tabulation.
  void crosstab(const Item& it, const Wave& w, const Breakdown* by) {
    Tab t = tabulate(w, it, by, lang, l.notes);
    protect_tab(t, spec.min_n);
    std::string used;
    const std::string q = question_text(it, &used);
    const std::size_t T = t.total();
    const std::string id = table_id(it.id);
    note_origin = prefix() + " / " + id;
    std::string caption = spec.caption.empty() || spec.questions.size() != 1 ? q : spec.caption;
    if (t.all_hidden) {
      out.push_back(with_origin(Paragraph{{Inline::strong({Inline::plain(caption)}), Inline::plain(": "),
                               Inline::plain(!is_norwegian(lang) ? "fewer than " + num_text(spec.min_n, lang) +
                                                                " respondents answered; not shown."
                                                          : "færre enn " + num_text(spec.min_n, lang) +
                                                                " svarte; vises ikke.")}},
                                note_origin, used, lang));
      return;
    }
    std::vector<std::size_t> cols;  // groups shown, then the total
    for (std::size_t g = 0; g + 2 < t.groups.size(); ++g)
      if (t.shown[g]) cols.push_back(g);
    cols.push_back(T);
    auto group_label = [&](std::size_t g) { return g == T ? std::string(W.total) : t.groups[g]; };

    Table tb;
    tb.id = id;
    tb.source = source_note(w);
    if (t.type == QType::Numeric) {
      caption += " (n = " + num_text(t.base[T], lang) + ")";
      tb.caption = caption;
      tb.columns = {Column{by ? W.group : W.answer, Column::Type::Text, "", 0}, n_col(W.respondents),
                    Column{W.mean, Column::Type::Number, "", 1}, Column{W.median, Column::Type::Number, "", 1}};
      for (std::size_t g : cols)
        tb.data.append_row({Cell::of(group_label(g)), Cell::of(t.base[g]), Cell::of(t.mean[g]), Cell::of(t.median[g])});
      if (spec.table) out.push_back(with_origin(std::move(tb), prefix() + " / " + id, used, lang));
      note(t);
      return;
    }
    caption += " (" + std::string(W.share_of) + ", n = " + num_text(t.base[T], lang) + ")";
    tb.caption = caption;
    tb.columns.push_back(Column{W.answer, Column::Type::Text, "", 0});
    for (std::size_t g : cols) {
      const std::string gl = by ? with_n(group_label(g), t.base[g], lang) : std::string("%");
      if (!by || spec.counts) tb.columns.push_back(n_col(by ? group_label(g) + ", n" : "n"));
      tb.columns.push_back(pct_col(by ? gl : std::string(W.answer) == "Svar" ? "Prosent" : "Percent"));
      if (spec.intervals) {
        tb.columns.push_back(pct_col((by ? group_label(g) + ", " : std::string()) + W.lower));
        tb.columns.push_back(pct_col((by ? group_label(g) + ", " : std::string()) + W.upper));
      }
    }
    for (std::size_t li = 0; li < t.lines.size(); ++li) {
      std::vector<Cell> row{Cell::of(t.lines[li])};
      for (std::size_t g : cols) {
        const bool hide = t.hidden[li][g];
        auto conf = [] { return Cell::missing(ValueStatus::Confidential); };
        if (!by || spec.counts) row.push_back(hide ? conf() : Cell::of(t.count[li][g]));
        row.push_back(hide ? conf() : Cell::of(share(t, li, g)));
        if (spec.intervals) {
          if (hide) {
            row.push_back(conf());
            row.push_back(conf());
          } else {
            auto [lo, hi] = interval(t, li, g);
            row.push_back(Cell::of(lo));
            row.push_back(Cell::of(hi));
          }
        }
      }
      tb.data.append_row(row);
    }
    if (t.additive) {  // the base: every group's answers add up to it
      std::vector<Cell> row{Cell::of(std::string(W.total))};
      for (std::size_t g : cols) {
        if (!by || spec.counts) row.push_back(Cell::of(t.base[g]));
        row.push_back(Cell::of(100.0));
        if (spec.intervals) {
          row.push_back(Cell::missing(ValueStatus::NotApplicable));
          row.push_back(Cell::missing(ValueStatus::NotApplicable));
        }
      }
      tb.data.append_row(row);
    }
    if (spec.table) out.push_back(with_origin(std::move(tb), prefix() + " / " + id, used, lang));
    note(t, !t.additive ? (!is_norwegian(lang) ? "Several answers could be given, so the shares add up to more than 100 %."
                                         : "Flere svar var mulig, så andelene summerer seg til mer enn 100 %.")
                        : std::string());
    if (spec.chart != "none" && t.type != QType::Text) chart(it, t, cols, by != nullptr, id, q, used, w);
    indicator(it, t, w, q);
  }

  void chart(const Item& it, const Tab& t, const std::vector<std::size_t>& cols, bool by, const std::string& id,
             const std::string& q, const std::string& used, const Wave& w) {
    Chart c;
    c.kind = spec.chart == "column" ? Chart::Kind::Column : Chart::Kind::Bar;
    c.id = id + "-chart";
    c.title = q;
    c.source = source_note(w);
    const std::size_t T = t.total();
    const std::vector<double> sc = share_codes(it);
    if (by && !sc.empty()) {
      // one share per group, with its interval
      Series s;
      s.name = sc.size() == 1 && it.value(sc[0]) ? it.value(sc[0])->label.get(lang) : q;
      s.unit = "%";
      for (std::size_t g : cols) {
        c.categories.push_back(g == T ? std::string(W.total) : t.groups[g]);
        double cnt = 0, wc = 0;
        bool hide = false;
        for (std::size_t li = 0; li < t.lines.size(); ++li)
          if (std::find(sc.begin(), sc.end(), t.codes[li]) != sc.end()) {
            cnt += t.count[li][g];
            wc += t.wcount[li][g];
            hide = hide || t.hidden[li][g];
          }
        (void)cnt;
        if (hide)
          push(s, std::nullopt, {});
        else
          push(s, 100.0 * wc / t.wbase[g], interval_of(t, wc, g));
      }
      c.series.push_back(std::move(s));
    } else if (by) {
      // one series per answer, groups as categories
      for (std::size_t g : cols) c.categories.push_back(g == T ? std::string(W.total) : t.groups[g]);
      for (std::size_t li = 0; li < t.lines.size(); ++li) {
        Series s;
        s.name = t.lines[li];
        s.unit = "%";
        for (std::size_t g : cols)
          if (t.hidden[li][g])
            push(s, std::nullopt, {});
          else
            push(s, share(t, li, g), interval(t, li, g));
        c.series.push_back(std::move(s));
      }
    } else {
      Series s;
      s.name = !is_norwegian(lang) ? "Share of respondents" : "Andel av dem som svarte";
      s.unit = "%";
      for (std::size_t li = 0; li < t.lines.size(); ++li) {
        c.categories.push_back(t.lines[li]);
        if (t.hidden[li][T])
          push(s, std::nullopt, {});
        else
          push(s, share(t, li, T), interval(t, li, T));
      }
      c.series.push_back(std::move(s));
    }
    c.alt = (!is_norwegian(lang) ? "Bar chart: " : "Stolpediagram: ") + q +
            (!is_norwegian(lang) ? ". The values are in the table above." : ". Tallene står i tabellen over.");
    out.push_back(with_origin(std::move(c), prefix() + " / " + id, used, lang));
  }

  void indicator(const Item& it, const Tab& t, const Wave& w, const std::string& q) {
    if (!spec.indicators || it.indicator.empty()) return;
    const std::vector<double> sc = share_codes(it);
    if (sc.empty()) return;
    const std::size_t T = t.total();
    IndicatorSummary s;
    s.indicator = it.indicator;
    s.national = !Catalogue::get().find_indicator(it.indicator);
    s.title = q;
    double wc = 0;
    bool hide = false;
    std::string names;
    for (std::size_t li = 0; li < t.lines.size(); ++li)
      if (std::find(sc.begin(), sc.end(), t.codes[li]) != sc.end()) {
        wc += t.wcount[li][T];
        hide = hide || t.hidden[li][T];
        names += (names.empty() ? "" : ", ") + t.lines[li];
      }
    if (!hide && t.wbase[T] > 0) s.value = 100.0 * wc / t.wbase[T];
    s.unit = "%";
    s.decimals = spec.decimals;
    s.series = (!is_norwegian(lang) ? "Share answering " : "Andel som svarte ") + names;
    s.year = !spec.year.empty() ? spec.year : w.label;
    s.source = source_note(w);
    out.push_back(with_origin(std::move(s), note_origin, "", lang));
  }

  /// Two or more exports side by side, with the change in percentage points.
  void waves(const Item& it) {
    std::string used;
    const std::string q = question_text(it, &used);
    const std::string id = table_id(it.id);
    note_origin = prefix() + " / " + id;
    std::vector<std::optional<Tab>> tabs;
    for (const Wave& w : l.waves) {
      if (!present(w, it)) {
        tabs.emplace_back();
        continue;
      }
      Tab t = tabulate(w, it, nullptr, lang, l.notes);
      protect_tab(t, spec.min_n);
      tabs.emplace_back(std::move(t));
    }
    if (std::none_of(tabs.begin(), tabs.end(), [](const auto& t) { return t.has_value(); }))
      throw Error(ErrorCode::Input, "question '" + it.id + "' (variable '" + it.variable_in("") + "') is in none of the exports",
                  spec.questions_at);
    if (it.type == QType::Numeric) throw Error(ErrorCode::Definition, "numeric question '" + it.id + "': waves compare shares; tabulate it per export");
    // lines: the union, in the order first met
    std::vector<std::string> lines;
    for (const auto& t : tabs)
      if (t)
        for (const std::string& s : t->lines)
          if (std::find(lines.begin(), lines.end(), s) == lines.end()) lines.push_back(s);
    Table tb;
    tb.id = id;
    tb.source = spec.source.empty() ? source_note(l.waves.back()) : spec.source;
    std::string caption = spec.caption.empty() || spec.questions.size() != 1 ? q : spec.caption;
    tb.caption = caption + " (" + W.share_of + ")";
    tb.columns.push_back(Column{W.answer, Column::Type::Text, "", 0});
    for (std::size_t k = 0; k < l.waves.size(); ++k) {
      const auto& t = tabs[k];
      tb.columns.push_back(pct_col(t && !t->all_hidden ? with_n(l.waves[k].label, t->base[t->total()], lang)
                                                       : l.waves[k].label));
      if (spec.intervals) {
        tb.columns.push_back(pct_col(l.waves[k].label + ", " + W.lower));
        tb.columns.push_back(pct_col(l.waves[k].label + ", " + W.upper));
      }
    }
    tb.columns.push_back(Column{W.change, Column::Type::Number, "", spec.decimals});
    Chart c;
    c.kind = spec.chart == "column" ? Chart::Kind::Column : Chart::Kind::Bar;
    c.id = id + "-chart";
    c.title = q;
    c.source = tb.source;
    for (std::size_t k = 0; k < l.waves.size(); ++k) {
      Series s;
      s.name = l.waves[k].label;
      s.unit = "%";
      c.series.push_back(std::move(s));
    }
    for (const std::string& line : lines) {
      std::vector<Cell> row{Cell::of(line)};
      std::vector<std::optional<double>> shares;
      for (std::size_t k = 0; k < l.waves.size(); ++k) {
        const auto& t = tabs[k];
        std::optional<double> v;
        ValueStatus st = ValueStatus::NotAvailable;
        std::pair<double, double> ci{};
        if (t) {
          const auto li = std::find(t->lines.begin(), t->lines.end(), line) - t->lines.begin();
          if (static_cast<std::size_t>(li) < t->lines.size()) {
            const std::size_t T = t->total();
            if (t->all_hidden || t->hidden[static_cast<std::size_t>(li)][T]) {
              st = ValueStatus::Confidential;
            } else {
              v = share(*t, static_cast<std::size_t>(li), T);
              ci = interval(*t, static_cast<std::size_t>(li), T);
            }
          }
        }
        shares.push_back(v);
        row.push_back(v ? Cell::of(*v) : Cell::missing(st));
        if (spec.intervals) {
          row.push_back(v ? Cell::of(ci.first) : Cell::missing(st));
          row.push_back(v ? Cell::of(ci.second) : Cell::missing(st));
        }
        push(c.series[k], v, ci);
      }
      // change from the first to the last wave: only when both are shown
      const auto& a = shares.front();
      const auto& b = shares.back();
      if (a && b) {
        row.push_back(Cell::of(*b - *a));
      } else {
        const bool conf = std::any_of(tabs.begin(), tabs.end(), [&](const auto&) { return false; });
        (void)conf;
        ValueStatus st = ValueStatus::NotAvailable;
        for (std::size_t k : {std::size_t{0}, l.waves.size() - 1})
          if (tabs[k] && !shares[k]) {
            const auto& t = tabs[k];
            const auto li = std::find(t->lines.begin(), t->lines.end(), line) - t->lines.begin();
            if (static_cast<std::size_t>(li) < t->lines.size()) st = ValueStatus::Confidential;
          }
        row.push_back(Cell::missing(st));
      }
      tb.data.append_row(row);
      c.categories.push_back(line);
    }
    if (spec.table) out.push_back(with_origin(std::move(tb), prefix() + " / " + id, used, lang));
    // one note for the waves
    std::string s;
    const bool en = !is_norwegian(lang);
    bool any_na = false;
    for (std::size_t k = 0; k < tabs.size(); ++k) {
      if (!tabs[k]) {
        any_na = true;
        continue;
      }
      const Tab& t = *tabs[k];
      if (t.item_missing[t.total()] > 0)
        s += (en ? l.waves[k].label + ": " + num_text(t.item_missing[t.total()], lang) + " did not answer. "
                 : l.waves[k].label + ": " + num_text(t.item_missing[t.total()], lang) + " svarte ikke. ");
    }
    if (any_na) s += en ? "'..' = the question was not asked in that wave. " : "«..» = spørsmålet ble ikke stilt det året. ";
    bool conf = false;
    for (const auto& t : tabs)
      if (t && (t->stats.primary + t->stats.secondary > 0 || t->all_hidden)) conf = true;
    if (conf)
      s += en ? "':' = fewer than " + num_text(spec.min_n, lang) + " respondents, or hidden so that such a figure cannot be worked out. "
              : "«:» = færre enn " + num_text(spec.min_n, lang) + " svar, eller skjult slik at et slikt tall ikke kan regnes ut. ";
    if (!s.empty()) {
      s.pop_back();
      out.push_back(with_origin(Paragraph{{Inline::emphasis({Inline::plain(s)})}}, prefix() + " / " + id, "", lang));
    }
    if (spec.chart != "none") {
      c.alt = (en ? "Bar chart: " : "Stolpediagram: ") + q + (en ? ", by wave. The values are in the table above." : ", etter år. Tallene står i tabellen over.");
      out.push_back(with_origin(std::move(c), prefix() + " / " + id, used, lang));
    }
    if (tabs.back()) indicator(it, *tabs.back(), l.waves.back(), q);
  }

  /// Answered / invited per group (the register's units).
  void response_rate(const Wave& w, const Breakdown& by) {
    const std::size_t G = by.labels.size();
    std::vector<double> responded(G + 1, 0), invited(G + 1, 0);
    for (std::size_t r = 0; r < w.data.rows; ++r) {
      const int g = by.of_respondent[r];
      if (g >= 0) responded[static_cast<std::size_t>(g)] += 1;
      responded[G] += 1;
    }
    for (std::size_t g = 0; g < G; ++g) {
      invited[g] = by.invited[g];
      invited[G] += by.invited[g];
    }
    // groups below min_n are not shown; pool more until the total gives away min_n or more
    std::vector<bool> shown(G);
    for (std::size_t g = 0; g < G; ++g) shown[g] = responded[g] >= spec.min_n;
    for (;;) {
      double pool = static_cast<double>(by.without_group);
      for (std::size_t g = 0; g < G; ++g)
        if (!shown[g]) pool += responded[g];
      if (pool == 0 || pool >= spec.min_n) break;
      std::size_t pick = G;
      for (std::size_t g = 0; g < G; ++g)
        if (shown[g] && (pick == G || responded[g] < responded[pick])) pick = g;
      if (pick == G) break;
      shown[pick] = false;
    }
    // an entry that asks for the response rate alone gives its table the entry's id
    const std::string id = spec.questions_given && spec.questions.empty() && !spec.id.empty()
                               ? table_id_exact(spec.id)
                               : table_id("response-rate");
    Table tb;
    tb.id = id;
    tb.caption = std::string(W.response_caption) + (!is_norwegian(lang) ? ", by " : " etter ") + lower_first(by.title);
    tb.source = source_note(w);
    tb.columns = {Column{by.title, Column::Type::Text, "", 0}, n_col(W.invited), n_col(W.responded),
                  pct_col(W.rate)};
    if (spec.intervals) {
      tb.columns.push_back(pct_col(W.lower));
      tb.columns.push_back(pct_col(W.upper));
    }
    bool any_hidden = false;
    for (std::size_t g = 0; g <= G; ++g) {
      if (g < G && !shown[g]) {
        any_hidden = any_hidden || responded[g] > 0 || invited[g] > 0;
        continue;
      }
      std::vector<Cell> row{Cell::of(g == G ? std::string(W.total) : by.labels[g]), Cell::of(invited[g]),
                            Cell::of(responded[g])};
      if (invited[g] > 0) {
        row.push_back(Cell::of(100.0 * responded[g] / invited[g]));
        if (spec.intervals) {
          auto [lo, hi] = wilson(responded[g] / invited[g], invited[g], 0);
          row.push_back(Cell::of(100 * lo));
          row.push_back(Cell::of(100 * hi));
        }
      } else {
        row.push_back(Cell::missing(ValueStatus::NotApplicable));
        if (spec.intervals) {
          row.push_back(Cell::missing(ValueStatus::NotApplicable));
          row.push_back(Cell::missing(ValueStatus::NotApplicable));
        }
      }
      tb.data.append_row(row);
    }
    out.push_back(with_origin(std::move(tb), prefix() + " / " + id, "", lang));
    std::string s;
    const std::string mn = num_text(spec.min_n, lang);
    if (any_hidden)
      s += !is_norwegian(lang) ? "Groups with fewer than " + mn + " respondents are not shown; they are in the total. "
                        : "Grupper med færre enn " + mn + " svar vises ikke; de er med i totalen. ";
    if (by.without_group)
      s += !is_norwegian(lang) ? num_text(static_cast<double>(by.without_group), lang) + " respondent(s) could not be placed in a group. "
                        : num_text(static_cast<double>(by.without_group), lang) + " svar kunne ikke plasseres i en gruppe. ";
    if (!s.empty()) {
      s.pop_back();
      out.push_back(with_origin(Paragraph{{Inline::emphasis({Inline::plain(s)})}}, prefix() + " / " + id, "", lang));
    }
  }

  static std::string lower_first(std::string s) {
    if (!s.empty() && s[0] >= 'A' && s[0] <= 'Z') s[0] = static_cast<char>(s[0] - 'A' + 'a');
    return s;
  }
};

}  // namespace

Blocks make_blocks(const Spec& spec, Loaded& l, Language lang, std::optional<int> goal) {
  Builder b{spec, l, lang, words(lang), {}, {}, 0, {}};
  const Register* reg = l.reg ? &*l.reg : nullptr;
  std::optional<Breakdown> by;
  if (!spec.by.empty()) {
    by = make_breakdown(l.waves.front(), l.cb, reg, spec.by, lang, spec.invited, l.notes);
    b.ungrouped = by->without_group;
  }
  if (spec.response_rate && by && !goal) b.response_rate(l.waves.front(), *by);
  for (const Item* it : select_items(spec, l.cb, goal)) {
    if (l.waves.size() > 1) {
      b.waves(*it);
      continue;
    }
    const Wave& w = l.waves.front();
    if (!present(w, *it)) {
      std::string missing = it->variable_in(w.label);
      for (const auto& [col, label] : it->options)
        if (!w.data.find(col)) {
          missing = col;
          break;
        }
      for (const std::string& col : it->code_columns)
        if (!w.data.find(col)) {
          missing = col;
          break;
        }
      throw Error(ErrorCode::Input,
                  "question '" + it->id + "': variable '" + missing + "' is not in the export " + w.data.file,
                  spec.questions_at.empty() ? spec.file_at : spec.questions_at);
    }
    b.crosstab(*it, w, by ? &*by : nullptr);
  }
  return std::move(b.out);
}

void SurveySource::fill(const SourceRequest& req, Section& target, Context& ctx) {
  Spec spec = spec_of(req.options);
  auto resolve = [&](std::string& p) {
    if (!p.empty()) p = ctx.resolve(p).string();
  };
  for (auto& [label, path] : spec.waves) resolve(path);
  resolve(spec.codebook);
  resolve(spec.register_file);
  ReadFile read = [](const std::string& path, const Location& where) {
    return read_file(path, ErrorCode::Input, "survey file '" + path + "'", where);
  };
  Loaded l = load(spec, read, ctx.language());
  Blocks blocks = make_blocks(spec, l, ctx.language(), req.goal);
  for (const Note& n : l.notes) ctx.warn(n.code, n.message, n.where);
  try {
    target.add_blocks(std::move(blocks));
  } catch (const Error& e) {
    throw Error(ErrorCode::Input, "survey: " + e.message(), req.options.where());
  }
}

}  // namespace sdg::survey
