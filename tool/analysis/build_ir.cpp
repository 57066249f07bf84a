#include "analysis/build_ir.h"

#include "analysis/function_identity.h"
#include "analysis/hygiene.h"
#include "analysis/source_text.h"
#include "analysis/suspend_points.h"
#include "analysis/type_spelling.h"
#include "frontend/async_functions.h"

#include "clang/AST/DeclCXX.h"
#include "clang/AST/DeclTemplate.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/AST/StmtCXX.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/DenseSet.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"

#include <algorithm>
#include <functional>
#include <map>
#include <set>

namespace bcsc::analysis {

using clang::dyn_cast;
using clang::isa;
using ir::ObjectKind;
using ir::StmtKind;

namespace {

ir::Stmt makeStmt(StmtKind kind, std::string text = {}, unsigned line = 0) {
  ir::Stmt s;
  s.kind = kind;
  s.text = std::move(text);
  s.line = line;
  return s;
}

std::string sanitizeIdentifier(llvm::StringRef name) {
  std::string out;
  for (char c : name) out += (std::isalnum(static_cast<unsigned char>(c)) || c == '_') ? c : '_';
  return out.empty() ? std::string("obj") : out;
}

// Thrown-free error propagation: the builder stops at the first
// unsupported construct in a statement and reports it.
struct Unsupported {};

class IRBuilder {
 public:
  IRBuilder(const clang::FunctionDecl* fn, clang::ASTContext& context, reports::Reporter& reporter,
            const BuildOptions& options)
      : options_(options),
        fn_(fn),
        context_(context),
        sm_(context.getSourceManager()),
        reporter_(reporter),
        text_(sm_, context.getLangOpts()),
        types_(context),
        suspends_(fn, context) {}

  std::optional<ir::AsyncFunction> build() {
    const clang::CompoundStmt* body = userBody(fn_);
    if (!body) return fail(fn_->getLocation(), "async function has no body to lower");
    if (!describeSignature()) return std::nullopt;
    if (!rejectUnsupported(body)) return std::nullopt;
    if (!collectFunctionIdentity(fn_, body, fn_ir_, reporter_)) return std::nullopt;
    if (options_.hygiene &&
        !protectNames(fn_, body, context_, text_, reporter_, [&](const clang::VarDecl* v) { return inFrame(v); }))
      return std::nullopt;
    if (!registerSubstitutions(body)) return std::nullopt;

    ir::Stmt block = makeStmt(StmtKind::Block, {}, lineOf(body->getBeginLoc()));
    scopes_.push_back({});
    bool ok = buildStatements(body, block.children);
    if (ok) {
      // Flowing off the end: the body's objects die, then the frame completes.
      ir::Stmt end = makeStmt(StmtKind::Return, {}, lineOf(body->getRBracLoc()));
      end.index = 1;  // marks the implicit return at the closing brace
      end.cleanup = cleanupTo(0);
      block.children.push_back(std::move(end));
      closeBlock(block);
    }
    scopes_.pop_back();
    if (!ok || reporter_.hasErrors()) return std::nullopt;
    fn_ir_.body = std::move(block);
    return std::move(fn_ir_);
  }

 private:
  // ---- diagnostics -------------------------------------------------------
  std::nullopt_t fail(clang::SourceLocation loc, llvm::StringRef message) {
    reporter_.error(loc, message);
    return std::nullopt;
  }
  [[noreturn]] void unsupported(clang::SourceLocation loc, const llvm::Twine& message) {
    reporter_.error(loc, message.str());
    throw Unsupported{};
  }
  unsigned lineOf(clang::SourceLocation loc) const {
    return sm_.getPresumedLineNumber(sm_.getExpansionLoc(loc));
  }
  FileSpan spanOrFail(const clang::Stmt* s, const char* what) {
    if (auto span = text_.spanOf(s->getSourceRange())) return *span;
    unsupported(s->getBeginLoc(), llvm::Twine(what) + " comes from a macro expansion, which bcsc cannot "
                                                     "restructure; write it without the macro");
  }
  // A token that must be rewritten. Inside a macro body it has no place in
  // the file to rewrite, and skipping it would leave the original meaning
  // in a scope where it means something else: that is an error.
  FileSpan tokenSpanOrFail(clang::SourceLocation loc, const llvm::Twine& what) {
    if (std::optional<FileSpan> span = text_.tokenSpan(loc)) return *span;
    unsupported(loc, what + " is written inside a macro body, where bcsc cannot rewrite it for the frame; "
                            "pass it to the macro as an argument, or write it without the macro");
  }

  // ---- signature ---------------------------------------------------------
  bool describeSignature() {
    if (const auto* method = dyn_cast<clang::CXXMethodDecl>(fn_)) {
      if (!describeMethod(method)) return false;
    }
    if (fn_->isVariadic()) {
      fail(fn_->getLocation(), "variadic async functions are not supported");
      return false;
    }
    clang::QualType ret = fn_->getReturnType();
    std::optional<std::string> output = taskArgument(ret);
    if (!output) {
      fail(fn_->getReturnTypeSourceRange().getBegin().isValid() ? fn_->getReturnTypeSourceRange().getBegin()
                                                                : fn_->getLocation(),
           "a [[bcsc::async]] function must return bcsc::task<T>");
      return false;
    }
    fn_ir_.decl = fn_;
    fn_ir_.name = fn_->getNameAsString();
    if (const auto* scope = dyn_cast<clang::NamedDecl>(fn_->getDeclContext())) fn_ir_.scope = scope->getQualifiedNameAsString();
    fn_ir_.outputType = *output;
    fn_ir_.line = lineOf(fn_->getBeginLoc());
    llvm::SmallString<256> path(sm_.getFileEntryRefForID(sm_.getMainFileID())->getName());
    llvm::sys::fs::make_absolute(path);
    llvm::sys::path::remove_dots(path, true);
    fn_ir_.file = std::string(path);
    if (fn_->isStatic()) fn_ir_.qualifiers += "static ";
    if (fn_->isInlineSpecified()) fn_ir_.qualifiers += "inline ";
    if (const clang::FunctionTemplateDecl* tmpl = fn_->getDescribedFunctionTemplate())
      if (!describeTemplate(tmpl)) return false;
    return describeParams();
  }

  bool describeMethod(const clang::CXXMethodDecl* method) {
    if (method->isVirtual()) {
      fail(method->getLocation(), "an async member function cannot be virtual: each override would have a "
                                  "frame of a different type and size");
      return false;
    }
    if (isa<clang::CXXConstructorDecl>(method) || isa<clang::CXXDestructorDecl>(method) ||
        method->isOverloadedOperator() || isa<clang::CXXConversionDecl>(method)) {
      fail(method->getLocation(), "constructors, destructors, operators and conversions cannot be async");
      return false;
    }
    if (method->getRefQualifier() != clang::RQ_None) {
      fail(method->getLocation(), "ref-qualified async member functions are not supported yet");
      return false;
    }
    const clang::CXXRecordDecl* record = method->getParent();
    if (record->isLocalClass() || record->isLambda() || !record->getIdentifier()) {
      fail(method->getLocation(), "async member functions of local or unnamed classes are not supported");
      return false;
    }
    if (isa<clang::CXXRecordDecl>(record->getDeclContext())) {
      fail(method->getLocation(), "async member functions of nested classes are not supported yet");
      return false;
    }
    fn_ir_.isMethod = true;
    fn_ir_.isStaticMethod = method->isStatic();
    fn_ir_.isConstMethod = method->isConst();
    fn_ir_.classType = record->getQualifiedNameAsString();
    if (const clang::ClassTemplateDecl* tmpl = record->getDescribedClassTemplate()) {
      std::optional<FileSpan> span = text_.spanOf(tmpl->getTemplateParameters()->getSourceRange());
      if (!span) {
        fail(tmpl->getLocation(), "the class template's parameter list must be written in the source file");
        return false;
      }
      fn_ir_.classTemplateHeader = text_.original(*span).str();
      std::string args;
      for (const clang::NamedDecl* p : *tmpl->getTemplateParameters()) {
        if (p->getName().empty()) {
          fail(p->getLocation(), "name every template parameter of a class with async member functions");
          return false;
        }
        args += (args.empty() ? "" : ", ") + p->getNameAsString() + (p->isParameterPack() ? "..." : "");
      }
      fn_ir_.classType += "<" + args + ">";
    } else if (isa<clang::ClassTemplatePartialSpecializationDecl>(record) ||
               isa<clang::ClassTemplateSpecializationDecl>(record)) {
      fail(method->getLocation(), "async member functions of class template specializations are not "
                                  "supported yet");
      return false;
    }
    return true;
  }

  std::optional<std::string> taskArgument(clang::QualType type) {
    const clang::TemplateSpecializationType* spec = nullptr;
    for (clang::QualType t = type; !spec;) {
      spec = t->getAs<clang::TemplateSpecializationType>();
      if (spec) break;
      if (const auto* elaborated = t->getAs<clang::ElaboratedType>()) {
        t = elaborated->getNamedType();
        continue;
      }
      break;
    }
    if (!spec) {
      if (const auto* record = type->getAsCXXRecordDecl())
        if (const auto* s = dyn_cast<clang::ClassTemplateSpecializationDecl>(record))
          if (s->getName() == "task" && s->getTemplateArgs().size() == 1)
            return types_.print(s->getTemplateArgs()[0].getAsType());
      return std::nullopt;
    }
    const clang::TemplateDecl* tmpl = spec->getTemplateName().getAsTemplateDecl();
    if (!tmpl || tmpl->getName() != "task" || spec->template_arguments().size() != 1) return std::nullopt;
    const clang::TemplateArgument& arg = spec->template_arguments()[0];
    if (arg.getKind() != clang::TemplateArgument::Type) return std::nullopt;
    return types_.print(arg.getAsType());
  }

  bool describeTemplate(const clang::FunctionTemplateDecl* tmpl) {
    const clang::TemplateParameterList* params = tmpl->getTemplateParameters();
    std::optional<FileSpan> span = text_.spanOf(params->getSourceRange());
    if (!span) {
      fail(tmpl->getLocation(), "the template parameter list must be written in the source file");
      return false;
    }
    fn_ir_.templateHeader = text_.original(*span).str();
    std::string args;
    for (const clang::NamedDecl* p : *params) {
      if (p->isParameterPack()) {
        fail(p->getLocation(), "parameter packs in async function templates are not supported yet");
        return false;
      }
      if (p->getName().empty()) {
        fail(p->getLocation(), "name every template parameter of an async function");
        return false;
      }
      args += (args.empty() ? "" : ", ") + p->getNameAsString();
    }
    fn_ir_.templateArgs = "<" + args + ">";
    return true;
  }

  bool describeParams() {
    std::string list;
    for (const clang::ParmVarDecl* p : fn_->parameters()) {
      if (p->getName().empty()) {
        fail(p->getLocation(), "name every parameter of an async function (the frame stores it)");
        return false;
      }
      std::optional<FileSpan> span = text_.spanOf(p->getSourceRange());
      if (!span) {
        fail(p->getLocation(), "parameter declared through a macro; write it out");
        return false;
      }
      std::string why;
      std::optional<std::string> type = types_.print(p->getType(), &why);
      if (!type) {
        fail(p->getLocation(), "cannot store this parameter in the frame: " + why);
        return false;
      }
      ir::Param param;
      param.name = p->getNameAsString();
      param.type = *type;
      fn_ir_.params.push_back(param);
      list += (list.empty() ? "" : ", ") + text_.original(*span).str();
    }
    fn_ir_.paramList = list;
    return true;
  }

  // ---- scanning ----------------------------------------------------------
  // Rejects the constructs the lowering cannot handle, each at its own line.
  bool rejectUnsupported(const clang::CompoundStmt* body) {
    bool ok = true;
    std::function<void(const clang::Stmt*, bool)> visit = [&](const clang::Stmt* s, bool inLambda) {
      if (isAwait(s)) {
        if (inLambda) {
          reporter_.error(s->getBeginLoc(), "co_await inside a lambda: async lambdas are not supported; "
                                            "use a named [[bcsc::async]] function");
          ok = false;
        }
      } else if (isa<clang::CoyieldExpr>(s)) {
        reporter_.error(s->getBeginLoc(), "co_yield is not supported: bcsc async functions produce one value "
                                          "(streams are future work)");
        ok = false;
      } else if (isa<clang::GotoStmt>(s) || isa<clang::IndirectGotoStmt>(s) || isa<clang::LabelStmt>(s)) {
        reporter_.error(s->getBeginLoc(), "goto and labels are not supported in async functions");
        ok = false;
      } else if (isa<clang::CXXTryStmt>(s)) {
        reporter_.error(s->getBeginLoc(), "try blocks are not supported in async functions: lowered code is "
                                          "built without exceptions");
        ok = false;
      } else if (isa<clang::CXXThrowExpr>(s)) {
        // A throw out of poll() would leave the frame between two states;
        // lowered code is built without exceptions anyway.
        reporter_.error(s->getBeginLoc(), "throw is not supported in async functions: lowered code is built "
                                          "without exceptions; return the error in the task's value (for "
                                          "example bcsc::result<T, E>), or call a function that reports it");
        ok = false;
      }
      if (const auto* lambda = dyn_cast<clang::LambdaExpr>(s)) {
        for (const clang::Stmt* child : lambda->children())
          if (child) visit(child, true);
        return;
      }
      for (const clang::Stmt* child : writtenChildren(s)) visit(child, inLambda);
    };
    visit(body, false);
    return ok;
  }

