//! Measures the interpreter's dispatch on hand-assembled bytecode for
//! recursive fib(35) and a 20000x20000 nested integer loop, the two
//! shapes the compiler will emit for `bench/fib.go` and `bench/loops.go`.
//! Run: `cargo run --release -p rgo-runtime --example vm_bench`.

use std::sync::atomic::AtomicBool;
use std::time::Instant;

use rgo_runtime::interp::{run, Exit, G};
use rgo_runtime::op::{FuncId, Instr::*, Slot};
use rgo_runtime::symtab::{Func, Program};

fn s(i: u16) -> Slot {
    Slot(i)
}

fn fib() -> Func {
    // slot 0: result, 1: n, 2: saved fib(n-1), 3..: callee window
    let code = vec![
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
    ];
    let n = code.len();
    Func {
        name: "main.fib".into(),
        lines: vec![0; n].into(),
        code: code.into(),
        consts: Box::new([]),
        frame_size: 5,
        result_slots: 1,
        arg_slots: 1,
        ptrmap: Box::new([0]),
        ..Default::default()
    }
}

fn loops() -> Func {
    // 0: result, 1: n, 2: s, 3: i, 4: j, 5: t
    let code = vec![
        JmpGeI64 {
            a: s(3),
            b: s(1),
            off: 6,
        }, // 0: if i >= n goto 7
        LoadImm { dst: s(4), imm: 0 }, // 1: j = 0
        JmpGeI64 {
            a: s(4),
            b: s(1),
            off: 3,
        }, // 2: if j >= n goto 6
        XorI64 {
            dst: s(5),
            a: s(3),
            b: s(4),
        }, // 3: t = i ^ j
        AddI64 {
            dst: s(2),
            a: s(2),
            b: s(5),
        }, // 4: s += t
        IncJmpLtI64 {
            i: s(4),
            n: s(1),
            off: -3,
        }, // 5: j++; if j < n goto 3
        IncJmpLtI64 {
            i: s(3),
            n: s(1),
            off: -6,
        }, // 6: i++; if i < n goto 1
        Mov {
            dst: s(0),
            src: s(2),
        }, // 7
        Ret,
    ];
    let n = code.len();
    Func {
        name: "main.loops".into(),
        lines: vec![0; n].into(),
        code: code.into(),
        consts: Box::new([]),
        frame_size: 6,
        result_slots: 1,
        arg_slots: 1,
        ptrmap: Box::new([0]),
        ..Default::default()
    }
}

fn time(prog: &Program, entry: u32, arg: u64) -> (u64, f64) {
    let mut st = G::new(prog, FuncId(entry));
    st.stack.buf[1] = arg;
    let flag = AtomicBool::new(false);
    let t = Instant::now();
    let exit = run(prog, &mut st, &flag);
    let dt = t.elapsed().as_secs_f64();
    assert_eq!(exit, Exit::Done);
    (st.stack.buf[0], dt)
}

fn main() {
    let prog = Program {
        funcs: vec![fib(), loops()],
        ..Default::default()
    };
    prog.verify().expect("bytecode verifies");
    for _ in 0..3 {
        let (r, dt) = time(&prog, 0, 35);
        println!("fib(35) = {r}  {:.1} ms", dt * 1e3);
        let (r, dt) = time(&prog, 1, 20000);
        println!("loops(20000) = {r}  {:.1} ms", dt * 1e3);
    }
}
