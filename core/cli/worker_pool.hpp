// A pool of worker processes forked from the calling, already warmed process
// (plugins loaded, definitions parsed), for `build --each`.
//
// Each worker runs many tasks one after another, so per-process start-up work
// (fork, page-table copies, library initialisation such as OpenSSL, FreeType,
// font files) is paid once per worker, not once per task. Fault isolation stays
// per task: a worker that crashes or exits in the middle of a task fails that
// task only ("crashed with signal 11"); the pool forks a fresh worker for the
// rest. A task's messages on stderr go to a temporary file; a failed task is
// reported with its last "error:" line.
//
//   WorkerPool pool(2, [&](std::size_t i) { build(rows[i]); });   // throws on failure
//   pool.run(tasks, [&](const TaskResult& r) { if (!r.ok) report(r.task, r.error); });
#pragma once

#include <cstddef>
#include <functional>
#include <string>
#include <vector>

namespace sdg::cli {

struct TaskResult {
  std::size_t task = 0;
  bool ok = false;
  std::string error;  ///< why it failed; empty when ok
};

class WorkerPool {
 public:
  /// Runs in a worker; a task fails when this throws (sdg::Error or any
  /// std::exception, logged as "error: …") or kills the worker.
  using Job = std::function<void(std::size_t task)>;

  WorkerPool(int workers, Job job);

  /// Runs every task, at most `workers` at a time; `on_done` is called in the
  /// calling process once per task, in completion order. Throws sdg::Error
  /// (Internal) when no worker can be started at all.
  void run(const std::vector<std::size_t>& tasks, const std::function<void(const TaskResult&)>& on_done);

 private:
  int workers_;
  Job job_;
};

}  // namespace sdg::cli