  bool containsAwait(const clang::Stmt* s) { return suspends_.containsAwait(s); }
  bool inFrame(const clang::VarDecl* var) const { return suspends_.inFrame(var); }

  // Every use of a frame variable becomes an access to its slot.
  bool registerSubstitutions(const clang::CompoundStmt* body) {
    bool ok = true;
    std::function<void(const clang::Stmt*)> visit = [&](const clang::Stmt* s) {
      if (const auto* ref = dyn_cast<clang::DeclRefExpr>(s)) {
        const clang::ValueDecl* decl = ref->getDecl();
        const clang::VarDecl* var = dyn_cast<clang::VarDecl>(decl);
        if (const auto* binding = dyn_cast<clang::BindingDecl>(decl))
          var = llvm::dyn_cast_or_null<clang::VarDecl>(binding->getDecomposedDecl());
        if (var && inFrame(var)) {
          std::optional<FileSpan> span = text_.tokenSpan(ref->getLocation());
          if (!span) {
            reporter_.error(ref->getLocation(), "'" + decl->getNameAsString() +
                                                    "' lives in the async frame and is used inside a macro "
                                                    "body; pass it to the macro as an argument instead");
            ok = false;
          } else {
            pendingRefs_.push_back({*span, decl});
          }
        }
      }
      if (const auto* lambda = dyn_cast<clang::LambdaExpr>(s)) {
        // Implicit captures have initializers located at the capture
        // default; only the body and explicit init-captures are the user's.
        checkLambdaCaptures(lambda, ok);
        for (const clang::LambdaCapture& capture : lambda->explicit_captures())
          if (capture.capturesVariable())
            if (const auto* var = dyn_cast<clang::VarDecl>(capture.getCapturedVar()); var && var->isInitCapture())
              visit(var->getInit());
        visit(lambda->getBody());
        return;
      }
      if (fn_ir_.isMethod) substituteThis(s, ok);
      for (const clang::Stmt* child : writtenChildren(s)) visit(child);
    };
    visit(body);
    for (const Substitution& sub : thisSubstitutions_) text_.substitute(sub.span, sub.text);
    return ok;
  }

  // In the frame, the object is `bcsc_self`: explicit `this` becomes
  // bcsc_self, and implicit member accesses get an explicit object.
  void substituteThis(const clang::Stmt* s, bool& ok) {
    auto prefixImplicit = [&](const clang::Expr* e) {
      std::optional<FileSpan> span = text_.spanOf(e->getSourceRange());
      if (!span) {
        reporter_.error(e->getBeginLoc(), "a member of the object is used inside a macro body in an async "
                                          "member function; pass it to the macro explicitly");
        ok = false;
        return;
      }
      thisSubstitutions_.push_back({*span, "bcsc_self->" + text_.original(*span).str()});
    };
    if (const auto* self = dyn_cast<clang::CXXThisExpr>(s); self && !self->isImplicit()) {
      std::optional<FileSpan> span = text_.tokenSpan(self->getLocation());
      if (!span) {
        // In the frame, `this` names the frame, not the object.
        reporter_.error(self->getLocation(), "'this' is written inside a macro body in an async member function, "
                                             "where bcsc cannot rewrite it; pass 'this' to the macro as an "
                                             "argument, or write it without the macro");
        ok = false;
        return;
      }
      thisSubstitutions_.push_back({*span, "bcsc_self"});
      return;
    }
    if (const auto* member = dyn_cast<clang::MemberExpr>(s)) {
      if (const auto* base = dyn_cast<clang::CXXThisExpr>(member->getBase()->IgnoreImpCasts());
          base && base->isImplicit())
        prefixImplicit(member);
      return;
    }
    if (const auto* member = dyn_cast<clang::CXXDependentScopeMemberExpr>(s)) {
      if (member->isImplicitAccess()) prefixImplicit(member);
      return;
    }
    if (const auto* member = dyn_cast<clang::UnresolvedMemberExpr>(s)) {
      if (member->isImplicitAccess()) prefixImplicit(member);
    }
  }

  void checkLambdaCaptures(const clang::LambdaExpr* lambda, bool& ok) {
    for (const clang::LambdaCapture& capture : lambda->captures()) {
      if (!capture.capturesVariable()) continue;
      const auto* var = dyn_cast<clang::VarDecl>(capture.getCapturedVar());
      if (!var || !inFrame(var)) continue;
      if (capture.getCaptureKind() == clang::LCK_ByRef && capture.isImplicit()) continue;
      reporter_.error(capture.getLocation(),
                      "lambda captures '" + var->getNameAsString() +
                          "', which lives in the async frame; only implicit capture by reference ([&]) is "
                          "supported for such variables");
      ok = false;
    }
  }

  // Frame objects are known only while the body is built, so the slot
  // accessors for variable uses are installed as each variable is created.
  void installAccessors(const clang::ValueDecl* decl, const std::string& access) {
    for (const auto& [span, d] : pendingRefs_)
      if (d == decl) text_.substitute(span, access);
  }

  // ---- frame objects and scopes -------------------------------------------
  struct Scope {
    std::vector<unsigned> constructed;
    bool breakTarget = false;
    bool continueTarget = false;
    unsigned loop = 0;
  };

  unsigned newObject(ObjectKind kind, std::string name, std::string display, std::string type,
                     clang::SourceLocation loc) {
    ir::FrameObject obj;
    obj.id = static_cast<unsigned>(fn_ir_.objects.size());
    obj.kind = kind;
    // poll() binds the slot to this name: no name of the user's may have it.
    obj.name = sanitizeIdentifier(name) + "_" + std::to_string(obj.id);
    if (options_.hygiene) obj.name = freshName(context_, obj.name);
    obj.displayName = std::move(display);
    obj.type = std::move(type);
    obj.loc = loc;
    obj.line = lineOf(loc);
    obj.lifetimeBegin = position_++;
    fn_ir_.objects.push_back(obj);
    return obj.id;
  }

  // Records the object's alignment when the analysis knows it, so the layout
  // can order members to avoid padding.
  void setAlign(unsigned id, clang::QualType type) {
    ir::FrameObject& o = fn_ir_.objects[id];
    if (o.kind == ObjectKind::Reference || o.kind == ObjectKind::Borrow) type = context_.VoidPtrTy;
    if (type.isNull() || type->isDependentType() || type->isUndeducedType() || type->isIncompleteType() ||
        types_.mentionsTask(type))
      return;
    o.alignHint = static_cast<unsigned>(context_.getTypeAlignInChars(type).getQuantity());
  }

  // `alignas` on a variable (a DMA buffer) applies to its slot too. The
  // strictest one wins, as in C++; an alignment below the type's own leaves
  // the type's. A dependent `alignas(T)` is spelled for the frame, which
  // sees the template's parameters.
  void honourDeclaredAlignment(const clang::VarDecl* var, unsigned id) {
    unsigned bytes = 0;
    std::string dependent;
    for (const auto* attr : var->specific_attrs<clang::AlignedAttr>()) {
      if (!attr->isAlignmentDependent()) {
        bytes = std::max(bytes, static_cast<unsigned>(attr->getAlignment(context_) / context_.getCharWidth()));
        continue;
      }
      std::optional<std::string> type;
      if (!attr->isAlignmentExpr()) type = types_.print(attr->getAlignmentType()->getType());
      if (!type || attr->isPackExpansion())
        unsupported(attr->getLocation(), "'" + var->getNameAsString() + "' lives across a co_await and its "
                                         "alignment is an expression that depends on a template parameter, "
                                         "which bcsc cannot give its slot yet; write alignas(T) with a type, "
                                         "or a constant");
      dependent += "alignas(" + *type + ") ";
    }
    ir::FrameObject& o = fn_ir_.objects[id];
    if (bytes) o.alignSpecifier = "alignas(" + std::to_string(bytes) + ") ";
    o.alignSpecifier += dependent;
    if (!o.alignSpecifier.empty()) o.alignSpecifier.pop_back();
    if (o.alignHint) o.alignHint = std::max(o.alignHint, bytes);
  }

  static std::string access(const ir::FrameObject& obj) {
    bool pointer = obj.kind == ObjectKind::Reference || obj.kind == ObjectKind::Borrow;
    return pointer ? "(**" + obj.name + ")" : "(*" + obj.name + ")";
  }
  std::string access(unsigned id) const { return access(fn_ir_.objects[id]); }

  void constructed(unsigned id, size_t scopeIndex) { scopes_[scopeIndex].constructed.push_back(id); }

  void emitConstruct(std::vector<ir::Stmt>& out, unsigned id, std::string init, unsigned line) {
    ir::Stmt s = makeStmt(StmtKind::Construct, std::move(init), line);
    s.object = id;
    out.push_back(std::move(s));
    position_++;
  }

  // Ends a block: its frame objects die in reverse order of construction.
  void closeBlock(ir::Stmt& block) {
    block.owned = scopes_.back().constructed;
    for (unsigned id : block.owned) fn_ir_.objects[id].lifetimeEnd = position_;
    position_++;
  }

  std::vector<unsigned> aliveObjects() const {
    std::vector<unsigned> alive;
    for (const Scope& s : scopes_) alive.insert(alive.end(), s.constructed.begin(), s.constructed.end());
    return alive;
  }

  // Objects to destroy, innermost first, when jumping out to scope `depth`.
  std::vector<unsigned> cleanupTo(size_t depth) const {
    std::vector<unsigned> out;
    for (size_t i = scopes_.size(); i-- > depth;)
      out.insert(out.end(), scopes_[i].constructed.rbegin(), scopes_[i].constructed.rend());
    return out;
  }

  // ---- statements ---------------------------------------------------------
  bool buildStatements(const clang::CompoundStmt* compound, std::vector<ir::Stmt>& out) {
    bool ok = true;
    for (const clang::Stmt* s : compound->body()) {
      try {
        buildStatement(s, out);
      } catch (Unsupported&) {
        ok = false;
      }
    }
    return ok;
  }

  // A statement can be copied as written if nothing in it suspends,
  // completes the frame, or jumps out of it.
  bool copyable(const clang::Stmt* s) {
    if (containsAwait(s)) return false;
    bool simple = true;
    std::function<void(const clang::Stmt*, bool, bool)> visit = [&](const clang::Stmt* n, bool inLoop,
                                                                     bool inSwitch) {
      if (!simple || isa<clang::LambdaExpr>(n)) return;
      if (isa<clang::CoreturnStmt>(n) || isa<clang::ReturnStmt>(n)) simple = false;
      if (isa<clang::BreakStmt>(n) && !inLoop && !inSwitch) simple = false;
      if (isa<clang::ContinueStmt>(n) && !inLoop) simple = false;
      if (const auto* decl = dyn_cast<clang::DeclStmt>(n))
        for (const clang::Decl* d : decl->decls())
          if (const auto* v = dyn_cast<clang::VarDecl>(d); v && inFrame(v)) simple = false;
      bool loop = isa<clang::ForStmt>(n) || isa<clang::WhileStmt>(n) || isa<clang::DoStmt>(n) ||
                  isa<clang::CXXForRangeStmt>(n);
      for (const clang::Stmt* child : writtenChildren(n))
        visit(child, inLoop || loop, inSwitch || isa<clang::SwitchStmt>(n));
    };
    visit(s, false, false);
    return simple;
  }

  void buildStatement(const clang::Stmt* s, std::vector<ir::Stmt>& out) {
    unsigned line = lineOf(s->getBeginLoc());
    if (isa<clang::NullStmt>(s)) return;
    if (const auto* compound = dyn_cast<clang::CompoundStmt>(s)) {
      if (copyable(s)) return copyStatement(s, out);
      return buildBlock(compound, out);
    }
    if (const auto* decl = dyn_cast<clang::DeclStmt>(s)) return buildDeclStmt(decl, out);
    if (copyable(s)) return copyStatement(s, out);
    if (const auto* e = dyn_cast<clang::Expr>(s)) return buildExprStatement(e, out);
    if (const auto* ret = dyn_cast<clang::CoreturnStmt>(s)) return buildReturn(ret, out);
    if (const auto* i = dyn_cast<clang::IfStmt>(s)) return buildIf(i, out);
    if (const auto* w = dyn_cast<clang::WhileStmt>(s)) return buildWhile(w, out);
    if (const auto* d = dyn_cast<clang::DoStmt>(s)) return buildDo(d, out);
    if (const auto* f = dyn_cast<clang::ForStmt>(s)) return buildFor(f, out);
    if (const auto* r = dyn_cast<clang::CXXForRangeStmt>(s)) return buildRangeFor(r, out);
    if (const auto* sw = dyn_cast<clang::SwitchStmt>(s)) return buildSwitch(sw, out);
    if (isa<clang::BreakStmt>(s)) return buildBreak(out, line);
    if (isa<clang::ContinueStmt>(s)) return buildContinue(out, line);
    if (isa<clang::ReturnStmt>(s))
      unsupported(s->getBeginLoc(), "'return' in an async function; use co_return");
    if (isa<clang::CaseStmt>(s) || isa<clang::DefaultStmt>(s))
      unsupported(s->getBeginLoc(), "case label outside a switch body");
    unsupported(s->getBeginLoc(), llvm::Twine("this statement (") + s->getStmtClassName() +
                                      ") is not supported around co_await or co_return");
  }

