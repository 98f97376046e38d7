#include "preview.hpp"

#include <httplib.h>
#include <poll.h>
#include <signal.h>
#include <sys/inotify.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <fstream>
#include <iostream>
#include <map>
#include <mutex>
#include <set>
#include <sstream>
#include <thread>

#include "sdgreport/files.hpp"
#include "sdgreport/log.hpp"
#include "sdgreport/text.hpp"

namespace fs = std::filesystem;

namespace sdg::cli {

namespace {

/// Quiet time after the last change before a rebuild starts.
constexpr int kDebounceMs = 150;
/// How often the page asks whether a new build is there.
constexpr int kPollMs = 400;

int g_stop_pipe[2] = {-1, -1};

extern "C" void on_stop_signal(int) {
  const char c = 's';
  [[maybe_unused]] auto n = ::write(g_stop_pipe[1], &c, 1);
}

/// The text escaped for HTML (the error message shown in the page).
std::string escape(const std::string& s) {
  std::string out;
  for (char c : s) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      default:
        out += c;
    }
  }
  return out;
}

/// What the server shows: the last good page, the last error, and a version that
/// changes with every build (success or failure).
class State {
 public:
  void succeeded(std::string page) {
    std::lock_guard<std::mutex> lock(m_);
    page_ = std::move(page);
    error_.clear();
    ++version_;
  }
  void failed(std::string error) {
    std::lock_guard<std::mutex> lock(m_);
    error_ = std::move(error);
    ++version_;
  }
  std::uint64_t version() const {
    std::lock_guard<std::mutex> lock(m_);
    return version_;
  }
  /// The page with the reload script and, after a failed build, the error on top.
  std::string render() const {
    std::lock_guard<std::mutex> lock(m_);
    std::string page = page_.empty() ? "<!DOCTYPE html>\n<html lang=\"en\"><head><meta "
                                       "charset=\"utf-8\"><title>sdgreport preview</title>"
                                       "</head><body><main><h1>sdgreport preview</h1><p>No successful build "
                                       "yet.</p></main></body></html>\n"
                                     : page_;
    const std::string script =
        "<script>/* sdgreport preview: reload after a rebuild */(function(){var v='" +
        std::to_string(version_) +
        "';setInterval(function(){fetch('/__version',{cache:'no-store'})"
        ".then(function(r){return r.text();}).then(function(t){if(t!==v)location.reload();})"
        ".catch(function(){});}," +
        std::to_string(kPollMs) + ");})();</script>\n";
    std::string banner;
    if (!error_.empty())
      banner =
          "<div class=\"preview-error\" role=\"alert\" style=\"background:#fdecea;color:#7a1411;border:2px "
          "solid "
          "#b3261e;padding:.75rem 1rem;white-space:pre-wrap;font-family:monospace\"><strong>Build failed; "
          "showing the "
          "last good build.</strong>\n" +
          escape(error_) + "</div>\n";
    if (auto body = page.find("<body>"); body != std::string::npos) page.insert(body + 6, "\n" + banner);
    if (auto end = page.rfind("</body>"); end != std::string::npos) page.insert(end, script);
    return page;
  }

 private:
  mutable std::mutex m_;
  std::string page_, error_;
  std::uint64_t version_ = 0;
};

/// inotify watches on the folders holding the inputs; tells whether an event is about an input.
class Watcher {
 public:
  Watcher() : fd_(inotify_init1(IN_NONBLOCK | IN_CLOEXEC)) {
    if (fd_ < 0) throw Error(ErrorCode::Internal, "preview: inotify is not available");
  }
  ~Watcher() { ::close(fd_); }
  int fd() const { return fd_; }

