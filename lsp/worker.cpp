// The analysis worker thread; see worker.hpp.
#include "worker.hpp"

#include <chrono>

namespace cvlint::lsp {

Worker::Worker(unsigned spinMicros) : spinMicros_(spinMicros), thread_([this] { loop(); }) {}

Worker::~Worker() { stop(); }

void Worker::post(std::function<void()> task) {
  {
    std::lock_guard lock(mutex_);
    tasks_.push_back(std::move(task));
    queued_.fetch_add(1, std::memory_order_release);
  }
  wake_.notify_one();
}

void Worker::stop() {
  {
    std::lock_guard lock(mutex_);
    if (stopping_ && !thread_.joinable()) return;
    stopping_ = true;
    tasks_.clear();  // after exit nothing queued matters
    queued_ = 0;
  }
  wake_.notify_one();
  if (thread_.joinable() && thread_.get_id() != std::this_thread::get_id()) thread_.join();
}

void Worker::loop() {
  for (;;) {
    // Spin briefly for the next task before sleeping.
    auto until = std::chrono::steady_clock::now() + std::chrono::microseconds(spinMicros_);
    while (queued_.load(std::memory_order_acquire) == 0 && std::chrono::steady_clock::now() < until)
      std::this_thread::yield();
    std::function<void()> task;
    {
      std::unique_lock lock(mutex_);
      wake_.wait(lock, [this] { return stopping_ || !tasks_.empty(); });
      if (tasks_.empty()) return;  // stopping, nothing left
      task = std::move(tasks_.front());
      tasks_.pop_front();
      queued_.fetch_sub(1, std::memory_order_relaxed);
    }
    task();
  }
}

}  // namespace cvlint::lsp
