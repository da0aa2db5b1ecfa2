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

bool Worker::runHereIfIdle(const std::function<void()>& task) {
  {
    std::lock_guard lock(mutex_);
    if (stopping_ || running_ || !tasks_.empty()) return false;
    running_ = true;
  }
  struct Done {
    Worker* w;
    ~Done() {
      {
        std::lock_guard lock(w->mutex_);
        w->running_ = false;
      }
      w->wake_.notify_one();  // tasks posted meanwhile wait for this one
    }
  } done{this};
  task();
  return true;
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
      wake_.wait(lock, [this] { return stopping_ || (!tasks_.empty() && !running_); });
      if (stopping_ && tasks_.empty()) return;  // stopping, nothing left
      if (stopping_) {
        wake_.wait(lock, [this] { return !running_; });  // an inline task finishes first
        if (tasks_.empty()) return;
      }
      task = std::move(tasks_.front());
      tasks_.pop_front();
      queued_.fetch_sub(1, std::memory_order_relaxed);
      running_ = true;
    }
    task();
    {
      std::lock_guard lock(mutex_);
      running_ = false;
    }
  }
}

}  // namespace cvlint::lsp
