// The run in supervised worker processes (Isolation::process).
//
// This process (the supervisor) has created the plugins; it forks N workers,
// each of which runs the whole chain single-threaded on one record at a time
// and sends back the formatted output record. The supervisor reads the input,
// hands records to idle workers, and writes results in input order (a bounded
// window of records read but not yet written). Forking after the plugins are
// created lets every worker share their loaded data copy-on-write and start in
// microseconds; forking before any thread exists (TBB is never started here)
// keeps the children's locks sane.
//
// One record per worker at a time: a worker never holds a record it has not
// started, so when it dies the record it held is the one it was working on. A
// worker that dies (signal, exit(), memory limit) has its record retried once,
// alone, in a fresh worker -- the death may have come from what earlier
// records left behind -- and only a record that fails again carries the error.
// A record over the time limit is not retried (it would only cost the limit
// again). Each worker writes the index of the step it is in to shared memory,
// so the error names the step and plugin.
#include <tagwerk/core/pipeline.hpp>

#include <tagwerk/core/error.hpp>
#include <tagwerk/core/input.hpp>

#include "isolation/wire.hpp"
#include "run_tally.hpp"

#include <fmt/format.h>
#include <spdlog/spdlog.h>

#include <fcntl.h>
#include <poll.h>
#include <sched.h>
#include <sys/mman.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <deque>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <new>
#include <optional>

