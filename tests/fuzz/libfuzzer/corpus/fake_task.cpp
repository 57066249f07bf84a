namespace bcsc { namespace other { template <class T> struct task { using promise_type = void; }; } }
namespace mine { template <class T> using task = bcsc::task<T>; }
[[bcsc::async]] mine::task<int> alias() { co_return co_await bcsc::tick(1); }
[[bcsc::async]] auto deduced() -> bcsc::task<int> { co_return 1; }
[[bcsc::async]] bcsc::task<bcsc::task<int>> nested() { co_return bcsc::task<int>(); }
