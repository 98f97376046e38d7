#include "sdgreport/pipeline.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <clocale>
#include <cstdio>
#include <system_error>

#include <algorithm>
#include <fstream>
#include <map>
#include <set>

#include "isolate.hpp"
#include "sdgreport/catalogue.hpp"
#include "sdgreport/i18n.hpp"
#include "sdgreport/log.hpp"
#include "sdgreport/option_check.hpp"
#include "sdgreport/references.hpp"
#include "sdgreport/validate.hpp"

namespace sdg {

// Key function: PluginProvider's vtable lives here, in libsdgreport.
PluginProvider::~PluginProvider() = default;

std::optional<OptionTable> PluginProvider::declared_options(const std::string&, PluginKind) { return std::nullopt; }


namespace {

/// Restores the process's C locale when it goes out of scope. A plugin that calls
/// setlocale() (as some libraries do) would otherwise change how every later
/// plugin and library formats numbers: libxlsxwriter and PoDoFo print with
/// printf, which writes "0,5" under a German locale.
class LocaleGuard {
 public:
  LocaleGuard() {
    if (const char* l = std::setlocale(LC_ALL, nullptr)) saved_ = l;
  }
  ~LocaleGuard() {
    if (!saved_.empty()) std::setlocale(LC_ALL, saved_.c_str());
  }
  LocaleGuard(const LocaleGuard&) = delete;
  LocaleGuard& operator=(const LocaleGuard&) = delete;

 private:
  std::string saved_;
};

std::string section_name(const Section& s) {
  return s.goal() ? "'" + s.title() + "' (goal " + std::to_string(*s.goal()) + ")" : "'" + s.title() + "'";
}

// Source options the pipeline reads itself; plugins never see them.
const std::vector<std::string> kPipelineKeys{"isolate", "timeout", "memory_limit", "language", "alt"};

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
    const std::string language = src.options.string_or("language", "");
    if (src.options.has("language") && !is_language_tag(language))
      throw src.options.error("language", "'" + language +
                                              "' is not a language tag (BCP 47, such as nb, se, kl or nb-NO)");
    const std::string alt = src.options.string_or("alt", "");
    if (src.options.has("alt") && alt.empty()) throw src.options.error("alt", "must not be empty");

    // The plugin sees its own options only.
    std::vector<std::pair<std::string, Value>> own;
    for (const auto& [k, v] : src.options.value().entries())
      if (std::find(kPipelineKeys.begin(), kPipelineKeys.end(), k) == kPipelineKeys.end()) own.emplace_back(k, v);
    Options options(Value::map(std::move(own), src.options.where()), src.options.owner());
    if (auto declared = plugins_.declared_options(src.plugin, PluginKind::DataSource))
      options = canonical_options(options, *declared);
    SourceRequest req{options, goal};
    log().debug("running {}{}", who, isolate ? " in a child process" : "");
    const std::size_t first_block = target.blocks().size(), first_section = target.sections().size();
    try {
      const LocaleGuard locale;
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
    if (!language.empty()) mark_language(target, first_block, first_section, language);
    if (!alt.empty()) set_alt(target, first_block, first_section, alt, src);
    if (opts_.on_source_done) opts_.on_source_done(target, first_block, first_section, src);
    if (src.options.has("id")) wrap_data(target, first_block, src.options.string("id"));
  }

  // `language:` — every block the source added is in that language (language of
  // parts); what is inside a block inherits it (Where::lang).
  static void mark_language(Section& target, std::size_t first_block, std::size_t first_section,
                            const std::string& lang) {
    if (first_block < target.blocks().size()) {
      Blocks all = target.take_blocks();
      for (std::size_t i = first_block; i < all.size(); ++i) all[i].lang = lang;
      target.add_blocks(std::move(all));
    }
    for (std::size_t i = first_section; i < target.sections().size(); ++i)
      mark_language(target.sections()[i], 0, 0, lang);
  }

