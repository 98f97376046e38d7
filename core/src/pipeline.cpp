#include "sdgreport/pipeline.hpp"

#include <unistd.h>

#include <algorithm>
#include <fstream>
#include <map>
#include <set>

#include "isolate.hpp"
#include "sdgreport/catalogue.hpp"
#include "sdgreport/log.hpp"

namespace sdg {

namespace {

std::string section_name(const Section& s) {
  return s.goal() ? "'" + s.title() + "' (goal " + std::to_string(*s.goal()) + ")" : "'" + s.title() + "'";
}

// Source options the pipeline reads itself; plugins never see them.
const std::vector<std::string> kPipelineKeys{"isolate", "timeout", "memory_limit"};

// Builds the document's sections, running every source. A failing source is
// recorded and the others still run, so one build reports every broken source;
// assemble() then fails with them.
class Builder {
 public:
  Builder(PluginProvider& plugins, Context& ctx, const AssembleOptions& opts)
      : plugins_(plugins), ctx_(ctx), opts_(opts) {}

  Section section(const ChapterSpec& spec, const std::string& lang) {
    Section s(spec.title);
    if (!spec.id.empty()) {
      try {
        s.set_id(spec.id);
      } catch (const Error& e) {
        throw Error(ErrorCode::Definition, e.message(), spec.where);
      }
    }
    s.set_numbered(spec.numbered);
    for (const SourceSpec& src : spec.sources) run(src, s, std::nullopt);
    for (const ChapterSpec& sub : spec.sections) s.add_section(section(sub, lang));
    const Catalogue& cat = Catalogue::get();
    for (int g : spec.goals) {
      const auto own = spec.goal_titles.find(g);
      Section gs(own != spec.goal_titles.end() ? own->second : cat.goal(g).short_title(lang));
      gs.set_id("goal-" + std::to_string(g));
      gs.set_goal(g);
      for (const SourceSpec& src : spec.goal_sources) run(src, gs, g);
      if (auto it = spec.per_goal_sources.find(g); it != spec.per_goal_sources.end())
        for (const SourceSpec& src : it->second) run(src, gs, g);
      s.add_section(std::move(gs));
    }
    return s;
  }

  /// Throws the recorded failure; with several, logs all but the last first.
  void finish() const {
    if (errors_.empty()) return;
    if (opts_.on_source_error) {
      for (const Error& e : errors_) opts_.on_source_error(e);
      return;
    }
    for (std::size_t i = 0; i + 1 < errors_.size(); ++i) log().error("{}", errors_[i].what());
    const Error& last = errors_.back();
    if (errors_.size() == 1) throw last;
    throw Error(last.code(),
                last.message() + " (" + std::to_string(errors_.size()) + " sources failed; the others are listed above)",
                last.where());
  }

 private:
  // Runs one data source into `target`; every exception becomes an sdg::Error naming
  // the plugin and the section, created while the plugin instance (and so its
  // library) is still alive.
  void run(const SourceSpec& src, Section& target, std::optional<int> goal) {
    try {
      run_checked(src, target, goal);
    } catch (const Error& e) {
      errors_.push_back(e);
    }
    ctx_.set_scope({});
  }

