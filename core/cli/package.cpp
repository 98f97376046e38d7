#include "package.hpp"

#include <libxml/parser.h>
#include <libxml/tree.h>
#include <openssl/evp.h>
#include <podofo/podofo.h>
#include <zip.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <ctime>
#include <fstream>
#include <iostream>
#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <set>

#include "build.hpp"
#include "sdgreport/log.hpp"
#include "sdgreport/validate.hpp"
#include "sdgreport/walk.hpp"
#include "sdgreport/codes.hpp"

namespace sdg::cli {

namespace fs = std::filesystem;

// ---------------------------------------------------------------- file facts

std::string sha256_file(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw Error(ErrorCode::Output, "cannot read '" + path.string() + "' to hash it");
  std::unique_ptr<EVP_MD_CTX, decltype(&EVP_MD_CTX_free)> md(EVP_MD_CTX_new(), EVP_MD_CTX_free);
  if (!md || EVP_DigestInit_ex(md.get(), EVP_sha256(), nullptr) != 1)
    throw Error(ErrorCode::Internal, "OpenSSL has no SHA-256");
  std::vector<char> buf(1 << 16);
  while (in) {
    in.read(buf.data(), static_cast<std::streamsize>(buf.size()));
    if (in.gcount() > 0) EVP_DigestUpdate(md.get(), buf.data(), static_cast<std::size_t>(in.gcount()));
  }
  if (in.bad()) throw Error(ErrorCode::Output, "cannot read '" + path.string() + "' to hash it");
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int n = 0;
  EVP_DigestFinal_ex(md.get(), digest, &n);
  static const char* hex = "0123456789abcdef";
  std::string out;
  for (unsigned int i = 0; i < n; ++i) {
    out += hex[digest[i] >> 4];
    out += hex[digest[i] & 15];
  }
  return out;
}

int pdf_page_count(const fs::path& path) {
  const bool was = PoDoFo::PdfError::LoggingEnabled();
  PoDoFo::PdfError::EnableLogging(false);
  try {
    PoDoFo::PdfMemDocument doc;
    doc.Load(path.c_str());
    PoDoFo::PdfError::EnableLogging(was);
    return doc.GetPageCount();
  } catch (const PoDoFo::PdfError& e) {
    PoDoFo::PdfError::EnableLogging(was);
    throw Error(ErrorCode::Output, "cannot read the PDF '" + path.string() + "' to count its pages: " +
                                       PoDoFo::PdfError::ErrorName(e.GetError()));
  }
}

std::vector<std::string> xlsx_sheet_names(const fs::path& path) {
  auto fail = [&](const std::string& why) {
    return Error(ErrorCode::Output, "cannot read the sheets of '" + path.string() + "': " + why);
  };
  int err = 0;
  zip_t* za = zip_open(path.c_str(), ZIP_RDONLY, &err);
  if (!za) throw fail("not a zip file");
  std::unique_ptr<zip_t, decltype(&zip_discard)> archive(za, zip_discard);
  zip_stat_t st;
  zip_stat_init(&st);
  if (zip_stat(za, "xl/workbook.xml", 0, &st) != 0 || !(st.valid & ZIP_STAT_SIZE)) throw fail("no xl/workbook.xml");
  std::string xml(static_cast<std::size_t>(st.size), '\0');
  zip_file_t* f = zip_fopen(za, "xl/workbook.xml", 0);
  if (!f) throw fail(zip_strerror(za));
  const zip_int64_t got = zip_fread(f, xml.data(), xml.size());
  zip_fclose(f);
  if (got != static_cast<zip_int64_t>(xml.size())) throw fail("xl/workbook.xml is truncated");
  std::unique_ptr<xmlDoc, decltype(&xmlFreeDoc)> doc(
      xmlReadMemory(xml.data(), static_cast<int>(xml.size()), "workbook.xml", nullptr,
                    XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING),
      xmlFreeDoc);
  if (!doc) throw fail("xl/workbook.xml is not XML");
  std::vector<std::string> names;
  for (xmlNode* n = xmlDocGetRootElement(doc.get()) ? xmlDocGetRootElement(doc.get())->children : nullptr; n;
       n = n->next) {
    if (n->type != XML_ELEMENT_NODE || xmlStrcmp(n->name, BAD_CAST "sheets") != 0) continue;
    for (xmlNode* s = n->children; s; s = s->next) {
      if (s->type != XML_ELEMENT_NODE || xmlStrcmp(s->name, BAD_CAST "sheet") != 0) continue;
      if (xmlChar* name = xmlGetProp(s, BAD_CAST "name")) {
        names.emplace_back(reinterpret_cast<const char*>(name));
        xmlFree(name);
      }
    }
  }
  return names;
}

namespace {

// ---------------------------------------------------------------- the build's dates

/// The moment every date of the package is set to: SOURCE_DATE_EPOCH when set,
/// else the report's `date:` at midnight UTC (the first day of a month or year
/// given alone), else the definition file's modification time; so building the
/// package again from the same inputs gives the same bytes.
std::int64_t package_epoch(const ReportDefinition& def) {
  if (const char* s = std::getenv("SOURCE_DATE_EPOCH"); s && *s) return build_epoch();
  const std::string& d = def.meta.date;
  if (is_iso_date(d)) {
    std::tm tm{};
    tm.tm_year = std::stoi(d.substr(0, 4)) - 1900;
    tm.tm_mon = d.size() >= 7 ? std::stoi(d.substr(5, 2)) - 1 : 0;
    tm.tm_mday = d.size() >= 10 ? std::stoi(d.substr(8, 2)) : 1;
    return static_cast<std::int64_t>(timegm(&tm));
  }
  std::error_code ec;
  const auto t = fs::last_write_time(def.path, ec);
  if (ec) return build_epoch();
  return std::chrono::duration_cast<std::chrono::seconds>(std::chrono::file_clock::to_sys(t).time_since_epoch())
      .count();
}

// ---------------------------------------------------------------- what the build read

struct FigurePaths : PartialVisitor {
  std::vector<std::string> paths;
  void figure(const Figure& f, const Where&) override { paths.push_back(f.path); }
};

struct SummaryCount : PartialVisitor {
  std::size_t n = 0;
  void indicator_summary(const IndicatorSummary&, const Where&) override { ++n; }
};

/// Every regular file the build read, absolute and each once: the definition,
/// what sources and writers resolved through the context (folders: every file in
/// them), the theme's files and the figures. Files under `out_dir` are left out.
std::vector<fs::path> input_files(const ReportDefinition& def, const Document& doc, const Context& ctx,
                                  const fs::path& out_dir) {
  std::error_code ec;
  const fs::path base = fs::absolute(def.base_dir().empty() ? fs::path(".") : def.base_dir(), ec).lexically_normal();
  const fs::path out = fs::weakly_canonical(out_dir, ec);
  std::set<fs::path> files;
  auto add_file = [&](const fs::path& p) {
    const fs::path real = fs::weakly_canonical(p, ec);
    if (ec) return;
    const fs::path rel = real.lexically_relative(out);
    if (!rel.empty() && *rel.begin() != "..") return;  // an output, not an input
    files.insert(fs::absolute(p, ec).lexically_normal());
  };
  auto add = [&](const fs::path& p0) {
    const fs::path p = p0.is_absolute() ? p0 : base / p0;
    if (fs::is_directory(p, ec)) {
      for (auto it = fs::recursive_directory_iterator(p, fs::directory_options::skip_permission_denied, ec);
           !ec && it != fs::recursive_directory_iterator(); it.increment(ec))
        if (it->is_regular_file(ec)) add_file(it->path());
    } else if (fs::is_regular_file(p, ec)) {
      add_file(p);
    }
  };
  add(fs::absolute(def.path, ec));
  for (const fs::path& p : ctx.inputs()) add(p.is_absolute() ? p : fs::absolute(p, ec));
  const Theme& th = doc.meta.theme;
  for (const std::string* f : {&th.logo, &th.cover_image, &th.font_regular, &th.font_bold, &th.font_italic,
                               &th.font_bold_italic})
    if (!f->empty()) add(*f);
  FigurePaths figures;
  walk(doc, figures);
  for (const std::string& f : figures.paths) add(f);
  return {files.begin(), files.end()};
}

/// A path as the manifest names it: relative to the report's folder when inside it.
std::string display_path(const fs::path& p, const fs::path& base) {
  const fs::path rel = p.lexically_relative(base);
  if (!rel.empty() && *rel.begin() != "..") return rel.generic_string();
  return p.generic_string();
}

// ---------------------------------------------------------------- writing

/// Writes `bytes` to `path` through a temporary file renamed into place.
void write_atomically(const fs::path& path, const std::string& bytes) {
  const fs::path tmp = fs::path(path).concat(".tmp");
  {
    std::ofstream out(tmp, std::ios::binary);
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    out.close();
    if (!out) throw Error(ErrorCode::Output, "cannot write '" + tmp.string() + "'");
  }
  std::error_code ec;
  fs::rename(tmp, path, ec);
  if (ec) throw Error(ErrorCode::Output, "cannot write '" + path.string() + "': " + ec.message());
}

/// Sets TZ=UTC for a scope: libzip writes an entry's time as local DOS time.
class UtcScope {
 public:
  UtcScope() {
    if (const char* tz = std::getenv("TZ")) old_ = tz, had_ = true;
    setenv("TZ", "UTC", 1);
    tzset();
  }
  ~UtcScope() {
    if (had_) setenv("TZ", old_.c_str(), 1);
    else unsetenv("TZ");
    tzset();
  }
  UtcScope(const UtcScope&) = delete;
  UtcScope& operator=(const UtcScope&) = delete;

