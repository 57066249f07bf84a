// bcsc: borrow-checked structured concurrency.
//
//   bcsc lower IN.cpp... (-o OUT.cpp | --out-dir DIR) [--export-header H] [-p BUILD] [-- FLAGS]
//   bcsc check IN.cpp... [-p BUILD] [-- FLAGS]
//   bcsc layout IN.cpp... [--json] [-- FLAGS]
//   bcsc graph IN.cpp... [-o OUT.dot] [-- FLAGS]
//   bcsc dump-ir IN.cpp... [-- FLAGS]
//
// `lower` checks and then lowers every [[bcsc::async]] function of each
// input into a fixed-size state machine. On any error nothing is written
// and the exit status is 1. `check` runs only the borrow checks.
//
// Separate compilation: an async function defined in the input and declared
// in a header it includes is exported; --export-header writes the header
// that declares its frame (an opaque class of the real frame's size and
// alignment, measured from the lowered code) for the other files.
#include "driver/pipeline.h"

#include "checks/checks.h"
#include "codegen/export_header.h"
#include "codegen/output_file.h"
#include "reports/frame_measure.h"
#include "reports/ir_dump.h"
#include "reports/layout_report.h"
#include "reports/state_graph.h"

#include "clang/Tooling/ArgumentsAdjusters.h"
#include "clang/Tooling/CommonOptionsParser.h"
#include "llvm/Support/CommandLine.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/FormatVariadic.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/raw_ostream.h"

#include <algorithm>
#include <map>
#include <optional>

