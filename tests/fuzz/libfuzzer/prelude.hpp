// The fuzzing harness's stand-in for <bcsc/bcsc.hpp>: just enough of the
// coroutine machinery, bcsc::task<T> and a few futures and std names for the
// lowering to parse, declared without any system header so that one input
// costs a millisecond or two to parse, not the ~50 ms of the real headers.
// Every input is compiled with `-include prelude.hpp`. To run an input
// through the real tool:  bcsc lower IN.cpp -o OUT.cpp -- -include prelude.hpp
#pragma once

namespace std {
using size_t = decltype(sizeof(0));
using nullptr_t = decltype(nullptr);
template <class T> struct remove_reference { using type = T; };
template <class T> struct remove_reference<T&> { using type = T; };
template <class T> struct remove_reference<T&&> { using type = T; };
template <class T> constexpr typename remove_reference<T>::type&& move(T&& t) noexcept {
  return static_cast<typename remove_reference<T>::type&&>(t);
}
template <class T> constexpr T&& forward(typename remove_reference<T>::type& t) noexcept { return static_cast<T&&>(t); }

template <class R, class... Args> struct coroutine_traits { using promise_type = typename R::promise_type; };
template <class P = void> struct coroutine_handle;
template <> struct coroutine_handle<void> {
  constexpr coroutine_handle() noexcept = default;
  static coroutine_handle from_address(void* a) noexcept { coroutine_handle h; h.p_ = a; return h; }
  constexpr void* address() const noexcept { return p_; }
  explicit operator bool() const noexcept { return p_ != nullptr; }
  void resume() const { __builtin_coro_resume(p_); }
  void destroy() const { __builtin_coro_destroy(p_); }
  bool done() const { return __builtin_coro_done(p_); }
  void* p_ = nullptr;
};
template <class P> struct coroutine_handle : coroutine_handle<> {
  static coroutine_handle from_address(void* a) noexcept { coroutine_handle h; h.p_ = a; return h; }
  static coroutine_handle from_promise(P& p) noexcept {
    coroutine_handle h; h.p_ = __builtin_coro_promise(&p, alignof(P), true); return h;
  }
  P& promise() const { return *static_cast<P*>(__builtin_coro_promise(p_, alignof(P), false)); }
};
struct suspend_always {
  constexpr bool await_ready() const noexcept { return false; }
  constexpr void await_suspend(coroutine_handle<>) const noexcept {}
  constexpr void await_resume() const noexcept {}
};

template <class C> class basic_string_view {
 public:
  constexpr basic_string_view() noexcept = default;
  constexpr basic_string_view(const C* s, size_t n) noexcept : s_(s), n_(n) {}
  constexpr basic_string_view(const C* s) noexcept : s_(s) { while (s[n_]) ++n_; }
  constexpr const C* data() const noexcept { return s_; }
  constexpr size_t size() const noexcept { return n_; }
 private:
  const C* s_ = nullptr;
  size_t n_ = 0;
};
using string_view = basic_string_view<char>;

class mutex {
 public:
  void lock() {}
  void unlock() {}
  bool try_lock() { return true; }
};
template <class M> class lock_guard {
 public:
  explicit lock_guard(M& m) : m_(m) { m_.lock(); }
  ~lock_guard() { m_.unlock(); }
 private:
  M& m_;
};
}  // namespace std

namespace bcsc {
class context {};
struct pending_t {};
inline constexpr pending_t pending{};
template <class T> class poll_result {
 public:
  poll_result(pending_t) : ready_(false) {}
  poll_result(T v) : ready_(true), value_(static_cast<T&&>(v)) {}
  bool is_ready() const { return ready_; }
  T take() { return static_cast<T&&>(value_); }
 private:
  bool ready_;
  T value_{};
};
template <> class poll_result<void> {
 public:
  poll_result(pending_t) : ready_(false) {}
  poll_result() : ready_(true) {}
  bool is_ready() const { return ready_; }
 private:
  bool ready_;
};

// A future ready at the first poll.
template <class T> struct ready_future {
  using output_type = T;
  T value;
  poll_result<T> poll(context&) { return poll_result<T>(static_cast<T&&>(value)); }
};
template <> struct ready_future<void> {
  using output_type = void;
  poll_result<void> poll(context&) { return poll_result<void>(); }
};
inline ready_future<int> tick(int v = 1) { return {v}; }
inline ready_future<void> pause() { return {}; }
template <class T> ready_future<T> ready(T v) { return {static_cast<T&&>(v)}; }

template <class T> class task;
namespace detail {
template <class F> struct awaiter {
  F* f;
  bool await_ready() { return false; }
  void await_suspend(std::coroutine_handle<>) noexcept {}
  typename F::output_type await_resume();
};
struct promise_base {
  std::suspend_always initial_suspend() noexcept { return {}; }
  std::suspend_always final_suspend() noexcept { return {}; }
  void unhandled_exception() noexcept {}
  template <class A> awaiter<typename std::remove_reference<A>::type> await_transform(A&& a) noexcept { return {&a}; }
};
template <class T> struct promise : promise_base {
  task<T> get_return_object() noexcept;
  template <class U = T> void return_value(U&&) {}
};
template <> struct promise<void> : promise_base {
  task<void> get_return_object() noexcept;
  void return_void() noexcept {}
};
}  // namespace detail

template <class T> class [[nodiscard]] task {
 public:
  using output_type = T;
  using promise_type = detail::promise<T>;
  task() noexcept = default;
  explicit task(std::coroutine_handle<promise_type> h) noexcept : h_(h) {}
  task(task&& o) noexcept : h_(o.h_) { o.h_ = {}; }
  task(const task&) = delete;
  ~task() {}
  poll_result<T> poll(context&) { return pending; }
 private:
  std::coroutine_handle<promise_type> h_;
};
template <class T> task<T> detail::promise<T>::get_return_object() noexcept {
  return task<T>(std::coroutine_handle<promise<T>>::from_promise(*this));
}
inline task<void> detail::promise<void>::get_return_object() noexcept {
  return task<void>(std::coroutine_handle<promise<void>>::from_promise(*this));
}

template <class... F> struct join_future {
  using output_type = void;
  poll_result<void> poll(context&) { return poll_result<void>(); }
};
template <class... F> join_future<F...> join(F&&...) { return {}; }
template <class F> F&& spawn(F&& f) { return static_cast<F&&>(f); }
template <class F> typename F::output_type block_on(F&& f);
}  // namespace bcsc