  void copyStatement(const clang::Stmt* s, std::vector<ir::Stmt>& out) {
    FileSpan span = spanOrFail(s, "this statement");
    // Clang's ranges of expression statements, and of statements ending in
    // one (an unbraced if or loop body, do-while), stop before the `;`.
    if (!isa<clang::Expr>(s) && !isa<clang::CompoundStmt>(s) && !isa<clang::DeclStmt>(s))
      span = text_.withTrailingSemicolon(span);
    std::string text = text_.render(span);
    if (isa<clang::Expr>(s)) text += ";";
    out.push_back(makeStmt(StmtKind::Code, std::move(text), lineOf(s->getBeginLoc())));
    position_++;
  }

  void buildBlock(const clang::CompoundStmt* compound, std::vector<ir::Stmt>& out) {
    ir::Stmt block = makeStmt(StmtKind::Block, {}, lineOf(compound->getBeginLoc()));
    scopes_.push_back({});
    for (const clang::Stmt* child : compound->body()) buildStatement(child, block.children);
    closeBlock(block);
    scopes_.pop_back();
    out.push_back(std::move(block));
  }

  // Builds `body` as a block of its own (the body of an if, loop or case).
  ir::Stmt buildScopedBody(const clang::Stmt* body) {
    ir::Stmt block = makeStmt(StmtKind::Block, {}, lineOf(body->getBeginLoc()));
    scopes_.push_back({});
    if (const auto* compound = dyn_cast<clang::CompoundStmt>(body))
      for (const clang::Stmt* child : compound->body()) buildStatement(child, block.children);
    else
      buildStatement(body, block.children);
    closeBlock(block);
    scopes_.pop_back();
    return block;
  }

  // ---- full-expressions ---------------------------------------------------
  // A full-expression's spilled temporaries live in a scope of their own and
  // die, in reverse order, when the full-expression ends.
  void beginFullExpr() { scopes_.push_back({}); }
  void endFullExpr(std::vector<ir::Stmt>& out, unsigned line) {
    std::vector<unsigned> temps = scopes_.back().constructed;
    for (auto it = temps.rbegin(); it != temps.rend(); ++it) {
      ir::Stmt d = makeStmt(StmtKind::Destroy, {}, line);
      d.object = *it;
      out.push_back(std::move(d));
      fn_ir_.objects[*it].lifetimeEnd = position_++;
    }
    scopes_.pop_back();
  }

  void buildExprStatement(const clang::Expr* e, std::vector<ir::Stmt>& out) {
    unsigned line = lineOf(e->getBeginLoc());
    beginFullExpr();
    std::string residual = linearize(e, out);
    if (!isTrivialResidual(residual)) {
      out.push_back(makeStmt(StmtKind::Code, residual + ";", line));
      position_++;
    }
    endFullExpr(out, line);
  }

  static bool isTrivialResidual(const std::string& text) { return text == "void()" || text.empty(); }

  void buildReturn(const clang::CoreturnStmt* ret, std::vector<ir::Stmt>& out) {
    unsigned line = lineOf(ret->getBeginLoc());
    const clang::Expr* operand = ret->getOperand();
    beginFullExpr();
    ir::Stmt r = makeStmt(StmtKind::Return, {}, line);
    if (operand) {
      std::string value = linearize(operand, out);
      if (isa<clang::InitListExpr>(operand)) {
        // A braced list has no type of its own (void in the AST).
        r.text = "bcsc::detail::list_initialized<" + fn_ir_.outputType + ">(" + value + ")";
      } else if (operand->getType()->isVoidType()) {
        if (!isTrivialResidual(value)) out.push_back(makeStmt(StmtKind::Code, value + ";", line));
      } else {
        r.text = value;
      }
    }
    if (operand && !r.text.empty() && isMoveEligible(operand)) r.text = "std::move(" + r.text + ")";
    r.cleanup = cleanupTo(0);
    // The return's own temporaries die first, before the scopes' locals.
    r.object = static_cast<unsigned>(scopes_.back().constructed.size());
    out.push_back(std::move(r));
    // The statement completes the frame; its temporaries die in `cleanup`.
    for (unsigned id : scopes_.back().constructed) fn_ir_.objects[id].lifetimeEnd = position_;
    position_++;
    scopes_.back().constructed.clear();
    endFullExpr(out, line);
  }

  // `co_return x;` moves from a local or by-value parameter, as C++20 does.
  static bool isMoveEligible(const clang::Expr* operand) {
    const auto* ref = dyn_cast<clang::DeclRefExpr>(operand->IgnoreParenImpCasts());
    if (!ref) return false;
    const auto* var = dyn_cast<clang::VarDecl>(ref->getDecl());
    return var && var->hasLocalStorage() && !var->getType()->isReferenceType();
  }

  // ---- declarations -------------------------------------------------------
  void buildDeclStmt(const clang::DeclStmt* decl, std::vector<ir::Stmt>& out) {
    bool anyFrame = false;
    for (const clang::Decl* d : decl->decls())
      if (const auto* v = dyn_cast<clang::VarDecl>(d); v && inFrame(v)) anyFrame = true;
    if (!anyFrame && !containsAwait(decl)) return copyStatement(decl, out);
    if (!decl->isSingleDecl())
      unsupported(decl->getBeginLoc(), "declare one variable per statement when a variable lives across a "
                                       "co_await or its initializer contains co_await");
    const auto* var = dyn_cast<clang::VarDecl>(decl->getSingleDecl());
    if (!var) unsupported(decl->getBeginLoc(), "unsupported declaration around co_await");
    if (!var->hasLocalStorage()) {
      if (containsAwait(decl)) unsupported(var->getLocation(), "a static variable cannot be initialised with co_await");
      return copyStatement(decl, out);
    }
    if (inFrame(var)) return buildFrameVariable(var, out);
    buildStackVariableWithAwait(decl, var, out);
  }

  // `T x = ... co_await ...;` where x itself does not outlive a suspend.
  void buildStackVariableWithAwait(const clang::DeclStmt* decl, const clang::VarDecl* var,
                                   std::vector<ir::Stmt>& out) {
    unsigned line = lineOf(decl->getBeginLoc());
    const clang::Expr* init = var->getInit();
    if (!init) unsupported(var->getLocation(), "unexpected declaration without initializer");
    beginFullExpr();
    FileSpan declSpan = spanOrFail(decl, "this declaration");
    FileSpan initSpan = spanOrFail(init, "this initializer");
    std::string value = linearize(init, out);
    out.push_back(makeStmt(StmtKind::Code, text_.render(declSpan, {{initSpan, value}}), line));
    position_++;
    endFullExpr(out, line);
  }

  void buildFrameVariable(const clang::VarDecl* var, std::vector<ir::Stmt>& out) {
    unsigned line = lineOf(var->getBeginLoc());
    if (scopes_.back().breakTarget && !scopes_.back().continueTarget)
      unsupported(var->getLocation(), "a variable declared directly in a switch body cannot live across "
                                      "co_await; put the case in braces");
    const clang::Expr* init = var->getInit();
    const auto* decomposition = dyn_cast<clang::DecompositionDecl>(var);
    clang::QualType type = var->getType();

    // A reference bound to a temporary keeps the temporary alive: the
    // temporary itself then lives in the frame.
    const clang::MaterializeTemporaryExpr* extended = nullptr;
    if (type->isReferenceType() && init)
      if (const auto* m = dyn_cast<clang::MaterializeTemporaryExpr>(init->IgnoreImplicitAsWritten()))
        if (m->getExtendingDecl() == var) extended = m;

    ObjectKind kind = (type->isReferenceType() && !extended) ? ObjectKind::Reference : ObjectKind::Local;
    std::string slotType = variableSlotType(var, kind, extended);
    unsigned id = newObject(kind, var->getNameAsString().empty() ? "binding" : var->getNameAsString(),
                            var->getNameAsString(), slotType, var->getLocation());
    fn_ir_.objects[id].isArray = type->isConstantArrayType();
    setAlign(id, extended ? extended->getType() : type);
    honourDeclaredAlignment(var, id);
    installVariableAccessors(var, decomposition, id);
    out.push_back(objectDeclare(id, line));

    beginFullExpr();
    std::string initText = frameInitializer(var, kind, extended, out);
    emitConstruct(out, id, initText, line);
    constructed(id, scopes_.size() - 2);
    endFullExpr(out, line);
  }

  ir::Stmt objectDeclare(unsigned id, unsigned line) {
    ir::Stmt d = makeStmt(StmtKind::Declare, {}, line);
    d.object = id;
    return d;
  }

  std::string variableSlotType(const clang::VarDecl* var, ObjectKind kind,
                               const clang::MaterializeTemporaryExpr* extended) {
    clang::QualType stored = var->getType();
    if (extended) stored = extended->getType();
    else if (kind == ObjectKind::Reference) stored = stored.getNonReferenceType();
    std::string spelled;
    if (types_.printable(stored) || (stored->isDependentType() && !types_.containsAuto(stored) &&
                                     !types_.mentionsTask(stored))) {
      std::string why;
      std::optional<std::string> printed = types_.print(stored, &why);
      if (!printed)
        unsupported(var->getLocation(), "'" + var->getNameAsString() + "' lives across a co_await, but its type "
                                        "cannot be named in the frame: " + why);
      if (kind == ObjectKind::Reference && !stored->isDependentType()) return printPointerTo(stored);
      spelled = *printed;
    } else {
      const clang::Expr* init = var->getInit();
      if (!init) unsupported(var->getLocation(), "cannot determine the type of '" + var->getNameAsString() + "'");
      std::string expr = declvalText(extended ? extended->getSubExpr() : init);
      spelled = (kind == ObjectKind::Reference) ? "std::remove_reference_t<decltype((" + expr + "))>"
                                                : "std::decay_t<decltype(" + expr + ")>";
      if (var->getType().isConstQualified() || (extended && extended->getType().isConstQualified()))
        spelled = "const " + spelled;
    }
    return kind == ObjectKind::Reference ? pointerTo(spelled) : spelled;
  }

  // A pointer to a spelled type (arrays and functions need the alias).
  static std::string pointerTo(const std::string& spelled) {
    if (!spelled.empty() && (spelled.back() == ']' || spelled.back() == ')'))
      return "std::add_pointer_t<" + spelled + ">";
    return spelled + "*";
  }

  // A pointer to a printable type: arrays and functions need the
  // declarator form (`int (*)[4]`); otherwise the pointee's own spelling.
  std::string printPointerTo(clang::QualType pointee) {
    if (pointee->isArrayType() || pointee->isFunctionType())
      return context_.getPointerType(pointee).getAsString(context_.getPrintingPolicy());
    return *types_.print(pointee) + " *";
  }

  // The type of a pointer to the object an expression designates.
  std::string spellPointerToReferent(const clang::Expr* e) {
    clang::QualType type = e->getType();
    if (types_.printable(type) && types_.print(type)) return printPointerTo(type);
    return pointerTo(spellExprType(e, true));
  }

  void installVariableAccessors(const clang::VarDecl* var, const clang::DecompositionDecl* decomposition,
                                unsigned id) {
    objectOfVar_[var] = id;
    std::string object = access(id);
    installAccessors(var, object);
    if (!decomposition) return;
    clang::QualType whole = var->getType().getNonReferenceType();
    unsigned index = 0;
    unsigned count = static_cast<unsigned>(decomposition->bindings().size());
    for (const clang::BindingDecl* binding : decomposition->bindings()) {
      std::string text;
      if (whole->isDependentType() || whole->isUndeducedType()) {
        // In a template, the kind of decomposition is known per instantiation.
        text = bindingGet(index, count, object);
      } else if (whole->isArrayType()) {
        text = "(" + object + "[" + std::to_string(index) + "])";
      } else if (const clang::VarDecl* holding = binding->getHoldingVar()) {
        text = tupleElementAccess(holding, object, index);
      } else if (const auto* member = llvm::dyn_cast_or_null<clang::MemberExpr>(binding->getBinding())) {
        text = "(" + object + "." + member->getMemberDecl()->getNameAsString() + ")";
      } else {
        unsupported(binding->getLocation(), "structured binding of this kind cannot live across a co_await");
      }
      installAccessors(binding, text);
      ++index;
    }
  }

