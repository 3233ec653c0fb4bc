//! The builtins `print` and `println` (Go's runtime/print.go), and the
//! printing of panic values (`printpanicval`).
//!
//! Output goes to a per-goroutine buffer that the compiled code flushes
//! to fd 2 at the end of each print statement ([`PrintKind::Newline`] /
//! [`PrintKind::Flush`]), so one `println` is one write, as Go's
//! `printlock` makes it atomic.
//!
//! Floats print as Go 1.25+ does: the shortest representation that
//! round-trips, in `strconv.FormatFloat(f, 'g', -1, 64)` form (`2.5`,
//! `1e+21`, `+Inf`, `NaN`); float32 with bit size 32.

use std::io::Write;

use crate::interp::PanicValue;
use crate::op::PrintKind;
use crate::typedesc::{tflag, GoStr, Kind, Type};

/// Formats `f` as `strconv.FormatFloat(f, 'g', -1, bits)`.
pub fn format_float(f: f64, bits32: bool) -> String {
    if f.is_nan() {
        return "NaN".into();
    }
    if f.is_infinite() {
        return if f > 0.0 {
            "+Inf".into()
        } else {
            "-Inf".into()
        };
    }
    // Shortest round-trip digits in scientific form: "d.ddde±x".
    let sci = if bits32 {
        format!("{:e}", f as f32)
    } else {
        format!("{:e}", f)
    };
    let (neg, sci) = match sci.strip_prefix('-') {
        Some(s) => (true, s.to_string()),
        None => (false, sci),
    };
    let (mant, exp) = sci.split_once('e').unwrap_or((&sci, "0"));
    let exp: i32 = exp.parse().unwrap_or(0);
    let digits: String = mant.chars().filter(|c| *c != '.').collect();
    let nd = digits.len() as i32;
    let dp = exp + 1; // decimal point position
    let mut out = String::new();
    if neg {
        out.push('-');
    }
    if digits == "0" {
        out.push('0');
        return out;
    }
    // Shortest formatting decides with precision 6 (strconv's %g rule).
    let x = dp - 1;
    if !(-4..6).contains(&x) {
        // %e form
        out.push_str(&digits[..1]);
        if nd > 1 {
            out.push('.');
            out.push_str(&digits[1..]);
        }
        out.push('e');
        out.push(if x < 0 { '-' } else { '+' });
        let ax = x.abs();
        if ax < 10 {
            out.push('0');
        }
        out.push_str(&ax.to_string());
        return out;
    }
    // %f form
    if dp <= 0 {
        out.push_str("0.");
        for _ in 0..-dp {
            out.push('0');
        }
        out.push_str(&digits);
    } else if dp >= nd {
        out.push_str(&digits);
        for _ in 0..dp - nd {
            out.push('0');
        }
    } else {
        out.push_str(&digits[..dp as usize]);
        out.push('.');
        out.push_str(&digits[dp as usize..]);
    }
    out
}

