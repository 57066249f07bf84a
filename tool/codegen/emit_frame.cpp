#include "codegen/emit_frame.h"

#include "llvm/ADT/StringExtras.h"

#include <set>

namespace bcsc::codegen {

namespace {

using ir::ObjectKind;
using ir::StmtKind;

std::string stateType(unsigned states) {
  if (states <= 0xff) return "std::uint8_t";
  if (states <= 0xffff) return "std::uint16_t";
  return "std::uint32_t";
}

std::string forwardCast(const ir::Param& p, const std::string& expr) {
  return "static_cast<std::add_rvalue_reference_t<" + p.type + ">>(" + expr + ")";
}

class Emitter {
 public:
  Emitter(const ir::AsyncFunction& fn, const layout::FrameLayout& layout, const EmitOptions& options)
      : fn_(fn), layout_(layout), options_(options), done_(fn.stateCount() - 1) {
    collectContinueTargets(fn.body);
  }

  std::string run() {
    line(fn_.line);
    if (internalFrame()) out_ += "namespace {\n";
    out_ += templateHeaders();
    out_ += "struct " + qualifiedFrame(false) + " {\n";
    out_ += "  using output_type = " + fn_.outputType + ";\n";
    out_ += "  static const std::size_t frame_size;\n";
    out_ += "  static const std::size_t frame_align;\n\n";
    emitConstructors();
    emitPoll();
    emitMembers();
    emitDestroy();
    out_ += "};\n";
    emitStaticMembers();
    if (internalFrame()) out_ += "}  // namespace\n";
    if (fn_.exported) {
      emitExportedMembers();
      emitExportedWrapper();
    } else {
      emitWrapper();
    }
    return out_;
  }

 private:
  // ---- the struct ----------------------------------------------------------
  // A free function's frame has internal linkage: two translation units
  // lowering different functions of the same name (overloads, `static`
  // functions) must not define one external class twice (an ODR violation
  // that lets the linker pick either poll()). Exported frames are the
  // exception; their names carry a hash of the function's mangled name.
  bool internalFrame() const { return !fn_.isMethod && !fn_.exported; }

  std::string self() const { return fn_.frameName + fn_.templateArgs; }

  // The frame's name outside its own class: nested in the class for members.
  std::string qualifiedFrame(bool withArgs) const {
    std::string name = fn_.isMethod ? fn_.classType + "::" + fn_.frameName : fn_.frameName;
    return withArgs ? name + fn_.templateArgs : name;
  }

  std::string templateHeaders() const {
    std::string out;
    if (!fn_.classTemplateHeader.empty()) out += fn_.classTemplateHeader + "\n";
    if (!fn_.templateHeader.empty()) out += fn_.templateHeader + "\n";
    return out;
  }

  bool hasSelf() const { return fn_.isMethod && !fn_.isStaticMethod; }
  std::string selfType() const { return (fn_.isConstMethod ? "const " : "") + fn_.classType + "*"; }

  void emitConstructors() {
    generatedCode();
    const std::string& name = fn_.frameName;
    std::string params, inits, moves;
    if (hasSelf()) {
      params = selfType() + " bcsc_self";
      inits = " : bcsc_self(bcsc_self)";
      moves = " : bcsc_self(bcsc_other.bcsc_self)";
    }
    for (const ir::Param& p : fn_.params) {
      params += (params.empty() ? "" : ", ") + std::string("std::add_rvalue_reference_t<") + p.type + "> " + p.name;
      inits += (inits.empty() ? " : " : ", ") + p.name + "(" + forwardCast(p, p.name) + ")";
      moves += (moves.empty() ? " : " : ", ") + p.name + "(" + forwardCast(p, "bcsc_other." + p.name) + ")";
    }
    out_ += "  explicit " + name + "(" + params + ")" + inits + " {}\n";
    out_ += "  // A frame may move only before its first poll.\n";
    out_ += "  " + name + "(" + name + "&& bcsc_other)" + moves +
            " { bcsc::detail::require_unstarted(bcsc_other.bcsc_storage.state); }\n";
    out_ += "  " + name + "(const " + name + "&) = delete;\n";
    out_ += "  " + name + "& operator=(const " + name + "&) = delete;\n";
    out_ += "  " + name + "& operator=(" + name + "&&) = delete;\n";
    out_ += "  ~" + name + "() { bcsc_destroy(); }\n\n";
  }

