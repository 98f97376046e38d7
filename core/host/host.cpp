// The plugin host. The only place that includes Boost.DLL.
#include "host.hpp"

#include <boost/dll/runtime_symbol_info.hpp>
#include <boost/dll/shared_library.hpp>

#include <dlfcn.h>

#include <algorithm>
#include <cstdlib>
#include <map>
#include <set>

#include "sdgreport/error.hpp"
#include "sdgreport/log.hpp"
#include "sdgreport/option_check.hpp"

namespace dll = boost::dll;
namespace fs = std::filesystem;

namespace sdg {

namespace {

constexpr const char* kAbiSymbol = "sdgreport_plugin_abi";
constexpr const char* kInfoSymbol = "sdgreport_plugin_info";
constexpr const char* kDataFactory = "sdgreport_create_data_source";
constexpr const char* kFormatFactory = "sdgreport_create_format_writer";

// Boost.DLL wraps dlerror() in text of its own plus a meaningless errno string;
// keep the dlerror part.
std::string dl_reason(const std::string& what) {
  const std::string open = "dlerror system message: ";
  auto p = what.find(open);
  if (p == std::string::npos) return what;
  p += open.size();
  auto q = what.find("):", p);
  return what.substr(p, q == std::string::npos ? std::string::npos : q - p);
}

bool valid_name(const char* n) {
  if (!n || !*n) return false;
  for (const char* c = n; *c; ++c)
    if (!((*c >= 'a' && *c <= 'z') || (*c >= '0' && *c <= '9') || *c == '-' || *c == '_')) return false;
  return true;
}

// The fingerprint items in the order they are checked: the toolchain first (a
// different one explains any size difference), then the sizes.
struct FingerprintItem {
  const char* what;
  std::uint32_t PluginFingerprint::*field;
};
constexpr FingerprintItem kFingerprintItems[] = {
    {"compiler C++ ABI (__GXX_ABI_VERSION)", &PluginFingerprint::gxx_abi_version},
    {"libstdc++ dual ABI (_GLIBCXX_USE_CXX11_ABI)", &PluginFingerprint::cxx11_abi},
    {"spdlog version (SPDLOG_VERSION)", &PluginFingerprint::spdlog_version},
    {"fmt version (FMT_VERSION)", &PluginFingerprint::fmt_version},
    {"sizeof(sdg::Inline)", &PluginFingerprint::size_inline},
    {"sizeof(sdg::Block)", &PluginFingerprint::size_block},
    {"sizeof(sdg::Cell)", &PluginFingerprint::size_cell},
    {"sizeof(sdg::Column)", &PluginFingerprint::size_column},
    {"sizeof(sdg::Table)", &PluginFingerprint::size_table},
    {"sizeof(sdg::Series)", &PluginFingerprint::size_series},
    {"sizeof(sdg::Chart)", &PluginFingerprint::size_chart},
    {"sizeof(sdg::Figure)", &PluginFingerprint::size_figure},
    {"sizeof(sdg::IndicatorSummary)", &PluginFingerprint::size_indicator_summary},
    {"sizeof(sdg::Container)", &PluginFingerprint::size_container},
    {"sizeof(sdg::Section)", &PluginFingerprint::size_section},
    {"sizeof(sdg::Metadata)", &PluginFingerprint::size_metadata},
    {"sizeof(sdg::Document)", &PluginFingerprint::size_document},
    {"sizeof(sdg::Value)", &PluginFingerprint::size_value},
    {"sizeof(sdg::Options)", &PluginFingerprint::size_options},
    {"sizeof(sdg::Context)", &PluginFingerprint::size_context},
    {"sizeof(sdg::Warning)", &PluginFingerprint::size_warning},
    {"sizeof(sdg::SourceRequest)", &PluginFingerprint::size_source_request},
    {"sizeof(sdg::WriteRequest)", &PluginFingerprint::size_write_request},
};
static_assert(sizeof(kFingerprintItems) / sizeof(kFingerprintItems[0]) * sizeof(std::uint32_t) ==
                  sizeof(PluginFingerprint),
              "every PluginFingerprint field is checked");

// "" when the plugin was built like the host; else the first item that differs.
std::string fingerprint_mismatch(const PluginFingerprint& plugin) {
  constexpr PluginFingerprint host = plugin_fingerprint();
  for (const FingerprintItem& item : kFingerprintItems)
    if (plugin.*item.field != host.*item.field)
      return "built with " + std::string(item.what) + " " + std::to_string(plugin.*item.field) +
             ", but this sdgreport has " + std::to_string(host.*item.field) +
             "; rebuild the plugin with the same compiler and SDK as this sdgreport";
  return "";
}

// "" when a plugin's option table is well-formed; else what is wrong with it.
std::string option_table_problem(const OptionTable& table, PluginKind kind) {
  if (table.count > 0 && !table.items) return "declares options but gives no table";
  if (table.count > 1000) return "declares more than 1000 options";
  const OptionTable generic = generic_options(kind);
  std::set<std::string> names;
  for (const OptionSpec& s : table) {
    if (!valid_name(s.name)) return "declares an option with an invalid name (use a-z, 0-9, '-' and '_')";
    const std::string n = s.name;
    if (generic.find(n)) return "declares option '" + n + "', which is a generic key the core declares";
    if (!names.insert(n).second) return "declares option '" + n + "' twice";
    const auto t = static_cast<std::uint32_t>(s.type);
    if (t < static_cast<std::uint32_t>(OptionType::String) || t > static_cast<std::uint32_t>(OptionType::Path))
      return "option '" + n + "' has an unknown type " + std::to_string(t);
    if (s.type == OptionType::Enum && (!s.values || !s.values[0]))
      return "option '" + n + "' is an enum without values";
  }
  return "";
}

std::string name_from_file(const fs::path& file) {
  std::string stem = file.stem().string();
  const std::string prefix = "sdgreport-";
  return stem.rfind(prefix, 0) == 0 ? stem.substr(prefix.size()) : stem;
}

}  // namespace

struct PluginHost::Impl {
  std::vector<PluginRecord> records;
  std::map<std::string, std::shared_ptr<dll::shared_library>> libs;  // enabled plugins by name
  std::set<fs::path> seen;

