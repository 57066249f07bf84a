// EXPECT: safe
#include "diag.hpp"
[[bcsc::async]] bcsc::task<int> length(const std::string& s) { co_await pause(1); co_return static_cast<int>(s.size()); }
[[bcsc::async]] bcsc::task<int> by_value(std::string s) { co_await pause(1); co_return static_cast<int>(s.size()); }
[[bcsc::async]] bcsc::task<void> refill(std::vector<int>& v) { co_await pause(1); v.push_back(1); }
[[bcsc::async]] bcsc::task<void> worker(const int& n) { co_await pause(1); std::printf("%d\n", n); }
struct Motor { int speed = 1; [[bcsc::async]] bcsc::task<int> run() { co_await pause(1); co_return speed; } };
// CASE: only diagnostics below this line count (the prelude above is shared)
[[bcsc::async]] bcsc::task<int> f() { Motor m; auto fut = m.run(); co_return co_await fut; }
int main() {}
