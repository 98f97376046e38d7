// The report definition: YAML → a position-carrying Value tree → ReportDefinition.
#include "sdgreport/definition.hpp"
#include "sdgreport/files.hpp"
#include "sdgreport/text.hpp"

#include <yaml-cpp/depthguard.h>
#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <charconv>
#include <cctype>
#include <filesystem>
#include <fstream>
#include <map>
#include <optional>
#include <set>
#include <sstream>

#include "sdgreport/catalogue.hpp"
#include "sdgreport/limits.hpp"
#include "sdgreport/suggest.hpp"

namespace sdg {

namespace {

Location mark_of(const YAML::Mark& m, const std::string& file) {
  if (m.is_null()) return Location{file, 0, 0};
  return Location{file, m.line + 1, m.column + 1};
}

// Replaces ${name} in a scalar with the variable's value (for `build --each`).
std::string substitute(const std::string& text, const Variables* vars, const Location& at) {
  if (!vars || text.find("${") == std::string::npos) return text;
  std::string out;
  std::size_t pos = 0;
  while (true) {
    const std::size_t open = text.find("${", pos);
    if (open == std::string::npos) break;
    const std::size_t close = text.find('}', open);
    if (close == std::string::npos) throw Error(ErrorCode::Definition, "'${' without a closing '}'", at);
    const std::string name = text.substr(open + 2, close - open - 2);
    auto it = vars->find(name);
    if (it == vars->end()) {
      std::string known;
      for (const auto& [k, v] : *vars) known += (known.empty() ? "" : ", ") + k;
      throw Error(ErrorCode::Definition, "unknown variable '${" + name + "}' (the variables are: " + known + ")", at);
    }
    out += text.substr(pos, open - pos) + it->second;
    pos = close + 1;
  }
  return out + text.substr(pos);
}

// Converts yaml-cpp's node graph into Values. An alias is the node its anchor
// names, so the graph can be cyclic (`loop: &a [1, *a]`) and small text can expand
// to billions of nodes ("billion laughs"): nesting is bounded by limits().yaml_depth,
// a node met again inside itself is refused as a cycle, and the nodes made, aliases
// expanded, are counted against limits().yaml_nodes.
class ValueBuilder {
 public:
  ValueBuilder(const std::string& file, const Variables* vars) : file_(file), vars_(vars) {}

  Value build(const YAML::Node& n) {
    const Location at = mark_of(n.Mark(), file_);
    if (++nodes_ > limits().yaml_nodes)
      throw Error(ErrorCode::Definition,
                  limit_message("yaml_nodes", "more than " + std::to_string(limits().yaml_nodes) +
                                                  " values after expanding aliases (*name)"),
                  at);
    if (n.IsSequence() || n.IsMap()) {
      for (const YAML::Node& open : open_)
        if (open.is(n))
          throw Error(ErrorCode::Definition,
                      "an alias refers to a value that contains it (a cycle such as 'a: &x [1, *x]')", at);
      if (open_.size() + 1 > limits().yaml_depth)
        throw Error(ErrorCode::Definition,
                    limit_message("yaml_depth", "lists and maps nested " + std::to_string(open_.size() + 1) + " deep"),
                    at);
    }
    switch (n.Type()) {
      case YAML::NodeType::Null:
      case YAML::NodeType::Undefined: return Value::null(at);
      case YAML::NodeType::Scalar: return Value::scalar(substitute(n.Scalar(), vars_, at), at);
      case YAML::NodeType::Sequence: {
        open_.push_back(n);
        std::vector<Value> items;
        for (const auto& item : n) items.push_back(build(item));
        open_.pop_back();
        return Value::list(std::move(items), at);
      }
      case YAML::NodeType::Map: {
        open_.push_back(n);
        std::vector<std::pair<std::string, Value>> entries;
        std::set<std::string> seen;
        for (const auto& kv : n) {
          if (!kv.first.IsScalar())
            throw Error(ErrorCode::Definition, "map keys must be plain text", mark_of(kv.first.Mark(), file_));
          const std::string key = kv.first.Scalar();
          if (!seen.insert(key).second)
            throw Error(ErrorCode::Definition, "key '" + key + "' appears twice", mark_of(kv.first.Mark(), file_));
          Value v = build(kv.second);
          // an empty value has no position of its own: use its key's
          if (v.is_null()) v = Value::null(mark_of(kv.first.Mark(), file_));
          entries.emplace_back(key, std::move(v));
        }
        open_.pop_back();
        return Value::map(std::move(entries), at);
      }
    }
    return Value();
  }