  void run_checked(const SourceSpec& src, Section& target, std::optional<int> goal) {
    std::shared_ptr<DataSource> plugin;
    try {
      plugin = plugins_.data_source(src.plugin);
    } catch (const Error& e) {
      throw Error(e.code(), e.message(), src.where);
    }
    const std::string who = "plugin '" + src.plugin + "' (section " + section_name(target) + ")";
    ctx_.set_scope(who);
    const bool isolate = src.options.boolean_or("isolate", opts_.isolate);
    IsolationLimits limits;
    limits.timeout_seconds = static_cast<int>(src.options.integer_or("timeout", opts_.timeout_seconds));
    limits.memory_mb = src.options.integer_or("memory_limit", opts_.memory_limit_mb);
    if (limits.timeout_seconds <= 0) throw src.options.error("timeout", "must be a number of seconds above 0");
    if (limits.memory_mb < 0) throw src.options.error("memory_limit", "must be megabytes, 0 for none");

    // The plugin sees its own options only.
    std::vector<std::pair<std::string, Value>> own;
    for (const auto& [k, v] : src.options.value().entries())
      if (std::find(kPipelineKeys.begin(), kPipelineKeys.end(), k) == kPipelineKeys.end()) own.emplace_back(k, v);
    const Options options(Value::map(std::move(own), src.options.where()), src.options.owner());
    SourceRequest req{options, goal};
    log().debug("running {}{}", who, isolate ? " in a child process" : "");
    const std::size_t first_block = target.blocks().size(), first_section = target.sections().size();
    try {
      if (isolate) fill_isolated(*plugin, req, target, ctx_, limits);
      else plugin->fill(req, target, ctx_);
    } catch (const Error& e) {
      Location at = e.where().empty() ? src.where : e.where();
      throw Error(e.code(), who + ": " + e.message(), at);
    } catch (const std::exception& e) {
      throw Error(ErrorCode::Plugin, who + " failed: " + e.what(), src.where);
    } catch (...) {
      throw Error(ErrorCode::Plugin, who + " failed with an unknown exception", src.where);
    }
    if (opts_.on_source_done) opts_.on_source_done(target, first_block, first_section, src);
  }

