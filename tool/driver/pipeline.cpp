#include "driver/pipeline.h"

#include "analysis/build_ir.h"
#include "analysis/hygiene.h"
#include "analysis/type_spelling.h"
#include "checks/checks.h"
#include "codegen/emit_frame.h"
#include "codegen/output_file.h"
#include "frontend/async_functions.h"
#include "reports/diagnostics.h"

#include "clang/AST/ASTConsumer.h"
#include "clang/AST/Attr.h"
#include "clang/AST/DeclTemplate.h"
#include "clang/AST/Mangle.h"
#include "clang/AST/TypeLoc.h"
#include "clang/Basic/Stack.h"
#include "clang/Frontend/CompilerInstance.h"
#include "clang/Frontend/FrontendAction.h"
#include "clang/Frontend/Utils.h"
#include "clang/Lex/Lexer.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Format.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/raw_ostream.h"
#include "llvm/Support/thread.h"
#include "llvm/Support/xxhash.h"

#include <algorithm>
#include <condition_variable>
#include <map>
#include <mutex>

namespace bcsc::driver {

namespace {

// The byte range a declaration of an async function occupies, including its
// template header and the attributes written in front of it, and the text
// of those attributes other than [[bcsc::async]]: the generated
// declaration keeps them ([[nodiscard]], [[deprecated]], a section).
struct DeclarationSpan {
  unsigned begin = 0;
  unsigned end = 0;
  std::string attributes;
};

bool isAsyncAttr(const clang::Attr* attr) {
  const auto* annotate = llvm::dyn_cast<clang::AnnotateAttr>(attr);
  return annotate && annotate->getAnnotation() == frontend::kAsyncAnnotation;
}

// The characters an attribute is written in: its whole [[...]] or
// __attribute__((...)) group, or the macro invocation that expands to it.
std::pair<unsigned, unsigned> attributeGroup(const clang::Attr* attr, const clang::ASTContext& context) {
  const clang::SourceManager& sm = context.getSourceManager();
  llvm::StringRef buffer = sm.getBufferData(sm.getMainFileID());
  if (attr->getLocation().isMacroID()) {
    clang::CharSourceRange range = clang::Lexer::getAsCharRange(sm.getExpansionRange(attr->getLocation()), sm,
                                                                context.getLangOpts());
    return {sm.getFileOffset(range.getBegin()), sm.getFileOffset(range.getEnd())};
  }
  unsigned at = sm.getFileOffset(attr->getLocation());
  // The frontend's bcsc::async annotation reports GNU syntax; it is written [[bcsc::async]].
  if (attr->isGNUAttribute() && !isAsyncAttr(attr)) {
    size_t open = buffer.substr(0, at).rfind("__attribute__");
    size_t close = buffer.find("))", at);
    if (open != llvm::StringRef::npos && close != llvm::StringRef::npos)
      return {static_cast<unsigned>(open), static_cast<unsigned>(close + 2)};
  } else {
    // Inside a [[...]] group if the nearest `[[` before it is not closed.
    size_t open = buffer.substr(0, at).rfind("[[");
    size_t closedBefore = buffer.substr(0, at).rfind("]]");
    size_t close = buffer.find("]]", at);
    if (open != llvm::StringRef::npos && close != llvm::StringRef::npos &&
        (closedBefore == llvm::StringRef::npos || closedBefore < open))
      return {static_cast<unsigned>(open), static_cast<unsigned>(close + 2)};
  }
  return {at, at + clang::Lexer::MeasureTokenLength(attr->getLocation(), sm, context.getLangOpts())};
}

std::optional<DeclarationSpan> declarationSpan(const clang::FunctionDecl* fn, const clang::ASTContext& context,
                                               reports::Reporter& reporter) {
  const clang::SourceManager& sm = context.getSourceManager();
  llvm::StringRef buffer = sm.getBufferData(sm.getMainFileID());
  auto offsetOf = [&](clang::SourceLocation loc) { return sm.getFileOffset(sm.getExpansionLoc(loc)); };
  // Attributes in front of the declaration, or among its decl-specifiers
  // (GNU attributes), come before the type.
  clang::SourceLocation typeStart = fn->getTypeSpecStartLoc();
  unsigned type = typeStart.isValid() ? offsetOf(typeStart) : offsetOf(fn->getLocation());
  DeclarationSpan span;
  span.begin = offsetOf(fn->getBeginLoc());
  std::optional<std::pair<unsigned, unsigned>> async;
  std::vector<std::pair<unsigned, unsigned>> others;
  for (const clang::Attr* attr : fn->attrs()) {
    // Inherited attributes are written on another declaration.
    if (attr->isImplicit() || attr->isInherited() || attr->getLocation().isInvalid()) continue;
    clang::SourceLocation at = sm.getExpansionLoc(attr->getLocation());
    if (sm.getFileID(at) != sm.getMainFileID() || sm.getFileOffset(at) >= type) continue;
    std::pair<unsigned, unsigned> group = attributeGroup(attr, context);
    span.begin = std::min(span.begin, group.first);
    if (isAsyncAttr(attr)) async = group;
    else if (std::find(others.begin(), others.end(), group) == others.end()) others.push_back(group);
  }
  if (const clang::FunctionTemplateDecl* tmpl = fn->getDescribedFunctionTemplate())
    span.begin = std::min(span.begin, offsetOf(tmpl->getBeginLoc()));
  span.end = offsetOf(fn->getEndLoc()) + 1;
  std::sort(others.begin(), others.end());
  for (const auto& [begin, end] : others) {
    if (async && begin < async->second && async->first < end) {
      reporter.error(fn->getLocation(), "write [[bcsc::async]] in brackets of its own, not in one attribute list "
                                        "or macro with other attributes: bcsc removes it and keeps the others on "
                                        "the generated declaration");
      return std::nullopt;
    }
    span.attributes += (span.attributes.empty() ? "" : " ") + buffer.slice(begin, end).str();
  }
  return span;
}

std::string absolutePath(llvm::StringRef path) {
  llvm::SmallString<256> abs(path);
  llvm::sys::fs::make_absolute(abs);
  llvm::sys::path::remove_dots(abs, true);
  return std::string(abs);
}

// The offset just past the `;` that ends a declaration or class definition.
unsigned endOfDeclaration(clang::SourceLocation last, const clang::SourceManager& sm) {
  llvm::StringRef buffer = sm.getBufferData(sm.getMainFileID());
  unsigned offset = sm.getFileOffset(sm.getExpansionLoc(last));
  size_t semi = buffer.find(';', offset);
  return semi == llvm::StringRef::npos ? offset + 1 : static_cast<unsigned>(semi + 1);
}

unsigned lineAt(unsigned offset, const clang::SourceManager& sm) {
  return sm.getLineNumber(sm.getMainFileID(), offset);
}

// Where the generated code goes. A free function's definition is replaced
// by its frame and wrapper. A member function's frame is a nested class
// that needs the complete enclosing class, so an in-class definition
// becomes declarations and the frame follows the class. Every other
// declaration of the function is rewritten to return the frame. Returns
// the index in `replacements` of the one that holds the frame.
size_t placeFunction(const clang::FunctionDecl* fn, const clang::ASTContext& context, const ir::AsyncFunction& ir,
                   std::string frame, reports::Reporter& reporter,
                   std::vector<codegen::Replacement>& replacements) {
  const clang::SourceManager& sm = context.getSourceManager();
  unsigned begin = ir.beginOffset, end = ir.endOffset;
  std::string declaration = codegen::emitDeclaration(ir, ir.attributes);
  const auto* record = llvm::dyn_cast<clang::CXXRecordDecl>(fn->getLexicalDeclContext());
  size_t frameAt = replacements.size();
  if (record) {
    while (const auto* outer = llvm::dyn_cast<clang::CXXRecordDecl>(record->getLexicalDeclContext())) record = outer;
    clang::SourceLocation classEnd = record->getBraceRange().getEnd();
    if (const clang::ClassTemplateDecl* tmpl = record->getDescribedClassTemplate()) classEnd = tmpl->getEndLoc();
    unsigned after = endOfDeclaration(classEnd, sm);
    replacements.push_back({begin, end, lineAt(end, sm), declaration, /*format=*/false});
    frameAt = replacements.size();
    replacements.push_back({after, after, lineAt(after, sm), std::move(frame)});
  } else {
    replacements.push_back({begin, end, lineAt(end, sm), std::move(frame)});
  }
  for (const clang::FunctionDecl* redecl : fn->redecls()) {
    if (redecl == fn || redecl->doesThisDeclarationHaveABody()) continue;
    if (!sm.isInMainFile(sm.getExpansionLoc(redecl->getLocation()))) continue;  // an exported function's header
    std::optional<DeclarationSpan> span = declarationSpan(redecl, context, reporter);
    if (!span) continue;
    unsigned declEnd = endOfDeclaration(redecl->getEndLoc(), sm);
    replacements.push_back(
        {span->begin, declEnd, lineAt(declEnd, sm), codegen::emitDeclaration(ir, span->attributes), /*format=*/false});
  }
  return frameAt;
}

// How many braces enclose the place a frame goes: the namespaces and
// extern "C" blocks around the function (a member's frame follows its
// outermost class, so classes do not count).
unsigned enclosingBraces(const clang::FunctionDecl* fn) {
  unsigned n = 0;
  for (const clang::DeclContext* ctx = fn->getLexicalDeclContext(); !ctx->isTranslationUnit();
       ctx = ctx->getLexicalParent()) {
    if (const auto* ns = llvm::dyn_cast<clang::NamespaceDecl>(ctx)) n += !ns->isNested();  // a::b { is one brace
    if (const auto* spec = llvm::dyn_cast<clang::LinkageSpecDecl>(ctx)) n += spec->hasBraces();
  }
  return n;
}

// Clang refuses code nested deeper than -fbracket-depth (256 by default).
// A frame nests a level or two per co_await whose earlier operands stay
// live across it in one full-expression, so a long enough expression
// lowers to code the compiler rejects: say so here, at the function.
bool fitsBracketDepth(const clang::FunctionDecl* fn, llvm::StringRef frame, clang::ASTContext& context,
                      reports::Reporter& reporter) {
  const unsigned limit = context.getLangOpts().BracketDepth;
  codegen::Nesting nesting = codegen::deepestNesting(frame);
  nesting.braces += enclosingBraces(fn);
  if (nesting.deepest() <= limit) return true;
  reporter.error(fn->getLocation(),
                 "the lowered code of '" + fn->getNameAsString() + "' would nest brackets " +
                     std::to_string(nesting.deepest()) + " levels deep, more than the compiler's limit of " +
                     std::to_string(limit) + " (-fbracket-depth)");
  reporter.note(fn->getLocation(),
                "every co_await in a full-expression whose earlier operands or temporaries live across it "
                "nests the frame deeper; split the expression into statements that keep each awaited value in a "
                "local, or raise the limit with -fbracket-depth=N for both bcsc and the compiler");
  return false;
}

bool inMainFile(const clang::Decl* decl, const clang::SourceManager& sm) {
  return sm.isInMainFile(sm.getExpansionLoc(decl->getLocation()));
}

std::string mainFileName(const clang::SourceManager& sm) {
  return llvm::sys::path::filename(sm.getFileEntryRefForID(sm.getMainFileID())->getName()).str();
}

// The first declaration of a main-file definition that is in an included
// file: the definition is then exported. Null if there is none.
const clang::FunctionDecl* headerDeclaration(const clang::FunctionDecl* def, const clang::SourceManager& sm) {
  const clang::FunctionDecl* first = nullptr;
  for (const clang::FunctionDecl* redecl : def->redecls())
    if (!inMainFile(redecl, sm) &&
        (!first || sm.isBeforeInTranslationUnit(redecl->getLocation(), first->getLocation())))
      first = redecl;
  return first;
}

// Why a definition cannot be exported to other translation units, or empty.
std::string notExportable(const clang::FunctionDecl* def) {
  if (llvm::isa<clang::CXXMethodDecl>(def))
    return "exporting async member functions is not supported; make it a free function that takes the object "
           "by reference";
  if (def->getDescribedFunctionTemplate() || def->isTemplated())
    return "it is a function template, whose frame depends on the template arguments";
  if (!def->isExternallyVisible())
    return "it has internal linkage (static, or in an unnamed namespace)";
  if (def->isInlineSpecified() || def->isConstexpr())
    return "it is inline, so every translation unit that calls it needs its definition";
  if (def->isExternC()) return "it has C language linkage";
  for (const clang::DeclContext* ctx = def->getDeclContext(); !ctx->isTranslationUnit(); ctx = ctx->getParent())
    if (!llvm::isa<clang::NamespaceDecl>(ctx) && !llvm::isa<clang::LinkageSpecDecl>(ctx))
      return "it is not declared at namespace scope";
  return "";
}

// The text between the parentheses of a declaration's parameter list.
std::optional<std::string> parameterText(const clang::FunctionDecl* decl, const clang::SourceManager& sm) {
  clang::FunctionTypeLoc loc = decl->getFunctionTypeLoc();
  if (!loc) return std::nullopt;
  clang::SourceLocation l = loc.getLParenLoc(), r = loc.getRParenLoc();
  if (l.isInvalid() || r.isInvalid() || l.isMacroID() || r.isMacroID()) return std::nullopt;
  auto [lFile, lOffset] = sm.getDecomposedLoc(l);
  auto [rFile, rOffset] = sm.getDecomposedLoc(r);
  if (lFile != rFile || rOffset <= lOffset) return std::nullopt;
  return sm.getBufferData(lFile).substr(lOffset + 1, rOffset - lOffset - 1).str();
}

// T of the bcsc::task<T> a declaration returns, spelled for the export header.
std::optional<std::string> outputTypeOf(const clang::FunctionDecl* decl, clang::ASTContext& context) {
  clang::QualType ret = decl->getReturnType();
  clang::QualType arg;
  if (const auto* spec = ret->getAs<clang::TemplateSpecializationType>()) {
    if (spec->template_arguments().size() == 1 &&
        spec->template_arguments()[0].getKind() == clang::TemplateArgument::Type)
      arg = spec->template_arguments()[0].getAsType();
  } else if (const auto* record =
                 llvm::dyn_cast_or_null<clang::ClassTemplateSpecializationDecl>(ret->getAsCXXRecordDecl())) {
    if (record->getTemplateArgs().size() == 1) arg = record->getTemplateArgs()[0].getAsType();
  }
  if (arg.isNull()) return std::nullopt;
  analysis::TypeSpeller speller(context);
  if (speller.mentionsTask(arg)) return std::nullopt;
  return speller.print(arg);
}

// A short, stable hash of the function's mangled name: exported frames are
// declared in headers, so their names must differ between overloads that
// different translation units export.
std::string signatureHash(const clang::FunctionDecl* fn, clang::ASTContext& context) {
  clang::ASTNameGenerator names(context);
  auto hash = static_cast<std::uint32_t>(llvm::xxh3_64bits(names.getName(fn)));
  std::string out;
  llvm::raw_string_ostream os(out);
  os << llvm::format_hex_no_prefix(hash, 8);
  return os.str();
}

// What the export header says about an exported function.
std::optional<codegen::ExportedFrame> describeExport(const ir::AsyncFunction& fn,
                                                     const clang::FunctionDecl* header, clang::ASTContext& context,
                                                     reports::Reporter& reporter) {
  const clang::SourceManager& sm = context.getSourceManager();
  codegen::ExportedFrame out;
  out.function = header->getQualifiedNameAsString();
  out.name = header->getNameAsString();
  for (const clang::DeclContext* ctx = header->getDeclContext(); !ctx->isTranslationUnit(); ctx = ctx->getParent())
    if (const auto* ns = llvm::dyn_cast<clang::NamespaceDecl>(ctx))
      out.namespaces.insert(out.namespaces.begin(),
                            std::string(ns->isInline() ? "inline " : "") + "namespace " + ns->getName().str());
  out.frameName = "bcsc_frame_" + fn.name + "_" + signatureHash(fn.decl, context);
  out.realFrame = out.frameName + "_impl";
  std::optional<std::string> parameters = parameterText(header, sm);
  if (!parameters) {
    reporter.error(header->getLocation(), "cannot read the parameter list of this declaration of '" + out.function +
                                              "' (written through a macro?); bcsc copies it into the export header");
    return std::nullopt;
  }
  out.parameters = *parameters;
  std::optional<std::string> output = outputTypeOf(header, context);
  if (!output) {
    reporter.error(header->getLocation(), "the return type of this declaration of '" + out.function +
                                              "' must be bcsc::task<T> with a type T that other files can name");
    return std::nullopt;
  }
  out.outputType = *output;
  return out;
}

// Records every file the preprocessor reads, system headers included, so
// that a build system reruns the tool when any of them changes.
class AllDependencies : public clang::DependencyCollector {
 public:
  bool needSystemDependencies() override { return true; }
};

class LoweringConsumer : public clang::ASTConsumer {
 public:
  LoweringConsumer(clang::CompilerInstance& ci, const PipelineOptions& options,
                   std::function<void(LoweredUnit&)>& onUnit, std::shared_ptr<AllDependencies> dependencies)
      : ci_(ci), options_(options), onUnit_(onUnit), dependencies_(std::move(dependencies)) {}

