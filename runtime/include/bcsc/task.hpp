// bcsc::task<T>: the C++20 fallback for [[bcsc::async]] functions.
//
//   [[bcsc::async]] bcsc::task<int> add_later(int a, int b) {
//     co_await bcsc::sleep_for(bcsc::milliseconds(1));   // any bcsc future
//     int c = co_await other_task(a);                     // or another task
//     co_return a + b + c;
//   }
//   int v = bcsc::block_on(add_later(1, 2));
//
// Without the bcsc compiler, such functions are ordinary C++20 coroutines of
// this type. task<T> IS a bcsc future (output_type = T, poll(context&)), so
// block_on, join, race and executors accept it like a generated frame.
//
// How it runs. The coroutine is lazy: nothing happens until the first poll.
// Inside a task, every `co_await x` goes through await_transform: x must be
// a bcsc future. The awaiter keeps a pointer to x (a temporary x lives in
// the coroutine frame until the co_await expression ends, an lvalue x is
// the caller's) and polls x
// immediately with the context of the current poll; if x is pending the
// coroutine suspends and the promise remembers a type-erased pointer to x
// plus its poll function. task::poll() then re-polls exactly that innermost
// awaited future with the new context and resumes the coroutine only once
// it is ready. A task awaiting a task awaiting a task... re-polls down the
// chain (stack depth = nesting depth, per poll).
//
// Cancellation. Destroying a task destroys its coroutine frame: the awaited
// future and every live local are destroyed (each exactly once).
//
// Memory. This fallback is the ONLY part of bcsc that allocates: each task's
// coroutine frame comes from the fallback allocator. By default that is
// ::operator new(std::nothrow) / ::operator delete; replace it with
//   bcsc::set_fallback_allocator(my_alloc, my_free);
// where my_alloc(size) returns suitably aligned memory (alignof
// std::max_align_t) or nullptr (=> bcsc::panic), and my_free(ptr, size)
// receives the same size. Install it before creating tasks and do not
// change it while tasks are alive.
//
// Exceptions: with or without -fno-exceptions, an exception escaping a task
// body calls bcsc::panic.
//
// Only available when the compiler implements coroutines (C++20); in C++17
// this header is empty.
#pragma once

#if defined(__cpp_impl_coroutine)

#include <coroutine>
#include <cstddef>
#include <new>
#include <type_traits>
#include <utility>

#include "future.hpp"

namespace bcsc {

// ------------------------------------------------------- allocator hook ----
using fallback_alloc_fn = void* (*)(std::size_t size) noexcept;
using fallback_free_fn = void (*)(void* ptr, std::size_t size) noexcept;

struct fallback_allocator {
  fallback_alloc_fn alloc;
  fallback_free_fn free;
};

namespace detail {
inline void* default_fallback_alloc(std::size_t n) noexcept { return ::operator new(n, std::nothrow); }
inline void default_fallback_free(void* p, std::size_t) noexcept { ::operator delete(p); }
inline fallback_allocator& fallback_allocator_slot() noexcept {
  static fallback_allocator a{&default_fallback_alloc, &default_fallback_free};
  return a;
}
}  // namespace detail

// Replace the frame allocator of task<T>; returns the previous one.
// Passing nullptr for either function restores the default pair.
inline fallback_allocator set_fallback_allocator(fallback_alloc_fn alloc, fallback_free_fn free) noexcept {
  fallback_allocator old = detail::fallback_allocator_slot();
  if (alloc == nullptr || free == nullptr) {
    alloc = &detail::default_fallback_alloc;
    free = &detail::default_fallback_free;
  }
  detail::fallback_allocator_slot() = {alloc, free};
  return old;
}

template <class T>
class task;

namespace detail {

// State shared by every task promise: the context of the poll in progress and
// the innermost future this coroutine is suspended on.
struct task_promise_base {
  context* cx = nullptr;
  void* awaited = nullptr;
  bool (*poll_awaited)(void*, context&) = nullptr;

  // Not noexcept: it never returns nullptr (it panics), so no
  // get_return_object_on_allocation_failure is needed.
  static void* operator new(std::size_t n) {
    void* p = fallback_allocator_slot().alloc(n);
    if (p == nullptr) panic("bcsc::task: the fallback allocator returned nullptr");
    return p;
  }
  static void operator delete(void* p, std::size_t n) noexcept { fallback_allocator_slot().free(p, n); }

  std::suspend_always initial_suspend() noexcept { return {}; }
  std::suspend_always final_suspend() noexcept { return {}; }
  void unhandled_exception() noexcept { panic("bcsc::task: an exception escaped a task body"); }

