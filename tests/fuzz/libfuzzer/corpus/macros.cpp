#define AWAIT(x) co_await (x)
#define TICK co_await bcsc::tick(1)
#define ASYNC [[bcsc::async]]
#define TASK(T) bcsc::task<T>
#define RET(v) co_return v
#define BODY { int a = TICK; int b = AWAIT(bcsc::tick(a)); RET(a + b); }
ASYNC TASK(int) via_macros() BODY
#define DEFINE(name) ASYNC TASK(int) name() { RET(AWAIT(bcsc::tick(__LINE__))); }
DEFINE(one)
DEFINE(two)
#define CAT(a, b) a##b
[[bcsc::async]] bcsc::task<int> CAT(glu, ed)() { int CAT(v, 1) = co_await bcsc::tick(1); co_return CAT(v, 1); }
