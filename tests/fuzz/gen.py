#!/usr/bin/env python3
"""Seeded random generator of [[bcsc::async]] programs for differential fuzzing.

    gen.py SEED [-o FILE] [--no-workarounds]

prints (or writes) one standalone C++ program: a few async functions (plain
and templates, callees always defined before callers, no recursion), a
`run()` that drives the last one with block_on and then cancels fresh copies
of it after k polls for several k, and a main() calling run(). The program
is valid C++20 (fallback mode) and, by construction, only uses what the
tool supports; it prints a trace (values, RAII constructor/destructor lines,
poll counts) that must be identical in both builds.

What the programs contain: nested if/else, for, while, do-while, range-for
(bounded trip counts), switch with braced cases and fallthrough, break,
continue, early co_return; co_await inside expressions, call arguments,
conditions, initializers, ?:, &&, || and co_return operands; Tracer RAII
objects (named and temporaries living across co_await); references and
pointers to locals (also passed to callees, which modify them after
suspending); nested async calls, function templates, lvalue futures, and
bcsc::join / bcsc::race over async calls and leaf futures. Arithmetic is on
unsigned values only (wraparound is defined); divisors are `x | 1u`; shift
counts are masked. Same seed => same program.

The generator is a library too: `generate(seed)` returns the program text,
`generate_unit(seed)` the namespace `fz<seed>` with its `run()` only (the
runner batches several programs per translation unit).

Constructs the tool deliberately rejects are avoided unless
--no-workarounds is given (see WORKAROUNDS); every tool bug the generator
found has a reproducer in regressions/.
"""
import argparse
import random
import sys

# Constructs the generator steers around by default; `--no-workarounds` (or
# run.py --no-workarounds) generates them again. What is left is a
# deliberate rejection, not a bug.
WORKAROUNDS = {
    # In a function template, a Tracer(k) temporary passed to a call that is
    # resolved only at instantiation with argument-dependent lookup
    # (f0(a0, Tracer(8)) with a0 of type T), in a full-expression with a
    # later co_await, is rejected ("this temporary lives until the end of the
    # full-expression ... may take it by value"): the tool cannot tell whether
    # the callee binds it to a reference. No Tracer temporaries as arguments
    # in templates. tests/lit/errors/template_temporary_argument_adl.cpp
    "template-temporary-argument",
}
# Fixed in the tool since they were found (kept generating them; measured:
# seeds 40000..40149 pass with only the workaround above):
#   "range-for-array": `for (x : local_array)` living across co_await (pointer
#     type spelled `unsigned int[3] *`) — regressions/range_for_array.cpp;
#   "yield-in-join": bcsc::yield_now() as a join/race child (type spelled
#     without its namespace) — regressions/join_yield_now.cpp;
#   "template-switch-await": `switch (f(x, co_await g()) % 4u)` in a template
#     was rejected;
#   "stack-after-frame-object": an object kept on the C++ stack destroyed
#     after an earlier-declared frame object of the same scope —
#     regressions/destruction_order_stack_after_frame.cpp;
#   "template-auto-future": `auto f = g(a);` with a type-dependent
#     initializer living across co_await (slot<auto>) —
#     regressions/template_auto_future.cpp;
#   "template-ternary-spill": `c ? x : y` with glvalue arms spilled in a
#     template (reference-typed slot) — regressions/template_conditional_awaits.cpp;
#   "join-result-across-await": the result of co_await bcsc::join(...) kept
#     in a variable or structured bindings across a later co_await (type
#     spelled `std::T`; in templates, bindings rejected) —
#     regressions/join_result_across_await.cpp, template_join_bindings.cpp;
#   "temporary-across-await": a temporary (Tracer(k)) in a full-expression
#     that also contains a later co_await was destroyed before the
#     suspension instead of at the end of the full-expression
#     (regressions/temporary_across_await.cpp, temporary_reference_argument.cpp,
#     temporary_in_race_argument.cpp, conditional_temporary_across_await.cpp,
#     conditional_operand_temporary.cpp);
#   "template-bare-await-init": `T x = co_await f();` in a function template
#     was rejected (DependentCoawaitExpr);
#   "switch-await-condition": `switch (co_await f())` was rejected;
#   lowered code spelling the type of a spilled co_await result as
#     `bcsc::detail::future_awaiter<F>::T` or as `unsigned int &&`, and
#     duplicated resume labels / case values (seen in the first runs, fixed
#     by the tool's authors before they were reduced).


