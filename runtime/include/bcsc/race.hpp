// bcsc::race(f...): run futures of one output type concurrently; the first
// to complete wins.
//
//   int v = co_await bcsc::race(read_sensor(), timeout_value(-1));
//
// Each poll polls the children in argument order (earlier arguments win
// ties). When one is ready, every owned child -- the winner and all losers --
// is destroyed right then, running their destructors (a loser's wait nodes
// and timers are unlinked: cancellation). Borrowed (lvalue) children are
// not destroyed -- they belong to the caller -- but are never polled again.
// Storage is inline: rvalues are moved in, lvalues kept by pointer.
// Output: the common output type (may be void).
#pragma once

#include <cstddef>
#include <tuple>
#include <type_traits>
#include <utility>

#include "detail/child.hpp"
#include "future.hpp"

namespace bcsc {

template <class... C>
class race_future {
  static_assert(sizeof...(C) > 0, "race needs at least one future");
  static_assert((is_future_v<C> && ...), "race: every argument must be a bcsc future");
  using first = std::tuple_element_t<0, std::tuple<C...>>;
  static_assert((std::is_same_v<output_t<first>, output_t<C>> && ...),
                "race: all children must have the same output type");

 public:
  using output_type = output_t<first>;

  template <class... A>
  explicit race_future(A&&... children) : children_(detail::child_slot<C>(std::forward<A>(children))...) {}

  race_future(race_future&& o) : children_(std::move(o.children_)) {
    if (o.started_) panic("bcsc::race moved after its first poll");
  }
  race_future& operator=(race_future&&) = delete;

  poll_result<output_type> poll(context& cx) {
    if (finished_) panic("bcsc::race polled after it completed");
    started_ = true;
    return poll_from<0>(cx);
  }

 private:
  using slots = std::tuple<detail::child_slot<C>...>;
  static constexpr std::size_t count = sizeof...(C);

  template <std::size_t I>
  poll_result<output_type> poll_from(context& cx) {
    if constexpr (I == count) {
      return pending;
    } else {
      auto r = std::get<I>(children_).future().poll(cx);
      if (r.is_ready()) {
        finish(std::make_index_sequence<count>{});
        return r;
      }
      return poll_from<I + 1>(cx);
    }
  }
  // Destroy every owned child now (the winner too: it is done).
  template <std::size_t... I>
  void finish(std::index_sequence<I...>) noexcept {
    finished_ = true;
    (std::get<I>(children_).release(), ...);
  }

  slots children_;
  bool started_ = false;
  bool finished_ = false;
};

template <class... F>
race_future<std::conditional_t<std::is_lvalue_reference_v<F>, F, std::remove_cv_t<std::remove_reference_t<F>>>...>
race(F&&... futures) {
  static_assert(sizeof...(F) > 0, "race needs at least one future");
  return race_future<std::conditional_t<std::is_lvalue_reference_v<F>, F, std::remove_cv_t<std::remove_reference_t<F>>>...>(
      std::forward<F>(futures)...);
}

}  // namespace bcsc
