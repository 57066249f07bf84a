#include "frontend/async_functions.h"

#include "clang/AST/Attr.h"
#include "clang/AST/RecursiveASTVisitor.h"

namespace bcsc::frontend {

bool isAsync(const clang::FunctionDecl* fn) {
  for (const auto* attr : fn->specific_attrs<clang::AnnotateAttr>())
    if (attr->getAnnotation() == kAsyncAnnotation) return true;
  if (const clang::FunctionTemplateDecl* tmpl = fn->getPrimaryTemplate())
    return isAsync(tmpl->getTemplatedDecl());
  return false;
}

namespace {
class Finder : public clang::RecursiveASTVisitor<Finder> {
 public:
  bool shouldVisitTemplateInstantiations() const { return false; }
  bool VisitFunctionDecl(clang::FunctionDecl* fn) {
    if (fn->isTemplateInstantiation()) return true;
    for (const auto* attr : fn->specific_attrs<clang::AnnotateAttr>())
      if (attr->getAnnotation() == kAsyncAnnotation) {
        found.push_back(fn);
        break;
      }
    return true;
  }
  std::vector<const clang::FunctionDecl*> found;
};
}  // namespace

std::vector<const clang::FunctionDecl*> findAsyncFunctions(clang::ASTContext& context) {
  Finder finder;
  finder.TraverseDecl(context.getTranslationUnitDecl());
  return std::move(finder.found);
}

}  // namespace bcsc::frontend
