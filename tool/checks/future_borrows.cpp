// 2, 4, 5 and 6: a future that outlives what it borrows.
//
// A call of an async function creates a frame that keeps its reference,
// pointer and view parameters and, for a member function, `this` (for a
// lambda, the closure with its captures). The frame runs only when polled,
// so every borrow must outlive the frame. Where the frame goes decides:
//   co_await f(...) / block_on(f(...)) / co_await join(f(...), ...)
//       polled to completion inside the full-expression: every temporary
//       and every local is still alive - silent;
//   auto fut = f(...);  fut = f(...);  return f(...);  exec.spawn(f(...))
//       outlives the full-expression: a temporary borrowed by it dangles
//       (category 2, or 6 for the object, or 4 for a lambda's closure);
//   return f(local) / exec.spawn(f(local)) with an executor of a wider
//       scope: a local borrowed by it dies first (category 5).
// Parameters the callee never uses are not borrows.
#include "checks/checks_internal.h"

#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/AST/StmtCXX.h"
#include "clang/Basic/SourceManager.h"

namespace bcsc::checks {

using clang::dyn_cast;
using clang::isa;
using llvm::dyn_cast_or_null;
using llvm::isa_and_nonnull;

namespace {

enum class BorrowKind { Parameter, This, Closure };

struct Borrow {
  BorrowKind kind;
  const clang::ParmVarDecl* param = nullptr;
  const clang::Expr* arg = nullptr;
  Referent referent;
};

bool mentions(const clang::Stmt* s, const clang::Decl* d) {
  if (!s) return false;
  if (const auto* ref = dyn_cast<clang::DeclRefExpr>(s))
    if (ref->getDecl() == d) return true;
  for (const clang::Stmt* child : analysis::writtenChildren(s))
    if (mentions(child, d)) return true;
  return false;
}

const clang::FunctionDecl* definitionOf(const clang::FunctionDecl* fn) {
  if (const clang::FunctionDecl* def = fn->getDefinition()) return def;
  if (const clang::FunctionDecl* pattern = fn->getTemplateInstantiationPattern()) return pattern;
  return fn;
}

std::vector<Borrow> borrowsOf(Context& cx, const clang::CallExpr* call, const clang::FunctionDecl* callee) {
  std::vector<Borrow> out;
  const clang::FunctionDecl* def = definitionOf(callee);
  bool hasBody = def->hasBody();
  const auto* method = dyn_cast<clang::CXXMethodDecl>(callee);
  unsigned shift = isa<clang::CXXOperatorCallExpr>(call) && method ? 1 : 0;
  for (unsigned i = shift; i < call->getNumArgs(); ++i) {
    unsigned index = i - shift;
    if (index >= callee->getNumParams()) break;
    const clang::ParmVarDecl* param = callee->getParamDecl(index);
    const clang::ParmVarDecl* defParam = index < def->getNumParams() ? def->getParamDecl(index) : param;
    if (hasBody && !mentions(analysis::userBody(def) ? static_cast<const clang::Stmt*>(analysis::userBody(def))
                                                     : def->getBody(),
                             defParam))
      continue;
    clang::QualType t = param->getType();
    if (t->isDependentType()) continue;
    Borrow b{BorrowKind::Parameter, defParam, call->getArg(i), {}};
    if (t->isReferenceType()) b.referent = cx.lvalueReferent(call->getArg(i));
    else if (t->isPointerType()) b.referent = cx.pointerReferent(call->getArg(i));
    else if (cx.isView(t)) b.referent = cx.viewReferent(call->getArg(i));
    else continue;
    if (b.referent.kind != Referent::Unknown) out.push_back(b);
  }
  if (method && method->isInstance()) {
    const clang::CXXRecordDecl* record = method->getParent();
    bool borrowsObject = false;
    BorrowKind kind = BorrowKind::This;
    if (record->isLambda()) {
      kind = BorrowKind::Closure;
      borrowsObject = !record->field_empty();
    } else {
      borrowsObject = !hasBody || usesThis(def->getBody());
    }
    if (borrowsObject) {
      const clang::Expr* object = nullptr;
      bool arrow = false;
      if (const auto* m = dyn_cast<clang::CXXMemberCallExpr>(call)) {
        object = m->getImplicitObjectArgument();
        if (const auto* me = dyn_cast<clang::MemberExpr>(m->getCallee()->IgnoreParens())) arrow = me->isArrow();
      } else if (shift) {
        object = call->getArg(0);
      }
      if (object) {
        Borrow b{kind, nullptr, object, arrow ? cx.pointerReferent(object) : cx.lvalueReferent(object)};
        if (b.referent.kind != Referent::Unknown) out.push_back(b);
      }
    }
  }
  return out;
}

// co_awaits (and block_on calls) that poll the stored future `var` later.
std::vector<const clang::Expr*> pollsOf(Context& cx, const clang::VarDecl* var) {
  std::vector<const clang::Expr*> out;
  const clang::Stmt* scope = cx.scopeOf(var);
  if (!scope) return out;
  std::function<bool(const clang::Stmt*)> mentions = [&](const clang::Stmt* s) {
    if (!s) return false;
    if (const auto* d = dyn_cast<clang::DeclRefExpr>(s)) return d->getDecl() == var;
    for (const clang::Stmt* child : analysis::writtenChildren(s))
      if (mentions(child)) return true;
    return false;
  };
  std::function<void(const clang::Stmt*)> walk = [&](const clang::Stmt* s) {
    if (!s || isa<clang::LambdaExpr>(s)) return;
    if (analysis::isAwait(s) && mentions(analysis::awaitOperand(llvm::cast<clang::Expr>(s)))) {
      out.push_back(llvm::cast<clang::Expr>(s));
      return;
    }
    if (const auto* call = dyn_cast<clang::CallExpr>(s))
      if (isBcscFunction(call->getDirectCallee(), "block_on") && call->getNumArgs() > 0 && mentions(call->getArg(0))) {
        out.push_back(call);
        return;
      }
    for (const clang::Stmt* child : analysis::writtenChildren(s)) walk(child);
  };
  walk(scope);
  std::vector<const clang::Expr*> unique;
  for (const clang::Expr* e : out)
    if (std::find(unique.begin(), unique.end(), e) == unique.end()) unique.push_back(e);
  return unique;
}

std::string calleeName(const clang::FunctionDecl* fn) {
  if (const auto* m = dyn_cast<clang::CXXMethodDecl>(fn))
    if (m->getParent()->isLambda()) return "the async lambda";
  return "'" + fn->getQualifiedNameAsString() + "'";
}

// Where the frame goes, as a note.
void fateNotes(Context& cx, const Fate& fate, Finding& f, bool temporary) {
  switch (fate.kind) {
    case FateKind::Stored: {
      f.notes.push_back({fate.var->getLocation(), "the frame is stored in '" + fate.var->getNameAsString() +
                                                      "', which outlives the full-expression",
                         {}});
      for (const clang::Expr* poll : pollsOf(cx, fate.var))
        if (cx.pos(poll->getBeginLoc()) > cx.pos(fate.var->getEndLoc()))
          f.notes.push_back({poll->getBeginLoc(), analysis::isAwait(poll) ? "suspend point here" : "polled here", {}});
      break;
    }
    case FateKind::Assigned:
      f.notes.push_back({fate.site->getBeginLoc(), "the frame is assigned here and outlives the full-expression", {}});
      break;
    case FateKind::Returned:
      f.notes.push_back({fate.site->getBeginLoc(), temporary ? "the frame is returned here, after the full-expression ends"
                                                             : "the frame is returned here",
                         {}});
      break;
    case FateKind::Spawned:
      f.notes.push_back({fate.site->getBeginLoc(), "the frame is spawned here and runs after this statement", {}});
      break;
    default:
      break;
  }
}

// take a `const T&` / `T&&` parameter by value
std::vector<clang::FixItHint> byValueFix(Context& cx, const clang::ParmVarDecl* param) {
  std::vector<clang::FixItHint> fixes;
  clang::QualType t = param->getType();
  if (!t->isReferenceType() || !cx.inMainFile(param->getLocation())) return fixes;
  clang::QualType value = t.getNonReferenceType().getUnqualifiedType();
  if (value->isDependentType() || !param->getTypeSourceInfo()) return fixes;
  // From the decl-specifiers (a leading `const` is not in the TypeLoc) to the `&`.
  clang::SourceRange range(param->getBeginLoc(), param->getTypeSourceInfo()->getTypeLoc().getSourceRange().getEnd());
  if (range.isInvalid() || range.getBegin().isMacroID() || range.getEnd().isMacroID()) return fixes;
  fixes.push_back(clang::FixItHint::CreateReplacement(range, cx.typeName(value)));
  return fixes;
}

bool escapes(FateKind k) {
  return k == FateKind::Stored || k == FateKind::Assigned || k == FateKind::Returned || k == FateKind::Spawned;
}

// Does an executor (the object spawn is called on) outlive `var`?
bool executorOutlives(Context& cx, const clang::Expr* executor, const clang::VarDecl* var) {
  if (!executor) return false;
  Referent root = cx.lvalueReferent(executor);
  if (const auto* pointer = dyn_cast<clang::ImplicitCastExpr>(executor->IgnoreParens()))
    (void)pointer;
  if (executor->getType()->isPointerType()) root = cx.pointerReferent(executor);
  const clang::Stmt* varScope = cx.scopeOf(var);
  if (!varScope) return false;
  switch (root.kind) {
    case Referent::Static:
    case Referent::Member:
    case Referent::Param:
      return true;
    case Referent::Local: {
      const clang::Stmt* execScope = cx.scopeOf(root.var);
      if (isa<clang::ParmVarDecl>(var) && !isa<clang::ParmVarDecl>(root.var)) return false;
      return execScope && cx.within(varScope, execScope);
    }
    default:
      return false;
  }
}

// The uses of `var` after `after` (for an assigned future: still polled
// after the borrowed local died).
const clang::DeclRefExpr* useAfter(Context& cx, const clang::VarDecl* var, unsigned after) {
  const clang::Stmt* scope = cx.scopeOf(var);
  const clang::DeclRefExpr* found = nullptr;
  std::function<void(const clang::Stmt*)> walk = [&](const clang::Stmt* s) {
    if (!s || found) return;
    if (const auto* d = dyn_cast<clang::DeclRefExpr>(s))
      if (d->getDecl() == var && cx.pos(d->getBeginLoc()) > after) found = d;
    for (const clang::Stmt* child : analysis::writtenChildren(s)) walk(child);
  };
  walk(scope);
  return found;
}

void checkCall(Context& cx, const clang::CallExpr* call) {
  const clang::FunctionDecl* callee = call->getDirectCallee();
  if (!callee || !isAsyncCallee(callee)) return;
  if (call->isTypeDependent() || call->isValueDependent()) return;
  Fate fate = cx.fateOf(call);
  if (!escapes(fate.kind)) return;
  const auto* method = dyn_cast<clang::CXXMethodDecl>(callee);
  for (const Borrow& b : borrowsOf(cx, call, callee)) {
    const Referent& r = b.referent;
    Category category = b.kind == BorrowKind::Parameter ? Category::TemporaryArgument
                        : b.kind == BorrowKind::This    ? Category::ThisEscape
                                                        : Category::Lambda;
    Finding f;
    f.loc = b.arg->getBeginLoc();
    f.range = b.arg->getSourceRange();
    if (r.kind == Referent::Temporary) {
      f.category = category;
      if (b.kind == BorrowKind::Parameter) {
        f.message = "temporary bound to parameter '" + b.param->getNameAsString() + "' of " + calleeName(callee) +
                    " is destroyed at the end of the full-expression, but the frame that refers to it outlives it";
      } else if (b.kind == BorrowKind::This) {
        f.message = "the frame of member async function " + calleeName(callee) +
                    " refers to its object ('this'), a temporary destroyed at the end of the full-expression, but the "
                    "frame outlives it";
      } else {
        f.message = "the frame of an async lambda with captures refers to its closure object, a temporary destroyed at "
                    "the end of the full-expression, but the frame outlives it";
      }
      fateNotes(cx, fate, f, true);
      if (b.kind == BorrowKind::Parameter) {
        f.notes.push_back({b.param->getLocation(), "fix: take '" + b.param->getNameAsString() +
                                                       "' by value, or co_await the call in the same full-expression",
                           byValueFix(cx, b.param)});
      } else if (b.kind == BorrowKind::This) {
        f.notes.push_back({method->getLocation(), "fix: keep the object in a variable that outlives the frame, or pass "
                                                  "what the function needs by value",
                           {}});
      } else {
        f.notes.push_back({callee->getLocation(), "fix: pass the captured values as parameters of the lambda instead "
                                                  "of capturing them (CP.51)",
                           {}});
      }
      cx.emit.report(std::move(f));
      continue;
    }
    if (r.kind != Referent::Local || !r.var) continue;
    std::string name = r.var->getNameAsString();
    bool dies = false;
    std::string why;
    if (fate.kind == FateKind::Returned) {
      dies = true;
      why = "'" + name + "' is destroyed when the function returns";
    } else if (fate.kind == FateKind::Spawned && executorOutlives(cx, fate.executor, r.var)) {
      dies = true;
      why = "the executor outlives '" + name + "'";
    } else if (fate.kind == FateKind::Assigned && fate.var && fate.var->hasLocalStorage() &&
               !fate.var->getType()->isReferenceType()) {
      const clang::Stmt* vScope = cx.scopeOf(r.var);
      const clang::Stmt* fScope = cx.scopeOf(fate.var);
      if (vScope && fScope && cx.within(vScope, fScope))
        if (const clang::DeclRefExpr* use = useAfter(cx, fate.var, cx.pos(vScope->getEndLoc()))) {
          dies = true;
          why = "'" + fate.var->getNameAsString() + "' is still used after '" + name + "' died";
          f.notes.push_back({use->getLocation(), "'" + fate.var->getNameAsString() + "' is used here", {}});
        }
    }
    if (!dies) continue;
    f.category = b.kind == BorrowKind::Parameter ? Category::Structured : category;
    std::string borrower = b.kind == BorrowKind::Parameter ? "parameter '" + b.param->getNameAsString() + "' of " + calleeName(callee)
                           : b.kind == BorrowKind::This    ? "the frame of member async function " + calleeName(callee) + " ('this')"
                                                           : "the frame of the async lambda (its captures)";
    f.message = "'" + name + "' does not live long enough: " + borrower + " borrows it, but " + why;
    fateNotes(cx, fate, f, false);
    if (const clang::Stmt* scope = cx.scopeOf(r.var))
      f.notes.push_back({scope->getEndLoc(), "'" + name + "' dies here", {}});
    if (b.kind == BorrowKind::Parameter)
      f.notes.push_back({b.param->getLocation(),
                         "fix: let the future own what it uses: take '" + b.param->getNameAsString() + "' by value" +
                             (b.param->getType()->isPointerType() ? " instead of a pointer" : ""),
                         byValueFix(cx, b.param)});
    else
      f.notes.push_back({r.var->getLocation(), "fix: give '" + name + "' a lifetime that encloses the future's", {}});
    cx.emit.report(std::move(f));
  }
}

class CallVisitor : public clang::RecursiveASTVisitor<CallVisitor> {
 public:
  explicit CallVisitor(Context& cx) : cx_(cx) {}
  bool shouldVisitTemplateInstantiations() const { return false; }
  bool shouldVisitLambdaBody() const { return true; }
  bool TraverseDecl(clang::Decl* d) {
    if (!d) return true;
    if (!isa<clang::TranslationUnitDecl>(d) && d->getLocation().isValid() && !cx_.inMainFile(d->getLocation()))
      return true;
    return clang::RecursiveASTVisitor<CallVisitor>::TraverseDecl(d);
  }
  bool VisitCallExpr(clang::CallExpr* call) {
    checkCall(cx_, call);
    return true;
  }

 private:
  Context& cx_;
};

}  // namespace

void checkFutureBorrows(Context& cx) {
  CallVisitor visitor(cx);
  visitor.TraverseDecl(cx.ast.getTranslationUnitDecl());
}

}  // namespace bcsc::checks