  static std::string bindingGet(unsigned index, unsigned count, const std::string& object) {
    return "(bcsc::detail::binding_get<" + std::to_string(index) + ", " + std::to_string(count) + ">(" + object + "))";
  }

  std::string tupleElementAccess(const clang::VarDecl* holding, const std::string& object, unsigned index) {
    const clang::Expr* init = holding->getInit()->IgnoreImplicit();
    std::string i = std::to_string(index);
    if (isa<clang::CXXMemberCallExpr>(init)) return "(" + object + ".template get<" + i + ">())";
    if (const auto* call = dyn_cast<clang::CallExpr>(init))
      if (const clang::FunctionDecl* callee = call->getDirectCallee())
        return "(" + callee->getQualifiedNameAsString() + "<" + i + ">(" + object + "))";
    unsupported(holding->getLocation(), "structured binding of this kind cannot live across a co_await");
  }

  // The initializer text for constructing a frame variable in place.
  std::string frameInitializer(const clang::VarDecl* var, ObjectKind kind,
                               const clang::MaterializeTemporaryExpr* extended, std::vector<ir::Stmt>& out) {
    const clang::Expr* init = var->getInit();
    if (!init || isImplicitDefaultInit(init)) return "";
    if (kind == ObjectKind::Reference) {
      if (init->refersToBitField())
        unsupported(init->getBeginLoc(), "a reference to a bit-field cannot live across a co_await");
      return "(bcsc::detail::address_of(" + linearize(init, out) + "))";
    }
    if (extended) return "(" + linearize(extended->getSubExpr(), out) + ")";
    if (var->getInitStyle() != clang::VarDecl::CInit) {
      // T x(args) / T x{args}: keep the user's parentheses or braces.
      if (const auto* construct = dyn_cast<clang::CXXConstructExpr>(init->IgnoreImplicit())) {
        clang::SourceRange parens = construct->getParenOrBraceRange();
        if (parens.isValid()) {
          std::vector<Substitution> overrides = linearizeChildrenOf(construct, out);
          if (auto p = text_.spanOf(parens)) return text_.render(*p, overrides);
          unsupported(parens.getBegin(), "the parentheses or braces of this initializer come from a macro "
                                         "expansion, which bcsc cannot restructure; write them without the macro");
        }
      }
    }
    std::string value = linearize(init, out);
    bool braced = isa<clang::InitListExpr>(init->IgnoreImplicit()) || (!value.empty() && value.front() == '{');
    if (var->getType()->isArrayType()) {
      // An array copied from an array (structured bindings): element-wise.
      if (isa<clang::ArrayInitLoopExpr>(init->IgnoreImplicit())) return "(bcsc::detail::box_of(" + value + "))";
      return "{" + value + "}";
    }
    return braced ? value : "(" + value + ")";
  }

  static bool isImplicitDefaultInit(const clang::Expr* init) {
    const auto* construct = dyn_cast<clang::CXXConstructExpr>(init->IgnoreImplicit());
    return construct && construct->getNumArgs() == 0 && construct->getParenOrBraceRange().isInvalid();
  }

  // ---- control flow -------------------------------------------------------
  // Evaluates a condition into text usable right after the steps. If its
  // full-expression left temporaries, the value is first stored in a
  // poll-local so the temporaries can die before the branch.
  std::string buildCondition(const clang::Expr* cond, std::vector<ir::Stmt>& out, const char* holder) {
    unsigned line = lineOf(cond->getBeginLoc());
    beginFullExpr();
    std::string value = linearize(cond, out);
    if (!scopes_.back().constructed.empty()) {
      addPollLocal("bool", holder);
      out.push_back(makeStmt(StmtKind::Code, std::string(holder) + " = static_cast<bool>(" + value + ");", line));
      position_++;
      value = holder;
    }
    endFullExpr(out, line);
    return value;
  }

  void addPollLocal(const std::string& type, const std::string& name) {
    std::string decl = type + " " + name + ";";
    if (std::find(fn_ir_.pollLocals.begin(), fn_ir_.pollLocals.end(), decl) == fn_ir_.pollLocals.end())
      fn_ir_.pollLocals.push_back(decl);
  }

  void buildIf(const clang::IfStmt* s, std::vector<ir::Stmt>& out) {
    if (s->isConstexpr()) unsupported(s->getIfLoc(), "'if constexpr' around co_await is not supported yet");
    if (s->isConsteval()) unsupported(s->getIfLoc(), "'if consteval' is not supported in async functions");
    unsigned line = lineOf(s->getBeginLoc());
    // An init-statement or condition variable is scoped to the whole if.
    ir::Stmt scope = makeStmt(StmtKind::Block, {}, line);
    scopes_.push_back({});
    if (s->getInit()) buildStatement(s->getInit(), scope.children);
    std::string cond;
    if (const clang::DeclStmt* condVar = s->getConditionVariableDeclStmt()) {
      buildStatement(condVar, scope.children);
      cond = conditionVariableText(s->getConditionVariable());
    } else {
      cond = buildCondition(s->getCond(), scope.children, "bcsc_cond");
    }
    ir::Stmt branch = makeStmt(StmtKind::If, cond, line);
    branch.children.push_back(buildScopedBody(s->getThen()));
    if (s->getElse()) branch.elseChildren.push_back(buildScopedBody(s->getElse()));
    position_++;
    scope.children.push_back(std::move(branch));
    closeBlock(scope);
    scopes_.pop_back();
    out.push_back(std::move(scope));
  }

  std::string conditionVariableText(const clang::VarDecl* var) {
    if (inFrame(var)) return "static_cast<bool>(" + access(varObject(var)) + ")";
    return var->getNameAsString();
  }

  unsigned varObject(const clang::VarDecl* var) const { return objectOfVar_.lookup(var); }

  // Loops become `for (;;)`: the condition is evaluated by steps at the top
  // (or the bottom for do-while); `continue` jumps to a label before the
  // latch so the increment and do-while condition still run.
  ir::Stmt beginLoop(unsigned line) {
    ir::Stmt loop = makeStmt(StmtKind::Loop, {}, line);
    loop.index = ++loopCounter_;
    return loop;
  }

  void addLoopExit(std::vector<ir::Stmt>& steps, const std::string& cond, unsigned line) {
    ir::Stmt exit = makeStmt(StmtKind::If, "!(" + cond + ")", line);
    exit.children.push_back(makeStmt(StmtKind::Break, {}, line));
    steps.push_back(std::move(exit));
    position_++;
  }

  void buildLoopBody(ir::Stmt& loop, const clang::Stmt* body) {
    Scope marker;
    marker.breakTarget = marker.continueTarget = true;
    marker.loop = loop.index;
    scopes_.push_back(marker);
    loop.children.push_back(buildScopedBody(body));
    scopes_.pop_back();
  }

  void buildWhile(const clang::WhileStmt* s, std::vector<ir::Stmt>& out) {
    if (s->getConditionVariable())
      unsupported(s->getWhileLoc(), "a while-condition declaration around co_await is not supported yet");
    ir::Stmt loop = beginLoop(lineOf(s->getBeginLoc()));
    addLoopExit(loop.elseChildren, buildCondition(s->getCond(), loop.elseChildren, "bcsc_cond"),
                lineOf(s->getCond()->getBeginLoc()));
    buildLoopBody(loop, s->getBody());
    out.push_back(std::move(loop));
  }

  void buildDo(const clang::DoStmt* s, std::vector<ir::Stmt>& out) {
    ir::Stmt loop = beginLoop(lineOf(s->getBeginLoc()));
    buildLoopBody(loop, s->getBody());
    addLoopExit(loop.latch, buildCondition(s->getCond(), loop.latch, "bcsc_cond"),
                lineOf(s->getCond()->getBeginLoc()));
    out.push_back(std::move(loop));
  }

  void buildFor(const clang::ForStmt* s, std::vector<ir::Stmt>& out) {
    if (s->getConditionVariable())
      unsupported(s->getForLoc(), "a for-condition declaration around co_await is not supported yet");
    unsigned line = lineOf(s->getBeginLoc());
    ir::Stmt scope = makeStmt(StmtKind::Block, {}, line);
    scopes_.push_back({});
    if (s->getInit()) buildStatement(s->getInit(), scope.children);
    ir::Stmt loop = beginLoop(line);
    if (s->getCond())
      addLoopExit(loop.elseChildren, buildCondition(s->getCond(), loop.elseChildren, "bcsc_cond"),
                  lineOf(s->getCond()->getBeginLoc()));
    buildLoopBody(loop, s->getBody());
    if (s->getInc()) buildExprStatement(s->getInc(), loop.latch);
    scope.children.push_back(std::move(loop));
    closeBlock(scope);
    scopes_.pop_back();
    out.push_back(std::move(scope));
  }

  void buildRangeFor(const clang::CXXForRangeStmt* s, std::vector<ir::Stmt>& out) {
    if (s->getInit()) unsupported(s->getBeginLoc(), "range-for with an init-statement around co_await is not "
                                                    "supported yet");
    unsigned line = lineOf(s->getBeginLoc());
    ir::Stmt scope = makeStmt(StmtKind::Block, {}, line);
    scopes_.push_back({});
    const clang::Expr* rangeInit = s->getRangeInit();
    // A temporary range bound to the hidden `auto&&` is kept itself.
    const clang::Expr* inner = rangeInit;
    if (const auto* cleanups = dyn_cast<clang::ExprWithCleanups>(inner)) inner = cleanups->getSubExpr();
    if (const auto* m = dyn_cast<clang::MaterializeTemporaryExpr>(inner)) rangeInit = m->getSubExpr();
    // The range: a reference to it, or the temporary itself when it is a prvalue.
    std::string rangeAccess;
    {
      bool temporary = rangeInit->isPRValue();
      ObjectKind kind = temporary ? ObjectKind::Temporary : ObjectKind::Reference;
      std::string type = temporary ? spellExprType(rangeInit, false) : spellPointerToReferent(rangeInit);
      unsigned id = newObject(kind, "range", "the range of the loop", type, rangeInit->getBeginLoc());
      scope.children.push_back(objectDeclare(id, line));
      beginFullExpr();
      std::string value = linearize(rangeInit, scope.children);
      emitConstruct(scope.children, id, temporary ? "(" + value + ")" : "(bcsc::detail::address_of(" + value + "))",
                    line);
      constructed(id, scopes_.size() - 2);
      endFullExpr(scope.children, line);
      rangeAccess = access(id);
    }
    auto iterator = [&](const char* name, const char* fn) {
      std::string type = "decltype(bcsc::detail::" + std::string(fn) + "(" + rangeAccess + "))";
      unsigned id = newObject(ObjectKind::Local, name, std::string("the loop's ") + name, "", s->getBeginLoc());
      fn_ir_.objects[id].type = "decltype(bcsc::detail::" + std::string(fn) +
                                "(std::declval<std::add_lvalue_reference_t<" + rangeObjectType(rangeInit) + ">>()))";
      (void)type;
      scope.children.push_back(objectDeclare(id, line));
      emitConstruct(scope.children, id, "(bcsc::detail::" + std::string(fn) + "(" + rangeAccess + "))", line);
      constructed(id, scopes_.size() - 1);
      return access(id);
    };
    std::string begin = iterator("begin", "range_begin");
    std::string end = iterator("end", "range_end");
    ir::Stmt loop = beginLoop(line);
    addLoopExit(loop.elseChildren, begin + " != " + end, line);
    // The body: the loop variable, then the user's statements.
    Scope marker;
    marker.breakTarget = marker.continueTarget = true;
    marker.loop = loop.index;
    scopes_.push_back(marker);
    ir::Stmt body = makeStmt(StmtKind::Block, {}, lineOf(s->getBody()->getBeginLoc()));
    scopes_.push_back({});
    buildLoopVariable(s->getLoopVariable(), "*" + begin, body.children);
    if (const auto* compound = dyn_cast<clang::CompoundStmt>(s->getBody()))
      for (const clang::Stmt* child : compound->body()) buildStatement(child, body.children);
    else
      buildStatement(s->getBody(), body.children);
    closeBlock(body);
    scopes_.pop_back();
    scopes_.pop_back();
    loop.children.push_back(std::move(body));
    loop.latch.push_back(makeStmt(StmtKind::Code, "++" + begin + ";", line));
    scope.children.push_back(std::move(loop));
    closeBlock(scope);
    scopes_.pop_back();
    out.push_back(std::move(scope));
  }

  std::string rangeObjectType(const clang::Expr* rangeInit) {
    return spellExprType(rangeInit, !rangeInit->isPRValue());
  }

