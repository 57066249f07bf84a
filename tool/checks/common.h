// Shared by the checks: source positions, variable scopes, type classes
// (views, owners, hostile RAII), what a reference/pointer/view refers to,
// and where a future created by a call ends up.
#pragma once

#include "analysis/suspend_points.h"
#include "checks/findings.h"

#include "clang/AST/ASTContext.h"
#include "clang/AST/Decl.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/Expr.h"
#include "clang/AST/ExprCXX.h"

#include <string>
#include <vector>

namespace bcsc::checks {

struct Referent {
  enum Kind { Unknown, Temporary, Local, Static, Member, Param } kind = Unknown;
  const clang::Expr* temporary = nullptr;  // Temporary: the temporary object
  const clang::VarDecl* var = nullptr;     // Local (automatic, not a reference), Static, Param (a reference parameter)
  const clang::FieldDecl* field = nullptr; // Member: this->field
  bool element = false;                    // an element/iterator/data of the object, not the object itself
};

enum class FateKind { Consumed, Stored, Returned, Assigned, Spawned, Unknown };
struct Fate {
  FateKind kind = FateKind::Unknown;
  const clang::Stmt* site = nullptr;       // the co_await / return / assignment / spawn call
  const clang::VarDecl* var = nullptr;     // Stored: the variable; Assigned: the assigned local, if any
  const clang::Expr* executor = nullptr;   // Spawned: the executor expression
};

class Context {
 public:
  Context(clang::ASTContext& ast, Emitter& emitter) : ast(ast), sm(ast.getSourceManager()), emit(emitter) {}

  clang::ASTContext& ast;
  const clang::SourceManager& sm;
  Emitter& emit;

  unsigned pos(clang::SourceLocation loc) const;
  bool inMainFile(clang::SourceLocation loc) const;
  const clang::Stmt* parent(const clang::Stmt* s) const;      // nullptr at a Decl or the top
  const clang::Decl* parentDecl(const clang::Stmt* s) const;  // the Decl directly above s, if any
  // The statement whose end ends the variable's lifetime (compound, if,
  // for, while, switch, range-for, function body for parameters).
  const clang::Stmt* scopeOf(const clang::VarDecl* var) const;
  // The outermost expression containing e (its full-expression).
  const clang::Expr* fullExpression(const clang::Expr* e) const;
  // Is `inner` (a statement) strictly inside `outer`?
  bool within(const clang::Stmt* inner, const clang::Stmt* outer) const;
  bool within(clang::SourceLocation loc, const clang::Stmt* outer) const;

  bool isView(clang::QualType t) const;
  bool isOwner(clang::QualType t) const;
  bool isFixedSizeOwner(clang::QualType t) const;  // std::array, C arrays: no reallocation
  bool isHostileRaii(clang::QualType t) const;

  Referent lvalueReferent(const clang::Expr* e) const;
  Referent pointerReferent(const clang::Expr* e) const;
  Referent viewReferent(const clang::Expr* e) const;
  // What a variable/parameter of type `target` initialized with `init` refers to.
  Referent bindingReferent(const clang::Expr* init, clang::QualType target) const;

  // Where the future produced by `e` ends up.
  Fate fateOf(const clang::Expr* e) const;

  std::string describe(const clang::Expr* e) const;  // short source text
  std::string typeName(clang::QualType t) const;
};

bool isAsyncCallee(const clang::FunctionDecl* fn);
bool isBcscFunction(const clang::FunctionDecl* fn, llvm::StringRef name);
bool inBcscNamespace(const clang::Decl* d);
const clang::Expr* strip(const clang::Expr* e);  // parens, implicit casts, full-expressions, bind-temporaries
bool usesThis(const clang::Stmt* body);
// Lambda bodies inside `s` (their co_awaits are not suspend points of s).
void lambdaRanges(const clang::Stmt* s, std::vector<clang::SourceRange>& out);

}  // namespace bcsc::checks
