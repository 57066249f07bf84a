#include "analysis/hygiene.h"

#include "analysis/ir.h"
#include "analysis/type_spelling.h"

#include "clang/AST/DeclCXX.h"
#include "clang/AST/DeclTemplate.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/AST/TypeLoc.h"
#include "clang/Lex/MacroInfo.h"
#include "llvm/Support/raw_ostream.h"

#include <set>

namespace bcsc::analysis {
namespace {

using clang::dyn_cast;

bool isInterfaceName(llvm::StringRef name) {
  for (const char* member : ir::frameInterfaceNames)
    if (name == member) return true;
  return false;
}

bool isReserved(llvm::StringRef name) { return name.starts_with(ir::reservedPrefix); }

std::string reservedNameError(llvm::StringRef name) {
  return "'" + name.str() + "' begins with '" + ir::reservedPrefix +
         "', which is reserved for the names bcsc generates; rename it";
}

// Declared in the function (its parameters, its body's locals, lambdas):
// such a name is declared in poll() too, where it hides the frame's members
// just as it hides everything else in the C++20 build.
bool isWithin(const clang::Decl* decl, const clang::FunctionDecl* fn) {
  const clang::DeclContext* function = fn;
  for (const clang::DeclContext* dc = decl->getDeclContext(); dc; dc = dc->getParent())
    if (dc == function) return true;
  return false;
}

// The declaration a type written by name refers to.
const clang::NamedDecl* declOfType(const clang::Type* type) {
  if (const auto* t = dyn_cast<clang::TypedefType>(type)) return t->getDecl();
  if (const auto* t = dyn_cast<clang::UsingType>(type)) return t->getFoundDecl()->getTargetDecl();
  if (const auto* t = dyn_cast<clang::TagType>(type)) return t->getDecl();
  if (const auto* t = dyn_cast<clang::TemplateSpecializationType>(type))
    return t->getTemplateName().getAsTemplateDecl();
  return nullptr;
}

class NameGuard : public clang::RecursiveASTVisitor<NameGuard> {
  using Base = clang::RecursiveASTVisitor<NameGuard>;

 public:
  NameGuard(const clang::FunctionDecl* fn, clang::ASTContext& context, SourceText& text, reports::Reporter& reporter,
            const std::function<bool(const clang::VarDecl*)>& inFrame)
      : fn_(fn), context_(context), text_(text), reporter_(reporter), inFrame_(inFrame), types_(context) {}

  bool ok = true;

  bool VisitNamedDecl(clang::NamedDecl* decl) {
    if (const clang::IdentifierInfo* id = decl->getIdentifier(); id && isReserved(id->getName()))
      refuse(decl->getLocation(), reservedNameError(id->getName()));
    return true;
  }

  bool VisitDeclRefExpr(clang::DeclRefExpr* e) {
    checkUse(e->getDecl(), e->getLocation(), e->hasQualifier());
    return true;
  }

  bool VisitUnresolvedLookupExpr(clang::UnresolvedLookupExpr* e) {
    if (!e->getName().isIdentifier()) return true;
    llvm::StringRef name = e->getName().getAsIdentifierInfo()->getName();
    if (isReserved(name)) refuseReservedUse(e->getNameLoc(), name);
    if (e->getQualifier() || !isInterfaceName(name)) return true;
    const clang::DeclContext* scope = nullptr;
    for (const clang::NamedDecl* found : e->decls()) {
      if (isWithin(found, fn_)) return true;  // a block-scope using-declaration keeps ADL and hides the member
      const clang::DeclContext* dc = found->getUnderlyingDecl()->getDeclContext()->getRedeclContext();
      if (scope && scope != dc) scope = nullptr;
      else scope = dc;
    }
    if (e->requiresADL() || !scope || e->decls().empty()) {
      refuse(e->getNameLoc(), "in the lowered frame the unqualified name '" + name.str() +
                                  "' would find the frame's own member '" + name.str() +
                                  "', which also turns off argument-dependent lookup; write 'using ::" +
                                  name.str() + ";' before this use (a block-scope using-declaration keeps "
                                               "argument-dependent lookup), or qualify the name");
      return true;
    }
    qualify(*e->decls().begin(), e->getNameLoc());
    return true;
  }

  bool VisitMemberExpr(clang::MemberExpr* e) {
    // An implicit member access becomes bcsc_self->member; a member with a
    // reserved name would be the frame's.
    if (const auto* self = dyn_cast<clang::CXXThisExpr>(e->getBase()->IgnoreImpCasts()); self && self->isImplicit())
      if (const clang::IdentifierInfo* id = e->getMemberDecl()->getIdentifier(); id && isReserved(id->getName()))
        refuseReservedUse(e->getMemberLoc(), id->getName());
    return true;
  }