  void HandleTranslationUnit(clang::ASTContext& context) override {
    clang::DiagnosticsEngine& diags = ci_.getDiagnostics();
    if (diags.hasErrorOccurred()) return;
    reports::Reporter reporter(diags);
    const clang::SourceManager& sm = context.getSourceManager();

    std::vector<const clang::FunctionDecl*> all = frontend::findAsyncFunctions(context);
    std::vector<const clang::FunctionDecl*> definitions;
    for (const clang::FunctionDecl* fn : all) {
      const clang::FunctionDecl* def = fn->getDefinition();
      if (!inMainFile(fn, sm)) {
        // Declared in a header: defined in another translation unit (it
        // exports it), or here (this one exports it; see below).
        if (def && !inMainFile(def, sm) && fn == def)
          reporter.error(fn->getLocation(), "async function '" + fn->getNameAsString() +
                                                "' is defined in an included file; lower the file that defines it "
                                                "(bcsc lowers the main file of each translation unit). To share an "
                                                "async function between files, declare it in a header and define "
                                                "it in one .cpp file (see docs/separate-compilation.md)");
        continue;
      }
      if (!def) {
        reporter.error(fn->getLocation(), "async function '" + fn->getNameAsString() +
                                              "' is declared here but not defined in this file; to call an async "
                                              "function defined in another file, declare it in a header that "
                                              "includes that file's export header when BCSC_LOWERED is set (see "
                                              "docs/separate-compilation.md)");
        continue;
      }
      if (!inMainFile(def, sm)) {
        reporter.error(fn->getLocation(), "async function '" + fn->getNameAsString() +
                                              "' is declared here but defined in an included file; lower the file "
                                              "that defines it (bcsc lowers the main file of each translation unit)");
        continue;
      }
      if (fn->doesThisDeclarationHaveABody()) definitions.push_back(fn);
    }
    // Separate compilation: a definition of this file that an included
    // header declares is exported to the other translation units.
    std::map<const clang::FunctionDecl*, const clang::FunctionDecl*> exported;  // definition -> header declaration
    for (const clang::FunctionDecl* def : definitions) {
      const clang::FunctionDecl* header = headerDeclaration(def, sm);
      if (!header) continue;
      std::string why = notExportable(def);
      if (!why.empty()) {
        reporter.error(header->getLocation(), "async function '" + def->getQualifiedNameAsString() +
                                                  "' is declared in a header and defined in " +
                                                  mainFileName(sm) + ", but cannot be exported to other "
                                                  "translation units: " + why);
        continue;
      }
      if (options_.exportHeader.empty() && options_.requireExportHeader) {
        reporter.error(header->getLocation(),
                       "async function '" + def->getQualifiedNameAsString() + "' is declared in a header and "
                       "defined in " + mainFileName(sm) + ", so other translation units may call it: pass "
                       "--export-header FILE to write the header that declares its frame (bcsc_generate does; "
                       "see docs/separate-compilation.md)");
        continue;
      }
      exported[def] = header;
    }
    if (reporter.hasErrors()) return;
    // The borrow checks see every async function; an error stops lowering.
    if (!checks::runChecks(context, definitions) || options_.checksOnly) return;
    if (!analysis::checkCallGraph(all, context, reporter)) return;
    // Reported with the errors of the functions: the output is not written.
    if (!definitions.empty()) analysis::checkReservedMacros(ci_.getPreprocessor(), reporter);

    LoweredUnit unit;
    unit.sourcePath = absolutePath(sm.getFileEntryRefForID(sm.getMainFileID())->getName());
    std::vector<codegen::Replacement> replacements;
    std::vector<codegen::Replacement> verifyReplacements;  // with #line, for the self-check
    std::map<std::string, unsigned> names;
    for (const clang::FunctionDecl* fn : definitions) {
      std::optional<DeclarationSpan> span = declarationSpan(fn, context, reporter);
      if (!span) continue;
      analysis::BuildOptions build;
      build.hygiene = options_.hygiene;
      std::optional<ir::AsyncFunction> lowered = analysis::buildIR(fn, context, reporter, build);
      if (!lowered) continue;
      std::string key = lowered->classType + "::" + lowered->name;
      unsigned n = names[key]++;
      lowered->frameName = "bcsc_frame_" + lowered->name + (n ? "_" + std::to_string(n) : "");
      std::optional<codegen::ExportedFrame> exportedFrame;
      if (auto it = exported.find(fn); it != exported.end()) {
        exportedFrame = describeExport(*lowered, it->second, context, reporter);
        if (!exportedFrame) continue;
        lowered->exported = true;
        lowered->exportedFrame = exportedFrame->frameName;
        lowered->frameName = exportedFrame->realFrame;
        lowered->exportHeader = options_.exportHeader.empty()
                                    ? std::string("the export header")
                                    : llvm::sys::path::filename(options_.exportHeader).str();
      }
      lowered->beginOffset = span->begin;
      lowered->endOffset = span->end;
      lowered->attributes = span->attributes;
      LoweredFunction out{std::move(*lowered), {}};
      out.layout = layout::computeLayout(out.ir);
      codegen::EmitOptions emit;
      emit.lineDirectives = options_.lineDirectives;
      std::string frame = codegen::emitFunction(out.ir, out.layout, emit);
      if (!fitsBracketDepth(fn, frame, context, reporter)) continue;
      size_t first = replacements.size();
      size_t frameAt = placeFunction(fn, context, out.ir, std::move(frame), reporter, replacements);
      if (options_.verify) {
        // The self-check's copy: the same replacements, with the frame
        // emitted with #line, which it matches uses to the source by.
        codegen::EmitOptions withLines = emit;
        withLines.lineDirectives = true;
        withLines.generatedFile = "<bcsc generated>";
        size_t checkedAt = verifyReplacements.size() + (frameAt - first);
        verifyReplacements.insert(verifyReplacements.end(), replacements.begin() + first, replacements.end());
        verifyReplacements[checkedAt].text = codegen::emitFunction(out.ir, out.layout, withLines);
      }
      unit.functions.push_back(std::move(out));
      if (exportedFrame) unit.exports.push_back(std::move(*exportedFrame));
    }
    if (reporter.hasErrors()) return;
    codegen::AssembleOptions assemble;
    assemble.lineDirectives = options_.lineDirectives;
    assemble.format = options_.format;
    assemble.sourcePath = unit.sourcePath;
    if (options_.verify) {
      std::vector<const clang::FunctionDecl*> lowered;
      for (const LoweredFunction& f : unit.functions) lowered.push_back(f.ir.decl);
      verify::collectNameUses(context, lowered, unit.names);
      codegen::AssembleOptions plain = assemble;
      plain.format = false;
      plain.lineDirectives = true;
      unit.unformattedOutput =
          codegen::assemble(sm.getBufferData(sm.getMainFileID()), std::move(verifyReplacements), plain);
    }
    unit.output = codegen::assemble(sm.getBufferData(sm.getMainFileID()), std::move(replacements), assemble);
    for (llvm::StringRef file : dependencies_->getDependencies()) unit.dependencies.push_back(absolutePath(file));
    onUnit_(unit);
  }

