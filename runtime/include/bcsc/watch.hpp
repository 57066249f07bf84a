// bcsc::watch<T>: the latest value of something, with change notification.
//
//   bcsc::watch<int> temperature(20);
//   auto rx = temperature.subscribe();         // remembers the current version
//   temperature.send(21);                      // store + wake every waiter
//   bcsc::option<int> t = co_await rx.changed(); // newer than last seen -> copy
//   int now = rx.borrow();                     // current value, marks it seen
//   temperature.close();                       // changed() -> empty option
//
// Only the newest value is kept (intermediate values may be skipped: a
// receiver sees "something changed, here is the latest"). Each receiver
// tracks the version it has seen; changed() completes at once if the watch
// is newer. Receivers are plain objects (copyable: a copy continues from the
// same version) that borrow the watch. Wait nodes live in the changed()
// futures: no allocation. A cancelled changed() loses nothing: the version
// is only marked seen when the future completes.
//
// Interrupt safety: send(), get(), close() are ISR-safe (T is copied or
// moved inside one critical section: keep T small). changed() is polled in
// task context; borrow() anywhere.
#pragma once

#include <cstdint>
#include <utility>

#include "critical_section.hpp"
#include "future.hpp"
#include "option.hpp"
#include "wait_list.hpp"

namespace bcsc {

template <class T>
class watch {
 public:
  class receiver;

  class changed_future {
   public:
    using output_type = option<T>;
    explicit changed_future(receiver& r) noexcept : r_(&r) {}
    changed_future(changed_future&&) noexcept = default;
    ~changed_future() {
      critical_section cs;
      r_->w_->waiters_.remove_locked(node_);
    }
    poll_result<option<T>> poll(context& cx) {
      critical_section cs;
      watch& w = *r_->w_;
      if (w.version_ != r_->seen_) {
        w.waiters_.remove_locked(node_);
        r_->seen_ = w.version_;
        return option<T>(w.value_);
      }
      if (w.closed_) return option<T>();
      w.waiters_.push_back_locked(node_, cx.get_waker());
      return pending;
    }

   private:
    receiver* r_;
    wait_node node_;
  };

  class receiver {
   public:
    explicit receiver(watch& w) noexcept : w_(&w), seen_(w.version()) {}
    // Completes with the newest value once it is newer than the last seen
    // one; empty if the watch is closed with nothing new.
    changed_future changed() noexcept { return changed_future(*this); }
    // The current value; marks it seen.
    T borrow() {
      critical_section cs;
      seen_ = w_->version_;
      return w_->value_;
    }
    bool has_changed() const noexcept {
      critical_section cs;
      return w_->version_ != seen_;
    }

   private:
    friend class changed_future;
    watch* w_;
    std::uint32_t seen_;
  };

  template <class... A>
  constexpr explicit watch(A&&... a) : value_(std::forward<A>(a)...) {}
  watch(const watch&) = delete;
  watch& operator=(const watch&) = delete;

  // ISR-safe. Stores the value, bumps the version, wakes every waiter.
  template <class U>
  void send(U&& v) {
    critical_section cs;
    value_ = std::forward<U>(v);
    ++version_;
    waiters_.wake_all_locked();
  }
  // ISR-safe copy of the current value.
  T get() const {
    critical_section cs;
    return value_;
  }
  std::uint32_t version() const noexcept {
    critical_section cs;
    return version_;
  }
  void close() noexcept {
    critical_section cs;
    closed_ = true;
    waiters_.wake_all_locked();
  }
  receiver subscribe() noexcept { return receiver(*this); }

 private:
  T value_;
  std::uint32_t version_ = 0;
  bool closed_ = false;
  wait_list waiters_;
};

}  // namespace bcsc
