// Per-thread "a run loop is active" marker, used to detect nested run loops.
//
// block_on() and executor run loops poll futures; calling block_on (or an
// executor run loop) from inside such a poll would block the only thread
// that can make the outer future progress -- the classic nested block_on
// deadlock. runtime_scope turns that into a bcsc::panic with a message.
#pragma once

#include "../config.hpp"
#include "../future.hpp"

namespace bcsc {
namespace detail {

inline const char*& active_run_loop() noexcept {
  static BCSC_THREAD_LOCAL const char* name = nullptr;
  return name;
}

class runtime_scope {
 public:
  // `what` names the run loop being entered, and `message` is the panic
  // text if another one is already active on this thread.
  runtime_scope(const char* what, const char* message) noexcept {
    if (active_run_loop() != nullptr) panic(message);
    active_run_loop() = what;
  }
  ~runtime_scope() { active_run_loop() = nullptr; }
  runtime_scope(const runtime_scope&) = delete;
  runtime_scope& operator=(const runtime_scope&) = delete;
};

}  // namespace detail

// True while block_on or an executor run loop is polling on this thread.
inline bool in_run_loop() noexcept { return detail::active_run_loop() != nullptr; }

}  // namespace bcsc