  // `alt:` — the author's text alternative for the one chart the source adds; it
  // replaces the generated description. With no chart or several, a warning.
  void set_alt(Section& target, std::size_t first_block, std::size_t first_section, const std::string& alt,
               const SourceSpec& src) {
    std::size_t n = 0;
    for (std::size_t i = first_block; i < target.blocks().size(); ++i) n += count_charts(target.blocks()[i]);
    for (std::size_t i = first_section; i < target.sections().size(); ++i) n += count_charts(target.sections()[i]);
    if (n != 1) {
      ctx_.warn(n == 0 ? "source-alt-unused" : "source-alt-ambiguous",
                "plugin '" + src.plugin + "': 'alt' is the text alternative of one chart, but the source added " +
                    std::to_string(n) + " charts; " +
                    (n == 0 ? "it is not used" : "each keeps its generated description"),
                src.where.str());
      return;
    }
    set_chart_alt(target, first_block, first_section, alt);
  }
  static std::size_t count_charts(const Block& b) {
    if (b.is<Chart>()) return 1;
    std::size_t n = 0;
    if (const auto* c = std::get_if<Container>(&b.value))
      for (const Block& k : c->blocks) n += count_charts(k);
    return n;
  }
  static std::size_t count_charts(const Section& s) {
    std::size_t n = 0;
    for (const Block& b : s.blocks()) n += count_charts(b);
    for (const Section& sub : s.sections()) n += count_charts(sub);
    return n;
  }
  static bool set_chart_alt(Block& b, const std::string& alt) {
    if (auto* c = std::get_if<Chart>(&b.value)) {
      c->alt = alt;
      return true;
    }
    if (auto* k = std::get_if<Container>(&b.value))
      for (Block& kid : k->blocks)
        if (set_chart_alt(kid, alt)) return true;
    return false;
  }
  static bool set_chart_alt(Section& s, std::size_t first_block, std::size_t first_section, const std::string& alt) {
    bool done = false;
    if (first_block < s.blocks().size()) {
      Blocks all = s.take_blocks();
      for (std::size_t i = first_block; i < all.size() && !done; ++i) done = set_chart_alt(all[i], alt);
      s.add_blocks(std::move(all));
    }
    for (std::size_t i = first_section; i < s.sections().size() && !done; ++i)
      done = set_chart_alt(s.sections()[i], 0, 0, alt);
    return done;
  }

