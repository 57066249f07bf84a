// Analysis: one [[bcsc::async]] function definition -> the lowering IR.
//
// Finds the suspend points, decides which variables and temporaries must
// live in the frame (those whose storage is alive across a suspend point),
// restructures control flow around the suspend points, and records each
// frame object's lifetime for the layout stage.
#pragma once

#include "analysis/ir.h"
#include "reports/diagnostics.h"

#include "clang/AST/ASTContext.h"
#include "clang/AST/Decl.h"
#include <optional>
#include <vector>

namespace bcsc::analysis {

struct BuildOptions {
  // false only to test `lower --verify`: the names of the body are left
  // unprotected (analysis/hygiene.h), so the frame may capture them.
  bool hygiene = true;
};

// Builds the IR of `fn`. Reports every unsupported construct at its line
// and returns nullopt if there was any.
std::optional<ir::AsyncFunction> buildIR(const clang::FunctionDecl* fn, clang::ASTContext& context,
                                         reports::Reporter& reporter, const BuildOptions& options = {});

// Checks the awaits between async functions: recursion (the frame would be
// infinite) and awaiting a function whose frame is not yet defined.
bool checkCallGraph(const std::vector<const clang::FunctionDecl*>& asyncFunctions,
                    clang::ASTContext& context, reports::Reporter& reporter);

}  // namespace bcsc::analysis
