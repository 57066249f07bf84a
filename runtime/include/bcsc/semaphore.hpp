// bcsc::semaphore (counting, FIFO) and bcsc::signal (ISR -> one waiter),
// plus detail::permit_queue, the FIFO hand-off engine behind them, the
// mutexes and the channels.
//
//   bcsc::semaphore slots(3);
//   {
//     auto permit = co_await slots.acquire();   // RAII: released at scope end
//     ...                                       // may be held across co_await
//   }
//   slots.release(); slots.try_acquire();       // ISR-safe raw operations
//
//   bcsc::signal rx_done;
//   void dma_isr() { rx_done.raise(); }         // ISR-safe
//   co_await rx_done.wait();                    // consumes the signal
//
// FIFO hand-off. A waiter is an intrusive node inside the acquire future
// (no allocation). release() does not just wake the first waiter: it GRANTS
// the permits to it (moves them into its node) and then wakes it, so no
// later arrival can barge in between the wake and the waiter's next poll.
// A waiter that cannot be served blocks all later ones (strict FIFO: a big
// request is never starved by small ones).
//
// Cancellation safety. Destroying an acquire future that was granted
// permits but has not yet returned them to its task gives them back
// (re-granting to the next waiter), and destroying a queued waiter that
// sat at the front re-runs the grant loop. So a cancelled waiter never
// loses a permit or a wake-up.
//
// Interrupt safety: release(), try_acquire(), available(), signal::raise()
// and signal::is_raised() are ISR-safe (one critical section, wakes inside
// it). acquire()/wait() futures are polled in task context; a permit guard
// is destroyed in task context (or wherever release() may run: anywhere).
#pragma once

#include <cstddef>
#include <utility>

#include "critical_section.hpp"
#include "future.hpp"
#include "wait_list.hpp"

namespace bcsc {
namespace detail {

struct permit_waiter : wait_node {
  std::size_t need = 1;
  bool granted = false;   // permits moved into this node by a release
  bool priority = false;  // queued ahead of non-priority waiters (writers)
  bool closed = false;    // woken because the queue was closed
};

// Permits plus a FIFO of waiters. Every *_locked member runs inside the
// caller's critical_section.
class permit_queue {
 public:
  constexpr explicit permit_queue(std::size_t available) noexcept : available_(available) {}

  std::size_t available_locked() const noexcept { return available_; }
  bool closed_locked() const noexcept { return closed_; }

  // Fast path: only if nobody is queued (FIFO) and enough permits exist.
  bool try_take_locked(std::size_t n) noexcept {
    if (!list_.empty_locked() || available_ < n) return false;
    available_ -= n;
    return true;
  }

  // One poll of an acquiring future. True once it owns `w.need` permits
  // (then w.granted is false again and the caller owns the permits).
  bool poll_locked(permit_waiter& w, const waker& wk) noexcept {
    if (w.granted) {
      w.granted = false;
      return true;
    }
    if (!wait_list::is_linked_locked(w) && try_take_locked(w.need)) return true;
    if (w.priority) {
      list_.insert_sorted_locked(w, wk, [](const wait_node&, const wait_node& pos) {
        return !static_cast<const permit_waiter&>(pos).priority;
      });
    } else {
      list_.push_back_locked(w, wk);
    }
    return false;
  }

  void release_locked(std::size_t n) noexcept {
    available_ += n;
    grant_locked();
  }

  // The waiter's future is being destroyed (or gives up): return anything
  // it was granted, leave the queue, and let others proceed.
  void cancel_locked(permit_waiter& w) noexcept {
    const bool was_front = list_.front_mut_locked() == &w;
    list_.remove_locked(w);
    if (w.granted) {
      w.granted = false;
      available_ += w.need;
      grant_locked();
    } else if (was_front) {
      grant_locked();
    }
  }

  // Wake every waiter with w.closed = true; later fast paths still work
  // (the owner decides what "closed" means).
  void close_locked() noexcept {
    closed_ = true;
    while (wait_node* n = list_.front_mut_locked()) {
      static_cast<permit_waiter*>(n)->closed = true;
      list_.pop_wake_locked(*n);
    }
  }

  bool has_waiters_locked() const noexcept { return !list_.empty_locked(); }

  // Saturating release for signals: add a permit only if none is stored and
  // no waiter can take it.
  void raise_locked() noexcept {
    if (list_.empty_locked()) {
      available_ = 1;
    } else {
      ++available_;
      grant_locked();
      if (available_ > 1) available_ = 1;
    }
  }

 private:
  void grant_locked() noexcept {
    while (wait_node* n = list_.front_mut_locked()) {
      auto& w = *static_cast<permit_waiter*>(n);
      if (available_ < w.need) break;
      available_ -= w.need;
      w.granted = true;
      list_.pop_wake_locked(w);
    }
  }

