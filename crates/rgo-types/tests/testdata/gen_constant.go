//go:build ignore

// Generates constant.golden, the expected results of rgo's constant
// package, by running the same cases through Go's go/constant and go/types
// (run from this directory):
//
//	go run gen_constant.go > constant.golden
//
// Each line is tab-separated: a case, "=>", and what real Go gives.
// Operands are written K:text, K being the literal kind (I int, F float,
// M imaginary, C char, S string), optionally preceded by "-" (negated).
package main

import (
	"fmt"
	"go/ast"
	"go/constant"
	"go/importer"
	"go/parser"
	"go/token"
	"go/types"
	"math"
	"strings"
)

var kinds = map[byte]token.Token{'I': token.INT, 'F': token.FLOAT, 'M': token.IMAG, 'C': token.CHAR, 'S': token.STRING}

func operand(spec string) constant.Value {
	neg := strings.HasPrefix(spec, "-")
	spec = strings.TrimPrefix(spec, "-")
	v := constant.MakeFromLiteral(spec[2:], kinds[spec[0]], 0)
	if neg {
		v = constant.UnaryOp(token.SUB, v, 0)
	}
	return v
}

func show(v constant.Value) string {
	if v.Kind() == constant.Unknown {
		return "unknown"
	}
	kind := [...]string{"Unknown", "Bool", "String", "Int", "Float", "Complex"}[v.Kind()]
	return kind + "\t" + v.String() + "\t" + v.ExactString()
}

// try runs f and shows its result, or "panic" if go/constant panics.
func try(f func() string) (s string) {
	defer func() {
		if recover() != nil {
			s = "panic"
		}
	}()
	return f()
}

var tokens = map[string]token.Token{
	"+": token.ADD, "-": token.SUB, "*": token.MUL, "/": token.QUO, "div": token.QUO_ASSIGN,
	"%": token.REM, "&": token.AND, "|": token.OR, "^": token.XOR, "&^": token.AND_NOT,
	"&&": token.LAND, "||": token.LOR, "<<": token.SHL, ">>": token.SHR, "!": token.NOT,
	"==": token.EQL, "!=": token.NEQ, "<": token.LSS, "<=": token.LEQ, ">": token.GTR, ">=": token.GEQ,
}

// generated adds deterministic pseudo-random float literals and quotients
// across the whole exponent range, for formatting and rounding.
func generated() {
	seed := uint64(1)
	next := func(n uint64) uint64 {
		seed = seed*6364136223846793005 + 1442695040888963407
		return (seed >> 33) % n
	}
	exps := []int{-330, -310, -300, -40, -5, -4, -3, 0, 3, 5, 6, 7, 15, 20, 21, 22, 300, 308, 309, 400, 2000, 5000, 100000, -5000, -100000, 1234567}
	for _, e := range exps {
		for i := 0; i < 4; i++ {
			digits := fmt.Sprint(next(1000000000))
			literals = append(literals, fmt.Sprintf("F:%s.%de%d", digits[:1], next(100000), e))
			binary = append(binary, fmt.Sprintf("F:%d.%de%d / F:%d", next(100), next(1000), e, 3+next(1000)))
		}
	}
}

