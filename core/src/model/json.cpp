// JSON serialisation of the document model. Keys are written in a fixed order and
// every field is always written, so output is deterministic; the reader rebuilds
// the tree through the model's checked constructors.
#include "sdgreport/json.hpp"

#include <nlohmann/json.hpp>

#include <cstdint>
#include <limits>

#include "sdgreport/error.hpp"
#include "sdgreport/json_bounded.hpp"
#include "sdgreport/limits.hpp"

namespace sdg {

using json = nlohmann::ordered_json;

namespace {

// ---------------------------------------------------------------- writing

json inlines_json(const Inlines& runs);

json inline_json(const Inline& r) {
  json j;
  switch (r.kind) {
    case Inline::Kind::Text: j["t"] = "text"; j["text"] = r.text; break;
    case Inline::Kind::Code: j["t"] = "code"; j["text"] = r.text; break;
    case Inline::Kind::LineBreak: j["t"] = "line_break"; break;
    case Inline::Kind::Emphasis: j["t"] = "emphasis"; j["children"] = inlines_json(r.children); break;
    case Inline::Kind::Strong: j["t"] = "strong"; j["children"] = inlines_json(r.children); break;
    case Inline::Kind::Link:
      j["t"] = "link";
      j["url"] = r.url;
      j["children"] = inlines_json(r.children);
      break;
    case Inline::Kind::FootnoteRef: j["t"] = "footnote"; j["children"] = inlines_json(r.children); break;
    case Inline::Kind::CrossRef:
      j["t"] = "cross_ref";
      j["target"] = r.url;
      if (!r.text.empty()) j["form"] = r.text;
      j["children"] = inlines_json(r.children);
      if (!r.where.empty()) j["at"] = r.where;  // only before the pipeline resolved it
      break;
  }
  return j;
}

json inlines_json(const Inlines& runs) {
  json a = json::array();
  for (const Inline& r : runs) a.push_back(inline_json(r));
  return a;
}

json blocks_json(const Blocks& blocks);

json optional_number(const std::optional<double>& v) { return v ? json(*v) : json(nullptr); }

json block_json(const Block& block) {
  json j;
  j["type"] = block.kind_name();
  // Written only when set (version 3), so models without them keep their bytes.
  if (!block.lang.empty()) j["lang"] = block.lang;
  if (!block.origin.empty()) j["origin"] = block.origin;
  std::visit(
      [&](const auto& b) {
        using T = std::decay_t<decltype(b)>;
        if constexpr (std::is_same_v<T, Heading>) {
          j["level"] = b.level;
          j["content"] = inlines_json(b.content);
        } else if constexpr (std::is_same_v<T, Paragraph>) {
          j["content"] = inlines_json(b.content);
        } else if constexpr (std::is_same_v<T, List>) {
          j["ordered"] = b.ordered;
          j["start"] = b.start;
          json items = json::array();
          for (const Blocks& item : b.items) items.push_back(blocks_json(item));
          j["items"] = std::move(items);
        } else if constexpr (std::is_same_v<T, Quote>) {
          j["blocks"] = blocks_json(b.blocks);
        } else if constexpr (std::is_same_v<T, Table>) {
          j["id"] = b.id;
          j["caption"] = b.caption;
          j["indicator"] = b.indicator;
          json cols = json::array();
          for (const Column& c : b.columns) {
            cols.push_back({{"label", c.label},
                            {"type", c.type == Column::Type::Number ? "number" : "text"},
                            {"unit", c.unit},
                            {"decimals", c.decimals}});
          }
          j["columns"] = std::move(cols);
          json rows = json::array();
          const TableData& d = b.data;
          for (std::size_t ri = 0; ri < d.rows(); ++ri) {
            json r = json::array();
            for (std::size_t ci = 0; ci < d.columns(); ++ci) {
              const CellView c = d.cell(ri, ci);
              // Version 2: a bare number or string unless the cell has a status or is empty.
              if (c.status == ValueStatus::None && c.kind == Cell::Kind::Number) {
                r.push_back(c.number);
                continue;
              }
              if (c.status == ValueStatus::None && c.kind == Cell::Kind::Text) {
                r.push_back(std::string(c.text));
                continue;
              }
              json cell;
              switch (c.kind) {
                case Cell::Kind::Empty: cell["empty"] = true; break;
                case Cell::Kind::Text: cell["text"] = std::string(c.text); break;
                case Cell::Kind::Number: cell["number"] = c.number; break;
              }
              if (c.status != ValueStatus::None) cell["status"] = value_status_name(c.status);
              r.push_back(std::move(cell));
            }
            rows.push_back(std::move(r));
          }
          j["rows"] = std::move(rows);
          j["source"] = b.source;
          if (!b.source_url.empty()) j["source_url"] = b.source_url;
          if (b.national) j["national"] = true;
          if (!b.metadata.empty()) {
            json m = json::object();
            for (const auto& [k, v] : b.metadata) m[k] = v;  // std::map: sorted
            j["metadata"] = std::move(m);
          }
        } else if constexpr (std::is_same_v<T, Chart>) {
          j["kind"] = chart_kind_name(b.kind);
          j["id"] = b.id;
          j["title"] = b.title;
          j["indicator"] = b.indicator;
          j["categories"] = b.categories;
          json series = json::array();
          for (const Series& s : b.series) {
            json values = json::array();
            for (const auto& v : s.values) values.push_back(optional_number(v));
            json one = {{"name", s.name}, {"unit", s.unit}, {"values", std::move(values)}};
            for (const auto& [key, bounds] : {std::pair{"lower", &s.lower}, std::pair{"upper", &s.upper}}) {
              if (bounds->empty()) continue;
              json a = json::array();
              for (const auto& v : *bounds) a.push_back(optional_number(v));
              one[key] = std::move(a);
            }
            series.push_back(std::move(one));
          }
          j["series"] = std::move(series);
          j["alt"] = b.alt;
          j["source"] = b.source;
          if (!b.source_url.empty()) j["source_url"] = b.source_url;
          if (b.national) j["national"] = true;
          if (!b.data_table.empty()) j["data_table"] = b.data_table;
        } else if constexpr (std::is_same_v<T, Figure>) {
          j["path"] = b.path;
          j["alt"] = b.alt;
          j["caption"] = b.caption;
          if (!b.id.empty()) j["id"] = b.id;
          if (!b.width.empty()) j["width"] = b.width;
        } else if constexpr (std::is_same_v<T, IndicatorSummary>) {
          j["indicator"] = b.indicator;
          j["title"] = b.title;
          j["value"] = optional_number(b.value);
          j["unit"] = b.unit;
          j["decimals"] = b.decimals;
          j["year"] = b.year;
          j["progress"] = progress_status_name(b.progress);
          j["source"] = b.source;
          if (!b.source_url.empty()) j["source_url"] = b.source_url;
          if (b.national) j["national"] = true;
          if (!b.series.empty()) j["series"] = b.series;
        } else if constexpr (std::is_same_v<T, Container>) {
          j["name"] = b.name;
          json attrs = json::object();
          for (const auto& [k, v] : b.attributes) attrs[k] = v;  // std::map: sorted
          j["attributes"] = std::move(attrs);
          j["blocks"] = blocks_json(b.blocks);
        }
      },
      block.value);
  return j;
}

json blocks_json(const Blocks& blocks) {
  json a = json::array();
  for (const Block& b : blocks) a.push_back(block_json(b));
  return a;
}

json section_json(const Section& s) {
  json j;
  j["title"] = s.title();
  j["id"] = s.id();
  j["numbered"] = s.numbered();
  j["goal"] = s.goal() ? json(*s.goal()) : json(nullptr);
  j["targets"] = s.targets();
  j["blocks"] = blocks_json(s.blocks());
  json subs = json::array();
  for (const Section& sub : s.sections()) subs.push_back(section_json(sub));
  j["sections"] = std::move(subs);
  return j;
}

std::string dump(const json& j) {
  try {
    return j.dump(2) + "\n";
  } catch (const json::type_error& e) {
    throw Error(ErrorCode::Model, std::string("cannot serialise the document: ") + e.what());
  }
}

// ---------------------------------------------------------------- reading

// Reads one JSON value. Its JSON pointer ("/chapters/0/blocks/3") is built only
// for a message: each Reader points at its parent, so deep input costs no string per level.
class Reader {
 public:
  Reader(const json& j, const std::string& file) : j_(j), file_(file) {}

