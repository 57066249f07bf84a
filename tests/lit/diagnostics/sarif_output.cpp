// RUN: not %bcsc check %s --diagnostics-format=sarif -- %flags 2>%t.err | FileCheck %s
// RUN: FileCheck %s --check-prefix=TEXT < %t.err
// RUN: not %bcsc check %s --diagnostics-format=sarif --sarif-output=%t.sarif -- %flags 2>/dev/null
// RUN: python3 -c "import json,sys; d=json.load(open(sys.argv[1])); r=d['runs'][0]['results']; reg=r[0]['locations'][0]['physicalLocation']['region']; rel=r[0]['relatedLocations'][0]['physicalLocation']['region']; assert d['version']=='2.1.0' and len(r)==1 and r[0]['ruleId']=='bcsc-hostile-raii' and (reg['startLine'],reg['startColumn'])==(101,31) and rel['startLine']==102, r" %t.sarif
// --diagnostics-format=sarif writes SARIF 2.1.0 (llvm::json); the text
// diagnostics still go to stderr. Locations honour #line.
#include "Inputs/diag.hpp"

// CHECK-DAG: "version": "2.1.0"
// CHECK-DAG: "name": "bcsc"
// CHECK-DAG: "id": "bcsc-dangling"
// CHECK-DAG: "ruleId": "bcsc-hostile-raii"
// CHECK-DAG: "level": "error"
// CHECK-DAG: "text": "'g' (std::lock_guard<std::mutex>) is held across a suspend point; {{.*}} [bcsc-hostile-raii]"
// CHECK-DAG: "uri": "file://{{.*}}renamed.cpp"
// CHECK-DAG: "text": "suspend point here"
// TEXT: renamed.cpp:101:31: error: 'g'
#line 100 "renamed.cpp"
[[bcsc::async]] bcsc::task<int> locked() {
  std::lock_guard<std::mutex> g(mu);
  co_await pause(1);
  co_return 0;
}

int main() {}
