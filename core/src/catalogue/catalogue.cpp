#include "sdgreport/catalogue.hpp"

#include <cstdio>

#include "sdgreport/csv.hpp"
#include "sdgreport/error.hpp"

namespace sdg {

namespace data {
extern const std::string_view goals_csv;
extern const std::string_view targets_csv;
extern const std::string_view indicators_csv;
}  // namespace data

namespace {

const std::string& pick(const std::string& en, const std::string& nb, Language lang) {
  return (is_norwegian(lang) && !nb.empty()) ? nb : en;
}

// Rows of an embedded CSV file as maps from header to field; the header is checked.
template <typename F>
void each_row(std::string_view text, const char* name, const std::vector<std::string>& header, F f) {
  CsvReader r(text, name);
  auto head = r.next();
  if (!head || head->fields != header)
    throw Error(ErrorCode::Internal, std::string("embedded ") + name + " has an unexpected header");
  while (auto rec = r.next()) {
    if (rec->fields.size() != header.size())
      throw Error(ErrorCode::Internal, "wrong field count", Location{name, rec->line, 0});
    f(rec->fields);
  }
}

Rgb parse_hex(const std::string& s) {
  unsigned r = 0, g = 0, b = 0;
  if (s.size() != 7 || std::sscanf(s.c_str(), "#%2x%2x%2x", &r, &g, &b) != 3)
    throw Error(ErrorCode::Internal, "bad goal colour '" + s + "' in embedded goals.csv");
  return Rgb{static_cast<std::uint8_t>(r), static_cast<std::uint8_t>(g), static_cast<std::uint8_t>(b)};
}

}  // namespace

std::string Rgb::hex() const {
  char buf[8];
  std::snprintf(buf, sizeof buf, "#%02X%02X%02X", r, g, b);
  return buf;
}

Language catalogue_title_lang(Language report_lang, bool translated) noexcept {
  return is_norwegian(report_lang) && translated ? Language::Nb : Language::En;
}

const std::string& Goal::title(Language lang) const { return pick(title_en, title_nb, lang); }
const std::string& Goal::short_title(Language lang) const {
  return pick(short_title_en, short_title_nb, lang);
}
const std::string& Target::title(Language lang) const { return pick(title_en, title_nb, lang); }
const std::string& Indicator::title(Language lang) const { return pick(title_en, title_nb, lang); }
bool Target::has_title(Language lang) const { return !is_norwegian(lang) || !title_nb.empty(); }
bool Indicator::has_title(Language lang) const { return !is_norwegian(lang) || !title_nb.empty(); }

Catalogue::Catalogue() {
  each_row(data::goals_csv, "goals.csv",
           {"id", "color_hex", "title_en", "short_title_en", "title_nb", "short_title_nb"},
           [&](const std::vector<std::string>& f) {
             goals_.push_back(Goal{std::stoi(f[0]), parse_hex(f[1]), f[2], f[3], f[4], f[5]});
           });
  each_row(data::targets_csv, "targets.csv", {"id", "goal", "title_en", "title_nb"},
           [&](const std::vector<std::string>& f) {
             targets_.push_back(Target{f[0], std::stoi(f[1]), f[2], f[3]});
           });
  each_row(data::indicators_csv, "indicators.csv", {"id", "target", "goal", "title_en", "title_nb"},
           [&](const std::vector<std::string>& f) {
             indicators_.push_back(Indicator{f[0], f[1], std::stoi(f[2]), f[3], f[4]});
           });
}

const Catalogue& Catalogue::get() {
  static const Catalogue instance;
  return instance;
}

const Goal* Catalogue::find_goal(int number) const noexcept {
  if (number < 1 || number > static_cast<int>(goals_.size())) return nullptr;
  return &goals_[static_cast<std::size_t>(number - 1)];
}

const Target* Catalogue::find_target(std::string_view id) const noexcept {
  for (const Target& t : targets_)
    if (t.id == id) return &t;
  return nullptr;
}

const Indicator* Catalogue::find_indicator(std::string_view id) const noexcept {
  for (const Indicator& i : indicators_)
    if (i.id == id) return &i;
  return nullptr;
}

const Goal& Catalogue::goal(int number) const {
  if (const Goal* g = find_goal(number)) return *g;
  throw Error(ErrorCode::Model,
              std::to_string(number) + " is not an SDG goal (goals are numbered 1–17)");
}

const Target& Catalogue::target(std::string_view id) const {
  if (const Target* t = find_target(id)) return *t;
  throw Error(ErrorCode::Model, std::string(id) + " is not an SDG target");
}

const Indicator& Catalogue::indicator(std::string_view id) const {
  if (const Indicator* i = find_indicator(id)) return *i;
  throw Error(ErrorCode::Model, std::string(id) + " is not an SDG indicator");
}

int Catalogue::goal_of(std::string_view id) const {
  if (const Indicator* i = find_indicator(id)) return i->goal;
  if (const Target* t = find_target(id)) return t->goal;
  throw Error(ErrorCode::Model, std::string(id) + " is not an SDG target or indicator");
}

std::vector<const Target*> Catalogue::targets_of(int goal) const {
  std::vector<const Target*> out;
  for (const Target& t : targets_)
    if (t.goal == goal) out.push_back(&t);
  return out;
}

std::vector<const Indicator*> Catalogue::indicators_of(std::string_view target_id) const {
  std::vector<const Indicator*> out;
  for (const Indicator& i : indicators_)
    if (i.target == target_id) out.push_back(&i);
  return out;
}

}  // namespace sdg
