// The analysis worker: one thread running tasks in FIFO order. After a task
// it keeps polling for the next one for a short while (spinMicros) before
// sleeping, because the next edit of someone typing usually arrives within a
// round trip, and a sleeping thread costs a scheduler wake-up (tens of
// microseconds on a busy machine) on every keystroke.
#pragma once

#include <atomic>
#include <condition_variable>
#include <deque>
#include <functional>
#include <mutex>
#include <thread>

namespace cvlint::lsp {

class Worker {
 public:
  explicit Worker(unsigned spinMicros = 300);
  ~Worker();
  Worker(const Worker&) = delete;
  Worker& operator=(const Worker&) = delete;

  void post(std::function<void()> task);
  // Drops what is queued, waits for the running task, stops the thread (idempotent).
  void stop();

 private:
  void loop();

  std::mutex mutex_;
  std::condition_variable wake_;
  std::deque<std::function<void()>> tasks_;
  std::atomic<size_t> queued_{0};
  bool stopping_ = false;
  unsigned spinMicros_;
  std::thread thread_;
};

}  // namespace cvlint::lsp