namespace tagwerk::core {
namespace {

using Clock = std::chrono::steady_clock;

// A worker's exit status when an allocation failed under its memory limit.
constexpr int kExitOutOfMemory = 86;
// A worker's exit status when the supervisor's message made no sense.
constexpr int kExitProtocol = 87;

// One worker's page of shared memory.
struct alignas(64) Board {
  std::atomic<std::int32_t> step;        // the step it is in, -1 between steps
  std::atomic<std::int32_t> memory_hit;  // an allocation failed under the limit
};

Board* g_board = nullptr;  // in a worker: its own board

[[noreturn]] void out_of_memory() {
  if (g_board != nullptr) g_board->memory_hit.store(1);
  ::_exit(kExitOutOfMemory);
}

unsigned cpu_count() {
  cpu_set_t set;
  if (sched_getaffinity(0, sizeof set, &set) == 0) return static_cast<unsigned>(CPU_COUNT(&set));
  const long n = ::sysconf(_SC_NPROCESSORS_ONLN);
  return n > 0 ? static_cast<unsigned>(n) : 1u;
}

// Fields of /proc/PID/statm in bytes: 0 = address space, 1 = resident.
std::uint64_t statm_bytes(pid_t pid, int field) {
  std::ifstream in(pid == 0 ? std::string("/proc/self/statm") : fmt::format("/proc/{}/statm", pid));
  std::uint64_t v[2] = {0, 0};
  in >> v[0] >> v[1];
  return v[field] * static_cast<std::uint64_t>(::sysconf(_SC_PAGESIZE));
}

std::size_t thread_count() {
  std::error_code ec;
  std::size_t n = 0;
  for (auto it = std::filesystem::directory_iterator("/proc/self/task", ec);
       !ec && it != std::filesystem::directory_iterator(); it.increment(ec))
    ++n;
  return n;
}

std::string signal_name(int sig) {
  const char* abbrev = sigabbrev_np(sig);
  const char* text = sigdescr_np(sig);
  return fmt::format("signal {} (SIG{}, {})", sig, abbrev ? abbrev : "?", text ? text : "unknown");
}

// A record read and not yet written.
struct Held {
  std::uint64_t seq = 0;
  Document doc;
  bool retried = false;
};

struct Finished {
  Document doc;  // as read: the annotations stayed in the worker
  detail::RecordTally tally;
  std::string formatted;
};

enum class Death { died, timeout, memory };

struct Worker {
  pid_t pid = -1;
  int to = -1;    // requests
  int from = -1;  // results
  Board* board = nullptr;
  std::optional<Held> job;
  Clock::time_point started;
};

void close_fd(int& fd) {
  if (fd >= 0) ::close(fd);
  fd = -1;
}

// Kills and reaps every worker still running, whatever ended the run.
struct WorkerGuard {
  std::vector<Worker>& workers;
  ~WorkerGuard() {
    for (auto& w : workers) {
      close_fd(w.to);
      close_fd(w.from);
      if (w.pid > 0) {
        if (w.job) ::kill(w.pid, SIGKILL);
        int status = 0;
        while (::waitpid(w.pid, &status, 0) < 0 && errno == EINTR) {
        }
        w.pid = -1;
      }
    }
  }
};

// SIGPIPE ignored while workers run: a dead worker's pipe is an error code, not our death.
struct IgnoreSigpipe {
  struct sigaction old {};
  IgnoreSigpipe() {
    struct sigaction ign {};
    ign.sa_handler = SIG_IGN;
    ::sigaction(SIGPIPE, &ign, &old);
  }
  ~IgnoreSigpipe() { ::sigaction(SIGPIPE, &old, nullptr); }
};

}  // namespace

RunStats Pipeline::run_processes(RecordReader& reader, const Formatter& format, const Sink& sink,
                                 const RunOptions& options) {
  RunStats stats;
  stats.threads = options.threads == 0 ? cpu_count() : options.threads;
  stats.input_total = reader.total_bytes();
  const auto start = Clock::now();
  const std::size_t n = stats.threads;
  const std::uint64_t memory_limit = options.worker_memory_mb << 20;

  if (const std::size_t threads = thread_count(); threads > 1)
    spdlog::warn(
        "{} threads run in this process before its workers are forked; a plugin's own threads "
        "do not survive the fork",
        threads);

  auto* boards = static_cast<Board*>(
      ::mmap(nullptr, sizeof(Board) * n, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0));
  if (boards == MAP_FAILED)
    throw SetupError(
        fmt::format("cannot map shared memory for the worker processes: {}", std::strerror(errno)));
  struct Unmap {
    void* p;
    std::size_t size;
    ~Unmap() { ::munmap(p, size); }
  } unmap{boards, sizeof(Board) * n};

  std::vector<StepStats> totals = step_stats();
  for (auto& t : totals) t.seconds = 0, t.documents = 0, t.failures = 0;

  std::vector<Worker> workers(n);
  for (std::size_t i = 0; i < n; ++i) workers[i].board = new (&boards[i]) Board{{-1}, {0}};
  IgnoreSigpipe ignore_sigpipe;
  WorkerGuard guard{workers};
  const pid_t supervisor = ::getpid();

  // The worker's life: records in, results out, until the supervisor closes its pipe.
  auto work = [&](Worker& self) {
    struct sigaction ign {};
    ign.sa_handler = SIG_IGN;
    // Ctrl-C reaches the whole process group: the supervisor decides what stops.
    ::sigaction(SIGINT, &ign, nullptr);
    ::sigaction(SIGTERM, &ign, nullptr);
    ::prctl(PR_SET_PDEATHSIG, SIGKILL);
    if (::getppid() != supervisor) ::_exit(0);
    // A plugin that prints must not write into the output on standard output.
    ::dup2(STDERR_FILENO, STDOUT_FILENO);
    for (auto& other : workers)
      if (&other != &self) close_fd(other.to), close_fd(other.from);
    g_board = self.board;
    if (memory_limit > 0) {
      // The address space beyond what the worker starts with (shared libraries, models,
      // a sanitizer's reservations): allocations past it fail at once, before they touch memory.
      const rlim_t limit = statm_bytes(0, 0) + memory_limit;
      const struct rlimit rl { limit, limit };
      ::setrlimit(RLIMIT_AS, &rl);
      std::set_new_handler(out_of_memory);
    }
    step_marker_ = &self.board->step;
    std::string message, reply;
    wire::Result result;
    std::vector<wire::StepDelta> before(steps_.size());
    for (;;) {
      Document doc;
      std::uint64_t seq = 0;
      if (!wire::read_message(self.to, message)) ::_exit(0);
      if (!wire::get_request(message, seq, doc)) ::_exit(kExitProtocol);
      for (std::size_t i = 0; i < steps_.size(); ++i)
        before[i] = {steps_[i]->nanoseconds(), steps_[i]->documents(), steps_[i]->failures()};
      analyse(doc);
      result.seq = seq;
      result.errors = !doc.errors.empty();
      result.warnings = !doc.warnings.empty();
      result.unreadable = doc.unreadable;
      result.text_bytes = doc.text.size();
      result.formatted.clear();
      if (format) format(doc, result.formatted);
      result.steps.resize(steps_.size());
      for (std::size_t i = 0; i < steps_.size(); ++i)
        result.steps[i] = {steps_[i]->nanoseconds() - before[i].nanoseconds,
                           steps_[i]->documents() - before[i].documents,
                           steps_[i]->failures() - before[i].failures};
      reply.clear();
      wire::put_result(reply, result);
      if (!wire::write_all(self.from, reply)) ::_exit(0);
    }
  };

  auto spawn = [&](Worker& w) {
    int req[2], res[2];
    if (::pipe2(req, O_CLOEXEC) != 0)
      throw SetupError(fmt::format("cannot make a pipe: {}", std::strerror(errno)));
    if (::pipe2(res, O_CLOEXEC) != 0) {
      ::close(req[0]), ::close(req[1]);
      throw SetupError(fmt::format("cannot make a pipe: {}", std::strerror(errno)));
    }
    w.board->step.store(-1);
    w.board->memory_hit.store(0);
    std::cout.flush();
    std::cerr.flush();
    std::fflush(nullptr);
    const pid_t pid = ::fork();
    if (pid < 0) {
      for (int fd : {req[0], req[1], res[0], res[1]}) ::close(fd);
      throw SetupError(fmt::format("cannot start a worker process: {}", std::strerror(errno)));
    }
    if (pid == 0) {
      ::close(req[1]);
      ::close(res[0]);
      w.to = req[0];
      w.from = res[1];
      try {
        work(w);
      } catch (...) {
      }
      ::_exit(kExitProtocol);
    }
    ::close(req[0]);
    ::close(res[1]);
    w.pid = pid;
    w.to = req[1];
    w.from = res[0];
  };

  std::deque<Held> ready;                  // read, waiting for a worker
  std::map<std::uint64_t, Finished> done;  // analysed, waiting for their turn to be written
  std::uint64_t next_seq = 0, next_write = 0;
  const std::uint64_t window = std::uint64_t{n} * 8;
  bool input_done = false, stopping = false;

  auto finish = [&](Held&& h, detail::RecordTally tally, std::string formatted) {
    done.emplace(h.seq, Finished{std::move(h.doc), tally, std::move(formatted)});
  };
  auto finish_here = [&](Held&& h) {  // a record no worker needs to see, or one that failed in a worker
    std::string formatted;
    if (format) format(h.doc, formatted);
    const detail::RecordTally tally{!h.doc.errors.empty(), !h.doc.warnings.empty(), h.doc.unreadable,
                                    h.doc.text.size()};
    finish(std::move(h), tally, std::move(formatted));
  };

  // Reaps a dead (or to-be-killed) worker and settles the record it held.
  auto bury = [&](Worker& w, Death cause) {
    ::kill(w.pid, SIGKILL);
    int status = 0;
    while (::waitpid(w.pid, &status, 0) < 0 && errno == EINTR) {
    }
    close_fd(w.to);
    close_fd(w.from);
    w.pid = -1;
    ++stats.worker_restarts;
    if (!w.job) return;
    Held h = std::move(*w.job);
    w.job.reset();
    const std::int32_t step = w.board->step.load();
    if (cause == Death::died &&
        (w.board->memory_hit.load() != 0 || (WIFEXITED(status) && WEXITSTATUS(status) == kExitOutOfMemory)))
      cause = Death::memory;
    if (cause != Death::timeout && !h.retried) {
      h.retried = true;
      ready.push_front(std::move(h));
      return;
    }
    std::string what;
    switch (cause) {
      case Death::timeout:
        what = fmt::format(
            "exceeded the time limit of {} s per record (--doc-timeout); its worker process was "
            "stopped and replaced",
            options.doc_timeout_seconds);
        break;
      case Death::memory:
        what = fmt::format(
            "exceeded the memory limit of {} MB per worker (--worker-memory), also when the "
            "record was retried alone in a fresh worker",
            options.worker_memory_mb);
        break;
      case Death::died:
        if (WIFSIGNALED(status))
          what = fmt::format(
              "crashed the worker process: killed by {}, also when the record was retried alone "
              "in a fresh worker",
              signal_name(WTERMSIG(status)) +
                  (WTERMSIG(status) == SIGKILL ? " (the kernel's OOM killer sends it when memory runs out)"
                                               : ""));
        else
          what = fmt::format(
              "ended the worker process with exit status {} (it called exit()), also when the record "
              "was retried alone in a fresh worker",
              WIFEXITED(status) ? WEXITSTATUS(status) : -1);
        break;
    }
    if (step >= 0 && static_cast<std::size_t>(step) < steps_.size()) {
      const auto i = static_cast<std::size_t>(step);
      ++totals[i].documents;
      ++totals[i].failures;
      std::string message = fmt::format("step {} ({}) {}", i + 1, steps_[i]->info().name, what);
      if (i + 1 < steps_.size()) message += "; the later steps did not run on this record";
      h.doc.add_error(steps_[i]->info().name, std::move(message));
    } else {
      h.doc.add_error("host", fmt::format("the worker process {} outside any step", what));
    }
    finish_here(std::move(h));
  };

  auto dispatch = [&](Worker& w) {
    std::string request;
    wire::put_request(request, ready.front().seq, ready.front().doc);
    for (int attempt = 0;; ++attempt) {
      if (w.pid < 0) spawn(w);
      if (wire::write_all(w.to, request)) break;
      // It died while idle (killed from outside): its replacement takes the record.
      w.job.reset();
      bury(w, Death::died);
      if (attempt == 2)
        throw SetupError("worker processes die as soon as they start; see the messages above");
    }
    w.job = std::move(ready.front());
    ready.pop_front();
    w.started = Clock::now();
  };

  for (Document skipped; stats.skipped < options.skip_records && reader.next(skipped);) ++stats.skipped;

  std::string message;
  wire::Result result;
  std::vector<pollfd> fds;
  std::vector<Worker*> polled;
  auto last_memory_check = Clock::now();
  for (;;) {
    if (!stopping && detail::stop_requested(stats, options)) stopping = true;
    while (!input_done && !stopping && next_seq - next_write < window && ready.size() < n) {
      Held h;
      if (!reader.next(h.doc)) {
        input_done = true;
        break;
      }
      h.seq = next_seq++;
      if (h.doc.unreadable || h.doc.text.empty())
        finish_here(std::move(h));
      else
        ready.push_back(std::move(h));
    }
    for (auto& w : workers)
      if (!w.job && !ready.empty()) dispatch(w);

    // Write what is ready, in order.
    while (!done.empty() && done.begin()->first == next_write && stats.end != RunStats::End::error_budget) {
      auto node = done.extract(done.begin());
      Finished& f = node.mapped();
      sink(f.doc, f.formatted);
      ++next_write;
      if (detail::count_written(stats, f.tally, options.max_errors)) stopping = true;
      stats.input_bytes = reader.bytes_consumed();
      if (options.on_progress) {
        stats.seconds = std::chrono::duration<double>(Clock::now() - start).count();
        options.on_progress(stats);
      }
    }
    if (stats.end == RunStats::End::error_budget) break;

    fds.clear();
    polled.clear();
    for (auto& w : workers)
      if (w.job) {
        fds.push_back(pollfd{w.from, POLLIN, 0});
        polled.push_back(&w);
      }
    if (fds.empty()) {
      if ((input_done || stopping) && ready.empty() && done.empty()) break;
      continue;
    }

    // Wake for results, for the nearest time limit, and now and then for signals and memory.
    auto wait = std::chrono::milliseconds(100);
    const auto now = Clock::now();
    if (options.doc_timeout_seconds > 0) {
      const auto limit = std::chrono::duration_cast<Clock::duration>(
          std::chrono::duration<double>(options.doc_timeout_seconds));
      for (const Worker* w : polled) {
        const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(w->started + limit - now);
        wait = std::min(wait, std::max(left + std::chrono::milliseconds(1), std::chrono::milliseconds(0)));
      }
    }
    const int ready_fds = ::poll(fds.data(), fds.size(), static_cast<int>(wait.count()));
    if (ready_fds < 0 && errno != EINTR)
      throw SetupError(fmt::format("waiting for the worker processes failed: {}", std::strerror(errno)));
    for (std::size_t i = 0; ready_fds > 0 && i < fds.size(); ++i) {
      if (fds[i].revents == 0) continue;
      Worker& w = *polled[i];
      if (!wire::read_message(w.from, message) || !wire::get_result(message, result) ||
          result.seq != w.job->seq || result.steps.size() != totals.size()) {
        bury(w, Death::died);
        continue;
      }
      for (std::size_t s = 0; s < totals.size(); ++s) {
        totals[s].seconds += static_cast<double>(result.steps[s].nanoseconds) / 1e9;
        totals[s].documents += result.steps[s].documents;
        totals[s].failures += result.steps[s].failures;
      }
      finish(std::move(*w.job), {result.errors, result.warnings, result.unreadable, result.text_bytes},
             std::move(result.formatted));
      w.job.reset();
    }

    const auto after = Clock::now();
    if (options.doc_timeout_seconds > 0)
      for (auto& w : workers)
        if (w.job && std::chrono::duration<double>(after - w.started).count() > options.doc_timeout_seconds)
          bury(w, Death::timeout);
    if (memory_limit > 0 && after - last_memory_check > std::chrono::milliseconds(50)) {
      last_memory_check = after;
      for (auto& w : workers)
        if (w.job && statm_bytes(w.pid, 1) > memory_limit) bury(w, Death::memory);
    }
  }

  stats.input_bytes = reader.bytes_consumed();
  stats.seconds = std::chrono::duration<double>(Clock::now() - start).count();
  stats.steps = std::move(totals);
  detail::check_final_budget(stats, options.max_errors);
  return stats;
}

}  // namespace tagwerk::core
