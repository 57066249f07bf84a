// Analysis shared by the lowering and the borrow checks: where an async
// function suspends, and which of its variables are alive across a
// suspend point (and so must live in the frame).
#pragma once

#include "clang/AST/ASTContext.h"
#include "clang/AST/Decl.h"
#include "clang/AST/Expr.h"
#include "clang/AST/Stmt.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/DenseSet.h"

#include <vector>

namespace bcsc::analysis {

bool isAwait(const clang::Stmt* s);
const clang::Expr* awaitOperand(const clang::Expr* await);
// The user's statements of an async function (inside the CoroutineBodyStmt).
const clang::CompoundStmt* userBody(const clang::FunctionDecl* fn);
// Children the user wrote (a co_await's synthesized calls are skipped).
std::vector<const clang::Stmt*> writtenChildren(const clang::Stmt* s);

class SuspendPoints {
 public:
  SuspendPoints(const clang::FunctionDecl* fn, clang::ASTContext& context);

  // Every co_await in the body, in source order, including any inside
  // lambdas (which the lowering rejects).
  const std::vector<const clang::Expr*>& awaits() const { return awaits_; }
  bool containsAwait(const clang::Stmt* s);
  // A variable is in the frame if its scope, after its declaration,
  // contains a suspend point: its storage must outlive a poll() call.
  bool inFrame(const clang::VarDecl* var) const { return frameVars_.count(var) != 0; }
  const llvm::DenseSet<const clang::VarDecl*>& frameVariables() const { return frameVars_; }
  // The co_awaits between the end of `from` and `to` (source order).
  std::vector<const clang::Expr*> awaitsBetween(clang::SourceLocation from, clang::SourceLocation to) const;

 private:
  void collect(const clang::Stmt* s);
  void classify(const clang::CompoundStmt* body);
  unsigned offset(clang::SourceLocation loc) const;

  const clang::SourceManager& sm_;
  std::vector<const clang::Expr*> awaits_;
  llvm::DenseMap<const clang::Stmt*, bool> containsAwait_;
  llvm::DenseSet<const clang::VarDecl*> frameVars_;
};

}  // namespace bcsc::analysis
