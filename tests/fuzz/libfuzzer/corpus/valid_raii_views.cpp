struct Tracer {
  int id;
  explicit Tracer(int i) : id(i) {}
  ~Tracer() {}
};
std::mutex m;
[[bcsc::async]] bcsc::task<int> raii(std::string_view name) {
  Tracer t(1);
  {
    Tracer u(2);
    co_await bcsc::pause();
  }
  int n = static_cast<int>(name.size());
  {
    std::lock_guard<std::mutex> g(m);
    n += 1;
  }
  co_return n + t.id + co_await bcsc::tick(1);
}
