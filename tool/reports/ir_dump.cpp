#include "reports/ir_dump.h"

#include "llvm/Support/FormatVariadic.h"
#include "llvm/Support/raw_ostream.h"

#include <algorithm>

namespace bcsc::reports {
namespace {

const char* kindName(ir::StmtKind kind) {
  switch (kind) {
    case ir::StmtKind::Block: return "block";
    case ir::StmtKind::Declare: return "declare";
    case ir::StmtKind::Construct: return "construct";
    case ir::StmtKind::Destroy: return "destroy";
    case ir::StmtKind::Code: return "code";
    case ir::StmtKind::Suspend: return "suspend";
    case ir::StmtKind::If: return "if";
    case ir::StmtKind::Loop: return "loop";
    case ir::StmtKind::Switch: return "switch";
    case ir::StmtKind::Label: return "label";
    case ir::StmtKind::Break: return "break";
    case ir::StmtKind::Continue: return "continue";
    case ir::StmtKind::Return: return "return";
  }
  return "?";
}

// Statement texts may span lines; the dump keeps one line per statement.
std::string quoted(llvm::StringRef text) {
  std::string out = "`";
  bool space = false;
  for (char c : text.trim()) {
    bool ws = c == ' ' || c == '\n' || c == '\t' || c == '\r';
    if (ws) {
      space = true;
      continue;
    }
    if (space) out += ' ';
    space = false;
    out += c;
  }
  return out + "`";
}

std::string objectList(const std::vector<unsigned>& ids) {
  std::string out;
  for (unsigned id : ids) out += (out.empty() ? "#" : " #") + std::to_string(id);
  return out.empty() ? "none" : out;
}

class Dumper {
 public:
  explicit Dumper(llvm::raw_ostream& os) : os_(os) {}

  void stmts(const std::vector<ir::Stmt>& list, unsigned depth) {
    for (const ir::Stmt& s : list) stmt(s, depth);
  }

  void stmt(const ir::Stmt& s, unsigned depth) {
    indent(depth);
    os_ << kindName(s.kind);
    switch (s.kind) {
      case ir::StmtKind::Block:
        os_ << " owns " << objectList(s.owned);
        break;
      case ir::StmtKind::Declare:
      case ir::StmtKind::Destroy:
        os_ << " #" << s.object;
        break;
      case ir::StmtKind::Construct:
        os_ << " #" << s.object << " " << quoted(s.text);
        break;
      case ir::StmtKind::Suspend:
        os_ << " state " << s.index;
        break;
      case ir::StmtKind::Loop:
        os_ << " " << s.index;
        break;
      case ir::StmtKind::Continue:
        os_ << " " << s.index << " cleanup " << objectList(s.cleanup);
        break;
      case ir::StmtKind::Break:
        os_ << " cleanup " << objectList(s.cleanup);
        break;
      case ir::StmtKind::Return:
        os_ << " cleanup " << objectList(s.cleanup);
        if (!llvm::StringRef(s.text).trim().empty()) os_ << " " << quoted(s.text);
        break;
      case ir::StmtKind::Code:
      case ir::StmtKind::If:
      case ir::StmtKind::Switch:
      case ir::StmtKind::Label:
        os_ << " " << quoted(s.text);
        break;
    }
    if (s.line) os_ << "  @" << s.line;
    os_ << "\n";
    if (s.kind == ir::StmtKind::Loop) {
      section("condition", s.elseChildren, depth + 1);
      section("body", s.children, depth + 1);
      section("latch", s.latch, depth + 1);
      return;
    }
    stmts(s.children, depth + 1);
    if (s.kind == ir::StmtKind::If && !s.elseChildren.empty()) {
      indent(depth);
      os_ << "else\n";
      stmts(s.elseChildren, depth + 1);
    }
  }

 private:
  void section(const char* name, const std::vector<ir::Stmt>& list, unsigned depth) {
    if (list.empty()) return;
    indent(depth);
    os_ << name << ":\n";
    stmts(list, depth + 1);
  }

  void indent(unsigned depth) { os_.indent(2 * depth); }

  llvm::raw_ostream& os_;
};

}  // namespace

std::string irDump(const ir::AsyncFunction& fn, const layout::FrameLayout& layout) {
  std::string text;
  llvm::raw_string_ostream os(text);
  os << "async " << fn.name << " -> " << fn.outputType << "  @" << fn.line << "\n";
  if (fn.isMethod)
    os << "  member of " << fn.classType << (fn.isStaticMethod ? " (static)" : "")
       << (fn.isConstMethod ? " (const)" : "") << "\n";
  if (!fn.templateHeader.empty()) os << "  " << fn.templateHeader << "\n";
  for (const ir::Param& p : fn.params) os << "  param " << p.name << ": " << p.type << "\n";
  for (const ir::FrameObject& o : fn.objects) {
    os << llvm::formatv("  object #{0} {1} {2}: {3}  @{4}  storage [{5}, {6}]", o.id, ir::toString(o.kind),
                        o.displayName, o.type, o.line, o.lifetimeBegin, o.lifetimeEnd);
    if (o.isArray) os << " array";
    if (o.alignHint) os << " align " << o.alignHint;
    bool inPoll = std::find(layout.pollLocal.begin(), layout.pollLocal.end(), o.id) != layout.pollLocal.end();
    os << (inPoll ? "  in poll()" : "") << "\n";
  }
  for (const ir::SuspendPoint& sp : fn.suspends) {
    os << "  state " << sp.state << "  @" << sp.line << " " << quoted(sp.text) << ": future #" << sp.future
       << (sp.futureIsBorrowed ? " (borrowed)" : "");
    if (sp.result >= 0) os << ", result #" << sp.result;
    os << ", alive " << objectList(sp.alive) << "\n";
  }
  for (const std::string& local : fn.pollLocals) os << "  poll local " << quoted(local) << "\n";
  for (const ir::PredefinedName& name : fn.predefinedNames)
    os << "  " << name.identifier << " = \"" << name.value << "\"\n";
  os << "  body:\n";
  Dumper(os).stmt(fn.body, 2);
  return text;
}

}  // namespace bcsc::reports