class Fn:
    def __init__(self, name, template, ret, params):
        self.name = name
        self.template = template  # template <class T>: T is the value type
        self.ret = ret            # 'u' (unsigned / T) or 'v' (void)
        self.params = params      # list of 'u' (value), 'p' (unsigned*), 'r' (unsigned&), 't' (const Tracer&)
        self.cost = 1             # estimated trace lines of one call


class Var:
    def __init__(self, name, kind, mutable=True):
        self.name = name
        self.kind = kind  # 'u' value, 'r' reference to unsigned, 'p' pointer to unsigned, 't' Tracer
        self.mutable = mutable


class Gen:
    def __init__(self, seed, workarounds=True):
        self.seed = seed
        self.r = random.Random(seed)
        self.avoid = set(WORKAROUNDS) if workarounds else set()
        self.fns = []
        self.site = 0
        self.tracer_id = 0
        self.tmp = 0
        self.budget = 200
        self.t_vars = set()

    # ---- helpers -----------------------------------------------------------
    def chance(self, p):
        return self.r.random() < p

    def pick(self, seq):
        return seq[self.r.randrange(len(seq))]

    def fresh(self, prefix):
        self.tmp += 1
        return "%s%d" % (prefix, self.tmp)

    def next_site(self):
        self.site += 1
        return self.site

    def next_tracer(self):
        self.tracer_id += 1
        return self.tracer_id

    def scope_vars(self, kinds, mutable=False, plain=False):
        """Visible variables of the given kinds; plain: of type unsigned (not T)."""
        out = []
        for scope in self.scopes:
            for v in scope:
                if v.kind in kinds and (v.mutable or not mutable) and not (plain and v.name in self.t_vars):
                    out.append(v)
        return out

    def declare(self, var):
        self.scopes[-1].append(var)

    def add_cost(self, n):
        self.cost += self.mult * n

    def affordable(self, fn):
        return self.cost + self.mult * (fn.cost + 1) <= self.budget

    # ---- expressions -------------------------------------------------------
    def atom(self):
        vals = self.scope_vars('ur')
        ptrs = self.scope_vars('p')
        c = self.r.random()
        if c < 0.3 or not (vals or ptrs):
            return "%du" % self.r.randrange(0, 20)
        if c < 0.85 and vals:
            return self.pick(vals).name
        if ptrs:
            return "*" + self.pick(ptrs).name
        return self.pick(vals).name

    def await_expr(self, depth):
        """An unsigned-valued co_await expression."""
        self.awaits += 1
        callees = [f for f in self.fns if f.ret == 'u' and self.affordable(f)]
        if callees and self.chance(0.55):
            f = self.pick(callees)
            call = self.call(f, depth)
            if call is not None:
                return "co_await " + call
        self.add_cost(1)
        return "co_await tk(%s, %d)" % (self.expr(depth + 1, allow_await=False), self.r.randrange(0, 3))

    def expr(self, depth=0, allow_await=True):
        if allow_await and self.awaits_left() and depth < 3 and self.chance(0.3):
            e = self.await_expr(depth)
            return "(%s)" % e if depth > 0 else e
        if depth >= 3 or self.chance(0.35):
            if self.chance(0.04):
                self.add_cost(2)
                return "unsigned(Tracer(%d).id)" % self.next_tracer()
            return self.atom()
        c = self.r.random()
        a = self.expr(depth + 1, allow_await)
        if c < 0.55:
            op = self.pick(["+", "-", "*", "^", "&", "|", "+", "-"])
            return "(%s %s %s)" % (a, op, self.expr(depth + 1, allow_await))
        if c < 0.63:
            return "(%s / (%s | 1u))" % (a, self.expr(depth + 1, allow_await))
        if c < 0.70:
            return "(%s %% (%s | 1u))" % (a, self.expr(depth + 1, allow_await))
        if c < 0.76:
            return "(%s %s (%s & 7u))" % (a, self.pick(["<<", ">>"]), self.expr(depth + 1, allow_await))
        if c < 0.86:
            cnd = self.cond(depth + 1, allow_await)
            b = self.expr(depth + 1, allow_await)
            if self.fn.template and "template-ternary-spill" in self.avoid:
                a, b = "unsigned(%s)" % a, "unsigned(%s)" % b
            return "(%s ? %s : %s)" % (cnd, a, b)
        if c < 0.93:
            return "mix(%s, %s)" % (a, self.expr(depth + 1, allow_await))
        return "unsigned(%s)" % self.cond(depth + 1, allow_await)

    def cond(self, depth=0, allow_await=True):
        c = self.r.random()
        if depth < 3 and c < 0.2:
            return "(%s %s %s)" % (self.cond(depth + 1, allow_await), self.pick(["&&", "||"]),
                                   self.cond(depth + 1, allow_await))
        if depth < 3 and c < 0.25:
            return "!%s" % self.cond(depth + 1, allow_await)
        if c < 0.45:
            return "((%s & %du) != 0u)" % (self.expr(depth + 1, allow_await), self.pick([1, 2, 3, 4]))
        return "(%s %s %s)" % (self.expr(depth + 1, allow_await), self.pick(["<", "<=", ">", "==", "!="]),
                               self.expr(depth + 1, allow_await))

    def awaits_left(self):
        return self.awaits < 2

    def full(self, gen, *args):
        """One full-expression: at most two co_awaits in it."""
        self.awaits = 0
        return gen(*args)

    # ---- calls -------------------------------------------------------------
    def call(self, f, depth=0, tmpl_arg=None, outlives=False):
        """Text calling f (no co_await), or None if an argument is unavailable."""
        args = []
        muts = self.scope_vars('ur', mutable=True, plain=True)
        tracers = self.scope_vars('t')
        ptrs = self.scope_vars('p')
        for p in f.params:
            if p == 'u':
                args.append(self.expr(depth + 1))
            elif p == 'p':
                if ptrs and self.chance(0.4):
                    args.append(self.pick(ptrs).name)
                elif muts:
                    args.append("&" + self.pick(muts).name)
                else:
                    return None
            elif p == 'r':
                if not muts:
                    return None
                args.append(self.pick(muts).name)
            elif p == 't':
                if tracers and (outlives or self.chance(0.6)):
                    args.append(self.pick(tracers).name)
                elif outlives:
                    return None  # a temporary would dangle: the future outlives the full-expression
                elif self.fn.template and "template-temporary-argument" in self.avoid:
                    return None
                else:
                    self.add_cost(2)
                    args.append("Tracer(%d)" % self.next_tracer())
        self.add_cost(f.cost)
        targ = ""
        if f.template:
            targ = "<%s>" % (tmpl_arg or self.pick(["unsigned", "unsigned", "unsigned long long"]))
        return "%s%s(%s)" % (f.name, targ, ", ".join(args))

    def child_future(self, want):
        """A future for join/race: want 'u' (unsigned output), 'v' (void) or None (any)."""
        opts = []
        callees = [f for f in self.fns if self.affordable(f) and (want is None or f.ret == want)]
        if callees:
            opts.append('call')
        if want in (None, 'u'):
            opts.append('tk')
        if want in (None, 'v'):
            opts.append('pause')
            if "yield-in-join" not in self.avoid:
                opts.append('yield')
        kind = self.pick(opts)
        if kind == 'call' and self.chance(0.75):
            f = self.pick(callees)
            c = self.call(f, 1, tmpl_arg="unsigned" if want == 'u' else None)
            if c is not None:
                return c, f.ret
        if kind == 'pause' or (kind == 'call' and want == 'v'):
            self.add_cost(1)
            return "pause(%d)" % self.r.randrange(0, 4), 'v'
        if kind == 'yield':
            return "bcsc::yield_now()", 'v'
        self.add_cost(1)
        return "tk(%s, %d)" % (self.expr(2, allow_await=False), self.r.randrange(0, 4)), 'u'

    # ---- statements --------------------------------------------------------
    def block(self, depth, n=None, decls=()):
        self.scopes.append(list(decls))
        out = []
        if n is None:
            n = self.r.randrange(1, 3 if depth > 1 else 4)
        for _ in range(n):
            out.extend(self.stmt(depth))
        self.scopes.pop()
        return out

    def ind(self, lines):
        return ["  " + l for l in lines]

    def assign_target(self):
        muts = self.scope_vars('ur', mutable=True)
        ptrs = self.scope_vars('p')
        if ptrs and self.chance(0.25):
            return "*" + self.pick(ptrs).name
        if muts:
            return self.pick(muts).name
        return None

    def stmt(self, depth):
        kinds = ['decl', 'decl', 'assign', 'assign', 'trace', 'trace', 'await', 'tracer', 'ref']
        if depth < 3:
            kinds += ['if', 'if', 'loop', 'loop', 'switch', 'block', 'join', 'race', 'future']
        if self.loop_depth > 0:
            kinds += ['break', 'continue']
        if self.break_depth > 0:
            kinds += ['break']
        kinds += ['return']
        k = self.pick(kinds)
        return getattr(self, 'st_' + k)(depth)

    def vt(self):
        """Type of a new value variable."""
        if self.fn.template and self.chance(0.5):
            return "T"
        return "unsigned"

    def st_decl(self, depth):
        name = self.fresh("v")
        self.awaits = 0
        if self.chance(0.3):
            init = self.await_expr(0)
        else:
            init = self.expr()
        t = self.vt()
        if t == "T":
            self.t_vars.add(name)
        self.declare(Var(name, 'u'))
        return ["%s %s = %s;" % (t, name, init)]

    def st_assign(self, depth):
        t = self.assign_target()
        if t is None:
            return self.st_decl(depth)
        op = self.pick(["=", "+=", "-=", "^=", "*=", "|="])
        return ["%s %s %s;" % (t, op, self.full(self.expr))]

    def st_trace(self, depth):
        self.add_cost(1)
        return ["trace(%d, %s);" % (self.next_site(), self.full(self.expr))]

    def st_await(self, depth):
        self.awaits = 0
        c = self.r.random()
        voids = [f for f in self.fns if f.ret == 'v' and self.affordable(f)]
        if voids and c < 0.4:
            call = self.call(self.pick(voids))
            if call is not None:
                return ["co_await %s;" % call]
        if c < 0.7:
            self.add_cost(1)
            return ["co_await pause(%d);" % self.r.randrange(0, 3)]
        if c < 0.85:
            return ["co_await bcsc::yield_now();"]
        self.add_cost(1)
        return ["trace(%d, %s);" % (self.next_site(), self.await_expr(0))]

    def st_tracer(self, depth):
        name = self.fresh("t")
        self.add_cost(2)
        self.awaits = 0
        if self.chance(0.25):
            # A frame object whose constructor argument is awaited.
            arg = "int(%du + %s %% 7u)" % (1000 + 10 * self.next_tracer(), self.expr(1))
        else:
            arg = str(self.next_tracer())
        self.declare(Var(name, 't'))
        if "stack-after-frame-object" in self.avoid:
            return ["Tracer %s(%s);" % (name, arg), "co_await pause(0);"]
        return ["Tracer %s(%s);" % (name, arg)]

    def st_ref(self, depth):
        muts = self.scope_vars('ur', mutable=True, plain=True)
        if not muts:
            return self.st_decl(depth)
        target = self.pick(muts).name
        if self.chance(0.5):
            name = self.fresh("r")
            self.declare(Var(name, 'r'))
            return ["unsigned& %s = %s;" % (name, target)]
        name = self.fresh("p")
        self.declare(Var(name, 'p'))
        return ["unsigned* %s = &%s;" % (name, target)]

    def st_if(self, depth):
        c = self.full(self.cond)
        out = ["if (%s) {" % c] + self.ind(self.block(depth + 1)) + ["}"]
        if self.chance(0.5):
            out[-1] = "} else {"
            out += self.ind(self.block(depth + 1)) + ["}"]
        return out

    def st_block(self, depth):
        return ["{"] + self.ind(self.block(depth + 1)) + ["}"]

    def loop_body(self, depth, trips, decls=()):
        saved = (self.mult, self.loop_depth, self.break_depth)
        self.mult *= trips
        self.loop_depth += 1
        self.break_depth = 0
        body = self.block(depth + 1, decls=decls)
        self.mult, self.loop_depth, self.break_depth = saved
        return body

    def st_loop(self, depth):
        trips = self.r.randrange(1, 4)
        kind = self.pick(['for', 'while', 'do', 'range'])
        if self.mult * trips > 12:
            trips = 1
        if kind == 'for':
            i = self.fresh("i")
            extra = ""
            if self.chance(0.3):
                extra = " && %s" % self.full(self.cond)
            body = self.loop_body(depth, trips, [Var(i, 'u', mutable=False)])
            return ["for (unsigned %s = 0u; %s < %du%s; ++%s) {" % (i, i, trips, extra, i)] + self.ind(body) + ["}"]
        if kind == 'while':
            w = self.fresh("w")
            extra = ""
            if self.chance(0.4):
                extra = " && %s" % self.full(self.cond)
            self.scopes.append([])
            body = self.loop_body(depth, trips, [Var(w, 'u', mutable=False)])
            self.scopes.pop()
            return (["{", "  unsigned %s = 0u;" % w, "  while (%s < %du%s) {" % (w, trips, extra), "    ++%s;" % w] +
                    self.ind(self.ind(body)) + ["  }", "}"])
        if kind == 'do':
            d = self.fresh("d")
            self.scopes.append([Var(d, 'u', mutable=False)])
            body = self.loop_body(depth, trips)
            extra = ""
            if self.chance(0.3):
                extra = " && %s" % self.full(self.cond)
            self.scopes.pop()
            return (["{", "  unsigned %s = 0u;" % d, "  do {"] + self.ind(self.ind(body)) +
                    ["  } while (++%s < %du%s);" % (d, trips, extra), "}"])
        # range-for
        e = self.fresh("e")
        by_ref = self.chance(0.5)
        init = ", ".join("unsigned(%s)" % self.full(self.expr) for _ in range(trips))
        if "range-for-array" in self.avoid:
            a = self.fresh("arr")
            decl = "std::array<unsigned, %d> %s = {%s};" % (trips, a, init)
        else:
            a = self.fresh("arr")
            decl = "unsigned %s[%d] = {%s};" % (a, trips, init)
        body = self.loop_body(depth, trips, [Var(e, 'r' if by_ref else 'u', mutable=by_ref)])
        out = ["{", "  " + decl, "  for (unsigned%s %s : %s) {" % ("&" if by_ref else "", e, a)]
        out += self.ind(self.ind(body)) + ["  }"]
        self.add_cost(1)
        out += ["  trace(%d, %s[0]);" % (self.next_site(), a), "}"]
        return out

    def st_switch(self, depth):
        if self.fn.template and "template-switch-await" in self.avoid:
            sel = self.expr(allow_await=False)
        else:
            sel = self.full(self.expr)
        n = self.r.randrange(2, 5)
        out = ["switch ((%s) %% %du) {" % (sel, n + 1)]
        saved = self.break_depth
        self.break_depth += 1
        for c in range(n):
            out.append("  case %du: {" % c)
            out += self.ind(self.ind(self.block(depth + 1)))
            if self.chance(0.7):
                out += ["    break;", "  }"]
            else:
                out += ["  }"]  # falls through
        if self.chance(0.7):
            out.append("  default: {")
            out += self.ind(self.ind(self.block(depth + 1)))
            out.append("  }")
        out.append("}")
        self.break_depth = saved
        return out

    def st_break(self, depth):
        return ["if (%s) {" % self.full(self.cond), "  break;", "}"]

    def st_continue(self, depth):
        if self.break_depth > 0:
            # continue inside a switch inside a loop: allowed, targets the loop.
            pass
        return ["if (%s) {" % self.full(self.cond), "  continue;", "}"]

    def st_return(self, depth):
        if depth == 0 and self.chance(0.7):
            return self.st_trace(depth)
        c = self.full(self.cond)
        if self.fn.ret == 'v':
            return ["if (%s) {" % c, "  co_return;", "}"]
        self.awaits = 0
        return ["if (%s) {" % c, "  co_return %s;" % self.expr(), "}"]

    def st_join(self, depth):
        n = self.r.randrange(2, 4)
        self.awaits = 0
        kids = [self.child_future(None) for _ in range(n)]
        j = self.fresh("j")
        call = "co_await bcsc::join(%s)" % ", ".join(k[0] for k in kids)
        uses = [i for i, k in enumerate(kids) if k[1] == 'u']
        if self.chance(0.4) and uses:
            names = [self.fresh("b") for _ in kids]
            out = ["auto [%s] = %s;" % (", ".join(names), call)]
            self.add_cost(1)
            out.append("trace(%d, %s);" % (self.next_site(), " + ".join(names[i] for i in uses)))
            if "join-result-across-await" in self.avoid:
                return ["{"] + self.ind(out) + ["}"]
            for i in uses:
                # Read-only: a child of a template callee may produce an
                # unsigned long long, so &b is not always an unsigned*.
                self.declare(Var(names[i], 'u', mutable=False))
            return out
        out = ["auto %s = %s;" % (j, call)]
        if uses:
            t = self.assign_target()
            if t is not None:
                out.append("%s += %s;" % (t, " + ".join("std::get<%d>(%s)" % (i, j) for i in uses)))
        if "join-result-across-await" in self.avoid:
            return ["{"] + self.ind(out) + ["}"]
        return out

    def st_race(self, depth):
        n = self.r.randrange(2, 4)
        self.awaits = 0
        want = 'u' if self.chance(0.7) else 'v'
        kids = [self.child_future(want)[0] for _ in range(n)]
        call = "co_await bcsc::race(%s)" % ", ".join(kids)
        if want == 'v':
            return [call + ";"]
        self.add_cost(1)
        return ["trace(%d, %s);" % (self.next_site(), call)]

    def st_future(self, depth):
        """An lvalue future: created, maybe something in between, then awaited once."""
        callees = [f for f in self.fns if self.affordable(f)]
        if not callees or (self.fn.template and "template-auto-future" in self.avoid):
            return self.st_await(depth)
        f = self.pick(callees)
        self.awaits = 0
        c = self.call(f, 0, tmpl_arg="unsigned", outlives=True)
        if c is None:
            return self.st_await(depth)
        fut = self.fresh("fut")
        out = ["auto %s = %s;" % (fut, c)]
        self.scopes.append([])
        if self.chance(0.5):
            out += self.stmt(depth + 1)
        self.scopes.pop()
        how = self.r.random()
        if how < 0.15:
            out.append("// %s is destroyed without being polled" % fut)
        elif how < 0.55 or f.ret == 'v':
            if f.ret == 'u':
                self.add_cost(1)
                out.append("trace(%d, co_await %s);" % (self.next_site(), fut))
            else:
                out.append("co_await %s;" % fut)
        elif how < 0.8:
            self.add_cost(1)
            out.append("trace(%d, std::get<0>(co_await bcsc::join(%s, %s)));" % (
                self.next_site(), fut, self.child_future(None)[0]))
        else:
            self.add_cost(1)
            out.append("trace(%d, co_await bcsc::race(%s, %s));" % (
                self.next_site(), fut, self.child_future('u')[0] if f.ret == 'u' else "pause(1)"))
        return ["{"] + self.ind(out) + ["}"]

    # ---- functions ---------------------------------------------------------
    def function(self, index, last):
        template = (not last) and self.chance(0.3)
        ret = 'u' if (last or template or self.chance(0.75)) else 'v'
        params = ['u']
        for _ in range(self.r.randrange(0, 3)):
            params.append(self.pick(['u', 'p', 'r', 't']))
        if last:
            params = ['u', 'u']
        f = Fn("f%d" % index, template, ret, params)
        self.fn = f
        self.cost = 1
        self.mult = 1
        self.loop_depth = 0
        self.break_depth = 0
        self.budget = 250 if last else self.r.choice([20, 40, 80])
        names = []
        decls = []
        for i, p in enumerate(params):
            n = "a%d" % i
            names.append(n)
            if p == 'u':
                decls.append(Var(n, 'u'))
            elif p == 'p':
                decls.append(Var(n, 'p'))
            elif p == 'r':
                decls.append(Var(n, 'r'))
            else:
                decls.append(Var(n, 't'))
        ptypes = {'u': "unsigned", 'p': "unsigned*", 'r': "unsigned&", 't': "const Tracer&"}
        sig = []
        for i, p in enumerate(params):
            t = "T" if (template and p == 'u' and i == 0) else ptypes[p]
            sig.append("%s %s" % (t, names[i]))
        self.t_vars = {"a0"} if template else set()
        rtype = ("T" if template else "unsigned") if ret == 'u' else "void"
        lines = []
        if template:
            lines.append("template <class T>")
        lines.append("[[bcsc::async]] bcsc::task<%s> %s(%s) {" % (rtype, f.name, ", ".join(sig)))
        self.scopes = [decls]
        body = ["trace(%d, %s);" % (self.next_site(), " + ".join(
            n if p in 'ur' else ("*" + n if p == 'p' else "unsigned(%s.id)" % n) for n, p in zip(names, params)))]
        self.scopes.append([])
        for _ in range(self.r.randrange(2, 7 if last else 5)):
            body += self.stmt(0)
        self.awaits = 0
        if ret == 'u':
            body.append("co_return %s;" % self.expr())
        elif not any("co_await" in l or "co_return" in l for l in body):
            # Without one, the function is not a coroutine: flowing off the
            # end of a function returning bcsc::task<void> is undefined.
            body.append("co_return;")
        self.scopes = []
        lines += self.ind(body) + ["}"]
        f.cost = self.cost + 1
        self.fns.append(f)
        # T-typed variables are only ever created with vt(); mark them for st_ref.
        return lines

    def unit(self):
        n = self.r.randrange(1, 5)
        out = ["namespace fz%d {" % self.seed, ""]
        for i in range(n + 1):
            out += self.function(i, i == n) + [""]
        top = self.fns[-1]
        a, b = self.r.randrange(0, 50), self.r.randrange(0, 50)
        call = "%s(%du, %du)" % (top.name, a, b)
        out += [
            "void run() {",
            "  std::printf(\"== program %d\\n\");" % self.seed,
            "  std::printf(\"result %%u\\n\", bcsc::block_on(%s));" % call,
            "  fuzz_cancel([] { return %s; }, %d);" % (call, 6),
            "}",
            "",
            "}  // namespace fz%d" % self.seed,
        ]
        return "\n".join(out) + "\n"


