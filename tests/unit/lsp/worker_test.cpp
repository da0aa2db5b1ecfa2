// The analysis worker: FIFO tasks on one thread, and runHereIfIdle, which
// runs a task on the caller's thread only when that is indistinguishable from
// posting it (nothing queued, nothing running), never beside another task.
#include <catch2/catch_test_macros.hpp>

#include <atomic>
#include <chrono>
#include <thread>
#include <vector>

#include "worker.hpp"

using cvlint::lsp::Worker;

TEST_CASE("worker: runHereIfIdle runs on the caller when idle, never beside or before a posted task") {
  Worker w(0);
  std::thread::id here = std::this_thread::get_id(), ran;
  CHECK(w.runHereIfIdle([&] { ran = std::this_thread::get_id(); }));
  CHECK(ran == here);

  // A running task: the caller is refused (and posts instead, in order).
  std::atomic<bool> release{false}, started{false};
  std::vector<int> order;
  std::mutex orderMutex;
  auto note = [&](int n) {
    std::lock_guard lock(orderMutex);
    order.push_back(n);
  };
  w.post([&] {
    started = true;
    while (!release) std::this_thread::sleep_for(std::chrono::milliseconds(1));
    note(1);
  });
  while (!started) std::this_thread::sleep_for(std::chrono::milliseconds(1));
  CHECK_FALSE(w.runHereIfIdle([&] { note(99); }));
  w.post([&] { note(2); });
  CHECK_FALSE(w.runHereIfIdle([&] { note(99); }));  // queued work: refused too
  release = true;
  for (int i = 0; i < 2000 && order.size() < 2; ++i) std::this_thread::sleep_for(std::chrono::milliseconds(1));
  CHECK(order == std::vector<int>{1, 2});

  // A task posted while one runs here waits for it (never concurrent).
  std::atomic<int> inside{0}, overlap{0};
  for (int i = 0; i < 50; ++i) {
    bool ran = w.runHereIfIdle([&] {
      if (++inside > 1) ++overlap;
      w.post([&] {
        if (++inside > 1) ++overlap;
        --inside;
      });
      std::this_thread::sleep_for(std::chrono::microseconds(200));
      --inside;
    });
    if (!ran) std::this_thread::sleep_for(std::chrono::milliseconds(2));
  }
  w.stop();
  CHECK(overlap == 0);
}
