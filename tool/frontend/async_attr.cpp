// Teaches clang the [[bcsc::async]] attribute. Without this, clang drops
// unknown attributes from the AST; with it, the attribute survives as an
// annotation that the rest of the pipeline looks for.
#include "frontend/async_functions.h"

#include "clang/AST/Attr.h"
#include "clang/Basic/ParsedAttrInfo.h"
#include "clang/Sema/ParsedAttr.h"
#include "clang/Sema/Sema.h"

namespace {

class AsyncAttrInfo : public clang::ParsedAttrInfo {
 public:
  AsyncAttrInfo() {
    static constexpr Spelling spellings[] = {{clang::ParsedAttr::AS_CXX11, "bcsc::async"}};
    Spellings = spellings;
  }

  bool diagAppertainsToDecl(clang::Sema& sema, const clang::ParsedAttr& attr,
                            const clang::Decl* decl) const override {
    if (llvm::isa<clang::FunctionDecl>(decl) || llvm::isa<clang::FunctionTemplateDecl>(decl)) return true;
    sema.Diag(attr.getLoc(), clang::diag::warn_attribute_wrong_decl_type_str)
        << attr << attr.isRegularKeywordAttribute() << "functions";
    return false;
  }

  AttrHandling handleDeclAttribute(clang::Sema& sema, clang::Decl* decl,
                                   const clang::ParsedAttr& attr) const override {
    decl->addAttr(clang::AnnotateAttr::Create(sema.Context, bcsc::frontend::kAsyncAnnotation, nullptr, 0,
                                              attr.getRange()));
    return AttributeApplied;
  }
};

}  // namespace

static clang::ParsedAttrInfoRegistry::Add<AsyncAttrInfo> registerAsyncAttr("bcsc-async",
                                                                           "[[bcsc::async]] functions");

namespace bcsc::frontend {
// Referenced from the pipeline so the linker keeps this file's registration.
void linkAsyncAttribute() {}
}  // namespace bcsc::frontend
