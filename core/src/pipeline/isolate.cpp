#include "isolate.hpp"

#include <poll.h>
#include <signal.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <exception>
#include <cerrno>
#include <cstdint>
#include <cstdio>
#include <chrono>
#include <cstring>
#include <string_view>
#include <vector>
#include <nlohmann/json.hpp>

#include "sdgreport/error.hpp"
#include "sdgreport/json.hpp"
#include "sdgreport/log.hpp"

namespace sdg {

namespace {

using json = nlohmann::json;

void write_all(int fd, const std::string& s) {
  std::size_t done = 0;
  while (done < s.size()) {
    ssize_t n = ::write(fd, s.data() + done, s.size() - done);
    if (n < 0) {
      if (errno == EINTR) continue;
      return;
    }
    done += static_cast<std::size_t>(n);
  }
}

#if defined(__SANITIZE_ADDRESS__)
#define SDGREPORT_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define SDGREPORT_ASAN 1
#endif
#endif

#ifndef SDGREPORT_ASAN
// Bytes of private writable memory the process has now (/proc/self/statm
// "data": heap, anonymous mappings, stacks), which is what RLIMIT_DATA counts.
std::uint64_t data_bytes_now() {
  std::FILE* f = std::fopen("/proc/self/statm", "r");
  if (f == nullptr) return 0;
  unsigned long long size = 0, resident = 0, shared = 0, text = 0, lib = 0, data = 0;
  const int n = std::fscanf(f, "%llu %llu %llu %llu %llu %llu", &size, &resident, &shared, &text, &lib, &data);
  std::fclose(f);
  return n == 6 ? data * static_cast<std::uint64_t>(::sysconf(_SC_PAGESIZE)) : 0;
}

// The limit measures what the source uses: RLIMIT_DATA (private writable
// memory, not address space: shared libraries and reserved-but-unused ranges
// do not count) set to what the child inherited plus `memory_mb`.
#endif

/// The limit in force while the plugin fills its section: the soft limit only
/// (the hard limit stays), so that the child can lift it again afterwards.
struct MemoryLimit {
  int resource = -1;
  rlimit before{};
};

MemoryLimit limit_memory(std::int64_t memory_mb) {
  MemoryLimit limit;
  if (memory_mb <= 0) return limit;
#ifdef SDGREPORT_ASAN
  // Under AddressSanitizer (make test-sanitize) the allocator maps its own
  // regions on demand, which RLIMIT_DATA refuses outright; there the limit is
  // on address space, counted from what the child has at the fork (ASan's
  // terabytes of reserved shadow included), so the plugin's own large
  // allocations still hit it. docs/testing.md.
  std::uint64_t pages = 0;
  if (std::FILE* f = std::fopen("/proc/self/statm", "r")) {
    unsigned long long size = 0;
    if (std::fscanf(f, "%llu", &size) == 1) pages = size;
    std::fclose(f);
  }
  limit.resource = RLIMIT_AS;
  const rlim_t bytes =
      pages * static_cast<std::uint64_t>(::sysconf(_SC_PAGESIZE)) + static_cast<rlim_t>(memory_mb) * 1024 * 1024;
#else
  limit.resource = RLIMIT_DATA;
  const rlim_t bytes = data_bytes_now() + static_cast<rlim_t>(memory_mb) * 1024 * 1024;
#endif
  if (::getrlimit(limit.resource, &limit.before) != 0) {
    limit.resource = -1;
    return limit;
  }
  rlimit rl = limit.before;
  rl.rlim_cur = rl.rlim_max == RLIM_INFINITY ? bytes : std::min<rlim_t>(bytes, rl.rlim_max);
  if (::setrlimit(limit.resource, &rl) != 0) limit.resource = -1;
  return limit;
}

/// Back to the limit before: what the child does after the plugin's fill
/// (sending the section back) is the host's work, not counted against the source.
void lift(const MemoryLimit& limit) {
  if (limit.resource >= 0) ::setrlimit(limit.resource, &limit.before);
}

/// Lifts the limit when it goes out of scope: also while an exception from
/// the plugin unwinds, before any handler builds its message.
struct LiftOnExit {
  const MemoryLimit& limit;
  ~LiftOnExit() { lift(limit); }
};

// The message to the parent: an 8-byte little-endian length, the header (CBOR
// of {error?, warnings}), then the section's JSON as is (not escaped into a
// string inside another JSON document, so it is neither copied nor re-parsed twice).
std::string frame(const json& header, const std::string& section) {
  const std::vector<std::uint8_t> head = json::to_cbor(header);
  std::string out;
  out.reserve(8 + head.size() + section.size());
  for (int k = 0; k < 8; ++k) out += static_cast<char>((static_cast<std::uint64_t>(head.size()) >> (8 * k)) & 0xFF);
  out.append(reinterpret_cast<const char*>(head.data()), head.size());
  out += section;
  return out;
}

// Made before the plugin runs: the message for running out of memory where
// no exception can be caught (a bad_alloc leaving a noexcept function, such as
// a destructor that allocates, ends in std::terminate).
int g_child_fd = -1;
const std::string* g_out_of_memory = nullptr;

[[noreturn]] void child_terminate() {
  try {
    if (const std::exception_ptr e = std::current_exception()) std::rethrow_exception(e);
  } catch (const std::bad_alloc&) {
    if (g_out_of_memory && g_child_fd >= 0) {
      write_all(g_child_fd, *g_out_of_memory);
      ::_exit(3);
    }
  } catch (...) {
  }
  std::abort();
}

std::string out_of_memory_message(std::int64_t memory_mb) {
  return "ran out of memory (limit " + std::to_string(memory_mb) + " MB)";
}

// The child: fill, report, exit without running the parent's destructors.
[[noreturn]] void child(DataSource& plugin, const SourceRequest& req, Section target, Context& ctx,
                        const IsolationLimits& limits, int fd) {
  const std::string out_of_memory = frame(
      json{{"error", {{"code", static_cast<int>(ErrorCode::Plugin)}, {"message", out_of_memory_message(limits.memory_mb)}}},
           {"warnings", json::array()}},
      std::string());
  g_child_fd = fd;
  g_out_of_memory = &out_of_memory;
  std::set_terminate(child_terminate);
  const MemoryLimit limit = limit_memory(limits.memory_mb);
  json msg;
  std::string section;
  int code = 0;
  const std::size_t warnings_before = ctx.warnings().size();
  const std::size_t inputs_before = ctx.inputs().size();
  try {
    {
      const LiftOnExit lifted{limit};  // the limit covers fill() only, however it ends
      plugin.fill(req, target, ctx);
    }
    section = section_to_json(target);
  } catch (const Error& e) {
    msg["error"] = {{"code", static_cast<int>(e.code())}, {"message", e.message()},
                    {"file", e.where().file}, {"line", e.where().line}, {"column", e.where().column}};
    code = 3;
  } catch (const std::bad_alloc&) {
    msg["error"] = {{"code", static_cast<int>(ErrorCode::Plugin)}, {"message", out_of_memory_message(limits.memory_mb)}};
    code = 3;
  } catch (const std::exception& e) {
    msg["error"] = {{"code", static_cast<int>(ErrorCode::Plugin)}, {"message", std::string("failed: ") + e.what()}};
    code = 3;
  } catch (...) {
    msg["error"] = {{"code", static_cast<int>(ErrorCode::Plugin)}, {"message", "failed with an unknown exception"}};
    code = 3;
  }
  json warnings = json::array();
  for (std::size_t i = warnings_before; i < ctx.warnings().size(); ++i) {
    const Warning& w = ctx.warnings()[i];
    warnings.push_back({{"code", w.code}, {"message", w.message}, {"where", w.where}});
  }
  msg["warnings"] = std::move(warnings);
  // What the source read, so the parent's inputs() (preview, package manifest) list it too.
  json inputs = json::array();
  for (std::size_t i = inputs_before; i < ctx.inputs().size(); ++i) {
    std::error_code ec;  // absolute: the parent's base folder would be put before a relative one again
    const std::filesystem::path a = std::filesystem::absolute(ctx.inputs()[i], ec);
    inputs.push_back((ec ? ctx.inputs()[i] : a).string());
  }
  msg["inputs"] = std::move(inputs);
  try {
    write_all(fd, frame(msg, section));
  } catch (...) {
    code = 4;
  }
  ::close(fd);
  log().flush();
  ::_exit(code);
}

std::string describe_status(int status) {
  if (WIFSIGNALED(status)) {
    const int sig = WTERMSIG(status);
    const char* name = sigabbrev_np(sig);
    std::string s = "crashed with signal " + std::to_string(sig);
    if (name) s += std::string(" (SIG") + name + ", " + strsignal(sig) + ")";
    return s;
  }
  if (WIFEXITED(status)) return "exited with status " + std::to_string(WEXITSTATUS(status)) + " without a result";
  return "ended abnormally";
}

}  // namespace

void fill_isolated(DataSource& plugin, const SourceRequest& req, Section& target, Context& ctx,
                   const IsolationLimits& limits) {
  int fds[2];
  if (::pipe(fds) != 0) throw Error(ErrorCode::Internal, std::string("cannot create a pipe: ") + std::strerror(errno));
  log().flush();
  std::fflush(nullptr);
  const pid_t pid = ::fork();
  if (pid < 0) {
    ::close(fds[0]);
    ::close(fds[1]);
    throw Error(ErrorCode::Internal, std::string("cannot start a child process: ") + std::strerror(errno));
  }
  if (pid == 0) {
    ::close(fds[0]);
    child(plugin, req, target, ctx, limits, fds[1]);
  }
  ::close(fds[1]);

  // Read everything the child sends until it closes the pipe or the time is up.
  std::string data;
  bool timed_out = false;
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(limits.timeout_seconds);
  char buf[65536];
  for (;;) {
    const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now()).count();
    if (left <= 0) {
      timed_out = true;
      break;
    }
    pollfd p{fds[0], POLLIN, 0};
    int r = ::poll(&p, 1, static_cast<int>(std::min<long long>(left, 1000)));
    if (r < 0 && errno == EINTR) continue;
    if (r == 0) continue;
    ssize_t n = ::read(fds[0], buf, sizeof buf);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) break;
    data.append(buf, static_cast<std::size_t>(n));
  }
  ::close(fds[0]);
  if (timed_out) ::kill(pid, SIGKILL);
  int status = 0;
  while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
  }
  if (timed_out)
    throw Error(ErrorCode::Plugin, "did not finish within " + std::to_string(limits.timeout_seconds) + " s and was stopped");
  if (!(WIFEXITED(status) && (WEXITSTATUS(status) == 0 || WEXITSTATUS(status) == 3)) || data.empty())
    throw Error(ErrorCode::Plugin, describe_status(status));

  json msg;
  std::string_view section;
  try {
    if (data.size() < 8) throw std::runtime_error("short");
    std::uint64_t head_size = 0;
    for (int k = 0; k < 8; ++k) head_size |= static_cast<std::uint64_t>(static_cast<unsigned char>(data[k])) << (8 * k);
    if (head_size > data.size() - 8) throw std::runtime_error("short");
    msg = json::from_cbor(data.begin() + 8, data.begin() + 8 + static_cast<std::ptrdiff_t>(head_size));
    section = std::string_view(data).substr(8 + head_size);
  } catch (const std::exception&) {
    throw Error(ErrorCode::Plugin, "sent an unreadable result");
  }
  for (const auto& w : msg.value("warnings", json::array()))
    ctx.warn(w.value("code", ""), w.value("message", ""), w.value("where", ""));
  for (const auto& p : msg.value("inputs", json::array()))
    if (p.is_string()) ctx.resolve(p.get<std::string>());  // records it (absolute already)
  if (msg.contains("error")) {
    const json& e = msg["error"];
    throw Error(static_cast<ErrorCode>(e.value("code", static_cast<int>(ErrorCode::Plugin))), e.value("message", ""),
                Location{e.value("file", ""), e.value("line", 0), e.value("column", 0)});
  }
  // Reading the section back re-checks every model rule in the parent.
  target = section_from_json(section, "result of isolated plugin");
}

}  // namespace sdg