/// Appends one operand of print/println.
///
/// # Safety
/// `p` points at the operand's slots in the running frame (1 to 3 words
/// as `kind` needs); string headers point at valid string data.
pub unsafe fn print_value(out: &mut Vec<u8>, kind: PrintKind, p: *const u64) {
    // SAFETY: caller's contract: the operand's words are readable.
    let w = |i: usize| unsafe { *p.add(i) };
    match kind {
        PrintKind::Int => out.extend_from_slice((w(0) as i64).to_string().as_bytes()),
        PrintKind::Uint => out.extend_from_slice(w(0).to_string().as_bytes()),
        PrintKind::F64 => {
            out.extend_from_slice(format_float(f64::from_bits(w(0)), false).as_bytes())
        }
        PrintKind::F32 => {
            out.extend_from_slice(format_float(f32::from_bits(w(0) as u32) as f64, true).as_bytes())
        }
        PrintKind::Bool => out.extend_from_slice(if w(0) != 0 { b"true" } else { b"false" }),
        PrintKind::Str => {
            let s = GoStr {
                ptr: w(0) as *const u8,
                len: w(1) as usize,
            };
            // SAFETY: caller's contract: a valid string header.
            out.extend_from_slice(unsafe { s.as_bytes() })
        }
        PrintKind::Ptr => out.extend_from_slice(format!("{:#x}", w(0)).as_bytes()),
        PrintKind::Iface => out.extend_from_slice(format!("({:#x},{:#x})", w(0), w(1)).as_bytes()),
        PrintKind::Slice => {
            out.extend_from_slice(format!("[{}/{}]{:#x}", w(1), w(2), w(0)).as_bytes())
        }
        PrintKind::C128 => {
            let (re, im) = (f64::from_bits(w(0)), f64::from_bits(w(1)));
            print_complex(out, re, im, false)
        }
        PrintKind::C64 => {
            let re = f32::from_bits(w(0) as u32) as f64;
            let im = f32::from_bits((w(0) >> 32) as u32) as f64;
            print_complex(out, re, im, true)
        }
        PrintKind::Space => out.push(b' '),
        PrintKind::Newline => {
            out.push(b'\n');
            flush(out)
        }
        PrintKind::Flush => flush(out),
    }
}

/// Appends `(re+imi)` as print does (each part as a float of the
/// complex's part size).
fn print_complex(out: &mut Vec<u8>, re: f64, im: f64, f32_parts: bool) {
    let im_s = format_float(im, f32_parts);
    let sign = if im_s.starts_with('-') || im_s.starts_with('+') {
        ""
    } else {
        "+"
    };
    out.extend_from_slice(format!("({}{}{}i)", format_float(re, f32_parts), sign, im_s).as_bytes())
}

/// Writes the buffer to stderr (fd 2) and empties it.
pub fn flush(out: &mut Vec<u8>) {
    let mut e = std::io::stderr().lock();
    let _ = e.write_all(out);
    let _ = e.flush();
    out.clear();
}

/// The default descriptor for runtime error values handed to `recover`:
/// a string-shaped `runtime.Error` whose data word points at its message.
pub static RUNTIME_ERROR_TYPE: Type = Type::noscan(16, 8, Kind::String, "runtime.Error");

/// The descriptor actually used: the loaded program installs one with
/// `Error` and `RuntimeError` methods (so the value satisfies `error` and
/// `runtime.Error`); it has the same layout as [`RUNTIME_ERROR_TYPE`].
static RUNTIME_ERROR_DESC: std::sync::atomic::AtomicPtr<Type> =
    std::sync::atomic::AtomicPtr::new(&RUNTIME_ERROR_TYPE as *const Type as *mut Type);

/// Installs the runtime error descriptor (see [`RUNTIME_ERROR_DESC`]).
///
/// # Safety
/// `t` must be a valid descriptor of kind String and size 16 that lives
/// for the rest of the process.
pub unsafe fn set_runtime_error_type(t: *const Type) {
    RUNTIME_ERROR_DESC.store(t as *mut Type, std::sync::atomic::Ordering::Relaxed);
}

/// The current runtime error descriptor.
pub fn runtime_error_type() -> *const Type {
    RUNTIME_ERROR_DESC.load(std::sync::atomic::Ordering::Relaxed)
}

/// A panic value as the `interface{}` recover returns.
pub fn panic_value_as_eface(v: &PanicValue) -> (u64, u64) {
    match v {
        PanicValue::Go { typ, data } => (*typ as u64, *data as u64),
        PanicValue::Runtime(e) => {
            let s: &'static str = Box::leak(e.msg.clone().into_boxed_str());
            let hdr: &'static GoStr = Box::leak(Box::new(GoStr::from_static(s)));
            (runtime_error_type() as u64, hdr as *const GoStr as u64)
        }
        PanicValue::Exit(_) | PanicValue::Park | PanicValue::Goexit => (0, 0),
    }
}

