// sdgreport survey plugin — reading the codebook (yaml-cpp). Only the shapes the
// codebook documents are walked, never a generic recursion, so nesting is bounded.
#include "codebook.hpp"

#include <cstdio>

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <cmath>
#include <set>

#include "sdgreport/catalogue.hpp"
#include "sdgreport/error.hpp"
#include "sdgreport/model.hpp"
#include "sdgreport/numbers.hpp"
#include "survey_limits.hpp"

namespace sdg::survey {

const char* qtype_name(QType t) noexcept {
  switch (t) {
    case QType::Single: return "single";
    case QType::Multiple: return "multiple";
    case QType::Scale: return "scale";
    case QType::YesNo: return "yesno";
    case QType::Numeric: return "numeric";
    case QType::Text: return "text";
    case QType::Background: return "background";
    case QType::Key: return "key";
    case QType::Weight: return "weight";
  }
  return "?";
}

std::string Text::get(Language lang, std::string* used) const {
  auto pick = [&](const std::string& l) -> const std::string* {
    auto it = by_lang.find(l);
    return it == by_lang.end() ? nullptr : &it->second;
  };
  // Nynorsk falls back on Bokmål and the other way round before English
  const Language sibling = lang == Language::Nn ? Language::Nb : lang == Language::Nb ? Language::Nn : lang;
  for (const std::string& l : {std::string(language_code(lang)), std::string(), std::string(language_code(sibling)),
                               std::string(language_code(Language::En))}) {
    if (const std::string* s = pick(l)) {
      if (used) *used = l;
      return *s;
    }
  }
  if (by_lang.empty()) {
    if (used) used->clear();
    return {};
  }
  if (used) *used = by_lang.begin()->first;
  return by_lang.begin()->second;
}

std::string Text::neutral() const {
  for (const std::string& l : {std::string(), std::string(language_code(Language::En))})
    if (auto it = by_lang.find(l); it != by_lang.end()) return it->second;
  return by_lang.empty() ? std::string() : by_lang.begin()->second;
}

std::string Item::variable_in(const std::string& wave) const {
  if (auto it = variable.find(wave); it != variable.end()) return it->second;
  if (auto it = variable.find(""); it != variable.end()) return it->second;
  return {};
}

const Item* Codebook::find(const std::string& id) const noexcept {
  for (const Item& i : items)
    if (i.id == id) return &i;
  return nullptr;
}
Item* Codebook::find(const std::string& id) noexcept {
  for (Item& i : items)
    if (i.id == id) return &i;
  return nullptr;
}

namespace {

class Parser {
 public:
  explicit Parser(const std::string& file) : file_(file) {}

  Error error(const YAML::Node& n, const std::string& what) const {
    return Error(ErrorCode::Input, what, Location{file_, n.Mark().line + 1, n.Mark().column + 1});
  }
  Error error(const YAML::Mark& m, const std::string& what) const {
    return Error(ErrorCode::Input, what, Location{file_, m.line + 1, m.column + 1});
  }

  std::string scalar(const YAML::Node& n, const std::string& what) const {
    if (!n.IsScalar()) throw error(n, what + ": expected a single value");
    const std::string& s = n.Scalar();
    if (!is_valid_utf8(s)) throw error(n, what + ": not valid UTF-8");
    return s;
  }

  Text text(const YAML::Node& n, const std::string& what) const {
    if (n.IsScalar()) return Text::plain(scalar(n, what));
    if (!n.IsMap()) throw error(n, what + ": expected a text or a map of language → text");
    Text t;
    for (const auto& kv : n) {
      const std::string lang = scalar(kv.first, what + ": language");
      if (lang.empty() || lang.size() > 35 ||
          !std::all_of(lang.begin(), lang.end(), [](unsigned char c) { return std::isalnum(c) || c == '-'; }))
        throw error(kv.first, what + ": '" + lang + "' is not a language tag (en, nb, nn, se …)");
      t.by_lang[lang] = scalar(kv.second, what + " (" + lang + ")");
    }
    return t;
  }

  double code(const YAML::Node& n, const std::string& what) const {
    const std::string s = scalar(n, what);
    auto p = parse_number(s, NumberStyle{'.', 0});
    if (!p || !std::isfinite(p->value)) throw error(n, what + ": '" + s + "' is not a numeric code");
    return p->value;
  }