  void buildLoopVariable(const clang::VarDecl* var, const std::string& element, std::vector<ir::Stmt>& out) {
    unsigned line = lineOf(var->getBeginLoc());
    if (!inFrame(var)) {
      // No suspend point in the body: an ordinary local of poll().
      if (isa<clang::DecompositionDecl>(var))
        unsupported(var->getLocation(), "a structured binding as range-for variable around co_return is not "
                                        "supported yet");
      // The declaration up to the name (its range runs on over the range).
      std::optional<FileSpan> span = text_.spanOf(clang::SourceRange(var->getBeginLoc(), var->getLocation()));
      if (!span) unsupported(var->getLocation(), "this loop variable comes from a macro expansion");
      out.push_back(makeStmt(StmtKind::Code, text_.render(*span) + " = " + element + ";", line));
      position_++;
      return;
    }
    clang::QualType type = var->getType();
    ObjectKind kind = type->isReferenceType() ? ObjectKind::Reference : ObjectKind::Local;
    std::string slotType;
    if (types_.printable(type.getNonReferenceType())) {
      slotType = *types_.print(type.getNonReferenceType());
    } else {
      slotType = kind == ObjectKind::Reference ? "std::remove_reference_t<decltype((" + element + "))>"
                                               : "std::decay_t<decltype(" + element + ")>";
      unsupported(var->getLocation(), "the type of this loop variable depends on a template parameter; give "
                                      "it an explicit type");
    }
    if (kind == ObjectKind::Reference) slotType = pointerTo(slotType);
    unsigned id = newObject(kind, var->getNameAsString(), var->getNameAsString(), slotType, var->getLocation());
    installVariableAccessors(var, dyn_cast<clang::DecompositionDecl>(var), id);
    out.push_back(objectDeclare(id, line));
    emitConstruct(out, id, kind == ObjectKind::Reference ? "(bcsc::detail::address_of(" + element + "))"
                                                         : "(" + element + ")",
                  line);
    constructed(id, scopes_.size() - 1);
  }

  void buildSwitch(const clang::SwitchStmt* s, std::vector<ir::Stmt>& out) {
    if (s->getInit() || s->getConditionVariable())
      unsupported(s->getSwitchLoc(), "switch with an init-statement or declaration around co_await is not "
                                     "supported yet");
    unsigned line = lineOf(s->getBeginLoc());
    ir::Stmt scope = makeStmt(StmtKind::Block, {}, line);
    scopes_.push_back({});
    beginFullExpr();
    const clang::Expr* cond = s->getCond();
    std::string value = linearize(cond, scope.children);
    if (!scopes_.back().constructed.empty()) {
      // The condition's temporaries die before the body runs.
      std::string holder = "bcsc_switch_" + std::to_string(++switchCounter_);
      std::string type = types_.printable(cond->getType()) ? *types_.print(cond->getType())
                                                            : "std::decay_t<decltype(" + declvalText(cond) + ")>";
      addPollLocal(type, holder);
      scope.children.push_back(makeStmt(StmtKind::Code, holder + " = " + value + ";", line));
      position_++;
      value = holder;
    }
    endFullExpr(scope.children, line);
    ir::Stmt sw = makeStmt(StmtKind::Switch, value, line);
    Scope marker;
    marker.breakTarget = true;
    scopes_.push_back(marker);
    const auto* body = dyn_cast<clang::CompoundStmt>(s->getBody());
    if (!body) unsupported(s->getBody()->getBeginLoc(), "a switch body must be a braced block");
    for (const clang::Stmt* child : body->body()) buildSwitchItem(child, sw.children);
    for (unsigned id : scopes_.back().constructed) fn_ir_.objects[id].lifetimeEnd = position_;
    scopes_.pop_back();
    position_++;
    scope.children.push_back(std::move(sw));
    closeBlock(scope);
    scopes_.pop_back();
    out.push_back(std::move(scope));
  }

  void buildSwitchItem(const clang::Stmt* s, std::vector<ir::Stmt>& out) {
    unsigned line = lineOf(s->getBeginLoc());
    if (const auto* c = dyn_cast<clang::CaseStmt>(s)) {
      if (c->caseStmtIsGNURange()) unsupported(c->getBeginLoc(), "GNU case ranges are not supported");
      FileSpan span = spanOrFail(c->getLHS(), "this case label");
      out.push_back(makeStmt(StmtKind::Label, "case " + text_.render(span) + ":", line));
      return buildSwitchItem(c->getSubStmt(), out);
    }
    if (const auto* d = dyn_cast<clang::DefaultStmt>(s)) {
      out.push_back(makeStmt(StmtKind::Label, "default:", line));
      return buildSwitchItem(d->getSubStmt(), out);
    }
    buildStatement(s, out);
  }

  void buildBreak(std::vector<ir::Stmt>& out, unsigned line) {
    size_t depth = scopes_.size();
    while (depth > 0 && !scopes_[depth - 1].breakTarget) --depth;
    ir::Stmt b = makeStmt(StmtKind::Break, {}, line);
    b.cleanup = cleanupTo(depth);
    out.push_back(std::move(b));
    position_++;
  }

  void buildContinue(std::vector<ir::Stmt>& out, unsigned line) {
    size_t depth = scopes_.size();
    while (depth > 0 && !scopes_[depth - 1].continueTarget) --depth;
    ir::Stmt c = makeStmt(StmtKind::Continue, {}, line);
    c.index = depth > 0 ? scopes_[depth - 1].loop : 0;
    c.cleanup = cleanupTo(depth);
    out.push_back(std::move(c));
    position_++;
  }

  // ---- expressions --------------------------------------------------------
  // linearize(e) emits the steps that must run before e's value is
  // available (spills, suspends) and returns text computing that value.
  //
  // `keep`: the returned text is evaluated by a statement that ends before
  // the full-expression does (it initializes a spill, a future, a `?:`
  // choice...), so every temporary materialized inside `e` must be kept in
  // the frame until the full-expression ends, as C++ keeps it. Without
  // `keep`, the text is evaluated by the full-expression's last statement
  // and its own temporaries die with that statement, which is right.
  std::string linearize(const clang::Expr* e, std::vector<ir::Stmt>& out, bool keep = false) {
    if (keep)
      if (const auto* m = dyn_cast<clang::MaterializeTemporaryExpr>(e)) return spillTemporary(m, out);
    if (!containsAwait(e)) {
      if (keep && containsTemporary(e)) return keepTemporaries(e, out);
      FileSpan span = spanOrFail(e, "this expression");
      return text_.render(span);
    }
    if (isAwait(e)) return buildAwait(e, out);
    if (const auto* bin = dyn_cast<clang::BinaryOperator>(e); bin && bin->isLogicalOp())
      return buildShortCircuit(bin, out, keep);
    if (const auto* cond = dyn_cast<clang::ConditionalOperator>(e)) return buildConditional(cond, out, keep);
    FileSpan span = spanOrFail(e, "this expression");
    return text_.render(span, linearizeChildrenOf(e, out, keep));
  }

  // The children of `e` in C++17 evaluation order (as clang emits them).
  std::vector<const clang::Expr*> evaluationOrder(const clang::Expr* e) {
    std::vector<const clang::Expr*> out;
    auto add = [&](const clang::Expr* c) {
      if (c) out.push_back(c);
    };
    if (const auto* call = dyn_cast<clang::CXXOperatorCallExpr>(e)) {
      clang::OverloadedOperatorKind op = call->getOperator();
      bool rightFirst = call->isAssignmentOp() || op == clang::OO_Equal;
      if (rightFirst && call->getNumArgs() == 2) {
        add(call->getArg(1));
        add(call->getArg(0));
      } else {
        for (const clang::Expr* arg : call->arguments()) add(arg);
      }
      return out;
    }
    if (const auto* member = dyn_cast<clang::CXXMemberCallExpr>(e)) {
      const clang::Expr* callee = member->getCallee()->IgnoreParens();
      if (const auto* m = dyn_cast<clang::MemberExpr>(callee)) add(m->getBase());
      else add(callee);
      for (const clang::Expr* arg : member->arguments()) add(arg);
      return out;
    }
    if (const auto* call = dyn_cast<clang::CallExpr>(e)) {
      add(call->getCallee());
      for (const clang::Expr* arg : call->arguments()) add(arg);
      return out;
    }
    if (const auto* bin = dyn_cast<clang::BinaryOperator>(e)) {
      if (bin->isAssignmentOp()) {
        add(bin->getRHS());
        add(bin->getLHS());
      } else {
        add(bin->getLHS());
        add(bin->getRHS());
      }
      return out;
    }
    if (const auto* construct = dyn_cast<clang::CXXConstructExpr>(e)) {
      for (const clang::Expr* arg : construct->arguments()) add(arg);
      return out;
    }
    if (const auto* list = dyn_cast<clang::InitListExpr>(e)) {
      for (const clang::Expr* init : list->inits()) add(init);
      return out;
    }
    if (const auto* unresolved = dyn_cast<clang::CXXUnresolvedConstructExpr>(e)) {
      for (const clang::Expr* arg : unresolved->arguments()) add(arg);
      return out;
    }
    if (const auto* paren = dyn_cast<clang::ParenListExpr>(e)) {
      for (unsigned i = 0; i < paren->getNumExprs(); ++i) add(paren->getExpr(i));
      return out;
    }
    if (const auto* subscript = dyn_cast<clang::ArraySubscriptExpr>(e)) {
      add(subscript->getLHS());
      add(subscript->getRHS());
      return out;
    }
    if (const auto* member = dyn_cast<clang::MemberExpr>(e)) {
      add(member->getBase());
      return out;
    }
    if (const auto* member = dyn_cast<clang::CXXDependentScopeMemberExpr>(e)) {
      if (!member->isImplicitAccess()) add(member->getBase());
      return out;
    }
    if (isa<clang::UnaryOperator>(e) || isa<clang::CastExpr>(e) || isa<clang::ParenExpr>(e) ||
        isa<clang::MaterializeTemporaryExpr>(e) || isa<clang::CXXBindTemporaryExpr>(e) ||
        isa<clang::ExprWithCleanups>(e) || isa<clang::ConstantExpr>(e) ||
        isa<clang::CXXFunctionalCastExpr>(e)) {
      for (const clang::Stmt* child : e->children()) add(llvm::cast<clang::Expr>(child));
      return out;
    }
    unsupported(e->getBeginLoc(), llvm::Twine("co_await inside this kind of expression (") + e->getStmtClassName() +
                                      ") is not supported yet; move the co_await into a variable first");
  }

  std::vector<Substitution> linearizeChildrenOf(const clang::Expr* e, std::vector<ir::Stmt>& out,
                                                bool keep = false) {
    std::vector<Substitution> overrides;
    std::vector<const clang::Expr*> children = evaluationOrder(e);
    int last = -1;
    for (size_t i = 0; i < children.size(); ++i)
      if (containsAwait(children[i]) || (keep && hasTemporary(e, children[i]))) last = static_cast<int>(i);
    for (int i = 0; i <= last; ++i) {
      const clang::Expr* child = children[i];
      bool isLast = i == last;
      // A child evaluated before a later co_await must keep its value (or
      // address) in the frame until the parent is evaluated.
      if (!isLast && isDependentScalarRead(e, child)) {
        // The value it reads, kept in the frame (in a box inside a
        // conditional operand).
        overrides.push_back({spanOrFail(child, "this operand"),
                             materialize(child, child->getType(), false, child->getBeginLoc(), out)});
        continue;
      }
      if (!isLast && isStable(child)) continue;
      if ((keep || !isLast) && (isPendingTemporaryArg(e, child) || isDependentPrvalueBoundToReference(e, child))) {
        overrides.push_back({spanOrFail(child, "this operand"), keepPendingTemporary(e, child, out)});
        continue;
      }
      // Its temporaries must outlive the later co_await, as in C++ (a
      // temporary the child is, spillTemporary keeps in the frame).
      std::string value = linearize(child, out, keep || !isLast);
      // A co_await's value already lives in the frame until the
      // full-expression ends.
      if (!isLast && !isa<clang::MaterializeTemporaryExpr>(child) && !isAwaitValue(child))
        value = spill(child, value, out);
      overrides.push_back({spanOrFail(child, "this operand"), value});
    }
    return overrides;
  }

  // Children whose value cannot change across a suspend point need no
  // spill: constants, functions, and names of objects (their address is
  // fixed; frame objects never move).
  bool isStable(const clang::Expr* e) {
    const clang::Expr* inner = e->IgnoreParens();
    if (isa<clang::IntegerLiteral>(inner) || isa<clang::FloatingLiteral>(inner) ||
        isa<clang::CharacterLiteral>(inner) || isa<clang::StringLiteral>(inner) ||
        isa<clang::CXXBoolLiteralExpr>(inner) || isa<clang::CXXNullPtrLiteralExpr>(inner))
      return true;
    if (const auto* cast = dyn_cast<clang::ImplicitCastExpr>(inner))
      if (cast->getCastKind() == clang::CK_FunctionToPointerDecay || cast->getCastKind() == clang::CK_NoOp)
        return isStable(cast->getSubExpr());
    if (const auto* ref = dyn_cast<clang::DeclRefExpr>(inner))
      return ref->isGLValue() || isa<clang::FunctionDecl>(ref->getDecl()) ||
             isa<clang::EnumConstantDecl>(ref->getDecl());
    if (isa<clang::UnresolvedLookupExpr>(inner)) return true;
    return false;
  }

