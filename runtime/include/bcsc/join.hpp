// bcsc::join(f...): run several futures concurrently inside one task;
// complete when all have completed.
//
//   auto [a, b, nothing] = co_await bcsc::join(read_a(), read_b(), tick());
//
// Output: std::tuple of each child's output, in argument order; a void child
// contributes a bcsc::unit. Children are stored inline (no allocation):
// rvalues are moved in (allowed: they have not been polled yet), lvalues are
// borrowed by pointer. Each poll of the join polls every still-running child
// with the join's waker, in argument order; a child is never polled again
// after it completed, and an owned child is destroyed as soon as it
// completes (its output is kept). Destroying a pending join destroys every
// owned child that is still running (cancellation).
//
// Like every future, a join may be moved only before its first poll.
#pragma once

#include <cstddef>
#include <tuple>
#include <type_traits>
#include <utility>

#include "detail/child.hpp"
#include "future.hpp"

namespace bcsc {

template <class... C>
class join_future {
  static_assert((is_future_v<C> && ...), "join: every argument must be a bcsc future");

 public:
  using output_type = std::tuple<unit_if_void<output_t<C>>...>;

  template <class... A>
  explicit join_future(A&&... children) : children_(detail::child_slot<C>(std::forward<A>(children))...) {}

  join_future(join_future&& o) : children_(std::move(o.children_)) {
    if (o.started_) panic("bcsc::join moved after its first poll");
  }
  join_future& operator=(join_future&&) = delete;

  poll_result<output_type> poll(context& cx) {
    if (finished_) panic("bcsc::join polled after it completed");
    started_ = true;
    if (!poll_all(cx, std::index_sequence_for<C...>{})) return pending;
    finished_ = true;
    return take_all(std::index_sequence_for<C...>{});
  }

 private:
  template <std::size_t... I>
  bool poll_all(context& cx, std::index_sequence<I...>) {
    bool all = true;
    // Fold over `,` (not &&): every running child is polled on every round.
    ((all = detail::poll_child(std::get<I>(children_), cx) && all), ...);
    return all;
  }
  template <std::size_t... I>
  output_type take_all(std::index_sequence<I...>) {
    return output_type{std::get<I>(children_).take()...};
  }

  std::tuple<detail::child_slot<C>...> children_;
  bool started_ = false;
  bool finished_ = false;
};

// Deduction: an rvalue F gives C = F (owned), an lvalue gives C = F& (borrowed).
template <class... F>
join_future<std::conditional_t<std::is_lvalue_reference_v<F>, F, std::remove_cv_t<std::remove_reference_t<F>>>...>
join(F&&... futures) {
  return join_future<std::conditional_t<std::is_lvalue_reference_v<F>, F, std::remove_cv_t<std::remove_reference_t<F>>>...>(
      std::forward<F>(futures)...);
}

}  // namespace bcsc
