//! The interpreter on hand-assembled bytecode: results, Go's runtime
//! errors, stack growth and overflow, preemption at safepoints.

use std::sync::atomic::AtomicBool;

use rgo_runtime::interp::{run, Exit, PanicValue, G};
use rgo_runtime::op::{FuncId, Instr, Instr::*, Slot};
use rgo_runtime::symtab::{Func, Program};

fn s(i: u16) -> Slot {
    Slot(i)
}

fn func(name: &str, code: Vec<Instr>, frame: u32, res: u32, args: u32) -> Func {
    let n = code.len();
    Func {
        name: name.into(),
        file: String::new(),
        lines: vec![0; n].into(),
        recover_pc: 0,
        wrapper: false,
        inlined: Box::new([]),
        files: Box::new([]),
        arg_info: Box::new([]),
        code: code.into(),
        consts: Box::new([7, u64::MAX]),
        frame_size: frame,
        result_slots: res,
        arg_slots: args,
        ptrmap: Box::new([0]),
        ..Default::default()
    }
}

/// fib(n) = n < 2 ? n : fib(n-1) + fib(n-2)
fn fib() -> Func {
    func(
        "fib",
        vec![
            JmpGeImmI64 {
                a: s(1),
                imm: 2,
                off: 2,
            },
            Mov {
                dst: s(0),
                src: s(1),
            },
            Ret,
            AddImmI64 {
                dst: s(4),
                a: s(1),
                imm: -1,
            },
            Call {
                func: FuncId(0),
                base: s(3),
            },
            Mov {
                dst: s(2),
                src: s(3),
            },
            AddImmI64 {
                dst: s(4),
                a: s(1),
                imm: -2,
            },
            Call {
                func: FuncId(0),
                base: s(3),
            },
            AddI64 {
                dst: s(0),
                a: s(2),
                b: s(3),
            },
            Ret,
        ],
        5,
        1,
        1,
    )
}

fn exec(prog: &Program, entry: u32, args: &[u64]) -> (Exit, G) {
    prog.verify().unwrap();
    let mut g = G::new(prog, FuncId(entry));
    let res = prog.funcs[entry as usize].result_slots as usize;
    g.stack.buf[res..res + args.len()].copy_from_slice(args);
    let exit = run(prog, &mut g, &AtomicBool::new(false));
    (exit, g)
}

#[test]
fn fib_computes() {
    let prog = Program {
        funcs: vec![fib()],
        ..Default::default()
    };
    for (n, want) in [(0u64, 0u64), (1, 1), (2, 1), (10, 55), (20, 6765)] {
        let (exit, st) = exec(&prog, 0, &[n]);
        assert_eq!(exit, Exit::Done);
        assert_eq!(st.stack.buf[0], want, "fib({n})");
    }
}

#[test]
fn int64_division_follows_go() {
    // r = a / b; q = a % b
    let f = func(
        "div",
        vec![
            DivI64 {
                dst: s(0),
                a: s(2),
                b: s(3),
            },
            RemI64 {
                dst: s(1),
                a: s(2),
                b: s(3),
            },
            Ret,
        ],
        4,
        2,
        2,
    );
    let prog = Program {
        funcs: vec![f],
        ..Default::default()
    };
    let (exit, st) = exec(&prog, 0, &[(-7i64) as u64, 2]);
    assert_eq!(exit, Exit::Done);
    assert_eq!((st.stack.buf[0] as i64, st.stack.buf[1] as i64), (-3, -1)); // truncated division
    let (exit, st) = exec(&prog, 0, &[i64::MIN as u64, (-1i64) as u64]);
    assert_eq!(exit, Exit::Done);
    assert_eq!(
        (st.stack.buf[0] as i64, st.stack.buf[1] as i64),
        (i64::MIN, 0)
    ); // no trap
    let (exit, g) = exec(&prog, 0, &[1, 0]);
    assert_eq!(exit, Exit::Panic);
    match &g.st.panics[0].val {
        PanicValue::Runtime(e) => assert_eq!(e.message(), "runtime error: integer divide by zero"),
        v => panic!("unexpected panic value {:?}", v),
    }
}

#[test]
fn deep_recursion_grows_the_stack() {
    // down(n) = n == 0 ? 0 : down(n-1) + 1, 100000 frames deep
    let f = func(
        "down",
        vec![
            JmpGeImmI64 {
                a: s(1),
                imm: 1,
                off: 2,
            },
            // Results are the callee's to write (op.rs).
            LoadImm { dst: s(0), imm: 0 },
            Ret,
            AddImmI64 {
                dst: s(3),
                a: s(1),
                imm: -1,
            },
            Call {
                func: FuncId(0),
                base: s(2),
            },
            AddImmI64 {
                dst: s(0),
                a: s(2),
                imm: 1,
            },
            Ret,
        ],
        4,
        1,
        1,
    );
    let prog = Program {
        funcs: vec![f],
        ..Default::default()
    };
    let (exit, st) = exec(&prog, 0, &[100_000]);
    assert_eq!(exit, Exit::Done);
    assert_eq!(st.stack.buf[0], 100_000);
    assert!(
        st.stack.buf.len() >= 200_000,
        "stack grew to {}",
        st.stack.buf.len()
    );
}