  bool VisitElaboratedTypeLoc(clang::ElaboratedTypeLoc type) {
    if (type.getQualifierLoc()) return true;
    clang::TypeLoc named = type.getNamedTypeLoc();
    const clang::NamedDecl* decl = declOfType(named.getTypePtr());
    if (!decl) return true;
    clang::SourceLocation at = named.getBeginLoc();
    if (auto spec = named.getAs<clang::TemplateSpecializationTypeLoc>()) at = spec.getTemplateNameLoc();
    else if (auto tag = named.getAs<clang::TagTypeLoc>()) at = tag.getNameLoc();
    checkUse(decl, at, /*qualified=*/false);
    return true;
  }

  bool VisitDecltypeTypeLoc(clang::DecltypeTypeLoc type) {
    const auto* ref = dyn_cast<clang::DeclRefExpr>(type.getTypePtr()->getUnderlyingExpr());
    const auto* var = ref ? dyn_cast<clang::VarDecl>(ref->getDecl()) : nullptr;
    if (!var || !inFrame_(var)) return true;
    std::optional<FileSpan> span = text_.spanOf(type.getSourceRange());
    std::string why;
    std::optional<std::string> spelled = types_.print(var->getType(), &why);
    if (!span)
      refuse(type.getBeginLoc(), "decltype(" + var->getNameAsString() + ") of a variable that lives in the "
                                 "async frame is written inside a macro body; write it without the macro");
    else if (!spelled)
      refuse(type.getBeginLoc(), "decltype(" + var->getNameAsString() + ") cannot be named in the frame: " + why);
    else if (qualified_.insert(span->begin).second)
      text_.substitute(*span, *spelled);
    return true;
  }

  // The outermost part of a written qualifier (`frame_size::` in
  // `frame_size::k`) is itself looked up unqualified.
  bool TraverseNestedNameSpecifierLoc(clang::NestedNameSpecifierLoc qualifier) {
    if (qualifier) {
      clang::NestedNameSpecifierLoc outer = qualifier;
      while (outer.getPrefix()) outer = outer.getPrefix();
      const clang::NestedNameSpecifier* spec = outer.getNestedNameSpecifier();
      const clang::NamedDecl* decl = nullptr;
      switch (spec->getKind()) {
        case clang::NestedNameSpecifier::Namespace: decl = spec->getAsNamespace(); break;
        case clang::NestedNameSpecifier::NamespaceAlias: decl = spec->getAsNamespaceAlias(); break;
        case clang::NestedNameSpecifier::TypeSpec:
        case clang::NestedNameSpecifier::TypeSpecWithTemplate: decl = declOfType(spec->getAsType()); break;
        default: break;
      }
      if (decl) checkUse(decl, outer.getLocalBeginLoc(), /*qualified=*/false);
    }
    return Base::TraverseNestedNameSpecifierLoc(qualifier);
  }

 private:
  void checkUse(const clang::NamedDecl* decl, clang::SourceLocation at, bool qualified) {
    const clang::IdentifierInfo* id = decl->getIdentifier();
    if (!id) return;
    if (isReserved(id->getName()) && !isWithin(decl, fn_)) refuseReservedUse(at, id->getName());
    if (qualified || !isInterfaceName(id->getName()) || isWithin(decl, fn_)) return;
    qualify(decl, at);
  }

  void qualify(const clang::NamedDecl* decl, clang::SourceLocation at) {
    std::string name = decl->getNameAsString();
    std::optional<std::string> spelling = qualifiedSpelling(decl->getUnderlyingDecl());
    if (!spelling) {
      refuse(at, "in the lowered frame the unqualified name '" + name + "' would find the frame's own member '" +
                     name + "', and bcsc finds no qualified name for what it means here; rename it");
      return;
    }
    std::optional<FileSpan> span = text_.tokenSpan(at);
    if (!span) {
      refuse(at, "'" + name + "' is written inside a macro body, where bcsc cannot qualify it; in the lowered "
                 "frame it would find the frame's own member '" + name + "': write '" + *spelling +
                 "' in the macro, or pass the name to the macro as an argument");
      return;
    }
    if (qualified_.insert(span->begin).second) text_.substitute(*span, *spelling);
  }

  // A qualified name of `decl` that means `decl` inside the frame.
  std::optional<std::string> qualifiedSpelling(const clang::NamedDecl* decl) const {
    const clang::DeclContext* dc = decl->getDeclContext();
    if (const auto* e = dyn_cast<clang::EnumDecl>(dc); e && !e->isScoped()) dc = e->getDeclContext();
    dc = dc->getRedeclContext();
    if (dc->isFileContext()) {
      if (decl->getFriendObjectKind() != clang::Decl::FOK_None) return std::nullopt;  // a hidden friend
      clang::PrintingPolicy policy(context_.getLangOpts());
      policy.SuppressUnwrittenScope = true;
      std::string out;
      llvm::raw_string_ostream os(out);
      decl->printQualifiedName(os, policy);
      return "::" + out;
    }
    // A member of the async member function's class or of one of its
    // bases: the frame is nested in that class, so its plain name (the
    // injected-class-name, also for a class template) names it.
    const auto* method = dyn_cast<clang::CXXMethodDecl>(fn_);
    const auto* record = dyn_cast<clang::CXXRecordDecl>(dc);
    if (!method || !record) return std::nullopt;
    const clang::CXXRecordDecl* parent = method->getParent();
    if (record != parent && !(parent->hasDefinition() && !parent->isDependentContext() && parent->isDerivedFrom(record)))
      return std::nullopt;
    return parent->getNameAsString() + "::" + decl->getNameAsString();
  }

