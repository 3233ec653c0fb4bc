//! Runtime type descriptors (Go's `_type`, internal/abi/type.go and
//! runtime/type.go): one `#[repr(C)]` record per Go type, emitted by the
//! compiler and referenced by address from compiled code, interfaces,
//! maps, reflect and the GC.
//!
//! Invariants:
//! - `ptrdata <= size`, and `ptrdata` is 0 exactly when the type holds no
//!   pointers (such objects go to noscan spans and are never scanned);
//! - `gcdata` has one bit per pointer-sized word of the first `ptrdata`
//!   bytes, bit `i % 8` of byte `i / 8` set when word `i` holds a pointer
//!   (least significant bit first, as Go's GCData); the last pointer word
//!   (`ptrdata/8 - 1`) has its bit set;
//! - a descriptor is immutable once published and lives for the whole run
//!   (the compiler's static data), so raw `*const Type` are always valid.
//!
//! Kind-specific descriptors embed `Type` as their first field, as Go's
//! `ArrayType`, `PtrType`, ... do, so a `*const Type` of kind Array can be
//! cast to `*const ArrayType`.

use std::ptr;

/// Go's reflect.Kind numbering (internal/abi.Kind).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
#[repr(u8)]
pub enum Kind {
    Invalid = 0,
    Bool,
    Int,
    Int8,
    Int16,
    Int32,
    Int64,
    Uint,
    Uint8,
    Uint16,
    Uint32,
    Uint64,
    Uintptr,
    Float32,
    Float64,
    Complex64,
    Complex128,
    Array,
    Chan,
    Func,
    Interface,
    Map,
    Pointer,
    Slice,
    String,
    Struct,
    UnsafePointer,
}

/// Equality function of a comparable type: compares the values at the
/// two addresses. `None` in [`Type::equal`] means "not comparable".
///
/// # Safety
/// Both pointers must point to valid values of the descriptor's type.
pub type EqualFn = unsafe fn(*const u8, *const u8) -> bool;

/// A Go string header as stored in memory: {ptr, len}.
#[derive(Clone, Copy, Debug)]
#[repr(C)]
pub struct GoStr {
    pub ptr: *const u8,
    pub len: usize,
}

impl GoStr {
    pub const EMPTY: GoStr = GoStr {
        ptr: ptr::null(),
        len: 0,
    };

    /// A GoStr viewing a `'static` Rust string (type names are static data).
    pub const fn from_static(s: &'static str) -> GoStr {
        GoStr {
            ptr: s.as_ptr(),
            len: s.len(),
        }
    }

    /// The bytes of the string.
    ///
    /// # Safety
    /// `ptr` must point to `len` readable bytes that outlive the returned slice.
    pub unsafe fn as_bytes<'a>(self) -> &'a [u8] {
        if self.len == 0 {
            return &[];
        }
        // SAFETY: caller guarantees ptr/len describe live bytes.
        unsafe { std::slice::from_raw_parts(self.ptr, self.len) }
    }
}

/// Bits of [`Type::tflag`] (Go's abi.TFlag).
pub mod tflag {
    /// The type has an [`super::UncommonType`] (a name or methods).
    pub const UNCOMMON: u8 = 1 << 0;
    /// The type is named (`type T ...`).
    pub const NAMED: u8 = 1 << 2;
    /// Memory of values of this type may be compared with memequal.
    pub const REGULAR_MEMORY: u8 = 1 << 3;
    /// Values are stored directly in the data word of an interface.
    pub const DIRECT_IFACE: u8 = 1 << 5;
}