  // The blocks a source with an `id:` added, wrapped so that a placement directive
  // can move them (resolve_references() unwraps them again).
  static void wrap_data(Section& target, std::size_t first_block, const std::string& id) {
    Blocks all = target.take_blocks();
    Container data;
    data.name = kDataContainer;
    data.attributes["id"] = id;
    data.blocks.assign(std::make_move_iterator(all.begin() + static_cast<std::ptrdiff_t>(first_block)),
                       std::make_move_iterator(all.end()));
    all.erase(all.begin() + static_cast<std::ptrdiff_t>(first_block), all.end());
    all.push_back(std::move(data));
    target.add_blocks(std::move(all));
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

// Images come only from inside the report's folder or an `allow_paths:` folder:
// a Markdown file or plugin must not make a writer embed /etc/… or ../../private.png.
void check_figure_paths(const Blocks& blocks, const std::vector<std::filesystem::path>& roots,
                        const std::filesystem::path& base, const std::string& where) {
  for (const Block& b : blocks) {
    if (const auto* f = std::get_if<Figure>(&b.value)) {
      std::filesystem::path p(f->path);
      if (p.is_relative()) p = base / p;
      std::error_code ec;
      const std::filesystem::path real = std::filesystem::weakly_canonical(p, ec);
      bool inside = false;
      for (const auto& root : roots) {
        const auto rel = real.lexically_relative(root);
        if (!ec && !rel.empty() && *rel.begin() != "..") inside = true;
      }
      if (!inside)
        throw Error(ErrorCode::Input,
                    where + ": image '" + f->path +
                        "' is outside the report's folder; name its folder under 'allow_paths:' in the report definition",
                    Location{});
    } else if (const auto* l = std::get_if<List>(&b.value)) {
      for (const Blocks& item : l->items) check_figure_paths(item, roots, base, where);
    } else if (const auto* q = std::get_if<Quote>(&b.value)) {
      check_figure_paths(q->blocks, roots, base, where);
    } else if (const auto* c = std::get_if<Container>(&b.value)) {
      check_figure_paths(c->blocks, roots, base, where);
    }
  }
}

void check_figure_paths(const std::vector<Section>& sections, const std::vector<std::filesystem::path>& roots,
                        const std::filesystem::path& base) {
  for (const Section& s : sections) {
    check_figure_paths(s.blocks(), roots, base, "section " + section_name(s));
    check_figure_paths(s.sections(), roots, base);
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
        if (seen.insert(s.plugin).second) {
          try {
            plugins.data_source(s.plugin);
          } catch (const Error& e) {
            throw Error(e.code(), e.message(), s.where);
          }
        }
        if (auto declared = plugins.declared_options(s.plugin, PluginKind::DataSource))
          check_options(s.options, PluginKind::DataSource, *declared);
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
    if (auto declared = plugins.declared_options(o.format, PluginKind::Format))
      check_options(o.options, PluginKind::Format, *declared);
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
  resolve_references(doc);
  // The at-a-glance page follows the highlights chapter (the guidelines' main messages).
  for (std::size_t i = 0; i < def.chapters.size() && i < doc.chapters().size(); ++i)
    if (def.chapters[i].role == "highlights" || def.chapters[i].role == "main_messages") {
      doc.meta.at_a_glance_after = doc.chapters()[i].id();
      break;
    }
  doc.check();
  std::vector<std::filesystem::path> roots;
  std::error_code ec;
  const std::filesystem::path base =
      def.base_dir().empty() ? std::filesystem::current_path(ec) : std::filesystem::absolute(def.base_dir(), ec);
  for (const auto& r : [&] { auto v = def.allow_paths; v.insert(v.begin(), base); return v; }())
    roots.push_back(std::filesystem::weakly_canonical(r, ec));
  check_figure_paths(doc.chapters(), roots, base);
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
      o.options = Options(Value::map({{"format", Value::scalar(f)}}), "format '" + f + "'");
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

namespace {

namespace fs = std::filesystem;

/// "<what> '<path>': <OS error>", with errno saved by the caller before anything else ran.
Error os_error(const std::string& what, const fs::path& path, int saved_errno) {
  return Error(ErrorCode::Output, what + " '" + path.string() + "': " + std::error_code(saved_errno, std::generic_category()).message());
}

Error os_error(const std::string& what, const fs::path& path, const std::error_code& ec) {
  return Error(ErrorCode::Output, what + " '" + path.string() + "': " + ec.message());
}

/// Where output `out` goes under `out_dir`, refusing any path that leaves it:
/// lexically ("../x.pdf", also after ${column} substitution), or through a
/// symbolic link among its existing parent folders.
fs::path confined_target(const OutputSpec& out, const fs::path& out_dir) {
  if (!stays_inside(out.file))
    throw Error(ErrorCode::Definition,
                "output file '" + out.file + "' would be written outside the output directory (-o)", out.where);
  const fs::path target = (out_dir / out.file).lexically_normal();
  std::error_code ec;
  const fs::path root = fs::weakly_canonical(out_dir, ec);
  if (ec) throw os_error("cannot resolve the output directory", out_dir, ec);
  const fs::path real_parent = fs::weakly_canonical(target.parent_path(), ec);
  if (ec) throw os_error("cannot resolve", target.parent_path(), ec);
  const fs::path rel = (real_parent / target.filename()).lexically_relative(root);
  if (rel.empty() || *rel.begin() == "..")
    throw Error(ErrorCode::Definition,
                "output file '" + out.file + "' resolves to '" + (real_parent / target.filename()).string() +
                    "' through a symbolic link, outside the output directory (-o)",
                out.where);
  return target;
}

/// One output on its way: written to `tmp`, moved to `target` when all succeeded.
struct Pending {
  fs::path target;
  fs::path tmp;
  fs::path backup;  ///< a hard link to the file `target` replaced, while replacing
  bool existed = false;
  bool moved = false;
};

void remove_quietly(const fs::path& p) {
  std::error_code ec;
  if (!p.empty()) fs::remove(p, ec);
}

}  // namespace

void check_output_dir(const std::filesystem::path& out_dir) {
  std::error_code ec;
  std::filesystem::create_directories(out_dir, ec);
  if (ec) throw os_error("cannot create output directory", out_dir, ec);
  const auto probe = out_dir / (".sdgreport-probe-" + std::to_string(::getpid()));
  const int fd = ::open(probe.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
  if (fd < 0) {
    const int saved = errno;
    throw os_error("output directory is not writable: cannot create a file in", out_dir, saved);
  }
  ::close(fd);
  std::filesystem::remove(probe, ec);
}

std::optional<Document> document_part(const Document& doc, const ReportDefinition* def, const OutputSpec& out) {
  const std::string part = out.options.string_or("part", "all");
  if (part == "all") return std::nullopt;
  if (part != "main_messages")
    throw out.options.error("part", "expected 'all' or 'main_messages', got '" + part + "'");
  if (!def)
    throw Error(ErrorCode::Definition,
                "output '" + out.format + "' asks for 'part: main_messages', which needs the report definition "
                "(chapter roles are not in a rendered model)",
                out.where);
  std::size_t index = 0;
  if (!main_messages_chapter(*def, &index) || index >= doc.chapters().size())
    throw Error(ErrorCode::Definition,
                "output '" + out.format + "' asks for 'part: main_messages' but no chapter is the main messages; "
                "mark one with 'role: main_messages'",
                out.where);
  Document one;
  one.meta = doc.meta;
  one.meta.at_a_glance = false;  // the goals' overview belongs to the full report
  one.meta.at_a_glance_after.clear();
  one.add_chapter(doc.chapters()[index]);
  return one;
}

std::vector<std::filesystem::path> write_outputs(const Document& doc, const std::vector<OutputSpec>& outputs,
                                                 const std::filesystem::path& out_dir, PluginProvider& plugins,
                                                 Context& ctx, const ReportDefinition* def) {
  std::vector<Pending> pending;
  // On any failure: every temporary file and backup goes, every replaced file comes back.
  auto roll_back = [&] {
    for (Pending& p : pending) {
      if (p.moved) {
        std::error_code ec;
        if (p.existed) fs::rename(p.backup, p.target, ec);
        else fs::remove(p.target, ec);
      }
      remove_quietly(p.tmp);
      if (!p.moved || !p.existed) remove_quietly(p.backup);
    }
  };
  try {
    // 1. Every writer writes its temporary file.
    for (const OutputSpec& out : outputs) {
      if (out.file.empty()) throw Error(ErrorCode::Internal, "output '" + out.format + "' has no file name");
      std::shared_ptr<FormatWriter> writer;
      try {
        writer = plugins.format_writer(out.format);
      } catch (const Error& e) {
        throw Error(e.code(), e.message(), out.where);
      }
      Pending p;
      p.target = confined_target(out, out_dir);
      std::error_code ec;
      fs::create_directories(p.target.parent_path(), ec);
      if (ec) throw os_error("cannot create directory", p.target.parent_path(), ec);
      const std::string stem = "." + p.target.filename().string() + "." + std::to_string(::getpid());
      p.tmp = p.target.parent_path() / (stem + ".tmp");
      p.backup = p.target.parent_path() / (stem + ".old");
      remove_quietly(p.tmp);
      pending.push_back(p);

      const std::string who = "format '" + out.format + "' writing '" + p.target.string() + "'";
      ctx.set_scope(who);
      const auto declared = plugins.declared_options(out.format, PluginKind::Format);
      const Options options = declared ? canonical_options(out.options, *declared) : out.options;
      WriteRequest req{options, p.tmp, p.target};
      const std::optional<Document> part = document_part(doc, def, out);
      try {
        const LocaleGuard locale;
        writer->write(part ? *part : doc, req, ctx);
      } catch (const Error& e) {
        throw Error(e.code() == ErrorCode::Internal ? ErrorCode::Plugin : e.code(), who + ": " + e.message(), e.where());
      } catch (const std::exception& e) {
        throw Error(ErrorCode::Plugin, who + " failed: " + e.what());
      } catch (...) {
        throw Error(ErrorCode::Plugin, who + " failed with an unknown exception");
      }
      ctx.set_scope({});
      if (!fs::is_regular_file(p.tmp, ec))
        throw Error(ErrorCode::Plugin, who + ": the writer reported success but wrote no file");
    }
    // 2. Nothing is replaced unless every target can be.
    for (const Pending& p : pending) {
      std::error_code ec;
      const auto st = fs::symlink_status(p.target, ec);
      if (fs::is_directory(st))
        throw Error(ErrorCode::Output, "cannot replace '" + p.target.string() + "': it is a directory");
    }
    // 3. Move them into place, keeping a link to each replaced file until all are moved.
    for (Pending& p : pending) {
      std::error_code ec;
      p.existed = fs::exists(fs::symlink_status(p.target, ec));
      if (p.existed && ::link(p.target.c_str(), p.backup.c_str()) != 0) {
        const int saved = errno;
        throw os_error("cannot keep the old file while replacing it", p.target, saved);
      }
      if (::rename(p.tmp.c_str(), p.target.c_str()) != 0) {
        const int saved = errno;
        if (p.existed) remove_quietly(p.backup);
        p.existed = false;
        throw os_error("cannot move the new file into place at", p.target, saved);
      }
      p.moved = true;
    }
  } catch (...) {
    ctx.set_scope({});
    roll_back();
    throw;
  }
  std::vector<fs::path> written;
  for (const Pending& p : pending) {
    if (p.existed) remove_quietly(p.backup);
    log().info("wrote {}", p.target.string());
    written.push_back(p.target);
  }
  return written;
}

std::filesystem::path write_output(const Document& doc, const OutputSpec& out,
                                   const std::filesystem::path& out_dir, PluginProvider& plugins,
                                   Context& ctx) {
  return write_outputs(doc, {out}, out_dir, plugins, ctx).front();
}

}  // namespace sdg