 private:
  const std::string& file_;
  const Variables* vars_;
  std::vector<YAML::Node> open_;  ///< the sequences and maps being built, outermost first
  std::size_t nodes_ = 0;
};

// yaml-cpp reports an unclosed quote where the parser gave up, often lines later.
// The first line up to there whose value opens a quote it does not close is
// where the author went wrong (a definition's quoted values are one line each).
std::optional<int> unclosed_quote_line(std::string_view yaml, int up_to_line) {
  int line = 1;
  std::size_t start = 0;
  while (start < yaml.size() && line <= up_to_line) {
    std::size_t end = yaml.find('\n', start);
    if (end == std::string_view::npos) end = yaml.size();
    const std::string_view l = yaml.substr(start, end - start);
    // The value of "key: value" or "- value", and of each "key: value" inside { … }.
    for (std::size_t p = 0; p < l.size(); ++p) {
      if (l[p] == '#' && (p == 0 || l[p - 1] == ' ')) break;  // a comment
      const bool value_start = (p >= 2 && l[p - 1] == ' ' && (l[p - 2] == ':' || l[p - 2] == '-' ||
                                                              l[p - 2] == ',' || l[p - 2] == '[' || l[p - 2] == '{')) ||
                               (p >= 1 && (l[p - 1] == '[' || l[p - 1] == '{'));
      if (!value_start || (l[p] != '"' && l[p] != '\'')) continue;
      const char q = l[p];
      std::size_t i = p + 1;
      bool closed = false;
      for (; i < l.size(); ++i) {
        if (q == '"' && l[i] == '\\') {
          ++i;
        } else if (l[i] == q) {
          if (q == '\'' && i + 1 < l.size() && l[i + 1] == '\'') {
            ++i;
          } else {
            closed = true;
            break;
          }
        }
      }
      if (!closed) return line;
      p = i;
    }
    start = end + 1;
    ++line;
  }
  return std::nullopt;
}

[[noreturn]] void fail(const Value& at, const std::string& what) {
  throw Error(ErrorCode::Definition, what, at.where());
}

void expect_keys(const Value& map, const std::vector<std::string>& known, const std::string& what) {
  for (const auto& [k, v] : map.entries()) {
    if (std::find(known.begin(), known.end(), k) == known.end()) {
      std::string list;
      for (const auto& s : known) list += (list.empty() ? "" : ", ") + s;
      Location at = v.where().empty() ? map.where() : v.where();
      const std::string hint = closest_match(k, known);
      throw Error(ErrorCode::Definition,
                  "unknown key '" + k + "' in " + what +
                      (hint.empty() ? " (expected one of: " + list + ")" : " (did you mean '" + hint + "'?)"),
                  at);
    }
  }
}

std::string text_of(const Value& map, const std::string& key, bool required, const std::string& what) {
  const Value* v = map.find(key);
  if (!v || v->is_null()) {
    if (required) fail(map, what + " needs '" + key + "'");
    return {};
  }
  if (!v->is_scalar()) fail(*v, "'" + key + "' must be text");
  return v->text();
}

std::vector<std::string> texts_of(const Value& map, const std::string& key) {
  const Value* v = map.find(key);
  if (!v || v->is_null()) return {};
  if (v->is_scalar()) return {v->text()};
  if (!v->is_list()) fail(*v, "'" + key + "' must be a list of text values");
  std::vector<std::string> out;
  for (const Value& item : v->items()) {
    if (!item.is_scalar()) fail(item, "'" + key + "' must be a list of text values");
    out.push_back(item.text());
  }
  return out;
}

bool bool_of(const Value& map, const std::string& key, bool fallback) {
  const Value* v = map.find(key);
  if (!v || v->is_null()) return fallback;
  if (v->is_scalar()) {
    if (v->text() == "true" || v->text() == "yes") return true;
    if (v->text() == "false" || v->text() == "no") return false;
  }
  fail(*v, "'" + key + "' must be true or false");
}

// ---- theme and colophon

/// An image file named by `key` in `map` (PNG or JPEG, checked by its first bytes),
/// relative to the report's folder `dir`.
std::string image_of(const Value& map, const std::string& key, const std::filesystem::path& dir) {
  const std::string f = text_of(map, key, false, "");
  if (f.empty()) return f;
  const std::filesystem::path p = std::filesystem::path(f).is_absolute() ? std::filesystem::path(f) : dir / f;
  std::ifstream in(p, std::ios::binary);
  if (!in) fail(*map.find(key), "'" + key + "': cannot read " + f);
  unsigned char b[8] = {};
  in.read(reinterpret_cast<char*>(b), 8);
  const bool png = b[0] == 0x89 && b[1] == 'P' && b[2] == 'N' && b[3] == 'G';
  const bool jpeg = b[0] == 0xFF && b[1] == 0xD8 && b[2] == 0xFF;
  if (!png && !jpeg) fail(*map.find(key), "'" + key + "': " + f + " is not a PNG or JPEG image");
  return f;
}

bool is_hex_colour(const std::string& s) {
  return s.size() == 7 && s[0] == '#' &&
         std::all_of(s.begin() + 1, s.end(), [](char c) { return std::isxdigit(static_cast<unsigned char>(c)); });
}

Theme theme_of(const Value& v, const std::filesystem::path& dir) {
  if (!v.is_map()) fail(v, "'theme' must be a map such as { logo: assets/logo.png, accent: \"#00689D\" }");
  expect_keys(v, {"logo", "logo_in_header", "cover_image", "accent", "page_size", "font"}, "the theme");
  Theme t;
  t.logo = image_of(v, "logo", dir);
  t.logo_in_header = bool_of(v, "logo_in_header", false);
  if (t.logo_in_header && t.logo.empty()) fail(*v.find("logo_in_header"), "'logo_in_header' needs a 'logo'");
  t.cover_image = image_of(v, "cover_image", dir);
  t.accent = text_of(v, "accent", false, "");
  if (!t.accent.empty() && !is_hex_colour(t.accent))
    fail(*v.find("accent"), "'accent' must be a colour such as \"#00689D\" (#RRGGBB), got '" + t.accent + "'");
  t.page_size = text_of(v, "page_size", false, "");
  if (!t.page_size.empty() && t.page_size != "A4" && t.page_size != "Letter")
    fail(*v.find("page_size"), "'page_size' must be A4 or Letter, got '" + t.page_size + "'");
  if (const Value* f = v.find("font"); f && !f->is_null()) {
    if (!f->is_map()) fail(*f, "'font' must be a map of four font files: { regular: …, bold: …, italic: …, bold_italic: … }");
    expect_keys(*f, {"regular", "bold", "italic", "bold_italic"}, "the theme's font");
    for (auto [key, out] : {std::pair{"regular", &t.font_regular}, {"bold", &t.font_bold},
                            {"italic", &t.font_italic}, {"bold_italic", &t.font_bold_italic}}) {
      *out = text_of(*f, key, true, "the theme's font");
      const std::filesystem::path p = std::filesystem::path(*out).is_absolute() ? std::filesystem::path(*out) : dir / *out;
      const std::string ext = lower(p.extension().string());
      if (ext != ".ttf" && ext != ".otf")
        fail(*f->find(key), "font file " + *out + " must be TrueType or OpenType (.ttf, .otf)");
      std::error_code ec;
      if (!std::filesystem::is_regular_file(p, ec))
        fail(*f->find(key), "font file " + *out + " not found (Debian: fonts-noto-core, fonts-adobe-sourcesans3)");
    }
  }
  return t;
}

Colophon colophon_of(const Value& v) {
  if (!v.is_map()) fail(v, "'colophon' must be a map such as { licence: CC BY 4.0, isbn: … }");
  expect_keys(v, {"isbn", "issn", "licence", "contact", "data_sources"}, "the colophon");
  Colophon c;
  c.isbn = text_of(v, "isbn", false, "");
  c.issn = text_of(v, "issn", false, "");
  c.licence = text_of(v, "licence", false, "");
  c.contact = text_of(v, "contact", false, "");
  c.data_sources = texts_of(v, "data_sources");
  return c;
}

SourceSpec source_of(const Value& v, const std::string& file) {
  (void)file;
  if (!v.is_map()) fail(v, "a source must be a map such as { plugin: markdown, file: text/intro.md }");
  SourceSpec s;
  s.plugin = text_of(v, "plugin", true, "a source");
  s.where = v.where();
  s.options = Options(v, "plugin '" + s.plugin + "'");
  return s;
}

std::vector<SourceSpec> sources_of(const Value& v, const std::string& file) {
  std::vector<SourceSpec> out;
  if (v.is_map()) {
    out.push_back(source_of(v, file));
  } else if (v.is_list()) {
    for (const Value& item : v.items()) out.push_back(source_of(item, file));
  } else if (!v.is_null()) {
    fail(v, "expected a source map or a list of them");
  }
  return out;
}

// `goals:` is 'all', a goal number, or a list whose items are goal numbers or maps
// { goal: N, sources: [...] } naming sources for that goal section alone.
void goals_of(const Value& v, ChapterSpec& c, const std::string& file) {
  auto number = [&](const Value& item) {
    if (!item.is_scalar()) fail(item, "a goal must be a number 1–17");
    int g = 0;
    try {
      std::size_t used = 0;
      g = std::stoi(item.text(), &used);
      if (used != item.text().size()) throw std::invalid_argument("");
    } catch (const std::exception&) {
      fail(item, "'" + item.text() + "' is not a goal number (expected 1–17 or 'all')");
    }
    if (!Catalogue::get().find_goal(g))
      fail(item, "goal " + std::to_string(g) + " is not an SDG goal (goals are numbered 1–17)");
    if (std::find(c.goals.begin(), c.goals.end(), g) != c.goals.end())
      fail(item, "goal " + std::to_string(g) + " is listed twice");
    c.goals.push_back(g);
    return g;
  };
  auto one = [&](const Value& item) {
    if (!item.is_map()) {
      number(item);
      return;
    }
    expect_keys(item, {"goal", "title", "source", "sources"}, "a goal entry");
    const Value* g = item.find("goal");
    if (!g) fail(item, "a goal entry needs 'goal'");
    const int n = number(*g);
    if (item.find("source") && item.find("sources")) fail(item, "a goal entry takes 'source' or 'sources', not both");
    for (const char* key : {"source", "sources"})
      if (const Value* s = item.find(key)) c.per_goal_sources[n] = sources_of(*s, file);
    if (item.find("title")) c.goal_titles[n] = text_of(item, "title", true, "a goal entry");
  };
  if (v.is_scalar() && v.text() == "all") {
    for (int g = 1; g <= 17; ++g) c.goals.push_back(g);
  } else if (v.is_scalar()) {
    one(v);
  } else if (v.is_list()) {
    for (const Value& item : v.items()) one(item);
  } else {
    fail(v, "'goals' must be 'all' or a list of goal numbers");
  }
}

ChapterSpec chapter_of(const Value& v, const std::string& file) {
  if (!v.is_map()) fail(v, "a chapter must be a map with at least a 'title'");
  expect_keys(v, {"title", "id", "role", "word_limit", "numbered", "source", "sources", "goals", "goal_sources", "sections"},
              "a chapter");
  ChapterSpec c;
  c.where = v.where();
  c.title = text_of(v, "title", true, "a chapter");
  c.id = text_of(v, "id", false, "a chapter");
  c.role = text_of(v, "role", false, "a chapter");
  if (!c.role.empty() && !is_chapter_role(c.role))
    fail(*v.find("role"), "unknown chapter role '" + c.role + "' (expected one of: " + chapter_roles_list() + ")");
  if (const Value* w = v.find("word_limit"); w && !w->is_null()) {
    try {
      std::size_t used = 0;
      c.word_limit = std::stoi(w->text(), &used);
      if (used != w->text().size() || c.word_limit <= 0) throw std::invalid_argument("");
    } catch (const std::exception&) {
      fail(*w, "'word_limit' must be a number of words above 0");
    }
  }
  c.numbered = bool_of(v, "numbered", true);
  if (v.find("source") && v.find("sources"))
    fail(v, "a chapter takes 'source' or 'sources', not both");
  if (const Value* s = v.find("source")) c.sources = sources_of(*s, file);
  if (const Value* s = v.find("sources")) c.sources = sources_of(*s, file);
  if (const Value* g = v.find("goals"); g && !g->is_null()) goals_of(*g, c, file);
  if (const Value* gs = v.find("goal_sources")) {
    c.goal_sources = sources_of(*gs, file);
    if (c.goals.empty()) fail(*gs, "'goal_sources' needs 'goals' in the same chapter");
  }
  if (const Value* subs = v.find("sections"); subs && !subs->is_null()) {
    if (!subs->is_list()) fail(*subs, "'sections' must be a list of sections");
    for (const Value& item : subs->items()) c.sections.push_back(chapter_of(item, file));
  }
  return c;
}

}  // namespace

bool stays_inside(const std::filesystem::path& p) {
  if (p.empty() || p.is_absolute() || p.has_root_name()) return false;
  const std::filesystem::path n = p.lexically_normal();
  if (n.empty() || n == ".") return false;
  return *n.begin() != "..";
}

namespace {

/// The YAML of a definition, parsed; errors as sdg::Error at their line.
YAML::Node load_yaml(std::string_view yaml, const std::string& file) {
  YAML::Node root;
  try {
    root = YAML::Load(std::string(yaml));
  } catch (const YAML::DeepRecursion& e) {
    // yaml-cpp's own guard says only "bad file".
    throw Error(ErrorCode::Definition,
                "not valid YAML: lists and maps nested " + std::to_string(e.depth()) +
                    " deep stop the YAML parser; a definition may nest at most yaml_depth = " +
                    std::to_string(limits().yaml_depth) + " (see docs/limits.md)",
                mark_of(e.mark, file));
  } catch (const YAML::Exception& e) {
    const Location at = mark_of(e.mark, file);
    if (const auto open = unclosed_quote_line(yaml, at.line == 0 ? 1 << 30 : at.line); open && *open < at.line)
      throw Error(ErrorCode::Definition,
                  "not valid YAML: a quoted value is not closed on this line (the parser noticed on line " +
                      std::to_string(at.line) + ": " + e.msg + ")",
                  Location{file, *open, 0});
    throw Error(ErrorCode::Definition, "not valid YAML: " + e.msg, at);
  }
  return root;
}

/// The definition from its parsed YAML, with `vars` put in for ${name}.
ReportDefinition definition_from(const YAML::Node& root, const std::filesystem::path& path, const Variables* vars) {
  const std::string file = path.string();
  const Value top = ValueBuilder(file, vars).build(root);
  if (!top.is_map()) throw Error(ErrorCode::Definition, "a report definition must be a YAML map with 'title' and 'chapters'", Location{file, 1, 1});
  expect_keys(top,
              {"sdgreport", "name", "title", "subtitle", "organisation", "authors", "language", "date",
               "edition", "keywords", "plugin_dirs", "chapters", "outputs", "excluded_goals",
               "required_chapters", "limits", "allow_paths", "theme", "colophon", "at_a_glance",
               "main_messages_word_limit"},
              "the report definition");

  ReportDefinition def;
  def.path = path;
  def.name = text_of(top, "name", false, "");
  if (def.name.empty()) {
    // "samples/vsr-norway/report.yaml" -> "vsr-norway"; "x/annual.yaml" -> "annual"
    const std::filesystem::path abs = std::filesystem::absolute(path).lexically_normal();
    def.name = abs.stem() == "report" && !abs.parent_path().filename().empty()
                   ? abs.parent_path().filename().string()
                   : abs.stem().string();
  }
  if (const Value* v = top.find("sdgreport"); v && !(v->is_scalar() && v->text() == "1"))
    fail(*v, "this sdgreport reads definition format 1 ('sdgreport: 1')");
  Metadata& m = def.meta;
  m.title = text_of(top, "title", true, "the report definition");
  m.subtitle = text_of(top, "subtitle", false, "");
  m.organisation = text_of(top, "organisation", false, "");
  m.authors = texts_of(top, "authors");
  // Parsed once, here: everything after this takes the Language.
  const std::string language = text_of(top, "language", false, "");
  if (!language.empty()) {
    const std::optional<Language> l = parse_language(language);
    if (!l)
      fail(*top.find("language"), "language '" + language + "' is not supported (expected " +
                                      language_codes_list() + ")");
    m.language = *l;
  }
  m.date = text_of(top, "date", false, "");
  if (!m.date.empty() && !is_iso_date(m.date)) {
    // 15.06.2026 or 15/06/2026 → "2026-06-15"
    std::string hint;
    if (m.date.size() == 10 && (m.date[2] == '.' || m.date[2] == '/') && m.date[5] == m.date[2])
      hint = " such as \"" + m.date.substr(6, 4) + "-" + m.date.substr(3, 2) + "-" + m.date.substr(0, 2) + "\"";
    fail(*top.find("date"), "date '" + m.date + "' is not in the form YYYY-MM-DD (or YYYY-MM, YYYY); write it" +
                                (hint.empty() ? std::string(" as e.g. \"2026-06-15\"") : hint));
  }
  m.edition = text_of(top, "edition", false, "");
  m.keywords = texts_of(top, "keywords");
  if (const Value* t = top.find("theme"); t && !t->is_null()) m.theme = theme_of(*t, path.parent_path());
  if (const Value* c = top.find("colophon"); c && !c->is_null()) m.colophon = colophon_of(*c);
  m.at_a_glance = bool_of(top, "at_a_glance", true);

  for (const std::string& d : texts_of(top, "plugin_dirs")) {
    std::filesystem::path p(d);
    def.plugin_dirs.push_back(p.is_absolute() ? p : (path.parent_path() / p).lexically_normal());
  }

  for (const std::string& d : texts_of(top, "allow_paths")) {
    std::filesystem::path p(d);
    def.allow_paths.push_back(p.is_absolute() ? p.lexically_normal() : (path.parent_path() / p).lexically_normal());
  }
  if (const Value* lim = top.find("limits"); lim && !lim->is_null()) {
    if (!lim->is_map()) fail(*lim, "'limits' must be a map such as { table_cells: 5000000 }");
    for (const auto& [k, v] : lim->entries()) {
      if (!is_raisable_limit(k))
        fail(v, "'" + k + "' is not a limit a report can change (table_columns, table_cells, chart_series, "
                "chart_categories, label_length; see docs/limits.md)");
      std::size_t n = 0;
      const std::string& t = v.is_scalar() ? v.text() : std::string();
      auto [p, ec] = std::from_chars(t.data(), t.data() + t.size(), n);
      if (t.empty() || ec != std::errc() || p != t.data() + t.size() || n == 0)
        fail(v, "limit '" + k + "' must be a whole number above 0");
      set_limit(def.limits, k, n);
    }
  }

  const Value* chapters = top.find("chapters");
  if (!chapters || !chapters->is_list() || chapters->items().empty())
    fail(chapters ? *chapters : top, "'chapters' must be a list with at least one chapter");
  for (const Value& c : chapters->items()) def.chapters.push_back(chapter_of(c, file));
  // One main messages chapter: `part: main_messages` writes it alone.
  const ChapterSpec* main_messages = nullptr;
  for (const ChapterSpec& c : def.chapters) {
    if (c.role != "main_messages") continue;
    if (main_messages)
      throw Error(ErrorCode::Definition,
                  "two chapters have 'role: main_messages' ('" + main_messages->title + "' and '" + c.title +
                      "'); the main messages are one chapter",
                  c.where);
    main_messages = &c;
  }
  if (const Value* w = top.find("main_messages_word_limit"); w && !w->is_null()) {
    try {
      std::size_t used = 0;
      def.main_messages_word_limit = std::stoi(w->is_scalar() ? w->text() : std::string(), &used);
      if (used != w->text().size() || def.main_messages_word_limit <= 0) throw std::invalid_argument("");
    } catch (const std::exception&) {
      fail(*w, "'main_messages_word_limit' must be a number of words above 0 (take it from the year's DESA guidance)");
    }
    def.main_messages_word_limit_where = w->where();
  }

  if (const Value* ex = top.find("excluded_goals"); ex && !ex->is_null()) {
    if (!ex->is_list()) fail(*ex, "'excluded_goals' must be a list such as [{ goal: 14, reason: \"…\" }]");
    for (const Value& item : ex->items()) {
      if (!item.is_map()) fail(item, "an excluded goal must be a map such as { goal: 14, reason: \"…\" }");
      expect_keys(item, {"goal", "reason"}, "an excluded goal");
      ExcludedGoal g;
      g.where = item.where();
      const std::string n = text_of(item, "goal", true, "an excluded goal");
      try {
        std::size_t used = 0;
        g.goal = std::stoi(n, &used);
        if (used != n.size()) throw std::invalid_argument("");
      } catch (const std::exception&) {
        fail(*item.find("goal"), "'" + n + "' is not a goal number");
      }
      if (!Catalogue::get().find_goal(g.goal))
        fail(*item.find("goal"), "goal " + n + " is not an SDG goal (goals are numbered 1–17)");
      g.reason = text_of(item, "reason", true, "an excluded goal");
      def.excluded_goals.push_back(std::move(g));
    }
  }
  if (const Value* rc = top.find("required_chapters"); rc && !rc->is_null()) {
    def.required_chapters = texts_of(top, "required_chapters");
    def.required_chapters_where = rc->where();
    for (const std::string& r : *def.required_chapters)
      if (!is_chapter_role(r))
        fail(*rc, "unknown chapter role '" + r + "' (expected one of: " + chapter_roles_list() + ")");
  } else if (rc) {
    def.required_chapters = std::vector<std::string>{};
    def.required_chapters_where = rc->where();
  }

  if (const Value* outs = top.find("outputs"); outs && !outs->is_null()) {
    if (!outs->is_list()) fail(*outs, "'outputs' must be a list such as [{ format: pdf, file: report.pdf }]");
    for (const Value& o : outs->items()) {
      if (!o.is_map()) fail(o, "an output must be a map such as { format: pdf, file: report.pdf }");
      OutputSpec spec;
      spec.format = text_of(o, "format", true, "an output");
      spec.file = text_of(o, "file", false, "");
      spec.where = o.where();
      spec.options = Options(o, "format '" + spec.format + "'");
      if (!spec.file.empty() && std::filesystem::path(spec.file).is_absolute())
        fail(*o.find("file"), "an output file is relative to the output directory; '" + spec.file + "' is absolute");
      if (!spec.file.empty() && !stays_inside(spec.file))
        fail(*o.find("file"), "output file '" + spec.file + "' would be written outside the output directory (-o)");
      def.outputs.push_back(std::move(spec));
    }
  }
  return def;
}

std::string read_definition_text(const std::filesystem::path& path) {
  return read_file(path, ErrorCode::Definition, "the report definition", Location{path.string(), 0, 0});
}

}  // namespace

ReportDefinition parse_definition(std::string_view yaml, const std::filesystem::path& path, const Variables* vars) {
  return definition_from(load_yaml(yaml, path.string()), path, vars);
}

ReportDefinition load_definition(const std::filesystem::path& path, const Variables* vars) {
  return parse_definition(read_definition_text(path), path, vars);
}

struct DefinitionTemplate::Parsed {
  YAML::Node root;
};

DefinitionTemplate::DefinitionTemplate(const std::filesystem::path& path)
    : path_(path), parsed_(std::make_shared<Parsed>(Parsed{load_yaml(read_definition_text(path), path.string())})) {}

ReportDefinition DefinitionTemplate::with(const Variables& vars) const { return definition_from(parsed_->root, path_, &vars); }

const std::vector<std::string>& chapter_roles() {
  static const std::vector<std::string> roles{"opening", "highlights", "introduction", "methodology", "policy",
                                              "progress", "means",      "conclusion",   "annex"};
  return roles;
}

bool is_chapter_role(const std::string& role) {
  const auto& r = chapter_roles();
  return role == "main_messages" || std::find(r.begin(), r.end(), role) != r.end();
}

std::string chapter_roles_list() {
  std::string s;
  for (const auto& r : chapter_roles()) s += (s.empty() ? "" : ", ") + r;
  return s + ", main_messages";
}

}  // namespace sdg
