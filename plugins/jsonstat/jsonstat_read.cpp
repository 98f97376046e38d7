// sdgreport jsonstat plugin — reading JSON-stat 2.0 and 1.x into Dataset.
//
// nlohmann::ordered_json keeps object members in file order, which JSON-stat
// relies on where `category.index` is absent (the order of `category.label`).
// Every member is type-checked before it is used; a problem is an
// Error(ErrorCode::Input) naming the JSON path.
#include <charconv>
#include <cmath>
#include <limits>
#include <set>

#include <nlohmann/json.hpp>

#include "jsonstat.hpp"
#include "sdgreport/json_bounded.hpp"
#include "sdgreport/i18n.hpp"
#include "sdgreport/numbers.hpp"

namespace sdg::jsonstat {

using Json = nlohmann::ordered_json;

Observation Dataset::at(const std::vector<std::size_t>& position) const {
  std::size_t flat = 0;
  for (std::size_t i = 0; i < dimensions.size(); ++i)
    flat = flat * dimensions[i].categories.size() + (i < position.size() ? position[i] : 0);
  Observation o;
  double v = std::numeric_limits<double>::quiet_NaN();
  if (sparse_) {
    if (auto it = sparse_values_.find(flat); it != sparse_values_.end()) v = it->second;
  } else if (flat < dense_.size()) {
    v = dense_[flat];
  }
  if (!std::isnan(v)) {
    o.value = v;
    o.decimals = decimals_needed(v);
  }
  if (!status_all_.empty()) {
    o.status = status_all_;
  } else if (!status_dense_.empty()) {
    if (flat < status_dense_.size()) o.status = status_dense_[flat];
  } else if (auto it = status_sparse_.find(flat); it != status_sparse_.end()) {
    o.status = it->second;
  }
  return o;
}

// ---------------------------------------------------------------- the parser

namespace {

const char* type_name(const Json& j) {
  switch (j.type()) {
    case Json::value_t::null: return "null";
    case Json::value_t::object: return "an object";
    case Json::value_t::array: return "an array";
    case Json::value_t::string: return "a string";
    case Json::value_t::boolean: return "true or false";
    case Json::value_t::number_integer:
    case Json::value_t::number_unsigned:
    case Json::value_t::number_float: return "a number";
    default: return "something else";
  }
}

bool plain_key(std::string_view k) {
  if (k.empty()) return false;
  for (char c : k)
    if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' ||
          c == '-'))
      return false;
  return true;
}

std::string member_path(const std::string& path, std::string_view key) {
  if (plain_key(key)) return path + "." + std::string(key);
  std::string quoted;
  for (char c : key) {
    if (c == '"' || c == '\\') quoted += '\\';
    quoted += c;
  }
  return path + "[\"" + quoted + "\"]";
}

std::string item_path(const std::string& path, std::size_t i) {
  return path + "[" + std::to_string(i) + "]";
}

}  // namespace

class Parser {
 public:
  explicit Parser(std::string file) : file_(std::move(file)) {}

  [[noreturn]] void fail(const std::string& path, const std::string& what) const {
    throw Error(ErrorCode::Input, "JSON-stat: at " + path + ": " + what, Location{file_, 0, 0});
  }

  const Json* member(const Json& obj, const char* key) const {
    auto it = obj.find(key);
    return it == obj.end() ? nullptr : &*it;
  }

  /// Dataset::language: from `extension.px.language`, else from the source's name.
  /// Anything that is not a plain language code is ignored (never an error).
  std::string language_of(const Json& j, const std::string& source) const {
    if (const Json* ext = member(j, "extension"); ext && ext->is_object())
      if (const Json* px = member(*ext, "px"); px && px->is_object())
        if (const Json* l = member(*px, "language"); l && l->is_string()) {
          std::string code = l->get<std::string>();
          if (code == "no") code = "nb";
          if (is_language_tag(code)) return code;
        }
    if (source == "Statistisk sentralbyrå" || source == "Statistisk sentralbyrå (SSB)") return "nb";
    return {};
  }

