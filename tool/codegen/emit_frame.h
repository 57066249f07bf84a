// Codegen: the C++17 text of one lowered async function: its frame struct,
// the poll() state machine, the destructor and the wrapper function that
// keeps the user's name and signature.
#pragma once

#include "analysis/ir.h"
#include "layout/layout.h"

#include <string>

namespace bcsc::codegen {

struct EmitOptions {
  bool lineDirectives = true;  // #line back to the user's source
  // Non-empty: code that carries no user text on its own lines (the
  // storage, the cancellation path) is put under `#line 1 "<this>"`, so it
  // does not take the lines after the last user statement (the copy that
  // `lower --verify` checks).
  std::string generatedFile;
};

std::string emitFunction(const ir::AsyncFunction& fn, const layout::FrameLayout& layout,
                         const EmitOptions& options);

// What replaces a declaration of the function (a member function's
// in-class declaration, or a forward declaration): the frame struct is
// declared, and the function returns it. `attributes` are those written in
// front of that declaration.
std::string emitDeclaration(const ir::AsyncFunction& fn, const std::string& attributes);

}  // namespace bcsc::codegen
