// Checks: borrow-lifetime diagnostics at suspend points.
//
// The second consumer of the suspend-point analysis (the lowering is the
// first). `bcsc check` runs only these; `bcsc lower` runs them first and
// refuses to lower a translation unit with an error.
#pragma once

#include "clang/AST/ASTContext.h"
#include "clang/AST/Decl.h"

#include <vector>

namespace bcsc::checks {

// Runs every enabled check over the translation unit's async functions and
// reports through the context's DiagnosticsEngine (and any export the
// command line asked for). Returns false if an error was reported.
bool runChecks(clang::ASTContext& context, const std::vector<const clang::FunctionDecl*>& asyncFunctions);

// Writes the exports the command line asked for (SARIF, clang-tidy YAML
// fixes) once all translation units were checked. Returns false on an I/O
// error.
bool finishExports();

}  // namespace bcsc::checks
