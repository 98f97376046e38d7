#include "worker_pool.hpp"

#include <malloc.h>
#include <poll.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <deque>

#include "sdgreport/error.hpp"
#include "sdgreport/log.hpp"

namespace sdg::cli {

namespace {

bool write_all(int fd, const void* data, std::size_t size) {
  const char* p = static_cast<const char*>(data);
  while (size > 0) {
    const ssize_t n = ::write(fd, p, size);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return false;
    p += n;
    size -= static_cast<std::size_t>(n);
  }
  return true;
}

/// False on end of file or error before `size` bytes.
bool read_all(int fd, void* data, std::size_t size) {
  char* p = static_cast<char*>(data);
  while (size > 0) {
    const ssize_t n = ::read(fd, p, size);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return false;
    p += n;
    size -= static_cast<std::size_t>(n);
  }
  return true;
}

// The last "error:" line a task wrote, or (unless `error_only`) its last line.
std::string failure_reason(std::FILE* log_file, bool error_only = false) {
  std::rewind(log_file);
  std::string line, last, last_error;
  char buf[4096];
  while (std::fgets(buf, sizeof buf, log_file)) {
    line = buf;
    while (!line.empty() && (line.back() == '\n' || line.back() == '\r')) line.pop_back();
    if (line.empty()) continue;
    last = line;
    if (line.rfind("error: ", 0) == 0) last_error = line.substr(7);
  }
  return !last_error.empty() || error_only ? last_error : last;
}

struct Worker {
  pid_t pid = -1;
  int task_fd = -1;    // parent writes task numbers
  int result_fd = -1;  // parent reads "task, ok" replies
  std::FILE* log = nullptr;  // the worker's stderr, emptied at the start of each task
  bool busy = false;
  std::size_t task = 0;
};

// Reply from a worker: the task number (8 bytes) and 1 for success, 0 for failure.
struct Reply {
  std::uint64_t task;
  std::uint8_t ok;
};

/// A worker builds many reports one after another, each allocating and freeing
/// the same few megabytes (font files, page streams, the PDF's bytes). glibc
/// serves blocks above 128 KB with mmap and gives freed memory back to the
/// kernel, so every report faulted its memory in again: as much system time as
/// user time, and two workers contending in the kernel's memory management.
/// Keeping freed memory in the worker's heap makes it a reuse instead.
void keep_freed_memory() {
  ::mallopt(M_MMAP_THRESHOLD, 64 << 20);  // big blocks from the heap too (up to 64 MB)
  ::mallopt(M_TRIM_THRESHOLD, 256 << 20);  // give back only beyond 256 MB free at the top
  ::mallopt(M_TOP_PAD, 16 << 20);          // grow the heap in 16 MB steps
}

[[noreturn]] void worker_main(int task_fd, int result_fd, std::FILE* log_file, const WorkerPool::Job& job) {
  ::dup2(::fileno(log_file), 2);
  keep_freed_memory();
  for (;;) {
    std::uint64_t task = 0;
    if (!read_all(task_fd, &task, sizeof task)) break;
    // A fresh log for this task (the parent reads it when the task fails).
    std::fflush(stderr);
    const bool emptied = ::ftruncate(2, 0) == 0 && ::lseek(2, 0, SEEK_SET) >= 0;
    (void)emptied;  // if not, the reason is still the last "error:" line
    Reply reply{task, 1};
    try {
      job(static_cast<std::size_t>(task));
    } catch (const Error& e) {
      log().error("{}", e.what());
      reply.ok = 0;
    } catch (const std::exception& e) {
      log().error("internal error: {}", e.what());
      reply.ok = 0;
    }
    log().flush();
    std::fflush(nullptr);
    if (!write_all(result_fd, &reply.task, sizeof reply.task) || !write_all(result_fd, &reply.ok, 1)) break;
  }
  log().flush();
  std::fflush(nullptr);
  ::_exit(0);
}

std::string describe_exit(int status) {
  if (WIFSIGNALED(status)) return "crashed with signal " + std::to_string(WTERMSIG(status));
  if (WIFEXITED(status)) return "exited with status " + std::to_string(WEXITSTATUS(status)) + " in the middle of the report";
  return "ended abnormally";
}

}  // namespace

WorkerPool::WorkerPool(int workers, Job job) : workers_(workers < 1 ? 1 : workers), job_(std::move(job)) {}

void WorkerPool::run(const std::vector<std::size_t>& tasks, const std::function<void(const TaskResult&)>& on_done) {
  std::deque<std::size_t> queue(tasks.begin(), tasks.end());
  std::vector<Worker> pool;
  // A worker that died must not take the parent with it through SIGPIPE.
  struct sigaction ignore {}, previous {};
  ignore.sa_handler = SIG_IGN;
  ::sigaction(SIGPIPE, &ignore, &previous);

  auto close_worker_fds = [](Worker& w) {
    if (w.task_fd >= 0) ::close(w.task_fd);
    if (w.result_fd >= 0) ::close(w.result_fd);
    if (w.log) std::fclose(w.log);
    w.task_fd = w.result_fd = -1;
    w.log = nullptr;
  };
  auto start_worker = [&]() -> Worker {
    int to_worker[2], from_worker[2];
    std::FILE* log_file = std::tmpfile();
    if (!log_file) throw Error(ErrorCode::Internal, "cannot create a temporary file for a worker's messages");
    if (::pipe(to_worker) != 0) {
      std::fclose(log_file);
      throw Error(ErrorCode::Internal, std::string("cannot create a pipe: ") + std::strerror(errno));
    }
    if (::pipe(from_worker) != 0) {
      ::close(to_worker[0]);
      ::close(to_worker[1]);
      std::fclose(log_file);
      throw Error(ErrorCode::Internal, std::string("cannot create a pipe: ") + std::strerror(errno));
    }
    std::fflush(nullptr);
    log().flush();
    const pid_t pid = ::fork();
    if (pid < 0) {
      for (int fd : {to_worker[0], to_worker[1], from_worker[0], from_worker[1]}) ::close(fd);
      std::fclose(log_file);
      throw Error(ErrorCode::Internal, std::string("cannot start a worker process: ") + std::strerror(errno));
    }
    if (pid == 0) {
      // Other workers' pipe ends would keep them from seeing the end of their tasks.
      for (Worker& other : pool) {
        if (other.task_fd >= 0) ::close(other.task_fd);
        if (other.result_fd >= 0) ::close(other.result_fd);
      }
      ::close(to_worker[1]);
      ::close(from_worker[0]);
      ::sigaction(SIGPIPE, &previous, nullptr);
      worker_main(to_worker[0], from_worker[1], log_file, job_);
    }
    ::close(to_worker[0]);
    ::close(from_worker[1]);
    Worker w;
    w.pid = pid;
    w.task_fd = to_worker[1];
    w.result_fd = from_worker[0];
    w.log = log_file;
    return w;
  };
  // Hands the next task to `w`, or tells it to stop (closing its task pipe).
  auto feed = [&](Worker& w) {
    if (queue.empty()) {
      if (w.task_fd >= 0) ::close(w.task_fd);
      w.task_fd = -1;
      w.busy = false;
      return;
    }
    w.task = queue.front();
    queue.pop_front();
    w.busy = true;
    const std::uint64_t t = w.task;
    if (!write_all(w.task_fd, &t, sizeof t)) {
      // The worker is gone; its result pipe reports the end and the task fails there.
    }
  };

  try {
    while (static_cast<int>(pool.size()) < workers_ && !queue.empty()) {
      pool.push_back(start_worker());
      feed(pool.back());
    }
    for (;;) {
      std::vector<pollfd> fds;
      std::vector<std::size_t> which;
      for (std::size_t k = 0; k < pool.size(); ++k)
        if (pool[k].busy) {
          fds.push_back({pool[k].result_fd, POLLIN, 0});
          which.push_back(k);
        }
      if (fds.empty()) break;
      const int r = ::poll(fds.data(), fds.size(), -1);
      if (r < 0) {
        if (errno == EINTR) continue;
        throw Error(ErrorCode::Internal, std::string("waiting for workers failed: ") + std::strerror(errno));
      }
      for (std::size_t f = 0; f < fds.size(); ++f) {
        if (fds[f].revents == 0) continue;
        Worker& w = pool[which[f]];
        Reply reply{};
        if (read_all(w.result_fd, &reply.task, sizeof reply.task) && read_all(w.result_fd, &reply.ok, 1) &&
            reply.task == w.task) {
          TaskResult result{w.task, reply.ok == 1, ""};
          if (!result.ok) {
            result.error = failure_reason(w.log);
            if (result.error.empty()) result.error = "failed without a message";
          }
          on_done(result);
          feed(w);
          continue;
        }
        // The worker died in the middle of its task: that task fails, a fresh worker goes on.
        const std::string last = failure_reason(w.log, true);
        if (w.task_fd >= 0) ::close(w.task_fd);
        w.task_fd = -1;
        int status = 0;
        while (::waitpid(w.pid, &status, 0) < 0 && errno == EINTR) {
        }
        std::string reason = describe_exit(status);
        if (WIFEXITED(status) && !last.empty()) reason = last;
        close_worker_fds(w);
        w.pid = -1;
        w.busy = false;
        on_done({w.task, false, reason});
        if (!queue.empty()) {
          w = start_worker();
          feed(w);
        }
      }
    }
  } catch (...) {
    for (Worker& w : pool) {
      if (w.pid > 0) ::kill(w.pid, SIGKILL);
    }
    for (Worker& w : pool) {
      close_worker_fds(w);
      if (w.pid > 0) ::waitpid(w.pid, nullptr, 0);
    }
    ::sigaction(SIGPIPE, &previous, nullptr);
    throw;
  }
  // Every task is done: workers saw their task pipes close and exit.
  for (Worker& w : pool) {
    close_worker_fds(w);
    if (w.pid > 0)
      while (::waitpid(w.pid, nullptr, 0) < 0 && errno == EINTR) {
      }
  }
  ::sigaction(SIGPIPE, &previous, nullptr);
}

}  // namespace sdg::cli
