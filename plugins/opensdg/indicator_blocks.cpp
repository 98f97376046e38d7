// sdgreport opensdg plugin — an indicator's blocks (see indicator_blocks.hpp).
#include "indicator_blocks.hpp"

#include <algorithm>
#include <map>
#include <unordered_map>

#include "sdgreport/i18n.hpp"
#include "sdgreport/periods.hpp"

namespace sdg::opensdg {
namespace {

std::string by_word(Language lang) {
  return is_norwegian(lang) ? "etter" : "by";
}

/// A column of a wide table: one series (and, for a breakdown, one category).
struct ColumnData {
  std::string label;
  std::string series;                                 // the Series value, for progress options
  std::map<std::size_t, const Observation*> by_year;  // year index → observation
  int decimals = 0;
};

/// Rows of one unit and one view (headline, or one kept disaggregation) as columns.
struct View {
  std::vector<std::string> keys;  // column keys in first-seen order
  std::unordered_map<std::string, ColumnData> columns;
  std::size_t duplicates = 0;
};

struct YearIndex {
  std::vector<std::string> years;  // sorted
  std::unordered_map<std::string, std::size_t> index;
};

YearIndex index_years(const std::vector<const Observation*>& rows) {
  std::vector<std::string> seen;
  std::unordered_map<std::string, bool> have;
  for (const Observation* o : rows)
    if (have.emplace(o->year, true).second) seen.push_back(o->year);
  std::sort(seen.begin(), seen.end(), [](const std::string& a, const std::string& b) { return period_before(a, b); });
  YearIndex yi;
  for (auto& text : seen) {
    yi.index[text] = yi.years.size();
    yi.years.push_back(text);
  }
  return yi;
}

std::string series_label(const Observation& o, bool with_geo, const std::string& value_word) {
  std::string label = o.series;
  if (with_geo && !o.geocode.empty()) label += (label.empty() ? "" : " – ") + o.geocode;
  if (o.disaggregation >= 0) label += (label.empty() ? "" : ", ") + o.category;
  return label.empty() ? value_word : label;
}

View make_view(const std::vector<const Observation*>& rows, const YearIndex& yi, bool with_geo,
               const std::string& value_word) {
  View v;
  for (const Observation* o : rows) {
    const std::string key = series_label(*o, with_geo, value_word);
    auto [it, inserted] = v.columns.try_emplace(key);
    if (inserted) {
      v.keys.push_back(key);
      it->second.label = key;
      it->second.series = o->series;
    }
    ColumnData& col = it->second;
    if (!col.by_year.emplace(yi.index.at(o->year), o).second) {
      ++v.duplicates;
      continue;
    }
    if (o->value) col.decimals = std::max(col.decimals, std::min(o->decimals, 10));
  }
  return v;
}

Table make_table(const View& v, const YearIndex& yi, const std::string& caption, const std::string& unit,
                 const BuildOptions& o) {
  Table t;
  t.caption = caption;
  t.source = o.source;
  t.source_url = o.source_url;
  t.national = o.national;
  t.metadata = o.metadata;
  if (!unit.empty() && !t.metadata.contains("unit")) t.metadata["unit"] = unit;
  t.columns.push_back(Column{label(Label::Year, o.language), Column::Type::Text, "", 0});
  for (const std::string& key : v.keys) {
    const ColumnData& c = v.columns.at(key);
    t.columns.push_back(Column{c.label, Column::Type::Number, unit, c.decimals});
  }
  for (std::size_t y = 0; y < yi.years.size(); ++y) {
    std::vector<Cell> row{Cell::of(yi.years[y])};
    bool any = false;
    for (const std::string& key : v.keys) {
      const ColumnData& c = v.columns.at(key);
      auto it = c.by_year.find(y);
      if (it == c.by_year.end()) {
        row.push_back(Cell::missing(ValueStatus::NotAvailable));
      } else if (it->second->value) {
        row.push_back(Cell::of(*it->second->value, it->second->status));
        any = true;
      } else {
        const ValueStatus st =
            it->second->status == ValueStatus::None ? ValueStatus::NotAvailable : it->second->status;
        row.push_back(Cell::missing(st));
        any = true;
      }
    }
    if (any) t.data.append_row(row);
  }
  return t;
}

Chart make_chart(const View& v, const YearIndex& yi, Chart::Kind kind, const std::string& title,
                 const std::string& unit, const BuildOptions& o, const std::string& value_word) {
  Chart ch;
  ch.kind = kind;
  ch.title = title;
  ch.categories = yi.years;
  ch.source = o.source;
  ch.source_url = o.source_url;
  ch.national = o.national;
  for (const std::string& key : v.keys) {
    const ColumnData& c = v.columns.at(key);
    Series s;
    // A headline without a Series, GeoCode or breakdown of its own is named after
    // what the chart shows, not after the table's placeholder column ("Value").
    s.name = c.series.empty() && c.label == value_word ? title : c.label;
    s.unit = unit;
    s.values.assign(yi.years.size(), std::nullopt);
    for (const auto& [y, obs] : c.by_year) s.values[y] = obs->value;
    ch.series.push_back(std::move(s));
  }
  ch.alt = chart_alt_text(ch, o.language);
  return ch;
}

}  // namespace

std::optional<Chart::Kind> chart_kind_from_graph_type(const std::string& graph_type) {
  if (graph_type == "line") return Chart::Kind::Line;
  if (graph_type == "bar" || graph_type == "column") return Chart::Kind::Column;
  if (graph_type == "horizontalBar") return Chart::Kind::Bar;
  return std::nullopt;
}

BuildResult build_indicator_blocks(const std::string& indicator_id, const IndicatorData& data,
                                   const BuildOptions& o) {
  BuildResult out;
  const std::string value_word = label(Label::Value, o.language);
  std::string prefix = o.id_prefix;
  if (prefix.empty()) {
    prefix = "opensdg-" + indicator_id;
    std::replace(prefix.begin(), prefix.end(), '.', '-');
  }

  // Units in order of first appearance ("" when the file has no Units column).
  std::vector<std::string> units;
  for (const Observation& r : data.rows)
    if (std::find(units.begin(), units.end(), r.units) == units.end()) units.push_back(r.units);

  // The GeoCode goes into series names only when it tells rows apart.
  bool with_geo = false;
  if (data.has_geocode) {
    std::map<std::pair<std::string, std::string>, std::string> seen;  // (unit, series) → geocode
    for (const Observation& r : data.rows) {
      if (r.disaggregation >= 0) continue;
      auto [it, ins] = seen.try_emplace({r.units, r.series}, r.geocode);
      if (!ins && it->second != r.geocode) with_geo = true;
    }
  }

  // The main series, for the summary and default progress.
  std::string main_unit = units.empty() ? "" : units.front();
  std::string main_series;
  if (!o.progress.empty()) {
    if (!o.progress.front().unit.empty()) main_unit = o.progress.front().unit;
    main_series = o.progress.front().series;
  }

  std::vector<Block> tables_and_charts;
  IndicatorSummary summary;
  summary.indicator = indicator_id;
  summary.title = o.title;
  summary.source = o.source;
  summary.source_url = o.source_url;
  summary.national = o.national;
  std::map<std::string, std::vector<YearValue>> series_values;  // main unit: series label → data
  std::vector<std::string> main_keys;
  std::map<std::string, std::string> key_series;  // label → Series value

  int n = 0;
  for (const std::string& u : units) {
    const std::string unit = data.has_units ? u : o.unit;
    const bool several = units.size() > 1;
    std::vector<const Observation*> headline, all;
    for (const Observation& r : data.rows) {
      if (r.units != u) continue;
      all.push_back(&r);
      if (r.disaggregation < 0) headline.push_back(&r);
    }
    const std::string suffix = several ? " (" + u + ")" : "";
    if (!headline.empty()) {
      const YearIndex yi = index_years(headline);
      const View v = make_view(headline, yi, with_geo, value_word);
      if (v.duplicates)
        out.notes.push_back({Code::OpensdgRepeatedYear, std::to_string(v.duplicates) +
                                                            " repeated year(s) in the headline series" + suffix +
                                                            "; the first value of each was kept"});
      if (u == main_unit) {
        for (const std::string& key : v.keys) {
          const ColumnData& c = v.columns.at(key);
          main_keys.push_back(key);
          key_series[key] = c.series;
          auto& vals = series_values[key];
          for (const auto& [y, obs] : c.by_year)
            if (obs->value) vals.push_back({obs->year_start, *obs->value});
        }
        // Latest value of the main series.
        const ColumnData* main = nullptr;
        for (const std::string& key : v.keys) {
          const ColumnData& c = v.columns.at(key);
          if (main_series.empty() || c.series == main_series) {
            main = &c;
            break;
          }
        }
        if (!main) {
          out.notes.push_back(
              {Code::OpensdgSeriesNotFound, "series '" + main_series + "' not found; the summary shows the first series"});
          main = &v.columns.at(v.keys.front());
        }
        for (auto it = main->by_year.rbegin(); it != main->by_year.rend(); ++it) {
          if (it->second->value) {
            summary.value = it->second->value;
            summary.year = it->second->year;
            summary.decimals = main->decimals;
            summary.unit = unit;
            if (data.has_series || v.keys.size() > 1) summary.series = main->label;
            break;
          }
        }
      }
      const std::string id = prefix + (n ? "-" + std::to_string(n + 1) : "");
      if (o.table) {
        Table t = make_table(v, yi, o.title + suffix, unit, o);
        t.id = id;
        t.indicator = indicator_id;
        tables_and_charts.emplace_back(std::move(t));
      }
      if (o.chart) {
        Chart ch =
            make_chart(v, yi, *o.chart, (o.chart_title.empty() ? o.title : o.chart_title) + suffix, unit, o,
                       value_word);
        ch.id = id + "-chart";
        ch.indicator = indicator_id;
        if (o.table) ch.data_table = id;  // the same view: exactly that table's observations
        tables_and_charts.emplace_back(std::move(ch));
      }
      ++n;
    }
    // One table per kept disaggregation.
    for (std::size_t d = 0; d < data.kept.size(); ++d) {
      std::vector<const Observation*> rows;
      for (const Observation* r : all)
        if (r->disaggregation == static_cast<int>(d)) rows.push_back(r);
      if (rows.empty() || !o.table) continue;
      const YearIndex yi = index_years(rows);
      const View v = make_view(rows, yi, with_geo, value_word);
      Table t = make_table(v, yi, o.title + " " + by_word(o.language) + " " + data.kept[d] + suffix, unit, o);
      t.id = prefix + "-" + make_id(data.kept[d]) + (several ? "-" + std::to_string(n) : "");
      t.indicator = indicator_id;
      tables_and_charts.emplace_back(std::move(t));
    }
  }
  if (!summary.value) summary.unit = data.has_units ? main_unit : o.unit;

  // Progress.
  if (o.assess) {
    std::vector<ProgressConfig> configs = o.progress;
    if (configs.empty()) configs.emplace_back();
    for (const ProgressConfig& c : configs) {
      if (!c.unit.empty() && c.unit != main_unit) {
        out.notes.push_back({Code::OpensdgProgressUnit, "progress for unit '" + c.unit + "': only the main unit '" +
                                                            main_unit + "' is assessed; skipped"});
        continue;
      }
      std::string key;
      for (const std::string& k : main_keys)
        if (c.series.empty() || key_series[k] == c.series) {
          key = k;
          break;
        }
      ProgressResult r;
      if (key.empty()) {
        r.note = main_keys.empty() ? "no headline values" : "series '" + c.series + "' not found";
      } else {
        r = measure_progress(series_values[key], c);
      }
      if (!r.note.empty())
        out.notes.push_back({Code::OpensdgProgressNotMeasured,
                             "progress of " + indicator_id + (key.empty() ? "" : " (" + key + ")") + ": " + r.note});
      out.progress.push_back(std::move(r));
    }
    out.status = out.progress.size() == 1 ? out.progress.front().status : combine_progress(out.progress);
    if (out.progress.size() == 1 && !out.progress.front().score &&
        out.status != ProgressStatus::TargetAchieved)
      out.status = ProgressStatus::NotAvailable;
  } else if (o.manual) {
    out.status = *o.manual;
  }
  summary.progress = out.status;

  out.blocks.emplace_back(std::move(summary));
  for (Block& b : tables_and_charts) out.blocks.push_back(std::move(b));
  return out;
}

}  // namespace sdg::opensdg