  void generatedCode() {
    if (!options_.generatedFile.empty()) out_ += "#line 1 \"" + options_.generatedFile + "\"\n";
  }

  void emitMembers() {
    generatedCode();
    out_ += "\n";
    if (hasSelf()) out_ += "  " + selfType() + " bcsc_self;\n";
    for (const ir::Param& p : fn_.params) out_ += "  " + p.type + " " + p.name + ";\n";
    // The storage of every frame object, then the state index, in one
    // struct so that the state can use the storage's tail padding.
    out_ += "  ";
    emitLayoutNode(layout_.root, 1, "  " + stateType(fn_.stateCount()) + " state = 0;\n");
    out_ += " " + layout_.root.member + ";\n";
  }

  void emitLayoutNode(const layout::Node& node, int depth, const std::string& trailer = "") {
    if (node.kind == layout::Node::Slot) {
      const ir::FrameObject& o = fn_.objects[node.object];
      out_ += slotType(o);
      return;
    }
    out_ += node.kind == layout::Node::Struct ? "struct {\n" : "union {\n";
    for (const layout::Node& child : node.children) {
      out_ += std::string(2 * (depth + 1), ' ');
      emitLayoutNode(child, depth + 1);
      out_ += " " + child.member + ";";
      if (child.kind == layout::Node::Slot) out_ += "  // " + describe(fn_.objects[child.object]);
      out_ += "\n";
    }
    if (!trailer.empty()) out_ += std::string(2 * depth, ' ') + trailer;
    out_ += std::string(2 * depth, ' ') + "}";
  }

  // An `alignas` on the variable goes on its slot member, so the slot is
  // placed as the variable would be while its size stays the object's.
  static std::string slotType(const ir::FrameObject& o) {
    std::string slot = "bcsc::detail::slot<" + o.type + ">";
    return o.alignSpecifier.empty() ? slot : o.alignSpecifier + " " + slot;
  }

  static std::string describe(const ir::FrameObject& o) {
    return std::string(ir::toString(o.kind)) + " " + o.displayName + ", line " + std::to_string(o.line);
  }

  // The initializers are in the frame's scope, so its plain name works
  // even for frames nested in class templates.
  void emitStaticMembers() {
    generatedCode();
    std::string frame = qualifiedFrame(true);
    // [[maybe_unused]]: a frame with internal linkage whose figures nobody
    // reads must not trip -Wunused-const-variable.
    out_ += templateHeaders() + "[[maybe_unused]] constexpr std::size_t " + frame + "::frame_size = sizeof(" +
            fn_.frameName + ");\n";
    out_ += templateHeaders() + "[[maybe_unused]] constexpr std::size_t " + frame + "::frame_align = alignof(" +
            fn_.frameName + ");\n";
  }

  void emitWrapper() {
    line(fn_.line);
    out_ += templateHeaders();
    std::string args = hasSelf() ? "this" : "";
    for (const ir::Param& p : fn_.params) args += (args.empty() ? "" : ", ") + forwardCast(p, p.name);
    if (fn_.isMethod) {
      // Out of the class: no default arguments, and a trailing return type
      // so the nested frame's name needs no qualification.
      std::string params;
      for (const ir::Param& p : fn_.params) params += (params.empty() ? "" : ", ") + p.type + " " + p.name;
      out_ += "inline auto " + fn_.classType + "::" + fn_.name + "(" + params + ")" +
              (fn_.isConstMethod ? " const" : "") + " -> " + self() + " {\n";
    } else {
      out_ += (fn_.attributes.empty() ? "" : fn_.attributes + " ") + fn_.qualifiers + self() + " " + fn_.name + "(" +
              fn_.paramList + ") {\n";
    }
    out_ += "  return " + self() + "(" + args + ");\n}\n";
  }