  std::vector<double> codes(const YAML::Node& n, const std::string& what) const {
    std::vector<double> out;
    if (n.IsScalar()) return {code(n, what)};
    if (!n.IsSequence()) throw error(n, what + ": expected a code or a list of codes");
    for (const auto& c : n) out.push_back(code(c, what));
    return out;
  }

  MissingSpec missing(const YAML::Node& n, const std::string& what) const {
    MissingSpec m;
    if (n.IsScalar() || n.IsSequence()) {
      m.values = codes(n, what);
      return m;
    }
    if (!n.IsMap()) throw error(n, what + ": expected a list of codes or { values: [...], range: [lo, hi] }");
    for (const auto& kv : n) {
      const std::string k = scalar(kv.first, what);
      if (k == "values") {
        m.values = codes(kv.second, what + " values");
      } else if (k == "range" || k == "ranges") {
        const YAML::Node& r = kv.second;
        auto one = [&](const YAML::Node& p) {
          if (!p.IsSequence() || p.size() != 2) throw error(p, what + ": a range is [low, high]");
          const double lo = code(p[0], what), hi = code(p[1], what);
          if (lo > hi) throw error(p, what + ": the range's low end is above its high end");
          m.ranges.emplace_back(lo, hi);
        };
        if (r.IsSequence() && r.size() > 0 && r[0].IsSequence())
          for (const auto& p : r) one(p);
        else
          one(r);
      } else {
        throw error(kv.first, what + ": unknown key '" + k + "' (use values, range)");
      }
    }
    return m;
  }

  Item item(const std::string& id, const YAML::Node& n) const {
    Item it;
    it.id = id;
    it.line = n.Mark().line + 1;
    it.variable[""] = id;
    if (n.IsNull()) return it;
    if (!n.IsMap()) throw error(n, "variable '" + id + "': expected a map of its properties");
    const std::string what = "variable '" + id + "'";
    for (const auto& kv : n) {
      const std::string k = scalar(kv.first, what);
      const YAML::Node& v = kv.second;
      if (k == "type") {
        const std::string t = scalar(v, what + " type");
        static const std::pair<const char*, QType> kTypes[] = {
            {"single", QType::Single},     {"multiple", QType::Multiple}, {"scale", QType::Scale},
            {"likert", QType::Scale},      {"ordinal", QType::Scale},     {"yesno", QType::YesNo},
            {"numeric", QType::Numeric},   {"text", QType::Text},         {"background", QType::Background},
            {"key", QType::Key},           {"weight", QType::Weight}};
        bool found = false;
        for (const auto& [name, type] : kTypes)
          if (t == name) {
            it.type = type;
            found = true;
          }
        if (!found)
          throw error(v, what + ": unknown type '" + t +
                             "' (use single, multiple, scale, yesno, numeric, text, background, key or weight)");
        it.type_given = true;
      } else if (k == "variable") {
        it.variable.clear();
        if (v.IsMap()) {
          for (const auto& w : v) it.variable[scalar(w.first, what + " variable")] = scalar(w.second, what + " variable");
        } else {
          it.variable[""] = scalar(v, what + " variable");
        }
      } else if (k == "question" || k == "label") {
        it.question = text(v, what + " " + k);
      } else if (k == "values") {
        if (!v.IsMap()) throw error(v, what + ": values: expected a map of code → label");
        std::set<double> seen;
        for (const auto& c : v) {
          if (it.values.size() >= survey_limits().value_labels)
            throw error(c.first, survey_limit_message("value_labels", survey_limits().value_labels, what));
          const double cd = code(c.first, what + " value code");
          if (!seen.insert(cd).second) throw error(c.first, what + ": code " + c.first.Scalar() + " given twice");
          it.values.push_back({cd, text(c.second, what + " label of code " + c.first.Scalar())});
        }
      } else if (k == "missing") {
        it.missing = missing(v, what + " missing");
      } else if (k == "options") {
        if (!v.IsMap()) throw error(v, what + ": options: expected a map of column → label");
        for (const auto& o : v) {
          if (it.options.size() >= survey_limits().categories)
            throw error(o.first, survey_limit_message("categories", survey_limits().categories, what + " options"));
          it.options.emplace_back(scalar(o.first, what + " option"), text(o.second, what + " option label"));
        }
      } else if (k == "delimiter") {
        it.delimiter = scalar(v, what + " delimiter");
        if (it.delimiter.size() != 1) throw error(v, what + ": the delimiter is one character, such as ';' or ','");
      } else if (k == "goal") {
        const double g = code(v, what + " goal");
        if (g < 1 || g > 17 || g != std::floor(g)) throw error(v, what + ": goal " + v.Scalar() + " is not 1–17");
        it.goal = static_cast<int>(g);
      } else if (k == "target") {
        it.target = scalar(v, what + " target");
        if (!Catalogue::get().find_target(it.target)) throw error(v, what + ": target '" + it.target + "' is not an SDG target");
      } else if (k == "indicator") {
        it.indicator = scalar(v, what + " indicator");
        if (!Catalogue::get().find_indicator(it.indicator) && !is_national_indicator_id(it.indicator))
          throw error(v, what + ": indicator '" + it.indicator + "' is neither an SDG indicator nor a national indicator id");
      } else if (k == "share") {
        it.share = codes(v, what + " share");
      } else if (k == "source") {
        const std::string s = scalar(v, what + " source");
        if (s != "register" && s != "export") throw error(v, what + ": source is 'export' (default) or 'register'");
        it.from_register = s == "register";
      } else {
        throw error(kv.first, what + ": unknown key '" + k +
                                  "' (use type, variable, question, values, missing, options, delimiter, goal, "
                                  "target, indicator, share, source)");
      }
    }
    // goal from target or indicator
    auto goal_of = [](const std::string& id) {
      int g = 0;
      for (char c : id) {
        if (c < '0' || c > '9') break;
        g = g * 10 + (c - '0');
        if (g > 17) return 0;
      }
      return g;
    };
    if (!it.target.empty() && it.goal == 0) it.goal = goal_of(it.target);
    if (!it.indicator.empty() && it.goal == 0 && Catalogue::get().find_indicator(it.indicator))
      it.goal = goal_of(it.indicator);
    if (it.type == QType::Multiple && it.options.empty() && it.delimiter.empty() && it.values.empty())
      throw error(n, what + ": a multiple-choice question needs options (one 0/1 column each) or values with a delimiter");
    if (!it.options.empty() && it.type != QType::Multiple)
      throw error(n, what + ": options are for type: multiple");
    if (it.from_register && it.type != QType::Background && it.type_given)
      throw error(n, what + ": a register variable is of type background");
    if (it.from_register) it.type = QType::Background;
    return it;
  }

