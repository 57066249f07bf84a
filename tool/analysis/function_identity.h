// Analysis: what __func__, __FUNCTION__ and __PRETTY_FUNCTION__ mean in an
// async function.
//
// In the C++20 build they name the async function. In the lowered code its
// body is the frame's poll(), where they would name poll. So the lowering
// gives each one the C++20 build's string, computed by clang from the
// function's declaration. Codegen defines them as macros around poll(),
// which reaches uses inside macro expansions too (assert, logging macros).
//
// Refused, at the use: a use inside a lambda or local class of the body
// (there the name is theirs, but the macros would replace it), and
// __PRETTY_FUNCTION__ in a template (the string depends on the
// instantiation; the frame is lowered from the pattern).
#pragma once

#include "analysis/ir.h"
#include "reports/diagnostics.h"

#include "clang/AST/Decl.h"
#include "clang/AST/Stmt.h"

namespace bcsc::analysis {

// Fills `fn.predefinedNames` with the identifiers the body uses. Returns
// false after reporting every use it refuses.
bool collectFunctionIdentity(const clang::FunctionDecl* decl, const clang::Stmt* body, ir::AsyncFunction& fn,
                             reports::Reporter& reporter);

}  // namespace bcsc::analysis