  // ---- separate compilation --------------------------------------------------
  // The opaque class of the export header holds the real frame in its
  // storage; its members, declared there, are defined here by forwarding.
  // The static_assert catches an export header that does not match this
  // translation unit (stale, or generated with other flags). The tool
  // itself measures the real frame before it knows the figures, with
  // __BCSC_MEASURING__ defined.
  void emitExportedMembers() {
    const std::string& opaque = fn_.exportedFrame;
    const std::string& real = fn_.frameName;
    std::string at = "std::launder(reinterpret_cast<" + real + "*>(bcsc_storage))";
    out_ += "#ifndef __BCSC_MEASURING__\n";
    out_ += "static_assert(sizeof(" + real + ") == " + opaque + "::frame_size && alignof(" + real + ") == " + opaque +
            "::frame_align, \"bcsc: the frame of '" + fn_.name + "' does not match its declaration in " +
            fn_.exportHeader + " (stale or generated with other flags); lower this file again\");\n";
    out_ += "#endif\n";
    out_ += opaque + "::" + opaque + "(" + opaque + "&& bcsc_other) {\n  ::new (static_cast<void*>(bcsc_storage)) " +
            real + "(static_cast<" + real + "&&>(*std::launder(reinterpret_cast<" + real +
            "*>(bcsc_other.bcsc_storage))));\n}\n";
    out_ += opaque + "::~" + opaque + "() { " + at + "->~" + real + "(); }\n";
    out_ += "bcsc::poll_result<" + fn_.outputType + "> " + opaque + "::poll(bcsc::context& bcsc_cx) {\n  return " + at +
            "->poll(bcsc_cx);\n}\n";
  }

  // The wrapper returns the opaque class, constructing the real frame in
  // its storage (guaranteed copy elision: no move).
  void emitExportedWrapper() {
    line(fn_.line);
    std::string args;
    for (const ir::Param& p : fn_.params) args += (args.empty() ? "" : ", ") + forwardCast(p, p.name);
    out_ += fn_.exportedFrame + " " + fn_.name + "(" + fn_.paramList + ") {\n";
    out_ += "  return " + fn_.exportedFrame + "(bcsc::detail::frame_init, [&](void* bcsc_at) { ::new (bcsc_at) " +
            fn_.frameName + "(" + args + "); });\n}\n";
  }

  // ---- poll ----------------------------------------------------------------
  void emitPoll() {
    defineFunctionIdentity();
    out_ += "  bcsc::poll_result<" + fn_.outputType + "> poll(bcsc::context& bcsc_cx) {\n";
    generatedCode();
    if (!layout_.pollLocal.empty()) {
      out_ += "    // co_await values that no suspend point outlives: not in the frame.\n";
      out_ += "    union {\n";
      for (unsigned id : layout_.pollLocal)
        out_ += "      " + slotType(fn_.objects[id]) + " " + fn_.objects[id].name + ";\n";
      out_ += "    } bcsc_results;\n";
    }
    bindSlots(allObjects());
    for (const std::string& local : fn_.pollLocals) out_ += "    " + local + "\n";
    if (fn_.outputType != "void")
      out_ += "    bcsc::detail::slot<bcsc::poll_result<" + fn_.outputType + ">> bcsc_return_value;\n";
    out_ += "    switch (bcsc_state) {\n      case 0: break;\n";
    for (const ir::SuspendPoint& s : fn_.suspends)
      out_ += "      case " + std::to_string(s.state) + ": goto bcsc_resume_" + std::to_string(s.state) + ";\n";
    out_ += "      default: bcsc::detail::polled_after_completion();\n    }\n";
    emitStmt(fn_.body);
    emitReturnTails();
    out_ += "  }\n";
    restoreFunctionIdentity();
  }

  // The user's body is poll()'s, where __func__ would say "poll": the names
  // the body uses are macros with the C++20 build's strings while poll() is
  // defined, so uses inside macro expansions (assert) get them too.
  void defineFunctionIdentity() {
    for (const ir::PredefinedName& name : fn_.predefinedNames)
      out_ += "#pragma push_macro(\"" + name.identifier + "\")\n#define " + name.identifier + " " +
              stringLiteral(name.value) + "\n";
  }
  void restoreFunctionIdentity() {
    for (const ir::PredefinedName& name : fn_.predefinedNames)
      out_ += "#undef " + name.identifier + "\n#pragma pop_macro(\"" + name.identifier + "\")\n";
  }
  static std::string stringLiteral(llvm::StringRef value) {
    std::string out = "\"";
    for (char c : value) {
      if (c == '"' || c == '\\') out += '\\';
      out += c;
    }
    return out + "\"";
  }