  // Whether evaluating `e` materializes a temporary that C++ keeps alive
  // until the end of the full-expression.
  bool containsTemporary(const clang::Stmt* s) {
    if (!s || isa<clang::LambdaExpr>(s)) return false;
    if (isa<clang::MaterializeTemporaryExpr>(s)) return true;
    if (const auto* call = dyn_cast<clang::CallExpr>(s))
      for (const clang::Expr* arg : call->arguments())
        if (isPendingTemporaryArg(call, arg)) return true;
    for (const clang::Stmt* child : writtenChildren(s))
      if (containsTemporary(child)) return true;
    return false;
  }

  // Whether evaluating the child of `parent` creates a temporary (also one
  // that is the child: see isPendingTemporaryArg).
  bool hasTemporary(const clang::Expr* parent, const clang::Expr* child) {
    return containsTemporary(child) || isPendingTemporaryArg(parent, child) ||
           isDependentPrvalueBoundToReference(parent, child);
  }

  // A type-dependent argument of a call resolved at instantiation that is
  // surely a prvalue (a call of functions that all return by value, as an
  // async function template does) and that every candidate binds to a
  // reference (bcsc::join(f<T>(x), ...)): C++ materializes it.
  bool isDependentPrvalueBoundToReference(const clang::Expr* parent, const clang::Expr* child) {
    if (!isDependentCall(parent) || !child->isTypeDependent()) return false;
    const auto* call = llvm::cast<clang::CallExpr>(parent);
    auto it = std::find(call->arg_begin(), call->arg_end(), child);
    if (it == call->arg_end()) return false;
    const auto* inner = dyn_cast<clang::CallExpr>(child->IgnoreParens());
    if (!inner) return false;
    const auto* lookup = dyn_cast<clang::UnresolvedLookupExpr>(inner->getCallee()->IgnoreParenImpCasts());
    if (!lookup || lookup->getNumDecls() == 0) return false;
    for (const clang::NamedDecl* d : lookup->decls()) {
      d = d->getUnderlyingDecl();
      const clang::FunctionDecl* fn = nullptr;
      if (const auto* tmpl = dyn_cast<clang::FunctionTemplateDecl>(d)) fn = tmpl->getTemplatedDecl();
      else fn = dyn_cast<clang::FunctionDecl>(d);
      if (!fn) return false;
      clang::QualType result = fn->getReturnType();
      if (result->isReferenceType() || result->isUndeducedType() || result->getContainedAutoType()) return false;
    }
    return bindsByReferenceOnly(call, static_cast<unsigned>(it - call->arg_begin()));
  }

  // In a template, the arguments of a call resolved only at instantiation
  // are not materialized yet: a class prvalue argument that is not
  // trivially copyable becomes a temporary (bound to a reference parameter)
  // or the parameter itself, which C++ destroys at the end of the
  // full-expression either way.
  static bool isDependentCall(const clang::Expr* e) {
    const auto* call = dyn_cast<clang::CallExpr>(e);
    if (!call || !call->getCallee()) return false;
    const clang::Expr* callee = call->getCallee()->IgnoreParenImpCasts();
    return isa<clang::UnresolvedLookupExpr>(callee) || isa<clang::UnresolvedMemberExpr>(callee) ||
           isa<clang::CXXDependentScopeMemberExpr>(callee) || (call->isTypeDependent() && !call->getDirectCallee());
  }
  bool isPendingTemporaryArg(const clang::Expr* parent, const clang::Expr* child) {
    if (!isDependentCall(parent)) return false;
    const auto* call = llvm::cast<clang::CallExpr>(parent);
    if (std::find(call->arg_begin(), call->arg_end(), child) == call->arg_end()) return false;
    if (!child->isPRValue() || child->isTypeDependent()) return false;
    clang::QualType type = child->getType();
    if (!type->getAsCXXRecordDecl() || type->isDependentType()) return false;
    return !type.isTriviallyCopyableType(context_) || type.isDestructedType();
  }

  // In a template, an operand of a built-in operator or an argument of a
  // call resolved at instantiation carries no lvalue-to-rvalue conversion in
  // the AST, yet C++ reads a scalar variable there, before a later co_await
  // of the same expression may change it (`a / co_await f(a)` with `a`
  // passed by reference). Only where the read is certain: a non-assignment
  // built-in operator, or a call whose every candidate takes the argument
  // by value, without argument-dependent lookup.
  bool isDependentScalarRead(const clang::Expr* parent, const clang::Expr* child) {
    if (!parent->isTypeDependent() && !parent->isValueDependent()) return false;
    const auto* ref = dyn_cast<clang::DeclRefExpr>(child->IgnoreParens());
    if (!ref || !ref->isGLValue() || !isa<clang::VarDecl>(ref->getDecl())) return false;
    clang::QualType type = ref->getType();
    if (type->isDependentType() || !type->isScalarType()) return false;
    if (const auto* bin = dyn_cast<clang::BinaryOperator>(parent))
      return !bin->isAssignmentOp() && bin->getOpcode() != clang::BO_Comma;
    const auto* call = dyn_cast<clang::CallExpr>(parent);
    if (!call || isa<clang::CXXOperatorCallExpr>(call) || isa<clang::CXXMemberCallExpr>(call)) return false;
    auto it = std::find(call->arg_begin(), call->arg_end(), child);
    return it != call->arg_end() && bindsByValueOnly(call, static_cast<unsigned>(it - call->arg_begin()));
  }

  // The parameter types the functions a dependent call may select have at
  // argument `index` (one known function, or an unresolved lookup without
  // ADL); empty when they cannot all be known before instantiation.
  static std::vector<clang::QualType> candidateParamTypes(const clang::CallExpr* call, unsigned index) {
    std::vector<clang::QualType> types;
    // A call of one known function (qualified, no ADL) with dependent
    // arguments.
    if (const auto* ref = dyn_cast<clang::DeclRefExpr>(call->getCallee()->IgnoreParenImpCasts()))
      if (const auto* fn = dyn_cast<clang::FunctionDecl>(ref->getDecl())) {
        if (index >= fn->getNumParams() || fn->isVariadic()) return {};
        return {fn->getParamDecl(index)->getType()};
      }
    const auto* lookup = dyn_cast<clang::UnresolvedLookupExpr>(call->getCallee()->IgnoreParenImpCasts());
    if (!lookup || lookup->requiresADL() || lookup->getNumDecls() == 0) return {};
    for (const clang::NamedDecl* d : lookup->decls()) {
      d = d->getUnderlyingDecl();
      const clang::FunctionDecl* fn = nullptr;
      if (const auto* tmpl = dyn_cast<clang::FunctionTemplateDecl>(d)) fn = tmpl->getTemplatedDecl();
      else fn = dyn_cast<clang::FunctionDecl>(d);
      if (!fn || fn->getNumParams() == 0) return {};
      const clang::ParmVarDecl* param = nullptr;
      if (index < fn->getNumParams()) param = fn->getParamDecl(index);
      const clang::ParmVarDecl* lastParam = fn->getParamDecl(fn->getNumParams() - 1);
      if (lastParam->isParameterPack() && index >= fn->getNumParams() - 1) param = lastParam;
      if (!param) return {};
      clang::QualType type = param->getType();
      if (const auto* pack = type->getAs<clang::PackExpansionType>()) type = pack->getPattern();
      types.push_back(type);
    }
    return types;
  }

  static bool bindsByValueOnly(const clang::CallExpr* call, unsigned index) {
    std::vector<clang::QualType> types = candidateParamTypes(call, index);
    return !types.empty() && std::none_of(types.begin(), types.end(), [](clang::QualType t) {
      return t->isReferenceType() || t->isDependentType();
    });
  }

  // Whether every function the unresolved call may select takes argument
  // `index` by reference (so C++ materializes a temporary for a prvalue).
  // Only calls without argument-dependent lookup: ADL at instantiation may
  // add candidates the tool cannot see.
  static bool bindsByReferenceOnly(const clang::CallExpr* call, unsigned index) {
    std::vector<clang::QualType> types = candidateParamTypes(call, index);
    return !types.empty() &&
           std::all_of(types.begin(), types.end(), [](clang::QualType t) { return t->isReferenceType(); });
  }

  // A pending temporary argument (isPendingTemporaryArg) that must outlive
  // its statement: kept in the frame and passed as an xvalue, exactly what
  // C++ binds to the reference parameter; rejected if the parameter may be
  // a by-value one (keeping it would add a move).
  std::string keepPendingTemporary(const clang::Expr* parent, const clang::Expr* child, std::vector<ir::Stmt>& out) {
    const auto* call = llvm::cast<clang::CallExpr>(parent);
    unsigned index = static_cast<unsigned>(std::find(call->arg_begin(), call->arg_end(), child) - call->arg_begin());
    if (!bindsByReferenceOnly(call, index))
      unsupported(child->getBeginLoc(),
                  "this temporary lives until the end of the full-expression, across a co_await, but it is passed "
                  "to a call resolved only at template instantiation whose function may take it by value "
                  "(argument-dependent lookup may find more candidates, or a candidate has a by-value parameter), "
                  "and keeping it in the frame would add a move; store it in a variable before this statement");
    return materialize(child, child->getType(), true, child->getBeginLoc(), out);
  }

  // Evaluates an await-free expression now, keeping every temporary it
  // materializes in the frame until the full-expression ends (children are
  // evaluated in order; those before the last temporary are spilled).
  std::string keepTemporaries(const clang::Expr* e, std::vector<ir::Stmt>& out) {
    if (const auto* m = dyn_cast<clang::MaterializeTemporaryExpr>(e)) return spillTemporary(m, out);
    if (!containsTemporary(e) || containsAwait(e)) return linearize(e, out, true);
    if (const auto* cond = dyn_cast<clang::ConditionalOperator>(e)) return keepConditional(cond, out, true);
    if (const auto* bin = dyn_cast<clang::BinaryOperator>(e); bin && bin->isLogicalOp())
      return buildShortCircuit(bin, out, true);
    std::vector<const clang::Expr*> children = evaluationOrder(e);
    int last = -1;
    for (size_t i = 0; i < children.size(); ++i)
      if (hasTemporary(e, children[i])) last = static_cast<int>(i);
    std::vector<Substitution> overrides;
    for (int i = 0; i <= last; ++i) {
      const clang::Expr* child = children[i];
      if (i < last && isStable(child)) continue;
      if (isPendingTemporaryArg(e, child) || isDependentPrvalueBoundToReference(e, child)) {
        overrides.push_back({spanOrFail(child, "this operand"), keepPendingTemporary(e, child, out)});
        continue;
      }
      std::string value = keepTemporaries(child, out);
      if (i < last && !isa<clang::MaterializeTemporaryExpr>(child)) value = spill(child, value, out);
      overrides.push_back({spanOrFail(child, "this operand"), value});
    }
    return text_.render(spanOrFail(e, "this expression"), overrides);
  }

  static bool isAwaitValue(const clang::Expr* e) {
    while (true) {
      e = e->IgnoreParens();
      const auto* cast = dyn_cast<clang::ImplicitCastExpr>(e);
      if (!cast || cast->getCastKind() == clang::CK_UserDefinedConversion ||
          cast->getCastKind() == clang::CK_ConstructorConversion)
        break;
      e = cast->getSubExpr();
    }
    return isAwait(e);
  }

  // A temporary bound to a reference before a later co_await of the same
  // full-expression: the temporary itself lives in the frame until the
  // full-expression ends, exactly as long as C++ keeps it.
  std::string spillTemporary(const clang::MaterializeTemporaryExpr* e, std::vector<ir::Stmt>& out) {
    return materialize(e->getSubExpr(), e->getType(), e->isXValue(), e->getBeginLoc(), out);
  }

  // The temporary of type `type` initialized by the prvalue `init`, kept in
  // the frame; returns text naming it (an xvalue if `xvalue`).
  std::string materialize(const clang::Expr* init, clang::QualType type, bool xvalue, clang::SourceLocation loc,
                          std::vector<ir::Stmt>& out) {
    // The temporaries its initializer materializes live as long as it does.
    std::string value = linearize(init, out, true);
    if (conditionalDepth_ > 0) return engageBox(init, type, xvalue, value, out, /*now=*/true);
    unsigned line = lineOf(loc);
    std::string spelled = spellExprType(init, false);
    if (type.isConstQualified() && spelled.rfind("const ", 0) != 0) spelled = "const " + spelled;
    unsigned id = newObject(ObjectKind::Temporary, "tmp", "temporary", spelled, loc);
    setAlign(id, type);
    out.push_back(objectDeclare(id, line));
    emitConstruct(out, id, "(" + value + ")", line);
    constructed(id, scopes_.size() - 1);
    return xvalue ? "static_cast<" + spelled + "&&>(" + access(id) + ")" : access(id);
  }