func main() {
	generated()
	for _, l := range literals {
		v := constant.MakeFromLiteral(l[2:], kinds[l[0]], 0)
		out := show(v)
		if v.Kind() == constant.Unknown {
			out = "malformed"
		}
		fmt.Printf("lit\t%s\t=>\t%s\n", l, out)
	}
	for _, u := range unary {
		var op, x string
		var prec uint
		fmt.Sscanf(u, "%s %d %s", &op, &prec, &x)
		out := try(func() string { return show(constant.UnaryOp(tokens[op], operand(x), prec)) })
		fmt.Printf("un\t%s\t%d\t%s\t=>\t%s\n", op, prec, x, out)
	}
	for _, b := range binary {
		f := strings.Fields(b)
		out := try(func() string { return show(constant.BinaryOp(operand(f[0]), tokens[f[1]], operand(f[2]))) })
		fmt.Printf("bin\t%s\t%s\t%s\t=>\t%s\n", f[0], f[1], f[2], out)
	}
	for _, s := range shifts {
		var x, op string
		var n uint
		fmt.Sscanf(s, "%s %s %d", &x, &op, &n)
		out := try(func() string { return show(constant.Shift(operand(x), tokens[op], n)) })
		fmt.Printf("shift\t%s\t%s\t%d\t=>\t%s\n", x, op, n, out)
	}
	for _, c := range compares {
		f := strings.Fields(c)
		out := try(func() string { return fmt.Sprint(constant.Compare(operand(f[0]), tokens[f[1]], operand(f[2]))) })
		fmt.Printf("cmp\t%s\t%s\t%s\t=>\t%s\n", f[0], f[1], f[2], out)
	}
	convs := map[string]func(constant.Value) constant.Value{
		"to_int": constant.ToInt, "to_float": constant.ToFloat, "to_complex": constant.ToComplex,
		"real": constant.Real, "imag": constant.Imag, "make_imag": constant.MakeImag,
	}
	for _, c := range conversions {
		f := strings.Fields(c)
		out := try(func() string { return show(convs[f[0]](operand(f[1]))) })
		fmt.Printf("conv\t%s\t%s\t=>\t%s\n", f[0], f[1], out)
	}
	// conversions of computed (approximate) values: "fn A op B"
	for _, c := range computedConversions {
		f := strings.Fields(c)
		out := try(func() string {
			return show(convs[f[0]](constant.BinaryOp(operand(f[1]), tokens[f[2]], operand(f[3]))))
		})
		fmt.Printf("convx\t%s\t%s\t%s\t%s\t=>\t%s\n", f[0], f[1], f[2], f[3], out)
	}
	for _, a := range accessors {
		v := operand(a)
		i, iok := constant.Int64Val(constant.ToInt(v))
		u, uok := constant.Uint64Val(constant.ToInt(v))
		f, fok := constant.Float64Val(constant.ToFloat(v))
		g, gok := constant.Float32Val(constant.ToFloat(v))
		fmt.Printf("acc\t%s\t=>\t%d %v\t%d %v\t%016x %v\t%08x %v\t%d\t%d\n", a, i, iok, u, uok,
			math.Float64bits(f), fok, math.Float32bits(g), gok, constant.Sign(v), constant.BitLen(constant.ToInt(v)))
	}
	// float64 only: big.Rat.Float32 reports tiny exact binary fractions
	// that flush to zero as exact, a quirk go/types never looks at.
	for _, a := range float64s {
		f, fok := constant.Float64Val(constant.ToFloat(operand(a)))
		fmt.Printf("f64\t%s\t=>\t%016x %v\n", a, math.Float64bits(f), fok)
	}
	for _, r := range represent {
		f := strings.Fields(r)
		fmt.Printf("repr\t%s\t%s\t=>\t%s\n", f[0], f[1], representable(f[0], f[1]))
	}
}

// representable type-checks `const c T = x` and reports c's value or the
// reason go/types gives for rejecting it.
func representable(typ, x string) string {
	expr := x
	if strings.HasPrefix(x, "-") {
		expr = "-" + x[3:]
	} else {
		expr = x[2:]
	}
	src := "package p\nconst c " + typ + " = " + expr + "\n"
	fset := token.NewFileSet()
	file, err := parser.ParseFile(fset, "p.go", src, 0)
	if err != nil {
		return "parse error"
	}
	var msgs []string
	conf := types.Config{Importer: importer.Default(), Error: func(err error) { msgs = append(msgs, err.Error()) }}
	pkg, _ := conf.Check("p", fset, []*ast.File{file}, nil)
	if len(msgs) > 0 {
		switch m := msgs[0]; {
		case strings.Contains(m, "(truncated)"):
			return "error\ttruncated"
		case strings.Contains(m, "(overflows)"):
			return "error\toverflows"
		default:
			return "error\tinvalid"
		}
	}
	return show(pkg.Scope().Lookup("c").(*types.Const).Val())
}

