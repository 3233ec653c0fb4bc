//! Sizes and alignments of linux/amd64 as gc lays values out (types2's
//! `gcSizes` with word size 8 and maximum alignment 8): struct fields at
//! their aligned offsets, size rounded to the struct's alignment, and one
//! byte of padding after a final zero-size field (so a pointer to it never
//! points past the object). Complex types align as their halves. A size
//! that overflows `i64` is reported as -1.

use crate::constant::BasicKind;
use crate::types::*;

pub const WORD_SIZE: i64 = 8;
pub const MAX_ALIGN: i64 = 8;

fn basic_size(k: BasicKind) -> i64 {
    use BasicKind::*;
    match k {
        Bool | Int8 | Uint8 => 1,
        Int16 | Uint16 => 2,
        Int32 | Uint32 | Float32 => 4,
        Int64 | Uint64 | Float64 | Complex64 => 8,
        Complex128 => 16,
        String => 2 * WORD_SIZE,
        _ => WORD_SIZE,
    }
}

fn align_up(x: i64, a: i64) -> i64 {
    let y = x.wrapping_add(a - 1);
    y - y % a
}

/// Memoized layouts of one query, and the named types being laid out (a
/// type containing itself by value, after an error, has no size).
#[derive(Default)]
struct Layouts {
    memo: std::collections::HashMap<TypeId, (i64, i64)>,
    stack: Vec<TypeId>,
}

impl World {
    pub fn alignof(&self, t: TypeId) -> i64 {
        self.layout(t, &mut Layouts::default()).1
    }

    pub fn sizeof(&self, t: TypeId) -> i64 {
        self.layout(t, &mut Layouts::default()).0
    }

    /// Field offsets of a struct type's fields (-1 once they overflow).
    pub fn offsetsof(&self, fields: &[ObjId]) -> Vec<i64> {
        self.offsets(fields, &mut Layouts::default())
    }

    fn offsets(&self, fields: &[ObjId], l: &mut Layouts) -> Vec<i64> {
        let mut out = Vec::with_capacity(fields.len());
        let mut offs: i64 = 0;
        for f in fields {
            if offs < 0 {
                out.push(-1);
                continue;
            }
            let (size, align) = self.layout(self.obj(*f).typ, l);
            offs = align_up(offs, align);
            out.push(offs);
            offs = if size >= 0 && offs >= 0 {
                offs.checked_add(size).unwrap_or(-1)
            } else {
                -1
            };
        }
        out
    }

    /// (size, alignment) of `t`, each type computed once per query.
    fn layout(&self, t: TypeId, l: &mut Layouts) -> (i64, i64) {
        let t = self.types.unalias(t);
        if let Some(&r) = l.memo.get(&t) {
            return r;
        }
        if l.stack.contains(&t) || l.stack.len() > 10_000 {
            return (-1, 1); // contains itself: reported as invalid recursive
        }
        l.stack.push(t);
        let r = self.layout_uncached(t, l);
        l.stack.pop();
        l.memo.insert(t, r);
        r
    }

    fn layout_uncached(&self, t: TypeId, l: &mut Layouts) -> (i64, i64) {
        let u = self.types.under(t);
        match self.types.get(u) {
            Type::Basic(k) => {
                let size = basic_size(*k);
                let align = match k {
                    BasicKind::String => WORD_SIZE,
                    BasicKind::Complex64 | BasicKind::Complex128 => size / 2,
                    _ => size.clamp(1, MAX_ALIGN),
                };
                (size, align)
            }
            Type::Array(n, e) => {
                let (es, ea) = self.layout(*e, l);
                let n = *n;
                let size = if n <= 0 || es == 0 {
                    0
                } else if es < 0 {
                    -1
                } else {
                    es.checked_mul(n).unwrap_or(-1)
                };
                (size, ea)
            }
            Type::Slice(_) => (3 * WORD_SIZE, WORD_SIZE),
            Type::Struct(s) => {
                let mut align = 1;
                for f in &s.fields {
                    align = align.max(self.layout(self.obj(*f).typ, l).1);
                }
                let Some(&last) = s.fields.last() else {
                    return (0, align);
                };
                let offsets = self.offsets(&s.fields, l);
                let offs = *offsets.last().unwrap_or(&0);
                let mut size = self.layout(self.obj(last).typ, l).0;
                if offs < 0 || size < 0 {
                    return (-1, align);
                }
                if offs > 0 && size == 0 {
                    size = 1;
                }
                match offs.checked_add(size) {
                    Some(total) if total >= 0 => (align_up(total, align), align),
                    _ => (-1, align),
                }
            }
            Type::Interface(_) => (2 * WORD_SIZE, WORD_SIZE),
            _ => (WORD_SIZE, WORD_SIZE),
        }
    }
}