 private:
  std::string old_;
  bool had_ = false;
};

/// One zip of `entries` (name in the zip → file), in that order, every entry
/// dated `epoch`, deflated, mode 0644: the same files give the same bytes.
void write_zip(const fs::path& path, const std::vector<std::pair<std::string, fs::path>>& entries, std::int64_t epoch) {
  const fs::path tmp = fs::path(path).concat(".tmp");
  std::error_code ec;
  fs::remove(tmp, ec);
  int err = 0;
  zip_t* za = zip_open(tmp.c_str(), ZIP_CREATE | ZIP_TRUNCATE, &err);
  if (!za) {
    zip_error_t e;
    zip_error_init_with_code(&e, err);
    const std::string why = zip_error_strerror(&e);
    zip_error_fini(&e);
    throw Error(ErrorCode::Output, "cannot create '" + tmp.string() + "': " + why);
  }
  // zip_source_buffer does not copy: the bytes live until zip_close().
  std::vector<std::string> contents;
  contents.reserve(entries.size());
  auto fail = [&](const std::string& what) {
    const std::string why = zip_strerror(za);
    zip_discard(za);
    fs::remove(tmp, ec);
    return Error(ErrorCode::Output, "cannot write '" + path.string() + "': " + what + ": " + why);
  };
  for (const auto& [name, file] : entries) {
    std::ifstream in(file, std::ios::binary);
    contents.emplace_back(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
    if (!in && !in.eof()) throw fail("cannot read " + file.string());
    zip_source_t* src = zip_source_buffer(za, contents.back().data(), contents.back().size(), 0);
    if (!src) throw fail(name);
    const zip_int64_t i = zip_file_add(za, name.c_str(), src, ZIP_FL_ENC_UTF_8 | ZIP_FL_OVERWRITE);
    if (i < 0) {
      zip_source_free(src);
      throw fail(name);
    }
    const auto index = static_cast<zip_uint64_t>(i);
    if (zip_set_file_compression(za, index, ZIP_CM_DEFLATE, 9) != 0 ||
        zip_file_set_mtime(za, index, static_cast<time_t>(epoch), 0) != 0 ||
        zip_file_set_external_attributes(za, index, 0, ZIP_OPSYS_UNIX, 0100644u << 16) != 0)
      throw fail(name);
  }
  {
    const UtcScope utc;
    if (zip_close(za) < 0) throw fail("closing");
  }
  fs::rename(tmp, path, ec);
  if (ec) throw Error(ErrorCode::Output, "cannot write '" + path.string() + "': " + ec.message());
}

}  // namespace

// ---------------------------------------------------------------- the command

int package(const fs::path& definition, const fs::path& out_dir,
            const std::function<void(PluginHost&, const std::vector<fs::path>&)>& load_plugins,
            const PackageOptions& opts) {
  log().info("reading {}", definition.string());
  const ReportDefinition def = load_definition(definition);
  PluginHost host;
  load_plugins(host, def.plugin_dirs);

  // Every output of the definition, plus the main messages alone and the factsheets.
  std::vector<OutputSpec> outputs = select_outputs(def, {});
  const Location at{def.path.string(), 0, 0};
  auto has = [&](auto pred) { return std::any_of(outputs.begin(), outputs.end(), pred); };
  auto add_output = [&](const std::string& format, const std::string& file,
                        std::vector<std::pair<std::string, Value>> extra) {
    if (has([&](const OutputSpec& o) { return o.file == file; }))
      throw Error(ErrorCode::Definition,
                  "the package adds '" + file + "', which an output of the definition already writes; rename that output",
                  at);
    OutputSpec o;
    o.format = format;
    o.file = file;
    extra.insert(extra.begin(), std::pair<std::string, Value>("format", Value::scalar(format)));
    o.options = Options(Value::map(std::move(extra)), "package output '" + file + "'");
    o.where = at;
    outputs.push_back(std::move(o));
  };
  const bool main_messages = main_messages_chapter(def) != nullptr;
  if (main_messages && !has([](const OutputSpec& o) { return o.options.string_or("part", "all") == "main_messages"; }))
    add_output("pdf", def.name + "-main-messages.pdf", {{"part", Value::scalar("main_messages")}});
  if (!main_messages)
    log().warn("{}: no chapter is the main messages (role: main_messages); the package has none [{}]", at.str(),
               code_name(Code::PackageNoMainMessages));
  const bool factsheets_listed = has([](const OutputSpec& o) { return o.format == "factsheets"; });
  if (!factsheets_listed) add_output("factsheets", def.name + "-factsheets.pdf", {});
  const std::string zip_name = def.name + "-package.zip";
  for (const OutputSpec& o : outputs)
    if (o.file == "manifest.json" || o.file == zip_name)
      throw Error(ErrorCode::Definition, "output file '" + o.file + "' is the package's own; rename it", o.where);

  check_plugins(def, outputs, host);
  check_output_dir(out_dir);

  // validate --strict: every finding stops the package, warnings too unless allowed.
  Context ctx(def.base_dir(), def.meta.language, package_epoch(def));
  ctx.set_echo(false);
  Validator validator(def);
  std::optional<Document> doc;
  try {
    doc = assemble_checked(def, host, opts.assemble, ctx, validator, true);
  } catch (const Error& e) {
    validator.record(e);
  }
  validator.record(ctx.warnings());
  for (const Finding& f : validator.findings()) std::cout << f.str() << "\n";
  std::cout << validator.errors() << (validator.errors() == 1 ? " error, " : " errors, ") << validator.warnings()
            << (validator.warnings() == 1 ? " warning\n" : " warnings\n");
  if (validator.errors() > 0 || !doc) {
    log().error("package: stopped by {} error{} (see above); nothing was written", validator.errors(),
                validator.errors() == 1 ? "" : "s");
    return 1;
  }
  if (validator.warnings() > 0 && !opts.allow_warnings) {
    log().error("package: stopped by {} warning{} (validate --strict); fix them, or pass --allow-warnings",
                validator.warnings(), validator.warnings() == 1 ? "" : "s");
    return 1;
  }

  SummaryCount summaries;
  walk(*doc, summaries);
  if (summaries.n == 0 && !factsheets_listed) {
    outputs.pop_back();  // the factsheets the package added: nothing to show
    log().info("the report has no indicator summaries: no factsheets");
  }

  const std::size_t before = ctx.warnings().size();
  ctx.set_echo(true);
  const std::vector<fs::path> written = write_outputs(*doc, outputs, out_dir, host, ctx, &def);

  // The manifest: each file, then each input.
  std::error_code ec;
  const fs::path out_abs = fs::absolute(out_dir, ec).lexically_normal();
  std::vector<std::pair<std::string, fs::path>> files;  // name in the package, file
  for (std::size_t i = 0; i < written.size(); ++i) {
    files.emplace_back(fs::absolute(written[i], ec).lexically_normal().lexically_relative(out_abs).generic_string(),
                       written[i]);
    // A split HTML edition writes its chapter pages into a folder named after the file.
    const fs::path pages = written[i].parent_path() / written[i].stem();
    if (outputs[i].format == "html" && fs::is_directory(pages, ec)) {
      std::vector<fs::path> more;
      for (auto it = fs::recursive_directory_iterator(pages, ec); !ec && it != fs::recursive_directory_iterator();
           it.increment(ec))
        if (it->is_regular_file(ec)) more.push_back(it->path());
      std::sort(more.begin(), more.end());
      for (const fs::path& p : more)
        files.emplace_back(fs::absolute(p, ec).lexically_normal().lexically_relative(out_abs).generic_string(), p);
    }
  }
  nlohmann::ordered_json m;
  m["manifest_version"] = 1;
  m["generator"] = std::string("sdgreport ") + SDGREPORT_VERSION;
  m["plugin_abi"] = kPluginAbiVersion;
  m["report"] = {{"name", def.name},
                 {"title", def.meta.title},
                 {"organisation", def.meta.organisation},
                 {"language", def.meta.language},
                 {"date", def.meta.date}};
  nlohmann::ordered_json list = nlohmann::ordered_json::array();
  std::map<fs::path, std::string> format_of;
  for (std::size_t i = 0; i < written.size(); ++i) format_of[written[i]] = outputs[i].format;
  for (const auto& [name, file] : files) {
    nlohmann::ordered_json e;
    e["name"] = name;
    const auto fmt = format_of.find(file);
    if (fmt != format_of.end()) e["format"] = fmt->second;
    e["bytes"] = fs::file_size(file);
    e["sha256"] = sha256_file(file);
    if (file.extension() == ".pdf") e["pages"] = pdf_page_count(file);
    if (file.extension() == ".xlsx") e["sheets"] = xlsx_sheet_names(file);
    list.push_back(std::move(e));
  }
  m["files"] = std::move(list);
  const fs::path base = fs::absolute(def.base_dir().empty() ? fs::path(".") : def.base_dir(), ec).lexically_normal();
  std::vector<std::pair<std::string, fs::path>> inputs;
  for (const fs::path& p : input_files(def, *doc, ctx, out_dir)) inputs.emplace_back(display_path(p, base), p);
  std::sort(inputs.begin(), inputs.end());
  nlohmann::ordered_json ins = nlohmann::ordered_json::array();
  for (const auto& [name, file] : inputs)
    ins.push_back({{"path", name}, {"bytes", fs::file_size(file)}, {"sha256", sha256_file(file)}});
  m["inputs"] = std::move(ins);
  // What was allowed through (--allow-warnings) and what the writers said.
  nlohmann::ordered_json warnings = nlohmann::ordered_json::array();
  for (const Finding& f : validator.findings()) warnings.push_back({{"code", f.code}, {"message", f.message}});
  for (std::size_t i = before; i < ctx.warnings().size(); ++i)
    warnings.push_back({{"code", ctx.warnings()[i].code}, {"message", ctx.warnings()[i].message}});
  m["warnings"] = std::move(warnings);
  const fs::path manifest = out_dir / "manifest.json";
  write_atomically(manifest, m.dump(2) + "\n");

  std::vector<std::pair<std::string, fs::path>> entries{{"manifest.json", manifest}};
  entries.insert(entries.end(), files.begin(), files.end());
  write_zip(out_dir / zip_name, entries, ctx.epoch());
  log().info("wrote {} ({} files, manifest.json, {} inputs hashed)", (out_dir / zip_name).string(), files.size(),
             inputs.size());
  return 0;
}

}  // namespace sdg::cli