  template <class A>
  auto await_transform(A&& a) noexcept;
};

// Output storage that can be empty (no default constructor needed for T).
template <class T>
class result_slot {
 public:
  result_slot() noexcept {}
  ~result_slot() { reset(); }
  template <class U>
  void emplace(U&& v) {
    ::new (static_cast<void*>(&value_)) T(std::forward<U>(v));
    full_ = true;
  }
  T take() {
    T v(std::move(value_));
    reset();
    return v;
  }
  bool full() const noexcept { return full_; }

 private:
  void reset() noexcept {
    if (full_) value_.~T();
    full_ = false;
  }
  union {
    T value_;
  };
  bool full_ = false;
};

template <>
class result_slot<void> {
 public:
  void emplace() noexcept { full_ = true; }
  void take() noexcept { full_ = false; }
  bool full() const noexcept { return full_; }

 private:
  bool full_ = false;
};

// Awaits a bcsc future by pointer. That is safe for rvalues too: a
// temporary in `co_await make_future()` lives until the end of the full
// expression, i.e. until after await_resume(), and it lives in the coroutine
// frame, so it never moves while suspended. No copy, no move, no extra space.
template <class F>
class future_awaiter {
  using T = output_t<F>;

 public:
  future_awaiter(F& fut, task_promise_base& promise) noexcept : fut_(&fut), promise_(&promise) {}

  bool await_ready() { return try_poll(*promise_->cx); }
  void await_suspend(std::coroutine_handle<>) noexcept {
    promise_->awaited = this;
    promise_->poll_awaited = &poll_thunk;
  }
  T await_resume() { return result_.take(); }

 private:
  bool try_poll(context& cx) {
    auto r = fut_->poll(cx);
    if (r.is_pending()) return false;
    if constexpr (std::is_void_v<T>) result_.emplace();
    else result_.emplace(r.take());
    return true;
  }
  static bool poll_thunk(void* self, context& cx) { return static_cast<future_awaiter*>(self)->try_poll(cx); }

  F* fut_;
  task_promise_base* promise_;
  result_slot<T> result_;
};

template <class A>
auto task_promise_base::await_transform(A&& a) noexcept {
  static_assert(is_future_v<A>,
                "co_await inside a bcsc::task needs a bcsc future (output_type + poll(context&))");
  return future_awaiter<std::remove_reference_t<A>>(a, *this);
}

template <class T>
struct task_promise : task_promise_base {
  result_slot<T> result;
  task<T> get_return_object() noexcept;
  template <class U = T>
  void return_value(U&& v) {
    result.emplace(std::forward<U>(v));
  }
};

template <>
struct task_promise<void> : task_promise_base {
  result_slot<void> result;
  task<void> get_return_object() noexcept;
  void return_void() noexcept { result.emplace(); }
};

}  // namespace detail

template <class T>
class [[nodiscard]] task {
 public:
  using output_type = T;
  using promise_type = detail::task_promise<T>;
  using handle_type = std::coroutine_handle<promise_type>;

  task() noexcept = default;
  explicit task(handle_type h) noexcept : h_(h) {}
  // The frame is on the (fallback) heap and never moves, so moving the
  // handle is always safe; the protocol still only promises moves before
  // the first poll.
  task(task&& o) noexcept : h_(std::exchange(o.h_, {})) {}
  task& operator=(task&& o) noexcept {
    if (this != &o) {
      destroy();
      h_ = std::exchange(o.h_, {});
    }
    return *this;
  }
  task(const task&) = delete;
  task& operator=(const task&) = delete;
  ~task() { destroy(); }

  bool valid() const noexcept { return static_cast<bool>(h_); }

  poll_result<T> poll(context& cx) {
    if (!h_) panic("bcsc::task polled while empty (moved-from or default)");
    promise_type& p = h_.promise();
    if (h_.done()) panic("bcsc::task polled after it completed");
    if (p.awaited != nullptr) {
      if (!p.poll_awaited(p.awaited, cx)) return pending;
      p.awaited = nullptr;
    }
    p.cx = &cx;
    h_.resume();
    p.cx = nullptr;
    if (!h_.done()) return pending;
    if constexpr (std::is_void_v<T>) {
      p.result.take();
      return ready();
    } else {
      return poll_result<T>(p.result.take());
    }
  }

 private:
  void destroy() noexcept {
    if (h_) std::exchange(h_, {}).destroy();
  }
  handle_type h_;
};

namespace detail {
template <class T>
task<T> task_promise<T>::get_return_object() noexcept {
  return task<T>(std::coroutine_handle<task_promise<T>>::from_promise(*this));
}
inline task<void> task_promise<void>::get_return_object() noexcept {
  return task<void>(std::coroutine_handle<task_promise<void>>::from_promise(*this));
}
}  // namespace detail

}  // namespace bcsc

#endif  // __cpp_impl_coroutine
