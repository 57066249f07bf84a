#include <vector>
#include </dev/stdin>
[[bcsc::async]] bcsc::task<int> a() { co_return co_await bcsc::tick(1); }
