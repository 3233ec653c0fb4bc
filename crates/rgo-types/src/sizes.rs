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

impl World {
    pub fn alignof(&self, t: TypeId) -> i64 {
        self.alignof_depth(t, 0)
    }

    fn alignof_depth(&self, t: TypeId, depth: u32) -> i64 {
        if depth > 100 {
            return 1;
        }
        let u = self.types.under(t);
        match self.types.get(u) {
            Type::Array(_, e) => return self.alignof_depth(*e, depth + 1),
            Type::Struct(s) => {
                return s
                    .fields
                    .iter()
                    .map(|f| self.alignof_depth(self.obj(*f).typ, depth + 1))
                    .max()
                    .unwrap_or(1)
                    .max(1);
            }
            Type::Slice(_) | Type::Interface(_) => return WORD_SIZE,
            Type::Basic(BasicKind::String) => return WORD_SIZE,
            _ => {}
        }
        let mut a = self.sizeof_depth(t, depth + 1);
        if a < 1 {
            return 1;
        }
        if self.types.is_complex(t) {
            a /= 2;
        }
        a.min(MAX_ALIGN)
    }

    /// Field offsets of a struct type's fields (-1 once they overflow).
    pub fn offsetsof(&self, fields: &[ObjId]) -> Vec<i64> {
        self.offsets_depth(fields, 0)
    }

    fn offsets_depth(&self, fields: &[ObjId], depth: u32) -> Vec<i64> {
        let mut out = Vec::with_capacity(fields.len());
        let mut offs: i64 = 0;
        for f in fields {
            if offs < 0 {
                out.push(-1);
                continue;
            }
            let ft = self.obj(*f).typ;
            offs = align_up(offs, self.alignof_depth(ft, depth + 1));
            out.push(offs);
            let d = self.sizeof_depth(ft, depth + 1);
            offs = if d >= 0 && offs >= 0 {
                offs.checked_add(d).unwrap_or(-1)
            } else {
                -1
            };
        }
        out
    }

    pub fn sizeof(&self, t: TypeId) -> i64 {
        self.sizeof_depth(t, 0)
    }

    fn sizeof_depth(&self, t: TypeId, depth: u32) -> i64 {
        if depth > 100 {
            return 0;
        }
        let u = self.types.under(t);
        match self.types.get(u) {
            Type::Basic(k) => basic_size(*k),
            Type::Array(n, e) => {
                let n = *n;
                if n <= 0 {
                    return 0;
                }
                let es = self.sizeof_depth(*e, depth + 1);
                if es < 0 {
                    return -1;
                }
                if es == 0 {
                    return 0;
                }
                es.checked_mul(n).unwrap_or(-1)
            }
            Type::Slice(_) => 3 * WORD_SIZE,
            Type::Struct(s) => {
                let Some(&last) = s.fields.last() else {
                    return 0;
                };
                let offsets = self.offsets_depth(&s.fields, depth + 1);
                let offs = *offsets.last().unwrap_or(&0);
                let mut size = self.sizeof_depth(self.obj(last).typ, depth + 1);
                if offs < 0 || size < 0 {
                    return -1;
                }
                if offs > 0 && size == 0 {
                    size = 1;
                }
                let total = offs.checked_add(size).unwrap_or(-1);
                if total < 0 {
                    return -1;
                }
                align_up(total, self.alignof_depth(t, depth + 1))
            }
            Type::Interface(_) => 2 * WORD_SIZE,
            _ => WORD_SIZE,
        }
    }
}
