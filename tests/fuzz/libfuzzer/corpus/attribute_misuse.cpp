[[bcsc::async]] int x;
struct [[bcsc::async]] S {};
[[bcsc::async, bcsc::async]] bcsc::task<int> twice_attr() { co_return co_await bcsc::tick(1); }
[[bcsc::async]] bcsc::task<int> redecl();
[[bcsc::async]] bcsc::task<int> redecl();
bcsc::task<int> redecl() { co_return 1; }
namespace ns { [[bcsc::async]] bcsc::task<int> f(); }
[[bcsc::async]] bcsc::task<int> ns::f() { co_return co_await bcsc::tick(1); }