  std::size_t available_;
  bool closed_ = false;
  wait_list list_;
};

// A future that ends owning `need` permits of a permit_queue, and gives
// back what it was granted if destroyed first.
class permit_acquire {
 public:
  permit_acquire(permit_queue& q, std::size_t need, bool priority = false) noexcept : q_(&q) {
    w_.need = need;
    w_.priority = priority;
  }
  // Only before the first poll (the node panics if linked).
  permit_acquire(permit_acquire&& o) noexcept : q_(o.q_), w_(std::move(o.w_)), done_(o.done_) {
    o.done_ = true;  // the moved-from future owns nothing
  }
  ~permit_acquire() {
    if (done_) return;
    critical_section cs;
    q_->cancel_locked(w_);
  }
  // True when the permits are ours (exactly once).
  bool poll(context& cx) noexcept {
    critical_section cs;
    return poll_locked(cx);
  }
  bool poll_locked(context& cx) noexcept {
    if (q_->poll_locked(w_, cx.get_waker())) {
      done_ = true;
      return true;
    }
    return false;
  }
  // Give up (e.g. the owner was closed): return any granted permits, leave
  // the queue. The future then owns nothing.
  void abandon_locked() noexcept {
    if (done_) return;
    q_->cancel_locked(w_);
    done_ = true;
  }
  bool closed() const noexcept { return w_.closed; }
  permit_queue& queue() const noexcept { return *q_; }

 private:
  permit_queue* q_;
  permit_waiter w_;
  bool done_ = false;
};

}  // namespace detail

class semaphore {
 public:
  // RAII ownership of `count()` permits; releases them when destroyed.
  class permit {
   public:
    permit(semaphore& s, std::size_t n) noexcept : sem_(&s), n_(n) {}
    permit(permit&& o) noexcept : sem_(std::exchange(o.sem_, nullptr)), n_(o.n_) {}
    permit& operator=(permit&&) = delete;
    ~permit() {
      if (sem_ != nullptr) sem_->release(n_);
    }
    // Keep the permits taken (e.g. to hand them to an ISR that releases).
    void forget() noexcept { sem_ = nullptr; }
    std::size_t count() const noexcept { return sem_ ? n_ : 0; }

   private:
    semaphore* sem_;
    std::size_t n_;
  };

  class acquire_future {
   public:
    using output_type = permit;
    acquire_future(semaphore& s, std::size_t n) noexcept : sem_(&s), acq_(s.q_, n), need_(n) {}
    acquire_future(acquire_future&&) noexcept = default;
    poll_result<permit> poll(context& cx) noexcept {
      if (!acq_.poll(cx)) return pending;
      return permit(*sem_, need_);
    }

   private:
    semaphore* sem_;
    detail::permit_acquire acq_;
    std::size_t need_;
  };

  constexpr explicit semaphore(std::size_t permits) noexcept : q_(permits) {}
  semaphore(const semaphore&) = delete;
  semaphore& operator=(const semaphore&) = delete;

  // Task context. Completes (FIFO) with a guard owning n permits.
  acquire_future acquire(std::size_t n = 1) noexcept { return acquire_future(*this, n); }
  // ISR-safe. Takes n permits if available and nobody is queued.
  bool try_acquire(std::size_t n = 1) noexcept {
    critical_section cs;
    return q_.try_take_locked(n);
  }
  // ISR-safe. Adds n permits; grants them to queued waiters in FIFO order.
  void release(std::size_t n = 1) noexcept {
    critical_section cs;
    q_.release_locked(n);
  }
  // ISR-safe snapshot of the free permits.
  std::size_t available() const noexcept {
    critical_section cs;
    return q_.available_locked();
  }

 private:
  detail::permit_queue q_;
};

// A binary, auto-reset notification: raise() from anywhere (ISR-safe)
// wakes ONE waiter (the longest waiting), or is stored (at most one) until
// the next wait(). Raising twice before anybody waits counts once.
class signal {
 public:
  class wait_future {
   public:
    using output_type = void;
    explicit wait_future(signal& s) noexcept : acq_(s.q_, 1) {}
    wait_future(wait_future&&) noexcept = default;
    poll_result<void> poll(context& cx) noexcept {
      if (!acq_.poll(cx)) return pending;
      return ready();
    }

   private:
    detail::permit_acquire acq_;
  };

  constexpr signal() noexcept : q_(0) {}
  signal(const signal&) = delete;
  signal& operator=(const signal&) = delete;

  // ISR-safe.
  void raise() noexcept {
    critical_section cs;
    q_.raise_locked();
  }
  // ISR-safe: is a raise stored (not yet consumed by a waiter)?
  bool is_raised() const noexcept {
    critical_section cs;
    return q_.available_locked() != 0;
  }
  // ISR-safe: consume a stored raise without waiting.
  bool try_take() noexcept {
    critical_section cs;
    return q_.try_take_locked(1);
  }
  // Task context: completes once a raise is consumed by this waiter.
  wait_future wait() noexcept { return wait_future(*this); }

 private:
  detail::permit_queue q_;
};

}  // namespace bcsc