  Codebook parse(std::string_view yaml) {
    Codebook cb;
    cb.file = file_;
    YAML::Node root;
    try {
      root = YAML::Load(std::string(yaml));
    } catch (const YAML::Exception& e) {
      throw error(e.mark, "not valid YAML: " + e.msg);
    }
    if (!root.IsMap()) throw Error(ErrorCode::Input, "a codebook is a map with 'variables:'", Location{file_, 1, 0});
    bool have_vars = false;
    for (const auto& kv : root) {
      const std::string k = scalar(kv.first, "codebook");
      const YAML::Node& v = kv.second;
      if (k == "title") {
        cb.title = text(v, "title");
      } else if (k == "key") {
        cb.key = scalar(v, "key");
      } else if (k == "weight") {
        cb.weight = scalar(v, "weight");
      } else if (k == "variables") {
        have_vars = true;
        if (!v.IsMap()) throw error(v, "variables: expected a map of variable → properties");
        std::set<std::string> seen;
        for (const auto& e : v) {
          const std::string id = scalar(e.first, "variable name");
          if (!seen.insert(id).second) throw error(e.first, "variable '" + id + "' appears twice");
          if (cb.items.size() >= survey_limits().variables)
            throw error(e.first, survey_limit_message("variables", survey_limits().variables, "codebook variables"));
          cb.items.push_back(item(id, e.second));
        }
      } else {
        throw error(kv.first, "unknown key '" + k + "' (use title, key, weight, variables)");
      }
    }
    if (!have_vars) throw Error(ErrorCode::Input, "the codebook has no 'variables:'", Location{file_, 1, 0});
    for (Item& i : cb.items) {
      if (i.type == QType::Key && cb.key.empty()) cb.key = i.id;
      if (i.type == QType::Weight && cb.weight.empty()) cb.weight = i.id;
    }
    if (!cb.key.empty()) {
      Item* k = cb.find(cb.key);
      if (!k) throw Error(ErrorCode::Input, "key '" + cb.key + "' is not among the variables", Location{file_, 1, 0});
      k->type = QType::Key;
    }
    if (!cb.weight.empty()) {
      Item* w = cb.find(cb.weight);
      if (!w) throw Error(ErrorCode::Input, "weight '" + cb.weight + "' is not among the variables", Location{file_, 1, 0});
      w->type = QType::Weight;
    }
    return cb;
  }

