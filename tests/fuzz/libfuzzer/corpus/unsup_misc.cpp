[[bcsc::async]] bcsc::task<int> va(int n, ...) { co_return n + co_await bcsc::tick(1); }
[[bcsc::async]] static bcsc::task<int> st() { static int s = 0; s += co_await bcsc::tick(1); co_return s; }
[[bcsc::async]] bcsc::task<int&> ref(int& r) { co_await bcsc::pause(); co_return r; }
[[bcsc::async]] bcsc::task<int> vla(int n) { int a[n]; a[0] = co_await bcsc::tick(1); co_return a[0]; }
[[bcsc::async]] bcsc::task<int> asmf() { asm("nop"); co_return co_await bcsc::tick(1); }
[[bcsc::async]] bcsc::task<int> decl_only();
struct V { virtual bcsc::task<int> vf(); };
[[bcsc::async]] bcsc::task<int> V::vf() { co_return 1; }
[[bcsc::async]] int not_a_task = 3;
[[bcsc::async(1)]] bcsc::task<int> args() { co_return 1; }