/// The text Go prints for a panic value after `panic: ` (printpanicval).
pub fn panic_value_string(v: &PanicValue) -> String {
    match v {
        PanicValue::Runtime(e) => e.msg.clone(),
        PanicValue::Exit(c) => format!("exit {}", c),
        PanicValue::Park => "park".into(),
        PanicValue::Goexit => "runtime.Goexit".into(),
        PanicValue::Go { typ, data } => {
            // SAFETY: a Go panic value carries a valid descriptor and data
            // word (boxed unless the type is pointer-shaped).
            unsafe { eface_string(&**typ, *data) }
        }
    }
}

/// # Safety
/// `t`/`data` form a valid interface value.
unsafe fn eface_string(t: &Type, data: *const u8) -> String {
    // SAFETY: caller's contract.
    let name = unsafe { String::from_utf8_lossy(t.name.as_bytes()).into_owned() };
    if std::ptr::eq(t, runtime_error_type()) {
        // SAFETY: runtime error values box a GoStr.
        return unsafe {
            String::from_utf8_lossy((*(data as *const GoStr)).as_bytes()).into_owned()
        };
    }
    // SAFETY: non-pointer-shaped values are boxed, so `data` points at one.
    let v = unsafe {
        match t.kind() {
            Kind::Bool => Some(if *data != 0 {
                "true".to_string()
            } else {
                "false".to_string()
            }),
            Kind::Int | Kind::Int64 => Some((*(data as *const i64)).to_string()),
            Kind::Int32 => Some((*(data as *const i32)).to_string()),
            Kind::Int16 => Some((*(data as *const i16)).to_string()),
            Kind::Int8 => Some((*(data as *const i8)).to_string()),
            Kind::Uint | Kind::Uint64 | Kind::Uintptr => Some((*(data as *const u64)).to_string()),
            Kind::Uint32 => Some((*(data as *const u32)).to_string()),
            Kind::Uint16 => Some((*(data as *const u16)).to_string()),
            Kind::Uint8 => Some((*data).to_string()),
            Kind::Float64 => Some(format_float(*(data as *const f64), false)),
            Kind::Float32 => Some(format_float(*(data as *const f32) as f64, true)),
            Kind::Complex64 => {
                let p = data as *const f32;
                let mut out = Vec::new();
                print_complex(&mut out, *p as f64, *p.add(1) as f64, true);
                Some(String::from_utf8_lossy(&out).into_owned())
            }
            Kind::Complex128 => {
                let p = data as *const f64;
                let mut out = Vec::new();
                print_complex(&mut out, *p, *p.add(1), false);
                Some(String::from_utf8_lossy(&out).into_owned())
            }
            Kind::String => {
                let s = String::from_utf8_lossy((*(data as *const GoStr)).as_bytes()).into_owned();
                if t.tflag & tflag::NAMED != 0 {
                    Some(format!("{:?}", s))
                } else {
                    Some(s)
                }
            }
            _ => None,
        }
    };
    let complex = matches!(t.kind(), Kind::Complex64 | Kind::Complex128);
    match v {
        // A complex prints its own parentheses.
        Some(s) if complex && t.tflag & tflag::NAMED != 0 => format!("{}{}", name, s),
        Some(s) if t.tflag & tflag::NAMED != 0 => format!("{}({})", name, s),
        Some(s) => s,
        None => format!("({}) {:#x}", name, data as usize),
    }
}

#[cfg(test)]
mod tests {
    use super::format_float;

    #[test]
    fn floats_print_as_go() {
        let cases: [(f64, &str); 12] = [
            (2.5, "2.5"),
            (1e21, "1e+21"),
            (1e20, "1e+20"),
            (123456789.0, "1.23456789e+08"),
            (0.000001, "1e-06"),
            (1.0 / 3.0, "0.3333333333333333"),
            (100.0, "100"),
            (1e6, "1e+06"),
            (12345678.9, "1.23456789e+07"),
            (-0.0, "-0"),
            (0.0001, "0.0001"),
            (123456.0, "123456"),
        ];
        for (f, want) in cases {
            assert_eq!(format_float(f, false), want, "{}", f);
        }
        assert_eq!(format_float(0.1f32 as f64, true), "0.1");
    }
}