 private:
  clang::CompilerInstance& ci_;
  const PipelineOptions& options_;
  std::function<void(LoweredUnit&)>& onUnit_;
  std::shared_ptr<AllDependencies> dependencies_;
};

class LoweringAction : public clang::ASTFrontendAction {
 public:
  LoweringAction(const PipelineOptions& options, std::function<void(LoweredUnit&)>& onUnit)
      : options_(options), onUnit_(onUnit) {}
  std::unique_ptr<clang::ASTConsumer> CreateASTConsumer(clang::CompilerInstance& ci, llvm::StringRef) override {
    auto dependencies = std::make_shared<AllDependencies>();
    dependencies->attachToPreprocessor(ci.getPreprocessor());
    return std::make_unique<LoweringConsumer>(ci, options_, onUnit_, std::move(dependencies));
  }

 private:
  const PipelineOptions& options_;
  std::function<void(LoweredUnit&)>& onUnit_;
};

class LoweringFactory : public clang::tooling::FrontendActionFactory {
 public:
  LoweringFactory(const PipelineOptions& options, std::function<void(LoweredUnit&)> onUnit)
      : options_(options), onUnit_(std::move(onUnit)) {}
  std::unique_ptr<clang::FrontendAction> create() override {
    return std::make_unique<LoweringAction>(options_, onUnit_);
  }