  void refuseReservedUse(clang::SourceLocation at, llvm::StringRef name) { refuse(at, reservedNameError(name)); }

  // A lambda's body is reachable from the lambda and from its closure
  // class: one error per place.
  void refuse(clang::SourceLocation at, const std::string& message) {
    if (refused_.insert(at.getRawEncoding()).second) reporter_.error(at, message);
    ok = false;
  }

  const clang::FunctionDecl* fn_;
  clang::ASTContext& context_;
  SourceText& text_;
  reports::Reporter& reporter_;
  const std::function<bool(const clang::VarDecl*)>& inFrame_;
  TypeSpeller types_;
  std::set<clang::SourceLocation::UIntTy> refused_;
  std::set<unsigned> qualified_;  // spans already rewritten
};

// The frame stores the parameters as members beside its own, and the
// template parameters name its types: neither may take a frame name.
bool checkSignatureNames(const clang::FunctionDecl* fn, reports::Reporter& reporter) {
  bool ok = true;
  auto check = [&](const clang::NamedDecl* decl, const char* what) {
    const clang::IdentifierInfo* id = decl->getIdentifier();
    if (!id) return;
    llvm::StringRef name = id->getName();
    if (isReserved(name)) {
      reporter.error(decl->getLocation(), reservedNameError(name));
      ok = false;
    } else if (isInterfaceName(name)) {
      reporter.error(decl->getLocation(), std::string("an async function's ") + what + " cannot be named '" +
                                              name.str() + "': the frame declares its own '" + name.str() +
                                              "' beside it; rename it");
      ok = false;
    }
  };
  for (const clang::ParmVarDecl* param : fn->parameters()) check(param, "parameter");
  if (const clang::FunctionTemplateDecl* tmpl = fn->getDescribedFunctionTemplate())
    for (const clang::NamedDecl* param : *tmpl->getTemplateParameters()) check(param, "template parameter");
  if (const auto* method = dyn_cast<clang::CXXMethodDecl>(fn))
    if (const clang::ClassTemplateDecl* tmpl = method->getParent()->getDescribedClassTemplate())
      for (const clang::NamedDecl* param : *tmpl->getTemplateParameters())
        check(param, "class's template parameter");
  return ok;
}

bool isIdentifierChar(char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; }

}  // namespace

bool protectNames(const clang::FunctionDecl* fn, const clang::Stmt* body, clang::ASTContext& context,
                  SourceText& text, reports::Reporter& reporter,
                  const std::function<bool(const clang::VarDecl*)>& inFrame) {
  bool ok = checkSignatureNames(fn, reporter);
  NameGuard guard(fn, context, text, reporter, inFrame);
  guard.TraverseStmt(const_cast<clang::Stmt*>(body));
  return ok && guard.ok;
}

bool checkReservedMacros(const clang::Preprocessor& pp, reports::Reporter& reporter) {
  bool ok = true;
  for (const auto& [id, state] : pp.macros()) {
    if (!isReserved(id->getName())) continue;
    for (const clang::MacroDirective* md = pp.getLocalMacroDirectiveHistory(id); md; md = md->getPrevious())
      if (const auto* def = dyn_cast<clang::DefMacroDirective>(md)) {
        reporter.error(def->getLocation(), "macro " + reservedNameError(id->getName()));
        ok = false;
      }
  }
  return ok;
}

bool nameTaken(const clang::ASTContext& context, llvm::StringRef name) {
  return context.Idents.find(name) != context.Idents.end();
}

std::string freshName(const clang::ASTContext& context, std::string name) {
  while (nameTaken(context, name)) name += '_';
  return name;
}

bool mentionsFrameInterfaceName(llvm::StringRef spelling) {
  for (size_t i = 0; i < spelling.size();) {
    if (!isIdentifierChar(spelling[i]) || std::isdigit(static_cast<unsigned char>(spelling[i]))) {
      ++i;
      continue;
    }
    size_t end = i;
    while (end < spelling.size() && isIdentifierChar(spelling[end])) ++end;
    llvm::StringRef before = spelling.substr(0, i).rtrim();
    bool qualified = before.ends_with("::") || before.ends_with(".") || before.ends_with("->");
    if (!qualified && isInterfaceName(spelling.slice(i, end))) return true;
    i = end;
  }
  return false;
}

}  // namespace bcsc::analysis
