[[bcsc::async]] bcsc::task<int> größe() {
  int größe = co_await bcsc::tick(1);
  int 変数 = co_await bcsc::tick(größe);
  int \u00e9t\u00e9 = 3;
  co_return größe + 変数 + été;
}
struct Ωmega { [[bcsc::async]] bcsc::task<int> λ() { co_return co_await bcsc::tick(2); } };