  std::string opt_string(const Json& obj, const char* key, const std::string& path) const {
    const Json* v = member(obj, key);
    if (!v || v->is_null()) return {};
    if (!v->is_string()) fail(member_path(path, key), std::string("expected a string, got ") + type_name(*v));
    return v->get<std::string>();
  }

  const Json& need_object(const Json& j, const std::string& path) const {
    if (!j.is_object()) fail(path, std::string("expected an object, got ") + type_name(j));
    return j;
  }

  std::int64_t need_integer(const Json& j, const std::string& path, std::int64_t lo,
                            std::int64_t hi) const {
    std::int64_t v = 0;
    if (j.is_number_integer() || j.is_number_unsigned()) {
      if (j.is_number_unsigned() &&
          j.get<std::uint64_t>() > static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max()))
        fail(path, "the number " + j.dump() + " is too large");
      v = j.get<std::int64_t>();
    } else if (j.is_number_float() && std::floor(j.get<double>()) == j.get<double>() &&
               std::abs(j.get<double>()) < 9e15) {
      v = static_cast<std::int64_t>(j.get<double>());
    } else {
      fail(path, std::string("expected a whole number, got ") +
                     (j.is_number() ? j.dump() : type_name(j)));
    }
    if (v < lo || v > hi)
      fail(path, "expected a whole number from " + std::to_string(lo) + " to " + std::to_string(hi) +
                     ", got " + std::to_string(v));
    return v;
  }

  std::vector<Dataset> read(std::string_view text) {
    // Bounded: deep nesting, unrepresentable numbers and raw bytes in syntax errors
    // become one-line located errors (see sdgreport/json_bounded.hpp).
    const Json root = parse_json_bounded<Json>(text, file_);
    need_object(root, "$");
    std::vector<Dataset> out;
    const std::string cls = opt_string(root, "class", "$");
    if (cls == "dataset" || (cls.empty() && member(root, "dimension") && member(root, "value"))) {
      out.push_back(dataset(root, "$", ""));
    } else if (cls == "collection") {
      const Json* link = member(root, "link");
      const Json* items = link && link->is_object() ? member(*link, "item") : nullptr;
      if (items && items->is_array())
        for (std::size_t i = 0; i < items->size(); ++i) {
          const Json& it = (*items)[i];
          if (it.is_object() && member(it, "dimension") && member(it, "value")) {
            std::string name = opt_string(it, "label", item_path("$.link.item", i));
            out.push_back(dataset(it, item_path("$.link.item", i), name));
          }
        }
      if (out.empty())
        fail("$.link.item", "this collection embeds no dataset (only links); sdgreport reads "
                            "datasets from the file itself");
    } else if (cls.empty() || cls == "bundle") {
      for (const auto& [key, v] : root.items())
        if (v.is_object() && member(v, "dimension")) out.push_back(dataset(v, member_path("$", key), key));
      if (out.empty())
        fail("$", "no dataset found: expected a JSON-stat 2.0 dataset (\"class\": \"dataset\") or "
                  "a 1.x bundle of named datasets, each with 'dimension' and 'value'");
    } else {
      fail(member_path("$", "class"), "class '" + cls + "' holds no data (expected 'dataset', "
                                      "'collection' or a 1.x bundle)");
    }
    return out;
  }

 private:
  Dataset dataset(const Json& j, const std::string& path, std::string name) {
    Dataset ds;
    ds.name = std::move(name);
    ds.label = opt_string(j, "label", path);
    ds.source = opt_string(j, "source", path);
    ds.updated = opt_string(j, "updated", path);
    ds.language = language_of(j, ds.source);
    if (const Json* n = member(j, "note"); n && !n->is_null()) {
      if (n->is_string()) {
        ds.notes.push_back(n->get<std::string>());
      } else if (n->is_array()) {
        for (std::size_t i = 0; i < n->size(); ++i) {
          if (!(*n)[i].is_string()) fail(item_path(member_path(path, "note"), i), "expected a string");
          ds.notes.push_back((*n)[i].get<std::string>());
        }
      }  // an object of notes (per category) is not shown
    }

    const std::string dpath = member_path(path, "dimension");
    const Json* dim = member(j, "dimension");
    if (!dim) fail(path, "no 'dimension'");
    need_object(*dim, dpath);

    // 2.0 keeps id/size/role on the dataset, 1.x inside `dimension`.
    const Json* id = member(j, "id");
    const Json* size = member(j, "size");
    const Json* role = member(j, "role");
    std::string id_path = member_path(path, "id"), size_path = member_path(path, "size"),
                role_path = member_path(path, "role");
    if (!id) {
      id = member(*dim, "id");
      id_path = member_path(dpath, "id");
    }
    if (!size) {
      size = member(*dim, "size");
      size_path = member_path(dpath, "size");
    }
    if (!role) {
      role = member(*dim, "role");
      role_path = member_path(dpath, "role");
    }
    if (!id) fail(path, "no 'id' (the list of dimension ids), neither here nor in 'dimension'");
    if (!size) fail(path, "no 'size' (the number of categories per dimension)");
    if (!id->is_array() || id->empty()) fail(id_path, "expected a non-empty array of dimension ids");
    if (!size->is_array()) fail(size_path, std::string("expected an array, got ") + type_name(*size));
    if (size->size() != id->size())
      fail(size_path, "has " + std::to_string(size->size()) + " entries but 'id' names " +
                          std::to_string(id->size()) + " dimensions");

    std::set<std::string> seen;
    std::size_t total = 1;
    for (std::size_t i = 0; i < id->size(); ++i) {
      const Json& d = (*id)[i];
      if (!d.is_string()) fail(item_path(id_path, i), std::string("expected a string, got ") + type_name(d));
      const std::string did = d.get<std::string>();
      if (!seen.insert(did).second) fail(item_path(id_path, i), "dimension '" + did + "' is listed twice");
      const auto n = static_cast<std::size_t>(
          need_integer((*size)[i], item_path(size_path, i), 1, std::numeric_limits<std::int32_t>::max()));
      if (total > std::numeric_limits<std::size_t>::max() / n)
        fail(size_path, "the dimension sizes multiply to more cells than can be addressed");
      total *= n;
      const Json* dj = member(*dim, did.c_str());
      if (!dj) fail(dpath, "no entry for dimension '" + did + "' named in 'id'");
      ds.dimensions.push_back(dimension(*dj, member_path(dpath, did), did, n));
    }
    ds.size_ = total;

    if (role && !role->is_null()) {
      need_object(*role, role_path);
      for (const auto& [r, list] : role->items()) {
        const std::string rp = member_path(role_path, r);
        if (!list.is_array()) fail(rp, std::string("expected an array of dimension ids, got ") + type_name(list));
        for (std::size_t i = 0; i < list.size(); ++i) {
          if (!list[i].is_string()) fail(item_path(rp, i), "expected a dimension id");
          const std::string did = list[i].get<std::string>();
          bool found = false;
          for (Dimension& d : ds.dimensions)
            if (d.id == did) {
              if (d.role.empty()) d.role = r;
              found = true;
            }
          if (!found) fail(item_path(rp, i), "names dimension '" + did + "', which is not in 'id'");
        }
      }
    }

    status(j, path, ds);
    values(j, path, ds);
    return ds;
  }

  Dimension dimension(const Json& j, const std::string& path, const std::string& id, std::size_t n) {
    need_object(j, path);
    Dimension d;
    d.id = id;
    d.label = opt_string(j, "label", path);
    if (d.label.empty()) d.label = id;
    const std::string cpath = member_path(path, "category");
    const Json* cat = member(j, "category");
    if (!cat) fail(path, "no 'category'");
    need_object(*cat, cpath);

    const std::string ipath = member_path(cpath, "index");
    const std::string lpath = member_path(cpath, "label");
    const Json* index = member(*cat, "index");
    const Json* label = member(*cat, "label");
    if (label && !label->is_null()) need_object(*label, lpath);
    if (label && label->is_null()) label = nullptr;

    std::vector<std::string> ids;
    if (!index || index->is_null()) {
      // No index: the order of `label` (the spec allows this for one category;
      // files in the wild use it for more).
      if (!label) fail(cpath, "needs 'index' or 'label' to name its categories");
      for (const auto& [k, v] : label->items()) ids.push_back(k);
    } else if (index->is_array()) {
      for (std::size_t i = 0; i < index->size(); ++i) {
        if (!(*index)[i].is_string()) fail(item_path(ipath, i), std::string("expected a category id, got ") + type_name((*index)[i]));
        ids.push_back((*index)[i].get<std::string>());
      }
    } else if (index->is_object()) {
      ids.assign(index->size(), std::string());
      std::vector<bool> taken(index->size(), false);
      for (const auto& [k, v] : index->items()) {
        const auto pos = static_cast<std::size_t>(need_integer(
            v, member_path(ipath, k), 0, static_cast<std::int64_t>(index->size()) - 1));
        if (taken[pos]) fail(member_path(ipath, k), "position " + std::to_string(pos) + " is given twice");
        taken[pos] = true;
        ids[pos] = k;
      }
    } else {
      fail(ipath, std::string("expected an array or an object, got ") + type_name(*index));
    }
    if (ids.size() != n)
      fail(cpath, "'size' says " + std::to_string(n) + " categories but " +
                      (index && !index->is_null() ? "'index'" : "'label'") + " has " +
                      std::to_string(ids.size()));
    std::set<std::string> unique(ids.begin(), ids.end());
    if (unique.size() != ids.size()) fail(ipath, "a category id is listed twice");

    for (std::string& cid : ids) {
      Category c;
      c.id = std::move(cid);
      if (label)
        if (const Json* l = member(*label, c.id.c_str())) {
          if (!l->is_string()) fail(member_path(lpath, c.id), std::string("expected a string, got ") + type_name(*l));
          c.label = l->get<std::string>();
        }
      if (c.label.empty()) c.label = c.id;
      d.categories.push_back(std::move(c));
    }

    if (const Json* units = member(*cat, "unit"); units && !units->is_null()) {
      const std::string upath = member_path(cpath, "unit");
      need_object(*units, upath);
      for (const auto& [k, u] : units->items()) {
        const std::string p = member_path(upath, k);
        auto pos = d.find(k);
        if (!pos) continue;  // a unit for a category not in the index: nothing to attach it to
        need_object(u, p);
        Unit unit;
        if (const Json* dec = member(u, "decimals"); dec && !dec->is_null())
          unit.decimals = static_cast<int>(need_integer(*dec, member_path(p, "decimals"), 0, 10));
        unit.label = opt_string(u, "label", p);
        unit.base = opt_string(u, "base", p);
        if (const Json* sym = member(u, "symbol"); sym && sym->is_string()) unit.symbol = sym->get<std::string>();
        if (const Json* m = member(u, "multiplier"); m && !m->is_null())
          unit.multiplier = static_cast<int>(need_integer(*m, member_path(p, "multiplier"), -30, 30));
        d.categories[*pos].unit = unit;
      }
    }

    if (const Json* child = member(*cat, "child"); child && !child->is_null()) {
      const std::string chpath = member_path(cpath, "child");
      need_object(*child, chpath);
      for (const auto& [parent, kids] : child->items()) {
        const std::string p = member_path(chpath, parent);
        if (!kids.is_array()) fail(p, std::string("expected an array of category ids, got ") + type_name(kids));
        auto ppos = d.find(parent);
        if (!ppos) fail(p, "'" + parent + "' is not a category of this dimension");
        for (std::size_t i = 0; i < kids.size(); ++i) {
          if (!kids[i].is_string()) fail(item_path(p, i), "expected a category id");
          const std::string kid = kids[i].get<std::string>();
          auto kpos = d.find(kid);
          if (!kpos) fail(item_path(p, i), "'" + kid + "' is not a category of this dimension");
          d.categories[*ppos].children.push_back(kid);
          d.categories[*kpos].parent = parent;
        }
      }
    }
    return d;
  }

  /// Flat index from an object key ("12").
  std::size_t flat_index(const std::string& key, const std::string& path, std::size_t total) const {
    std::size_t v = 0;
    auto [p, ec] = std::from_chars(key.data(), key.data() + key.size(), v);
    if (ec != std::errc() || p != key.data() + key.size() || key.empty())
      fail(path, "'" + key + "' is not a cell number");
    if (v >= total)
      fail(path, "cell " + key + " is past the end of the cube (" + std::to_string(total) + " cells)");
    return v;
  }

  void status(const Json& j, const std::string& path, Dataset& ds) const {
    const Json* st = member(j, "status");
    if (!st || st->is_null()) return;
    const std::string spath = member_path(path, "status");
    auto text = [&](const Json& v, const std::string& p) -> std::string {
      if (v.is_null()) return {};
      if (!v.is_string()) fail(p, std::string("expected a status string, got ") + type_name(v));
      return v.get<std::string>();
    };
    if (st->is_string()) {
      ds.status_all_ = st->get<std::string>();
    } else if (st->is_array()) {
      if (st->size() == 1) {
        ds.status_all_ = text((*st)[0], item_path(spath, 0));
      } else if (st->size() == ds.size_) {
        ds.status_dense_.reserve(st->size());
        for (std::size_t i = 0; i < st->size(); ++i) ds.status_dense_.push_back(text((*st)[i], item_path(spath, i)));
      } else if (!st->empty()) {
        fail(spath, "has " + std::to_string(st->size()) + " entries; expected 1 or one per cell (" +
                        std::to_string(ds.size_) + ")");
      }
    } else if (st->is_object()) {
      for (const auto& [k, v] : st->items()) {
        const std::string p = member_path(spath, k);
        ds.status_sparse_[flat_index(k, p, ds.size_)] = text(v, p);
      }
    } else {
      fail(spath, std::string("expected a string, an array or an object, got ") + type_name(*st));
    }
  }

  /// One value: a number, null, or (seen in the wild) a string holding a number
  /// or a missing-value marker.
  double value(const Json& v, const std::string& p, Dataset& ds, std::size_t flat) const {
    if (v.is_null()) return std::numeric_limits<double>::quiet_NaN();
    if (v.is_number()) {
      double d = v.get<double>();
      if (!std::isfinite(d)) fail(p, "the value is not a finite number");
      return d;
    }
    if (v.is_string()) {
      const std::string s = v.get<std::string>();
      if (auto n = parse_number(s, NumberStyle{'.', 0})) return n->value;
      if (parse_missing_marker(s)) {
        if (ds.status_all_.empty()) {
          if (!ds.status_dense_.empty()) {
            if (ds.status_dense_[flat].empty()) ds.status_dense_[flat] = std::string(trim_spaces(s));
          } else {
            ds.status_sparse_.try_emplace(flat, std::string(trim_spaces(s)));
          }
        }
        return std::numeric_limits<double>::quiet_NaN();
      }
      fail(p, "'" + s + "' is not a number");
    }
    fail(p, std::string("expected a number or null, got ") + type_name(v));
  }

  void values(const Json& j, const std::string& path, Dataset& ds) const {
    const Json* vals = member(j, "value");
    const std::string vpath = member_path(path, "value");
    if (!vals) fail(path, "no 'value'");
    if (vals->is_array()) {
      if (vals->size() != ds.size_)
        fail(vpath, "has " + std::to_string(vals->size()) + " values but the dimension sizes make " +
                        std::to_string(ds.size_) + " cells");
      ds.dense_.reserve(vals->size());
      for (std::size_t i = 0; i < vals->size(); ++i)
        ds.dense_.push_back(value((*vals)[i], item_path(vpath, i), ds, i));
    } else if (vals->is_object()) {
      ds.sparse_ = true;
      for (const auto& [k, v] : vals->items()) {
        const std::string p = member_path(vpath, k);
        const std::size_t flat = flat_index(k, p, ds.size_);
        double d = value(v, p, ds, flat);
        if (!std::isnan(d)) ds.sparse_values_[flat] = d;
      }
    } else {
      fail(vpath, std::string("expected an array or an object, got ") + type_name(*vals));
    }
  }

  std::string file_;
};

std::vector<Dataset> read_jsonstat(std::string_view text, const std::string& file_name) {
  return Parser(file_name).read(text);
}

}  // namespace sdg::jsonstat
