struct Outer {
  struct Inner {
    [[bcsc::async]] bcsc::task<int> g() { co_return co_await bcsc::tick(1); }
  };
};
