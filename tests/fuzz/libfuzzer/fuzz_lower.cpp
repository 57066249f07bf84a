// libFuzzer harness for the bcsc tool: every input is one C++ main file,
// compiled with `-include prelude.hpp` and run through the pipeline of
// `bcsc lower` (borrow checks, then lowering) in process, in memory.
//
// The contract (tests/fuzz/libfuzzer/README.md, docs/testing.md): the tool
// never crashes, asserts or hangs (libFuzzer and the sanitizers catch those),
// and for every input either
//   - it succeeds: no error diagnostic, a non-empty lowered output, or
//   - it fails: at least one error diagnostic, and no output.
// A violation aborts with the diagnostics printed, so libFuzzer keeps the
// input as a crash.
#include "driver/in_memory.h"

#include "clang/Basic/FileManager.h"
#include "clang/Frontend/FrontendActions.h"
#include "clang/Frontend/PCHContainerOperations.h"
#include "clang/Tooling/Tooling.h"
#include "llvm/Support/CrashRecoveryContext.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/VirtualFileSystem.h"

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <iterator>

namespace {

const char kPrelude[] =
#include "prelude.inc"
    ;

bool verbose() {
  static const bool on = std::getenv("BCSC_FUZZ_VERBOSE") != nullptr;
  return on;
}

// Two clang bugs steered around, not bcsc ones (evidence in docs/testing.md):
// -Wno-return-type: with the fall-through check on (the default), clang's CFG
//   of a function body doubles with every nested co_await; plain
//   `clang++-19 -fsyntax-only` takes 0.33 s at 18 levels, 2.9 s at 22.
// -fno-spell-checking: delayed typo correction in a long chain of binary
//   operators with misspelt names took plain clang++-19 6.8 s on a 7 KB input
//   (0.3 s without).
const char* const kSteeringArgs[] = {"-Wno-return-type", "-fno-spell-checking"};

// Parsing the prelude took about 60% of the time of an empty input, so it
// is precompiled once, at start-up, with the options of every input and in
// the same in-memory file system layout (same path, same mtime: the PCH
// validates). BCSC_FUZZ_NO_PCH=1 includes the header text instead.
std::string buildPreludePch() {
  llvm::IntrusiveRefCntPtr<llvm::vfs::InMemoryFileSystem> memory(new llvm::vfs::InMemoryFileSystem);
  memory->setCurrentWorkingDirectory("/bcsc-in-memory");
  memory->addFile("/bcsc-in-memory/prelude.hpp", 0, llvm::MemoryBuffer::getMemBuffer(kPrelude));
  llvm::IntrusiveRefCntPtr<clang::FileManager> files(new clang::FileManager(clang::FileSystemOptions(), memory));
  llvm::SmallString<128> pchPath;
  if (llvm::sys::fs::createTemporaryFile("bcsc_fuzz_prelude", "pch", pchPath)) return "";
  std::vector<std::string> args{"bcsc", "-x", "c++-header"};
  for (const std::string& arg : bcsc::driver::extraClangArguments()) args.push_back(arg);
  args.insert(args.end(), std::begin(kSteeringArgs), std::end(kSteeringArgs));
  args.insert(args.end(), {"-o", std::string(pchPath), "/bcsc-in-memory/prelude.hpp"});
  clang::tooling::ToolInvocation invocation(args, std::make_unique<clang::GeneratePCHAction>(), files.get(),
                                            std::make_shared<clang::PCHContainerOperations>());
  std::string pch;
  if (invocation.run())
    if (auto buffer = llvm::MemoryBuffer::getFile(pchPath, /*IsText=*/false)) pch = (*buffer)->getBuffer().str();
  llvm::sys::fs::remove(pchPath);
  if (pch.empty()) std::fprintf(stderr, "bcsc_fuzz: cannot precompile the prelude; parsing it for every input\n");
  return pch;
}

const bcsc::driver::InMemoryOptions& fuzzOptions() {
  static const bcsc::driver::InMemoryOptions options = [] {
    bcsc::driver::InMemoryOptions o;
    o.fileName = "input.cpp";
    o.files["prelude.hpp"] = kPrelude;
    std::string pch = std::getenv("BCSC_FUZZ_NO_PCH") ? "" : buildPreludePch();
    if (pch.empty()) {
      o.args = {"-include", "prelude.hpp"};
    } else {
      o.files["prelude.pch"] = std::move(pch);
      o.args = {"-include-pch", "/bcsc-in-memory/prelude.pch"};
    }
    o.args.insert(o.args.end(), std::begin(kSteeringArgs), std::end(kSteeringArgs));
    // Diagnostics are counted, not rendered (a violation renders them by
    // running the input again), and clang's "N errors generated." line is
    // not printed for every input.
    o.renderDiagnostics = verbose();
    o.args.push_back("-fno-caret-diagnostics");
    o.pipeline.format = std::getenv("BCSC_FUZZ_FORMAT") != nullptr;  // clang-format: see docs/testing.md
    o.realFileSystem = false;  // no system headers, no /dev/stdin: inputs see only the prelude
    o.recoverCrashes = true;   // see LLVMFuzzerTestOneInput
    return o;
  }();
  return options;
}

[[noreturn]] void violated(const char* what, const bcsc::driver::InMemoryResult& r, llvm::StringRef code) {
  std::fprintf(stderr, "bcsc_fuzz: contract violated: %s (success=%d errors=%u output=%zu bytes)\n", what,
               r.success, r.errors, r.output.size());
  bcsc::driver::InMemoryOptions again = fuzzOptions();
  again.renderDiagnostics = true;
  std::string text = r.diagnostics.empty() ? bcsc::driver::lowerInMemory(code, again).diagnostics : r.diagnostics;
  std::fprintf(stderr, "--- diagnostics ---\n%s--- end ---\n", text.c_str());
  std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  fuzzOptions();
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  // Crash recovery, installed after libFuzzer's own signal handlers (a
  // signal outside a recovery context goes on to libFuzzer). A crash is
  // triaged by parsing the input again with clang alone: if clang's parser
  // crashes too, it is a clang bug, not bcsc's (clang 19 has several on
  // invalid coroutine code, e.g. co_await in a lambda's noexcept or
  // trailing return type: crashers/clang_*.cpp); the input is skipped.
  // Otherwise the crash is bcsc's: abort, so libFuzzer keeps the input.
  static const bool recovery = (llvm::CrashRecoveryContext::Enable(), true);
  (void)recovery;
  llvm::StringRef code(reinterpret_cast<const char*>(data), size);
  bcsc::driver::InMemoryResult r = bcsc::driver::lowerInMemory(code, fuzzOptions());
  if (r.crashed) {
    bcsc::driver::InMemoryOptions parse = fuzzOptions();
    parse.parseOnly = true;
    if (bcsc::driver::lowerInMemory(code, parse).crashed) {
      std::fprintf(stderr, "bcsc_fuzz: clang's parser alone crashes on this input: a clang bug, skipped\n");
      return 0;
    }
    violated("crashed (clang's parser alone does not)", r, code);
  }
  if (verbose()) {
    std::fprintf(stderr, "bcsc_fuzz: %s, %u errors, %zu bytes of output\n%s", r.success ? "lowered" : "failed",
                 r.errors, r.output.size(), r.diagnostics.c_str());
    if (std::getenv("BCSC_FUZZ_VERBOSE")[0] == '2') std::fprintf(stderr, "--- output ---\n%s", r.output.c_str());
  }
  if (r.success) {
    if (r.errors != 0) violated("succeeded with error diagnostics", r, code);
    if (r.output.empty()) violated("succeeded without output", r, code);
  } else {
    if (r.errors == 0) violated("failed without an error diagnostic", r, code);
    if (!r.output.empty()) violated("failed but produced output", r, code);
  }
  return 0;
}