  const PluginRecord* enabled(const std::string& name, PluginKind kind) const {
    for (const PluginRecord& r : records)
      if (r.enabled && r.name == name && r.kind == kind) return &r;
    return nullptr;
  }

  [[noreturn]] void unknown(const std::string& name, PluginKind kind) const {
    const char* what = kind == PluginKind::DataSource ? "data-source" : "format";
    for (const PluginRecord& r : records)
      if (!r.enabled && r.name == name)
        throw Error(ErrorCode::Plugin, std::string(what) + " plugin '" + name + "' is disabled: " + r.reason +
                                           " (" + r.path.string() + ")");
    std::string list;
    for (const PluginRecord& r : records)
      if (r.enabled && r.kind == kind) list += (list.empty() ? "" : ", ") + r.name;
    throw Error(ErrorCode::Plugin, "unknown " + std::string(what) + " plugin '" + name + "' (available: " +
                                       (list.empty() ? "none" : list) + ")");
  }

  template <typename T>
  std::shared_ptr<T> create(const std::string& name, PluginKind kind, const char* factory_symbol) {
    const PluginRecord* rec = enabled(name, kind);
    if (!rec) unknown(name, kind);
    std::shared_ptr<dll::shared_library> lib = libs.at(name);
    T* raw = nullptr;
    try {
      raw = lib->get<T*()>(factory_symbol)();
    } catch (const std::exception& e) {
      throw Error(ErrorCode::Plugin, "plugin '" + name + "' failed to start: " + e.what());
    } catch (...) {
      throw Error(ErrorCode::Plugin, "plugin '" + name + "' failed to start with an unknown exception");
    }
    if (!raw) throw Error(ErrorCode::Plugin, "plugin '" + name + "' returned no instance");
    // The deleter holds the library: it stays loaded while the instance lives.
    return std::shared_ptr<T>(raw, [lib](T* p) { delete p; });
  }
};

PluginHost::PluginHost() : impl_(std::make_unique<Impl>()) {}
PluginHost::~PluginHost() = default;

std::vector<fs::path> PluginHost::default_directories() {
  std::vector<fs::path> dirs;
  std::error_code ec;
  fs::path exe = dll::program_location(ec);
  if (!ec) {
    const fs::path bin = exe.parent_path();
    dirs.push_back(bin);
    dirs.push_back((bin / ".." / SDGREPORT_PLUGIN_INSTALL_DIR).lexically_normal());
  }
  if (const char* env = std::getenv("SDGREPORT_PLUGIN_PATH"); env && *env) {
    std::string s(env);
    std::size_t start = 0;
    while (start <= s.size()) {
      std::size_t end = s.find(':', start);
      if (end == std::string::npos) end = s.size();
      if (end > start) dirs.emplace_back(s.substr(start, end - start));
      start = end + 1;
    }
  }
  return dirs;
}

void PluginHost::add_directory(const fs::path& dir) {
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) {
    log().debug("plugin directory {} does not exist; skipped", dir.string());
    return;
  }
  std::vector<fs::path> files;
  for (const auto& entry : fs::directory_iterator(dir, ec)) {
    const std::string n = entry.path().filename().string();
    if (n.rfind("sdgreport-", 0) == 0 && entry.path().extension() == ".so") files.push_back(entry.path());
  }
  if (ec) log().warn("cannot list plugin directory {}: {}", dir.string(), ec.message());
  std::sort(files.begin(), files.end());
  for (const fs::path& f : files) load(f);
}