var literals = []string{
	"I:0", "I:42", "I:0x_1F", "I:0X1f", "I:0o17", "I:0O17", "I:017", "I:00", "I:0b101", "I:0B1_01", "I:1_000",
	"I:9223372036854775807", "I:9223372036854775808", "I:18446744073709551615", "I:18446744073709551616",
	"I:0xFFFFFFFFFFFFFFFFFFFF", "I:1267650600228229401496703205376", "I:08", "I:0x",
	"F:1e3", "F:1E3", "F:1e+3", "F:0x1p-2", "F:0X1P+2", "F:0x1.8p1", "F:0x.8p0", "F:0x_1p4", "F:.5", "F:0.", "F:1.5",
	"F:1_0.2_5", "F:0.1", "F:1e100", "F:1e-100", "F:1e309", "F:2.5e-400", "F:1e1000", "F:1e1300", "F:1e-1300",
	"F:1e1000000", "F:1e-1000000", "F:1e646456992", "F:1e646456993", "F:1e9999999999", "F:1e-9999999999",
	"F:0x1p2147483646", "F:0x1p2147483647", "F:0x1p-1075", "F:0x1p-5000",
	"F:123456789012345678901234567890.5", "F:3.4028235677973366e38", "F:1e-7", "F:100000.0", "F:1000000.0",
	"F:1234567.0", "F:123456.5", "F:0.0001", "F:0.00001", "F:1.0000001", "F:1000.0", "F:0.000123456789",
	"F:1e21", "F:1e20", "F:12345678901234567890.0", "F:0.30000000000000004", "F:6.02214076e23", "F:1.7976931348623157e308",
	"F:4.9e-324", "F:2e-324", "F:00.5", "F:01e2",
	"M:1i", "M:0x1p2i", "M:017i", "M:0b101i", "M:0o17i", "M:0x1Fi", "M:1.5i", "M:1e39i", "M:.5i", "M:0i", "M:1e1000000i",
	"C:'a'", "C:'\\377'", "C:'\\u00e9'", "C:'\\U0001F600'", "C:'\\x41'", "C:'\\''", "C:'\\\\'", "C:'\\n'", "C:'é'",
	"C:'\\000'", "C:'\\a'", "C:'\\v'", "C:'\\400'", "C:'\\uD800'", "C:'\\\"'", "C:''", "C:'\\U00110000'",
	"S:\"a\\tb\\u00e9\\xff\"", "S:\"\"", "S:\"\\\"quoted\\\"\"", "S:`raw\\n`", "S:\"\\a\\b\\f\\v\\000\\r\"",
	"S:\"0123456789012345678901234567890123456789012345678901234567890123456789xyz\"",
	"S:\"0123456789012345678901234567890123456789012345678901234567890123456789\"",
	"S:\"日本語日本語日本語日本語日本語日本語日本語日本語日本語日本語日本語日本語日本語日本語日本語日本語日本語日本語日本語日本語日本語日本語日本語日本語日本語\"",
	"S:\"\\u200b\\u00a0\\u00ad\\x7f\\x01\\U0001F600\\U000E0001\\uFFFD\"", "S:\"\\'\"", "S:\"\\q\"", "S:\"a", "S:'a'",
	"S:\"\\xff\\xfe\\xc3\\xa9\"", "S:\"\\377\\400\"",
}

var unary = []string{
	"+ 0 I:5", "- 0 I:5", "- 0 -I:9223372036854775808", "- 0 I:9223372036854775808", "- 0 F:1.5", "- 0 F:1e1000000",
	"- 0 M:2i", "- 0 F:0", "^ 0 I:0", "^ 0 I:5", "^ 8 I:0", "^ 8 I:1", "^ 64 I:0", "^ 32 I:5", "^ 0 -I:1",
	"^ 0 I:1267650600228229401496703205376", "^ 0 F:1.5", "! 0 I:1", "+ 0 S:\"a\"", "- 0 S:\"a\"", "+ 0 M:1e39i",
	"^ 16 -I:2",
}