  // Stores an evaluated operand in the frame; returns text that reads it.
  std::string spill(const clang::Expr* e, const std::string& value, std::vector<ir::Stmt>& out) {
    unsigned line = lineOf(e->getBeginLoc());
    // A type-dependent operand's value category is only known per
    // instantiation: let the C++ compiler choose pointer or value.
    if (e->isTypeDependent()) {
      std::string category = "decltype((" + declvalText(e) + "))";
      unsigned id = newObject(ObjectKind::Temporary, "spill", "operand", "bcsc::detail::spill_t<" + category + ">",
                              e->getBeginLoc());
      out.push_back(objectDeclare(id, line));
      emitConstruct(out, id, "(bcsc::detail::spill_value<" + category + ">(" + value + "))", line);
      constructed(id, scopes_.size() - 1);
      return "bcsc::detail::unspill<" + category + ">(" + fn_ir_.objects[id].name + ")";
    }
    if (e->getType()->isVoidType()) {
      out.push_back(makeStmt(StmtKind::Code, value + ";", line));
      position_++;
      return "void()";
    }
    if (e->refersToBitField())
      unsupported(e->getBeginLoc(), "a bit-field operand evaluated before a co_await is not supported");
    if (e->isPRValue()) {
      if (const clang::CXXRecordDecl* record = e->getType()->getAsCXXRecordDecl()) {
        if (record->isLambda()) unsupported(e->getBeginLoc(), "a lambda evaluated before a co_await in the same "
                                                              "expression is not supported; name it first");
        // C++ builds such a value directly in the callee's parameter; the
        // frame could only hand it over with an extra, observable move.
        if (!e->getType().isTriviallyCopyableType(context_))
          unsupported(e->getBeginLoc(), "an object passed by value and evaluated before a co_await in the same "
                                        "expression cannot be kept in the frame without an extra move; "
                                        "store it in a local variable before this statement");
      }
      std::string type = spellExprType(e, false);
      unsigned id = newObject(ObjectKind::Temporary, "tmp", "temporary", type, e->getBeginLoc());
      setAlign(id, e->getType());
      out.push_back(objectDeclare(id, line));
      emitConstruct(out, id, "(" + value + ")", line);
      constructed(id, scopes_.size() - 1);
      return "static_cast<" + type + "&&>(" + access(id) + ")";
    }
    std::string type = spellExprType(e, true);
    unsigned id = newObject(ObjectKind::Borrow, "ref", "reference", spellPointerToReferent(e), e->getBeginLoc());
    setAlign(id, e->getType());
    out.push_back(objectDeclare(id, line));
    emitConstruct(out, id, "(bcsc::detail::address_of(" + value + "))", line);
    constructed(id, scopes_.size() - 1);
    return e->isXValue() ? "static_cast<" + type + "&&>(" + access(id) + ")" : access(id);
  }

  // The type of an expression's value (prvalue) or referent (glvalue).
  std::string spellExprType(const clang::Expr* e, bool referent) {
    clang::QualType type = e->getType();
    if (types_.printable(type)) {
      std::string why;
      if (std::optional<std::string> printed = types_.print(type, &why)) return *printed;
      unsupported(e->getBeginLoc(), "a value of this expression lives across a co_await, but its type cannot "
                                    "be named in the frame: " + why);
    }
    std::string expr = declvalText(e);
    return referent ? "std::remove_reference_t<decltype((" + expr + "))>" : "decltype(" + expr + ")";
  }

  // Text of `e` usable in an unevaluated operand inside the frame struct:
  // locals become std::declval of their type (parameters are members).
  std::string declvalText(const clang::Expr* e) {
    std::vector<Substitution> overrides;
    std::function<void(const clang::Stmt*)> visit = [&](const clang::Stmt* s) {
      if (const auto* ref = dyn_cast<clang::DeclRefExpr>(s)) {
        if (const auto* var = dyn_cast<clang::VarDecl>(ref->getDecl());
            var && var->hasLocalStorage() && !isa<clang::ParmVarDecl>(var)) {
          std::string type;
          if (auto it = objectOfVar_.find(var); it != objectOfVar_.end()) {
            const ir::FrameObject& o = fn_ir_.objects[it->second];
            type = o.kind == ObjectKind::Reference ? o.type.substr(0, o.type.size() - 1) : o.type;
          }
          if (type.empty()) {
            if (!types_.printable(var->getType()))
              unsupported(ref->getLocation(), "cannot determine the type of this expression for the frame; give '" +
                                                  var->getNameAsString() + "' an explicit type");
            type = *types_.print(var->getType().getNonReferenceType());
          }
          overrides.push_back({tokenSpanOrFail(ref->getLocation(), "'" + var->getNameAsString() + "'"),
                               "std::declval<std::add_lvalue_reference_t<" + type + ">>()"});
        } else if (const auto* binding = dyn_cast<clang::BindingDecl>(ref->getDecl())) {
          // A structured binding names an lvalue of its declared type.
          clang::QualType bound = binding->getType();
          const auto* whole = dyn_cast_or_null<clang::DecompositionDecl>(binding->getDecomposedDecl());
          auto it = whole ? objectOfVar_.find(whole) : objectOfVar_.end();
          if ((bound.isNull() || bound->isDependentType()) && it != objectOfVar_.end()) {
            // In a template: through the frame object that holds the whole.
            unsigned index = 0, count = static_cast<unsigned>(whole->bindings().size());
            while (index < count && whole->bindings()[index] != binding) ++index;
            const ir::FrameObject& o = fn_ir_.objects[it->second];
            overrides.push_back({tokenSpanOrFail(ref->getLocation(), "'" + binding->getNameAsString() + "'"),
                                 bindingGet(index, count, "std::declval<std::add_lvalue_reference_t<" + o.type +
                                                              ">>()")});
            return;
          }
          if (bound.isNull() || !types_.printable(bound))
            unsupported(ref->getLocation(), "cannot determine the type of this expression for the frame; copy '" +
                                                binding->getNameAsString() + "' into a variable of explicit type");
          overrides.push_back({tokenSpanOrFail(ref->getLocation(), "'" + binding->getNameAsString() + "'"),
                               "std::declval<std::add_lvalue_reference_t<" +
                                   *types_.print(bound.getNonReferenceType()) + ">>()"});
        }
      }
      if (isAwait(s)) {
        const clang::Expr* operand = awaitOperand(llvm::cast<clang::Expr>(s));
        // A co_await is a prvalue (std::declval would be an xvalue: `c ?
        // co_await a : co_await b` would get a reference type).
        overrides.push_back({spanOrFail(s, "this co_await"),
                             "bcsc::detail::prvalue<bcsc::output_t<" + spellExprType(operand, false) + ">>()"});
        return;
      }
      for (const clang::Stmt* child : writtenChildren(s)) visit(child);
    };
    visit(e);
    FileSpan span = spanOrFail(e, "this expression");
    // Frame-variable accessors must not leak into unevaluated operands, but
    // the object pointer must.
    overrides.insert(overrides.end(), thisSubstitutions_.begin(), thisSubstitutions_.end());
    return text_.renderOnly(span, overrides);
  }

  // co_await E: construct the future in the frame (or borrow a named one),
  // suspend until it is ready, and make its value available.
  std::string buildAwait(const clang::Expr* e, std::vector<ir::Stmt>& out) {
    unsigned line = lineOf(e->getBeginLoc());
    const clang::Expr* operand = awaitOperand(e);
    ir::SuspendPoint point;
    point.loc = e->getBeginLoc();
    point.line = line;
    if (auto span = text_.spanOf(e->getSourceRange())) point.text = text_.original(*span).str();

    std::string futureType;
    if (operand->isGLValue()) {
      // Await a named future in place: no copy, no move (rust-lang/rust#59087).
      std::string target = linearize(operand, out, true);
      futureType = spellExprType(operand, true);
      if (const auto* ref = dyn_cast<clang::DeclRefExpr>(operand->IgnoreParens());
          ref && (isa<clang::ParmVarDecl>(ref->getDecl()) || target.rfind("(*", 0) == 0)) {
        point.futureIsBorrowed = true;
        point.futureAccess = target;
      } else {
        unsigned id = newObject(ObjectKind::Borrow, "awaited", "the awaited future", spellPointerToReferent(operand),
                                e->getBeginLoc());
        out.push_back(objectDeclare(id, line));
        emitConstruct(out, id, "(bcsc::detail::address_of(" + target + "))", line);
        constructed(id, scopes_.size() - 1);
        point.future = id;
        point.futureAccess = access(id);
      }
    } else {
      futureType = spellExprType(operand, false);
      // `co_await f(std::string("x"))`: the temporary lives across the
      // suspension, in the frame.
      std::string value = linearize(operand, out, true);
      unsigned id = newObject(ObjectKind::Future, "future", "`" + point.text + "`", futureType,
                              e->getBeginLoc());
      setAlign(id, operand->getType());
      out.push_back(objectDeclare(id, line));
      emitConstruct(out, id, "(" + value + ")", line);
      constructed(id, scopes_.size() - 1);
      point.future = id;
      point.futureAccess = access(id);
    }
    point.alive = aliveObjects();
    // Numbered only now: the operand may contain co_awaits of its own.
    point.state = static_cast<unsigned>(fn_ir_.suspends.size()) + 1;

    ir::Stmt suspend = makeStmt(StmtKind::Suspend, {}, line);
    suspend.index = point.state;
    unsigned suspendPosition = position_++;
    // The future dies as soon as it completes; its value takes over.
    if (!point.futureIsBorrowed) {
      fn_ir_.objects[point.future].lifetimeEnd = suspendPosition;
      auto& list = scopes_.back().constructed;
      list.erase(std::remove(list.begin(), list.end(), point.future), list.end());
    }
    std::string residual = "void()";
    if (!e->getType()->isVoidType()) {
      unsigned id = newObject(ObjectKind::Result, "result", "value of `" + point.text + "`",
                              "bcsc::output_t<" + futureType + ">", e->getBeginLoc());
      constructed(id, scopes_.size() - 1);
      point.result = static_cast<int>(id);
      residual = "bcsc::detail::take(" + fn_ir_.objects[id].name + ")";
    }
    fn_ir_.suspends.push_back(point);
    out.push_back(std::move(suspend));
    return residual;
  }

  // a && b / a || b with a co_await in b: b runs only if needed.
  std::string buildShortCircuit(const clang::BinaryOperator* e, std::vector<ir::Stmt>& out, bool keep) {
    unsigned line = lineOf(e->getBeginLoc());
    if (!containsAwait(e->getRHS())) {
      FileSpan span = spanOrFail(e, "this expression");
      std::vector<Substitution> overrides;
      overrides.push_back({spanOrFail(e->getLHS(), "this operand"), linearize(e->getLHS(), out, keep)});
      if (keep && containsTemporary(e->getRHS()))
        overrides.push_back({spanOrFail(e->getRHS(), "this operand"), renderBoxed(e->getRHS(), out)});
      return text_.render(span, overrides);
    }
    unsigned id = newObject(ObjectKind::Temporary, "logic", "the value of `&&`/`||`", "bool", e->getBeginLoc());
    out.push_back(objectDeclare(id, line));
    std::string lhs = linearize(e->getLHS(), out, true);
    emitConstruct(out, id, "(static_cast<bool>(" + lhs + "))", line);
    constructed(id, scopes_.size() - 1);
    bool isAnd = e->getOpcode() == clang::BO_LAnd;
    ir::Stmt branch = makeStmt(StmtKind::If, isAnd ? access(id) : "!" + access(id), line);
    ir::Stmt rhsBlock = conditionalOperand(e->getRHS(), access(id) + " = static_cast<bool>(", ");", out, position_);
    branch.children.push_back(std::move(rhsBlock));
    out.push_back(std::move(branch));
    position_++;
    return access(id);
  }

  // c ? a : b with a co_await in a branch: the chosen branch's value (or
  // address) is stored in the frame.
  std::string buildConditional(const clang::ConditionalOperator* e, std::vector<ir::Stmt>& out, bool keep) {
    unsigned line = lineOf(e->getBeginLoc());
    if (!containsAwait(e->getTrueExpr()) && !containsAwait(e->getFalseExpr()))
      return keepConditional(e, out, keep);
    std::string cond = linearize(e->getCond(), out, true);
    bool glvalue = e->isGLValue();
    if (e->getType()->isVoidType()) {
      ir::Stmt branch = makeStmt(StmtKind::If, cond, line);
      unsigned armsBegin = position_;
      branch.children.push_back(conditionalOperand(e->getTrueExpr(), "", ";", out, armsBegin));
      branch.elseChildren.push_back(conditionalOperand(e->getFalseExpr(), "", ";", out, armsBegin));
      out.push_back(std::move(branch));
      position_++;
      return "void()";
    }
    std::string type = spellExprType(e, glvalue);
    ObjectKind kind = glvalue ? ObjectKind::Borrow : ObjectKind::Temporary;
    unsigned id = newObject(kind, "choice", "the value of `?:`", glvalue ? spellPointerToReferent(e) : type,
                            e->getBeginLoc());
    out.push_back(objectDeclare(id, line));
    std::string before = glvalue ? "::new (" + fn_ir_.objects[id].name + ".addr()) bcsc::detail::type_identity_t<" +
                                       fn_ir_.objects[id].type + ">(bcsc::detail::address_of("
                                 : "::new (" + fn_ir_.objects[id].name + ".addr()) " + type + "(";
    std::string after = glvalue ? "));" : ");";
    ir::Stmt branch = makeStmt(StmtKind::If, cond, line);
    unsigned armsBegin = position_;
    branch.children.push_back(conditionalOperand(e->getTrueExpr(), before, after, out, armsBegin));
    branch.elseChildren.push_back(conditionalOperand(e->getFalseExpr(), before, after, out, armsBegin));
    out.push_back(std::move(branch));
    position_++;
    constructed(id, scopes_.size() - 1);
    if (glvalue) return e->isXValue() ? "static_cast<" + type + "&&>(" + access(id) + ")" : access(id);
    return "static_cast<" + type + "&&>(" + access(id) + ")";
  }