/// The runtime type descriptor (Go's `_type` / `abi.Type`).
#[derive(Debug)]
#[repr(C)]
pub struct Type {
    /// Size of a value in bytes.
    pub size: usize,
    /// Prefix of the value that can contain pointers (0: pointer-free).
    pub ptrdata: usize,
    /// Hash of the type, used by maps and type switches.
    pub hash: u32,
    /// [`tflag`] bits.
    pub tflag: u8,
    /// Alignment of a variable of this type.
    pub align: u8,
    /// Alignment of a struct field of this type.
    pub field_align: u8,
    /// [`Kind`] as a byte.
    pub kind: u8,
    /// Equality of two values, `None` when the type is not comparable.
    pub equal: Option<EqualFn>,
    /// Pointer bitmap: one bit per word of the first `ptrdata` bytes.
    pub gcdata: *const u8,
    /// The type's string form (`main.T`, `[]int`, `*main.T`).
    pub name: GoStr,
    /// `*T` for this type, if the compiler emitted it.
    pub ptr_to_this: *const Type,
    /// Name and methods, present when `tflag & UNCOMMON != 0`.
    pub uncommon: *const UncommonType,
}

// SAFETY: descriptors are immutable static data after publication (module
// invariant), so sharing them between threads cannot race.
unsafe impl Sync for Type {}
// SAFETY: as above; the raw pointers only refer to other immutable descriptors.
unsafe impl Send for Type {}

impl Type {
    /// A descriptor for a pointer-free type: the common case for tests and
    /// for runtime-internal objects.
    pub const fn noscan(size: usize, align: u8, kind: Kind, name: &'static str) -> Type {
        Type {
            size,
            ptrdata: 0,
            hash: 0,
            tflag: tflag::REGULAR_MEMORY,
            align,
            field_align: align,
            kind: kind as u8,
            equal: None,
            gcdata: ptr::null(),
            name: GoStr::from_static(name),
            ptr_to_this: ptr::null(),
            uncommon: ptr::null(),
        }
    }

    /// A descriptor whose pointer words are given by `gcdata` (see the
    /// module invariant); `ptrdata` is derived from the last set bit.
    pub const fn with_pointers(
        size: usize,
        kind: Kind,
        gcdata: &'static [u8],
        name: &'static str,
    ) -> Type {
        let mut last = 0;
        let mut i = 0;
        while i < gcdata.len() * 8 {
            if gcdata[i / 8] & (1 << (i % 8)) != 0 {
                last = i + 1;
            }
            i += 1;
        }
        Type {
            size,
            ptrdata: last * 8,
            hash: 0,
            tflag: 0,
            align: 8,
            field_align: 8,
            kind: kind as u8,
            equal: None,
            gcdata: gcdata.as_ptr(),
            name: GoStr::from_static(name),
            ptr_to_this: ptr::null(),
            uncommon: ptr::null(),
        }
    }

    /// Whether values of this type contain pointers (Go: `Pointers()`).
    #[inline]
    pub fn has_pointers(&self) -> bool {
        self.ptrdata != 0
    }

    /// Whether word `i` (byte offset `8*i`) of a value holds a pointer.
    #[inline]
    pub fn is_pointer_word(&self, i: usize) -> bool {
        if i * 8 >= self.ptrdata {
            return false;
        }
        // SAFETY: gcdata covers ptrdata/8 words (module invariant) and
        // i < ptrdata/8 here, so byte i/8 is inside the bitmap.
        let byte = unsafe { *self.gcdata.add(i / 8) };
        byte & (1 << (i % 8)) != 0
    }

    /// The [`Kind`] of this type (`Invalid` for an unknown byte).
    pub fn kind(&self) -> Kind {
        kind_from_u8(self.kind)
    }
}

fn kind_from_u8(k: u8) -> Kind {
    const KINDS: [Kind; 27] = [
        Kind::Invalid,
        Kind::Bool,
        Kind::Int,
        Kind::Int8,
        Kind::Int16,
        Kind::Int32,
        Kind::Int64,
        Kind::Uint,
        Kind::Uint8,
        Kind::Uint16,
        Kind::Uint32,
        Kind::Uint64,
        Kind::Uintptr,
        Kind::Float32,
        Kind::Float64,
        Kind::Complex64,
        Kind::Complex128,
        Kind::Array,
        Kind::Chan,
        Kind::Func,
        Kind::Interface,
        Kind::Map,
        Kind::Pointer,
        Kind::Slice,
        Kind::String,
        Kind::Struct,
        Kind::UnsafePointer,
    ];
    KINDS.get(k as usize).copied().unwrap_or(Kind::Invalid)
}