  std::vector<unsigned> allObjects() const {
    std::vector<unsigned> ids;
    for (const ir::FrameObject& o : fn_.objects) ids.push_back(o.id);
    return ids;
  }

  // Short local names for the slots, bound before any jump so that every
  // resume point sees them.
  void bindSlots(const std::vector<unsigned>& ids) {
    out_ += "    auto& bcsc_state = bcsc_storage.state;\n";
    for (unsigned id : ids)
      out_ += "    auto& " + fn_.objects[id].name + " = " + layout_.paths.at(id) + ";\n";
  }

  void collectContinueTargets(const ir::Stmt& s) {
    if (s.kind == StmtKind::Continue) continued_.insert(s.index);
    for (const auto* list : {&s.children, &s.elseChildren, &s.latch})
      for (const ir::Stmt& c : *list) collectContinueTargets(c);
  }

  void line(unsigned l) {
    if (options_.lineDirectives && l) out_ += "#line " + std::to_string(l) + " \"" + fn_.file + "\"\n";
  }

  void destroy(unsigned id) { out_ += fn_.objects[id].name + ".destroy();\n"; }

  void emitList(const std::vector<ir::Stmt>& list) {
    for (const ir::Stmt& s : list) emitStmt(s);
  }

  void emitStmt(const ir::Stmt& s) {
    switch (s.kind) {
      case StmtKind::Block:
        // The block's ordinary locals are all declared after its frame
        // objects, so they must die first: they live in an inner scope.
        out_ += s.owned.empty() ? "{\n" : "{\n{\n";
        emitList(s.children);
        if (!s.owned.empty()) out_ += "}\n";
        for (auto it = s.owned.rbegin(); it != s.owned.rend(); ++it) destroy(*it);
        out_ += "}\n";
        return;
      case StmtKind::Declare:
        return;
      case StmtKind::Construct:
        line(s.line);
        emitConstruct(fn_.objects[s.object], s.text);
        return;
      case StmtKind::Destroy:
        destroy(s.object);
        return;
      case StmtKind::Code:
        line(s.line);
        out_ += s.text + "\n";
        return;
      case StmtKind::Suspend:
        line(s.line);
        emitSuspend(fn_.suspends[s.index - 1]);
        return;
      case StmtKind::If:
        line(s.line);
        out_ += "if (" + s.text + ") ";
        emitBranch(s.children);
        if (!s.elseChildren.empty()) {
          out_ += "else ";
          emitBranch(s.elseChildren);
        }
        return;
      case StmtKind::Loop:
        line(s.line);
        emitLoop(s);
        return;
      case StmtKind::Switch:
        line(s.line);
        emitSwitch(s);
        return;
      case StmtKind::Label:
        out_ += s.text + "\n";
        return;
      case StmtKind::Break:
        emitJump(s, /*isBreak=*/true);
        return;
      case StmtKind::Continue:
        emitJump(s, /*isBreak=*/false);
        return;
      case StmtKind::Return:
        line(s.line);
        emitReturn(s);
        return;
    }
  }

  // A break or continue that leaves scopes with frame objects first leaves
  // the C++ scopes (a goto to a tail just outside them, so their ordinary
  // locals die), then the tail destroys the frame objects: those locals
  // were declared after them.
  struct Tail {
    std::string label;
    std::vector<unsigned> cleanup;
  };
  struct Breakable {
    bool isLoop;
    unsigned loop;
    std::vector<Tail> breaks;
    std::vector<Tail> continues;
  };

  void emitJump(const ir::Stmt& s, bool isBreak) {
    std::string plain = isBreak ? "break;" : "goto bcsc_continue_" + std::to_string(s.index) + ";";
    if (s.cleanup.empty() || breakables_.empty()) {
      out_ += plain + "\n";
      return;
    }
    Breakable* target = &breakables_.back();
    if (!isBreak)
      for (auto it = breakables_.rbegin(); it != breakables_.rend(); ++it)
        if (it->isLoop && it->loop == s.index) {
          target = &*it;
          break;
        }
    std::string label = "bcsc_jump_" + std::to_string(++jumpCounter_);
    (isBreak ? target->breaks : target->continues).push_back({label, s.cleanup});
    out_ += "goto " + label + ";\n";
  }

