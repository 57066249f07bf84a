// An intentional mistake for the demo (scripts/demo.sh): `bcsc check`
// must reject it. The lock_guard is held across a co_await, so the mutex
// stays locked while the task is suspended and every other task that
// touches `bus_mutex` -- or an interrupt handler on a single core --
// blocks or deadlocks. A second task, a reference into a temporary that
// dies before the suspension resumes, shows the dangling-reference check.
#include <bcsc/bcsc.hpp>

#include <mutex>

std::mutex bus_mutex;
int bus_register = 0;

[[bcsc::async]] bcsc::task<int> read_bus_slowly() {
  std::lock_guard<std::mutex> lock(bus_mutex);              // held ...
  co_await bcsc::sleep_for(bcsc::milliseconds(10));          // ... across a suspension
  co_return bus_register;
}

struct sample {
  int value;
  const int& get() const { return value; }
};

[[bcsc::async]] bcsc::task<int> dangling_reference() {
  const int& v = sample{42}.get();                           // the sample dies here
  co_await bcsc::yield_now();
  co_return v;                                               // dangling after the resume
}
