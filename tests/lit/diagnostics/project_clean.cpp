// RUN: for f in %S/../lowering/*.cpp %S/../../../examples/hello/*.cpp %S/../../../examples/robot/robot.cpp %S/../../../examples/robot/main_host.cpp; do %bcsc check $f -- %flags -I %S/../../../examples/robot 2>&1 | sed "s|^|$f: |"; done > %t.log
// RUN: FileCheck %s --allow-empty --input-file=%t.log --implicit-check-not=error: --implicit-check-not=warning:
// RUN: not %bcsc check %S/../../../examples/robot/mistake.cpp -- %flags 2>&1 | FileCheck %s --check-prefix=MISTAKE
// The project's own lowering tests and examples are borrow-clean; the
// demo's intentional mistake is caught (hostile lock, dangling reference).
// MISTAKE: mistake.cpp:15:31: error: 'lock' (std::lock_guard<std::mutex>) is held across a suspend point
// MISTAKE: mistake.cpp:26:18: error: reference 'v' is bound to a temporary