/// Name and methods of a named type (Go: `abi.UncommonType`). Filled by
/// the compiler issue that emits method sets.
#[derive(Debug)]
#[repr(C)]
pub struct UncommonType {
    /// Import path of the defining package.
    pub pkg_path: GoStr,
    /// Methods sorted by name, `mcount` of them, the first `xcount` exported.
    pub methods: *const Method,
    pub mcount: u16,
    pub xcount: u16,
}

/// One method of a named type (Go: `abi.Method`).
#[derive(Debug)]
#[repr(C)]
pub struct Method {
    pub name: GoStr,
    /// Method type without receiver (a Func descriptor).
    pub mtyp: *const Type,
    /// Code address of the method when called through an interface
    /// (a bytecode function handle, defined by the VM issue).
    pub ifn: usize,
    /// Code address for a direct call.
    pub tfn: usize,
}

/// `[N]T` (Go: `abi.ArrayType`).
#[derive(Debug)]
#[repr(C)]
pub struct ArrayType {
    pub typ: Type,
    pub elem: *const Type,
    /// `[]T` with the same element type.
    pub slice: *const Type,
    pub len: usize,
}

/// `[]T` (Go: `abi.SliceType`).
#[derive(Debug)]
#[repr(C)]
pub struct SliceType {
    pub typ: Type,
    pub elem: *const Type,
}

/// `*T` (Go: `abi.PtrType`).
#[derive(Debug)]
#[repr(C)]
pub struct PtrType {
    pub typ: Type,
    pub elem: *const Type,
}

/// `chan T` (Go: `abi.ChanType`); `dir` is 1 recv, 2 send, 3 both.
#[derive(Debug)]
#[repr(C)]
pub struct ChanType {
    pub typ: Type,
    pub elem: *const Type,
    pub dir: usize,
}

/// `map[K]V` (Go: `abi.MapType`); the bucket layout fields are added by
/// the map issue.
#[derive(Debug)]
#[repr(C)]
pub struct MapType {
    pub typ: Type,
    pub key: *const Type,
    pub elem: *const Type,
    /// Internal bucket (or group) type.
    pub group: *const Type,
    /// Hash function for keys: (key ptr, seed) -> hash. `None` for keys
    /// hashed by the generic `alg::typehash` (see `mapflag::GENERIC_KEY`).
    pub hasher: Option<unsafe fn(*const u8, usize) -> usize>,
    /// Size of a key slot in a bucket (8 when the key is stored indirectly).
    pub keysize: u8,
    /// Size of an element slot in a bucket (8 when stored indirectly).
    pub elemsize: u8,
    /// Size of one bucket: tophash, keys, elems, overflow pointer.
    pub bucketsize: u16,
    /// [`mapflag`] bits.
    pub flags: u32,
}

/// Bits of [`MapType::flags`] (Go's maptype flags, same numbering; the
/// last one is rgo's).
pub mod mapflag {
    /// Keys are stored as pointers to heap copies (key size > 128).
    pub const INDIRECT_KEY: u32 = 1;
    /// Elements are stored as pointers to heap copies (elem size > 128).
    pub const INDIRECT_ELEM: u32 = 2;
    /// `k == k` for every key (no floats or interfaces inside).
    pub const REFLEXIVE_KEY: u32 = 4;
    /// Overwriting an entry must also overwrite its key (+0/-0, strings).
    pub const NEED_KEY_UPDATE: u32 = 8;
    /// Hashing can fail (an interface inside the key).
    pub const HASH_MIGHT_PANIC: u32 = 16;
    /// Keys are hashed and compared by the generic, kind-driven
    /// `alg::typehash` / `alg::typeequal` (composite and interface keys).
    pub const GENERIC_KEY: u32 = 32;
}