  void emitTails(const std::vector<Tail>& tails, const std::string& then) {
    for (const Tail& tail : tails) {
      out_ += tail.label + ":\n";
      for (unsigned id : tail.cleanup) destroy(id);
      out_ += then + "\n";
    }
  }

  void emitLoop(const ir::Stmt& s) {
    std::string next = "bcsc_continue_" + std::to_string(s.index);
    breakables_.push_back({true, s.index, {}, {}});
    out_ += "for (;;) {\n";
    emitList(s.elseChildren);
    emitList(s.children);
    std::vector<Tail> continues = breakables_.back().continues;
    if (!continues.empty()) {
      out_ += "goto " + next + ";\n";
      emitTails(continues, "goto " + next + ";");
    }
    if (continued_.count(s.index) || !continues.empty()) out_ += next + ":;\n";
    emitList(s.latch);
    std::vector<Tail> breaks = breakables_.back().breaks;
    breakables_.pop_back();
    if (!breaks.empty()) {
      out_ += "continue;\n";
      emitTails(breaks, "break;");
    }
    out_ += "}\n";
  }

  void emitSwitch(const ir::Stmt& s) {
    breakables_.push_back({false, 0, {}, {}});
    out_ += "switch (" + s.text + ") {\n";
    emitList(s.children);
    out_ += "}\n";
    std::vector<Tail> breaks = breakables_.back().breaks;
    breakables_.pop_back();
    if (breaks.empty()) return;
    std::string end = "bcsc_switch_end_" + std::to_string(++jumpCounter_);
    out_ += "goto " + end + ";\n";
    emitTails(breaks, "goto " + end + ";");
    out_ += end + ":;\n";
  }

  void emitBranch(const std::vector<ir::Stmt>& list) {
    out_ += "{\n";
    emitList(list);
    out_ += "}\n";
  }

  void emitConstruct(const ir::FrameObject& o, const std::string& init) {
    std::string type = o.isArray ? "bcsc::detail::array_box<" + o.type + ">"
                                 : "bcsc::detail::type_identity_t<" + o.type + ">";
    out_ += "::new (" + o.name + ".addr()) " + type + init + ";\n";
  }

  // Every line of the resume code maps to the co_await's own line, so that
  // the lines after it in the user's file keep their own code only (a
  // debugger breakpoint on the next line must not land here).
  void emitSuspend(const ir::SuspendPoint& p) {
    std::string k = std::to_string(p.state);
    auto atAwait = [&](const std::string& code) {
      line(p.line);
      out_ += code + "\n";
    };
    atAwait("bcsc_resume_" + k + ": {");
    atAwait("auto bcsc_poll = bcsc::detail::poll_awaited(" + p.futureAccess + ", bcsc_cx);");
    atAwait("if (bcsc_poll.is_pending()) {");
    atAwait("bcsc_state = " + k + ";");
    atAwait("return bcsc::pending;");
    atAwait("}");
    if (!p.futureIsBorrowed) atAwait(fn_.objects[p.future].name + ".destroy();");
    if (p.result >= 0) atAwait("bcsc::detail::emplace_result(" + fn_.objects[p.result].name + ", bcsc_poll);");
    atAwait("}");
  }

  // A return first leaves every C++ scope (a goto to the end of poll(), so
  // the ordinary locals die, innermost first), then destroys the frame
  // objects of those scopes: the locals were declared after them.
  void emitReturn(const ir::Stmt& s) {
    bool isVoid = fn_.outputType == "void";
    if (s.index == 1 && !isVoid) {
      out_ += "bcsc::detail::flowed_off_end();\n";
      return;
    }
    unsigned k = static_cast<unsigned>(returns_.size());
    out_ += "{\n";
    line(s.line);  // the value is the user's expression: its line, not the next one
    if (!isVoid)
      out_ += "::new (bcsc_return_value.addr()) bcsc::poll_result<" + fn_.outputType + ">(" + s.text + ");\n";
    for (unsigned i = 0; i < s.object && i < s.cleanup.size(); ++i) destroy(s.cleanup[i]);
    out_ += "goto bcsc_return_" + std::to_string(k) + ";\n}\n";
    returns_.push_back(std::vector<unsigned>(s.cleanup.begin() + std::min<size_t>(s.object, s.cleanup.size()),
                                             s.cleanup.end()));
  }