PRELUDE = "#include \"fuzz.hpp\"\n\n#include <array>\n#include <cstdio>\n#include <tuple>\n\n"


MAX_LINES = 260


def generate_unit(seed, workarounds=True):
    """The program of `seed`; programs over MAX_LINES lines are redrawn
    (deterministically) to keep batches fast."""
    text = Gen(seed, workarounds).unit()
    attempt = 0
    while text.count("\n") > MAX_LINES and attempt < 20:
        attempt += 1
        g = Gen(seed, workarounds)
        g.r = random.Random("%d/%d" % (seed, attempt))
        text = g.unit()
    return text


def generate(seed, workarounds=True):
    return ("// Generated by tests/fuzz/gen.py %d%s\n" % (seed, "" if workarounds else " --no-workarounds") +
            PRELUDE + generate_unit(seed, workarounds) + "\nint main() { fz%d::run(); }\n" % seed)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("seed", type=int)
    ap.add_argument("-o", "--output")
    ap.add_argument("--no-workarounds", action="store_true",
                    help="also generate constructs that hit known tool bugs")
    args = ap.parse_args()
    text = generate(args.seed, not args.no_workarounds)
    if args.output:
        with open(args.output, "w") as f:
            f.write(text)
    else:
        sys.stdout.write(text)


if __name__ == "__main__":
    main()