/// One field of a struct (Go: `abi.StructField`).
#[derive(Debug)]
#[repr(C)]
pub struct StructField {
    pub name: GoStr,
    pub typ: *const Type,
    /// Byte offset of the field.
    pub offset: usize,
    /// The field's tag (reflect's `StructTag`), empty when none.
    pub tag: GoStr,
    pub embedded: bool,
}

/// `struct{...}` (Go: `abi.StructType`).
#[derive(Debug)]
#[repr(C)]
pub struct StructType {
    pub typ: Type,
    pub pkg_path: GoStr,
    pub fields: *const StructField,
    pub nfields: usize,
}

/// `func(...) ...` (Go: `abi.FuncType`): parameter then result types.
#[derive(Debug)]
#[repr(C)]
pub struct FuncType {
    pub typ: Type,
    pub in_count: u16,
    /// High bit set when the function is variadic.
    pub out_count: u16,
    pub params: *const *const Type,
}

/// `interface{...}` (Go: `abi.InterfaceType`).
#[derive(Debug)]
#[repr(C)]
pub struct InterfaceType {
    pub typ: Type,
    pub pkg_path: GoStr,
    /// Methods sorted by name: name + Func type (`ifn`/`tfn` unused).
    pub methods: *const Method,
    pub nmethods: usize,
}

/// `string`, for runtime code that allocates string arrays (`[]string`).
pub static STRING_TYPE: Type = Type::with_pointers(16, Kind::String, &[0b01], "string");
/// One word that may hold a pointer (`unsafe.Pointer`): an array of
/// these is scanned word by word, each checked against the heap, for
/// buffers of mixed Go values whose layout the runtime does not know.
pub static POINTER_WORD_TYPE: Type =
    Type::with_pointers(8, Kind::UnsafePointer, &[0b1], "unsafe.Pointer");

// Hot layouts pinned: compiled code reads these offsets directly.
const _: () = assert!(std::mem::size_of::<Type>() == 72);
const _: () = assert!(std::mem::offset_of!(Type, ptrdata) == 8);
const _: () = assert!(std::mem::offset_of!(Type, kind) == 23);
const _: () = assert!(std::mem::offset_of!(ArrayType, elem) == std::mem::size_of::<Type>());
// Mirrored field by field by reflect's Go structs (go/reflect/type.go).
const _: () = assert!(std::mem::size_of::<StructField>() == 56);
const _: () = assert!(std::mem::offset_of!(StructField, tag) == 32);
const _: () = assert!(std::mem::size_of::<Method>() == 40);
const _: () = assert!(std::mem::size_of::<UncommonType>() == 32);
const _: () = assert!(std::mem::offset_of!(FuncType, params) == 80);
const _: () = assert!(std::mem::offset_of!(MapType, flags) == 108);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pointer_words_follow_gcdata() {
        // struct { a *int; b int; c *int } : words 0 and 2 are pointers.
        static MASK: [u8; 1] = [0b101];
        let t = Type::with_pointers(24, Kind::Struct, &MASK, "main.S");
        assert_eq!(t.ptrdata, 24);
        assert!(t.is_pointer_word(0));
        assert!(!t.is_pointer_word(1));
        assert!(t.is_pointer_word(2));
        assert!(!t.is_pointer_word(3));
        assert!(t.has_pointers());
        assert_eq!(t.kind(), Kind::Struct);
        // SAFETY: the name is static data.
        assert_eq!(unsafe { t.name.as_bytes() }, b"main.S");
    }

    #[test]
    fn noscan_has_no_pointer_words() {
        let t = Type::noscan(32, 8, Kind::Array, "[4]int");
        assert!(!t.has_pointers());
        assert!(!t.is_pointer_word(0));
        assert_eq!(kind_from_u8(200), Kind::Invalid);
    }
}
