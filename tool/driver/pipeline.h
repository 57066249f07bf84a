// The pipeline over one translation unit:
//   frontend (find [[bcsc::async]] functions) -> analysis (IR) ->
//   layout (overlapped storage) -> codegen (C++17 text) -> output.
#pragma once

#include "analysis/ir.h"
#include "codegen/export_header.h"
#include "layout/layout.h"
#include "verify/verify.h"

#include "clang/Tooling/Tooling.h"

#include <functional>
#include <memory>
#include <string>
#include <vector>

namespace bcsc::driver {

struct LoweredFunction {
  ir::AsyncFunction ir;
  layout::FrameLayout layout;
};

// Everything the pipeline learned about one translation unit.
struct LoweredUnit {
  std::string sourcePath;
  std::string output;  // the lowered translation unit
  std::vector<LoweredFunction> functions;
  std::vector<std::string> dependencies;  // every file the tool read, for a depfile
  // Separate compilation: the frames of the exported functions (declared in
  // an included header, defined here), in the order of `functions`; their
  // sizes are still to be measured from `output`.
  std::vector<codegen::ExportedFrame> exports;
  // With PipelineOptions::verify: what the source's names mean, and the
  // output with #line and without clang-format (the same tokens; its lines
  // are the ones #line names, so uses can be matched line by line).
  verify::NameUses names;
  std::string unformattedOutput;
};

struct PipelineOptions {
  bool lineDirectives = true;
  bool format = true;       // clang-format the generated code (off: the fuzzer, for speed)
  bool checksOnly = false;  // `bcsc check`: run the borrow checks, lower nothing
  // The export header's path (--export-header), or empty. When
  // `requireExportHeader` is set, an exported function without it is an error.
  std::string exportHeader;
  bool requireExportHeader = false;
  bool verify = false;  // fill LoweredUnit::names and unformattedOutput for `lower --verify`
  bool hygiene = true;  // false only to test --verify (analysis::BuildOptions::hygiene)
};

// Runs the pipeline; `onUnit` receives each translation unit that lowered
// without errors. Returns a factory for ClangTool::run.
std::unique_ptr<clang::tooling::FrontendActionFactory> makeLoweringFactory(
    const PipelineOptions& options, std::function<void(LoweredUnit&)> onUnit);

// Clang's parser and bcsc's analyses recurse once per nesting level of the
// input (`- - - ... x`, nested parentheses, blocks, ifs): on the default 8 MiB
// stack, clang itself overflows at ~1,800 nested unary operators (plain
// `clang++-19 -fsyntax-only` crashes the same way). Every compilation of the
// tool runs on a thread with this much stack (reserved, touched only as
// needed), which moves that limit to ~100,000 levels.
inline constexpr unsigned kToolStackSize = 512u << 20;

// Runs `fn` on a thread with kToolStackSize of stack (one long-lived thread,
// reused by every call) and waits for it.
void runWithLargeStack(const std::function<void()>& fn);

// Arguments every bcsc invocation adds: C++20 parsing (co_await), clang's
// builtin headers, the runtime headers as a fallback include path, and
// -UBCSC_LOWERED: the tool reads the fallback declarations of async
// functions defined in other files even if the target defines BCSC_LOWERED.
std::vector<std::string> extraClangArguments();

}  // namespace bcsc::driver
