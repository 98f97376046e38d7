// sdgreport survey plugin — counting answers by group, and disclosure control.
#include "tabulate.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <limits>
#include <map>
#include <set>

#include "sdgreport/error.hpp"
#include "sdgreport/numbers.hpp"
#include "survey_limits.hpp"

namespace sdg::survey {
namespace {

/// Categories of one background variable, by code and by text.
struct Categories {
  std::vector<std::string> labels;
  std::map<double, int> by_code;
  std::map<std::string, int> by_text;

  int add(const std::string& label) {
    if (labels.size() >= survey_limits().groups)
      throw Error(ErrorCode::Input, survey_limit_message("groups", survey_limits().groups, "background categories"));
    labels.push_back(label);
    return static_cast<int>(labels.size()) - 1;
  }
  int of_code(double c, const Item* item, Language lang) {
    if (auto it = by_code.find(c); it != by_code.end()) return it->second;
    const int i = add(item && item->value(c) ? item->value(c)->label.get(lang) : code_text(c));
    by_code[c] = i;
    return i;
  }
  int of_text(const std::string& t) {
    if (auto it = by_text.find(t); it != by_text.end()) return it->second;
    const int i = add(t);
    by_text[t] = i;
    return i;
  }
  void seed(const Item* item, Language lang) {
    if (!item) return;
    for (const ValueDef& v : item->values)
      if (!item->missing.is_missing(v.code)) of_code(v.code, item, lang);
  }
};

/// One background variable: the category of each respondent and register unit.
struct Resolved {
  std::string title;
  Categories cats;
  std::vector<int> resp;   // per respondent
  std::vector<int> unit;   // per register unit; empty = not from the register
};

int category_of_text(Categories& cats, const Item* item, const std::string& text, Language lang) {
  if (text.empty()) return -1;
  if (auto p = parse_number(text); p && std::isfinite(p->value) && p->unit.empty()) {
    if (item && item->missing.is_missing(p->value)) return -1;
    return cats.of_code(p->value, item, lang);
  }
  if (item)
    for (const ValueDef& v : item->values)
      for (const auto& [l, label] : v.label.by_lang)
        if (label == text) return cats.of_code(v.code, item, lang);
  return cats.of_text(text);
}

Resolved resolve(const Wave& w, const Codebook& cb, const Register* reg, const std::string& name,
                 Language lang) {
  Resolved r;
  const Item* item = cb.find(name);
  const std::string var = item ? item->variable_in(w.label) : name;
  r.title = item && !item->question.empty() ? item->question.get(lang) : name;
  r.cats.seed(item, lang);
  const Variable* v = w.data.find(var);
  const bool from_register = (item && item->from_register) || (!v && reg && reg->column(var));
  if (from_register) {
    if (!reg)
      throw Error(ErrorCode::Definition, "background variable '" + name + "' comes from the register, but no register is given");
    const std::vector<std::string>* col = reg->column(var);
    if (!col)
      throw Error(ErrorCode::Input, "background variable '" + var + "' is not a column of the register",
                  Location{reg->file, 1, 0});
    r.unit.resize(reg->units);
    for (std::size_t u = 0; u < reg->units; ++u) r.unit[u] = category_of_text(r.cats, item, (*col)[u], lang);
    r.resp.resize(w.data.rows, -1);
    for (std::size_t i = 0; i < w.data.rows; ++i)
      if (i < w.unit_of.size() && w.unit_of[i] >= 0) r.resp[i] = r.unit[static_cast<std::size_t>(w.unit_of[i])];
    return r;
  }
  if (!v)
    throw Error(ErrorCode::Input,
                "background variable '" + var + "' is neither in the export" +
                    (reg ? " nor in the register" : "") + (item ? "" : " nor in the codebook"),
                Location{w.data.file, 0, 0});
  r.resp.resize(w.data.rows, -1);
  std::set<double> unknown;
  for (std::size_t i = 0; i < w.data.rows; ++i) {
    if (!v->is_valid(i)) continue;
    if (v->numeric) {
      const double c = v->num[i];
      if (item && !item->values.empty() && !item->value(c)) unknown.insert(c);
      r.resp[i] = r.cats.of_code(c, item, lang);
    } else {
      r.resp[i] = category_of_text(r.cats, item, v->str[i], lang);
    }
  }
  return r;
}

}  // namespace

std::pair<double, double> wilson(double p, double n, double N) {
  if (n <= 0) return {0, 0};
  double z = 1.959963984540054;
  if (N > 0) z *= (n >= N || N <= 1) ? 0.0 : std::sqrt((N - n) / (N - 1));
  const double z2 = z * z;
  const double denom = 1 + z2 / n;
  const double centre = (p + z2 / (2 * n)) / denom;
  const double half = z / denom * std::sqrt(std::max(0.0, p * (1 - p) / n + z2 / (4 * n * n)));
  return {std::max(0.0, centre - half), std::min(1.0, centre + half)};
}

Breakdown make_breakdown(const Wave& w, const Codebook& cb, const Register* reg, const std::vector<std::string>& by,
                         Language lang, const std::string& invited_column, std::vector<Note>& notes) {
  (void)notes;
  Breakdown out;
  std::vector<Resolved> parts;
  for (const std::string& name : by) parts.push_back(resolve(w, cb, reg, name, lang));
  if (parts.empty()) return out;
  const bool from_register = std::all_of(parts.begin(), parts.end(), [](const Resolved& r) { return !r.unit.empty(); });
  const std::size_t n1 = parts[0].cats.labels.size();
  const std::size_t n2 = parts.size() > 1 ? parts[1].cats.labels.size() : 1;
  if (n1 * n2 > survey_limits().groups)
    throw Error(ErrorCode::Input, survey_limit_message("groups", survey_limits().groups,
                                                       std::to_string(n1 * n2) + " combinations of background categories"));
  auto combine = [&](std::size_t i, auto pick) -> int {
    const int a = pick(parts[0], i);
    if (a < 0) return -1;
    if (parts.size() == 1) return a;
    const int b = pick(parts[1], i);
    if (b < 0) return -1;
    return a * static_cast<int>(n2) + b;
  };
  std::vector<int> resp(w.data.rows), unit;
  for (std::size_t i = 0; i < w.data.rows; ++i) resp[i] = combine(i, [](const Resolved& r, std::size_t k) { return r.resp[k]; });
  if (from_register && reg) {
    unit.resize(reg->units);
    for (std::size_t u = 0; u < reg->units; ++u) unit[u] = combine(u, [](const Resolved& r, std::size_t k) { return r.unit[k]; });
  }
  // keep the combinations that occur (in respondents or register units)
  std::vector<int> used(n1 * n2, 0);
  for (int g : resp)
    if (g >= 0) used[static_cast<std::size_t>(g)] = 1;
  for (int g : unit)
    if (g >= 0) used[static_cast<std::size_t>(g)] = 1;
  if (parts.size() == 1)  // categories of a single variable stay, even when empty
    std::fill(used.begin(), used.end(), 1);
  std::vector<int> remap(n1 * n2, -1);
  for (std::size_t g = 0; g < n1 * n2; ++g) {
    if (!used[g]) continue;
    remap[g] = static_cast<int>(out.labels.size());
    out.labels.push_back(parts.size() == 1 ? parts[0].cats.labels[g]
                                           : parts[0].cats.labels[g / n2] + ", " + parts[1].cats.labels[g % n2]);
  }
  out.title = parts.size() == 1 ? parts[0].title : parts[0].title + " × " + parts[1].title;
  out.of_respondent.resize(w.data.rows);
  for (std::size_t i = 0; i < w.data.rows; ++i) {
    out.of_respondent[i] = resp[i] < 0 ? -1 : remap[static_cast<std::size_t>(resp[i])];
    if (out.of_respondent[i] < 0) ++out.without_group;
  }
  if (from_register && reg) {
    out.units.assign(out.labels.size(), 0);
    out.invited.assign(out.labels.size(), 0);
    const std::vector<std::string>* inv = reg->column(invited_column);
    for (std::size_t u = 0; u < reg->units; ++u) {
      if (unit[u] < 0) continue;
      const auto g = static_cast<std::size_t>(remap[static_cast<std::size_t>(unit[u])]);
      out.units[g] += 1;
      bool invited = true;
      if (inv) {
        const std::string& t = (*inv)[u];
        invited = !(t == "0" || t == "no" || t == "No" || t == "nei" || t == "Nei" || t == "false" || t.empty());
      }
      if (invited) out.invited[g] += 1;
    }
  }
  return out;
}

Tab tabulate(const Wave& w, const Item& item, const Breakdown* by, Language lang, std::vector<Note>& notes) {
  Tab t;
  t.type = item.type;
  const Dataset& d = w.data;
  const std::size_t G = by ? by->labels.size() : 0;
  if (by) t.groups = by->labels;
  t.groups.push_back("");        // respondents in no group
  t.groups.push_back("Total");   // the caller names it
  const std::size_t ng = t.groups.size();
  t.base.assign(ng, 0);
  t.wbase.assign(ng, 0);
  t.wsq.assign(ng, 0);
  t.item_missing.assign(ng, 0);
  t.units.assign(ng, 0);
  if (by && !by->units.empty()) {
    for (std::size_t g = 0; g < G; ++g) {
      t.units[g] = by->units[g];
      t.units[ng - 1] += by->units[g];
    }
  }
  auto group_of = [&](std::size_t row) -> std::size_t {
    if (!by) return G;
    const int g = by->of_respondent[row];
    return g < 0 ? G : static_cast<std::size_t>(g);
  };
  auto weight_of = [&](std::size_t row) { return w.weight.empty() ? 1.0 : w.weight[row]; };
  auto add_line = [&](const std::string& label, double code) {
    if (t.lines.size() >= survey_limits().categories)
      throw Error(ErrorCode::Input, "question '" + item.id + "': " +
                                        survey_limit_message("categories", survey_limits().categories, "answers"),
                  Location{d.file, 0, 0});
    t.lines.push_back(label);
    t.codes.push_back(code);
    t.count.emplace_back(ng, 0.0);
    t.wcount.emplace_back(ng, 0.0);
    return t.lines.size() - 1;
  };
  auto count_base = [&](std::size_t g, double wt) {
    for (std::size_t k : {g, ng - 1}) {
      t.base[k] += 1;
      t.wbase[k] += wt;
      t.wsq[k] += wt * wt;
    }
  };
  auto count_line = [&](std::size_t l, std::size_t g, double wt) {
    for (std::size_t k : {g, ng - 1}) {
      t.count[l][k] += 1;
      t.wcount[l][k] += wt;
    }
  };
  auto missing_answer = [&](std::size_t g) {
    t.item_missing[g] += 1;
    t.item_missing[ng - 1] += 1;
  };
  auto require = [&](const std::string& var) -> const Variable& {
    const Variable* v = d.find(var);
    if (!v)
      throw Error(ErrorCode::Input, "question '" + item.id + "': variable '" + var + "' is not in the export " + d.file,
                  Location{d.file, 0, 0});
    return *v;
  };

  switch (item.type) {
    case QType::Key:
    case QType::Weight:
      throw Error(ErrorCode::Definition, "'" + item.id + "' is the " + qtype_name(item.type) + " variable, not a question");
    case QType::Single:
    case QType::Scale:
    case QType::YesNo:
    case QType::Background: {
      const Variable& v = require(item.variable_in(w.label));
      if (!v.numeric)
        throw Error(ErrorCode::Input, "question '" + item.id + "' (" + qtype_name(item.type) +
                                          "): variable '" + v.name + "' holds text, not codes",
                    Location{d.file, 0, 0});
      std::map<double, std::size_t> line_of;
      for (const ValueDef& vd : item.values)
        if (!item.missing.is_missing(vd.code) && !v.missing.is_missing(vd.code))
          line_of[vd.code] = add_line(vd.label.get(lang), vd.code);
      // codes the codebook does not list: lines of their own, in code order
      std::set<double> extra;
      for (std::size_t r = 0; r < d.rows; ++r)
        if (v.is_valid(r) && !item.missing.is_missing(v.num[r]) && !line_of.count(v.num[r])) extra.insert(v.num[r]);
      for (double c : extra) line_of[c] = add_line(code_text(c), c);
      for (std::size_t r = 0; r < d.rows; ++r) {
        const std::size_t g = group_of(r);
        if (!v.is_valid(r) || item.missing.is_missing(v.num[r])) {
          missing_answer(g);
          continue;
        }
        count_base(g, weight_of(r));
        count_line(line_of[v.num[r]], g, weight_of(r));
      }
      break;
    }
    case QType::Multiple: {
      t.additive = false;
      if (!item.options.empty()) {
        std::vector<const Variable*> cols;
        for (const auto& [col, label] : item.options) {
          cols.push_back(&require(col));
          add_line(label.get(lang), std::numeric_limits<double>::quiet_NaN());
        }
        for (std::size_t r = 0; r < d.rows; ++r) {
          const std::size_t g = group_of(r);
          bool answered = false;
          for (const Variable* c : cols) answered = answered || (c->numeric ? c->is_valid(r) : false);
          if (!answered) {
            missing_answer(g);
            continue;
          }
          count_base(g, weight_of(r));
          for (std::size_t l = 0; l < cols.size(); ++l)
            if (cols[l]->is_valid(r) && cols[l]->num[r] == item.counted) count_line(l, g, weight_of(r));
        }
      } else if (!item.code_columns.empty()) {
        // an SPSS category set: the codes found in its columns are the answers chosen
        std::vector<const Variable*> cols;
        for (const std::string& col : item.code_columns) cols.push_back(&require(col));
        std::map<double, std::size_t> line_of;
        for (const ValueDef& vd : item.values)
          if (!item.missing.is_missing(vd.code)) line_of[vd.code] = add_line(vd.label.get(lang), vd.code);
        for (std::size_t r = 0; r < d.rows; ++r) {
          const std::size_t g = group_of(r);
          std::vector<double> chosen;
          for (const Variable* c : cols)
            if (c->numeric && c->is_valid(r) && std::find(chosen.begin(), chosen.end(), c->num[r]) == chosen.end())
              chosen.push_back(c->num[r]);
          if (chosen.empty()) {
            missing_answer(g);
            continue;
          }
          count_base(g, weight_of(r));
          for (double c : chosen) {
            auto it = line_of.find(c);
            if (it == line_of.end()) it = line_of.emplace(c, add_line(code_text(c), c)).first;
            count_line(it->second, g, weight_of(r));
          }
        }
      } else {
        const Variable& v = require(item.variable_in(w.label));
        std::map<double, std::size_t> line_of;
        for (const ValueDef& vd : item.values)
          if (!item.missing.is_missing(vd.code)) line_of[vd.code] = add_line(vd.label.get(lang), vd.code);
        const char delim = item.delimiter.empty() ? ';' : item.delimiter[0];
        std::set<double> unknown;
        for (std::size_t r = 0; r < d.rows; ++r) {
          const std::size_t g = group_of(r);
          std::vector<double> chosen;
          if (v.numeric) {
            if (v.is_valid(r) && !item.missing.is_missing(v.num[r])) chosen.push_back(v.num[r]);
          } else if (v.is_valid(r)) {
            const std::string& s = v.str[r];
            std::size_t start = 0;
            while (start <= s.size()) {
              std::size_t end = s.find(delim, start);
              if (end == std::string::npos) end = s.size();
              const std::string_view tok = trim_spaces(std::string_view(s).substr(start, end - start));
              if (!tok.empty()) {
                auto p = parse_number(tok);
                if (!p || !std::isfinite(p->value))
                  throw Error(ErrorCode::Input,
                              d.where(r) + ": question '" + item.id + "': '" + std::string(tok) +
                                  "' in a delimited multiple-choice answer is not a code",
                              Location{d.file, r < d.lines.size() ? d.lines[r] : 0, 0});
                if (!item.missing.is_missing(p->value) &&
                    std::find(chosen.begin(), chosen.end(), p->value) == chosen.end())
                  chosen.push_back(p->value);
              }
              start = end + 1;
            }
          }
          if (chosen.empty()) {
            missing_answer(g);
            continue;
          }
          count_base(g, weight_of(r));
          for (double c : chosen) {
            auto it = line_of.find(c);
            if (it == line_of.end()) {
              unknown.insert(c);
              it = line_of.emplace(c, add_line(code_text(c), c)).first;
            }
            count_line(it->second, g, weight_of(r));
          }
        }
        if (!unknown.empty()) {
          std::string list;
          for (double c : unknown) list += (list.empty() ? "" : ", ") + code_text(c);
          notes.push_back({Code::SurveyUnknownCode,
                           "question '" + item.id + "': code " + list +
                               " is not in the codebook; kept as answers of their own, labelled with the code",
                           d.file});
        }
      }
      break;
    }
    case QType::Text: {
      t.additive = false;
      const Variable& v = require(item.variable_in(w.label));
      add_line(is_norwegian(lang) ? "Svar i fritekst" : "Answered in free text",
               std::numeric_limits<double>::quiet_NaN());
      for (std::size_t r = 0; r < d.rows; ++r) {
        const std::size_t g = group_of(r);
        count_base(g, weight_of(r));
        if (v.is_valid(r)) count_line(0, g, weight_of(r));
      }
      break;
    }
    case QType::Numeric: {
      const Variable& v = require(item.variable_in(w.label));
      if (!v.numeric)
        throw Error(ErrorCode::Input, "question '" + item.id + "' (numeric): variable '" + v.name + "' holds text",
                    Location{d.file, 0, 0});
      std::vector<std::vector<double>> values(ng);
      std::vector<double> sum(ng, 0);
      for (std::size_t r = 0; r < d.rows; ++r) {
        const std::size_t g = group_of(r);
        if (!v.is_valid(r) || item.missing.is_missing(v.num[r])) {
          missing_answer(g);
          continue;
        }
        count_base(g, weight_of(r));
        for (std::size_t k : {g, ng - 1}) {
          values[k].push_back(v.num[r]);
          sum[k] += weight_of(r) * v.num[r];
        }
      }
      t.mean.assign(ng, std::numeric_limits<double>::quiet_NaN());
      t.median.assign(ng, std::numeric_limits<double>::quiet_NaN());
      for (std::size_t g = 0; g < ng; ++g) {
        if (values[g].empty()) continue;
        t.mean[g] = sum[g] / t.wbase[g];
        auto& xs = values[g];
        std::sort(xs.begin(), xs.end());
        const std::size_t m = xs.size() / 2;
        t.median[g] = xs.size() % 2 ? xs[m] : (xs[m - 1] + xs[m]) / 2;
      }
      break;
    }
  }
  return t;
}

void protect_tab(Tab& t, double min_n) {
  const std::size_t ng = t.groups.size();
  const std::size_t T = t.total();
  t.shown.assign(ng, false);
  t.hidden.assign(t.lines.size(), std::vector<bool>(ng, true));
  if (t.base[T] < min_n) {
    t.all_hidden = true;
    return;
  }
  t.shown[T] = true;
  for (std::size_t g = 0; g + 2 < ng; ++g) t.shown[g] = t.base[g] >= min_n;
  // what the total gives away about the groups not shown must be min_n or more
  for (;;) {
    double pool = 0;
    for (std::size_t g = 0; g < T; ++g)
      if (!t.shown[g]) pool += t.base[g];
    if (pool == 0 || pool >= min_n) break;
    std::size_t pick = T;
    for (std::size_t g = 0; g + 2 < ng; ++g)
      if (t.shown[g] && (pick == T || t.base[g] < t.base[pick])) pick = g;
    if (pick == T) break;
    t.shown[pick] = false;
  }
  if (t.lines.empty()) return;

  Grid grid;
  const std::size_t L = t.lines.size();
  std::vector<std::vector<int>> cell(L, std::vector<int>(ng, -1)), comp(L, std::vector<int>(ng, -1));
  for (std::size_t l = 0; l < L; ++l)
    for (std::size_t g = 0; g < ng; ++g) {
      cell[l][g] = grid.cell(t.count[l][g], t.shown[g]);
      if (!t.additive) comp[l][g] = grid.cell(t.base[g] - t.count[l][g], false);
    }
  for (std::size_t l = 0; l < L; ++l) {
    grid.constraint(cell[l]);  // the groups add up to the total
    if (!t.additive) {
      grid.constraint(comp[l]);
      for (std::size_t g = 0; g < ng; ++g)
        if (t.shown[g]) grid.constraint({cell[l][g], comp[l][g]});  // share and complement: the base
    }
  }
  if (t.additive)
    for (std::size_t g = 0; g < ng; ++g)
      if (t.shown[g]) {
        std::vector<int> col;
        for (std::size_t l = 0; l < L; ++l) col.push_back(cell[l][g]);
        grid.constraint(col);  // the answers of a group add up to its base
      }
  // the groups not shown, together: their base is the total's minus the others'
  std::vector<int> pooled;
  for (std::size_t g = 0; g < T; ++g)
    if (!t.shown[g])
      for (std::size_t l = 0; l < L; ++l) {
        pooled.push_back(cell[l][g]);
      }
  if (t.additive && !pooled.empty()) grid.constraint(pooled);
  t.stats = protect(grid, min_n);
  for (std::size_t l = 0; l < L; ++l)
    for (std::size_t g = 0; g < ng; ++g) t.hidden[l][g] = t.stats.leaked || grid.cells[cell[l][g]].hidden;
}

}  // namespace sdg::survey