  [[noreturn]] void fail(const std::string& what) const {
    const std::string p = path();
    throw Error(ErrorCode::Input, "at " + (p.empty() ? std::string("/") : p) + ": " + what, Location{file_, 0, 0});
  }
  Reader at(const std::string& key) const {
    if (!j_.is_object()) fail("expected an object");
    auto it = j_.find(key);
    if (it == j_.end()) fail("missing key '" + key + "'");
    return Reader(*it, this, key, 0);
  }
  Reader at(std::size_t i) const { return Reader(j_.at(i), this, {}, i); }
  bool has(const std::string& key) const { return j_.is_object() && j_.contains(key); }
  std::size_t size() const {
    if (!j_.is_array()) fail("expected an array");
    return j_.size();
  }
  bool is_null() const { return j_.is_null(); }
  std::string str() const {
    if (!j_.is_string()) fail("expected a string");
    return j_.get<std::string>();
  }
  bool boolean() const {
    if (!j_.is_boolean()) fail("expected true or false");
    return j_.get<bool>();
  }
  int integer() const {
    if (!j_.is_number_integer()) fail("expected an integer");
    const bool fits = j_.is_number_unsigned()
                          ? j_.get<std::uint64_t>() <= static_cast<std::uint64_t>(std::numeric_limits<int>::max())
                          : j_.get<std::int64_t>() >= std::numeric_limits<int>::min() &&
                                j_.get<std::int64_t>() <= std::numeric_limits<int>::max();
    if (!fits) fail("the integer " + j_.dump() + " is out of range");
    return j_.get<int>();
  }
  double number() const {
    if (!j_.is_number()) fail("expected a number");
    return j_.get<double>();
  }
  std::optional<double> optional_number() const {
    if (j_.is_null()) return std::nullopt;
    return number();
  }
  std::vector<std::string> strings() const {
    std::vector<std::string> out;
    for (std::size_t i = 0; i < size(); ++i) out.push_back(at(i).str());
    return out;
  }
  const json& raw() const { return j_; }
  /// The JSON pointer of this value, e.g. "/chapters/0/blocks/3".
  std::string path() const {
    std::vector<const Reader*> chain;
    for (const Reader* r = this; r->parent_; r = r->parent_) chain.push_back(r);
    std::string out;
    for (auto it = chain.rbegin(); it != chain.rend(); ++it)
      out += "/" + ((*it)->key_.empty() ? std::to_string((*it)->index_) : (*it)->key_);
    return out;
  }