namespace {

llvm::cl::OptionCategory category("bcsc options");
llvm::cl::opt<std::string> outputFile("o", llvm::cl::desc("Output file (one input)"),
                                      llvm::cl::value_desc("file"), llvm::cl::cat(category));
llvm::cl::opt<std::string> outputDir("out-dir", llvm::cl::desc("Output directory (several inputs)"),
                                     llvm::cl::value_desc("dir"), llvm::cl::cat(category));
llvm::cl::opt<std::string> depfile("depfile",
                                    llvm::cl::desc("Write a Makefile-style depfile listing every file read"),
                                    llvm::cl::value_desc("file"), llvm::cl::cat(category));
llvm::cl::opt<std::string> exportHeaderFile(
    "export-header",
    llvm::cl::desc("Write the frames of the exported async functions (declared in an included header, defined "
                   "in the input) to this header (one input)"),
    llvm::cl::value_desc("file"), llvm::cl::cat(category));
llvm::cl::opt<bool> json("json", llvm::cl::desc("bcsc layout: print JSON"), llvm::cl::cat(category));
llvm::cl::opt<bool> noLineDirectives("no-line-directives",
                                     llvm::cl::desc("Do not emit #line directives (for reading the output)"),
                                     llvm::cl::cat(category));

// On by default: a lowering that does not compile, or in which a name
// means something else than in the source, is an error, never a file.
llvm::cl::opt<bool> verifyOutput(
    "verify", llvm::cl::init(true),
    llvm::cl::desc("bcsc lower: parse the lowered code again and check that it compiles and that every name "
                   "the async functions write means what it meant in the source; a mismatch is an error and "
                   "nothing is written (default: on)"),
    llvm::cl::cat(category));
llvm::cl::opt<bool> noVerify("no-verify", llvm::cl::desc("bcsc lower: skip the --verify self-check"),
                             llvm::cl::cat(category));

// Hidden, for the test of --verify itself: lower without hygiene, so that
// names the frame captures reach the output.
llvm::cl::opt<bool> testingNoHygiene("testing-no-hygiene", llvm::cl::Hidden, llvm::cl::cat(category));

bool write(const std::string& path, const std::string& text);

std::string absolute(llvm::StringRef path) {
  llvm::SmallString<256> abs(path);
  llvm::sys::fs::make_absolute(abs);
  llvm::sys::path::remove_dots(abs, true);
  return std::string(abs);
}

std::string exportHeaderPath() { return exportHeaderFile.empty() ? std::string() : absolute(exportHeaderFile); }

int usage() {
  llvm::errs() << "usage: bcsc lower IN.cpp... (-o OUT.cpp | --out-dir DIR) [--export-header H.hpp] [-p BUILD_DIR] "
                  "[-- CLANG_FLAGS]\n"
                  "       bcsc check IN.cpp... [-p BUILD_DIR] [-- CLANG_FLAGS]\n"
                  "       bcsc layout IN.cpp... [--json] [--export-header H.hpp] [-p BUILD_DIR] [-- CLANG_FLAGS]\n"
                  "       bcsc graph IN.cpp... [-o OUT.dot] [-p BUILD_DIR] [-- CLANG_FLAGS]\n"
                  "       bcsc dump-ir IN.cpp... [-p BUILD_DIR] [-- CLANG_FLAGS]\n"
                  "run 'bcsc lower --help' for the options\n";
  return 2;
}

void addExtraArguments(clang::tooling::ClangTool& tool) {
  for (const std::string& arg : bcsc::driver::extraClangArguments())
    tool.appendArgumentsAdjuster(
        clang::tooling::getInsertArgumentAdjuster(arg.c_str(), clang::tooling::ArgumentInsertPosition::END));
}

// Lowers in memory; returns the units in input order, or nothing on error.
std::optional<std::vector<bcsc::driver::LoweredUnit>> lowerInMemory(clang::tooling::CommonOptionsParser& options) {
  clang::tooling::ClangTool tool(options.getCompilations(), options.getSourcePathList());
  addExtraArguments(tool);
  std::vector<bcsc::driver::LoweredUnit> units;
  bcsc::driver::PipelineOptions pipeline;
  pipeline.exportHeader = exportHeaderPath();
  auto factory = bcsc::driver::makeLoweringFactory(
      pipeline, [&](bcsc::driver::LoweredUnit& unit) { units.push_back(std::move(unit)); });
  if (tool.run(factory.get()) != 0 || units.size() != options.getSourcePathList().size()) return std::nullopt;
  return units;
}

// The flags a translation unit was lowered with, to compile its output.
std::vector<std::string> loweredCompileArgs(clang::tooling::CommonOptionsParser& options, const std::string& source) {
  std::vector<std::string> args;
  std::vector<clang::tooling::CompileCommand> commands = options.getCompilations().getCompileCommands(source);
  if (!commands.empty()) {
    clang::tooling::CommandLineArguments line = clang::tooling::getClangStripOutputAdjuster()(
        commands[0].CommandLine, commands[0].Filename);
    for (size_t i = 1; i < line.size(); ++i)
      if (line[i] != commands[0].Filename && line[i] != "-c") args.push_back(line[i]);
    args.push_back("-working-directory=" + commands[0].Directory);
  }
  for (const std::string& arg : bcsc::driver::extraClangArguments()) args.push_back(arg);
  args.push_back("-std=c++17");
  args.push_back("-Wno-unknown-attributes");
  return args;
}

std::vector<const bcsc::ir::AsyncFunction*> functionsOf(const bcsc::driver::LoweredUnit& unit) {
  std::vector<const bcsc::ir::AsyncFunction*> out;
  for (const auto& f : unit.functions) out.push_back(&f.ir);
  return out;
}

// Separate compilation: measures the real frames of the unit's exported
// functions and renders its export header with the figures (`header`).
// The lowered code includes that header (through the user's header), so it
// is parsed with the header being generated mapped in memory, and with
// __BCSC_MEASURING__ (which turns off the static_asserts that check the
// figures). A frame that embeds another exported frame of the same file
// needs the other's figures first, so this repeats until the figures
// settle: at most once per exported frame, as a frame embeds only frames
// defined before it. The files the measuring parse read (other files'
// export headers, for a frame that embeds theirs) join the unit's
// dependencies. `measure` gets the options for measuring the unit again.
bool finishExports(clang::tooling::CommonOptionsParser& options, bcsc::driver::LoweredUnit& unit,
                   const std::string& headerPath, std::string& header, std::vector<std::string>& measureArgs,
                   bcsc::reports::MeasureOptions& measure) {
  std::vector<bcsc::codegen::ExportedFrame>& frames = unit.exports;
  header = bcsc::codegen::exportHeader(unit.sourcePath, frames);
  measureArgs = loweredCompileArgs(options, unit.sourcePath);
  if (frames.empty()) return true;
  measureArgs.push_back("-D__BCSC_MEASURING__=1");
  std::vector<const bcsc::ir::AsyncFunction*> real;
  for (const auto& f : unit.functions)
    if (f.ir.exported) real.push_back(&f.ir);
  measure.fileName = unit.sourcePath;
  for (size_t pass = 0; pass <= frames.size(); ++pass) {
    std::vector<bcsc::reports::MeasuredFrame> measured;
    std::vector<std::string> files;
    std::string error;
    measure.mappedFiles = {{headerPath, header}};
    measure.filesRead = &files;
    bool ok = bcsc::reports::measureFrames(unit.output, real, measureArgs, measured, error, measure);
    measure.filesRead = nullptr;
    if (std::find(files.begin(), files.end(), headerPath) == files.end()) {
      llvm::errs() << unit.sourcePath << ": error: the lowered code does not include the export header "
                   << headerPath << ", which declares the frames of the functions it exports ("
                   << frames.front().function << "...): include it from the header that declares them when "
                   << "BCSC_LOWERED is set, with its directory on the include path (see "
                   << "docs/separate-compilation.md)";
      if (!ok) llvm::errs() << "; measuring stopped at: " << error;
      llvm::errs() << "\n";
      return false;
    }
    if (!ok) {
      llvm::errs() << unit.sourcePath << ": error: cannot measure the exported frames: " << error << "\n";
      return false;
    }
    bool changed = false;
    for (size_t i = 0; i < frames.size(); ++i) {
      if (!measured[i].measured) {
        llvm::errs() << unit.sourcePath << ": error: cannot measure the frame of " << frames[i].function << "\n";
        return false;
      }
      if (measured[i].size != frames[i].size || measured[i].align != frames[i].align) changed = true;
      frames[i].size = measured[i].size;
      frames[i].align = measured[i].align;
    }
    for (const std::string& file : files)
      if (file != headerPath &&
          std::find(unit.dependencies.begin(), unit.dependencies.end(), file) == unit.dependencies.end())
        unit.dependencies.push_back(file);
    header = bcsc::codegen::exportHeader(unit.sourcePath, frames);
    if (!changed) {
      measure.mappedFiles = {{headerPath, header}};
      return true;
    }
  }
  llvm::errs() << unit.sourcePath << ": error: the sizes of the exported frames do not settle\n";
  return false;
}

int runLayout(clang::tooling::CommonOptionsParser& options) {
  auto units = lowerInMemory(options);
  if (!units) return 1;
  llvm::json::Array all;
  for (bcsc::driver::LoweredUnit& unit : *units) {
    std::vector<bcsc::reports::MeasuredFrame> frames;
    std::string error;
    std::vector<std::string> args = loweredCompileArgs(options, unit.sourcePath);
    bcsc::reports::MeasureOptions measure;
    if (!unit.exports.empty()) {
      if (exportHeaderFile.empty() || units->size() != 1) {
        llvm::errs() << unit.sourcePath << ": error: it exports async functions (" << unit.exports.front().function
                     << "...): give its --export-header (one input) to measure them\n";
        return 1;
      }
      std::string header;
      if (!finishExports(options, unit, exportHeaderPath(), header, args, measure)) return 1;
    }
    if (!bcsc::reports::measureFrames(unit.output, functionsOf(unit), args, frames, error, measure)) {
      llvm::errs() << unit.sourcePath << ": error: cannot measure the frames: " << error << "\n";
      return 1;
    }
    for (size_t i = 0; i < unit.functions.size(); ++i) {
      const auto& f = unit.functions[i];
      if (json)
        all.push_back(bcsc::reports::layoutJson(f.ir, f.layout, frames[i]));
      else
        llvm::outs() << bcsc::reports::layoutText(f.ir, f.layout, frames[i]) << "\n";
    }
  }
  if (json) llvm::outs() << llvm::formatv("{0:2}", llvm::json::Value(std::move(all))) << "\n";
  return 0;
}

int runGraph(clang::tooling::CommonOptionsParser& options) {
  auto units = lowerInMemory(options);
  if (!units) return 1;
  std::vector<const bcsc::ir::AsyncFunction*> functions;
  for (const auto& unit : *units)
    for (const auto* f : functionsOf(unit)) functions.push_back(f);
  std::string dot = bcsc::reports::stateGraphDot(functions);
  if (outputFile.empty()) {
    llvm::outs() << dot;
    return 0;
  }
  return write(outputFile, dot) ? 0 : 1;
}

// The IR the analysis built, for reading and for tests of its structure.
int runDumpIr(clang::tooling::CommonOptionsParser& options) {
  auto units = lowerInMemory(options);
  if (!units) return 1;
  bool first = true;
  for (const auto& unit : *units)
    for (const auto& f : unit.functions) {
      llvm::outs() << (first ? "" : "\n") << bcsc::reports::irDump(f.ir, f.layout);
      first = false;
    }
  return 0;
}

int runCheck(clang::tooling::CommonOptionsParser& options) {
  clang::tooling::ClangTool tool(options.getCompilations(), options.getSourcePathList());
  addExtraArguments(tool);
  bcsc::driver::PipelineOptions pipeline;
  pipeline.checksOnly = true;
  auto factory = bcsc::driver::makeLoweringFactory(pipeline, [](bcsc::driver::LoweredUnit&) {});
  int status = tool.run(factory.get());
  bool exported = bcsc::checks::finishExports();
  return status == 0 && exported ? 0 : 1;
}

std::string outputPathFor(llvm::StringRef input, size_t inputCount) {
  if (!outputFile.empty()) return outputFile;
  llvm::SmallString<256> path(outputDir);
  llvm::sys::path::append(path, llvm::sys::path::filename(input));
  return std::string(path);
}

bool write(const std::string& path, const std::string& text) {
  if (llvm::Error error = bcsc::codegen::writeIfChanged(path, text)) {
    llvm::errs() << "bcsc: error: cannot write '" << path << "': " << llvm::toString(std::move(error)) << "\n";
    return false;
  }
  return true;
}

// One Makefile rule: the output depends on every file the tool read.
std::string makeRule(const std::string& output, const std::vector<std::string>& inputs) {
  auto escape = [](llvm::StringRef path) {
    std::string out;
    for (char c : path) {
      if (c == ' ' || c == '#') out += '\\';
      if (c == '$') out += '$';
      out += c;
    }
    return out;
  };
  std::string rule = escape(output) + ":";
  for (const std::string& input : inputs) rule += " \\\n  " + escape(input);
  return rule + "\n";
}

// `lower --verify`: a problem is bcsc's own error (the input was accepted),
// reported at the line of the source it concerns. The output is C++17 when
// the input is C++17 apart from the coroutine keywords; when it compiles
// only as C++20 (the input uses std::span, concepts...) it says so in its
// header comment.
bool verifyUnit(clang::tooling::CommonOptionsParser& options, bcsc::driver::LoweredUnit& unit,
                const std::string& exportHeader, const std::string& header) {
  std::vector<std::string> args = loweredCompileArgs(options, unit.sourcePath);
  std::vector<std::pair<std::string, std::string>> mapped;
  if (!exportHeader.empty()) mapped.push_back({exportHeader, header});
  auto check = [&](const std::vector<std::string>& with) {
    return bcsc::verify::verifyLowered(unit.unformattedOutput, unit.sourcePath, with, unit.names, mapped);
  };
  std::vector<bcsc::verify::Problem> problems = check(args);
  std::string language = "C++17";
  auto compileError = std::find_if(problems.begin(), problems.end(),
                                   [](const bcsc::verify::Problem& p) { return p.compileError; });
  if (compileError != problems.end()) {
    std::vector<std::string> cxx20 = args;
    std::replace(cxx20.begin(), cxx20.end(), std::string("-std=c++17"), std::string("-std=c++20"));
    std::vector<bcsc::verify::Problem> again = check(cxx20);
    if (again.empty())
      language = "C++20 (as C++17, " +
                 (compileError->line ? "line " + std::to_string(compileError->line) + ": " : std::string()) +
                 compileError->message + ")";
    problems = std::move(again);
  }
  for (const bcsc::verify::Problem& problem : problems)
    llvm::errs() << unit.sourcePath << ":" << (problem.line ? std::to_string(problem.line) + ":" : std::string())
                 << " error: bcsc internal error (--verify): "
                 << (problem.compileError ? "the lowered code does not compile: " : "") << problem.message
                 << "; the lowering is wrong here, no file was written\n";
  if (!problems.empty()) return false;
  size_t firstLine = unit.output.find('\n');
  unit.output.insert(firstLine == std::string::npos ? unit.output.size() : firstLine + 1,
                     "// Language: " + language + ". Checked by bcsc --verify.\n");
  return true;
}

int runLower(clang::tooling::CommonOptionsParser& options) {
  const std::vector<std::string>& inputs = options.getSourcePathList();
  if (outputFile.empty() == outputDir.empty() || (!outputFile.empty() && inputs.size() != 1)) {
    llvm::errs() << "bcsc: error: give -o FILE for one input, or --out-dir DIR for several\n";
    return 2;
  }
  if (!exportHeaderFile.empty() && inputs.size() != 1) {
    llvm::errs() << "bcsc: error: --export-header FILE takes one input\n";
    return 2;
  }
  clang::tooling::ClangTool tool(options.getCompilations(), inputs);
  addExtraArguments(tool);

  // Outputs are written only after every translation unit lowered cleanly.
  std::map<std::string, std::string> outputs;
  std::map<std::string, std::vector<std::string>> dependencies;
  std::string header;  // the export header, if asked for
  bool exportsDone = true;
  bcsc::driver::PipelineOptions pipeline;
  pipeline.lineDirectives = !noLineDirectives;
  pipeline.exportHeader = exportHeaderPath();
  pipeline.requireExportHeader = true;
  bool verifying = verifyOutput && !noVerify;
  pipeline.verify = verifying;
  pipeline.hygiene = !testingNoHygiene;
  bool verified = true;
  auto factory = bcsc::driver::makeLoweringFactory(pipeline, [&](bcsc::driver::LoweredUnit& unit) {
    if (!pipeline.exportHeader.empty()) {
      std::vector<std::string> args;
      bcsc::reports::MeasureOptions measure;
      exportsDone = finishExports(options, unit, pipeline.exportHeader, header, args, measure);
    }
    if (verifying && !verifyUnit(options, unit, pipeline.exportHeader, header)) verified = false;
    outputs[unit.sourcePath] = std::move(unit.output);
    dependencies[unit.sourcePath] = std::move(unit.dependencies);
  });
  int status = tool.run(factory.get());
  bool exported = bcsc::checks::finishExports();
  if (status != 0 || !exported || !exportsDone || !verified || outputs.size() != inputs.size()) return 1;
  std::string depfileText;
  std::vector<std::pair<std::string, std::string>> files;  // written only once everything succeeded
  for (const auto& [source, text] : outputs) {
    std::string path = outputPathFor(source, inputs.size());
    files.push_back({path, text});
    depfileText += makeRule(path, dependencies[source]);
  }
  // The depfile names the lowered file only: the export header is the
  // second output of the same command.
  if (!pipeline.exportHeader.empty()) files.push_back({pipeline.exportHeader, header});
  for (const auto& [path, text] : files)
    if (!write(path, text)) return 1;
  if (!depfile.empty() && !write(depfile, depfileText)) return 1;
  return 0;
}

}  // namespace

int main(int argc, const char** argv) {
  if (argc < 2) return usage();
  llvm::StringRef command = argv[1];
  if (command != "lower" && command != "check" && command != "layout" && command != "graph" &&
      command != "dump-ir")
    return usage();
  // The subcommand is argv[1]; the rest parses like any clang tool.
  std::vector<const char*> args{argv[0]};
  args.insert(args.end(), argv + 2, argv + argc);
  int count = static_cast<int>(args.size());
  auto parsed = clang::tooling::CommonOptionsParser::create(count, args.data(), category, llvm::cl::OneOrMore,
                                                            "bcsc lower: async functions to state machines\n");
  if (!parsed) {
    llvm::errs() << llvm::toString(parsed.takeError()) << "\n";
    return 2;
  }
  // On a large stack: deeply nested input must not overflow clang's parser.
  int status = 1;
  bcsc::driver::runWithLargeStack([&] {
    if (command == "check") status = runCheck(*parsed);
    else if (command == "layout") status = runLayout(*parsed);
    else if (command == "graph") status = runGraph(*parsed);
    else if (command == "dump-ir") status = runDumpIr(*parsed);
    else status = runLower(*parsed);
  });
  return status;
}
