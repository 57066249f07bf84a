// bcsc::scope: a nursery. Children live in storage inside the scope object
// (which lives in the parent's frame); the scope completes only when every
// child has; the first failing child cancels its siblings and its error
// reaches the parent.
//
//   bcsc::scope<4, 128> s;                    // 4 slots of 128 bytes (static_assert'ed)
//   bcsc::scope_for<decltype(read(0)), decltype(blink())> s2;  // sized from the child types
//   s.spawn(read(1));  s.spawn(read(2));      // bool: false if full (or failed)
//   bcsc::result<void, int> r = co_await s.join();   // all done, or first error
//
// Children. Any bcsc future: generated frames, task<T>, hand-written ones.
// spawn() moves the (never polled) future into a free slot; it fails with
// `false` when all N slots are busy or the scope has failed. Storage is
// SlotBytes x N, aligned to Align; spawning a future that does not fit is a
// compile error. Children do not run on their own: they are polled by the
// scope's join() future (every live child on every poll of join, in slot
// order, with the parent's waker) -- so they run concurrently with each
// other while the parent is suspended in `co_await s.join()`. A child may
// spawn further children into the same scope (join is woken and polls
// them). A child's output is discarded, except for failures:
//
// Failure convention (see option.hpp, bcsc::is_failure): a child output `o`
// is a failure if it is a bcsc::result in the error state, or has an
// operator bool that yields false (arithmetic types never fail). The
// scope's error (type E, default int) is built from the first failure:
// E(r.error()) for a result, else E(o) if E is constructible from the
// output, else E{}. On the first failure the scope destroys every other
// live child at once (cancellation: their destructors unlink their wait
// nodes and timers), refuses new spawns, and join() completes with
// bcsc::err(e). Otherwise join() completes with bcsc::ok() once no child
// is left. After join() completed, the scope is empty and reusable.
//
// Cancellation of the parent: destroying the scope (e.g. the parent frame is
// destroyed while suspended) destroys every live child. cancel() does the
// same explicitly (not from inside a child).
//
// One join() at a time; the scope must outlive its join future. Task
// context only (nothing here is ISR-safe; children's own primitives are).
#pragma once

#include <cstddef>
#include <new>
#include <type_traits>
#include <utility>

#include "future.hpp"
#include "option.hpp"

namespace bcsc {

template <std::size_t N, std::size_t SlotBytes = 256, class E = int,
          std::size_t Align = alignof(std::max_align_t)>
class scope {
  static_assert(N > 0, "scope<N>: N must be at least 1");

 public:
  using error_type = E;
  static constexpr std::size_t capacity = N;
  static constexpr std::size_t slot_size = SlotBytes;

  class join_future {
   public:
    using output_type = result<void, E>;
    explicit join_future(scope& s) noexcept : s_(&s) {}
    poll_result<output_type> poll(context& cx) { return s_->poll_join(cx); }

   private:
    scope* s_;
  };

  scope() noexcept = default;
  // Like futures, a scope may be moved only while it is empty (before its
  // owner's first poll); moving one with children panics.
  scope(scope&& o) noexcept {
    if (o.live_ != 0) panic("bcsc::scope moved while it has children");
  }
  scope& operator=(scope&&) = delete;
  scope(const scope&) = delete;
  scope& operator=(const scope&) = delete;
  ~scope() { cancel(); }

  template <class F>
  [[nodiscard]] bool spawn(F&& fut) noexcept {
    using T = std::remove_cv_t<std::remove_reference_t<F>>;
    static_assert(is_future_v<T>, "scope::spawn: argument is not a bcsc future");
    static_assert(!std::is_lvalue_reference_v<F>, "scope::spawn takes ownership: pass a temporary or std::move");
    static_assert(sizeof(T) <= SlotBytes, "scope::spawn: child future larger than the scope's slots");
    static_assert(alignof(T) <= Align, "scope::spawn: child future over-aligned for the scope's slots");
    if (error_.has_value()) return false;
    for (auto& sl : slots_) {
      if (sl.poll_fn != nullptr) continue;
      ::new (static_cast<void*>(sl.storage)) T(std::move(fut));
      sl.poll_fn = &poll_child<T>;
      sl.drop_fn = [](void* p) noexcept { std::launder(static_cast<T*>(p))->~T(); };
      ++live_;
      join_waker_.wake();  // a running join must look at the new child
      return true;
    }
    return false;
  }