PluginRecord PluginHost::load(const fs::path& file) {
  std::error_code ec;
  fs::path path = fs::weakly_canonical(file, ec);
  if (ec) path = file;
  for (const PluginRecord& r : impl_->records)
    if (r.path == path) return r;

  PluginRecord rec;
  rec.path = path;
  rec.name = name_from_file(path);
  auto refuse = [&](std::string reason) -> PluginRecord {
    rec.enabled = false;
    rec.reason = std::move(reason);
    log().warn("plugin {} disabled: {} ({})", rec.name, rec.reason, path.string());
    impl_->records.push_back(rec);
    return impl_->records.back();
  };

  auto lib = std::make_shared<dll::shared_library>();
  try {
    lib->load(path, dll::load_mode::rtld_now | dll::load_mode::rtld_local);
  } catch (const std::exception& e) {  // the message carries dlerror()
    return refuse("cannot be loaded: " + dl_reason(e.what()));
  }
  if (!lib->has(kAbiSymbol)) return refuse(std::string("missing export ") + kAbiSymbol + " (not an sdgreport plugin)");
  // A loaded plugin stays mapped until the process exits (RTLD_NODELETE on the
  // handle Boost.DLL opened): unloading at exit gains nothing, and libraries a
  // plugin pulls in (PoDoFo, libcmark-gfm) keep their global state valid while
  // static destructors run — which is also what lets LeakSanitizer see and name
  // what they hold (make test-sanitize).
  if (void* pin = ::dlopen(path.c_str(), RTLD_NOW | RTLD_NOLOAD | RTLD_NODELETE); pin == nullptr)
    log().debug("plugin {}: could not be pinned in memory: {}", path.string(), ::dlerror());

  std::uint32_t abi = 0;
  const PluginInfo* info = nullptr;
  try {
    abi = lib->get<std::uint32_t()>(kAbiSymbol)();
    if (abi != kPluginAbiVersion)
      return refuse("built for plugin ABI version " + std::to_string(abi) + ", but this sdgreport uses ABI version " +
                    std::to_string(kPluginAbiVersion) + "; rebuild the plugin against this sdgreport");
    if (!lib->has(kInfoSymbol)) return refuse(std::string("missing export ") + kInfoSymbol);
    info = lib->get<const PluginInfo*()>(kInfoSymbol)();
  } catch (const std::exception& e) {
    return refuse(std::string("failed while reporting its metadata: ") + e.what());
  } catch (...) {
    return refuse("failed while reporting its metadata");
  }
  if (!info) return refuse("returned no metadata");
  if (info->abi_version != kPluginAbiVersion) return refuse("metadata gives another ABI version than the plugin");
  if (std::string why = fingerprint_mismatch(info->fingerprint); !why.empty()) return refuse(why);
  if (!valid_name(info->name)) return refuse("invalid plugin name (use a-z, 0-9, '-' and '_')");
  rec.name = info->name;
  rec.version = info->version ? info->version : "";
  rec.description = info->description ? info->description : "";
  rec.kind = info->kind;
  const char* factory = nullptr;
  if (info->kind == PluginKind::DataSource) factory = kDataFactory;
  else if (info->kind == PluginKind::Format) factory = kFormatFactory;
  else return refuse("unknown plugin kind " + std::to_string(static_cast<std::uint32_t>(info->kind)));
  if (!lib->has(factory)) return refuse(std::string("missing export ") + factory);
  if (std::string why = option_table_problem(info->options, info->kind); !why.empty()) return refuse(why);
  rec.options = info->options;

  for (const PluginRecord& r : impl_->records)
    if (r.enabled && r.name == rec.name) return refuse("shadowed by " + r.path.string() + ", found earlier");

  rec.enabled = true;
  impl_->libs[rec.name] = std::move(lib);
  log().debug("loaded {} plugin {} {} from {}", plugin_kind_name(rec.kind), rec.name, rec.version, path.string());
  impl_->records.push_back(rec);
  return impl_->records.back();
}

const std::vector<PluginRecord>& PluginHost::plugins() const { return impl_->records; }

std::shared_ptr<DataSource> PluginHost::data_source(const std::string& name) {
  return impl_->create<DataSource>(name, PluginKind::DataSource, kDataFactory);
}

std::optional<OptionTable> PluginHost::declared_options(const std::string& name, PluginKind kind) {
  const PluginRecord* r = impl_->enabled(name, kind);
  if (!r) return std::nullopt;
  return r->options;
}

const PluginRecord* PluginHost::find(const std::string& name) const {
  for (const PluginRecord& r : impl_->records)
    if (r.enabled && r.name == name) return &r;
  return nullptr;
}

std::shared_ptr<FormatWriter> PluginHost::format_writer(const std::string& name) {
  return impl_->create<FormatWriter>(name, PluginKind::Format, kFormatFactory);
}

}  // namespace sdg
