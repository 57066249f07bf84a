#include "reports/fixes_yaml.h"

#include "clang/Tooling/DiagnosticsYaml.h"
#include "llvm/Support/YAMLTraits.h"

namespace bcsc::reports {

void writeFixesYaml(llvm::raw_ostream& out, const std::string& mainSourceFile,
                    const std::vector<ExportDiagnostic>& diagnostics) {
  clang::tooling::TranslationUnitDiagnostics tu;
  tu.MainSourceFile = mainSourceFile;
  for (const ExportDiagnostic& d : diagnostics) {
    clang::tooling::DiagnosticMessage message(d.message);
    message.FilePath = d.location.realFile;
    message.FileOffset = d.location.offset;
    for (const ExportReplacement& r : d.fixes) {
      clang::tooling::Replacement replacement(r.realFile, r.offset, r.length, r.text);
      llvm::consumeError(message.Fix[r.realFile].add(replacement));
    }
    llvm::SmallVector<clang::tooling::DiagnosticMessage, 1> notes;
    for (const ExportNote& n : d.notes) {
      clang::tooling::DiagnosticMessage note(n.message);
      note.FilePath = n.location.realFile;
      note.FileOffset = n.location.offset;
      notes.push_back(std::move(note));
    }
    clang::tooling::Diagnostic diagnostic(d.rule, message, notes,
                                          d.level == "error" ? clang::tooling::Diagnostic::Error
                                                             : clang::tooling::Diagnostic::Warning,
                                          /*BuildDirectory=*/"");
    tu.Diagnostics.push_back(std::move(diagnostic));
  }
  llvm::yaml::Output yaml(out);
  yaml << tu;
}

}  // namespace bcsc::reports