  join_future join() noexcept { return join_future(*this); }

  // Destroy every live child now.
  void cancel() noexcept {
    for (auto& sl : slots_) drop(sl);
  }
  std::size_t live() const noexcept { return live_; }
  bool failed() const noexcept { return error_.has_value(); }

 private:
  struct slot {
    alignas(Align) unsigned char storage[SlotBytes];
    // Polls once; true when the child completed (already destroyed).
    bool (*poll_fn)(void*, context&, scope&) = nullptr;
    void (*drop_fn)(void*) noexcept = nullptr;
  };

  template <class T>
  static bool poll_child(void* p, context& cx, scope& s) {
    T& f = *std::launder(static_cast<T*>(p));
    auto r = f.poll(cx);
    if (r.is_pending()) return false;
    using O = output_t<T>;
    if constexpr (can_fail_v<O>) {
      O out = r.take();
      if (is_failure(out) && !s.error_.has_value()) s.error_.emplace(make_error(std::move(out)));
    }
    return true;
  }

  template <class O>
  static E make_error(O&& o) {
    if constexpr (detail::is_result<std::decay_t<O>>::value) {
      if constexpr (std::is_constructible_v<E, decltype(std::move(o).error())>) return E(std::move(o).error());
      else return E{};
    } else if constexpr (std::is_constructible_v<E, O&&>) {
      return E(std::move(o));
    } else {
      return E{};
    }
  }

  void drop(slot& sl) noexcept {
    if (sl.poll_fn == nullptr) return;
    sl.poll_fn = nullptr;
    --live_;
    sl.drop_fn(sl.storage);
  }

  poll_result<result<void, E>> poll_join(context& cx) {
    join_waker_ = cx.get_waker();
    for (std::size_t i = 0; i < N && !error_.has_value(); ++i) {
      slot& sl = slots_[i];
      if (sl.poll_fn == nullptr) continue;
      const bool done = sl.poll_fn(sl.storage, cx, *this);
      if (done) {
        sl.poll_fn = nullptr;
        --live_;
        sl.drop_fn(sl.storage);
      }
    }
    if (error_.has_value()) {
      cancel();  // siblings of the failed child
      join_waker_ = waker();
      result<void, E> r = err(std::move(*error_));
      error_.reset();
      return poll_result<result<void, E>>(std::move(r));
    }
    if (live_ != 0) return pending;
    join_waker_ = waker();
    return result<void, E>(ok());
  }

  slot slots_[N];
  option<E> error_;
  waker join_waker_;
  std::size_t live_ = 0;
};

namespace detail {
template <class... F>
constexpr std::size_t max_sizeof() noexcept {
  std::size_t m = 1;
  ((m = sizeof(F) > m ? sizeof(F) : m), ...);
  return m;
}
template <class... F>
constexpr std::size_t max_alignof() noexcept {
  std::size_t m = 1;
  ((m = alignof(F) > m ? alignof(F) : m), ...);
  return m;
}
}  // namespace detail

// One slot per listed child type, each as large as the largest of them.
template <class... F>
using scope_for = scope<sizeof...(F), detail::max_sizeof<F...>(), int, detail::max_alignof<F...>()>;
template <class E, class... F>
using basic_scope_for = scope<sizeof...(F), detail::max_sizeof<F...>(), E, detail::max_alignof<F...>()>;

}  // namespace bcsc