var binary = []string{
	"I:1 + I:2", "I:9223372036854775807 + I:1", "-I:9223372036854775808 - I:1", "I:4611686018427387904 * I:2",
	"I:3037000500 * I:3037000500", "I:7 / I:2", "I:6 / I:2", "I:7 div I:2", "-I:7 div I:2", "-I:7 % I:2", "I:7 % -I:2",
	"-I:9223372036854775808 div -I:1", "-I:9223372036854775808 % -I:1", "I:12 & I:10", "I:12 | I:10", "I:12 ^ I:10",
	"I:12 &^ I:10", "-I:12 &^ I:10", "-I:12 & I:10", "-I:1267650600228229401496703205376 | I:3",
	"I:1267650600228229401496703205376 - I:1", "I:1267650600228229401496703205376 * I:1267650600228229401496703205376",
	"I:1267650600228229401496703205376 div I:3", "-I:1267650600228229401496703205376 % I:7",
	"I:1267650600228229401496703205376 / I:3", "I:1267650600228229401496703205376 ^ -I:1",
	"I:1 / I:0", "I:1 div I:0", "I:1 % I:0", "F:1.0 / I:0", "M:1i / I:0", "I:1267650600228229401496703205376 div I:0",
	"F:1 / F:3.0", "F:0.1 + F:0.2", "F:0.1 * F:3", "I:1 / F:3", "F:1e1000000 * F:1e1000000", "F:1e1000000 / F:1e999999",
	"F:1e1000000 + I:1", "F:1e1000000 - F:1e1000000", "F:1e-1000000 * F:1e-1000000", "F:1e1300 / F:1e1299",
	"F:1e300 * F:1e300", "F:1e1000 * F:1e1000", "F:1e1000 * F:1e300", "F:1e-1000 * F:1e-1000", "F:2.5 % F:1",
	"F:1e646456992 * F:10", "F:1e-646456992 / F:1e100",
	"M:1i * M:1i", "F:1 + M:2i", "M:1i / M:2i", "M:1i / F:0.5", "M:3i - M:1i", "M:1e1000000i * M:1i",
	"S:\"ab\" + S:\"cd\"", "S:\"ab\" - S:\"cd\"", "C:'a' * I:3", "C:'a' + F:0.5",
}

var shifts = []string{
	"I:1 << 100", "I:1 << 0", "I:1 << 10000", "-I:1 >> 1", "-I:5 >> 1", "I:5 >> 100", "-I:5 >> 100",
	"I:1267650600228229401496703205376 >> 99", "-I:1267650600228229401496703205376 >> 200", "I:3 << 62", "I:3 << 61",
	"F:1.5 << 1", "S:\"a\" << 1", "I:1 << 1074",
}

var compares = []string{
	"I:1 < I:2", "I:1 == F:1.0", "F:0.1 == F:0.10", "I:1267650600228229401496703205376 > I:9223372036854775807",
	"F:1e1000000 > F:1e999999", "F:1e1000000 < I:1", "-F:1e1000000 < I:1", "M:1i == M:1i", "M:1i != F:1", "M:1i < M:2i",
	"S:\"a\" < S:\"b\"", "S:\"b\" >= S:\"a\"", "S:\"\\xff\" > S:\"a\"", "F:1e-1000000 > F:0",
	"I:3 <= I:3", "I:3 >= I:4", "I:3 != I:4",
}

