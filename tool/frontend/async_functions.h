// Frontend: finds the [[bcsc::async]] functions of a translation unit.
#pragma once

#include "clang/AST/ASTContext.h"
#include "clang/AST/Decl.h"
#include <vector>

namespace bcsc::frontend {

inline constexpr const char* kAsyncAnnotation = "bcsc::async";

void linkAsyncAttribute();

bool isAsync(const clang::FunctionDecl* fn);

// Every function carrying [[bcsc::async]] in the translation unit, in source
// order: definitions and declarations alike (the caller decides what each
// one needs). Template instantiations are skipped: templates are lowered
// once, as templates.
std::vector<const clang::FunctionDecl*> findAsyncFunctions(clang::ASTContext& context);

}  // namespace bcsc::frontend