  /// Watches `inputs` (files: their folder, so editors that save by renaming are seen; folders: themselves
  /// and below).
  void watch(const std::vector<fs::path>& inputs) {
    for (const auto& [wd, dir] : dirs_) inotify_rm_watch(fd_, wd);
    dirs_.clear();
    files_.clear();
    trees_.clear();
    std::set<fs::path> dirs;
    std::error_code ec;
    for (const fs::path& raw : inputs) {
      const fs::path p = fs::absolute(raw, ec).lexically_normal();
      if (fs::is_directory(p, ec)) {
        trees_.insert(p);
        dirs.insert(p);
        int count = 0;
        for (auto it = fs::recursive_directory_iterator(p, fs::directory_options::skip_permission_denied, ec);
             !ec && it != fs::recursive_directory_iterator() && count < 2000; it.increment(ec), ++count) {
          if (it.depth() > 8) it.disable_recursion_pending();
          if (it->is_directory(ec)) dirs.insert(it->path());
        }
      } else {
        files_.insert(p);
        dirs.insert(p.parent_path());
      }
    }
    for (const fs::path& d : dirs) {
      const int wd = inotify_add_watch(
          fd_, d.c_str(), IN_CLOSE_WRITE | IN_MOVED_TO | IN_MOVED_FROM | IN_CREATE | IN_DELETE | IN_ATTRIB);
      if (wd >= 0) dirs_[wd] = d;
    }
  }

  /// Reads pending events; true when one of them touches an input.
  bool changed() {
    alignas(inotify_event) char buf[16384];
    bool hit = false;
    for (;;) {
      const ssize_t n = ::read(fd_, buf, sizeof buf);
      if (n <= 0) break;
      for (char* p = buf; p < buf + n;) {
        const auto* e = reinterpret_cast<const inotify_event*>(p);
        p += sizeof(inotify_event) + e->len;
        auto it = dirs_.find(e->wd);
        if (it == dirs_.end() || e->len == 0) continue;
        const fs::path path = it->second / e->name;
        if (files_.count(path)) hit = true;
        for (const fs::path& t : trees_)
          if (path.native().rfind(t.native(), 0) == 0) hit = true;
      }
    }
    return hit;
  }

 private:
  int fd_;
  std::map<int, fs::path> dirs_;
  std::set<fs::path> files_, trees_;
};

/// The preview answers only to its own name: a Host of 127.0.0.1:PORT,
/// localhost:PORT or [::1]:PORT (the port may be left out only when it is 80, as
/// browsers do). Any other name — a page's DNS-rebound domain, a missing Host —
/// is refused, so a web page the editor visits cannot read the unpublished draft.
bool host_allowed(std::string_view host, int port) {
  const std::string h = lower(host);
  for (const char* name : {"127.0.0.1", "localhost", "[::1]"}) {
    const std::string n = name;
    if (h == n + ":" + std::to_string(port)) return true;
    if (port == 80 && h == n) return true;
  }
  return false;
}

}  // namespace