 private:
  Reader(const json& j, const Reader* parent, std::string key, std::size_t index)
      : j_(j), file_(parent->file_), parent_(parent), key_(std::move(key)), index_(index) {}

  const json& j_;
  const std::string& file_;
  const Reader* parent_ = nullptr;
  std::string key_;
  std::size_t index_ = 0;
};

/// Refuses nesting past `limit` (a limits() member named `name`) at `r`.
void check_depth(const Reader& r, std::size_t depth, std::size_t limit, const char* name, const char* what) {
  if (depth > limit) r.fail(limit_message(name, std::string(what) + " nested " + std::to_string(depth) + " deep"));
}

Inlines read_inlines(const Reader& r, std::size_t depth);

Inline read_inline(const Reader& r, std::size_t depth) {
  const std::string t = r.at("t").str();
  if (t == "text") return Inline::plain(r.at("text").str());
  if (t == "code") return Inline::code(r.at("text").str());
  if (t == "line_break") return Inline::line_break();
  if (t == "emphasis") return Inline::emphasis(read_inlines(r.at("children"), depth + 1));
  if (t == "strong") return Inline::strong(read_inlines(r.at("children"), depth + 1));
  if (t == "link") return Inline::link(r.at("url").str(), read_inlines(r.at("children"), depth + 1));
  if (t == "footnote") return Inline::footnote(read_inlines(r.at("children"), depth + 1));
  if (t == "cross_ref")
    return Inline::cross_ref(r.at("target").str(), read_inlines(r.at("children"), depth + 1),
                             r.has("form") ? r.at("form").str() : std::string(),
                             r.has("at") ? r.at("at").str() : std::string());
  r.fail("unknown inline kind '" + t + "'");
}

Inlines read_inlines(const Reader& r, std::size_t depth = 1) {
  check_depth(r, depth, limits().inline_depth, "inline_depth", "emphasis, strong and links");
  Inlines out;
  for (std::size_t i = 0; i < r.size(); ++i) out.push_back(read_inline(r.at(i), depth));
  return out;
}

Blocks read_blocks(const Reader& r, std::size_t depth);

Block read_block_value(const Reader& r, std::size_t depth) {
  const std::string type = r.at("type").str();
  if (type == "heading") return Heading{r.at("level").integer(), read_inlines(r.at("content"))};
  if (type == "paragraph") return Paragraph{read_inlines(r.at("content"))};
  if (type == "list") {
    List l;
    l.ordered = r.at("ordered").boolean();
    l.start = r.at("start").integer();
    Reader items = r.at("items");
    for (std::size_t i = 0; i < items.size(); ++i) l.items.push_back(read_blocks(items.at(i), depth + 1));
    return l;
  }
  if (type == "quote") return Quote{read_blocks(r.at("blocks"), depth + 1)};
  if (type == "table") {
    Table t;
    t.id = r.at("id").str();
    t.caption = r.at("caption").str();
    t.indicator = r.at("indicator").str();
    Reader cols = r.at("columns");
    for (std::size_t i = 0; i < cols.size(); ++i) {
      Reader c = cols.at(i);
      Column col;
      col.label = c.at("label").str();
      const std::string ty = c.at("type").str();
      if (ty != "number" && ty != "text") c.at("type").fail("column type must be 'text' or 'number'");
      col.type = ty == "number" ? Column::Type::Number : Column::Type::Text;
      col.unit = c.at("unit").str();
      col.decimals = c.at("decimals").integer();
      t.columns.push_back(std::move(col));
    }
    Reader rows = r.at("rows");
    t.data.reset(t.columns.size());
    t.data.reserve(rows.size());
    for (std::size_t i = 0; i < rows.size(); ++i) {
      Reader row = rows.at(i);
      if (row.size() != t.columns.size())
        row.fail("row " + std::to_string(i + 1) + " has " + std::to_string(row.size()) +
                 " cells but the table has " + std::to_string(t.columns.size()) + " columns");
      for (std::size_t k = 0; k < row.size(); ++k) {
        Reader c = row.at(k);
        // Version 2's bare cells; objects in both versions.
        if (c.raw().is_number()) {
          t.data.push_number(k, c.number());
          continue;
        }
        if (c.raw().is_string()) {
          t.data.push_text(k, c.str());
          continue;
        }
        ValueStatus status = ValueStatus::None;
        if (c.has("status")) {
          const std::string s = c.at("status").str();
          auto st = value_status_from_name(s);
          if (!st) c.at("status").fail("unknown status '" + s + "'");
          status = *st;
        }
        if (c.has("number")) {
          t.data.push_number(k, c.at("number").number(), status);
        } else if (c.has("text")) {
          t.data.push_text(k, c.at("text").str(), status);
        } else if (c.has("empty")) {
          t.data.push_missing(k, status);
        } else {
          c.fail("a cell needs 'number', 'text' or 'empty'");
        }
      }
    }
    t.source = r.at("source").str();
    if (r.has("source_url")) t.source_url = r.at("source_url").str();
    if (r.has("national")) t.national = r.at("national").boolean();
    if (r.has("metadata")) {
      Reader m = r.at("metadata");
      if (!m.raw().is_object()) m.fail("expected an object");
      for (const auto& [k, v] : m.raw().items()) {
        if (!v.is_string()) m.fail("metadata '" + k + "' must be a string");
        t.metadata[k] = v.get<std::string>();
      }
    }
    return t;
  }
  if (type == "chart") {
    Chart c;
    const std::string kind = r.at("kind").str();
    auto k = chart_kind_from_name(kind);
    if (!k) r.at("kind").fail("unknown chart kind '" + kind + "'");
    c.kind = *k;
    c.id = r.at("id").str();
    c.title = r.at("title").str();
    c.indicator = r.at("indicator").str();
    c.categories = r.at("categories").strings();
    Reader series = r.at("series");
    for (std::size_t i = 0; i < series.size(); ++i) {
      Reader s = series.at(i);
      Series out;
      out.name = s.at("name").str();
      out.unit = s.at("unit").str();
      Reader values = s.at("values");
      for (std::size_t v = 0; v < values.size(); ++v) out.values.push_back(values.at(v).optional_number());
      for (const auto& [key, bounds] : {std::pair{"lower", &out.lower}, std::pair{"upper", &out.upper}}) {
        if (!s.has(key)) continue;
        Reader a = s.at(key);
        for (std::size_t v = 0; v < a.size(); ++v) bounds->push_back(a.at(v).optional_number());
      }
      c.series.push_back(std::move(out));
    }
    c.alt = r.at("alt").str();
    c.source = r.at("source").str();
    if (r.has("source_url")) c.source_url = r.at("source_url").str();
    if (r.has("national")) c.national = r.at("national").boolean();
    if (r.has("data_table")) c.data_table = r.at("data_table").str();
    return c;
  }
  if (type == "figure")
    return Figure{r.at("path").str(), r.at("alt").str(), r.at("caption").str(),
                  r.has("id") ? r.at("id").str() : std::string(),
                  r.has("width") ? r.at("width").str() : std::string()};
  if (type == "indicator_summary") {
    IndicatorSummary s;
    s.indicator = r.at("indicator").str();
    s.title = r.at("title").str();
    s.value = r.at("value").optional_number();
    s.unit = r.at("unit").str();
    s.decimals = r.at("decimals").integer();
    s.year = r.at("year").str();
    const std::string p = r.at("progress").str();
    auto ps = progress_status_from_name(p);
    if (!ps) r.at("progress").fail("unknown progress status '" + p + "'");
    s.progress = *ps;
    s.source = r.at("source").str();
    if (r.has("source_url")) s.source_url = r.at("source_url").str();
    if (r.has("national")) s.national = r.at("national").boolean();
    if (r.has("series")) s.series = r.at("series").str();
    return s;
  }
  if (type == "container") {
    Container c;
    c.name = r.at("name").str();
    Reader attrs = r.at("attributes");
    if (!attrs.raw().is_object()) attrs.fail("expected an object");
    for (const auto& [k, v] : attrs.raw().items()) {
      if (!v.is_string()) attrs.fail("attribute '" + k + "' must be a string");
      c.attributes[k] = v.get<std::string>();
    }
    c.blocks = read_blocks(r.at("blocks"), depth + 1);
    return c;
  }
  r.at("type").fail("unknown block type '" + type + "'");
}

Block read_block(const Reader& r, std::size_t depth) {
  Block b = read_block_value(r, depth);
  if (r.has("lang")) b.lang = r.at("lang").str();
  if (r.has("origin")) b.origin = r.at("origin").str();
  return b;
}

Blocks read_blocks(const Reader& r, std::size_t depth) {
  check_depth(r, depth, limits().block_depth, "block_depth", "lists, quotes and containers");
  Blocks out;
  for (std::size_t i = 0; i < r.size(); ++i) out.push_back(read_block(r.at(i), depth));
  return out;
}

Section read_section(const Reader& r, std::size_t depth) {
  check_depth(r, depth, limits().section_depth, "section_depth", "sections");
  Section s(r.at("title").str());
  s.set_id(r.at("id").str());
  s.set_numbered(r.at("numbered").boolean());
  if (!r.at("goal").is_null()) s.set_goal(r.at("goal").integer());
  for (const std::string& t : r.at("targets").strings()) s.add_target(t);
  Reader blocks = r.at("blocks");
  for (std::size_t i = 0; i < blocks.size(); ++i) {
    Reader b = blocks.at(i);
    try {
      s.add_block(read_block(b, 1));
    } catch (const Error& e) {
      if (e.code() != ErrorCode::Model) throw;
      b.fail(e.message());
    }
  }
  Reader subs = r.at("sections");
  for (std::size_t i = 0; i < subs.size(); ++i) s.add_section(read_section(subs.at(i), depth + 1));
  return s;
}

json parse(std::string_view text, const std::string& file) { return parse_json_bounded<json>(text, file); }

void check_version(const Reader& r) {
  const int v = r.at("sdgreport_model").integer();
  if (v < kOldestModelJsonVersion || v > kModelJsonVersion)
    r.fail("model version " + std::to_string(v) + " is not supported; this sdgreport reads versions " +
           std::to_string(kOldestModelJsonVersion) + " to " + std::to_string(kModelJsonVersion));
}

}  // namespace

std::string to_json(const Document& doc) {
  json j;
  j["sdgreport_model"] = kModelJsonVersion;
  const Metadata& m = doc.meta;
  j["meta"] = {{"title", m.title},       {"subtitle", m.subtitle}, {"organisation", m.organisation},
               {"authors", m.authors},   {"language", m.language}, {"date", m.date},
               {"edition", m.edition},   {"keywords", m.keywords}};
  // Written only when set, so models without them keep their bytes.
  const Theme& t = m.theme;
  json theme = json::object();
  auto put = [](json& o, const char* k, const std::string& v) {
    if (!v.empty()) o[k] = v;
  };
  put(theme, "logo", t.logo);
  if (t.logo_in_header) theme["logo_in_header"] = true;
  put(theme, "cover_image", t.cover_image);
  put(theme, "accent", t.accent);
  put(theme, "page_size", t.page_size);
  put(theme, "font_regular", t.font_regular);
  put(theme, "font_bold", t.font_bold);
  put(theme, "font_italic", t.font_italic);
  put(theme, "font_bold_italic", t.font_bold_italic);
  if (!theme.empty()) j["meta"]["theme"] = std::move(theme);
  if (!m.colophon.empty()) {
    json c = json::object();
    put(c, "isbn", m.colophon.isbn);
    put(c, "issn", m.colophon.issn);
    put(c, "licence", m.colophon.licence);
    put(c, "contact", m.colophon.contact);
    if (!m.colophon.data_sources.empty()) c["data_sources"] = m.colophon.data_sources;
    j["meta"]["colophon"] = std::move(c);
  }
  if (!m.at_a_glance) j["meta"]["at_a_glance"] = false;
  put(j["meta"], "at_a_glance_after", m.at_a_glance_after);
  json chapters = json::array();
  for (const Section& ch : doc.chapters()) chapters.push_back(section_json(ch));
  j["chapters"] = std::move(chapters);
  return dump(j);
}

Document document_from_json(std::string_view text, const std::string& file_name) {
  const json j = parse(text, file_name);
  Reader r(j, file_name);
  check_version(r);
  Document doc;
  Reader m = r.at("meta");
  doc.meta.title = m.at("title").str();
  doc.meta.subtitle = m.at("subtitle").str();
  doc.meta.organisation = m.at("organisation").str();
  doc.meta.authors = m.at("authors").strings();
  doc.meta.language = m.at("language").str();
  doc.meta.date = m.at("date").str();
  doc.meta.edition = m.at("edition").str();
  doc.meta.keywords = m.at("keywords").strings();
  if (m.has("theme")) {
    Reader t = m.at("theme");
    Theme& th = doc.meta.theme;
    auto get = [&](const char* k, std::string& out) {
      if (t.has(k)) out = t.at(k).str();
    };
    get("logo", th.logo);
    if (t.has("logo_in_header")) th.logo_in_header = t.at("logo_in_header").boolean();
    get("cover_image", th.cover_image);
    get("accent", th.accent);
    get("page_size", th.page_size);
    get("font_regular", th.font_regular);
    get("font_bold", th.font_bold);
    get("font_italic", th.font_italic);
    get("font_bold_italic", th.font_bold_italic);
  }
  if (m.has("colophon")) {
    Reader c = m.at("colophon");
    Colophon& co = doc.meta.colophon;
    for (auto [k, out] : {std::pair{"isbn", &co.isbn}, {"issn", &co.issn}, {"licence", &co.licence},
                          {"contact", &co.contact}})
      if (c.has(k)) *out = c.at(k).str();
    if (c.has("data_sources")) co.data_sources = c.at("data_sources").strings();
  }
  if (m.has("at_a_glance")) doc.meta.at_a_glance = m.at("at_a_glance").boolean();
  if (m.has("at_a_glance_after")) doc.meta.at_a_glance_after = m.at("at_a_glance_after").str();
  Reader chapters = r.at("chapters");
  for (std::size_t i = 0; i < chapters.size(); ++i) doc.add_chapter(read_section(chapters.at(i), 1));
  try {
    doc.check();
  } catch (const Error& e) {
    throw Error(ErrorCode::Input, e.message(), Location{file_name, 0, 0});
  }
  return doc;
}

std::string section_to_json(const Section& s) {
  json j;
  j["sdgreport_model"] = kModelJsonVersion;
  j["section"] = section_json(s);
  return dump(j);
}

Section section_from_json(std::string_view text, const std::string& file_name) {
  const json j = parse(text, file_name);
  Reader r(j, file_name);
  check_version(r);
  return read_section(r.at("section"), 1);
}

}  // namespace sdg
