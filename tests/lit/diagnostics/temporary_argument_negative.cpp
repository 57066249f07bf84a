// RUN: %bcsc check %s -- %flags 2>&1 | FileCheck %s --allow-empty --implicit-check-not=error: --implicit-check-not=warning:
// Temporaries bound to reference parameters where the frame completes
// inside the same full-expression, and look-alikes: all silent.
#include "Inputs/diag.hpp"

[[bcsc::async]] bcsc::task<int> length(const std::string& s) {
  co_await pause(1);
  co_return static_cast<int>(s.size());
}
[[bcsc::async]] bcsc::task<int> by_value(std::string s) {
  co_await pause(1);
  co_return static_cast<int>(s.size());
}
[[bcsc::async]] bcsc::task<int> ignores(const std::string& unused) {
  co_await pause(1);
  co_return 0;
}
[[bcsc::async]] bcsc::task<int> length_view(std::string_view s) {
  co_await pause(1);
  co_return static_cast<int>(s.size());
}
int plain(const std::string& s) { return static_cast<int>(s.size()); }

// The temporary lives in the caller's frame across the await.
[[bcsc::async]] bcsc::task<int> awaited_directly() { co_return co_await length(std::string("x")); }

[[bcsc::async]] bcsc::task<int> awaited_in_join() {
  auto [a, b] = co_await bcsc::join(length(std::string("a")), length(make_string()));
  co_return a + b;
}

[[bcsc::async]] bcsc::task<int> awaited_in_race() {
  co_return co_await bcsc::race(length(std::string("a")), length(std::string("bb")));
}

// A named argument outlives the frame stored next to it.
[[bcsc::async]] bcsc::task<int> named_argument() {
  std::string s = make_string();
  auto fut = length(s);
  co_return co_await fut;
}

// By-value parameters own their argument.
[[bcsc::async]] bcsc::task<int> stored_by_value() {
  auto fut = by_value(std::string("owned"));
  co_return co_await fut;
}

// A parameter the callee never uses borrows nothing.
[[bcsc::async]] bcsc::task<int> unused_parameter() {
  auto fut = ignores(std::string("ignored"));
  co_return co_await fut;
}

// A view of a string literal refers to static storage.
[[bcsc::async]] bcsc::task<int> view_of_literal() {
  auto fut = length_view("literal");
  co_return co_await fut;
}

// Not an async function.
[[bcsc::async]] bcsc::task<int> plain_call() {
  int n = plain(std::string("x"));
  co_await pause(1);
  co_return n;
}

int main() {
  // block_on polls the frame to completion inside the full-expression.
  int a = bcsc::block_on(length(std::string("main")));
  // A lambda returning a frame that borrows a captured local of main.
  std::string s = make_string();
  auto make = [&] { return length(s); };
  int b = bcsc::block_on(make());
  return a + b;
}