int preview(const fs::path& definition, int port, const PluginLoader& load_plugins) {
  const fs::path def_path = fs::absolute(definition).lexically_normal();
  char tmpl[] = "/tmp/sdgreport-preview-XXXXXX";
  if (!::mkdtemp(tmpl)) throw Error(ErrorCode::Output, "preview: cannot create a temporary folder");
  const fs::path out_dir = tmpl;

  State state;
  std::vector<fs::path> inputs{def_path};
  std::unique_ptr<PluginHost> host;
  std::vector<fs::path> host_dirs;

  auto build = [&] {
    const auto start = std::chrono::steady_clock::now();
    try {
      ReportDefinition def = load_definition(def_path);
      if (!host || def.plugin_dirs != host_dirs) {
        host = std::make_unique<PluginHost>();
        load_plugins(*host, def.plugin_dirs);
        host_dirs = def.plugin_dirs;
      }
      OutputSpec out;
      out.format = "html";
      out.file = "index.html";  // always one self-contained page, whatever the definition's options
      Context ctx(def.base_dir(), def.meta.language, build_epoch());
      build_definition(def, {out}, *host, out_dir, AssembleOptions{}, ctx);
      inputs = ctx.inputs();
      inputs.insert(inputs.begin(), def_path);
      state.succeeded(read_file(out_dir / "index.html", ErrorCode::Output, "the page just built", {}));
      const auto ms =
          std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - start)
              .count();
      log().info("built in {} ms; watching {} input(s)", ms, inputs.size());
    } catch (const std::exception& e) {
      log().error("{}", e.what());
      state.failed(e.what());
      // Keep watching what the last build read, and the definition.
    }
  };

  if (::pipe2(g_stop_pipe, O_CLOEXEC) != 0) throw Error(ErrorCode::Internal, "preview: pipe failed");
  struct sigaction sa {};
  sa.sa_handler = on_stop_signal;
  sigemptyset(&sa.sa_mask);
  sigaction(SIGINT, &sa, nullptr);
  sigaction(SIGTERM, &sa, nullptr);

  build();
  Watcher watcher;
  watcher.watch(inputs);

  httplib::Server server;
  int bound = port;
  server.set_pre_routing_handler([&](const httplib::Request& req, httplib::Response& res) {
    if (host_allowed(req.get_header_value("Host"), bound)) return httplib::Server::HandlerResponse::Unhandled;
    log().warn("preview: refused a request for Host '{}' (only 127.0.0.1:{}, localhost:{} or [::1]:{})",
               req.get_header_value("Host"), bound, bound, bound);
    res.status = 403;
    res.set_content("403 Forbidden: this preview answers only to 127.0.0.1, localhost or [::1] on its port\n",
                    "text/plain; charset=utf-8");
    return httplib::Server::HandlerResponse::Handled;
  });
  server.Get("/", [&](const httplib::Request&, httplib::Response& res) {
    res.set_header("Cache-Control", "no-store");
    res.set_content(state.render(), "text/html; charset=utf-8");
  });
  server.Get("/__version", [&](const httplib::Request&, httplib::Response& res) {
    res.set_header("Cache-Control", "no-store");
    res.set_content(std::to_string(state.version()), "text/plain");
  });
  if (port == 0) {
    bound = server.bind_to_any_port("127.0.0.1");
  } else if (!server.bind_to_port("127.0.0.1", port)) {
    bound = -1;
  }
  if (bound < 0) {
    log().error("preview: cannot listen on 127.0.0.1:{} (in use?)", port);
    fs::remove_all(out_dir);
    return 1;
  }
  std::thread http([&] { server.listen_after_bind(); });
  std::cout << "Serving http://127.0.0.1:" << bound << "/ (Ctrl-C stops)" << std::endl;

  bool stop = false;
  while (!stop) {
    pollfd fds[2] = {{g_stop_pipe[0], POLLIN, 0}, {watcher.fd(), POLLIN, 0}};
    if (::poll(fds, 2, -1) < 0) {
      if (errno == EINTR) continue;
      break;
    }
    if (fds[0].revents & POLLIN) break;
    if (!(fds[1].revents & POLLIN) || !watcher.changed()) continue;
    // Debounce: wait until the inputs have been quiet for a moment.
    for (;;) {
      pollfd again[2] = {{g_stop_pipe[0], POLLIN, 0}, {watcher.fd(), POLLIN, 0}};
      const int r = ::poll(again, 2, kDebounceMs);
      if (r > 0 && (again[0].revents & POLLIN)) {
        stop = true;
        break;
      }
      if (r <= 0) break;
      watcher.changed();
    }
    if (stop) break;
    log().info("change seen; rebuilding");
    build();
    watcher.watch(inputs);
  }
  log().info("stopping the preview");
  server.stop();
  http.join();
  std::error_code ec;
  fs::remove_all(out_dir, ec);
  ::close(g_stop_pipe[0]);
  ::close(g_stop_pipe[1]);
  return 0;
}

}  // namespace sdg::cli