 private:
  const std::string& file_;
};

}  // namespace

Codebook parse_codebook(std::string_view yaml, const std::string& file) { return Parser(file).parse(yaml); }

void complete_from_dataset(Codebook& cb, const Dataset& d, const std::string& wave) {
  std::set<std::string> described;
  for (Item& it : cb.items) {
    if (it.from_register) continue;
    if (it.type == QType::Multiple && !it.options.empty()) {
      for (auto& [col, label] : it.options) {
        described.insert(col);
        if (label.empty())
          if (const Variable* v = d.find(col)) label = Text::plain(v->label.empty() ? col : v->label);
      }
      continue;
    }
    const std::string name = it.variable_in(wave);
    described.insert(name);
    const Variable* v = d.find(name);
    if (!v) continue;
    if (it.question.empty() && !v->label.empty()) it.question = Text::plain(v->label);
    if (it.values.empty() && it.type != QType::Numeric)
      for (const auto& [code, label] : v->value_labels) it.values.push_back({code, Text::plain(label)});
    // the file's missing values count too
    for (double m : v->missing.values)
      if (!it.missing.is_missing(m)) it.missing.values.push_back(m);
    for (const auto& r : v->missing.ranges) it.missing.ranges.push_back(r);
    for (const auto& s : v->missing.strings) it.missing.strings.push_back(s);
    if (!it.type_given && !v->numeric) it.type = QType::Text;
    if (!it.type_given && v->numeric && v->value_labels.empty()) it.type = QType::Numeric;
  }
  // multiple-response sets of a .sav the codebook does not name
  for (const MrSet& set : d.mr_sets) {
    bool named = cb.find(set.name) != nullptr;
    for (const std::string& v : set.variables) named = named || described.count(v);
    for (const std::string& v : set.variables) described.insert(v);
    if (named || !d.find(set.variables.front())) continue;
    Item it;
    it.id = set.name;
    it.variable[""] = set.name;
    it.type = QType::Multiple;
    it.type_given = true;
    it.question = Text::plain(set.label.empty() ? set.name : set.label);
    if (set.dichotomy) {
      auto p = parse_number(set.counted, NumberStyle{'.', 0});
      it.counted = p ? p->value : 1;
      for (const std::string& v : set.variables)
        if (const Variable* var = d.find(v)) it.options.emplace_back(v, Text::plain(var->label.empty() ? v : var->label));
    } else {
      it.code_columns = set.variables;
      std::set<double> seen;
      for (const std::string& v : set.variables)
        if (const Variable* var = d.find(v))
          for (const auto& [code, label] : var->value_labels)
            if (seen.insert(code).second && !var->missing.is_missing(code)) it.values.push_back({code, Text::plain(label)});
      std::sort(it.values.begin(), it.values.end(), [](const ValueDef& a, const ValueDef& b) { return a.code < b.code; });
    }
    cb.items.push_back(std::move(it));
  }
  if (!cb.items.empty() && cb.file.size()) return;  // a given codebook names what is tabulated
  for (const Variable& v : d.vars) {
    if (described.count(v.name)) continue;
    Item it;
    it.id = v.name;
    it.variable[""] = v.name;
    it.question = Text::plain(v.label.empty() ? v.name : v.label);
    it.type = !v.numeric ? QType::Text : v.value_labels.empty() ? QType::Numeric : QType::Single;
    for (const auto& [code, label] : v.value_labels) it.values.push_back({code, Text::plain(label)});
    it.missing = v.missing;
    cb.items.push_back(std::move(it));
  }
}

std::string code_text(double code) {
  char buf[40];
  std::snprintf(buf, sizeof buf, "%g", code);
  return buf;
}

}  // namespace sdg::survey