  // c ? a : b whose operands contain no co_await (the condition may): the
  // condition's steps run first, then the whole expression is evaluated
  // at once. With `keep`, the temporaries of the operand that runs must
  // outlive this evaluation: each lives in a frame box that is destroyed at
  // the end of the full-expression only if it was constructed (C++'s
  // conditional cleanup).
  std::string keepConditional(const clang::ConditionalOperator* e, std::vector<ir::Stmt>& out, bool keep) {
    FileSpan span = spanOrFail(e, "this expression");
    std::vector<Substitution> overrides;
    overrides.push_back({spanOrFail(e->getCond(), "this operand"), linearize(e->getCond(), out, keep)});
    if (keep)
      for (const clang::Expr* arm : {e->getTrueExpr(), e->getFalseExpr()})
        if (containsTemporary(arm)) overrides.push_back({spanOrFail(arm, "this operand"), renderBoxed(arm, out)});
    return text_.render(span, overrides);
  }

  // Text of the await-free, conditionally evaluated `e` in which every
  // temporary is constructed in a box of its own (boxes are constructed
  // empty now, innermost temporaries first, so that they die in reverse
  // order of construction like the temporaries).
  std::string renderBoxed(const clang::Expr* e, std::vector<ir::Stmt>& out) {
    std::vector<Substitution> overrides;
    std::function<void(const clang::Stmt*)> visit = [&](const clang::Stmt* s) {
      if (!s || isa<clang::LambdaExpr>(s)) return;
      if (const auto* m = dyn_cast<clang::MaterializeTemporaryExpr>(s)) {
        overrides.push_back({spanOrFail(m, "this temporary"), boxTemporary(m, out)});
        return;
      }
      for (const clang::Stmt* child : writtenChildren(s)) {
        const auto* arg = dyn_cast_or_null<clang::Expr>(child);
        if (arg && isPendingTemporaryArg(llvm::cast<clang::Expr>(s), arg)) {
          const auto* call = llvm::cast<clang::CallExpr>(s);
          unsigned index = static_cast<unsigned>(std::find(call->arg_begin(), call->arg_end(), arg) - call->arg_begin());
          if (!bindsByReferenceOnly(call, index))
            unsupported(arg->getBeginLoc(), "this temporary, passed to a call resolved only at template "
                                            "instantiation in a conditionally evaluated operand, cannot be kept "
                                            "until the end of the full-expression; store it in a variable first");
          overrides.push_back(
              {spanOrFail(arg, "this temporary"), engageBox(arg, arg->getType(), true, renderBoxed(arg, out), out)});
          continue;
        }
        visit(child);
      }
    };
    if (const auto* m = dyn_cast<clang::MaterializeTemporaryExpr>(e)) return boxTemporary(m, out);
    for (const clang::Stmt* child : writtenChildren(e)) visit(child);
    return text_.render(spanOrFail(e, "this expression"), overrides);
  }

  std::string boxTemporary(const clang::MaterializeTemporaryExpr* e, std::vector<ir::Stmt>& out) {
    return engageBox(e->getSubExpr(), e->getType(), e->isXValue(), renderBoxed(e->getSubExpr(), out), out);
  }

  // A box for the temporary `e`, whose initializer `value` was rendered
  // (after the boxes of the temporaries inside it). Inside an operand that
  // contains co_await, the box belongs to the enclosing full-expression and
  // is constructed before its outermost ?:, && or || runs.
  // With `now`, the temporary is constructed by a statement of its own in
  // `out` (steps run in order: a later co_await of the operand comes after
  // it) and the text names it; otherwise the text constructs it.
  std::string engageBox(const clang::Expr* init, clang::QualType matType, bool xvalue, const std::string& value,
                        std::vector<ir::Stmt>& out, bool now = false) {
    unsigned line = lineOf(init->getBeginLoc());
    std::string type = spellExprType(init, false);
    if (matType.isConstQualified() && type.rfind("const ", 0) != 0) type = "const " + type;
    unsigned id = newObject(ObjectKind::Temporary, "ctmp", "conditional temporary",
                            "bcsc::detail::conditional_temporary<" + type + ">", init->getBeginLoc());
    setAlign(id, matType);
    std::vector<ir::Stmt>& target = conditionalDepth_ > 0 ? *boxOut_ : out;
    if (conditionalDepth_ > 0) fn_ir_.objects[id].lifetimeBegin = boxBegin_;
    target.push_back(objectDeclare(id, line));
    emitConstruct(target, id, "()", line);
    constructed(id, conditionalDepth_ > 0 ? boxScope_ : scopes_.size() - 1);
    std::string box = access(id);
    std::string engaged = box + ".engage(::new (" + box + ".addr()) bcsc::detail::type_identity_t<" + type + ">(" +
                          value + "))";
    if (now) {
      out.push_back(makeStmt(StmtKind::Code, engaged + ";", line));
      position_++;
      engaged = box + ".object()";
    }
    return xvalue ? "static_cast<" + type + "&&>(" + engaged + ")" : engaged;
  }

  // One conditionally evaluated operand, in a block of its own. Its
  // temporaries live to the end of the enclosing full-expression: each is
  // constructed in a box of that full-expression (see engageBox), which the
  // caller's `out` constructs empty before the branch; `armsBegin` is the
  // position before the first operand of the outermost ?:, && or ||.
  ir::Stmt conditionalOperand(const clang::Expr* e, const std::string& before, const std::string& after,
                              std::vector<ir::Stmt>& out, unsigned armsBegin) {
    unsigned line = lineOf(e->getBeginLoc());
    ir::Stmt block = makeStmt(StmtKind::Block, {}, line);
    std::vector<ir::Stmt>* savedOut = boxOut_;
    size_t savedScope = boxScope_;
    unsigned savedBegin = boxBegin_;
    if (conditionalDepth_ == 0) {
      boxOut_ = &out;
      boxScope_ = scopes_.size() - 1;
      boxBegin_ = armsBegin;
    }
    beginFullExpr();
    // Every temporary is kept (in a box), none dies at the end of the
    // operand's statement.
    conditionalDepth_++;
    std::string value = linearize(e, block.children, true);
    conditionalDepth_--;
    boxOut_ = savedOut;
    boxScope_ = savedScope;
    boxBegin_ = savedBegin;
    for (unsigned id : scopes_.back().constructed) {
      const ir::FrameObject& o = fn_ir_.objects[id];
      if (o.kind == ObjectKind::Temporary || o.kind == ObjectKind::Result)
        if (auto type = e->getType(); type->getAsCXXRecordDecl() && !type.isTriviallyCopyableType(context_))
          unsupported(e->getBeginLoc(), "a conditionally evaluated operand that contains co_await must not create "
                                        "temporaries with destructors; store its value in a variable first");
    }
    block.children.push_back(makeStmt(StmtKind::Code, before + value + after, line));
    position_++;
    endFullExpr(block.children, line);
    return block;
  }

  BuildOptions options_;
  const clang::FunctionDecl* fn_;
  clang::ASTContext& context_;
  const clang::SourceManager& sm_;
  reports::Reporter& reporter_;
  SourceText text_;
  TypeSpeller types_;
  ir::AsyncFunction fn_ir_;
  SuspendPoints suspends_;
  llvm::DenseMap<const clang::VarDecl*, unsigned> objectOfVar_;  // frame variable -> its object
  std::vector<std::pair<FileSpan, const clang::ValueDecl*>> pendingRefs_;
  std::vector<Substitution> thisSubstitutions_;
  std::vector<Scope> scopes_;
  unsigned position_ = 1;
  unsigned loopCounter_ = 0;
  unsigned switchCounter_ = 0;
  // Inside conditionalOperand: where the boxes of its temporaries go.
  unsigned conditionalDepth_ = 0;
  std::vector<ir::Stmt>* boxOut_ = nullptr;
  size_t boxScope_ = 0;
  unsigned boxBegin_ = 0;
};

}  // namespace

std::optional<ir::AsyncFunction> buildIR(const clang::FunctionDecl* fn, clang::ASTContext& context,
                                         reports::Reporter& reporter, const BuildOptions& options) {
  return IRBuilder(fn, context, reporter, options).build();
}

// ---- the call graph between async functions ------------------------------

namespace {

struct AsyncCall {
  const clang::FunctionDecl* callee;
  clang::SourceLocation loc;
};

std::vector<AsyncCall> asyncCallsIn(const clang::FunctionDecl* fn) {
  std::vector<AsyncCall> calls;
  std::function<void(const clang::Stmt*)> visit = [&](const clang::Stmt* s) {
    if (!s) return;
    if (const auto* ref = dyn_cast<clang::DeclRefExpr>(s))
      if (const auto* callee = dyn_cast<clang::FunctionDecl>(ref->getDecl()))
        if (frontend::isAsync(callee)) calls.push_back({callee, ref->getLocation()});
    if (const auto* lookup = dyn_cast<clang::UnresolvedLookupExpr>(s))
      for (const clang::NamedDecl* d : lookup->decls()) {
        const clang::FunctionDecl* callee = d->getAsFunction();
        if (callee && frontend::isAsync(callee)) calls.push_back({callee, lookup->getNameLoc()});
      }
    for (const clang::Stmt* child : writtenChildren(s)) visit(child);
  };
  visit(userBody(fn));
  return calls;
}

const clang::FunctionDecl* canonical(const clang::FunctionDecl* fn) {
  if (const clang::FunctionDecl* pattern = fn->getTemplateInstantiationPattern()) fn = pattern;
  return fn->getCanonicalDecl();
}

}  // namespace

bool checkCallGraph(const std::vector<const clang::FunctionDecl*>& asyncFunctions, clang::ASTContext& context,
                    reports::Reporter& reporter) {
  const clang::SourceManager& sm = context.getSourceManager();
  std::map<const clang::FunctionDecl*, std::vector<AsyncCall>> graph;
  for (const clang::FunctionDecl* fn : asyncFunctions)
    if (fn->doesThisDeclarationHaveABody()) graph[canonical(fn)] = asyncCallsIn(fn);

  bool ok = true;
  std::set<unsigned> reported;  // one diagnostic per call site
  // Recursion: a cycle through awaits means a frame that contains itself.
  for (const auto& [fn, calls] : graph) {
    for (const AsyncCall& call : calls) {
      std::vector<const clang::FunctionDecl*> path{canonical(call.callee)};
      std::set<const clang::FunctionDecl*> seen;
      bool cycle = false;
      while (!path.empty() && !cycle) {
        const clang::FunctionDecl* next = path.back();
        path.pop_back();
        if (next == fn) cycle = true;
        if (!seen.insert(next).second) continue;
        auto it = graph.find(next);
        if (it != graph.end())
          for (const AsyncCall& c : it->second) path.push_back(canonical(c.callee));
      }
      if (cycle && reported.insert(call.loc.getRawEncoding()).second) {
        reporter.error(call.loc, "recursion in an async function: '" + call.callee->getNameAsString() +
                                     "' would contain its own frame, which would be infinitely large");
        reporter.note(call.loc, "bcsc frames have a size known at compile time (like rustc's E0733); give the "
                                "recursive call explicit storage, e.g. an executor slot, instead of awaiting it");
        ok = false;
      }
    }
  }
  // A caller's frame embeds its callees' frames: they must be defined first.
  for (const auto& [fn, calls] : graph)
    for (const AsyncCall& call : calls) {
      const clang::FunctionDecl* def = call.callee->getDefinition();
      if (const clang::FunctionDecl* pattern = call.callee->getTemplateInstantiationPattern()) def = pattern;
      if (def && canonical(def) != fn && sm.isBeforeInTranslationUnit(fn->getDefinition()->getLocation(),
                                                                          def->getLocation())) {
        reporter.error(call.loc, "'" + call.callee->getNameAsString() +
                                     "' is used before its definition; its frame must be complete here, so "
                                     "define it before '" + fn->getNameAsString() + "'");
        ok = false;
      }
    }
  return ok;
}

}  // namespace bcsc::analysis
