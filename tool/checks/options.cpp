#include "checks/options.h"

#include "llvm/Support/CommandLine.h"

namespace bcsc::checks {

namespace {

llvm::cl::OptionCategory category("bcsc diagnostics");

llvm::cl::opt<Format> format("diagnostics-format", llvm::cl::desc("Borrow-check report format (text always goes to stderr)"),
                             llvm::cl::values(clEnumValN(Format::Text, "text", "file:line:col: error: ... (default)"),
                                              clEnumValN(Format::Sarif, "sarif",
                                                         "also write SARIF 2.1.0 (to --sarif-output, default stdout)")),
                             llvm::cl::init(Format::Text), llvm::cl::cat(category));
llvm::cl::opt<std::string> sarifFile("sarif-output", llvm::cl::desc("File for --diagnostics-format=sarif ('-' = stdout)"),
                                     llvm::cl::value_desc("file"), llvm::cl::init("-"), llvm::cl::cat(category));
llvm::cl::opt<std::string> fixesFile("export-fixes",
                                     llvm::cl::desc("Write the borrow-check diagnostics and their fixes as clang-tidy YAML"),
                                     llvm::cl::value_desc("file"), llvm::cl::cat(category));
llvm::cl::list<std::string> viewTypes("view-types",
                                      llvm::cl::desc("Extra view types (qualified names, comma-separated) treated like "
                                                     "std::string_view"),
                                      llvm::cl::value_desc("ns::type,..."), llvm::cl::CommaSeparated,
                                      llvm::cl::cat(category));
llvm::cl::list<std::string> hostileTypes("hostile-raii-types",
                                         llvm::cl::desc("Extra RAII types (qualified names, comma-separated) that must "
                                                        "not be alive across a co_await"),
                                         llvm::cl::value_desc("ns::type,..."), llvm::cl::CommaSeparated,
                                         llvm::cl::cat(category));

#define BCSC_SEVERITY(var, flag, what)                                                                              \
  llvm::cl::opt<Severity> var(flag, llvm::cl::desc(what " (default: error)"),                                     \
                              llvm::cl::values(clEnumValN(Severity::Error, "error", "report as an error"),        \
                                               clEnumValN(Severity::Warning, "warning", "report as a warning"),   \
                                               clEnumValN(Severity::Off, "off", "do not report")),                \
                              llvm::cl::init(Severity::Error), llvm::cl::cat(category))

BCSC_SEVERITY(dangling, "bcsc-dangling", "References, pointers and views used after a suspend point whose referent died");
BCSC_SEVERITY(temporaryArgument, "bcsc-temporary-argument",
              "Reference/view parameters of a frame that outlives the temporary bound to them");
BCSC_SEVERITY(hostileRaii, "bcsc-hostile-raii", "Thread-affine locks and listed RAII types alive across a suspend point");
BCSC_SEVERITY(lambda, "bcsc-lambda", "Capturing async lambdas whose closure dies before their frame");
BCSC_SEVERITY(structured, "bcsc-structured",
              "Futures (returned, spawned, joined) that borrow locals dying before the future completes");
BCSC_SEVERITY(thisEscape, "bcsc-this-escape", "Member async frames that outlive their object");

}  // namespace

const char* categoryName(Category c) {
  switch (c) {
    case Category::Dangling: return "bcsc-dangling";
    case Category::TemporaryArgument: return "bcsc-temporary-argument";
    case Category::HostileRaii: return "bcsc-hostile-raii";
    case Category::Lambda: return "bcsc-lambda";
    case Category::Structured: return "bcsc-structured";
    case Category::ThisEscape: return "bcsc-this-escape";
  }
  return "bcsc";
}

const char* categoryDescription(Category c) {
  switch (c) {
    case Category::Dangling: return "a reference, pointer or view is used after a suspend point, but its referent may have died";
    case Category::TemporaryArgument: return "a temporary bound to a reference or view parameter dies before the frame that refers to it";
    case Category::HostileRaii: return "a thread-affine lock (or listed RAII type) is alive across a suspend point";
    case Category::Lambda: return "the frame of a capturing async lambda outlives its closure object";
    case Category::Structured: return "a future borrows a local that dies before the future completes";
    case Category::ThisEscape: return "the frame of a member async function outlives its object";
  }
  return "";
}

Severity severityOf(Category c) {
  switch (c) {
    case Category::Dangling: return dangling;
    case Category::TemporaryArgument: return temporaryArgument;
    case Category::HostileRaii: return hostileRaii;
    case Category::Lambda: return lambda;
    case Category::Structured: return structured;
    case Category::ThisEscape: return thisEscape;
  }
  return Severity::Error;
}

const std::vector<std::string>& userViewTypes() { return viewTypes; }
const std::vector<std::string>& userHostileTypes() { return hostileTypes; }
Format diagnosticsFormat() { return format; }
const std::string& sarifOutput() { return sarifFile; }
const std::string& exportFixesPath() { return fixesFile; }

}  // namespace bcsc::checks