 private:
  PipelineOptions options_;
  std::function<void(LoweredUnit&)> onUnit_;
};

}  // namespace

std::unique_ptr<clang::tooling::FrontendActionFactory> makeLoweringFactory(
    const PipelineOptions& options, std::function<void(LoweredUnit&)> onUnit) {
  frontend::linkAsyncAttribute();
  return std::make_unique<LoweringFactory>(options, std::move(onUnit));
}

namespace {

// One long-lived thread with the large stack, reused by every call: a new
// 512 MiB thread per call costs a clone and, at its exit, a madvise of the
// stack with TLB shootdowns, which showed in the fuzzer's profile (thousands
// of calls per second).
class LargeStackThread {
 public:
  LargeStackThread() : thread_(std::optional<unsigned>(kToolStackSize), [this] { loop(); }) { thread_.detach(); }

  void run(const std::function<void()>& fn) {
    std::unique_lock<std::mutex> lock(mutex_);
    job_ = &fn;
    done_ = false;
    wake_.notify_all();
    wake_.wait(lock, [this] { return done_; });
  }

 private:
  void loop() {
    onThisThread = true;
    clang::noteBottomOfStack();  // clang's own stack-exhaustion checks measure from here
    std::unique_lock<std::mutex> lock(mutex_);
    for (;;) {
      wake_.wait(lock, [this] { return job_ != nullptr; });
      const std::function<void()>* job = job_;
      lock.unlock();
      (*job)();
      lock.lock();
      job_ = nullptr;
      done_ = true;
      wake_.notify_all();
    }
  }

 public:
  static thread_local bool onThisThread;

 private:
  std::mutex mutex_;
  std::condition_variable wake_;
  const std::function<void()>* job_ = nullptr;
  bool done_ = false;
  llvm::thread thread_;  // last: starts once the members above exist
};

thread_local bool LargeStackThread::onThisThread = false;

}  // namespace

void runWithLargeStack(const std::function<void()>& fn) {
  if (LargeStackThread::onThisThread) return fn();  // nested call: already there
  static std::mutex callers;                        // one job at a time
  static LargeStackThread* worker = new LargeStackThread;  // lives until the process exits
  std::lock_guard<std::mutex> lock(callers);
  worker->run(fn);
}

std::vector<std::string> extraClangArguments() {
  // `#pragma clang __debug crash` (and parser_crash, llvm_fatal_error,
  // overflow_stack...) would make clang crash on purpose: a source file
  // must not be able to crash bcsc.
  return {"-std=c++20", "-resource-dir=" BCSC_CLANG_RESOURCE_DIR, "-D__BCSC_LOWERING__=1",
          "-UBCSC_LOWERED", "-idirafter", BCSC_RUNTIME_INCLUDE_DIR, "-Xclang", "-disable-pragma-debug-crash"};
}

}  // namespace bcsc::driver