  // The ends of the returns, outside every scope of the body.
  void emitReturnTails() {
    bool isVoid = fn_.outputType == "void";
    for (unsigned k = 0; k < returns_.size(); ++k) {
      out_ += "bcsc_return_" + std::to_string(k) + ":\n";
      for (unsigned id : returns_[k]) destroy(id);
      out_ += "goto bcsc_complete;\n";
    }
    out_ += "bcsc_complete:\n";
    out_ += "bcsc_state = " + std::to_string(done_) + ";\n";
    if (isVoid) {
      out_ += "return bcsc::ready();\n";
      return;
    }
    out_ += "bcsc::poll_result<" + fn_.outputType + "> bcsc_value(std::move(*bcsc_return_value));\n";
    out_ += "bcsc_return_value.destroy();\n";
    out_ += "return bcsc_value;\n";
  }

  // ---- destruction = cancellation -------------------------------------------
  void emitDestroy() {
    generatedCode();
    out_ += "\n  // Cancellation: destroys exactly what is alive at the current suspend point.\n";
    out_ += "  void bcsc_destroy() noexcept {\n";
    std::set<unsigned> used;
    for (const ir::SuspendPoint& p : fn_.suspends) used.insert(p.alive.begin(), p.alive.end());
    bindSlots(std::vector<unsigned>(used.begin(), used.end()));
    out_ += "    switch (bcsc_state) {\n";
    for (const ir::SuspendPoint& p : fn_.suspends) {
      if (p.alive.empty()) continue;
      out_ += "      case " + std::to_string(p.state) + ":\n";
      for (auto it = p.alive.rbegin(); it != p.alive.rend(); ++it) destroy(*it);
      out_ += "        break;\n";
    }
    out_ += "      default: break;\n    }\n  }\n";
  }

  const ir::AsyncFunction& fn_;
  const layout::FrameLayout& layout_;
  const EmitOptions& options_;
  unsigned done_;
  std::set<unsigned> continued_;
  std::vector<std::vector<unsigned>> returns_;  // frame objects each return destroys after leaving its scopes
  std::vector<Breakable> breakables_;           // enclosing loops and switches while emitting
  unsigned jumpCounter_ = 0;
  std::string out_;
};

}  // namespace

std::string emitFunction(const ir::AsyncFunction& fn, const layout::FrameLayout& layout,
                         const EmitOptions& options) {
  return Emitter(fn, layout, options).run();
}

std::string emitDeclaration(const ir::AsyncFunction& fn, const std::string& attributes) {
  std::string tmpl = fn.templateHeader.empty() ? "" : fn.templateHeader + " ";
  const std::string& frame = fn.exported ? fn.exportedFrame : fn.frameName;
  std::string out = tmpl + "struct " + frame + ";\n";
  if (!fn.isMethod && !fn.exported) out = "namespace {\n" + out + "}  // namespace\n";
  out += tmpl + (attributes.empty() ? "" : attributes + " ") + (fn.isStaticMethod ? "static " : fn.qualifiers) + frame + fn.templateArgs + " " + fn.name +
         "(" + fn.paramList + ")" + (fn.isConstMethod ? " const" : "") + ";";
  return out;
}

}  // namespace bcsc::codegen

namespace bcsc::ir {
const char* toString(ObjectKind kind) {
  switch (kind) {
    case ObjectKind::Local: return "local";
    case ObjectKind::Reference: return "reference";
    case ObjectKind::Temporary: return "temporary";
    case ObjectKind::Borrow: return "borrow";
    case ObjectKind::Future: return "future";
    case ObjectKind::Result: return "result";
  }
  return "object";
}
}  // namespace bcsc::ir
