// The individual checks (one file each), run by checks.cpp.
#pragma once

#include "analysis/suspend_points.h"
#include "checks/common.h"

namespace bcsc::checks {

// The co_awaits that suspend `fn` itself (not those inside its lambdas).
std::vector<const clang::Expr*> ownAwaits(const clang::FunctionDecl* fn, analysis::SuspendPoints& points);

// 3. std::lock_guard & co. alive across a suspend point.
void checkHostileRaii(Context& cx, const clang::FunctionDecl* fn, analysis::SuspendPoints& points);
// 1. references, pointers and views used after a suspend point whose referent died.
void checkDangling(Context& cx, const clang::FunctionDecl* fn, analysis::SuspendPoints& points);
// 2, 4, 5, 6: futures that outlive what they borrow (parameters, the object,
// a lambda's closure), at every call of an async function in the main file.
void checkFutureBorrows(Context& cx);

}  // namespace bcsc::checks
