#include "driver/pipeline.h"

#include "analysis/build_ir.h"
#include "checks/checks.h"
#include "codegen/emit_frame.h"
#include "codegen/output_file.h"
#include "frontend/async_functions.h"
#include "reports/diagnostics.h"

#include "clang/AST/ASTConsumer.h"
#include "clang/AST/Attr.h"
#include "clang/AST/DeclTemplate.h"
#include "clang/Basic/Stack.h"
#include "clang/Frontend/CompilerInstance.h"
#include "clang/Frontend/FrontendAction.h"
#include "clang/Frontend/Utils.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/thread.h"

#include <condition_variable>
#include <map>
#include <mutex>

namespace bcsc::driver {

namespace {

// The byte range a definition occupies, including its template header and
// the [[bcsc::async]] attribute in front of it.
std::pair<unsigned, unsigned> definitionSpan(const clang::FunctionDecl* fn, const clang::SourceManager& sm) {
  clang::SourceLocation begin = fn->getBeginLoc();
  if (const clang::FunctionTemplateDecl* tmpl = fn->getDescribedFunctionTemplate()) begin = tmpl->getBeginLoc();
  unsigned b = sm.getFileOffset(sm.getExpansionLoc(begin));
  llvm::StringRef buffer = sm.getBufferData(sm.getMainFileID());
  for (const auto* attr : fn->specific_attrs<clang::AnnotateAttr>()) {
    if (attr->getAnnotation() != frontend::kAsyncAnnotation) continue;
    unsigned a = sm.getFileOffset(sm.getExpansionLoc(attr->getLocation()));
    size_t open = buffer.substr(0, a).rfind("[[");
    if (open != llvm::StringRef::npos && open < b) b = static_cast<unsigned>(open);
  }
  unsigned e = sm.getFileOffset(sm.getExpansionLoc(fn->getEndLoc())) + 1;
  return {b, e};
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
// declaration of the function is rewritten to return the frame.
void placeFunction(const clang::FunctionDecl* fn, const clang::SourceManager& sm, unsigned begin, unsigned end,
                   std::string frame, const std::string& declaration,
                   std::vector<codegen::Replacement>& replacements) {
  const auto* record = llvm::dyn_cast<clang::CXXRecordDecl>(fn->getLexicalDeclContext());
  if (record) {
    while (const auto* outer = llvm::dyn_cast<clang::CXXRecordDecl>(record->getLexicalDeclContext())) record = outer;
    clang::SourceLocation classEnd = record->getBraceRange().getEnd();
    if (const clang::ClassTemplateDecl* tmpl = record->getDescribedClassTemplate()) classEnd = tmpl->getEndLoc();
    unsigned after = endOfDeclaration(classEnd, sm);
    replacements.push_back({begin, end, lineAt(end, sm), declaration, /*format=*/false});
    replacements.push_back({after, after, lineAt(after, sm), std::move(frame)});
  } else {
    replacements.push_back({begin, end, lineAt(end, sm), std::move(frame)});
  }
  for (const clang::FunctionDecl* redecl : fn->redecls()) {
    if (redecl == fn || redecl->doesThisDeclarationHaveABody()) continue;
    auto [declBegin, declEnd] = definitionSpan(redecl, sm);
    declEnd = endOfDeclaration(redecl->getEndLoc(), sm);
    replacements.push_back({declBegin, declEnd, lineAt(declEnd, sm), declaration, /*format=*/false});
  }
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
      if (!sm.isInMainFile(sm.getExpansionLoc(fn->getLocation()))) {
        reporter.error(fn->getLocation(), "async function '" + fn->getNameAsString() +
                                              "' is in an included file; lower the file that defines it "
                                              "(bcsc lowers the main file of each translation unit)");
        continue;
      }
      const clang::FunctionDecl* def = fn->getDefinition();
      if (!def || !sm.isInMainFile(sm.getExpansionLoc(def->getLocation()))) {
        reporter.error(fn->getLocation(), "async function '" + fn->getNameAsString() +
                                              "' is declared here but not defined in this file; separate "
                                              "compilation of async functions is not supported yet");
        continue;
      }
      if (fn->doesThisDeclarationHaveABody()) definitions.push_back(fn);
    }
    if (reporter.hasErrors()) return;
    // The borrow checks see every async function; an error stops lowering.
    if (!checks::runChecks(context, definitions) || options_.checksOnly) return;
    if (!analysis::checkCallGraph(all, context, reporter)) return;

    LoweredUnit unit;
    unit.sourcePath = absolutePath(sm.getFileEntryRefForID(sm.getMainFileID())->getName());
    std::vector<codegen::Replacement> replacements;
    std::map<std::string, unsigned> names;
    for (const clang::FunctionDecl* fn : definitions) {
      std::optional<ir::AsyncFunction> lowered = analysis::buildIR(fn, context, reporter);
      if (!lowered) continue;
      std::string key = lowered->classType + "::" + lowered->name;
      unsigned n = names[key]++;
      lowered->frameName = "bcsc_frame_" + lowered->name + (n ? "_" + std::to_string(n) : "");
      auto [begin, end] = definitionSpan(fn, sm);
      lowered->beginOffset = begin;
      lowered->endOffset = end;
      LoweredFunction out{std::move(*lowered), {}};
      out.layout = layout::computeLayout(out.ir);
      codegen::EmitOptions emit;
      emit.lineDirectives = options_.lineDirectives;
      std::string frame = codegen::emitFunction(out.ir, out.layout, emit);
      std::string declaration = codegen::emitDeclaration(out.ir);
      placeFunction(fn, sm, begin, end, std::move(frame), declaration, replacements);
      unit.functions.push_back(std::move(out));
    }
    if (reporter.hasErrors()) return;
    codegen::AssembleOptions assemble;
    assemble.lineDirectives = options_.lineDirectives;
    assemble.format = options_.format;
    assemble.sourcePath = unit.sourcePath;
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
          "-idirafter", BCSC_RUNTIME_INCLUDE_DIR, "-Xclang", "-disable-pragma-debug-crash"};
}

}  // namespace bcsc::driver