var conversions = []string{
	"to_int F:3.0", "to_int F:3.5", "to_int F:1e100", "to_int F:1e1000", "to_int F:1e1300", "to_int M:3.0i",
	"to_int -F:2.0", "to_float I:3", "to_float I:1267650600228229401496703205376", "to_float M:2i",
	"to_complex I:3", "to_complex F:1.5", "to_complex S:\"a\"", "real M:2i", "imag M:2i", "imag I:5", "real F:1.5",
	"make_imag F:1.5", "make_imag I:0", "to_int S:\"a\"", "to_float S:\"a\"", "to_int F:0x1p-2",
}

var computedConversions = []string{
	"to_int F:1e-1300 * F:1e1300", "to_int F:1e1300 / F:1e1299", "to_int F:1e-1300 * F:3e1300",
	"to_float F:1e1300 / F:1e1299", "to_int F:1e1000000 * F:1e-1000000", "to_int F:1e1300 * F:1e-1299",
	"to_int F:3e-1300 * F:1e1300", "to_int F:1e1300 / F:3e1299", "to_int F:1e1300 / F:1e1000",
	"real M:1e1300i * M:1e-1300i", "to_int M:1e1300i * M:1e-1300i", "imag F:2 * M:1e1300i",
}

var accessors = []string{
	"I:0", "I:42", "-I:42", "I:9223372036854775807", "I:9223372036854775808", "I:18446744073709551615",
	"I:18446744073709551616", "-I:9223372036854775808", "F:0.1", "F:1.5", "F:1e100", "F:1e309", "F:1e-400",
	"F:3.4028235677973366e38", "F:3.4028235677973367e38", "F:1e-46", "F:1e-45", "F:0x1p-149", "F:0x1p-150",
	"F:0x1.000001p-149", "F:1e1000000", "-F:1e1000000", "F:1e-1000000", "F:16777217", "F:9007199254740993",
	"I:9007199254740993", "F:0x1.fffffffffffff8p1023", "F:0x1.fffffffffffff7ffp1023", "F:2.2250738585072011e-308",
	"F:0x1.0000000000001p-1075", "F:4.9406564584124654e-324", "-F:0.1", "M:1i", "F:0",
}

var float64s = []string{"F:0x1p-1074", "F:0x1p-1075", "F:0x1.8p-1075", "F:0x1.8p-1074", "F:0x1.4p-1073", "F:0x1.cp-1073", "F:0x1p-1076"}

var represent = []string{
	"byte I:255", "byte I:256", "int8 I:127", "int8 I:128", "int8 -I:128", "int8 -I:129", "int16 I:32768",
	"int16 -I:32768", "int32 I:2147483647", "int32 I:2147483648", "int64 I:9223372036854775807",
	"int64 I:9223372036854775808", "int I:9223372036854775808", "int -I:9223372036854775808", "uint -I:1",
	"uint I:18446744073709551615", "uint I:18446744073709551616", "uintptr I:18446744073709551615", "uint8 -I:1",
	"uint16 I:65535", "uint16 I:65536", "uint32 I:4294967295", "uint32 I:4294967296", "uint64 I:18446744073709551615",
	"int F:1.5", "int F:2.0", "int8 F:1000.0", "int F:1e100", "int64 F:1e18", "int M:2i", "int F:0x1p-2",
	"float32 F:0.1", "float32 F:1e39", "float32 F:1e-50", "float32 F:3.4028235677973366e38",
	"float32 F:3.4028235677973367e38", "float32 F:3.40282356779733661637539395458142568447e38", "float32 I:16777217",
	"float64 F:1e309", "float64 F:1e308", "float64 F:0.1", "float64 I:9007199254740993", "float64 F:1e1000000",
	"float64 F:1e-400", "float32 M:1i", "float64 S:\"a\"", "complex64 M:1e39i", "complex64 F:0.1", "complex128 M:1e309i",
	"complex128 I:1", "string S:\"a\"", "string I:1", "bool I:1", "int S:\"a\"", "rune C:'a'", "byte C:'é'",
	"uint8 C:'\\u0100'", "float32 -F:1e39", "int32 -F:2147483648.0", "int32 -F:2147483649.0",
}
