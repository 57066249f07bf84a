// RUN: not %bcsc check %s --export-fixes=%t.yaml -- %flags 2>/dev/null
// RUN: FileCheck %s < %t.yaml
// --export-fixes writes clang-tidy's YAML; the by-value fix-it of a
// reference parameter is a replacement of the parameter's type.
#include "Inputs/diag.hpp"

[[bcsc::async]] bcsc::task<int> length(const std::string& s) {
  co_await pause(1);
  co_return static_cast<int>(s.size());
}

[[bcsc::async]] bcsc::task<int> stored() {
  auto fut = length(std::string("x"));
  co_return co_await fut;
}

int main() {}
// CHECK: MainSourceFile: '{{.*}}export_fixes.cpp'
// CHECK: Diagnostics:
// CHECK: - DiagnosticName: bcsc-temporary-argument
// CHECK: DiagnosticMessage:
// CHECK: Message: 'temporary bound to parameter ''s'' of ''length'' {{.*}}
// CHECK: FilePath: '{{.*}}export_fixes.cpp'
// CHECK: FileOffset:
// CHECK: Replacements:
// CHECK: - FilePath: '{{.*}}export_fixes.cpp'
// CHECK: Offset:
// CHECK: Length: 18
// CHECK: ReplacementText: 'std::string'
// CHECK: Notes:
// CHECK: Level: Error