#[test]
fn unbounded_recursion_overflows() {
    let f = func(
        "loop",
        vec![
            Call {
                func: FuncId(0),
                base: s(1),
            },
            Ret,
        ],
        2,
        0,
        0,
    );
    let prog = Program {
        funcs: vec![f],
        ..Default::default()
    };
    prog.verify().unwrap();
    let mut st = G::new(&prog, FuncId(0));
    st.stack.max_bytes = 1 << 20;
    let exit = run(&prog, &mut st, &AtomicBool::new(false));
    assert_eq!(exit, Exit::StackOverflow);
    assert!(st.stack.buf.len() * 8 <= 1 << 20);
}

#[test]
fn preemption_stops_at_a_back_edge_and_resumes() {
    // for i := 0; i < n; i++ { s += 2 }
    let f = func(
        "count",
        vec![
            JmpGeI64 {
                a: s(2),
                b: s(1),
                off: 2,
            },
            AddImmI64 {
                dst: s(0),
                a: s(0),
                imm: 2,
            },
            IncJmpLtI64 {
                i: s(2),
                n: s(1),
                off: -2,
            },
            Ret,
        ],
        3,
        1,
        1,
    );
    let prog = Program {
        funcs: vec![f],
        ..Default::default()
    };
    prog.verify().unwrap();
    let mut st = G::new(&prog, FuncId(0));
    st.stack.buf[1] = 1000;
    let flag = AtomicBool::new(true);
    assert_eq!(run(&prog, &mut st, &flag), Exit::Preempted);
    assert_eq!(st.stack.buf[0], 2, "one iteration ran before the safepoint");
    flag.store(false, std::sync::atomic::Ordering::Relaxed);
    assert_eq!(run(&prog, &mut st, &flag), Exit::Done);
    assert_eq!(st.stack.buf[0], 2000);
}

#[test]
fn verifier_rejects_bad_code() {
    let bad_slot = func(
        "f",
        vec![
            Mov {
                dst: s(9),
                src: s(0),
            },
            Ret,
        ],
        2,
        0,
        0,
    );
    assert!(Program {
        funcs: vec![bad_slot],
        ..Default::default()
    }
    .verify()
    .is_err());
    let bad_jump = func("f", vec![Jmp { off: 5 }, Ret], 2, 0, 0);
    assert!(Program {
        funcs: vec![bad_jump],
        ..Default::default()
    }
    .verify()
    .is_err());
    let falls_off = func("f", vec![Nop], 2, 0, 0);
    assert!(Program {
        funcs: vec![falls_off],
        ..Default::default()
    }
    .verify()
    .is_err());
    let bad_call = func(
        "f",
        vec![
            Call {
                func: FuncId(3),
                base: s(0),
            },
            Ret,
        ],
        2,
        0,
        0,
    );
    assert!(Program {
        funcs: vec![bad_call],
        ..Default::default()
    }
    .verify()
    .is_err());
    let bad_const = func("f", vec![LoadConst { dst: s(0), idx: 2 }, Ret], 2, 0, 0);
    assert!(Program {
        funcs: vec![bad_const],
        ..Default::default()
    }
    .verify()
    .is_err());
}

#[test]
fn element_access_checks_bounds_as_go() {
    // r = s[i] for a []int64 whose header is in slots 1..4, i in slot 4
    let f = func(
        "elem",
        vec![
            LoadElem {
                dst: s(0),
                s: s(1),
                i: s(4),
                kind: rgo_runtime::op::MemKind::W64,
            },
            Ret,
        ],
        5,
        1,
        4,
    );
    let prog = Program {
        funcs: vec![f],
        ..Default::default()
    };
    let data = [10u64, 20, 30];
    let (exit, g) = exec(&prog, 0, &[data.as_ptr() as u64, 3, 3, 2]);
    assert_eq!(exit, Exit::Done);
    assert_eq!(g.stack.buf[0], 30);
    let (exit, g) = exec(&prog, 0, &[data.as_ptr() as u64, 3, 3, 5]);
    assert_eq!(exit, Exit::Panic);
    match &g.st.panics[0].val {
        PanicValue::Runtime(e) => assert_eq!(
            e.message(),
            "runtime error: index out of range [5] with length 3"
        ),
        v => panic!("unexpected panic value {:?}", v),
    }
}

#[test]
fn backward_conditional_jumps_are_safepoints() {
    // for i <= n { s += 1; i += step }
    let f = func(
        "count",
        vec![
            AddImmI64 {
                dst: s(0),
                a: s(0),
                imm: 1,
            },
            AddRJmpLeI64 {
                i: s(2),
                step: s(3),
                n: s(1),
                off: -2,
            },
            Ret,
        ],
        4,
        1,
        1,
    );
    let prog = Program {
        funcs: vec![f],
        ..Default::default()
    };
    prog.verify().unwrap();
    let mut st = G::new(&prog, FuncId(0));
    st.stack.buf[1] = 100;
    st.stack.buf[3] = 10;
    let flag = AtomicBool::new(true);
    assert_eq!(run(&prog, &mut st, &flag), Exit::Preempted);
    assert_eq!(st.stack.buf[0], 1);
    flag.store(false, std::sync::atomic::Ordering::Relaxed);
    assert_eq!(run(&prog, &mut st, &flag), Exit::Done);
    assert_eq!(st.stack.buf[0], 11, "i = 0, 10, ..., 100");
}