  PluginProvider& plugins_;
  Context& ctx_;
  const AssembleOptions& opts_;
  std::vector<Error> errors_;
};

// Section ids must be unique; a later duplicate gets "-2", "-3"…
void make_ids_unique(std::vector<Section>& sections, std::set<std::string>& used) {
  for (Section& s : sections) {
    if (!used.insert(s.id()).second) {
      for (int n = 2;; ++n) {
        std::string candidate = s.id() + "-" + std::to_string(n);
        if (used.insert(candidate).second) {
          s.set_id(candidate);
          break;
        }
      }
    }
    make_ids_unique(s.sections(), used);
  }
}

}  // namespace

namespace {
void check_sources(const std::vector<ChapterSpec>& chapters, PluginProvider& plugins, std::set<std::string>& seen) {
  for (const ChapterSpec& c : chapters) {
    std::vector<const std::vector<SourceSpec>*> lists{&c.sources, &c.goal_sources};
    for (const auto& [goal, list] : c.per_goal_sources) lists.push_back(&list);
    for (const auto* list : lists)
      for (const SourceSpec& s : *list) {
        if (!seen.insert(s.plugin).second) continue;
        try {
          plugins.data_source(s.plugin);
        } catch (const Error& e) {
          throw Error(e.code(), e.message(), s.where);
        }
      }
    check_sources(c.sections, plugins, seen);
  }
}
}  // namespace

void check_plugins(const ReportDefinition& def, const std::vector<OutputSpec>& outputs, PluginProvider& plugins) {
  std::set<std::string> seen;
  check_sources(def.chapters, plugins, seen);
  for (const OutputSpec& o : outputs) {
    try {
      plugins.format_writer(o.format);
    } catch (const Error& e) {
      throw Error(e.code(), e.message(), o.where);
    }
  }
}

Document assemble(const ReportDefinition& def, PluginProvider& plugins, Context& ctx,
                  const AssembleOptions& opts) {
  Document doc;
  doc.meta = def.meta;
  if (def.meta.language == "nn" && def.chapters.end() != std::find_if(def.chapters.begin(), def.chapters.end(),
                                                                      [](const ChapterSpec& c) { return !c.goals.empty(); }))
    ctx.warn("title-fallback", "the SDG catalogue has no Nynorsk titles; goal titles are in Bokmål", def.path.string());
  Builder builder(plugins, ctx, opts);
  for (const ChapterSpec& spec : def.chapters) doc.add_chapter(builder.section(spec, def.meta.language));
  builder.finish();
  std::set<std::string> used;
  make_ids_unique(doc.chapters(), used);
  // The at-a-glance page follows the highlights chapter (the guidelines' main messages).
  for (std::size_t i = 0; i < def.chapters.size() && i < doc.chapters().size(); ++i)
    if (def.chapters[i].role == "highlights") {
      doc.meta.at_a_glance_after = doc.chapters()[i].id();
      break;
    }
  doc.check();
  return doc;
}

std::vector<OutputSpec> select_outputs(const ReportDefinition& def, const std::vector<std::string>& formats) {
  std::vector<OutputSpec> out;
  for (const OutputSpec& o : def.outputs)
    if (formats.empty() || std::find(formats.begin(), formats.end(), o.format) != formats.end())
      out.push_back(o);
  for (const std::string& f : formats) {
    bool listed = std::any_of(out.begin(), out.end(), [&](const OutputSpec& o) { return o.format == f; });
    if (!listed) {
      OutputSpec o;
      o.format = f;
      o.options = Options(Value::map({}), "format '" + f + "'");
      out.push_back(std::move(o));
    }
  }
  for (OutputSpec& o : out)
    if (o.file.empty()) o.file = def.name + "." + o.format;
  // Two outputs to one file would overwrite each other.
  std::set<std::string> files;
  for (const OutputSpec& o : out)
    if (!files.insert(o.file).second)
      throw Error(ErrorCode::Definition, "two outputs write the same file '" + o.file + "'", o.where);
  return out;
}

void check_output_dir(const std::filesystem::path& out_dir) {
  std::error_code ec;
  std::filesystem::create_directories(out_dir, ec);
  if (ec)
    throw Error(ErrorCode::Output, "cannot create output directory '" + out_dir.string() + "': " + ec.message());
  const auto probe = out_dir / (".sdgreport-probe-" + std::to_string(::getpid()));
  {
    std::ofstream f(probe, std::ios::binary);
    if (!f)
      throw Error(ErrorCode::Output, "output directory '" + out_dir.string() + "' is not writable");
  }
  std::filesystem::remove(probe, ec);
}

std::filesystem::path write_output(const Document& doc, const OutputSpec& out,
                                   const std::filesystem::path& out_dir, PluginProvider& plugins,
                                   Context& ctx) {
  if (out.file.empty()) throw Error(ErrorCode::Internal, "output '" + out.format + "' has no file name");
  std::shared_ptr<FormatWriter> writer;
  try {
    writer = plugins.format_writer(out.format);
  } catch (const Error& e) {
    throw Error(e.code(), e.message(), out.where);
  }
  const std::filesystem::path final_path = (out_dir / out.file).lexically_normal();
  std::error_code ec;
  std::filesystem::create_directories(final_path.parent_path(), ec);
  if (ec)
    throw Error(ErrorCode::Output, "cannot create directory '" + final_path.parent_path().string() + "': " + ec.message());
  const std::filesystem::path tmp =
      final_path.parent_path() / ("." + final_path.filename().string() + ".tmp-" + std::to_string(::getpid()));
  std::filesystem::remove(tmp, ec);

  const std::string who = "format '" + out.format + "' writing '" + final_path.string() + "'";
  ctx.set_scope(who);
  WriteRequest req{out.options, tmp, final_path};
  auto discard = [&] { std::filesystem::remove(tmp, ec); };
  try {
    writer->write(doc, req, ctx);
  } catch (const Error& e) {
    discard();
    throw Error(e.code() == ErrorCode::Internal ? ErrorCode::Plugin : e.code(), who + ": " + e.message(), e.where());
  } catch (const std::exception& e) {
    discard();
    throw Error(ErrorCode::Plugin, who + " failed: " + e.what());
  } catch (...) {
    discard();
    throw Error(ErrorCode::Plugin, who + " failed with an unknown exception");
  }
  ctx.set_scope({});
  if (!std::filesystem::is_regular_file(tmp, ec)) {
    discard();
    throw Error(ErrorCode::Plugin, who + ": the writer reported success but wrote no file");
  }
  std::filesystem::rename(tmp, final_path, ec);
  if (ec) {
    discard();
    throw Error(ErrorCode::Output, "cannot move the new file into place at '" + final_path.string() + "': " + ec.message());
  }
  log().info("wrote {}", final_path.string());
  return final_path;
}

}  // namespace sdg
